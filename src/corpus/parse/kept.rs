//! What the parse keeps of the lines once it lets them go, before the split-word mender
//! (issue 13, item 4): the byte ranges fields and paragraphs are traced to, and the unread
//! lines counted.

use crate::corpus::segment::Segments;
use crate::corpus::source::Lines;
use std::ops::Range;

/// The byte ranges of the lines that fields and paragraphs are traced to, by line index.
pub struct Spans(Vec<(usize, Range<usize>)>);

impl Spans {
    pub fn of(lines: &Lines, segs: &Segments, session: Option<usize>) -> Spans {
        let mut wanted: Vec<usize> = (segs.paragraphs.iter().map(|p| p.1))
            .chain(segs.header.first().copied())
            .chain(segs.title.as_ref().and_then(|t| t.1.first().copied()))
            .chain(segs.number.as_ref().map(|n| n.1))
            .chain(segs.opener.as_ref().map(|o| o.1))
            .chain(segs.meeting.as_ref().map(|m| m.1))
            .chain(segs.meeting_rest.as_ref().map(|m| m.1))
            .chain(segs.vote.as_ref().map(|v| v.1))
            .chain(session)
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        Spans(
            wanted
                .into_iter()
                .filter_map(|i| Some((i, lines.get(i)?.bytes.clone())))
                .collect(),
        )
    }

    pub fn get(&self, line: usize) -> Option<Range<usize>> {
        let at = self.0.binary_search_by_key(&line, |s| s.0).ok()?;
        Some(self.0[at].1.clone())
    }
}

/// The lines the grammar left unread: counted and the first quoted, not copied (a file of
/// unread short lines would hold its text twice: issue 13, item 4).
pub struct Unread {
    pub count: usize,
    pub first: Option<String>,
}

impl Unread {
    pub fn of(lines: &Lines, unread: &[usize]) -> Unread {
        let mut texts = unread.iter().filter_map(|&i| lines.get(i));
        let first = texts.next().map(|l| first_chars(l.text));
        Unread {
            count: usize::from(first.is_some()) + texts.count(),
            first,
        }
    }
}

/// The first 60 characters of an unread text, quoted in the warning.
pub fn first_chars(text: &str) -> String {
    text.chars().take(60).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::source::Line;

    fn line(text: &str, bytes: Range<usize>) -> Line {
        Line {
            text: text.into(),
            bytes,
            ..Line::default()
        }
    }

    #[test]
    fn spans_keep_the_byte_ranges_of_the_lines_read_later_and_no_others() {
        let lines = Lines::from(vec![line("a", 0..1), line("b", 2..3), line("c", 4..5)]);
        let segs = Segments {
            number: Some(("1".into(), 2)),
            ..Segments::default()
        };
        let spans = Spans::of(&lines, &segs, Some(0));
        assert_eq!(spans.get(2), Some(4..5));
        assert_eq!(spans.get(0), Some(0..1));
        assert_eq!(spans.get(1), None);
        assert_eq!(spans.get(9), None);
    }

    #[test]
    fn unread_lines_are_counted_and_the_first_quoted() {
        let long = "y".repeat(80);
        let lines = Lines::from(vec![line("a", 0..1), line(&long, 2..82), line("c", 83..84)]);
        let unread = Unread::of(&lines, &[1, 2, 7]);
        assert_eq!(unread.count, 2);
        assert_eq!(unread.first, Some("y".repeat(60)));
        let none = Unread::of(&lines, &[]);
        assert_eq!((none.count, none.first), (0, None));
    }
}
