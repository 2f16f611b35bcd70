//! Paragraph text: lines joined into one (hyphenation, whitespace), and words a converter broke
//! with a spurious space (`includi ng`, `high -level`) joined again when the document itself
//! spells the whole word.

use super::lexicon::words::WordList;
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

/// Runs of whitespace (non-breaking spaces included) become one space; ends trimmed.
fn collapse_spaces(text: &str) -> String {
    let trimmed = text.trim();
    let clean = !trimmed.contains("  ") && !trimmed.contains(|c: char| c != ' ' && is_space(c));
    if clean {
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
    pub fn is_empty(&self) -> bool {
        self.all.is_empty()
    }

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

/// The joined forms of `text`'s split candidates (`soci al` → `social`).
pub fn joined_candidates(text: &str, words: Option<&WordList>, into: &mut FxHashSet<String>) {
    let tokens: Vec<&str> = text.split(' ').collect();
    for i in split_candidates(&tokens, words) {
        let right = tokens[i + 1].trim_end_matches(|c: char| !c.is_alphabetic());
        into.insert(format!("{}{}", tokens[i].to_lowercase(), right));
    }
}

/// The pairs of tokens that might be one word split in two (the index of the left one): a run
/// of letters followed by a lower-case run (trailing punctuation allowed), whose halves are
/// not both words.
fn split_candidates<'a>(
    tokens: &'a [&'a str],
    words: Option<&'a WordList>,
) -> impl Iterator<Item = usize> + 'a {
    (0..tokens.len().saturating_sub(1)).filter(move |&i| {
        let (left, right) = (tokens[i], tokens[i + 1]);
        let right_word = right.trim_end_matches(|c: char| !c.is_alphabetic());
        let splittable = !left.is_empty()
            && left.chars().all(char::is_alphabetic)
            && !right_word.is_empty()
            && right_word.chars().all(char::is_lowercase)
            && right[right_word.len()..]
                .chars()
                .all(|c| !c.is_alphanumeric());
        splittable && !(is_word(left, words) && is_word(right_word, words))
    })
}

/// Join `includi ng` into `including` when the document, or the language's word list, spells
/// `including`, and the two halves are not both words of their own (`is land`).
pub fn repair_splits(
    text: &str,
    vocabulary: &Vocabulary,
    words: Option<&WordList>,
) -> Option<String> {
    let tokens: Vec<&str> = text.split(' ').collect();
    let mut out: Option<String> = None;
    let mut copied = 0usize;
    let mut next_free = 0usize;
    // Byte offset of each token in `text`.
    let mut offsets = Vec::with_capacity(tokens.len());
    let mut at = 0usize;
    for token in &tokens {
        offsets.push(at);
        at += token.len() + 1;
    }
    for i in split_candidates(&tokens, words) {
        if i < next_free {
            continue;
        }
        let (left, right) = (tokens[i], tokens[i + 1]);
        let right_word = right.trim_end_matches(|c: char| !c.is_alphabetic());
        let joined = format!("{}{}", left.to_lowercase(), right_word);
        let whole = vocabulary.all.contains(&joined) || words.is_some_and(|w| w.contains(&joined));
        if whole {
            let built = out.get_or_insert_with(String::new);
            let space = offsets[i] + left.len();
            built.push_str(&text[copied..space]);
            copied = space + 1;
            next_free = i + 2;
        }
    }
    let mut built = out?;
    built.push_str(&text[copied..]);
    Some(built)
}

/// A half is a word of its own when the language's list has it as a common word, or it is
/// short enough to be a function word (`of`, `la`). A language without a list takes every half
/// of four bytes or more for a word: only a short fragment (`soci al`, `Assem bly`) is joined.
fn is_word(half: &str, words: Option<&WordList>) -> bool {
    let lowered;
    let lower = if half.chars().all(char::is_lowercase) {
        half
    } else {
        lowered = half.to_lowercase();
        lowered.as_str()
    };
    let known = match words {
        Some(w) => w.is_common(lower),
        None => half.len() >= 4,
    };
    known || (half.chars().count() <= 4 && FUNCTION_SET.contains(lower))
}

static FUNCTION_SET: std::sync::LazyLock<FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| FUNCTION_WORDS.iter().copied().collect());

/// Short words of French and English that stand on their own.
const FUNCTION_WORDS: &[&str] = &[
    "a", "à", "an", "as", "at", "be", "by", "de", "du", "en", "et", "in", "is", "it", "la", "le",
    "of", "on", "or", "to", "un", "y", "ne", "se", "ce", "sa", "ses", "son", "aux", "qui", "que",
    "est", "ont", "il", "ils", "au", "ou", "où", "nos", "leur", "and", "the", "for", "des", "les",
    "une", "par", "sur", "its", "all", "are", "has", "not", "one", "two", "six", "ten", "new",
    "law", "war", "age", "use", "end", "any", "own", "may", "can", "who", "few", "we", "our",
    "was", "but", "no", "so", "if", "do", "up", "he", "his", "her",
];

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn split_words_are_joined_only_when_the_document_spells_them() {
        let vocabulary = vocabulary(["including the framework, often"].into_iter());
        assert_eq!(
            repair_splits("includi ng the framew ork, of ten", &vocabulary, None).as_deref(),
            Some("including the framework, of ten")
        );
        assert_eq!(
            repair_splits("nothing to join here", &vocabulary, None),
            None
        );
        assert_eq!(repair_splits("inclu sion", &vocabulary, None), None);
    }

    #[test]
    fn or_when_the_language_word_list_has_the_whole_word() {
        let en = crate::corpus::lexicon::words::word_list("en");
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
