//! What the numbers that point into a corpus mean, as types, so that one cannot be passed for
//! another: a resolution's place in the loaded corpus ([`DocId`]) and a paragraph's place in its
//! resolution ([`ParagraphIndex`]). The index's own global paragraph numbers are
//! `index::ParagraphId`, and a row of the document list is `app::Row`.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A resolution's place in the loaded corpus: `corpus.resolutions[doc]`.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct DocId(pub usize);

/// A paragraph's place in its resolution: `resolution.paragraphs[index]` (not its printed
/// number: `OP 3` may be the tenth paragraph).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct ParagraphIndex(pub usize);

impl DocId {
    /// Every id of a corpus of `len` resolutions, in order.
    pub fn all(len: usize) -> impl DoubleEndedIterator<Item = DocId> + ExactSizeIterator + Clone {
        (0..len).map(DocId)
    }
}

impl ParagraphIndex {
    /// The paragraph after this one.
    #[must_use]
    pub fn next(self) -> ParagraphIndex {
        ParagraphIndex(self.0.saturating_add(1))
    }

    /// The paragraph before this one (the first stays first).
    #[must_use]
    pub fn previous(self) -> ParagraphIndex {
        ParagraphIndex(self.0.saturating_sub(1))
    }

    /// The last paragraph of a resolution of `len` paragraphs (0 for none).
    pub fn last_of(len: usize) -> ParagraphIndex {
        ParagraphIndex(len.saturating_sub(1))
    }

    /// Every paragraph of a resolution of `len` paragraphs, in order.
    pub fn all(
        len: usize,
    ) -> impl DoubleEndedIterator<Item = ParagraphIndex> + ExactSizeIterator + Clone {
        (0..len).map(ParagraphIndex)
    }
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}
