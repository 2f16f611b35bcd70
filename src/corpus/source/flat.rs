//! Flattened text: clauses one per line, or the whole resolution on a few long lines, with the
//! meeting, the date and the vote block inline. Long lines are cut where a clause visibly starts
//! (a resolution number and title, the opening words, a preambular lead after a comma, an
//! operative number after a clause's end, the meeting, a vote block); each piece is a `Line`
//! marked `inferred`, and the grammar decides what each is (a cut it does not want is joined
//! back).

use super::{LineRef, Lines, Read, plain};
use crate::corpus::lexicon::Lexicon;
use crate::corpus::numbering::{paragraph_number, resolution_number};
use crate::text::fold::fold_with_offsets;

/// Lines at least this long are looked into for clause boundaries.
const LONG_LINE: usize = 60;

pub fn read(text: &str, lexicon: Option<&Lexicon>) -> Read {
    let mut lines = Lines::new();
    // The opening words are cut out once, before the first paragraph; later they are text
    // (`… invites the Human Rights Council, at its …`).
    let mut opener_seen = false;
    for line in plain::lines(text) {
        if let Some(l) = lexicon
            && l.opener(&crate::text::fold::fold(&line.text)).is_some()
        {
            opener_seen = true;
        }
        if line.text.len() < LONG_LINE {
            lines.push(&line.as_ref());
            continue;
        }
        let cuts = cut_points(&line.text, lexicon, &mut opener_seen);
        let mut start = 0usize;
        for end in cuts.into_iter().chain([line.text.len()]) {
            let piece = line.text[start..end].trim();
            if !piece.is_empty() {
                lines.push(&LineRef {
                    text: piece,
                    page: line.page,
                    blank_before: start == 0 && line.blank_before,
                    inferred: start > 0,
                    bytes: line.bytes.start + start..line.bytes.start + end,
                    ..LineRef::default()
                });
            }
            start = end;
        }
    }
    Read {
        lines,
        ..Read::default()
    }
}

/// Byte offsets in `text` where a new clause starts, ascending.
pub(crate) fn cut_points(
    text: &str,
    lexicon: Option<&Lexicon>,
    opener_seen: &mut bool,
) -> Vec<usize> {
    let mut cuts = Vec::new();
    // Word starts after a space, with the last non-space character before it.
    let mut previous_char = ' ';
    let mut last_non_space = '.';
    for (at, c) in text.char_indices() {
        let starts_word = previous_char == ' ' && c != ' ';
        previous_char = c;
        if !starts_word {
            if c != ' ' {
                last_non_space = c;
            }
            continue;
        }
        let rest = &text[at..];
        let after_clause = matches!(last_non_space, '.' | ';' | ':' | ',');
        let cut = (c.is_ascii_digit() || c == 'S' || c == 'E')
            && resolution_number(rest).is_some_and(|(_, title)| {
                title.starts_with(char::is_uppercase) || title.is_empty()
            })
            || (after_clause
                && c.is_ascii_digit()
                && paragraph_number(rest).is_some_and(|(_, r)| r.starts_with(char::is_uppercase)))
            || (c == '[' && after_clause)
            || (matches!(last_non_space, ',' | ';')
                && c.is_uppercase()
                && lexicon.is_some_and(|l| l.is_preambular_lead(rest)));
        if cut {
            cuts.push(at);
        }
        if c != ' ' {
            last_non_space = c;
        }
    }
    if let Some(lexicon) = lexicon {
        lexicon_cuts(text, lexicon, &mut cuts, opener_seen);
    }
    cuts.retain(|&at| at > 0);
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}

/// Cuts only the lexicon can tell: the opening words (before and after them), the meeting line
/// after a clause's end, a vote block.
fn lexicon_cuts(text: &str, lexicon: &Lexicon, cuts: &mut Vec<usize>, opener_seen: &mut bool) {
    let (folded, offsets) = fold_with_offsets(text);
    let original = |at: usize| offsets.get(at).copied().unwrap_or(text.len());
    if !*opener_seen && let Some(opener) = lexicon.find_openers(&folded).next() {
        *opener_seen = true;
        cuts.push(original(opener.start));
        cuts.push(original(opener.end));
    }
    let bytes = folded.as_bytes();
    for (at, _) in folded.match_indices(' ') {
        let next = at + 1;
        let Some(&b) = bytes.get(next) else {
            continue;
        };
        // What ends the clause before is looked at only before a digit: each space of a long
        // run of spaces looking back over the whole run cost its square (a fuzzed file of 67,000
        // spaces took seconds).
        let after_clause = || {
            let before = folded[..at].trim_end().chars().next_back();
            matches!(before, Some('.' | ';' | ':'))
        };
        let meeting =
            b.is_ascii_digit() && after_clause() && lexicon.meeting(&folded[next..]).is_some();
        if meeting || (b == b'[' && lexicon.starts_vote_block(&folded[next..])) {
            cuts.push(original(next));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::lexicon::Lexicons;

    fn english() -> &'static Lexicon {
        Lexicons::builtin()
            .get("en")
            .expect("the English lexicon is built in")
    }

    #[test]
    fn a_one_line_resolution_is_cut_into_clauses() {
        let text = "Resolution adopted by the Human Rights Council on 3 April 2023 52/1. Title of it \
                    The Human Rights Council, Recalling its resolutions, Noting the report, \
                    1. Decides to act; 2. Decides to remain seized of the matter. 55th meeting 3 April 2023 \
                    [Adopted by a recorded vote of 1 to 1, with 0 abstentions. In favour: Algeria Against: Malawi Abstaining:]";
        let r = read(text, Some(english()));
        let pieces: Vec<&str> = r.lines.iter().map(|l| l.text).collect();
        assert_eq!(
            pieces,
            [
                "Resolution adopted by the Human Rights Council on 3 April 2023",
                "52/1. Title of it",
                "The Human Rights Council,",
                "Recalling its resolutions,",
                "Noting the report,",
                "1. Decides to act;",
                "2. Decides to remain seized of the matter.",
                "55th meeting 3 April 2023",
                "[Adopted by a recorded vote of 1 to 1, with 0 abstentions. In favour: Algeria Against: Malawi Abstaining:]",
            ]
        );
        assert!(r.lines.to_vec()[1].inferred && !r.lines.to_vec()[0].inferred);
    }
}
