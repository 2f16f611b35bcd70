//! The subcommands of CONTRACT.md, writing data to `out` and diagnostics to `err`, returning
//! the exit status. Kept apart from `main` so tests can run them on strings.

mod agree;
mod cache;
mod check;
mod export;
mod import_votes;
mod print;
mod search;
mod source;
mod votes;

pub use cache::cache;
pub use check::{check, explain, stats, vote_disagreements};
pub use import_votes::{ImportVotes, import_votes};

pub use agree::{AgreeOptions, agree};
pub use search::{SearchOptions, search, search_stdin};
pub use votes::{VoteFilter, VotesOptions, votes};

pub use export::export;
pub use print::{list, show, tally, write_resolution};
pub use source::{
    CorpusSource, IndexSource, choose_source, load, read, read_reporting, read_watched,
};

use crate::corpus::countries;

/// Exit statuses of CONTRACT.md.
pub const EXIT_OK: u8 = 0;
pub const EXIT_INPUT: u8 = 1;
pub const EXIT_USAGE: u8 = 2;
/// `search --exit-status` found nothing (grep's status for no match).
pub const EXIT_NO_MATCH: u8 = 1;

/// A country typed by a user, resolved to one State, or a usage message listing candidates.
pub fn resolve_country(input: &str) -> Result<&'static countries::Country, String> {
    countries::resolve(input)
        .map_err(|why| format!("{}; give a code or a full name", why.describe(input, 10)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::ExportFormat;
    use crate::corpus::load::load_embedded;
    use std::path::PathBuf;

    #[test]
    fn corpus_source_precedence() {
        let p = |s: &str| vec![PathBuf::from(s)];
        assert_eq!(
            choose_source(p("a"), Some("b"), &p("c")),
            CorpusSource::Paths(p("a"))
        );
        assert_eq!(
            choose_source(vec![], Some("b:d"), &p("c")),
            CorpusSource::Paths(vec!["b".into(), "d".into()])
        );
        assert_eq!(
            choose_source(vec![], Some(""), &p("c")),
            CorpusSource::Paths(p("c"))
        );
        assert_eq!(choose_source(vec![], None, &[]), CorpusSource::Embedded);
    }

    #[test]
    fn csv_has_one_row_per_country_vote() {
        let corpus = load_embedded();
        let mut out = Vec::new();
        export(&corpus, ExportFormat::Csv, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let rows: Vec<&str> = text.lines().collect();
        let expected_rows: usize = corpus
            .resolutions
            .iter()
            .filter_map(|r| r.vote.as_ref())
            .map(|v| v.ballots().count())
            .sum();
        assert_eq!(rows.len(), expected_rows + 1);
        assert!(rows.contains(&"A/HRC/RES/46/13,46/13,HRC,46,2021-03-23,FRA,France,no"));
    }

    #[test]
    fn ambiguous_country_lists_candidates() {
        assert_eq!(resolve_country("fra").map(|c| c.code), Ok("FRA"));
        let err = resolve_country("guin").unwrap_err();
        assert!(err.contains("GNB") && err.contains("GIN"), "{err}");
        assert!(resolve_country("narnia").is_err());
    }
}
