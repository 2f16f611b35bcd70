//! `resolu agree A B` (two countries' agreement index) and `resolu agree A --top N` /
//! `--bottom N` (the countries that vote most / least like A), over the roll calls of the
//! filter, each figure beside its number of common votes.

use super::votes::{VoteFilter, country_id, selected};
use super::{EXIT_OK, EXIT_USAGE, IndexSource};
use crate::corpus::load::Corpus;
use crate::text::display::Shown;
use crate::votes::{Agreement, CountryId, VoteStore, agreement, ranking};
use serde_json::json;
use std::io::{self, Write};

/// The width of the country names in a ranking.
const NAME_COLUMN: usize = 34;

/// What `agree` prints.
#[derive(Debug, Clone, Default)]
pub struct AgreeOptions {
    pub json: bool,
    /// The N most alike (the default, 10, when neither is given).
    pub top: Option<usize>,
    /// The N least alike, least alike first.
    pub bottom: Option<usize>,
    pub filter: VoteFilter,
}

/// The figure as printed: three decimals, or `—` without a common vote.
fn figure(a: Agreement) -> String {
    a.index().map_or_else(|| "—".into(), |i| format!("{i:.3}"))
}

fn object(country: CountryId, a: Agreement) -> serde_json::Value {
    json!({
        "code": country.code(), "name": country.country().en,
        "index": a.index(), "common": a.common,
    })
}

/// `resolu agree A [B]` over `store`.
#[allow(clippy::too_many_arguments)]
pub fn agree(
    corpus: &Corpus,
    index: &IndexSource,
    store: &VoteStore,
    first: &str,
    second: Option<&str>,
    options: &AgreeOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let ids = std::iter::once(first)
        .chain(second)
        .map(country_id)
        .collect::<Result<Vec<_>, _>>();
    let ids = match ids {
        Ok(ids) => ids,
        Err(message) => {
            writeln!(err, "resolu: {}", Shown(&message))?;
            return Ok(EXIT_USAGE);
        }
    };
    let roll_calls = selected(corpus, index, store, &options.filter, err)?;
    let a = ids[0];
    if let Some(&b) = ids.get(1) {
        let found = agreement(store, a, b, &roll_calls);
        if options.json {
            let line = json!({
                "a": a.code(), "b": b.code(), "index": found.index(), "common": found.common,
                "roll_calls": roll_calls.len(),
            });
            writeln!(out, "{line}")?;
        } else {
            writeln!(
                out,
                "{} – {}  {}  ({} in common)",
                a.code(),
                b.code(),
                figure(found),
                crate::plural::count(found.common as usize, "vote", "votes"),
            )?;
        }
    } else {
        let ranked = ranking(store, a, &roll_calls);
        let shown: Vec<(usize, &(CountryId, Agreement))> = match (options.top, options.bottom) {
            (_, Some(n)) => ranked.iter().enumerate().rev().take(n).collect(),
            (top, None) => ranked.iter().enumerate().take(top.unwrap_or(10)).collect(),
        };
        if options.json {
            let rows: Vec<serde_json::Value> = shown
                .iter()
                .map(|(rank, (country, found))| {
                    let mut row = object(*country, *found);
                    row["rank"] = json!(rank + 1);
                    row
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &rows)?;
            writeln!(out)?;
        } else {
            for (rank, (country, found)) in &shown {
                // A name longer than its column is cut, so that the figures stay in theirs.
                let full = country.country().en;
                let name: String = if full.chars().count() > NAME_COLUMN {
                    full.chars().take(NAME_COLUMN - 1).chain(['…']).collect()
                } else {
                    full.to_string()
                };
                writeln!(
                    out,
                    "{:>4}. {} {:<NAME_COLUMN$} {}  ({} in common)",
                    rank + 1,
                    country.code(),
                    Shown(&name),
                    figure(*found),
                    crate::plural::count(found.common as usize, "vote", "votes"),
                )?;
            }
        }
    }
    writeln!(
        err,
        "resolu: agreement with {} over {} (same vote 1, one abstaining ½, yes against no 0)",
        a.code(),
        crate::plural::count(roll_calls.len(), "resolution vote", "resolution votes"),
    )?;
    Ok(EXIT_OK)
}
