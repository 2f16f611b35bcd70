//! The rules: each a row of `RULES`, with a name and a test that offers a label for one line.
//! Rules know nothing of order or state; the grammar (`grammar.rs`) picks among their offers.

use super::super::lexicon::Lexicon;
use super::super::numbering::{paragraph_number, resolution_number};
use super::super::source::{LineRef, Lines};
use crate::corpus::model::Body;
use crate::text::fold::fold;
use std::cell::OnceCell;

/// What a rule says a line is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    /// The opening words: `The General Assembly,`.
    Opener(Body),
    /// A resolution's number, and the byte offset where its title starts on the line.
    Number(String, usize),
    /// A preambular paragraph starts here.
    PreambularStart,
    /// Operative paragraph `n` starts here; its text from byte offset.
    OperativeStart(u32, usize),
    /// The meeting line (`18th plenary meeting`); byte length of the phrase on the line.
    Meeting(usize),
    /// A vote block opens here.
    VoteStart,
    /// `Annex`, `Annexe II`.
    AnnexHeading,
}

impl Label {
    /// The label's name in `check --explain` and `--stats`.
    pub fn name(&self) -> &'static str {
        match self {
            Label::Opener(_) => "opener",
            Label::Number(..) => "resolution number",
            Label::PreambularStart => "preambular start",
            Label::OperativeStart(..) => "operative start",
            Label::Meeting(_) => "meeting line",
            Label::VoteStart => "vote block",
            Label::AnnexHeading => "annex heading",
        }
    }
}

/// A line as rules see it: its text, its layout facts, and its folded form made on first use.
/// How much of a line the rules read folded: longer than any opener line (80 bytes) and any
/// meeting or vote-block opening.
const FOLDED_HEAD: usize = 120;

pub struct View<'a> {
    pub line: LineRef<'a>,
    pub text: &'a str,
    folded: OnceCell<String>,
}

impl<'a> View<'a> {
    pub fn new(line: LineRef<'a>) -> View<'a> {
        View {
            text: line.text.trim(),
            line,
            folded: OnceCell::new(),
        }
    }

    /// The line's opening, folded: every rule reads a line's first words (openers, meeting
    /// lines, vote blocks and annex headings are matched from the start), so only the first
    /// `FOLDED_HEAD` bytes are folded.
    pub fn folded(&self) -> &str {
        self.folded.get_or_init(|| {
            let mut end = self.text.len().min(FOLDED_HEAD);
            while !self.text.is_char_boundary(end) {
                end -= 1;
            }
            fold(&self.text[..end])
        })
    }

    fn first(&self) -> Option<char> {
        self.text.chars().next()
    }
}

/// The lines as the grammar reads them: a `View` is made when a line is read, not held for
/// every line (on a file of short lines, far more than the line: issue 13, item 4).
#[derive(Clone, Copy)]
pub struct Views<'a>(pub &'a Lines);

impl<'a> Views<'a> {
    pub fn len(self) -> usize {
        self.0.len()
    }

    pub fn is_empty(self) -> bool {
        self.0.is_empty()
    }

    pub fn get(self, i: usize) -> Option<View<'a>> {
        self.0.get(i).map(View::new)
    }

    /// Line `i`, which must be one (an empty line past the end).
    pub fn at(self, i: usize) -> View<'a> {
        View::new(self.0.get(i).unwrap_or_default())
    }

    pub fn iter(self) -> impl Iterator<Item = View<'a>> {
        self.0.iter().map(View::new)
    }
}

/// A rule: a name and a test.
pub struct Rule {
    pub name: &'static str,
    pub offer: fn(&View<'_>, &Lexicon) -> Option<Label>,
}

/// Every rule, in the order their offers are weighed when two apply to one line.
pub static RULES: &[Rule] = &[
    Rule {
        name: "opener-phrase",
        offer: opener_phrase,
    },
    Rule {
        name: "resolution-number",
        offer: number_line,
    },
    Rule {
        name: "meeting-phrase",
        offer: meeting_phrase,
    },
    Rule {
        name: "vote-phrase",
        offer: vote_phrase,
    },
    Rule {
        name: "annex-word",
        offer: annex_word,
    },
    Rule {
        name: "operative-number",
        offer: operative_number,
    },
    Rule {
        name: "preambular-lead-word",
        offer: preambular_lead,
    },
    Rule {
        name: "italic-opening",
        offer: italic_opening,
    },
];

fn opener_phrase(view: &View<'_>, lexicon: &Lexicon) -> Option<Label> {
    if view.text.len() > 80 {
        return None;
    }
    lexicon.opener(view.folded()).map(Label::Opener)
}

fn number_line(view: &View<'_>, _: &Lexicon) -> Option<Label> {
    if !view
        .first()
        .is_some_and(|c| c.is_ascii_digit() || c == 'S' || c == 'E')
    {
        return None;
    }
    let (number, title) = resolution_number(view.text)?;
    // What follows the number is a title (or nothing: the title is on the next line).
    // A title may open with a year: `80/11. 2025 review of the … architecture`.
    let year = title.len() > 5
        && title.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && title[4..].starts_with(' ');
    if !(title.is_empty()
        || year
        || title.starts_with(|c: char| c.is_uppercase() || c == '«' || c == '“' || c == '"'))
    {
        return None;
    }
    let offset = view.text.len() - title.len();
    Some(Label::Number(number, offset))
}

fn meeting_phrase(view: &View<'_>, lexicon: &Lexicon) -> Option<Label> {
    if !view.first().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    lexicon.meeting(view.folded()).map(Label::Meeting)
}

fn vote_phrase(view: &View<'_>, lexicon: &Lexicon) -> Option<Label> {
    // `[Adopted …` or `Adopted …` opens a block; `adopted without a vote,` in lower case
    // continues a paragraph (`… all adopted without a vote,`).
    if !view.first().is_some_and(|c| c == '[' || c.is_uppercase()) {
        return None;
    }
    lexicon
        .starts_vote_block(view.folded())
        .then_some(Label::VoteStart)
}

fn annex_word(view: &View<'_>, lexicon: &Lexicon) -> Option<Label> {
    if view.text.len() > 16 {
        return None;
    }
    lexicon
        .is_annex_heading(view.folded())
        .then_some(Label::AnnexHeading)
}

fn operative_number(view: &View<'_>, _: &Lexicon) -> Option<Label> {
    if !view.first().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let (number, rest) = paragraph_number(view.text)?;
    Some(Label::OperativeStart(number, view.text.len() - rest.len()))
}

fn preambular_lead(view: &View<'_>, lexicon: &Lexicon) -> Option<Label> {
    if !view.first().is_some_and(char::is_uppercase) {
        return None;
    }
    lexicon
        .is_preambular_lead(view.text)
        .then_some(Label::PreambularStart)
}

/// Preambular paragraphs open with italic words (`*Rappelant*`, PDF italics).
fn italic_opening(view: &View<'_>, _: &Lexicon) -> Option<Label> {
    (view.line.italic == Some(true) && view.first().is_some_and(char::is_uppercase))
        .then_some(Label::PreambularStart)
}

/// Every rule's offer for a line, in table order.
pub fn offers(view: &View<'_>, lexicon: &Lexicon) -> Vec<(Label, &'static str)> {
    RULES
        .iter()
        .filter_map(|rule| (rule.offer)(view, lexicon).map(|label| (label, rule.name)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::lexicon::Lexicons;

    fn lexicon(code: &str) -> &'static Lexicon {
        Lexicons::builtin().get(code).expect("built in")
    }

    fn labels(text: &str, code: &str) -> Vec<&'static str> {
        let line = crate::corpus::source::Line {
            text: text.into(),
            ..Default::default()
        };
        offers(&View::new(line.as_ref()), lexicon(code))
            .into_iter()
            .map(|(l, _)| l.name())
            .collect()
    }

    #[test]
    fn each_rule_offers_its_label() {
        let table = [
            ("The General Assembly,", "en", vec!["opener"]),
            ("Le Conseil des droits de l’homme,", "fr", vec!["opener"]),
            ("L’Assemblée générale,", "fr", vec!["opener"]),
            ("80/3.", "en", vec!["resolution number"]),
            (
                "2453 (XXIII). International co-operation",
                "en",
                vec!["resolution number"],
            ),
            (
                "80/11. 2025 review of the peacebuilding architecture",
                "en",
                vec!["resolution number"],
            ),
            ("80/11. 12 States", "en", vec![]),
            ("18th plenary meeting", "en", vec!["meeting line"]),
            ("28e séance", "fr", vec!["meeting line"]),
            ("[Adopted without a vote.]", "en", vec!["vote block"]),
            ("[Adoptée par 30 voix contre 15]", "fr", vec!["vote block"]),
            ("Adopted without a vote.", "en", vec!["vote block"]),
            ("adopted without a vote,", "en", vec![]),
            ("Annex", "en", vec!["annex heading"]),
            ("Annexe II", "fr", vec!["annex heading"]),
            ("12. Decides", "en", vec!["operative start"]),
            ("Recalling its resolution", "en", vec!["preambular start"]),
            ("Se félicitant de", "fr", vec!["preambular start"]),
            ("Requests the General Assembly,", "en", vec![]),
            ("United Nations Legal Counsel,", "en", vec![]),
            ("Annex to the report of", "en", vec![]),
        ];
        for (text, code, expected) in table {
            assert_eq!(labels(text, code), expected, "{text}");
        }
    }
}
