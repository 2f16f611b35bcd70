//! Small readings of a line the grammar's steps share: a paragraph kind's name, the original
//! text behind a folded prefix, whether a clause has ended, a number printed without its stop.

use crate::corpus::model::ParagraphKind;
use crate::corpus::segment::rules::View;

pub(super) fn kind_name(kind: ParagraphKind) -> &'static str {
    match kind {
        ParagraphKind::Preambular => "preambular paragraph",
        ParagraphKind::Operative => "operative paragraph",
        ParagraphKind::Annex => "annex paragraph",
    }
}

/// The prefix of `text` whose folded form is `folded_len` bytes long.
pub(super) fn original_prefix(text: &str, folded_len: usize) -> &str {
    let mut folded = 0usize;
    for (at, c) in text.char_indices() {
        if folded >= folded_len {
            return &text[..at];
        }
        folded += crate::text::fold::fold(c.encode_utf8(&mut [0; 4])).len();
    }
    text
}

/// A paragraph's text ends a clause; a footnote call may still follow the punctuation
/// (`session,1`).
pub(super) fn clause_ended(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end()
        .ends_with([',', ';', ':', '.'])
}

/// `6 Also reaffirms`, or `Also reaffirms` after a lone `6` taken out as a page number: the
/// number and where the paragraph's text starts.
pub(super) fn number_without_stop(view: &View<'_>) -> Option<(u32, usize)> {
    if let Some(n) = view.line.bare_number_before() {
        return Some((n, 0));
    }
    let digits = view.text.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let rest = &view.text[digits..];
    let words = rest.trim_start();
    let spaced = rest.len() > words.len();
    let capital = words.chars().next().is_some_and(char::is_uppercase);
    let n = view.text[..digits].parse().ok()?;
    (spaced && capital).then_some((n, view.text.len() - words.len()))
}
