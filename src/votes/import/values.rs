//! Cell values: vote codes, counts written as floats, dates.

use crate::votes::cast::Cast;
use chrono::NaiveDate;

/// A cell as text, trimmed; `None` when it is not UTF-8.
pub fn text(bytes: &[u8]) -> Option<&str> {
    std::str::from_utf8(bytes).ok().map(str::trim)
}

/// R's and pandas' missing value, or nothing.
pub fn is_missing(value: &str) -> bool {
    value.is_empty() || value == "NA" || value == "NaN" || value == "nan"
}

/// A UN Digital Library vote code: `Y`, `N`, `A`, `X` (v3) or `NV` (v1) (any case). `Ok(None)`
/// for a blank cell; `Err` for anything else.
pub fn undl_vote(value: &str) -> Result<Option<Cast>, ()> {
    match value.to_ascii_uppercase().as_str() {
        "" => Ok(None),
        "Y" => Ok(Some(Cast::Yes)),
        "N" => Ok(Some(Cast::No)),
        "A" => Ok(Some(Cast::Abstain)),
        "X" | "NV" => Ok(Some(Cast::NonVoting)),
        _ => Err(()),
    }
}

/// A count as the data sets write it: `120`, `120.0`; `Ok(None)` when missing, `Err` when it is
/// no whole number from 0 to a million.
pub fn count(value: &str) -> Result<Option<u32>, ()> {
    if is_missing(value) {
        return Ok(None);
    }
    if let Ok(n) = value.parse::<u32>() {
        return if n <= 1_000_000 { Ok(Some(n)) } else { Err(()) };
    }
    match value.parse::<f64>() {
        Ok(f) if f.fract() == 0.0 && (0.0..=1e6).contains(&f) => {
            // Checked whole and within 0..=1e6 above.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            Ok(Some(f as u32))
        }
        _ => Err(()),
    }
}

/// An ISO date, alone or followed by a time (`1975-11-10`, `1975-11-10T00:00:00Z`,
/// `1975-11-10 00:00:00`); `Ok(None)` when missing.
pub fn date(value: &str) -> Result<Option<NaiveDate>, ()> {
    if is_missing(value) {
        return Ok(None);
    }
    let day = value.get(..10).ok_or(())?;
    let rest = &value[10..];
    if !(rest.is_empty() || rest.starts_with(['T', ' '])) {
        return Err(());
    }
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| ())
}

/// A whole number of a few digits, read from bytes without allocating (Voeten's `rcid`).
pub fn small_number(bytes: &[u8]) -> Option<u32> {
    let bytes = bytes.trim_ascii();
    if bytes.is_empty() || bytes.len() > 9 {
        return None;
    }
    bytes.iter().try_fold(0u32, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

/// A 0/1 flag (`amend`, `para`); missing and anything else is 0.
pub fn flag(value: &[u8]) -> bool {
    matches!(value.trim_ascii(), b"1" | b"1.0" | b"TRUE" | b"true")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_may_be_floats() {
        assert_eq!(count("120.0"), Ok(Some(120)));
        assert_eq!(count("7"), Ok(Some(7)));
        assert_eq!(count(""), Ok(None));
        assert_eq!(count("NA"), Ok(None));
        assert_eq!(count("12.5"), Err(()));
        assert_eq!(count("-1"), Err(()));
        assert_eq!(count("inf"), Err(()));
    }

    #[test]
    fn vote_codes() {
        assert_eq!(undl_vote("y"), Ok(Some(Cast::Yes)));
        assert_eq!(undl_vote("X"), Ok(Some(Cast::NonVoting)));
        assert_eq!(undl_vote("NV"), Ok(Some(Cast::NonVoting)));
        assert_eq!(undl_vote(""), Ok(None));
        assert_eq!(undl_vote("Q"), Err(()));
    }

    #[test]
    fn dates_and_numbers() {
        let d = NaiveDate::from_ymd_opt(1975, 11, 10);
        assert_eq!(date("1975-11-10"), Ok(d));
        assert_eq!(date("1975-11-10T00:00:00Z"), Ok(d));
        assert_eq!(date("NA"), Ok(None));
        assert_eq!(date("10/11/1975"), Err(()));
        assert_eq!(date("1975-13-10"), Err(()));
        assert_eq!(small_number(b" 1622 "), Some(1622));
        assert_eq!(small_number(b"16x"), None);
        assert_eq!(small_number(b""), None);
        assert!(flag(b"1") && !flag(b"0") && !flag(b"NA"));
    }
}
