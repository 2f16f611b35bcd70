//! Agreement and history figures on the real General Assembly roll calls 1946–2019 (Voeten's
//! data as the R package `unvotes` ships it, `../shared/votes/unvotes/`), against figures
//! computed independently by `scripts/agreement.py`:
//!
//! ```text
//! python3 scripts/agreement.py ../shared/votes/unvotes US:IL US:GB BR:IN FR:DE
//! 6202 roll calls, 5057 on whole resolutions
//! US-IL all: halves 9122 common 5656 index 0.806400
//! US-IL whole: halves 7619 common 4657 index 0.818016
//! US-GB all: halves 9259 common 6116 index 0.756949
//! US-GB whole: halves 7358 common 4989 index 0.737422
//! BR-IN all: halves 9989 common 6109 index 0.817564
//! BR-IN whole: halves 8564 common 4987 index 0.858632
//! FR-DE all: halves 4631 common 2526 index 0.916667
//! FR-DE whole: halves 3948 common 2150 index 0.918140
//! US: yes 1810 no 3100 abstain 1245 no row 47
//! ```
//!
//! ("halves" is twice the sum of the scores: same vote 2, one abstaining 1, yes against no 0.)
//! The store is built by a minimal reader of the two CSV files (`tests/unvotes/mod.rs`; the
//! `import-votes` importer is another piece of work). Skipped, saying so, when the data is
//! absent.

// Test and tool code: a failure is meant to stop it, and clippy's pedantic group is for src/.
#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

#[path = "unvotes/mod.rs"]
mod unvotes;

use resolu::votes::{Cast, CountryId, RollCallId, agreement, history};

fn id(code: &str) -> CountryId {
    CountryId::of_code(code).unwrap()
}

#[test]
fn agreement_and_history_match_the_independent_script() {
    let Some(dir) = unvotes::data() else { return };
    let store = unvotes::read(&dir);
    let every: Vec<RollCallId> = store.ids().collect();
    let whole = store.resolution_votes();
    assert_eq!((every.len(), whole.len()), (6202, 5057));
    // (a, b, halves and common over every roll call, then over whole resolutions)
    let expected = [
        ("USA", "ISR", (9122, 5656), (7619, 4657)),
        ("USA", "GBR", (9259, 6116), (7358, 4989)),
        ("BRA", "IND", (9989, 6109), (8564, 4987)),
        ("FRA", "DEU", (4631, 2526), (3948, 2150)),
    ];
    for (a, b, all, resolutions) in expected {
        let found = agreement(&store, id(a), id(b), &every);
        assert_eq!(
            (found.halves, found.common),
            all,
            "{a}–{b} over every roll call"
        );
        let found = agreement(&store, id(a), id(b), &whole);
        assert_eq!(
            (found.halves, found.common),
            resolutions,
            "{a}–{b} over whole resolutions"
        );
    }
    let usa = agreement(&store, id("USA"), id("ISR"), &every);
    assert!((usa.index().unwrap() - 0.806400).abs() < 1e-6);
    let rows = history(&store, id("USA"), &every);
    let count = |cast: Cast| rows.iter().filter(|r| r.cast == cast).count();
    assert_eq!(
        [
            count(Cast::Yes),
            count(Cast::No),
            count(Cast::Abstain),
            count(Cast::NotListed)
        ],
        [1810, 3100, 1245, 47]
    );
}
