//! Parsing speed: one sample document of each layout, and the whole embedded corpus.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use resolu::corpus::load::{EMBEDDED, load_embedded};
use resolu::corpus::parse::parse_document;
use std::hint::black_box;

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    for (path, bytes) in EMBEDDED
        .iter()
        .filter(|(p, _)| p.contains("44_18") || p.contains("71_194"))
    {
        let text = std::str::from_utf8(bytes).expect("a text sample");
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*path, |b| b.iter(|| parse_document(black_box(text), path)));
    }
    let total: usize = EMBEDDED.iter().map(|(_, t)| t.len()).sum();
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("embedded corpus (10 documents, rayon)", |b| {
        b.iter(load_embedded)
    });
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
