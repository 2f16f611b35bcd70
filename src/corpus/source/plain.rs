//! Plain text from PDF converters (`pdftotext` default and `-raw`, PyMuPDF): one printed line
//! per line, form feeds between pages.

use super::{Line, Read, raw_lines};
use crate::corpus::markup::sanitize;

/// Every line with its page and byte range; blank lines become `blank_before` of the next.
pub fn read(text: &str) -> Read {
    Read {
        lines: lines(text),
        ..Read::default()
    }
}

/// The lines of plain text, sanitised, blank ones folded into `blank_before`.
pub(super) fn lines(text: &str) -> Vec<Line> {
    // Room for every line that is not blank, counted first: grown by doubling, the list of a
    // file of short lines would hold up to twice the room it needs (issue 13, item 4).
    let mut out = Vec::with_capacity(
        raw_lines(text)
            .filter(|(range, _)| !text[range.clone()].trim().is_empty())
            .count(),
    );
    let mut blank = false;
    let mut last_page = None;
    for (range, page) in raw_lines(text) {
        let clean = sanitize(&text[range.clone()]);
        let trimmed = clean.trim();
        if page != last_page {
            blank = blank || last_page.is_some();
            last_page = page;
        }
        if trimmed.is_empty() {
            blank = true;
            continue;
        }
        out.push(Line {
            text: trimmed.into(),
            page,
            blank_before: std::mem::take(&mut blank),
            bytes: range,
            ..Line::default()
        });
    }
    out
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
            .map(|l| (l.text.as_str(), l.blank_before, l.page))
            .collect();
        assert_eq!(
            got,
            [
                ("a", false, Some(1)),
                ("b", true, Some(1)),
                ("c", true, Some(2))
            ]
        );
        assert_eq!(r.lines[1].bytes, 3..8);
    }

    #[test]
    fn control_characters_never_reach_a_line() {
        let r = read("Rappelant\u{1b}[31m rouge\u{7}\n");
        assert_eq!(r.lines[0].text, "Rappelant rouge");
    }
}
