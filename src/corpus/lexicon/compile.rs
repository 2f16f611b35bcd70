//! Lexicon phrases and templates compiled into patterns over folded text, once per lexicon.

use super::{Lexicon, LexiconError, LexiconFile, VoteList};
use crate::corpus::model::{Body, Language};
use regex::Regex;
use std::fmt::Write;

/// Compile a pattern built here. Patterns come from code and from lexicon files whose words are
/// escaped, so a failure is a programming error; it degrades to a pattern that never matches.
pub(crate) fn pattern(source: &str) -> Regex {
    Regex::new(source).unwrap_or_else(|_| {
        debug_assert!(false, "bad pattern {source}");
        never()
    })
}

fn never() -> Regex {
    // `[^\s\S]` matches nothing.
    Regex::new(r"[^\s\S]").unwrap_or_else(|_| unreachable!())
}

/// A phrase, escaped, with any run of spaces matching any run of whitespace and a comma
/// optional.
fn phrase(words: &str) -> String {
    let mut out = String::new();
    for (i, word) in words.split_whitespace().enumerate() {
        if i > 0 {
            out.push_str(r"\s+");
        }
        let (word, comma) = match word.strip_suffix(',') {
            Some(w) => (w, true),
            None => (word, false),
        };
        out.push_str(&regex::escape(word));
        if comma {
            out.push_str(r"\s*,?");
        }
    }
    out
}

/// Alternation of phrases, longest first (so `plenary meeting` wins over `meeting`).
fn alternation(phrases: &[String]) -> String {
    let mut sorted: Vec<&String> = phrases.iter().filter(|p| !p.trim().is_empty()).collect();
    sorted.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let parts: Vec<String> = sorted.iter().map(|p| phrase(p)).collect();
    format!("(?:{})", parts.join("|"))
}

/// A template (`vote of {yes} to {no}, with {abstain} abstentions`) as a pattern with named
/// groups. `{item}` is an agenda item: structured when it ends the template, else any short
/// text up to what follows.
fn template(source: &str, conjunctions: &[String]) -> Result<String, String> {
    let mut out = String::from(r"\b");
    let mut rest = source.trim();
    while let Some(open) = rest.find('{') {
        let close = rest[open..]
            .find('}')
            .map(|c| open + c)
            .ok_or_else(|| format!("unclosed placeholder in “{source}”"))?;
        let literal = &rest[..open];
        out.push_str(&phrase(literal));
        if literal.ends_with(' ') {
            out.push_str(r"\s+");
        }
        let name = &rest[open + 1..close];
        let after = &rest[close + 1..];
        let group = match name {
            "yes" | "no" | "abstain" => format!(r"(?P<{name}>[^\s,;.\]]+)"),
            "item" if after.trim().is_empty() => {
                let conj = alternation(conjunctions);
                let one = r"\d{1,4}[a-z]?(?:\s*\([a-z]{1,4}\))*";
                format!(r"(?P<item>{one}(?:\s*(?:,|{conj})\s*{one})*)")
            }
            "item" => r"(?P<item>[^\n]{1,40}?)".to_string(),
            other => return Err(format!("unknown placeholder {{{other}}} in “{source}”")),
        };
        out.push_str(&group);
        if after.starts_with(' ') {
            out.push_str(r"\s*");
        }
        rest = after.trim_start();
        if rest.starts_with(',') {
            out.push_str(r",?\s*");
            rest = rest[1..].trim_start();
        }
    }
    out.push_str(&phrase(rest));
    Ok(out)
}

/// A date format (`{day} de {month} de {year}`) as a pattern over the original text.
fn date_format(format: &str) -> Result<String, String> {
    let mut out = String::from(r"\b");
    for (i, part) in format.split_whitespace().enumerate() {
        if i > 0 {
            out.push_str(r"\s+");
        }
        match part {
            "{day}" => out.push_str(r"(?P<day>\d{1,2})\s*(?P<suffix>\p{L}{0,3})"),
            "{month}" => out.push_str(r"(?P<month>\p{L}{3,10})"),
            "{year}" => out.push_str(r"(?P<year>\d{4})\b"),
            word if word.contains('{') => {
                return Err(format!(
                    "unknown placeholder {word} in date format “{format}”"
                ));
            }
            word => {
                let _ = write!(out, "(?i:{})", regex::escape(word));
            }
        }
    }
    Ok(out)
}

/// Turn a lexicon file into a usable lexicon.
pub(super) fn compile(file: LexiconFile) -> Result<Lexicon, LexiconError> {
    let invalid = |what: String| LexiconError::Invalid {
        code: file.code.clone(),
        what,
    };
    let language = Language::from_code(&file.code)
        .ok_or_else(|| invalid(format!("“{}” is not a language code", file.code)))?;
    let mut bodies = Vec::new();
    for (code, names) in &file.bodies {
        // A body this build does not know is skipped, not an error: lexicons may run ahead.
        if let Some(body) = Body::from_code(code) {
            bodies.extend(names.iter().map(|n| (body, n.clone())));
        }
    }
    let body_names: Vec<String> = bodies.iter().map(|(_, n)| n.clone()).collect();
    // `The General Assembly,` — or, alone on its line with its article, without the comma
    // (`The General Assembly` / `Adopts …`); a bare `General Assembly` is a page heading.
    let opener = pattern(&format!(
        r"^(?:{articles}\s*)?({names})\s*,$|^(?:{articles})\s*({names})$",
        articles = alternation(&file.articles),
        names = alternation(&body_names)
    ));
    let opener_anywhere = pattern(&format!(
        r"\b(?:{}\s*)?{}\s*,",
        alternation(&file.articles),
        alternation(&body_names)
    ));
    let conj = &file.tail.conjunctions;
    let agenda = file
        .header
        .agenda
        .iter()
        .map(|t| template(t, conj).map(|p| pattern(&p)))
        .collect::<Result<Vec<_>, _>>()
        .map_err(invalid)?;
    let counts = file
        .tail
        .counts
        .iter()
        .map(|t| template(t, conj).map(|p| pattern(&p)))
        .collect::<Result<Vec<_>, _>>()
        .map_err(invalid)?;
    let session = pattern(&format!(
        r"^(.*?)\s+{}\b",
        alternation(&file.header.session)
    ));
    let meeting = pattern(&format!(
        r"^(\d{{1,4}})\s*({})\s+({})\b",
        alternation(&file.tail.meeting_suffixes),
        alternation(&file.tail.meeting_words)
    ));
    let vote_start = pattern(&format!(
        r"^\[?\s*{}\b",
        alternation(&file.tail.vote_starts)
    ));
    let without_vote = pattern(&format!(r"\b{}\b", alternation(&file.tail.without_vote)));
    let list_heading = pattern(&format!(
        r"\b(?:({})|({})|({}))\s*:",
        alternation(&file.tail.in_favour),
        alternation(&file.tail.against),
        alternation(&file.tail.abstaining)
    ));
    let default_format = ["{day} {month} {year}".to_string()];
    let formats = if file.dates.formats.is_empty() {
        &default_format[..]
    } else {
        &file.dates.formats[..]
    };
    let dates = formats
        .iter()
        .map(|f| date_format(f).map(|p| pattern(&p)))
        .collect::<Result<Vec<_>, _>>()
        .map_err(invalid)?;
    Ok(Lexicon {
        language,
        dates,
        bodies,
        opener,
        opener_anywhere,
        agenda,
        session,
        meeting,
        vote_start,
        without_vote,
        counts,
        list_heading,
        short_words: file.splits.short_words.iter().cloned().collect(),
        free_words: file.splits.free_words.iter().cloned().collect(),
        file,
    })
}

/// The counts a vote block states; `None` where a count could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub yes: Option<u32>,
    pub no: Option<u32>,
    pub abstain: Option<u32>,
}

pub(super) fn read_counts(lexicon: &Lexicon, folded: &str) -> Option<Counts> {
    let (index, caps) = lexicon
        .counts
        .iter()
        .enumerate()
        .find_map(|(i, re)| re.captures(folded).map(|c| (i, c)))?;
    let count = |name: &str| {
        caps.name(name)
            .map(|m| m.as_str().trim_matches(|c: char| !c.is_alphanumeric()))
            .and_then(|t| lexicon.number(t))
    };
    let template = lexicon
        .file
        .tail
        .counts
        .get(index)
        .map_or("", String::as_str);
    let states_no_abstention =
        !template.contains("{abstain}") && !template.trim_end().ends_with("{no}");
    Some(Counts {
        yes: count("yes"),
        no: count("no"),
        abstain: if states_no_abstention {
            Some(0)
        } else {
            count("abstain")
        },
    })
}

pub(super) fn list_headings(
    lexicon: &Lexicon,
    folded: &str,
) -> Vec<(VoteList, std::ops::Range<usize>)> {
    lexicon
        .list_heading
        .captures_iter(folded)
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            let list = if caps.get(1).is_some() {
                VoteList::InFavour
            } else if caps.get(2).is_some() {
                VoteList::Against
            } else {
                VoteList::Abstaining
            };
            Some((list, whole.range()))
        })
        .collect()
}
