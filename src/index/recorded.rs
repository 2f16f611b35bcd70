//! What the query's `v:` and `src:` keys ask of a resolution: whether it was adopted by a
//! recorded vote, and which sources hold a roll call on it. The texts say the first; the
//! imported voting records are not the index's to know, so the caller hands over
//! [`RollCallSources`] (the symbols with a roll call, by source).

use crate::corpus::model::{Adoption, Resolution};
use crate::corpus::symbol::Symbol;
use std::collections::HashMap;

/// `v:recorded` or `v:none`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoteKey {
    /// A roll call exists: the text's vote block says "recorded vote", or a record holds one.
    Recorded,
    /// The text says it was adopted without a vote, and no record holds a roll call on it.
    Without,
}

/// `src:text`, `src:undl`, `src:voeten`: where a roll call on the resolution was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RollCallSource {
    Text,
    Undl,
    Voeten,
}

impl RollCallSource {
    pub const ALL: [RollCallSource; 3] = [
        RollCallSource::Text,
        RollCallSource::Undl,
        RollCallSource::Voeten,
    ];

    /// As typed after `src:`.
    pub fn as_str(self) -> &'static str {
        match self {
            RollCallSource::Text => "text",
            RollCallSource::Undl => "undl",
            RollCallSource::Voeten => "voeten",
        }
    }

    pub fn parse(word: &str) -> Option<RollCallSource> {
        RollCallSource::ALL.into_iter().find(|s| s.as_str() == word)
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// The symbols with a roll call on the whole resolution, and from which sources.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RollCallSources {
    by_symbol: HashMap<Symbol, u8>,
}

impl RollCallSources {
    pub fn insert(&mut self, symbol: Symbol, source: RollCallSource) {
        *self.by_symbol.entry(symbol).or_default() |= source.bit();
    }

    pub fn has(&self, symbol: &Symbol, source: RollCallSource) -> bool {
        self.by_symbol
            .get(symbol)
            .is_some_and(|bits| bits & source.bit() != 0)
    }

    pub fn any(&self, symbol: &Symbol) -> bool {
        self.by_symbol.get(symbol).is_some_and(|bits| *bits != 0)
    }

    pub fn len(&self) -> usize {
        self.by_symbol.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_symbol.is_empty()
    }
}

fn text_recorded(r: &Resolution) -> bool {
    r.vote
        .as_ref()
        .is_some_and(|v| v.adoption == Adoption::RecordedVote)
}

/// Whether `r` passes `v:` (its text, then `sources`).
pub fn accepts_vote(r: &Resolution, key: VoteKey, sources: &RollCallSources) -> bool {
    let in_records = r.parsed_symbol().is_some_and(|s| sources.any(&s));
    match key {
        VoteKey::Recorded => text_recorded(r) || in_records,
        VoteKey::Without => {
            !in_records
                && r.vote
                    .as_ref()
                    .is_some_and(|v| v.adoption == Adoption::WithoutVote)
        }
    }
}

/// Whether a roll call on `r` was read from `source` (the text's own vote block counts as
/// `text` whether or not `sources` says so).
pub fn accepts_source(r: &Resolution, source: RollCallSource, sources: &RollCallSources) -> bool {
    (source == RollCallSource::Text && text_recorded(r))
        || r.parsed_symbol().is_some_and(|s| sources.has(&s, source))
}
