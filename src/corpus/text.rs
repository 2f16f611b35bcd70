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

/// The words a document spells, folded to lower case: `all` holds every word, `lower` the
/// ones it spells in lower case (a capitalised fragment may be a name: `Pale`).
#[derive(Debug, Default)]
pub struct Vocabulary {
    all: FxHashSet<String>,
    lower: FxHashSet<String>,
}

pub fn vocabulary<'a>(texts: impl Iterator<Item = &'a str>) -> Vocabulary {
    let mut v = Vocabulary::default();
    for text in texts {
        for token in text.split(' ') {
            let word = token.trim_matches(|c: char| !c.is_alphabetic());
            if word.len() < 2 {
                continue;
            }
            if word.chars().all(char::is_lowercase) {
                // A short token may be the fragment of a split word itself (`soci al`): short
                // words stand on their own by the word list or as function words.
                if word.len() >= 4 && !v.lower.contains(word) {
                    v.lower.insert(word.to_string());
                }
                if !v.all.contains(word) {
                    v.all.insert(word.to_string());
                }
            } else {
                // `Sustainable` spells `sustainable`; all-capital tokens are acronyms.
                let mut chars = word.chars();
                if chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase) {
                    let lower = word.to_lowercase();
                    if !v.all.contains(&lower) {
                        v.all.insert(lower);
                    }
                }
            }
        }
    }
    v
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
    let mut i = 0usize;
    let mut copied = 0usize;
    let mut offset = 0usize;
    while i + 1 < tokens.len() {
        let (left, right) = (tokens[i], tokens[i + 1]);
        let right_word = right.trim_end_matches(|c: char| !c.is_alphabetic());
        let splittable = !left.is_empty()
            && left.chars().all(char::is_alphabetic)
            && !right_word.is_empty()
            && right_word.chars().all(char::is_lowercase)
            && right[right_word.len()..]
                .chars()
                .all(|c| !c.is_alphanumeric());
        // Most pairs are two words: decided without building the joined form.
        if splittable
            && !(is_word(left, vocabulary, words) && is_word(right_word, vocabulary, words))
        {
            let joined = format!("{}{}", left.to_lowercase(), right_word);
            let whole =
                vocabulary.all.contains(&joined) || words.is_some_and(|w| w.contains(&joined));
            if whole {
                let built = out.get_or_insert_with(String::new);
                let at = offset + left.len();
                built.push_str(&text[copied..at]);
                copied = at + 1;
                offset = at + 1 + right.len() + 1;
                i += 2;
                continue;
            }
        }
        offset += left.len() + 1;
        i += 1;
    }
    let mut built = out?;
    built.push_str(&text[copied..]);
    Some(built)
}

/// A half is a word of its own when the language's list has it as a common word (or, for a
/// language without a list, the document spells it in lower case), or it is short enough to be
/// a function word (`of`, `la`).
fn is_word(half: &str, vocabulary: &Vocabulary, words: Option<&WordList>) -> bool {
    let lowered;
    let lower = if half.chars().all(char::is_lowercase) {
        half
    } else {
        lowered = half.to_lowercase();
        lowered.as_str()
    };
    // With a word list, the list decides: the document's own tokens include the fragments.
    let known = match words {
        Some(w) => w.is_common(lower),
        None => vocabulary.lower.contains(lower),
    };
    known || (half.chars().count() <= 3 && FUNCTION_WORDS.contains(&lower))
}

/// Short words of French and English that stand on their own.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "as", "at", "be", "by", "de", "du", "en", "et", "in", "is", "it", "la", "le", "of",
    "on", "or", "to", "un", "and", "the", "for", "des", "les", "une", "par", "sur", "its", "all",
    "are", "has", "not", "one", "two", "six", "ten", "new", "law", "war", "age", "use", "end",
    "any", "own", "may", "can", "who", "few",
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
