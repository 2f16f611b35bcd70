//! A document's lines, packed: each line a record of a few bytes (`record`) beside its text, so
//! that a file of short lines costs a small multiple of its size (issue 13, item 4) where a
//! `Line` a line cost 80 bytes for two or three bytes of input.
//!
//! Lines are read back as `LineRef`s borrowing their text from the store: in order with
//! `iter`, or by index with `get`, which starts from the nearest of the marks kept every
//! `MARK_EVERY` lines (or from where the last `get` stopped, so that reading forward is never
//! quadratic). Records are kept in blocks, each block's texts in a `String` of their own (so a
//! line's text is read back without checking it again as UTF-8), never moved once written (a
//! growing vector would hold its old and new room at once), and let go block by block by
//! `consume`.

mod line_ref;
mod record;

use super::Line;
use record::{Reader, State};
use std::cell::Cell;

pub use line_ref::LineRef;

/// A mark every this many lines: random access reads at most this many headers.
const MARK_EVERY: usize = 32;

/// The room of a block's records and of its texts (a longer line gets a block of its size).
const BLOCK_RECORDS: usize = 16 * 1024;
const BLOCK_TEXT: usize = 64 * 1024;

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
        record::encode(line, self.end, &mut record);
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
            let mut reader = Reader::new(&block.records, 0, &block.text, 0);
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
        let block = self.blocks.get(at.block)?;
        let mut reader = Reader::new(&block.records, at.at, &block.text, at.text_at);
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
mod tests;
