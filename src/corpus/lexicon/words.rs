//! Word lists of a language, for joining words that a PDF converter split with a spurious
//! space (`soci al` → `social`) when the document itself never spells the whole word. A list is
//! data beside its lexicon (`en.words`); a language without one relies on the document's own
//! vocabulary. Built on first use.

use rustc_hash::FxHashSet;
use std::sync::LazyLock;

/// The words of one language: `common` in lower case, `names` (capitalised in the list)
/// folded to lower case. A name is a whole word, never a half of a split one (`Pale stinian`).
#[derive(Debug, Default)]
pub struct WordList {
    common: FxHashSet<&'static str>,
    names: FxHashSet<String>,
}

impl WordList {
    fn parse(text: &'static str) -> WordList {
        let mut list = WordList::default();
        for line in text.lines() {
            let word = line.trim();
            if word.is_empty() || word.starts_with('#') {
                continue;
            }
            if word.chars().all(char::is_lowercase) {
                list.common.insert(word);
            } else {
                list.names.insert(word.to_lowercase());
            }
        }
        list
    }

    /// A common word (lower case): may stand on its own.
    pub fn is_common(&self, lower: &str) -> bool {
        self.common.contains(lower)
    }

    /// A word of the language, common or a name (lower case).
    pub fn contains(&self, lower: &str) -> bool {
        self.common.contains(lower) || self.names.contains(lower)
    }
}

static EN: LazyLock<WordList> = LazyLock::new(|| WordList::parse(include_str!("en.words")));

/// The word list of a language code, when the project has one.
pub fn word_list(code: &str) -> Option<&'static WordList> {
    match code {
        "en" => Some(&EN),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_list_knows_words_and_names_apart() {
        let en = word_list("en").expect("English list");
        for word in [
            "social",
            "weapons",
            "assembly",
            "sustainable",
            "register",
            "plan",
        ] {
            assert!(en.is_common(word), "{word}");
        }
        assert!(en.contains("palestinian") && !en.is_common("palestinian"));
        for fragment in ["soci", "apons", "assem", "stainable", "stinian", "regis"] {
            assert!(!en.is_common(fragment), "{fragment}");
        }
        assert!(word_list("fr").is_none());
    }
}
