//! The paragraphs a term can match, from the inverted index: its word's postings, every word
//! it starts, or every word within its typo distance; and what a term accepts of a text.

use super::{MATCHER, fuzzy_sized};
use crate::index::Index;
use crate::index::query::{Term, TermKind};
use crate::text::fold::words;
use fixedbitset::FixedBitSet;
use fuzzy_matcher::FuzzyMatcher;

impl Index {
    /// A superset of the paragraphs `term` can match, from the inverted index.
    pub(super) fn term_candidates(&self, term: &Term) -> FixedBitSet {
        let count = self.paragraph_count();
        let mut set = FixedBitSet::with_capacity(count);
        set.insert_range(..);
        for word in words(&term.text) {
            let mut union = FixedBitSet::with_capacity(count);
            if term.kind == TermKind::Fuzzy {
                self.add_prefix_postings(word, &mut union);
                if union.is_clear() {
                    self.add_fuzzy_postings(word, &mut union);
                }
            } else {
                // Exact forms may start inside a word (`'operation` in `cooperation`).
                for (id, w) in self.vocabulary.iter().enumerate() {
                    if w.contains(word) {
                        self.add_postings(id, &mut union);
                    }
                }
            }
            set.intersect_with(&union);
        }
        set
    }

    pub(super) fn add_postings(&self, word_id: usize, set: &mut FixedBitSet) {
        for &p in self.postings_of(word_id) {
            set.insert(p as usize);
        }
    }

    pub(super) fn add_prefix_postings(&self, prefix: &str, set: &mut FixedBitSet) {
        let mut chars = prefix.chars();
        if let (Some(c), None) = (chars.next(), chars.next())
            && let Some(letter) = self.first_letters.get(&c)
        {
            set.union_with(letter);
            return;
        }
        for id in self.words_with_prefix(prefix) {
            self.add_postings(id, set);
        }
    }

    /// Typo tolerance: words sharing the first letter that the fuzzy matcher accepts and that
    /// are not much longer than what was typed.
    pub(super) fn add_fuzzy_postings(&self, word: &str, set: &mut FixedBitSet) {
        let Some(first) = word.chars().next() else {
            return;
        };
        if word.chars().count() < 3 || !fuzzy_sized(word) {
            return;
        }
        let mut buf = [0u8; 4];
        for id in self.words_with_prefix(first.encode_utf8(&mut buf)) {
            let candidate = &self.vocabulary[id];
            if candidate.len() <= word.len() * 2 + 2
                && MATCHER.fuzzy_match(candidate, word).is_some()
            {
                self.add_postings(id, set);
            }
        }
    }

    /// Whether the index alone decides `term`: fuzzy words (a word starting with each), and
    /// an exact single word (a vocabulary word containing it).
    pub(super) fn index_exact(term: &Term) -> bool {
        match term.kind {
            TermKind::Fuzzy => true,
            TermKind::Exact => term.text.chars().all(char::is_alphanumeric),
            _ => false,
        }
    }

    pub(super) fn accepts(term: &Term, text: &str) -> bool {
        match term.kind {
            // A fuzzy term already narrowed the candidates; inside an OR group with exact
            // forms it holds when each of its words starts a word of the text.
            TermKind::Fuzzy => {
                words(&term.text).all(|w| words(text).any(|t| t.starts_with(w))) != term.negated
            }
            _ => term.accepts(text),
        }
    }
}
