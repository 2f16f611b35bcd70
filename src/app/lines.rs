//! The reader's line model: a resolution laid out in a width as header, title, paragraph and
//! footnote lines. A pure function shared by `update` (which scrolls and jumps by it) and the
//! reader pane (which draws it).

use crate::corpus::Resolution;
use crate::text::display::{or_dash, wrap};
use std::ops::Range;

/// What one line of a laid-out document shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocLine {
    /// A header line, already written.
    Header(String),
    /// Part of the title.
    Title(Range<usize>),
    Rule,
    Blank,
    /// Part of paragraph `index`; `first` carries its marker.
    Paragraph {
        index: usize,
        range: Range<usize>,
        first: bool,
    },
    FootnoteHeading,
    Footnote {
        index: usize,
        range: Range<usize>,
        first: bool,
    },
}

impl DocLine {
    pub fn paragraph(&self) -> Option<usize> {
        match self {
            DocLine::Paragraph { index, .. } => Some(*index),
            _ => None,
        }
    }
}

/// Columns before a paragraph's text: the current-paragraph bar and the `OP 12` marker.
pub fn indent(width: usize) -> usize {
    8.min(width / 3)
}

/// Lay out `r` in `width` columns.
pub fn document_lines(r: &Resolution, width: usize) -> Vec<DocLine> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let about: Vec<&str> = [r.body.map(|b| b.code()), r.language.map(|l| l.code())]
        .into_iter()
        .flatten()
        .collect();
    lines.push(DocLine::Header(format!(
        "{}  ({})",
        r.id(),
        about.join(" ")
    )));
    lines.push(DocLine::Header(format!(
        "Session {} · agenda item {}",
        or_dash(r.session),
        or_dash(r.agenda_item.as_deref())
    )));
    lines.push(DocLine::Header(format!(
        "Adopted {} · {}",
        or_dash(r.adopted_on),
        or_dash(r.meeting.as_deref())
    )));
    if let Some(title) = &r.title {
        lines.extend(wrap(title, width).into_iter().map(DocLine::Title));
    }
    lines.push(DocLine::Rule);
    let text_width = width.saturating_sub(indent(width)).max(1);
    for (index, p) in r.paragraphs.iter().enumerate() {
        for (i, range) in wrap(&p.text, text_width).into_iter().enumerate() {
            let first = i == 0;
            lines.push(DocLine::Paragraph {
                index,
                range,
                first,
            });
        }
    }
    if !r.footnotes.is_empty() {
        lines.push(DocLine::Blank);
        lines.push(DocLine::FootnoteHeading);
        for (index, f) in r.footnotes.iter().enumerate() {
            for (i, range) in wrap(&f.text, text_width).into_iter().enumerate() {
                let first = i == 0;
                lines.push(DocLine::Footnote {
                    index,
                    range,
                    first,
                });
            }
        }
    }
    lines
}

/// The line where paragraph `index` starts.
pub fn paragraph_start(lines: &[DocLine], index: usize) -> Option<usize> {
    lines
        .iter()
        .position(|l| matches!(l, DocLine::Paragraph { index: i, first: true, .. } if *i == index))
}

/// The paragraph being read at `scroll`: the first one at or below the top line.
pub fn current_paragraph(lines: &[DocLine], scroll: usize) -> Option<usize> {
    lines.iter().skip(scroll).find_map(DocLine::paragraph)
}

/// The furthest the view scrolls: the end of the text at the bottom, or the last paragraph at the
/// top (so every paragraph can be made current).
pub fn max_scroll(lines: &[DocLine], height: usize) -> usize {
    let last_paragraph = lines
        .iter()
        .rposition(|l| matches!(l, DocLine::Paragraph { first: true, .. }))
        .unwrap_or(0);
    lines
        .len()
        .saturating_sub(height)
        .max(last_paragraph)
        .min(lines.len().saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load::load_embedded;

    #[test]
    fn every_paragraph_starts_a_line_and_can_be_current() {
        let corpus = load_embedded();
        for r in &corpus.resolutions {
            for width in [1, 10, 50, 200] {
                let lines = document_lines(r, width);
                let top = max_scroll(&lines, 10);
                for index in 0..r.paragraphs.len() {
                    let start = paragraph_start(&lines, index).unwrap();
                    assert!(start <= top || r.paragraphs.is_empty());
                    assert_eq!(current_paragraph(&lines, start), Some(index));
                }
            }
        }
    }
}
