//! Text → `Resolution`, as a pipeline: the document's language picks a lexicon; a reader turns
//! the text into lines (`source`); the layout pass takes away furniture and footnotes
//! (`layout`); the grammar segments what is left (`segment`); the fields are assembled here, each
//! remembering the rule and the line that produced it (`Trace`). Never fails: what cannot be
//! read is left `None` and said in a typed warning.

use super::layout::{self, Furniture};
use super::lexicon::{Lexicon, Lexicons};
use super::model::{Paragraph, ParagraphKind, Resolution, Source};
use super::segment::{self, Step, header};
use super::source::{self, Layout};
use super::text::finish_text;
use super::vote::parse_vote;
use super::warning::{Field, Warning};
use assemble::{Identity, empty, finish_paragraphs, identity};
use kept::{Spans, Unread, first_chars};
use std::ops::Range;

/// Where one field came from: the rule that set it and the source bytes it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldSource {
    pub field: String,
    pub rule: &'static str,
    pub bytes: Option<Range<usize>>,
}

/// How a document was read: the layout, every rule decision and every line taken away.
#[derive(Debug, Default)]
pub struct Trace {
    pub layout: Option<Layout>,
    pub fields: Vec<FieldSource>,
    /// Per paragraph (in `Resolution::paragraphs` order): the rule and its first line's bytes.
    pub paragraphs: Vec<(&'static str, Range<usize>)>,
    pub removed: Vec<(Range<usize>, Furniture)>,
    /// Every decision of the grammar, with the line's bytes.
    pub steps: Vec<(Step, Range<usize>)>,
    /// What a PDF's reader kept out of the text: page furniture and footnote calls.
    pub set_aside: Vec<source::SetAside>,
}

impl Trace {
    /// Every rule that fired, once per firing (for `check --stats`): a field set by a grammar
    /// step on that step's line (the resolution's number) is the same firing, counted once.
    pub fn rules_fired(&self) -> impl Iterator<Item = &'static str> + '_ {
        let restated = |f: &FieldSource| {
            self.steps
                .iter()
                .any(|(s, bytes)| s.rule == f.rule && f.bytes.as_ref() == Some(bytes))
        };
        self.steps
            .iter()
            .map(|(s, _)| s.rule)
            .chain(
                self.fields
                    .iter()
                    .filter(move |f| !restated(f))
                    .map(|f| f.rule),
            )
            .chain(self.removed.iter().map(|(_, f)| f.name()))
    }
}

/// Parse one document with the built-in lexicons. `path` is recorded as its source; metadata
/// comes from the text only.
pub fn parse_document(text: &str, path: &str) -> Resolution {
    // No trace of the grammar's steps: one a line, nobody reads them here (issue 13, item 4).
    let lexicons = Lexicons::builtin();
    parse_source(text, path, lexicons, false, |lexicon| {
        source::read(text, Some(lexicon))
    })
    .0
}

/// Parse one document and say how each field was found.
pub fn parse_traced(text: &str, path: &str) -> (Resolution, Trace) {
    parse_with(text, path, Lexicons::builtin())
}

/// The lexicon of the language `text` is written in: function words of its first words.
fn detect<'l>(text: &str, lexicons: &'l Lexicons) -> Option<(&'l Lexicon, bool)> {
    let mut end = text.len().min(4_000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    // Function words are short: only words of up to five bytes are folded and counted.
    let mut folded: Vec<std::borrow::Cow<'_, str>> = Vec::new();
    for word in text[..end].split(|c: char| !c.is_alphabetic()) {
        if !word.is_empty() && word.len() <= 5 {
            folded.push(if word.chars().all(char::is_lowercase) {
                word.into()
            } else {
                word.to_lowercase().into()
            });
        }
    }
    lexicons.detect(&folded.iter().map(std::convert::AsRef::as_ref))
}

/// Parse one document with the given lexicons.
pub fn parse_with(text: &str, path: &str, lexicons: &Lexicons) -> (Resolution, Trace) {
    parse_source(text, path, lexicons, true, |lexicon| {
        source::read(text, Some(lexicon))
    })
}

/// Parse a PDF's bytes and say how each field was found; with the text its lines make (what
/// the trace's byte ranges point into).
pub fn parse_pdf(
    bytes: &[u8],
    path: &str,
) -> Result<(String, Resolution, Trace), source::pdf::ReadError> {
    let source::pdf::PdfText { text, read, .. } = source::pdf::read(bytes)?;
    let (resolution, trace) = parse_source(&text, path, Lexicons::builtin(), true, move |_| {
        source::Read {
            layout: Some(Layout::Pdf),
            ..read
        }
    });
    Ok((text, resolution, trace))
}

/// Parse a document whose lines `read` gives, once the language of `text` is known. The trace
/// keeps the grammar's steps only when `keep_steps`.
fn parse_source(
    text: &str,
    path: &str,
    lexicons: &Lexicons,
    keep_steps: bool,
    read: impl FnOnce(&Lexicon) -> source::Read,
) -> (Resolution, Trace) {
    let detected = detect(text, lexicons);
    let mut warnings = Vec::new();
    let Some(lexicon) = detected.map(|d| d.0).or_else(|| lexicons.fallback()) else {
        return (empty(path, Layout::Plain), Trace::default());
    };
    if detected.is_none() {
        warnings.push(Warning::LanguageUnknown);
    }
    let detected = detected.filter(|d| d.1).map(|d| d.0);
    let mut read = read(lexicon);
    let set_aside = std::mem::take(&mut read.set_aside);
    let layout = read.layout.unwrap_or(Layout::Plain);
    let front_matter = read.front_matter;
    let mut cleaned = layout::clean(
        read.lines,
        read.explicit_calls,
        read.heads_marked,
        lexicons,
        keep_steps,
    );
    let mut segs = segment::segment(
        &cleaned.lines,
        lexicon,
        cleaned.blank_separates_paragraphs,
        keep_steps,
    );
    let lines = std::mem::take(&mut cleaned.lines);
    // The lines are dropped before the split-word mender (whose pairs would otherwise sit
    // beside them: issue 13, item 4): what is read of them later is kept apart first.
    let header = header::read(&lines, &segs.header, segs.header_tail.as_deref(), lexicon);
    let spans = Spans::of(&lines, &segs, header.session.map(|s| s.1));
    let unread = Unread::of(&lines, &segs.unread);
    let mut trace = Trace {
        layout: Some(layout),
        // Taken, not cloned: a step or a removed line a line, so a second copy would cost a
        // file of short lines dearly (issue 13, item 4).
        removed: std::mem::take(&mut cleaned.removed),
        set_aside,
        steps: std::mem::take(&mut segs.steps)
            .into_iter()
            .map(|s| {
                let bytes = lines.get(s.line).map_or(0..0, |l| l.bytes.clone());
                (s, bytes)
            })
            .collect(),
        ..Trace::default()
    };
    let mut fields = Fields {
        sources: Vec::new(),
        spans: &spans,
    };
    warnings.extend(segs.warnings.iter().cloned());

    drop(lines);
    if let Some((_, line)) = header.session {
        fields.set("session", "ordinal-before-session", Some(line));
    }
    if header.agenda_item.is_some() {
        fields.set("agenda_item", "agenda-phrase", segs.header.first().copied());
    }
    if header.adopted_on.is_some() {
        fields.set(
            "adopted_on",
            "date-after-adoption-phrase",
            segs.header.first().copied(),
        );
    }

    // Paragraphs: calls out, one line, broken words joined; the title's words too.
    let mut paragraphs = std::mem::take(&mut segs.paragraphs);
    let mut title_text = segs.title.as_ref().map(|(t, _)| t.clone());
    finish_paragraphs(
        &mut paragraphs,
        title_text.as_mut(),
        &cleaned,
        layout,
        (lexicon, lexicons),
    );
    paragraphs.retain(|(p, ..)| !p.text.is_empty() || p.kind == ParagraphKind::Operative);
    trace.paragraphs = paragraphs
        .iter()
        .map(|(_, line, rule)| (*rule, spans.get(*line).unwrap_or(0..0)))
        .collect();
    let paragraphs: Vec<Paragraph> = paragraphs.into_iter().map(|(p, ..)| p).collect();

    let Identity {
        title,
        number,
        body,
        symbol,
        session,
    } = identity(
        &segs,
        &header,
        title_text,
        (&cleaned.furniture_symbols, &front_matter),
        &mut fields,
        &mut warnings,
    );

    // Meeting, date, vote.
    let meeting = segs.meeting.as_ref().map(|(m, line)| {
        fields.set("meeting", "meeting-phrase", Some(*line));
        finish_text(m)
    });
    let tail_date = segs.meeting_rest.as_ref().and_then(|(rest, line)| {
        let date = lexicon.find_date(rest)?;
        fields.set("adopted_on (tail)", "date-under-meeting", Some(*line));
        Some(date)
    });
    let mut vote = None;
    let mut vote_text_rest = None;
    if let Some((block, line, closed)) = &segs.vote {
        fields.set("vote", "vote-phrase", Some(*line));
        let (parsed, vote_warnings) = parse_vote(block, *closed, lexicon);
        warnings.extend(vote_warnings);
        vote = Some(parsed);
        vote_text_rest = block
            .split_once(']')
            .map(|(_, rest)| rest.trim().to_string());
    }
    let adopted_on = header.adopted_on.or(tail_date.map(|d| d.0));
    if let (Some(a), Some((b, _))) = (header.adopted_on, tail_date)
        && a != b
    {
        warnings.push(Warning::DatesDisagree {
            header: a.to_string(),
            tail: b.to_string(),
        });
    }
    let rest = vote_text_rest.filter(|r| !r.is_empty());
    let first = rest.as_deref().map(first_chars).or(unread.first);
    if let Some(first) = first {
        warnings.push(Warning::TextLeftUnread {
            lines: usize::from(rest.is_some()) + unread.count,
            first,
        });
    }
    let missing = [
        (Field::Symbol, symbol.is_none()),
        (Field::Title, title.is_none()),
        (Field::AdoptionDate, adopted_on.is_none()),
        (Field::Meeting, meeting.is_none()),
        (Field::Paragraphs, paragraphs.is_empty()),
    ];
    warnings.extend(
        missing
            .into_iter()
            .filter(|(_, absent)| *absent)
            .map(|(field, _)| Warning::MissingField(field)),
    );
    if segs.opener.is_none() && !paragraphs.is_empty() {
        warnings.push(Warning::NoOpener);
    }

    let resolution = Resolution {
        language: detected.map(|l| l.language),
        symbol,
        number,
        body,
        title,
        session,
        agenda_item: header.agenda_item,
        adopted_on,
        meeting,
        paragraphs,
        footnotes: cleaned.footnotes,
        vote,
        source: Source {
            path: path.to_string(),
            format: layout.format(),
        },
        warnings,
    };
    trace.fields = fields.sources;
    (resolution, trace)
}

/// Where each field came from, recorded as it is set (`Trace::fields`).
struct Fields<'s> {
    sources: Vec<FieldSource>,
    /// The byte ranges of the lines fields are read from.
    spans: &'s Spans,
}

impl Fields<'_> {
    fn set(&mut self, name: &str, rule: &'static str, line: Option<usize>) {
        self.sources.push(FieldSource {
            field: name.to_string(),
            rule,
            bytes: line.and_then(|i| self.spans.get(i)),
        });
    }
}

mod assemble;
mod kept;
#[cfg(test)]
mod tests;
