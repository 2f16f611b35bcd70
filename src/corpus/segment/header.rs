//! The header block's fields — body, session, agenda item, adoption date — read from the lines
//! before the resolution's number with the document's lexicon, whether the converter kept one
//! field per line or collapsed the block onto a few lines.

use super::super::lexicon::Lexicon;
use super::super::model::Body;
use super::super::source::Lines;
use super::super::text::join_into;
use crate::text::fold::{fold, fold_with_offsets};
use chrono::NaiveDate;

/// What the header says, and which line said each thing.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct HeaderFields {
    pub body: Option<(Body, &'static str)>,
    pub session: Option<(u32, usize)>,
    pub agenda_item: Option<String>,
    pub adopted_on: Option<NaiveDate>,
    /// The header's text on one line (for `check --explain` and symbols printed in it).
    pub text: String,
}

/// Read the header fields from `lines[indices]` (and text glued before the number).
pub fn read(
    lines: &Lines,
    indices: &[usize],
    tail: Option<&str>,
    lexicon: &Lexicon,
) -> HeaderFields {
    let mut text = String::new();
    for &i in indices {
        if let Some(line) = lines.get(i) {
            join_into(&mut text, line.text);
        }
    }
    if let Some(tail) = tail {
        join_into(&mut text, tail);
    }
    let (folded, offsets) = fold_with_offsets(&text);
    let body = lexicon
        .adoption_body(&folded)
        .map(|b| (b, "adoption-phrase"))
        .or_else(|| {
            lexicon
                .body_named_in(&folded)
                .map(|b| (b, "body-name-in-header"))
        });
    let session = indices.iter().find_map(|&i| {
        let line = lines.get(i)?;
        lexicon.session(&fold(line.text)).map(|s| (s, i))
    });
    let adopted_on = lexicon
        .adoption_phrase_end(&folded)
        .and_then(|at| offsets.get(at).copied())
        .and_then(|at| text.get(at..))
        .and_then(|after| lexicon.find_date(after))
        .map(|(date, _)| date);
    HeaderFields {
        body,
        session,
        agenda_item: lexicon.agenda_item(&folded),
        adopted_on,
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::lexicon::Lexicons;

    fn lines(text: &str) -> Lines {
        use crate::corpus::source::Line;
        text.lines()
            .map(|t| Line {
                text: t.trim().into(),
                ..Line::default()
            })
            .collect()
    }

    fn lexicon(code: &str) -> &'static Lexicon {
        Lexicons::builtin().get(code).expect("built in")
    }

    #[test]
    fn french_header_one_field_per_line() {
        let l = lines(
            "Conseil des droits de l’homme\nQuarante-quatrième session\n30 juin-17 juillet 2020\n\
             Point 3 de l’ordre du jour\nPromotion et protection\nRésolution adoptée par le Conseil des droits de l’homme\n\
             le 16 juillet 2020",
        );
        let all: Vec<usize> = (0..l.len()).collect();
        let h = read(&l, &all, None, lexicon("fr"));
        assert_eq!(h.body.map(|b| b.0), Some(Body::Hrc));
        assert_eq!(h.session.map(|s| s.0), Some(44));
        assert_eq!(h.agenda_item.as_deref(), Some("3"));
        assert_eq!(h.adopted_on, NaiveDate::from_ymd_opt(2020, 7, 16));
    }

    #[test]
    fn english_header_collapsed() {
        let l = lines(
            "United Nations\nGeneral Assembly Distr.: General 3 December 2025\n\
             Eightieth session Agenda item 97 (c) Prevention of an arms race in outer space: further\n\
             Resolution adopted by the General Assembly on 1 December 2025\n\
             [on the report of the First Committee (A/80/534, para. 7)]",
        );
        let all: Vec<usize> = (0..l.len()).collect();
        let h = read(&l, &all, None, lexicon("en"));
        assert_eq!(h.body.map(|b| b.0), Some(Body::Ga));
        assert_eq!(h.session.map(|s| s.0), Some(80));
        assert_eq!(h.agenda_item.as_deref(), Some("97 (c)"));
        assert_eq!(h.adopted_on, NaiveDate::from_ymd_opt(2025, 12, 1));
    }

    #[test]
    fn agenda_items_with_letters_and_lists() {
        let fr = lexicon("fr");
        assert_eq!(
            fr.agenda_item("point 68, b, de l'ordre du jour").as_deref(),
            Some("68 b")
        );
        let en = lexicon("en");
        assert_eq!(
            en.agenda_item("agenda items 12 and 13").as_deref(),
            Some("12 and 13")
        );
    }
}
