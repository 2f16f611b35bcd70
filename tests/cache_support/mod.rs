//! What the cache tests share: a corpus copied where the test can change it, `resolu` run
//! with its cache in a folder of the test's own, the cache files found there.
#![allow(
    dead_code,
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// The ten samples, copied into `dir/corpus`.
pub fn corpus_in(dir: &Path) -> PathBuf {
    let corpus = dir.join("corpus");
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    for (from, to) in [
        (samples.clone(), corpus.join("fr")),
        (samples.join("en"), corpus.join("en")),
    ] {
        std::fs::create_dir_all(&to).unwrap();
        for entry in std::fs::read_dir(&from).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt" || e == "md") {
                std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
            }
        }
    }
    corpus
}

/// `resolu` with its cache in `cache` (and nothing of the user's).
pub fn resolu(home: &Path, cache: &Path) -> Command {
    let mut cmd = Command::cargo_bin("resolu").unwrap();
    cmd.current_dir(home)
        .env_remove("RESOLU_CORPUS")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", cache);
    cmd
}

/// The one file of `cache` ending in `.extension`.
pub fn file_in(cache: &Path, extension: &str) -> PathBuf {
    let files: Vec<PathBuf> = std::fs::read_dir(cache.join("resolu"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}
