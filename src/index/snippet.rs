//! Which part of a matching paragraph a result shows: the window of a few wrapped lines that
//! holds the most distinct matched words (then the most matches), starting at a word, rather
//! than the first match, which may be a lone word far from the passage that answers the query.

use crate::text::display::wrap;
use crate::text::fold::fold;
use std::ops::Range;

/// At most this many matched words are tried as the start of a window (a fuzzy query can match
/// letters all over a long paragraph; the first ones are enough to choose from).
const MAX_CANDIDATES: usize = 64;

/// The byte where the snippet of `text` starts: `rows` lines of `width` columns that show the
/// most distinct matched words of `positions` (byte offsets of highlighted characters), then
/// the most matched words, then the earliest such window. Always a word start (0 when the
/// beginning is as good), a little before the matches when that costs none of them.
pub fn best_window(text: &str, positions: &[usize], width: usize, rows: usize) -> usize {
    let runs = matched_runs(text, positions);
    if runs.is_empty() {
        return 0;
    }
    let width = width.max(1);
    let lead = width / 3;
    let mut best = (0, score(text, &runs, 0, width, rows));
    for run in runs.iter().take(MAX_CANDIDATES) {
        for start in [
            lead_start(text, run.start, lead),
            word_start(text, run.start),
        ] {
            let candidate = score(text, &runs, start, width, rows);
            if candidate > best.1 || (candidate == best.1 && start < best.0) {
                best = (start, candidate);
            }
        }
    }
    best.0
}

/// Maximal runs of consecutive highlighted characters: the matched words (or parts of words).
fn matched_runs(text: &str, positions: &[usize]) -> Vec<Range<usize>> {
    let mut sorted = positions.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut runs: Vec<Range<usize>> = Vec::new();
    for at in sorted {
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            continue;
        };
        let end = at + c.len_utf8();
        match runs.last_mut() {
            Some(run) if run.end == at => run.end = end,
            _ => runs.push(at..end),
        }
    }
    runs
}

/// (distinct matched words, matched words) wholly inside the window starting at `start`.
fn score(
    text: &str,
    runs: &[Range<usize>],
    start: usize,
    width: usize,
    rows: usize,
) -> (usize, usize) {
    let end = start + window_len(&text[start..], width, rows);
    let inside: Vec<String> = runs
        .iter()
        .filter(|r| r.start >= start && r.end <= end)
        .map(|r| fold(&text[r.clone()]))
        .collect();
    let mut distinct = inside.clone();
    distinct.sort_unstable();
    distinct.dedup();
    (distinct.len(), inside.len())
}

/// Bytes of `text` the first `rows` wrapped lines show.
fn window_len(text: &str, width: usize, rows: usize) -> usize {
    // No line holds more characters than columns (but for zero-width ones): wrapping twice as
    // many is enough to find where the rows end, and keeps a long paragraph cheap.
    let limit = text
        .char_indices()
        .nth(width.saturating_mul(rows).saturating_mul(2))
        .map_or(text.len(), |(i, _)| i);
    let lines = wrap(&text[..limit], width);
    lines[..rows.min(lines.len())]
        .last()
        .map_or(0, |line| line.end)
}

/// The start of the word holding byte `at`.
fn word_start(text: &str, at: usize) -> usize {
    let at = floor_boundary(text, at);
    text[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// A word start about `lead` characters before byte `at`, for a little context.
fn lead_start(text: &str, at: usize, lead: usize) -> usize {
    let at = floor_boundary(text, at);
    let Some((back, _)) = text[..at].char_indices().rev().take(lead).last() else {
        return 0;
    };
    if back == 0 {
        return 0;
    }
    // Forward to the start of the next word (or the matched word itself).
    text[back..at].find(char::is_whitespace).map_or_else(
        || word_start(text, at),
        |space| {
            let after = back + space;
            after + text[after..].chars().next().map_or(0, char::len_utf8)
        },
    )
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::match_positions;
    use crate::index::query::parse;

    fn shown(text: &str, query: &str, width: usize) -> String {
        let positions = match_positions(&parse(query), text);
        let start = best_window(text, &positions, width, 2);
        let len = window_len(&text[start..], width, 2);
        text[start..start + len].to_string()
    }

    #[test]
    fn the_window_with_every_query_word_wins_over_the_first_match() {
        let text = "Rappelant sa coopération avec les organes conventionnels, les procédures \
                    spéciales et le mécanisme d’examen périodique universel, ainsi que les \
                    travaux du Haut-Commissariat, et décide de renforcer la coopération \
                    technique en matière de droits de l’homme avec les États qui la demandent.";
        let window = shown(text, "coopération technique", 40);
        assert!(window.contains("coopération technique"), "{window}");
        assert!(!window.starts_with("Rappelant"), "{window}");
        // It starts at a word.
        let start = text.find(&window).unwrap();
        assert!(text[..start].ends_with(' '), "{window}");
    }

    #[test]
    fn the_beginning_when_it_is_as_good() {
        let text = "Décide de renforcer la coopération technique avec les États Membres.";
        assert_eq!(
            best_window(text, &match_positions(&parse("coop"), text), 60, 2),
            0
        );
        assert_eq!(best_window(text, &[], 10, 2), 0);
        // Offsets out of the text or inside a character are harmless.
        assert_eq!(best_window("é", &[1, 7], 10, 2), 0);
        assert_eq!(best_window("", &[0], 0, 0), 0);
    }

    #[test]
    fn a_late_lone_match_shows_with_a_little_context() {
        let text = format!("{}la coopération.", "Mot ".repeat(40));
        let positions = match_positions(&parse("coop"), &text);
        let start = best_window(&text, &positions, 30, 2);
        let at = text.find("coop").unwrap();
        assert!(start > 0 && start < at, "{start}");
        assert!(text[start..].starts_with("Mot ") || text[start..].starts_with("la "));
        assert!(
            at - start <= 10,
            "about a third of a line before: {}",
            &text[start..]
        );
    }
}
