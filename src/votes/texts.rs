//! The roll calls of the corpus's own texts: each resolution's recorded vote.

use super::cast::{Cast, Origin};
use super::country::CountryId;
use super::store::{RollCall, Totals, VoteStore};
use crate::corpus::model::{Adoption, Resolution};
use std::collections::HashSet;

/// One roll call per resolution with a recorded vote: a resolution in two languages is one
/// vote, its first version (in corpus order) with a recorded vote.
pub fn from_texts(resolutions: &[Resolution]) -> VoteStore {
    let mut store = VoteStore::new();
    let mut seen = HashSet::new();
    for r in resolutions {
        let Some(vote) = r
            .vote
            .as_ref()
            .filter(|v| v.adoption == Adoption::RecordedVote)
        else {
            continue;
        };
        if !seen.insert(
            r.parsed_symbol()
                .map_or_else(|| r.id().to_string(), |s| s.to_string()),
        ) {
            continue;
        }
        let mut rc = RollCall::new(r.id(), Origin::Text, r.source.path.clone());
        rc.symbol = r.parsed_symbol();
        rc.body = r.body;
        rc.session = r.session.map(|s| s.to_string());
        rc.date = r.adopted_on;
        rc.title.clone_from(&r.title);
        rc.totals = Totals {
            yes: vote.yes,
            no: vote.no,
            abstain: vote.abstain,
            non_voting: None,
        };
        let id = store.push(rc);
        for (country, ballot) in vote.ballots() {
            let Some(country) = country.code.as_deref().and_then(CountryId::of_code) else {
                continue;
            };
            let cast = match ballot {
                crate::corpus::model::Ballot::Yes => Cast::Yes,
                crate::corpus::model::Ballot::No => Cast::No,
                crate::corpus::model::Ballot::Abstain => Cast::Abstain,
            };
            store.set(id, country, cast);
        }
    }
    store
}
