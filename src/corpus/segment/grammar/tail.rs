//! The grammar's end of a resolution: the meeting line and its date, the recorded vote block,
//! and the annexes' lines.

use super::reading::original_prefix;
use super::{Machine, State};
use crate::corpus::model::ParagraphKind;
use crate::corpus::numbering::paragraph_number;
use crate::corpus::segment::rules::Views;
use crate::corpus::text::join_into;

impl Machine<'_> {
    /// The meeting line; the date is on it or on the next line.
    pub(super) fn meeting(
        &mut self,
        views: Views<'_>,
        i: usize,
        len: usize,
        rule: &'static str,
    ) -> usize {
        self.state = State::Tail;
        self.record(i, rule, "meeting");
        let view = &views.at(i);
        let (folded_meeting, _) = view.folded().split_at(len.min(view.folded().len()));
        let meeting = original_prefix(view.text, folded_meeting.len());
        self.out.meeting = Some((meeting.to_string(), i));
        let rest = view.text[meeting.len()..].trim();
        let mut next = i + 1;
        if self.lexicon.find_date(rest).is_some() {
            self.out.meeting_rest = Some((rest.to_string(), i));
            // A vote block may follow on the same line (flattened text).
        } else if let Some(after) = views.get(i + 1)
            && self.lexicon.find_date(after.text).is_some()
            && after.text.len() < 40
        {
            self.out.meeting_rest = Some((after.text.to_string(), i + 1));
            self.record(i + 1, "date-under-meeting", "date");
            next = i + 2;
        }
        next
    }

    /// A vote block: its lines up to the closing bracket.
    pub(super) fn vote(&mut self, views: Views<'_>, i: usize, rule: &'static str) -> usize {
        self.state = State::Tail;
        self.record(i, rule, "vote block");
        let mut block = String::new();
        let mut j = i;
        let mut closed = false;
        while j < views.len() {
            join_into(&mut block, views.at(j).text);
            j += 1;
            if views.at(j - 1).text.contains(']') {
                closed = true;
                break;
            }
            // An annex heading ends an unclosed block.
            if views
                .get(j)
                .is_some_and(|v| self.lexicon.is_annex_heading(v.folded()) && v.text.len() <= 16)
            {
                break;
            }
        }
        self.out.vote = Some((block, i, closed));
        j
    }

    /// A line of annex text: a numbered line opens a paragraph; so does a block after a blank
    /// line (when blanks separate paragraphs) or a capitalised line after a finished sentence.
    pub(super) fn annex_line(&mut self, views: Views<'_>, i: usize) {
        let view = &views.at(i);
        let text = view.text;
        let numbered = paragraph_number(text);
        let last_annex = self
            .out
            .paragraphs
            .last()
            .filter(|(p, ..)| p.kind == ParagraphKind::Annex);
        let opens = match (&numbered, last_annex) {
            (Some(_), _) | (None, None) => true,
            (None, Some((previous, ..))) => {
                let upper = text.starts_with(char::is_uppercase);
                if self.blank_separates {
                    view.line.blank_before && upper
                } else {
                    upper
                        && previous.text.trim_end().ends_with(['.', ';', ':'])
                        && !self.rest_of_printed_line(views, i)
                }
            }
        };
        if opens {
            let (number, body) = match numbered {
                Some((n, rest)) => (Some(n), rest),
                None => (None, text),
            };
            let rule = if number.is_some() {
                "annex-number"
            } else {
                "annex-block"
            };
            self.push(ParagraphKind::Annex, number, body, i, rule);
        } else {
            self.continue_paragraph(text, i, ParagraphKind::Annex);
        }
    }
}
