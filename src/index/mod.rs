//! The in-memory index and everything that asks it questions — pure, no I/O, no terminal.
//!
//! Built once from the loaded corpus: every paragraph folded (`fold`) into one string, a sorted
//! vocabulary of folded words with the paragraphs each occurs in (an inverted index), and
//! precomputed sets for one-letter prefixes. A query first narrows the paragraphs through the
//! inverted index (work proportional to the postings it touches, not to the corpus), then only
//! the best few hundred candidates are scored by the fuzzy matcher.

// Paragraph and word ids are u32, halving the postings: four billion paragraphs would not
// fit in memory long before an id overflowed.
#![allow(clippy::cast_possible_truncation)]

pub mod query;
pub mod recorded;
pub mod search;
pub mod snippet;
mod stored;
pub mod versions;
pub mod votes;

use crate::corpus::{ById, DocId, ParagraphIndex, ParagraphKind, Resolution};
use crate::text::fold::{fold_into, words};
use fixedbitset::FixedBitSet;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

pub use search::{Hit, SearchResult, Stopped, Work, match_positions};

/// A paragraph's place in the whole corpus, as the index numbers them: the paragraphs of
/// document 0, then those of document 1, …; a bit of the candidate sets, an entry of the
/// postings (stored as `u32` there).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ParagraphId(pub usize);

/// The inverted index over every paragraph of a corpus. Serde gives it to the on-disk cache;
/// one read back is checked against its corpus before use ([`Index::check`]).
#[derive(Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    /// Number of paragraphs. No folded copy of the text is kept: queries fold the few
    /// candidates they read, which keeps the index at a fraction of the corpus' size.
    paragraphs: usize,
    /// Global id of each document's first paragraph, plus the end.
    doc_starts: Vec<usize>,
    /// Paragraphs that are operative.
    #[serde(with = "stored::bits")]
    operative: FixedBitSet,
    /// Paragraphs of annexes.
    #[serde(with = "stored::bits")]
    annex: FixedBitSet,
    /// Sorted unique folded words.
    vocabulary: Vec<Box<str>>,
    /// `postings[posting_starts[w]..posting_starts[w + 1]]`: ascending paragraph ids holding word
    /// `w`.
    posting_starts: Vec<usize>,
    #[serde(with = "stored::postings")]
    postings: Vec<u32>,
    /// Paragraphs holding a word that starts with this character.
    #[serde(with = "stored::bits::map")]
    first_letters: FxHashMap<char, FixedBitSet>,
    /// Documents by country and ballot, for `c:` filters.
    votes: votes::VoteIndex,
}

/// One chunk of documents' words: its own vocabulary (first-seen order) and, per paragraph,
/// the sorted distinct ids of its words in that vocabulary.
struct ChunkWords {
    words: Vec<String>,
    flat: Vec<u32>,
    /// `flat[starts[i]..starts[i + 1]]` belongs to the chunk's paragraph `i`.
    starts: Vec<usize>,
}

impl ChunkWords {
    fn read(docs: &[Resolution]) -> ChunkWords {
        let mut local: FxHashMap<String, u32> = FxHashMap::default();
        let mut chunk = ChunkWords {
            words: Vec::new(),
            flat: Vec::new(),
            starts: vec![0],
        };
        let mut folded = String::new();
        for paragraph in docs.iter().flat_map(|r| &r.paragraphs) {
            folded.clear();
            fold_into(&paragraph.text, &mut folded);
            let begin = chunk.flat.len();
            for word in words(&folded) {
                let id = if let Some(&id) = local.get(word) {
                    id
                } else {
                    let id = chunk.words.len() as u32;
                    local.insert(word.to_string(), id);
                    chunk.words.push(word.to_string());
                    id
                };
                chunk.flat.push(id);
            }
            chunk.flat[begin..].sort_unstable();
            let mut kept = begin;
            for i in begin..chunk.flat.len() {
                if i == begin || chunk.flat[i] != chunk.flat[kept - 1] {
                    chunk.flat[kept] = chunk.flat[i];
                    kept += 1;
                }
            }
            chunk.flat.truncate(kept);
            chunk.starts.push(chunk.flat.len());
        }
        chunk
    }
}

impl Index {
    /// Index every paragraph of `resolutions` (in parallel).
    pub fn build(resolutions: &[Resolution]) -> Index {
        let mut index = Index::default();
        index.doc_starts.push(0);
        for r in resolutions {
            for paragraph in &r.paragraphs {
                let set = match paragraph.kind {
                    ParagraphKind::Operative => Some(&mut index.operative),
                    ParagraphKind::Annex => Some(&mut index.annex),
                    ParagraphKind::Preambular => None,
                };
                if let Some(set) = set {
                    set.grow(index.paragraphs + 1);
                    set.insert(index.paragraphs);
                }
                index.paragraphs += 1;
            }
            index.doc_starts.push(index.paragraphs);
        }
        index.operative.grow(index.paragraphs);
        index.annex.grow(index.paragraphs);
        index.build_postings(resolutions);
        index.votes = votes::VoteIndex::build(resolutions);
        index
    }

    fn build_postings(&mut self, resolutions: &[Resolution]) {
        const DOCS_PER_CHUNK: usize = 128;
        let count = self.paragraph_count();
        // One pass, in parallel over chunks of documents: fold each paragraph into a reused
        // buffer and record its distinct words as ids into the chunk's own vocabulary.
        let chunks: Vec<ChunkWords> = resolutions
            .par_chunks(DOCS_PER_CHUNK)
            .map(ChunkWords::read)
            .collect();
        // The vocabulary: every chunk's words, sorted, owned (the chunks go away below).
        let mut distinct: FxHashSet<&str> = FxHashSet::default();
        for chunk in &chunks {
            distinct.extend(chunk.words.iter().map(String::as_str));
        }
        let mut vocabulary: Vec<Box<str>> = distinct.into_iter().map(Box::from).collect();
        vocabulary.par_sort_unstable();
        let ids: FxHashMap<&str, u32> = vocabulary
            .iter()
            .enumerate()
            .map(|(i, w)| (&**w, i as u32))
            .collect();
        let remaps: Vec<Vec<u32>> = chunks
            .par_iter()
            .map(|chunk| {
                let remap = |w: &String| ids.get(w.as_str()).copied().unwrap_or(0);
                chunk.words.iter().map(remap).collect()
            })
            .collect();
        drop(ids);
        let mut posting_starts = vec![0usize; vocabulary.len() + 1];
        for (chunk, remap) in chunks.iter().zip(&remaps) {
            for &local in &chunk.flat {
                posting_starts[remap[local as usize] as usize + 1] += 1;
            }
        }
        for i in 1..posting_starts.len() {
            posting_starts[i] += posting_starts[i - 1];
        }
        // Postings in paragraph order, so each list is ascending. Each chunk is dropped once
        // read, so its word ids and the postings are never all in memory at once.
        let mut postings = vec![0u32; posting_starts[vocabulary.len()]];
        let mut cursor = posting_starts.clone();
        let mut paragraph = 0u32;
        for (chunk, remap) in chunks.into_iter().zip(remaps) {
            for window in chunk.starts.windows(2) {
                for &local in &chunk.flat[window[0]..window[1]] {
                    let id = remap[local as usize] as usize;
                    postings[cursor[id]] = paragraph;
                    cursor[id] += 1;
                }
                paragraph += 1;
            }
        }
        let mut first_letters: FxHashMap<char, FixedBitSet> = FxHashMap::default();
        for (id, word) in vocabulary.iter().enumerate() {
            let Some(c) = word.chars().next() else {
                continue;
            };
            let set = first_letters
                .entry(c)
                .or_insert_with(|| FixedBitSet::with_capacity(count));
            for &p in &postings[posting_starts[id]..posting_starts[id + 1]] {
                set.insert(p as usize);
            }
        }
        self.vocabulary = vocabulary;
        self.posting_starts = posting_starts;
        self.postings = postings;
        self.first_letters = first_letters;
    }

    /// Number of paragraphs indexed.
    pub fn paragraph_count(&self) -> usize {
        self.paragraphs
    }

    /// Number of documents indexed.
    pub fn document_count(&self) -> usize {
        self.doc_starts.len().saturating_sub(1)
    }

    /// Number of distinct words.
    pub fn vocabulary_size(&self) -> usize {
        self.vocabulary.len()
    }

    /// The bytes the index holds on the heap (vectors at their capacity, bit sets, the words),
    /// for `check --stats`: what it costs beside the corpus text.
    pub fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        let bits = |set: &FixedBitSet| set.len().div_ceil(8);
        let words: usize = self
            .vocabulary
            .iter()
            .map(|w| w.len() + size_of::<Box<str>>())
            .sum();
        let letters: usize = self
            .first_letters
            .values()
            .map(|set| bits(set) + size_of::<(char, FixedBitSet)>())
            .sum();
        self.doc_starts.capacity() * size_of::<usize>()
            + bits(&self.operative)
            + bits(&self.annex)
            + words
            + self.posting_starts.capacity() * size_of::<usize>()
            + self.postings.capacity() * size_of::<u32>()
            + letters
            + self.votes.heap_bytes()
    }

    /// Original text of paragraph `id` in `corpus`.
    pub fn original<'c>(&self, corpus: &'c [Resolution], id: ParagraphId) -> &'c str {
        let (doc, paragraph) = self.locate(id);
        corpus
            .by_id(doc)
            .and_then(|r| r.paragraph(paragraph))
            .map_or("", |p| p.text.as_str())
    }

    /// The document of paragraph `id` and the paragraph's place in it.
    pub fn locate(&self, id: ParagraphId) -> (DocId, ParagraphIndex) {
        let doc = self
            .doc_starts
            .partition_point(|&s| s <= id.0)
            .saturating_sub(1);
        let start = self.doc_starts.get(doc).copied().unwrap_or(0);
        (DocId(doc), ParagraphIndex(id.0.saturating_sub(start)))
    }

    /// The global ids of document `doc`'s paragraphs, as bit positions (empty for no such
    /// document).
    pub fn paragraphs_of(&self, doc: DocId) -> std::ops::Range<usize> {
        match (self.doc_starts.get(doc.0), self.doc_starts.get(doc.0 + 1)) {
            (Some(&start), Some(&end)) => start..end,
            _ => 0..0,
        }
    }

    fn postings_of(&self, word_id: usize) -> &[u32] {
        &self.postings[self.posting_starts[word_id]..self.posting_starts[word_id + 1]]
    }

    /// Ids of vocabulary words starting with `prefix`.
    fn words_with_prefix(&self, prefix: &str) -> std::ops::Range<usize> {
        let start = self.vocabulary.partition_point(|w| &**w < prefix);
        let end = start + self.vocabulary[start..].partition_point(|w| w.starts_with(prefix));
        start..end
    }

    /// Id of the vocabulary word equal to `word`.
    fn word_id(&self, word: &str) -> Option<usize> {
        self.vocabulary.binary_search_by(|w| (**w).cmp(word)).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load::load_embedded;

    #[test]
    fn builds_over_the_sample_corpus() {
        let corpus = load_embedded();
        let index = Index::build(&corpus.resolutions);
        let paragraphs: usize = corpus.resolutions.iter().map(|r| r.paragraphs.len()).sum();
        assert_eq!(index.paragraph_count(), paragraphs);
        assert_eq!(index.document_count(), corpus.resolutions.len());
        let (doc, para) = index.locate(ParagraphId(paragraphs - 1));
        assert_eq!(doc, DocId(corpus.resolutions.len() - 1));
        assert_eq!(para.0, corpus.resolutions[doc.0].paragraphs.len() - 1);
        let id = index.word_id("cooperation").unwrap();
        assert!(!index.postings_of(id).is_empty());
        assert!(index.postings_of(id).windows(2).all(|w| w[0] < w[1]));
        assert!(index.words_with_prefix("coop").len() >= 2);
        assert_eq!(
            index.original(&corpus.resolutions, ParagraphId(0)),
            corpus.resolutions[0].paragraphs[0].text
        );
    }
}
