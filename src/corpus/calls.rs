//! Footnote calls left in running text by PDF converters: `l’homme1 ;`, `Women,5`,
//! `Rights, 1 the`, `in 19904 or` (a year followed by call 4). A call is recognised only for a
//! footnote that exists, and calls are looked for in footnote order, which is what keeps numbers
//! that belong to the text (`paragraph 3`, `COVID-19`) in place. The words after which a
//! number belongs to the text, and the months, come from the lexicons.

use super::lexicon::Lexicons;
use super::source::Lines;
use crate::text::fold::fold;
use std::collections::HashMap;

/// How much evidence backs a search: a call looked for on the very page that prints the
/// footnote may take shapes that would be too loose over a whole document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Anywhere in running text: only the unambiguous shapes.
    Document,
    /// On the footnote's own page: also after a year or a symbol (`2014–2024 3 and`,
    /// `VII/11 15 and`), after a full stop (`Principles. 13 We`), and before a capital.
    Page,
    /// On the footnote's page, when no other shape is found there: also after a word that
    /// takes a number (`its sixtieth session 6 and`, `the decision 8 that`) or after another
    /// number (`Agenda 21 8 and`) — taken only when it is the page's one candidate.
    Sole,
}

/// Byte range of the first call of footnote `mark` in `text` at or after byte `from`.
pub fn find_call(
    text: &str,
    mark: &str,
    from: usize,
    lexicons: &Lexicons,
) -> Option<std::ops::Range<usize>> {
    find_call_in(text, mark, from, lexicons, Scope::Document)
}

/// `find_call` with the evidence the caller has.
pub fn find_call_in(
    text: &str,
    mark: &str,
    from: usize,
    lexicons: &Lexicons,
    scope: Scope,
) -> Option<std::ops::Range<usize>> {
    if mark.is_empty() || !mark.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let bytes = text.as_bytes();
    let mut search = from.min(text.len());
    while let Some(found) = text.get(search..).and_then(|rest| rest.find(mark)) {
        let start = search + found;
        let end = start + mark.len();
        search = end;
        // The digits must end a number: not followed by another digit, and followed by a space,
        // punctuation or the end.
        if bytes
            .get(end)
            .is_some_and(|b| b.is_ascii_digit() || b.is_ascii_alphabetic())
        {
            continue;
        }
        // `32.0` (a decimal part) or `4,858,400` (thousands) follows — not `10,11`, two calls.
        let digits_after = |at: usize| {
            bytes[at.min(bytes.len())..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count()
        };
        let decimal = bytes.get(end) == Some(&b'.') && digits_after(end + 1) > 0;
        let thousands = bytes.get(end) == Some(&b',') && digits_after(end + 1) == 3;
        if decimal || thousands {
            continue;
        }
        if let Some(range) = call_shape(text, start, end, lexicons, scope) {
            return Some(range);
        }
    }
    None
}

/// Whether the digits at `start..end` look like a call; returns the range to delete.
fn call_shape(
    text: &str,
    start: usize,
    end: usize,
    lexicons: &Lexicons,
    scope: Scope,
) -> Option<std::ops::Range<usize>> {
    let before = text[..start].chars().next_back()?;
    let after = text[end..].chars().next();
    let after_ok = after.is_none_or(|c| c.is_whitespace() || ",;:.)]»”’".contains(c));
    if !after_ok {
        return None;
    }
    // Glued to a word: `humaine1`, `Nations1`.
    if before.is_alphabetic() {
        let word = last_word(&text[..start]);
        // `COVID-19`, `G77`-like tokens and all-caps codes keep their digits.
        if word.chars().all(char::is_uppercase) && word.chars().count() > 1 {
            return None;
        }
        return Some(start..end);
    }
    // Glued to closing punctuation: `Women,5`, `Weapons;3`, `2008,2`.
    if ",;:)»”’\"".contains(before) {
        return Some(start..end);
    }
    // On the footnote's page, glued to a sentence's full stop: `Development.2` — not
    // `No.2` or `E.86.IX.7`.
    if before == '.' && scope != Scope::Document {
        let word = last_word(&text[..start - 1]);
        let plain_word = word.chars().count() >= 3 && word.chars().all(char::is_alphabetic);
        return (plain_word && !lexicons.any_abbreviation(&fold(word))).then_some(start..end);
    }
    // A year with the call glued to it: `19904` is 1990 + call 4.
    if before.is_ascii_digit() {
        let digits_start = text[..start]
            .rfind(|c: char| !c.is_ascii_digit())
            .map_or(0, |i| {
                i + text[i..].chars().next().map_or(1, char::len_utf8)
            });
        let prefix = &text[digits_start..start];
        let is_year = prefix.len() == 4 && (prefix.starts_with("19") || prefix.starts_with("20"));
        let standalone = text[..digits_start]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || c == '–' || c == '-');
        return (is_year && standalone).then_some(start..end);
    }
    // Detached: `Rights, 1 the`, `States 4 that`, `2014, 3` — but `du 2 avril` is a day.
    if before.is_whitespace() {
        // `programmes 5, 7, 8, 9`: a list of small numbers.
        let small_number =
            |n: &str| (1..=3).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit());
        let listed = head_token(&text[..start])
            .strip_suffix(',')
            .is_some_and(small_number)
            && text[end..]
                .trim_start_matches([',', ';', ' '])
                .split_whitespace()
                .next()
                .is_some_and(|n| small_number(n.trim_end_matches([',', ';', '.'])));
        if listed {
            return None;
        }
        // `3. Decides`, `6 Also reaffirms` opening a line is a paragraph's number.
        let line_start = text[..start].trim_end_matches([' ', '\t']).ends_with('\n')
            || text[..start].trim().is_empty();
        let after = text[end..].trim_start_matches([' ', '\t']);
        if line_start && (after.starts_with(['.', ')']) || after.starts_with(char::is_uppercase)) {
            return None;
        }
        let rest = text[end..].trim_start();
        let token = head_token(&text[..start]);
        if starts_with_date(rest, token, lexicons) {
            return None;
        }
        let head = text[..start].trim_end();
        let previous = head.chars().next_back()?;
        let word = last_word(head);
        let folded = fold(word);
        let folded = folded.trim_end_matches('.');
        // `Secretary-General 1` is not `general 1`.
        let compound = head[..head.len() - word.len()].ends_with(['-', '‑']);
        let sole = scope == Scope::Sole;
        if !compound && lexicons.any_takes_number(folded) && !sole {
            return None;
        }
        // `paragraphs 18 and 19`, `articles 3 to 5`, `resolution 3/2`: a reference goes on.
        if sole && continues_reference(rest, lexicons) {
            return None;
        }
        let on_page = scope != Scope::Document;
        let after_number = previous.is_ascii_digit();
        if after_number
            && !(sole || (on_page && (is_year_or_range(token) || is_symbol_like(token))))
        {
            return None;
        }
        let after_stop = previous == '.' && on_page && !after_number;
        if !(after_number || after_stop || previous.is_alphabetic() || ",;)»”’".contains(previous))
        {
            return None;
        }
        // What follows must read on: a lower-case word, punctuation, or the end; on the
        // footnote's page also a capital or a sub-paragraph letter.
        // The last thing on its line before a paragraph number (`3.` on the next line) ends
        // its paragraph.
        let line_end = text[end..]
            .trim_start_matches([' ', '\t'])
            .starts_with('\n');
        let next = rest
            .chars()
            .next()
            .filter(|c| !(line_end && c.is_ascii_digit()));
        let reads_on = next.is_none_or(|c| c.is_lowercase() || ",;.:".contains(c));
        let next_token = rest.split(char::is_whitespace).next().unwrap_or("");
        let page_reads_on = on_page
            && (next.is_some_and(|c| c.is_uppercase() || c == '(' || c == '“')
                || (",;".contains(previous)
                    && (is_year_or_range(next_token.trim_end_matches([',', ';']))
                        || day_and_month(rest, lexicons))));
        let ok = if after_stop {
            next.is_none_or(|c| c.is_uppercase() || c == '(')
        } else {
            reads_on || page_reads_on
        };
        if ok {
            let delete_from = head.len();
            return Some(delete_from..end);
        }
    }
    None
}

/// What follows a number goes on with the reference: another number after a connective
/// (`and 19`, `to 5`, `, 4`), a slash, or a decimal part.
fn continues_reference(rest: &str, lexicons: &Lexicons) -> bool {
    if rest.starts_with(['/', '.', '(', '-', '–']) {
        return true;
    }
    let rest = rest.trim_start_matches([',', ' ']);
    let mut words = rest.split_whitespace();
    let first = words.next().unwrap_or("");
    let number = |w: &str| w.starts_with(|c: char| c.is_ascii_digit());
    if number(first) {
        // `4 February 2021` is a date that follows, not the reference going on.
        return !day_and_month(rest, lexicons);
    }
    (lexicons.any_day_range(&fold(first)) || first == "or") && words.next().is_some_and(number)
}

/// `4 February 2021`: a day and a month open `rest`.
fn day_and_month(rest: &str, lexicons: &Lexicons) -> bool {
    let mut words = rest.split_whitespace();
    let day = words.next().unwrap_or("");
    (1..=2).contains(&day.len())
        && day.bytes().all(|b| b.is_ascii_digit())
        && words.next().is_some_and(|w| {
            lexicons.any_month(&fold(w.trim_end_matches(|c: char| !c.is_alphabetic())))
        })
}

/// The last whitespace-separated token of `text`.
fn head_token(text: &str) -> &str {
    text.trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
}

/// `avril`, `to 6 December`, `and 8 October` after the number: it was a day. After a year
/// (`24 August 2016 7 and 21 October`) a number is not a day.
pub fn starts_with_date(rest: &str, before: &str, lexicons: &Lexicons) -> bool {
    let mut words = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let Some(first) = words.next() else {
        return false;
    };
    if lexicons.any_month(&fold(first)) {
        return true;
    }
    // A day range: `3 to 6 December`, `7 and 8 October`, `du 3 au 6 mai`.
    if lexicons.any_day_range(&fold(first))
        && !is_year_or_range(before.trim_end_matches([',', ';']))
        && let (Some(day), Some(month)) = (words.next(), words.next())
    {
        return day.len() <= 2
            && day.bytes().all(|b| b.is_ascii_digit())
            && lexicons.any_month(&fold(month));
    }
    false
}

/// `2024`, `2014–2024`, `2017-2030`: a year or a range of years.
fn is_year_or_range(word: &str) -> bool {
    word.split(['–', '-']).all(|y| {
        y.len() == 4
            && (y.starts_with("19") || y.starts_with("20"))
            && y.bytes().all(|b| b.is_ascii_digit())
    })
}

/// `VII/11`, `57/25`, `2005/5`: a document or decision number.
fn is_symbol_like(word: &str) -> bool {
    word.contains('/') && word.ends_with(|c: char| c.is_ascii_digit())
}

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
fn sole_candidate(text: &str, mark: &str, lexicons: &Lexicons) -> Option<std::ops::Range<usize>> {
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
fn glued_to_number(
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

fn last_word(text: &str) -> &str {
    let start = text
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
    &text[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip_in(text: &str, mark: &str, scope: Scope) -> String {
        match find_call_in(text, mark, 0, Lexicons::builtin(), scope) {
            Some(r) => format!("{}{}", &text[..r.start], &text[r.end..]),
            None => text.to_string(),
        }
    }

    fn strip(text: &str, mark: &str) -> String {
        strip_in(text, mark, Scope::Document)
    }

    fn strip_on_page(text: &str, mark: &str) -> String {
        strip_in(text, mark, Scope::Page)
    }

    #[test]
    fn recognises_call_shapes() {
        let table = [
            ("de l’homme1 ;", "1", "de l’homme ;"),
            ("the United Nations1 are", "1", "the United Nations are"),
            (
                "Forms of Discrimination against Women,5",
                "5",
                "Forms of Discrimination against Women,",
            ),
            ("resolution 79/16,2", "2", "resolution 79/16,"),
            ("Nuclear Weapons;3", "3", "Nuclear Weapons;"),
            (
                "of 10 October 19904 or other",
                "4",
                "of 10 October 1990 or other",
            ),
            ("for 2025–20288 and the", "8", "for 2025–2028 and the"),
            (
                "Civil and Political Rights, 1 the",
                "1",
                "Civil and Political Rights, the",
            ),
            (
                "by a number of States 4 that they",
                "4",
                "by a number of States that they",
            ),
            (
                "its updated version in 2014, 3",
                "3",
                "its updated version in 2014,",
            ),
            (
                "solidarité internationale1 ;",
                "1",
                "solidarité internationale ;",
            ),
        ];
        for (text, mark, expected) in table {
            assert_eq!(strip(text, mark), expected, "{text:?}");
        }
    }

    #[test]
    fn on_the_footnotes_page_looser_shapes_are_calls() {
        #[rustfmt::skip]
        let table = [
            ("the Decade 2014–2024 3 and provides", "3", "the Decade 2014–2024 and provides"),
            ("as well as decision VII/11 15 and other", "15", "as well as decision VII/11 and other"),
            ("the Paris Principles. 13 We will", "13", "the Paris Principles. We will"),
            ("against Trafficking in Persons. 12", "12", "against Trafficking in Persons."),
            ("for Sustainable Development.2", "2", "for Sustainable Development."),
            ("the treaties of Tlatelolco, 5 Rarotonga", "5", "the treaties of Tlatelolco, Rarotonga"),
            ("returns for 2021, 1 2022, 2", "1", "returns for 2021, 2022, 2"),
            ("of 24 August 2016 7 and 21 October", "7", "of 24 August 2016 and 21 October"),
            ("the Secretary-General 1 submitted", "1", "the Secretary-General submitted"),
            ("Secretary-General; 14\n2.\nRecognizes", "14", "Secretary-General;\n2.\nRecognizes"),
        ];
        for (text, mark, expected) in table {
            assert_eq!(strip_on_page(text, mark), expected, "{text:?}");
        }
        // Without the page's evidence the looser shapes stay text.
        assert_eq!(
            strip("the Paris Principles. 13 We will", "13"),
            "the Paris Principles. 13 We will"
        );
        assert_eq!(
            strip("the Decade 2014–2024 3 and", "3"),
            "the Decade 2014–2024 3 and"
        );
    }

    #[test]
    fn the_sole_candidate_of_a_page_may_follow_a_word_that_takes_a_number() {
        let lexicons = Lexicons::builtin();
        let sole = |text: &str, mark: &str| {
            sole_candidate(text, mark, lexicons).map_or(text.to_string(), |r| {
                format!("{}{}", &text[..r.start], &text[r.end..])
            })
        };
        #[rustfmt::skip]
        let table = [
            ("at its sixtieth session 6 and the evolving", "6", "at its sixtieth session and the evolving"),
            ("welcomes the ministerial decision 8 that was adopted", "8", "welcomes the ministerial decision that was adopted"),
            ("Development and Agenda 21 8 and the principles", "8", "Development and Agenda 21 and the principles"),
            ("of 9 May 2018, 21 4 February 2021", "21", "of 9 May 2018, 4 February 2021"),
            // Two candidates: neither is taken.
            ("the decision 8 that, and the session 8 of", "8", "the decision 8 that, and the session 8 of"),
            // A reference that goes on is no call.
            ("in paragraphs 18 and 19 of", "18", "in paragraphs 18 and 19 of"),
            ("its resolution 3/2 of", "3", "its resolution 3/2 of"),
            ("article 5.2 of", "5", "article 5.2 of"),
            ("for programmes 5, 7, 8, 9, 12", "8", "for programmes 5, 7, 8, 9, 12"),
        ];
        for (text, mark, expected) in table {
            assert_eq!(sole(text, mark), expected, "{text:?}");
        }
    }

    #[test]
    fn on_a_page_a_call_after_punctuation_beats_a_number_after_a_word() {
        use crate::corpus::source::Line;
        let line = |text: &str| Line {
            text: text.into(),
            page: Some(2),
            ..Line::default()
        };
        let lines = Lines::from(vec![
            line("to close the estimated annual 4 trillion dollar"),
            line("financing gap, 4 and catalyse investment"),
        ]);
        let (looked, lines) = strip_on_pages(lines, &[("4", Some(2))], Lexicons::builtin());
        assert_eq!(looked, [true]);
        let texts: Vec<&str> = lines.iter().map(|l| l.text).collect();
        assert_eq!(
            texts,
            [
                "to close the estimated annual 4 trillion dollar",
                "financing gap, and catalyse investment"
            ]
        );
    }

    #[test]
    fn a_page_of_glued_calls_has_calls_glued_to_numbers() {
        // The lines of page 3 after its calls are taken out.
        let stripped = |texts: &[&str], marks: &[&str]| -> Vec<String> {
            let lines: Lines = texts
                .iter()
                .map(|t| crate::corpus::source::Line {
                    text: (*t).into(),
                    page: Some(3),
                    ..crate::corpus::source::Line::default()
                })
                .collect();
            let notes: Vec<(&str, Option<u32>)> = marks.iter().map(|m| (*m, Some(3))).collect();
            let (_, lines) = strip_on_pages(lines, &notes, Lexicons::builtin());
            lines.iter().map(|l| l.text.to_string()).collect()
        };
        let page = [
            "the Law of the Sea,10",
            "Recalling Environment Assembly resolution",
            "5/1411",
            "requesting the convening of a committee, held from 5 to",
            "14 August 2025, and the Process,12 in 2021",
        ];
        assert_eq!(
            stripped(&page, &["10", "11", "12"]),
            [
                "the Law of the Sea,",
                "Recalling Environment Assembly resolution",
                "5/14",
                "requesting the convening of a committee, held from 5 to",
                "14 August 2025, and the Process, in 2021"
            ]
        );
        // Where calls stand apart from their words, a number keeps its digits.
        let page = ["the Law of the Sea, 10 and", "resolution 5/1411 requesting"];
        assert_eq!(
            stripped(&page, &["10", "11"])[1],
            "resolution 5/1411 requesting"
        );
        // The call is looked for after the last one before looking back: `Agenda 214` below
        // call 3, not the `annual 4 trillion` above it.
        let page = [
            "the Action Agenda,1 to close the annual 4 trillion dollar gap,2 and",
            "entitled “The future we want”,3",
            "Agenda 214",
            "and the Plan of Implementation),5",
        ];
        assert_eq!(
            stripped(&page, &["1", "2", "3", "4", "5"]),
            [
                "the Action Agenda, to close the annual 4 trillion dollar gap, and",
                "entitled “The future we want”,",
                "Agenda 21",
                "and the Plan of Implementation),"
            ]
        );
        let lexicons = Lexicons::builtin();
        let glued = |text: &str, mark: &str| glued_to_number(text, mark, 0..text.len(), lexicons);
        assert_eq!(glued("and Agenda 218 and the", "8"), Some(13..14));
        assert_eq!(glued("at least 56514 humanitarian", "14"), Some(12..14));
        // Years, days, paragraph numbers, and two candidates: no call.
        assert_eq!(glued("in 2021 and", "1"), None);
        assert_eq!(glued("rules (2024), and", "24"), None);
        assert_eq!(glued("Framework 2015–2030 and", "30"), None);
        assert_eq!(glued("on COVID‑1916 and", "16"), Some(13..15));
        assert_eq!(
            glued("model strategy 10.24\nFurthermore", "24"),
            Some(18..20)
        );
        assert_eq!(glued("model strategy 10.24 and", "24"), None);
        assert_eq!(glued("on 21 March", "1"), None);
        assert_eq!(glued("text;\n11. Decides", "1"), None);
        assert_eq!(glued("text;\n11) Decides", "1"), None);
        assert_eq!(glued("resolution 5/1411 and 70/111", "11"), None);
        assert_eq!(
            glued("resolution 61/29 of 2006, resolution 59/3009\nand the", "9"),
            Some(43..44)
        );
    }

    #[test]
    fn on_the_page_numbers_of_the_text_stay() {
        let table = [
            ("held online from 3 to 6 December 2024", "3"),
            ("held in Beirut on 7 and 8 October 2025", "7"),
            ("text;\n3. Decides to", "3"),
            ("law;\n6    Also reaffirms", "6"),
            ("see paragraph 3 of the report", "3"),
            ("adopted on 1 December 2025", "1"),
            ("at least 565 14 humanitarian workers", "14"),
            ("with 32.0 per cent", "32"),
            ("for programmes 5, 7, 8, 9, 12", "8"),
            ("in the amount of 4,858,400 dollars", "4"),
            ("Sales No.7 and", "7"),
            ("Sales No. E.86.IX.7), appendix", "7"),
        ];
        for (text, mark) in table {
            assert_eq!(strip_on_page(text, mark), text, "{text:?} mark {mark}");
        }
    }

    #[test]
    fn leaves_numbers_that_belong_to_the_text() {
        let table = [
            ("see paragraph 3 of the report", "3"),
            ("la pandémie de COVID-19, notamment", "19"),
            ("la pandémie de COVID-19, notamment", "9"),
            ("E/CN.4/2001/2 chap", "4"),
            ("in 2014 the", "4"),
            ("resolution 1 adopted", "1"),
            ("the 2 States", "2"),
            ("en date du 2 avril 2020", "2"),
            ("adopted on 1 December 2025", "1"),
        ];
        for (text, mark) in table {
            assert_eq!(strip(text, mark), text, "{text:?} mark {mark}");
        }
    }
}
