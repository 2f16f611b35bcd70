//! Measure the parser on the real General Assembly PDFs in `../shared/corpus/ga-pdf`: convert
//! them (pdftotext default, `-layout`, `-raw`, and PyMuPDF when installed; cached under
//! `target/ga-eval/`), parse each text, and print the figures table and the disagreements with
//! `INDEX.tsv`.
//!
//! ```sh
//! cargo run --release --example eval_ga -- [--layout default|layout|raw|pymupdf|pdf] [--verbose]
//! cargo run --release --example eval_ga -- --oracle A_RES_80_5   # what the word boxes say
//! ```
//!
//! `--verbose` also prints every failing document and what failed. The thresholds the test
//! holds are in `tests/ga_pdf_eval.rs`.

// Test and tool code: a failure is meant to stop it, and clippy's pedantic group is for src/.
#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

#[path = "../tests/eval/mod.rs"]
mod eval;

use eval::Layout;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut layouts: Vec<Layout> = Vec::new();
    let mut verbose = false;
    let mut oracle: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--verbose" | "-v" => verbose = true,
            "--layout" => match args.next().as_deref().and_then(Layout::from_name) {
                Some(l) => layouts.push(l),
                None => {
                    eprintln!("--layout takes default, layout, raw, pymupdf or pdf");
                    return ExitCode::from(2);
                }
            },
            "--oracle" => oracle = args.next(),
            "-h" | "--help" => {
                println!(
                    "eval_ga [--layout default|layout|raw|pymupdf|pdf]... [--verbose] [--oracle A_RES_80_N]"
                );
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("unknown argument {other:?} (try --help)");
                return ExitCode::from(2);
            }
        }
    }
    if layouts.is_empty() {
        layouts = Layout::ALL.to_vec();
    }
    if !eval::corpus_dir().is_dir() {
        println!("skipped: {} is absent", eval::corpus_label());
        return ExitCode::SUCCESS;
    }
    let start = std::time::Instant::now();
    let setup = match eval::prepare(&layouts) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    for note in &setup.notes {
        println!("note: {note}");
    }
    if oracle.as_deref() == Some("all") {
        for (row, o) in setup.rows.iter().zip(&setup.oracles) {
            let mut pages: Vec<usize> = o.footnote_lines.iter().map(|(p, _)| *p).collect();
            pages.dedup();
            let calls: Vec<&str> = o.calls.iter().map(|c| c.digits.as_str()).collect();
            println!(
                "{}\t{:.1}\t{:?}\tcalls {}\tmarks {}",
                row.file,
                o.body_height,
                pages,
                calls.join(","),
                o.marks.join(",")
            );
        }
        return ExitCode::SUCCESS;
    }
    if let Some(doc) = oracle {
        let doc = doc.trim_end_matches(".pdf").to_string() + ".pdf";
        let Some(i) = setup.rows.iter().position(|r| r.file == doc) else {
            eprintln!("{doc} is not in INDEX.tsv");
            return ExitCode::FAILURE;
        };
        let o = &setup.oracles[i];
        println!("body height {:.1}", o.body_height);
        println!("footnote text lines:");
        for (page, line) in &o.footnote_lines {
            println!("  p{page}: {line}");
        }
        println!("calls:");
        for c in &o.calls {
            println!("  p{}: {:?} + {}", c.page, c.before, c.digits);
        }
        println!("{} distinctive footnote 4-grams", o.footnote_grams.len());
        return ExitCode::SUCCESS;
    }
    let figures: Vec<eval::Figures> = setup
        .layouts
        .iter()
        .map(|&l| eval::evaluate(&setup, l))
        .collect();
    if verbose {
        for f in &figures {
            print!("{}", eval::failures(f));
        }
        println!();
    }
    println!("Disagreements with INDEX.tsv (machine-extracted; decide who is right):");
    print!("{}", eval::disagreements(&figures));
    println!();
    print!("{}", eval::table(&figures));
    println!("({:.1} s)", start.elapsed().as_secs_f64());
    ExitCode::SUCCESS
}
