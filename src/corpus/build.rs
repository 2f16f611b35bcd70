//! Resolutions written by hand, for tests, benches and tools that need a model without parsing
//! a text: `ResolutionBuilder::new("A/HRC/RES/44/18")` sets what the symbol says (number, body,
//! session) and each call adds one thing, in reading order.
//!
//! ```
//! use resolu::corpus::build::ResolutionBuilder;
//! use resolu::corpus::Language;
//!
//! let r = ResolutionBuilder::new("A/HRC/RES/44/18")
//!     .language(Language::FR)
//!     .title("Renforcement de la coopération internationale")
//!     .preambular("Rappelant la Charte des Nations Unies,")
//!     .operative("Décide de rester saisi de la question.")
//!     .recorded_vote(&["FRA", "Narnia"], &["USA"], &[])
//!     .build();
//! assert_eq!(r.number.as_deref(), Some("44/18"));
//! assert_eq!(r.paragraphs[1].number, Some(1));
//! assert_eq!(r.vote.unwrap().yes, Some(2));
//! ```

use super::countries;
use super::model::{
    Adoption, CountryRef, Footnote, Language, Paragraph, ParagraphKind, Resolution, Source,
    SourceFormat, Vote,
};
use super::symbol::Symbol;
use chrono::NaiveDate;

/// A [`Resolution`] built step by step; see the module's example.
#[derive(Debug, Clone)]
pub struct ResolutionBuilder {
    resolution: Resolution,
}

impl ResolutionBuilder {
    /// A resolution with this symbol; number, body and session come from it when it reads as a
    /// symbol (any spelling [`Symbol::parse`] takes). The source path is the symbol.
    pub fn new(symbol: &str) -> ResolutionBuilder {
        let parsed = Symbol::parse(symbol);
        ResolutionBuilder {
            resolution: Resolution {
                symbol: Some(parsed.map_or_else(|| symbol.to_string(), |s| s.to_string())),
                number: parsed.map(|s| s.number()),
                body: parsed.map(|s| s.body()),
                session: parsed.and_then(|s| s.session_number()),
                ..Resolution::empty(Source {
                    path: symbol.to_string(),
                    format: SourceFormat::PdfText,
                })
            },
        }
    }

    pub fn language(mut self, language: Language) -> Self {
        self.resolution.language = Some(language);
        self
    }

    pub fn title(mut self, title: &str) -> Self {
        self.resolution.title = Some(title.to_string());
        self
    }

    pub fn agenda_item(mut self, item: &str) -> Self {
        self.resolution.agenda_item = Some(item.to_string());
        self
    }

    /// The adoption date; an impossible date leaves it unset.
    pub fn adopted(mut self, year: i32, month: u32, day: u32) -> Self {
        self.resolution.adopted_on = NaiveDate::from_ymd_opt(year, month, day);
        self
    }

    pub fn meeting(mut self, meeting: &str) -> Self {
        self.resolution.meeting = Some(meeting.to_string());
        self
    }

    /// Where it was read from.
    pub fn source(mut self, path: &str, format: SourceFormat) -> Self {
        self.resolution.source = Source {
            path: path.to_string(),
            format,
        };
        self
    }

    pub fn preambular(mut self, text: &str) -> Self {
        self.resolution.paragraphs.push(Paragraph {
            kind: ParagraphKind::Preambular,
            number: None,
            text: text.to_string(),
        });
        self
    }

    /// An operative paragraph numbered after the last one.
    pub fn operative(mut self, text: &str) -> Self {
        let last = self
            .resolution
            .paragraphs
            .iter()
            .filter_map(|p| p.number)
            .max()
            .unwrap_or(0);
        self.resolution.paragraphs.push(Paragraph {
            kind: ParagraphKind::Operative,
            number: Some(last + 1),
            text: text.to_string(),
        });
        self
    }

    pub fn footnote(mut self, mark: &str, text: &str) -> Self {
        self.resolution.footnotes.push(Footnote {
            mark: mark.to_string(),
            text: text.to_string(),
        });
        self
    }

    /// A recorded vote with these lists, each entry an ISO code or a name as printed (a name
    /// no table knows keeps no code); the stated counts are the lists' lengths.
    pub fn recorded_vote(mut self, yes: &[&str], no: &[&str], abstain: &[&str]) -> Self {
        let listed = |names: &[&str]| -> Vec<CountryRef> {
            names
                .iter()
                .map(|name| {
                    let known = countries::by_code(name).or_else(|| countries::lookup(name));
                    CountryRef {
                        code: known.map(|c| c.code.to_string()),
                        name: known.map_or_else(|| name.to_string(), |c| c.fr.to_string()),
                    }
                })
                .collect()
        };
        let count = |names: &[&str]| u32::try_from(names.len()).ok();
        self.resolution.vote = Some(Vote {
            adoption: Adoption::RecordedVote,
            yes: count(yes),
            no: count(no),
            abstain: count(abstain),
            in_favour: listed(yes),
            against: listed(no),
            abstaining: listed(abstain),
        });
        self
    }

    /// Stated counts that differ from the lists (a vote block that disagrees with itself).
    pub fn stated_counts(mut self, yes: u32, no: u32, abstain: u32) -> Self {
        if let Some(vote) = &mut self.resolution.vote {
            vote.yes = Some(yes);
            vote.no = Some(no);
            vote.abstain = Some(abstain);
        }
        self
    }

    pub fn without_vote(mut self) -> Self {
        self.resolution.vote = Some(Vote::without_vote());
        self
    }

    pub fn build(self) -> Resolution {
        self.resolution
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Body;

    #[test]
    fn the_symbol_gives_number_body_and_session() {
        let r = ResolutionBuilder::new("a/res/2453(xxiii)").build();
        assert_eq!(r.symbol.as_deref(), Some("A/RES/2453 (XXIII)"));
        assert_eq!(r.number.as_deref(), Some("2453 (XXIII)"));
        assert_eq!(r.body, Some(Body::Ga));
        assert_eq!(r.session, Some(23));
        let hrc = ResolutionBuilder::new("A/HRC/RES/44/18").build();
        assert_eq!((hrc.body, hrc.session), (Some(Body::Hrc), Some(44)));
        let odd = ResolutionBuilder::new("not a symbol").build();
        assert_eq!(odd.symbol.as_deref(), Some("not a symbol"));
        assert_eq!((odd.number, odd.body), (None, None));
    }

    #[test]
    fn operative_paragraphs_are_numbered_in_order() {
        let r = ResolutionBuilder::new("A/RES/80/1")
            .preambular("Recalling")
            .operative("Decides")
            .operative("Requests")
            .build();
        let numbers: Vec<Option<u32>> = r.paragraphs.iter().map(|p| p.number).collect();
        assert_eq!(numbers, [None, Some(1), Some(2)]);
    }

    #[test]
    fn votes_resolve_codes_and_names_and_keep_disagreeing_counts() {
        let r = ResolutionBuilder::new("A/RES/80/1")
            .recorded_vote(&["FRA", "Côte d’Ivoire", "Narnia"], &["USA"], &[])
            .stated_counts(4, 1, 0)
            .build();
        let vote = r.vote.unwrap();
        let codes: Vec<Option<&str>> = vote.in_favour.iter().map(|c| c.code.as_deref()).collect();
        assert_eq!(codes, [Some("FRA"), Some("CIV"), None]);
        assert_eq!(vote.in_favour[2].name, "Narnia");
        assert_eq!(
            (vote.yes, vote.no, vote.abstain),
            (Some(4), Some(1), Some(0))
        );
    }
}
