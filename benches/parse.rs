//! Parsing speed: one sample document of each layout (PDF text, Markdown, a PDF read directly),
//! the ten sample texts, and the embedded corpus (nine texts and one PDF).

// Test and tool code: a failure is meant to stop it, and clippy's pedantic group is for src/.
#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;
use resolu::corpus::load::{EMBEDDED, load_embedded, parse_bytes};
use resolu::corpus::parse::parse_document;
use std::hint::black_box;

/// The ten sample documents as the parser's texts (sample-data, French seeds and English).
const TEXTS: &[(&str, &str)] = &[
    (
        "A_HRC_RES_37_23.fr.md",
        include_str!("../sample-data/A_HRC_RES_37_23.fr.md"),
    ),
    (
        "A_HRC_RES_44_11.fr.txt",
        include_str!("../sample-data/A_HRC_RES_44_11.fr.txt"),
    ),
    (
        "A_HRC_RES_44_18.fr.txt",
        include_str!("../sample-data/A_HRC_RES_44_18.fr.txt"),
    ),
    (
        "A_HRC_RES_46_13.fr.txt",
        include_str!("../sample-data/A_HRC_RES_46_13.fr.txt"),
    ),
    (
        "A_RES_71_194.fr.md",
        include_str!("../sample-data/A_RES_71_194.fr.md"),
    ),
    (
        "A_RES_80_1.en.txt",
        include_str!("../sample-data/en/A_RES_80_1.en.txt"),
    ),
    (
        "A_RES_80_10.en.txt",
        include_str!("../sample-data/en/A_RES_80_10.en.txt"),
    ),
    (
        "A_RES_80_17.en.md",
        include_str!("../sample-data/en/A_RES_80_17.en.md"),
    ),
    (
        "A_RES_80_2.en.md",
        include_str!("../sample-data/en/A_RES_80_2.en.md"),
    ),
    (
        "A_RES_80_21.en.txt",
        include_str!("../sample-data/en/A_RES_80_21.en.txt"),
    ),
];

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    for (path, text) in TEXTS
        .iter()
        .filter(|(p, _)| p.contains("44_18") || p.contains("71_194"))
    {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*path, |b| b.iter(|| parse_document(black_box(text), path)));
    }
    let total: usize = TEXTS.iter().map(|(_, t)| t.len()).sum();
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("the 10 sample texts (rayon)", |b| {
        b.iter(|| {
            TEXTS
                .par_iter()
                .map(|(path, text)| parse_document(black_box(text), path))
                .collect::<Vec<_>>()
        })
    });
    if let Some((path, pdf)) = EMBEDDED.iter().find(|(p, _)| p.ends_with(".pdf")) {
        group.throughput(Throughput::Bytes(pdf.len() as u64));
        group.bench_function(*path, |b| b.iter(|| parse_bytes(path, black_box(pdf))));
    }
    let total: usize = EMBEDDED.iter().map(|(_, t)| t.len()).sum();
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("embedded corpus (9 texts and 1 PDF, rayon)", |b| {
        b.iter(load_embedded)
    });
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
