//! The resolution model: plain serde data that serialises exactly to CONTRACT.md's JSON.

use super::ids::{DocId, ParagraphIndex};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The UN organ that adopted a resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Body {
    /// Human Rights Council (`A/HRC/RES/…`).
    #[serde(rename = "HRC")]
    Hrc,
    /// General Assembly (`A/RES/…`).
    #[serde(rename = "GA")]
    Ga,
    /// Security Council (`S/RES/…`).
    #[serde(rename = "SC")]
    Sc,
    /// Commission on Human Rights, the Council's predecessor until 2006 (`E/CN.4/RES/…`).
    #[serde(rename = "CHR")]
    Chr,
    /// Economic and Social Council (`E/RES/…`).
    #[serde(rename = "ECOSOC")]
    Ecosoc,
}

impl Body {
    /// The short code used in JSON, CSV and the UI.
    pub fn code(self) -> &'static str {
        match self {
            Body::Hrc => "HRC",
            Body::Ga => "GA",
            Body::Sc => "SC",
            Body::Chr => "CHR",
            Body::Ecosoc => "ECOSOC",
        }
    }

    /// The body a code names (`GA`, `HRC`, `SC`, `CHR`, `ECOSOC`), as lexicons and the query
    /// language write it.
    pub fn from_code(code: &str) -> Option<Body> {
        match code.to_ascii_uppercase().as_str() {
            "GA" => Some(Body::Ga),
            "HRC" => Some(Body::Hrc),
            "SC" => Some(Body::Sc),
            "CHR" => Some(Body::Chr),
            "ECOSOC" => Some(Body::Ecosoc),
            _ => None,
        }
    }
}

/// The language a document is written in: its ISO 639-1 code (`fr`, `en`, `es` …), one per
/// lexicon (`corpus/lexicon/`), so a new language needs no code.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Language([u8; 2]);

impl Language {
    pub const FR: Language = Language(*b"fr");
    pub const EN: Language = Language(*b"en");

    /// A two-letter lower-case code; `None` for anything else.
    pub fn from_code(code: &str) -> Option<Language> {
        match code.as_bytes() {
            [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
                Some(Language([a.to_ascii_lowercase(), b.to_ascii_lowercase()]))
            }
            _ => None,
        }
    }

    pub fn code(&self) -> &'static str {
        // Every two-letter code, laid out once, so a code can be lent for as long as needed.
        const fn all_codes() -> [u8; 26 * 26 * 2] {
            let mut out = [0u8; 26 * 26 * 2];
            let mut i = 0;
            // `i / 26` and `i % 26` are below 26: no truncation.
            #[allow(clippy::cast_possible_truncation)]
            while i < 26 * 26 {
                out[2 * i] = b'a' + (i / 26) as u8;
                out[2 * i + 1] = b'a' + (i % 26) as u8;
                i += 1;
            }
            out
        }
        static CODES: [u8; 26 * 26 * 2] = all_codes();
        let index = (usize::from(self.0[0].wrapping_sub(b'a')) * 26
            + usize::from(self.0[1].wrapping_sub(b'a')))
            * 2;
        CODES
            .get(index..index + 2)
            .and_then(|c| std::str::from_utf8(c).ok())
            .unwrap_or("??")
    }
}

/// `Fr`, `En`: the code with a capital, as the variants of a language enum would print.
impl std::fmt::Debug for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut chars = self.code().chars();
        if let Some(first) = chars.next() {
            write!(f, "{}", first.to_ascii_uppercase())?;
        }
        f.write_str(chars.as_str())
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Language {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        Language::from_code(&code)
            .ok_or_else(|| serde::de::Error::custom(format!("not a language code: {code}")))
    }
}

/// Whether a paragraph is part of the preamble or of the operative part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphKind {
    Preambular,
    Operative,
    /// Text of an annex adopted with the resolution (a declaration, a programme of action).
    Annex,
}

impl ParagraphKind {
    /// The marker shown before a paragraph: `PP` or `OP`.
    pub fn marker(self) -> &'static str {
        match self {
            ParagraphKind::Preambular => "PP",
            ParagraphKind::Operative => "OP",
            ParagraphKind::Annex => "AN",
        }
    }
}

/// One paragraph, on one line, with furniture, markup and footnote calls removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub kind: ParagraphKind,
    /// The printed number of an operative paragraph; `None` for preambular ones.
    pub number: Option<u32>,
    pub text: String,
}

impl Paragraph {
    /// How a paragraph is cited: `PP 3` (`ordinal`: 1-based among paragraphs of its kind),
    /// `OP 3` (its printed number), `Annex 4` (printed number, else ordinal).
    pub fn citation(&self, ordinal: usize) -> String {
        match (self.kind, self.number) {
            (ParagraphKind::Operative, Some(n)) => format!("OP {n}"),
            (ParagraphKind::Operative, None) => format!("OP ({ordinal})"),
            (ParagraphKind::Preambular, _) => format!("PP {ordinal}"),
            (ParagraphKind::Annex, Some(n)) => format!("Annex {n}"),
            (ParagraphKind::Annex, None) => format!("Annex ¶{ordinal}"),
        }
    }
}

/// A footnote: its mark as printed (`1`) and its text on one line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Footnote {
    pub mark: String,
    pub text: String,
}

/// How a resolution was adopted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Adoption {
    RecordedVote,
    WithoutVote,
    /// A vote block is present but its outcome could not be read (cut or unfamiliar wording).
    Unknown,
}

/// A country as written in a vote list, with its ISO 3166-1 alpha-3 code when recognised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountryRef {
    pub code: Option<String>,
    pub name: String,
}

/// The vote as stated in the text: counts as printed, lists as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vote {
    pub adoption: Adoption,
    pub yes: Option<u32>,
    pub no: Option<u32>,
    pub abstain: Option<u32>,
    pub in_favour: Vec<CountryRef>,
    pub against: Vec<CountryRef>,
    pub abstaining: Vec<CountryRef>,
}

/// How one country voted on one resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Ballot {
    Yes,
    No,
    Abstain,
}

impl Ballot {
    pub fn as_str(self) -> &'static str {
        match self {
            Ballot::Yes => "yes",
            Ballot::No => "no",
            Ballot::Abstain => "abstain",
        }
    }
}

impl Vote {
    /// A vote adopted without a vote: no counts, empty lists.
    pub fn without_vote() -> Self {
        Vote {
            adoption: Adoption::WithoutVote,
            yes: None,
            no: None,
            abstain: None,
            in_favour: Vec::new(),
            against: Vec::new(),
            abstaining: Vec::new(),
        }
    }

    /// Every listed country with how it voted, in list order.
    pub fn ballots(&self) -> impl Iterator<Item = (&CountryRef, Ballot)> {
        let yes = self.in_favour.iter().map(|c| (c, Ballot::Yes));
        let no = self.against.iter().map(|c| (c, Ballot::No));
        let abstain = self.abstaining.iter().map(|c| (c, Ballot::Abstain));
        yes.chain(no).chain(abstain)
    }

    /// How the country with ISO code `code` voted, if it is listed.
    pub fn ballot_of(&self, code: &str) -> Option<Ballot> {
        self.ballots()
            .find(|(c, _)| c.code.as_deref() == Some(code))
            .map(|(_, b)| b)
    }

    /// The tally as printed in lists: `30–15–2`, `sans vote`, or `—` when unknown.
    pub fn tally(&self) -> String {
        match (self.adoption, self.yes, self.no, self.abstain) {
            (Adoption::WithoutVote, ..) => "sans vote".to_string(),
            (_, Some(y), Some(n), Some(a)) => format!("{y}–{n}–{a}"),
            _ => "—".to_string(),
        }
    }
}

/// The layout a document came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceFormat {
    PdfText,
    Markdown,
    /// Clauses one per line, or the whole text on a few lines (text-mining dumps).
    Flattened,
    /// A PDF read directly.
    Pdf,
}

/// Where a resolution was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub path: String,
    pub format: SourceFormat,
}

/// One parsed resolution. Missing fields are `None` (`null` in JSON), never empty strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolution {
    pub symbol: Option<String>,
    pub number: Option<String>,
    pub body: Option<Body>,
    pub language: Option<Language>,
    pub title: Option<String>,
    pub session: Option<u32>,
    pub agenda_item: Option<String>,
    pub adopted_on: Option<NaiveDate>,
    pub meeting: Option<String>,
    pub paragraphs: Vec<Paragraph>,
    pub footnotes: Vec<Footnote>,
    pub vote: Option<Vote>,
    pub source: Source,
    pub warnings: Vec<super::warning::Warning>,
}

impl Resolution {
    /// A resolution read from `source` of which nothing is known yet.
    pub fn empty(source: Source) -> Resolution {
        Resolution {
            symbol: None,
            number: None,
            body: None,
            language: None,
            title: None,
            session: None,
            agenda_item: None,
            adopted_on: None,
            meeting: None,
            paragraphs: Vec::new(),
            footnotes: Vec::new(),
            vote: None,
            source,
            warnings: Vec::new(),
        }
    }

    /// The best identifier available: symbol, else number, else the source path.
    pub fn id(&self) -> &str {
        self.symbol
            .as_deref()
            .or(self.number.as_deref())
            .unwrap_or(&self.source.path)
    }

    /// The bytes of text it holds: title, paragraphs, footnotes, country names.
    pub fn text_bytes(&self) -> usize {
        let names = self.vote.as_ref().map_or(0, |v| {
            v.in_favour
                .iter()
                .chain(&v.against)
                .chain(&v.abstaining)
                .map(|c| c.name.len())
                .sum()
        });
        self.title.as_ref().map_or(0, String::len)
            + self.paragraphs.iter().map(|p| p.text.len()).sum::<usize>()
            + self.footnotes.iter().map(|f| f.text.len()).sum::<usize>()
            + names
    }

    pub fn preambular_paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Preambular)
    }

    pub fn operative_paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Operative)
    }

    pub fn annex_paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Annex)
    }

    /// Citation label of paragraph `index` (`PP 3`, `OP 12`, `Annex 2`).
    pub fn citation(&self, index: ParagraphIndex) -> Option<String> {
        let paragraph = self.paragraphs.get(index.0)?;
        let ordinal = self.paragraphs[..=index.0]
            .iter()
            .filter(|p| p.kind == paragraph.kind)
            .count();
        Some(paragraph.citation(ordinal))
    }
}

/// The resolution `doc` of a corpus, if there is one.
pub trait ById {
    fn by_id(&self, doc: DocId) -> Option<&Resolution>;
}

impl ById for [Resolution] {
    fn by_id(&self, doc: DocId) -> Option<&Resolution> {
        self.get(doc.0)
    }
}

impl Resolution {
    /// Paragraph `index` of this resolution, if there is one.
    pub fn paragraph(&self, index: ParagraphIndex) -> Option<&Paragraph> {
        self.paragraphs.get(index.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::build::ResolutionBuilder;

    fn sample() -> Resolution {
        ResolutionBuilder::new("A/HRC/RES/44/18")
            .language(Language::FR)
            .title("Titre")
            .adopted(2020, 7, 17)
            .meeting("28e séance")
            .source("x.txt", SourceFormat::PdfText)
            .preambular("Rappelant")
            .operative("Décide")
            .recorded_vote(&["FRA"], &[], &[])
            .build()
    }

    #[test]
    fn serialises_to_the_contract_shape() {
        let json = serde_json::to_value(sample()).unwrap();
        assert_eq!(json["body"], "HRC");
        assert_eq!(json["language"], "fr");
        assert_eq!(json["adopted_on"], "2020-07-17");
        assert_eq!(json["agenda_item"], serde_json::Value::Null);
        assert_eq!(json["paragraphs"][0]["kind"], "preambular");
        assert_eq!(json["paragraphs"][0]["number"], serde_json::Value::Null);
        assert_eq!(json["vote"]["adoption"], "recorded_vote");
        assert_eq!(json["vote"]["in_favour"][0]["code"], "FRA");
        assert_eq!(json["source"]["format"], "pdf-text");
    }

    #[test]
    fn citation_and_tally() {
        let r = sample();
        assert_eq!(r.citation(ParagraphIndex(0)).as_deref(), Some("PP 1"));
        assert_eq!(r.citation(ParagraphIndex(1)).as_deref(), Some("OP 1"));
        assert_eq!(r.vote.as_ref().unwrap().tally(), "1–0–0");
        assert_eq!(Vote::without_vote().tally(), "sans vote");
        assert_eq!(r.vote.unwrap().ballot_of("FRA"), Some(Ballot::Yes));
    }
}
