//! The help overlay: every binding of the keymap (the same table the keys go through), one row
//! per action and mode, then the query language, the screen's markers and the mouse; all
//! narrowed by what is typed.

use super::text::{inert, truncate};
use super::theme::Theme;
use crate::app::App;
use crate::app::help::rows;
use crate::app::layout::{help_area, help_rows};
use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

/// Below this inner width the overlay leaves out the config names, so that descriptions are
/// not the ones cut.
const NARROW: usize = 100;

/// Where the view is in the rows: `12–30 of 64`, or `all 20`.
fn position(scroll: usize, total: usize, visible: usize) -> String {
    if total <= visible {
        return format!("all {total}");
    }
    let last = (scroll + visible).min(total);
    format!("{}–{last} of {total}", scroll + 1)
}

pub fn render(frame: &mut Frame, app: &App, theme: &Theme) {
    let Some(help) = &app.help else { return };
    let screen = frame.area();
    let area = help_area(screen);
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
    for row in rows.iter().skip(help.scroll).take(help_rows(screen)) {
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
                position(help.scroll, rows.len(), help_rows(screen))
            ),
            theme.focused(),
        ));
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
