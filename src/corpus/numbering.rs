//! The numbers that open lines: an operative paragraph's `12.`, a resolution's `44/18.`,
//! `ES-10/21.`, `S-30/1.` or `2453 (XXIII).` — read by hand, one pass over the first bytes.

use super::lexicon::is_roman;

/// A number of one to three digits opening `text`: its digits and what follows them.
pub fn leading_number(text: &str) -> Option<(&str, &str)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits).then(|| text.split_at(digits))
}

/// `12. Décide …` → (12, `Décide …`): a paragraph number, its period, then a space or the end.
pub fn paragraph_number(text: &str) -> Option<(u32, &str)> {
    let (digits, rest) = leading_number(text)?;
    let rest = rest.strip_prefix('.')?;
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    Some((digits.parse().ok()?, rest.trim_start()))
}

/// A resolution's number at the start of its title line, and the rest of the line:
/// `44/18. Title` → (`44/18`, `Title`); `2453 (XXIII). Title` → (`2453 (XXIII)`, `Title`);
/// `ES-10/21.`, `S-30/1.`, `80/3.` alone → (`80/3`, an empty rest).
pub fn resolution_number(text: &str) -> Option<(String, &str)> {
    let text = text.trim_start();
    let (number, rest) = slash_number(text).or_else(|| roman_number(text))?;
    let rest = rest.strip_prefix('.')?;
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    Some((number, rest.trim_start()))
}

/// `44/18`, `ES-10/21`, `S-30/1`.
fn slash_number(text: &str) -> Option<(String, &str)> {
    let prefix = ["ES-", "S-"]
        .iter()
        .find(|p| text.starts_with(**p))
        .map_or("", |p| *p);
    let after_prefix = &text[prefix.len()..];
    let session = after_prefix.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&session) {
        return None;
    }
    let after_session = after_prefix[session..].strip_prefix('/')?;
    let number = after_session.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=4).contains(&number) {
        return None;
    }
    let end = prefix.len() + session + 1 + number;
    Some((text[..end].to_string(), &text[end..]))
}

/// `2453 (XXIII)`: a number, then the session in Roman numerals in brackets.
fn roman_number(text: &str) -> Option<(String, &str)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=4).contains(&digits) {
        return None;
    }
    let after = text[digits..].trim_start();
    let inner = after.strip_prefix('(')?;
    let close = inner.find(')')?;
    let roman = inner[..close].trim();
    if !is_roman(roman) || roman.bytes().any(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let rest = &inner[close + 1..];
    Some((format!("{} ({roman})", &text[..digits]), rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolution_numbers_of_every_period() {
        let table = [
            ("44/18. Titre", Some(("44/18", "Titre"))),
            ("80/3.", Some(("80/3", ""))),
            (
                "2453 (XXIII). International co-operation",
                Some(("2453 (XXIII)", "International co-operation")),
            ),
            ("2453(XXIII). X", Some(("2453 (XXIII)", "X"))),
            ("ES-10/21. Protection", Some(("ES-10/21", "Protection"))),
            ("S-30/1. Situation", Some(("S-30/1", "Situation"))),
            ("80/3 Title", None),
            ("12. Décide", None),
            ("2020/12. x", None),
            ("1234 (xx). y", None),
            ("44/18.5", None),
        ];
        for (text, expected) in table {
            let got = resolution_number(text);
            assert_eq!(
                got.as_ref().map(|(n, r)| (n.as_str(), *r)),
                expected,
                "{text}"
            );
        }
    }

    #[test]
    fn paragraph_numbers() {
        assert_eq!(paragraph_number("12. Décide"), Some((12, "Décide")));
        assert_eq!(paragraph_number("1."), Some((1, "")));
        assert_eq!(paragraph_number("1.5 million"), None);
        assert_eq!(paragraph_number("1234. x"), None);
    }
}
