//! Measure the parsed-corpus cache's format (issue 11, BENCH.md "Cache format"): write a corpus's
//! parse with `resolu::cache::write`, read it back in a fresh process with `resolu::cache::read`.
//!
//! ```sh
//! cargo run --release --example cache_formats -- write CORPUS_DIR OUT_DIR
//! /usr/bin/time -f '%e s %M KB' target/release/examples/cache_formats read resolu OUT_DIR/cache.resolu
//! ```
//!
//! The comparison that chose this format (postcard, bincode, rkyv over memmap2) is this file at
//! commit 9207620; its candidates were then dropped from the dev-dependencies.

// Test and tool code: a failure is meant to stop it, and clippy's pedantic group is for src/.
#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use resolu::cache::{Entry, FileStamp, content_hash};
use resolu::corpus::model::Resolution;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

/// Paragraph text bytes, summed: touches every paragraph.
fn text_bytes(resolutions: &[Resolution]) -> usize {
    resolutions
        .iter()
        .flat_map(|r| &r.paragraphs)
        .map(|p| p.text.len())
        .sum()
}

fn write(corpus_dir: &Path, out: &Path) {
    std::fs::create_dir_all(out).unwrap();
    let start = Instant::now();
    let corpus = resolu::corpus::load::load_paths(&[corpus_dir.to_path_buf()]);
    let resolutions = corpus.resolutions;
    println!(
        "parsed {} resolutions, {} paragraphs, {} MB of paragraph text in {:.0} ms",
        resolutions.len(),
        resolutions
            .iter()
            .map(|r| r.paragraphs.len())
            .sum::<usize>(),
        text_bytes(&resolutions) / 1_000_000,
        ms(start)
    );
    let start = Instant::now();
    let entries: Vec<Entry> = resolutions
        .into_iter()
        .map(|r| {
            let bytes = std::fs::read(&r.source.path).unwrap();
            let metadata = std::fs::metadata(&r.source.path).unwrap();
            Entry {
                path: r.source.path.clone(),
                stamp: FileStamp::of(&metadata),
                content_hash: content_hash(&bytes),
                parsed: Ok(r),
            }
        })
        .collect();
    println!(
        "(stamps and content hashes of the source files: {:.0} ms, not counted)",
        ms(start)
    );
    let start = Instant::now();
    let file = out.join("cache.resolu");
    resolu::cache::write(&file, &entries).unwrap();
    println!(
        "resolu::cache::write (encode in parallel, xxh3, temp + fsync + rename): {:.1} MB in {:.0} ms",
        std::fs::metadata(&file).unwrap().len() as f64 / 1e6,
        ms(start)
    );
}

fn read(file: &Path) {
    let start = Instant::now();
    let cache = resolu::cache::read(file).unwrap();
    let resolutions: Vec<Resolution> = cache
        .entries
        .into_iter()
        .filter_map(|e| e.parsed.ok())
        .collect();
    println!(
        "resolu::cache::read: {:.0} ms; {} resolutions, {} MB text",
        ms(start),
        resolutions.len(),
        text_bytes(&resolutions) / 1_000_000
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["write", corpus, out] => write(&PathBuf::from(corpus), &PathBuf::from(out)),
        ["read", "resolu", file] => read(&PathBuf::from(file)),
        _ => panic!("usage: cache_formats write CORPUS_DIR OUT_DIR | read resolu FILE"),
    }
}
