//! The interactive program's state machine — no I/O, no terminal: [`App`] is changed only by
//! [`update`], keys become [`Action`]s through the [`keymap`], and what must reach the outside
//! world comes back as a [`Command`].

pub mod action;
mod choose;
pub mod country;
mod cursor;
pub mod help;
pub mod keymap;
mod language;
pub mod layout;
pub mod lines;
mod loading;
mod navigate;
mod open;
pub mod picker;
mod query;
pub mod recall;
pub mod state;
pub mod update;
pub mod view;
pub mod views;

/// The language a resolution's versions are told apart by (`App::language`).
pub use crate::corpus::Language;
pub use action::{Action, Command, SearchOutcome};
pub use keymap::{Key, KeyMode, Keymap};
pub use state::{
    App, Cursor, IndexStatus, InputTarget, ListWidth, LoadProgress, Pane, ReaderView, Row, SortKey,
};
pub use update::update;
