//! Plain text from PDF converters (`pdftotext` default and `-raw`, PyMuPDF): one printed line
//! per line, form feeds between pages.

use super::{Line, Lines, Read, raw_lines};
use crate::corpus::markup::sanitize;

/// Every line with its page and byte range; blank lines become `blank_before` of the next.
pub fn read(text: &str) -> Read {
    Read {
        lines: lines(text).collect::<Lines>(),
        ..Read::default()
    }
}

/// The lines of plain text, sanitised, blank ones folded into `blank_before`: one at a time,
/// never a list of them all (a `Line` is far larger than a short line: issue 13, item 4).
pub(super) fn lines(text: &str) -> impl Iterator<Item = Line> + '_ {
    let mut blank = false;
    let mut last_page = None;
    raw_lines(text).filter_map(move |(range, page)| {
        let clean = sanitize(&text[range.clone()]);
        let trimmed = clean.trim();
        if page != last_page {
            blank = blank || last_page.is_some();
            last_page = page;
        }
        if trimmed.is_empty() {
            blank = true;
            return None;
        }
        Some(Line {
            text: trimmed.into(),
            page,
            blank_before: std::mem::take(&mut blank),
            bytes: range,
            ..Line::default()
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_and_pages() {
        let r = read("a\n\n  b  \n\u{c}c\n");
        let got: Vec<(&str, bool, Option<u32>)> = r
            .lines
            .iter()
            .map(|l| (l.text, l.blank_before, l.page))
            .collect();
        assert_eq!(
            got,
            [
                ("a", false, Some(1)),
                ("b", true, Some(1)),
                ("c", true, Some(2))
            ]
        );
        assert_eq!(r.lines.to_vec()[1].bytes, 3..8);
    }

    #[test]
    fn control_characters_never_reach_a_line() {
        let r = read("Rappelant\u{1b}[31m rouge\u{7}\n");
        assert_eq!(r.lines.to_vec()[0].text, "Rappelant rouge");
    }
}
