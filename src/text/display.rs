//! Text made safe and fitted to a width: control characters shown as escapes (document text, file
//! names and arguments are printed to a terminal, so an escape sequence in them must stay inert
//! and visible), display widths, word wrapping that keeps byte offsets so match positions can be
//! highlighted, truncation.
//!
//! [`inert`] is the one sanitiser: every string bound for a terminal goes through it, directly,
//! through [`Shown`] in a `format!`, or through the `InertWrite` writer (`inert_write.rs`) round
//! the CLI's stdout and stderr. Widths ([`char_width`], [`width`], [`wrap`], [`truncate`]) count
//! the visible form, so layouts computed on the raw text match what is drawn.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use unicode_width::UnicodeWidthChar;

/// Characters never printed as themselves: C0 and C1 controls, DEL, and the bidirectional
/// overrides and isolates that could reorder what follows them on screen.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// How an unsafe character is shown, `None` for a character shown as itself: `\n`, `\t`, `\r`,
/// `\x1b` for the other C0 controls, and `\u007f`, `\u009b`, `\u202e` for DEL, the C1 controls
/// and the bidirectional controls. Always ASCII, so its width is its length. The last three use
/// JSON's `\uXXXX` form on purpose: JSON output passes through the same filter (`InertWrite`),
/// where `serde_json` has already escaped every C0 control but leaves DEL, C1 and bidi characters
/// raw inside strings; written as `\u202e` they stay valid JSON that decodes to the same string.
/// JSON therefore never carries a raw ESC, C1 or bidi override: they are always escaped.
pub fn escape(c: char) -> Option<Cow<'static, str>> {
    if !is_unsafe(c) {
        return None;
    }
    Some(match c {
        '\n' => Cow::Borrowed("\\n"),
        '\t' => Cow::Borrowed("\\t"),
        '\r' => Cow::Borrowed("\\r"),
        '\0'..='\u{1f}' => Cow::Owned(format!("\\x{:02x}", u32::from(c))),
        c => Cow::Owned(format!("\\u{:04x}", u32::from(c))),
    })
}

/// Columns [`escape`]'s form of an unsafe character takes, without building it.
fn escape_width(c: char) -> usize {
    match c {
        '\n' | '\t' | '\r' => 2,
        '\0'..='\u{1f}' => 4,
        _ => 6,
    }
}

/// `text` with every unsafe character replaced by its visible form ([`escape`]). Nothing is
/// dropped: a file named `\x1b[2J.txt` is shown as `\x1b[2J.txt`, not as `[2J.txt`.
pub fn inert(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match escape(c) {
            Some(shown) => out.push_str(&shown),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A string for `format!` and `write!`, printed [`inert`] (and padded by its visible form, so
/// `{:<20}` still lines up): `writeln!(err, "resolu: {}: …", Shown(path))`.
#[derive(Debug, Clone, Copy)]
pub struct Shown<'a>(pub &'a str);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&inert(self.0))
    }
}

/// Columns a character takes once made inert.
pub fn char_width(c: char) -> usize {
    if is_unsafe(c) {
        escape_width(c)
    } else {
        c.width().unwrap_or(0)
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
    fn escapes_are_made_inert_and_visible() {
        assert_eq!(
            inert("a\x1b[31mb\x07c\u{9b}d\u{202e}e\x7f"),
            "a\\x1b[31mb\\x07c\\u009bd\\u202ee\\u007f"
        );
        assert_eq!(inert("a\nb\tc\rd\0"), "a\\nb\\tc\\rd\\x00");
        assert_eq!(inert("\u{2066}x\u{2069}"), "\\u2066x\\u2069");
        assert_eq!(inert("Résolution 日本 «x»"), "Résolution 日本 «x»");
        assert!(matches!(inert("plain"), Cow::Borrowed(_)));
        assert_eq!(width("\x1b[2J"), 7);
    }

    #[test]
    fn widths_count_the_visible_form() {
        for c in (0..=0x2070u32).filter_map(char::from_u32) {
            let shown = inert(c.encode_utf8(&mut [0; 4])).into_owned();
            if is_unsafe(c) {
                assert_eq!(char_width(c), shown.len(), "{c:?}");
                assert!(shown.is_ascii() && !shown.chars().any(is_unsafe), "{c:?}");
            } else {
                assert_eq!(shown, c.to_string());
            }
        }
        let text = "x\x1b]52;c;SGVsbG8=\x07.txt";
        assert_eq!(width(text), inert(text).chars().count());
    }

    #[test]
    fn shown_is_inert_and_pads_by_the_visible_form() {
        assert_eq!(format!("[{}]", Shown("\x1b[2J")), "[\\x1b[2J]");
        assert_eq!(format!("[{:<9}]", Shown("\x07a")), "[\\x07a    ]");
    }

    #[test]
    fn wrapping_never_splits_an_escape() {
        let text = "ab\x1bcd";
        let lines: Vec<String> = wrap(text, 5)
            .into_iter()
            .map(|r| inert(&text[r]).into_owned())
            .collect();
        assert_eq!(lines, ["ab", "\\x1bc", "d"]);
        assert_eq!(truncate("a\x07bcdef", 6), "a\\x07…");
    }

    #[test]
    fn truncates_with_an_ellipsis() {
        assert_eq!(truncate("Renforcement", 6), "Renfo…");
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abc", 0), "");
    }
}
