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
use assemble::{complete_title, mend_split_words, printed_symbols, resolve_symbol, strip_calls};
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
    let bytes_of = |i: usize| spans.get(i);
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
    let mut field = |name: &str, rule: &'static str, line: Option<usize>| {
        trace.fields.push(FieldSource {
            field: name.to_string(),
            rule,
            bytes: line.and_then(bytes_of),
        });
    };
    warnings.extend(segs.warnings.iter().cloned());

    drop(lines);
    if let Some((_, line)) = header.session {
        field("session", "ordinal-before-session", Some(line));
    }
    if header.agenda_item.is_some() {
        field("agenda_item", "agenda-phrase", segs.header.first().copied());
    }
    if header.adopted_on.is_some() {
        field(
            "adopted_on",
            "date-after-adoption-phrase",
            segs.header.first().copied(),
        );
    }

    // Paragraphs: calls out, one line, broken words joined.
    let mut paragraphs: Vec<(Paragraph, usize, &'static str)> = segs.paragraphs;
    strip_calls(
        &mut paragraphs,
        &cleaned.footnotes,
        &cleaned.explicit_calls,
        &cleaned.calls_on_page,
        lexicons,
    );
    for (paragraph, ..) in &mut paragraphs {
        paragraph.text = finish_text(&paragraph.text);
    }
    // Words split by a spurious space (`soci al`), in the paragraphs and the title.
    let mut title_text = segs.title.as_ref().map(|(t, _)| finish_text(t));
    // Markdown converters build on text extraction that segments words itself: PyMuPDF's
    // text of the 238 GA PDFs has no split word (BENCH.md), so Markdown is not searched.
    if layout != Layout::Markdown {
        let mut texts: Vec<&mut String> =
            paragraphs.iter_mut().map(|(p, ..)| &mut p.text).collect();
        texts.extend(title_text.as_mut());
        let footnote_texts = cleaned.footnotes.iter().map(|f| f.text.as_str());
        mend_split_words(&mut texts, footnote_texts, lexicon);
    }
    paragraphs.retain(|(p, ..)| !p.text.is_empty() || p.kind == ParagraphKind::Operative);
    trace.paragraphs = paragraphs
        .iter()
        .map(|(_, line, rule)| (*rule, bytes_of(*line).unwrap_or(0..0)))
        .collect();
    let paragraphs: Vec<Paragraph> = paragraphs.into_iter().map(|(p, ..)| p).collect();

    // Title.
    let title = segs
        .title
        .as_ref()
        .zip(title_text)
        .map(|((_, lines), title)| (title, lines.first().copied()));
    let title_line = title.as_ref().and_then(|t| t.1);
    let title = complete_title(title.map(|t| t.0), &front_matter);
    if title.is_some() {
        field(
            "title",
            "text-after-number",
            title_line.or(segs.number.as_ref().map(|n| n.1)),
        );
    }

    // Number, body, symbol.
    let number = segs.number.as_ref().map(|(n, _)| n.clone());
    if let Some((_, line)) = &segs.number {
        field("number", "resolution-number", Some(*line));
    }
    let body = match (header.body, segs.opener) {
        (Some((b, rule)), _) => {
            field("body", rule, segs.header.first().copied());
            Some(b)
        }
        (None, Some((b, line))) => {
            field("body", "opener-phrase", Some(line));
            Some(b)
        }
        (None, None) => None,
    };
    let printed = printed_symbols(&cleaned.furniture_symbols, &front_matter, &header.text);
    let (symbol, number, body) = resolve_symbol(printed, number, body, &mut warnings);
    if let Some((_, rule)) = &symbol {
        field("symbol", rule, None);
    }
    let symbol = symbol.map(|(s, _)| s);
    // The session the header names; else the symbol's (`2453 (XXIII)` is the 23rd).
    let session = header.session.map(|(s, _)| s).or_else(|| {
        symbol
            .as_deref()
            .and_then(crate::corpus::symbol::Symbol::parse)
            .and_then(|s| s.session_number())
    });

    // Meeting, date, vote.
    let meeting = segs.meeting.as_ref().map(|(m, line)| {
        field("meeting", "meeting-phrase", Some(*line));
        finish_text(m)
    });
    let tail_date = segs.meeting_rest.as_ref().and_then(|(rest, line)| {
        let date = lexicon.find_date(rest)?;
        field("adopted_on (tail)", "date-under-meeting", Some(*line));
        Some(date)
    });
    let mut vote = None;
    let mut vote_text_rest = None;
    if let Some((block, line, closed)) = &segs.vote {
        field("vote", "vote-phrase", Some(*line));
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
    for (field, absent) in missing {
        if absent {
            warnings.push(Warning::MissingField(field));
        }
    }
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
    (resolution, trace)
}

fn empty(path: &str, layout: Layout) -> Resolution {
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
        source: Source {
            path: path.to_string(),
            format: layout.format(),
        },
        warnings: Vec::new(),
    }
}

mod assemble;
mod kept;
#[cfg(test)]
mod tests;
