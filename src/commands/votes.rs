//! `resolu votes COUNTRY`: one country's vote on every resolution roll call of the filter (texts
//! and imported records), or its shares per session; and the filter `agree` shares.

use super::{EXIT_INPUT, EXIT_OK, EXIT_USAGE, IndexSource, resolve_country};
use crate::corpus::load::Corpus;
use crate::corpus::{ById, Resolution};
use crate::index::query::parse;
use crate::text::display::Shown;
use crate::votes::select::{self, TextMatches, Window};
use crate::votes::{Cast, CountryId, RollCallId, VoteStore, history, shares_by_session};
use serde_json::json;
use std::collections::HashMap;
use std::io::{self, Write};

/// The roll calls a command works on: `--query` over the texts, `--session`, `--from`, `--to`
/// over the roll calls.
#[derive(Debug, Clone, Default)]
pub struct VoteFilter {
    pub query: Option<String>,
    pub window: Window,
}

/// How `votes` prints.
#[derive(Debug, Clone, Default)]
pub struct VotesOptions {
    pub json: bool,
    /// Only the roll calls where the country did this (`--no` is `--cast no`).
    pub cast: Option<Cast>,
    /// Per-session shares instead of one line per roll call.
    pub by_session: bool,
    pub filter: VoteFilter,
}

/// The resolution roll calls of `store` that pass `filter` (the query's hints on `err`).
pub(super) fn selected(
    corpus: &Corpus,
    index: &IndexSource,
    store: &VoteStore,
    filter: &VoteFilter,
    err: &mut dyn Write,
) -> io::Result<Vec<RollCallId>> {
    let Some(text) = filter.query.as_deref().filter(|q| !q.trim().is_empty()) else {
        return Ok(select::select(store, None, &filter.window));
    };
    let query = parse(text);
    for hint in &query.hints {
        writeln!(err, "resolu: hint: {}", Shown(hint))?;
    }
    let sources = select::sources_of(store);
    let found =
        index
            .index(&corpus.resolutions)
            .search_with(&corpus.resolutions, &query, 0, &sources);
    let matched = found
        .documents
        .iter()
        .filter_map(|&(doc, _)| corpus.resolutions.by_id(doc));
    let texts = TextMatches::new(&corpus.resolutions, matched);
    Ok(select::select(
        store,
        Some((&query, &texts)),
        &filter.window,
    ))
}

/// The country `input` names, as the vote store numbers it; the message when none.
pub(super) fn country_id(input: &str) -> Result<CountryId, String> {
    let country = resolve_country(input)?;
    CountryId::of(country).ok_or_else(|| format!("{} has no column in the vote store", country.en))
}

/// A roll call's title: the corpus's text's, else the record's.
fn titles(resolutions: &[Resolution]) -> HashMap<crate::corpus::symbol::Symbol, &str> {
    let mut titles = HashMap::new();
    for r in resolutions {
        if let (Some(symbol), Some(title)) = (r.parsed_symbol(), r.title.as_deref()) {
            titles.entry(symbol).or_insert(title);
        }
    }
    titles
}

/// `resolu votes COUNTRY` over `store` (texts and imported records, see `votes::all_votes`).
pub fn votes(
    corpus: &Corpus,
    index: &IndexSource,
    store: &VoteStore,
    country: &str,
    options: &VotesOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let id = match country_id(country) {
        Ok(id) => id,
        Err(message) => {
            writeln!(err, "resolu: {}", Shown(&message))?;
            return Ok(EXIT_USAGE);
        }
    };
    let roll_calls = selected(corpus, index, store, &options.filter, err)?;
    let mut rows = history(store, id, &roll_calls);
    if let Some(wanted) = options.cast {
        rows.retain(|row| row.cast == wanted);
    }
    if options.by_session {
        print_sessions(store, &rows, options.json, out)?;
    } else {
        print_rows(
            store,
            &rows,
            &titles(&corpus.resolutions),
            options.json,
            out,
        )?;
    }
    let country = id.country();
    writeln!(
        err,
        "resolu: {} ({}, {}): {} of {}",
        country.en,
        country.fr,
        country.code,
        crate::plural::count(rows.len(), "roll call", "roll calls"),
        crate::plural::count(roll_calls.len(), "resolution vote", "resolution votes"),
    )?;
    Ok(if store.is_empty() && corpus.resolutions.is_empty() {
        EXIT_INPUT
    } else {
        EXIT_OK
    })
}

fn print_rows(
    store: &VoteStore,
    rows: &[crate::votes::HistoryRow],
    titles: &HashMap<crate::corpus::symbol::Symbol, &str>,
    json: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut objects = Vec::new();
    for row in rows {
        let Some(rc) = store.get(row.roll_call) else {
            continue;
        };
        let title = rc
            .symbol
            .and_then(|s| titles.get(&s).copied())
            .or(rc.title.as_deref());
        let symbol = rc.shown_symbol();
        let body = rc.body.or(rc.symbol.map(|s| s.body()));
        if json {
            objects.push(json!({
                "symbol": symbol, "adopted_on": rc.date, "vote": row.cast.as_str(),
                "title": title, "label": row.cast.label(), "session": rc.session,
                "body": body, "source": rc.origin.as_str(),
            }));
            continue;
        }
        let date = rc.date.map_or_else(|| "—".into(), |d| d.to_string());
        let session = match (body, rc.session.as_deref()) {
            (Some(b), Some(s)) => format!("{} {s}", b.code()),
            (None, Some(s)) => s.to_string(),
            _ => "—".into(),
        };
        writeln!(
            out,
            "{:<18} {date:<10}  {:<8} {:<21}  {:<6}  {}",
            Shown(&symbol),
            Shown(&session),
            row.cast.label(),
            rc.origin.as_str(),
            Shown(title.unwrap_or("(no title)"))
        )?;
    }
    if json {
        serde_json::to_writer_pretty(&mut *out, &objects)?;
        writeln!(out)?;
    }
    Ok(())
}

/// Per session: how many of each answer, and yes/no/abstain as shares of the roll calls the
/// country was a member for.
fn print_sessions(
    store: &VoteStore,
    rows: &[crate::votes::HistoryRow],
    json: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let sessions = shares_by_session(store, rows);
    if json {
        let objects: Vec<serde_json::Value> = sessions
            .iter()
            .map(|s| {
                let counts: serde_json::Map<String, serde_json::Value> = Cast::ALL
                    .iter()
                    .map(|&c| (c.as_str().to_string(), json!(s.count(c))))
                    .collect();
                json!({"session": s.session, "counts": counts, "as_member": s.as_member()})
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &objects)?;
        return writeln!(out);
    }
    writeln!(
        out,
        "{:<10} {:>5} {:>5} {:>7} {:>10} {:>6} {:>10} {:>10}   shares as a member",
        "session", "yes", "no", "abstain", "non-voting", "absent", "not-member", "not-listed"
    )?;
    for s in &sessions {
        writeln!(
            out,
            "{:<10} {:>5} {:>5} {:>7} {:>10} {:>6} {:>10} {:>10}   yes {}% no {}% abstain {}%",
            Shown(&s.session),
            s.count(Cast::Yes),
            s.count(Cast::No),
            s.count(Cast::Abstain),
            s.count(Cast::NonVoting),
            s.count(Cast::Absent),
            s.count(Cast::NotMember),
            s.count(Cast::NotListed),
            s.percent(Cast::Yes),
            s.percent(Cast::No),
            s.percent(Cast::Abstain),
        )?;
    }
    Ok(())
}

#[cfg(test)]
#[path = "votes/tests.rs"]
mod tests;
