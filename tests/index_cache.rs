//! The cached search index (issue 11): a warm search answers as one without the cache; an index
//! file that is damaged, cut, another version's or another corpus' is rebuilt with the same
//! answers; an index built before a file changed, was added or removed is never used.

// Test and tool code: a failure is meant to stop it, and clippy's pedantic group is for src/.
#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

mod cache_support;

use cache_support::{corpus_in, file_in, resolu};
use resolu::cache::index_file::{self, index_for};
use resolu::cache::load::load_paths;
use resolu::cache::{CacheError, Store};
use resolu::index::Index;
use std::path::Path;

/// Searches as scripts run them: their standard output, one string per query.
fn searches(home: &Path, cache: &Path, corpus: &Path, extra: &[&str]) -> Vec<String> {
    [
        vec![
            "search",
            "--json",
            "--limit",
            "50",
            "coopération internationale",
        ],
        vec!["search", "--limit", "30", "c:fra op: dev"],
        vec!["search", "--json", "s:44 vacc"],
    ]
    .iter()
    .map(|args| {
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
    })
    .collect()
}

/// What `search --stdin` says on stderr of its index (read or built).
fn stdin_says(home: &Path, cache: &Path, corpus: &Path) -> String {
    let out = resolu(home, cache)
        .args(["search", "--stdin"])
        .arg(corpus)
        .write_stdin("coop\n")
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    err.lines()
        .find(|l| l.contains("index of"))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_warm_search_prints_what_a_search_without_the_cache_prints() {
    let home = tempfile::tempdir().unwrap();
    let corpus = corpus_in(home.path());
    let cache = home.path().join("cache");
    let plain = searches(home.path(), &cache, &corpus, &["--no-cache"]);
    assert!(!cache.exists(), "--no-cache wrote a cache");
    assert!(plain.iter().all(|out| !out.is_empty()), "{plain:?}");
    let cold = searches(home.path(), &cache, &corpus, &[]);
    let index = file_in(&cache, "index");
    let warm = searches(home.path(), &cache, &corpus, &[]);
    assert_eq!(plain, cold);
    assert_eq!(plain, warm);
    assert!(
        stdin_says(home.path(), &cache, &corpus).contains("words read in"),
        "the warm index was built, not read"
    );
    // `cache stats` reads it; `cache clear` removes it with the corpus cache.
    let stats = resolu(home.path(), &cache)
        .args(["cache", "stats"])
        .arg(&corpus)
        .output()
        .unwrap();
    let stats = String::from_utf8(stats.stdout).unwrap();
    assert!(stats.contains("words), cached"), "{stats}");
    resolu(home.path(), &cache)
        .args(["cache", "clear"])
        .arg(&corpus)
        .assert()
        .success();
    assert!(!index.exists());
}

#[test]
fn a_bad_index_file_is_rebuilt_and_the_answers_stay_the_same() {
    let home = tempfile::tempdir().unwrap();
    let corpus = corpus_in(home.path());
    let cache = home.path().join("cache");
    let reference = searches(home.path(), &cache, &corpus, &["--no-cache"]);
    searches(home.path(), &cache, &corpus, &[]);
    let file = file_in(&cache, "index");
    let good = std::fs::read(&file).unwrap();
    let mut damaged: Vec<(String, Vec<u8>)> = Vec::new();
    // A flipped byte in the magic, the version, the fingerprint, the length, the checksum and
    // the payload.
    for at in [0, 9, 17, 25, 33, 41, good.len() / 3, good.len() - 1] {
        let mut bytes = good.clone();
        bytes[at] ^= 0x55;
        damaged.push((format!("byte {at} flipped"), bytes));
    }
    damaged.push(("cut in half".into(), good[..good.len() / 2].to_vec()));
    damaged.push(("cut by one byte".into(), good[..good.len() - 1].to_vec()));
    damaged.push(("empty".into(), Vec::new()));
    damaged.push((
        "random bytes".into(),
        (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect(),
    ));
    let mut other = good.clone();
    other[8] = other[8].wrapping_add(1);
    damaged.push(("another version".into(), other));
    for (what, bytes) in damaged {
        std::fs::write(&file, &bytes).unwrap();
        assert_eq!(
            searches(home.path(), &cache, &corpus, &[]),
            reference,
            "{what}"
        );
        // And the index file is whole again: the next start reads it.
        assert!(
            stdin_says(home.path(), &cache, &corpus).contains("words read in"),
            "{what}: not rewritten"
        );
    }
    // A folder where the file should be: built each time, answers the same.
    std::fs::remove_file(&file).unwrap();
    std::fs::create_dir(&file).unwrap();
    assert_eq!(searches(home.path(), &cache, &corpus, &[]), reference);
}

#[test]
fn an_index_of_another_state_of_the_corpus_is_never_used() {
    let home = tempfile::tempdir().unwrap();
    let corpus = corpus_in(home.path());
    let store = Store::open(&home.path().join("cache"), "test");
    let quiet = |_: usize, _: usize| {};
    let paths = vec![corpus.clone()];
    let load = || {
        let (corpus, outcome) = load_paths(&paths, Some(&store), &quiet);
        let (index, got) = index_for(Some(&store), outcome.fingerprint, &corpus.resolutions);
        assert_eq!(index, Index::build(&corpus.resolutions));
        got
    };
    let first = load();
    assert_eq!((first.reused, first.saved), (false, true));
    assert_eq!(first.unusable, Some(CacheError::Missing));
    assert!(load().reused);
    // A touched file (same bytes, a new time): the same corpus, the same index.
    let touched = corpus.join("fr/A_HRC_RES_44_11.fr.txt");
    let file = std::fs::File::options().write(true).open(&touched).unwrap();
    file.set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(60))
        .unwrap();
    drop(file);
    assert!(load().reused);
    // A changed file, an added one, a removed one: each time another corpus, rebuilt once.
    let changed = corpus.join("fr/A_HRC_RES_44_18.fr.txt");
    let text = std::fs::read_to_string(&changed).unwrap();
    let changes: Vec<Box<dyn Fn()>> = vec![
        Box::new(|| std::fs::write(&changed, text.replace("coopération", "cooperation")).unwrap()),
        Box::new(|| {
            std::fs::copy(
                corpus.join("fr/A_HRC_RES_46_13.fr.txt"),
                corpus.join("fr/copy.txt"),
            )
            .unwrap();
        }),
        Box::new(|| std::fs::remove_file(corpus.join("en/A_RES_80_1.en.txt")).unwrap()),
    ];
    for (n, change) in changes.iter().enumerate() {
        change();
        let got = load();
        assert!(!got.reused, "change {n}");
        assert_eq!(got.unusable, Some(CacheError::OtherCorpus), "change {n}");
        assert!(load().reused, "change {n}");
    }
    // Another corpus' index file put in its place: refused.
    let other = tempfile::tempdir().unwrap();
    let other_corpus = corpus_in(other.path());
    std::fs::remove_file(other_corpus.join("en/A_RES_80_1.en.txt")).unwrap();
    let other_store = Store::open(&other.path().join("cache"), "other");
    let (c, outcome) = load_paths(&[other_corpus], Some(&other_store), &quiet);
    let _ = index_for(Some(&other_store), outcome.fingerprint, &c.resolutions);
    std::fs::copy(other_store.index_path(), store.index_path()).unwrap();
    assert_eq!(load().unusable, Some(CacheError::OtherCorpus));
    // What is read back is what was written.
    let (c, outcome) = load_paths(&paths, Some(&store), &quiet);
    let read = index_file::read(&store.index_path(), outcome.fingerprint, &c.resolutions);
    assert_eq!(read.unwrap(), Index::build(&c.resolutions));
}
