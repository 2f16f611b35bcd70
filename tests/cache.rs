//! The cache of parsed documents (issue 11): a warm run answers as a run without it; a cache
//! that is damaged, cut, another version's, empty, random, or cannot be written changes
//! nothing but the time taken; changed, added and removed files are seen and unchanged ones
//! are not parsed again; two processes starting at once both succeed.

// Test and tool code: a failure is meant to stop it, and clippy's pedantic group is for src/.
#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

mod cache_support;

use cache_support::{corpus_in, file_in, resolu};
use resolu::cache::Store;
use resolu::cache::load::load_paths;
use std::path::Path;

/// What scripts read: the whole corpus as JSON lines, and a search.
fn outputs(home: &Path, cache: &Path, corpus: &Path, extra: &[&str]) -> (String, String) {
    let run = |args: &[&str]| {
        let out = resolu(home, cache)
            .args(args)
            .args(extra)
            .arg(corpus)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    (
        run(&["export", "--format", "jsonl"]),
        run(&[
            "search",
            "--json",
            "--limit",
            "50",
            "coopération internationale",
        ]),
    )
}

#[test]
fn a_warm_run_prints_what_a_run_without_the_cache_prints() {
    let home = tempfile::tempdir().unwrap();
    let corpus = corpus_in(home.path());
    let cache = home.path().join("cache");
    let plain = outputs(home.path(), &cache, &corpus, &["--no-cache"]);
    assert!(!cache.exists(), "--no-cache wrote a cache");
    let cold = outputs(home.path(), &cache, &corpus, &[]);
    let file = file_in(&cache, "cache");
    let warm = outputs(home.path(), &cache, &corpus, &[]);
    assert_eq!(plain, cold);
    assert_eq!(plain, warm);
    assert_eq!(plain.0.lines().count(), 10);
    // `cache path` names it, `cache stats` reads it, `cache clear` removes it.
    let path = resolu(home.path(), &cache)
        .args(["cache", "path"])
        .arg(&corpus)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(path.stdout).unwrap().trim(),
        file.display().to_string()
    );
    let stats = resolu(home.path(), &cache)
        .args(["cache", "stats"])
        .arg(&corpus)
        .output()
        .unwrap();
    let stats = String::from_utf8(stats.stdout).unwrap();
    assert!(
        stats.contains("files:      10") && stats.contains("documents:  10"),
        "{stats}"
    );
    resolu(home.path(), &cache)
        .args(["cache", "clear"])
        .arg(&corpus)
        .assert()
        .success();
    assert!(!file.exists());
}

#[test]
fn a_bad_cache_is_rebuilt_and_the_output_stays_the_same() {
    let home = tempfile::tempdir().unwrap();
    let corpus = corpus_in(home.path());
    let cache = home.path().join("cache");
    let reference = outputs(home.path(), &cache, &corpus, &["--no-cache"]);
    outputs(home.path(), &cache, &corpus, &[]);
    let file = file_in(&cache, "cache");
    let good = std::fs::read(&file).unwrap();
    let mut damaged: Vec<(String, Vec<u8>)> = Vec::new();
    // A flipped byte in the header, the table and the records.
    for at in [
        0,
        5,
        9,
        17,
        40,
        100,
        good.len() / 3,
        good.len() / 2,
        good.len() - 1,
    ] {
        let mut bytes = good.clone();
        bytes[at] ^= 0x55;
        damaged.push((format!("byte {at} flipped"), bytes));
    }
    damaged.push(("cut in half".into(), good[..good.len() / 2].to_vec()));
    damaged.push(("cut by one byte".into(), good[..good.len() - 1].to_vec()));
    damaged.push(("empty".into(), Vec::new()));
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let random: Vec<u8> = (0..4096)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect();
    damaged.push(("random bytes".into(), random));
    // Another format version: the same records behind another version number (the version
    // is the 8 bytes after the 8-byte magic).
    let mut other = good.clone();
    other[8] = other[8].wrapping_add(1);
    damaged.push(("another version".into(), other));
    for (what, bytes) in damaged {
        std::fs::write(&file, &bytes).unwrap();
        let got = outputs(home.path(), &cache, &corpus, &[]);
        assert_eq!(got, reference, "{what}");
        // And the cache is whole again.
        let stats = resolu(home.path(), &cache)
            .args(["cache", "stats"])
            .arg(&corpus)
            .output()
            .unwrap();
        let stats = String::from_utf8(stats.stdout).unwrap();
        assert!(stats.contains("files:      10"), "{what}: {stats}");
    }
}

#[test]
fn a_cache_that_cannot_be_written_changes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let corpus = corpus_in(home.path());
    let reference = outputs(
        home.path(),
        &home.path().join("cache"),
        &corpus,
        &["--no-cache"],
    );
    // The cache folder would be under a regular file: it cannot be made (a read-only folder
    // cannot be shown to root, which may write anywhere).
    let blocked = home.path().join("not-a-folder");
    std::fs::write(&blocked, "x").unwrap();
    assert_eq!(outputs(home.path(), &blocked, &corpus, &[]), reference);
    // A cache folder that does not exist yet is made.
    let fresh = home.path().join("a/b/c");
    assert_eq!(outputs(home.path(), &fresh, &corpus, &[]), reference);
    assert!(file_in(&fresh, "cache").exists());
}

#[test]
fn changed_added_and_removed_files_are_seen_and_unchanged_ones_not_parsed() {
    let home = tempfile::tempdir().unwrap();
    let corpus = corpus_in(home.path());
    let store = Store::open(&home.path().join("cache"), "test");
    let quiet = |_: usize, _: usize| {};
    let paths = vec![corpus.clone()];
    let (first, outcome) = load_paths(&paths, Some(&store), &quiet);
    assert_eq!(outcome.parsed.len(), 10);
    assert!(outcome.saved);
    assert_eq!(first, resolu::corpus::load::load_paths(&paths));
    // Nothing changed: nothing parsed, nothing read, nothing written.
    let (second, outcome) = load_paths(&paths, Some(&store), &quiet);
    assert_eq!(
        (outcome.unchanged, outcome.parsed.len(), outcome.saved),
        (10, 0, false)
    );
    assert_eq!(second, first);
    // One file changed, one added, one removed, one touched (same bytes, a new time).
    let changed = corpus.join("fr/A_HRC_RES_44_18.fr.txt");
    let text = std::fs::read_to_string(&changed).unwrap();
    std::fs::write(&changed, text.replace("coopération", "cooperation")).unwrap();
    let added = corpus.join("fr/copy.txt");
    std::fs::copy(corpus.join("fr/A_HRC_RES_46_13.fr.txt"), &added).unwrap();
    std::fs::remove_file(corpus.join("en/A_RES_80_1.en.txt")).unwrap();
    let touched = corpus.join("fr/A_HRC_RES_44_11.fr.txt");
    let file = std::fs::File::options().write(true).open(&touched).unwrap();
    file.set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(60))
        .unwrap();
    drop(file);
    let (third, outcome) = load_paths(&paths, Some(&store), &quiet);
    let mut parsed = outcome.parsed.clone();
    parsed.sort();
    let mut expected = vec![changed.display().to_string(), added.display().to_string()];
    expected.sort();
    assert_eq!(parsed, expected);
    // Ten files: one changed, one added, one touched, seven as they were.
    assert_eq!(
        (outcome.touched, outcome.gone, outcome.unchanged),
        (1, 1, 7)
    );
    assert!(outcome.saved);
    assert_eq!(third, resolu::corpus::load::load_paths(&paths));
    // The next start takes all of it from the cache.
    let (_, outcome) = load_paths(&paths, Some(&store), &quiet);
    assert_eq!((outcome.unchanged, outcome.parsed.len()), (10, 0));
}

#[test]
fn two_processes_starting_at_once_both_succeed_and_leave_a_whole_cache() {
    let home = tempfile::tempdir().unwrap();
    let corpus = corpus_in(home.path());
    let cache = home.path().join("cache");
    let reference = outputs(home.path(), &cache, &corpus, &["--no-cache"]);
    for _ in 0..3 {
        let _ = std::fs::remove_dir_all(&cache);
        let spawn = || {
            std::process::Command::new(env!("CARGO_BIN_EXE_resolu"))
                .args(["export", "--format", "jsonl"])
                .arg(&corpus)
                .env_remove("RESOLU_CORPUS")
                .env("HOME", home.path())
                .env("XDG_CONFIG_HOME", home.path().join("config"))
                .env("XDG_CACHE_HOME", &cache)
                .stdout(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn(), spawn());
        for child in [a, b] {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success());
            assert_eq!(String::from_utf8(out.stdout).unwrap(), reference.0);
        }
        let file = file_in(&cache, "cache");
        let read = resolu::cache::read(&file).unwrap();
        assert_eq!(read.entries.len(), 10);
    }
}
