//! What a parse noticed and could not settle: typed, so `check --stats` can count kinds and
//! `check --json` print them as data; `Display` is the sentence a user reads.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A field of the model that a document may lack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Symbol,
    Title,
    AdoptionDate,
    Meeting,
    Paragraphs,
}

impl Field {
    fn label(self) -> &'static str {
        match self {
            Field::Symbol => "symbol",
            Field::Title => "title",
            Field::AdoptionDate => "adoption date",
            Field::Meeting => "meeting",
            Field::Paragraphs => "paragraphs",
        }
    }
}

/// One problem found in one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// The document gives no value for this field.
    MissingField(Field),
    /// No opening words (`The General Assembly,`) were found.
    NoOpener,
    /// Bytes that are not UTF-8 were replaced.
    InvalidUtf8,
    /// The stated counts and the lists disagree (both are kept).
    CountsDisagree {
        stated: [Option<u32>; 3],
        listed: [u32; 3],
    },
    /// A name in a vote list that the country table does not know.
    UnknownCountry { name: String, list: &'static str },
    /// The vote block never closes its bracket.
    VoteCutShort,
    /// A vote block whose outcome could not be read.
    VoteNotUnderstood(String),
    /// Counts stated in a form that could not all be read.
    CountsUnreadable(String),
    /// Lines after the operative part that no rule took.
    TextLeftUnread { lines: usize, first: String },
    /// Operative numbering jumps.
    NumberingSkips { found: u32, after: u32 },
    /// The symbol printed on the page and the one the number gives disagree.
    SymbolDisagrees { printed: String, built: String },
    /// The header's adoption date and the one under the meeting line disagree.
    DatesDisagree { header: String, tail: String },
    /// The reader could not tell the document's language, so no lexicon applied.
    LanguageUnknown,
    /// Another file of the corpus holds the same resolution in the same language.
    SameAs { path: String },
    /// Anything else (a warning read back from JSON).
    Other(String),
}

impl Warning {
    /// A stable name for the kind, for statistics and JSON.
    pub fn kind(&self) -> &'static str {
        match self {
            Warning::MissingField(Field::Symbol) => "missing-symbol",
            Warning::MissingField(Field::Title) => "missing-title",
            Warning::MissingField(Field::AdoptionDate) => "missing-adoption-date",
            Warning::MissingField(Field::Meeting) => "missing-meeting",
            Warning::MissingField(Field::Paragraphs) => "missing-paragraphs",
            Warning::NoOpener => "no-opener",
            Warning::InvalidUtf8 => "invalid-utf8",
            Warning::CountsDisagree { .. } => "counts-disagree",
            Warning::UnknownCountry { .. } => "unknown-country",
            Warning::VoteCutShort => "vote-cut-short",
            Warning::VoteNotUnderstood(_) => "vote-not-understood",
            Warning::CountsUnreadable(_) => "counts-unreadable",
            Warning::TextLeftUnread { .. } => "text-left-unread",
            Warning::NumberingSkips { .. } => "numbering-skips",
            Warning::SymbolDisagrees { .. } => "symbol-disagrees",
            Warning::DatesDisagree { .. } => "dates-disagree",
            Warning::LanguageUnknown => "language-unknown",
            Warning::SameAs { .. } => "duplicate",
            Warning::Other(_) => "other",
        }
    }
}

fn count(n: Option<u32>) -> String {
    n.map_or("?".to_string(), |n| n.to_string())
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::MissingField(field) => write!(f, "missing field: no {} found", field.label()),
            Warning::NoOpener => f.write_str("no opening words (“The General Assembly,”) found"),
            Warning::InvalidUtf8 => {
                f.write_str("invalid UTF-8: undecodable bytes were replaced with �")
            }
            Warning::CountsDisagree { stated, listed } => write!(
                f,
                "stated counts {}–{}–{} disagree with the lists ({}–{}–{} countries listed)",
                count(stated[0]),
                count(stated[1]),
                count(stated[2]),
                listed[0],
                listed[1],
                listed[2]
            ),
            Warning::UnknownCountry { name, list } => {
                write!(f, "unknown country name “{name}” in the {list} list")
            }
            Warning::VoteCutShort => {
                f.write_str("vote block is cut short (no closing bracket): lists may be incomplete")
            }
            Warning::VoteNotUnderstood(head) => write!(f, "vote block not understood: “{head}”"),
            Warning::CountsUnreadable(head) => {
                write!(f, "vote counts could not all be read in “{head}”")
            }
            Warning::TextLeftUnread { lines, first } => write!(
                f,
                "{lines} line(s) after the operative part were not read, from “{first}”"
            ),
            Warning::NumberingSkips { found, after } => {
                write!(
                    f,
                    "operative paragraph {found} follows {after}: numbering skips"
                )
            }
            Warning::SymbolDisagrees { printed, built } => write!(
                f,
                "symbol printed as {printed} but the text reads as {built}; keeping {printed}"
            ),
            Warning::DatesDisagree { header, tail } => write!(
                f,
                "adoption date {header} in the header but {tail} under the meeting line"
            ),
            Warning::LanguageUnknown => {
                f.write_str("language not recognised: no lexicon applies, fields may be missing")
            }
            Warning::SameAs { path } => write!(
                f,
                "the same resolution in the same language is also in {path}: its votes count twice"
            ),
            Warning::Other(text) => f.write_str(text),
        }
    }
}

/// Serialised as the sentence in text formats (CONTRACT.md: `warnings` is a list of strings),
/// and as itself, variant and fields, in binary ones (the cache, `src/cache/`), so that a
/// cached parse keeps each warning's kind.
impl Serialize for Warning {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.collect_str(self)
        } else {
            WarningData::serialize(self, serializer)
        }
    }
}

impl<'de> Deserialize<'de> for Warning {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            Ok(Warning::Other(String::deserialize(deserializer)?))
        } else {
            WarningData::deserialize(deserializer)
        }
    }
}

/// [`Warning`]'s shape for binary formats: serde checks at compile time that it matches the enum
/// (a variant added there and not here does not build).
#[derive(Serialize, Deserialize)]
#[serde(remote = "Warning")]
enum WarningData {
    MissingField(Field),
    NoOpener,
    InvalidUtf8,
    CountsDisagree {
        stated: [Option<u32>; 3],
        listed: [u32; 3],
    },
    UnknownCountry {
        name: String,
        #[serde(deserialize_with = "vote_list")]
        list: VoteListName,
    },
    VoteCutShort,
    VoteNotUnderstood(String),
    CountsUnreadable(String),
    TextLeftUnread {
        lines: usize,
        first: String,
    },
    NumberingSkips {
        found: u32,
        after: u32,
    },
    SymbolDisagrees {
        printed: String,
        built: String,
    },
    DatesDisagree {
        header: String,
        tail: String,
    },
    LanguageUnknown,
    SameAs {
        path: String,
    },
    Other(String),
}

/// `&'static str` under a name, so that serde's derive does not take it for text borrowed from
/// the input (which would tie the input's lifetime to `'static`).
type VoteListName = &'static str;

/// The name of a vote list read back: one of those `corpus::vote` writes.
fn vote_list<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<&'static str, D::Error> {
    let name = String::deserialize(deserializer)?;
    ["in-favour", "against", "abstaining"]
        .into_iter()
        .find(|known| *known == name)
        .ok_or_else(|| serde::de::Error::custom(format!("not a vote list: {name}")))
}

/// A warning as data, for `check --json`.
#[derive(Debug, Serialize)]
pub struct WarningRecord<'a> {
    pub kind: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<Field>,
    #[serde(skip)]
    pub warning: &'a Warning,
}

impl<'a> From<&'a Warning> for WarningRecord<'a> {
    fn from(warning: &'a Warning) -> Self {
        WarningRecord {
            kind: warning.kind(),
            message: warning.to_string(),
            field: match warning {
                Warning::MissingField(f) => Some(*f),
                _ => None,
            },
            warning,
        }
    }
}
