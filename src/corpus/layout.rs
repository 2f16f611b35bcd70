//! The page, not the text: page furniture (symbols, job numbers, barcodes, page counters,
//! rules), running heads and feet, footnote blocks and footnote calls, and words broken by the
//! converter. Lines come in from a reader; running text and footnotes go out, with a record of
//! every line taken away and why (for `check --explain`).
//!
//! Pages are used when the reader knows them (form feeds, PDF pages): a footnote block runs from
//! its rule to the end of its page, and a running head is a line repeated at the edges of
//! pages. Without pages, the same is told from the text alone.

mod furniture;
mod heads;
mod notes;
mod sorter;

use super::calls::strip_on_pages;
use super::lexicon::Lexicons;
use super::model::Footnote;
use super::source::{LineRef, Lines};
use heads::running_heads;
use sorter::sort;
use std::collections::HashSet;

pub use furniture::{Furniture, symbol_prefix};

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
    // The lines read are let go as they are read: a file of short lines holds them about once,
    // not twice (issue 13, item 4).
    let (mut out, footnote_pages) = sort(lines, running_heads, lexicons, keep_removed);
    // Calls are looked for on the page that prints their footnote, where the evidence is
    // strongest; explicit markup calls are gone already.
    let notes: Vec<(&str, Option<u32>)> = out
        .footnotes
        .iter()
        .zip(&footnote_pages)
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
