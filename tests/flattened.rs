//! Resolutions held as "flattened text" (text-mining dumps) parse to the same fields as the
//! original documents.
//!
//! Two layouts, built from each of the ten sample documents:
//! - (a) `lines`: one clause per line. Header fields on a few lines (or on one), `44/18. Title`,
//!   the opener, each paragraph on its own line (sub-paragraphs `(a) …` on their own lines or
//!   inside their paragraph's line), and the meeting, date and vote block flattened onto the last
//!   operative line, with no punctuation between the three vote lists.
//! - (b) `oneline`: the whole text on one line, or wrapped into a few long lines, with single
//!   spaces between header, number and title, opener, paragraphs, meeting, date and vote.
//!
//! The flattened text is built from the current parse of the original sample (its header fields,
//! title, paragraph texts, meeting, date and vote lists with the names as printed): the parser
//! matches expected.json on all ten samples (tests/expected.rs), so the built text is faithful.
//! The parse of the flattened text must then match expected.json in every field, votes included,
//! and give the original's paragraphs (kind, number, text) and country codes.
//!
//! Each built text is also a file in `tests/fixtures/flattened/` (for inspection and for
//! `resolu check tests/fixtures/flattened`); `fixtures_are_the_generated_texts` keeps them in
//! step: `RESOLU_BLESS_FIXTURES=1 cargo test --test flattened fixtures` rewrites them.
//!
//! Last come small hand-written flattened Human Rights Council documents in English with recorded
//! votes: lists joined by `and`, an empty list, a list that says `None`.

// Test and tool code: a failure is meant to stop it, and clippy's pedantic group is for src/.
#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

mod expected_fields;
mod un_text;

use chrono::NaiveDate;
use expected_fields::{expectations, field_mismatches};
use resolu::corpus::load::parse_bytes;
use resolu::corpus::{ParagraphKind, Resolution};
use std::path::{Path, PathBuf};
use un_text::*;

// ---------------------------------------------------------------------------------------------
// How a document is flattened
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// (a) One clause per line.
    Lines {
        /// The header fields on one line instead of one line each.
        header_on_one_line: bool,
        /// Sub-paragraphs `(a) …` on their own lines instead of inside their paragraph's line.
        subparagraphs_on_own_lines: bool,
    },
    /// (b) The whole text on one line, or wrapped at spaces into lines of at most `wrap` bytes.
    OneLine { wrap: Option<usize> },
}

#[derive(Debug, Clone, Copy)]
struct Style {
    layout: Layout,
    lists: Lists,
}

const WRAP: usize = 2000;

fn lines(header_on_one_line: bool, subparagraphs_on_own_lines: bool, lists: Lists) -> Style {
    Style {
        layout: Layout::Lines {
            header_on_one_line,
            subparagraphs_on_own_lines,
        },
        lists,
    }
}

fn oneline(wrap: Option<usize>, lists: Lists) -> Style {
    Style {
        layout: Layout::OneLine { wrap },
        lists,
    }
}

/// Lines joined by single spaces, cut at spaces into lines of at most `width` bytes (never after
/// a word that ends with a hyphen, where a reader could join the halves).
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line_len = 0;
    for word in text.split(' ') {
        let breakable = !out.is_empty() && !out.ends_with('-');
        if line_len > 0 && line_len + 1 + word.len() > width && breakable {
            out.push('\n');
            line_len = 0;
        } else if !out.is_empty() {
            out.push(' ');
            line_len += 1;
        }
        out.push_str(word);
        line_len += word.len();
    }
    out
}

/// The flattened text of the resolution `r`, in `style`. Footnotes are left out.
fn flatten(r: &Resolution, style: Style) -> String {
    let language = r.language.unwrap();
    let q = apostrophe(r);
    let w = words(r);
    let mut header = vec![w.body, w.session];
    header.extend(w.agenda_item);
    header.push(w.adopted);

    let mut clauses: Vec<String> = Vec::new();
    let number = r.number.as_deref().expect("the original has a number");
    let title = r.title.as_deref().expect("the original has a title");
    clauses.push(format!("{number}. {title}"));
    clauses.push(w.opener);
    let subparagraphs_on_own_lines = matches!(
        style.layout,
        Layout::Lines {
            subparagraphs_on_own_lines: true,
            ..
        }
    );
    for p in &r.paragraphs {
        match (p.kind, p.number) {
            (ParagraphKind::Operative, Some(n)) if subparagraphs_on_own_lines => {
                let mut parts = split_subparagraphs(&p.text).into_iter();
                clauses.push(format!("{n}. {}", parts.next().unwrap()));
                clauses.extend(parts.map(str::to_string));
            }
            (_, Some(n)) => clauses.push(format!("{n}. {}", p.text)),
            (_, None) => clauses.push(p.text.clone()),
        }
    }
    let mut end = Vec::new();
    end.extend(r.meeting.clone());
    end.extend(r.adopted_on.map(|d| date_words(d, language)));
    end.extend(
        r.vote
            .as_ref()
            .map(|v| vote_block(v, language, style.lists, q)),
    );
    let last = clauses.last_mut().unwrap();
    for part in end {
        last.push(' ');
        last.push_str(&part);
    }

    match style.layout {
        Layout::Lines {
            header_on_one_line, ..
        } => {
            let mut out = if header_on_one_line {
                vec![header.join(" ")]
            } else {
                header
            };
            out.extend(clauses);
            out.join("\n") + "\n"
        }
        Layout::OneLine { wrap: width } => {
            let all = header
                .into_iter()
                .chain(clauses)
                .collect::<Vec<_>>()
                .join(" ");
            match width {
                Some(width) => wrap(&all, width) + "\n",
                None => all + "\n",
            }
        }
    }
}

/// The fixture file name of sample `file` flattened with `case` (`lines`, `oneline`…):
/// `A_HRC_RES_44_18.fr.lines.txt`.
fn fixture_name(file: &str, case: &str) -> String {
    let name = Path::new(file).file_name().unwrap().to_string_lossy();
    let stem = name.trim_end_matches(".txt").trim_end_matches(".md");
    format!("{stem}.{case}.txt")
}

/// Flatten sample `file` in `style`, parse it, and list every difference from expected.json and
/// from the original's paragraphs and country codes.
fn check_flattened(file: &str, case: &str, style: Style) {
    let (expected, original) = sample(file);
    let text = flatten(&original, style);
    let name = fixture_name(file, case);
    let failures = match parse_bytes(&name, text.as_bytes()) {
        Err(e) => vec![format!("parse_bytes failed: {e}")],
        Ok(r) => {
            let mut failures = field_mismatches(&r, &expected);
            failures.extend(paragraph_mismatches(&r, &original));
            failures.extend(code_mismatches(&r, &original));
            if !failures.is_empty() {
                failures.push(format!("warnings: {:?}", r.warnings));
            }
            failures
        }
    };
    let failures: Vec<String> = failures.iter().map(|f| clip(f)).collect();
    assert!(
        failures.is_empty(),
        "\n{file} flattened as `{case}` (tests/fixtures/flattened/{name}):\n{}",
        failures.join("\n")
    );
}

// ---------------------------------------------------------------------------------------------
// The cases: every sample in layout (a) and (b); the two samples with sub-paragraphs once more
// ---------------------------------------------------------------------------------------------

use Lists::{AndJoined, CommasWithFullStop};

/// (test name, sample, fixture case, style).
type Case = (&'static str, &'static str, &'static str, Style);

fn cases() -> Vec<Case> {
    vec![
        // French, Human Rights Council, recorded votes.
        (
            "hrc_44_18_fr_lines",
            "A_HRC_RES_44_18.fr.txt",
            "lines",
            lines(false, true, AndJoined),
        ),
        (
            "hrc_44_18_fr_oneline",
            "A_HRC_RES_44_18.fr.txt",
            "oneline",
            oneline(None, CommasWithFullStop),
        ),
        (
            "hrc_46_13_fr_lines",
            "A_HRC_RES_46_13.fr.txt",
            "lines",
            lines(true, true, CommasWithFullStop),
        ),
        (
            "hrc_46_13_fr_oneline",
            "A_HRC_RES_46_13.fr.txt",
            "oneline",
            oneline(Some(WRAP), AndJoined),
        ),
        (
            "hrc_44_11_fr_lines",
            "A_HRC_RES_44_11.fr.txt",
            "lines",
            lines(false, true, AndJoined),
        ),
        (
            "hrc_44_11_fr_oneline",
            "A_HRC_RES_44_11.fr.txt",
            "oneline",
            oneline(None, CommasWithFullStop),
        ),
        (
            "hrc_37_23_fr_lines",
            "A_HRC_RES_37_23.fr.md",
            "lines",
            lines(false, true, CommasWithFullStop),
        ),
        (
            "hrc_37_23_fr_oneline",
            "A_HRC_RES_37_23.fr.md",
            "oneline",
            oneline(None, AndJoined),
        ),
        // French, General Assembly, no vote block.
        (
            "ga_71_194_fr_lines",
            "A_RES_71_194.fr.md",
            "lines",
            lines(true, true, AndJoined),
        ),
        (
            "ga_71_194_fr_oneline",
            "A_RES_71_194.fr.md",
            "oneline",
            oneline(Some(WRAP), AndJoined),
        ),
        // English, General Assembly, no vote block.
        (
            "ga_80_1_en_lines",
            "en/A_RES_80_1.en.txt",
            "lines",
            lines(true, true, AndJoined),
        ),
        (
            "ga_80_1_en_lines_subparagraphs_inline",
            "en/A_RES_80_1.en.txt",
            "lines-subparagraphs-inline",
            lines(false, false, AndJoined),
        ),
        (
            "ga_80_1_en_oneline",
            "en/A_RES_80_1.en.txt",
            "oneline",
            oneline(Some(WRAP), AndJoined),
        ),
        (
            "ga_80_2_en_lines",
            "en/A_RES_80_2.en.md",
            "lines",
            lines(false, true, AndJoined),
        ),
        (
            "ga_80_2_en_oneline",
            "en/A_RES_80_2.en.md",
            "oneline",
            oneline(None, AndJoined),
        ),
        (
            "ga_80_10_en_lines",
            "en/A_RES_80_10.en.txt",
            "lines",
            lines(true, true, AndJoined),
        ),
        (
            "ga_80_10_en_oneline",
            "en/A_RES_80_10.en.txt",
            "oneline",
            oneline(Some(WRAP), AndJoined),
        ),
        (
            "ga_80_17_en_lines",
            "en/A_RES_80_17.en.md",
            "lines",
            lines(false, true, AndJoined),
        ),
        (
            "ga_80_17_en_oneline",
            "en/A_RES_80_17.en.md",
            "oneline",
            oneline(None, AndJoined),
        ),
        (
            "ga_80_21_en_lines",
            "en/A_RES_80_21.en.txt",
            "lines",
            lines(true, true, AndJoined),
        ),
        (
            "ga_80_21_en_lines_subparagraphs_inline",
            "en/A_RES_80_21.en.txt",
            "lines-subparagraphs-inline",
            lines(false, false, AndJoined),
        ),
        (
            "ga_80_21_en_oneline",
            "en/A_RES_80_21.en.txt",
            "oneline",
            oneline(Some(WRAP), AndJoined),
        ),
    ]
}

fn run(name: &str) {
    let (_, file, case, style) = cases()
        .into_iter()
        .find(|c| c.0 == name)
        .unwrap_or_else(|| panic!("no case {name}"));
    check_flattened(file, case, style);
}

macro_rules! flattened_cases {
    ($($name:ident)*) => {
        $(
            #[test]
            fn $name() {
                run(stringify!($name));
            }
        )*

        #[test]
        fn every_case_has_a_test() {
            let tests = [$(stringify!($name)),*];
            for (name, ..) in cases() {
                assert!(tests.contains(&name), "case {name} has no #[test]");
            }
        }
    };
}

flattened_cases! {
    hrc_44_18_fr_lines
    hrc_44_18_fr_oneline
    hrc_46_13_fr_lines
    hrc_46_13_fr_oneline
    hrc_44_11_fr_lines
    hrc_44_11_fr_oneline
    hrc_37_23_fr_lines
    hrc_37_23_fr_oneline
    ga_71_194_fr_lines
    ga_71_194_fr_oneline
    ga_80_1_en_lines
    ga_80_1_en_lines_subparagraphs_inline
    ga_80_1_en_oneline
    ga_80_2_en_lines
    ga_80_2_en_oneline
    ga_80_10_en_lines
    ga_80_10_en_oneline
    ga_80_17_en_lines
    ga_80_17_en_oneline
    ga_80_21_en_lines
    ga_80_21_en_lines_subparagraphs_inline
    ga_80_21_en_oneline
}

// ---------------------------------------------------------------------------------------------
// The flattener itself
// ---------------------------------------------------------------------------------------------

#[test]
fn every_sample_is_flattened_in_both_layouts() {
    let all = cases();
    for (path, e) in expectations() {
        let file = e["file"].as_str().unwrap();
        for layout in ["lines", "oneline"] {
            assert!(
                all.iter().any(|c| c.1 == file && c.2 == layout),
                "{} has no `{layout}` case",
                path.display()
            );
        }
    }
}

#[test]
fn the_flattener_splits_real_subparagraphs_only() {
    let (_, r) = sample("en/A_RES_80_1.en.txt");
    let op1 = &r.operative_paragraphs().next().unwrap().text;
    let parts = split_subparagraphs(op1);
    assert_eq!(parts.len(), 4, "{parts:#?}");
    assert!(parts[0].ends_with("that:"), "{:?}", parts[0]);
    assert!(parts[1].starts_with("(a) The State of Palestine"));
    assert!(parts[3].starts_with("(c) The State of Palestine"));
    assert_eq!(parts.join(" "), *op1);
    // `paragraph 1 (a) above` is a reference, not a sub-paragraph.
    let op2 = &r.operative_paragraphs().nth(1).unwrap().text;
    assert_eq!(split_subparagraphs(op2), vec![op2.as_str()]);

    let (_, r) = sample("en/A_RES_80_21.en.txt");
    let op3 = &r.operative_paragraphs().nth(2).unwrap().text;
    let parts = split_subparagraphs(op3);
    assert_eq!(parts.len(), 3, "{parts:#?}");
    assert!(parts[2].starts_with("(b) To "), "{:?}", parts[2]);
}

#[test]
fn the_flattened_texts_have_their_layout() {
    for (name, file, _, style) in cases() {
        let (_, r) = sample(file);
        let text = flatten(&r, style);
        let lines: Vec<&str> = text.lines().collect();
        let number = r.number.as_deref().unwrap();
        match style.layout {
            Layout::Lines {
                header_on_one_line,
                subparagraphs_on_own_lines,
            } => {
                let header = if header_on_one_line { 1 } else { 3 };
                let subparagraphs = if subparagraphs_on_own_lines {
                    text.matches("\n(").count()
                } else {
                    0
                };
                // Header, number and title, opener, one line per paragraph and sub-paragraph.
                assert!(
                    lines.len() >= header + 2 + r.paragraphs.len() + subparagraphs,
                    "{name}: {} lines",
                    lines.len()
                );
                assert!(lines.iter().any(|l| l.starts_with(&format!("{number}. "))));
                let last = lines.last().unwrap();
                assert!(last.contains(r.meeting.as_deref().unwrap()), "{name}");
                assert_eq!(last.ends_with(']'), r.vote.is_some(), "{name}");
            }
            Layout::OneLine { wrap } => {
                let most = wrap.unwrap_or(usize::MAX);
                assert!(lines.iter().all(|l| l.len() <= most), "{name}");
                assert!(!lines.iter().any(|l| l.trim().is_empty()), "{name}");
                if wrap.is_none() {
                    assert_eq!(lines.len(), 1, "{name}");
                }
            }
        }
        assert!(!text.contains("  "), "{name}: double space");
    }
}

// ---------------------------------------------------------------------------------------------
// Fixture files
// ---------------------------------------------------------------------------------------------

fn fixture_dir() -> PathBuf {
    root().join("tests/fixtures/flattened")
}

/// Every fixture file: the flattened samples and the hand-written documents.
fn fixtures() -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = cases()
        .into_iter()
        .map(|(_, file, case, style)| {
            let (_, r) = sample(file);
            (fixture_name(file, case), flatten(&r, style))
        })
        .collect();
    for h in hand_written() {
        all.push((format!("{}.txt", h.name), h.text.to_string()));
    }
    all
}

#[test]
fn fixtures_are_the_generated_texts() {
    let dir = fixture_dir();
    let bless = std::env::var_os("RESOLU_BLESS_FIXTURES").is_some();
    let mut stale = Vec::new();
    let all = fixtures();
    for (name, text) in &all {
        let path = dir.join(name);
        if bless {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, text).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.push(name.clone());
        }
    }
    let known: Vec<&str> = all.iter().map(|(n, _)| n.as_str()).collect();
    let mut extra = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for entry in entries {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            if !known.contains(&name.as_str()) {
                extra.push(name);
            }
        }
    }
    assert!(
        stale.is_empty() && extra.is_empty(),
        "tests/fixtures/flattened is out of step with the generator (stale or missing: {stale:?}; \
         not generated: {extra:?}). Rewrite it with \
         `RESOLU_BLESS_FIXTURES=1 cargo test --test flattened fixtures`."
    );
}

// ---------------------------------------------------------------------------------------------
// Hand-written flattened Human Rights Council documents in English
// ---------------------------------------------------------------------------------------------

struct HandWritten {
    name: &'static str,
    text: &'static str,
    preambular: usize,
    operative: usize,
    /// Counts as printed.
    counts: (u32, u32, u32),
    /// (name as printed, ISO code) per list.
    in_favour: &'static [(&'static str, &'static str)],
    against: &'static [(&'static str, &'static str)],
    abstaining: &'static [(&'static str, &'static str)],
}

const COMMON: &[(&str, &str)] = &[
    ("Algeria", "DZA"),
    ("Brazil", "BRA"),
    ("China", "CHN"),
    (
        "United Kingdom of Great Britain and Northern Ireland",
        "GBR",
    ),
    ("Uzbekistan", "UZB"),
    ("Viet Nam", "VNM"),
];

fn hand_written() -> Vec<HandWritten> {
    vec![
        HandWritten {
            name: "hand.hrc-52-1.en.lines-and-joined",
            text: "Human Rights Council\n\
                Fifty-second session\n\
                Agenda item 4\n\
                Resolution adopted by the Human Rights Council on 3 April 2023\n\
                52/1. Cooperation with the Special Rapporteur on the right to food\n\
                The Human Rights Council,\n\
                Guided by the purposes and principles of the Charter of the United Nations,\n\
                Recalling its resolution 49/13 of 1 April 2022,\n\
                1. Welcomes the report of the Special Rapporteur;\n\
                2. Requests the Special Rapporteur to report to the Council at its fifty-fifth \
                session;\n\
                3. Decides to remain seized of the matter. 55th meeting 3 April 2023 [Adopted by \
                a recorded vote of 6 to 2, with 2 abstentions. The voting was as follows: In \
                favour: Algeria, Brazil, China, United Kingdom of Great Britain and Northern \
                Ireland, Uzbekistan and Viet Nam Against: Malawi and United States of America \
                Abstaining: Cameroon and France]\n",
            preambular: 2,
            operative: 3,
            counts: (6, 2, 2),
            in_favour: COMMON,
            against: &[("Malawi", "MWI"), ("United States of America", "USA")],
            abstaining: &[("Cameroon", "CMR"), ("France", "FRA")],
        },
        HandWritten {
            name: "hand.hrc-52-1.en.oneline-empty-against",
            text: "Human Rights Council Fifty-second session Agenda item 4 Resolution adopted by \
                the Human Rights Council on 3 April 2023 52/1. Cooperation with the Special \
                Rapporteur on the right to food The Human Rights Council, Guided by the purposes \
                and principles of the Charter of the United Nations, Recalling its resolution \
                49/13 of 1 April 2022, 1. Welcomes the report of the Special Rapporteur; 2. \
                Requests the Special Rapporteur to report to the Council at its fifty-fifth \
                session; 3. Decides to remain seized of the matter. 55th meeting 3 April 2023 \
                [Adopted by a recorded vote of 6 to 0, with 1 abstention. The voting was as \
                follows: In favour: Algeria, Brazil, China, United Kingdom of Great Britain and \
                Northern Ireland, Uzbekistan and Viet Nam Against: Abstaining: Cameroon]\n",
            preambular: 2,
            operative: 3,
            counts: (6, 0, 1),
            in_favour: COMMON,
            against: &[],
            abstaining: &[("Cameroon", "CMR")],
        },
        HandWritten {
            name: "hand.hrc-52-1.en.lines-against-none",
            text: "Human Rights Council Fifty-second session Agenda item 4 Resolution adopted by \
                the Human Rights Council on 3 April 2023\n\
                52/1. Cooperation with the Special Rapporteur on the right to food\n\
                The Human Rights Council,\n\
                Guided by the purposes and principles of the Charter of the United Nations,\n\
                Recalling its resolution 49/13 of 1 April 2022,\n\
                1. Welcomes the report of the Special Rapporteur;\n\
                2. Requests the Special Rapporteur to report to the Council at its fifty-fifth \
                session;\n\
                3. Decides to remain seized of the matter. 55th meeting 3 April 2023 [Adopted by \
                a recorded vote of 6 to 0, with 2 abstentions. The voting was as follows: In \
                favour: Algeria, Brazil, China, United Kingdom of Great Britain and Northern \
                Ireland, Uzbekistan and Viet Nam Against: None Abstaining: Cameroon and Malawi]\n",
            preambular: 2,
            operative: 3,
            counts: (6, 0, 2),
            in_favour: COMMON,
            against: &[],
            abstaining: &[("Cameroon", "CMR"), ("Malawi", "MWI")],
        },
        HandWritten {
            name: "hand.hrc-52-1.en.oneline-empty-abstaining",
            text: "Human Rights Council Fifty-second session Agenda item 4 Resolution adopted by \
                the Human Rights Council on 3 April 2023 52/1. Cooperation with the Special \
                Rapporteur on the right to food The Human Rights Council, Guided by the purposes \
                and principles of the Charter of the United Nations, Recalling its resolution \
                49/13 of 1 April 2022, 1. Welcomes the report of the Special Rapporteur; 2. \
                Requests the Special Rapporteur to report to the Council at its fifty-fifth \
                session; 3. Decides to remain seized of the matter. 55th meeting 3 April 2023 \
                [Adopted by a recorded vote of 6 to 1, with 0 abstentions. The voting was as \
                follows: In favour: Algeria, Brazil, China, United Kingdom of Great Britain and \
                Northern Ireland, Uzbekistan and Viet Nam Against: United States of America \
                Abstaining: None]\n",
            preambular: 2,
            operative: 3,
            counts: (6, 1, 0),
            in_favour: COMMON,
            against: &[("United States of America", "USA")],
            abstaining: &[],
        },
    ]
}

fn check_hand_written(name: &str) {
    let h = hand_written()
        .into_iter()
        .find(|h| h.name == name)
        .unwrap_or_else(|| panic!("no hand-written document {name}"));
    let r = match parse_bytes(&format!("{name}.txt"), h.text.as_bytes()) {
        Ok(r) => r,
        Err(e) => panic!("{name}: parse_bytes failed: {e}"),
    };
    let mut failures = Vec::new();
    let mut check = |field: &str, got: String, want: String| {
        if got != want {
            failures.push(format!("{field}: got {got}, expected {want}"));
        }
    };
    check(
        "symbol",
        format!("{:?}", r.symbol),
        "Some(\"A/HRC/RES/52/1\")".into(),
    );
    check("number", format!("{:?}", r.number), "Some(\"52/1\")".into());
    check("body", format!("{:?}", r.body), "Some(Hrc)".into());
    check("language", format!("{:?}", r.language), "Some(En)".into());
    check("session", format!("{:?}", r.session), "Some(52)".into());
    check(
        "agenda_item",
        format!("{:?}", r.agenda_item),
        "Some(\"4\")".into(),
    );
    check(
        "adopted_on",
        format!("{:?}", r.adopted_on),
        format!("{:?}", NaiveDate::from_ymd_opt(2023, 4, 3)),
    );
    check(
        "meeting",
        format!("{:?}", r.meeting),
        "Some(\"55th meeting\")".into(),
    );
    check(
        "title",
        format!("{:?}", r.title),
        "Some(\"Cooperation with the Special Rapporteur on the right to food\")".into(),
    );
    check(
        "preambular_paragraphs",
        r.preambular_paragraphs().count().to_string(),
        h.preambular.to_string(),
    );
    check(
        "operative_paragraphs",
        r.operative_paragraphs().count().to_string(),
        h.operative.to_string(),
    );
    let last = r.operative_paragraphs().last().map(|p| p.text.as_str());
    check(
        "last operative paragraph",
        format!("{last:?}"),
        "Some(\"Decides to remain seized of the matter.\")".into(),
    );
    match &r.vote {
        None => failures.push("vote: none".into()),
        Some(v) => {
            check(
                "vote.adoption",
                format!("{:?}", v.adoption),
                "RecordedVote".into(),
            );
            let (yes, no, abstain) = h.counts;
            check(
                "vote counts",
                format!("{:?}", (v.yes, v.no, v.abstain)),
                format!("{:?}", (Some(yes), Some(no), Some(abstain))),
            );
            for (list, got, want) in [
                ("in_favour", &v.in_favour, h.in_favour),
                ("against", &v.against, h.against),
                ("abstaining", &v.abstaining, h.abstaining),
            ] {
                let got: Vec<(&str, Option<&str>)> = got
                    .iter()
                    .map(|c| (c.name.as_str(), c.code.as_deref()))
                    .collect();
                let want: Vec<(&str, Option<&str>)> =
                    want.iter().map(|(n, c)| (*n, Some(*c))).collect();
                check(
                    &format!("vote.{list}"),
                    format!("{got:?}"),
                    format!("{want:?}"),
                );
            }
        }
    }
    assert!(
        failures.is_empty(),
        "\n{name} (tests/fixtures/flattened/{name}.txt):\n{}\nwarnings: {:?}",
        failures.join("\n"),
        r.warnings
    );
}

#[test]
fn hand_written_lists_joined_by_and() {
    check_hand_written("hand.hrc-52-1.en.lines-and-joined");
}

#[test]
fn hand_written_empty_against_list() {
    check_hand_written("hand.hrc-52-1.en.oneline-empty-against");
}

#[test]
fn hand_written_against_list_says_none() {
    check_hand_written("hand.hrc-52-1.en.lines-against-none");
}

#[test]
fn hand_written_abstaining_list_says_none_at_the_end() {
    check_hand_written("hand.hrc-52-1.en.oneline-empty-abstaining");
}
