//! Reading a symbol: tokens, then the series prefix, then the number in one of its two layouts.

use super::roman::roman_value;
use super::{MAX_LEN, Series, Session, SessionKind, Symbol};

/// A full symbol: a series prefix, then its number.
pub(super) fn full(text: &str) -> Option<Symbol> {
    let tokens = tokenize(text)?;
    Series::ALL.into_iter().find_map(|series| {
        let rest = strip_prefix(&tokens, series.prefix())?;
        parse_number(rest, series)
    })
}

/// The number alone, read in `series`.
pub(super) fn short(text: &str, series: Series) -> Option<Symbol> {
    parse_number(&tokenize(text)?, series)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token<'a> {
    Slash,
    Open,
    Close,
    /// A run of ASCII letters, digits, `.` and dashes (any Unicode dash).
    Word(&'a str),
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}'
    )
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// Split into tokens; `None` on a character no symbol has, or on overlong input. A final `.`
/// (the title line's `44/18.`) is dropped.
fn tokenize(text: &str) -> Option<Vec<Token<'_>>> {
    if text.len() > MAX_LEN {
        return None;
    }
    let text = text.trim_matches(is_space).trim_end_matches('.');
    let mut tokens = Vec::new();
    let mut word_start: Option<usize> = None;
    for (at, c) in text.char_indices() {
        let in_word = c.is_ascii_alphanumeric() || c == '.' || is_dash(c);
        if in_word {
            word_start.get_or_insert(at);
            continue;
        }
        if let Some(start) = word_start.take() {
            tokens.push(Token::Word(&text[start..at]));
        }
        match c {
            '/' => tokens.push(Token::Slash),
            '(' => tokens.push(Token::Open),
            ')' => tokens.push(Token::Close),
            c if is_space(c) => {}
            _ => return None,
        }
    }
    if let Some(start) = word_start {
        tokens.push(Token::Word(&text[start..]));
    }
    Some(tokens)
}

/// The tokens after `prefix` (`A/HRC/RES/`), when they start with it.
fn strip_prefix<'t, 'a>(tokens: &'t [Token<'a>], prefix: &str) -> Option<&'t [Token<'a>]> {
    let mut rest = tokens;
    for segment in prefix.split('/').filter(|s| !s.is_empty()) {
        match rest {
            [Token::Word(w), Token::Slash, tail @ ..] if w.eq_ignore_ascii_case(segment) => {
                rest = tail;
            }
            _ => return None,
        }
    }
    Some(rest)
}

/// `44/18`, `79/238 A`, `ES-10/21` or `2453 (XXIII)`, `217 A (III)`, `217 (III) A`,
/// `2334 (2016)`: the number part of a symbol of `series`.
fn parse_number(tokens: &[Token<'_>], series: Series) -> Option<Symbol> {
    let (session, serial, part, parenthesised) = match *tokens {
        [
            Token::Word(session),
            Token::Slash,
            Token::Word(serial),
            ref rest @ ..,
        ] => {
            let session = arabic_session(session, series)?;
            let (serial, part) = serial_and_part(serial, rest)?;
            (session, serial, part, false)
        }
        [Token::Word(serial), ref rest @ ..] => {
            let (serial, glued) = serial_with_letter(serial)?;
            let (before, rest) = match (glued, rest) {
                (None, [Token::Word(w), rest @ ..]) => (Some(letter(w)?), rest),
                _ => (glued, rest),
            };
            let [
                Token::Open,
                Token::Word(session),
                Token::Close,
                ref after @ ..,
            ] = *rest
            else {
                return None;
            };
            let after = match after {
                [] => None,
                [Token::Word(w)] if before.is_none() => Some(letter(w)?),
                _ => return None,
            };
            (
                parenthesised_session(session)?,
                serial,
                before.or(after),
                true,
            )
        }
        _ => return None,
    };
    let symbol = Symbol::new(series, session, serial, part)?;
    (series.parenthesised(session) == parenthesised).then_some(symbol)
}

/// The serial (`18`, `238A`) and an optional part letter after it (`238 A`).
fn serial_and_part(word: &str, rest: &[Token<'_>]) -> Option<(u32, Option<char>)> {
    let (serial, glued) = serial_with_letter(word)?;
    match (glued, rest) {
        (_, []) => Some((serial, glued)),
        (None, [Token::Word(w)]) => Some((serial, Some(letter(w)?))),
        _ => None,
    }
}

/// `238` or `238A`.
fn serial_with_letter(word: &str) -> Option<(u32, Option<char>)> {
    match word.char_indices().last()? {
        (at, c) if c.is_ascii_alphabetic() => {
            Some((digits(&word[..at])?, Some(letter(&word[at..])?)))
        }
        _ => Some((digits(word)?, None)),
    }
}

/// A part letter, upper-cased.
fn letter(word: &str) -> Option<char> {
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_alphabetic() => Some(c.to_ascii_uppercase()),
        _ => None,
    }
}

/// A positive decimal number that fits in `u32` (leading zeros allowed).
fn digits(word: &str) -> Option<u32> {
    if word.is_empty() || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse().ok().filter(|&n| n > 0)
}

/// `S-30` → (Special, `30`); `ES-I` → (`EmergencySpecial`, `I`); `73` → (Regular, `73`).
fn session_kind(word: &str) -> (SessionKind, &str) {
    let Some((head, tail)) = word.split_once(is_dash) else {
        return (SessionKind::Regular, word);
    };
    match head.to_ascii_uppercase().as_str() {
        "S" => (SessionKind::Special, tail),
        "ES" => (SessionKind::EmergencySpecial, tail),
        // Not a session prefix: the whole word, which then fails as a number.
        _ => (SessionKind::Regular, word),
    }
}

/// The session before the slash: `73`, `S-30`, `ES-10`, or a year in a year-numbered series.
fn arabic_session(word: &str, series: Series) -> Option<Session> {
    match session_kind(word) {
        (SessionKind::Regular, number) if series.by_year() => {
            Session::new(SessionKind::Year, digits(number)?)
        }
        (kind, number) => Session::new(kind, digits(number)?),
    }
}

/// The session in parentheses: `XXIII`, `S-VI`, `ES-I`, or a year (`2016`).
fn parenthesised_session(word: &str) -> Option<Session> {
    if let Some(year) = digits(word) {
        return Session::new(SessionKind::Year, year);
    }
    let (kind, numerals) = session_kind(word);
    Session::roman(kind, roman_value(numerals)?)
}
