//! Text made safe and fitted to a width: control characters removed (document text is printed to
//! a terminal, so an escape sequence in a document must stay inert), display widths, word
//! wrapping that keeps byte offsets so match positions can be highlighted, truncation.

use std::borrow::Cow;
use std::ops::Range;
use unicode_width::UnicodeWidthChar;

/// Characters never printed: C0 and C1 controls, DEL, and the bidirectional overrides and
/// isolates that could reorder what follows them on screen.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every unsafe character dropped (whitespace controls become a space).
pub fn inert(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter_map(|c| match c {
                '\t' | '\n' | '\r' => Some(' '),
                c if is_unsafe(c) => None,
                c => Some(c),
            })
            .collect(),
    )
}

/// Columns a character takes once made inert.
pub fn char_width(c: char) -> usize {
    match c {
        '\t' | '\n' | '\r' => 1,
        c if is_unsafe(c) => 0,
        c => c.width().unwrap_or(0),
    }
}

pub fn width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

/// `text` cut to `max` columns, with `…` when something was cut.
pub fn truncate(text: &str, max: usize) -> String {
    let text = inert(text);
    if width(&text) <= max {
        return text.into_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = char_width(c);
        if used + w + 1 > max {
            break;
        }
        used += w;
        out.push(c);
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// Byte ranges of `text`, one per line, wrapped at spaces to at most `max` columns (a word longer
/// than a line is cut). The spaces a line breaks at belong to no line. Never empty for non-empty
/// text; each range holds at least one character, so wrapping always progresses.
pub fn wrap(text: &str, max: usize) -> Vec<Range<usize>> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut start = 0;
    let mut used = 0;
    // Where the line may break: the end of the last word and the start of the next.
    let mut last_break: Option<(usize, usize)> = None;
    let mut in_space = false;
    let mut space_start = 0;
    for (i, c) in text.char_indices() {
        let w = char_width(c);
        let is_space = c == ' ' || c == '\t';
        if is_space {
            if !in_space {
                space_start = i;
                in_space = true;
            }
            used += w;
            continue;
        }
        if in_space {
            in_space = false;
            if space_start > start {
                last_break = Some((space_start, i));
            } else {
                // Leading spaces of a line are dropped.
                start = i;
                used = 0;
            }
        }
        if used + w > max && i > start {
            if let Some((end, next)) = last_break.take() {
                lines.push(start..end);
                start = next;
                used = width(&text[next..i]);
            } else {
                lines.push(start..i);
                start = i;
                used = 0;
            }
        }
        used += w;
    }
    let end = if in_space { space_start } else { text.len() };
    if end > start || lines.is_empty() {
        lines.push(start..end.max(start));
    }
    lines
}

/// `value` written out, or `—` when there is none.
pub fn or_dash<T: ToString>(value: Option<T>) -> String {
    value.map_or_else(|| "—".to_string(), |v| v.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, max: usize) -> Vec<&str> {
        wrap(text, max).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn wraps_at_spaces_and_cuts_long_words() {
        assert_eq!(
            lines("le droit au développement", 10),
            ["le droit", "au", "développem", "ent"]
        );
        assert_eq!(lines("a b c", 3), ["a b", "c"]);
        assert_eq!(lines("abcdef", 1), ["a", "b", "c", "d", "e", "f"]);
        assert_eq!(lines("", 5), [""]);
        assert_eq!(lines("  x  ", 5), ["x"]);
        assert_eq!(lines("word", 0), ["w", "o", "r", "d"]);
        assert_eq!(
            lines("coopération internationale", 11),
            ["coopération", "internation", "ale"]
        );
    }

    #[test]
    fn wide_characters_count_twice() {
        assert_eq!(lines("日本語の文", 4), ["日本", "語の", "文"]);
    }

    #[test]
    fn escapes_are_made_inert() {
        assert_eq!(inert("a\x1b[31mb\x07c\u{9b}d\u{202e}e"), "a[31mbcde");
        assert_eq!(width("\x1b[2J"), 3);
    }

    #[test]
    fn truncates_with_an_ellipsis() {
        assert_eq!(truncate("Renforcement", 6), "Renfo…");
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abc", 0), "");
    }
}
