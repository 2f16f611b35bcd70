use super::backend::{PageSpans, Span};
use super::*;

/// A span of body text (10 pt) at (x, y).
fn span(text: &str, x: f32, y: f32, size: f32) -> Span {
    Span {
        text: text.to_string(),
        x,
        y,
        end_x: x + 0.5 * size * f32::from(u16::try_from(text.chars().count()).unwrap()),
        size,
        italic: false,
        bold: false,
        artifact: false,
        blank: text.trim().is_empty(),
    }
}

fn italic(mut s: Span) -> Span {
    s.italic = true;
    s
}

fn artifact(mut s: Span) -> Span {
    s.artifact = true;
    s
}

fn page(spans: Vec<Span>) -> PageSpans {
    PageSpans {
        width: 612.0,
        height: 792.0,
        spans,
        rules: Vec::new(),
    }
}

fn texts(t: &PdfText) -> Vec<(&str, Option<&str>)> {
    t.read.lines.iter().map(|l| (l.text, l.note())).collect()
}

#[test]
fn calls_marks_furniture_and_blank_lines_come_from_the_geometry() {
    let first = page(vec![
        artifact(span("A/RES/80/166", 480.0, 735.0, 10.0)),
        italic(span("Recalling", 123.0, 600.0, 10.0)),
        span(" its websites for the Repertory", 170.0, 600.0, 10.0),
        // A call: smaller, raised above the baseline.
        span("11", 330.0, 603.5, 6.5),
        span(" and for the", 338.0, 600.0, 10.0),
        span("Repertoire;", 123.0, 588.0, 10.0),
        span("12", 180.0, 591.5, 6.5),
        // A paragraph gap: one and a half lines.
        span("1.", 123.0, 570.0, 10.0),
        italic(span("Decides", 170.0, 570.0, 10.0)),
        span(" to act in 2025.", 210.0, 570.0, 10.0),
        artifact(span("_______________", 99.0, 95.0, 9.0)),
        span("11", 94.0, 83.6, 5.5),
        span("http://legal.un.org/repertory.", 119.0, 80.6, 8.5),
        span("12", 94.0, 73.1, 5.5),
        span("See A/2170, annex, which", 119.0, 70.1, 8.5),
        artifact(span("25-20864", 60.0, 38.0, 7.0)),
    ]);
    // The footnote runs on below the next page's rule.
    let second = page(vec![
        span("2.", 123.0, 650.0, 10.0),
        italic(span("Requests", 170.0, 650.0, 10.0)),
        span(" a report;", 212.0, 650.0, 10.0),
        span("2.", 123.0, 638.0, 10.0),
        artifact(span("_______________", 99.0, 95.0, 9.0)),
        span("continues here.", 119.0, 80.6, 8.5),
    ]);
    let read = assemble(&[first, second]);
    assert_eq!(
        texts(&read),
        [
            ("Recalling its websites for the Repertory and for the", None),
            ("Repertoire;", None),
            ("1. Decides to act in 2025.", None),
            ("http://legal.un.org/repertory.", Some("11")),
            ("See A/2170, annex, which continues here.", Some("12")),
            ("2. Requests a report;", None),
            ("2.", None),
        ]
    );
    let calls: std::collections::HashSet<&str> = read
        .read
        .explicit_calls
        .iter()
        .map(String::as_str)
        .collect();
    assert_eq!(calls, ["11", "12"].into());
    assert_eq!(read.furniture_spans, 2);
    let lines = read.read.lines.to_vec();
    assert!(!lines[1].blank_before && lines[2].blank_before);
    assert_eq!(lines[0].italic, Some(true));
    assert_eq!(lines[2].italic, Some(false));
    assert_eq!(lines[5].page, Some(2));
    // The text holds every line, each line's bytes pointing at it.
    for line in lines.iter().filter(|l| l.note().is_none()) {
        assert_eq!(&read.text[line.bytes.clone()], line.text);
    }
}

#[test]
fn ordinal_superscripts_stay_and_letters_name_annex_footnotes() {
    let p = page(vec![
        span("le 1", 100.0, 600.0, 10.0),
        span("er", 117.0, 603.5, 6.5),
        span(" janvier et la note", 125.0, 600.0, 10.0),
        span("a", 210.0, 603.5, 6.5),
        span(" suivante, pour 2026", 215.0, 600.0, 10.0),
        span("a", 300.0, 603.5, 6.5),
        span(" et la 2", 305.0, 600.0, 10.0),
        span("e", 335.0, 603.5, 6.5),
        span(" séance", 340.0, 600.0, 10.0),
    ]);
    let read = assemble(&[p]);
    assert_eq!(
        read.read.lines.to_vec()[0].text,
        "le 1er janvier et la note suivante, pour 2026 et la 2e séance"
    );
    assert!(read.read.explicit_calls.contains("a"));
    // Two calls `a`, each with the word it followed; `er` and `e` stay in the text.
    let afters: Vec<&str> = read
        .read
        .set_aside
        .iter()
        .filter_map(|s| match s {
            SetAside::Call { after, .. } => Some(after.as_str()),
            SetAside::Furniture { .. } => None,
        })
        .collect();
    assert_eq!(afters, ["note", "2026"]);
}

#[test]
fn a_page_without_text_is_no_text_layer() {
    assert!(is_pdf(b"%PDF-1.7\n"));
    assert!(!is_pdf(b"The General Assembly,"));
    let read = assemble(&[page(vec![span(" ", 100.0, 600.0, 10.0)])]);
    assert!(read.read.lines.is_empty());
}
