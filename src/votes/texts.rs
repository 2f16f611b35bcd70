//! The roll calls of the corpus's own texts: each resolution's recorded vote.

use super::cast::{Cast, Origin};
use super::country::CountryId;
use super::seats;
use super::store::{RollCall, Totals, VoteStore};
use crate::corpus::model::{Adoption, Ballot, Resolution, Vote};
use std::collections::HashSet;

/// One roll call per resolution with a recorded vote: a resolution in two languages is one
/// vote, its first version (in corpus order) with a recorded vote. A vote whose lists fill the
/// body's seats that day (see [`fills_the_seats`]) lists every member: a State it leaves out was
/// not a member; any other leaves it "not listed". General Assembly texts never print their
/// vote's lists, so they give no roll call here.
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
        rc.lists_every_member = fills_the_seats(r, vote);
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
                Ballot::Yes => Cast::Yes,
                Ballot::No => Cast::No,
                Ballot::Abstain => Cast::Abstain,
            };
            store.set(id, country, cast);
        }
    }
    store
}

/// Whether `vote`'s three lists name every seat of the body on the adoption day: each name read
/// as a country, no State twice, as many States as seats ([`seats::on`], from data), and the
/// stated counts (when printed) equal to the lists. Anything short of that says nothing about
/// who else sat.
pub fn fills_the_seats(r: &Resolution, vote: &Vote) -> bool {
    let (Some(body), Some(date)) = (r.body, r.adopted_on) else {
        return false;
    };
    let Some(seats) = seats::on(body, date) else {
        return false;
    };
    let stated_agree = [
        (vote.yes, vote.in_favour.len()),
        (vote.no, vote.against.len()),
        (vote.abstain, vote.abstaining.len()),
    ]
    .into_iter()
    .all(|(stated, listed)| stated.is_none_or(|n| usize::try_from(n).ok() == Some(listed)));
    let mut states = HashSet::new();
    let all_read = vote.ballots().all(|(country, _)| {
        country
            .code
            .as_deref()
            .and_then(CountryId::of_code)
            .is_some_and(|id| states.insert(id))
    });
    stated_agree && all_read && usize::try_from(seats).ok() == Some(states.len())
}

#[cfg(test)]
#[path = "texts/tests.rs"]
mod tests;
