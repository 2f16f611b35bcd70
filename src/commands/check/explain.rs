//! `check --explain FILE`: per field and per paragraph, the rule and the source line that
//! produced it, and every line the layout pass took away, named by its line number.

use crate::commands::{EXIT_INPUT, EXIT_OK};
use crate::corpus::load::{parse_traced_bytes, read_document};
use crate::corpus::markup::sanitize;
use crate::corpus::parse::Trace;
use crate::corpus::source::SetAside;
use crate::corpus::{ParagraphIndex, Resolution};
use crate::text::display::Shown;
use std::io::{self, Write};
use std::path::Path;

/// The source's lines, found once: `--explain` names a line for every field, paragraph and
/// line taken out, and counting from the start for each made it quadratic (a file of 40,000
/// page numbers took 7 s, 160,000 minutes).
pub(super) struct SourceLines<'t> {
    text: &'t str,
    /// Byte offset of every `\n`.
    breaks: Vec<usize>,
}

impl<'t> SourceLines<'t> {
    pub(super) fn new(text: &'t str) -> SourceLines<'t> {
        let breaks = text
            .bytes()
            .enumerate()
            .filter_map(|(i, b)| (b == b'\n').then_some(i))
            .collect();
        SourceLines { text, breaks }
    }

    /// The 1-based number of the line holding byte `at`, and that line shown (trimmed, at most
    /// 70 characters, sanitised).
    pub(super) fn at(&self, at: usize) -> (usize, String) {
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
            "vote" => r.vote.as_ref().map(crate::corpus::model::Vote::tally),
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
