//! The command line as scripts use it (CONTRACT.md): from any folder, with the embedded corpus
//! and with paths; stdout for data, stderr for diagnostics, exit statuses 0/1/2.

// Test and tool code: a failure is meant to stop it, and clippy's pedantic group is for src/.
#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn sample_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data")
}

/// `resolu` run from an empty folder, with no corpus in the environment and its config, cache
/// and state folders in that folder (never the developer's own: imported votes there would
/// change `votes` and `agree`).
fn resolu(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("resolu").unwrap();
    cmd.current_dir(dir)
        .env_remove("RESOLU_CORPUS")
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .env("XDG_STATE_HOME", dir.join("state"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("HOME", dir);
    cmd
}

fn stdout_of(cmd: &mut Command) -> String {
    let output = cmd.output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn list_from_any_folder_uses_the_embedded_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout_of(resolu(dir.path()).arg("list"));
    assert_eq!(out.lines().count(), 10);
    let line = out
        .lines()
        .find(|l| l.starts_with("A/HRC/RES/44/18"))
        .unwrap();
    assert!(
        line.contains("2020-07-17") && line.contains("30–15–2"),
        "{line}"
    );
    assert!(
        line.contains("Renforcement de la coopération internationale"),
        "{line}"
    );
    let ga = out.lines().find(|l| l.starts_with("A/RES/80/1 ")).unwrap();
    assert!(ga.contains('—'), "{ga}");
}

#[test]
fn list_with_paths_reads_only_those() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout_of(resolu(dir.path()).arg("list").arg(sample_data().join("en")));
    assert_eq!(out.lines().count(), 5);
    assert!(out.lines().all(|l| l.starts_with("A/RES/80/")));
    let out = stdout_of(
        resolu(dir.path())
            .args(["list", "--corpus"])
            .arg(sample_data().join("A_HRC_RES_46_13.fr.txt")),
    );
    assert_eq!(out.lines().count(), 1);
}

#[test]
fn resolu_corpus_variable_is_read_when_no_path_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout_of(
        resolu(dir.path())
            .arg("list")
            .env("RESOLU_CORPUS", sample_data().join("en")),
    );
    assert_eq!(out.lines().count(), 5);
}

#[test]
fn show_by_number_and_by_symbol() {
    let dir = tempfile::tempdir().unwrap();
    let text = stdout_of(resolu(dir.path()).args(["show", "44/18"]));
    assert!(text.starts_with("A/HRC/RES/44/18\n"));
    assert!(text.contains("OP 35"));
    assert!(text.contains("Tchéquie (CZE)"));
    let json: Value = serde_json::from_str(&stdout_of(resolu(dir.path()).args([
        "show",
        "A/HRC/RES/44/18",
        "--json",
    ])))
    .unwrap();
    assert_eq!(json["symbol"], "A/HRC/RES/44/18");
    assert_eq!(json["vote"]["yes"], 30);
    assert_eq!(json["paragraphs"][0]["kind"], "preambular");
    assert_eq!(json["source"]["format"], "pdf-text");
    let with_path = stdout_of(
        resolu(dir.path())
            .args(["show", "80/21", "--json"])
            .arg(sample_data().join("en")),
    );
    let json: Value = serde_json::from_str(&with_path).unwrap();
    assert_eq!(json["agenda_item"], "97 (c)");
}

#[test]
fn show_reads_any_spelling_of_a_symbol() {
    let dir = tempfile::tempdir().unwrap();
    for (id, symbol) in [
        ("a/hrc/res/44/18", "A/HRC/RES/44/18"),
        ("A / HRC / RES / 44 / 18.", "A/HRC/RES/44/18"),
        ("A/HRC/RES/44/18\u{a0}", "A/HRC/RES/44/18"),
        ("44/18.", "A/HRC/RES/44/18"),
        ("a/res/71/194", "A/RES/71/194"),
        ("71/194", "A/RES/71/194"),
    ] {
        let text = stdout_of(resolu(dir.path()).args(["show", id]));
        assert!(text.starts_with(&format!("{symbol}\n")), "{id:?}: {text}");
    }
}

#[test]
fn show_unknown_id_is_an_input_problem() {
    let dir = tempfile::tempdir().unwrap();
    let output = resolu(dir.path()).args(["show", "99/99"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert!(String::from_utf8_lossy(&output.stderr).contains("99/99"));
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["export"][..],
        &["export", "--format", "xml"],
        &["list", "--frobnicate"],
        &["show"],
    ] {
        let output = resolu(dir.path()).args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn export_json_jsonl_csv() {
    let dir = tempfile::tempdir().unwrap();
    let json: Value = serde_json::from_str(&stdout_of(
        resolu(dir.path()).args(["export", "--format", "json"]),
    ))
    .unwrap();
    let all = json.as_array().unwrap();
    assert_eq!(all.len(), 10);
    for r in all {
        for field in [
            "symbol",
            "number",
            "body",
            "language",
            "title",
            "session",
            "agenda_item",
            "adopted_on",
            "meeting",
            "paragraphs",
            "footnotes",
            "vote",
            "source",
            "warnings",
        ] {
            assert!(r.get(field).is_some(), "{field} missing in {}", r["symbol"]);
        }
    }
    let jsonl = stdout_of(resolu(dir.path()).args(["export", "--format", "jsonl"]));
    assert_eq!(jsonl.lines().count(), 10);
    for line in jsonl.lines() {
        let _: Value = serde_json::from_str(line).unwrap();
    }
    let csv = stdout_of(resolu(dir.path()).args(["export", "--format", "csv"]));
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("symbol,number,body,session,adopted_on,country_code,country_name,vote")
    );
    // 47 + 47 + 47 + 46 country votes in the four HRC seeds.
    assert_eq!(lines.count(), 47 + 47 + 47 + 46);
    assert!(csv.contains("A/HRC/RES/37/23,37/23,HRC,37,2018-03-23,USA,États-Unis d'Amérique,no"));
}

#[test]
fn check_is_clean_on_the_samples_and_reports_bad_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout_of(resolu(dir.path()).arg("check"));
    assert_eq!(out, "");
    let bad = dir.path().join("bad");
    std::fs::create_dir(&bad).unwrap();
    std::fs::write(bad.join("empty.txt"), "").unwrap();
    std::fs::write(bad.join("binary.txt"), [0u8, 1, 2, 3, 0xff]).unwrap();
    std::fs::copy(
        sample_data().join("A_HRC_RES_44_11.fr.txt"),
        bad.join("ok.txt"),
    )
    .unwrap();
    let output = resolu(dir.path()).arg("check").arg(&bad).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(out.contains("empty.txt: file: empty file"), "{out}");
    assert!(out.contains("binary.txt: file: binary file"), "{out}");
    assert!(!out.contains("ok.txt"), "{out}");
    // The rest of the corpus still loads.
    let list = resolu(dir.path()).arg("list").arg(&bad).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&list.stdout).lines().count(), 1);
    assert!(String::from_utf8_lossy(&list.stderr).contains("empty.txt"));
}

#[test]
fn a_missing_path_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let output = resolu(dir.path())
        .args(["check", "no/such/place"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stdout).contains("no/such/place"));
    let output = resolu(dir.path())
        .args(["list", "no/such/place"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no/such/place: no such file"));
}

#[test]
fn check_explain_says_what_a_pdf_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    let pdf =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdf/A_HRC_RES_44_11.fr.pdf");
    let out = stdout_of(resolu(dir.path()).arg("check").arg("--explain").arg(&pdf));
    assert!(out.contains("read as PDF, language fr"), "{out}");
    // The running head the PDF marks as an artifact, and the raised call with its word.
    assert!(
        out.lines()
            .any(|l| l.contains("page furniture") && l.contains("A/HRC/RES/44/11")),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.contains("footnote call") && l.contains("1 after")),
        "{out}"
    );
    assert!(out.contains("[resolution-number]"), "{out}");
    // Listed: a folder of PDFs.
    let listed = stdout_of(resolu(dir.path()).arg("list").arg(pdf.parent().unwrap()));
    assert!(listed.starts_with("A/HRC/RES/44/11"), "{listed}");
}

/// `expected.json` entries of both sample folders.
fn expected_samples() -> Vec<Value> {
    ["sample-data/expected.json", "sample-data/en/expected.json"]
        .iter()
        .flat_map(|f| {
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(f);
            let text = std::fs::read_to_string(path).unwrap();
            serde_json::from_str::<Vec<Value>>(&text).unwrap()
        })
        .collect()
}

#[test]
fn check_explain_names_the_rule_and_line_of_each_field_and_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_data().join("A_HRC_RES_44_18.fr.txt");
    let out = stdout_of(resolu(dir.path()).arg("check").arg("--explain").arg(&file));
    assert!(out.contains("read as plain text, language fr"), "{out}");
    let field = |name: &str| {
        out.lines()
            .find(|l| l.trim_start().starts_with(name))
            .unwrap_or_else(|| panic!("no {name} line in:\n{out}"))
            .to_string()
    };
    let number = field("number ");
    assert!(
        number.contains("44/18") && number.contains("[resolution-number] line 1: 44/18."),
        "{number}"
    );
    assert!(field("body ").contains("[opener-phrase]"));
    assert!(field("vote ").contains("30–15–2"));
    // One line per paragraph, each with its rule and the line it starts on.
    let paragraphs = out
        .lines()
        .filter(|l| l.trim_start().starts_with("PP ") || l.trim_start().starts_with("OP "))
        .count();
    assert_eq!(paragraphs, 32 + 35, "{out}");
    assert!(
        out.contains("PP 1       [preambular-lead-word] line 7: Réaffirmant"),
        "{out}"
    );
    // A missing file is an input error.
    let missing = resolu(dir.path())
        .arg("check")
        .arg("--explain")
        .arg(dir.path().join("nowhere.txt"))
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn check_stats_counts_the_rules_that_fired_over_a_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout_of(
        resolu(dir.path())
            .arg("check")
            .arg("--stats")
            .arg(sample_data()),
    );
    assert!(out.starts_with("10 documents"), "{out}");
    // Sizes: paragraphs as the samples hold them, their text, the index beside it.
    let sizes = out.lines().nth(1).unwrap();
    let paragraphs: usize = expected_samples()
        .iter()
        .map(|s| {
            ["preambular_paragraphs", "operative_paragraphs"]
                .iter()
                .map(|k| usize::try_from(s[*k].as_u64().unwrap()).unwrap())
                .sum::<usize>()
        })
        .sum();
    assert!(
        sizes.starts_with(&format!("{paragraphs} paragraphs, ")),
        "{sizes} ({paragraphs})"
    );
    assert!(
        sizes.contains("bytes of text, index ") && sizes.ends_with("distinct words)"),
        "{sizes}"
    );
    let count = |rule: &str| -> u64 {
        out.lines()
            .find_map(|l| {
                let (n, name) = l.trim().split_once("  ")?;
                (name.trim() == rule).then(|| n.trim().parse().unwrap())
            })
            .unwrap_or_else(|| panic!("no {rule} in:\n{out}"))
    };
    // Every numbered operative paragraph and every preambular lead of the samples.
    let total = |key: &str| -> u64 {
        expected_samples()
            .iter()
            .map(|e| e[key].as_u64().unwrap())
            .sum()
    };
    assert_eq!(count("operative-number"), total("operative_paragraphs"));
    assert_eq!(
        count("preambular-lead-word"),
        total("preambular_paragraphs")
    );
    // Once per document: the grammar step and the number field it sets are one firing.
    assert_eq!(count("resolution-number"), 10);
    assert!(
        out.contains("\nlayouts\n") && out.contains("plain text"),
        "{out}"
    );
}

#[test]
fn check_json_prints_each_problem_as_data() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    std::fs::write(
        dir.path().join("bare.txt"),
        "The General Assembly,\nRecalling its resolutions,\n1. Decides to act.\n",
    )
    .unwrap();
    let output = resolu(dir.path())
        .arg("check")
        .arg("--json")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "an unreadable file");
    let records: Vec<Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(
        records
            .iter()
            .any(|r| r["kind"] == "file" && r["path"].as_str().unwrap().ends_with("empty.txt"))
    );
    let missing_title = records
        .iter()
        .find(|r| r["kind"] == "missing-title")
        .expect("a missing title");
    assert_eq!(missing_title["field"], "title");
    assert!(
        missing_title["path"]
            .as_str()
            .unwrap()
            .ends_with("bare.txt")
    );
}

#[test]
fn a_mistyped_subcommand_or_a_missing_path_is_an_error_before_any_terminal_ui() {
    let dir = tempfile::tempdir().unwrap();
    let typo = resolu(dir.path()).arg("lsit").output().unwrap();
    assert_eq!(typo.status.code(), Some(2));
    let message = String::from_utf8_lossy(&typo.stderr);
    assert!(message.contains("did you mean `resolu list`?"), "{message}");
    let missing = resolu(dir.path()).arg("no/such/folder").output().unwrap();
    assert_eq!(missing.status.code(), Some(1));
    let message = String::from_utf8_lossy(&missing.stderr);
    assert!(
        message.contains("no/such/folder: no such file or folder"),
        "{message}"
    );
    // Nothing was drawn: no escape sequence on stdout.
    assert!(typo.stdout.is_empty() && missing.stdout.is_empty());
}

#[test]
fn a_dumb_terminal_gets_a_sentence_not_a_broken_screen() {
    let dir = tempfile::tempdir().unwrap();
    let output = resolu(dir.path()).env("TERM", "dumb").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty(), "no escape sequence drawn");
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("TERM=dumb") && message.contains("resolu list"),
        "{message}"
    );
}

#[test]
fn completions_and_the_manual_page_are_printed() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        let out = stdout_of(resolu(dir.path()).args(["completions", shell]));
        assert!(
            out.contains("resolu") && out.contains("search"),
            "{shell}: {out}"
        );
    }
    let man = stdout_of(resolu(dir.path()).arg("man"));
    assert!(
        man.starts_with(".ie") && man.contains(".TH resolu 1"),
        "{man}"
    );
    assert!(man.contains("Query language"), "{man}");
    let help = stdout_of(resolu(dir.path()).arg("--help"));
    assert!(
        help.contains("With no subcommand, resolu opens its terminal UI"),
        "{help}"
    );
    let bad = resolu(dir.path())
        .args(["completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn one_document_is_counted_in_the_singular() {
    let dir = tempfile::tempdir().unwrap();
    let output = resolu(dir.path())
        .arg("check")
        .arg(sample_data().join("A_HRC_RES_44_18.fr.txt"))
        .output()
        .unwrap();
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("1 document read, 0 files unreadable, 0 warnings"),
        "{message}"
    );
}

#[test]
fn search_exit_status_says_whether_anything_matched() {
    let dir = tempfile::tempdir().unwrap();
    // By default a search that finds nothing succeeds (CONTRACT.md: 1 is an input problem).
    resolu(dir.path())
        .args(["search", "zzzqqqxxx"])
        .assert()
        .code(0);
    // With --exit-status, as grep: 1 for nothing, 0 for something.
    resolu(dir.path())
        .args(["search", "--exit-status", "zzzqqqxxx"])
        .assert()
        .code(1)
        .stdout("");
    resolu(dir.path())
        .args(["search", "-e", "coopération"])
        .assert()
        .code(0);
    resolu(dir.path())
        .args(["search", "--stdin", "-e"])
        .write_stdin("zzzqqqxxx\nqqqzzz\n")
        .assert()
        .code(1);
    resolu(dir.path())
        .args(["search", "--stdin", "-e"])
        .write_stdin("zzzqqqxxx\ncoopération\n")
        .assert()
        .code(0);
}

#[test]
fn search_stdin_carries_the_query_hints() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout_of(
        resolu(dir.path())
            .args(["search", "--stdin"])
            .write_stdin("zz:droits\ndroits\n"),
    );
    let answers: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(answers.len(), 2);
    let hints = answers[0]["hints"].as_array().unwrap();
    assert!(
        hints.iter().any(|h| h.as_str().unwrap().contains("zz:")),
        "{hints:?}"
    );
    assert_eq!(answers[1]["hints"], serde_json::json!([]));
    assert!(answers[1]["total"].as_u64().unwrap() > 0);
}

#[test]
fn search_stdin_answers_a_line_of_invalid_utf8_with_an_error_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout_of(
        resolu(dir.path())
            .args(["search", "--stdin"])
            .write_stdin(&b"droits\ncoop\xff\xfe ration\ncooperation\n"[..]),
    );
    let answers: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(answers.len(), 3, "{out}");
    for good in [&answers[0], &answers[2]] {
        assert!(good["total"].as_u64().unwrap() > 0, "{good}");
        assert!(good.get("error").is_none(), "{good}");
    }
    let bad = &answers[1];
    assert!(
        bad["error"].as_str().unwrap().contains("not valid UTF-8"),
        "{bad}"
    );
    assert_eq!(bad["query"], "coop\u{fffd}\u{fffd} ration");
    assert_eq!(
        (bad["total"].as_u64(), bad["hits"].as_array().map(Vec::len)),
        (Some(0), Some(0))
    );
}

/// `droits | vaccins | …`: `n` words of the samples, over and over.
fn long_or_query(n: usize) -> String {
    let words = [
        "droits",
        "vaccins",
        "cooperation",
        "solidarite",
        "paix",
        "femmes",
    ];
    (0..n)
        .map(|i| words[i % words.len()])
        .collect::<Vec<_>>()
        .join(" | ")
}

#[test]
fn a_long_query_is_cut_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let output = resolu(dir.path())
        .args(["search", &long_or_query(1000)])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("resolu: hint: query too long: only the first 64 terms are used"),
        "{stderr}"
    );
    // Over stdin, a line of megabytes: the first bytes are read, the answer says so.
    let huge = format!("{}\ndroits\n", long_or_query(200_000));
    let out = stdout_of(
        resolu(dir.path())
            .args(["search", "--stdin"])
            .write_stdin(huge),
    );
    let answers: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(answers.len(), 2);
    let hints = answers[0]["hints"].to_string();
    assert!(hints.contains("only the first 4096 bytes"), "{hints}");
    assert!(hints.contains("only the first 64 terms"), "{hints}");
    assert!(answers[0]["query"].as_str().unwrap().len() < 5000);
}

#[test]
fn config_names_the_state_folder() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let out = stdout_of(
        resolu(dir.path())
            .arg("config")
            .env("XDG_STATE_HOME", &state),
    );
    let line = out.lines().find(|l| l.starts_with("state:")).unwrap();
    assert!(
        line.ends_with(&state.join("resolu").display().to_string()),
        "{out}"
    );
}

/// A folder with 44/18 in French (`1.fr.txt`, first in path order) and an English text given
/// the symbol A/HRC/RES/44/18 (`2.en.txt`, the sample 80/10 with its symbol and number changed).
fn bilingual_folder(dir: &Path) -> PathBuf {
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::copy(
        sample_data().join("A_HRC_RES_44_18.fr.txt"),
        corpus.join("1.fr.txt"),
    )
    .unwrap();
    let english = std::fs::read_to_string(sample_data().join("en/A_RES_80_10.en.txt"))
        .unwrap()
        .replace("A/RES/80/10", "A/HRC/RES/44/18")
        .replace("80/10. ", "44/18. ");
    std::fs::write(corpus.join("2.en.txt"), english).unwrap();
    corpus
}

#[test]
fn show_lang_picks_the_version_in_that_language() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = bilingual_folder(dir.path());
    let show = |args: &[&str]| {
        let mut cmd = resolu(dir.path());
        cmd.arg("show").args(args).arg(&corpus);
        cmd
    };
    let english = stdout_of(&mut show(&["44/18", "--lang", "en"]));
    assert!(
        english.contains("International Day of the World"),
        "{english}"
    );
    assert!(english.contains("Also in: fr (--lang fr)"), "{english}");
    let french = stdout_of(&mut show(&["A/HRC/RES/44/18", "--lang", "FR"]));
    assert!(
        french.contains("Renforcement de la coopération"),
        "{french}"
    );
    assert!(french.contains("Also in: en (--lang en)"), "{french}");
    // Without --lang: the first version in path order, as before.
    assert_eq!(stdout_of(&mut show(&["44/18"])), french);
    let json: Value =
        serde_json::from_str(&stdout_of(&mut show(&["44/18", "--lang", "en", "--json"]))).unwrap();
    assert_eq!(json["language"], "en");
    assert_eq!(json["symbol"], "A/HRC/RES/44/18");
}

#[test]
fn show_lang_without_such_a_version_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = bilingual_folder(dir.path());
    // A language the resolution is not in: a problem with the input.
    let output = resolu(dir.path())
        .args(["show", "44/18", "--lang", "es"])
        .arg(&corpus)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains("A/HRC/RES/44/18 has no es version") && err.contains("fr, en"),
        "{err}"
    );
    // The embedded 46/13 is only in French.
    let output = resolu(dir.path())
        .args(["show", "46/13", "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    // Not a language code at all: a usage error.
    let output = resolu(dir.path())
        .args(["show", "44/18", "--lang", "english"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("language code"));
}

#[test]
fn list_prints_a_resolution_in_two_languages_once() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = bilingual_folder(dir.path());
    let out = stdout_of(resolu(dir.path()).arg("list").arg(&corpus));
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains("Renforcement de la coopération"), "{out}");
    let json: Value = serde_json::from_str(&stdout_of(
        resolu(dir.path()).args(["list", "--json"]).arg(&corpus),
    ))
    .unwrap();
    assert_eq!(json.as_array().unwrap().len(), 1);
    assert_eq!(json[0]["languages"], serde_json::json!(["fr", "en"]));
}

#[test]
fn votes_counts_a_resolution_once_whatever_its_files() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = bilingual_folder(dir.path());
    // Two files state Germany's vote on 44/18 (the French text and a copy of it), the English
    // text states none: one line.
    let french = std::fs::read_to_string(corpus.join("1.fr.txt")).unwrap();
    std::fs::write(corpus.join("3.fr.txt"), &french).unwrap();
    let output = resolu(dir.path())
        .args(["votes", "DEU"])
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(output.status.success());
    let out = String::from_utf8_lossy(&output.stdout);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.starts_with("A/HRC/RES/44/18"), "{out}");
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("1 roll call of 1 resolution vote"), "{err}");
}

/// `resolu export | head`: the reader goes away after a line; resolu stops quietly, exit 0.
#[test]
fn a_closed_pipe_stops_every_command_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    // Enough text that the output cannot fit in a pipe's buffer before the reader leaves.
    let corpus = dir.path().join("corpus");
    for copy in 0..30 {
        let folder = corpus.join(format!("{copy}"));
        std::fs::create_dir_all(&folder).unwrap();
        for entry in std::fs::read_dir(sample_data()).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt" || e == "md") {
                std::fs::copy(&path, folder.join(path.file_name().unwrap())).unwrap();
            }
        }
    }
    for args in [
        &["export", "--format", "jsonl"][..],
        &["export", "--format", "csv"],
        &["list"],
        &["search", "--limit", "5000", "coopération"],
    ] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_resolu"))
            .args(args)
            .arg(&corpus)
            .env_remove("RESOLU_CORPUS")
            .env("HOME", dir.path())
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .env("XDG_CACHE_HOME", dir.path().join("cache"))
            .env("XDG_STATE_HOME", dir.path().join("state"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty(), "{args:?}");
        // The reader is gone (stdout dropped above); resolu must notice and stop quietly.
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            output.status.success(),
            "{args:?}: {:?} {stderr}",
            output.status
        );
        assert!(
            !stderr.to_lowercase().contains("pipe"),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn search_stdin_counts_one_document_in_the_singular() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_data().join("A_HRC_RES_44_18.fr.txt");
    let output = resolu(dir.path())
        .args(["search", "--stdin", "--no-cache"])
        .arg(&file)
        .write_stdin("droits\n")
        .output()
        .unwrap();
    assert!(output.status.success());
    let err = String::from_utf8(output.stderr).unwrap();
    assert!(err.contains("resolu: 1 document, "), "{err}");
    assert!(err.contains(" paragraphs read and parsed in "), "{err}");
}
