//! The country picker: a popup reached from any pane, fuzzy over every name the country table
//! knows (English, French, aliases, codes, historical names), accents and case ignored. Its
//! filter is typed through `update` like the query; Enter opens the chosen country's history.

use super::action::Command;
use super::choose::choose_country;
use super::state::{App, InputTarget};
use super::views::Picker;
use super::views::matches;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::countries;
    use crate::votes::CountryId;

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
