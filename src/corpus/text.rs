//! Paragraph text: lines joined into one (hyphenation, whitespace), and words a converter broke
//! with a spurious space (`includi ng`, `high -level`) joined again when the document itself
//! spells the whole word.

use super::lexicon::Lexicon;
use super::lexicon::words::{WordList, word_list};
use rustc_hash::FxHashSet;

/// Append line `next` to paragraph text `acc`: a soft hyphen at the end of the line joins the
/// word; a compound hyphen (`Royaume-` + `Uni`) is kept without a space; else one space.
pub fn join_into(acc: &mut String, next: &str) {
    let next = next.trim();
    if next.is_empty() {
        return;
    }
    let trimmed_len = acc.trim_end().len();
    acc.truncate(trimmed_len);
    if acc.ends_with('\u{ad}') {
        acc.pop();
        acc.push_str(next);
        return;
    }
    let compound_break = acc.ends_with('-')
        && acc[..acc.len() - 1]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
        && next.chars().next().is_some_and(char::is_alphabetic);
    if !acc.is_empty() && !compound_break {
        acc.push(' ');
    }
    acc.push_str(next);
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}')
}

/// Two spaces in a row, or any whitespace but a space: ASCII control whitespace, or the UTF-8
/// of U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000 (every
/// character `is_space` takes), read from the bytes.
fn needs_collapsing(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
        let odd = match b {
            b' ' => next(1) == b' ',
            b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => true,
            0xC2 => matches!(next(1), 0x85 | 0xA0),
            0xE1 => next(1) == 0x9A && next(2) == 0x80,
            0xE2 => match next(1) {
                0x80 => matches!(next(2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF),
                0x81 => next(2) == 0x9F,
                _ => false,
            },
            0xE3 => next(1) == 0x80 && next(2) == 0x80,
            _ => false,
        };
        if odd {
            return true;
        }
        i += 1;
    }
    false
}

/// Runs of whitespace (non-breaking spaces included) become one space; ends trimmed.
fn collapse_spaces(text: &str) -> String {
    let trimmed = text.trim();
    if !needs_collapsing(trimmed.as_bytes()) {
        return trimmed.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if is_space(c) {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    out
}

/// Words after a hyphen and a space that are not the second half of a broken word
/// (`pre- and post-natal`).
const HYPHEN_CONJUNCTIONS: &[&str] = &["and", "or", "et", "ou", "to", "à", "y", "o"];

/// The final form of a paragraph, title or footnote: one line, whitespace collapsed, hyphens
/// broken at a line end rejoined (`thirty- fifth` → `thirty-fifth`, but `pre- and post-`
/// stays), a hyphen cut from its word joined (`high -level` → `high-level`).
pub fn finish_text(text: &str) -> String {
    let collapsed = collapse_spaces(text);
    if !collapsed.contains("- ") && !collapsed.contains(" -") {
        return collapsed;
    }
    let words: Vec<&str> = collapsed.split(' ').collect();
    let mut out = String::with_capacity(collapsed.len());
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            let previous = words[i - 1];
            let broken_after = previous.len() > 1
                && previous.ends_with('-')
                && previous[..previous.len() - 1]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic)
                && word.chars().next().is_some_and(char::is_lowercase)
                && !HYPHEN_CONJUNCTIONS.contains(&word.trim_end_matches([',', ';', '.']));
            let broken_before = word.len() > 1
                && word.starts_with('-')
                && word[1..].chars().next().is_some_and(char::is_lowercase)
                && previous
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic);
            if !(broken_after || broken_before) {
                out.push(' ');
            }
        }
        out.push_str(word);
    }
    out
}

/// The joined forms a document spells, folded to lower case (`Sustainable` spells
/// `sustainable`; all-capital tokens are acronyms and left out). Only the forms asked for are
/// looked up, in one pass over the text without copying words.
#[derive(Debug, Default)]
pub struct Vocabulary {
    all: FxHashSet<String>,
}

impl Vocabulary {
    /// The subset of `wanted` (lower case) that `texts` spell.
    pub fn of<'a>(wanted: FxHashSet<String>, texts: impl Iterator<Item = &'a str>) -> Vocabulary {
        let mut found = FxHashSet::default();
        if wanted.is_empty() {
            return Vocabulary { all: found };
        }
        let longest = wanted.iter().map(String::len).max().unwrap_or(0);
        for text in texts {
            for token in text.split(' ') {
                let word = token.trim_matches(|c: char| !c.is_alphabetic());
                if word.len() < 2 || word.len() > longest {
                    continue;
                }
                if wanted.contains(word) {
                    found.insert(word.to_string());
                } else if word.starts_with(char::is_uppercase) {
                    let mut chars = word.chars();
                    chars.next();
                    if chars.all(char::is_lowercase) {
                        let lower = word.to_lowercase();
                        if wanted.contains(&lower) {
                            found.insert(lower);
                        }
                    }
                }
            }
        }
        Vocabulary { all: found }
    }
}

/// Every word `texts` spell (tests).
#[cfg(test)]
pub fn vocabulary<'a>(texts: impl Iterator<Item = &'a str> + Clone) -> Vocabulary {
    let mut all = FxHashSet::default();
    for text in texts.clone() {
        for token in text.split(' ') {
            let word = token.trim_matches(|c: char| !c.is_alphabetic());
            all.insert(word.to_lowercase());
        }
    }
    Vocabulary::of(all, texts)
}

/// Two adjacent tokens that might be one word split in two.
struct Candidate<'t> {
    /// Byte offset of the left token.
    start: usize,
    left: &'t str,
    /// The right token's letters, without its trailing punctuation.
    right_word: &'t str,
    /// Byte offset just past the right token.
    end: usize,
}

impl Candidate<'_> {
    fn joined(&self) -> String {
        let mut joined = self.left.to_lowercase();
        joined.push_str(self.right_word);
        joined
    }
}

/// The pairs of tokens (split at single spaces) that might be one word split in two: a run of
/// letters followed by a lower-case run (trailing punctuation allowed), whose halves are not
/// both words. One pass over the bytes; most pairs are decided by their lengths.
fn split_candidates<'t>(text: &'t str, words: Words<'_>) -> Vec<Candidate<'t>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // Whether the previous token is a word, carried from the step where it was the right half.
    let mut left_is_word: Option<bool> = None;
    let mut previous: Option<(usize, &str)> = None;
    let mut start = 0usize;
    loop {
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b' ')
            .map_or(bytes.len(), |p| start + p);
        let right = &text[start..end];
        if let Some((left_start, left)) = previous {
            let right_word = right.trim_end_matches(|c: char| !c.is_alphabetic());
            let mut next = None;
            // Without a word list, halves of four bytes or more are words.
            let decided = words.list.is_none() && left.len() >= 4 && right_word.len() >= 4;
            let splittable = !decided
                && !left.is_empty()
                && !right_word.is_empty()
                && all_lower(right_word)
                && all_letters(left)
                && right[right_word.len()..]
                    .chars()
                    .all(|c| !c.is_alphanumeric());
            if splittable {
                let left_word = left_is_word.unwrap_or_else(|| words.is_word(left));
                let right_is_word = words.is_word(right_word);
                if right_word.len() == right.len() {
                    next = Some(right_is_word);
                }
                if !(left_word && right_is_word) {
                    out.push(Candidate {
                        start: left_start,
                        left,
                        right_word,
                        end,
                    });
                }
            }
            left_is_word = next;
        }
        previous = Some((start, right));
        if end >= bytes.len() {
            break;
        }
        start = end + 1;
    }
    out
}

/// Every character is a letter (an ASCII fast path first).
fn all_letters(s: &str) -> bool {
    if s.is_ascii() {
        s.bytes().all(|b| b.is_ascii_alphabetic())
    } else {
        s.chars().all(char::is_alphabetic)
    }
}

/// Every character is a lower-case letter.
fn all_lower(s: &str) -> bool {
    if s.is_ascii() {
        s.bytes().all(|b| b.is_ascii_lowercase())
    } else {
        s.chars().all(char::is_lowercase)
    }
}

/// Join `includi ng` into `including` when the document, or the language's word list, spells
/// `including`, and the two halves are not both words of their own (`is land`). The parser
/// finds the pairs once (`suspects`) and mends them later (`repair_suspects`).
#[cfg(test)]
pub fn repair_splits(text: &str, vocabulary: &Vocabulary, words: Words<'_>) -> Option<String> {
    repair_candidates(text, &split_candidates(text, words), vocabulary, words)
}

/// The suspect pairs of a text, found once and mended later (`repair_suspects`).
pub struct Suspects<'t>(Vec<Candidate<'t>>);

/// The suspect pairs of `text`, their joined forms added to `wanted`; `None` when it has none.
pub fn suspects<'t>(
    text: &'t str,
    words: Words<'_>,
    wanted: &mut FxHashSet<String>,
) -> Option<Suspects<'t>> {
    let candidates = split_candidates(text, words);
    for c in &candidates {
        wanted.insert(c.joined());
    }
    (!candidates.is_empty()).then_some(Suspects(candidates))
}

/// `repair_splits` for pairs found by `suspects` over the same text.
pub fn repair_suspects(
    text: &str,
    suspects: &Suspects<'_>,
    vocabulary: &Vocabulary,
    words: Words<'_>,
) -> Option<String> {
    repair_candidates(text, &suspects.0, vocabulary, words)
}

fn repair_candidates(
    text: &str,
    candidates: &[Candidate<'_>],
    vocabulary: &Vocabulary,
    words: Words<'_>,
) -> Option<String> {
    let mut out: Option<String> = None;
    let mut copied = 0usize;
    // A token joined to its left neighbour is not joined again to its right one.
    let mut joined_to = 0usize;
    for c in candidates {
        if c.start < joined_to {
            continue;
        }
        let joined = c.joined();
        let whole = vocabulary.all.contains(&joined) || words.knows(&joined);
        if whole {
            let built = out.get_or_insert_with(String::new);
            let space = c.start + c.left.len();
            built.push_str(&text[copied..space]);
            copied = space + 1;
            joined_to = c.end;
        }
    }
    let mut built = out?;
    built.push_str(&text[copied..]);
    Some(built)
}

/// What a language knows of its words: its word list, if the project has one, and its short
/// words that stand on their own (lexicon data).
#[derive(Clone, Copy)]
pub struct Words<'l> {
    list: Option<&'static WordList>,
    lexicon: &'l Lexicon,
}

impl<'l> Words<'l> {
    pub fn of(lexicon: &'l Lexicon) -> Words<'l> {
        Words {
            list: word_list(lexicon.code()),
            lexicon,
        }
    }

    /// A half is a word of its own when the language's list has it as a common word, or it is
    /// one of the lexicon's short words (`of`, `la`). A language without a list takes every
    /// half of four bytes or more for a word: only a short fragment (`soci al`, `Assem bly`)
    /// is joined.
    fn is_word(self, half: &str) -> bool {
        if self.list.is_none() && half.len() >= 4 {
            return true;
        }
        let lowered;
        let lower = if all_lower(half) {
            half
        } else {
            lowered = half.to_lowercase();
            lowered.as_str()
        };
        self.list.is_some_and(|w| w.is_common(lower)) || self.lexicon.is_short_word(lower)
    }

    /// The whole word is a word of the language's list.
    fn knows(self, lower: &str) -> bool {
        self.list.is_some_and(|w| w.contains(lower))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_test_for_odd_spaces_agrees_with_is_space() {
        for c in ('\0'..='\u{3100}').chain(['\u{a0}', '\u{202f}', '\u{2007}', '’', 'é']) {
            let text = format!("a{c}b");
            let expected = c != ' ' && is_space(c);
            assert_eq!(needs_collapsing(text.as_bytes()), expected, "{:?}", c);
        }
        assert!(needs_collapsing(b"a  b"));
        assert!(!needs_collapsing("l’homme et la femme".as_bytes()));
    }

    #[test]
    fn joins_and_finishes_text() {
        let mut acc = "Royaume-Uni de Grande-".to_string();
        join_into(&mut acc, "Bretagne");
        assert_eq!(acc, "Royaume-Uni de Grande-Bretagne");
        let mut acc = "Trinité-et-".to_string();
        join_into(&mut acc, "Tobago");
        assert_eq!(acc, "Trinité-et-Tobago");
        let mut acc = "coopé\u{ad}".to_string();
        join_into(&mut acc, "ration");
        assert_eq!(acc, "coopération");
        let mut acc = "Burkina ".to_string();
        join_into(&mut acc, " Faso,");
        assert_eq!(acc, "Burkina Faso,");
        assert_eq!(
            finish_text(" a  nuclear- weapon-free\u{a0}zone, thirty- fifth "),
            "a nuclear-weapon-free zone, thirty-fifth"
        );
        assert_eq!(finish_text("pre- and post-natal"), "pre- and post-natal");
        assert_eq!(finish_text("a high -level meeting"), "a high-level meeting");
        assert_eq!(finish_text("2020 - 2025"), "2020 - 2025");
    }

    fn english() -> &'static Lexicon {
        crate::corpus::lexicon::Lexicons::builtin()
            .get("en")
            .expect("built in")
    }

    #[test]
    fn split_words_are_joined_only_when_the_document_spells_them() {
        // English short words, no word list: only the document's own words join.
        let none = Words {
            list: None,
            lexicon: english(),
        };
        let vocabulary = vocabulary(["including the framework, often"].into_iter());
        assert_eq!(
            repair_splits("includi ng the framew ork, of ten", &vocabulary, none).as_deref(),
            Some("including the framework, of ten")
        );
        assert_eq!(
            repair_splits("nothing to join here", &vocabulary, none),
            None
        );
        assert_eq!(repair_splits("inclu sion", &vocabulary, none), None);
    }

    #[test]
    fn or_when_the_language_word_list_has_the_whole_word() {
        let en = Words::of(english());
        let vocabulary = vocabulary(["the Palestinian people and the island"].into_iter());
        let table = [
            (
                "participation in soci al and cultural life",
                Some("participation in social and cultural life"),
            ),
            (
                "chemical we apons production",
                Some("chemical weapons production"),
            ),
            (
                "the General Assem bly at its",
                Some("the General Assembly at its"),
            ),
            (
                "denial of Pale stinian development",
                Some("denial of Palestinian development"),
            ),
            ("a n island", Some("an island")),
            // Both halves are words: left alone.
            ("the is land of", None),
            ("a part of it", None),
            ("in to the", None),
        ];
        for (text, expected) in table {
            assert_eq!(
                repair_splits(text, &vocabulary, en).as_deref(),
                expected,
                "{text}"
            );
        }
    }
}
