//! Bad input never panics and never loses data: each kind of damage has a test, and a proptest
//! feeds arbitrary bytes and mutated sample documents to the parser.

use proptest::prelude::*;
use resolu::corpus::load::{FileError, parse_bytes};
use resolu::corpus::{Adoption, Resolution};

const S44_18: &str = include_str!("../sample-data/A_HRC_RES_44_18.fr.txt");
const S44_11: &str = include_str!("../sample-data/A_HRC_RES_44_11.fr.txt");
const SAMPLES: &[&str] = &[
    S44_18,
    S44_11,
    include_str!("../sample-data/A_HRC_RES_46_13.fr.txt"),
    include_str!("../sample-data/A_HRC_RES_37_23.fr.md"),
    include_str!("../sample-data/A_RES_71_194.fr.md"),
    include_str!("../sample-data/en/A_RES_80_1.en.txt"),
    include_str!("../sample-data/en/A_RES_80_2.en.md"),
    include_str!("../sample-data/en/A_RES_80_10.en.txt"),
    include_str!("../sample-data/en/A_RES_80_17.en.md"),
    include_str!("../sample-data/en/A_RES_80_21.en.txt"),
];

fn parse(text: &str) -> Resolution {
    parse_bytes("test.txt", text.as_bytes()).unwrap()
}

/// Every text field a resolution carries.
fn text_fields(r: &Resolution) -> Vec<&str> {
    let mut fields: Vec<&str> = [&r.symbol, &r.number, &r.title, &r.agenda_item, &r.meeting]
        .into_iter()
        .filter_map(|f| f.as_deref())
        .collect();
    fields.extend(r.paragraphs.iter().map(|p| p.text.as_str()));
    fields.extend(
        r.footnotes
            .iter()
            .flat_map(|f| [f.mark.as_str(), f.text.as_str()]),
    );
    fields.extend(r.warnings.iter().map(String::as_str));
    if let Some(v) = &r.vote {
        fields.extend(v.ballots().map(|(c, _)| c.name.as_str()));
    }
    fields
}

fn assert_terminal_safe(r: &Resolution) {
    for field in text_fields(r) {
        assert!(
            !field.chars().any(|c| c.is_control()),
            "control character in {field:?}"
        );
    }
}

#[test]
fn empty_file() {
    assert_eq!(parse_bytes("e.txt", b"").unwrap_err(), FileError::Empty);
    assert_eq!(
        parse_bytes("e.txt", b"\n \n\t\n").unwrap_err(),
        FileError::Empty
    );
}

#[test]
fn binary_file() {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend(std::iter::repeat_n(0u8, 100));
    assert!(matches!(
        parse_bytes("x.txt", &png),
        Err(FileError::Binary(_))
    ));
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let mut bytes = S44_11.as_bytes().to_vec();
    let at = S44_11.find("Réaffirmant toutes").unwrap();
    bytes.splice(at..at, [0xff, 0xfe, b' ']);
    let r = parse_bytes("bad.txt", &bytes).unwrap();
    assert!(r.warnings[0].contains("invalid UTF-8"), "{:?}", r.warnings);
    assert_eq!(r.symbol.as_deref(), Some("A/HRC/RES/44/11"));
    assert_eq!(r.operative_paragraphs().count(), 17);
    assert!(r.paragraphs[0].text.contains('\u{fffd}'));
}

#[test]
fn file_cut_in_the_middle_of_the_vote_block() {
    let cut = S44_18.find("Arménie, Australie").unwrap();
    let r = parse(&S44_18[..cut + "Arménie".len()]);
    let vote = r.vote.as_ref().unwrap();
    assert_eq!(vote.adoption, Adoption::RecordedVote);
    assert_eq!(
        (vote.yes, vote.no, vote.abstain),
        (Some(30), Some(15), Some(2))
    );
    assert_eq!(vote.in_favour.len(), 30);
    assert_eq!(vote.against.len(), 2);
    assert!(
        r.warnings.iter().any(|w| w.contains("cut short")),
        "{:?}",
        r.warnings
    );
    assert!(
        r.warnings.iter().any(|w| w.contains("disagree")),
        "{:?}",
        r.warnings
    );
    assert_eq!(r.operative_paragraphs().count(), 35);
}

#[test]
fn file_cut_in_the_middle_of_a_paragraph_keeps_what_was_read() {
    let cut = S44_18.find("rester sensibles").unwrap();
    let r = parse(&S44_18[..cut]);
    assert_eq!(r.operative_paragraphs().count(), 32);
    assert!(r.vote.is_none());
    assert!(r.warnings.iter().any(|w| w.contains("no meeting")));
}

#[test]
fn counts_that_disagree_with_the_lists_are_kept_and_flagged() {
    let r = parse(&S44_18.replace("Adoptée par 30 voix", "Adoptée par 31 voix"));
    let vote = r.vote.as_ref().unwrap();
    assert_eq!(vote.yes, Some(31), "the stated count is kept");
    assert_eq!(vote.in_favour.len(), 30, "the list is not 'fixed'");
    assert!(
        r.warnings
            .iter()
            .any(|w| w.contains("31–15–2") && w.contains("30–15–2")),
        "{:?}",
        r.warnings
    );
}

#[test]
fn an_unknown_country_keeps_a_null_code_and_warns() {
    let r = parse(&S44_18.replace("Afghanistan, Angola", "Afghanistan, Atlantide"));
    let vote = r.vote.as_ref().unwrap();
    let unknown = &vote.in_favour[1];
    assert_eq!(
        (unknown.name.as_str(), unknown.code.as_deref()),
        ("Atlantide", None)
    );
    assert!(
        r.warnings.iter().any(|w| w.contains("Atlantide")),
        "{:?}",
        r.warnings
    );
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(
        json["vote"]["in_favour"][1]["code"],
        serde_json::Value::Null
    );
}

#[test]
fn a_document_with_no_symbol_is_kept_with_what_was_found() {
    let start = S44_11.find(" Réaffirmant toutes").unwrap();
    let r = parse(&S44_11[start..]);
    assert_eq!(r.symbol, None);
    assert_eq!(r.number, None);
    assert_eq!(r.operative_paragraphs().count(), 17);
    assert_eq!(r.vote.as_ref().map(|v| v.yes), Some(Some(31)));
    assert!(
        r.warnings.iter().any(|w| w.contains("no symbol")),
        "{:?}",
        r.warnings
    );
}

#[test]
fn a_50_megabyte_file_parses_without_panic() {
    let copies = 50 * 1024 * 1024 / S44_18.len() + 1;
    let big = S44_18.repeat(copies);
    assert!(big.len() >= 50 * 1024 * 1024);
    let r = parse_bytes("big.txt", big.as_bytes()).unwrap();
    assert_eq!(r.symbol.as_deref(), Some("A/HRC/RES/44/18"));
    assert!(r.operative_paragraphs().count() >= 35);
}

#[test]
fn control_characters_and_escape_sequences_are_stripped_from_every_field() {
    let dirty = S44_18
        .replace(
            "44/18. Renforcement",
            "44/18. Ren\u{1b}[31mforcement\u{1b}[0m",
        )
        .replace(
            "Réaffirmant sa volonté",
            "Réaffirmant\u{7} sa \u{1b}]0;pwned\u{7}volonté\u{8}",
        )
        .replace("Angola", "An\u{1b}[2Jgola")
        .replace(" 1 A/HRC/43/68.", " 1 A/HRC/\u{9b}31m43/68.")
        .replace("28e séance", "28e s\u{0}éance");
    let r = parse(&dirty);
    assert_terminal_safe(&r);
    assert!(
        r.title
            .as_deref()
            .unwrap()
            .starts_with("Renforcement de la")
    );
    assert!(
        r.paragraphs[0]
            .text
            .starts_with("Réaffirmant sa volonté de promouvoir")
    );
    assert!(!r.paragraphs[0].text.contains("pwned"));
    assert_eq!(
        r.vote.as_ref().unwrap().in_favour[1].code.as_deref(),
        Some("AGO")
    );
    assert_eq!(r.footnotes[0].text, "A/HRC/43/68.");
    assert_eq!(r.meeting.as_deref(), Some("28e séance"));
}

#[derive(Debug, Clone)]
enum Mutation {
    Truncate(usize),
    Delete(usize, usize),
    Insert(usize, Vec<u8>),
    Duplicate(usize, usize),
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let len = bytes.len().max(1);
    match mutation {
        Mutation::Truncate(at) => bytes.truncate(at % len),
        Mutation::Delete(at, n) => {
            let start = at % len;
            let end = (start + n).min(bytes.len());
            if start < end {
                bytes.drain(start..end);
            }
        }
        Mutation::Insert(at, data) => {
            let at = (at % len).min(bytes.len());
            bytes.splice(at..at, data.iter().copied());
        }
        Mutation::Duplicate(at, n) => {
            let start = (at % len).min(bytes.len());
            let end = (start + n).min(bytes.len());
            let copy = bytes[start..end].to_vec();
            bytes.splice(start..start, copy);
        }
    }
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), 0usize..400).prop_map(|(a, n)| Mutation::Delete(a, n)),
        (
            any::<usize>(),
            proptest::collection::vec(any::<u8>(), 0..40)
        )
            .prop_map(|(a, d)| Mutation::Insert(a, d)),
        (any::<usize>(), 0usize..2000).prop_map(|(a, n)| Mutation::Duplicate(a, n)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        if let Ok(r) = parse_bytes("fuzz.txt", &bytes) {
            assert_terminal_safe(&r);
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,2000}") {
        if let Ok(r) = parse_bytes("fuzz.md", text.as_bytes()) {
            assert_terminal_safe(&r);
        }
    }

    #[test]
    fn mutated_samples_never_panic(
        which in 0..SAMPLES.len(),
        mutations in proptest::collection::vec(mutation(), 1..6),
    ) {
        let mut bytes = SAMPLES[which].as_bytes().to_vec();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        if let Ok(r) = parse_bytes("mutated.txt", &bytes) {
            assert_terminal_safe(&r);
        }
    }
}
