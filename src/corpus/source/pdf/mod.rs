//! PDFs read directly: each page's positioned spans (`backend`) become the pipeline's `Line`s,
//! with what the geometry says and plain text cannot: a footnote call is a run of digits set
//! smaller and raised above its line's baseline (taken out of the text and named as an
//! explicit call), a footnote is smaller text below the page's footnote rule that opens with
//! such a mark, running heads and feet are the spans a tagged PDF marks as artifacts, a blank
//! line is a gap wider than the document's line pitch, and a line keeps its size, italic and
//! bold. Thresholds are relative to the document's own body size, never absolute points.
//! Untagged PDFs keep their running heads as lines, for the layout pass's text rules.

pub mod backend;
mod rows;

use super::{Line, Lines, Read, SetAside};
use backend::PageSpans;
pub use backend::PdfError;
use rows::{RowText, blank, body_size, drawn_rule, printed_rule_row, row_text, rows};

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
