//! Search speed: index build, and each query of `bench/queries.txt` answered with the top 200
//! and match positions. Over the embedded samples by default; set `RESOLU_BENCH_CORPUS` to a
//! folder (e.g. one written by `examples/gen_corpus.rs`) to measure at scale.

// Test and tool code: a failure is meant to stop it, and clippy's pedantic group is for src/.
#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use criterion::{Criterion, criterion_group, criterion_main};
use resolu::corpus::load::{Corpus, load_embedded, load_paths};
use resolu::index::Index;
use resolu::index::query::parse;
use std::hint::black_box;

const QUERIES: &str = include_str!("../bench/queries.txt");

fn corpus() -> Corpus {
    match std::env::var_os("RESOLU_BENCH_CORPUS") {
        Some(dir) => load_paths(&[dir.into()]),
        None => load_embedded(),
    }
}

fn search(c: &mut Criterion) {
    let corpus = corpus();
    let mut group = c.benchmark_group("search");
    group.sample_size(20);
    group.bench_function("index build", |b| {
        b.iter(|| Index::build(black_box(&corpus.resolutions)))
    });
    let index = Index::build(&corpus.resolutions);
    for line in QUERIES.lines().filter(|l| !l.trim().is_empty()) {
        let query = parse(line);
        group.bench_function(format!("query {line:?}"), |b| {
            b.iter(|| index.search(&corpus.resolutions, black_box(&query), 200))
        });
    }
    group.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);
