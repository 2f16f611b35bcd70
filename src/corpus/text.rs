//! Paragraph text: lines joined into one (hyphenation, whitespace), and words a converter broke
//! with a spurious space (`includi ng`, `high -level`) joined again when the document itself
//! spells the whole word.

use std::collections::HashSet;

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

/// The words a document spells whole: lower-case alphabetic tokens of its texts.
pub fn vocabulary<'a>(texts: impl Iterator<Item = &'a str>) -> HashSet<String> {
    let mut words = HashSet::new();
    for text in texts {
        for token in text.split(' ') {
            let word = token.trim_matches(|c: char| !c.is_alphabetic());
            if word.len() >= 2 && word.chars().all(char::is_lowercase) {
                words.insert(word.to_string());
            }
        }
    }
    words
}

/// Join `includi ng` into `including` when the document spells `including` elsewhere and does
/// not spell both halves as words of their own.
pub fn repair_splits(text: &str, vocabulary: &HashSet<String>) -> Option<String> {
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
        if splittable {
            let joined = format!("{}{}", left.to_lowercase(), right_word);
            let whole = vocabulary.contains(&joined);
            let halves = is_word(left, vocabulary) && is_word(right_word, vocabulary);
            if whole && !halves {
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

/// A half is a word of its own when the document spells it, or it is short enough to be a
/// function word (`of`, `la`).
fn is_word(half: &str, vocabulary: &HashSet<String>) -> bool {
    let lower = half.to_lowercase();
    vocabulary.contains(&lower)
        || (half.chars().count() <= 3 && !half.is_empty() && {
            matches!(
                lower.as_str(),
                "a" | "an"
                    | "as"
                    | "at"
                    | "be"
                    | "by"
                    | "de"
                    | "du"
                    | "en"
                    | "et"
                    | "in"
                    | "is"
                    | "it"
                    | "la"
                    | "le"
                    | "of"
                    | "on"
                    | "or"
                    | "to"
                    | "un"
                    | "and"
                    | "the"
                    | "for"
                    | "des"
                    | "les"
                    | "une"
                    | "par"
                    | "sur"
                    | "its"
                    | "all"
                    | "are"
                    | "has"
                    | "not"
                    | "one"
                    | "two"
                    | "six"
                    | "ten"
                    | "new"
                    | "law"
                    | "war"
                    | "age"
                    | "use"
                    | "end"
                    | "any"
                    | "own"
                    | "may"
                    | "can"
                    | "who"
                    | "few"
            )
        })
}

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
            repair_splits("includi ng the framew ork, of ten", &vocabulary).as_deref(),
            Some("including the framework, of ten")
        );
        assert_eq!(repair_splits("nothing to join here", &vocabulary), None);
        assert_eq!(repair_splits("inclu sion", &vocabulary), None);
    }
}
