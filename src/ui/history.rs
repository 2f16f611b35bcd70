//! A country's history in the vote pane: its counts, its yes / no / abstain / absent shares per
//! session as a bar chart (with a legend and the selected session's figures in words), then its
//! vote on every roll call of the current filter — date, symbol, session, the vote in words and
//! the title.

use super::text::{marked_row, truncate};
use super::theme::Theme;
use super::{pane_block, scroll_hint};
use crate::app::layout::{history_header_rows, history_page};
use crate::app::views::History;
use crate::app::{App, Pane};
use crate::votes::{Cast, SessionShares, VoteStore};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph};

/// The answers the chart draws, one bar each per session, with their letters (the app's
/// `Y N A`) and words.
const CHARTED: [(Cast, &str, &str); 4] = [
    (Cast::Yes, "Y", "yes"),
    (Cast::No, "N", "no"),
    (Cast::Abstain, "A", "abstain"),
    (Cast::Absent, "absent", "absent"),
];

/// Columns a session takes in the chart: one per bar and a gap.
const GROUP_WIDTH: usize = CHARTED.len() + 1;

/// The session a roll call is counted under, as `shares_by_session` names it.
fn session_of(store: &VoteStore, history: &History) -> Option<String> {
    let row = history.shown().get(history.cursor.selected).copied()?;
    let rc = store.get(row.roll_call)?;
    let body = rc.body.map(crate::corpus::model::Body::code);
    Some(match (body, rc.session.as_deref()) {
        (Some(b), Some(s)) => format!("{b} {s}"),
        (None, Some(s)) => s.to_string(),
        (Some(b), None) => format!("{b} ?"),
        (None, None) => "?".to_string(),
    })
}

/// The selected session's figures: `HRC 44: Y 50% N 25% A 25% absent 0% of 4 (2 not a
/// member or not listed)`.
fn session_figures(shares: &SessionShares) -> String {
    let mut text = format!("{}:", shares.session);
    for (cast, letter, _) in CHARTED {
        text = format!("{text} {letter} {}%", shares.percent(cast));
    }
    text = format!("{text} of {}", shares.as_member());
    let outside = shares.count(Cast::NotMember) + shares.count(Cast::NotListed);
    if outside > 0 {
        text = format!("{text} ({outside} not a member or not listed)");
    }
    text
}

fn chart<'a>(shares: &[SessionShares], theme: &Theme) -> BarChart<'a> {
    let groups: Vec<BarGroup> = shares
        .iter()
        .map(|s| {
            let bars: Vec<Bar> = CHARTED
                .iter()
                .map(|&(cast, _, _)| {
                    Bar::new(u64::from(s.percent(cast)))
                        .style(theme.cast(cast))
                        .text_value(String::new())
                })
                .collect();
            // The session alone (`44`): the body is in the figures line.
            let label = s.session.rsplit(' ').next().unwrap_or("?");
            BarGroup::new(bars).label(Line::from(truncate(label, CHARTED.len())))
        })
        .collect();
    groups
        .into_iter()
        .fold(BarChart::default(), BarChart::data)
        .bar_width(1)
        .bar_gap(0)
        .group_gap(1)
        .max(100)
}

/// The header: the country, its counts in words, the chart of the sessions that fit (ending
/// at the selected row's) when there is room, its legend, the selected session's figures.
fn header(app: &App, history: &History, area: Rect, frame: &mut Frame, theme: &Theme) {
    let width = usize::from(area.width);
    let country = history.country.country();
    let count = |cast| history.rows.iter().filter(|r| r.cast == cast).count();
    let counts: Vec<Span> = CHARTED
        .iter()
        .flat_map(|&(cast, _, word)| {
            [
                Span::styled(word, theme.cast(cast)),
                Span::raw(format!(" {} ", count(cast))),
            ]
        })
        .collect();
    let legend: Vec<Span> = CHARTED
        .iter()
        .flat_map(|&(cast, letter, _)| {
            [
                Span::styled("█", theme.cast(cast)),
                Span::raw(format!("{letter} ")),
            ]
        })
        .chain(std::iter::once(Span::raw("% / session")))
        .collect();
    let selected = session_of(&app.vote_store, history);
    let at = selected
        .as_ref()
        .and_then(|s| history.shares.iter().position(|x| &x.session == s))
        .unwrap_or(history.shares.len().saturating_sub(1));
    let figures = history
        .shares
        .get(at)
        .map_or_else(|| "No roll call in the filter".to_string(), session_figures);
    let name = format!("{} ({})", country.en, country.code);
    let charted = area.height > 3;
    let [top, middle, bottom] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(0),
        Constraint::Length(if charted { 2 } else { 1 }),
    ])
    .areas(area);
    let top_lines = vec![
        Line::styled(truncate(&name, width), theme.bold()),
        Line::from(counts),
    ];
    frame.render_widget(Paragraph::new(top_lines), top);
    let mut bottom_lines = Vec::new();
    if charted {
        let fit = (width / GROUP_WIDTH).max(1);
        let first = (at + 1).saturating_sub(fit);
        let end = (first + fit).min(history.shares.len());
        frame.render_widget(chart(&history.shares[first..end], theme), middle);
        bottom_lines.push(Line::from(legend));
    }
    bottom_lines.push(Line::styled(truncate(&figures, width), theme.accent()));
    frame.render_widget(Paragraph::new(bottom_lines), bottom);
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(history) = &app.votes.history else {
        return;
    };
    let block = pane_block(app, Pane::Votes, theme, "");
    let inner = block.inner(area);
    let height = usize::from(inner.height);
    let width = usize::from(inner.width);
    let header_rows = history_header_rows(height);
    let [head, body] = Layout::vertical([
        Constraint::Length(u16::try_from(header_rows).unwrap_or(0)),
        Constraint::Min(0),
    ])
    .areas(inner);
    header(app, history, head, frame, theme);
    let shown = history.shown();
    let page = history_page(height);
    let store = &app.vote_store;
    let mut lines = Vec::new();
    let focused = app.focus == Pane::Votes;
    for (at, row) in shown
        .iter()
        .enumerate()
        .skip(history.cursor.offset)
        .take(page)
    {
        let Some(rc) = store.get(row.roll_call) else {
            continue;
        };
        let selected = focused && at == history.cursor.selected;
        let date = rc
            .date
            .map_or_else(|| "no date".to_string(), |d| d.to_string());
        let body = rc.body.map_or("", crate::corpus::model::Body::code);
        let session = rc.session.as_deref().unwrap_or("?");
        let first = format!("{date} {} {body} {session}", rc.shown_symbol());
        lines.push(marked_row(&first, selected, theme.selected(), width));
        let label = row.cast.label();
        let title = rc.title.as_deref().unwrap_or("(no title)");
        let room = width.saturating_sub(label.chars().count() + 5);
        lines.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(label, theme.cast(row.cast)),
            Span::styled(" · ", theme.dim()),
            Span::raw(truncate(title, room)),
        ]));
    }
    if shown.is_empty() {
        let why = if history.only_no {
            "No no vote in the filter."
        } else {
            "No roll call in the filter."
        };
        lines.push(Line::styled(why, theme.dim()));
    }
    let only = if history.only_no { " · only no" } else { "" };
    let title = format!(
        "History {}{only} — {} roll calls — {}",
        history.country.code(),
        shown.len(),
        scroll_hint(history.cursor.offset, shown.len(), page)
    );
    frame.render_widget(pane_block(app, Pane::Votes, theme, &title), area);
    frame.render_widget(Paragraph::new(lines), body);
}
