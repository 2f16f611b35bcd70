//! The header of a resolution: body, session, agenda item, adoption date, number and title,
//! read from the lines before the opening words (`Le Conseil des droits de l’homme,`,
//! `The General Assembly,`), in French or English, whether the converter kept one field per line
//! or collapsed the block onto a few lines.

use super::markup::re;
use super::model::Body;
use super::normalize::{Line, finish_text, join_into};
use super::words::{find_date, number_from_words};
use crate::index::fold::{fold, fold_with_offsets};
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

/// What the header says.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Header {
    pub body: Option<Body>,
    pub session: Option<u32>,
    pub agenda_item: Option<String>,
    pub adopted_on: Option<NaiveDate>,
    pub number: Option<String>,
    pub title: Option<String>,
    /// The first printed line of the title, as it recurs in running page headers.
    pub title_line: Option<String>,
    /// Index of the first line of the resolution's text proper.
    pub text_start: usize,
    /// Whether the opening words (`The General Assembly,`) were found.
    pub has_opener: bool,
}

/// How far into a document the header may reach, in lines.
const HEADER_REACH: usize = 150;

static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:^|[\s\]])((?:[A-Z]{1,2}-)?\d{1,3}/\d{1,4}(?:\s?[A-Z])?)\.\s+(\p{Lu}.*)$")
});
static OPENER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:le |la |l')?(?:the )?(conseil des droits de l'homme|assemblee generale|human rights council|general assembly|conseil economique et social|economic and social council)\s*,$",
    )
});
static SESSION: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^(.*?)\s+session\b"));
static FR_AGENDA: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bpoints?\s+(.{1,40}?),?\s+de\s+l.ordre\s+du\s+jour"));
static EN_AGENDA: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bagenda\s+items?\s+(\d+[a-z]?(?:\s*\([a-z]{1,4}\))*(?:\s*(?:,|and|et)\s*\d+[a-z]?(?:\s*\([a-z]{1,4}\))*)*)",
    )
});

/// Which body the words name, if any (`conseil des droits de l'homme`, `general assembly`).
pub fn body_named_in(folded: &str) -> Option<Body> {
    let hrc = ["conseil des droits de l'homme", "human rights council"]
        .iter()
        .filter_map(|p| folded.find(p))
        .min();
    let ga = ["assemblee generale", "general assembly"]
        .iter()
        .filter_map(|p| folded.find(p))
        .min();
    match (hrc, ga) {
        (Some(h), Some(g)) => Some(if h < g { Body::Hrc } else { Body::Ga }),
        (Some(_), None) => Some(Body::Hrc),
        (None, Some(_)) => Some(Body::Ga),
        (None, None) => None,
    }
}

fn is_opener(line: &str) -> bool {
    OPENER.is_match(&fold(line.trim()))
}

/// Read the header of a document's running text.
pub fn read_header(lines: &[Line]) -> Header {
    let reach = lines.len().min(HEADER_REACH);
    let opener = lines[..reach].iter().position(|l| is_opener(&l.text));
    let title_search_end = opener.unwrap_or(reach.min(40));
    let title_at = lines[..title_search_end]
        .iter()
        .position(|l| TITLE.is_match(&l.text));
    let mut header = Header {
        has_opener: opener.is_some(),
        ..Header::default()
    };

    let mut header_text = String::new();
    let header_end = title_at.or(opener).unwrap_or(0);
    for line in &lines[..header_end] {
        join_into(&mut header_text, &line.text);
    }
    if let Some(at) = title_at {
        read_title(lines, at, opener, &mut header, &mut header_text);
    }
    header.text_start = match (opener, title_at) {
        (Some(o), _) => o + 1,
        (None, Some(t)) => t + 1 + title_continuation(lines, t, None),
        (None, None) => 0,
    };

    let (folded, offsets) = fold_with_offsets(&header_text);
    header.body = adoption_phrase_body(&folded)
        .or_else(|| opener.and_then(|o| body_named_in(&fold(&lines[o].text))))
        .or_else(|| body_named_in(&folded));
    header.session = lines[..header_end].iter().find_map(|l| session_of(&l.text));
    header.agenda_item = agenda_item_of(&header_text);
    header.adopted_on = folded
        .find("solution adopt")
        .and_then(|at| offsets.get(at))
        .and_then(|&at| header_text.get(at..))
        .and_then(find_date)
        .map(|(date, _)| date);
    header
}

/// Number and title from the title line and the lines after it up to the opening words.
fn read_title(
    lines: &[Line],
    at: usize,
    opener: Option<usize>,
    header: &mut Header,
    header_text: &mut String,
) {
    let line = &lines[at].text;
    let Some(caps) = TITLE.captures(line) else {
        return;
    };
    let (Some(number), Some(first)) = (caps.get(1), caps.get(2)) else {
        return;
    };
    // Anything glued before the number (`le 23 mars 2018 37/23. …`) is header text.
    join_into(header_text, &line[..number.start()]);
    header.number = Some(number.as_str().replace(' ', ""));
    let mut title = first.as_str().to_string();
    header.title_line = Some(finish_text(&title));
    let extra = title_continuation(lines, at, opener);
    for next in &lines[at + 1..at + 1 + extra] {
        join_into(&mut title, &next.text);
    }
    header.title = Some(finish_text(&title)).filter(|t| !t.is_empty());
}

/// How many lines after the title line still belong to the title.
fn title_continuation(lines: &[Line], at: usize, opener: Option<usize>) -> usize {
    match opener {
        // Up to the opening words, within reason (a title wraps over two or three lines).
        Some(o) if o > at && o - at <= 5 => o - at - 1,
        Some(_) => 0,
        // No opening words: only lines that visibly continue the title.
        None => lines[at + 1..]
            .iter()
            .take(3)
            .take_while(|l| l.text.chars().next().is_some_and(char::is_lowercase))
            .count(),
    }
}

/// The body named in `Résolution adoptée par le Conseil …` / `Resolution adopted by the …`.
fn adoption_phrase_body(folded_header: &str) -> Option<Body> {
    let at = folded_header
        .find("solution adoptee par")
        .or_else(|| folded_header.find("resolution adopted by"))?;
    let end = (at + 80).min(folded_header.len());
    let window = folded_header.get(at..end).unwrap_or(&folded_header[at..]);
    body_named_in(window)
}

/// `Quarante-quatrième session` → 44; `Eightieth session Agenda item 7 …` → 80.
fn session_of(line: &str) -> Option<u32> {
    let caps = SESSION.captures(line.trim())?;
    let words: Vec<&str> = caps[1].split_whitespace().collect();
    let longest = words.len().min(5);
    (1..=longest).rev().find_map(|n| {
        let phrase = words[words.len() - n..].join(" ");
        number_from_words(&phrase).filter(|v| (1..1000).contains(v))
    })
}

/// `Point 68, b, de l’ordre du jour` → `68 b`; `Agenda item 97 (c)` → `97 (c)`.
fn agenda_item_of(header_text: &str) -> Option<String> {
    let raw = FR_AGENDA
        .captures(header_text)
        .or_else(|| EN_AGENDA.captures(header_text))
        .map(|caps| caps[1].to_string())?;
    let cleaned = raw.replace(',', " ");
    let item = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    (!item.is_empty()).then_some(item)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line> {
        text.lines()
            .map(|t| Line {
                text: t.trim().to_string(),
                blank_before: false,
            })
            .collect()
    }

    #[test]
    fn french_header_one_field_per_line() {
        let h = read_header(&lines(
            "Conseil des droits de l’homme\nQuarante-quatrième session\n30 juin-17 juillet 2020\n\
             Point 3 de l’ordre du jour\nPromotion et protection\nRésolution adoptée par le Conseil des droits de l’homme\n\
             le 16 juillet 2020\n44/11. Mandat d’Expert indépendant\net la solidarité internationale\n\
             Le Conseil des droits de l’homme,\nRéaffirmant",
        ));
        assert_eq!(h.body, Some(Body::Hrc));
        assert_eq!(h.session, Some(44));
        assert_eq!(h.agenda_item.as_deref(), Some("3"));
        assert_eq!(h.adopted_on, NaiveDate::from_ymd_opt(2020, 7, 16));
        assert_eq!(h.number.as_deref(), Some("44/11"));
        assert_eq!(
            h.title.as_deref(),
            Some("Mandat d’Expert indépendant et la solidarité internationale")
        );
        assert_eq!(h.text_start, 10);
    }

    #[test]
    fn english_header_collapsed() {
        let h = read_header(&lines(
            "United Nations\nGeneral Assembly Distr.: General 3 December 2025\n\
             Eightieth session Agenda item 97 (c) Prevention of an arms race in outer space: further\n\
             Resolution adopted by the General Assembly on 1 December 2025\n\
             [on the report of the First Committee (A/80/534, para. 7)]\n\
             80/21. Further practical measures\nThe General Assembly,\nRecalling",
        ));
        assert_eq!(h.body, Some(Body::Ga));
        assert_eq!(h.session, Some(80));
        assert_eq!(h.agenda_item.as_deref(), Some("97 (c)"));
        assert_eq!(h.adopted_on, NaiveDate::from_ymd_opt(2025, 12, 1));
        assert_eq!(h.title.as_deref(), Some("Further practical measures"));
    }

    #[test]
    fn agenda_item_with_letter_between_commas() {
        assert_eq!(
            agenda_item_of("Point 68, b, de l'ordre du jour").as_deref(),
            Some("68 b")
        );
        assert_eq!(
            agenda_item_of("Agenda items 12 and 13").as_deref(),
            Some("12 and 13")
        );
    }

    #[test]
    fn title_glued_to_the_previous_line() {
        let h = read_header(&lines(
            "le 23 mars 2018 37/23. Promotion d'une coopération\ndans le domaine\nLe Conseil des droits de l'homme,",
        ));
        assert_eq!(h.number.as_deref(), Some("37/23"));
        assert_eq!(
            h.title.as_deref(),
            Some("Promotion d'une coopération dans le domaine")
        );
    }
}
