//! Which roll calls a command or a pane works on: the resolution roll calls (one per
//! resolution) of the current filter — a query over the texts, and a window of sessions and
//! years over the roll calls themselves.
//!
//! A roll call whose resolution has a text in the corpus passes the query when its text does.
//! One that is only in the voting records has no text to search: it passes a query that asks
//! only what the record itself says (session, year, body, symbol, `v:`, `src:`, `c:` read in
//! its cells), and no query with words, a language or a paragraph kind.

use super::cast::{Cast, Origin};
use super::country::CountryId;
use super::store::{RollCall, RollCallId, VoteStore};
use crate::corpus::model::{Ballot, Resolution};
use crate::corpus::symbol::Symbol;
use crate::index::query::{CountryFilter, Filters, Query};
use crate::index::recorded::{RollCallSource, RollCallSources, VoteKey};
use crate::text::fold::fold;
use chrono::Datelike;
use std::collections::HashSet;
use std::ops::RangeInclusive;

/// Sessions and years over the roll calls (`--session`, `--from`, `--to`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Window {
    /// The session as the roll call writes it (`75`, `ES-10`), case ignored; a number also
    /// meets the session of the roll call's symbol.
    pub session: Option<String>,
    pub years: Option<RangeInclusive<i32>>,
}

impl Window {
    pub fn accepts(&self, rc: &RollCall) -> bool {
        let session_ok = self.session.as_deref().is_none_or(|wanted| {
            let wanted = wanted.trim();
            rc.session
                .as_deref()
                .is_some_and(|s| s.trim().eq_ignore_ascii_case(wanted))
                || session_number(rc).is_some_and(|n| wanted.parse() == Ok(n))
        });
        let year_ok = self
            .years
            .as_ref()
            .is_none_or(|years| rc.date.is_some_and(|d| years.contains(&d.year())));
        session_ok && year_ok
    }
}

fn session_number(rc: &RollCall) -> Option<u32> {
    rc.symbol
        .and_then(|s| s.session_number())
        .or_else(|| rc.session.as_deref()?.trim().parse().ok())
}

fn source_of(origin: Origin) -> RollCallSource {
    match origin {
        Origin::Text => RollCallSource::Text,
        Origin::Undl => RollCallSource::Undl,
        Origin::Voeten => RollCallSource::Voeten,
    }
}

/// The symbols with a roll call on the whole resolution, by source: what the index needs for
/// `v:` and `src:`.
pub fn sources_of(store: &VoteStore) -> RollCallSources {
    let mut sources = RollCallSources::default();
    for (_, rc) in store.iter() {
        if rc.scope == super::Scope::Resolution
            && let Some(symbol) = rc.symbol
        {
            sources.insert(symbol, source_of(rc.origin));
        }
    }
    sources
}

/// The query's answer: the symbols of the texts it matched, and of every text in the corpus.
#[derive(Debug, Clone, Default)]
pub struct TextMatches {
    pub matched: HashSet<Symbol>,
    pub in_corpus: HashSet<Symbol>,
}

impl TextMatches {
    /// `matched_docs`: the resolutions (of `resolutions`) the query matched.
    pub fn new<'a>(
        resolutions: &[Resolution],
        matched_docs: impl IntoIterator<Item = &'a Resolution>,
    ) -> TextMatches {
        TextMatches {
            matched: matched_docs
                .into_iter()
                .filter_map(Resolution::parsed_symbol)
                .collect(),
            in_corpus: resolutions
                .iter()
                .filter_map(Resolution::parsed_symbol)
                .collect(),
        }
    }
}

/// The resolution roll calls of `store` that pass `query` (with `texts`, what the index found
/// for it) and `window`, in the order added.
pub fn select(
    store: &VoteStore,
    query: Option<(&Query, &TextMatches)>,
    window: &Window,
) -> Vec<RollCallId> {
    let sources = query.map(|_| sources_of(store)).unwrap_or_default();
    store
        .resolution_votes()
        .into_iter()
        .filter(|&id| {
            let Some(rc) = store.get(id) else {
                return false;
            };
            window.accepts(rc)
                && query.is_none_or(|(query, texts)| match rc.symbol {
                    Some(s) if texts.in_corpus.contains(&s) => texts.matched.contains(&s),
                    _ => record_accepts(query, store, id, rc, &sources),
                })
        })
        .collect()
}

/// Whether a roll call without a text passes `query`, from what its record says.
fn record_accepts(
    query: &Query,
    store: &VoteStore,
    id: RollCallId,
    rc: &RollCall,
    sources: &RollCallSources,
) -> bool {
    let Filters {
        sessions,
        years,
        body,
        countries,
        paragraph_kind,
        symbol,
        language,
        vote,
        source,
    } = &query.filters;
    let symbol_ok = |wanted: &String| {
        fold(&rc.written).contains(wanted.as_str())
            || rc.symbol.is_some_and(|s| {
                let shown = s.to_string().to_ascii_lowercase();
                shown.contains(wanted.as_str()) || fold(&s.number()).contains(wanted.as_str())
            })
    };
    query.groups.is_empty()
        && paragraph_kind.is_none()
        && language.is_none()
        && sessions
            .as_ref()
            .is_none_or(|r| session_number(rc).is_some_and(|n| r.contains(&n)))
        && years
            .as_ref()
            .is_none_or(|r| rc.date.is_some_and(|d| r.contains(&d.year())))
        && body.is_none_or(|b| rc.body.or(rc.symbol.map(|s| s.body())) == Some(b))
        && symbol.as_ref().is_none_or(symbol_ok)
        && vote.is_none_or(|v| v == VoteKey::Recorded)
        && source.is_none_or(|wanted| {
            source_of(rc.origin) == wanted || rc.symbol.is_some_and(|s| sources.has(&s, wanted))
        })
        && countries.iter().all(|c| country_accepts(c, store, id))
}

/// `c:fra=no` read in a roll call's cells: a position taken (the wanted one).
fn country_accepts(filter: &CountryFilter, store: &VoteStore, id: RollCallId) -> bool {
    let Some(country) = filter.code.as_deref().and_then(CountryId::of_code) else {
        return false;
    };
    let cast = store.cast(id, country);
    let ballot = match cast {
        Cast::Yes => Ballot::Yes,
        Cast::No => Ballot::No,
        Cast::Abstain => Ballot::Abstain,
        _ => return false,
    };
    filter.ballot.is_none_or(|b| b == ballot)
}
