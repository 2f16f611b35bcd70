//! A lexicon file as written (`fr.toml`, `en.toml`), before its phrases are compiled: see
//! `en.toml` for what each entry means.

use serde::Deserialize;
use std::collections::HashMap;

/// The lexicon files as written (see `en.toml` for what each entry means).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LexiconFile {
    pub(super) code: String,
    pub(super) function_words: Vec<String>,
    pub(super) articles: Vec<String>,
    pub(super) bodies: HashMap<String, Vec<String>>,
    pub(super) header: HeaderWords,
    pub(super) preamble: PreambleWords,
    pub(super) tail: TailWords,
    pub(super) calls: CallWords,
    pub(super) dates: DateWords,
    pub(super) numbers: HashMap<String, u32>,
    #[serde(default)]
    pub(super) number_rules: NumberRules,
    #[serde(default)]
    pub(super) splits: SplitWords,
}

/// Short words that stand on their own, so that a converter's split (`soci al`) is told from
/// two words (`en la`): the halves of a split are joined only when one is not a word.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SplitWords {
    pub(super) short_words: Vec<String>,
    /// Words that stand free before or after another word (prepositions, determiners,
    /// pronouns, conjunctions, auxiliaries): two words are never joined into one when either
    /// is free (`over all`, `with in`).
    #[serde(default)]
    pub(super) free_words: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct HeaderWords {
    pub(super) session: Vec<String>,
    pub(super) agenda: Vec<String>,
    pub(super) adoption: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PreambleWords {
    pub(super) leads: Vec<String>,
    pub(super) participle_endings: Vec<String>,
    pub(super) past_participle_endings: Vec<String>,
    pub(super) after_past_participle: Vec<String>,
    pub(super) lookalikes: Vec<String>,
    pub(super) reflexives: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TailWords {
    pub(super) meeting_suffixes: Vec<String>,
    pub(super) meeting_words: Vec<String>,
    pub(super) annex: Vec<String>,
    pub(super) vote_starts: Vec<String>,
    pub(super) without_vote: Vec<String>,
    pub(super) counts: Vec<String>,
    pub(super) in_favour: Vec<String>,
    pub(super) against: Vec<String>,
    pub(super) abstaining: Vec<String>,
    pub(super) empty_list: Vec<String>,
    pub(super) conjunctions: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CallWords {
    pub(super) number_taking: Vec<String>,
    /// Words joining two days before a month (`3 to 6 December`): the first number is a day.
    #[serde(default)]
    pub(super) day_range: Vec<String>,
    /// Abbreviations a reference may break a line after (`Sales No.` / `E.86.IX.7`).
    #[serde(default)]
    pub(super) abbreviations: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DateWords {
    pub(super) months: Vec<String>,
    pub(super) day_suffixes: Vec<String>,
    /// How a date is written: `{day} {month} {year}` unless said otherwise
    /// (`{day} de {month} de {year}`).
    #[serde(default)]
    pub(super) formats: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct NumberRules {
    #[serde(default)]
    pub(super) joiners: Vec<String>,
    /// Words after which `twenty` multiplies (`quatre-vingt` = 80).
    #[serde(default)]
    pub(super) times_twenty: Vec<String>,
}
