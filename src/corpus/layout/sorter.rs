//! The layout pass's one reading of the lines: each line is running text, furniture or part of a
//! footnote, decided with what came before it on its page.

use super::Cleaned;
use super::furniture::{Furniture, furniture_shape, symbol_in_head, symbol_prefix};
use super::notes::{
    ends_with_abbreviation, footnote_line, starts_new_note, starts_paragraph_marker,
};
use crate::corpus::calls::{find_call, starts_with_date};
use crate::corpus::lexicon::Lexicons;
use crate::corpus::model::Footnote;
use crate::corpus::source::{LineRef, Lines};
use std::collections::HashSet;

/// Sort `lines` into running text (`Cleaned::lines`), footnotes and furniture; with the page
/// each footnote was printed on. Each line is let go once read.
pub(super) fn sort(
    lines: Lines,
    running_heads: HashSet<String>,
    lexicons: &Lexicons,
    keep_removed: bool,
) -> (Cleaned, Vec<Option<u32>>) {
    let mut sorter = Sorter {
        out: Cleaned::default(),
        kept: Lines::new(),
        lexicons,
        running_heads,
        seen_heads: HashSet::new(),
        pending_blank: false,
        in_footnote_zone: false,
        zone_to_page_end: false,
        page: None,
        footnote_pages: Vec::new(),
        bare_number: None,
        page_lines: 0,
        page_first_out: 0,
        open: None,
        loose_marks: Vec::new(),
        page_zone: None,
        recent_text: String::new(),
        keep_removed,
    };
    lines.consume(|line| sorter.read(line));
    sorter.settle_page_zone();
    let mut out = sorter.out;
    out.lines = sorter.kept;
    out.lines.shrink_to_fit();
    (out, sorter.footnote_pages)
}

/// The footnote being read, and whether the next line may still continue it.
struct OpenFootnote {
    index: usize,
    contiguous: bool,
}

/// A page's footnote block: the first footnote read in it and every mark printed in it.
/// `pdftotext` prints some marks after the texts they belong to; when the marks of the block
/// are a run as long as its texts, they are given to the texts in order.
struct PageZone {
    first: usize,
    marks: Vec<u32>,
}

/// Reads lines one by one, sorting them into running text, furniture and footnotes.
// The state of one pass over a page's lines: its flags are independent facts, not a mode.
#[allow(clippy::struct_excessive_bools)]
struct Sorter<'a> {
    out: Cleaned,
    /// The running text so far (not in `out` until all lines are read).
    kept: Lines,
    lexicons: &'a Lexicons,
    running_heads: HashSet<String>,
    /// Running-head texts already met once (documents without pages).
    seen_heads: HashSet<String>,
    pending_blank: bool,
    /// Inside a footnote block: after a `____` rule or a footnote, until running text resumes
    /// (or, with pages, until the page ends).
    in_footnote_zone: bool,
    /// The footnote rule was seen on this page: everything to the page's end is footnotes.
    zone_to_page_end: bool,
    page: Option<u32>,
    /// The page each footnote's text was printed on.
    footnote_pages: Vec<Option<u32>>,
    /// A bare number just taken out as a page number.
    bare_number: Option<u32>,
    /// Lines read on this page so far, and how many running-text lines came before it.
    page_lines: usize,
    page_first_out: usize,
    open: Option<OpenFootnote>,
    /// Marks standing alone on their lines, waiting for their text.
    loose_marks: Vec<String>,
    /// The footnote block of the current page, when it runs to the page's end.
    page_zone: Option<PageZone>,
    /// Running text since the last footnote, where the next footnote's call must be.
    recent_text: String,
    /// Keep [`Cleaned::removed`] (for a trace).
    keep_removed: bool,
}

/// How far back a footnote's call may be from its text (a page of running text); bounded so a
/// document of many numbered lines stays linear.
const CALL_WINDOW: usize = 6 * 1024;

impl Sorter<'_> {
    fn next_mark(&self) -> u32 {
        self.out
            .footnotes
            .iter()
            .rev()
            .find_map(|f| f.mark.parse::<u32>().ok())
            .map_or(1, |n| n + 1)
    }

    fn push_footnote(&mut self, mark: String, text: &str) {
        self.footnote_pages.push(self.page);
        self.out.footnotes.push(Footnote {
            mark,
            text: text.trim().to_string(),
        });
        self.open = Some(OpenFootnote {
            index: self.out.footnotes.len() - 1,
            contiguous: true,
        });
        self.in_footnote_zone = true;
        self.recent_text.clear();
    }

    /// Say that the line at `bytes` was taken out, and why (kept only when traced: a file of
    /// page numbers is a record a line otherwise, for nobody).
    fn taken_out(&mut self, bytes: std::ops::Range<usize>, why: Furniture) {
        if self.keep_removed {
            self.out.removed.push((bytes, why));
        }
    }

    fn remove(&mut self, line: &LineRef<'_>, why: Furniture) {
        self.taken_out(line.bytes.clone(), why);
        self.pending_blank = true;
        if let Some(open) = &mut self.open {
            open.contiguous = false;
        }
    }

    /// A page ends: give the block's marks to its texts in order when they are as many.
    fn settle_page_zone(&mut self) {
        let Some(zone) = self.page_zone.take() else {
            return;
        };
        let mut marks = zone.marks;
        marks.sort_unstable();
        marks.dedup();
        let first = zone.first.min(self.out.footnotes.len());
        let texts = &mut self.out.footnotes[first..];
        let run = marks.windows(2).all(|w| w[1] == w[0] + 1);
        if texts.len() >= 2 && marks.len() == texts.len() && run {
            for (footnote, mark) in texts.iter_mut().zip(marks) {
                footnote.mark = mark.to_string();
            }
        }
    }

    fn note_mark(&mut self, mark: &str) {
        if let (Some(zone), Ok(n)) = (&mut self.page_zone, mark.parse::<u32>()) {
            zone.marks.push(n);
        }
    }

    fn end_zone(&mut self) {
        self.in_footnote_zone = false;
        self.zone_to_page_end = false;
        self.open = None;
        self.loose_marks.clear();
    }

    fn read(&mut self, line: LineRef<'_>) {
        if line.page != self.page {
            self.settle_page_zone();
            self.page = line.page;
            self.page_lines = 0;
            self.page_first_out = self.kept.len();
            if self.zone_to_page_end {
                self.end_zone();
            }
        }
        if line.blank_before {
            self.pending_blank = true;
            if let Some(open) = &mut self.open {
                open.contiguous = false;
            }
        }
        if let Some(mark) = line.note {
            self.push_footnote(mark.to_string(), line.text);
            return self.taken_out(line.bytes.clone(), Furniture::Footnote);
        }
        // A footnote rule printed on the end of the last line of running text
        // (`of the Non-Self_______________`): the text, then the rule.
        let trimmed = line.text.trim_end();
        let underscores = trimmed.len() - trimmed.trim_end_matches('_').len();
        if underscores >= 5 && trimmed.len() > underscores {
            let text = &trimmed[..trimmed.len() - underscores];
            let rule = "_".repeat(underscores);
            self.read(LineRef {
                text,
                ..line.clone()
            });
            return self.read(LineRef {
                text: &rule,
                blank_before: false,
                ..line
            });
        }
        self.page_lines += 1;
        let bare_number = self.bare_number.take();
        let text = line.text.trim();
        // `A/RES/80/25 Relationship between …` or `… (Treaty of Tlatelolco) A/RES/80/15` at the
        // top of a page (`pdftotext -raw`): the symbol and the running head on one line, the
        // head's first lines before it.
        if line.page.is_some_and(|p| p > 1)
            && self.page_lines <= 6
            && let Some(symbol) = symbol_in_head(text, &self.out.furniture_symbols)
        {
            let before = self.kept.split_off(self.page_first_out);
            for head in before {
                self.taken_out(head.bytes, Furniture::RunningHead);
            }
            self.out.furniture_symbols.push(symbol);
            return self.remove(&line, Furniture::RunningHead);
        }
        // The first page carries no running head: there the line is the title itself. Without
        // pages, the first occurrence is kept for the same reason.
        // Below a footnote rule a repeated line is a footnote cited on several pages
        // (`Adopted under the UNFCCC in …`), not a running head.
        if self.running_heads.contains(text) && !self.zone_to_page_end {
            let first_page = line.page == Some(1)
                || (line.page.is_none() && self.seen_heads.insert(text.to_string()));
            if !first_page {
                return self.remove(&line, Furniture::RunningHead);
            }
        }
        // Inside a footnote block a number alone on its line is a footnote's mark (printed
        // apart from its text by `pdftotext`), not a page number.
        if self.in_footnote_zone
            && (1..=3).contains(&text.len())
            && text.bytes().all(|b| b.is_ascii_digit())
            && self.try_footnote(text)
        {
            return self.taken_out(line.bytes.clone(), Furniture::Footnote);
        }
        match furniture_shape(text) {
            Some(Furniture::FootnoteRule) => {
                self.remove(&line, Furniture::FootnoteRule);
                self.in_footnote_zone = true;
                self.zone_to_page_end = line.page.is_some();
                if self.zone_to_page_end && self.page_zone.is_none() {
                    self.page_zone = Some(PageZone {
                        first: self.out.footnotes.len(),
                        marks: Vec::new(),
                    });
                }
                self.open = None;
                return;
            }
            Some(kind @ Furniture::Symbol) => {
                let len = symbol_prefix(text).unwrap_or(text.len());
                self.out.furniture_symbols.push(text[..len].to_string());
                if !self.zone_to_page_end {
                    self.end_zone();
                }
                return self.remove(&line, kind);
            }
            Some(kind) => {
                if !self.zone_to_page_end {
                    self.end_zone();
                }
                self.remove(&line, kind);
                if kind == Furniture::PageNumber && !self.in_footnote_zone {
                    self.bare_number = text.parse().ok();
                }
                return;
            }
            None => {}
        }
        if self.try_footnote(text) {
            self.taken_out(line.bytes.clone(), Furniture::Footnote);
            return;
        }
        self.end_zone();
        if self.recent_text.len() > CALL_WINDOW {
            let cut = self.recent_text.len() - CALL_WINDOW / 2;
            let cut = (cut..self.recent_text.len())
                .find(|i| self.recent_text.is_char_boundary(*i))
                .unwrap_or(self.recent_text.len());
            self.recent_text.drain(..cut);
        }
        self.recent_text.push(' ');
        self.recent_text.push_str(text);
        self.kept.push(&LineRef {
            text,
            blank_before: std::mem::take(&mut self.pending_blank),
            bare_number_before: bare_number,
            ..line
        });
    }

    /// A footnote starts here, or the open one continues: take the line and say so.
    fn try_footnote(&mut self, text: &str) -> bool {
        // A mark alone on its line (`pdftotext` puts marks and texts on separate lines).
        if self.in_footnote_zone && text.len() <= 3 && text.bytes().all(|b| b.is_ascii_digit()) {
            self.note_mark(text);
            self.loose_marks.push(text.to_string());
            self.open = None;
            return true;
        }
        if let Some((mark, body)) = footnote_line(text) {
            // `17 to 20 October 2016,` or `1 December` opening a line is a date.
            let date = starts_with_date(body, "", self.lexicons);
            let expected = mark.parse::<u32>().ok() == Some(self.next_mark()) && !date;
            if expected
                && (self.in_footnote_zone
                    || find_call(&self.recent_text, mark, 0, self.lexicons).is_some())
            {
                let (mark, body) = (mark.to_string(), body.to_string());
                self.note_mark(&mark);
                self.push_footnote(mark, &body);
                return true;
            }
        }
        if self.zone_to_page_end || (self.in_footnote_zone && !self.loose_marks.is_empty()) {
            return self.zone_text(text);
        }
        let Some(open) = &self.open else {
            return false;
        };
        let footnote = &mut self.out.footnotes[open.index];
        let ended =
            footnote.text.ends_with('.') && !ends_with_abbreviation(&footnote.text, self.lexicons);
        if open.contiguous && !ended && !starts_paragraph_marker(text) {
            crate::corpus::text::join_into(&mut footnote.text, text);
            return true;
        }
        false
    }

    /// A line inside a footnote block: it continues the open footnote, or opens the next one
    /// with the first mark that stood alone.
    fn zone_text(&mut self, text: &str) -> bool {
        let continues = self.open.as_ref().is_some_and(|open| {
            let previous = &self.out.footnotes[open.index].text;
            !(previous.ends_with('.')
                && !ends_with_abbreviation(previous, self.lexicons)
                && starts_new_note(previous, text))
        });
        match &self.open {
            Some(open) if continues => {
                let index = open.index;
                crate::corpus::text::join_into(&mut self.out.footnotes[index].text, text);
            }
            _ => {
                let mark = if self.loose_marks.is_empty() {
                    self.next_mark().to_string()
                } else {
                    self.loose_marks.remove(0)
                };
                self.push_footnote(mark, text);
            }
        }
        true
    }
}
