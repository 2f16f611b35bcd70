//! Call shapes found and left, over whole documents and on the page of their footnote.

use super::pages::{glued_to_number, sole_candidate};
use super::*;
use crate::corpus::source::Lines;

fn strip_in(text: &str, mark: &str, scope: Scope) -> String {
    match find_call_in(text, mark, 0, Lexicons::builtin(), scope) {
        Some(r) => format!("{}{}", &text[..r.start], &text[r.end..]),
        None => text.to_string(),
    }
}

fn strip(text: &str, mark: &str) -> String {
    strip_in(text, mark, Scope::Document)
}

fn strip_on_page(text: &str, mark: &str) -> String {
    strip_in(text, mark, Scope::Page)
}

#[test]
fn recognises_call_shapes() {
    let table = [
        ("de l’homme1 ;", "1", "de l’homme ;"),
        ("the United Nations1 are", "1", "the United Nations are"),
        (
            "Forms of Discrimination against Women,5",
            "5",
            "Forms of Discrimination against Women,",
        ),
        ("resolution 79/16,2", "2", "resolution 79/16,"),
        ("Nuclear Weapons;3", "3", "Nuclear Weapons;"),
        (
            "of 10 October 19904 or other",
            "4",
            "of 10 October 1990 or other",
        ),
        ("for 2025–20288 and the", "8", "for 2025–2028 and the"),
        (
            "Civil and Political Rights, 1 the",
            "1",
            "Civil and Political Rights, the",
        ),
        (
            "by a number of States 4 that they",
            "4",
            "by a number of States that they",
        ),
        (
            "its updated version in 2014, 3",
            "3",
            "its updated version in 2014,",
        ),
        (
            "solidarité internationale1 ;",
            "1",
            "solidarité internationale ;",
        ),
    ];
    for (text, mark, expected) in table {
        assert_eq!(strip(text, mark), expected, "{text:?}");
    }
}

#[test]
fn on_the_footnotes_page_looser_shapes_are_calls() {
    #[rustfmt::skip]
    let table = [
        ("the Decade 2014–2024 3 and provides", "3", "the Decade 2014–2024 and provides"),
        ("as well as decision VII/11 15 and other", "15", "as well as decision VII/11 and other"),
        ("the Paris Principles. 13 We will", "13", "the Paris Principles. We will"),
        ("against Trafficking in Persons. 12", "12", "against Trafficking in Persons."),
        ("for Sustainable Development.2", "2", "for Sustainable Development."),
        ("the treaties of Tlatelolco, 5 Rarotonga", "5", "the treaties of Tlatelolco, Rarotonga"),
        ("returns for 2021, 1 2022, 2", "1", "returns for 2021, 2022, 2"),
        ("of 24 August 2016 7 and 21 October", "7", "of 24 August 2016 and 21 October"),
        ("the Secretary-General 1 submitted", "1", "the Secretary-General submitted"),
        ("Secretary-General; 14\n2.\nRecognizes", "14", "Secretary-General;\n2.\nRecognizes"),
    ];
    for (text, mark, expected) in table {
        assert_eq!(strip_on_page(text, mark), expected, "{text:?}");
    }
    // Without the page's evidence the looser shapes stay text.
    assert_eq!(
        strip("the Paris Principles. 13 We will", "13"),
        "the Paris Principles. 13 We will"
    );
    assert_eq!(
        strip("the Decade 2014–2024 3 and", "3"),
        "the Decade 2014–2024 3 and"
    );
}

#[test]
fn the_sole_candidate_of_a_page_may_follow_a_word_that_takes_a_number() {
    let lexicons = Lexicons::builtin();
    let sole = |text: &str, mark: &str| {
        sole_candidate(text, mark, lexicons).map_or(text.to_string(), |r| {
            format!("{}{}", &text[..r.start], &text[r.end..])
        })
    };
    #[rustfmt::skip]
    let table = [
        ("at its sixtieth session 6 and the evolving", "6", "at its sixtieth session and the evolving"),
        ("welcomes the ministerial decision 8 that was adopted", "8", "welcomes the ministerial decision that was adopted"),
        ("Development and Agenda 21 8 and the principles", "8", "Development and Agenda 21 and the principles"),
        ("of 9 May 2018, 21 4 February 2021", "21", "of 9 May 2018, 4 February 2021"),
        // Two candidates: neither is taken.
        ("the decision 8 that, and the session 8 of", "8", "the decision 8 that, and the session 8 of"),
        // A reference that goes on is no call.
        ("in paragraphs 18 and 19 of", "18", "in paragraphs 18 and 19 of"),
        ("its resolution 3/2 of", "3", "its resolution 3/2 of"),
        ("article 5.2 of", "5", "article 5.2 of"),
        ("for programmes 5, 7, 8, 9, 12", "8", "for programmes 5, 7, 8, 9, 12"),
    ];
    for (text, mark, expected) in table {
        assert_eq!(sole(text, mark), expected, "{text:?}");
    }
}

#[test]
fn on_a_page_a_call_after_punctuation_beats_a_number_after_a_word() {
    use crate::corpus::source::Line;
    let line = |text: &str| Line {
        text: text.into(),
        page: Some(2),
        ..Line::default()
    };
    let lines = Lines::from(vec![
        line("to close the estimated annual 4 trillion dollar"),
        line("financing gap, 4 and catalyse investment"),
    ]);
    let (looked, lines) = strip_on_pages(lines, &[("4", Some(2))], Lexicons::builtin());
    assert_eq!(looked, [true]);
    let texts: Vec<&str> = lines.iter().map(|l| l.text).collect();
    assert_eq!(
        texts,
        [
            "to close the estimated annual 4 trillion dollar",
            "financing gap, and catalyse investment"
        ]
    );
}

#[test]
fn a_page_of_glued_calls_has_calls_glued_to_numbers() {
    // The lines of page 3 after its calls are taken out.
    let stripped = |texts: &[&str], marks: &[&str]| -> Vec<String> {
        let lines: Lines = texts
            .iter()
            .map(|t| crate::corpus::source::Line {
                text: (*t).into(),
                page: Some(3),
                ..crate::corpus::source::Line::default()
            })
            .collect();
        let notes: Vec<(&str, Option<u32>)> = marks.iter().map(|m| (*m, Some(3))).collect();
        let (_, lines) = strip_on_pages(lines, &notes, Lexicons::builtin());
        lines.iter().map(|l| l.text.to_string()).collect()
    };
    let page = [
        "the Law of the Sea,10",
        "Recalling Environment Assembly resolution",
        "5/1411",
        "requesting the convening of a committee, held from 5 to",
        "14 August 2025, and the Process,12 in 2021",
    ];
    assert_eq!(
        stripped(&page, &["10", "11", "12"]),
        [
            "the Law of the Sea,",
            "Recalling Environment Assembly resolution",
            "5/14",
            "requesting the convening of a committee, held from 5 to",
            "14 August 2025, and the Process, in 2021"
        ]
    );
    // Where calls stand apart from their words, a number keeps its digits.
    let page = ["the Law of the Sea, 10 and", "resolution 5/1411 requesting"];
    assert_eq!(
        stripped(&page, &["10", "11"])[1],
        "resolution 5/1411 requesting"
    );
    // The call is looked for after the last one before looking back: `Agenda 214` below
    // call 3, not the `annual 4 trillion` above it.
    let page = [
        "the Action Agenda,1 to close the annual 4 trillion dollar gap,2 and",
        "entitled “The future we want”,3",
        "Agenda 214",
        "and the Plan of Implementation),5",
    ];
    assert_eq!(
        stripped(&page, &["1", "2", "3", "4", "5"]),
        [
            "the Action Agenda, to close the annual 4 trillion dollar gap, and",
            "entitled “The future we want”,",
            "Agenda 21",
            "and the Plan of Implementation),"
        ]
    );
    let lexicons = Lexicons::builtin();
    let glued = |text: &str, mark: &str| glued_to_number(text, mark, 0..text.len(), lexicons);
    assert_eq!(glued("and Agenda 218 and the", "8"), Some(13..14));
    assert_eq!(glued("at least 56514 humanitarian", "14"), Some(12..14));
    // Years, days, paragraph numbers, and two candidates: no call.
    assert_eq!(glued("in 2021 and", "1"), None);
    assert_eq!(glued("rules (2024), and", "24"), None);
    assert_eq!(glued("Framework 2015–2030 and", "30"), None);
    assert_eq!(glued("on COVID‑1916 and", "16"), Some(13..15));
    assert_eq!(
        glued("model strategy 10.24\nFurthermore", "24"),
        Some(18..20)
    );
    assert_eq!(glued("model strategy 10.24 and", "24"), None);
    assert_eq!(glued("on 21 March", "1"), None);
    assert_eq!(glued("text;\n11. Decides", "1"), None);
    assert_eq!(glued("text;\n11) Decides", "1"), None);
    assert_eq!(glued("resolution 5/1411 and 70/111", "11"), None);
    assert_eq!(
        glued("resolution 61/29 of 2006, resolution 59/3009\nand the", "9"),
        Some(43..44)
    );
}

#[test]
fn on_the_page_numbers_of_the_text_stay() {
    let table = [
        ("held online from 3 to 6 December 2024", "3"),
        ("held in Beirut on 7 and 8 October 2025", "7"),
        ("text;\n3. Decides to", "3"),
        ("law;\n6    Also reaffirms", "6"),
        ("see paragraph 3 of the report", "3"),
        ("adopted on 1 December 2025", "1"),
        ("at least 565 14 humanitarian workers", "14"),
        ("with 32.0 per cent", "32"),
        ("for programmes 5, 7, 8, 9, 12", "8"),
        ("in the amount of 4,858,400 dollars", "4"),
        ("Sales No.7 and", "7"),
        ("Sales No. E.86.IX.7), appendix", "7"),
    ];
    for (text, mark) in table {
        assert_eq!(strip_on_page(text, mark), text, "{text:?} mark {mark}");
    }
}

#[test]
fn leaves_numbers_that_belong_to_the_text() {
    let table = [
        ("see paragraph 3 of the report", "3"),
        ("la pandémie de COVID-19, notamment", "19"),
        ("la pandémie de COVID-19, notamment", "9"),
        ("E/CN.4/2001/2 chap", "4"),
        ("in 2014 the", "4"),
        ("resolution 1 adopted", "1"),
        ("the 2 States", "2"),
        ("en date du 2 avril 2020", "2"),
        ("adopted on 1 December 2025", "1"),
    ];
    for (text, mark) in table {
        assert_eq!(strip(text, mark), text, "{text:?} mark {mark}");
    }
}
