//! Calls taken out on the page that prints their footnote, where the evidence is strongest:
//! each page's running text joined, searched footnote by footnote in order, and cut back into
//! its lines.

use super::{Scope, find_call_in, is_year_or_range, starts_with_date};
use crate::corpus::lexicon::Lexicons;
use crate::corpus::source::Lines;
use std::collections::HashMap;

/// Remove the calls of footnotes whose page is known from the running text of that page,
/// footnote by footnote in order. `notes` gives each footnote's mark and page, `None` to leave
/// it to a document-wide search. Returns, per footnote, whether its call was looked for here
/// (its page has running text), found or not; and the lines with the calls taken out.
pub fn strip_on_pages(
    lines: Lines,
    notes: &[(&str, Option<u32>)],
    lexicons: &Lexicons,
) -> (Vec<bool>, Lines) {
    let mut looked = vec![false; notes.len()];
    // Each page's running text, its lines joined by `\n` (never removed, so the lines can be
    // cut apart again), built on first use.
    let mut first_line: HashMap<u32, usize> = HashMap::new();
    for (i, line) in lines.iter().enumerate() {
        if let Some(page) = line.page {
            first_line.entry(page).or_insert(i);
        }
    }
    let mut pages: HashMap<u32, (std::ops::Range<usize>, String, usize)> = HashMap::new();
    // The search is bounded by a few passes over the text, however many footnotes there are.
    let total: usize = lines.iter().map(|l| l.text.len() + 1).sum();
    let mut budget = total.saturating_mul(4).saturating_add(64 * 1024);
    // How the calls found so far are printed: a converter that glues them (`Sea,12`) also
    // glues them to numbers (`resolution 5/1411`).
    let (mut glued, mut detached) = (0usize, 0usize);
    // (page, line of the page) of each call taken off the end of its line.
    let mut ended: Vec<(u32, usize)> = Vec::new();
    for (n, (mark, page)) in notes.iter().enumerate() {
        let Some(page) = page else { continue };
        let Some(&first) = first_line.get(page) else {
            continue;
        };
        looked[n] = true;
        if budget == 0 {
            continue;
        }
        let (_, text, cursor) = pages.entry(*page).or_insert_with(|| {
            let mut joined = String::new();
            let mut end = first;
            for line in lines.iter_from(first).take_while(|l| l.page == Some(*page)) {
                if end > first {
                    joined.push('\n');
                }
                joined.push_str(line.text);
                end += 1;
            }
            (first..end, joined, 0)
        });
        budget = budget.saturating_sub(text.len() + 1);
        // Forward from the last call on the page, up to the next footnote's call when it is
        // there: the ordinary shapes, then the window's one loose candidate, then, in a page
        // of glued calls, a call glued to a number — before looking back (`Agenda 214` beats
        // `annual 4 trillion` above it).
        let mut range = best_on_page(text, mark, *cursor, lexicons);
        if range.is_none() {
            let next = notes
                .get(n + 1)
                .filter(|(_, p)| p.as_ref() == Some(page))
                .and_then(|(next, _)| best_on_page(text, next, *cursor, lexicons))
                .map_or(text.len(), |r| r.start);
            let window = *cursor..next.max(*cursor);
            range = sole_candidate_in(text, mark, window.clone(), lexicons);
            if range.is_none() && glued > detached {
                range = glued_to_number(text, mark, window, lexicons);
            }
        }
        let range = range
            .or_else(|| best_on_page(&text[..*cursor], mark, 0, lexicons))
            .or_else(|| sole_candidate(text, mark, lexicons));
        match &range {
            Some(r) if text[r.clone()].starts_with(char::is_whitespace) => detached += 1,
            Some(_) => glued += 1,
            None => {}
        }
        if let Some(range) = range {
            // Never across a line break: the lines are cut apart again at the `\n`s.
            let line_start = text[..range.end].rfind('\n').map_or(0, |i| i + 1);
            let start = range.start.max(line_start);
            text.replace_range(start..range.end, "");
            *cursor = start;
            if text[start..]
                .trim_start_matches([' ', '\t'])
                .starts_with('\n')
                || text[start..].trim().is_empty()
            {
                // Lines are never removed, so the count of line breaks before names the line.
                let line = text[..start].bytes().filter(|&b| b == b'\n').count();
                ended.push((*page, line));
            }
        }
    }
    // What changes, by line: its text when a call was cut out of it, and the call ending it.
    let mut changes: HashMap<usize, (Option<String>, bool)> = HashMap::new();
    for (page, line) in ended {
        if let Some((range, ..)) = pages.get(&page)
            && range.start + line < range.end
        {
            changes.entry(range.start + line).or_default().1 = true;
        }
    }
    for (range, text, _) in pages.into_values() {
        for ((i, line), piece) in range
            .clone()
            .zip(lines.iter_from(range.start))
            .zip(text.split('\n'))
        {
            if line.text.len() != piece.len() {
                changes.entry(i).or_default().0 = Some(piece.to_string());
            }
        }
    }
    if changes.is_empty() {
        return (looked, lines);
    }
    let amended = lines.amended(|i, line| {
        let (text, ended) = changes.remove(&i)?;
        let mut line = line.to_line();
        if let Some(text) = text {
            line.text = text.into();
        }
        line.call_ended |= ended;
        Some(line)
    });
    (looked, amended)
}

/// The call of `mark` on a page from byte `from`: the first glued one (`gap,4`) when there is
/// one, for a converter that glues calls glues them all; else the first detached one after
/// punctuation (`financing gap, 4 and`), where calls stand; else the first detached one, which
/// may be a number of the text (`annual 4 trillion`).
fn best_on_page(
    text: &str,
    mark: &str,
    from: usize,
    lexicons: &Lexicons,
) -> Option<std::ops::Range<usize>> {
    let detached = |r: &std::ops::Range<usize>| text[r.clone()].starts_with(char::is_whitespace);
    let after_punctuation = |r: &std::ops::Range<usize>| {
        text[..r.start]
            .chars()
            .next_back()
            .is_some_and(|c| ",;:)”’".contains(c))
    };
    let first = find_call_in(text, mark, from, lexicons, Scope::Page)?;
    if !detached(&first) {
        return Some(first);
    }
    let mut punctuated = after_punctuation(&first).then(|| first.clone());
    let mut at = first.end;
    while let Some(next) = find_call_in(text, mark, at, lexicons, Scope::Page) {
        if !detached(&next) {
            return Some(next);
        }
        if punctuated.is_none() && after_punctuation(&next) {
            punctuated = Some(next.clone());
        }
        at = next.end;
    }
    punctuated.or(Some(first))
}

/// The call of `mark` on a page when no ordinary shape is found: the page's one candidate
/// under the loosest shapes, or none when there are several.
pub(super) fn sole_candidate(
    text: &str,
    mark: &str,
    lexicons: &Lexicons,
) -> Option<std::ops::Range<usize>> {
    sole_candidate_in(text, mark, 0..text.len(), lexicons)
}

/// `sole_candidate` within `window` of the page.
fn sole_candidate_in(
    text: &str,
    mark: &str,
    window: std::ops::Range<usize>,
    lexicons: &Lexicons,
) -> Option<std::ops::Range<usize>> {
    let inside = |r: &std::ops::Range<usize>| r.end <= window.end;
    let first = find_call_in(text, mark, window.start, lexicons, Scope::Sole).filter(inside)?;
    find_call_in(text, mark, first.end, lexicons, Scope::Sole)
        .as_ref()
        .is_none_or(|x| !inside(x))
        .then_some(first)
}

/// The call of `mark` glued to the end of a number, in `window` of a page whose calls are
/// glued and where no other shape is found: `resolution 5/1411` (5/14 and call 11),
/// `Agenda 218`, `at least 56514 humanitarian`. Taken only when it is the window's one such
/// number, and never out of a year, a date's day or a paragraph's number.
pub(super) fn glued_to_number(
    text: &str,
    mark: &str,
    window: std::ops::Range<usize>,
    lexicons: &Lexicons,
) -> Option<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let end_of_window = window.end.min(text.len());
    let mut search = window.start.min(end_of_window);
    let mut found = Vec::new();
    while let Some(at) = text
        .get(search..end_of_window)
        .and_then(|rest| rest.find(mark))
    {
        let start = search + at;
        let end = start + mark.len();
        search = start + 1;
        // `Agenda 218`; or after a number that ends a sentence (`model strategy 10.24`
        // then `Furthermore`: strategy 10, call 24).
        let after_number = |at: usize| at > 0 && bytes[at - 1].is_ascii_digit();
        let glued = after_number(start)
            || (start > 1
                && bytes[start - 1] == b'.'
                && after_number(start - 1)
                && text[end..].trim_start().starts_with(char::is_uppercase));
        if !glued {
            continue;
        }
        let after = text[end..].chars().next();
        if !after.is_none_or(|c| c.is_whitespace() || ",;:)»”’".contains(c)) {
            continue;
        }
        let token_start = text[..start]
            .rfind(char::is_whitespace)
            .map_or(0, |i| i + 1);
        let token = &text[token_start..end];
        // `11)` opening a line numbers a sub-paragraph; `11.` is never taken (see `after`).
        let line_start = text[..token_start]
            .trim_end_matches([' ', '\t'])
            .ends_with('\n')
            || token_start == 0;
        let rest = text[end..].trim_start();
        // The number the call would be cut from is a year standing alone (`(2024),`, the end
        // of `2015–2030`), not digits glued to a name (`COVID‑1916`: COVID-19 and call 16).
        let run_start = text[..end]
            .rfind(|c: char| !c.is_ascii_digit())
            .map_or(0, |i| {
                i + text[i..].chars().next().map_or(1, char::len_utf8)
            });
        let mut before_run = text[..run_start].chars().rev();
        let alone = match before_run.next() {
            None => true,
            Some(c) if c.is_whitespace() || "([“\"".contains(c) => true,
            Some('–' | '-') => before_run.next().is_some_and(|c| c.is_ascii_digit()),
            Some(_) => false,
        };
        if (alone && is_year_or_range(&text[run_start..end]))
            || (line_start && after == Some(')'))
            || starts_with_date(rest, token, lexicons)
        {
            continue;
        }
        found.push(start..end);
    }
    // Several: the one that ends its line, where a converter that reads lines by their
    // baseline (`pdftotext -raw`) breaks after a raised call (`resolution 59/3009⏎and`, not
    // `61/29 of 4 December`).
    let line_end = |r: &std::ops::Range<usize>| text[r.end..].starts_with('\n');
    if let [one] = found.as_slice() {
        Some(one.clone())
    } else {
        let mut ends = found.iter().filter(|r| line_end(r));
        let one = ends.next()?.clone();
        ends.next().is_none().then_some(one)
    }
}
