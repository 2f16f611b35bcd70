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
use std::collections::HashMap;

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
    first_letters: HashMap<char, FixedBitSet>,
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
        // Each paragraph's distinct words, in parallel.
        let per_paragraph: Vec<Vec<&str>> = (0..count)
            .into_par_iter()
            .map(|p| {
                let mut ws: Vec<&str> = words(self.text(p)).collect();
                ws.sort_unstable();
                ws.dedup();
                ws
            })
            .collect();
        let mut vocabulary: Vec<&str> = per_paragraph.iter().flatten().copied().collect();
        vocabulary.par_sort_unstable();
        vocabulary.dedup();
        let ids: HashMap<&str, u32> = vocabulary
            .iter()
            .enumerate()
            .map(|(i, w)| (*w, i as u32))
            .collect();
        let mut counts = vec![0usize; vocabulary.len() + 1];
        for ws in &per_paragraph {
            for w in ws {
                counts[ids[w] as usize + 1] += 1;
            }
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let mut postings = vec![0u32; counts[vocabulary.len()]];
        let mut cursor = counts.clone();
        for (p, ws) in per_paragraph.iter().enumerate() {
            for w in ws {
                let id = ids[w] as usize;
                postings[cursor[id]] = p as u32;
                cursor[id] += 1;
            }
        }
        let mut first_letters: HashMap<char, FixedBitSet> = HashMap::new();
        for (id, word) in vocabulary.iter().enumerate() {
            let Some(c) = word.chars().next() else {
                continue;
            };
            let set = first_letters
                .entry(c)
                .or_insert_with(|| FixedBitSet::with_capacity(count));
            for &p in &postings[counts[id]..counts[id + 1]] {
                set.insert(p as usize);
            }
        }
        self.vocabulary = vocabulary.into_iter().map(Box::from).collect();
        self.posting_starts = counts;
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
