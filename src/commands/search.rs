//! `resolu search` (one query, or one per stdin line with timings).

use super::{EXIT_NO_MATCH, EXIT_OK};
use crate::corpus::load::Corpus;
use crate::corpus::{ById, Resolution};
use crate::index::Hit;
use crate::index::query::{MAX_QUERY_BYTES, Query, parse};
use crate::index::recorded::RollCallSources;
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
    sources: &dyn Fn() -> RollCallSources,
    text: &str,
    options: SearchOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let SearchOptions { limit, json, .. } = options;
    let index = index.index(&corpus.resolutions);
    let query = parse(text);
    report_hints(&query, err)?;
    // The vote store is read only for a query that asks about roll calls.
    let sources = if query.asks_roll_calls() {
        sources()
    } else {
        RollCallSources::default()
    };
    let result = index.search_with(&corpus.resolutions, &query, limit, &sources);
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
    sources: &dyn Fn() -> RollCallSources,
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
    let mut bytes = Vec::new();
    let mut read_sources: Option<RollCallSources> = None;
    while read_query_line(input, &mut bytes)? {
        let line = match std::str::from_utf8(&bytes) {
            Ok(line) => line,
            Err(e) => {
                // One bad line is answered as such; the session goes on.
                let answer = json!({
                    "query": String::from_utf8_lossy(&bytes), "hits": [], "total": 0,
                    "elapsed_us": 0, "hints": [],
                    "error": format!("not valid UTF-8 (at byte {}); query skipped", e.valid_up_to()),
                });
                writeln!(out, "{answer}")?;
                out.flush()?;
                continue;
            }
        };
        let started = Instant::now();
        let query = parse(line);
        // The vote store is read once, when a first query asks about roll calls.
        let none = RollCallSources::default();
        let sources = if query.asks_roll_calls() {
            &*read_sources.get_or_insert_with(sources)
        } else {
            &none
        };
        let result = index.search_with(&corpus.resolutions, &query, limit, sources);
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

/// Read one line of `input` into `line` (without its `\n` or `\r\n`), keeping at most a few
/// bytes more than [`MAX_QUERY_BYTES`] (the parser says when it cut, and a line of gigabytes
/// costs no memory); false at the end of the input.
fn read_query_line(input: &mut dyn BufRead, line: &mut Vec<u8>) -> io::Result<bool> {
    // Past the limit, so the parser sees the query was longer; a UTF-8 character at most.
    const KEEP: usize = MAX_QUERY_BYTES + 4;
    line.clear();
    let mut read_any = false;
    let mut cut = false;
    loop {
        let buffer = match input.fill_buf() {
            Ok(buffer) => buffer,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buffer.is_empty() {
            break;
        }
        read_any = true;
        let (chunk, used, ended) = match buffer.iter().position(|&b| b == b'\n') {
            Some(at) => (&buffer[..at], at + 1, true),
            None => (buffer, buffer.len(), false),
        };
        let room = KEEP.saturating_sub(line.len());
        cut |= chunk.len() > room;
        line.extend_from_slice(&chunk[..chunk.len().min(room)]);
        input.consume(used);
        if ended {
            break;
        }
    }
    if cut {
        // Cut inside a character: drop its first bytes, not the line.
        if let Err(e) = std::str::from_utf8(line)
            && e.error_len().is_none()
        {
            line.truncate(e.valid_up_to());
        }
    } else if line.last() == Some(&b'\r') {
        line.pop();
    }
    Ok(read_any)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(input: &[u8]) -> Vec<Vec<u8>> {
        // A small buffer, so lines straddle reads.
        let mut input = io::BufReader::with_capacity(7, input);
        let mut line = Vec::new();
        let mut lines = Vec::new();
        while read_query_line(&mut input, &mut line).unwrap() {
            lines.push(line.clone());
        }
        lines
    }

    #[test]
    fn query_lines_end_with_either_newline_and_the_last_needs_none() {
        let lines = lines_of(b"droits\r\n\ncoop\xff\nfin");
        let expected: [&[u8]; 4] = [b"droits", b"", b"coop\xff", b"fin"];
        assert_eq!(lines, expected);
        assert!(lines_of(b"").is_empty());
    }

    #[test]
    fn a_huge_line_is_kept_to_a_little_over_the_query_limit() {
        let mut input = "é".repeat(MAX_QUERY_BYTES).into_bytes();
        input.extend_from_slice(b"\nnext\n");
        let lines = lines_of(&input);
        assert_eq!(lines.len(), 2);
        // Cut on a character, past the limit so the parser says so.
        let first = std::str::from_utf8(&lines[0]).unwrap();
        assert!(first.len() > MAX_QUERY_BYTES && first.len() <= MAX_QUERY_BYTES + 4);
        assert_eq!(lines[1], b"next");
    }
}
