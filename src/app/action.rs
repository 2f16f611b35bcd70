//! What can happen to the app (`Action`: keys, terminal and worker events) and what the app asks
//! the outside world to do in return (`Command`).

use crate::index::SearchResult;
use crate::index::query::Query;
use serde::Deserialize;
use std::time::Duration;

/// Everything `update` reacts to. The unit variants can be bound to keys; their names in
/// `config.toml` are their serde names (snake_case). The variants carrying data come from the
/// terminal, the loader and the search worker, and cannot be bound.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    Back,
    Help,
    Up,
    Down,
    Top,
    Bottom,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,
    NextPane,
    PreviousPane,
    Open,
    Search,
    NextMatch,
    PreviousMatch,
    CountryFilter,
    QueryCountry,
    Sort,
    ReverseSort,
    ToggleResults,
    Copy,
    ToggleMouse,
    /// Show the focused pane alone, full size; again: every pane.
    Zoom,
    /// Stop resolu and give the shell back (`fg` resumes), like less and vim.
    Suspend,
    /// Draw the whole screen anew (text another program wrote over it goes).
    Redraw,
    Accept,
    DeleteBackward,
    DeleteForward,
    DeleteWord,
    ClearInput,
    CursorLeft,
    CursorRight,
    CursorStart,
    CursorEnd,
    /// A character typed into the query bar, the country filter or the help filter.
    #[serde(skip)]
    Insert(char),
    /// Text pasted into the terminal (bracketed paste).
    #[serde(skip)]
    Paste(String),
    #[serde(skip)]
    Resize {
        width: u16,
        height: u16,
    },
    /// The mouse wheel over a cell of the screen.
    #[serde(skip)]
    Scroll {
        column: u16,
        row: u16,
        down: bool,
    },
    /// A left click on a cell of the screen.
    #[serde(skip)]
    Click {
        column: u16,
        row: u16,
    },
    /// The loader finished reading and parsing the corpus (the index comes next).
    #[serde(skip)]
    CorpusLoaded(std::sync::Arc<crate::corpus::load::Corpus>),
    /// The loader finished building the index.
    #[serde(skip)]
    IndexReady {
        paragraphs: usize,
        elapsed: Duration,
    },
    /// The search worker answered a query.
    #[serde(skip)]
    SearchDone(Box<SearchOutcome>),
    /// Something the loop wants shown in the status bar (a failed copy to file, …).
    #[serde(skip)]
    Notice(String),
}

/// The worker's answer to the query of one generation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchOutcome {
    pub generation: u64,
    pub result: SearchResult,
    pub elapsed: Duration,
}

/// What `update` asks the loop to carry out; `update` itself never does I/O.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Send this query to the search worker.
    Search {
        generation: u64,
        query: Query,
        limit: usize,
    },
    /// Put this text on the clipboard (OSC 52, and the configured file if any).
    Copy(String),
    /// Turn mouse capture on or off.
    SetMouse(bool),
    /// Put the terminal back, stop the process (SIGTSTP), and take the terminal again when the
    /// shell resumes it.
    Suspend,
    /// Clear the screen and draw every cell again.
    Redraw,
    Quit,
}

/// Every action a key can be bound to, in the order the help lists them.
pub const BINDABLE: &[Action] = &[
    Action::Help,
    Action::Quit,
    Action::Back,
    Action::Search,
    Action::Accept,
    Action::Up,
    Action::Down,
    Action::Top,
    Action::Bottom,
    Action::HalfPageDown,
    Action::HalfPageUp,
    Action::PageDown,
    Action::PageUp,
    Action::NextPane,
    Action::PreviousPane,
    Action::Open,
    Action::NextMatch,
    Action::PreviousMatch,
    Action::ToggleResults,
    Action::CountryFilter,
    Action::QueryCountry,
    Action::Sort,
    Action::ReverseSort,
    Action::Copy,
    Action::ToggleMouse,
    Action::Zoom,
    Action::Suspend,
    Action::Redraw,
    Action::DeleteBackward,
    Action::DeleteForward,
    Action::DeleteWord,
    Action::ClearInput,
    Action::CursorLeft,
    Action::CursorRight,
    Action::CursorStart,
    Action::CursorEnd,
];

impl Action {
    /// The name used in `config.toml` (the serde name; a test keeps them equal).
    pub fn name(&self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Back => "back",
            Action::Help => "help",
            Action::Up => "up",
            Action::Down => "down",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::HalfPageDown => "half_page_down",
            Action::HalfPageUp => "half_page_up",
            Action::PageDown => "page_down",
            Action::PageUp => "page_up",
            Action::NextPane => "next_pane",
            Action::PreviousPane => "previous_pane",
            Action::Open => "open",
            Action::Search => "search",
            Action::NextMatch => "next_match",
            Action::PreviousMatch => "previous_match",
            Action::CountryFilter => "country_filter",
            Action::QueryCountry => "query_country",
            Action::Sort => "sort",
            Action::ReverseSort => "reverse_sort",
            Action::ToggleResults => "toggle_results",
            Action::Copy => "copy",
            Action::ToggleMouse => "toggle_mouse",
            Action::Zoom => "zoom",
            Action::Suspend => "suspend",
            Action::Redraw => "redraw",
            Action::Accept => "accept",
            Action::DeleteBackward => "delete_backward",
            Action::DeleteForward => "delete_forward",
            Action::DeleteWord => "delete_word",
            Action::ClearInput => "clear_input",
            Action::CursorLeft => "cursor_left",
            Action::CursorRight => "cursor_right",
            Action::CursorStart => "cursor_start",
            Action::CursorEnd => "cursor_end",
            Action::Insert(_) => "insert",
            Action::Paste(_) => "paste",
            Action::Resize { .. } => "resize",
            Action::Scroll { .. } => "scroll",
            Action::Click { .. } => "click",
            Action::CorpusLoaded(_) => "corpus_loaded",
            Action::IndexReady { .. } => "index_ready",
            Action::SearchDone(_) => "search_done",
            Action::Notice(_) => "notice",
        }
    }

    /// What the action does, for the help overlay.
    pub fn description(&self) -> &'static str {
        match self {
            Action::Quit => "Quit resolu",
            Action::Back => "Go back one level (close, leave, clear) — never quits",
            Action::Help => "Show this help",
            Action::Up => "Move up / scroll up",
            Action::Down => "Move down / scroll down",
            Action::Top => "Go to the top",
            Action::Bottom => "Go to the bottom",
            Action::HalfPageDown => "Half a page down",
            Action::HalfPageUp => "Half a page up",
            Action::PageDown => "A page down",
            Action::PageUp => "A page up",
            Action::NextPane => "Focus the next pane",
            Action::PreviousPane => "Focus the previous pane",
            Action::Open => "Open: the resolution, the result in context, the country's history",
            Action::Search => "Type a query (live search)",
            Action::NextMatch => "Jump to the next match",
            Action::PreviousMatch => "Jump to the previous match",
            Action::CountryFilter => "Filter the vote lists by country",
            Action::QueryCountry => "Add c:<code> of the selected country to the query",
            Action::Sort => "Sort the list by date, symbol, session, margin",
            Action::ReverseSort => "Reverse the sort order",
            Action::ToggleResults => "Switch between matching paragraphs and the document",
            Action::Copy => "Copy the paragraph with its citation (OSC 52)",
            Action::ToggleMouse => "Turn mouse capture on or off",
            Action::Zoom => "Show the focused pane alone (again: every pane)",
            Action::Suspend => "Suspend resolu to the shell (fg resumes it)",
            Action::Redraw => "Redraw the whole screen",
            Action::Accept => "Accept the input and leave it",
            Action::DeleteBackward => "Delete the character before the cursor",
            Action::DeleteForward => "Delete the character under the cursor",
            Action::DeleteWord => "Delete the word before the cursor",
            Action::ClearInput => "Clear the input",
            Action::CursorLeft => "Cursor left",
            Action::CursorRight => "Cursor right",
            Action::CursorStart => "Cursor to the start",
            Action::CursorEnd => "Cursor to the end",
            _ => "",
        }
    }

    /// Whether a key can be bound to this action.
    pub fn is_bindable(&self) -> bool {
        BINDABLE.contains(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_serde_names() {
        for action in BINDABLE {
            let value = toml::Value::String(action.name().to_string());
            let parsed = Action::deserialize(value).unwrap();
            assert_eq!(&parsed, action);
            assert!(!action.description().is_empty(), "{}", action.name());
        }
    }

    #[test]
    fn data_actions_cannot_be_named() {
        for name in ["insert", "resize", "search_done", "notice", "frobnicate"] {
            let value = toml::Value::String(name.to_string());
            assert!(Action::deserialize(value).is_err(), "{name}");
        }
    }
}
