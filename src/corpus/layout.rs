//! The page, not the text: page furniture (symbols, job numbers, barcodes, page counters,
//! rules), running heads and feet, footnote blocks and footnote calls, and words broken by the
//! converter. Lines come in from a reader; running text and footnotes go out, with a record of
//! every line taken away and why (for `check --explain`).
//!
//! Pages are used when the reader knows them (form feeds, PDF pages): a footnote block runs from
//! its rule to the end of its page, and a running head is a line repeated at the edges of
//! pages. Without pages, the same is told from the text alone.

use super::calls::{find_call, starts_with_date, strip_on_pages};
use super::lexicon::Lexicons;
use super::model::Footnote;
use super::numbering::leading_number;
use super::source::{LineRef, Lines};
use std::collections::{HashMap, HashSet};

/// Why a line is not running text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Furniture {
    /// A document symbol alone (`A/HRC/RES/44/18`), or starting a running head.
    Symbol,
    /// `GE.20-09930`, `25-16680 (E)`, a six-digit date stamp.
    JobNumber,
    /// `*2516680*`.
    Barcode,
    /// `2/5`, `7`.
    PageNumber,
    /// `---`, `***`.
    Rule,
    /// `____`: the rule above a footnote block.
    FootnoteRule,
    /// `United Nations`, `Nations Unies`.
    Organisation,
    /// A line repeated at the edges of pages (the title, the symbol and title).
    RunningHead,
    /// A footnote's text (lifted into the footnotes).
    Footnote,
}

impl Furniture {
    pub fn name(self) -> &'static str {
        match self {
            Furniture::Symbol => "symbol",
            Furniture::JobNumber => "job number",
            Furniture::Barcode => "barcode",
            Furniture::PageNumber => "page number",
            Furniture::Rule => "rule",
            Furniture::FootnoteRule => "footnote rule",
            Furniture::Organisation => "organisation name",
            Furniture::RunningHead => "running head",
            Furniture::Footnote => "footnote",
        }
    }
}

/// A document reduced to its running text and footnotes.
#[derive(Debug, Default)]
pub struct Cleaned {
    pub lines: Lines,
    pub footnotes: Vec<Footnote>,
    /// Per footnote: its call was looked for (and removed when found) on its own page.
    pub calls_on_page: Vec<bool>,
    /// Marks whose calls were explicit markup (already removed from the text).
    pub explicit_calls: HashSet<String>,
    /// Symbols printed as furniture (`A/HRC/RES/44/18`), in order.
    pub furniture_symbols: Vec<String>,
    /// Every line taken out of the running text: its byte range in the source and why (only
    /// when `clean` is asked to keep them).
    pub removed: Vec<(std::ops::Range<usize>, Furniture)>,
    /// Blank lines separate paragraphs (Markdown, reflowed text) rather than every printed
    /// line (double-spaced PDF text), so they can be trusted as paragraph breaks.
    pub blank_separates_paragraphs: bool,
}

/// A UN document symbol standing at the start of `text`: its length.
pub fn symbol_prefix(text: &str) -> Option<usize> {
    let series = [
        "A/HRC/RES/",
        "A/HRC/DEC/",
        "A/RES/",
        "A/DEC/",
        "S/RES/",
        "E/CN.4/RES/",
        "E/RES/",
    ];
    let prefix = series.iter().find(|p| text.starts_with(**p))?;
    let rest = &text[prefix.len()..];
    let mut end = 0usize;
    for (i, c) in rest.char_indices() {
        if c.is_ascii_alphanumeric() || c == '/' || c == '-' || c == '.' {
            end = i + 1;
        } else {
            break;
        }
    }
    let body = rest[..end].trim_end_matches('.');
    if !body.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut len = prefix.len() + body.len();
    // `A/RES/2453 (XXIII)`, `S/RES/2334 (2016)`, `A/RES/80/59 A`.
    let tail = &text[len..];
    if let Some(inner) = tail.strip_prefix(" (").or_else(|| tail.strip_prefix('('))
        && let Some(close) = inner.find(')')
    {
        let roman = &inner[..close];
        if !roman.is_empty() && roman.len() <= 6 && roman.bytes().all(|b| b.is_ascii_alphanumeric())
        {
            len += tail.len() - inner.len() + close + 1;
        }
    }
    Some(len)
}

/// A resolution's symbol opening or closing a line of title words (`A/RES/80/25 Relationship
/// between disarmament and development`): the symbol. When the document printed its symbol
/// already, only that symbol counts.
fn symbol_in_head(text: &str, known: &[String]) -> Option<String> {
    let (first, rest) = text.split_once(' ')?;
    let (rest_start, last) = text.rsplit_once(' ')?;
    let resolution = |t: &str| {
        symbol_prefix(t) == Some(t.len())
            && (t.contains("/RES/") || t.contains("/DEC/"))
            && (known.is_empty() || known.iter().any(|k| k == t))
    };
    let (symbol, words) = if resolution(first) {
        (first, rest)
    } else if resolution(last) {
        (last, rest_start)
    } else {
        return None;
    };
    let words = words.trim();
    let title_like = words.chars().any(char::is_alphabetic)
        && !words.ends_with([',', ';', '.', ':'])
        && furniture_shape(words).is_none();
    title_like.then(|| symbol.to_string())
}

/// What kind of furniture a line is by its shape alone.
fn furniture_shape(line: &str) -> Option<Furniture> {
    if line.len() > 64 && !line.starts_with(['-', '_', '*', '=']) {
        return None;
    }
    if let Some(len) = symbol_prefix(line) {
        let rest = line[len..].trim();
        // `A/HRC/RES/44/18`, `A/RES/80/3 (E)`; a symbol followed by a title is a running head,
        // judged with the page edges.
        if rest.is_empty() || rest.starts_with('(') && rest.len() <= 4 {
            return Some(Furniture::Symbol);
        }
    }
    let bytes = line.as_bytes();
    if bytes.len() >= 3 && bytes.iter().all(|&b| b == b'_') {
        return Some(Furniture::FootnoteRule);
    }
    if bytes.len() >= 3
        && bytes
            .iter()
            .all(|&b| matches!(b, b'-' | b'*' | b'=' | b' '))
    {
        return Some(Furniture::Rule);
    }
    if is_barcode(line) {
        return Some(Furniture::Barcode);
    }
    if is_job_number(line) {
        return Some(Furniture::JobNumber);
    }
    if is_page_number(line) {
        return Some(Furniture::PageNumber);
    }
    matches!(line, "United Nations" | "Nations Unies").then_some(Furniture::Organisation)
}

/// `*2516680*`.
fn is_barcode(line: &str) -> bool {
    line.strip_prefix('*')
        .and_then(|l| l.strip_suffix('*'))
        .is_some_and(|d| d.len() >= 5 && d.bytes().all(|b| b.is_ascii_digit()))
}

/// `25-16680`, `25-16680 (E)`, `GE.20-09930 7`, `GE.20-10239(F) 2`,
/// `A/HRC/RES/44/18 GE.20-09930`, `241018`.
fn is_job_number(line: &str) -> bool {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let job = |t: &str| {
        let t = t.strip_prefix("GE.").unwrap_or(t);
        let t = t.trim_start_matches('*').trim_end_matches('*');
        // The language letter glued on (`10239(F)`).
        let t = match t.strip_suffix(')').and_then(|t| t.rsplit_once('(')) {
            Some((job, letter))
                if (1..=2).contains(&letter.len())
                    && letter.bytes().all(|b| b.is_ascii_uppercase()) =>
            {
                job
            }
            _ => t,
        };
        match t.split_once('-') {
            Some((year, serial)) => {
                year.len() == 2
                    && (4..=6).contains(&serial.len())
                    && year
                        .bytes()
                        .chain(serial.bytes())
                        .all(|b| b.is_ascii_digit())
            }
            None => false,
        }
    };
    let has_job = tokens.iter().any(|t| job(t));
    let rest_is_furniture = tokens.iter().all(|t| {
        job(t)
            || (t.starts_with('(') && t.ends_with(')') && t.len() <= 4)
            || (t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit()))
            || symbol_prefix(t) == Some(t.len())
            || is_page_counter(t)
    });
    // A six-digit date stamp (`241018`) alone.
    let stamp = tokens.len() == 1 && line.len() == 6 && line.bytes().all(|b| b.is_ascii_digit());
    (has_job && rest_is_furniture) || stamp
}

/// `2/5`.
fn is_page_counter(token: &str) -> bool {
    match token.split_once('/') {
        Some((page, of)) => match (page.parse::<u32>(), of.parse::<u32>()) {
            (Ok(p), Ok(o)) => p > 0 && p <= o && page.len() <= 3 && of.len() <= 3,
            _ => false,
        },
        None => false,
    }
}

fn is_page_number(line: &str) -> bool {
    is_page_counter(line) || (line.len() <= 3 && line.bytes().all(|b| b.is_ascii_digit()))
}

/// Lines repeated at the edges of pages, by text: the running heads and feet.
fn running_heads(lines: &Lines) -> HashSet<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let paged = lines.iter().any(|l| l.page.is_some_and(|p| p > 1));
    if paged {
        // Each page's first and last four lines (readers give a page's lines together), each
        // text counted once a page.
        let mut edges = PageEdges::default();
        for line in lines {
            let page = line.page.unwrap_or(1);
            if edges.page != Some(page) {
                edges.count_into(&mut counts);
                edges = PageEdges {
                    page: Some(page),
                    ..PageEdges::default()
                };
            }
            edges.add(line.text);
        }
        edges.count_into(&mut counts);
    } else {
        // No pages: lines next to pattern furniture (a job number, a page counter) count.
        // Each line's shape is judged once, and kept as a bit.
        let mut pattern = vec![0u64; lines.len().div_ceil(64)];
        for (i, l) in lines.iter().enumerate() {
            let furniture = matches!(
                furniture_shape(l.text),
                Some(
                    Furniture::JobNumber
                        | Furniture::PageNumber
                        | Furniture::Barcode
                        | Furniture::Symbol
                )
            );
            if furniture {
                pattern[i / 64] |= 1 << (i % 64);
            }
        }
        let is_pattern = |i: usize| pattern[i / 64] & (1 << (i % 64)) != 0;
        for (i, line) in lines.iter().enumerate() {
            if line.text.len() > 160 {
                continue;
            }
            let near = (i.saturating_sub(3)..(i + 4).min(lines.len())).any(is_pattern);
            if near {
                *counts.entry(line.text).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter(|(text, n)| {
            *n >= 2
                && furniture_shape(text).is_none()
                && !text.ends_with([',', ';'])
                && text.chars().any(char::is_alphabetic)
        })
        .map(|(text, _)| text.to_string())
        .collect()
}

/// The first and last four lines of one page, as `running_heads` reads them.
#[derive(Default)]
struct PageEdges<'a> {
    page: Option<u32>,
    first: Vec<&'a str>,
    /// The last four lines read, the oldest at `next`.
    last: [&'a str; 4],
    next: usize,
    lines: usize,
}

impl<'a> PageEdges<'a> {
    fn add(&mut self, text: &'a str) {
        if self.first.len() < 4 {
            self.first.push(text);
        }
        self.last[self.next] = text;
        self.next = (self.next + 1) % 4;
        self.lines += 1;
    }

    /// Count each text of the page's edges once (texts longer than a heading are not heads).
    fn count_into(&self, counts: &mut HashMap<&'a str, usize>) {
        let last = self.lines.min(4);
        let mut seen = HashSet::new();
        for text in self.first.iter().chain(&self.last[..last]) {
            if text.len() <= 160 && seen.insert(*text) {
                *counts.entry(text).or_default() += 1;
            }
        }
    }
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
            super::text::join_into(&mut footnote.text, text);
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
                super::text::join_into(&mut self.out.footnotes[index].text, text);
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

/// `… Sales No.`: the footnote breaks its line after an abbreviation and goes on.
fn ends_with_abbreviation(text: &str, lexicons: &Lexicons) -> bool {
    let last = text.rsplit(char::is_whitespace).next().unwrap_or("");
    let word = last.trim_end_matches('.').trim_start_matches(['(', '[']);
    !word.is_empty()
        && word.chars().all(char::is_alphabetic)
        && lexicons.any_abbreviation(&crate::text::fold::fold(word))
}

/// After a footnote ending in a full stop, `text` opens the next one: a capital, an address
/// (`www.un.org/…`, a footnote of its own), or a number when the stop ends a symbol or a word
/// rather than an abbreviation (`vol.`, `No.`).
fn starts_new_note(previous: &str, text: &str) -> bool {
    if text.starts_with(char::is_uppercase)
        || ["www.", "http://", "https://"]
            .iter()
            .any(|web| text.starts_with(web))
    {
        return true;
    }
    let last = previous.rsplit(char::is_whitespace).next().unwrap_or("");
    let last = last.trim_end_matches('.');
    text.starts_with(|c: char| c.is_ascii_digit())
        && (last.chars().any(|c| c.is_ascii_digit() || c == '/') || last.chars().count() > 4)
}

/// `12 A/HRC/43/68.`: a footnote's mark and text.
fn footnote_line(text: &str) -> Option<(&str, &str)> {
    let (mark, rest) = leading_number(text)?;
    let body = rest.trim_start();
    (rest.starts_with(char::is_whitespace) && !body.is_empty()).then_some((mark, body))
}

/// `12. `, `(a) `, `[`: a line that opens a paragraph, never a footnote's continuation.
fn starts_paragraph_marker(text: &str) -> bool {
    if text.starts_with('[') {
        return true;
    }
    if let Some(inner) = text.strip_prefix('(') {
        let letters = inner.bytes().take_while(u8::is_ascii_lowercase).count();
        return (1..=4).contains(&letters) && inner[letters..].starts_with(')');
    }
    super::numbering::paragraph_number(text).is_some()
}

/// Reduce a document's lines to running text and footnotes. `heads_marked`: the source took
/// its running heads out itself (a tagged PDF), so repeated lines are not looked for.
// The calls' set is the reader's, kept in the result as it came.
#[allow(clippy::implicit_hasher)]
pub fn clean(
    lines: Lines,
    explicit_calls: HashSet<String>,
    heads_marked: bool,
    lexicons: &Lexicons,
    keep_removed: bool,
) -> Cleaned {
    let running_heads = if heads_marked {
        HashSet::new()
    } else {
        running_heads(&lines)
    };
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
    // The lines read are let go as they are read: a file of short lines holds them about once,
    // not twice (issue 13, item 4).
    lines.consume(|line| sorter.read(line));
    sorter.settle_page_zone();
    let mut out = sorter.out;
    out.lines = sorter.kept;
    out.lines.shrink_to_fit();
    // Calls are looked for on the page that prints their footnote, where the evidence is
    // strongest; explicit markup calls are gone already.
    let notes: Vec<(&str, Option<u32>)> = out
        .footnotes
        .iter()
        .zip(&sorter.footnote_pages)
        .map(|(f, page)| {
            let page = page.filter(|_| !explicit_calls.contains(&f.mark));
            (f.mark.as_str(), page)
        })
        .collect();
    let (calls_on_page, lines) = strip_on_pages(out.lines, &notes, lexicons);
    out.calls_on_page = calls_on_page;
    out.lines = lines;
    out.explicit_calls = explicit_calls;
    for footnote in &mut out.footnotes {
        footnote.text = super::text::finish_text(&footnote.text);
    }
    out.blank_separates_paragraphs = blanks_separate_paragraphs(&out.lines);
    out
}

/// Blank lines are paragraph breaks when the lines before them mostly end a sentence or a
/// paragraph; in double-spaced PDF text they fall after every printed line instead.
fn blanks_separate_paragraphs(lines: &Lines) -> bool {
    let mut before_blank = 0usize;
    let mut ending = 0usize;
    let mut previous: Option<LineRef<'_>> = None;
    for line in lines {
        if let Some(before) = &previous
            && line.blank_before
            && line.page == before.page
        {
            before_blank += 1;
            if before.text.ends_with([',', ';', ':', '.']) {
                ending += 1;
            }
        }
        previous = Some(line);
    }
    before_blank >= 3 && ending * 10 >= before_blank * 6
}

#[cfg(test)]
mod tests;
