//! Moving and scrolling: list selections, the reader's scroll, the mouse wheel and clicks, and
//! `settle`, which after every action keeps selections in their lists and in view. Pane heights
//! come from the layout, a pure function of the terminal size.

use super::action::Action;
use super::help;
use super::layout::{ITEM_ROWS, Panes, RANKING_HEADER_ROWS, RESULT_ROWS, help_rows, history_page};
use super::lines::{self, document_lines};
use super::state::{App, Cursor, InputTarget, Pane, ReaderView};
use super::view::VoteRow;
use super::view::breakdown_header_rows;
use crate::corpus::ParagraphIndex;

/// A move in a list or a scrolled view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Motion {
    Up,
    Down,
    Top,
    Bottom,
    HalfDown,
    HalfUp,
    PageDown,
    PageUp,
}

impl Motion {
    pub(super) fn of(action: &Action) -> Option<Motion> {
        Some(match action {
            Action::Up => Motion::Up,
            Action::Down => Motion::Down,
            Action::Top => Motion::Top,
            Action::Bottom => Motion::Bottom,
            Action::HalfPageDown => Motion::HalfDown,
            Action::HalfPageUp => Motion::HalfUp,
            Action::PageDown => Motion::PageDown,
            Action::PageUp => Motion::PageUp,
            _ => return None,
        })
    }

    /// How many items to move, with `page` items on screen.
    fn delta(self, page: usize) -> isize {
        let page = isize::try_from(page.max(1)).unwrap_or(isize::MAX);
        match self {
            Motion::Up => -1,
            Motion::Down => 1,
            Motion::Top => isize::MIN / 2,
            Motion::Bottom => isize::MAX / 2,
            Motion::HalfDown => (page / 2).max(1),
            Motion::HalfUp => -(page / 2).max(1),
            Motion::PageDown => page,
            Motion::PageUp => -page,
        }
    }
}

pub(super) fn panes(app: &App) -> Option<Panes> {
    Panes::for_app(
        app.size.0,
        app.size.1,
        app.zoomed.then_some(app.focus),
        app.list_width.chosen(),
    )
}

fn inner_height(app: &App, pane: Pane) -> usize {
    panes(app).map_or(1, |p| usize::from(p.inner(pane).height))
}

pub(super) fn reader_width(app: &App) -> usize {
    panes(app).map_or(1, |p| usize::from(p.inner(Pane::Reader).width))
}

pub(super) fn reader_height(app: &App) -> usize {
    inner_height(app, Pane::Reader)
}

pub(super) fn move_selection(app: &mut App, motion: Motion) {
    let page = help_rows(ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1));
    if let Some(help) = &mut app.help {
        help.scroll = help.scroll.saturating_add_signed(motion.delta(page));
        return;
    }
    let pane = match app.input {
        Some(InputTarget::Query) if app.reader.view == ReaderView::Results => Pane::Reader,
        Some(InputTarget::Query) => Pane::Documents,
        Some(InputTarget::CountryFilter) => Pane::Votes,
        Some(InputTarget::CountryPicker) => {
            let page = usize::from(super::layout::picker_rows(app.size));
            if let Some(picker) = &mut app.picker {
                let len = super::views::matches(picker.filter.text()).len();
                picker.cursor.move_by(motion.delta(page), len);
            }
            return;
        }
        _ => app.focus,
    };
    move_in(app, pane, motion);
}

pub(super) fn move_in(app: &mut App, pane: Pane, motion: Motion) {
    let height = inner_height(app, pane);
    match pane {
        Pane::Documents => {
            let len = app.documents.rows.len();
            app.documents
                .cursor
                .move_by(motion.delta(height / ITEM_ROWS), len);
        }
        Pane::Reader if app.reader.view == ReaderView::Results => {
            let len = app.hits().len();
            app.reader
                .results
                .move_by(motion.delta(height / RESULT_ROWS), len);
            select_hit_document(app);
        }
        Pane::Reader => scroll_document(app, motion, height, true),
        Pane::Votes if app.votes.agreement.is_some() => {
            let page = height.saturating_sub(RANKING_HEADER_ROWS);
            if let Some(r) = &mut app.votes.agreement {
                r.cursor.move_by(motion.delta(page), r.rows.len());
            }
        }
        Pane::Votes if app.votes.history.is_some() => {
            let page = history_page(height);
            if let Some(h) = &mut app.votes.history {
                let len = h.shown().len();
                h.cursor.move_by(motion.delta(page), len);
            }
        }
        Pane::Votes => {
            let len = app.ballots().len();
            let page = height.saturating_sub(breakdown_header_rows(app));
            app.votes.cursor.move_by(motion.delta(page), len);
        }
    }
}

/// The document list follows the selected paragraph result, in the result's language (so the
/// vote pane shows its vote).
pub(super) fn select_hit_document(app: &mut App) {
    if let Some(doc) = app
        .hits()
        .get(app.reader.results.selected)
        .map(|h| h.document)
    {
        app.show_version(doc);
    }
}

pub(super) fn scroll_at(app: &mut App, column: u16, row: u16, down: bool) {
    let Some(pane) = panes(app).and_then(|p| p.pane_at(column, row)) else {
        return;
    };
    if app.help.is_some() {
        return;
    }
    let motion = if down { Motion::Down } else { Motion::Up };
    if pane == Pane::Reader && app.reader.view == ReaderView::Document {
        // The wheel moves the view only: at either end it leaves the current paragraph be.
        let height = inner_height(app, pane);
        for _ in 0..3 {
            scroll_document(app, motion, height, false);
        }
    } else {
        move_in(app, pane, motion);
    }
}

/// Scroll the document by `motion`, never past the end of the text at the bottom; the current
/// paragraph follows the view. A motion that cannot scroll (all of it) moves the current
/// paragraph instead when `at_edge` is set, so every paragraph can be made current although
/// the last ones never reach the top: `j` / `k` step to the next or previous paragraph, the
/// longer motions go to the last or first one (as vim's cursor does at either end of a file).
fn scroll_document(app: &mut App, motion: Motion, height: usize, at_edge: bool) {
    let width = reader_width(app);
    let Some(r) = app.reader.doc.and_then(|d| app.resolution(d)) else {
        return;
    };
    let lines = document_lines(r, width);
    let last = ParagraphIndex::last_of(r.paragraphs.len());
    let max = lines::max_scroll(&lines, height);
    let delta = motion.delta(height);
    let old = app.reader.scroll.min(max);
    let scroll = old.saturating_add_signed(delta).min(max);
    let moved = scroll.abs_diff(old);
    let mut current = app.reader.current.min(last);
    if at_edge && moved != delta.unsigned_abs() {
        current = match motion {
            Motion::Down if moved == 0 => current.next().min(last),
            Motion::Up if moved == 0 => current.previous(),
            Motion::Up | Motion::Down => current,
            _ if delta < 0 => ParagraphIndex(0),
            _ => last,
        };
    }
    app.reader.scroll = scroll;
    app.reader.current = lines::follow(&lines, scroll, height, current);
}

pub(super) fn click(app: &mut App, column: u16, row: u16) {
    let Some(panes) = panes(app) else { return };
    let Some(pane) = panes.pane_at(column, row) else {
        return;
    };
    if app.help.is_some() || app.picker.is_some() {
        return;
    }
    app.focus = pane;
    let inner = panes.inner(pane);
    let Some(line) = row.checked_sub(inner.y).map(usize::from) else {
        return;
    };
    match pane {
        Pane::Documents => {
            let item = app.documents.cursor.offset + line / ITEM_ROWS;
            if item < app.documents.rows.len() {
                app.documents.cursor.selected = item;
            }
        }
        Pane::Reader if app.reader.view == ReaderView::Results => {
            let item = app.reader.results.offset + line / RESULT_ROWS;
            if item < app.hits().len() {
                app.reader.results.selected = item;
                select_hit_document(app);
            }
        }
        Pane::Reader => {
            // A click on a paragraph makes it the current one.
            let width = usize::from(inner.width);
            let clicked = app
                .reader
                .doc
                .and_then(|d| app.resolution(d))
                .and_then(|r| {
                    document_lines(r, width)
                        .get(app.reader.scroll + line)
                        .and_then(lines::DocLine::paragraph)
                });
            if let Some(index) = clicked {
                app.reader.current = index;
            }
        }
        Pane::Votes if app.votes.history.is_none() && app.votes.agreement.is_none() => {
            let header = breakdown_header_rows(app);
            let rows = app.vote_rows();
            let at = line
                .checked_sub(header)
                .map(|l| l + app.votes.cursor.offset);
            if let Some(VoteRow::Country(i)) = at.and_then(|a| rows.get(a)) {
                app.votes.cursor.selected = *i;
            }
        }
        Pane::Votes => {}
    }
}

/// After every action: selections within their lists, scroll offsets showing them, the reader on
/// the selected resolution.
pub(super) fn settle(app: &mut App) {
    let docs_len = app.documents.rows.len();
    app.documents.cursor.clamp(docs_len);
    let doc = app.selected_doc();
    if doc != app.reader.doc && doc.is_some() {
        app.reader.doc = doc;
        app.reader.scroll = 0;
        app.reader.current = ParagraphIndex(0);
        app.votes.cursor = Cursor::default();
    }
    if app.reader.view == ReaderView::Results && !app.query.has_terms() {
        app.reader.view = ReaderView::Document;
    }
    let hits = app.hits().len();
    app.reader.results.clamp(hits);
    let ballots = app.ballots().len();
    app.votes.cursor.clamp(ballots);
    let Some(panes) = panes(app) else { return };
    let height = |pane| usize::from(panes.inner(pane).height);
    let selected = app.documents.cursor.selected;
    app.documents
        .cursor
        .reveal(selected, 1, height(Pane::Documents) / ITEM_ROWS);
    let selected = app.reader.results.selected;
    app.reader
        .results
        .reveal(selected, 1, height(Pane::Reader) / RESULT_ROWS);
    if let Some(r) = app.reader.doc.and_then(|d| app.resolution(d)) {
        let lines = document_lines(r, usize::from(panes.inner(Pane::Reader).width));
        let top = lines::max_scroll(&lines, height(Pane::Reader));
        let last = ParagraphIndex::last_of(r.paragraphs.len());
        app.reader.scroll = app.reader.scroll.min(top);
        app.reader.current = app.reader.current.min(last);
    }
    let votes_height = height(Pane::Votes);
    let vote_line = app
        .vote_rows()
        .iter()
        .position(|row| *row == VoteRow::Country(app.votes.cursor.selected))
        .unwrap_or(0);
    let page = votes_height.saturating_sub(breakdown_header_rows(app));
    app.votes.cursor.reveal(vote_line, 1, page);
    if let Some(history) = &mut app.votes.history {
        let len = history.shown().len();
        history.cursor.clamp(len);
        let selected = history.cursor.selected;
        history
            .cursor
            .reveal(selected, 1, history_page(votes_height));
    }
    if let Some(ranking) = &mut app.votes.agreement {
        ranking.cursor.clamp(ranking.rows.len());
        let selected = ranking.cursor.selected;
        let page = votes_height.saturating_sub(RANKING_HEADER_ROWS).max(1);
        ranking.cursor.reveal(selected, 1, page);
    }
    if let Some(picker) = &mut app.picker {
        let len = super::views::matches(picker.filter.text()).len();
        picker.cursor.clamp(len);
        let selected = picker.cursor.selected;
        let page = usize::from(super::layout::picker_rows(app.size));
        picker.cursor.reveal(selected, 1, page);
    }
    if let Some(help) = &mut app.help {
        let screen = ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1);
        let rows = help::rows(&app.keymap, help.filter.text()).len();
        help.scroll = help.scroll.min(rows.saturating_sub(help_rows(screen)));
    }
}
