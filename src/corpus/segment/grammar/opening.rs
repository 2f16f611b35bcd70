//! The grammar's opening: the header block, the resolution's number and title, and the opener
//! (`The General Assembly,`), read before the body's first paragraph.

use super::{HEADER_REACH, Machine, State, TITLE_LINES};
use crate::corpus::segment::rules::{Label, Views, offers};
use crate::corpus::text::join_into;

impl Machine<'_> {
    /// Header, number, title and opener: where the body starts.
    pub(super) fn header(&mut self, views: Views<'_>) -> usize {
        let reach = views.len().min(HEADER_REACH);
        let mut opener = None;
        let mut number = None;
        for (i, view) in views.iter().take(reach).enumerate() {
            for (label, rule) in offers(&view, self.lexicon) {
                match label {
                    Label::Opener(body) if opener.is_none() => opener = Some((i, body, rule)),
                    Label::Number(n, at) if number.is_none() && opener.is_none() => {
                        number = Some((i, n, at, rule));
                    }
                    _ => {}
                }
            }
            if opener.is_some() {
                break;
            }
        }
        let header_end = number
            .as_ref()
            .map(|n| n.0)
            .or(opener.map(|o| o.0))
            .unwrap_or(0);
        self.out.header = (0..header_end).collect();
        let mut body_start = 0;
        if let Some((i, n, at, rule)) = number {
            self.record(i, rule, "number");
            let line = views.at(i).text;
            let number_at = line.len() - line.trim_start().len();
            let before = line[..number_at].trim();
            if !before.is_empty() {
                self.out.header_tail = Some(before.to_string());
            }
            self.out.number = Some((n, i));
            let mut title = line[at..].trim().to_string();
            let mut title_lines = vec![i];
            let end = match opener {
                Some((o, ..)) if o > i && o - i <= TITLE_LINES => o,
                Some(_) => i + 1,
                None => {
                    // No opening words: the next line when the number stood alone, and lines
                    // that visibly continue the title.
                    let mut end = i + 1;
                    if title.is_empty() && end < views.len() {
                        end += 1;
                    }
                    while end < views.len()
                        && end - i <= TITLE_LINES
                        && views.at(end).text.starts_with(char::is_lowercase)
                    {
                        end += 1;
                    }
                    end
                }
            };
            self.title_first = Some(title.clone())
                .filter(|t| !t.is_empty())
                .or_else(|| views.get(i + 1).map(|v| v.text.to_string()));
            for (j, view) in views.iter().enumerate().take(end).skip(i + 1) {
                join_into(&mut title, view.text);
                title_lines.push(j);
                self.record(j, "title-continuation", "title");
            }
            if !title.is_empty() {
                self.out.title = Some((title, title_lines));
            }
            body_start = end;
            self.state = State::Title;
        }
        if let Some((o, body, rule)) = opener {
            self.record(o, rule, "opener");
            self.out.opener = Some((body, o));
            body_start = o + 1;
        }
        self.state = State::Preamble;
        body_start
    }

    /// The title, or its first printed line, repeated as a running head at a page's top.
    pub(super) fn is_running_title(&self, text: &str) -> bool {
        self.out
            .title
            .as_ref()
            .is_some_and(|(title, _)| text == title)
            || self.title_first.as_deref() == Some(text)
    }
}
