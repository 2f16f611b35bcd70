//! The in-memory index and everything that asks it questions — pure, no I/O, no terminal.

pub mod fold;
pub mod query;
