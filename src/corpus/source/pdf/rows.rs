//! A page's spans grouped into printed rows: each row's baseline, size and text, footnote calls
//! told by being raised and smaller, the document's body size, and where a footnote rule
//! divides a page.

use super::backend::{PageSpans, Span};

/// A printed line: its spans left to right, the baseline and size of its main text.
#[derive(Debug)]
pub(super) struct Row<'s> {
    pub(super) spans: Vec<&'s Span>,
    pub(super) base: f32,
    pub(super) size: f32,
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

pub(super) fn blank(span: &Span) -> bool {
    span.blank
}

/// A row read: its text without calls, the mark that opens it (a footnote's), and the calls.
#[derive(Debug, Default, PartialEq)]
pub(super) struct RowText {
    pub(super) text: String,
    pub(super) mark: Option<String>,
    /// Each call's mark and the word it followed.
    pub(super) calls: Vec<(String, String)>,
    pub(super) italic: bool,
    pub(super) bold: bool,
    pub(super) x: f32,
}

/// Raised and smaller than its line: a superscript.
pub(super) fn raised(span: &Span, row: &Row<'_>) -> bool {
    span.size < 0.85 * row.size && span.y - row.base > 0.15 * row.size
}

/// A superscript that names a footnote: digits, or one lower-case letter or `*` (annexes).
pub(super) fn is_mark(text: &str) -> bool {
    let t = text.trim();
    (!t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit()))
        || (t.chars().count() == 1 && t.chars().all(|c| c.is_ascii_lowercase() || c == '*'))
}

/// Raised letters after a number that belong to it: `1er`, `2e`, `1re`, `3rd` (one letter only
/// for the French `e`; `2026ᵃ` is a call).
pub(super) fn ordinal_suffix(s: &str) -> bool {
    s.chars().all(char::is_alphabetic) && (s.chars().count() >= 2 || s == "e")
}

pub(super) fn row_text(row: &Row<'_>) -> RowText {
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
pub(super) fn body_size(pages: &[PageSpans]) -> f32 {
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
pub(super) fn rows(page: &PageSpans) -> (Vec<Row<'_>>, Vec<Row<'_>>, Option<f32>) {
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
pub(super) fn printed_rule_row(rows: &[Row<'_>], texts: &[RowText]) -> Option<f32> {
    texts
        .iter()
        .zip(rows)
        .find(|(t, _)| t.text.len() >= 5 && t.text.bytes().all(|b| b == b'_'))
        .map(|(_, r)| r.base)
}

/// A footnote rule drawn as a short horizontal line in the page's lower half that stands alone
/// on its height (a table's rules come in segments side by side) with a footnote's mark below.
pub(super) fn drawn_rule(page: &PageSpans, rows: &[Row<'_>], texts: &[RowText]) -> Option<f32> {
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
