//! Drawing: one file per pane, each a function of `&App` that draws into its area; nothing here
//! changes state. Below the minimum size the whole screen is one message.

pub mod agreement;
pub mod ansi16;
pub mod documents;
pub mod help;
pub mod history;
pub mod picker;
pub mod query;
pub mod reader;
pub mod status;
pub mod text;
pub mod theme;
pub mod votes;

use crate::app::layout;
use crate::app::{App, Pane};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Paragraph, Wrap};
use theme::Theme;

/// Draw the whole screen.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    let zoomed = app.zoomed.then_some(app.focus);
    let Some(panes) =
        layout::Panes::for_app(area.width, area.height, zoomed, app.list_width.chosen())
    else {
        too_small(frame, area, theme);
        return;
    };
    query::render(frame, panes.query, app, theme);
    documents::render(frame, panes.documents, app, theme);
    reader::render(frame, panes.reader, app, theme);
    votes::render(frame, panes.votes, app, theme);
    status::render(frame, panes.status, app, theme);
    picker::render(frame, app, theme);
    help::render(frame, app, theme);
}

fn too_small(frame: &mut Frame, area: Rect, theme: &Theme) {
    let text = format!(
        "Terminal too small: {}×{}. resolu needs at least {}×{}. Enlarge the window, or press q to quit.",
        area.width,
        area.height,
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT
    );
    let paragraph = Paragraph::new(text)
        .style(theme.warning())
        .wrap(Wrap { trim: true });
    frame.render_widget(paragraph, area);
}

/// A pane's border and title; the focused pane's is thick and in the accent colour.
pub fn pane_block(app: &App, pane: Pane, theme: &Theme, title: &str) -> Block<'static> {
    let focused = app.focus == pane;
    let (border, style) = if focused {
        (BorderType::Thick, theme.focused())
    } else {
        (BorderType::Plain, theme.dim())
    };
    // Ratatui cuts a title at the border.
    Block::bordered()
        .border_type(border)
        .border_style(style)
        .title(Line::styled(format!(" {} ", text::inert(title)), style))
}

/// Where a scrolled view is: `all`, `top`, `end` or a percentage.
pub fn scroll_hint(offset: usize, total: usize, height: usize) -> String {
    if total <= height {
        "all".to_string()
    } else if offset == 0 {
        "top".to_string()
    } else if offset + height >= total {
        "end".to_string()
    } else {
        format!("{}%", offset * 100 / total.saturating_sub(height).max(1))
    }
}

/// How far the loader is: `1,204 / 3,000 files`.
pub fn files_read(progress: crate::app::LoadProgress) -> String {
    let files = if progress.total == 1 { "file" } else { "files" };
    format!(
        "{} / {} {files}",
        crate::plural::thousands(progress.done),
        crate::plural::thousands(progress.total)
    )
}

/// The status bar's progress line while the corpus loads: `reading 1,204 / 3,000 files · 12.5
/// MB/s · 3 warnings…` (the rate once time has passed, warnings once there are any).
pub fn load_line(progress: crate::app::LoadProgress) -> String {
    let mut parts = vec![format!("reading {}", files_read(progress))];
    if let Some(rate) = progress.megabytes_per_second() {
        parts.push(format!("{rate:.1} MB/s"));
    }
    if progress.warnings > 0 {
        parts.push(crate::plural::count(
            progress.warnings,
            "warning",
            "warnings",
        ));
    }
    format!("{}…", parts.join(" · "))
}
