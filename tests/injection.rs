//! Terminal injection (issue 13, item 6): file names, arguments, config values and document text
//! holding escape sequences never reach stdout or stderr raw. Every command is run on a corpus
//! folder whose file names carry an OSC 52 clipboard write and a screen clear; its output must
//! hold no ESC, no BEL, no C1 control and no bidi override, and must show the names escaped
//! (`\x1b`) rather than drop what they hold.

// Test and tool code: a failure is meant to stop it, and clippy's pedantic group is for src/.
#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::process::Output;

/// Writes "Hello" into the clipboard of a terminal that obeys OSC 52.
const CLIPBOARD: &str = "\x1b]52;c;SGVsbG8=\x07";
const CLIPBOARD_SHOWN: &str = "\\x1b]52;c;SGVsbG8=\\x07";
/// Clears the screen.
const CLEAR: &str = "\x1b[2J";
const CLEAR_SHOWN: &str = "\\x1b[2J";

const S46_13: &str = include_str!("../sample-data/A_HRC_RES_46_13.fr.txt");
const S44_11: &str = include_str!("../sample-data/A_HRC_RES_44_11.fr.txt");
const S44_18: &str = include_str!("../sample-data/A_HRC_RES_44_18.fr.txt");

/// A corpus folder in `dir`: valid documents and broken files named with escape sequences, and
/// a document whose text holds them.
fn hostile_corpus(dir: &Path) -> PathBuf {
    let corpus = dir.join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(corpus.join(name), bytes).unwrap();
    // The same resolution twice: each names the other in a `duplicate` warning.
    write(&format!("{CLIPBOARD}.txt"), S46_13.as_bytes());
    write(&format!("{CLEAR}.txt"), S46_13.as_bytes());
    // No symbol: the file name is its id, in list, search and show lines.
    let start = S44_11.find(" Réaffirmant toutes").unwrap();
    write(
        &format!("{CLEAR}{CLIPBOARD}-sans-symbole.txt"),
        &S44_11.as_bytes()[start..],
    );
    // Broken files, named in the problems on stderr (and on stdout by check).
    write(&format!("{CLIPBOARD}-vide.txt"), b"");
    write(
        &format!("{CLEAR}-binaire.txt"),
        b"\x00\x01\x02\xff\xfe\x00binary",
    );
    write("\u{9b}31m-c1.txt", b"");
    write("\u{202e}txt.exe-bidi.txt", b"");
    // Escapes and a bidi override inside the text.
    let text = S44_18
        .replace(
            "Réaffirmant sa volonté",
            "Réaffirmant\x1b[2J sa \u{202e}volonté\x07",
        )
        .replace(
            "44/18. Renforcement",
            "44/18. Ren\x1b]52;c;SGVsbG8=\x07forcement",
        );
    write("texte.txt", text.as_bytes());
    corpus
}

/// `resolu` run in `dir`, with a config folder of its own and no cache.
fn resolu(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("resolu").unwrap();
    cmd.current_dir(dir)
        .env_remove("RESOLU_CORPUS")
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .env("XDG_STATE_HOME", dir.join("state"))
        .env("HOME", dir)
        .arg("--no-cache");
    cmd
}

/// Nothing in `bytes` a terminal would act on: no ESC, no BEL, no C1 control (as a character or
/// a lone byte), no bidi override or isolate.
fn assert_inert(what: &str, stream: &str, bytes: &[u8]) {
    let text = std::str::from_utf8(bytes)
        .unwrap_or_else(|e| panic!("{what}: {stream} is not UTF-8 ({e})"));
    assert!(!bytes.contains(&0x1b), "{what}: ESC on {stream}:\n{text}");
    assert!(!bytes.contains(&0x07), "{what}: BEL on {stream}:\n{text}");
    let bad = text.chars().find(|&c| {
        ('\u{80}'..='\u{9f}').contains(&c)
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
            || (c.is_control() && c != '\n')
    });
    assert_eq!(
        bad, None,
        "{what}: a control character on {stream}:\n{text}"
    );
}

/// Run `args` (the corpus folder last), check both streams, return the output.
fn run(dir: &Path, args: &[&str], corpus: Option<&Path>) -> Output {
    let mut cmd = resolu(dir);
    cmd.args(args);
    if let Some(corpus) = corpus {
        cmd.arg(corpus);
    }
    let output = cmd.output().unwrap();
    let what = format!("resolu {}", args.join(" "));
    assert_inert(&what, "stdout", &output.stdout);
    assert_inert(&what, "stderr", &output.stderr);
    output
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn check_shows_the_names_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = hostile_corpus(dir.path());
    let output = run(dir.path(), &["check"], Some(&corpus));
    assert_eq!(output.status.code(), Some(1));
    let out = text(&output.stdout);
    // Problems (broken files) and warnings (the duplicate) both name the files, escaped.
    assert!(
        out.contains(&format!("{CLIPBOARD_SHOWN}-vide.txt: file: empty")),
        "{out}"
    );
    assert!(
        out.contains(&format!("{CLEAR_SHOWN}-binaire.txt: file:")),
        "{out}"
    );
    assert!(out.contains(&format!("{CLEAR_SHOWN}.txt")), "{out}");
    assert!(out.contains(&format!("{CLIPBOARD_SHOWN}.txt")), "{out}");
    assert!(out.contains("\\u009b31m-c1.txt"), "{out}");
    assert!(out.contains("\\u202etxt.exe-bidi.txt"), "{out}");
    let err = text(&output.stderr);
    assert!(
        err.contains(&format!("/{CLIPBOARD_SHOWN}-vide.txt: empty file")),
        "{err}"
    );
}

#[test]
fn check_json_keeps_the_names_as_data() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = hostile_corpus(dir.path());
    let output = run(dir.path(), &["check", "--json"], Some(&corpus));
    let paths: Vec<String> = text(&output.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["path"].as_str().unwrap().to_string()
        })
        .collect();
    // JSON carries the names exactly, escaped as JSON escapes them.
    for name in [
        format!("{CLIPBOARD}-vide.txt"),
        "\u{9b}31m-c1.txt".to_string(),
        "\u{202e}txt.exe-bidi.txt".to_string(),
    ] {
        assert!(
            paths.iter().any(|p| p.ends_with(&name)),
            "{name:?} in {paths:?}"
        );
    }
}

#[test]
fn list_search_and_show_show_names_and_text_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = hostile_corpus(dir.path());
    let list = text(&run(dir.path(), &["list"], Some(&corpus)).stdout);
    assert!(
        list.contains(&format!("{CLEAR_SHOWN}{CLIPBOARD_SHOWN}-sans-symbole.txt")),
        "{list}"
    );
    assert!(list.contains("A/HRC/RES/44/18"), "{list}");
    run(dir.path(), &["list", "--json"], Some(&corpus));
    let found = text(&run(dir.path(), &["search", "réaffirmant"], Some(&corpus)).stdout);
    assert!(
        found.contains(&format!("{CLEAR_SHOWN}{CLIPBOARD_SHOWN}")),
        "{found}"
    );
    assert!(found.contains("A/HRC/RES/44/18"), "{found}");
    run(
        dir.path(),
        &["search", "--json", "réaffirmant"],
        Some(&corpus),
    );
    let shown = run(dir.path(), &["show", "A/HRC/RES/44/18"], Some(&corpus));
    // Status 1: the corpus holds broken files.
    let out = text(&shown.stdout);
    assert!(out.contains("Renforcement"), "{out}");
    run(
        dir.path(),
        &["show", "--json", "A/HRC/RES/44/18"],
        Some(&corpus),
    );
    run(dir.path(), &["votes", "fra"], Some(&corpus));
}

#[test]
fn every_export_format_is_inert() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = hostile_corpus(dir.path());
    for format in ["json", "jsonl", "csv"] {
        let output = run(dir.path(), &["export", "--format", format], Some(&corpus));
        assert!(output.status.code().is_some(), "{format}");
        assert!(!output.stdout.is_empty(), "{format}");
        let err = text(&output.stderr);
        assert!(
            err.contains(&format!("{CLIPBOARD_SHOWN}-vide.txt")),
            "{err}"
        );
    }
    // JSON stays JSON: the file names come back whole.
    let output = run(dir.path(), &["export", "--format", "json"], Some(&corpus));
    let all: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let name = format!("{CLEAR}{CLIPBOARD}-sans-symbole.txt");
    let paths: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["source"]["path"].as_str())
        .collect();
    assert!(paths.iter().any(|p| p.ends_with(&name)), "{paths:?}");
}

#[test]
fn show_and_votes_echo_an_escape_argument_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = hostile_corpus(dir.path());
    let asked = format!("{CLEAR}{CLIPBOARD}\u{202e}");
    let output = run(dir.path(), &["show", &asked], Some(&corpus));
    assert_eq!(output.status.code(), Some(1));
    let err = text(&output.stderr);
    assert!(
        err.contains(&format!("“{CLEAR_SHOWN}{CLIPBOARD_SHOWN}\\u202e”")),
        "{err}"
    );
    let output = run(dir.path(), &["votes", &asked], Some(&corpus));
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains(CLEAR_SHOWN));
}

#[test]
fn search_hints_and_stdin_answers_are_inert() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = hostile_corpus(dir.path());
    // A malformed query echoed in a hint.
    run(
        dir.path(),
        &["search", &format!("x:{CLEAR} \"{CLIPBOARD}")],
        Some(&corpus),
    );
    let mut cmd = resolu(dir.path());
    cmd.args(["search", "--stdin"])
        .arg(&corpus)
        .write_stdin(format!("{CLEAR}coopération\u{202e}\n\u{9b}31m\n"));
    let output = cmd.output().unwrap();
    assert_inert("search --stdin", "stdout", &output.stdout);
    assert_inert("search --stdin", "stderr", &output.stderr);
    let answers: Vec<serde_json::Value> = text(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(answers[0]["query"], format!("{CLEAR}coopération\u{202e}"));
}

#[test]
fn explain_names_the_file_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = hostile_corpus(dir.path());
    let file = corpus.join(format!("{CLIPBOARD}.txt"));
    let output = run(dir.path(), &["check", "--explain"], Some(&file));
    assert!(output.status.success());
    assert!(text(&output.stdout).contains(CLIPBOARD_SHOWN));
    let missing = corpus.join(format!("{CLEAR}-absent.txt"));
    let output = run(dir.path(), &["check", "--explain"], Some(&missing));
    assert!(text(&output.stderr).contains(CLEAR_SHOWN));
}

#[test]
fn config_values_in_warnings_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config").join("resolu");
    std::fs::create_dir_all(&config).unwrap();
    // TOML's own escapes put an ESC and a BEL in a key and in a value.
    std::fs::write(
        config.join("config.toml"),
        "\"\\u001b[2J\" = 1\n[colours]\naccent = \"\\u001b]52;c;SGVsbG8=\\u0007\"\n",
    )
    .unwrap();
    let output = run(dir.path(), &["list"], None);
    assert!(output.status.success());
    let err = text(&output.stderr);
    assert!(
        err.contains(&format!("`{CLEAR_SHOWN}`: unknown key")),
        "{err}"
    );
    assert!(err.contains(CLIPBOARD_SHOWN), "{err}");
    // A raw control character makes the file invalid TOML: that warning is inert too.
    std::fs::write(config.join("config.toml"), format!("mouse = true{CLEAR}\n")).unwrap();
    let output = run(dir.path(), &["list"], None);
    assert!(text(&output.stderr).contains("not valid TOML"));
}

/// The arguments clap rejects, and what its message must show of them.
fn rejected_arguments() -> Vec<(Vec<String>, &'static str)> {
    vec![
        (
            vec!["export".into(), "--format".into(), CLIPBOARD.into()],
            CLIPBOARD_SHOWN,
        ),
        (vec!["list".into(), format!("--x{CLEAR}")], CLEAR_SHOWN),
        // clap quotes a long option up to its `=`.
        (vec![format!("--x{CLIPBOARD}")], "--x\\x1b]52;c;SGVsbG8"),
        (vec!["cache".into(), CLEAR.into()], CLEAR_SHOWN),
    ]
}

#[test]
fn command_line_errors_quote_arguments_escaped() {
    let dir = tempfile::tempdir().unwrap();
    // clap's own messages quote what they reject.
    for (args, shown) in rejected_arguments() {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = run(dir.path(), &args, None);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let err = text(&output.stderr);
        assert!(err.contains(shown), "{args:?}: {err}");
    }
    // A path that does not exist, given to the terminal UI, is named before it starts.
    let output = run(dir.path(), &[&format!("{CLEAR}-absent")], None);
    assert!(text(&output.stderr).contains(&format!("{CLEAR_SHOWN}-absent")));
}

/// On a terminal clap colours its messages (forced here as a terminal would have them): its own
/// colour codes are there, but not the sequences of the arguments it quotes.
#[test]
fn coloured_command_line_errors_quote_arguments_escaped() {
    let dir = tempfile::tempdir().unwrap();
    for (args, shown) in rejected_arguments() {
        let output = resolu(dir.path())
            .args(&args)
            .env("CLICOLOR_FORCE", "1")
            .output()
            .unwrap();
        let err = text(&output.stderr);
        assert!(
            !err.contains(CLIPBOARD) && !err.contains(CLEAR),
            "{args:?}: {err:?}"
        );
        assert!(!err.contains('\x07'), "{args:?}: {err:?}");
        assert!(err.contains(shown), "{args:?}: {err:?}");
    }
}
