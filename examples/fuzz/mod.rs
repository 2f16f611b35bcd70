//! The fuzz harness (issue 13): mutated documents through the parser, index, search and
//! export; random queries through the query parser, search and snippets; random TOML through the
//! config loader. Each case runs under a wall-clock guard (`guard.rs`) that saves slow inputs,
//! hangs and panics to a findings folder. Used by `examples/fuzz.rs` (the command) and by
//! `tests/fuzz_smoke.rs` (a few hundred cases per target, so it keeps compiling and working).

// Tool code shared by an example and a test: each uses part of it.
#![allow(dead_code)]

mod config;
mod guard;
mod mutate;
mod parse;
mod query;
mod rng;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use guard::{Stats, stage};
pub use rng::Rng;

/// What one target does with one input: `Err` is a broken invariant (saved as a finding).
pub trait Target {
    fn name(&self) -> &'static str;
    /// The input of one case, from its own random stream.
    fn generate(&self, rng: &mut Rng) -> Vec<u8>;
    fn run(&self, input: &[u8]) -> Result<(), String>;
}

pub const TARGETS: &[&str] = &["parse", "query", "config"];

/// When a run stops.
#[derive(Debug, Clone, Copy)]
pub enum Budget {
    Cases(u64),
    Time(Duration),
}

#[derive(Debug, Clone)]
pub struct Options {
    pub budget: Budget,
    pub seed: u64,
    /// A case slower than this is saved and reported.
    pub slow: Duration,
    /// A case slower than this is a hang: saved, reported, and the process exits (status 3).
    pub hang: Duration,
    /// Findings go to `out/TARGET/`.
    pub out: PathBuf,
    /// Print a progress line this often (None: never).
    pub progress: Option<Duration>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            budget: Budget::Cases(1000),
            seed: 1,
            slow: Duration::from_millis(1000),
            hang: Duration::from_secs(60),
            out: PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/target/fuzz-findings")),
            progress: Some(Duration::from_secs(10)),
        }
    }
}

/// The target of that name (built once: seeds read, the sample corpus indexed).
pub fn target(name: &str) -> Option<Box<dyn Target + Sync>> {
    sized_target(name, 3000)
}

/// The target of that name, its grown shapes (long vote lists, footnote blocks) at most
/// `max_items` long: a smoke test's cases then stay small whatever the parser's speed.
pub fn sized_target(name: &str, max_items: usize) -> Option<Box<dyn Target + Sync>> {
    Some(match name {
        "parse" => Box::new(parse::ParseTarget::new(max_items)),
        "query" => Box::new(query::QueryTarget::new()),
        "config" => Box::new(config::ConfigTarget::new()),
        _ => return None,
    })
}

/// A stable number per target name, so each target draws its own stream from one seed.
fn salt(name: &str) -> u64 {
    name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// Run `target` within `options.budget`. A hang ends the process (see [`Options::hang`]).
pub fn run(target: &(dyn Target + Sync), options: &Options) -> Stats {
    let out = options.out.join(target.name());
    let guard = guard::Guard::start(target.name(), options, &out);
    let started = Instant::now();
    let mut last_progress = started;
    for case in 0.. {
        let done = match options.budget {
            Budget::Cases(n) => case >= n,
            Budget::Time(limit) => started.elapsed() >= limit,
        };
        if done {
            break;
        }
        let input = input(target, options.seed, case);
        guard.case(case, input, |input| target.run(input));
        if let Some(every) = options.progress
            && last_progress.elapsed() >= every
        {
            last_progress = Instant::now();
            eprintln!("{}", guard.stats().line(target.name()));
        }
    }
    guard.finish()
}

/// The input of case `case` under `seed`: the same for ever, whatever ran before it.
pub fn input(target: &(dyn Target + Sync), seed: u64, case: u64) -> Vec<u8> {
    target.generate(&mut Rng::for_case(seed, salt(target.name()), case))
}

/// Run one saved input through `target` and say how it went (reproducing a finding).
pub fn replay(target: &(dyn Target + Sync), file: &Path) -> std::io::Result<String> {
    let input = std::fs::read(file)?;
    guard::clear_stages();
    let started = Instant::now();
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| target.run(&input)));
    let elapsed = started.elapsed();
    let stages = guard::stage_times(started + elapsed);
    let what = match outcome {
        Ok(Ok(())) => "ok".to_string(),
        Ok(Err(broken)) => format!("invariant broken: {broken}"),
        Err(payload) => format!("panic: {}", guard::panic_message(payload.as_ref())),
    };
    Ok(format!(
        "{} {}: {} bytes, {what}, {} ms ({stages})",
        target.name(),
        file.display(),
        input.len(),
        elapsed.as_millis()
    ))
}
