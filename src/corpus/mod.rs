//! What a resolution is and how text becomes one — no terminal, no threads but the loader's.

pub mod countries;
pub mod model;

pub use model::*;
