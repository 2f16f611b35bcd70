//! `resolu import-votes`: the readers over fixtures written for each layout
//! (`tests/fixtures/votes/`), the real Voeten data when `../shared/votes/unvotes/` is present,
//! the saved store in the cache dir, and the command end to end.

#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use resolu::votes::import::{self, Layout, RollCalls};
use resolu::votes::{Cast, CountryId, Scope, VoteStore};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/votes")
        .join(name)
}

fn id(code: &str) -> CountryId {
    CountryId::of_code(code).unwrap()
}

fn unvotes_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/votes/unvotes");
    if dir.join("unvotes.csv").is_file() && dir.join("roll_calls.csv").is_file() {
        Some(dir)
    } else {
        eprintln!(
            "{} absent: the test over the real unvotes data is skipped",
            dir.display()
        );
        None
    }
}

/// The roll call on `symbol` of `scope` (the first).
fn on(store: &VoteStore, symbol: &str, scope: Scope) -> resolu::votes::RollCallId {
    let symbol = resolu::corpus::symbol::Symbol::parse(symbol).unwrap();
    *store
        .on_symbol(&symbol)
        .iter()
        .find(|&&rc| store.get(rc).unwrap().scope == scope)
        .unwrap()
}

#[test]
fn the_real_unvotes_data() {
    let Some(dir) = unvotes_dir() else { return };
    eprintln!("reading the real data in {}", dir.display());
    let mut report = import::Report::default();
    let calls = RollCalls::read(
        "roll_calls.csv",
        std::fs::File::open(dir.join("roll_calls.csv")).unwrap(),
        &mut report,
    )
    .unwrap();
    assert_eq!(calls.len(), 6202, "{:?}", report.warnings);
    assert_eq!(report.skipped, 0, "{:?}", report.warnings);
    let import = import::read_voeten(
        "unvotes.csv",
        std::fs::File::open(dir.join("unvotes.csv")).unwrap(),
        calls,
    )
    .unwrap();
    let r = &import.report;
    eprintln!("{:?}", r.warnings);
    assert_eq!(r.layout, Some(Layout::VoetenVotes));
    assert_eq!(r.rows, 869_937);
    assert_eq!(r.skipped, 0);
    // Zanzibar (2 rows, 1963-12-03) is the one name not in the country table.
    assert_eq!(r.unknown_countries, 2, "{:?}", r.warnings);
    assert_eq!(r.casts, 869_935);
    assert_eq!(import.store.len(), 6202);
    // rcid 1622 (roll_calls.csv): R/30/3379, "ZIONISM AS RACISM", 1975-11-01; unvotes.csv has
    // `1622,United States,US,no`.
    let store = &import.store;
    let zionism = on(store, "A/RES/3379 (XXX)", Scope::Resolution);
    let rc = store.get(zionism).unwrap();
    assert_eq!(rc.written, "R/30/3379");
    assert!(rc.title.as_deref().unwrap().starts_with("ZIONISM AS RACISM"));
    assert_eq!(store.cast(zionism, id("USA")), Cast::No);
}
