//! Readers: one per input layout, each turning a document's text into `Line`s with what the
//! layout knows (page, indent, italic, blank line before, byte range). The layout is told by
//! sniffing the content, never by the file's extension.

mod columns;
mod flat;
mod markdown;
mod packed;
pub mod pdf;
mod plain;

use super::lexicon::Lexicon;
use super::markup::FrontMatter;
use super::model::{Footnote, SourceFormat};
use compact_str::CompactString;
use std::collections::HashSet;
use std::ops::Range;

pub use packed::{LineRef, Lines};

/// One line of a document as its reader saw it. `None` where the source has no such thing.
///
/// A file of short lines is mostly `Line`s (issue 13, item 4), so a line is kept small: its
/// text is stored inline up to 24 bytes (`CompactString`), and what few lines have is boxed
/// apart (`Rare`). The size is checked by a test below.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line {
    pub text: CompactString,
    /// 1-based page, when the source marks pages (form feeds, PDF pages).
    pub page: Option<u32>,
    /// Leading spaces (layout-preserving converters) or horizontal position.
    pub indent: Option<u16>,
    /// Font size in points (PDF sources).
    pub size: Option<f32>,
    /// The line opens in italics (Markdown emphasis, PDF italic font).
    pub italic: Option<bool>,
    pub bold: Option<bool>,
    /// A blank line, a page break or removed furniture came between this line and the last.
    pub blank_before: bool,
    /// Byte range of the line in the source text.
    pub bytes: Range<usize>,
    /// The reader cut a longer line here (flattened text): not a printed line break.
    pub inferred: bool,
    /// A footnote call was taken off the end of this line: a converter that reads lines by
    /// their baseline (`pdftotext -raw`) breaks the printed line after a raised call, so the
    /// next line may be the rest of the same printed line.
    pub call_ended: bool,
    /// What few lines have: `None` for most.
    pub rare: Option<Box<Rare>>,
}

/// What few lines have, kept apart so that every other line costs one pointer for it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Rare {
    /// The markup made this line a footnote definition with this mark (`[^1]: …`).
    pub note: Option<String>,
    /// A number standing alone on the line before, taken out as a page number: a paragraph
    /// number printed without its full stop (`6` / `Also reaffirms …`) looks the same.
    pub bare_number_before: Option<u32>,
}

impl Line {
    /// The mark of the footnote this line defines (`[^1]: …`).
    pub fn note(&self) -> Option<&str> {
        self.rare.as_ref()?.note.as_deref()
    }

    /// The page number taken out just before this line (see `Rare::bare_number_before`).
    pub fn bare_number_before(&self) -> Option<u32> {
        self.rare.as_ref()?.bare_number_before
    }

    /// `Rare` for a line with these, or `None` when it has neither.
    pub fn rare(note: Option<String>, bare_number_before: Option<u32>) -> Option<Box<Rare>> {
        (note.is_some() || bare_number_before.is_some()).then(|| {
            Box::new(Rare {
                note,
                bare_number_before,
            })
        })
    }
}

/// The input layouts readers know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layout {
    /// Text from a PDF converter, one printed line per line (`pdftotext`, `-raw`, `PyMuPDF`).
    Plain,
    /// `pdftotext -layout`: columns kept with spaces, indents meaningful.
    Columns,
    /// Markdown from converters: emphasis, `#` headings, `[^1]` footnotes, front matter.
    Markdown,
    /// Clauses one per line or the whole text on a few lines.
    Flattened,
    /// A PDF read directly: positions, sizes and fonts of its text.
    Pdf,
}

impl Layout {
    pub fn name(self) -> &'static str {
        match self {
            Layout::Plain => "plain text",
            Layout::Columns => "layout text",
            Layout::Markdown => "markdown",
            Layout::Flattened => "flattened text",
            Layout::Pdf => "PDF",
        }
    }

    /// The source format recorded in the model.
    pub fn format(self) -> SourceFormat {
        match self {
            Layout::Plain | Layout::Columns => SourceFormat::PdfText,
            Layout::Markdown => SourceFormat::Markdown,
            Layout::Flattened => SourceFormat::Flattened,
            Layout::Pdf => SourceFormat::Pdf,
        }
    }
}

/// What a reader made of a document.
#[derive(Debug, Default)]
pub struct Read {
    pub lines: Lines,
    pub layout: Option<Layout>,
    pub front_matter: FrontMatter,
    /// Footnotes the markup defined explicitly (`[^1]: …`, `<sup>1</sup> …`).
    pub footnotes: Vec<Footnote>,
    /// Marks whose calls were explicit markup, already removed from the text.
    pub explicit_calls: HashSet<String>,
    /// The source marked its running heads and feet itself (a tagged PDF's artifacts) and
    /// they are gone: lines repeated at page edges are text, not furniture.
    pub heads_marked: bool,
    /// What a PDF's geometry set aside before the text was made (`check --explain`).
    pub set_aside: Vec<SetAside>,
}

/// A piece of a PDF the reader kept out of the running text, with its page.
#[derive(Debug, Clone, PartialEq)]
pub enum SetAside {
    /// Text the PDF marks as page furniture (running head or foot, page number, job number).
    Furniture { page: u32, text: String },
    /// A footnote call (raised, smaller digits) and the word it followed.
    Call {
        page: u32,
        mark: String,
        after: String,
    },
}

/// Tell the layout of `text` from its content.
pub fn sniff(text: &str) -> Layout {
    if markdown::looks_like_markdown(text) {
        return Layout::Markdown;
    }
    let (mut total, mut long, mut indented, mut gapped, mut lines) = (0usize, 0, 0, 0, 0);
    // Lines that end a clause, and lines that hold a clause's end then more text (a meeting or
    // a vote block flattened onto the last paragraph).
    let (mut clause_ends, mut inline_tail) = (0usize, 0usize);
    for line in text.lines().take(2000) {
        let trimmed = line.trim_end();
        if trimmed.trim_start().is_empty() {
            continue;
        }
        lines += 1;
        total += trimmed.len();
        if trimmed.len() > 300 {
            long += trimmed.len();
        }
        if trimmed.starts_with("    ") {
            indented += 1;
        }
        if trimmed.trim_start().contains("     ") {
            gapped += 1;
        }
        if trimmed.ends_with([',', ';', ':', '.', ']']) {
            clause_ends += 1;
        }
        if trimmed.len() > 120
            && (trimmed.contains(". [")
                || trimmed.contains("[Adopt")
                || ordinal_after_stop(trimmed))
        {
            inline_tail += 1;
        }
    }
    let clause_per_line = lines >= 5 && clause_ends * 2 >= lines && inline_tail > 0;
    if total > 0 && (long * 10 >= total * 4 || clause_per_line) {
        Layout::Flattened
    } else if lines >= 10 && indented * 10 >= lines * 3 && gapped >= 2 {
        Layout::Columns
    } else {
        Layout::Plain
    }
}

/// `… session. 18th plenary meeting`: a clause's end, then an ordinal number (a meeting line
/// flattened onto the last paragraph).
fn ordinal_after_stop(line: &str) -> bool {
    line.match_indices(". ").any(|(at, _)| {
        let rest = &line[at + 2..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let letters = rest[digits..]
            .chars()
            .take_while(|c| c.is_alphabetic())
            .count();
        (1..=4).contains(&digits)
            && (1..=3).contains(&letters)
            && rest[digits..].chars().nth(letters) == Some(' ')
    })
}

/// Read `text` in the layout its content shows. `lexicon` (the document's language, when
/// known) lets the flattened reader find clause boundaries.
pub fn read(text: &str, lexicon: Option<&Lexicon>) -> Read {
    let layout = sniff(text);
    let mut read = match layout {
        // Text never sniffs as a PDF (PDF bytes go to `pdf::read`); read as plain text.
        Layout::Plain | Layout::Pdf => plain::read(text),
        Layout::Columns => columns::read(text),
        Layout::Markdown => markdown::read(text),
        Layout::Flattened => flat::read(text, lexicon),
    };
    read.layout = Some(layout);
    read.lines.shrink_to_fit();
    read
}

/// Split `text` into raw lines with their byte ranges and pages: `\n`, `\r\n` and a lone `\r`
/// end a line; a form feed starts a new page. Pages are `None` when the text has no form feed.
/// An iterator, not a list: a file of short lines would pay for a second list of its lines.
pub(crate) fn raw_lines(text: &str) -> impl Iterator<Item = (Range<usize>, Option<u32>)> + '_ {
    let paged = text.contains('\u{c}');
    let mut page = 1u32;
    let mut start = 0usize;
    let mut line_page = page;
    let bytes = text.as_bytes();
    let mut i = 0usize;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let at = i;
            i += 1;
            match bytes[at] {
                b'\n' | b'\r' => {
                    let line = (start..at, paged.then_some(line_page));
                    if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    start = i;
                    line_page = page;
                    return Some(line);
                }
                0x0c => {
                    // A form feed ends the page; what follows it on the line is the next page's.
                    let line = (start..at, paged.then_some(line_page));
                    let blank = text[start..at].trim().is_empty();
                    start = i;
                    page = page.saturating_add(1);
                    line_page = page;
                    if !blank {
                        return Some(line);
                    }
                }
                _ => {}
            }
        }
        (start < bytes.len()).then(|| {
            let line = (start..bytes.len(), paged.then_some(line_page));
            start = bytes.len();
            line
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write;

    #[test]
    fn raw_lines_track_pages_and_line_ends() {
        let texts: Vec<(&str, Option<u32>)> = raw_lines("a\r\nb\rc\u{c}d\ne")
            .map(|(r, p)| (&"a\r\nb\rc\u{c}d\ne"[r], p))
            .collect();
        assert_eq!(
            texts,
            [
                ("a", Some(1)),
                ("b", Some(1)),
                ("c", Some(1)),
                ("d", Some(2)),
                ("e", Some(2))
            ]
        );
        assert!(raw_lines("a\nb").all(|(_, p)| p.is_none()));
        let ranges: Vec<_> = raw_lines("\u{c}\u{c}a\u{c}\n\nb\r").collect();
        assert_eq!(
            ranges,
            [
                (2..3, Some(3)),
                (4..4, Some(4)),
                (5..5, Some(4)),
                (6..7, Some(4))
            ]
        );
    }

    #[test]
    fn layouts_are_sniffed_from_content() {
        assert_eq!(
            sniff("---\ntitle: x\n---\n# Titre\n*Rappelant*"),
            Layout::Markdown
        );
        let long = format!("{}\n", "Recalling its resolution, ".repeat(40));
        assert_eq!(sniff(&long), Layout::Flattened);
        let columns: String = (0..12).fold(String::new(), |mut text, i| {
            let _ = writeln!(
                text,
                "          {i}.     Decides that the text goes on here"
            );
            text
        });
        assert_eq!(sniff(&columns), Layout::Columns);
        assert_eq!(
            sniff("The General Assembly,\nRecalling\n1. Decides"),
            Layout::Plain
        );
    }
}
