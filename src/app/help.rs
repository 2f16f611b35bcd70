//! What the help overlay lists: every binding of the keymap (the same table the keys go
//! through), one row per action and mode, then the query language, the screen's markers and the
//! mouse; all narrowed by what is typed. The overlay in `ui::help` draws these rows.

use super::keymap::Keymap;
use crate::text::fold::fold;

/// One row of the help: a section (a key mode, `search`, `screen`, `mouse`), what is typed or
/// seen, the action's config name (for keys) and the meaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRow {
    pub section: &'static str,
    pub keys: String,
    pub action: &'static str,
    pub description: &'static str,
}

impl HelpRow {
    pub fn text(&self) -> String {
        format!(
            "{:<7}{:<22}{:<17}{}",
            self.section, self.keys, self.action, self.description
        )
    }

    /// The row for a narrow overlay: the description before the config name, which goes
    /// (it is in config.toml).
    pub fn narrow(&self) -> String {
        format!("{:<7}{:<22}{}", self.section, self.keys, self.description)
    }
}

/// What the keymap does not hold besides the query language (`index::query::EXAMPLES`): the
/// markers the panes draw, and the mouse.
const MORE: &[(&str, &str, &str)] = &[
    ("screen", "▌", "the current paragraph (what y copies)"),
    ("screen", "▶", "the selected resolution"),
    (
        "screen",
        "(4¶)",
        "paragraphs of the resolution the query's words match",
    ),
    ("screen", "—", "nothing stated (no vote, no date)"),
    ("screen", "Y N A", "yes, no, abstain"),
    (
        "screen",
        "(stated)",
        "a count the text states, not a list of countries",
    ),
    (
        "screen",
        "⚠",
        "the vote lists disagree with the stated counts",
    ),
    ("screen", "…", "text cut to fit; z shows a pane alone"),
    (
        "screen",
        "█Y █N █A █absent",
        "% yes, no, abstain, absent per session, as a member",
    ),
    (
        "screen",
        "87.5%  120",
        "agreement (same 1, one abstains ½, opposite 0), common votes",
    ),
    (
        "mouse",
        "wheel, click",
        "scroll the pane under it; focus a pane (m turns it on)",
    ),
];

/// The rows whose text contains every word of `filter` (case and accents ignored).
pub fn rows(keymap: &Keymap, filter: &str) -> Vec<HelpRow> {
    let words: Vec<String> = fold(filter)
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let bindings = keymap.bindings().iter().map(|b| HelpRow {
        section: b.mode.name(),
        keys: b
            .keys
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        action: b.action.name(),
        description: b.action.description(),
    });
    let language = crate::index::query::EXAMPLES
        .iter()
        .map(|&(typed, meaning)| ("search", typed, meaning));
    let more = language
        .chain(MORE.iter().copied())
        .map(|(section, keys, description)| HelpRow {
            section,
            keys: keys.to_string(),
            action: "",
            description,
        });
    bindings
        .chain(more)
        .filter(|row| {
            let text = fold(&row.text());
            words.iter().all(|w| text.contains(w.as_str()))
        })
        .collect()
}
