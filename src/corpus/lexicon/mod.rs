//! The words the parser's rules look for, one lexicon per language (`fr.toml`, `en.toml`, read
//! at compile time): body names, preambular leads, participle look-alikes, months, number words,
//! header, meeting and vote phrases. A new wording, or a new language, is a data change.
//!
//! Phrases are written folded (see `index::fold`): lower case, no accents, ASCII apostrophes.
//! A template may hold placeholders: `{item}` (an agenda item), `{yes}`, `{no}`, `{abstain}` (a
//! count in digits or words); templates are compiled once into patterns over folded text.

mod compile;
mod file;
mod set;
pub mod words;

use crate::corpus::model::{Body, Language};
use crate::text::fold::fold;
use chrono::NaiveDate;
use regex::Regex;

pub use compile::Counts;
use file::LexiconFile;
pub use set::Lexicons;

/// Which of the three vote lists a heading opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VoteList {
    InFavour,
    Against,
    Abstaining,
}

/// One language's lexicon, with its phrases compiled.
#[derive(Debug)]
pub struct Lexicon {
    pub language: Language,
    file: LexiconFile,
    bodies: Vec<(Body, String)>,
    opener: Regex,
    opener_anywhere: Regex,
    agenda: Vec<Regex>,
    session: Regex,
    meeting: Regex,
    vote_start: Regex,
    without_vote: Regex,
    counts: Vec<Regex>,
    list_heading: Regex,
    dates: Vec<Regex>,
    short_words: rustc_hash::FxHashSet<String>,
    free_words: rustc_hash::FxHashSet<String>,
}

/// Why a lexicon file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("lexicon is not valid TOML: {0}")]
    Toml(String),
    #[error("lexicon {code}: {what}")]
    Invalid { code: String, what: String },
}

impl Lexicon {
    /// Read a lexicon from its TOML text.
    pub fn from_toml(text: &str) -> Result<Lexicon, LexiconError> {
        let file: LexiconFile =
            toml::from_str(text).map_err(|e| LexiconError::Toml(e.to_string()))?;
        compile::compile(file)
    }

    pub fn code(&self) -> &str {
        &self.file.code
    }

    /// A short word (lower case) of this language that stands on its own (`of`, `la`).
    pub fn is_short_word(&self, lower: &str) -> bool {
        self.short_words.contains(lower)
    }

    /// A word (lower case) that stands free before or after another (`over`, `with`): never
    /// one half of a word split in two when the other half is a word too.
    pub fn is_free_word(&self, lower: &str) -> bool {
        self.short_words.contains(lower) || self.free_words.contains(lower)
    }

    /// How many of `words` (folded, lower case) are this language's function words.
    pub fn function_word_score<'a>(&self, words: impl Iterator<Item = &'a str>) -> usize {
        words
            .filter(|w| self.file.function_words.iter().any(|f| f == w))
            .count()
    }

    /// The body named earliest in folded text (`conseil des droits de l'homme`).
    pub fn body_named_in(&self, folded: &str) -> Option<Body> {
        self.bodies
            .iter()
            .filter_map(|(body, name)| folded.find(name.as_str()).map(|at| (at, *body)))
            .min_by_key(|(at, _)| *at)
            .map(|(_, body)| body)
    }

    /// `The General Assembly,` / `Le Conseil des droits de l’homme,` (folded line): the body.
    pub fn opener(&self, folded_line: &str) -> Option<Body> {
        let caps = self.opener.captures(folded_line.trim())?;
        let name = caps.get(1).or_else(|| caps.get(2))?.as_str();
        self.bodies
            .iter()
            .find(|(_, n)| n == name)
            .map(|(body, _)| *body)
    }

    /// Every place in folded text where opening words (`the general assembly,`) stand.
    pub fn find_openers<'t>(
        &'t self,
        folded: &'t str,
    ) -> impl Iterator<Item = std::ops::Range<usize>> + 't {
        self.opener_anywhere.find_iter(folded).map(|m| m.range())
    }

    /// The body named right after an adoption phrase (`Résolution adoptée par le Conseil …`).
    pub fn adoption_body(&self, folded_header: &str) -> Option<Body> {
        let at = self
            .file
            .header
            .adoption
            .iter()
            .filter_map(|p| folded_header.find(p.as_str()))
            .min()?;
        let end = floor_boundary(folded_header, (at + 80).min(folded_header.len()));
        self.body_named_in(&folded_header[at..end])
    }

    /// Byte offset in folded header text just past the adoption phrase, if any.
    pub fn adoption_phrase_end(&self, folded_header: &str) -> Option<usize> {
        self.file
            .header
            .adoption
            .iter()
            .filter_map(|p| folded_header.find(p.as_str()).map(|at| at + p.len()))
            .min()
    }

    /// `Quarante-quatrième session` → 44 (folded line).
    pub fn session(&self, folded_line: &str) -> Option<u32> {
        let caps = self.session.captures(folded_line)?;
        let before: Vec<&str> = caps.get(1)?.as_str().split_whitespace().collect();
        (1..=before.len().min(5)).rev().find_map(|n| {
            let phrase = before[before.len() - n..].join(" ");
            self.number(&phrase).filter(|v| (1..1000).contains(v))
        })
    }

    /// `Point 68, b, de l’ordre du jour` → `68 b`; `Agenda item 97 (c)` → `97 (c)` (folded
    /// header text; the item keeps its letters as printed, which folding leaves alone).
    pub fn agenda_item(&self, folded_header: &str) -> Option<String> {
        let raw = self
            .agenda
            .iter()
            .find_map(|re| re.captures(folded_header))
            .and_then(|caps| caps.name("item").map(|m| m.as_str().to_string()))?;
        let item = raw.replace(',', " ");
        let item = item.split_whitespace().collect::<Vec<_>>().join(" ");
        (!item.is_empty()).then_some(item)
    }

    /// `18th plenary meeting`, `28e séance` at the start of a folded line: the byte length of
    /// the meeting phrase.
    pub fn meeting(&self, folded_line: &str) -> Option<usize> {
        self.meeting.find(folded_line).map(|m| m.end())
    }

    /// Whether a folded line opens a vote block.
    pub fn starts_vote_block(&self, folded_line: &str) -> bool {
        self.vote_start.is_match(folded_line)
    }

    /// Where a vote block starts inside a folded line (for flattened text).
    pub fn find_vote_block(&self, folded: &str) -> Option<usize> {
        self.vote_start.find(folded).map(|m| m.start())
    }

    pub fn says_without_vote(&self, folded: &str) -> bool {
        self.without_vote.is_match(folded)
    }

    /// The stated counts of a vote block (folded head of the block).
    pub fn counts(&self, folded: &str) -> Option<Counts> {
        compile::read_counts(self, folded)
    }

    /// Every list heading in folded text: which list, and the byte range of the heading.
    pub fn list_headings(&self, folded: &str) -> Vec<(VoteList, std::ops::Range<usize>)> {
        compile::list_headings(self, folded)
    }

    /// `Aucun`, `None`: the list is empty.
    pub fn is_empty_list(&self, folded: &str) -> bool {
        self.file.tail.empty_list.iter().any(|w| w == folded)
    }

    pub fn conjunctions(&self) -> impl Iterator<Item = &str> {
        self.file.tail.conjunctions.iter().map(String::as_str)
    }

    /// `Annex`, `Annexe II`, `ANNEX` alone on a line (folded).
    pub fn is_annex_heading(&self, folded_line: &str) -> bool {
        let mut words = folded_line.split_whitespace();
        let Some(first) = words.next() else {
            return false;
        };
        let rest: Vec<&str> = words.collect();
        self.file.tail.annex.iter().any(|a| a == first)
            && rest.len() <= 1
            && rest
                .iter()
                .all(|w| is_roman(w) || w.bytes().all(|b| b.is_ascii_digit()))
    }

    /// After this folded word a number is part of the text (`paragraph 3`), not a call.
    pub fn takes_number(&self, folded_word: &str) -> bool {
        self.file
            .calls
            .number_taking
            .iter()
            .any(|w| w == folded_word)
    }

    /// The month a folded word names, 1–12.
    pub fn month(&self, folded_word: &str) -> Option<u32> {
        self.file
            .dates
            .months
            .iter()
            .position(|m| m == folded_word)
            .and_then(|i| u32::try_from(i + 1).ok())
    }

    /// Whether a folded word is a day suffix (`1er`, `1st`).
    fn is_day_suffix(&self, folded: &str) -> bool {
        folded.is_empty() || self.file.dates.day_suffixes.iter().any(|s| s == folded)
    }

    /// The value of a number written in words or digits (`Quarante-quatrième`, `soixante et
    /// onzième`, `quatre-vingt-deuxième`, `Seventy-first`, `one hundred and first`, `44`).
    pub fn number(&self, text: &str) -> Option<u32> {
        let folded = fold(text.trim());
        if let Ok(n) = folded.parse::<u32>() {
            return Some(n);
        }
        let mut total: u32 = 0;
        let mut previous: Option<&str> = None;
        let mut seen = false;
        for word in folded.split(|c: char| c == '-' || c.is_whitespace()) {
            if word.is_empty() || self.file.number_rules.joiners.iter().any(|j| j == word) {
                continue;
            }
            let value = *self.file.numbers.get(word)?;
            let times_twenty = previous
                .is_some_and(|p| self.file.number_rules.times_twenty.iter().any(|t| t == p));
            seen = true;
            total = match value {
                20 if times_twenty => {
                    let four = previous.and_then(|p| self.file.numbers.get(p)).copied();
                    total.saturating_sub(four.unwrap_or(0)) + four.unwrap_or(1) * 20
                }
                100 => total.max(1).saturating_mul(100),
                v => total.saturating_add(v),
            };
            previous = Some(word);
        }
        seen.then_some(total)
    }

    /// Is `line` how a preambular paragraph opens: `Rappelant`, `Se félicitant`, `Ayant
    /// examiné`, `Profondément préoccupé`, `Guidé par`, `Recalling`, `Convinced that`?
    pub fn is_preambular_lead(&self, line: &str) -> bool {
        let words = &self.file.preamble;
        let mut tokens = line
            .split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
            .filter(|w| !w.is_empty());
        let Some(mut word) = tokens.next() else {
            return false;
        };
        if !word.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        if !words.reflexives.is_empty() && {
            let first = fold(word);
            words.reflexives.contains(&first)
        } {
            match tokens.next() {
                Some(next) => word = next,
                None => return false,
            }
        }
        let word = word.trim_end_matches([',', ':', ';']);
        let folded = fold(word);
        if words.leads.contains(&folded) {
            return true;
        }
        if words.lookalikes.contains(&folded) {
            return false;
        }
        let ends_with = |endings: &[String], w: &str| {
            endings
                .iter()
                .any(|e| w.ends_with(e.as_str()) && w.chars().count() >= e.chars().count() + 3)
        };
        if ends_with(&words.participle_endings, &folded) {
            return true;
        }
        let lower = word.to_lowercase();
        let next = tokens.next().map(fold).unwrap_or_default();
        let next = next.trim_end_matches(',');
        ends_with(&words.past_participle_endings, &lower)
            && words.after_past_participle.iter().any(|w| w == next)
    }

    /// The first date written `23 mars 2021`, `1er décembre 2025`, `1 December 2025` in
    /// `text`, with the byte offset in `text` just past it.
    pub fn find_date(&self, text: &str) -> Option<(NaiveDate, usize)> {
        let found = self
            .dates
            .iter()
            .flat_map(|re| re.captures_iter(text))
            .find_map(|caps| {
                let day = caps.name("day")?.as_str().parse::<u32>().ok()?;
                if !self.is_day_suffix(&fold(caps.name("suffix")?.as_str())) {
                    return None;
                }
                let month = self.month(&fold(caps.name("month")?.as_str()))?;
                let year = caps.name("year")?.as_str().parse::<i32>().ok()?;
                let date = NaiveDate::from_ymd_opt(year, month, day)?;
                let whole = caps.get(0)?;
                Some((whole.start(), date, whole.end()))
            });
        found.map(|(_, date, end)| (date, end))
    }
}

/// The largest char boundary of `text` at or before `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    (0..=at.min(text.len()))
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(0)
}

/// `I`, `IV`, `xxiii`: a Roman numeral (any case).
pub fn is_roman(word: &str) -> bool {
    !word.is_empty()
        && word.len() <= 8
        && word
            .bytes()
            .all(|b| matches!(b.to_ascii_uppercase(), b'I' | b'V' | b'X' | b'L' | b'C'))
}

#[cfg(test)]
mod tests;
