//! Searches over small corpora built here: ranking, filters, highlights and bounded work.

use super::score::term_window;
use super::*;
use crate::corpus::load::parse_bytes;
use crate::index::query::parse;
use std::fmt::Write;

/// A one-document corpus whose paragraphs hold `texts`.
fn corpus(texts: &[&str]) -> Vec<Resolution> {
    let mut doc = String::from("Le Conseil des droits de l’homme,\n");
    for (i, t) in texts.iter().enumerate() {
        let _ = writeln!(doc, "{}. {t}", i + 1);
    }
    vec![parse_bytes("t.txt", doc.as_bytes()).unwrap()]
}

fn highlighted(text: &str, positions: &[usize]) -> String {
    positions
        .iter()
        .filter_map(|&p| text[p..].chars().next())
        .collect()
}

#[test]
fn folding_table_finds_and_highlights_original_characters() {
    let table = [
        ("cooperation", "Renforce la coopération ;", "coopération"),
        ("cooperation", "RENFORCE LA COOPÉRATION ;", "COOPÉRATION"),
        ("l'homme", "les droits de l’homme ;", "l’homme"),
        ("oeuvre", "la mise en œuvre ;", "œuvre"),
        (
            "pre-recorded",
            "a pre\u{2011}recorded statement ;",
            "pre\u{2011}recorded",
        ),
        (
            "cote d'ivoire",
            "la Côte d’Ivoire et le Mali ;",
            "Côted’Ivoire",
        ),
        ("COOPÉRATION", "une coopération utile ;", "coopération"),
    ];
    for (query, text, expected) in table {
        let docs = corpus(&[text, "Sans rapport aucun."]);
        let index = Index::build(&docs);
        let result = index.search(&docs, &parse(query), 10);
        assert_eq!(result.total, 1, "{query:?} in {text:?}");
        let hit = &result.hits[0];
        assert_eq!(hit.paragraph, ParagraphIndex(0));
        let original = &docs[0].paragraphs[0].text;
        assert_eq!(highlighted(original, &hit.positions), expected, "{query:?}");
    }
}

#[test]
fn a_typo_is_highlighted_but_letters_scattered_over_a_paragraph_are_not() {
    let typo = "la coopération internationale ;";
    assert_eq!(
        highlighted(typo, &match_positions(&parse("cooperaton"), typo)),
        "coopération".replace('i', "")
    );
    let scattered =
        "Vu la Charte, agissant conformément à la Convention internationale sur ce point";
    assert_eq!(
        match_positions(&parse("vaccins"), scattered),
        Vec::<usize>::new()
    );
}

#[test]
fn whole_words_and_phrases_rank_first() {
    let docs = corpus(&[
        "la coopérative agricole internationale ;",
        "la coopération internationale ;",
        "la coopération et la solidarité internationale ;",
    ]);
    let index = Index::build(&docs);
    let result = index.search(&docs, &parse("cooperation internationale"), 10);
    assert_eq!(result.total, 2);
    assert_eq!(
        result.hits[0].paragraph,
        ParagraphIndex(1),
        "the exact phrase first"
    );
    let result = index.search(&docs, &parse("coop"), 10);
    assert_eq!(result.total, 3);
}

#[test]
fn filters_negations_and_exact_forms() {
    let docs = corpus(&[
        "décide de la coopération ;",
        "décide encore ;",
        "prie la coopération.",
    ]);
    let index = Index::build(&docs);
    let total = |q: &str| index.search(&docs, &parse(q), 10).total;
    assert_eq!(total("decide !cooperation"), 1);
    assert_eq!(total("'operation"), 2);
    assert_eq!(total("^prie"), 1);
    assert_eq!(total("cooperation$"), 2, "trailing punctuation ignored");
    assert_eq!(total("decide | prie"), 3);
    assert_eq!(total("\"de la cooperation\""), 1);
    assert_eq!(total("op:"), 3);
    assert_eq!(total("pp:"), 0);
    assert_eq!(total("zzz"), 0);
    assert_eq!(total("cooperaton"), 2, "a typo still finds the word");
    let empty = index.search(&docs, &parse(""), 2);
    assert_eq!((empty.total, empty.hits.len()), (3, 2));
    assert_eq!(empty.documents, vec![(DocId(0), 3)]);
}

/// `n` distinct letter-only words, none a prefix of another.
fn distinct_words(n: usize) -> Vec<String> {
    let letter = |k: usize| char::from(b'a' + u8::try_from(k % 26).unwrap());
    (0..n)
        .map(|i| format!("mot{}{}{}", letter(i / 676), letter(i / 26), letter(i)))
        .collect()
}

#[test]
fn a_term_longer_than_any_word_is_matched_as_written_never_fuzzily() {
    let long = "ab".repeat(40);
    let text = format!("Décide que {long} et rien.");
    let docs = corpus(&[&text]);
    let index = Index::build(&docs);
    // As written: found, and lit whole.
    let exact = parse(&long);
    assert_eq!(index.search(&docs, &exact, 10).total, 1);
    let body = &docs[0].paragraphs[0].text;
    assert_eq!(match_positions(&exact, body).len(), long.len());
    // A letter left out: forgiven in a short word, not in a term over the limit (the
    // fuzzy matcher would take it: every letter is there, in order).
    let short = parse("decde");
    assert_eq!(index.search(&docs, &short, 10).total, 1);
    let missing = format!("{}{}", &long[..40], &long[41..]);
    assert!(!fuzzy_sized(&missing) && !long.contains(&missing));
    let over = parse(&missing);
    assert_eq!(index.search(&docs, &over, 10).total, 0);
    assert!(match_positions(&over, body).is_empty());
}

#[test]
fn a_fuzzy_score_reads_a_bounded_window_of_a_huge_paragraph() {
    let huge = "mot ".repeat(FUZZY_WINDOW);
    let window = term_window("absent", &huge);
    assert!(window.len() <= FUZZY_WINDOW, "{}", window.len());
    assert!(huge.starts_with(window));
    // Found as written: the window starts there and is the term and a little more.
    assert_eq!(term_window("mot", &huge).len(), 3 + 24);
    // A window is cut on a character boundary.
    let accents = "é".repeat(FUZZY_WINDOW);
    assert!(term_window("zz", &accents).len() <= FUZZY_WINDOW);
}

#[test]
fn a_long_or_query_does_bounded_work() {
    use crate::index::query::{MAX_ATOMS, too_many_atoms};
    let words = distinct_words(1000);
    // A paragraph per word, each word in one paragraph only.
    let texts: Vec<String> = words[..200].iter().map(|w| format!("sur {w} ;")).collect();
    let docs = corpus(&texts.iter().map(String::as_str).collect::<Vec<_>>());
    let index = Index::build(&docs);
    let query = parse(&words.join(" | "));
    assert!(query.hints.contains(&too_many_atoms()), "{:?}", query.hints);
    let (result, work) = index
        .search_until(&docs, &query, 10, &mut || false)
        .unwrap();
    assert_eq!(
        result.total, MAX_ATOMS,
        "the first 64 words, one paragraph each"
    );
    assert!(work.terms <= MAX_ATOMS, "{work:?}");
    assert_eq!(work.scored, MAX_ATOMS);
    // Each scored paragraph is scored for the one alternative it holds, not all 64.
    assert_eq!(work.term_scores, work.scored, "{work:?}");
    assert_eq!(work.verified, 0);
}

#[test]
fn a_search_stops_at_once_when_told() {
    let words = distinct_words(100);
    let texts: Vec<String> = words.iter().map(|w| format!("\"sur {w}\" ;")).collect();
    let docs = corpus(&texts.iter().map(String::as_str).collect::<Vec<_>>());
    let index = Index::build(&docs);
    let query = parse(&words.join(" | "));
    let looks = |stop_at: usize| {
        let mut n = 0;
        let outcome = index.search_until(&docs, &query, 10, &mut || {
            n += 1;
            n == stop_at
        });
        (outcome.is_ok(), n)
    };
    let (finished, all) = looks(0);
    assert!(finished && all > 64, "a look per term at least: {all}");
    // Told to stop at the third look: stopped there, the other terms never looked up.
    assert_eq!(looks(3), (false, 3));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]
    /// `a | b | …` of 1,000 words finds what its first 64 find.
    #[test]
    fn a_thousand_alternatives_find_what_the_first_64_find(
        picks in proptest::collection::vec(0usize..10_000, 1000),
        limit in 1usize..60,
    ) {
        use crate::index::query::MAX_ATOMS;
        static EMBEDDED: LazyLock<(Vec<Resolution>, Index)> = LazyLock::new(|| {
            let corpus = crate::corpus::load::load_embedded();
            let index = Index::build(&corpus.resolutions);
            (corpus.resolutions, index)
        });
        let (docs, index) = &*EMBEDDED;
        let vocabulary = index.vocabulary_size();
        let words: Vec<String> = picks
            .iter()
            .map(|&p| index.vocabulary[p % vocabulary].to_string())
            .collect();
        let long = index.search(docs, &parse(&words.join(" | ")), limit);
        let short = index.search(docs, &parse(&words[..MAX_ATOMS].join(" | ")), limit);
        proptest::prop_assert_eq!(long, short);
    }
}
