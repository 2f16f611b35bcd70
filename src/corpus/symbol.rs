//! Every UN document symbol series a user meets, read leniently and printed canonically:
//! `A/RES/73/6`, `A/RES/217 A (III)`, `A/RES/ES-10/21`, `A/HRC/RES/S-30/1`, `A/DEC/79/555`,
//! `S/RES/2334 (2016)`, `E/CN.4/RES/2005/1`, `E/RES/1503 (XLVIII)` …
//!
//! A symbol is a series prefix (`A/HRC/RES/`) and a *number* as printed in the title line
//! (`44/18`, `2453 (XXIII)`). The number comes in two layouts, and which one is a fact of the
//! series and session, never a choice of the writer: `session/serial` (GA and HRC since the
//! 31st session, CHR and ECOSOC by year), or `serial (session)` (GA sessions numbered in Roman
//! before 1976, and the Security Council's year). Parsing checks the layout, so what parses
//! prints back the same way and two spellings of one symbol compare equal.
//!
//! Hand-written over tokens, no regex, next to no allocation: parsing runs once
//! per document on load and on every `sym:` comparison.

mod read;
mod roman;
mod series;

pub use series::Series;

use super::model::{Body, Resolution};
use roman::{MAX_ROMAN, write_roman};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt::{self, Display, Write};
use std::str::FromStr;

// The model's links to symbols live here, so that `model` knows nothing of symbols.
impl Body {
    /// The symbol of resolution `number` (`44/18`) adopted by this body, the number as given.
    pub fn symbol_for(self, number: &str) -> String {
        format!("{}{number}", Series::for_body(self, false).prefix())
    }
}

impl Resolution {
    /// The symbol read as a [`Symbol`]: the printed symbol when it parses, else the number as a
    /// resolution of the body. `None` when neither reads.
    pub fn parsed_symbol(&self) -> Option<Symbol> {
        let printed = self.symbol.as_deref().and_then(Symbol::parse);
        printed.or_else(|| {
            let series = Series::for_body(self.body?, false);
            Symbol::parse_short(self.number.as_deref()?, series)
        })
    }
}

/// What kind of session adopted a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SessionKind {
    /// `73`, or `XXIII` before the GA's 31st session.
    Regular,
    /// `S-30` (`S-VI` in Roman before 1976).
    Special,
    /// `ES-10` (`ES-I` … `ES-V` in Roman).
    EmergencySpecial,
    /// A calendar year: `2016` for the Security Council, CHR and ECOSOC.
    Year,
}

/// A session as the symbol names it; Roman numerals are kept so they print back as Roman.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Session {
    kind: SessionKind,
    number: u32,
    roman: bool,
}

/// The years a year-numbered series may name: the UN's first year to well beyond any text.
const YEARS: std::ops::RangeInclusive<u32> = 1945..=2999;

impl Session {
    /// A session in Arabic numerals (`73`, `S-30`, `ES-10`, `2016`); `None` for session 0 or a
    /// year outside 1945–2999.
    pub fn new(kind: SessionKind, number: u32) -> Option<Session> {
        let valid = match kind {
            SessionKind::Year => YEARS.contains(&number),
            _ => number > 0,
        };
        valid.then_some(Session {
            kind,
            number,
            roman: false,
        })
    }

    /// A session in Roman numerals (`XXIII`, `S-VI`, `ES-I`); `None` for a year or a number
    /// outside 1–3999.
    pub fn roman(kind: SessionKind, number: u32) -> Option<Session> {
        let valid = kind != SessionKind::Year && (1..=MAX_ROMAN).contains(&number);
        valid.then_some(Session {
            kind,
            number,
            roman: true,
        })
    }

    pub fn kind(self) -> SessionKind {
        self.kind
    }

    /// The session's value: 23 for `XXIII`, 30 for `S-30`, 2016 for the year 2016.
    pub fn number(self) -> u32 {
        self.number
    }

    pub fn is_roman(self) -> bool {
        self.roman
    }
}

impl Display for Session {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            SessionKind::Special => f.write_str("S-")?,
            SessionKind::EmergencySpecial => f.write_str("ES-")?,
            SessionKind::Regular | SessionKind::Year => {}
        }
        if self.roman {
            write_roman(f, self.number)
        } else {
            write!(f, "{}", self.number)
        }
    }
}

/// A UN resolution or decision symbol. Ordered by series, then session (kind, then value),
/// then serial number and part, all numerically: `A/RES/73/6` < `A/RES/73/10` < `A/RES/74/1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Symbol {
    series: Series,
    session: Session,
    serial: u32,
    part: Option<char>,
}

/// Why a text is not a symbol (for `FromStr` and serde).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "“{0}” is not a UN resolution or decision symbol (like A/RES/73/6, A/RES/2453 (XXIII), \
     A/HRC/RES/S-30/1 or S/RES/2334 (2016))"
)]
pub struct NotASymbol(pub String);

/// Longer input is not a symbol; the cap keeps parsing cheap on any string.
const MAX_LEN: usize = 120;

impl Symbol {
    /// A symbol, when `session` exists in `series`, `serial` is not 0 and `part` is a letter.
    pub fn new(series: Series, session: Session, serial: u32, part: Option<char>) -> Option<Self> {
        let part_ok = part.is_none_or(|p| p.is_ascii_uppercase());
        (series.admits(session) && serial > 0 && part_ok).then_some(Symbol {
            series,
            session,
            serial,
            part,
        })
    }

    /// Read a full symbol: `A/RES/73/6`, `a / res / 2453(xxiii)`, `A/RES/217(III)A`,
    /// `A/HRC/RES/S-30/1.` Case, spaces (also non-breaking), dash variants and a final `.` do
    /// not matter. `None` for anything else, never a panic.
    pub fn parse(text: &str) -> Option<Symbol> {
        read::full(text)
    }

    /// Read the number as printed in a title line (`44/18.`, `2453 (XXIII).`, `ES-10/21`,
    /// `S-30/1`, `2334 (2016)`) as a symbol of `series`. A full symbol is not accepted here.
    pub fn parse_short(text: &str, series: Series) -> Option<Symbol> {
        read::short(text, series)
    }

    pub fn series(&self) -> Series {
        self.series
    }

    pub fn session(&self) -> Session {
        self.session
    }

    /// The serial number within the session: 18 in `44/18`, 2453 in `2453 (XXIII)`.
    pub fn serial(&self) -> u32 {
        self.serial
    }

    /// The part letter: `A` in `217 A (III)` and `79/238 A`.
    pub fn part(&self) -> Option<char> {
        self.part
    }

    /// The number as printed in the title line: `44/18`, `2453 (XXIII)`, `ES-10/21`, `S-30/1`,
    /// `2334 (2016)`, `217 A (III)`.
    pub fn number(&self) -> String {
        let mut number = String::new();
        // Writing to a String cannot fail.
        let _ = self.write_number(&mut number);
        number
    }

    pub fn body(&self) -> Body {
        self.series.body()
    }

    pub fn is_decision(&self) -> bool {
        self.series.is_decision()
    }

    /// The session's value, Roman numerals converted (23 for `XXIII`, 30 for `S-30` — see
    /// [`Session::kind`] to tell special sessions apart); `None` for year-numbered series.
    pub fn session_number(&self) -> Option<u32> {
        (self.session.kind != SessionKind::Year).then_some(self.session.number)
    }

    fn write_number(&self, out: &mut impl Write) -> fmt::Result {
        let (serial, session, part) = (self.serial, self.session, PartSuffix(self.part));
        if self.series.parenthesised(session) {
            write!(out, "{serial}{part} ({session})")
        } else {
            write!(out, "{session}/{serial}{part}")
        }
    }
}

/// ` A` after the serial number, or nothing.
struct PartSuffix(Option<char>);

impl Display for PartSuffix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(part) => write!(f, " {part}"),
            None => Ok(()),
        }
    }
}

impl Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.series.prefix())?;
        self.write_number(f)
    }
}

impl FromStr for Symbol {
    type Err = NotASymbol;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Symbol::parse(text).ok_or_else(|| NotASymbol(text.chars().take(MAX_LEN).collect()))
    }
}

impl Serialize for Symbol {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Symbol {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
#[path = "symbol/tests.rs"]
mod tests;
