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
pub mod votes;

use crate::corpus::{ParagraphKind, Resolution};
use fixedbitset::FixedBitSet;
use fold::fold_into;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

pub use search::{Hit, SearchResult, match_positions};

/// The inverted index over every paragraph of a corpus.
#[derive(Debug, Default)]
pub struct Index {
    /// Folded paragraphs, in chunks of consecutive documents (folded in parallel, never
    /// copied into one string: that would double the peak memory).
    chunks: Vec<String>,
    /// (chunk, start, end) of each paragraph's folded text.
    spans: Vec<(u32, u32, u32)>,
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
    /// Documents by country and ballot, for `c:` filters.
    votes: votes::VoteIndex,
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
        const DOCS_PER_CHUNK: usize = 64;
        let folded: Vec<(String, Vec<(u32, u32)>)> = resolutions
            .par_chunks(DOCS_PER_CHUNK)
            .map(|docs| {
                let mut text = String::new();
                let mut spans = Vec::new();
                for paragraph in docs.iter().flat_map(|r| &r.paragraphs) {
                    let start = text.len() as u32;
                    fold_into(&paragraph.text, &mut text);
                    spans.push((start, text.len() as u32));
                }
                text.shrink_to_fit();
                (text, spans)
            })
            .collect();
        let mut index = Index::default();
        for (chunk, (text, spans)) in folded.into_iter().enumerate() {
            index.chunks.push(text);
            let chunk = chunk as u32;
            index
                .spans
                .extend(spans.into_iter().map(|(s, e)| (chunk, s, e)));
        }
        index.doc_starts.push(0);
        index.operative.grow(index.spans.len());
        let mut id = 0;
        for r in resolutions {
            for paragraph in &r.paragraphs {
                if paragraph.kind == ParagraphKind::Operative {
                    index.operative.insert(id);
                }
                id += 1;
            }
            index.doc_starts.push(id);
        }
        index.build_postings();
        index.votes = votes::VoteIndex::build(resolutions);
        index
    }

    fn build_postings(&mut self) {
        const CHUNK: usize = 8192;
        let count = self.paragraph_count();
        let ranges: Vec<std::ops::Range<usize>> = (0..count)
            .step_by(CHUNK)
            .map(|start| start..(start + CHUNK).min(count))
            .collect();
        // The vocabulary: distinct words, gathered in parallel, then sorted.
        let distinct: FxHashSet<&str> = ranges
            .par_iter()
            .map(|range| {
                let mut set = FxHashSet::default();
                for p in range.clone() {
                    set.extend(words(self.text(p)));
                }
                set
            })
            .reduce(FxHashSet::default, |mut a, b| {
                a.extend(b);
                a
            });
        let mut vocabulary: Vec<&str> = distinct.into_iter().collect();
        vocabulary.par_sort_unstable();
        let ids: FxHashMap<&str, u32> = vocabulary
            .iter()
            .enumerate()
            .map(|(i, w)| (*w, i as u32))
            .collect();
        // Each paragraph's distinct word ids, in parallel, chunk by chunk.
        let per_chunk: Vec<(Vec<u32>, Vec<usize>)> = ranges
            .par_iter()
            .map(|range| {
                let mut flat: Vec<u32> = Vec::new();
                let mut starts = Vec::with_capacity(range.len() + 1);
                for p in range.clone() {
                    let begin = flat.len();
                    starts.push(begin);
                    flat.extend(words(self.text(p)).filter_map(|w| ids.get(w).copied()));
                    flat[begin..].sort_unstable();
                    let mut kept = begin;
                    for i in begin..flat.len() {
                        if i == begin || flat[i] != flat[kept - 1] {
                            flat[kept] = flat[i];
                            kept += 1;
                        }
                    }
                    flat.truncate(kept);
                }
                starts.push(flat.len());
                (flat, starts)
            })
            .collect();
        drop(ids);
        let mut posting_starts = vec![0usize; vocabulary.len() + 1];
        for (flat, _) in &per_chunk {
            for &id in flat {
                posting_starts[id as usize + 1] += 1;
            }
        }
        for i in 1..posting_starts.len() {
            posting_starts[i] += posting_starts[i - 1];
        }
        // Postings in paragraph order, so each list is ascending.
        let mut postings = vec![0u32; posting_starts[vocabulary.len()]];
        let mut cursor = posting_starts.clone();
        for (range, (flat, starts)) in ranges.iter().zip(&per_chunk) {
            for (i, p) in range.clone().enumerate() {
                for &id in &flat[starts[i]..starts[i + 1]] {
                    postings[cursor[id as usize]] = p as u32;
                    cursor[id as usize] += 1;
                }
            }
        }
        drop(per_chunk);
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
        self.vocabulary = vocabulary.into_iter().map(Box::from).collect();
        self.posting_starts = posting_starts;
        self.postings = postings;
        self.first_letters = first_letters;
    }

    /// Number of paragraphs indexed.
    pub fn paragraph_count(&self) -> usize {
        self.spans.len()
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
        let (chunk, start, end) = self.spans[id];
        &self.chunks[chunk as usize][start as usize..end as usize]
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
