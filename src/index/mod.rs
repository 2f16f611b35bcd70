//! The in-memory index and everything that asks it questions — pure, no I/O, no terminal.
//!
//! Built once from the loaded corpus: every paragraph folded (`fold`) into one string, a sorted
//! vocabulary of folded words with the paragraphs each occurs in (an inverted index), and
//! precomputed sets for one-letter prefixes. A query first narrows the paragraphs through the
//! inverted index (work proportional to the postings it touches, not to the corpus), then only
//! the best few hundred candidates are scored by the fuzzy matcher.

pub mod fold;
pub mod query;
pub mod search;

use crate::corpus::{ParagraphKind, Resolution};
use fixedbitset::FixedBitSet;
use fold::fold;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

pub use search::{Hit, SearchResult, match_positions};

/// The inverted index over every paragraph of a corpus.
#[derive(Debug, Default)]
pub struct Index {
    /// All paragraphs, folded, one after the other.
    folded: String,
    /// Byte offset of each paragraph in `folded`, plus the end.
    starts: Vec<usize>,
    /// Global id of each document's first paragraph, plus the end.
    doc_starts: Vec<usize>,
    /// Paragraphs that are operative.
    operative: FixedBitSet,
    /// Sorted unique folded words.
    vocabulary: Vec<Box<str>>,
    /// `postings[posting_starts[w]..posting_starts[w + 1]]`: ascending paragraph ids holding word
    /// `w`.
    posting_starts: Vec<usize>,
    postings: Vec<u32>,
    /// Paragraphs holding a word that starts with this character.
    first_letters: FxHashMap<char, FixedBitSet>,
}

/// Words are runs of letters and digits of the folded text (`l'homme` → `l`, `homme`).
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

impl Index {
    /// Index every paragraph of `resolutions` (in parallel).
    pub fn build(resolutions: &[Resolution]) -> Index {
        let folded_docs: Vec<Vec<String>> = resolutions
            .par_iter()
            .map(|r| r.paragraphs.iter().map(|p| fold(&p.text)).collect())
            .collect();
        let mut index = Index::default();
        let total_len: usize = folded_docs.iter().flatten().map(String::len).sum();
        index.folded.reserve_exact(total_len);
        index.doc_starts.push(0);
        for (doc, paragraphs) in folded_docs.into_iter().enumerate() {
            for (i, text) in paragraphs.into_iter().enumerate() {
                index.starts.push(index.folded.len());
                index.folded.push_str(&text);
                let kind = resolutions[doc].paragraphs[i].kind;
                index.operative.grow(index.starts.len());
                if kind == ParagraphKind::Operative {
                    index.operative.insert(index.starts.len() - 1);
                }
            }
            index.doc_starts.push(index.starts.len());
        }
        index.starts.push(index.folded.len());
        index.operative.grow(index.paragraph_count());
        index.build_postings();
        index
    }

    fn build_postings(&mut self) {
        let count = self.paragraph_count();
        // Pass 1: each paragraph's distinct words as ids (tokenised in parallel, chunk by
        // chunk, so only one chunk of borrowed words is alive at a time).
        let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
        let mut words_by_id: Vec<&str> = Vec::new();
        let mut counts: Vec<usize> = Vec::new();
        let mut flat: Vec<u32> = Vec::new();
        let mut flat_starts: Vec<usize> = Vec::with_capacity(count + 1);
        const CHUNK: usize = 8192;
        for chunk_start in (0..count).step_by(CHUNK) {
            let chunk_end = (chunk_start + CHUNK).min(count);
            let tokenised: Vec<Vec<&str>> = (chunk_start..chunk_end)
                .into_par_iter()
                .map(|p| {
                    let mut ws: Vec<&str> = words(self.text(p)).collect();
                    ws.sort_unstable();
                    ws.dedup();
                    ws
                })
                .collect();
            for ws in tokenised {
                flat_starts.push(flat.len());
                for w in ws {
                    let id = *ids.entry(w).or_insert_with(|| {
                        words_by_id.push(w);
                        counts.push(0);
                        (words_by_id.len() - 1) as u32
                    });
                    counts[id as usize] += 1;
                    flat.push(id);
                }
            }
        }
        flat_starts.push(flat.len());
        drop(ids);
        // Sorted vocabulary: `rank[id]` is the word's place in it.
        let mut order: Vec<u32> = (0..words_by_id.len() as u32).collect();
        order.par_sort_unstable_by_key(|&id| words_by_id[id as usize]);
        let mut rank = vec![0u32; order.len()];
        for (place, &id) in order.iter().enumerate() {
            rank[id as usize] = place as u32;
        }
        let mut posting_starts = vec![0usize; order.len() + 1];
        for (place, &id) in order.iter().enumerate() {
            posting_starts[place + 1] = posting_starts[place] + counts[id as usize];
        }
        // Pass 2: postings in paragraph order, so each list is ascending.
        let mut postings = vec![0u32; flat.len()];
        let mut cursor = posting_starts.clone();
        for p in 0..count {
            for &id in &flat[flat_starts[p]..flat_starts[p + 1]] {
                let place = rank[id as usize] as usize;
                postings[cursor[place]] = p as u32;
                cursor[place] += 1;
            }
        }
        drop(flat);
        let vocabulary: Vec<Box<str>> = order
            .iter()
            .map(|&id| Box::from(words_by_id[id as usize]))
            .collect();
        let mut first_letters: FxHashMap<char, FixedBitSet> = FxHashMap::default();
        for (place, word) in vocabulary.iter().enumerate() {
            let Some(c) = word.chars().next() else {
                continue;
            };
            let set = first_letters
                .entry(c)
                .or_insert_with(|| FixedBitSet::with_capacity(count));
            for &p in &postings[posting_starts[place]..posting_starts[place + 1]] {
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
        self.starts.len().saturating_sub(1)
    }

    /// Number of documents indexed.
    pub fn document_count(&self) -> usize {
        self.doc_starts.len().saturating_sub(1)
    }

    /// Number of distinct words.
    pub fn vocabulary_size(&self) -> usize {
        self.vocabulary.len()
    }

    /// Folded text of paragraph `id` (global id).
    pub fn text(&self, id: usize) -> &str {
        &self.folded[self.starts[id]..self.starts[id + 1]]
    }

    /// (document, paragraph within it) of global paragraph `id`.
    pub fn locate(&self, id: usize) -> (usize, usize) {
        let doc = self.doc_starts.partition_point(|&s| s <= id) - 1;
        (doc, id - self.doc_starts[doc])
    }

    /// Global paragraph ids of document `doc`.
    pub fn paragraphs_of(&self, doc: usize) -> std::ops::Range<usize> {
        self.doc_starts[doc]..self.doc_starts[doc + 1]
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
        let (doc, para) = index.locate(paragraphs - 1);
        assert_eq!(doc, corpus.resolutions.len() - 1);
        assert_eq!(para, corpus.resolutions[doc].paragraphs.len() - 1);
        let id = index.word_id("cooperation").unwrap();
        assert!(!index.postings_of(id).is_empty());
        assert!(index.postings_of(id).windows(2).all(|w| w[0] < w[1]));
        assert!(index.words_with_prefix("coop").len() >= 2);
        assert!(index.text(0).chars().all(|c| !c.is_uppercase()));
    }
}
