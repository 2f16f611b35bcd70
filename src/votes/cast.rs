//! What one country did on one roll call, and where that was read.

use serde::{Deserialize, Serialize};

/// One country on one roll call. `NotListed` is the answer where the data does not say: a
/// vote's lists that do not account for every seat, or a record that leaves the country out
/// without listing every member. It is never stored; [`VoteStore::cast`](super::VoteStore::cast)
/// gives it for an empty cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[repr(u8)]
pub enum Cast {
    Yes = 1,
    No = 2,
    Abstain = 3,
    /// Present, did not vote (the UN Digital Library's `X`, `NV` in its first layout).
    NonVoting = 4,
    /// A member that was not there when the vote was taken.
    Absent = 5,
    /// Not a member of the body that day (only said when the data lists every member).
    NotMember = 6,
    /// The data does not say.
    NotListed = 7,
}

impl Cast {
    /// Every answer, in the order a breakdown lists them.
    pub const ALL: [Cast; 7] = [
        Cast::Yes,
        Cast::No,
        Cast::Abstain,
        Cast::NonVoting,
        Cast::Absent,
        Cast::NotMember,
        Cast::NotListed,
    ];

    /// The word scripts read (`resolu votes --json`): `yes`, `no`, `abstain`, `non-voting`,
    /// `absent`, `not-member`, `not-listed`.
    pub fn as_str(self) -> &'static str {
        match self {
            Cast::Yes => "yes",
            Cast::No => "no",
            Cast::Abstain => "abstain",
            Cast::NonVoting => "non-voting",
            Cast::Absent => "absent",
            Cast::NotMember => "not-member",
            Cast::NotListed => "not-listed",
        }
    }

    /// The words a person reads: "voted no", never a bare "no" that reads like "no vote".
    pub fn label(self) -> &'static str {
        match self {
            Cast::Yes => "voted yes",
            Cast::No => "voted no",
            Cast::Abstain => "abstained",
            Cast::NonVoting => "present, did not vote",
            Cast::Absent => "absent",
            Cast::NotMember => "not a member",
            Cast::NotListed => "not listed",
        }
    }

    /// Yes, no or abstain: a position taken, what agreement counts.
    pub fn is_position(self) -> bool {
        matches!(self, Cast::Yes | Cast::No | Cast::Abstain)
    }

    /// The cell's byte (0 is an empty cell).
    pub(crate) fn to_byte(self) -> u8 {
        self as u8
    }

    pub(crate) fn from_byte(byte: u8) -> Option<Cast> {
        Cast::ALL.get(usize::from(byte).checked_sub(1)?).copied()
    }

    /// Read the word of [`Cast::as_str`] (and `nonvoting`, `not_member`, … as scripts may write).
    pub fn parse(word: &str) -> Option<Cast> {
        let folded: String = word
            .trim()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        Some(match folded.as_str() {
            "yes" | "y" => Cast::Yes,
            "no" | "n" => Cast::No,
            "abstain" | "abstention" | "a" => Cast::Abstain,
            "nonvoting" | "nv" | "x" => Cast::NonVoting,
            "absent" => Cast::Absent,
            "notmember" | "nonmember" | "notamember" => Cast::NotMember,
            "notlisted" => Cast::NotListed,
            _ => return None,
        })
    }
}

/// Where a roll call was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// The vote block of a resolution's text.
    Text,
    /// A UN Digital Library voting data set (GA or SC).
    Undl,
    /// Erik Voeten's roll calls, as the R package `unvotes` ships them.
    Voeten,
}

impl Origin {
    /// As the query's `src:` key and the CLI write it: `text`, `undl`, `voeten`.
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Text => "text",
            Origin::Undl => "undl",
            Origin::Voeten => "voeten",
        }
    }

    /// Which roll call speaks for a resolution that several sources record: the Digital
    /// Library's (it lists every member, non-voting included), then the text's, then Voeten's.
    pub fn rank(self) -> u8 {
        match self {
            Origin::Undl => 0,
            Origin::Text => 1,
            Origin::Voeten => 2,
        }
    }
}

/// What a roll call decided: a whole resolution, or a part of one (Voeten's `amend` and
/// `para`), which is never taken for the resolution's vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    Resolution,
    Amendment,
    Paragraph,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_round_trip_and_zero_is_empty() {
        for cast in Cast::ALL {
            assert_eq!(Cast::from_byte(cast.to_byte()), Some(cast));
        }
        assert_eq!(Cast::from_byte(0), None);
        assert_eq!(Cast::from_byte(8), None);
    }

    #[test]
    fn words_read_back() {
        for cast in Cast::ALL {
            assert_eq!(Cast::parse(cast.as_str()), Some(cast));
        }
        assert_eq!(Cast::parse(" NV "), Some(Cast::NonVoting));
        assert_eq!(Cast::parse("X"), Some(Cast::NonVoting));
        assert_eq!(Cast::parse("maybe"), None);
    }

    #[test]
    fn no_reads_as_a_vote_not_as_no_vote() {
        assert_eq!(Cast::No.label(), "voted no");
        assert!(Cast::No.is_position() && !Cast::Absent.is_position());
    }
}
