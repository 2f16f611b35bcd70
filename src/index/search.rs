//! Query → ranked hits: candidates from the inverted index, filters, then the fuzzy matcher
//! (`SkimMatcherV2` over folded text) on the best few hundred only, with bonuses for whole-word
//! and exact-phrase matches; match positions mapped back to the original characters.

// Paragraph and word ids are u32, halving the postings: four billion paragraphs would not
// fit in memory long before an id overflowed.
#![allow(clippy::cast_possible_truncation)]

use super::query::{Filters, Query, Term, TermKind};
use super::recorded::RollCallSources;
use super::{Index, ParagraphId};
use crate::corpus::{ById, DocId, ParagraphIndex, ParagraphKind, Resolution};
use crate::text::fold::{fold, fold_with_offsets, words};
use fixedbitset::FixedBitSet;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;
use std::sync::LazyLock;

/// One matching paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub document: DocId,
    pub paragraph: ParagraphIndex,
    pub score: i64,
    /// Byte offsets, in the original paragraph text, of each highlighted character.
    pub positions: Vec<usize>,
}

/// The answer to a query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchResult {
    /// Best first, at most the limit asked for.
    pub hits: Vec<Hit>,
    /// Every matching paragraph, counted.
    pub total: usize,
    /// Every document with at least one matching paragraph, in corpus order, with how many.
    pub documents: Vec<(DocId, usize)>,
}

/// How many candidates beyond the limit the fuzzy matcher scores per query.
const SCORED_EXTRA: usize = 300;
const WHOLE_WORD_BONUS: i64 = 40;
const PHRASE_BONUS: i64 = 80;
const REPEAT_BONUS: i64 = 10;

/// The matcher for questions whose answer is yes or no (does this word match at all?).
static MATCHER: LazyLock<SkimMatcherV2> = LazyLock::new(|| SkimMatcherV2::default().ignore_case());

/// A matcher with an empty cache, for scores and positions. fuzzy-matcher 0.3.7 keeps its score
/// matrix per thread between calls and grows it without clearing it, so a shared matcher's
/// score depended on what the same thread had matched before: the ranking changed from run to
/// run (`tests/ranking.rs` caught it). Whether it matches does not depend on the matrix, and
/// `use_cache(false)` panics (a `RefCell` borrowed twice), hence a new matcher per score.
fn fresh_matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default()
        .ignore_case()
        .element_limit(FUZZY_ELEMENTS)
}

/// The fuzzy matcher's work is the term's length times the text's (its score matrix has that
/// many cells): a term longer than this is matched as it is written, never fuzzily — no word
/// is that long, and a hostile query of long words cost seconds per paragraph.
pub const MAX_FUZZY_TERM: usize = 64;

/// The most text a fuzzy score reads when the term is not found as written (a misspelt word
/// somewhere in the paragraph): the paragraph's start, so a paragraph of megabytes costs what
/// one of this size does.
const FUZZY_WINDOW: usize = 8 * 1024;

/// Above this many matrix cells (term × text), fuzzy-matcher's cheap left-to-right match is
/// used for the positions instead of its full matrix.
const FUZZY_ELEMENTS: usize = 256 * 1024;

/// Whether `term` is short enough for the fuzzy matcher.
fn fuzzy_sized(term: &str) -> bool {
    term.len() <= MAX_FUZZY_TERM
}

/// What one search did, counted: tests bound the work of a query with it (never its time).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Work {
    /// Terms looked up in the inverted index.
    pub terms: usize,
    /// Paragraphs read and folded to verify phrases, `^`, `$` and negations.
    pub verified: usize,
    /// Paragraphs scored for ranking.
    pub scored: usize,
    /// Fuzzy scores computed: one per scored paragraph and term the index places in it.
    pub term_scores: usize,
}

/// The search was stopped because a newer one is wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stopped;

/// How many paragraphs are verified between two looks at whether to stop.
const VERIFY_CHUNK: usize = 4096;

impl Index {
    /// Answer `query` over `corpus` (the resolutions this index was built from).
    pub fn search(&self, corpus: &[Resolution], query: &Query, limit: usize) -> SearchResult {
        self.search_with(corpus, query, limit, &RollCallSources::default())
    }

    /// [`Index::search`], with the roll calls of imported records for the query's `v:` and
    /// `src:` keys.
    pub fn search_with(
        &self,
        corpus: &[Resolution],
        query: &Query,
        limit: usize,
        sources: &RollCallSources,
    ) -> SearchResult {
        self.search_until_with(corpus, query, limit, sources, &mut || false)
            .map(|(result, _)| result)
            .unwrap_or_default()
    }

    /// [`Index::search`] that asks `stop` between steps (each term, each few thousand
    /// paragraphs read, before ranking) and gives up as soon as it says yes; also says what
    /// work it did.
    ///
    /// # Errors
    ///
    /// [`Stopped`] when `stop` said yes.
    pub fn search_until(
        &self,
        corpus: &[Resolution],
        query: &Query,
        limit: usize,
        stop: &mut dyn FnMut() -> bool,
    ) -> Result<(SearchResult, Work), Stopped> {
        self.search_until_with(corpus, query, limit, &RollCallSources::default(), stop)
    }

    /// [`Index::search_until`] with the roll calls of imported records (`v:`, `src:`).
    ///
    /// # Errors
    ///
    /// [`Stopped`] when `stop` said yes.
    pub fn search_until_with(
        &self,
        corpus: &[Resolution],
        query: &Query,
        limit: usize,
        sources: &RollCallSources,
        stop: &mut dyn FnMut() -> bool,
    ) -> Result<(SearchResult, Work), Stopped> {
        let mut work = Work::default();
        let check = |stop: &mut dyn FnMut() -> bool| if stop() { Err(Stopped) } else { Ok(()) };
        check(stop)?;
        let count = self.paragraph_count();
        let mut candidates = self.allowed(corpus, query, sources);
        // Each positive term's candidates, looked up once: for its group, then for ranking.
        let mut term_sets = Vec::new();
        let mut to_verify = Vec::new();
        for group in &query.groups {
            let mut union = FixedBitSet::with_capacity(count);
            for term in group.iter().filter(|t| !t.negated) {
                check(stop)?;
                work.terms += 1;
                let set = self.term_candidates(term);
                union.union_with(&set);
                term_sets.push(set);
            }
            match group.as_slice() {
                // `!word`: the index knows exactly which paragraphs hold it.
                [term] if term.negated && Self::index_exact(term) => {
                    work.terms += 1;
                    candidates.difference_with(&self.term_candidates(term));
                }
                _ if group.iter().any(|t| t.negated) => to_verify.push(group),
                _ => {
                    candidates.intersect_with(&union);
                    if !group.iter().all(Self::index_exact) {
                        to_verify.push(group);
                    }
                }
            }
        }
        if !to_verify.is_empty() {
            // Phrases, `^`, `$`, negated phrases: fold and read each remaining candidate.
            let ids: Vec<usize> = candidates.ones().collect();
            for chunk in ids.chunks(VERIFY_CHUNK) {
                check(stop)?;
                work.verified += chunk.len();
                let rejected: Vec<usize> = chunk
                    .par_iter()
                    .copied()
                    .filter(|&id| {
                        let text = fold(self.original(corpus, ParagraphId(id)));
                        !to_verify
                            .iter()
                            .all(|group| group.iter().any(|t| Self::accepts(t, &text)))
                    })
                    .collect();
                for id in rejected {
                    candidates.remove(id);
                }
            }
        }
        check(stop)?;
        let hits = self.rank(corpus, query, &candidates, &term_sets, limit, &mut work);
        let result = SearchResult {
            total: candidates.count_ones(..),
            documents: self.documents_of(&candidates),
            hits,
        };
        Ok((result, work))
    }

    /// Paragraphs allowed by the query's document and paragraph-kind filters.
    fn allowed(
        &self,
        corpus: &[Resolution],
        query: &Query,
        sources: &RollCallSources,
    ) -> FixedBitSet {
        let count = self.paragraph_count();
        let mut allowed = FixedBitSet::with_capacity(count);
        let filters = &query.filters;
        let documents = self.document_count();
        // Country filters through the vote index; the other document filters are cheap checks.
        let mut docs = FixedBitSet::with_capacity(documents);
        docs.insert_range(..);
        for country in &filters.countries {
            docs.intersect_with(&self.votes.documents(country));
        }
        let others = Filters {
            countries: Vec::new(),
            paragraph_kind: None,
            ..filters.clone()
        };
        if others != Filters::default() {
            let rejected: Vec<usize> = docs
                .ones()
                .filter(|&doc| {
                    corpus
                        .get(doc)
                        .is_none_or(|r| !others.accepts_document_with(r, sources))
                })
                .collect();
            for doc in rejected {
                docs.remove(doc);
            }
        }
        for doc in docs.ones() {
            allowed.insert_range(self.paragraphs_of(DocId(doc)));
        }
        match filters.paragraph_kind {
            Some(ParagraphKind::Operative) => allowed.intersect_with(&self.operative),
            Some(ParagraphKind::Preambular) => {
                allowed.difference_with(&self.operative);
                allowed.difference_with(&self.annex);
            }
            Some(ParagraphKind::Annex) => allowed.intersect_with(&self.annex),
            None => {}
        }
        allowed
    }

    /// A superset of the paragraphs `term` can match, from the inverted index.
    fn term_candidates(&self, term: &Term) -> FixedBitSet {
        let count = self.paragraph_count();
        let mut set = FixedBitSet::with_capacity(count);
        set.insert_range(..);
        for word in words(&term.text) {
            let mut union = FixedBitSet::with_capacity(count);
            if term.kind == TermKind::Fuzzy {
                self.add_prefix_postings(word, &mut union);
                if union.is_clear() {
                    self.add_fuzzy_postings(word, &mut union);
                }
            } else {
                // Exact forms may start inside a word (`'operation` in `cooperation`).
                for (id, w) in self.vocabulary.iter().enumerate() {
                    if w.contains(word) {
                        self.add_postings(id, &mut union);
                    }
                }
            }
            set.intersect_with(&union);
        }
        set
    }

    fn add_postings(&self, word_id: usize, set: &mut FixedBitSet) {
        for &p in self.postings_of(word_id) {
            set.insert(p as usize);
        }
    }

    fn add_prefix_postings(&self, prefix: &str, set: &mut FixedBitSet) {
        let mut chars = prefix.chars();
        if let (Some(c), None) = (chars.next(), chars.next())
            && let Some(letter) = self.first_letters.get(&c)
        {
            set.union_with(letter);
            return;
        }
        for id in self.words_with_prefix(prefix) {
            self.add_postings(id, set);
        }
    }

    /// Typo tolerance: words sharing the first letter that the fuzzy matcher accepts and that
    /// are not much longer than what was typed.
    fn add_fuzzy_postings(&self, word: &str, set: &mut FixedBitSet) {
        let Some(first) = word.chars().next() else {
            return;
        };
        if word.chars().count() < 3 || !fuzzy_sized(word) {
            return;
        }
        let mut buf = [0u8; 4];
        for id in self.words_with_prefix(first.encode_utf8(&mut buf)) {
            let candidate = &self.vocabulary[id];
            if candidate.len() <= word.len() * 2 + 2
                && MATCHER.fuzzy_match(candidate, word).is_some()
            {
                self.add_postings(id, set);
            }
        }
    }

    /// Whether the index alone decides `term`: fuzzy words (a word starting with each), and
    /// an exact single word (a vocabulary word containing it).
    fn index_exact(term: &Term) -> bool {
        match term.kind {
            TermKind::Fuzzy => true,
            TermKind::Exact => term.text.chars().all(char::is_alphanumeric),
            _ => false,
        }
    }

    fn accepts(term: &Term, text: &str) -> bool {
        match term.kind {
            // A fuzzy term already narrowed the candidates; inside an OR group with exact
            // forms it holds when each of its words starts a word of the text.
            TermKind::Fuzzy => {
                words(&term.text).all(|w| words(text).any(|t| t.starts_with(w))) != term.negated
            }
            _ => term.accepts(text),
        }
    }

    fn documents_of(&self, matching: &FixedBitSet) -> Vec<(DocId, usize)> {
        DocId::all(self.document_count())
            .filter_map(|doc| {
                let n = matching.count_ones(self.paragraphs_of(doc));
                (n > 0).then_some((doc, n))
            })
            .collect()
    }

    /// Score the best candidates and return the top `limit`, best first. A term is scored
    /// only in the paragraphs its index lookup (`term_sets`, one per positive term) places it
    /// in, so the alternatives of `a | b | …` cost what they match, not each one every
    /// paragraph.
    fn rank(
        &self,
        corpus: &[Resolution],
        query: &Query,
        matching: &FixedBitSet,
        term_sets: &[FixedBitSet],
        limit: usize,
        work: &mut Work,
    ) -> Vec<Hit> {
        let terms: Vec<&Term> = query.positive_terms().collect();
        let chosen: Vec<u32> = if terms.is_empty() {
            matching.ones().take(limit).map(|i| i as u32).collect()
        } else {
            self.preselect(&terms, matching, limit + SCORED_EXTRA)
        };
        // The terms the index places in paragraph `id`.
        let present = |id: u32| -> Vec<&Term> {
            terms
                .iter()
                .zip(term_sets)
                .filter(|(_, set)| set.contains(id as usize))
                .map(|(t, _)| *t)
                .collect()
        };
        let mut scored: Vec<(i64, usize, u32, usize)> = chosen
            .par_iter()
            .map(|&id| {
                let original = self.original(corpus, ParagraphId(id as usize));
                let present = present(id);
                (
                    score(&present, &fold(original)),
                    original.len(),
                    id,
                    present.len(),
                )
            })
            .collect();
        work.scored += scored.len();
        work.term_scores += scored.iter().map(|s| s.3).sum::<usize>();
        // Equal scores: the shorter paragraph (denser match) first, then corpus order.
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        scored.truncate(limit);
        scored
            .into_par_iter()
            .filter_map(|(score, _, id, _)| {
                let (document, paragraph) = self.locate(ParagraphId(id as usize));
                let text = &corpus.by_id(document)?.paragraph(paragraph)?.text;
                Some(Hit {
                    document,
                    paragraph,
                    score,
                    positions: positions_of(&present(id), text),
                })
            })
            .collect()
    }

    /// The candidates worth scoring, at most `wanted`: first those where every term is a whole
    /// word, then the others, each in corpus order. Bitset work, not a pass over candidates.
    fn preselect(&self, terms: &[&Term], matching: &FixedBitSet, wanted: usize) -> Vec<u32> {
        let mut best = matching.clone();
        for term in terms {
            let mut whole = FixedBitSet::with_capacity(matching.len());
            if let Some(id) = self.word_id(&term.text) {
                self.add_postings(id, &mut whole);
            }
            best.intersect_with(&whole);
        }
        let mut chosen: Vec<u32> = best.ones().take(wanted).map(|i| i as u32).collect();
        if chosen.len() < wanted {
            let rest = matching.difference(&best).take(wanted - chosen.len());
            chosen.extend(rest.map(|i| i as u32));
        }
        chosen
    }
}

/// The fuzzy matcher's score of every term on `folded`, plus bonuses for a whole word, for
/// a term that comes back, and for the terms together as a phrase.
fn score(terms: &[&Term], folded: &str) -> i64 {
    let mut total = 0;
    for term in terms {
        if fuzzy_sized(&term.text) {
            let window = term_window(&term.text, folded);
            total += fresh_matcher().fuzzy_match(window, &term.text).unwrap_or(0);
        }
        let mut seen = 0i64;
        let mut whole = false;
        for (at, found) in folded.match_indices(term.text.as_str()).take(4) {
            seen += 1;
            let after = folded[at + found.len()..].chars().next();
            whole |= is_word_start(folded, at) && after.is_none_or(|c| !c.is_alphanumeric());
        }
        if whole {
            total += WHOLE_WORD_BONUS;
        }
        total += REPEAT_BONUS * (seen - 1).max(0);
    }
    if terms.len() > 1 {
        let phrase: Vec<&str> = terms.iter().map(|t| t.text.as_str()).collect();
        if folded.contains(&phrase.join(" ")) {
            total += PHRASE_BONUS;
        }
    }
    total
}

/// Where the matcher should look: the word `term` starts, when it occurs, so the cost does not
/// grow with the paragraph; else the whole paragraph (a typo, an exact form).
fn term_window<'a>(term: &str, folded: &'a str) -> &'a str {
    let Some(start) = word_start_occurrence(folded, term) else {
        let mut end = FUZZY_WINDOW.min(folded.len());
        while !folded.is_char_boundary(end) {
            end -= 1;
        }
        return &folded[..end];
    };
    let mut end = (start + term.len() + 24).min(folded.len());
    while !folded.is_char_boundary(end) {
        end += 1;
    }
    &folded[start..end]
}

/// The first place `term` occurs at the start of a word of `folded`.
fn word_start_occurrence(folded: &str, term: &str) -> Option<usize> {
    if term.is_empty() {
        return None;
    }
    folded
        .match_indices(term)
        .map(|(i, _)| i)
        .find(|&i| is_word_start(folded, i))
}

fn is_word_start(folded: &str, at: usize) -> bool {
    folded[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// Byte offsets in `original` of every character the query highlights: every occurrence of
/// each positive term at a word start (or anywhere, for exact forms), else the fuzzy matcher's
/// positions.
pub fn match_positions(query: &Query, original: &str) -> Vec<usize> {
    let terms: Vec<&Term> = query.positive_terms().collect();
    positions_of(&terms, original)
}

/// [`match_positions`] of these terms.
fn positions_of(terms: &[&Term], original: &str) -> Vec<usize> {
    let (folded, offsets) = fold_with_offsets(original);
    let mut positions: Vec<usize> = Vec::new();
    for term in terms {
        let mut found = false;
        for (start, end) in occurrences(term, &folded) {
            found = true;
            positions.extend(offsets[start..end].iter().copied());
        }
        if !found
            && term.kind == TermKind::Fuzzy
            && fuzzy_sized(&term.text)
            && let Some((_, chars)) = fresh_matcher().fuzzy_indices(&folded, &term.text)
            && compact(&chars, term.text.chars().count())
        {
            let byte_of: Vec<usize> = folded.char_indices().map(|(i, _)| i).collect();
            positions.extend(
                chars
                    .iter()
                    .filter_map(|&c| byte_of.get(c))
                    .map(|&b| offsets[b]),
            );
        }
    }
    positions.sort_unstable();
    positions.dedup();
    positions
}

/// Whether fuzzy match positions (character indices, sorted) read as one misspelt word: they
/// span little more than the term. Letters picked across a paragraph (`v` … `a` … `c` lines
/// apart) are no match worth showing.
fn compact(chars: &[usize], term_chars: usize) -> bool {
    match (chars.first(), chars.last()) {
        (Some(first), Some(last)) => last - first < 2 * term_chars + 2,
        _ => false,
    }
}

/// Byte ranges in `folded` where `term` occurs as its kind asks.
fn occurrences(term: &Term, folded: &str) -> Vec<(usize, usize)> {
    let needle = term.text.as_str();
    if needle.is_empty() {
        return Vec::new();
    }
    let all = folded.match_indices(needle).map(|(i, s)| (i, i + s.len()));
    match term.kind {
        TermKind::Fuzzy => all.filter(|&(i, _)| is_word_start(folded, i)).collect(),
        TermKind::Prefix => all.take(1).filter(|_| term.matches(folded)).collect(),
        TermKind::Suffix => all
            .last()
            .into_iter()
            .filter(|_| term.matches(folded))
            .collect(),
        _ => all.collect(),
    }
}

#[cfg(test)]
mod tests {
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
}
