//! Every field of `sample-data/expected.json` and `sample-data/en/expected.json` against the
//! parser's output: all ten documents, all fields equal.

// Test and tool code: a failure is meant to stop it, and clippy's pedantic group is for src/.
#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

mod expected_fields;

use expected_fields::{expectations, field_mismatches};
use resolu::corpus::Resolution;
use resolu::corpus::load::load_paths;
use std::path::Path;

fn parsed(path: &Path) -> Resolution {
    let corpus = load_paths(&[path.to_path_buf()]);
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    corpus.resolutions.into_iter().next().unwrap()
}

#[test]
fn every_field_of_every_sample_document_matches_expected_json() {
    let mut failures = Vec::new();
    let expected = expectations();
    assert_eq!(expected.len(), 10);
    for (path, e) in &expected {
        let r = parsed(path);
        for m in field_mismatches(&r, e) {
            failures.push(format!("{}: {m}", path.display()));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_country_in_the_french_seeds_resolves() {
    for (path, e) in expectations() {
        if e["language"] != "fr" {
            continue;
        }
        let r = parsed(&path);
        if let Some(vote) = &r.vote {
            for (country, _) in vote.ballots() {
                assert!(
                    country.code.is_some(),
                    "{}: {} has no code",
                    path.display(),
                    country.name
                );
            }
        }
    }
}
