//! Case and accent folding, the one function used for both the corpus and the query.
//!
//! `fold("Côte d’Ivoire") == "cote d'ivoire"`: lower case, accents removed through Unicode
//! decomposition (not a hand list), ligatures expanded, every apostrophe, dash and space variant
//! mapped to its ASCII kin.

use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The folded form of every character from U+0080 to U+024F (Latin-1 and the Latin Extended
/// blocks, where nearly every letter of French and English text falls), computed once by the
/// slow path below, so folding those letters is a table lookup.
static LATIN: LazyLock<Vec<String>> = LazyLock::new(|| {
    (0x80u32..0x250)
        .map(|code| {
            let mut folded = String::new();
            if let Some(c) = char::from_u32(code) {
                fold_char_slow(c, &mut folded);
            }
            folded
        })
        .collect()
});

/// Fold one character into `out`; returns nothing so callers can track offsets around it.
fn fold_char_into(c: char, out: &mut String) {
    if let Some(folded) = (c as usize).checked_sub(0x80).and_then(|i| LATIN.get(i)) {
        out.push_str(folded);
        return;
    }
    fold_char_slow(c, out);
}

fn fold_char_slow(c: char, out: &mut String) {
    // Most characters are ASCII: settle them first.
    if c.is_ascii() {
        let folded = match c {
            '`' => '\'',
            c if c.is_ascii_whitespace() => ' ',
            c => c.to_ascii_lowercase(),
        };
        out.push(folded);
        return;
    }
    match c {
        // Apostrophes and quotes that stand for one.
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{02BB}' | '\u{2032}' | '\u{00B4}' | '`' => {
            out.push('\'');
        }
        // Hyphens and dashes.
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => out.push('-'),
        // Soft hyphen is invisible: drop it.
        '\u{00AD}' => {}
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ß' => out.push_str("ss"),
        'ø' | 'Ø' => out.push('o'),
        'đ' | 'Đ' => out.push('d'),
        'ł' | 'Ł' => out.push('l'),
        c if c.is_whitespace() => out.push(' '),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        c => {
            for d in c.nfkd() {
                if !is_combining_mark(d) {
                    out.extend(d.to_lowercase());
                }
            }
        }
    }
}

/// Fold `text`: lower case, no accents, ASCII apostrophes, dashes and spaces.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Fold `text` onto the end of `out`.
pub fn fold_into(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // A run of plain ASCII (no whitespace other than spaces, no backquote) is copied and
        // lower-cased in one go.
        let start = i;
        while i < bytes.len()
            && bytes[i] < 0x80
            && (bytes[i] == b' ' || !bytes[i].is_ascii_whitespace())
            && bytes[i] != b'`'
        {
            i += 1;
        }
        if i > start {
            let from = out.len();
            out.push_str(&text[start..i]);
            out[from..].make_ascii_lowercase();
        }
        if let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) {
            fold_char_into(c, out);
            i += c.len_utf8();
        }
    }
}

/// Fold `text` and keep, for each byte of the folded string, the byte offset in `text` of the
/// character it came from, so match positions in folded text highlight the original characters.
pub fn fold_with_offsets(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len());
    for (start, c) in text.char_indices() {
        let before = out.len();
        fold_char_into(c, &mut out);
        offsets.extend(std::iter::repeat_n(start, out.len() - before));
    }
    (out, offsets)
}

/// The words of a text: runs of letters and digits, so punctuation and apostrophes never block
/// a match (`l'homme` → `l`, `homme`). The index and the query cut text the same way.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_case_ligatures_apostrophes_and_dashes() {
        let table = [
            ("Coopération", "cooperation"),
            ("COOPÉRATION", "cooperation"),
            ("Côte d’Ivoire", "cote d'ivoire"),
            ("l\u{02BC}homme", "l'homme"),
            ("œuvre", "oeuvre"),
            ("Œuvre", "oeuvre"),
            ("pre\u{2011}recorded", "pre-recorded"),
            ("non\u{00A0}gouvernementales", "non gouvernementales"),
            ("Türkiye", "turkiye"),
            ("Ça", "ca"),
            ("54\u{1d49}", "54e"),
        ];
        for (input, expected) in table {
            assert_eq!(fold(input), expected, "fold({input:?})");
        }
    }

    #[test]
    fn the_latin_table_agrees_with_decomposition() {
        for code in 0x80u32..0x250 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let (mut fast, mut slow) = (String::new(), String::new());
            fold_char_into(c, &mut fast);
            fold_char_slow(c, &mut slow);
            assert_eq!(fast, slow, "U+{code:04X}");
        }
        let text = "Tab\tand\nline `quote` ÉTATS-UNIS d’Amérique";
        let by_char: String = text
            .chars()
            .map(|c| {
                let mut s = String::new();
                fold_char_slow(c, &mut s);
                s
            })
            .collect();
        assert_eq!(fold(text), by_char);
    }

    #[test]
    fn offsets_point_at_original_characters() {
        let text = "Côte d’Ivoire";
        let (folded, offsets) = fold_with_offsets(text);
        assert_eq!(folded.len(), offsets.len());
        let at = folded.find("ivoire").unwrap();
        assert_eq!(&text[offsets[at]..], "Ivoire");
        let o = folded.find('o').unwrap();
        assert_eq!(&text[offsets[o]..offsets[o] + 'ô'.len_utf8()], "ô");
    }
}
