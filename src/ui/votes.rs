//! The vote pane: the selected resolution's stated counts and its three lists (letter, ISO code,
//! name as written) narrowed by the country filter, with a warning when lists and counts
//! disagree; or a country's history (`history`) or agreement ranking (`agreement`).

use super::text::{inert, truncate};
use super::theme::Theme;
use super::{pane_block, scroll_hint};
use crate::app::view::{VoteRow, disagreement};
use crate::app::{App, InputTarget, Pane};
use crate::corpus::{Adoption, Ballot};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The letter that says how a country voted (colour only repeats it).
pub fn letter(ballot: Ballot) -> &'static str {
    match ballot {
        Ballot::Yes => "Y",
        Ballot::No => "N",
        Ballot::Abstain => "A",
    }
}

fn section_name(ballot: Ballot) -> &'static str {
    match ballot {
        Ballot::Yes => "In favour",
        Ballot::No => "Against",
        Ballot::Abstain => "Abstaining",
    }
}

/// The fixed lines above the scrolled rows of the breakdown.
pub fn breakdown_header(app: &App, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let Some(r) = app.selected_resolution() else {
        return lines;
    };
    match &r.vote {
        None => lines.push(Line::styled("No vote stated (—)", theme.dim())),
        Some(vote) => match vote.adoption {
            Adoption::WithoutVote => lines.push(Line::from("Adopted without a vote (sans vote)")),
            Adoption::Unknown => lines.push(Line::styled("Vote not readable (—)", theme.dim())),
            Adoption::RecordedVote => {
                let count = |n: Option<u32>| n.map_or_else(|| "?".to_string(), |n| n.to_string());
                lines.push(Line::from(vec![
                    Span::styled("Y ", theme.ballot(Ballot::Yes)),
                    Span::raw(format!("{}  ", count(vote.yes))),
                    Span::styled("N ", theme.ballot(Ballot::No)),
                    Span::raw(format!("{}  ", count(vote.no))),
                    Span::styled("A ", theme.ballot(Ballot::Abstain)),
                    Span::raw(format!("{}  (stated)", count(vote.abstain))),
                ]));
                if let Some((y, n, a)) = disagreement(vote) {
                    // Short enough for the narrowest vote pane; the stated counts are above.
                    let text = format!("⚠ listed {y}–{n}–{a} ≠ stated");
                    lines.push(Line::styled(truncate(&text, width), theme.warning()));
                }
            }
        },
    }
    let editing = app.input == Some(InputTarget::CountryFilter);
    if editing || !app.votes.filter.is_empty() {
        let cursor = if editing { "▏" } else { "" };
        let text = format!("Country: {}{cursor}", inert(app.votes.filter.text()));
        lines.push(Line::styled(truncate(&text, width), theme.accent()));
    }
    lines
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    if app.votes.agreement.is_some() {
        super::agreement::render(frame, area, app, theme);
        return;
    }
    if app.votes.history.is_some() {
        super::history::render(frame, area, app, theme);
        return;
    }
    let width = usize::from(area.width.saturating_sub(2));
    let height = usize::from(area.height.saturating_sub(2));
    let mut lines = breakdown_header(app, theme, width);
    let scrolled = height.saturating_sub(lines.len());
    let rows = app.vote_rows();
    let ballots = app.ballots();
    let focused = app.focus == Pane::Votes;
    for row in rows.iter().skip(app.votes.cursor.offset).take(scrolled) {
        match *row {
            VoteRow::Section(ballot, shown, listed) => {
                let count = if shown == listed {
                    format!("{listed}")
                } else {
                    format!("{shown} of {listed}")
                };
                let text = format!("{} ({count})", section_name(ballot));
                lines.push(Line::styled(truncate(&text, width), theme.bold()));
            }
            VoteRow::Country(i) => {
                let Some((country, ballot)) = ballots.get(i) else {
                    continue;
                };
                let selected = focused && i == app.votes.cursor.selected;
                let code = country.code.as_deref().unwrap_or("???");
                let name = truncate(&country.name, width.saturating_sub(8));
                let mark = if selected { "▶" } else { " " };
                let name_style = if selected {
                    theme.selected()
                } else {
                    Style::default()
                };
                lines.push(Line::from(vec![
                    Span::raw(mark),
                    Span::styled(letter(*ballot), theme.ballot(*ballot)),
                    Span::raw(format!(" {:<3} ", inert(code))),
                    Span::styled(name, name_style),
                ]));
            }
        }
    }
    if rows.is_empty() && !app.votes.filter.is_empty() {
        lines.push(Line::styled("No listed country matches.", theme.dim()));
    }
    let title = match app.selected_resolution() {
        Some(r) => format!(
            "Vote {} — {}",
            inert(r.id()),
            scroll_hint(app.votes.cursor.offset, rows.len(), scrolled)
        ),
        None => "Vote".to_string(),
    };
    let block = pane_block(app, Pane::Votes, theme, &title);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
