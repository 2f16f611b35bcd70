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
//! The store is built here by a minimal reader of the two CSV files (the `import-votes`
//! importer is another helper's work): each roll call as it is, amendments and paragraph votes
//! marked so; `unvotes` drops absent and non-member rows, so a State without a row is "not
//! listed". Skipped, saying so, when the data is absent.

// Test and tool code: a failure is meant to stop it, and clippy's pedantic group is for src/.
#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use resolu::corpus::countries;
use resolu::votes::{
    Cast, CountryId, Origin, RollCall, RollCallId, Scope, VoteStore, agreement, history,
};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn data() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/votes/unvotes");
    if dir.join("unvotes.csv").is_file() && dir.join("roll_calls.csv").is_file() {
        Some(dir)
    } else {
        eprintln!(
            "votes_real: {} absent; the real-data figures are not checked",
            dir.display()
        );
        None
    }
}

/// The roll calls and votes of `dir`, read the plain way.
fn read(dir: &Path) -> VoteStore {
    let mut store = VoteStore::new();
    let mut by_rcid = HashMap::new();
    let mut calls = csv::Reader::from_path(dir.join("roll_calls.csv")).unwrap();
    let header = calls.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (rcid, session, date, unres, amend, para) = (
        column("rcid"),
        column("session"),
        column("date"),
        column("unres"),
        column("amend"),
        column("para"),
    );
    for row in calls.records() {
        let row = row.unwrap();
        let mut rc = RollCall::new(&row[unres], Origin::Voeten, "roll_calls.csv");
        // Each roll call stands alone here, as in the script: no grouping by symbol.
        rc.symbol = None;
        rc.session = Some(row[session].to_string());
        rc.date = row[date].parse().ok();
        rc.scope = if &row[amend] == "1" {
            Scope::Amendment
        } else if &row[para] == "1" {
            Scope::Paragraph
        } else {
            Scope::Resolution
        };
        by_rcid.insert(row[rcid].to_string(), store.push(rc));
    }
    // Alpha-2 codes to the country table, through the names the file gives them.
    let mut codes: HashMap<String, Option<CountryId>> = HashMap::new();
    let mut votes = csv::Reader::from_path(dir.join("unvotes.csv")).unwrap();
    for row in votes.records() {
        let row = row.unwrap();
        let (rc, name, code, vote) = (&row[0], &row[1], &row[2], &row[3]);
        let country = *codes.entry(code.to_string()).or_insert_with(|| {
            countries::resolve(name)
                .ok()
                .and_then(CountryId::of)
        });
        let (Some(country), Some(&rc), Some(cast)) = (country, by_rcid.get(rc), Cast::parse(vote))
        else {
            continue;
        };
        store.set(rc, country, cast);
    }
    let unread: Vec<&String> = codes
        .iter()
        .filter(|(_, id)| id.is_none())
        .map(|(code, _)| code)
        .collect();
    eprintln!("votes_real: country codes not in the table (left out): {unread:?}");
    store
}

fn id(code: &str) -> CountryId {
    CountryId::of_code(code).unwrap()
}

#[test]
fn agreement_and_history_match_the_independent_script() {
    let Some(dir) = data() else { return };
    let store = read(&dir);
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
        assert_eq!((found.halves, found.common), all, "{a}–{b} over every roll call");
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
