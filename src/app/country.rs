//! A country's history and agreement ranking in the vote pane: the roll calls of the current
//! filter, what `update` keeps of them, and how the query's `c:` and the chosen country follow
//! each other.
//!
//! **The current filter, for votes.** Without a query: every resolution's roll call
//! (`VoteStore::resolution_votes`). With one, a roll call joined to a text of the corpus (same
//! symbol) is in when that text is: the search's documents when the query has words, else the
//! documents its filters accept. A roll call only in imported records is in when the record
//! passes the same filters (session, year, body, symbol, `c:` through its cells) and every word
//! group matches its title. A `c:` naming the country itself is what chose it, not a narrowing:
//! it is left out of the filters (with words, the search's documents have it applied already).

use super::state::{App, Cursor, Pane, ReaderView};
use super::views::{History, Ranking};
use crate::corpus::symbol::Symbol;
use crate::corpus::{Ballot, ById, Resolution};
use crate::index::query::{CountryFilter, Filters, Query};
use crate::text::display::inert;
use crate::text::fold::fold;
use crate::votes::{
    Cast, CountryId, RollCall, RollCallId, VoteStore, history, ranking, shares_by_session,
};
use chrono::Datelike;
use std::collections::HashSet;
use std::ops::RangeInclusive;

/// The roll calls of the current filter for a view of `own` (see the module's comment).
pub fn roll_calls_in_filter(app: &App, own: CountryId) -> Vec<RollCallId> {
    let store = &app.vote_store;
    let all = store.resolution_votes();
    if !app.query.is_active() {
        return all;
    }
    let query = &app.query.parsed;
    let mut filters = query.filters.clone();
    filters
        .countries
        .retain(|c| c.code.as_deref() != Some(own.code()));
    let resolutions = &app.corpus.resolutions;
    let in_corpus: HashSet<Symbol> = resolutions
        .iter()
        .filter_map(Resolution::parsed_symbol)
        .collect();
    let chosen: HashSet<Symbol> = if app.query.has_terms() {
        let documents = app.query.result.iter().flat_map(|r| &r.documents);
        documents
            .filter_map(|(doc, _)| resolutions.by_id(*doc)?.parsed_symbol())
            .collect()
    } else {
        resolutions
            .iter()
            .filter(|r| filters.accepts_document(r))
            .filter_map(Resolution::parsed_symbol)
            .collect()
    };
    all.into_iter()
        .filter(|&id| match store.get(id) {
            Some(rc) => match rc.symbol {
                Some(symbol) if in_corpus.contains(&symbol) => chosen.contains(&symbol),
                _ => record_passes(store, id, rc, query, &filters),
            },
            None => false,
        })
        .collect()
}

fn within<T: PartialOrd>(range: Option<&RangeInclusive<T>>, value: Option<T>) -> bool {
    range.is_none_or(|r| value.is_some_and(|v| r.contains(&v)))
}

/// Whether a roll call known only from imported records passes the query.
fn record_passes(
    store: &VoteStore,
    id: RollCallId,
    rc: &RollCall,
    query: &Query,
    filters: &Filters,
) -> bool {
    let session = rc.session.as_deref().and_then(|s| s.parse::<u32>().ok());
    let symbol_ok = |wanted: &String| {
        fold(&rc.written).contains(wanted.as_str())
            || fold(&rc.shown_symbol()).contains(wanted.as_str())
    };
    let title = fold(rc.title.as_deref().unwrap_or(""));
    within(filters.sessions.as_ref(), session)
        && within(filters.years.as_ref(), rc.date.map(|d| d.year()))
        && (filters.body.is_none() || filters.body == rc.body)
        && filters.symbol.as_ref().is_none_or(symbol_ok)
        && filters.countries.iter().all(|c| cast_passes(store, id, c))
        && query
            .groups
            .iter()
            .all(|group| group.iter().any(|term| term.accepts(&title)))
}

/// `c:fra` (`=no`) on a record: the country took a position (that one).
fn cast_passes(store: &VoteStore, id: RollCallId, filter: &CountryFilter) -> bool {
    let Some(country) = filter.code.as_deref().and_then(CountryId::of_code) else {
        return false;
    };
    let cast = store.cast(id, country);
    match filter.ballot {
        None => cast.is_position(),
        Some(Ballot::Yes) => cast == Cast::Yes,
        Some(Ballot::No) => cast == Cast::No,
        Some(Ballot::Abstain) => cast == Cast::Abstain,
    }
}

/// Work the open history and ranking out again (the filter, the store or the country changed).
pub(super) fn refresh_votes(app: &mut App) {
    // The history and the ranking are mostly of one country: its roll calls are worked out once.
    let mut worked: Option<(CountryId, Vec<RollCallId>)> = None;
    if let Some(country) = app.votes.history.as_ref().map(|h| h.country) {
        let roll_calls = roll_calls_in_filter(app, country);
        let rows = history(&app.vote_store, country, &roll_calls);
        let shares = shares_by_session(&app.vote_store, &rows);
        if let Some(h) = &mut app.votes.history {
            h.rows = rows;
            h.shares = shares;
            let len = h.shown().len();
            h.cursor.clamp(len);
        }
        worked = Some((country, roll_calls));
    }
    if let Some(country) = app.votes.agreement.as_ref().map(|r| r.country) {
        let roll_calls = match worked {
            Some((same, roll_calls)) if same == country => roll_calls,
            _ => roll_calls_in_filter(app, country),
        };
        let rows = ranking(&app.vote_store, country, &roll_calls);
        if let Some(r) = &mut app.votes.agreement {
            r.cursor.clamp(rows.len());
            r.rows = rows;
        }
    }
}

/// The query names one country (`c:chine`): the history or ranking shown follows it; in the
/// breakdown, its row is selected if it is listed.
pub(super) fn follow_query_country(app: &mut App) {
    let codes: Vec<&str> = (app.query.parsed.filters.countries.iter())
        .filter_map(|c| c.code.as_deref())
        .collect();
    let [code] = codes.as_slice() else { return };
    let Some(id) = CountryId::of_code(code) else {
        return;
    };
    if let Some(ranking) = &mut app.votes.agreement {
        if ranking.country != id {
            *ranking = Ranking {
                least_first: ranking.least_first,
                ..Ranking::new(id)
            };
        }
    } else if let Some(history) = &mut app.votes.history {
        if history.country != id {
            *history = History {
                only_no: history.only_no,
                ..History::new(id)
            };
        }
    } else if let Some(at) =
        (app.ballots().iter()).position(|(c, _)| c.code.as_deref() == Some(id.code()))
    {
        app.votes.cursor.selected = at;
    }
}

/// Enter in the history: the row's resolution, if the corpus has its text.
pub(super) fn open_history_row(app: &mut App) {
    let Some(h) = &app.votes.history else { return };
    let Some(row) = h.shown().get(h.cursor.selected).copied() else {
        return;
    };
    let Some(rc) = app.vote_store.get(row.roll_call) else {
        return;
    };
    let shown = inert(&rc.shown_symbol()).into_owned();
    let doc = rc.symbol.and_then(|symbol| {
        (app.documents.rows.iter().copied())
            .find(|&d| app.resolution(d).and_then(Resolution::parsed_symbol) == Some(symbol))
    });
    if let Some(doc) = doc {
        app.select_doc(doc);
        app.reader.view = ReaderView::Document;
        app.focus = Pane::Reader;
        return;
    }
    let in_corpus = rc.symbol.is_some_and(|symbol| {
        (app.corpus.resolutions.iter()).any(|r| r.parsed_symbol() == Some(symbol))
    });
    app.message = Some(if in_corpus {
        format!("{shown}: its text is outside the query (the list does not show it)")
    } else {
        format!("{shown}: no text in the corpus, only the voting records")
    });
}

/// `a`: rank every country by agreement with the history's (or the selected) country; again:
/// least alike first.
pub(super) fn agreement(app: &mut App) {
    if let Some(ranking) = &mut app.votes.agreement {
        ranking.least_first = !ranking.least_first;
        ranking.cursor = Cursor::default();
        let order = if ranking.least_first { "least" } else { "most" };
        app.message = Some(format!("Agreement: {order} alike first"));
        return;
    }
    let from_history = app.votes.history.as_ref().map(|h| h.country);
    let selected = || {
        let (code, _) = app.selected_country()?;
        CountryId::of_code(&code?)
    };
    let Some(id) = from_history.or_else(selected) else {
        let pick = app.keymap.hint(app.key_mode(), &super::Action::PickCountry);
        app.message = Some(format!("No country: {pick} picks one"));
        return;
    };
    app.votes.agreement = Some(Ranking::new(id));
    app.focus = Pane::Votes;
    refresh_votes(app);
}

/// `x`: only the history's no votes, or every vote again.
pub(super) fn only_no(app: &mut App) {
    let Some(h) = &mut app.votes.history else {
        app.message = Some("Open a country's history first".to_string());
        return;
    };
    h.only_no = !h.only_no;
    h.cursor = Cursor::default();
    app.message = Some(
        if h.only_no {
            "Only its no votes"
        } else {
            "Every vote"
        }
        .to_string(),
    );
}
