//! The search query language: `coop | solidarite "droits de l'homme" s:40..46 c:fra=no` parsed
//! once into a [`Query`] (terms and filters), plus the pure tests the index runs with it.
//!
//! Parsing never fails: what cannot be understood is searched as text or dropped, and a hint
//! says so. Everything is folded with [`fold`] first, so case, accents, apostrophe and dash
//! variants never matter. A `"` anywhere in a word opens a quoted span that runs to the next `"`
//! (or the end); `“ ” « »` count as `"`.

use std::ops::RangeInclusive;

use chrono::Datelike;

use crate::corpus::model::{Ballot, Body, Language, ParagraphKind, Resolution, Vote};
use crate::index::recorded::{self, RollCallSource, RollCallSources, VoteKey};
use crate::text::fold::{fold, words};

mod parse;
mod words;

pub use parse::{MAX_ATOMS, parse, too_many_atoms};
pub use words::{MAX_QUERY_BYTES, too_many_bytes};

/// How a term meets a paragraph's folded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    /// `coop`: scored by the fuzzy matcher (never negated: `!coop` is a negated `Exact`).
    Fuzzy,
    /// `'coop`: substring.
    Exact,
    /// `^decide`: the paragraph starts with it.
    Prefix,
    /// `question$`: the paragraph ends with it.
    Suffix,
    /// `^text$`: the whole paragraph.
    Whole,
    /// `"a phrase"`: these whole words, consecutive (`"vaccins"` is a whole-word search).
    Phrase,
}

/// One word or phrase of the query, folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub text: String,
    pub kind: TermKind,
    /// `!term`: the paragraph must not match it.
    pub negated: bool,
}

/// Restrictions that are not text: which documents, which paragraphs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub sessions: Option<RangeInclusive<u32>>,
    pub years: Option<RangeInclusive<i32>>,
    pub body: Option<Body>,
    /// Every one must hold (`c:fra c:deu` = both voted).
    pub countries: Vec<CountryFilter>,
    pub paragraph_kind: Option<ParagraphKind>,
    /// Folded, in the canonical spelling when it reads as a symbol or a number
    /// (`a/res/2453 (xxiii)`); a substring of the symbol or the number, as printed or canonical.
    pub symbol: Option<String>,
    pub language: Option<Language>,
    /// `v:recorded`, `v:none`.
    pub vote: Option<VoteKey>,
    /// `src:undl`: a roll call read from that source.
    pub source: Option<RollCallSource>,
}

/// `c:fra=no`: a country listed in the recorded vote, and optionally how it voted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryFilter {
    /// ISO alpha-3 code when the name resolved to exactly one country.
    pub code: Option<String>,
    /// The name as typed, folded and unquoted; matched against vote-list names when `code` is
    /// `None`.
    pub raw: String,
    pub ballot: Option<Ballot>,
}

/// A parsed query: an AND of OR-groups of terms, filters, and hints for the user.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub groups: Vec<Vec<Term>>,
    pub filters: Filters,
    /// What was not understood and what was done instead, one sentence each, no duplicates.
    pub hints: Vec<String>,
}

impl Query {
    /// The query asks about roll calls (`v:`, `src:`): the vote store's sources answer it.
    pub fn asks_roll_calls(&self) -> bool {
        self.filters.vote.is_some() || self.filters.source.is_some()
    }

    /// No terms and no filters: everything matches.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty() && self.filters == Filters::default()
    }

    /// Terms a paragraph should contain (the ones to score and highlight).
    pub fn positive_terms(&self) -> impl Iterator<Item = &Term> {
        self.groups.iter().flatten().filter(|t| !t.negated)
    }

    /// Terms a paragraph must not contain.
    pub fn negative_terms(&self) -> impl Iterator<Item = &Term> {
        self.groups.iter().flatten().filter(|t| t.negated)
    }
}

impl Term {
    /// Whether `folded_text` matches this term's kind, ignoring `negated` (see [`Term::accepts`]).
    /// `Fuzzy` tests a plain substring: fuzzy scoring belongs to the search module. `Prefix`,
    /// `Suffix` and `Whole` also accept the text without the punctuation and spaces around it
    /// (`…de la question.` ends with `question`; `« a ».` is wholly `a`).
    pub fn matches(&self, folded_text: &str) -> bool {
        let text = self.text.as_str();
        match self.kind {
            TermKind::Fuzzy | TermKind::Exact => folded_text.contains(text),
            TermKind::Prefix => {
                let start = folded_text.trim_start_matches(|c: char| !c.is_alphanumeric());
                folded_text.starts_with(text) || start.starts_with(text)
            }
            TermKind::Suffix => {
                let end = folded_text.trim_end_matches(|c: char| !c.is_alphanumeric());
                folded_text.ends_with(text) || end.ends_with(text)
            }
            TermKind::Whole => {
                let inner = folded_text.trim_matches(|c: char| !c.is_alphanumeric());
                folded_text == text || inner == text
            }
            TermKind::Phrase => contains_phrase(folded_text, text),
        }
    }

    /// `matches`, inverted for a negated term: whether the paragraph passes this term.
    pub fn accepts(&self, folded_text: &str) -> bool {
        self.matches(folded_text) != self.negated
    }
}

fn contains_phrase(text: &str, phrase: &str) -> bool {
    let wanted: Vec<&str> = words(phrase).collect();
    if wanted.is_empty() {
        return text.contains(phrase);
    }
    let have: Vec<&str> = words(text).collect();
    have.windows(wanted.len()).any(|w| w == wanted.as_slice())
}

impl Filters {
    /// Whether a document passes every document-level filter (all but the paragraph kind). A
    /// document missing the field a filter asks about (no session, no vote…) does not pass.
    /// `v:` and `src:` know only the text's own vote here: see
    /// [`Filters::accepts_document_with`].
    pub fn accepts_document(&self, r: &Resolution) -> bool {
        self.accepts_document_with(r, &RollCallSources::default())
    }

    /// [`Filters::accepts_document`], with the roll calls of imported records for `v:` and
    /// `src:`.
    pub fn accepts_document_with(&self, r: &Resolution, sources: &RollCallSources) -> bool {
        let symbol_ok = |wanted: &String| {
            let as_printed = [&r.symbol, &r.number]
                .into_iter()
                .flatten()
                .any(|s| fold(s).contains(wanted.as_str()));
            // A symbol printed another way (`A/RES/2453(XXIII)`) meets its canonical spelling.
            as_printed
                || r.parsed_symbol()
                    .is_some_and(|s| s.to_string().to_ascii_lowercase().contains(wanted.as_str()))
        };
        within(self.sessions.as_ref(), r.session)
            && within(self.years.as_ref(), r.adopted_on.map(|d| d.year()))
            && (self.body.is_none() || self.body == r.body)
            && (self.language.is_none() || self.language == r.language)
            && self.symbol.as_ref().is_none_or(symbol_ok)
            && self.countries.iter().all(|c| c.accepts(r.vote.as_ref()))
            && self
                .vote
                .is_none_or(|key| recorded::accepts_vote(r, key, sources))
            && self
                .source
                .is_none_or(|source| recorded::accepts_source(r, source, sources))
    }

    pub fn accepts_paragraph_kind(&self, kind: ParagraphKind) -> bool {
        self.paragraph_kind.is_none_or(|wanted| wanted == kind)
    }
}

fn within<T: PartialOrd>(range: Option<&RangeInclusive<T>>, value: Option<T>) -> bool {
    range.is_none_or(|r| value.is_some_and(|v| r.contains(&v)))
}

impl CountryFilter {
    /// Listed in `vote` (with the wanted ballot); an unresolved name matches every listed name
    /// that contains it, so `c:guin` finds any Guinea.
    pub fn accepts(&self, vote: Option<&Vote>) -> bool {
        let Some(vote) = vote else { return false };
        let wanted = |b: Ballot| self.ballot.is_none_or(|w| w == b);
        match &self.code {
            Some(code) => vote.ballot_of(code).is_some_and(wanted),
            None => vote
                .ballots()
                .any(|(c, b)| wanted(b) && fold(&c.name).contains(self.raw.as_str())),
        }
    }
}

/// The query language by example, for `resolu --help`, the manual page and the help overlay:
/// what is typed and what it means.
pub const EXAMPLES: &[(&str, &str)] = &[
    ("coop", "fuzzy: words starting so, typos forgiven"),
    ("'operation", "exact substring, also inside a word"),
    ("^decide  question$", "the paragraph starts / ends with it"),
    ("\"droits de l'homme\"", "these words, consecutive"),
    ("!covid", "the paragraph must not contain it"),
    ("solidarite | cooperation", "either"),
    ("s:44  s:40..46", "session"),
    ("y:2020  y:2018..2021", "adoption year"),
    ("b:hrc  b:ga", "body (also b:sc, b:chr, b:ecosoc)"),
    (
        "c:fra  c:\"cote d'ivoire\"",
        "a country named in the recorded vote",
    ),
    ("c:fra=no", "… and how it voted (=yes, =no, =abstain)"),
    ("op:  pp:", "operative or preambular paragraphs only"),
    (
        "sym:44/18  lang:fr",
        "symbol or number (any spelling), language",
    ),
    (
        "v:recorded  v:none",
        "adopted by a recorded vote / without a vote",
    ),
    (
        "src:text  src:undl  src:voeten",
        "a roll call from the text / imported records",
    ),
];

#[cfg(test)]
mod tests;
