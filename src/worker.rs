//! Background threads: the loader reads the corpus and gets its index; the search worker answers queries, skipping
//! to the newest one it has been sent. Both report as [`Action`]s through a `notify` function
//! (in the terminal UI: a send on the one event channel).

mod loader;
mod searcher;

pub use loader::{IndexMaker, Progress, VoteMaker, build_index, spawn_loader};
pub use searcher::{Request, answer, answer_until, serve, spawn_searcher};

#[cfg(test)]
mod tests;
