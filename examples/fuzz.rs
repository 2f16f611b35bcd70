//! Fuzzing without nightly (issue 13): mutated documents, random queries and random TOML through
//! the parser, the search and the config loader, each case under a wall-clock guard that saves
//! slow inputs, hangs and panics.
//!
//! ```sh
//! cargo run --release --example fuzz -- TARGET [--cases N | --minutes M] [--seed S] \
//!     [--slow-ms MS] [--hang-s S] [--out DIR]
//! cargo run --release --example fuzz -- TARGET --replay FILE    # run one saved input
//! cargo run --release --example fuzz -- TARGET --dump CASE [--seed S]   # write case CASE's input
//! ```
//!
//! TARGET is `parse`, `query`, `config` or `all` (each in turn, each with the whole budget).
//! Defaults: 1000 cases, seed 1, slow above 1000 ms, a hang above 60 s, findings in
//! `target/fuzz-findings/TARGET/` as `slow-CASE.bin`, `hang-CASE.bin`, `panic-CASE.bin`,
//! `invariant-CASE.bin`, each with a `.txt` saying what happened and how to replay it. Case CASE
//! of a seed is always the same input. Exit status: 0 when nothing but slow cases was found,
//! 1 for panics or broken invariants, 2 for a usage error, 3 for a hang (the run stops there).

// Test and tool code: a failure is meant to stop it, and clippy's pedantic group is for src/.
#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

#[path = "fuzz/mod.rs"]
mod fuzz;

use fuzz::{Budget, Options, TARGETS};
use std::path::PathBuf;
use std::time::Duration;

const USAGE: &str = "usage: fuzz parse|query|config|all [--cases N | --minutes M] [--seed S] \
                     [--slow-ms MS] [--hang-s S] [--out DIR] [--quiet] [--replay FILE | --dump CASE]";

fn main() {
    match parse_args(std::env::args().skip(1).collect()) {
        Ok((targets, options, mode)) => std::process::exit(run(&targets, &options, mode)),
        Err(message) => {
            eprintln!("fuzz: {message}\n{USAGE}");
            std::process::exit(2);
        }
    }
}

/// What to do besides fuzzing.
enum Mode {
    Fuzz,
    /// Run one saved input.
    Replay(PathBuf),
    /// Write the input of one case to the findings folder.
    Dump(u64),
}

fn run(targets: &[String], options: &Options, mode: Mode) -> i32 {
    let mut lines = Vec::new();
    let mut clean = true;
    for name in targets {
        let target = fuzz::target(name).expect("a known target");
        match &mode {
            Mode::Fuzz => {}
            Mode::Replay(file) => {
                match fuzz::replay(target.as_ref(), file) {
                    Ok(line) => println!("{line}"),
                    Err(e) => {
                        eprintln!("fuzz: {}: {e}", file.display());
                        return 2;
                    }
                }
                continue;
            }
            Mode::Dump(case) => {
                let dir = options.out.join(name);
                let file = dir.join(format!("case-{case}.bin"));
                let input = fuzz::input(target.as_ref(), options.seed, *case);
                if let Err(e) =
                    std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&file, input))
                {
                    eprintln!("fuzz: {}: {e}", file.display());
                    return 2;
                }
                println!("{}", file.display());
                continue;
            }
        }
        eprintln!(
            "fuzz {name}: seed {}, findings in {}",
            options.seed,
            options.out.join(name).display()
        );
        let stats = fuzz::run(target.as_ref(), options);
        clean &= stats.clean();
        lines.push(stats.line(name));
    }
    for line in lines {
        println!("{line}");
    }
    if clean { 0 } else { 1 }
}

fn parse_args(args: Vec<String>) -> Result<(Vec<String>, Options, Mode), String> {
    let mut options = Options::default();
    let mut mode = Mode::Fuzz;
    let mut args = args.into_iter();
    let target = args.next().ok_or("which target?")?;
    let targets: Vec<String> = match target.as_str() {
        "all" => TARGETS.iter().map(|t| t.to_string()).collect(),
        t if TARGETS.contains(&t) => vec![t.to_string()],
        t => return Err(format!("unknown target {t:?}")),
    };
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        let number = |v: String| {
            v.parse::<f64>()
                .map_err(|_| format!("{flag}: not a number: {v:?}"))
        };
        match flag.as_str() {
            "--cases" => options.budget = Budget::Cases(number(value()?)? as u64),
            "--minutes" => {
                options.budget = Budget::Time(Duration::from_secs_f64(number(value()?)? * 60.0))
            }
            "--seed" => {
                let v = value()?;
                options.seed = v
                    .parse()
                    .map_err(|_| format!("--seed: not a whole number: {v:?}"))?;
            }
            "--slow-ms" => options.slow = Duration::from_secs_f64(number(value()?)? / 1000.0),
            "--hang-s" => options.hang = Duration::from_secs_f64(number(value()?)?),
            "--out" => options.out = PathBuf::from(value()?),
            "--replay" => mode = Mode::Replay(PathBuf::from(value()?)),
            "--dump" => mode = Mode::Dump(number(value()?)? as u64),
            "--quiet" => options.progress = None,
            _ => return Err(format!("unknown option {flag:?}")),
        }
    }
    if !matches!(mode, Mode::Fuzz) && targets.len() > 1 {
        return Err("--replay and --dump need one target".to_string());
    }
    Ok((targets, options, mode))
}
