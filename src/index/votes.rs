//! Who voted how, inverted: for each country code and each folded country name as printed, the
//! documents where it voted yes, no or abstained. A `c:` filter becomes a few bitset unions
//! instead of a pass over every vote list of the corpus.

use super::query::CountryFilter;
use crate::corpus::{Ballot, Resolution};
use crate::text::fold::fold;
use fixedbitset::FixedBitSet;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// Documents per ballot: yes, no, abstain.
type ByBallot = [FixedBitSet; 3];

fn slot(ballot: Ballot) -> usize {
    match ballot {
        Ballot::Yes => 0,
        Ballot::No => 1,
        Ballot::Abstain => 2,
    }
}

#[derive(Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteIndex {
    documents: usize,
    #[serde(with = "super::stored::bits::map3")]
    by_code: FxHashMap<String, ByBallot>,
    #[serde(with = "super::stored::bits::map3")]
    by_name: FxHashMap<String, ByBallot>,
}

impl VoteIndex {
    /// The bytes its bit sets and keys hold on the heap.
    pub fn heap_bytes(&self) -> usize {
        let by_ballot = |b: &ByBallot| b.iter().map(|set| set.len().div_ceil(8)).sum::<usize>();
        self.by_code
            .iter()
            .chain(&self.by_name)
            .map(|(key, ballots)| key.len() + by_ballot(ballots))
            .sum()
    }

    /// Whether it can answer for a corpus of `documents` documents without going out of bounds
    /// (a vote index read from a file is checked so before use).
    pub(super) fn fits(&self, documents: usize) -> bool {
        self.documents == documents
            && self
                .by_code
                .values()
                .chain(self.by_name.values())
                .flatten()
                .all(|set| set.len() == documents && super::stored::clean_tail(set))
    }

    pub fn build(resolutions: &[Resolution]) -> VoteIndex {
        let documents = resolutions.len();
        let empty =
            || -> ByBallot { std::array::from_fn(|_| FixedBitSet::with_capacity(documents)) };
        let mut index = VoteIndex {
            documents,
            ..VoteIndex::default()
        };
        for (doc, r) in resolutions.iter().enumerate() {
            let Some(vote) = &r.vote else { continue };
            for (country, ballot) in vote.ballots() {
                if let Some(code) = &country.code {
                    index.by_code.entry(code.clone()).or_insert_with(empty)[slot(ballot)]
                        .insert(doc);
                }
                index
                    .by_name
                    .entry(fold(&country.name))
                    .or_insert_with(empty)[slot(ballot)]
                .insert(doc);
            }
        }
        index
    }

    /// Documents that `filter` accepts: the country is listed (with the wanted ballot). An
    /// unresolved name matches every printed name containing it, as `CountryFilter::accepts`.
    pub fn documents(&self, filter: &CountryFilter) -> FixedBitSet {
        let mut out = FixedBitSet::with_capacity(self.documents);
        let mut add = |sets: &ByBallot| match filter.ballot {
            Some(b) => out.union_with(&sets[slot(b)]),
            None => sets.iter().for_each(|s| out.union_with(s)),
        };
        match &filter.code {
            Some(code) => {
                if let Some(sets) = self.by_code.get(code) {
                    add(sets);
                }
            }
            None => self
                .by_name
                .iter()
                .filter(|(name, _)| name.contains(filter.raw.as_str()))
                .for_each(|(_, sets)| add(sets)),
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load::load_embedded;
    use crate::index::query::parse;

    #[test]
    fn agrees_with_the_filter_on_every_document() {
        let corpus = load_embedded();
        let index = VoteIndex::build(&corpus.resolutions);
        for q in [
            "c:fra",
            "c:fra=no",
            "c:fra=yes",
            "c:civ=yes",
            "c:guin",
            "c:narnia",
            "c:usa=no",
        ] {
            let filter = &parse(q).filters.countries[0];
            let docs = index.documents(filter);
            for (doc, r) in corpus.resolutions.iter().enumerate() {
                assert_eq!(
                    docs.contains(doc),
                    filter.accepts(r.vote.as_ref()),
                    "{q} {}",
                    r.id()
                );
            }
        }
    }
}
