//! Measure candidate on-disk formats for the parsed-corpus cache (issue 11, BENCH.md "Cache
//! format"): a copying serde format (postcard, bincode) read into owned `Vec<Resolution>`, against
//! zero-copy rkyv with validation (bytecheck) over a memory map (memmap2), each with an xxh3
//! checksum over the payload.
//!
//! ```sh
//! cargo run --release --example cache_formats -- write CORPUS_DIR OUT_DIR
//! /usr/bin/time -f '%e s %M KB' target/release/examples/cache_formats read FORMAT OUT_DIR/FILE
//! ```
//!
//! `write` parses the corpus, then writes `cache.postcard`, `cache.bincode`, `cache.rkyv` and
//! `cache.resolu` (the chosen format, as `resolu::cache::write` writes it),
//! timing encode, checksum and write; `read` loads one in a fresh process (so peak RSS is that
//! load's): `postcard`, `bincode` (read + checksum + decode to owned `Vec<Resolution>`),
//! `rkyv` (map + checksum + validate + walk every paragraph's text, no copy), `rkyv-owned` (the
//! same, then deserialise to owned values), `resolu` (`resolu::cache::read`, entries decoded in
//! parallel).
//!
//! rkyv needs its own derives on every model type; rather than put them on `corpus::model` for a
//! measurement, the rkyv candidate archives a mirror of the same shape (`Mirror*` below: the same
//! strings, vectors and options; dates as day numbers, enums as bytes, warnings as sentences).

// Test and tool code: a failure is meant to stop it, and clippy's pedantic group is for src/.
#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use chrono::Datelike;
use resolu::corpus::model::Resolution;
use std::path::{Path, PathBuf};
use std::time::Instant;

#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
struct MirrorResolution {
    symbol: Option<String>,
    number: Option<String>,
    body: Option<u8>,
    language: Option<[u8; 2]>,
    title: Option<String>,
    session: Option<u32>,
    agenda_item: Option<String>,
    adopted_on: Option<i32>,
    meeting: Option<String>,
    paragraphs: Vec<MirrorParagraph>,
    footnotes: Vec<MirrorFootnote>,
    vote: Option<MirrorVote>,
    source_path: String,
    source_format: u8,
    warnings: Vec<String>,
}

#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
struct MirrorParagraph {
    kind: u8,
    number: Option<u32>,
    text: String,
}

#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
struct MirrorFootnote {
    mark: String,
    text: String,
}

#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
struct MirrorVote {
    adoption: u8,
    yes: Option<u32>,
    no: Option<u32>,
    abstain: Option<u32>,
    in_favour: Vec<MirrorCountry>,
    against: Vec<MirrorCountry>,
    abstaining: Vec<MirrorCountry>,
}

#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
struct MirrorCountry {
    code: Option<String>,
    name: String,
}

fn mirror(r: &Resolution) -> MirrorResolution {
    let countries = |list: &[resolu::corpus::model::CountryRef]| {
        list.iter()
            .map(|c| MirrorCountry {
                code: c.code.clone(),
                name: c.name.clone(),
            })
            .collect()
    };
    MirrorResolution {
        symbol: r.symbol.clone(),
        number: r.number.clone(),
        body: r.body.map(|b| b as u8),
        language: r.language.map(|l| {
            let c = l.code().as_bytes();
            [c[0], c[1]]
        }),
        title: r.title.clone(),
        session: r.session,
        agenda_item: r.agenda_item.clone(),
        adopted_on: r.adopted_on.map(|d| d.num_days_from_ce()),
        meeting: r.meeting.clone(),
        paragraphs: r
            .paragraphs
            .iter()
            .map(|p| MirrorParagraph {
                kind: p.kind as u8,
                number: p.number,
                text: p.text.clone(),
            })
            .collect(),
        footnotes: r
            .footnotes
            .iter()
            .map(|f| MirrorFootnote {
                mark: f.mark.clone(),
                text: f.text.clone(),
            })
            .collect(),
        vote: r.vote.as_ref().map(|v| MirrorVote {
            adoption: v.adoption as u8,
            yes: v.yes,
            no: v.no,
            abstain: v.abstain,
            in_favour: countries(&v.in_favour),
            against: countries(&v.against),
            abstaining: countries(&v.abstaining),
        }),
        source_path: r.source.path.clone(),
        source_format: r.source.format as u8,
        warnings: r.warnings.iter().map(ToString::to_string).collect(),
    }
}

/// Header before the payload: 16 bytes (rkyv wants its payload aligned; 16 keeps it so in a
/// page-aligned map). Magic (8), checksum (8).
const HEADER: usize = 16;

fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

fn write_file(path: &Path, payload: &[u8]) -> (f64, f64) {
    let start = Instant::now();
    let sum = xxhash_rust::xxh3::xxh3_64(payload);
    let checksum_ms = ms(start);
    let start = Instant::now();
    let mut bytes = Vec::with_capacity(HEADER + payload.len());
    bytes.extend_from_slice(b"RESOLUFB");
    bytes.extend_from_slice(&sum.to_le_bytes());
    bytes.extend_from_slice(payload);
    let file = std::fs::File::create(path).unwrap();
    std::io::Write::write_all(&mut &file, &bytes).unwrap();
    file.sync_all().unwrap();
    (checksum_ms, ms(start))
}

fn checked(bytes: &[u8]) -> &[u8] {
    assert_eq!(&bytes[..8], b"RESOLUFB");
    let sum = u64::from_le_bytes(bytes[8..16].try_into().unwrap());
    let payload = &bytes[HEADER..];
    assert_eq!(xxhash_rust::xxh3::xxh3_64(payload), sum, "checksum");
    payload
}

fn write(corpus_dir: &Path, out: &Path) {
    std::fs::create_dir_all(out).unwrap();
    let start = Instant::now();
    let corpus = resolu::corpus::load::load_paths(&[corpus_dir.to_path_buf()]);
    let resolutions = corpus.resolutions;
    let paragraphs: usize = resolutions.iter().map(|r| r.paragraphs.len()).sum();
    let text: usize = resolutions
        .iter()
        .flat_map(|r| &r.paragraphs)
        .map(|p| p.text.len())
        .sum();
    println!(
        "parsed {} resolutions, {paragraphs} paragraphs, {} MB of paragraph text in {:.0} ms",
        resolutions.len(),
        text / 1_000_000,
        ms(start)
    );
    let report = |name: &str, encode_ms: f64, payload: &[u8]| {
        let (checksum_ms, write_ms) = write_file(&out.join(format!("cache.{name}")), payload);
        println!(
            "{name:>9}: {:>7.1} MB  encode {encode_ms:>7.0} ms  xxh3 {checksum_ms:>5.0} ms  \
             write+fsync {write_ms:>6.0} ms",
            payload.len() as f64 / 1e6
        );
    };

    let start = Instant::now();
    let payload = postcard::to_allocvec(&resolutions).unwrap();
    report("postcard", ms(start), &payload);
    drop(payload);

    let start = Instant::now();
    let payload = bincode::serde::encode_to_vec(&resolutions, bincode::config::standard()).unwrap();
    report("bincode", ms(start), &payload);
    drop(payload);

    // The chosen format as `resolu::cache` writes it: one entry per file, encoded in parallel.
    let start = Instant::now();
    let entries: Vec<resolu::cache::Entry> = resolutions
        .iter()
        .map(|r| {
            let bytes = std::fs::read(&r.source.path).unwrap();
            let metadata = std::fs::metadata(&r.source.path).unwrap();
            resolu::cache::Entry {
                path: r.source.path.clone(),
                stamp: resolu::cache::FileStamp::of(&metadata),
                content_hash: resolu::cache::content_hash(&bytes),
                parsed: Ok(r.clone()),
            }
        })
        .collect();
    println!(
        "(cache entries: stamps and content hashes of the source files took {:.0} ms, not counted)",
        ms(start)
    );
    let start = Instant::now();
    let file = out.join("cache.resolu");
    resolu::cache::write(&file, &entries).unwrap();
    println!(
        "resolu::cache::write (postcard per entry, parallel, xxh3, temp + fsync + rename): \
         {:.1} MB in {:.0} ms",
        std::fs::metadata(&file).unwrap().len() as f64 / 1e6,
        ms(start)
    );
    drop(entries);

    let start = Instant::now();
    let mirrored: Vec<MirrorResolution> = resolutions.iter().map(mirror).collect();
    let mirror_ms = ms(start);
    let start = Instant::now();
    let payload = rkyv::to_bytes::<rkyv::rancor::Error>(&mirrored).unwrap();
    println!("(rkyv: building the mirror took {mirror_ms:.0} ms, not counted)");
    report("rkyv", ms(start), &payload);
}

/// Paragraph text bytes, summed: touches every paragraph so that a lazy format pays its way.
fn text_bytes(resolutions: &[Resolution]) -> usize {
    resolutions
        .iter()
        .flat_map(|r| &r.paragraphs)
        .map(|p| p.text.len())
        .sum()
}

fn read(format: &str, file: &Path) {
    let start = Instant::now();
    match format {
        "postcard" | "bincode" => {
            let bytes = std::fs::read(file).unwrap();
            let read_ms = ms(start);
            let t = Instant::now();
            let payload = checked(&bytes);
            let checksum_ms = ms(t);
            let t = Instant::now();
            let resolutions: Vec<Resolution> = if format == "postcard" {
                postcard::from_bytes(payload).unwrap()
            } else {
                bincode::serde::decode_from_slice(payload, bincode::config::standard())
                    .unwrap()
                    .0
            };
            let decode_ms = ms(t);
            drop(bytes);
            println!(
                "{format}: read {read_ms:.0} ms, xxh3 {checksum_ms:.0} ms, decode {decode_ms:.0} ms, \
                 total {:.0} ms; {} resolutions, {} MB text",
                ms(start),
                resolutions.len(),
                text_bytes(&resolutions) / 1_000_000
            );
        }
        "resolu" => {
            let cache = resolu::cache::read(file).unwrap();
            let resolutions: Vec<Resolution> = cache
                .entries
                .into_iter()
                .filter_map(|e| e.parsed.ok())
                .collect();
            println!(
                "resolu::cache::read: {:.0} ms; {} resolutions, {} MB text",
                ms(start),
                resolutions.len(),
                text_bytes(&resolutions) / 1_000_000
            );
        }
        "rkyv" | "rkyv-owned" => {
            let handle = std::fs::File::open(file).unwrap();
            // SAFETY: the benchmark's own file, not changed while mapped.
            let map = unsafe { memmap2::Mmap::map(&handle) }.unwrap();
            let map_ms = ms(start);
            let t = Instant::now();
            let payload = checked(&map);
            let checksum_ms = ms(t);
            let t = Instant::now();
            let archived =
                rkyv::access::<rkyv::Archived<Vec<MirrorResolution>>, rkyv::rancor::Error>(payload)
                    .unwrap();
            let validate_ms = ms(t);
            let t = Instant::now();
            let text: usize = archived
                .iter()
                .flat_map(|r| r.paragraphs.iter())
                .map(|p| p.text.len())
                .sum();
            let walk_ms = ms(t);
            let mut line = format!(
                "{format}: map {map_ms:.0} ms, xxh3 {checksum_ms:.0} ms, validate {validate_ms:.0} ms, \
                 walk {walk_ms:.0} ms"
            );
            if format == "rkyv-owned" {
                let t = Instant::now();
                let owned: Vec<MirrorResolution> =
                    rkyv::deserialize::<_, rkyv::rancor::Error>(archived).unwrap();
                line += &format!(", to owned {:.0} ms ({} resolutions)", ms(t), owned.len());
            }
            println!(
                "{line}, total {:.0} ms; {} resolutions, {} MB text",
                ms(start),
                archived.len(),
                text / 1_000_000
            );
        }
        other => panic!("unknown format {other}"),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["write", corpus, out] => write(&PathBuf::from(corpus), &PathBuf::from(out)),
        ["read", format, file] => read(format, &PathBuf::from(file)),
        _ => panic!("usage: cache_formats write CORPUS_DIR OUT_DIR | read FORMAT FILE"),
    }
}
