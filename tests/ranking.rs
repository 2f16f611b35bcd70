//! The ranking order, as a table: for each query, the paragraphs expected on top, in order.
//! Built on hand-written resolutions (`corpus::build`) so that each row tests one rule of the
//! ranking: whole words before word parts, a phrase before scattered words, a word that comes
//! back before one seen once, a denser (shorter) paragraph first on equal score, a typo still
//! found, accents ignored both ways, metadata filters narrowing without reordering.

// Test and tool code: a failure is meant to stop it, and clippy's pedantic group is for src/.
#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use resolu::corpus::Language;
use resolu::corpus::Resolution;
use resolu::corpus::build::ResolutionBuilder;
use resolu::index::Index;
use resolu::index::query::parse;

fn corpus() -> Vec<Resolution> {
    vec![
        ResolutionBuilder::new("A/RES/80/1")
            .language(Language::EN)
            .preambular("Recalling the Charter of the United Nations,")
            .operative("Calls for international cooperation on human rights;")
            .operative("Welcomes the cooperative arrangements with regional organizations;")
            .build(),
        ResolutionBuilder::new("A/HRC/RES/44/18")
            .language(Language::FR)
            .operative("Souligne l’importance de la coopération internationale ;")
            .operative(
                "Décide de poursuivre l’examen de la coopération technique et de la \
                 coopération régionale à sa prochaine session ;",
            )
            .build(),
        ResolutionBuilder::new("A/RES/80/2")
            .language(Language::EN)
            .operative(
                "Requests the Secretary-General to report to it at its eighty-first session on \
                 international cooperation and solidarity in the field of human rights;",
            )
            .operative("Decides to include the item in the provisional agenda of its next session;")
            .build(),
    ]
}

/// The top hits of `query` as `symbol OP n`.
fn top(docs: &[Resolution], index: &Index, query: &str, n: usize) -> Vec<String> {
    index
        .search(docs, &parse(query), n)
        .hits
        .iter()
        .map(|hit| {
            let r = &docs[hit.document.0];
            format!(
                "{} {}",
                r.id(),
                r.citation(hit.paragraph).unwrap_or_default()
            )
        })
        .collect()
}

#[test]
fn queries_rank_the_expected_paragraphs_first() {
    let docs = corpus();
    let index = Index::build(&docs);
    let table: &[(&str, &[&str])] = &[
        // The phrase, in the shorter paragraph first; scattered words after.
        (
            "international cooperation",
            &["A/RES/80/1 OP 1", "A/RES/80/2 OP 1"],
        ),
        // The word twice before once; the word before a longer word it starts.
        (
            "cooperation",
            &[
                "A/HRC/RES/44/18 OP 2",
                "A/RES/80/1 OP 1",
                "A/HRC/RES/44/18 OP 1",
            ],
        ),
        // Accents: typed or not, the same order.
        (
            "coopération",
            &[
                "A/HRC/RES/44/18 OP 2",
                "A/RES/80/1 OP 1",
                "A/HRC/RES/44/18 OP 1",
            ],
        ),
        // A phrase in French, in the other order of words: the phrase wins.
        ("cooperation internationale", &["A/HRC/RES/44/18 OP 1"]),
        // A typo still finds the word.
        ("cooperaton internationale", &["A/HRC/RES/44/18 OP 1"]),
        // A word part only: `cooperative` is found, the whole word first.
        ("cooperative", &["A/RES/80/1 OP 2"]),
        // A filter narrows without changing the order of what is left.
        ("s:80 cooperation", &["A/RES/80/1 OP 1", "A/RES/80/2 OP 1"]),
        (
            "session",
            &["A/RES/80/2 OP 2", "A/HRC/RES/44/18 OP 2", "A/RES/80/2 OP 1"],
        ),
    ];
    let mut wrong = Vec::new();
    // Twice over, the second time backwards: an answer must not depend on the queries asked
    // before it (fuzzy-matcher's cache once made it so).
    for (query, expected) in table.iter().chain(table.iter().rev()) {
        let found = top(&docs, &index, query, expected.len());
        if found != *expected {
            wrong.push(format!("{query:?}: expected {expected:?}, found {found:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
