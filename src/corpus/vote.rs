//! The vote block at the foot of a resolution, French and English:
//! `[Adoptée par 30 voix contre 15, avec 2 abstentions, … Ont voté pour : … Ont voté contre : …
//! Se sont abstenus : …]`, `[Adopted by a recorded vote of 27 to 12, with 7 abstentions. … In
//! favour: … Against: … Abstaining: …]`, `[Adoptée sans vote.]`, `[Adopted without a vote.]`.
//! Counts are kept as stated and lists as printed; a disagreement is a warning, never a fix.

use super::countries;
use super::lexicon::{Lexicon, VoteList};
use super::model::{Adoption, CountryRef, Vote};
use super::warning::Warning;
use crate::text::fold::fold_with_offsets;

fn label(list: VoteList) -> &'static str {
    match list {
        VoteList::InFavour => "in-favour",
        VoteList::Against => "against",
        VoteList::Abstaining => "abstaining",
    }
}

/// Parse a vote block (its lines joined). `complete` is false when the closing bracket was never
/// found (a document cut short); the lists read so far are kept.
pub fn parse_vote(block: &str, complete: bool, lexicon: &Lexicon) -> (Vote, Vec<Warning>) {
    let mut warnings = Vec::new();
    let (folded, offsets) = fold_with_offsets(block);
    let original = |at: usize| offsets.get(at).copied().unwrap_or(block.len());
    let headings = lexicon.list_headings(&folded);
    let head_end = headings.first().map_or(folded.len(), |(_, r)| r.start);
    let head = &folded[..head_end];
    let mut vote = Vote::without_vote();
    let shown_head = || shorten(block[..original(head_end)].trim());
    if let Some(counts) = lexicon.counts(head) {
        vote.adoption = Adoption::RecordedVote;
        vote.yes = counts.yes;
        vote.no = counts.no;
        vote.abstain = counts.abstain;
        if vote.yes.is_none() || vote.no.is_none() || vote.abstain.is_none() {
            warnings.push(Warning::CountsUnreadable(shown_head()));
        }
    } else if lexicon.says_without_vote(head) {
        return (vote, warnings);
    } else {
        vote.adoption = Adoption::Unknown;
        warnings.push(Warning::VoteNotUnderstood(shown_head()));
    }
    for (i, (list, range)) in headings.iter().enumerate() {
        let end = headings.get(i + 1).map_or(folded.len(), |h| h.1.start);
        let text = &block[original(range.end)..original(end)];
        let target = match list {
            VoteList::InFavour => &mut vote.in_favour,
            VoteList::Against => &mut vote.against,
            VoteList::Abstaining => &mut vote.abstaining,
        };
        for name in split_names(text, lexicon) {
            let code = countries::lookup(&name).map(|c| c.code.to_string());
            if code.is_none() {
                warnings.push(Warning::UnknownCountry {
                    name: name.clone(),
                    list: label(*list),
                });
            }
            target.push(CountryRef { code, name });
        }
    }
    if !complete {
        warnings.push(Warning::VoteCutShort);
    }
    check_counts(&vote, &mut warnings);
    (vote, warnings)
}

fn check_counts(vote: &Vote, warnings: &mut Vec<Warning>) {
    if vote.adoption != Adoption::RecordedVote {
        return;
    }
    let count = |list: &[CountryRef]| u32::try_from(list.len()).unwrap_or(u32::MAX);
    let listed = [
        count(&vote.in_favour),
        count(&vote.against),
        count(&vote.abstaining),
    ];
    let stated = [vote.yes, vote.no, vote.abstain];
    if stated != listed.map(Some) {
        warnings.push(Warning::CountsDisagree { stated, listed });
    }
}

/// Split a printed list into names: commas, and the conjunction before the last name — unless
/// it belongs to the name (`Royaume-Uni de Grande-Bretagne et d’Irlande du Nord`, `Trinidad
/// and Tobago`).
fn split_names(list: &str, lexicon: &Lexicon) -> Vec<String> {
    let list = list
        .trim()
        .trim_end_matches([']', ' '])
        .trim_end_matches(['.', ' ']);
    let folded = crate::text::fold::fold(list);
    if folded.is_empty() || lexicon.is_empty_list(&folded) {
        return Vec::new();
    }
    let conjunctions: Vec<String> = lexicon.conjunctions().map(|c| format!(" {c} ")).collect();
    let mut names = Vec::new();
    for piece in list.split([',', ';']) {
        let piece = collapse(piece);
        if piece.is_empty() {
            continue;
        }
        names.extend(split_conjunction(&piece, &conjunctions));
    }
    names
}

/// Split a piece at its conjunctions, then put back together the runs that make a known
/// country (at most three conjunctions inside one name). Linear in the piece's length.
fn split_conjunction(piece: &str, conjunctions: &[String]) -> Vec<String> {
    if countries::lookup(piece).is_some() {
        return vec![piece.to_string()];
    }
    let mut cuts: Vec<(usize, usize)> = conjunctions
        .iter()
        .flat_map(|sep| {
            piece
                .match_indices(sep.as_str())
                .map(|(i, s)| (i, i + s.len()))
        })
        .collect();
    cuts.sort_unstable();
    // Segments between conjunctions, as byte ranges of `piece`.
    let mut segments = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0usize;
    for &(at, end) in &cuts {
        if at >= start {
            segments.push(start..at);
            start = end;
        }
    }
    segments.push(start..piece.len());
    let mut names = Vec::new();
    let mut i = 0usize;
    while i < segments.len() {
        let longest = (i + 3).min(segments.len() - 1);
        let known = (i + 1..=longest)
            .rev()
            .find(|&j| countries::lookup(&piece[segments[i].start..segments[j].end]).is_some());
        let j = known.unwrap_or(i);
        let name = piece[segments[i].start..segments[j].end].trim();
        if !name.is_empty() {
            names.push(name.to_string());
        }
        i = j + 1;
    }
    names
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

    fn lexicon(block: &str) -> &'static Lexicon {
        let code = if block.contains("Adoptée") {
            "fr"
        } else {
            "en"
        };
        crate::corpus::lexicon::Lexicons::builtin()
            .get(code)
            .expect("built in")
    }

    fn names(list: &[CountryRef]) -> Vec<&str> {
        list.iter().map(|c| c.name.as_str()).collect()
    }

    #[test]
    fn french_recorded_vote_with_et_and_names_containing_et() {
        let block = "[Adoptée par 3 voix contre 2, avec 1 abstention, à l’issue d’un vote enregistré. \
                     Les voix se sont réparties comme suit : Ont voté pour : Argentine, Bahreïn et Venezuela \
                     (République bolivarienne du) Ont voté contre : France et Royaume-Uni de \
                     Grande-Bretagne et d’Irlande du Nord Se sont abstenus : Malawi.]";
        let (vote, warnings) = parse_vote(block, true, lexicon(block));
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
        let (vote, warnings) = parse_vote(block, true, lexicon(block));
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
            assert!(lexicon(block).starts_vote_block(&crate::text::fold::fold(block)));
            let (vote, warnings) = parse_vote(block, true, lexicon(block));
            assert_eq!(vote, Vote::without_vote());
            assert!(warnings.is_empty());
        }
    }

    #[test]
    fn counts_that_disagree_are_kept_and_flagged() {
        let block =
            "[Adoptée par 3 voix contre 0, avec 0 abstention. Ont voté pour : France, Japon]";
        let (vote, warnings) = parse_vote(block, true, lexicon(block));
        assert_eq!(vote.yes, Some(3));
        assert_eq!(vote.in_favour.len(), 2);
        assert!(
            warnings
                .iter()
                .any(|w| w.to_string().contains("3–0–0") && w.to_string().contains("2–0–0")),
            "{warnings:?}"
        );
    }

    #[test]
    fn unknown_country_keeps_null_code_and_warns() {
        let block = "[Adopted by a recorded vote of 2 to 0, with 0 abstentions. In favour: France, Atlantis]";
        let (vote, warnings) = parse_vote(block, true, lexicon(block));
        assert_eq!(vote.in_favour[1].code, None);
        assert_eq!(vote.in_favour[1].name, "Atlantis");
        assert!(warnings.iter().any(|w| w.to_string().contains("Atlantis")));
    }
}
