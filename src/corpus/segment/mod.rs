//! Segmentation as a grammar: rules offer labels for lines (`rules.rs`, a table), the document
//! grammar picks the sequence it allows (`grammar.rs`), and the header's fields are read from
//! the lines the grammar left before the number (`header.rs`).

pub mod grammar;
pub mod header;
pub mod rules;

pub use grammar::{Segments, Step, segment};
pub use rules::{Label, RULES};
