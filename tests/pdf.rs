//! PDFs read directly, on the project's own fixtures: every sample document is written as a
//! PDF in the UN's layout (`tests/un_pdf`: italics, raised footnote calls, footnotes below a
//! rule, running heads and feet marked as artifacts, accents through the fonts' encoding) and
//! must parse to the same fields as expected.json, with the original's paragraphs, footnotes
//! and country codes. Then the PDFs a corpus holds that cannot be read: each a file problem
//! naming what is wrong, never a panic.

// Test and tool code: a failure is meant to stop it, and clippy's pedantic group is for src/.
#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

mod expected_fields;
mod un_pdf;
mod un_text;

use expected_fields::{expectations, field_mismatches};
use proptest::prelude::*;
use resolu::corpus::load::{FileError, load_paths, parse_bytes};
use resolu::corpus::model::SourceFormat;
use resolu::corpus::source::pdf::{PdfError, ReadError};
use un_text::{code_mismatches, paragraph_mismatches, sample};

/// The sample `file` written as a PDF, and the original as the PDF prints it (a character
/// the fonts cannot print mapped as `un_pdf::printable` maps it).
fn as_pdf(file: &str) -> (serde_json::Value, resolu::corpus::Resolution, Vec<u8>) {
    let (expected, mut original) = sample(file);
    let bytes = un_pdf::write(&original, "GE.20-10239(F)");
    for p in &mut original.paragraphs {
        p.text = un_pdf::printable(&p.text);
    }
    for f in &mut original.footnotes {
        f.text = un_pdf::printable(&f.text);
    }
    (expected, original, bytes)
}

/// Every sample written by `write` parses to its fields, paragraphs, footnotes and codes.
fn check_every_sample(write: fn(&resolu::corpus::Resolution, &str) -> Vec<u8>) {
    let mut failures = Vec::new();
    for (path, _) in expectations() {
        let file = path
            .strip_prefix("sample-data")
            .unwrap_or(&path)
            .to_string_lossy()
            .to_string();
        let (expected, original, _) = as_pdf(&file);
        let bytes = write(&sample(&file).1, "GE.20-10239(F)");
        let name = file.replace(".txt", ".pdf").replace(".md", ".pdf");
        let got = match parse_bytes(&name, &bytes) {
            Ok(r) => r,
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        let mut problems = field_mismatches(&got, &expected);
        problems.extend(paragraph_mismatches(&got, &original));
        problems.extend(code_mismatches(&got, &original));
        if got.footnotes != original.footnotes {
            problems.push(format!(
                "footnotes: got {:?}, expected {:?}",
                got.footnotes, original.footnotes
            ));
        }
        if got.source.format != SourceFormat::Pdf {
            problems.push(format!("format {:?}", got.source.format));
        }
        failures.extend(problems.into_iter().map(|p| format!("{name}: {p}")));
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_sample_written_as_a_pdf_parses_to_its_fields() {
    check_every_sample(un_pdf::write);
}

#[test]
fn every_sample_written_as_an_untagged_pdf_parses_to_its_fields() {
    // No artifacts: the running heads, job numbers and page counters are ordinary text, and
    // the layout pass's text rules take them out.
    check_every_sample(un_pdf::write_untagged);
}

/// The sample 44/11 as a PDF: the good file of the bad-input tests.
fn good_pdf() -> Vec<u8> {
    as_pdf("A_HRC_RES_44_11.fr.txt").2
}

/// A PDF whose one page draws a rectangle and no text: a scan without OCR looks the same.
fn pdf_without_text() -> Vec<u8> {
    let mut page = pdfboss_write::Page::new(pdfboss_write::PageSize::A4);
    page.canvas.rect(72.0, 72.0, 400.0, 600.0);
    page.canvas.fill();
    let pdf = pdfboss_write::Pdf {
        pages: vec![page],
        ..pdfboss_write::Pdf::default()
    };
    pdf.to_bytes().unwrap()
}

/// `good_pdf` protected by a user password.
fn encrypted_pdf() -> Vec<u8> {
    let doc = pdfboss_core::Document::load(good_pdf()).unwrap();
    pdfboss_write::encrypt_document(
        &doc,
        "secret",
        "owner",
        pdfboss_core::Permissions::default(),
        pdfboss_write::WriteOptions::default(),
    )
    .unwrap()
}

#[test]
fn each_pdf_that_cannot_be_read_is_a_problem_naming_its_file_and_the_rest_loads() {
    let dir = std::env::temp_dir().join(format!("resolu-bad-pdfs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let good = good_pdf();
    let files: Vec<(&str, Vec<u8>, &str)> = vec![
        ("good.pdf", good.clone(), ""),
        ("empty.pdf", Vec::new(), "empty file"),
        (
            "scan.pdf",
            pdf_without_text(),
            "no text layer (a scanned document?)",
        ),
        (
            "locked.pdf",
            encrypted_pdf(),
            "encrypted PDF (it needs a password)",
        ),
        (
            "page.pdf",
            b"<html><body>Not found</body></html>\n".to_vec(),
            "not a PDF",
        ),
        (
            "garbage.pdf",
            vec![0u8, 159, 146, 150, 7, 0, 1, 2],
            "not a PDF",
        ),
        (
            "truncated.pdf",
            good[..good.len() / 3].to_vec(),
            "damaged PDF: the file is cut short",
        ),
    ];
    for (name, bytes, _) in &files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    let corpus = load_paths(std::slice::from_ref(&dir));
    assert!(
        corpus
            .resolutions
            .iter()
            .any(|r| r.symbol.as_deref() == Some("A/HRC/RES/44/11")
                && r.source.path.ends_with("good.pdf")),
        "the good PDF loads: {:?}",
        corpus.problems
    );
    for (name, _, message) in &files {
        if message.is_empty() {
            continue;
        }
        let problem = corpus
            .problems
            .iter()
            .find(|p| p.path.ends_with(name))
            .unwrap_or_else(|| panic!("{name}: no problem reported ({:?})", corpus.problems));
        let text = problem.error.to_string();
        assert!(text.starts_with(message), "{name}: {text}");
        assert!(!text.contains('\n'), "{name}: one line: {text:?}");
    }
    assert!(matches!(
        parse_bytes("locked.pdf", &encrypted_pdf()),
        Err(FileError::Pdf(ReadError::Pdf(PdfError::Encrypted)))
    ));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Parse `bytes` on a thread of its own: the answer, or a failure after `limit`.
fn parse_within(bytes: Vec<u8>, limit: std::time::Duration) -> Result<(), String> {
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let outcome = std::panic::catch_unwind(|| parse_bytes("damaged.pdf", &bytes).is_ok());
        let _ = send.send(outcome);
    });
    match receive.recv_timeout(limit) {
        Ok(Ok(_)) => Ok(()),
        Ok(Err(_)) => Err("panicked".into()),
        Err(_) => Err(format!("no answer within {limit:?}")),
    }
}

/// How a PDF is damaged.
#[derive(Debug, Clone)]
enum Damage {
    /// Bytes at these positions (taken modulo the length) XOR-ed with these values.
    Flip(Vec<(usize, u8)>),
    /// Cut at this share of the length (per mille).
    Cut(u16),
    /// This share of the file copied over another place (per mille each, length in bytes).
    Splice(u16, u16, u16),
}

fn damaged(good: &[u8], damage: &Damage) -> Vec<u8> {
    let mut bytes = good.to_vec();
    let at = |per_mille: u16| usize::from(per_mille) * bytes.len() / 1000;
    match damage {
        Damage::Flip(flips) => {
            let n = bytes.len();
            for &(i, x) in flips {
                bytes[i % n] ^= x.max(1);
            }
        }
        Damage::Cut(p) => bytes.truncate(at(*p)),
        Damage::Splice(from, to, len) => {
            let (from, to) = (at(*from), at(*to));
            let len = usize::from(*len).min(bytes.len() - from.max(to));
            let piece = bytes[from..from + len].to_vec();
            bytes[to..to + len].copy_from_slice(&piece);
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]
    /// Flipped, cut or spliced PDFs: an answer (a resolution or a file error), never a panic,
    /// never a hang.
    #[test]
    fn damaged_pdfs_never_panic_nor_hang(
        damage in prop_oneof![
            proptest::collection::vec((0usize..1_000_000, 0u8..=255), 1..40).prop_map(Damage::Flip),
            (0u16..1000).prop_map(Damage::Cut),
            (0u16..1000, 0u16..1000, 1u16..2000).prop_map(|(a, b, l)| Damage::Splice(a, b, l)),
        ]
    ) {
        static GOOD: std::sync::LazyLock<Vec<u8>> = std::sync::LazyLock::new(good_pdf);
        let bytes = damaged(&GOOD, &damage);
        prop_assert_eq!(parse_within(bytes, std::time::Duration::from_secs(20)), Ok(()));
    }
}

#[test]
fn the_embedded_sample_pdf_is_the_generated_one() {
    // The sample corpus built into resolu holds 44/11 as a PDF written by `un_pdf`.
    // `RESOLU_BLESS_FIXTURES=1 cargo test --test pdf embedded` writes it anew.
    let path = un_text::root().join("tests/fixtures/pdf/A_HRC_RES_44_11.fr.pdf");
    let bytes = good_pdf();
    if std::env::var_os("RESOLU_BLESS_FIXTURES").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &bytes).unwrap();
    }
    let committed = std::fs::read(&path).unwrap_or_default();
    assert!(
        committed == bytes,
        "{} is not the PDF un_pdf writes for 44/11 ({} bytes, {} committed): \
         RESOLU_BLESS_FIXTURES=1 cargo test --test pdf embedded",
        path.display(),
        bytes.len(),
        committed.len()
    );
}

#[test]
fn a_french_and_an_english_pdf_of_one_resolution_both_load() {
    // The English text of 44/11 is not among the samples: an English resolution is given the
    // symbol, body, session and date of 44/11, written as a PDF beside the French one.
    let (_, mut english) = un_text::sample("en/A_RES_80_1.en.txt");
    let (_, french) = un_text::sample("A_HRC_RES_44_11.fr.txt");
    english.body = french.body;
    english.symbol = french.symbol.clone();
    english.number = french.number.clone();
    english.session = french.session;
    english.adopted_on = french.adopted_on;
    english.agenda_item = french.agenda_item.clone();
    let dir = std::env::temp_dir().join(format!("resolu-two-pdfs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("44_11.fr.pdf"), good_pdf()).unwrap();
    std::fs::write(
        dir.join("44_11.en.pdf"),
        un_pdf::write(&english, "GE.20-10240(E)"),
    )
    .unwrap();
    let corpus = load_paths(std::slice::from_ref(&dir));
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    let mut found: Vec<(Option<String>, Option<&str>)> = corpus
        .resolutions
        .iter()
        .map(|r| (r.symbol.clone(), r.language.map(|l| l.code())))
        .collect();
    found.sort();
    let symbol = Some("A/HRC/RES/44/11".to_string());
    assert_eq!(found, [(symbol.clone(), Some("en")), (symbol, Some("fr"))]);
    let _ = std::fs::remove_dir_all(&dir);
}
