//! Roman numerals, in the one spelling the UN prints (`XXIII`, `XLVIII`, `S-VI`).

use std::fmt::{self, Write};

/// The largest number written in Roman numerals without a bar (MMMCMXCIX).
pub(super) const MAX_ROMAN: u32 = 3999;

const NUMERALS: [(u32, &str); 13] = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
];

pub(super) fn write_roman(out: &mut impl Write, mut value: u32) -> fmt::Result {
    for (worth, numeral) in NUMERALS {
        while value >= worth {
            out.write_str(numeral)?;
            value -= worth;
        }
    }
    Ok(())
}

/// The value of a Roman numeral in its one standard spelling (`XXIII`, `XLVIII`), any case;
/// `None` for `IIII`, `VX`, `IC` and other spellings that do not print back the same.
pub(super) fn roman_value(word: &str) -> Option<u32> {
    if word.is_empty() || word.len() > 15 || !word.is_ascii() {
        return None;
    }
    let mut value = 0u32;
    let mut rest = word;
    for (worth, numeral) in NUMERALS {
        while let Some(tail) = strip_prefix_ignore_case(rest, numeral) {
            value += worth;
            rest = tail;
        }
    }
    if !rest.is_empty() || value == 0 || value > MAX_ROMAN {
        return None;
    }
    let mut printed = String::new();
    write_roman(&mut printed, value).ok()?;
    printed.eq_ignore_ascii_case(word).then_some(value)
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| text.get(prefix.len()..))
        .flatten()
}
