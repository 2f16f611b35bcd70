//! The help overlay: every binding of the keymap (the same table the keys go through), one row
//! per action and mode, narrowed by what is typed.

use super::text::{inert, truncate};
use super::theme::Theme;
use crate::app::App;
use crate::app::keymap::{KeyMode, Keymap};
use crate::index::fold::fold;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

/// One row of the help: a mode, its keys for an action, the action's config name and meaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRow {
    pub mode: KeyMode,
    pub keys: String,
    pub action: &'static str,
    pub description: &'static str,
}

impl HelpRow {
    fn text(&self) -> String {
        format!(
            "{:<7}{:<22}{:<17}{}",
            self.mode.name(),
            self.keys,
            self.action,
            self.description
        )
    }
}

/// The rows whose text contains every word of `filter` (case and accents ignored).
pub fn rows(keymap: &Keymap, filter: &str) -> Vec<HelpRow> {
    let words: Vec<String> = fold(filter)
        .split_whitespace()
        .map(str::to_string)
        .collect();
    keymap
        .bindings()
        .iter()
        .map(|b| HelpRow {
            mode: b.mode,
            keys: b
                .keys
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            action: b.action.name(),
            description: b.action.description(),
        })
        .filter(|row| {
            let text = fold(&row.text());
            words.iter().all(|w| text.contains(w.as_str()))
        })
        .collect()
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
                &format!(
                    "{:<7}{:<22}{:<17}{}",
                    "mode", "keys", "action", "what it does"
                ),
                width,
            ),
            theme.bold(),
        ),
    ];
    for row in rows.iter().skip(help.scroll).take(visible_rows(screen)) {
        lines.push(Line::raw(truncate(&row.text(), width)));
    }
    if rows.is_empty() {
        lines.push(Line::styled("No key matches the filter.", theme.dim()));
    }
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.focused())
        .title(Line::styled(
            " Keys — type to filter · esc closes · set them in config.toml ",
            theme.focused(),
        ));
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
