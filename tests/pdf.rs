//! PDFs read directly, on the project's own fixtures: every sample document is written as a
//! PDF in the UN's layout (`tests/un_pdf`: italics, raised footnote calls, footnotes below a
//! rule, running heads and feet marked as artifacts, accents through the fonts' encoding) and
//! must parse to the same fields as expected.json, with the original's paragraphs, footnotes
//! and country codes. Then the PDFs a corpus holds that cannot be read: each a file problem
//! naming what is wrong, never a panic.

mod expected_fields;
mod un_pdf;
mod un_text;

use expected_fields::{expectations, field_mismatches};
use resolu::corpus::load::parse_bytes;
use resolu::corpus::model::SourceFormat;
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

#[test]
fn every_sample_written_as_a_pdf_parses_to_its_fields() {
    let mut failures = Vec::new();
    for (path, _) in expectations() {
        let file = path
            .strip_prefix("sample-data")
            .unwrap_or(&path)
            .to_string_lossy()
            .to_string();
        let (expected, original, bytes) = as_pdf(&file);
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
