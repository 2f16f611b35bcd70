//! What a footnote line looks like: its mark and text, where one footnote ends and the next
//! begins, and the paragraph openings that are never a footnote's continuation.

use crate::corpus::lexicon::Lexicons;
use crate::corpus::numbering::leading_number;

/// `… Sales No.`: the footnote breaks its line after an abbreviation and goes on.
pub(super) fn ends_with_abbreviation(text: &str, lexicons: &Lexicons) -> bool {
    let last = text.rsplit(char::is_whitespace).next().unwrap_or("");
    let word = last.trim_end_matches('.').trim_start_matches(['(', '[']);
    !word.is_empty()
        && word.chars().all(char::is_alphabetic)
        && lexicons.any_abbreviation(&crate::text::fold::fold(word))
}

/// After a footnote ending in a full stop, `text` opens the next one: a capital, an address
/// (`www.un.org/…`, a footnote of its own), or a number when the stop ends a symbol or a word
/// rather than an abbreviation (`vol.`, `No.`).
pub(super) fn starts_new_note(previous: &str, text: &str) -> bool {
    if text.starts_with(char::is_uppercase)
        || ["www.", "http://", "https://"]
            .iter()
            .any(|web| text.starts_with(web))
    {
        return true;
    }
    let last = previous.rsplit(char::is_whitespace).next().unwrap_or("");
    let last = last.trim_end_matches('.');
    text.starts_with(|c: char| c.is_ascii_digit())
        && (last.chars().any(|c| c.is_ascii_digit() || c == '/') || last.chars().count() > 4)
}

/// `12 A/HRC/43/68.`: a footnote's mark and text.
pub(super) fn footnote_line(text: &str) -> Option<(&str, &str)> {
    let (mark, rest) = leading_number(text)?;
    let body = rest.trim_start();
    (rest.starts_with(char::is_whitespace) && !body.is_empty()).then_some((mark, body))
}

/// `12. `, `(a) `, `[`: a line that opens a paragraph, never a footnote's continuation.
pub(super) fn starts_paragraph_marker(text: &str) -> bool {
    if text.starts_with('[') {
        return true;
    }
    if let Some(inner) = text.strip_prefix('(') {
        let letters = inner.bytes().take_while(u8::is_ascii_lowercase).count();
        return (1..=4).contains(&letters) && inner[letters..].starts_with(')');
    }
    crate::corpus::numbering::paragraph_number(text).is_some()
}
