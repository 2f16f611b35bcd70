//! The vote pane's country views and the country picker, as plain state: what `update` keeps
//! of a country's history and agreement ranking (worked out in `country`) and of the picker's
//! popup (`picker`).

use super::cursor::{Cursor, LineEdit};
use crate::corpus::countries;
use crate::text::fold::fold;
use crate::votes::{Agreement, Cast, CountryId, HistoryRow, SessionShares};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use std::collections::HashSet;

/// The popup's state: what is typed and the selected match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Picker {
    pub filter: LineEdit,
    pub cursor: Cursor,
}

/// One country's vote on every roll call of the current filter, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct History {
    pub country: CountryId,
    pub rows: Vec<HistoryRow>,
    /// Per session, over every row (the chart does not change with `only_no`).
    pub shares: Vec<SessionShares>,
    /// Show only the rows where it voted no.
    pub only_no: bool,
    /// Over the rows shown.
    pub cursor: Cursor,
}

impl History {
    pub fn new(country: CountryId) -> History {
        History {
            country,
            rows: Vec::new(),
            shares: Vec::new(),
            only_no: false,
            cursor: Cursor::default(),
        }
    }

    /// The rows shown: every row, or its no votes.
    pub fn shown(&self) -> Vec<HistoryRow> {
        self.rows
            .iter()
            .filter(|r| !self.only_no || r.cast == Cast::No)
            .copied()
            .collect()
    }
}

/// Every other country by agreement with one, over the current filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranking {
    pub country: CountryId,
    /// Most alike first, as `votes::ranking` gives them.
    pub rows: Vec<(CountryId, Agreement)>,
    /// Show the least alike first.
    pub least_first: bool,
    pub cursor: Cursor,
}

impl Ranking {
    pub fn new(country: CountryId) -> Ranking {
        Ranking {
            country,
            rows: Vec::new(),
            least_first: false,
            cursor: Cursor::default(),
        }
    }

    /// The rows in the order shown.
    pub fn shown(&self) -> Vec<(CountryId, Agreement)> {
        let mut rows = self.rows.clone();
        if self.least_first {
            rows.reverse();
        }
        rows
    }
}

/// The countries `filter` finds, best first. Empty: every country by English name. Otherwise
/// the table's own matches first (an exact code or name, then names a word of which starts with
/// what is typed: `countries::candidates`, as `c:` and `resolu votes` read a country), then the
/// fuzzy matches of any name, best score first (`chn`, `etats unis`, `urss`).
pub fn matches(filter: &str) -> Vec<CountryId> {
    let wanted = fold(filter.trim());
    if wanted.is_empty() {
        let mut all: Vec<CountryId> = CountryId::all().collect();
        all.sort_by_cached_key(|id| fold(id.country().en));
        return all;
    }
    let mut out: Vec<CountryId> = countries::candidates(filter)
        .into_iter()
        .filter_map(CountryId::of)
        .collect();
    let mut seen: HashSet<CountryId> = out.iter().copied().collect();
    let matcher = SkimMatcherV2::default().ignore_case();
    let mut fuzzy: Vec<(i64, String, CountryId)> = CountryId::all()
        .filter(|id| !seen.contains(id))
        .filter_map(|id| {
            let c = id.country();
            let names = [c.code, c.en, c.fr]
                .into_iter()
                .chain(c.aliases.iter().copied());
            let best = names
                .filter_map(|name| matcher.fuzzy_match(&fold(name), &wanted))
                .max()?;
            Some((best, fold(c.en), id))
        })
        .collect();
    fuzzy.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    for (_, _, id) in fuzzy {
        if seen.insert(id) {
            out.push(id);
        }
    }
    out
}
