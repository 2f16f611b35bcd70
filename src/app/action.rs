//! What can happen to the app (`Action`: keys, terminal and worker events) and what the app asks
//! the outside world to do in return (`Command`).

use crate::index::SearchResult;
use crate::index::query::Query;
use crate::votes::VoteStore;
use serde::Deserialize;
use std::sync::Arc;
use std::time::Duration;
use strum::{EnumMessage, IntoEnumIterator};

/// Everything `update` reacts to. The unit variants can be bound to keys: their names in
/// `config.toml` are their `snake_case` names (serde and strum agree, a test checks), their help
/// text is their strum message, and they are declared in the order the help lists them. The
/// variants carrying data come from the terminal, the loader and the search worker, have no
/// message and cannot be bound.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumMessage,
    strum::EnumIter,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Action {
    #[strum(message = "Show this help")]
    Help,
    #[strum(message = "Quit resolu")]
    Quit,
    #[strum(message = "Go back one level (close, leave, clear) — never quits")]
    Back,
    #[strum(message = "Type a query (live search)")]
    Search,
    #[strum(message = "Accept the input and leave it")]
    Accept,
    #[strum(message = "Move up / scroll up")]
    Up,
    #[strum(message = "Move down / scroll down")]
    Down,
    #[strum(message = "Go to the top")]
    Top,
    #[strum(message = "Go to the bottom")]
    Bottom,
    #[strum(message = "Half a page down")]
    HalfPageDown,
    #[strum(message = "Half a page up")]
    HalfPageUp,
    #[strum(message = "A page down")]
    PageDown,
    #[strum(message = "A page up")]
    PageUp,
    #[strum(message = "Focus the next pane")]
    NextPane,
    #[strum(message = "Focus the previous pane")]
    PreviousPane,
    #[strum(message = "Open: the resolution, the result in context, the country's history")]
    Open,
    #[strum(message = "Jump to the next match")]
    NextMatch,
    #[strum(message = "Jump to the previous match")]
    PreviousMatch,
    #[strum(message = "Switch between matching paragraphs and the document")]
    ToggleResults,
    /// The selected resolution in its next version (another language); that language is then
    /// shown first wherever a resolution has it.
    #[strum(message = "Show the resolution in its other language (the next version)")]
    SwitchLanguage,
    #[strum(message = "Filter the vote lists by country")]
    CountryFilter,
    #[strum(message = "Add c:<code> of the selected country to the query")]
    QueryCountry,
    /// From any pane: a popup to find any country by its French or English name, code, alias or
    /// historical name; Enter opens its history.
    #[strum(message = "Pick any country (names, codes, old names): its history")]
    PickCountry,
    /// In a country's history.
    #[strum(message = "In a country's history: only its no votes (again: every vote)")]
    OnlyNo,
    /// In the vote pane: the selected (or history's) country's agreement with every other.
    #[strum(message = "Rank by agreement with the country (again: least alike first)")]
    Agreement,
    #[strum(message = "Sort the list by date, symbol, session, margin")]
    Sort,
    #[strum(message = "Reverse the sort order")]
    ReverseSort,
    #[strum(message = "Copy the paragraph with its citation (OSC 52)")]
    Copy,
    #[strum(message = "Turn mouse capture on or off")]
    ToggleMouse,
    /// Show the focused pane alone, full size; again: every pane.
    #[strum(message = "Show the focused pane alone (again: every pane)")]
    Zoom,
    /// The list's width is remembered between runs (state.toml in the state folder).
    #[strum(message = "Widen the list (remembered)")]
    WidenList,
    #[strum(message = "Narrow the list (remembered)")]
    NarrowList,
    #[strum(message = "Give the list its default width again")]
    ResetListWidth,
    /// Stop resolu and give the shell back (`fg` resumes), like less and vim.
    #[strum(message = "Suspend resolu to the shell (fg resumes it)")]
    Suspend,
    /// Draw the whole screen anew (text another program wrote over it goes).
    #[strum(message = "Redraw the whole screen")]
    Redraw,
    #[strum(message = "Delete the character before the cursor")]
    DeleteBackward,
    #[strum(message = "Delete the character under the cursor")]
    DeleteForward,
    #[strum(message = "Delete the word before the cursor")]
    DeleteWord,
    #[strum(message = "Clear the input")]
    ClearInput,
    #[strum(message = "Cursor left")]
    CursorLeft,
    #[strum(message = "Cursor right")]
    CursorRight,
    #[strum(message = "Cursor to the start")]
    CursorStart,
    #[strum(message = "Cursor to the end")]
    CursorEnd,
    /// In the query bar; in the country and help filters, the same as `up`.
    #[strum(message = "Recall the previous query (what is typed filters; elsewhere: up)")]
    HistoryPrevious,
    /// In the query bar; in the country and help filters, the same as `down`.
    #[strum(message = "Recall the next query, then what was typed (elsewhere: down)")]
    HistoryNext,
    /// A character typed into the query bar, the country filter or the help filter.
    #[serde(skip)]
    Insert(char),
    /// Text pasted into the terminal (bracketed paste).
    #[serde(skip)]
    Paste(String),
    #[serde(skip)]
    Resize { width: u16, height: u16 },
    /// The mouse wheel over a cell of the screen.
    #[serde(skip)]
    Scroll { column: u16, row: u16, down: bool },
    /// A left click on a cell of the screen.
    #[serde(skip)]
    Click { column: u16, row: u16 },
    /// How far the loader is in reading and parsing the corpus's files.
    #[serde(skip)]
    LoadProgress(crate::app::LoadProgress),
    /// The files read so far, while the loader reads the others (their index is with the search
    /// worker already).
    #[serde(skip)]
    PartialCorpus(
        std::sync::Arc<crate::corpus::load::Corpus>,
        crate::app::LoadProgress,
    ),
    /// The loader finished reading and parsing the corpus (the index comes next).
    #[serde(skip)]
    CorpusLoaded(std::sync::Arc<crate::corpus::load::Corpus>),
    /// The loader finished building the index.
    #[serde(skip)]
    IndexReady {
        paragraphs: usize,
        elapsed: Duration,
    },
    /// The vote store (the texts' roll calls and the imported voting records) is built, with
    /// the warnings met reading the records.
    #[serde(skip)]
    VotesLoaded(SharedVotes, Vec<String>),
    /// The search worker answered a query.
    #[serde(skip)]
    SearchDone(Box<SearchOutcome>),
    /// Something the loop wants shown in the status bar (a failed copy to file, …).
    #[serde(skip)]
    Notice(String),
}

/// The vote store as the loader hands it over: shared, compared by identity (actions are
/// compared in tests; a store is the same store only if it is the same allocation).
#[derive(Debug, Clone, Default)]
pub struct SharedVotes(pub Arc<VoteStore>);

impl PartialEq for SharedVotes {
    fn eq(&self, other: &SharedVotes) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for SharedVotes {}

/// The worker's answer to the query of one generation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchOutcome {
    pub generation: u64,
    pub result: SearchResult,
    pub elapsed: Duration,
    /// How many documents the corpus searched held, if known. While loading, partial corpora
    /// follow each other, each larger than the last: an answer from another corpus than the one
    /// shown is dropped (its numbers would point elsewhere).
    pub searched: Option<usize>,
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
    /// Add this query to the history file (the app's own history already has it).
    RememberQuery(String),
    /// Remember this list width for the next runs (`None`: forget it).
    RememberListWidth(Option<u16>),
    Quit,
}

/// Every action a key can be bound to, in the order the help lists them.
pub fn bindable() -> impl Iterator<Item = Action> {
    Action::iter().filter(Action::is_bindable)
}

impl Action {
    /// The name used in `config.toml`, in the help and in logs (the serde name).
    pub fn name(&self) -> &'static str {
        self.into()
    }

    /// What the action does, for the help overlay; empty for the actions that carry data.
    pub fn description(&self) -> &'static str {
        self.get_message().unwrap_or("")
    }

    /// Whether a key can be bound to this action.
    pub fn is_bindable(&self) -> bool {
        self.get_message().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_serde_names() {
        let bindable: Vec<Action> = bindable().collect();
        assert!(bindable.len() > 30 && bindable[0] == Action::Help);
        for action in &bindable {
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
        assert_eq!(Action::Insert('x').name(), "insert");
        assert_eq!(Action::Notice(String::new()).name(), "notice");
        assert!(!Action::Paste(String::new()).is_bindable());
    }
}
