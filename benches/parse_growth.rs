//! Parse time on growing inputs (1, 2, 4, 8 MB): ordinary text built from the samples and each
//! pathological pattern of issue 13. Linear parsing shows as time(2n)/time(n) ≈ 2 (BENCH.md,
//! "Parse time on growing inputs").

// Test and tool code: a failure is meant to stop it, and clippy's pedantic group is for src/.
#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

#[path = "../tests/inputs/mod.rs"]
mod inputs;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use inputs::{SAMPLES, repeat_to};
use resolu::corpus::parse::parse_document;
use std::hint::black_box;
use std::time::Duration;

const HANG_1: &str = include_str!("../tests/fixtures/repro/parse-hang-1.txt");
const SLOW_1: &str = include_str!("../tests/fixtures/repro/parse-slow-1.txt");

/// Makes an input of about the bytes it is given.
type Make = fn(usize) -> String;

/// Each input family, made `bytes` bytes long (about).
fn inputs() -> Vec<(&'static str, Make)> {
    vec![
        ("ordinary text", |bytes| repeat_to(&SAMPLES.concat(), bytes)),
        ("`1.` lines", |bytes| repeat_to("1.\n", bytes)),
        ("France and × k", |bytes| {
            format!(
                "1. Decides.\n[Adopted by a recorded vote of 1 to 0. In favour: {}… Against: \
                 None Abstaining: None]\n",
                "France and ".repeat(bytes / 11)
            )
        }),
        ("[^7]: over x7x", |bytes| {
            let mut text = String::from("# Title\n\n1. Decides ");
            text.push_str(&"x7x ".repeat(bytes * 10 / 56));
            text.push_str("\n\n");
            for n in 0..bytes / 56 {
                text.push_str(&format!("[^7]: note {n}\n"));
            }
            text
        }),
        ("paragraphs", |bytes| {
            let mut text = String::from("The General Assembly,\n\n");
            for i in 1..bytes / 33 {
                text.push_str(&format!("Recalling its resolution {i},\n\n"));
            }
            text.push_str("1. Decides.\n");
            text
        }),
        ("parse-hang-1 repeated", |bytes| repeat_to(HANG_1, bytes)),
        ("parse-slow-1 repeated", |bytes| repeat_to(SLOW_1, bytes)),
    ]
}

fn growth(c: &mut Criterion) {
    for (name, make) in inputs() {
        let mut group = c.benchmark_group(format!("parse growth/{name}"));
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(4));
        for mb in [1usize, 2, 4, 8] {
            let text = make(mb << 20);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(
                BenchmarkId::from_parameter(format!("{mb} MB")),
                &text,
                |b, t| b.iter(|| parse_document(black_box(t), "growth.txt")),
            );
        }
        group.finish();
    }
}

criterion_group!(benches, growth);
criterion_main!(benches);
