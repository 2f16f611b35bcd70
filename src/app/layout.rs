//! Where each pane goes for a terminal size: a pure function, so `update` can know how tall a
//! pane is (to keep a selection in view) and the renderer draws exactly there.

use super::state::Pane;
use ratatui::layout::{Constraint, Layout, Margin, Rect};

/// Below this, the screen only says the terminal is too small.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 14;
/// From this width on, the three panes stand side by side; below it the vote pane goes under
/// the paragraph view.
pub const WIDE: u16 = 110;
/// The narrowest list `narrow_list` gives (the list never cuts a symbol or a tally at this
/// width), unless the automatic width is narrower.
pub const LIST_MIN: u16 = 30;
/// Columns the paragraph view keeps, border included, however wide the list is made.
pub const READER_MIN: u16 = 40;
/// Columns `widen_list` and `narrow_list` move the list's edge by.
pub const LIST_STEP: u16 = 4;

/// The screen's areas. Pane areas include their borders; `inner` gives the content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    pub query: Rect,
    pub documents: Rect,
    pub reader: Rect,
    pub votes: Rect,
    pub status: Rect,
}

impl Panes {
    pub fn area(&self, pane: Pane) -> Rect {
        match pane {
            Pane::Documents => self.documents,
            Pane::Reader => self.reader,
            Pane::Votes => self.votes,
        }
    }

    /// The content of a pane: inside its border.
    pub fn inner(&self, pane: Pane) -> Rect {
        self.area(pane).inner(Margin::new(1, 1))
    }

    /// The same screen with `pane` alone in the body, the other panes hidden (no area).
    pub fn zoomed(self, pane: Pane) -> Panes {
        let body = self.documents.union(self.reader).union(self.votes);
        let area = |p: Pane| if p == pane { body } else { Rect::default() };
        Panes {
            documents: area(Pane::Documents),
            reader: area(Pane::Reader),
            votes: area(Pane::Votes),
            ..self
        }
    }

    /// The layout `app` is drawn in: every pane, or the focused one alone when zoomed; the list
    /// `list` columns wide if set (kept within [`list_bounds`]).
    pub fn for_app(
        width: u16,
        height: u16,
        zoomed: Option<Pane>,
        list: Option<u16>,
    ) -> Option<Panes> {
        let panes = panes_with(width, height, list)?;
        Some(zoomed.map_or(panes, |pane| panes.zoomed(pane)))
    }

    /// The pane under a screen cell.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<Pane> {
        let at = ratatui::layout::Position::new(column, row);
        Pane::ALL
            .into_iter()
            .find(|&p| !self.area(p).is_empty() && self.area(p).contains(at))
    }
}

/// The layout of a `width` × `height` screen, or `None` when it is too small to use.
pub fn panes(width: u16, height: u16) -> Option<Panes> {
    panes_with(width, height, None)
}

/// The vote pane's width beside the others on a wide screen; `None` below [`WIDE`], where it
/// goes under the paragraph view.
fn votes_width(width: u16) -> Option<u16> {
    (width >= WIDE).then(|| percent(width, 26).clamp(30, 48))
}

fn percent(width: u16, percent: u32) -> u16 {
    u16::try_from(u32::from(width) * percent / 100).unwrap_or(u16::MAX)
}

/// The list's width when none is chosen: wider screens give it room for titles (up to 60
/// columns at 190 and more).
pub fn automatic_list_width(width: u16) -> u16 {
    percent(width, 32).clamp(30, 60)
}

/// The narrowest and widest the list may be on a screen `width` columns wide: the paragraph
/// view keeps [`READER_MIN`] columns; the automatic width is always allowed.
pub fn list_bounds(width: u16) -> (u16, u16) {
    let automatic = automatic_list_width(width);
    let widest = width
        .saturating_sub(votes_width(width).unwrap_or(0))
        .saturating_sub(READER_MIN);
    (LIST_MIN.min(automatic), widest.max(automatic))
}

/// The list's width on a screen `width` columns wide: `chosen` kept within bounds, else the
/// automatic width.
pub fn list_width(width: u16, chosen: Option<u16>) -> u16 {
    let (narrowest, widest) = list_bounds(width);
    chosen.map_or_else(
        || automatic_list_width(width),
        |w| w.clamp(narrowest, widest),
    )
}

/// [`panes`] with the list `list` columns wide if set.
pub fn panes_with(width: u16, height: u16, list: Option<u16>) -> Option<Panes> {
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        return None;
    }
    let screen = Rect::new(0, 0, width, height);
    let [query, body, status] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(screen);
    let documents_width = list_width(width, list);
    if let Some(votes_width) = votes_width(width) {
        let [documents, reader, votes] = Layout::horizontal([
            Constraint::Length(documents_width),
            Constraint::Min(1),
            Constraint::Length(votes_width),
        ])
        .areas(body);
        return Some(Panes {
            query,
            documents,
            reader,
            votes,
            status,
        });
    }
    let [documents, right] =
        Layout::horizontal([Constraint::Length(documents_width), Constraint::Min(1)]).areas(body);
    let [reader, votes] =
        Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(right);
    Some(Panes {
        query,
        documents,
        reader,
        votes,
        status,
    })
}

/// Rows each paragraph result takes: its citation and two lines of snippet (the results cursor's
/// offset counts results, not rows).
pub const RESULT_ROWS: usize = 3;

/// Rows each resolution takes (the cursor's offset counts resolutions, not rows).
pub const ITEM_ROWS: usize = 2;

/// Lines above the agreement ranking's rows: what is ranked, the selected country in words.
pub const RANKING_HEADER_ROWS: usize = 2;

/// Rows each roll call of a country's history takes: date, symbol and session; its vote and
/// title.
pub const HISTORY_ROW_LINES: usize = 2;

/// Rows of the bar chart of a country's shares per session (bars and their labels).
pub const HISTORY_CHART_ROWS: usize = 7;

/// Lines above a country's history rows in a vote pane `height` rows high (inside): the country
/// and its counts, the chart and its legend when the pane has room for them and some rows, the
/// selected session's figures.
pub fn history_header_rows(height: usize) -> usize {
    if height >= HISTORY_CHART_ROWS + 4 + 2 * HISTORY_ROW_LINES {
        4 + HISTORY_CHART_ROWS
    } else {
        3
    }
}

/// How many roll calls a history `height` rows high shows at once.
pub fn history_page(height: usize) -> usize {
    (height.saturating_sub(history_header_rows(height)) / HISTORY_ROW_LINES).max(1)
}

/// The country picker's popup on a screen: centred, at most 70 columns wide.
pub fn picker_area(screen: Rect) -> Rect {
    let width = screen.width.saturating_sub(4).min(70);
    let height = screen.height.saturating_sub(4).min(24);
    Rect::new(
        screen.x + (screen.width - width) / 2,
        screen.y + (screen.height - height) / 2,
        width,
        height,
    )
}

/// Countries the picker shows at once on a screen of `size` (inside the border, under the
/// filter line).
pub fn picker_rows(size: (u16, u16)) -> u16 {
    picker_area(Rect::new(0, 0, size.0, size.1))
        .height
        .saturating_sub(3)
        .max(1)
}

/// The help overlay's area on a screen.
pub fn help_area(screen: Rect) -> Rect {
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
pub fn help_rows(screen: Rect) -> usize {
    usize::from(help_area(screen).height.saturating_sub(4))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_tile_the_screen_without_overlap() {
        for (w, h) in [
            (60, 14),
            (80, 24),
            (109, 30),
            (110, 30),
            (120, 40),
            (300, 100),
        ] {
            let p = panes(w, h).unwrap();
            let total: u32 = [p.query, p.documents, p.reader, p.votes, p.status]
                .iter()
                .map(|r| u32::from(r.width) * u32::from(r.height))
                .sum();
            assert_eq!(total, u32::from(w) * u32::from(h), "{w}x{h}");
            for pane in Pane::ALL {
                assert!(p.inner(pane).height >= 1, "{w}x{h} {pane:?}");
            }
        }
        assert!(panes(59, 40).is_none());
        assert!(panes(u16::MAX, 40).is_some());
        assert!(panes(120, 13).is_none());
    }

    #[test]
    fn a_chosen_list_width_stays_within_bounds() {
        for width in [60, 80, 109, 110, 120, 200, 400] {
            let (narrowest, widest) = list_bounds(width);
            assert!(narrowest <= automatic_list_width(width), "{width}");
            assert!(automatic_list_width(width) <= widest, "{width}");
            for chosen in [0, 10, 30, 44, 90, 500, u16::MAX] {
                let p = panes_with(width, 30, Some(chosen)).unwrap();
                let list = p.documents.width;
                assert_eq!(list, list_width(width, Some(chosen)));
                assert!((narrowest..=widest).contains(&list), "{width} {chosen}");
                // The paragraph view stays usable whatever the list asks.
                assert!(
                    p.reader.width >= READER_MIN.min(width - list),
                    "{width} {chosen}"
                );
            }
        }
        assert_eq!(panes_with(120, 40, None), panes(120, 40));
        assert_eq!(panes_with(120, 40, Some(44)).unwrap().documents.width, 44);
        assert_eq!(list_width(120, Some(100)), 120 - 31 - READER_MIN);
    }
}
