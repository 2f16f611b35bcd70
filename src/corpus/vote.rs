//! The vote block at the foot of a resolution, French and English:
//! `[Adoptée par 30 voix contre 15, avec 2 abstentions, … Ont voté pour : … Ont voté contre : …
//! Se sont abstenus : …]`, `[Adopted by a recorded vote of 27 to 12, with 7 abstentions. … In
//! favour: … Against: … Abstaining: …]`, `[Adoptée sans vote.]`, `[Adopted without a vote.]`.
//! Counts are kept as stated and lists as printed; a disagreement is a warning, never a fix.

use super::countries;
use super::markup::re;
use super::model::{Adoption, CountryRef, Vote};
use super::words::number_from_words;
use crate::index::fold::fold;
use regex::Regex;
use std::sync::LazyLock;

/// Does this line open a vote block?
pub fn starts_vote_block(line: &str) -> bool {
    static START: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^\[?\s*(?:adopt[ée]e?\s+(?:par\s+\S+\s+voix|sans\s+vote|[àa]\s+l.unanimit)|adopted\s+(?:by\s+(?:a\s+)?(?:recorded\s+)?vote|without\s+(?:a\s+)?vote|by\s+consensus|unanimously))",
        )
    });
    START.is_match(line.trim_start())
}

static WITHOUT_VOTE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)sans\s+(?:mise\s+aux\s+voix|vote)|without\s+(?:a\s+)?vote|by\s+consensus")
});
static FR_COUNTS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)par\s+(\S+)\s+voix\s+contre\s+(\S+?)\s*(?:,\s*|\s+)(?:avec\s+(\S+)\s+abstentions?|(sans)\s+abstention|et\s+(\S+)\s+abstentions?)",
    )
});
static EN_COUNTS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)vote\s+of\s+(\S+)\s+to\s+(\S+?)\s*(?:,\s*|\s+)(?:with\s+(\S+)\s+abstentions?|(without)\s+abstentions?)",
    )
});
/// The three list headings; the capture tells which list follows.
static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(ont\s+vot[ée]\s+pour|a\s+vot[ée]\s+pour|in\s+favou?r)\s*:|(ont\s+vot[ée]\s+contre|a\s+vot[ée]\s+contre|against)\s*:|(se\s+sont\s+abstenu(?:e)?s|s.est\s+abstenu(?:e)?|abstaining|abstentions?)\s*:",
    )
});

#[derive(Clone, Copy, PartialEq, Eq)]
enum List {
    InFavour,
    Against,
    Abstaining,
}

impl List {
    fn label(self) -> &'static str {
        match self {
            List::InFavour => "in-favour",
            List::Against => "against",
            List::Abstaining => "abstaining",
        }
    }
}

/// Parse a vote block (its lines joined). `complete` is false when the closing bracket was never
/// found (a document cut short); the lists read so far are kept.
pub fn parse_vote(block: &str, complete: bool) -> (Vote, Vec<String>) {
    let mut warnings = Vec::new();
    let head_end = HEADING.find(block).map_or(block.len(), |m| m.start());
    let head = &block[..head_end];
    let mut vote = Vote::without_vote();
    let counts = FR_COUNTS
        .captures(head)
        .or_else(|| EN_COUNTS.captures(head));
    if let Some(caps) = counts {
        let count = |i: usize| caps.get(i).and_then(|m| count_value(m.as_str()));
        vote.adoption = Adoption::RecordedVote;
        vote.yes = count(1);
        vote.no = count(2);
        vote.abstain = if caps.get(4).is_some() {
            Some(0)
        } else {
            count(3).or_else(|| count(5))
        };
        if vote.yes.is_none() || vote.no.is_none() || vote.abstain.is_none() {
            warnings.push(format!(
                "vote counts could not all be read in “{}”",
                head.trim()
            ));
        }
    } else if WITHOUT_VOTE.is_match(head) {
        return (vote, warnings);
    } else {
        vote.adoption = Adoption::Unknown;
        warnings.push(format!(
            "vote block not understood: “{}”",
            shorten(head.trim())
        ));
    }
    read_lists(block, &mut vote, &mut warnings);
    if !complete {
        warnings
            .push("vote block is cut short (no closing bracket): lists may be incomplete".into());
    }
    check_counts(&vote, &mut warnings);
    (vote, warnings)
}

fn read_lists(block: &str, vote: &mut Vote, warnings: &mut Vec<String>) {
    let headings: Vec<(List, usize, usize)> = HEADING
        .captures_iter(block)
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            let list = if caps.get(1).is_some() {
                List::InFavour
            } else if caps.get(2).is_some() {
                List::Against
            } else {
                List::Abstaining
            };
            Some((list, whole.start(), whole.end()))
        })
        .collect();
    for (i, &(list, _, start)) in headings.iter().enumerate() {
        let end = headings.get(i + 1).map_or(block.len(), |h| h.1);
        let names = split_names(&block[start..end]);
        let target = match list {
            List::InFavour => &mut vote.in_favour,
            List::Against => &mut vote.against,
            List::Abstaining => &mut vote.abstaining,
        };
        for name in names {
            let code = countries::lookup(&name).map(|c| c.code.to_string());
            if code.is_none() {
                warnings.push(format!(
                    "unknown country name “{name}” in the {} list",
                    list.label()
                ));
            }
            target.push(CountryRef { code, name });
        }
    }
}

fn check_counts(vote: &Vote, warnings: &mut Vec<String>) {
    if vote.adoption != Adoption::RecordedVote {
        return;
    }
    let listed = (
        vote.in_favour.len() as u32,
        vote.against.len() as u32,
        vote.abstaining.len() as u32,
    );
    let stated = (vote.yes, vote.no, vote.abstain);
    if stated != (Some(listed.0), Some(listed.1), Some(listed.2)) {
        let show = |n: Option<u32>| n.map_or("?".to_string(), |n| n.to_string());
        warnings.push(format!(
            "stated counts {}–{}–{} disagree with the lists ({}–{}–{} countries listed)",
            show(stated.0),
            show(stated.1),
            show(stated.2),
            listed.0,
            listed.1,
            listed.2
        ));
    }
}

fn count_value(token: &str) -> Option<u32> {
    let token = token.trim_matches(|c: char| !c.is_alphanumeric());
    number_from_words(token)
}

/// Split a printed list into names: commas, and `et` / `and` before the last name — unless the
/// `et` belongs to the name (`Royaume-Uni de Grande-Bretagne et d’Irlande du Nord`,
/// `Trinidad and Tobago`).
fn split_names(list: &str) -> Vec<String> {
    let list = list
        .trim()
        .trim_end_matches([']', ' '])
        .trim_end_matches(['.', ' ']);
    let folded = fold(list);
    if matches!(
        folded.as_str(),
        "" | "aucun" | "aucune" | "neant" | "none" | "nil"
    ) {
        return Vec::new();
    }
    let mut names = Vec::new();
    for piece in list.split([',', ';']) {
        let piece = collapse(piece);
        if piece.is_empty() {
            continue;
        }
        names.extend(split_conjunction(&piece));
    }
    names
}

fn split_conjunction(piece: &str) -> Vec<String> {
    if countries::lookup(piece).is_some() {
        return vec![piece.to_string()];
    }
    let positions: Vec<(usize, usize)> = [" et ", " and "]
        .iter()
        .flat_map(|sep| piece.match_indices(sep).map(|(i, s)| (i, i + s.len())))
        .collect();
    // Prefer a split where both sides are known countries; else the last conjunction.
    let known = positions.iter().find(|(start, end)| {
        countries::lookup(&piece[..*start]).is_some() && countries::lookup(&piece[*end..]).is_some()
    });
    match known.or_else(|| positions.iter().max()) {
        Some(&(start, end)) => {
            let mut left = split_conjunction(piece[..start].trim());
            left.push(piece[end..].trim().to_string());
            left
        }
        None => vec![piece.to_string()],
    }
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn shorten(text: &str) -> String {
    let mut out: String = text.chars().take(80).collect();
    if text.chars().count() > 80 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[CountryRef]) -> Vec<&str> {
        list.iter().map(|c| c.name.as_str()).collect()
    }

    #[test]
    fn french_recorded_vote_with_et_and_names_containing_et() {
        let block = "[Adoptée par 3 voix contre 2, avec 1 abstention, à l’issue d’un vote enregistré. \
                     Les voix se sont réparties comme suit : Ont voté pour : Argentine, Bahreïn et Venezuela \
                     (République bolivarienne du) Ont voté contre : France et Royaume-Uni de \
                     Grande-Bretagne et d’Irlande du Nord Se sont abstenus : Malawi.]";
        let (vote, warnings) = parse_vote(block, true);
        assert_eq!(vote.adoption, Adoption::RecordedVote);
        assert_eq!(
            (vote.yes, vote.no, vote.abstain),
            (Some(3), Some(2), Some(1))
        );
        assert_eq!(
            names(&vote.in_favour),
            [
                "Argentine",
                "Bahreïn",
                "Venezuela (République bolivarienne du)"
            ]
        );
        assert_eq!(
            names(&vote.against),
            [
                "France",
                "Royaume-Uni de Grande-Bretagne et d’Irlande du Nord"
            ]
        );
        assert_eq!(names(&vote.abstaining), ["Malawi"]);
        assert_eq!(vote.against[1].code.as_deref(), Some("GBR"));
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn english_block_on_one_line() {
        let block = "[Adopted by a recorded vote of 2 to 1, with no abstentions. The voting was as follows: \
                     In favour: Trinidad and Tobago, Viet Nam Against: United States of America Abstaining: None]";
        let (vote, warnings) = parse_vote(block, true);
        assert_eq!(
            (vote.yes, vote.no, vote.abstain),
            (Some(2), Some(1), Some(0))
        );
        assert_eq!(names(&vote.in_favour), ["Trinidad and Tobago", "Viet Nam"]);
        assert_eq!(vote.against[0].code.as_deref(), Some("USA"));
        assert!(vote.abstaining.is_empty());
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn without_vote() {
        for block in ["[Adoptée sans vote.]", "[Adopted without a vote.]"] {
            assert!(starts_vote_block(block));
            let (vote, warnings) = parse_vote(block, true);
            assert_eq!(vote, Vote::without_vote());
            assert!(warnings.is_empty());
        }
    }

    #[test]
    fn counts_that_disagree_are_kept_and_flagged() {
        let block =
            "[Adoptée par 3 voix contre 0, avec 0 abstention. Ont voté pour : France, Japon]";
        let (vote, warnings) = parse_vote(block, true);
        assert_eq!(vote.yes, Some(3));
        assert_eq!(vote.in_favour.len(), 2);
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("3–0–0") && w.contains("2–0–0")),
            "{warnings:?}"
        );
    }

    #[test]
    fn unknown_country_keeps_null_code_and_warns() {
        let block = "[Adopted by a recorded vote of 2 to 0, with 0 abstentions. In favour: France, Atlantis]";
        let (vote, warnings) = parse_vote(block, true);
        assert_eq!(vote.in_favour[1].code, None);
        assert_eq!(vote.in_favour[1].name, "Atlantis");
        assert!(warnings.iter().any(|w| w.contains("Atlantis")));
    }
}
