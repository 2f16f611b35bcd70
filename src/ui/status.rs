//! The status bar (bottom): the mode, what the list holds or what the search found and how long it
//! took, a message, and key hints drawn from the keymap.

use super::text::truncate;
use super::theme::Theme;
use crate::app::{Action, App, IndexStatus, InputTarget};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::time::Duration;

fn mode(app: &App) -> &'static str {
    if app.help.is_some() {
        return "HELP";
    }
    match app.input {
        Some(InputTarget::Query) => "QUERY",
        Some(InputTarget::CountryFilter) => "COUNTRY",
        Some(InputTarget::CountryPicker) => "PICK",
        None => "NORMAL",
    }
}

pub fn duration(elapsed: Duration) -> String {
    let micros = elapsed.as_micros();
    if micros < 1000 {
        format!("{micros} µs")
    } else {
        format!("{:.1} ms", elapsed.as_secs_f64() * 1000.0)
    }
}

fn info(app: &App) -> String {
    if let Some(message) = &app.message {
        return message.clone();
    }
    // Resolutions, not documents: the versions of one symbol count once.
    let count = app.versions.resolution_count();
    let mut parts = Vec::new();
    match app.index {
        IndexStatus::Loading => parts.push(match app.loading {
            Some(progress) => super::load_line(progress),
            None => "reading the corpus…".to_string(),
        }),
        IndexStatus::Building => parts.push("indexing…".to_string()),
        IndexStatus::Ready { .. } => {}
    }
    if !app.query.is_active() {
        parts.push(crate::plural::count(count, "resolution", "resolutions"));
    } else if app.query.pending() {
        parts.push("searching…".to_string());
    } else if let Some(result) = &app.query.result {
        let time = app.query.elapsed.map(duration).unwrap_or_default();
        parts.push(format!(
            "{} in {} of {} · {time}",
            crate::plural::count(result.total, "paragraph", "paragraphs"),
            app.documents.rows.len(),
            crate::plural::count(count, "resolution", "resolutions")
        ));
    }
    if !app.corpus.problems.is_empty() {
        parts.push(crate::plural::count(
            app.corpus.problems.len(),
            "file unreadable",
            "files unreadable",
        ));
    }
    parts.join(" · ")
}

fn hints(app: &App) -> String {
    let mode = app.key_mode();
    let actions: &[(Action, &str)] = if app.key_mode() == crate::app::KeyMode::Normal {
        &[
            (Action::Help, "help"),
            (Action::Search, "search"),
            (Action::Quit, "quit"),
        ]
    } else if app.input == Some(InputTarget::Query) && !app.history.entries().is_empty() {
        &[
            (Action::HistoryPrevious, "earlier"),
            (Action::Accept, "done"),
            (Action::Back, "back"),
        ]
    } else {
        &[(Action::Accept, "done"), (Action::Back, "back")]
    };
    actions
        .iter()
        .map(|(action, label)| format!("{} {label}", app.keymap.hint(mode, action)))
        .collect::<Vec<_>>()
        .join("  ")
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let width = usize::from(area.width);
    let mode = format!(" {} ", mode(app));
    let hints = hints(app);
    let room = width.saturating_sub(mode.chars().count() + hints.chars().count() + 3);
    let info = truncate(&info(app), room);
    let gap = width
        .saturating_sub(mode.chars().count() + info.chars().count() + hints.chars().count() + 2);
    let line = Line::from(vec![
        Span::styled(mode, theme.selected()),
        Span::raw(" "),
        Span::raw(info),
        Span::raw(" ".repeat(gap)),
        Span::styled(hints, theme.dim()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}
