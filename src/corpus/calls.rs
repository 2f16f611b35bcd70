//! Footnote calls left in running text by PDF converters: `l’homme1 ;`, `Women,5`,
//! `Rights, 1 the`, `in 19904 or` (a year followed by call 4). A call is recognised only for a
//! footnote that exists, and calls are looked for in footnote order, which is what keeps numbers
//! that belong to the text (`paragraph 3`, `COVID-19`) in place. The words after which a
//! number belongs to the text, and the months, come from the lexicons.

use super::lexicon::Lexicons;
use crate::index::fold::fold;

/// Byte range of the first call of footnote `mark` in `text` at or after byte `from`.
pub fn find_call(
    text: &str,
    mark: &str,
    from: usize,
    lexicons: &Lexicons,
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
        if let Some(range) = call_shape(text, start, end, lexicons) {
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
        if word.chars().all(|c| c.is_uppercase()) && word.chars().count() > 1 {
            return None;
        }
        return Some(start..end);
    }
    // Glued to closing punctuation: `Women,5`, `Weapons;3`, `2008,2`.
    if ",;:)»”’\"".contains(before) {
        return Some(start..end);
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
        let next_word = text[end..]
            .trim_start()
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        if lexicons.any_month(&fold(next_word)) {
            return None;
        }
        let head = text[..start].trim_end();
        let previous = head.chars().next_back()?;
        let word = fold(last_word(head));
        let word = word.trim_end_matches('.');
        if lexicons.any_takes_number(word) || previous.is_ascii_digit() {
            return None;
        }
        if !(previous.is_alphabetic() || ",;)»”’".contains(previous)) {
            return None;
        }
        // What follows must read on: a lower-case word, punctuation, or the end.
        let rest = text[end..].trim_start();
        let next = rest.chars().next();
        if next.is_none_or(|c| c.is_lowercase() || ",;.:".contains(c)) {
            let delete_from = head.len();
            return Some(delete_from..end);
        }
    }
    None
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

    fn strip(text: &str, mark: &str) -> String {
        match find_call(text, mark, 0, Lexicons::builtin()) {
            Some(r) => format!("{}{}", &text[..r.start], &text[r.end..]),
            None => text.to_string(),
        }
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
