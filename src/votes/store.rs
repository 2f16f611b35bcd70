//! The vote store: roll calls, each with one cell per country of the country table.
//!
//! A roll call is what one source says of one vote: the same resolution recorded by its text and
//! by an imported data set is two roll calls, both kept (`check` reports where they disagree);
//! [`VoteStore::resolution_votes`] picks the one that speaks for each resolution.

use super::cast::{Cast, Origin, Scope};
use super::country::CountryId;
use crate::corpus::model::Body;
use crate::corpus::symbol::Symbol;
use chrono::NaiveDate;
use std::collections::HashMap;

/// A roll call's place in the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RollCallId(pub u32);

/// Counts as the source states them (which may disagree with its cells: kept, not fixed).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub yes: Option<u32>,
    pub no: Option<u32>,
    pub abstain: Option<u32>,
    pub non_voting: Option<u32>,
}

/// One vote as one source records it.
#[derive(Debug, Clone, PartialEq)]
pub struct RollCall {
    /// The resolution's symbol, when the source names one that reads as a symbol.
    pub symbol: Option<Symbol>,
    /// The identifier as the source wrote it (`R/30/3379`, `A/RES/ES-10/21`, `44/18`).
    pub written: String,
    pub body: Option<Body>,
    /// The session as printed (`75`, `ES-10`, `XXX`), for grouping and display.
    pub session: Option<String>,
    pub date: Option<NaiveDate>,
    pub title: Option<String>,
    pub origin: Origin,
    pub scope: Scope,
    /// The file (a text's path, an imported file's path) and, for imports, its line.
    pub file: String,
    pub line: Option<u64>,
    pub totals: Totals,
    /// The source lists every member of the body that day (a GA or SC data set; an HRC vote
    /// whose lists fill the Council's seats): a country it leaves out was not a member.
    pub lists_every_member: bool,
}

impl RollCall {
    /// A roll call of `origin` on `written`, everything else unknown.
    pub fn new(written: impl Into<String>, origin: Origin, file: impl Into<String>) -> RollCall {
        let written = written.into();
        RollCall {
            symbol: Symbol::parse(&written),
            written,
            body: None,
            session: None,
            date: None,
            title: None,
            origin,
            scope: Scope::Resolution,
            file: file.into(),
            line: None,
            totals: Totals::default(),
            lists_every_member: false,
        }
    }

    /// The identifier to show: the symbol in UN form, else as written.
    pub fn shown_symbol(&self) -> String {
        self.symbol
            .map_or_else(|| self.written.clone(), |s| s.to_string())
    }
}

/// Every roll call read, and every country's cell on each.
#[derive(Debug, Clone, Default)]
pub struct VoteStore {
    roll_calls: Vec<RollCall>,
    /// Row-major: `width` cells per roll call, 0 for an empty cell (see [`Cast::to_byte`]).
    cells: Vec<u8>,
    width: usize,
    by_symbol: HashMap<Symbol, Vec<RollCallId>>,
}

impl VoteStore {
    pub fn new() -> VoteStore {
        VoteStore {
            width: CountryId::count(),
            ..VoteStore::default()
        }
    }

    /// Add a roll call with every cell empty.
    pub fn push(&mut self, roll_call: RollCall) -> RollCallId {
        if self.width == 0 {
            self.width = CountryId::count();
        }
        let id = RollCallId(u32::try_from(self.roll_calls.len()).unwrap_or(u32::MAX));
        if let Some(symbol) = roll_call.symbol {
            self.by_symbol.entry(symbol).or_default().push(id);
        }
        self.roll_calls.push(roll_call);
        self.cells.resize(self.cells.len() + self.width, 0);
        id
    }

    /// Record `cast` for `country`. `NotListed` empties the cell.
    pub fn set(&mut self, roll_call: RollCallId, country: CountryId, cast: Cast) {
        let byte = if cast == Cast::NotListed {
            0
        } else {
            cast.to_byte()
        };
        if let Some(cell) = self.cell_index(roll_call, country) {
            self.cells[cell] = byte;
        }
    }

    fn cell_index(&self, roll_call: RollCallId, country: CountryId) -> Option<usize> {
        let (row, column) = (roll_call.0 as usize, usize::from(country.0));
        (row < self.roll_calls.len() && column < self.width).then(|| row * self.width + column)
    }

    /// What `country` did on `roll_call`. An empty cell is `NotMember` when the roll call lists
    /// every member, else `NotListed`: never "absent" without the data saying so.
    pub fn cast(&self, roll_call: RollCallId, country: CountryId) -> Cast {
        let stored = self
            .cell_index(roll_call, country)
            .and_then(|i| Cast::from_byte(self.cells[i]));
        match stored {
            Some(cast) => cast,
            None if self.get(roll_call).is_some_and(|r| r.lists_every_member) => Cast::NotMember,
            None => Cast::NotListed,
        }
    }

    /// The cells of one roll call, in table order (0 = empty).
    pub fn row(&self, roll_call: RollCallId) -> &[u8] {
        let start = roll_call.0 as usize * self.width;
        self.cells.get(start..start + self.width).unwrap_or(&[])
    }

    pub fn get(&self, roll_call: RollCallId) -> Option<&RollCall> {
        self.roll_calls.get(roll_call.0 as usize)
    }

    pub fn len(&self) -> usize {
        self.roll_calls.len()
    }

    pub fn is_empty(&self) -> bool {
        self.roll_calls.is_empty()
    }

    /// Every roll call, in the order added.
    pub fn ids(&self) -> impl Iterator<Item = RollCallId> + '_ {
        (0..self.roll_calls.len()).filter_map(|i| u32::try_from(i).ok().map(RollCallId))
    }

    pub fn iter(&self) -> impl Iterator<Item = (RollCallId, &RollCall)> + '_ {
        self.ids().zip(&self.roll_calls)
    }

    /// Every roll call recorded on `symbol` (all sources, parts and amendments included).
    pub fn on_symbol(&self, symbol: &Symbol) -> &[RollCallId] {
        self.by_symbol.get(symbol).map_or(&[], Vec::as_slice)
    }

    /// The roll call that speaks for each resolution: votes on whole resolutions only, one per
    /// symbol (the source of best [`Origin::rank`], then the first added), and every roll call
    /// without a symbol. In the order added.
    pub fn resolution_votes(&self) -> Vec<RollCallId> {
        self.iter()
            .filter(|(_, r)| r.scope == Scope::Resolution)
            .filter(|(id, r)| {
                r.symbol.is_none_or(|s| {
                    self.on_symbol(&s)
                        .iter()
                        .filter_map(|&other| Some((other, self.get(other)?)))
                        .filter(|(_, o)| o.scope == Scope::Resolution)
                        .min_by_key(|(other, o)| (o.origin.rank(), *other))
                        .is_none_or(|(best, _)| best == *id)
                })
            })
            .map(|(id, _)| id)
            .collect()
    }

    /// Add every roll call of `other` (imported records joining the texts' votes).
    pub fn extend(&mut self, other: VoteStore) {
        let VoteStore {
            roll_calls, cells, ..
        } = other;
        let width = CountryId::count();
        for (roll_call, row) in roll_calls.into_iter().zip(cells.chunks(width.max(1))) {
            let id = self.push(roll_call);
            let start = id.0 as usize * self.width;
            self.cells[start..start + row.len()].copy_from_slice(row);
        }
    }

    /// Heap bytes held (for the memory figures of BENCH.md).
    pub fn heap_bytes(&self) -> usize {
        self.cells.capacity()
            + self.roll_calls.capacity() * std::mem::size_of::<RollCall>()
            + self
                .roll_calls
                .iter()
                .map(|r| r.written.len() + r.file.len() + r.title.as_ref().map_or(0, String::len))
                .sum::<usize>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(code: &str) -> CountryId {
        CountryId::of_code(code).unwrap()
    }

    #[test]
    fn an_empty_cell_is_not_listed_unless_every_member_is_listed() {
        let mut store = VoteStore::new();
        let partial = store.push(RollCall::new("A/HRC/RES/44/18", Origin::Text, "a.txt"));
        let mut full = RollCall::new("A/RES/75/1", Origin::Undl, "undl.csv");
        full.lists_every_member = true;
        let full = store.push(full);
        store.set(partial, id("FRA"), Cast::Yes);
        store.set(full, id("FRA"), Cast::Absent);
        assert_eq!(store.cast(partial, id("FRA")), Cast::Yes);
        assert_eq!(store.cast(partial, id("USA")), Cast::NotListed);
        assert_eq!(store.cast(full, id("FRA")), Cast::Absent);
        assert_eq!(store.cast(full, id("USA")), Cast::NotMember);
    }

    #[test]
    fn one_roll_call_speaks_for_a_resolution() {
        let mut store = VoteStore::new();
        let voeten = store.push(RollCall::new("A/RES/3379 (XXX)", Origin::Voeten, "v.csv"));
        let mut amendment = RollCall::new("A/RES/3379 (XXX)", Origin::Undl, "u.csv");
        amendment.scope = Scope::Amendment;
        let amendment = store.push(amendment);
        let undl = store.push(RollCall::new("A/RES/3379(XXX)", Origin::Undl, "u.csv"));
        let nameless = store.push(RollCall::new("", Origin::Voeten, "v.csv"));
        assert_eq!(
            store
                .on_symbol(&Symbol::parse("A/RES/3379 (XXX)").unwrap())
                .len(),
            3
        );
        assert_eq!(store.resolution_votes(), vec![undl, nameless]);
        assert!(!store.resolution_votes().contains(&voeten));
        assert!(!store.resolution_votes().contains(&amendment));
    }

    #[test]
    fn extend_keeps_cells() {
        let mut texts = VoteStore::new();
        texts.push(RollCall::new("A/HRC/RES/44/18", Origin::Text, "a.txt"));
        let mut imported = VoteStore::new();
        let rc = imported.push(RollCall::new("A/RES/75/1", Origin::Undl, "u.csv"));
        imported.set(rc, id("CHN"), Cast::No);
        texts.extend(imported);
        assert_eq!(texts.len(), 2);
        assert_eq!(texts.cast(RollCallId(1), id("CHN")), Cast::No);
        assert_eq!(texts.cast(RollCallId(0), id("CHN")), Cast::NotListed);
    }
}
