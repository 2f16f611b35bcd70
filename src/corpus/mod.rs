//! What a resolution is and how text becomes one — no terminal; threads only in the loader.

mod calls;
pub mod countries;
pub mod header;
pub mod load;
pub mod markup;
pub mod model;
pub mod normalize;
pub mod parse;
pub mod symbol;
pub mod vote;
pub mod words;

pub use model::*;
