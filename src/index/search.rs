//! Query → ranked hits: candidates from the inverted index, filters, then the fuzzy matcher
//! (`SkimMatcherV2` over folded text) on the best few hundred only, with bonuses for whole-word
//! and exact-phrase matches; match positions mapped back to the original characters.

// Paragraph and word ids are u32, halving the postings: four billion paragraphs would not
// fit in memory long before an id overflowed.
#![allow(clippy::cast_possible_truncation)]

use super::query::{Filters, Query, Term};
use super::recorded::RollCallSources;
use super::{Index, ParagraphId};
use crate::corpus::{ById, DocId, ParagraphIndex, ParagraphKind, Resolution};
use crate::text::fold::fold;
use fixedbitset::FixedBitSet;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;
use std::sync::LazyLock;

mod candidates;
mod score;

pub use score::match_positions;
use score::{positions_of, score};

/// One matching paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub document: DocId,
    pub paragraph: ParagraphIndex,
    pub score: i64,
    /// Byte offsets, in the original paragraph text, of each highlighted character.
    pub positions: Vec<usize>,
}

/// The answer to a query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchResult {
    /// Best first, at most the limit asked for.
    pub hits: Vec<Hit>,
    /// Every matching paragraph, counted.
    pub total: usize,
    /// Every document with at least one matching paragraph, in corpus order, with how many.
    pub documents: Vec<(DocId, usize)>,
}

/// How many candidates beyond the limit the fuzzy matcher scores per query.
const SCORED_EXTRA: usize = 300;
const WHOLE_WORD_BONUS: i64 = 40;
const PHRASE_BONUS: i64 = 80;
const REPEAT_BONUS: i64 = 10;

/// The matcher for questions whose answer is yes or no (does this word match at all?).
static MATCHER: LazyLock<SkimMatcherV2> = LazyLock::new(|| SkimMatcherV2::default().ignore_case());

/// A matcher with an empty cache, for scores and positions. fuzzy-matcher 0.3.7 keeps its score
/// matrix per thread between calls and grows it without clearing it, so a shared matcher's
/// score depended on what the same thread had matched before: the ranking changed from run to
/// run (`tests/ranking.rs` caught it). Whether it matches does not depend on the matrix, and
/// `use_cache(false)` panics (a `RefCell` borrowed twice), hence a new matcher per score.
fn fresh_matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default()
        .ignore_case()
        .element_limit(FUZZY_ELEMENTS)
}

/// The fuzzy matcher's work is the term's length times the text's (its score matrix has that
/// many cells): a term longer than this is matched as it is written, never fuzzily — no word
/// is that long, and a hostile query of long words cost seconds per paragraph.
pub const MAX_FUZZY_TERM: usize = 64;

/// The most text a fuzzy score reads when the term is not found as written (a misspelt word
/// somewhere in the paragraph): the paragraph's start, so a paragraph of megabytes costs what
/// one of this size does.
const FUZZY_WINDOW: usize = 8 * 1024;

/// Above this many matrix cells (term × text), fuzzy-matcher's cheap left-to-right match is
/// used for the positions instead of its full matrix.
const FUZZY_ELEMENTS: usize = 256 * 1024;

/// Whether `term` is short enough for the fuzzy matcher.
fn fuzzy_sized(term: &str) -> bool {
    term.len() <= MAX_FUZZY_TERM
}

/// What one search did, counted: tests bound the work of a query with it (never its time).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Work {
    /// Terms looked up in the inverted index.
    pub terms: usize,
    /// Paragraphs read and folded to verify phrases, `^`, `$` and negations.
    pub verified: usize,
    /// Paragraphs scored for ranking.
    pub scored: usize,
    /// Fuzzy scores computed: one per scored paragraph and term the index places in it.
    pub term_scores: usize,
}

/// The search was stopped because a newer one is wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stopped;

/// How many paragraphs are verified between two looks at whether to stop.
const VERIFY_CHUNK: usize = 4096;

impl Index {
    /// Answer `query` over `corpus` (the resolutions this index was built from).
    pub fn search(&self, corpus: &[Resolution], query: &Query, limit: usize) -> SearchResult {
        self.search_with(corpus, query, limit, &RollCallSources::default())
    }

    /// [`Index::search`], with the roll calls of imported records for the query's `v:` and
    /// `src:` keys.
    pub fn search_with(
        &self,
        corpus: &[Resolution],
        query: &Query,
        limit: usize,
        sources: &RollCallSources,
    ) -> SearchResult {
        self.search_until_with(corpus, query, limit, sources, &mut || false)
            .map(|(result, _)| result)
            .unwrap_or_default()
    }

    /// [`Index::search`] that asks `stop` between steps (each term, each few thousand
    /// paragraphs read, before ranking) and gives up as soon as it says yes; also says what
    /// work it did.
    ///
    /// # Errors
    ///
    /// [`Stopped`] when `stop` said yes.
    pub fn search_until(
        &self,
        corpus: &[Resolution],
        query: &Query,
        limit: usize,
        stop: &mut dyn FnMut() -> bool,
    ) -> Result<(SearchResult, Work), Stopped> {
        self.search_until_with(corpus, query, limit, &RollCallSources::default(), stop)
    }

    /// [`Index::search_until`] with the roll calls of imported records (`v:`, `src:`).
    ///
    /// # Errors
    ///
    /// [`Stopped`] when `stop` said yes.
    pub fn search_until_with(
        &self,
        corpus: &[Resolution],
        query: &Query,
        limit: usize,
        sources: &RollCallSources,
        stop: &mut dyn FnMut() -> bool,
    ) -> Result<(SearchResult, Work), Stopped> {
        let mut work = Work::default();
        let check = |stop: &mut dyn FnMut() -> bool| if stop() { Err(Stopped) } else { Ok(()) };
        check(stop)?;
        let count = self.paragraph_count();
        let mut candidates = self.allowed(corpus, query, sources);
        // Each positive term's candidates, looked up once: for its group, then for ranking.
        let mut term_sets = Vec::new();
        let mut to_verify = Vec::new();
        for group in &query.groups {
            let mut union = FixedBitSet::with_capacity(count);
            for term in group.iter().filter(|t| !t.negated) {
                check(stop)?;
                work.terms += 1;
                let set = self.term_candidates(term);
                union.union_with(&set);
                term_sets.push(set);
            }
            match group.as_slice() {
                // `!word`: the index knows exactly which paragraphs hold it.
                [term] if term.negated && Self::index_exact(term) => {
                    work.terms += 1;
                    candidates.difference_with(&self.term_candidates(term));
                }
                _ if group.iter().any(|t| t.negated) => to_verify.push(group),
                _ => {
                    candidates.intersect_with(&union);
                    if !group.iter().all(Self::index_exact) {
                        to_verify.push(group);
                    }
                }
            }
        }
        if !to_verify.is_empty() {
            // Phrases, `^`, `$`, negated phrases: fold and read each remaining candidate.
            let ids: Vec<usize> = candidates.ones().collect();
            for chunk in ids.chunks(VERIFY_CHUNK) {
                check(stop)?;
                work.verified += chunk.len();
                let rejected: Vec<usize> = chunk
                    .par_iter()
                    .copied()
                    .filter(|&id| {
                        let text = fold(self.original(corpus, ParagraphId(id)));
                        !to_verify
                            .iter()
                            .all(|group| group.iter().any(|t| Self::accepts(t, &text)))
                    })
                    .collect();
                for id in rejected {
                    candidates.remove(id);
                }
            }
        }
        check(stop)?;
        let hits = self.rank(corpus, query, &candidates, &term_sets, limit, &mut work);
        let result = SearchResult {
            total: candidates.count_ones(..),
            documents: self.documents_of(&candidates),
            hits,
        };
        Ok((result, work))
    }

    /// Paragraphs allowed by the query's document and paragraph-kind filters.
    fn allowed(
        &self,
        corpus: &[Resolution],
        query: &Query,
        sources: &RollCallSources,
    ) -> FixedBitSet {
        let count = self.paragraph_count();
        let mut allowed = FixedBitSet::with_capacity(count);
        let filters = &query.filters;
        let documents = self.document_count();
        // Country filters through the vote index; the other document filters are cheap checks.
        let mut docs = FixedBitSet::with_capacity(documents);
        docs.insert_range(..);
        for country in &filters.countries {
            docs.intersect_with(&self.votes.documents(country));
        }
        let others = Filters {
            countries: Vec::new(),
            paragraph_kind: None,
            ..filters.clone()
        };
        if others != Filters::default() {
            let rejected: Vec<usize> = docs
                .ones()
                .filter(|&doc| {
                    corpus
                        .get(doc)
                        .is_none_or(|r| !others.accepts_document_with(r, sources))
                })
                .collect();
            for doc in rejected {
                docs.remove(doc);
            }
        }
        for doc in docs.ones() {
            allowed.insert_range(self.paragraphs_of(DocId(doc)));
        }
        match filters.paragraph_kind {
            Some(ParagraphKind::Operative) => allowed.intersect_with(&self.operative),
            Some(ParagraphKind::Preambular) => {
                allowed.difference_with(&self.operative);
                allowed.difference_with(&self.annex);
            }
            Some(ParagraphKind::Annex) => allowed.intersect_with(&self.annex),
            None => {}
        }
        allowed
    }

    fn documents_of(&self, matching: &FixedBitSet) -> Vec<(DocId, usize)> {
        DocId::all(self.document_count())
            .filter_map(|doc| {
                let n = matching.count_ones(self.paragraphs_of(doc));
                (n > 0).then_some((doc, n))
            })
            .collect()
    }

    /// Score the best candidates and return the top `limit`, best first. A term is scored
    /// only in the paragraphs its index lookup (`term_sets`, one per positive term) places it
    /// in, so the alternatives of `a | b | …` cost what they match, not each one every
    /// paragraph.
    fn rank(
        &self,
        corpus: &[Resolution],
        query: &Query,
        matching: &FixedBitSet,
        term_sets: &[FixedBitSet],
        limit: usize,
        work: &mut Work,
    ) -> Vec<Hit> {
        let terms: Vec<&Term> = query.positive_terms().collect();
        let chosen: Vec<u32> = if terms.is_empty() {
            matching.ones().take(limit).map(|i| i as u32).collect()
        } else {
            self.preselect(&terms, matching, limit + SCORED_EXTRA)
        };
        // The terms the index places in paragraph `id`.
        let present = |id: u32| -> Vec<&Term> {
            terms
                .iter()
                .zip(term_sets)
                .filter(|(_, set)| set.contains(id as usize))
                .map(|(t, _)| *t)
                .collect()
        };
        let mut scored: Vec<(i64, usize, u32, usize)> = chosen
            .par_iter()
            .map(|&id| {
                let original = self.original(corpus, ParagraphId(id as usize));
                let present = present(id);
                (
                    score(&present, &fold(original)),
                    original.len(),
                    id,
                    present.len(),
                )
            })
            .collect();
        work.scored += scored.len();
        work.term_scores += scored.iter().map(|s| s.3).sum::<usize>();
        // Equal scores: the shorter paragraph (denser match) first, then corpus order.
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        scored.truncate(limit);
        scored
            .into_par_iter()
            .filter_map(|(score, _, id, _)| {
                let (document, paragraph) = self.locate(ParagraphId(id as usize));
                let text = &corpus.by_id(document)?.paragraph(paragraph)?.text;
                Some(Hit {
                    document,
                    paragraph,
                    score,
                    positions: positions_of(&present(id), text),
                })
            })
            .collect()
    }

    /// The candidates worth scoring, at most `wanted`: first those where every term is a whole
    /// word, then the others, each in corpus order. Bitset work, not a pass over candidates.
    fn preselect(&self, terms: &[&Term], matching: &FixedBitSet, wanted: usize) -> Vec<u32> {
        let mut best = matching.clone();
        for term in terms {
            let mut whole = FixedBitSet::with_capacity(matching.len());
            if let Some(id) = self.word_id(&term.text) {
                self.add_postings(id, &mut whole);
            }
            best.intersect_with(&whole);
        }
        let mut chosen: Vec<u32> = best.ones().take(wanted).map(|i| i as u32).collect();
        if chosen.len() < wanted {
            let rest = matching.difference(&best).take(wanted - chosen.len());
            chosen.extend(rest.map(|i| i as u32));
        }
        chosen
    }
}

#[cfg(test)]
mod tests;
