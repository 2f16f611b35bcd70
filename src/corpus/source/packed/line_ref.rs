//! A line as the packed lines give it back: its text borrowed from them, its other facts
//! copied; and the conversions between it and an owned `Line`.

use super::super::Line;
use compact_str::CompactString;
use std::ops::Range;

/// One line of a `Lines`, its text borrowed from the store. The same facts as a `Line`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LineRef<'a> {
    pub text: &'a str,
    pub page: Option<u32>,
    pub indent: Option<u16>,
    pub size: Option<f32>,
    pub italic: Option<bool>,
    pub bold: Option<bool>,
    pub blank_before: bool,
    pub bytes: Range<usize>,
    pub inferred: bool,
    pub call_ended: bool,
    /// The mark of the footnote this line defines (`[^1]: …`).
    pub note: Option<&'a str>,
    /// See `Rare::bare_number_before`.
    pub bare_number_before: Option<u32>,
}

impl<'a> LineRef<'a> {
    /// The mark of the footnote this line defines (`[^1]: …`).
    pub fn note(&self) -> Option<&'a str> {
        self.note
    }

    /// The page number taken out just before this line (see `Rare::bare_number_before`).
    pub fn bare_number_before(&self) -> Option<u32> {
        self.bare_number_before
    }

    /// The line, owned.
    pub fn to_line(&self) -> Line {
        Line {
            text: CompactString::from(self.text),
            page: self.page,
            indent: self.indent,
            size: self.size,
            italic: self.italic,
            bold: self.bold,
            blank_before: self.blank_before,
            bytes: self.bytes.clone(),
            inferred: self.inferred,
            call_ended: self.call_ended,
            rare: Line::rare(self.note.map(str::to_string), self.bare_number_before),
        }
    }
}

impl Line {
    /// The line as a `Lines` gives it back.
    pub fn as_ref(&self) -> LineRef<'_> {
        LineRef {
            text: &self.text,
            page: self.page,
            indent: self.indent,
            size: self.size,
            italic: self.italic,
            bold: self.bold,
            blank_before: self.blank_before,
            bytes: self.bytes.clone(),
            inferred: self.inferred,
            call_ended: self.call_ended,
            note: self.note(),
            bare_number_before: self.bare_number_before(),
        }
    }
}
