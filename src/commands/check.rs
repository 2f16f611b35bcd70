//! `resolu check`: problems per document, `--json` as data, `--explain FILE` (which rule and
//! which line produced each field and paragraph, what the layout pass took away), and `--stats`
//! (how often each rule fired and each warning kind occurred over a corpus).

use super::{CorpusSource, EXIT_INPUT, EXIT_OK};
use crate::corpus::load::{Corpus, EMBEDDED, discover, parse_traced_bytes, read_document};
use crate::corpus::markup::sanitize;
use crate::corpus::parse::Trace;
use crate::corpus::source::SetAside;
use crate::corpus::warning::WarningRecord;
use crate::corpus::{ParagraphIndex, Resolution};
use crate::index::Index;
use crate::plural;
use crate::text::display::Shown;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::Path;

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

/// The source's lines, found once: `--explain` names a line for every field, paragraph and
/// line taken out, and counting from the start for each made it quadratic (a file of 40,000
/// page numbers took 7 s, 160,000 minutes).
struct SourceLines<'t> {
    text: &'t str,
    /// Byte offset of every `\n`.
    breaks: Vec<usize>,
}

impl<'t> SourceLines<'t> {
    fn new(text: &'t str) -> SourceLines<'t> {
        let breaks = text
            .bytes()
            .enumerate()
            .filter_map(|(i, b)| (b == b'\n').then_some(i))
            .collect();
        SourceLines { text, breaks }
    }

    /// The 1-based number of the line holding byte `at`, and that line shown (trimmed, at most
    /// 70 characters, sanitised).
    fn at(&self, at: usize) -> (usize, String) {
        let at = at.min(self.text.len());
        let before = self.breaks.partition_point(|&b| b < at);
        let start = before.checked_sub(1).map_or(0, |i| self.breaks[i] + 1);
        let end = self.breaks.get(before).copied().unwrap_or(self.text.len());
        let shown: String = self
            .text
            .get(start..end)
            .unwrap_or("")
            .trim()
            .chars()
            .take(70)
            .collect();
        (before + 1, crate::corpus::markup::sanitize(&shown))
    }
}

/// `--explain FILE`: per field and per paragraph, the rule and the source line.
pub fn explain(
    path: &Path,
    max_file_bytes: u64,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let name = path.display().to_string();
    let shown = Shown(&name);
    let bytes = match read_document(path, max_file_bytes) {
        Ok(b) => b,
        Err(e) => {
            writeln!(err, "resolu: {shown}: {e}")?;
            return Ok(EXIT_INPUT);
        }
    };
    let (text, r, trace) = match parse_traced_bytes(&name, &bytes) {
        Ok(t) => t,
        Err(e) => {
            writeln!(err, "resolu: {shown}: {}", Shown(&e.to_string()))?;
            return Ok(EXIT_INPUT);
        }
    };
    write_explanation(&text, &r, &trace, out)?;
    Ok(EXIT_OK)
}

fn write_explanation(
    text: &str,
    r: &Resolution,
    trace: &Trace,
    out: &mut dyn Write,
) -> io::Result<()> {
    let lines = SourceLines::new(text);
    let line_at = |_: &str, at: usize| lines.at(at);
    let layout = trace.layout.map_or("unknown", |l| l.name());
    writeln!(
        out,
        "{}: read as {layout}, language {}",
        Shown(&r.source.path),
        r.language.map_or("unknown", |l| l.code())
    )?;
    writeln!(out, "\nFields")?;
    let value = |field: &str| -> String {
        let v = match field {
            "symbol" => r.symbol.clone(),
            "number" => r.number.clone(),
            "title" => r.title.clone(),
            "body" => r.body.map(|b| b.code().to_string()),
            "session" => r.session.map(|s| s.to_string()),
            "agenda_item" => r.agenda_item.clone(),
            "adopted_on" | "adopted_on (tail)" => r.adopted_on.map(|d| d.to_string()),
            "meeting" => r.meeting.clone(),
            "vote" => r
                .vote
                .as_ref()
                .map(super::super::corpus::model::Vote::tally),
            _ => None,
        };
        let v = v.unwrap_or_else(|| "—".to_string());
        let short: String = v.chars().take(60).collect();
        if v.chars().count() > 60 {
            format!("{short}…")
        } else {
            short
        }
    };
    for f in &trace.fields {
        let place = match &f.bytes {
            Some(b) => {
                let (n, line) = line_at(text, b.start);
                format!("line {n}: {line}")
            }
            None => "(page furniture, front matter or built)".to_string(),
        };
        writeln!(
            out,
            "  {:<18} {:<40} [{}] {place}",
            f.field,
            Shown(&value(&f.field)),
            f.rule
        )?;
    }
    writeln!(out, "\nParagraphs")?;
    for (i, (rule, bytes)) in trace.paragraphs.iter().enumerate() {
        let label = r.citation(ParagraphIndex(i)).unwrap_or_default();
        let (n, line) = line_at(text, bytes.start);
        writeln!(out, "  {label:<10} [{rule}] line {n}: {line}")?;
    }
    if !trace.set_aside.is_empty() {
        writeln!(out, "\nSet aside by the PDF reader")?;
        for piece in &trace.set_aside {
            match piece {
                SetAside::Furniture { page, text } => writeln!(
                    out,
                    "  page {page:<4} {:<18} {}",
                    "page furniture",
                    sanitize(text)
                )?,
                SetAside::Call { page, mark, after } => writeln!(
                    out,
                    "  page {page:<4} {:<18} {} after “{}”",
                    "footnote call",
                    sanitize(mark),
                    sanitize(after)
                )?,
            }
        }
    }
    writeln!(out, "\nTaken out of the running text")?;
    for (bytes, kind) in &trace.removed {
        let (n, line) = line_at(text, bytes.start);
        writeln!(out, "  line {n:<5} {:<18} {line}", kind.name())?;
    }
    writeln!(out, "\nWarnings")?;
    for w in &r.warnings {
        writeln!(out, "  [{}] {}", w.kind(), Shown(&w.to_string()))?;
    }
    Ok(())
}

/// `--stats`: rules fired, warning kinds and layouts over every document of the corpus.
pub fn stats(source: &CorpusSource, max_file_bytes: u64, out: &mut dyn Write) -> io::Result<u8> {
    // Each document read and parsed in one task, so its bytes are freed once it is counted.
    let documents: Vec<(String, Option<Vec<u8>>)> = match source {
        CorpusSource::Embedded => EMBEDDED
            .iter()
            .map(|(p, b)| (p.to_string(), Some(b.to_vec())))
            .collect(),
        CorpusSource::Paths(paths) => {
            let (files, _) = discover(paths);
            files
                .into_iter()
                .map(|f| (f.display().to_string(), None))
                .collect()
        }
    };
    let tallies: Vec<(Tally, Option<Resolution>)> = documents
        .par_iter()
        .map(|(path, embedded)| {
            let mut tally = Tally::default();
            let bytes = embedded
                .clone()
                .or_else(|| read_document(Path::new(path), max_file_bytes).ok());
            let parsed = bytes.and_then(|b| parse_traced_bytes(path, &b).ok());
            match parsed {
                None => {
                    *tally.layouts.entry("unreadable").or_default() += 1;
                    (tally, None)
                }
                Some((_, r, trace)) => {
                    *tally
                        .layouts
                        .entry(trace.layout.map_or("unknown", |l| l.name()))
                        .or_default() += 1;
                    for rule in trace.rules_fired() {
                        *tally.rules.entry(rule).or_default() += 1;
                    }
                    for w in &r.warnings {
                        *tally.warnings.entry(w.kind()).or_default() += 1;
                    }
                    (tally, Some(r))
                }
            }
        })
        .collect();
    let mut total = Tally::default();
    let mut resolutions = Vec::new();
    for (t, r) in tallies {
        total.merge(t);
        resolutions.extend(r);
    }
    let paragraphs: usize = resolutions.iter().map(|r| r.paragraphs.len()).sum();
    let text_bytes: usize = resolutions.iter().map(Resolution::text_bytes).sum();
    let index = Index::build(&resolutions);
    writeln!(
        out,
        "{}",
        plural::count(documents.len(), "document", "documents")
    )?;
    writeln!(
        out,
        "{}, {} of text, index {} ({} distinct words)",
        plural::count(paragraphs, "paragraph", "paragraphs"),
        plural::count(text_bytes, "byte", "bytes"),
        plural::count(index.heap_bytes(), "byte", "bytes"),
        index.vocabulary_size()
    )?;
    for (title, table) in [
        ("layouts", &total.layouts),
        ("rules fired", &total.rules),
        ("warnings", &total.warnings),
    ] {
        writeln!(out, "\n{title}")?;
        let mut rows: Vec<(&&str, &usize)> = table.iter().collect();
        rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (name, n) in rows {
            writeln!(out, "  {n:>8}  {name}")?;
        }
    }
    Ok(EXIT_OK)
}

#[derive(Default)]
struct Tally {
    layouts: BTreeMap<&'static str, usize>,
    rules: BTreeMap<&'static str, usize>,
    warnings: BTreeMap<&'static str, usize>,
}

impl Tally {
    fn merge(&mut self, other: Tally) {
        for (mine, theirs) in [
            (&mut self.layouts, other.layouts),
            (&mut self.rules, other.rules),
            (&mut self.warnings, other.warnings),
        ] {
            for (k, v) in theirs {
                *mine.entry(k).or_default() += v;
            }
        }
    }
}

#[cfg(test)]
mod tests {
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
