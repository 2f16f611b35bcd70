//! The country picker: a popup reached from any pane, fuzzy over every name the country table
//! knows (English, French, aliases, codes, historical names), accents and case ignored. Its
//! filter is typed through `update` like the query; Enter opens the chosen country's history.

use super::action::Command;
use super::country::choose_country;
use super::state::{App, Cursor, InputTarget, LineEdit};
use crate::corpus::countries;
use crate::text::fold::fold;
use crate::votes::CountryId;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use std::collections::HashSet;

/// The popup's state: what is typed and the selected match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Picker {
    pub filter: LineEdit,
    pub cursor: Cursor,
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

/// Open the popup (from any pane), or close it.
pub(super) fn toggle(app: &mut App) {
    if app.picker.take().is_some() {
        app.input = None;
        return;
    }
    app.help = None;
    app.picker = Some(Picker::default());
    app.input = Some(InputTarget::CountryPicker);
}

/// Enter: the selected match's history.
pub(super) fn accept(app: &mut App) -> Option<Command> {
    let picker = app.picker.take()?;
    app.input = None;
    if let Some(&id) = matches(picker.filter.text()).get(picker.cursor.selected) {
        return choose_country(app, id);
    }
    app.message = Some("No country matches".to_string());
    None
}

/// Up, down and the page keys in the popup.
pub(super) fn move_by(app: &mut App, delta: isize) {
    if let Some(picker) = &mut app.picker {
        let len = matches(picker.filter.text()).len();
        picker.cursor.move_by(delta, len);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(filter: &str) -> Vec<&'static str> {
        matches(filter).into_iter().map(CountryId::code).collect()
    }

    #[test]
    fn names_codes_and_old_names_find_their_country() {
        // Each expected answer is looked up in the table, not typed from memory.
        let first = |filter: &str| codes(filter).first().copied();
        let china = countries::lookup("China").map(|c| c.code);
        assert_eq!(first("chine"), china);
        assert_eq!(first("CHN"), china);
        let germany = countries::lookup("Allemagne").map(|c| c.code);
        assert_eq!(first("allemagne"), germany);
        assert_eq!(first("germany"), germany);
        // Accents are ignored both ways.
        let cote = countries::lookup("Côte d'Ivoire").map(|c| c.code);
        assert_eq!(first("cote d'ivoire"), cote);
        // Fuzzy: letters in order, not a prefix.
        assert!(
            codes("untd kngdm").contains(&"GBR"),
            "{:?}",
            codes("untd kngdm")
        );
        // Historical States are in the table and found.
        let historical = CountryId::all().find(|id| id.country().is_historical());
        if let Some(old) = historical {
            assert!(codes(old.country().en).contains(&old.code()));
        }
    }

    #[test]
    fn an_empty_filter_lists_every_country_and_nonsense_nothing() {
        assert_eq!(matches("").len(), CountryId::count());
        assert!(matches("zzqqxx").is_empty());
    }
}
