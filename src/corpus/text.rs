//! Paragraph text: lines joined into one (hyphenation, whitespace), and words a converter broke
//! with a spurious space (`includi ng`, `high -level`) joined again when the document itself
//! spells the whole word.

use super::lexicon::Lexicon;
use super::lexicon::words::{WordList, word_list};
use rustc_hash::{FxHashMap, FxHashSet};

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
    if !collapsed.contains("- ") && !collapsed.contains(" -") && !collapsed.contains(" –") {
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
            // `2023 –2027`: a range of years whose dash the converter moved off the first.
            let year = |w: &str| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
            let range_cut = word
                .strip_prefix(['–', '-'])
                .is_some_and(|rest| year(rest.trim_end_matches([',', ';', '.', ')'])))
                && year(previous.trim_start_matches('('));
            if !(broken_after || broken_before || range_cut) {
                out.push(' ');
            }
        }
        out.push_str(word);
    }
    out
}

/// What a split-word search asks a document: every suspect pair's joined form; for a pair of two
/// words (`app roach`), its halves and how often the pair occurs. A pair of words is one word
/// split in two only when the document spells the whole elsewhere, prints the pair apart just
/// once, and uses one of its halves nowhere else (`health care` beside `healthcare` in a text
/// that speaks of health and care is how the text writes it, not a converter's split).
#[derive(Debug, Default)]
pub struct Wanted {
    forms: FxHashSet<String>,
    word_pairs: FxHashMap<String, u32>,
}

/// How often a document spells the words asked for, folded to lower case (`Sustainable`
/// spells `sustainable`; all-capital tokens are acronyms and left out). Only the words asked
/// for are counted, in one pass over the text without copying words.
#[derive(Debug, Default)]
pub struct Vocabulary {
    counts: FxHashMap<String, u32>,
    /// Joined forms of word pairs printed apart more than once.
    repeated_pairs: FxHashSet<String>,
}

impl Vocabulary {
    /// How often `texts` spell each word of `wanted` (lower case).
    pub fn of<'a>(wanted: Wanted, texts: impl Iterator<Item = &'a str>) -> Vocabulary {
        let repeated_pairs = wanted
            .word_pairs
            .into_iter()
            .filter(|&(_, n)| n > 1)
            .map(|(form, _)| form)
            .collect();
        let wanted = wanted.forms;
        let mut counts: FxHashMap<String, u32> = FxHashMap::default();
        if wanted.is_empty() {
            return Vocabulary {
                counts,
                repeated_pairs,
            };
        }
        let longest = wanted.iter().map(String::len).max().unwrap_or(0);
        let mut count = |word: &str| match counts.get_mut(word) {
            Some(n) => *n += 1,
            None => {
                counts.insert(word.to_string(), 1);
            }
        };
        for text in texts {
            for token in text.split(' ') {
                let word = token.trim_matches(|c: char| !c.is_alphabetic());
                if word.len() < 2 || word.len() > longest {
                    continue;
                }
                if wanted.contains(word) {
                    count(word);
                } else if word.starts_with(char::is_uppercase) {
                    let mut chars = word.chars();
                    chars.next();
                    if chars.all(char::is_lowercase) {
                        let lower = word.to_lowercase();
                        if wanted.contains(&lower) {
                            count(&lower);
                        }
                    }
                }
            }
        }
        Vocabulary {
            counts,
            repeated_pairs,
        }
    }

    /// The document spells `word` (lower case) at least once.
    fn spells(&self, word: &str) -> bool {
        self.counts.contains_key(word)
    }

    /// The document spells `word` (lower case) outside the one pair that holds it.
    fn uses_elsewhere(&self, word: &str) -> bool {
        self.counts.get(word).is_some_and(|&n| n > 1)
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
    Vocabulary::of(
        Wanted {
            forms: all,
            word_pairs: FxHashMap::default(),
        },
        texts,
    )
}

/// Two adjacent tokens that might be one word split in two: where they start and how long
/// the pair is, the halves found again in the text (a token holds no space). Sixteen bytes: a
/// paragraph of a million one-letter lines has a candidate a word (issue 13, item 4).
#[derive(Clone, Copy)]
struct Candidate {
    /// Byte offset of the left token.
    start: usize,
    /// Bytes from the left token's start to just past the right token.
    len: u32,
    /// Both halves are words (`app roach`): joined only on the document's own spelling.
    both_words: bool,
}

impl Candidate {
    /// Byte offset just past the right token.
    fn end(self) -> usize {
        self.start + self.len as usize
    }

    /// The left token and the right token's letters (without its trailing punctuation).
    fn halves(self, text: &str) -> (&str, &str) {
        let pair = &text[self.start..self.end()];
        let (left, right) = pair.split_once(' ').unwrap_or((pair, ""));
        (left, right.trim_end_matches(|c: char| !c.is_alphabetic()))
    }

    fn joined(self, text: &str) -> String {
        let (left, right_word) = self.halves(text);
        let mut joined = left.to_lowercase();
        joined.push_str(right_word);
        joined
    }
}

/// The pairs of tokens (split at single spaces) that might be one word split in two: a run of
/// letters followed by a lower-case run (trailing punctuation allowed), whose halves are not
/// both words — or are both words, neither of them a free word of the lexicon (`over all`,
/// `with in`), and the language's list knows the whole (`app roach`). One pass over the bytes;
/// most pairs are decided by their lengths.
fn split_candidates(text: &str, words: Words<'_>, mut found: impl FnMut(Candidate)) {
    let bytes = text.as_bytes();
    // Whether the previous token is a word, carried from the step where it was the right half.
    let mut left_is_word: Option<bool> = None;
    let mut previous: Option<(usize, &str)> = None;
    let mut start = 0usize;
    let mut scratch = String::new();
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
                let both_words = left_word && right_is_word;
                // A pair of more than 4 GB is no split word (and a file that large is far
                // beyond `max_file_mb`'s default).
                let len = u32::try_from(end - left_start).ok();
                if let Some(len) = len
                    && (!both_words || words.may_join_words(left, right_word, &mut scratch))
                {
                    found(Candidate {
                        start: left_start,
                        len,
                        both_words,
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
    let mut repair = Repair::new(text, vocabulary, words);
    split_candidates(text, words, |c| repair.take(c));
    repair.finish()
}

/// The suspect pairs of a text, found once and mended later (`repair_suspects`): kept when
/// they are few beside the text, else found again (a pair a word on a text of one-letter
/// words would cost eight times the text: issue 13, item 4).
pub struct Suspects(Found);

enum Found {
    Kept(Vec<Candidate>),
    FindAgain,
}

/// The most room the kept pairs of a text may take, per byte of the text.
const KEPT_PER_BYTE: usize = 1;

/// The suspect pairs of `text`, their joined forms added to `wanted`; `None` when it has none.
pub fn suspects(text: &str, words: Words<'_>, wanted: &mut Wanted) -> Option<Suspects> {
    let room = text.len() * KEPT_PER_BYTE / std::mem::size_of::<Candidate>();
    let mut kept = Some(Vec::new());
    let mut any = false;
    split_candidates(text, words, |c| {
        any = true;
        let joined = c.joined(text);
        if c.both_words {
            let (left, right_word) = c.halves(text);
            *wanted.word_pairs.entry(joined.clone()).or_default() += 1;
            wanted.forms.insert(left.to_lowercase());
            wanted.forms.insert(right_word.to_string());
        }
        wanted.forms.insert(joined);
        if let Some(list) = &mut kept {
            if list.len() < room {
                list.push(c);
            } else {
                kept = None;
            }
        }
    });
    any.then(|| Suspects(kept.map_or(Found::FindAgain, Found::Kept)))
}

/// `repair_splits` for pairs found by `suspects` over the same text.
pub fn repair_suspects(
    text: &str,
    suspects: &Suspects,
    vocabulary: &Vocabulary,
    words: Words<'_>,
) -> Option<String> {
    let mut repair = Repair::new(text, vocabulary, words);
    match &suspects.0 {
        Found::Kept(candidates) => candidates.iter().for_each(|&c| repair.take(c)),
        Found::FindAgain => split_candidates(text, words, |c| repair.take(c)),
    }
    repair.finish()
}

/// Mending one text, candidate by candidate in order.
struct Repair<'a> {
    text: &'a str,
    vocabulary: &'a Vocabulary,
    words: Words<'a>,
    out: Option<String>,
    copied: usize,
    /// A token joined to its left neighbour is not joined again to its right one.
    joined_to: usize,
}

impl<'a> Repair<'a> {
    fn new(text: &'a str, vocabulary: &'a Vocabulary, words: Words<'a>) -> Repair<'a> {
        Repair {
            text,
            vocabulary,
            words,
            out: None,
            copied: 0,
            joined_to: 0,
        }
    }

    fn take(&mut self, c: Candidate) {
        if c.start < self.joined_to {
            return;
        }
        let (text, vocabulary) = (self.text, self.vocabulary);
        let (left, right_word) = c.halves(text);
        let joined = c.joined(text);
        let whole = if c.both_words {
            // Two words are one only where the document spells the whole elsewhere, prints
            // the pair apart just this once, and uses one of the halves nowhere else.
            vocabulary.spells(&joined)
                && !vocabulary.repeated_pairs.contains(&joined)
                && !(vocabulary.uses_elsewhere(&left.to_lowercase())
                    && vocabulary.uses_elsewhere(right_word))
        } else {
            vocabulary.spells(&joined) || self.words.knows(&joined)
        };
        if whole {
            let built = self.out.get_or_insert_with(String::new);
            let space = c.start + left.len();
            built.push_str(&text[self.copied..space]);
            self.copied = space + 1;
            self.joined_to = c.end();
        }
    }

    /// The mended text, `None` when nothing was mended.
    fn finish(self) -> Option<String> {
        let mut built = self.out?;
        built.push_str(&self.text[self.copied..]);
        Some(built)
    }
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

    /// Two words (`app roach`) may be one split in two: the language has a list that knows
    /// the whole as a common word, and neither half is a free word (`over all`, `with in`).
    fn may_join_words(self, left: &str, right: &str, scratch: &mut String) -> bool {
        let Some(list) = self.list else {
            return false;
        };
        if left.len() < 2 || right.len() < 2 {
            return false;
        }
        scratch.clear();
        scratch.extend(left.chars().flat_map(char::to_lowercase));
        if self.lexicon.is_free_word(scratch) || self.lexicon.is_free_word(right) {
            return false;
        }
        scratch.push_str(right);
        list.is_common(scratch)
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
            assert_eq!(needs_collapsing(text.as_bytes()), expected, "{c:?}");
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
        assert_eq!(
            finish_text("the period 2023 –2027 as (2018 –2028), and 5 –6"),
            "the period 2023–2027 as (2018–2028), and 5 –6"
        );
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

    #[test]
    fn two_words_join_only_on_the_documents_own_evidence() {
        let en = Words::of(english());
        // The document spells the whole elsewhere; `app` and `roach` it never uses alone.
        let document = "Approach, a new approach to health and to care; primary healthcare.";
        let table = [
            (
                "on a comprehensive app roach that",
                Some("on a comprehensive approach that"),
            ),
            ("primary health care and", None),
            // Free words stand apart even when the whole is a word (`overall`, `within`).
            ("sovereignty over all resources, overall and within", None),
            ("dealt with in the report", None),
            // The whole is a word the document never spells: left as printed.
            ("a pat tern of", None),
        ];
        for (text, expected) in table {
            let texts = [document, text];
            let mut wanted = Wanted::default();
            let found = suspects(text, en, &mut wanted);
            let vocabulary = Vocabulary::of(wanted, texts.into_iter());
            let got = found.and_then(|f| repair_suspects(text, &f, &vocabulary, en));
            assert_eq!(got.as_deref(), expected, "{text}");
        }
        // A pair printed apart twice is how the document writes it.
        let text = "the app roach and the app roach";
        let mut wanted = Wanted::default();
        let found = suspects(text, en, &mut wanted).expect("suspects");
        let vocabulary = Vocabulary::of(wanted, [document, text].into_iter());
        assert_eq!(repair_suspects(text, &found, &vocabulary, en), None);
    }
}
