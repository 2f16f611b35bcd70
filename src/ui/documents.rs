//! The document list (left pane): symbol, date, vote tally, body, languages and title of each
//! resolution the query leaves (one row for all its versions), two rows each, in the chosen sort
//! order.

use super::text::truncate;
use super::theme::Theme;
use super::{pane_block, scroll_hint};
use crate::app::layout::ITEM_ROWS;
use crate::app::{App, IndexStatus, Pane, Row};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// Columns the one-row summary (symbol, date, tally) needs.
const WIDE_ROW: usize = 36;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let width = usize::from(area.width.saturating_sub(2));
    let height = usize::from(area.height.saturating_sub(2));
    let list = &app.documents;
    // Paragraph counts only when words matched: a metadata-only query (`s:44`) matches every
    // paragraph of the resolutions it keeps, and counting them would say nothing.
    let counts = app
        .query
        .result
        .as_ref()
        .filter(|_| app.query.is_active() && app.query.has_terms());
    let mut lines = Vec::new();
    for (row, &doc) in list.rows.iter().enumerate().skip(list.cursor.offset) {
        let row = Row(row);
        if lines.len() + ITEM_ROWS > height.max(ITEM_ROWS) {
            break;
        }
        let Some(r) = app.resolution(doc) else {
            continue;
        };
        let selected = row == list.selected_row();
        let mark = if selected { "▶ " } else { "  " };
        let date = r
            .adopted_on
            .map_or_else(|| "—".to_string(), |d| d.to_string());
        let tally = r
            .vote
            .as_ref()
            .map_or_else(|| "—".to_string(), crate::corpus::Vote::tally);
        let matches = counts
            .and_then(|c| c.documents.iter().find(|(d, _)| *d == doc))
            .map_or_else(String::new, |(_, n)| format!("({n}¶) "));
        let body = r.body.map_or("—", |b| b.code());
        let languages = app
            .language_tags(doc)
            .map_or_else(String::new, |tags| format!("{tags} "));
        let title = r.title.as_deref().unwrap_or("(no title)");
        // Narrow, or a long symbol: the date moves to the second row so the symbol and the
        // tally are never cut.
        let wide = format!("{mark}{:<15} {date:<10} {tally}", r.id());
        let (first, second) = if width >= WIDE_ROW && super::text::width(&wide) <= width {
            (wide, format!("  {body:<3} {languages}{matches}{title}"))
        } else {
            (
                format!("{mark}{} {tally}", r.id()),
                format!("  {date} {body} {languages}{matches}{title}"),
            )
        };
        let (style_one, style_two) = if selected {
            (theme.selected(), theme.selected())
        } else {
            (theme.bold(), theme.dim())
        };
        lines.push(Line::styled(truncate(&first, width), style_one));
        lines.push(Line::styled(truncate(&second, width), style_two));
    }
    if list.rows.is_empty() {
        let loading = app.index == IndexStatus::Loading;
        let why = match app.loading {
            // Before the files are counted, and with the sample corpus: no count to give.
            Some(progress) if loading => format!("Reading {}…", super::files_read(progress)),
            None if loading => "Reading and parsing the corpus…".to_string(),
            _ if app.query.pending() => "Searching…".to_string(),
            _ if app.corpus.resolutions.is_empty() => {
                "No resolution in the corpus (resolu check PATH says why).".to_string()
            }
            _ => "No resolution matches the query.".to_string(),
        };
        lines.push(Line::styled(why, theme.dim()));
    }
    let direction = match (list.sort, list.reversed) {
        (crate::app::SortKey::Symbol | crate::app::SortKey::Margin, false) => "↑",
        (crate::app::SortKey::Symbol | crate::app::SortKey::Margin, true) => "↓",
        (_, false) => "↓",
        (_, true) => "↑",
    };
    let title = format!(
        "Resolutions {}/{} · {} {direction} — {}",
        list.rows.len(),
        app.versions.resolution_count(),
        list.sort.label(),
        scroll_hint(
            list.cursor.offset * ITEM_ROWS,
            list.rows.len() * ITEM_ROWS,
            height
        )
    );
    let block = pane_block(app, Pane::Documents, theme, &title);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
