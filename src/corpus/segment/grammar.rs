//! The grammar of a resolution, as an explicit state machine:
//! header → number → title → opener → preamble* → operative+ → tail → annexes*.
//! Each line's offers (from the rules) are weighed against what the current state allows; an
//! offer the grammar does not allow is not taken, and the line continues what came before.

use super::super::lexicon::Lexicon;
use super::super::model::{Body, Paragraph, ParagraphKind};
use super::super::source::Lines;
use super::super::text::join_into;
use super::super::warning::Warning;
use super::rules::{Label, View, Views, offers};

mod opening;
mod reading;
mod tail;

use reading::{clause_ended, kind_name, number_without_stop};

/// Where the grammar is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Header,
    Title,
    Preamble,
    Operative,
    Tail,
    Annex,
}

/// How far into a document the header may reach, in lines.
const HEADER_REACH: usize = 150;
/// A title wraps over at most this many lines.
const TITLE_LINES: usize = 6;

/// One decision: which line, which rule, what it made of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub line: usize,
    pub rule: &'static str,
    pub what: &'static str,
}

/// The document's parts, each with the lines it came from.
#[derive(Debug, Default)]
pub struct Segments {
    /// Lines before the number (or the opener): the header block.
    pub header: Vec<usize>,
    /// Text on the number's line before the number (a header glued to it).
    pub header_tail: Option<String>,
    pub number: Option<(String, usize)>,
    pub title: Option<(String, Vec<usize>)>,
    pub opener: Option<(Body, usize)>,
    /// Paragraphs and the line each started on.
    pub paragraphs: Vec<(Paragraph, usize, &'static str)>,
    pub meeting: Option<(String, usize)>,
    /// The line holding the date under the meeting line, and the text after the meeting.
    pub meeting_rest: Option<(String, usize)>,
    /// The vote block's text and its first line; whether it closed.
    pub vote: Option<(String, usize, bool)>,
    pub unread: Vec<usize>,
    pub steps: Vec<Step>,
    pub warnings: Vec<Warning>,
}

struct Machine<'a> {
    lexicon: &'a Lexicon,
    blank_separates: bool,
    state: State,
    expected: u32,
    /// The title's first printed line, which running heads repeat.
    title_first: Option<String>,
    /// Lines `from..to` all look ahead to the same next structural line: whether it ends the
    /// body (a meeting line, a vote block, an annex) rather than numbering it.
    lone_ahead: Option<(usize, usize, bool)>,
    /// The length of a full printed line of the document, measured on first use.
    full_line: Option<usize>,
    /// Record every decision in `Segments::steps` (a trace was asked for): one a line, so not
    /// made when nobody reads them (issue 13, item 4).
    keep_steps: bool,
    out: Segments,
}

/// Run the grammar over a document's running text; `keep_steps`: record its decisions.
pub fn segment(
    lines: &Lines,
    lexicon: &Lexicon,
    blank_separates: bool,
    keep_steps: bool,
) -> Segments {
    let mut machine = Machine {
        lexicon,
        blank_separates,
        keep_steps,
        state: State::Header,
        expected: 1,
        title_first: None,
        lone_ahead: None,
        full_line: None,
        out: Segments::default(),
    };
    let views = Views(lines);
    let start = machine.header(views);
    let mut i = start;
    while i < views.len() {
        i = machine.step(views, i);
    }
    machine.out
}

impl Machine<'_> {
    fn record(&mut self, line: usize, rule: &'static str, what: &'static str) {
        if self.keep_steps {
            self.out.steps.push(Step { line, rule, what });
        }
    }

    /// Weigh one line's offers in the current state; returns the next line to read.
    fn step(&mut self, views: Views<'_>, i: usize) -> usize {
        let view = &views.at(i);
        if self.is_running_title(view.text) {
            self.record(i, "running-title", "running head");
            return i + 1;
        }
        let offered = offers(view, self.lexicon);
        let find = |wanted: fn(&Label) -> bool| {
            offered
                .iter()
                .find(|(label, _)| wanted(label))
                .map(|(label, rule)| (label.clone(), *rule))
        };
        match self.state {
            State::Preamble | State::Operative => {
                if let Some((Label::Meeting(len), rule)) = find(|l| matches!(l, Label::Meeting(_)))
                {
                    return self.meeting(views, i, len, rule);
                }
                if let Some((_, rule)) = find(|l| matches!(l, Label::VoteStart)) {
                    return self.vote(views, i, rule);
                }
                if let Some((_, rule)) = find(|l| matches!(l, Label::AnnexHeading)) {
                    self.state = State::Annex;
                    self.record(i, rule, "annex heading");
                    return i + 1;
                }
                if let Some((Label::OperativeStart(n, at), rule)) =
                    find(|l| matches!(l, Label::OperativeStart(..)))
                    && self.takes_operative(n)
                {
                    self.state = State::Operative;
                    self.push(ParagraphKind::Operative, Some(n), &view.text[at..], i, rule);
                    return i + 1;
                }
                // `6 Also reaffirms …`: the next number printed without its full stop.
                if self.state == State::Operative
                    && let Some((n, at)) = number_without_stop(view)
                    && n == self.expected
                    && self.clause_may_start(&view.text[at..])
                {
                    self.expected = n + 1;
                    let rule = "operative-number-without-stop";
                    self.push(ParagraphKind::Operative, Some(n), &view.text[at..], i, rule);
                    return i + 1;
                }
                // A second part (`B`) repeats the opening words and numbers from 1 again.
                if let Some((_, rule)) = find(|l| matches!(l, Label::Opener(_)))
                    && self.state == State::Operative
                {
                    self.record(i, rule, "opener (new part)");
                    self.state = State::Preamble;
                    self.expected = 1;
                    return i + 1;
                }
                // A resolution with one operative paragraph prints it without a number
                // (`Takes note of the report …`): a clause that is no preambular start, after
                // which the body ends without a numbered paragraph. Italics alone do not make
                // a preambular start here: PDFs set operative verbs in italics too (`Adopts`).
                let preambular_word = offered.iter().any(|(l, rule)| {
                    matches!(l, Label::PreambularStart) && *rule != "italic-opening"
                });
                if self.state == State::Preamble
                    && self.expected == 1
                    && !preambular_word
                    && self.clause_may_start(view.text)
                    && self.body_ends_unnumbered(views, i)
                {
                    self.state = State::Operative;
                    self.push(
                        ParagraphKind::Operative,
                        None,
                        view.text,
                        i,
                        "lone-operative",
                    );
                    return i + 1;
                }
                if self.state == State::Preamble && self.starts_preambular(view) {
                    let rule = find(|l| matches!(l, Label::PreambularStart))
                        .map_or("blank-line-block", |(_, r)| r);
                    self.push(ParagraphKind::Preambular, None, view.text, i, rule);
                    return i + 1;
                }
                self.continue_paragraph(view.text, i, ParagraphKind::Preambular);
                i + 1
            }
            State::Tail => {
                if let Some((Label::Meeting(len), rule)) = find(|l| matches!(l, Label::Meeting(_)))
                    && self.out.meeting.is_none()
                {
                    return self.meeting(views, i, len, rule);
                }
                if let Some((_, rule)) = find(|l| matches!(l, Label::VoteStart))
                    && self.out.vote.is_none()
                {
                    return self.vote(views, i, rule);
                }
                if let Some((_, rule)) = find(|l| matches!(l, Label::AnnexHeading)) {
                    self.state = State::Annex;
                    self.record(i, rule, "annex heading");
                    return i + 1;
                }
                self.out.unread.push(i);
                i + 1
            }
            State::Annex => {
                if find(|l| matches!(l, Label::AnnexHeading)).is_some() {
                    self.record(i, "annex-word", "annex heading");
                    return i + 1;
                }
                self.annex_line(views, i);
                i + 1
            }
            State::Header | State::Title => {
                self.state = State::Preamble;
                i
            }
        }
    }

    /// Operative `n` is next, or a near skip (warned).
    fn takes_operative(&mut self, n: u32) -> bool {
        let expected = self.expected;
        if n < expected || n > expected + 2 {
            return false;
        }
        if n != expected {
            self.out.warnings.push(Warning::NumberingSkips {
                found: n,
                after: expected.saturating_sub(1),
            });
        }
        self.expected = n + 1;
        true
    }

    /// A capitalised `text` after a clause's end (or first in the body).
    fn clause_may_start(&self, text: &str) -> bool {
        let ended = self
            .out
            .paragraphs
            .last()
            .is_none_or(|(previous, ..)| clause_ended(&previous.text));
        ended && text.chars().next().is_some_and(char::is_uppercase)
    }

    /// From line `i`, the next structural line ends the body (a meeting line, a vote block, an
    /// annex heading) before any numbered paragraph. Linear: one answer serves every line up
    /// to that structural line.
    fn body_ends_unnumbered(&mut self, views: Views<'_>, i: usize) -> bool {
        if let Some((from, to, ends)) = self.lone_ahead
            && (from..to).contains(&i)
        {
            return ends;
        }
        let mut j = i + 1;
        let ends = loop {
            let Some(view) = views.get(j) else {
                break false;
            };
            let offered = offers(&view, self.lexicon);
            if offered
                .iter()
                .any(|(l, _)| matches!(l, Label::OperativeStart(..)))
            {
                break false;
            }
            if offered.iter().any(|(l, _)| {
                matches!(
                    l,
                    Label::Meeting(_) | Label::VoteStart | Label::AnnexHeading
                )
            }) {
                break true;
            }
            j += 1;
        };
        self.lone_ahead = Some((i, j, ends));
        ends
    }

    /// A preambular paragraph may start: the last one ended with a clause's punctuation and a
    /// rule offers the start (a lead word, italics) or, where blank lines separate paragraphs,
    /// a capitalised block follows a blank line.
    fn starts_preambular(&self, view: &View<'_>) -> bool {
        let Some((previous, ..)) = self.out.paragraphs.last() else {
            return true;
        };
        let ended = clause_ended(&previous.text);
        let upper = view.text.chars().next().is_some_and(char::is_uppercase);
        let offered = offers(view, self.lexicon)
            .iter()
            .any(|(l, _)| *l == Label::PreambularStart);
        ended && upper && (offered || (self.blank_separates && view.line.blank_before))
    }

    fn push(
        &mut self,
        kind: ParagraphKind,
        number: Option<u32>,
        text: &str,
        line: usize,
        rule: &'static str,
    ) {
        self.record(line, rule, kind_name(kind));
        self.out.paragraphs.push((
            Paragraph {
                kind,
                number,
                text: text.trim().to_string(),
            },
            line,
            rule,
        ));
    }

    fn continue_paragraph(&mut self, text: &str, line: usize, kind: ParagraphKind) {
        match self.out.paragraphs.last_mut() {
            Some((paragraph, ..)) => join_into(&mut paragraph.text, text),
            None => self.push(kind, None, text, line, "first-line"),
        }
    }
}

impl Machine<'_> {
    /// Line `i` is the rest of the printed line before it, which a call raised above the
    /// baseline broke off (`… model strategy 10.²⁴` / `Furthermore,` / `access to …`): the
    /// line before lost a call at its end, the two together are no longer than one full line
    /// of the document, and the sentence goes on in lower case on the next line (a heading
    /// after a paragraph that ends with a call does not).
    fn rest_of_printed_line(&mut self, views: Views<'_>, i: usize) -> bool {
        let Some(before) = i.checked_sub(1).and_then(|j| views.get(j)) else {
            return false;
        };
        let goes_on = views
            .get(i + 1)
            .is_some_and(|next| next.text.starts_with(char::is_lowercase));
        if !before.line.call_ended || !goes_on {
            return false;
        }
        let full = *self.full_line.get_or_insert_with(|| {
            let mut lengths: Vec<usize> = views.iter().map(|v| v.text.chars().count()).collect();
            lengths.sort_unstable();
            // A full line: the length most lines of running text reach.
            lengths.get(lengths.len() * 3 / 4).copied().unwrap_or(0)
        });
        let together = before.text.chars().count() + 1 + views.at(i).text.chars().count();
        together * 10 <= full * 11
    }
}
