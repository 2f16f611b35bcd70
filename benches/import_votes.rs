//! Importing voting records (issue 12): Voeten's `unvotes.csv` (869,937 rows) with its
//! `roll_calls.csv` (6,202), read from `../shared/votes/unvotes/` when present, else from a
//! generated pair of the same shape; and loading the saved store at start (what every start
//! pays once something is imported).

// Test and tool code: a failure is meant to stop it, and clippy's pedantic group is for src/.
#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use criterion::{Criterion, criterion_group, criterion_main};
use resolu::votes::CountryId;
use resolu::votes::import::{self, RollCalls};
use resolu::votes::imported::{import_paths, load_from, saved_path};
use resolu::votes::saved::Saved;
use std::fmt::Write;
use std::hint::black_box;
use std::path::{Path, PathBuf};

/// The folder holding `unvotes.csv` and `roll_calls.csv`: the real one, else one generated in
/// `tmp` (6,202 roll calls × 140 countries ≈ 870k rows, names from the country table).
fn data(tmp: &Path) -> PathBuf {
    let real = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/votes/unvotes");
    if real.join("unvotes.csv").is_file() && real.join("roll_calls.csv").is_file() {
        eprintln!("import_votes: the real data in {}", real.display());
        return real;
    }
    eprintln!("import_votes: ../shared/votes/unvotes absent, a generated file of its shape");
    let mut calls = String::from("rcid,session,importantvote,date,unres,amend,para,short,descr\n");
    let mut votes = String::from("rcid,country,country_code,vote\n");
    let names: Vec<&str> = CountryId::all().map(|c| c.country().en).take(140).collect();
    for rcid in 1..=6202u32 {
        let session = 1 + rcid / 90;
        let _ = writeln!(
            calls,
            "{rcid},{session},0,1980-01-01,R/{session}/{rcid},0,0,SHORT TITLE,\"A LONGER DESCRIPTION, OF THE VOTE\""
        );
        for (i, name) in names.iter().enumerate() {
            let vote = ["yes", "yes", "no", "abstain"][(rcid as usize + i) % 4];
            let _ = writeln!(votes, "{rcid},\"{name}\",XX,{vote}");
        }
    }
    std::fs::write(tmp.join("roll_calls.csv"), calls).unwrap();
    std::fs::write(tmp.join("unvotes.csv"), votes).unwrap();
    tmp.to_path_buf()
}

fn import_votes(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = data(tmp.path());
    let votes = std::fs::read(dir.join("unvotes.csv")).unwrap();
    let calls = std::fs::read(dir.join("roll_calls.csv")).unwrap();
    let mut group = c.benchmark_group("import_votes");
    group.sample_size(10);
    // The readers alone, from bytes in memory.
    group.bench_function("unvotes.csv + roll_calls.csv, read", |b| {
        b.iter(|| {
            let mut report = import::Report::default();
            let rcs = RollCalls::read("roll_calls.csv", &calls[..], &mut report).unwrap();
            let import = import::read_voeten("unvotes.csv", black_box(&votes[..]), rcs).unwrap();
            assert!(import.report.casts > 860_000);
            import
        })
    });
    // What `resolu import-votes FOLDER` does: read the files, add them to the saved store, write it.
    let cache = tmp.path().join("cache");
    group.bench_function("import-votes FOLDER (files read, store written)", |b| {
        b.iter(|| {
            let mut saved = Saved::default();
            let outcome = import_paths(&mut saved, std::slice::from_ref(&dir), false);
            assert_eq!(outcome.done.len(), 1);
            saved.write(&saved_path(&cache)).unwrap();
        })
    });
    // What every start pays: the saved store read, checked and turned into a vote store.
    group.bench_function("load the saved store at start", |b| {
        b.iter(|| {
            let imported = load_from(Some(&cache), &[]);
            assert!(imported.store.len() >= 6202);
            imported
        })
    });
    group.finish();
}

criterion_group!(benches, import_votes);
criterion_main!(benches);
