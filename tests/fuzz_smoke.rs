//! The fuzz harness of `examples/fuzz.rs` kept compiling and working: a few hundred cases of
//! each target, in process, with the guard's limits loose enough for a debug build (the slow
//! limit only reports; a hang would end the test binary with status 3).

// Test and tool code: a failure is meant to stop it, and clippy's pedantic group is for src/.
#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

#[path = "../examples/fuzz/mod.rs"]
mod fuzz;

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

fn smoke(name: &str, cases: u64) -> fuzz::Stats {
    let out = tempfile::tempdir().unwrap();
    let options = fuzz::Options {
        budget: fuzz::Budget::Cases(cases),
        seed: 7,
        slow: Duration::from_secs(30),
        hang: Duration::from_secs(120),
        out: out.path().to_path_buf(),
        progress: None,
    };
    let target = fuzz::sized_target(name, 40).unwrap();
    let stats = fuzz::run(target.as_ref(), &options);
    assert_eq!(stats.cases, cases, "{}", stats.line(name));
    assert_eq!(stats.panics, 0, "{}", stats.line(name));
    stats
}

#[test]
fn every_target_runs_its_cases() {
    // Small budgets: some inputs known to be slow before issue 13's fixes (long vote lists,
    // many footnotes) must not make this test depend on those fixes.
    for (name, cases) in [("parse", 150), ("query", 300), ("config", 300)] {
        let stats = smoke(name, cases);
        eprintln!("{}", stats.line(name));
    }
}

#[test]
fn one_seed_gives_the_same_cases() {
    let target = fuzz::target("config").unwrap();
    let a: Vec<Vec<u8>> = (0..20)
        .map(|case| fuzz::input(target.as_ref(), 3, case))
        .collect();
    let b: Vec<Vec<u8>> = (0..20)
        .map(|case| fuzz::input(target.as_ref(), 3, case))
        .collect();
    assert_eq!(a, b);
    let other: Vec<Vec<u8>> = (0..20)
        .map(|case| fuzz::input(target.as_ref(), 4, case))
        .collect();
    assert_ne!(a, other);
}

#[test]
fn a_slow_case_is_saved_and_counted() {
    let out = tempfile::tempdir().unwrap();
    let options = fuzz::Options {
        budget: fuzz::Budget::Cases(3),
        seed: 1,
        // Every case takes longer than nothing: each is slow, without a sleep or a clock race.
        slow: Duration::ZERO,
        hang: Duration::from_secs(120),
        out: out.path().to_path_buf(),
        progress: None,
    };
    let stats = fuzz::run(&Scripted(AtomicU64::new(0)), &options);
    assert_eq!(
        (stats.cases, stats.slow, stats.panics, stats.broken),
        (3, 3, 1, 1),
        "{}",
        stats.line("scripted")
    );
    let dir = out.path().join("scripted");
    for file in ["slow-1.bin", "slow-1.txt", "panic-2.bin", "invariant-0.bin"] {
        assert!(dir.join(file).exists(), "{file} not saved");
    }
    assert_eq!(std::fs::read(dir.join("slow-1.bin")).unwrap(), b"case 1");
    let note = std::fs::read_to_string(dir.join("panic-2.txt")).unwrap();
    assert!(note.contains("case two panics"), "{note}");
}

/// Case 0 breaks an invariant, case 1 passes, case 2 panics.
struct Scripted(AtomicU64);

impl fuzz::Target for Scripted {
    fn name(&self) -> &'static str {
        "scripted"
    }
    fn generate(&self, _: &mut fuzz::Rng) -> Vec<u8> {
        format!("case {}", self.0.fetch_add(1, Ordering::Relaxed)).into_bytes()
    }
    fn run(&self, input: &[u8]) -> Result<(), String> {
        match input {
            b"case 0" => Err("zero".to_string()),
            b"case 1" => Ok(()),
            _ => panic!("case two panics"),
        }
    }
}
