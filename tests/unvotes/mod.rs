//! A minimal reader of Voeten's roll calls as the R package `unvotes` ships them
//! (`../shared/votes/unvotes/`), shared by `tests/votes_real.rs` and `benches/votes.rs`; the
//! real importer (`resolu import-votes`) is another piece of work. Each roll call stands alone
//! (no grouping by symbol), amendments and paragraph votes marked so; `unvotes` drops absent
//! and non-member rows, so a State without a row is "not listed".

#![allow(dead_code)]

use resolu::corpus::countries;
use resolu::votes::{Cast, CountryId, Origin, RollCall, Scope, VoteStore};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The data folder, or `None` (saying so on stderr) when it is absent.
pub fn data() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/votes/unvotes");
    if dir.join("unvotes.csv").is_file() && dir.join("roll_calls.csv").is_file() {
        Some(dir)
    } else {
        eprintln!(
            "{} absent; the real-data figures are not checked",
            dir.display()
        );
        None
    }
}

/// The roll calls and votes of `dir`, read the plain way.
pub fn read(dir: &Path) -> VoteStore {
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
        let country = *codes
            .entry(code.to_string())
            .or_insert_with(|| countries::resolve(name).ok().and_then(CountryId::of));
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
    eprintln!("unvotes: country codes not in the table (left out): {unread:?}");
    store
}
