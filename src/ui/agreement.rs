//! The agreement ranking in the vote pane: every other country by its agreement index with one
//! country over the current filter, as a bar with the index as a percentage and the number of
//! common votes beside it.

use super::text::truncate;
use super::theme::Theme;
use super::{pane_block, scroll_hint};
use crate::app::layout::RANKING_HEADER_ROWS;
use crate::app::{App, Pane};
use crate::votes::Agreement;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// `87.5%`, or `—` without a common vote.
fn percent(agreement: Agreement) -> String {
    agreement
        .index()
        .map_or_else(|| "—".to_string(), |i| format!("{:.1}%", i * 100.0))
}

/// A bar of `width` cells filled to `index` (0 to 1), in eighths.
pub fn bar(index: f64, width: usize) -> String {
    const EIGHTHS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    let cells = u32::try_from(width * 8).unwrap_or(u32::MAX);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // 0..=8·width
    let eighths = (index.clamp(0.0, 1.0) * f64::from(cells)).round() as usize;
    let mut out = "█".repeat(eighths / 8);
    out.push_str(EIGHTHS[eighths % 8]);
    let used = eighths / 8 + usize::from(!eighths.is_multiple_of(8));
    out.push_str(&" ".repeat(width.saturating_sub(used)));
    out
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(ranking) = &app.votes.agreement else {
        return;
    };
    let width = usize::from(area.width.saturating_sub(2));
    let height = usize::from(area.height.saturating_sub(2));
    let page = height.saturating_sub(RANKING_HEADER_ROWS).max(1);
    let rows = ranking.shown();
    let country = ranking.country.country();
    let order = if ranking.least_first { "Least" } else { "Most" };
    let selected_text = rows.get(ranking.cursor.selected).map_or_else(
        || "No country shares a recorded vote in the filter".to_string(),
        |(other, a)| {
            format!(
                "{}: {} agreement over {} common votes",
                other.country().en,
                percent(*a),
                a.common
            )
        },
    );
    let mut lines = vec![
        Line::styled(
            truncate(
                &format!("{order} like {} · % · in common", country.code),
                width,
            ),
            theme.bold(),
        ),
        Line::styled(truncate(&selected_text, width), theme.accent()),
    ];
    let focused = app.focus == Pane::Votes;
    // ▶ CODE bar 100.0% 12345
    let figures = 7 + 1 + 6;
    let bar_width = width.saturating_sub(1 + 4 + 1 + figures).max(1);
    for (at, (other, a)) in rows
        .iter()
        .enumerate()
        .skip(ranking.cursor.offset)
        .take(page)
    {
        let selected = focused && at == ranking.cursor.selected;
        let style = if selected {
            theme.selected()
        } else {
            Style::default()
        };
        lines.push(Line::from(vec![
            Span::raw(if selected { "▶" } else { " " }),
            Span::styled(format!("{:<4}", other.code()), style),
            Span::styled(bar(a.index().unwrap_or(0.0), bar_width), theme.accent()),
            Span::raw(format!(" {:>6} {:>6}", percent(*a), a.common)),
        ]));
    }
    let title = format!(
        "Agreement with {} — {}",
        country.en,
        scroll_hint(ranking.cursor.offset, rows.len(), page)
    );
    let block = pane_block(app, Pane::Votes, theme, &title);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_fill_in_eighths() {
        assert_eq!(bar(1.0, 4), "████");
        assert_eq!(bar(0.0, 4), "    ");
        assert_eq!(bar(0.5, 4), "██  ");
        assert_eq!(bar(0.5625, 2), "█▏");
        assert_eq!(bar(2.0, 3), "███");
    }
}
