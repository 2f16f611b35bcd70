//! `resolu check`: problems per document, `--json` as data, `--explain FILE` (which rule and
//! which line produced each field and paragraph, what the layout pass took away), and `--stats`
//! (how often each rule fired and each warning kind occurred over a corpus).

mod explain;
mod stats;

use super::{EXIT_INPUT, EXIT_OK};
use crate::corpus::load::Corpus;
use crate::corpus::warning::WarningRecord;
use crate::plural;
use crate::text::display::Shown;
use std::fmt::Write as _;
use std::io::{self, Write};

pub use explain::explain;
pub use stats::stats;

/// One line per problem; status 1 when a file could not be parsed at all.
pub fn check(
    corpus: &Corpus,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    for problem in &corpus.problems {
        if json {
            let record = serde_json::json!({
                "path": problem.path, "id": null, "kind": "file", "message": problem.error.to_string()
            });
            writeln!(out, "{record}")?;
        } else {
            writeln!(
                out,
                "{}: file: {}",
                Shown(&problem.path),
                Shown(&problem.error.to_string())
            )?;
        }
    }
    let mut warnings = 0usize;
    for r in &corpus.resolutions {
        for w in &r.warnings {
            warnings += 1;
            if json {
                let record = WarningRecord::from(w);
                let line = serde_json::json!({
                    "path": r.source.path, "id": r.id(), "kind": record.kind,
                    "message": record.message, "field": record.field,
                });
                writeln!(out, "{line}")?;
            } else {
                writeln!(
                    out,
                    "{}: {}: {}",
                    Shown(&r.source.path),
                    Shown(r.id()),
                    Shown(&w.to_string())
                )?;
            }
        }
    }
    writeln!(
        err,
        "resolu: {} read, {} unreadable, {}",
        plural::count(corpus.resolutions.len(), "document", "documents"),
        plural::count(corpus.problems.len(), "file", "files"),
        plural::count(warnings, "warning", "warnings")
    )?;
    Ok(if corpus.problems.is_empty() {
        EXIT_OK
    } else {
        EXIT_INPUT
    })
}

/// Where a text's recorded vote and an imported record of the same resolution disagree (a
/// country's cast, or the stated totals): one line per pair, naming both sources. Both stay in
/// the vote store; this only reports. Returns how many were printed.
pub fn vote_disagreements(
    store: &crate::votes::VoteStore,
    json: bool,
    out: &mut dyn Write,
) -> io::Result<usize> {
    use crate::votes::{Origin, Scope};
    let mut found = 0;
    for (text_id, text) in store.iter() {
        let (Origin::Text, Scope::Resolution, Some(symbol)) =
            (text.origin, text.scope, text.symbol)
        else {
            continue;
        };
        for &other_id in store.on_symbol(&symbol) {
            let Some(other) = store.get(other_id) else {
                continue;
            };
            if other.origin == Origin::Text || other.scope != Scope::Resolution {
                continue;
            }
            let Some(what) = disagreement(store, text_id, other_id) else {
                continue;
            };
            found += 1;
            let other_source = format!(
                "{}{} ({})",
                other.file,
                other.line.map(|l| format!(":{l}")).unwrap_or_default(),
                other.origin.as_str()
            );
            let message = format!(
                "vote differs between the text ({}) and {other_source}: {what}",
                text.file
            );
            if json {
                let record = serde_json::json!({
                    "path": text.file, "id": symbol.to_string(), "kind": "vote-disagreement",
                    "message": message, "field": "vote",
                });
                writeln!(out, "{record}")?;
            } else {
                writeln!(out, "{}: {}", Shown(&symbol.to_string()), Shown(&message))?;
            }
        }
    }
    Ok(found)
}

/// What differs between two roll calls of one resolution: stated totals (where both state
/// them), then the countries both list with different casts (the first five named).
fn disagreement(
    store: &crate::votes::VoteStore,
    a: crate::votes::RollCallId,
    b: crate::votes::RollCallId,
) -> Option<String> {
    let (ra, rb) = (store.get(a)?, store.get(b)?);
    let mut parts = Vec::new();
    let (ta, tb) = (ra.totals, rb.totals);
    let stated = |t: crate::votes::Totals| [t.yes, t.no, t.abstain];
    let both: Vec<(u32, u32)> = stated(ta)
        .into_iter()
        .zip(stated(tb))
        .filter_map(|(x, y)| Some((x?, y?)))
        .collect();
    if both.iter().any(|(x, y)| x != y) {
        let show = |t: [Option<u32>; 3]| {
            t.iter()
                .map(|n| n.map_or_else(|| "?".to_string(), |n| n.to_string()))
                .collect::<Vec<_>>()
                .join("-")
        };
        parts.push(format!(
            "totals (yes-no-abstain) {} and {}",
            show(stated(ta)),
            show(stated(tb))
        ));
    }
    let mut countries = Vec::new();
    for (country, (&x, &y)) in
        crate::votes::CountryId::all().zip(store.row(a).iter().zip(store.row(b)))
    {
        if x != 0 && y != 0 && x != y {
            countries.push(format!(
                "{} {} and {}",
                country.code(),
                store.cast(a, country).as_str(),
                store.cast(b, country).as_str()
            ));
        }
    }
    if !countries.is_empty() {
        let more = countries.len().saturating_sub(5);
        countries.truncate(5);
        let mut listed = countries.join(", ");
        if more > 0 {
            let _ = write!(listed, " and {more} more");
        }
        parts.push(listed);
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

#[cfg(test)]
mod tests {
    use super::explain::SourceLines;
    use super::*;

    #[test]
    fn source_lines_name_the_line_of_a_byte() {
        let lines = SourceLines::new("one\n  two  \n\nfour");
        assert_eq!(lines.at(0), (1, "one".to_string()));
        assert_eq!(lines.at(3), (1, "one".to_string()));
        assert_eq!(lines.at(4), (2, "two".to_string()));
        assert_eq!(lines.at(12), (3, String::new()));
        assert_eq!(lines.at(13), (4, "four".to_string()));
        assert_eq!(lines.at(999), (4, "four".to_string()));
        assert_eq!(SourceLines::new("").at(0), (1, String::new()));
    }

    /// 200,000 lines taken out as page numbers, each named in the explanation: counting lines
    /// from the start for each took minutes (quadratic); now well inside the watchdog.
    #[test]
    fn explaining_a_file_of_page_numbers_is_linear() {
        let dir = std::env::temp_dir().join(format!("resolu-explain-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("numbers.txt");
        std::fs::write(&path, "1\n".repeat(200_000)).unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let worker_path = path.clone();
        std::thread::spawn(move || {
            let mut out = Vec::new();
            let status = explain(&worker_path, u64::MAX, &mut out, &mut Vec::new());
            let _ = tx.send((status.ok(), out.len()));
        });
        let answer = rx.recv_timeout(std::time::Duration::from_secs(60));
        let _ = std::fs::remove_dir_all(&dir);
        let (status, written) = answer.expect("explained within 60 s");
        assert_eq!(status, Some(EXIT_OK));
        assert!(written > 200_000, "every line named: {written} bytes");
    }
}
