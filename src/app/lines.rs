//! The reader's line model: a resolution laid out in a width as header, title, paragraph and
//! footnote lines. A pure function shared by `update` (which scrolls and jumps by it) and the
//! reader pane (which draws it).

use crate::corpus::{ParagraphIndex, Resolution};
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
        index: ParagraphIndex,
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
    pub fn paragraph(&self) -> Option<ParagraphIndex> {
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
    let about: Vec<&str> = [
        r.body.map(super::super::corpus::model::Body::code),
        r.language.map(|l| l.code()),
    ]
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
    for (index, p) in ParagraphIndex::all(r.paragraphs.len()).zip(&r.paragraphs) {
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
pub fn paragraph_start(lines: &[DocLine], index: ParagraphIndex) -> Option<usize> {
    lines
        .iter()
        .position(|l| matches!(l, DocLine::Paragraph { index: i, first: true, .. } if *i == index))
}

/// The first paragraph with a line at or below line `line`.
pub fn current_paragraph(lines: &[DocLine], line: usize) -> Option<ParagraphIndex> {
    lines.iter().skip(line).find_map(DocLine::paragraph)
}

/// The lines paragraph `index` takes.
pub fn paragraph_lines(lines: &[DocLine], index: ParagraphIndex) -> Option<Range<usize>> {
    let start = paragraph_start(lines, index)?;
    let len = lines[start..]
        .iter()
        .take_while(|l| l.paragraph() == Some(index))
        .count();
    Some(start..start + len)
}

/// The furthest the view scrolls: the end of the text at the bottom of a pane `height` lines
/// tall, so the pane is never left half empty.
pub fn max_scroll(lines: &[DocLine], height: usize) -> usize {
    lines.len().saturating_sub(height.max(1))
}

/// Lines of context shown above a paragraph opened or jumped to: a quarter of the pane.
pub fn context_lines(height: usize) -> usize {
    height / 4
}

/// The scroll that shows paragraph `index` [`context_lines`] below the top of the pane (less
/// when there is less text above it, or when the end of the text comes first).
pub fn context_scroll(lines: &[DocLine], height: usize, index: ParagraphIndex) -> usize {
    let start = paragraph_start(lines, index).unwrap_or(0);
    start
        .saturating_sub(context_lines(height))
        .min(max_scroll(lines, height))
}

/// The current paragraph after the view moved to `scroll`: `current` while any of its lines is
/// shown, else the nearest paragraph shown (the first one when it left at the top, the last one
/// when it left at the bottom), as a cursor follows the view in `less` or vim.
pub fn follow(
    lines: &[DocLine],
    scroll: usize,
    height: usize,
    current: ParagraphIndex,
) -> ParagraphIndex {
    let Some(range) = paragraph_lines(lines, current) else {
        return current;
    };
    let bottom = scroll.saturating_add(height.max(1)).min(lines.len());
    let first_shown = || current_paragraph(lines, scroll);
    let last_shown = || lines[..bottom].iter().rev().find_map(DocLine::paragraph);
    if range.end <= scroll {
        first_shown().or_else(last_shown).unwrap_or(current)
    } else if range.start >= bottom {
        last_shown().or_else(first_shown).unwrap_or(current)
    } else {
        current
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load::load_embedded;

    #[test]
    fn every_paragraph_starts_a_line_and_the_end_stays_at_the_bottom() {
        let corpus = load_embedded();
        for r in &corpus.resolutions {
            for width in [1, 10, 50, 200] {
                let lines = document_lines(r, width);
                let height = 10;
                let top = max_scroll(&lines, height);
                // At the furthest scroll the last line is on the last row: no empty rows.
                assert!(lines.len() < height || top + height == lines.len());
                for index in ParagraphIndex::all(r.paragraphs.len()) {
                    let range = paragraph_lines(&lines, index).unwrap();
                    assert!(!range.is_empty());
                    assert_eq!(current_paragraph(&lines, range.start), Some(index));
                    // Opened in context: shown, with up to a quarter of the pane above it.
                    let scroll = context_scroll(&lines, height, index);
                    assert!(scroll <= range.start && range.start < scroll + height);
                    assert!(
                        range.start - scroll >= context_lines(height).min(range.start)
                            || scroll == top
                    );
                    assert_eq!(follow(&lines, scroll, height, index), index);
                }
            }
        }
    }

    #[test]
    fn the_current_paragraph_follows_the_view() {
        let corpus = load_embedded();
        let r = corpus.find("A/HRC/RES/44/18").unwrap();
        let lines = document_lines(r, 40);
        let height = 8;
        let last = ParagraphIndex::last_of(r.paragraphs.len());
        let p = ParagraphIndex;
        // Still shown: unchanged.
        let start = paragraph_start(&lines, p(3)).unwrap();
        assert_eq!(follow(&lines, start, height, p(3)), p(3));
        // Left at the top: the first paragraph shown.
        let past = paragraph_lines(&lines, p(3)).unwrap().end;
        assert_eq!(follow(&lines, past, height, p(3)), p(4));
        let end = max_scroll(&lines, height);
        assert_eq!(
            follow(&lines, end, height, p(0)),
            current_paragraph(&lines, end).unwrap()
        );
        // Left at the bottom: the last paragraph shown.
        let below = lines[..height]
            .iter()
            .rev()
            .find_map(DocLine::paragraph)
            .unwrap();
        assert_eq!(follow(&lines, 0, height, last), below);
    }
}
