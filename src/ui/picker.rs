//! The country picker popup: what is typed, then the matching countries (code, English name,
//! French name, `former` for a State that no longer exists), the selected one reversed.

use super::text::{inert, marked_row, truncate};
use super::theme::Theme;
use crate::app::App;
use crate::app::layout::{picker_area, picker_rows};
use crate::app::views::matches;
use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

pub fn render(frame: &mut Frame, app: &App, theme: &Theme) {
    let Some(picker) = &app.picker else { return };
    let screen = frame.area();
    let area = picker_area(screen);
    let width = usize::from(area.width.saturating_sub(2));
    let found = matches(picker.filter.text());
    let filter = format!("Country: {}▏", inert(picker.filter.text()));
    let mut lines = vec![
        Line::styled(truncate(&filter, width), theme.accent()),
        Line::styled(
            truncate(
                "code  English · French (aliases and old names match too)",
                width,
            ),
            theme.dim(),
        ),
    ];
    let rows = usize::from(picker_rows(app.size));
    for (at, id) in found
        .iter()
        .enumerate()
        .skip(picker.cursor.offset)
        .take(rows)
    {
        let country = id.country();
        let selected = at == picker.cursor.selected;
        let former = if country.is_historical() {
            " (former)"
        } else {
            ""
        };
        let text = format!("{:<5}{} · {}{former}", country.code, country.en, country.fr);
        lines.push(marked_row(&text, selected, theme.selected(), width));
    }
    if found.is_empty() {
        lines.push(Line::styled("No country matches.", theme.dim()));
    }
    let position = if found.is_empty() {
        "none".to_string()
    } else {
        format!("{} of {}", picker.cursor.selected + 1, found.len())
    };
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.focused())
        .title(Line::styled(
            format!(" Pick a country — enter: its votes · esc closes · {position} "),
            theme.focused(),
        ));
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
