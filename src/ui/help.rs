//! The help overlay: every binding of the keymap (the same table the keys go through), one row
//! per action and mode, then the query language, the screen's markers and the mouse; all
//! narrowed by what is typed.

use super::text::{inert, truncate};
use super::theme::Theme;
use crate::app::App;
use crate::app::keymap::Keymap;
use crate::index::fold::fold;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

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
    fn text(&self) -> String {
        format!(
            "{:<7}{:<22}{:<17}{}",
            self.section, self.keys, self.action, self.description
        )
    }

    /// The row for a narrow overlay: the description before the config name, which goes
    /// (it is in config.toml).
    fn narrow(&self) -> String {
        format!("{:<7}{:<22}{}", self.section, self.keys, self.description)
    }
}

/// Below this inner width the overlay leaves out the config names, so that descriptions are
/// not the ones cut.
const NARROW: usize = 100;

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

/// Where the view is in the rows: `12–30 of 64`, or `all 20`.
fn position(scroll: usize, total: usize, visible: usize) -> String {
    if total <= visible {
        return format!("all {total}");
    }
    let last = (scroll + visible).min(total);
    format!("{}–{last} of {total}", scroll + 1)
}

/// The overlay's area on a screen.
pub fn area(screen: Rect) -> Rect {
    let width = screen.width.saturating_sub(4).min(110);
    let height = screen.height.saturating_sub(2);
    Rect::new(
        screen.x + (screen.width - width) / 2,
        screen.y + (screen.height - height) / 2,
        width,
        height,
    )
}

/// Rows of the table the overlay shows at once (inside the border, under the filter line and
/// the column heading).
pub fn visible_rows(screen: Rect) -> usize {
    usize::from(area(screen).height.saturating_sub(4))
}

pub fn render(frame: &mut Frame, app: &App, theme: &Theme) {
    let Some(help) = &app.help else { return };
    let screen = frame.area();
    let area = area(screen);
    let width = usize::from(area.width.saturating_sub(2));
    let rows = rows(&app.keymap, help.filter.text());
    let filter = format!("Filter: {}▏", inert(help.filter.text()));
    let mut lines = vec![
        Line::styled(truncate(&filter, width), theme.accent()),
        Line::styled(
            truncate(
                &if width < NARROW {
                    format!("{:<7}{:<22}{}", "mode", "keys", "what it does")
                } else {
                    format!(
                        "{:<7}{:<22}{:<17}{}",
                        "mode", "keys", "action", "what it does"
                    )
                },
                width,
            ),
            theme.bold(),
        ),
    ];
    for row in rows.iter().skip(help.scroll).take(visible_rows(screen)) {
        let text = if width < NARROW {
            row.narrow()
        } else {
            row.text()
        };
        lines.push(Line::raw(truncate(&text, width)));
    }
    if rows.is_empty() {
        lines.push(Line::styled("Nothing matches the filter.", theme.dim()));
    }
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.focused())
        .title(Line::styled(
            format!(
                " Help — type to filter · esc closes · keys are set in config.toml · {} ",
                position(help.scroll, rows.len(), visible_rows(screen))
            ),
            theme.focused(),
        ));
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
