//! The pieces a query is cut into before they mean anything: the query bounded and folded,
//! its tokens (quotes kept together), and the values of filters (ballots, country names over
//! several words, symbols, ranges).

use std::ops::RangeInclusive;
use std::str::FromStr;

use super::{Term, TermKind};
use crate::corpus::countries::lookup;
use crate::corpus::model::Ballot;
use crate::corpus::symbol::{Series, Symbol};
use crate::text::fold::fold;

/// At most this many bytes of a query are read (cut at a character boundary); the rest is
/// ignored, with [`too_many_bytes`] as a hint. Bounds the parser's work and the hints' size.
pub const MAX_QUERY_BYTES: usize = 4096;

/// The hint for a query of more than [`MAX_QUERY_BYTES`] bytes.
pub fn too_many_bytes() -> String {
    format!("query too long: only the first {MAX_QUERY_BYTES} bytes are used")
}

/// The longest run of extra words an unquoted country name may take (`c:united kingdom of …`).
const MAX_COUNTRY_WORDS: usize = 8;

/// The first [`MAX_QUERY_BYTES`] of `input` (less, to end on a character), and whether it was
/// cut.
pub(super) fn bounded(input: &str) -> (&str, bool) {
    if input.len() <= MAX_QUERY_BYTES {
        return (input, false);
    }
    let mut end = MAX_QUERY_BYTES;
    while !input.is_char_boundary(end) {
        end -= 1;
    }
    (&input[..end], true)
}

/// Fold, turn typographic double quotes into `"`, drop invisible characters.
pub(super) fn prepare(input: &str) -> String {
    fold(input)
        .chars()
        .filter_map(|c| match c {
            '“' | '”' | '„' | '‟' | '«' | '»' => Some('"'),
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => None,
            c if c.is_control() => Some(' '),
            c => Some(c),
        })
        .collect()
}

/// Split on spaces outside quotes; quotes stay in the tokens. Also says whether a quote was left
/// open.
pub(super) fn tokenize(text: &str) -> (Vec<String>, bool) {
    let mut tokens = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in text.chars() {
        if c == ' ' && !quoted {
            if !current.is_empty() {
                tokens.push(std::mem::take(&mut current));
            }
            continue;
        }
        quoted ^= c == '"';
        current.push(c);
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    (tokens, quoted)
}

/// Quotes become spaces, spaces are collapsed: `"cote  d'ivoire"` → `cote d'ivoire`.
pub(super) fn unquote(text: &str) -> String {
    text.replace('"', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `key:value` when `key` is a run of letters (so `10:30`, `'a:b` and `"s:44"` are text).
pub(super) fn split_scope(token: &str) -> Option<(&str, &str)> {
    let (key, value) = token.split_once(':')?;
    let is_key = !key.is_empty() && key.bytes().all(|b| b.is_ascii_lowercase());
    is_key.then_some((key, value))
}

/// One atom (`!'x`, `^x`, `x$`, `"a b"`, `x`) as a term, or the hint saying why it is ignored.
pub(super) fn atom(raw: &str) -> Result<Term, String> {
    let (negated, body) = match raw.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, raw),
    };
    let (exact, body) = match body.strip_prefix('\'') {
        Some(rest) => (true, rest),
        None => (false, body),
    };
    let (prefix, body) = match body.strip_prefix('^').filter(|_| !exact) {
        Some(rest) => (true, rest),
        None => (false, body),
    };
    let (suffix, body) = match body.strip_suffix('$').filter(|_| !exact) {
        Some(rest) => (true, rest),
        None => (false, body),
    };
    let text = unquote(body);
    if text.is_empty() {
        return Err(if raw.contains('"') {
            "empty quotes ignored".to_string()
        } else {
            format!("empty term \"{raw}\" ignored")
        });
    }
    let kind = match (exact, prefix, suffix) {
        (true, ..) => TermKind::Exact,
        (_, true, true) => TermKind::Whole,
        (_, true, false) => TermKind::Prefix,
        (_, false, true) => TermKind::Suffix,
        _ if body.contains('"') => TermKind::Phrase,
        // As in fzf, a negated word is never fuzzy: `!x` means "does not contain x".
        _ if negated => TermKind::Exact,
        _ => TermKind::Fuzzy,
    };
    Ok(Term {
        text,
        kind,
        negated,
    })
}

/// `name=ballot` split at the first `=`.
pub(super) fn split_ballot(value: &str) -> (&str, Option<&str>) {
    match value.split_once('=') {
        Some((name, ballot)) => (name, Some(ballot)),
        None => (value, None),
    }
}

pub(super) fn parse_ballot(word: &str) -> Option<Ballot> {
    match word {
        "yes" | "y" | "pour" | "oui" | "for" => Some(Ballot::Yes),
        "no" | "n" | "contre" | "non" | "against" => Some(Ballot::No),
        "abstain" | "a" | "abstention" | "abs" => Some(Ballot::Abstain),
        _ => None,
    }
}

/// An unquoted country value takes the following plain words when together they are an exact
/// country name (longest wins): `c:cote d'ivoire=no`, `c:guinee equatoriale`. Returns the value
/// and how many extra tokens it used.
pub(super) fn extend_country(first: &str, tail: &[String]) -> (String, usize) {
    if first.contains('"') {
        return (first.to_string(), 0);
    }
    let plain = |w: &&String| !w.contains([':', '"', '|']) && !w.starts_with(['!', '\'', '^']);
    let available = tail
        .iter()
        .take(MAX_COUNTRY_WORDS)
        .take_while(plain)
        .count();
    for extra in (1..=available).rev() {
        let mut joined = first.to_string();
        for word in &tail[..extra] {
            joined.push(' ');
            joined.push_str(word);
        }
        let (name, ballot) = split_ballot(&joined);
        if ballot.is_none_or(|b| !b.contains(' ')) && lookup(name).is_some() {
            return (joined, extra);
        }
    }
    (first.to_string(), 0)
}

/// Symbols are typed with spaces (`sym:A/RES/2453 (XXIII)`, `sym:217 A (III)`): an unquoted
/// value takes the next word when it opens a parenthesis (and a part letter before it) and
/// together they read as a symbol or a number. Returns the value and how many words it used.
pub(super) fn extend_symbol(first: &str, tail: &[String]) -> (String, usize) {
    let opens = |w: &String| w.starts_with('(');
    let letter = |w: &String| w.len() == 1 && w.bytes().all(|b| b.is_ascii_alphabetic());
    let extra = match tail {
        _ if first.contains('"') => 0,
        [next, ..] if opens(next) => 1,
        [part, next, ..] if letter(part) && opens(next) => 2,
        _ => 0,
    };
    let mut joined = first.to_string();
    for word in &tail[..extra] {
        joined.push(' ');
        joined.push_str(word);
    }
    if extra > 0 && canonical_symbol(&joined).is_some() {
        (joined, extra)
    } else {
        (first.to_string(), 0)
    }
}

/// A symbol in its canonical spelling (`A/RES/2453 (XXIII)`), or a number read in any series
/// (`2453 (XXIII)`, `2334 (2016)`, `44/18`).
pub(super) fn canonical_symbol(value: &str) -> Option<String> {
    if let Some(symbol) = Symbol::parse(value) {
        return Some(symbol.to_string());
    }
    let short = Series::ALL
        .into_iter()
        .find_map(|s| Symbol::parse_short(value, s));
    short.map(|symbol| symbol.number())
}

/// The `sym:` value as matched: canonical and folded when it reads as a symbol or number.
pub(super) fn symbol_text(value: &str) -> String {
    canonical_symbol(value).map_or_else(|| value.to_string(), |c| c.to_ascii_lowercase())
}

/// Parse `44`, `40..46`, `..46`, `40..` (or `40-46`); `50..40` gives an empty range.
pub(super) fn parse_range<T: FromStr + PartialOrd>(
    value: &str,
    min: T,
    max: T,
) -> Option<RangeInclusive<T>> {
    let bound = |text: &str, open: T| match text {
        "" => Some(open),
        _ => text.parse().ok(),
    };
    let (low, high) = match value.split_once("..").or_else(|| value.split_once('-')) {
        Some(("", "")) => return None,
        Some((low, high)) => (bound(low, min)?, bound(high, max)?),
        None => (value.parse().ok()?, value.parse().ok()?),
    };
    Some(low..=high)
}

/// A range that is well formed and not empty.
pub(super) fn range<T: FromStr + PartialOrd>(
    value: &str,
    min: T,
    max: T,
) -> Option<RangeInclusive<T>> {
    parse_range(value, min, max).filter(|r| !r.is_empty())
}
