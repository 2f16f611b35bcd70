//! The lines resolu reads from a PDF, with what the geometry said of each: for looking at a
//! PDF the parser gets wrong. `cargo run --release --example pdf_lines -- FILE.pdf [PAGE]`

// Test and tool code: a failure is meant to stop it, and clippy's pedantic group is for src/.
#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]
use resolu::corpus::source::pdf;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: pdf_lines FILE.pdf [PAGE]");
        std::process::exit(2);
    };
    let only: Option<u32> = args.next().and_then(|p| p.parse().ok());
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1)
    });
    match pdf::read(&bytes) {
        Err(e) => eprintln!("{path}: {e}"),
        Ok(t) => {
            for line in t
                .read
                .lines
                .iter()
                .filter(|l| only.is_none() || l.page == only)
            {
                println!(
                    "p{:<3} x{:<4} {:>4.1}pt {}{}{} {}{}",
                    line.page.unwrap_or(0),
                    line.indent.map_or(String::new(), |i| i.to_string()),
                    line.size.unwrap_or(0.0),
                    if line.italic == Some(true) { "I" } else { "-" },
                    if line.bold == Some(true) { "B" } else { "-" },
                    if line.blank_before { "^" } else { " " },
                    line.note()
                        .map_or(String::new(), |m| format!("[note {m}] ")),
                    line.text
                );
            }
            let mut calls: Vec<&String> = t.read.explicit_calls.iter().collect();
            calls.sort();
            println!("calls: {calls:?}; furniture spans: {}", t.furniture_spans);
        }
    }
}
