//! Votes as data (issue 12): one cast per (roll call, country), whatever the source — the vote
//! blocks parsed from texts, or imported voting records (UN Digital Library, Voeten/`unvotes`) —
//! and what is asked of them: a country's history, agreement between countries.
//!
//! Pure core: no terminal, no files (importers read what they are handed), but for the edge
//! that keeps the user's imported records in the cache dir (`saved`, `imported`).

pub mod agree;
pub mod cast;
pub mod country;
pub mod history;
pub mod import;
pub mod imported;
pub mod saved;
pub mod seats;
pub mod select;
pub mod store;
pub mod texts;

pub use agree::{Agreement, agreement, ranking};
pub use cast::{Cast, Origin, Scope};
pub use country::CountryId;
pub use history::{HistoryRow, SessionShares, history, shares_by_session};
pub use imported::{Imported, all_votes};
pub use store::{RollCall, RollCallId, Totals, VoteStore};
pub use texts::from_texts;
