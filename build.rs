//! Build script: one number that changes whenever the parser or the model may have changed, so
//! that a cache of parsed documents written by another build is never read as this build's
//! (`src/cache/`, `RESOLU_PARSER_HASH`). It hashes every file under `src/corpus` and `src/text`
//! (code, lexicons, country table), in path order, with FNV-1a: no dependency, stable. A second
//! number, `RESOLU_INDEX_HASH`, does the same for `src/index`, for the cached index.

// Build tool: a failure is meant to stop the build.
#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// FNV-1a over the files under `dirs` (names and bytes, in path order).
fn hash_of(dirs: &[&str]) -> u64 {
    let mut all = Vec::new();
    for dir in dirs {
        println!("cargo::rerun-if-changed={dir}");
        files(Path::new(dir), &mut all);
    }
    all.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for path in &all {
        let name = path.to_string_lossy();
        let bytes = std::fs::read(path).unwrap_or_default();
        for byte in name.as_bytes().iter().chain(&[0]).chain(&bytes) {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

fn main() {
    let parser = hash_of(&["src/corpus", "src/text"]);
    println!("cargo::rustc-env=RESOLU_PARSER_HASH={parser:016x}");
    // The index's shape and how it is built: a cached index of another build is never read.
    let index = hash_of(&["src/index"]);
    println!("cargo::rustc-env=RESOLU_INDEX_HASH={index:016x}");
}
