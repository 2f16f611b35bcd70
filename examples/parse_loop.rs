//! Parse one file N times (for profiling): `cargo run --release --example parse_loop -- FILE N`.

// Test and tool code: a failure is meant to stop it, and clippy's pedantic group is for src/.
#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("FILE");
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let text = std::fs::read_to_string(&path).expect("readable");
    let start = std::time::Instant::now();
    let mut paragraphs = 0usize;
    for _ in 0..n {
        paragraphs += resolu::corpus::parse::parse_document(&text, &path)
            .paragraphs
            .len();
    }
    println!("{:?} per parse ({paragraphs})", start.elapsed() / n as u32);
}
