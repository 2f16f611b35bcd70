//! How well a paragraph matches, and where: the fuzzy matcher's score with its bonuses, and
//! the match positions mapped back to the original characters for highlighting.

use super::{
    FUZZY_WINDOW, PHRASE_BONUS, REPEAT_BONUS, WHOLE_WORD_BONUS, fresh_matcher, fuzzy_sized,
};
use crate::index::query::{Query, Term, TermKind};
use crate::text::fold::fold_with_offsets;
use fuzzy_matcher::FuzzyMatcher;

/// The fuzzy matcher's score of every term on `folded`, plus bonuses for a whole word, for
/// a term that comes back, and for the terms together as a phrase.
pub(super) fn score(terms: &[&Term], folded: &str) -> i64 {
    let mut total = 0;
    for term in terms {
        if fuzzy_sized(&term.text) {
            let window = term_window(&term.text, folded);
            total += fresh_matcher().fuzzy_match(window, &term.text).unwrap_or(0);
        }
        let mut seen = 0i64;
        let mut whole = false;
        for (at, found) in folded.match_indices(term.text.as_str()).take(4) {
            seen += 1;
            let after = folded[at + found.len()..].chars().next();
            whole |= is_word_start(folded, at) && after.is_none_or(|c| !c.is_alphanumeric());
        }
        if whole {
            total += WHOLE_WORD_BONUS;
        }
        total += REPEAT_BONUS * (seen - 1).max(0);
    }
    if terms.len() > 1 {
        let phrase: Vec<&str> = terms.iter().map(|t| t.text.as_str()).collect();
        if folded.contains(&phrase.join(" ")) {
            total += PHRASE_BONUS;
        }
    }
    total
}

/// Where the matcher should look: the word `term` starts, when it occurs, so the cost does not
/// grow with the paragraph; else the whole paragraph (a typo, an exact form).
pub(super) fn term_window<'a>(term: &str, folded: &'a str) -> &'a str {
    let Some(start) = word_start_occurrence(folded, term) else {
        let mut end = FUZZY_WINDOW.min(folded.len());
        while !folded.is_char_boundary(end) {
            end -= 1;
        }
        return &folded[..end];
    };
    let mut end = (start + term.len() + 24).min(folded.len());
    while !folded.is_char_boundary(end) {
        end += 1;
    }
    &folded[start..end]
}

/// The first place `term` occurs at the start of a word of `folded`.
fn word_start_occurrence(folded: &str, term: &str) -> Option<usize> {
    if term.is_empty() {
        return None;
    }
    folded
        .match_indices(term)
        .map(|(i, _)| i)
        .find(|&i| is_word_start(folded, i))
}

fn is_word_start(folded: &str, at: usize) -> bool {
    folded[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// Byte offsets in `original` of every character the query highlights: every occurrence of
/// each positive term at a word start (or anywhere, for exact forms), else the fuzzy matcher's
/// positions.
pub fn match_positions(query: &Query, original: &str) -> Vec<usize> {
    let terms: Vec<&Term> = query.positive_terms().collect();
    positions_of(&terms, original)
}

/// [`match_positions`] of these terms.
pub(super) fn positions_of(terms: &[&Term], original: &str) -> Vec<usize> {
    let (folded, offsets) = fold_with_offsets(original);
    let mut positions: Vec<usize> = Vec::new();
    for term in terms {
        let mut found = false;
        for (start, end) in occurrences(term, &folded) {
            found = true;
            positions.extend(offsets[start..end].iter().copied());
        }
        if !found
            && term.kind == TermKind::Fuzzy
            && fuzzy_sized(&term.text)
            && let Some((_, chars)) = fresh_matcher().fuzzy_indices(&folded, &term.text)
            && compact(&chars, term.text.chars().count())
        {
            let byte_of: Vec<usize> = folded.char_indices().map(|(i, _)| i).collect();
            positions.extend(
                chars
                    .iter()
                    .filter_map(|&c| byte_of.get(c))
                    .map(|&b| offsets[b]),
            );
        }
    }
    positions.sort_unstable();
    positions.dedup();
    positions
}

/// Whether fuzzy match positions (character indices, sorted) read as one misspelt word: they
/// span little more than the term. Letters picked across a paragraph (`v` … `a` … `c` lines
/// apart) are no match worth showing.
fn compact(chars: &[usize], term_chars: usize) -> bool {
    match (chars.first(), chars.last()) {
        (Some(first), Some(last)) => last - first < 2 * term_chars + 2,
        _ => false,
    }
}

/// Byte ranges in `folded` where `term` occurs as its kind asks.
fn occurrences(term: &Term, folded: &str) -> Vec<(usize, usize)> {
    let needle = term.text.as_str();
    if needle.is_empty() {
        return Vec::new();
    }
    let all = folded.match_indices(needle).map(|(i, s)| (i, i + s.len()));
    match term.kind {
        TermKind::Fuzzy => all.filter(|&(i, _)| is_word_start(folded, i)).collect(),
        TermKind::Prefix => all.take(1).filter(|_| term.matches(folded)).collect(),
        TermKind::Suffix => all
            .last()
            .into_iter()
            .filter(|_| term.matches(folded))
            .collect(),
        _ => all.collect(),
    }
}
