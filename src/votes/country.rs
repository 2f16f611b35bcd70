//! A country as the vote store numbers it: its place in the country table
//! (`corpus::countries`, read from data), so a roll call is one row of small cells.

use crate::corpus::countries::{self, Country};
use std::collections::HashMap;
use std::sync::LazyLock;

/// Index of a State in [`countries::all`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryId(pub u16);

static BY_CODE: LazyLock<HashMap<&'static str, CountryId>> = LazyLock::new(|| {
    countries::all()
        .iter()
        .enumerate()
        .filter_map(|(i, c)| Some((c.code, CountryId(u16::try_from(i).ok()?))))
        .collect()
});

impl CountryId {
    /// The State with ISO alpha-3 `code` (upper case, as the table writes it; any case accepted).
    pub fn of_code(code: &str) -> Option<CountryId> {
        if let Some(&id) = BY_CODE.get(code) {
            return Some(id);
        }
        let upper = code.trim().to_ascii_uppercase();
        BY_CODE.get(upper.as_str()).copied()
    }

    pub fn of(country: &Country) -> Option<CountryId> {
        CountryId::of_code(country.code)
    }

    pub fn country(self) -> &'static Country {
        &countries::all()[usize::from(self.0)]
    }

    pub fn code(self) -> &'static str {
        self.country().code
    }

    /// How many countries the table has: the width of a roll call's row.
    pub fn count() -> usize {
        countries::all().len()
    }

    /// Every country, in table order.
    pub fn all() -> impl Iterator<Item = CountryId> {
        (0..CountryId::count()).filter_map(|i| u16::try_from(i).ok().map(CountryId))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_map_to_their_country() {
        let fra = CountryId::of_code("FRA").unwrap();
        assert_eq!(fra.code(), "FRA");
        assert_eq!(CountryId::of_code("fra"), Some(fra));
        assert_eq!(CountryId::of_code("XXX"), None);
        assert_eq!(CountryId::all().count(), CountryId::count());
    }
}
