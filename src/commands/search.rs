//! `resolu search` (one query, or one per stdin line with timings) and `resolu votes`.

use super::{EXIT_INPUT, EXIT_NO_MATCH, EXIT_OK, EXIT_USAGE, resolve_country};
use crate::corpus::load::Corpus;
use crate::corpus::{Adoption, ById, DocId, Resolution};
use crate::index::Hit;
use crate::index::query::{Query, parse};
use crate::index::versions::Versions;
use crate::text::display::Shown;
use serde_json::json;
use std::io::{self, BufRead, Write};
use std::time::Instant;

fn paragraph_label(r: &Resolution, hit: &Hit) -> String {
    r.citation(hit.paragraph).unwrap_or_default()
}

fn report_hints(query: &Query, err: &mut dyn Write) -> io::Result<()> {
    for hint in &query.hints {
        writeln!(err, "resolu: hint: {}", Shown(hint))?;
    }
    Ok(())
}

/// How `search` prints and what its status says.
#[derive(Debug, Clone, Copy, Default)]
pub struct SearchOptions {
    pub limit: usize,
    /// One JSON object per hit.
    pub json: bool,
    /// Status 1 when nothing matches (`--exit-status`).
    pub exit_status: bool,
}

/// The status of a search that matched `total` paragraphs.
fn status(options: SearchOptions, total: usize) -> u8 {
    if options.exit_status && total == 0 {
        EXIT_NO_MATCH
    } else {
        EXIT_OK
    }
}

/// `resolu search QUERY`: best paragraphs first.
pub fn search(
    corpus: &Corpus,
    index: &super::IndexSource,
    text: &str,
    options: SearchOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let SearchOptions { limit, json, .. } = options;
    let index = index.index(&corpus.resolutions);
    let query = parse(text);
    report_hints(&query, err)?;
    let result = index.search(&corpus.resolutions, &query, limit);
    for hit in &result.hits {
        let Some(r) = corpus.resolutions.by_id(hit.document) else {
            continue;
        };
        let Some(paragraph) = r.paragraph(hit.paragraph) else {
            continue;
        };
        let label = paragraph_label(r, hit);
        if json {
            let line = json!({
                "symbol": r.symbol, "number": r.number, "paragraph": label,
                "kind": paragraph.kind, "score": hit.score, "text": paragraph.text,
            });
            writeln!(out, "{line}")?;
        } else {
            writeln!(
                out,
                "{}  {label:<6} {}",
                Shown(r.id()),
                Shown(&paragraph.text)
            )?;
        }
    }
    writeln!(
        err,
        "resolu: {} of {} matching paragraphs shown",
        result.hits.len(),
        result.total
    )?;
    Ok(status(options, result.total))
}

/// `resolu search --stdin`: load once, answer each line with one JSON line; `elapsed_us` is
/// measured around the search alone, `hints` says what of the query was not understood.
pub fn search_stdin(
    corpus: &Corpus,
    index: &super::IndexSource,
    input: &mut dyn BufRead,
    options: SearchOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let limit = options.limit;
    let mut matched = 0;
    let started = Instant::now();
    let (index, outcome) = index.index_with_outcome(&corpus.resolutions);
    writeln!(
        err,
        "resolu: index of {} paragraphs, {} words {} in {} ms",
        index.paragraph_count(),
        index.vocabulary_size(),
        if outcome.reused { "read" } else { "built" },
        started.elapsed().as_millis()
    )?;
    for line in input.lines() {
        let line = line?;
        let started = Instant::now();
        let query = parse(&line);
        let result = index.search(&corpus.resolutions, &query, limit);
        let elapsed_us = started.elapsed().as_micros();
        let hits: Vec<serde_json::Value> = result
            .hits
            .iter()
            .filter_map(|hit| {
                let r = corpus.resolutions.by_id(hit.document)?;
                Some(json!({"symbol": r.symbol, "paragraph": paragraph_label(r, hit), "score": hit.score}))
            })
            .collect();
        matched += result.total;
        let answer = json!({
            "query": line, "hits": hits, "total": result.total, "elapsed_us": elapsed_us,
            "hints": query.hints,
        });
        writeln!(out, "{answer}")?;
        out.flush()?;
    }
    Ok(status(options, matched))
}

/// `resolu votes COUNTRY`: how it voted on every resolution with a recorded vote.
pub fn votes(
    corpus: &Corpus,
    country: &str,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let country = match resolve_country(country) {
        Ok(c) => c,
        Err(message) => {
            writeln!(err, "resolu: {}", Shown(&message))?;
            return Ok(EXIT_USAGE);
        }
    };
    let with_recorded_vote = DocId::all(corpus.resolutions.len())
        .zip(&corpus.resolutions)
        .filter(|(_, r)| {
            r.vote
                .as_ref()
                .is_some_and(|v| v.adoption == Adoption::RecordedVote)
        });
    // A resolution in two languages is one vote: its first version with a recorded vote.
    let versions = Versions::build(&corpus.resolutions);
    let mut recorded: Vec<&Resolution> = versions
        .pick(
            &corpus.resolutions,
            with_recorded_vote.map(|(doc, _)| doc),
            None,
        )
        .into_iter()
        .filter_map(|doc| corpus.resolutions.by_id(doc))
        .collect();
    recorded.sort_by(|a, b| (a.adopted_on, a.id()).cmp(&(b.adopted_on, b.id())));
    let mut rows = Vec::new();
    for r in &recorded {
        let ballot = r
            .vote
            .as_ref()
            .and_then(|v| v.ballot_of(country.code))
            .map_or("absent", |b| b.as_str());
        if json {
            rows.push(json!({
                "symbol": r.symbol, "adopted_on": r.adopted_on, "vote": ballot, "title": r.title,
            }));
        } else {
            let date = r.adopted_on.map_or_else(|| "—".into(), |d| d.to_string());
            let title = r.title.as_deref().unwrap_or("(no title)");
            writeln!(
                out,
                "{:<16} {date:<10}  {ballot:<7}  {}",
                Shown(r.id()),
                Shown(title)
            )?;
        }
    }
    if json {
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
    }
    writeln!(
        err,
        "resolu: {} ({}, {}): {} with a recorded vote",
        country.en,
        country.fr,
        country.code,
        crate::plural::count(recorded.len(), "resolution", "resolutions")
    )?;
    Ok(if recorded.is_empty() && corpus.resolutions.is_empty() {
        EXIT_INPUT
    } else {
        EXIT_OK
    })
}
