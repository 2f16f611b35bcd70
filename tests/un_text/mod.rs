//! Resolutions written back as the UN prints them (header words, vote blocks, sub-paragraphs),
//! and how a parse compares with the original: shared by the tests that rebuild a sample in
//! another layout (flattened text, PDF) and parse it again.
#![allow(dead_code)]

use super::expected_fields::{expectations, field_mismatches, names};
use chrono::{Datelike, NaiveDate};
use resolu::corpus::load::parse_bytes;
use resolu::corpus::{Adoption, Body, CountryRef, Language, Resolution, Vote};
use serde_json::Value;
use std::path::PathBuf;

/// How the names of a vote list are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lists {
    /// `Algeria, Brazil and Viet Nam` (`et` in French), no final full stop.
    AndJoined,
    /// `Algeria, Brazil, Viet Nam.` — commas, and a full stop ending each list.
    CommasWithFullStop,
}

// ---------------------------------------------------------------------------------------------
// Words, as the UN prints them
// ---------------------------------------------------------------------------------------------

/// The session as an ordinal word (`Quarante-quatrième`, `Eightieth`), for the sessions of the
/// samples and of the hand-written documents.
pub fn session_words(session: u32, language: Language) -> &'static str {
    let (fr, en) = match session {
        37 => ("Trente-septième", "Thirty-seventh"),
        44 => ("Quarante-quatrième", "Forty-fourth"),
        46 => ("Quarante-sixième", "Forty-sixth"),
        52 => ("Cinquante-deuxième", "Fifty-second"),
        71 => ("Soixante et onzième", "Seventy-first"),
        80 => ("Quatre-vingtième", "Eightieth"),
        other => panic!("no ordinal word for session {other}: add it to session_words"),
    };
    if language == Language::FR { fr } else { en }
}

/// `17 juillet 2020`, `1er décembre 2025`, `3 April 2023`.
pub fn date_words(date: NaiveDate, language: Language) -> String {
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = date.month0() as usize;
    match language {
        Language::FR if date.day() == 1 => format!("1er {} {}", FR[month], date.year()),
        Language::FR => format!("{} {} {}", date.day(), FR[month], date.year()),
        _ => format!("{} {} {}", date.day(), EN[month], date.year()),
    }
}

/// The document's own apostrophe: `’` unless its text only uses `'`.
pub fn apostrophe(r: &Resolution) -> char {
    let mut texts = r
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .chain(r.title.as_deref());
    if texts.any(|t| t.contains('’')) {
        '’'
    } else if r.paragraphs.iter().any(|p| p.text.contains('\'')) {
        '\''
    } else {
        '’'
    }
}

pub struct Words {
    pub body: String,
    pub session: String,
    pub agenda_item: Option<String>,
    pub adopted: String,
    pub opener: String,
}

pub fn words(r: &Resolution) -> Words {
    let language = r.language.expect("the original has a language");
    let body = r.body.expect("the original has a body");
    let q = apostrophe(r);
    let date = date_words(r.adopted_on.expect("the original has a date"), language);
    let session = session_words(r.session.expect("the original has a session"), language);
    let (body_name, adopted_by, opener) = match (body, language) {
        (Body::Hrc, Language::FR) => (
            format!("Conseil des droits de l{q}homme"),
            format!("Résolution adoptée par le Conseil des droits de l{q}homme le {date}"),
            format!("Le Conseil des droits de l{q}homme,"),
        ),
        (Body::Ga, Language::FR) => (
            "Assemblée générale".to_string(),
            format!("Résolution adoptée par l{q}Assemblée générale le {date}"),
            format!("L{q}Assemblée générale,"),
        ),
        (Body::Hrc, Language::EN) => (
            "Human Rights Council".to_string(),
            format!("Resolution adopted by the Human Rights Council on {date}"),
            "The Human Rights Council,".to_string(),
        ),
        (Body::Ga, Language::EN) => (
            "General Assembly".to_string(),
            format!("Resolution adopted by the General Assembly on {date}"),
            "The General Assembly,".to_string(),
        ),
        other => panic!("no header words for {other:?}"),
    };
    // `68 b` is printed `Point 68, b, de l’ordre du jour` (A/RES/71/194); `97 (c)` is printed
    // `Agenda item 97 (c)` (A/RES/80/21).
    let agenda_item = r.agenda_item.as_deref().map(|item| match language {
        Language::FR => {
            let item = match item.split_once(' ') {
                Some((n, letter)) => format!("{n}, {letter},"),
                None => item.to_string(),
            };
            format!("Point {item} de l{q}ordre du jour")
        }
        _ => format!("Agenda item {item}"),
    });
    Words {
        body: body_name,
        session: format!("{session} session"),
        agenda_item,
        adopted: adopted_by,
        opener,
    }
}

pub fn join_names(list: &[CountryRef], language: Language, lists: Lists) -> String {
    let names = names(list);
    match (lists, names.as_slice()) {
        (_, []) => String::new(),
        (Lists::AndJoined, [one]) => one.to_string(),
        (Lists::AndJoined, [init @ .., last]) => {
            let and = if language == Language::FR {
                "et"
            } else {
                "and"
            };
            format!("{} {and} {last}", init.join(", "))
        }
        (Lists::CommasWithFullStop, all) => format!("{}.", all.join(", ")),
    }
}

/// The vote block on one line, lists separated by a space only.
pub fn vote_block(v: &Vote, language: Language, lists: Lists, q: char) -> String {
    let count = |n: Option<u32>| n.expect("a recorded vote has its counts");
    let (yes, no, abstain) = (count(v.yes), count(v.no), count(v.abstain));
    let plural = if abstain == 1 { "" } else { "s" };
    let in_favour = join_names(&v.in_favour, language, lists);
    let against = join_names(&v.against, language, lists);
    let abstaining = join_names(&v.abstaining, language, lists);
    let list = |label: &str, names: &str| {
        if names.is_empty() {
            label.to_string()
        } else {
            format!("{label} {names}")
        }
    };
    match (v.adoption, language) {
        (Adoption::RecordedVote, Language::FR) => format!(
            "[Adoptée par {yes} voix contre {no}, avec {abstain} abstention{plural}, à l{q}issue \
             d{q}un vote enregistré. Les voix se sont réparties comme suit : {} {} {}]",
            list("Ont voté pour :", &in_favour),
            list("Ont voté contre :", &against),
            list("Se sont abstenus :", &abstaining),
        ),
        (Adoption::RecordedVote, _) => format!(
            "[Adopted by a recorded vote of {yes} to {no}, with {abstain} abstention{plural}. \
             The voting was as follows: {} {} {}]",
            list("In favour:", &in_favour),
            list("Against:", &against),
            list("Abstaining:", &abstaining),
        ),
        (Adoption::WithoutVote, Language::FR) => "[Adoptée sans vote.]".to_string(),
        (Adoption::WithoutVote, _) => "[Adopted without a vote.]".to_string(),
        (Adoption::Unknown, _) => panic!("the samples have no vote of unknown outcome"),
    }
}

/// Split an operative paragraph's text before each sub-paragraph `(a) `, `(b) `…: a letter in
/// brackets after `:` or `;` (optionally `; and`), followed by a capital letter. A reference such
/// as `paragraph 1 (a) above` is not split.
pub fn split_subparagraphs(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while let Some(found) = text[i..].find(" (") {
        let at = i + found; // the space before `(`
        i = at + 2;
        let rest = &text[at + 2..];
        let Some(close) = rest.find(") ") else {
            continue;
        };
        let label = &rest[..close];
        let is_label =
            !label.is_empty() && label.len() <= 4 && label.chars().all(|c| c.is_ascii_lowercase());
        let next_is_capital = rest[close + 2..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        let before = text[..at].trim_end_matches(" and").trim_end_matches(" et");
        let after_stop = before.ends_with([':', ';']);
        if is_label && next_is_capital && after_stop {
            parts.push(&text[start..at]);
            start = at + 1;
        }
    }
    parts.push(&text[start..]);
    parts
}

// ---------------------------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------------------------

/// `«…context…»` around the first character where `got` and `want` differ.
pub fn first_difference(got: &str, want: &str) -> String {
    let at = got
        .char_indices()
        .zip(want.chars())
        .find(|((_, a), b)| a != b)
        .map(|((i, _), _)| i)
        .unwrap_or(got.len().min(want.len()));
    let around = |s: &str| {
        let from = s[..at.min(s.len())]
            .char_indices()
            .rev()
            .nth(30)
            .map_or(0, |(i, _)| i);
        let tail: String = s[from..].chars().take(70).collect();
        format!("«{tail}»")
    };
    format!(
        "differs at byte {at}: got {}, expected {} (lengths {} and {})",
        around(got),
        around(want),
        got.len(),
        want.len()
    )
}

/// A failure line cut to 600 bytes: a wrong title may hold the whole document.
pub fn clip(line: &str) -> String {
    const MOST: usize = 600;
    if line.len() <= MOST {
        return line.to_string();
    }
    let cut = (0..=MOST)
        .rev()
        .find(|&i| line.is_char_boundary(i))
        .unwrap();
    format!("{} …[{} more bytes]", &line[..cut], line.len() - cut)
}

/// Paragraphs (kind, number, text) of `got` that are not those of `want`, five at most.
pub fn paragraph_mismatches(got: &Resolution, want: &Resolution) -> Vec<String> {
    let mut out = Vec::new();
    if got.paragraphs.len() != want.paragraphs.len() {
        out.push(format!(
            "paragraphs: got {}, expected {}",
            got.paragraphs.len(),
            want.paragraphs.len()
        ));
    }
    let mut differing = 0;
    for (i, (g, w)) in got.paragraphs.iter().zip(&want.paragraphs).enumerate() {
        if (g.kind, g.number, &g.text) == (w.kind, w.number, &w.text) {
            continue;
        }
        differing += 1;
        if differing > 5 {
            continue;
        }
        let at = want.citation(resolu::corpus::ParagraphIndex(i)).unwrap();
        if (g.kind, g.number) != (w.kind, w.number) {
            out.push(format!(
                "paragraph {} ({at}): got {:?} {:?}, expected {:?} {:?}",
                i + 1,
                g.kind,
                g.number,
                w.kind,
                w.number
            ));
        }
        if g.text != w.text {
            out.push(format!(
                "paragraph {} ({at}) text {}",
                i + 1,
                first_difference(&g.text, &w.text)
            ));
        }
    }
    if differing > 5 {
        out.push(format!("… {} more paragraphs differ", differing - 5));
    }
    out
}

/// Country codes of the vote lists of `got` that are not those of `want`.
pub fn code_mismatches(got: &Resolution, want: &Resolution) -> Vec<String> {
    let (Some(g), Some(w)) = (&got.vote, &want.vote) else {
        return Vec::new(); // a missing vote is reported by field_mismatches
    };
    let mut out = Vec::new();
    for (list, g, w) in [
        ("in_favour", &g.in_favour, &w.in_favour),
        ("against", &g.against, &w.against),
        ("abstaining", &g.abstaining, &w.abstaining),
    ] {
        let codes = |l: &[CountryRef]| -> Vec<Option<String>> {
            l.iter().map(|c| c.code.clone()).collect()
        };
        if codes(g) != codes(w) {
            out.push(format!(
                "vote codes {list}: got {:?}, expected {:?}",
                codes(g),
                codes(w)
            ));
        }
    }
    out
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The expected.json entry and the current parse of sample `file` (`A_HRC_RES_44_18.fr.txt`,
/// `en/A_RES_80_1.en.txt`).
pub fn sample(file: &str) -> (Value, Resolution) {
    let (path, expected) = expectations()
        .into_iter()
        .find(|(_, e)| e["file"] == file)
        .unwrap_or_else(|| panic!("{file} is not in expected.json"));
    let bytes = std::fs::read(root().join(&path)).unwrap();
    let original = parse_bytes(&path.to_string_lossy(), &bytes).unwrap();
    let broken = field_mismatches(&original, &expected);
    assert!(
        broken.is_empty(),
        "the ORIGINAL {file} no longer matches expected.json, so it cannot be the reference for \
         its flattened text (see tests/expected.rs):\n{}",
        broken.join("\n")
    );
    (expected, original)
}
