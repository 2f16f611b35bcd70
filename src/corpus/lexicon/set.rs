//! The lexicons a parse chooses from: the built-in ones, a document's language told by its
//! function words, and the questions asked of every language at once.

use super::Lexicon;
use std::sync::LazyLock;

/// The lexicons a parse can choose from.
#[derive(Debug)]
pub struct Lexicons {
    all: Vec<Lexicon>,
}

static BUILTIN: LazyLock<Lexicons> = LazyLock::new(|| {
    let sources = [include_str!("fr.toml"), include_str!("en.toml")];
    let all = sources
        .iter()
        .filter_map(|text| match Lexicon::from_toml(text) {
            Ok(lexicon) => Some(lexicon),
            Err(e) => {
                // The shipped files are checked by the unit tests; never reached in a release.
                debug_assert!(false, "{e}");
                None
            }
        })
        .collect();
    Lexicons { all }
});

impl Lexicons {
    /// The lexicons compiled into the binary: French and English.
    pub fn builtin() -> &'static Lexicons {
        &BUILTIN
    }

    /// A set of lexicons (tests, a user's own language).
    pub fn new(all: Vec<Lexicon>) -> Lexicons {
        Lexicons { all }
    }

    /// The builtin lexicons and `extra`.
    pub fn with(extra: Lexicon) -> Lexicons {
        let mut all: Vec<Lexicon> = [include_str!("fr.toml"), include_str!("en.toml")]
            .iter()
            .filter_map(|t| Lexicon::from_toml(t).ok())
            .collect();
        all.push(extra);
        Lexicons { all }
    }

    pub fn iter(&self) -> impl Iterator<Item = &Lexicon> {
        self.all.iter()
    }

    /// The lexicon of a two-letter language code (`fr`, `en`).
    pub fn get(&self, code: &str) -> Option<&Lexicon> {
        self.all.iter().find(|l| l.code() == code)
    }

    /// The lexicon whose function words are most frequent in `words`, and whether enough words
    /// told (three or more); `None` when no lexicon is loaded or no function word is seen.
    pub fn detect<'a>(
        &self,
        words: &(impl Iterator<Item = &'a str> + Clone),
    ) -> Option<(&Lexicon, bool)> {
        let mut scores: Vec<(usize, &Lexicon)> = self
            .all
            .iter()
            .map(|l| (l.function_word_score(words.clone()), l))
            .collect();
        scores.sort_by_key(|(s, _)| std::cmp::Reverse(*s));
        let (best, lexicon) = *scores.first()?;
        let second = scores.get(1).map_or(0, |s| s.0);
        (best > second).then_some((lexicon, best >= 3))
    }

    /// The month any lexicon reads in a folded word.
    pub fn any_month(&self, folded_word: &str) -> bool {
        self.all.iter().any(|l| l.month(folded_word).is_some())
    }

    /// This folded word (without its full stop) is an abbreviation in some language.
    pub fn any_abbreviation(&self, folded_word: &str) -> bool {
        self.all
            .iter()
            .any(|l| l.file.calls.abbreviations.iter().any(|w| w == folded_word))
    }

    /// This folded word joins two days before a month in some language (`to`, `au`).
    pub fn any_day_range(&self, folded_word: &str) -> bool {
        self.all
            .iter()
            .any(|l| l.file.calls.day_range.iter().any(|w| w == folded_word))
    }

    /// After this folded word, in any language, a number is part of the text.
    pub fn any_takes_number(&self, folded_word: &str) -> bool {
        self.all.iter().any(|l| l.takes_number(folded_word))
    }

    /// The first lexicon, used when a document's language cannot be told.
    pub fn fallback(&self) -> Option<&Lexicon> {
        self.all.last()
    }
}
