//! One line's record in the packed lines: a flags byte, varints for its byte range (from the
//! line before), its page when it changes, its text's length when it is not the range's, then
//! what few lines have (indent, size, bold, footnote mark, bare page number) behind a second
//! varint saying which follow. The texts themselves are kept apart, in the same order.

use super::LineRef;

// The flags byte of a line.
const BLANK_BEFORE: u8 = 1;
const NEW_PAGE: u8 = 1 << 1;
const TEXT_SPANS_BYTES: u8 = 1 << 2;
const EXTRAS: u8 = 1 << 3;
const INFERRED: u8 = 1 << 4;
const CALL_ENDED: u8 = 1 << 5;
const ITALIC_KNOWN: u8 = 1 << 6;
const ITALIC: u8 = 1 << 7;

// The extras varint: what few lines have.
const BOLD_KNOWN: u64 = 1;
const BOLD: u64 = 1 << 1;
const INDENT: u64 = 1 << 2;
const SIZE: u64 = 1 << 3;
const NOTE: u64 = 1 << 4;
const BARE_NUMBER: u64 = 1 << 5;

/// What a line is encoded against: the line before it (its byte range's end, its page).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct State {
    pub(super) end: usize,
    pub(super) page: Option<u32>,
}

/// `n` in seven-bit groups, low first, the high bit saying another follows (LEB128).
fn put_varint(data: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        data.push(n.to_le_bytes()[0] | 0x80);
        n >>= 7;
    }
    data.push(n.to_le_bytes()[0]);
}

/// How far `to` is from `from`, either way, as a varint takes it: small steps, small numbers.
fn delta(from: usize, to: usize) -> u64 {
    // usize is at most 64 bits: the differences wrap as two's complement and come back.
    let d = (to as u64).wrapping_sub(from as u64).cast_signed();
    ((d << 1) ^ (d >> 63)).cast_unsigned()
}

/// `from` moved by a `delta`.
fn undelta(from: usize, n: u64) -> Option<usize> {
    let d = (n >> 1).cast_signed() ^ -((n & 1).cast_signed());
    usize::try_from((from as u64).wrapping_add(d.cast_unsigned())).ok()
}

/// `line`'s record, encoded against the line before it.
pub(super) fn encode(line: &LineRef<'_>, before: State, data: &mut Vec<u8>) {
    let start = line.bytes.start;
    let end = line.bytes.end;
    let mut flags = 0u8;
    let mut extras = 0u64;
    let mut set = |on: bool, bit: u8| {
        if on {
            flags |= bit;
        }
    };
    set(line.blank_before, BLANK_BEFORE);
    set(line.page != before.page, NEW_PAGE);
    set(line.text.len() == end.wrapping_sub(start), TEXT_SPANS_BYTES);
    set(line.inferred, INFERRED);
    set(line.call_ended, CALL_ENDED);
    set(line.italic.is_some(), ITALIC_KNOWN);
    set(line.italic == Some(true), ITALIC);
    for (on, bit) in [
        (line.bold.is_some(), BOLD_KNOWN),
        (line.bold == Some(true), BOLD),
        (line.indent.is_some(), INDENT),
        (line.size.is_some(), SIZE),
        (line.note.is_some(), NOTE),
        (line.bare_number_before.is_some(), BARE_NUMBER),
    ] {
        if on {
            extras |= bit;
        }
    }
    if extras != 0 {
        flags |= EXTRAS;
    }
    data.push(flags);
    if extras != 0 {
        put_varint(data, extras);
    }
    put_varint(data, delta(before.end, start));
    put_varint(data, delta(start, end));
    if flags & NEW_PAGE != 0 {
        put_varint(data, line.page.map_or(0, |p| u64::from(p) + 1));
    }
    if flags & TEXT_SPANS_BYTES == 0 {
        put_varint(data, line.text.len() as u64);
    }
    if let Some(indent) = line.indent {
        put_varint(data, u64::from(indent));
    }
    if let Some(size) = line.size {
        data.extend_from_slice(&size.to_le_bytes());
    }
    if let Some(note) = line.note {
        put_varint(data, note.len() as u64);
    }
    if let Some(n) = line.bare_number_before {
        put_varint(data, u64::from(n));
    }
}

/// Reads one line's fields from a block at `at`, its texts at `text_at`.
pub(super) struct Reader<'a> {
    data: &'a [u8],
    pub(super) at: usize,
    text: &'a str,
    pub(super) text_at: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn new(records: &'a [u8], at: usize, text: &'a str, text_at: usize) -> Reader<'a> {
        Reader {
            data: records,
            at,
            text,
            text_at,
        }
    }

    fn byte(&mut self) -> Option<u8> {
        let b = *self.data.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn varint(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Some(n);
            }
        }
        None
    }

    fn bytes(&mut self, len: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(len)?;
        let got = self.data.get(self.at..end)?;
        self.at = end;
        Some(got)
    }

    fn usize(&mut self) -> Option<usize> {
        usize::try_from(self.varint()?).ok()
    }

    /// The next text, of `len` bytes.
    fn text(&mut self, len: usize) -> Option<&'a str> {
        let end = self.text_at.checked_add(len)?;
        let got = self.text.get(self.text_at..end)?;
        self.text_at = end;
        Some(got)
    }

    /// The line at `self.at`, read against `state`, which becomes the line's.
    pub(super) fn line(&mut self, state: &mut State) -> Option<LineRef<'a>> {
        let flags = self.byte()?;
        let extras = if flags & EXTRAS == 0 {
            0
        } else {
            self.varint()?
        };
        let start = undelta(state.end, self.varint()?)?;
        let end = undelta(start, self.varint()?)?;
        if flags & NEW_PAGE != 0 {
            state.page = match self.varint()? {
                0 => None,
                p => Some(u32::try_from(p - 1).ok()?),
            };
        }
        state.end = end;
        let text_len = if flags & TEXT_SPANS_BYTES != 0 {
            end.checked_sub(start)?
        } else {
            self.usize()?
        };
        let text = self.text(text_len)?;
        let indent = if extras & INDENT == 0 {
            None
        } else {
            Some(u16::try_from(self.varint()?).ok()?)
        };
        let size = if extras & SIZE == 0 {
            None
        } else {
            let raw: [u8; 4] = self.bytes(4)?.try_into().ok()?;
            Some(f32::from_le_bytes(raw))
        };
        let note = if extras & NOTE == 0 {
            None
        } else {
            let len = self.usize()?;
            Some(self.text(len)?)
        };
        let bare_number_before = if extras & BARE_NUMBER == 0 {
            None
        } else {
            Some(u32::try_from(self.varint()?).ok()?)
        };
        let known = |known: bool, value: bool| known.then_some(value);
        Some(LineRef {
            text,
            page: state.page,
            indent,
            size,
            italic: known(flags & ITALIC_KNOWN != 0, flags & ITALIC != 0),
            bold: known(extras & BOLD_KNOWN != 0, extras & BOLD != 0),
            blank_before: flags & BLANK_BEFORE != 0,
            bytes: start..end,
            inferred: flags & INFERRED != 0,
            call_ended: flags & CALL_ENDED != 0,
            note,
            bare_number_before,
        })
    }
}
