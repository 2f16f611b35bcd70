//! A document's lines, packed: each line a few bytes of header and varints followed by its
//! text, so that a file of short lines costs a small multiple of its size (issue 13, item 4)
//! where a `Line` a line cost 80 bytes for two or three bytes of input.
//!
//! Lines are read back as `LineRef`s borrowing their text from the store: in order with
//! `iter`, or by index with `get`, which starts from the nearest of the marks kept every
//! `MARK_EVERY` lines (or from where the last `get` stopped, so that reading forward is never
//! quadratic). Records are kept in blocks, each block's texts in a `String` of their own (so a
//! line's text is read back without checking it again as UTF-8), never moved once written (a
//! growing vector would hold its old and new room at once), and let go block by block by
//! `consume`.

use super::Line;
use compact_str::CompactString;
use std::cell::Cell;
use std::ops::Range;

/// A mark every this many lines: random access reads at most this many headers.
const MARK_EVERY: usize = 32;

/// The room of a block's records and of its texts (a longer line gets a block of its size).
const BLOCK_RECORDS: usize = 16 * 1024;
const BLOCK_TEXT: usize = 64 * 1024;

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
struct State {
    end: usize,
    page: Option<u32>,
}

/// Where line `index` starts (its block, and where in it), and the state it is read with.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Position {
    index: usize,
    block: usize,
    /// Where its record starts in the block's records, and its text in the block's text.
    at: usize,
    text_at: usize,
    state: State,
}

/// A mark: where line `k * MARK_EVERY` starts, kept small (a mark per 32 lines of a file of
/// one-letter lines is most of a byte a line as it is).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Mark {
    block: u32,
    at: u32,
    text_at: u32,
    state: State,
}

/// Records (flags and varints) and the texts they count, in the same order.
#[derive(Debug, Default)]
struct Block {
    records: Vec<u8>,
    text: String,
}

impl Block {
    fn with_room(records: usize, text: usize) -> Block {
        Block {
            records: Vec::with_capacity(records.max(BLOCK_RECORDS)),
            text: String::with_capacity(text.max(BLOCK_TEXT)),
        }
    }

    fn has_room(&self, records: usize, text: usize) -> bool {
        self.records.capacity() - self.records.len() >= records
            && self.text.capacity() - self.text.len() >= text
    }

    /// Past its last record.
    fn ends_before(&self, at: usize) -> bool {
        at >= self.records.len()
    }

    fn shrink_to_fit(&mut self) {
        self.records.shrink_to_fit();
        self.text.shrink_to_fit();
    }
}

/// A document's lines, packed.
#[derive(Debug, Default)]
pub struct Lines {
    /// The lines, each whole in one block.
    blocks: Vec<Block>,
    marks: Vec<Mark>,
    len: usize,
    /// Where the next line pushed goes.
    end: State,
    /// Where the last `get` stopped: the next line's position.
    cursor: Cell<Option<Position>>,
    /// The record being written.
    scratch: Vec<u8>,
}

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

/// Reads one line's fields from a block at `at`, its texts at `text_at`.
struct Reader<'a> {
    data: &'a [u8],
    at: usize,
    text: &'a str,
    text_at: usize,
}

impl<'a> Reader<'a> {
    fn new(block: &'a Block, at: usize, text_at: usize) -> Reader<'a> {
        Reader {
            data: &block.records,
            at,
            text: &block.text,
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
    fn line(&mut self, state: &mut State) -> Option<LineRef<'a>> {
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

impl Lines {
    pub fn new() -> Lines {
        Lines::default()
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Add a line at the end.
    pub fn push(&mut self, line: &LineRef<'_>) {
        let mut record = std::mem::take(&mut self.scratch);
        record.clear();
        self.encode(line, &mut record);
        let text = line.text.len() + line.note.map_or(0, str::len);
        if !self
            .blocks
            .last()
            .is_some_and(|b| b.has_room(record.len(), text))
        {
            // A block is full: it gives back what room it has left.
            if let Some(full) = self.blocks.last_mut() {
                full.shrink_to_fit();
            }
            self.blocks.push(Block::with_room(record.len(), text));
        }
        let index = self.blocks.len() - 1;
        let block = &mut self.blocks[index];
        if self.len.is_multiple_of(MARK_EVERY) {
            // Blocks and offsets in them fit a u32: a block holds one line at most, or up to
            // 64 KiB of lines, and there are fewer blocks than lines.
            let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
            self.marks.push(Mark {
                block: small(index),
                at: small(block.records.len()),
                text_at: small(block.text.len()),
                state: self.end,
            });
        }
        block.records.extend_from_slice(&record);
        block.text.push_str(line.text);
        if let Some(note) = line.note {
            block.text.push_str(note);
        }
        self.scratch = record;
        self.end = State {
            end: line.bytes.end,
            page: line.page,
        };
        self.len += 1;
    }

    /// `line`'s record, encoded against the line before it.
    fn encode(&self, line: &LineRef<'_>, data: &mut Vec<u8>) {
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
        set(line.page != self.end.page, NEW_PAGE);
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
        put_varint(data, delta(self.end.end, start));
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

    /// The lines in order.
    pub fn iter(&self) -> Iter<'_> {
        self.into_iter()
    }

    /// The lines from `index` on.
    pub fn iter_from(&self, index: usize) -> Iter<'_> {
        Iter {
            lines: self,
            next: self.seek(index.min(self.len)),
        }
    }

    /// Read every line in order, letting each block go once its lines are read: the lines are
    /// held once while they are turned into others.
    pub fn consume(self, mut read: impl FnMut(LineRef<'_>)) {
        let mut state = State::default();
        let mut left = self.len;
        for block in self.blocks {
            let mut reader = Reader::new(&block, 0, 0);
            while left > 0 && !block.ends_before(reader.at) {
                let Some(line) = reader.line(&mut state) else {
                    break;
                };
                read(line);
                left -= 1;
            }
        }
    }

    /// Line `index`.
    pub fn get(&self, index: usize) -> Option<LineRef<'_>> {
        if index >= self.len {
            return None;
        }
        let mut at = self.seek(index);
        let line = self.read(&mut at);
        self.cursor.set(Some(at));
        line
    }

    /// The last line.
    pub fn last(&self) -> Option<LineRef<'_>> {
        self.get(self.len.checked_sub(1)?)
    }

    /// The position of line `index` (at most `len`): from the last `get` when it stopped at or
    /// shortly before it, else from the mark before it.
    fn seek(&self, index: usize) -> Position {
        let k = index / MARK_EVERY;
        let mark = self.marks.get(k).map_or(
            Position {
                index: self.len,
                block: self.blocks.len(),
                at: 0,
                text_at: 0,
                state: self.end,
            },
            |m| Position {
                index: k * MARK_EVERY,
                block: m.block as usize,
                at: m.at as usize,
                text_at: m.text_at as usize,
                state: m.state,
            },
        );
        let mut at = match self.cursor.get() {
            Some(c) if c.index <= index && c.index >= mark.index => c,
            _ => mark,
        };
        while at.index < index {
            if self.read(&mut at).is_none() {
                break;
            }
        }
        at
    }

    /// The line at `at`, which moves past it.
    fn read(&self, at: &mut Position) -> Option<LineRef<'_>> {
        if at.index >= self.len {
            return None;
        }
        self.settle(at);
        let mut reader = Reader::new(self.blocks.get(at.block)?, at.at, at.text_at);
        let line = reader.line(&mut at.state)?;
        at.at = reader.at;
        at.text_at = reader.text_at;
        at.index += 1;
        Some(line)
    }

    /// A position at a block's end is the next block's start.
    fn settle(&self, at: &mut Position) {
        while self
            .blocks
            .get(at.block)
            .is_some_and(|b| b.ends_before(at.at))
        {
            at.block += 1;
            at.at = 0;
            at.text_at = 0;
        }
    }

    /// The lines from `index` on, taken out.
    pub fn split_off(&mut self, index: usize) -> Vec<Line> {
        if index >= self.len {
            return Vec::new();
        }
        let mut from = self.seek(index);
        self.settle(&mut from);
        let taken = self.iter_from(index).map(|l| l.to_line()).collect();
        self.blocks.truncate(from.block + 1);
        if let Some(block) = self.blocks.get_mut(from.block) {
            block.records.truncate(from.at);
            // Always a boundary: texts are cut where a line's text starts.
            if block.text.is_char_boundary(from.text_at) {
                block.text.truncate(from.text_at);
            }
            if block.records.is_empty() {
                self.blocks.pop();
            }
        }
        self.marks.truncate(index.div_ceil(MARK_EVERY));
        self.len = index;
        self.end = from.state;
        self.cursor.set(None);
        taken
    }

    /// The same lines, each one `change` gives a new line for replaced by it.
    pub fn amended(&self, mut change: impl FnMut(usize, &LineRef<'_>) -> Option<Line>) -> Lines {
        let mut out = Lines::new();
        for (i, line) in self.iter().enumerate() {
            match change(i, &line) {
                Some(changed) => out.push(&changed.as_ref()),
                None => out.push(&line),
            }
        }
        out.shrink_to_fit();
        out
    }

    /// The lines, owned.
    pub fn to_vec(&self) -> Vec<Line> {
        self.iter().map(|l| l.to_line()).collect()
    }

    /// Give back the room kept for more lines (the last block's, and the marks').
    pub fn shrink_to_fit(&mut self) {
        if let Some(last) = self.blocks.last_mut() {
            last.shrink_to_fit();
        }
        self.marks.shrink_to_fit();
        self.scratch = Vec::new();
    }

    /// The bytes the records take.
    #[cfg(test)]
    fn bytes(&self) -> usize {
        self.blocks
            .iter()
            .map(|b| b.records.len() + b.text.len())
            .sum()
    }
}

impl<'l> FromIterator<LineRef<'l>> for Lines {
    fn from_iter<I: IntoIterator<Item = LineRef<'l>>>(lines: I) -> Lines {
        let mut out = Lines::new();
        for line in lines {
            out.push(&line);
        }
        out
    }
}

impl FromIterator<Line> for Lines {
    fn from_iter<I: IntoIterator<Item = Line>>(lines: I) -> Lines {
        let mut out = Lines::new();
        for line in lines {
            out.push(&line.as_ref());
        }
        out
    }
}

impl From<Vec<Line>> for Lines {
    fn from(lines: Vec<Line>) -> Lines {
        lines.into_iter().collect()
    }
}

impl<'a> IntoIterator for &'a Lines {
    type Item = LineRef<'a>;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        Iter {
            lines: self,
            next: Position::default(),
        }
    }
}

/// The lines of a `Lines` in order.
pub struct Iter<'a> {
    lines: &'a Lines,
    next: Position,
}

impl<'a> Iterator for Iter<'a> {
    type Item = LineRef<'a>;

    fn next(&mut self) -> Option<LineRef<'a>> {
        self.lines.read(&mut self.next)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.lines.len.saturating_sub(self.next.index);
        (0, Some(left))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<Line> {
        let mut lines = Vec::new();
        for i in 0..200usize {
            let text = match i % 5 {
                // Lines that fill blocks, and one longer than a block.
                _ if i % 50 == 7 => "long ".repeat(if i == 107 { 20_000 } else { 5_000 }),
                0 => "x".to_string(),
                1 => format!("Recalling its resolution {i} of long standing, and more besides,"),
                2 => "é".repeat(i % 17),
                3 => "  padded".to_string(),
                _ => String::new(),
            };
            let start = i * 3 + usize::from(i % 7 == 0) * 1000;
            lines.push(Line {
                bytes: start..start + text.len() + usize::from(i % 3 == 0),
                text: text.into(),
                page: (i % 11 != 0).then_some(1 + u32::try_from(i / 40).unwrap()),
                indent: (i % 4 == 0).then_some(u16::try_from(i).unwrap()),
                size: (i % 6 == 0).then_some(9.5 + f32::from(u16::try_from(i).unwrap())),
                italic: [None, Some(true), Some(false)][i % 3],
                bold: [Some(false), None, Some(true)][i % 3],
                blank_before: i % 2 == 0,
                inferred: i % 9 == 0,
                call_ended: i % 13 == 0,
                rare: Line::rare(
                    (i % 10 == 0).then(|| format!("{i}")),
                    (i % 15 == 0).then_some(u32::try_from(i).unwrap()),
                ),
            });
        }
        // A line whose range runs backwards from the one before, and one past the end.
        lines.push(Line {
            text: "back".into(),
            bytes: 2..6,
            ..Line::default()
        });
        lines
    }

    #[test]
    fn every_field_comes_back_in_order_and_by_index() {
        let lines = sample();
        let packed = Lines::from(lines.clone());
        assert_eq!(packed.len(), lines.len());
        let back: Vec<Line> = packed.iter().map(|l| l.to_line()).collect();
        assert_eq!(back, lines);
        // By index, backwards and by jumps: each from a mark or the last stop.
        for i in (0..lines.len()).rev().chain([5, 100, 37, 38, 39, 0, 199]) {
            assert_eq!(packed.get(i).map(|l| l.to_line()), Some(lines[i].clone()));
        }
        assert!(packed.get(lines.len()).is_none());
        assert_eq!(packed.last().map(|l| l.to_line()), lines.last().cloned());
        let from: Vec<Line> = packed.iter_from(150).map(|l| l.to_line()).collect();
        assert_eq!(from, lines[150..]);
        assert!(packed.blocks.len() >= 3, "{} blocks", packed.blocks.len());
        let mut consumed = Vec::new();
        packed.consume(|l| consumed.push(l.to_line()));
        assert_eq!(consumed, lines);
    }

    #[test]
    fn split_off_takes_the_end_out_and_pushing_goes_on_from_there() {
        let lines = sample();
        for at in [
            0, 1, 7, 8, 31, 32, 33, 57, 58, 64, 107, 108, 150, 200, 201, 500,
        ] {
            let mut packed = Lines::from(lines.clone());
            let taken = packed.split_off(at);
            assert_eq!(taken, lines[at.min(lines.len())..], "split at {at}");
            assert_eq!(packed.len(), at.min(lines.len()));
            for line in &lines[100..110] {
                packed.push(&line.as_ref());
            }
            let mut want = lines[..at.min(lines.len())].to_vec();
            want.extend_from_slice(&lines[100..110]);
            let back: Vec<Line> = packed.iter().map(|l| l.to_line()).collect();
            assert_eq!(back, want, "split at {at}");
            assert_eq!(
                packed.get(want.len() - 1).map(|l| l.to_line()).as_ref(),
                want.last()
            );
        }
    }

    #[test]
    fn amended_changes_only_the_lines_named() {
        let lines = sample();
        let packed = Lines::from(lines.clone());
        let amended = packed.amended(|i, l| {
            let mut l = l.to_line();
            match i {
                3 => l.text = "cut".into(),
                40 => l.call_ended = true,
                _ => return None,
            }
            Some(l)
        });
        let mut want = lines.clone();
        want[3].text = "cut".into();
        want[40].call_ended = true;
        let back: Vec<Line> = amended.iter().map(|l| l.to_line()).collect();
        assert_eq!(back, want);
    }

    #[test]
    fn a_short_line_costs_a_few_bytes() {
        let packed: Lines = (0..1000usize)
            .map(|i| Line {
                text: "x".into(),
                bytes: 2 * i..2 * i + 1,
                ..Line::default()
            })
            .collect();
        // Flags, start, length and the text itself: four bytes a line, and the marks.
        assert!(packed.bytes() <= 4 * 1000, "{}", packed.bytes());
    }
}
