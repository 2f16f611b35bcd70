//! What a resolution is and how text becomes one — no terminal; threads only in the loader.
//!
//! The parser is a pipeline: `source` (one reader per input layout) → `layout` (furniture,
//! footnotes, broken words) → `segment` (rules offering labels, a grammar choosing among them)
//! → `parse` (fields assembled, each with the rule that set it). The words every stage looks
//! for are in `lexicon`.

pub mod build;
mod calls;
pub mod countries;
pub mod ids;
pub mod layout;
pub mod lexicon;
pub mod load;
pub mod markup;
pub mod model;
pub mod numbering;
pub mod parse;
pub mod segment;
pub mod source;
pub mod stream;
pub mod symbol;
pub mod text;
pub mod vote;
pub mod warning;

pub use ids::{DocId, ParagraphIndex};
pub use model::*;
pub use warning::{Field, Warning};
