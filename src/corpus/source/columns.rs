//! Layout-preserving converter text (`pdftotext -layout`): leading spaces give the indent, and
//! a wide gap separates columns (a header's `United Nations … A/RES/80/3`, a number and its
//! title), which become lines of their own.

use super::{LineRef, Lines, Read, plain};

/// A run of this many spaces or more inside a line separates two columns.
const COLUMN_GAP: usize = 5;

pub fn read(text: &str) -> Read {
    let mut lines = Lines::new();
    for line in plain::lines(text) {
        let raw = &text[line.bytes.clone()];
        let indent = raw.len() - raw.trim_start_matches([' ', '\t']).len();
        let mut first = true;
        for (offset, column) in columns(&line.text) {
            lines.push(&LineRef {
                text: column,
                indent: u16::try_from(indent + offset).ok(),
                blank_before: first && line.blank_before,
                ..line.as_ref()
            });
            first = false;
        }
    }
    Read {
        lines,
        ..Read::default()
    }
}

/// Split a line at gaps of `COLUMN_GAP` spaces: each column with its byte offset.
fn columns(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut spaces = 0usize;
    for (i, c) in text.char_indices() {
        if c == ' ' {
            spaces += 1;
            continue;
        }
        if spaces >= COLUMN_GAP {
            let column = text[start..i].trim_end();
            if !column.is_empty() {
                out.push((start, column));
            }
            start = i;
        }
        spaces = 0;
    }
    let column = text[start..].trim_end();
    if !column.is_empty() {
        out.push((start, column));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_gaps_split_columns_and_indents_are_kept() {
        let r = read("   United Nations          A/RES/80/3\n     1.   Endorses the text\n");
        let got: Vec<(&str, Option<u16>)> = r.lines.iter().map(|l| (l.text, l.indent)).collect();
        assert_eq!(
            got,
            [
                ("United Nations", Some(3)),
                ("A/RES/80/3", Some(27)),
                ("1.   Endorses the text", Some(5))
            ]
        );
    }
}
