//! PDFs read directly: each page's positioned spans (`backend`) become the pipeline's `Line`s,
//! with what the geometry says and plain text cannot: a footnote call is a run of digits set
//! smaller and raised above its line's baseline (taken out of the text and named as an
//! explicit call), a footnote is smaller text below the page's footnote rule that opens with
//! such a mark, running heads and feet are the spans a tagged PDF marks as artifacts, a blank
//! line is a gap wider than the document's line pitch, and a line keeps its size, italic and
//! bold. Thresholds are relative to the document's own body size, never absolute points.
//! Untagged PDFs keep their running heads as lines, for the layout pass's text rules.

pub mod backend;

use super::{Line, Lines, Read, SetAside};
pub use backend::PdfError;
use backend::{PageSpans, Span};

/// What a PDF gave: a text made of its lines (for language detection and byte ranges), the
/// lines themselves, and how many spans were page furniture.
#[derive(Debug, Default)]
pub struct PdfText {
    pub text: String,
    pub read: Read,
    pub furniture_spans: usize,
}

/// Why a PDF gave no text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum ReadError {
    #[error(transparent)]
    Pdf(#[from] PdfError),
    #[error("no text layer (a scanned document?)")]
    NoText,
}

/// `bytes` start like a PDF (`%PDF-` within the first KiB, as readers accept).
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// A PDF ends with `%%EOF` (give or take trailing whitespace or junk in its last KiB).
fn ends_like_a_pdf(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    tail.windows(5).any(|w| w == b"%%EOF")
}

/// Read a PDF's bytes into lines.
pub fn read(bytes: &[u8]) -> Result<PdfText, ReadError> {
    let pages = backend::read(bytes)?;
    let text = assemble(&pages);
    if text.read.lines.iter().all(|l| l.text.trim().is_empty()) {
        // No text in a file cut short is the cut's doing, not a scan's.
        if !ends_like_a_pdf(bytes) {
            return Err(
                PdfError::Damaged("the file is cut short (no end-of-file marker)".into()).into(),
            );
        }
        return Err(ReadError::NoText);
    }
    Ok(text)
}

/// A printed line: its spans left to right, the baseline and size of its main text.
#[derive(Debug)]
struct Row<'s> {
    spans: Vec<&'s Span>,
    base: f32,
    size: f32,
}

impl<'s> Row<'s> {
    fn new(span: &'s Span) -> Row<'s> {
        Row {
            spans: vec![span],
            base: span.y,
            size: if blank(span) { 0.0 } else { span.size },
        }
    }

    /// The span is on this line: its baseline is within part of the larger size of the line,
    /// so a raised call (`Repertory¹¹`) or a mark before its footnote joins it.
    fn takes(&self, span: &Span) -> bool {
        let size = self.size.max(span.size).max(1.0);
        (span.y - self.base).abs() <= 0.45 * size
    }

    fn push(&mut self, span: &'s Span) {
        if !blank(span) && span.size > self.size + 0.01 {
            self.size = span.size;
            self.base = span.y;
        }
        self.spans.push(span);
    }
}

fn blank(span: &Span) -> bool {
    span.blank
}

/// A row read: its text without calls, the mark that opens it (a footnote's), and the calls.
#[derive(Debug, Default, PartialEq)]
struct RowText {
    text: String,
    mark: Option<String>,
    /// Each call's mark and the word it followed.
    calls: Vec<(String, String)>,
    italic: bool,
    bold: bool,
    x: f32,
}

/// Raised and smaller than its line: a superscript.
fn raised(span: &Span, row: &Row<'_>) -> bool {
    span.size < 0.85 * row.size && span.y - row.base > 0.15 * row.size
}

/// A superscript that names a footnote: digits, or one lower-case letter or `*` (annexes).
fn is_mark(text: &str) -> bool {
    let t = text.trim();
    (!t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit()))
        || (t.chars().count() == 1 && t.chars().all(|c| c.is_ascii_lowercase() || c == '*'))
}

/// Raised letters after a number that belong to it: `1er`, `2e`, `1re`, `3rd` (one letter only
/// for the French `e`; `2026ᵃ` is a call).
fn ordinal_suffix(s: &str) -> bool {
    s.chars().all(char::is_alphabetic) && (s.chars().count() >= 2 || s == "e")
}

fn row_text(row: &Row<'_>) -> RowText {
    let mut spans = row.spans.clone();
    // Pages draw a line left to right; only a line drawn otherwise needs sorting.
    if !spans.is_sorted_by(|a, b| a.x <= b.x) {
        spans.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    let mut out = RowText {
        x: f32::NAN,
        ..RowText::default()
    };
    let mut previous: Option<&Span> = None;
    let mut superscript = String::new();
    let flush = |out: &mut RowText, superscript: &mut String| {
        if superscript.is_empty() {
            return;
        }
        let s = std::mem::take(superscript);
        let at_start = out.text.trim().is_empty();
        let after_digit = out.text.ends_with(|c: char| c.is_ascii_digit());
        if at_start && is_mark(&s) {
            out.mark = Some(s.trim().to_string());
        } else if is_mark(&s) && !(after_digit && ordinal_suffix(s.trim())) {
            let after = out.text.split_whitespace().next_back().unwrap_or("");
            out.calls.push((s.trim().to_string(), after.to_string()));
        } else {
            // `1er`, `2e`: a superscript that is part of the text.
            out.text.push_str(s.trim());
        }
    };
    for span in spans {
        if raised(span, row) && !blank(span) {
            superscript.push_str(&span.text);
            previous = Some(span);
            continue;
        }
        flush(&mut out, &mut superscript);
        if let Some(p) = previous {
            let gap = span.x - p.end_x;
            let spaced = out.text.ends_with(char::is_whitespace) || span.text.starts_with(' ');
            if !spaced && gap > 0.2 * span.size.max(1.0) {
                out.text.push(' ');
            }
        }
        if !blank(span) && out.x.is_nan() {
            out.x = span.x;
            out.italic = span.italic;
            out.bold = span.bold;
        }
        out.text.push_str(&span.text);
        previous = Some(span);
    }
    flush(&mut out, &mut superscript);
    let tidy = !out.text.starts_with(' ')
        && !out.text.ends_with(' ')
        && !out.text.contains("  ")
        && !out.text.contains(|c: char| c.is_whitespace() && c != ' ');
    if !tidy {
        out.text = out.text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    out
}

/// The document's body size: the size most of its characters are set in.
fn body_size(pages: &[PageSpans]) -> f32 {
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for span in pages.iter().flat_map(|p| &p.spans) {
        if span.artifact || blank(span) {
            continue;
        }
        // Font sizes are a few points: half points fit an i32 and back into an f32 exactly.
        #[allow(clippy::cast_possible_truncation)]
        let key = (span.size * 2.0).round() as i32;
        let n = span.text.chars().filter(|c| !c.is_whitespace()).count();
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, c)) => *c += n,
            None => counts.push((key, n)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(_, n)| n)
        .map_or(10.0, |(k, _)| {
            #[allow(clippy::cast_precision_loss)]
            let half_points = k as f32;
            half_points / 2.0
        })
}

/// The rows of one page in reading order (the order the page draws them), the rows of its
/// artifacts (page furniture), and the height of a footnote rule printed as an artifact.
fn rows(page: &PageSpans) -> (Vec<Row<'_>>, Vec<Row<'_>>, Option<f32>) {
    let mut rows: Vec<Row<'_>> = Vec::new();
    let mut furniture: Vec<Row<'_>> = Vec::new();
    let mut rule: Option<f32> = None;
    for span in &page.spans {
        let into = if span.artifact {
            let t = span.text.trim();
            if t.len() >= 5 && t.bytes().all(|b| b == b'_') {
                rule = Some(rule.map_or(span.y, |r: f32| r.max(span.y)));
                continue;
            }
            &mut furniture
        } else {
            &mut rows
        };
        match into.last_mut() {
            Some(row) if row.takes(span) => row.push(span),
            _ => into.push(Row::new(span)),
        }
    }
    rows.retain(|r| r.spans.iter().any(|s| !blank(s)));
    furniture.retain(|r| r.spans.iter().any(|s| !blank(s)));
    (rows, furniture, rule)
}

/// A footnote rule printed as underscores in the running text (an untagged PDF).
fn printed_rule_row(rows: &[Row<'_>], texts: &[RowText]) -> Option<f32> {
    texts
        .iter()
        .zip(rows)
        .find(|(t, _)| t.text.len() >= 5 && t.text.bytes().all(|b| b == b'_'))
        .map(|(_, r)| r.base)
}

/// A footnote rule drawn as a short horizontal line in the page's lower half that stands alone
/// on its height (a table's rules come in segments side by side) with a footnote's mark below.
fn drawn_rule(page: &PageSpans, rows: &[Row<'_>], texts: &[RowText]) -> Option<f32> {
    let alone = |y: f32| page.rules.iter().filter(|r| (r.2 - y).abs() < 0.5).count() == 1;
    let marked_below = |y: f32| {
        texts
            .iter()
            .zip(rows)
            .any(|(t, r)| r.base < y && t.mark.is_some())
    };
    page.rules
        .iter()
        .filter(|(x0, x1, y)| {
            x1 - x0 > 20.0
                && x1 - x0 < 0.6 * page.width
                && *y < 0.5 * page.height
                && alone(*y)
                && marked_below(*y)
        })
        .map(|r| r.2)
        .fold(None, |m: Option<f32>, y| Some(m.map_or(y, |m| m.max(y))))
}

/// A row of a page with its kind, before line pitch is known.
struct Placed {
    page: u32,
    row: RowText,
    base: f32,
    size: f32,
    footnote: bool,
}

/// Lines of every page: running text, and footnotes (a line each, `note` naming the mark).
pub(crate) fn assemble(pages: &[PageSpans]) -> PdfText {
    let body = body_size(pages);
    let mut out = PdfText::default();
    let mut placed: Vec<Placed> = Vec::new();
    // A footnote's line grows as its rows are read: the lines are packed once all are.
    let mut lines: Vec<Line> = Vec::new();
    for (index, page) in pages.iter().enumerate() {
        let page_no = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let (rows, furniture, printed_rule) = rows(page);
        for row in &furniture {
            out.furniture_spans += row.spans.iter().filter(|s| !blank(s)).count();
            out.read.set_aside.push(SetAside::Furniture {
                page: page_no,
                text: row_text(row).text,
            });
        }
        let texts: Vec<RowText> = rows.iter().map(row_text).collect();
        let printed = printed_rule.or_else(|| printed_rule_row(&rows, &texts));
        let rule = printed.or_else(|| drawn_rule(page, &rows, &texts));
        // The base line of the page's last footnote row.
        let mut last_note: Option<f32> = None;
        for (row, text) in rows.iter().zip(texts) {
            let is_rule = text.text.len() >= 5 && text.text.bytes().all(|b| b == b'_');
            if is_rule {
                continue;
            }
            // Smaller text below the rule (or, without a rule, in the page's lower half) that
            // opens with a mark starts a footnote; a row without a mark continues one when it
            // sits right under the last footnote row, or right under the rule (a footnote run
            // on from the page before). A job number or page counter further down is not one.
            let small = row.size < 0.92 * body;
            let below_rule = rule.is_some_and(|r| row.base < r);
            let zone = small && (below_rule || (rule.is_none() && row.base < 0.5 * page.height));
            let under = |above: f32, lines: f32| {
                above > row.base && above - row.base <= lines * row.size.max(1.0)
            };
            // Only under a printed rule (underscores, as UN PDFs print it) may a page open with
            // the rest of a footnote: under a drawn line it may be a table.
            let continues = match last_note {
                Some(above) => under(above, 1.6),
                None => printed.is_some_and(|r| under(r, 2.5)),
            };
            let footnote = zone && (text.mark.is_some() || continues);
            if footnote {
                last_note = Some(row.base);
            }
            placed.push(Placed {
                page: page_no,
                row: text,
                base: row.base,
                size: row.size,
                footnote,
            });
        }
    }
    // The usual distance between two lines of body text: a wider gap is a blank line.
    let mut gaps: Vec<f32> = placed
        .windows(2)
        .filter(|w| {
            w[0].page == w[1].page
                && !w[0].footnote
                && !w[1].footnote
                && (w[0].size - body).abs() < 0.5
                && (w[1].size - body).abs() < 0.5
        })
        .map(|w| w[0].base - w[1].base)
        .filter(|g| *g > 0.0)
        .collect();
    gaps.sort_by(f32::total_cmp);
    let pitch = gaps.get(gaps.len() / 2).copied().unwrap_or(1.2 * body);

    out.read.heads_marked = out.furniture_spans > 0;
    let mut previous: Option<&Placed> = None;
    // The line holding the footnote still being read, to join a footnote that runs on.
    let mut open_note: Option<usize> = None;
    for p in &placed {
        let new_page = previous.is_none_or(|q| q.page != p.page);
        if new_page && !out.text.is_empty() {
            out.text.push('\u{c}');
        }
        for (mark, after) in &p.row.calls {
            out.read.explicit_calls.insert(mark.clone());
            out.read.set_aside.push(SetAside::Call {
                page: p.page,
                mark: mark.clone(),
                after: after.clone(),
            });
        }
        if p.footnote {
            match (&p.row.mark, open_note) {
                (None, Some(i)) => {
                    let line = &mut lines[i];
                    let mut text = std::mem::take(&mut line.text).into_string();
                    super::super::text::join_into(&mut text, &p.row.text);
                    line.text = text.into();
                    push_text(&mut out.text, &p.row.text);
                }
                (mark, _) => {
                    let mark = mark.clone().unwrap_or_default();
                    let bytes = push_text(&mut out.text, &p.row.text);
                    open_note = Some(lines.len());
                    lines.push(Line {
                        text: p.row.text.as_str().into(),
                        page: Some(p.page),
                        size: Some(p.size),
                        bytes,
                        rare: Line::rare(Some(mark), None),
                        ..Line::default()
                    });
                }
            }
            previous = Some(p);
            continue;
        }
        let blank_before =
            !new_page && previous.is_some_and(|q| q.base - p.base > 1.35 * pitch.max(1.0));
        let bytes = push_text(&mut out.text, &p.row.text);
        lines.push(Line {
            text: p.row.text.as_str().into(),
            page: Some(p.page),
            // Clamped to 0..=u16::MAX first: neither sign nor range is lost.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            indent: Some(p.row.x.max(0.0).min(f32::from(u16::MAX)) as u16),
            size: Some(p.size),
            italic: Some(p.row.italic),
            bold: Some(p.row.bold),
            blank_before,
            bytes,
            ..Line::default()
        });
        previous = Some(p);
    }
    out.read.lines = Lines::from(lines);
    out
}

/// Append a line to the document's text; its byte range there.
fn push_text(text: &mut String, line: &str) -> std::ops::Range<usize> {
    let start = text.len();
    text.push_str(line);
    let end = text.len();
    text.push('\n');
    start..end
}

#[cfg(test)]
mod tests;
