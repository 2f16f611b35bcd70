//! `resolu search`, `search --stdin` and `votes` over sample-data: the expected documents and
//! paragraphs come first.

// Test and tool code: a failure is meant to stop it, and clippy's pedantic group is for src/.
#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

/// A home of its own for this test binary: the developer's cache (imported votes answer `v:`
/// and `src:`) and config never reach these tests.
static HOME: std::sync::LazyLock<tempfile::TempDir> =
    std::sync::LazyLock::new(|| tempfile::tempdir().unwrap());

fn resolu() -> Command {
    let mut cmd = Command::cargo_bin("resolu").unwrap();
    let home = HOME.path();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("RESOLU_CORPUS")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_DATA_HOME", home.join("data"))
        .arg("--corpus")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data"));
    cmd
}

fn json_lines(cmd: &mut Command) -> Vec<Value> {
    let output = cmd.output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn search_ranks_the_expected_paragraphs_first() {
    let first = json_lines(resolu().args(["search", "examen periodique universel", "--json"]));
    assert!(
        first[0]["text"]
            .as_str()
            .unwrap()
            .contains("Examen périodique universel")
    );
    let cases: &[(&str, &str, &str)] = &[
        ("solidarite internationale expert", "A/HRC/RES/44/11", ""),
        ("pre-recorded statement", "A/RES/80/1", "OP 1"),
        ("nuclear-weapon-free zone middle east", "A/RES/80/17", ""),
        ("arms race outer space", "A/RES/80/21", ""),
        ("indigenous women girls", "A/RES/80/10", ""),
        ("Article 19", "A/RES/80/2", ""),
        ("expert independant solidarite", "A/HRC/RES/44/11", ""),
    ];
    for (query, symbol, paragraph) in cases {
        let hits = json_lines(resolu().args(["search", query, "--json", "--limit", "5"]));
        assert!(!hits.is_empty(), "{query}: no hit");
        assert_eq!(hits[0]["symbol"], *symbol, "{query}: {hits:?}");
        if !paragraph.is_empty() {
            assert_eq!(hits[0]["paragraph"], *paragraph, "{query}");
        }
        for key in ["symbol", "number", "paragraph", "kind", "score", "text"] {
            assert!(hits[0].get(key).is_some(), "{key}");
        }
        let scores: Vec<i64> = hits.iter().map(|h| h["score"].as_i64().unwrap()).collect();
        assert!(
            scores.windows(2).all(|w| w[0] >= w[1]),
            "{query}: {scores:?}"
        );
    }
}

#[test]
fn accents_are_ignored_both_ways() {
    let plain = json_lines(resolu().args(["search", "cooperation", "--json", "--limit", "500"]));
    let accented = json_lines(resolu().args(["search", "COOPÉRATION", "--json", "--limit", "500"]));
    assert!(plain.len() > 50);
    assert_eq!(plain, accented);
    assert!(
        plain[0]["text"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("coopération")
    );
}

#[test]
fn stdin_answers_one_json_line_per_query() {
    let answers = json_lines(
        resolu()
            .args(["search", "--stdin", "--limit", "3"])
            .write_stdin("coop\nzzzqqq\nc:fra=no s:40..46 vaccins\n"),
    );
    assert_eq!(answers.len(), 3);
    assert_eq!(answers[0]["query"], "coop");
    assert_eq!(answers[0]["hits"].as_array().unwrap().len(), 3);
    assert!(answers[0]["total"].as_u64().unwrap() > 50);
    assert!(answers[0]["elapsed_us"].is_u64());
    assert_eq!(answers[1]["total"], 0);
    // France voted against 46/13 (session 46), which calls for vaccines; nothing else qualifies.
    assert_eq!(answers[2]["total"], 1);
    assert_eq!(answers[2]["hits"][0]["symbol"], "A/HRC/RES/46/13");
    assert_eq!(answers[2]["hits"][0]["paragraph"], "OP 6");
}

#[test]
fn votes_by_code_or_name_and_ambiguity() {
    for country in ["fra", "France", "FRANCE", "la France"] {
        let output = resolu().args(["votes", country]).output().unwrap();
        assert!(output.status.success(), "{country}");
        let text = String::from_utf8(output.stdout).unwrap();
        assert_eq!(text.lines().count(), 4, "{country}: {text}");
        assert!(
            text.lines()
                .any(|l| l.starts_with("A/HRC/RES/46/13") && l.contains(" voted no "))
        );
        // 44/18's lists fill the Council's 47 seats and France is in none: not a member (it
        // was not in 2020), never "absent".
        assert!(
            text.lines()
                .any(|l| l.starts_with("A/HRC/RES/44/18") && l.contains(" not a member "))
        );
        assert!(!text.contains("absent"), "{text}");
    }
    let rows: Value = serde_json::from_slice(
        &resolu()
            .args(["votes", "cote d'ivoire", "--json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let rows = rows.as_array().unwrap();
    let yes: Vec<&str> = rows
        .iter()
        .filter(|r| r["vote"] == "yes")
        .map(|r| r["symbol"].as_str().unwrap())
        .collect();
    assert_eq!(yes, ["A/HRC/RES/37/23", "A/HRC/RES/46/13"]);
    let output = resolu().args(["votes", "guin"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("GNB") && err.contains("GIN"), "{err}");
    assert_eq!(
        resolu()
            .args(["votes", "narnia"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn malformed_queries_search_as_text_and_hint() {
    let output = resolu()
        .args(["search", "foo:bar \"unclosed"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("hint"));
}

#[test]
fn symbol_scope_reads_symbols_in_any_spelling() {
    let answers = json_lines(
        resolu()
            .args(["search", "--stdin", "--limit", "3"])
            .write_stdin("sym:A/RES/80/17 zone\nsym:a/res/80/17. zone\nsym:80/17 zone\nb:ga sym:A/HRC/RES/44/18 zone\n"),
    );
    assert_eq!(answers.len(), 4);
    let total = &answers[0]["total"];
    assert!(total.as_u64().unwrap() > 0);
    for answer in &answers[..3] {
        assert_eq!(&answer["total"], total, "{answer}");
        assert_eq!(answer["hits"][0]["symbol"], "A/RES/80/17", "{answer}");
    }
    assert_eq!(answers[3]["total"], 0);
}

/// The options of `votes` and `agree` reach the commands (figures on the four sample Council
/// votes: the USA voted no on 37/23 and was not a member for 44/11, 44/18, 46/13; France and
/// Germany both voted no on 46/13, their only common vote).
#[test]
fn votes_and_agree_options_from_the_command_line() {
    let json = |args: &[&str]| -> Value {
        let output = resolu().args(args).output().unwrap();
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).unwrap()
    };
    let count = |args: &[&str]| json(args).as_array().unwrap().len();
    assert_eq!(count(&["votes", "usa", "--json", "--no"]), 1);
    assert_eq!(
        count(&["votes", "usa", "--json", "--cast", "not-member"]),
        3
    );
    assert_eq!(count(&["votes", "usa", "--json", "--session", "44"]), 2);
    assert_eq!(count(&["votes", "usa", "--json", "--from", "2021"]), 1);
    assert_eq!(count(&["votes", "usa", "--json", "--to", "2018"]), 1);
    assert_eq!(
        count(&["votes", "usa", "--json", "--query", "sym:44/11"]),
        1
    );
    let sessions = json(&["votes", "usa", "--json", "--by-session"]);
    assert_eq!(sessions[0]["session"], "HRC 37");
    assert_eq!(sessions[0]["counts"]["no"], 1);
    let pair = json(&["agree", "fra", "deu", "--json"]);
    assert_eq!(
        (pair["index"].as_f64(), pair["common"].as_u64()),
        (Some(1.0), Some(1))
    );
    assert_eq!(count(&["agree", "fra", "--json", "--bottom", "2"]), 2);
    // A second word that names no country but a folder is a corpus path: a ranking.
    assert!(json(&["agree", "fra", "sample-data", "--json"]).is_array());
    let output = resolu()
        .args(["votes", "usa", "--cast", "maybe"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}
