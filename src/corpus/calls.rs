//! Footnote calls left in running text by PDF converters: `l’homme1 ;`, `Women,5`,
//! `Rights, 1 the`, `in 19904 or` (a year followed by call 4). A call is recognised only for a
//! footnote that exists, and calls are looked for in footnote order, which is what keeps numbers
//! that belong to the text (`paragraph 3`, `COVID-19`) in place. The words after which a
//! number belongs to the text, and the months, come from the lexicons.

mod pages;

use super::lexicon::Lexicons;
use crate::text::fold::fold;

pub use pages::strip_on_pages;

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

fn last_word(text: &str) -> &str {
    let start = text
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
    &text[start..]
}

#[cfg(test)]
mod tests;
