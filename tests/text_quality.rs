//! No paragraph text of any sample document carries page furniture, a `GE.` job number, a
//! footnote call glued to a word, markup, a hard line break or a control character; and each
//! trap listed in the expected files is handled.

// Test and tool code: a failure is meant to stop it, and clippy's pedantic group is for src/.
#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use regex::Regex;
use resolu::corpus::Resolution;
use resolu::corpus::load::load_paths;
use std::path::PathBuf;

fn samples() -> Vec<Resolution> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let corpus = load_paths(&[root]);
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    assert_eq!(corpus.resolutions.len(), 10);
    corpus.resolutions
}

fn by_number<'a>(all: &'a [Resolution], number: &str) -> &'a Resolution {
    all.iter()
        .find(|r| r.number.as_deref() == Some(number))
        .unwrap()
}

fn all_text(r: &Resolution) -> String {
    r.paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn no_furniture_markup_breaks_or_controls_in_any_paragraph() {
    let glued_call = Regex::new(r"\p{Ll}\d{1,2}\b|[,;]\d{1,2}(?:\s|$)").unwrap();
    let furniture = Regex::new(r"GE\.\d\d-\d+|\*\d{5,}\*|\b\d{2}-\d{5}\b").unwrap();
    for r in samples() {
        let own_symbol = r.symbol.clone().unwrap();
        for (i, p) in r.paragraphs.iter().enumerate() {
            let at = format!(
                "{} {}",
                own_symbol,
                r.citation(resolu::corpus::ParagraphIndex(i)).unwrap()
            );
            let t = &p.text;
            assert!(!t.is_empty(), "{at}: empty");
            assert!(!t.contains(&own_symbol), "{at}: page header in {t:?}");
            assert!(!furniture.is_match(t), "{at}: furniture in {t:?}");
            assert!(!glued_call.is_match(t), "{at}: footnote call in {t:?}");
            for bad in ["*", "<sup", "</", "^", "[^", "_____", "  "] {
                assert!(!t.contains(bad), "{at}: {bad:?} in {t:?}");
            }
            assert!(
                !t.chars().any(char::is_control),
                "{at}: control character in {t:?}"
            );
            assert_eq!(t.trim(), t, "{at}: untrimmed");
        }
        for f in &r.footnotes {
            assert!(!f.text.chars().any(char::is_control));
        }
        let title = r.title.as_deref().unwrap();
        assert!(!title.contains('*') && !title.contains('\n'), "{title:?}");
    }
}

#[test]
fn english_traps_are_handled() {
    let all = samples();
    let r80_1 = by_number(&all, "80/1");
    assert!(
        r80_1.paragraphs[2]
            .text
            .ends_with("including the position of the United Nations Legal Counsel,")
    );
    let op1 = &r80_1.operative_paragraphs().next().unwrap().text;
    assert!(
        op1.contains("during the general debate of the Assembly at its eightieth session"),
        "{op1}"
    );
    assert!(op1.contains("that: (a) The State of Palestine"), "{op1}");
    assert!(!all_text(r80_1).contains("See resolution 169"));
    assert!(all_text(r80_1).contains("Headquarters of the United Nations are prevented"));
    assert_eq!(all_text(r80_1).matches("pre\u{2011}recorded").count(), 5);
    assert_eq!(r80_1.footnotes[0].text, "See resolution 169 (II).");

    let r80_2 = by_number(&all, "80/2");
    assert!(!all_text(r80_2).contains("Scale of assessments for the apportionment"));
    assert!(r80_2.vote.is_none());
    assert_eq!(r80_2.footnotes.len(), 1);

    let r80_10 = by_number(&all, "80/10");
    let text = all_text(r80_10);
    for good in [
        "Child and the Convention",
        "against Women,\n",
        "Rights, the International Covenant",
        "Human Rights, the United Nations",
        "Development,\n",
    ] {
        assert!(text.contains(good), "{good:?} missing");
    }
    assert_eq!(r80_10.footnotes.len(), 13);
    assert!(
        r80_10.footnotes[7]
            .text
            .ends_with("resolution 1, annexes I and II.")
    );

    let r80_17 = by_number(&all, "80/17");
    let pp2 = &r80_17.paragraphs[1].text;
    assert!(
        pp2.contains("and in particular paragraph 63 (d), of the Final Document"),
        "{pp2}"
    );
    let text = all_text(r80_17);
    assert!(
        !text.contains("- ") || text.contains("pre- and"),
        "broken hyphen left"
    );
    assert!(text.contains("thirty-fifth session") && text.contains("sixty-ninth"));
    assert!(text.contains("General Assembly,\n") && text.contains("resolution 79/16,\n"));
    assert!(text.contains("10 October 1990 or other"));

    let r80_21 = by_number(&all, "80/21");
    assert!(
        r80_21.vote.is_none(),
        "footnote 4's country list is not a vote"
    );
    assert!(
        r80_21.paragraphs[4]
            .text
            .contains("exploration and use of outer space for peaceful purposes")
    );
    let op3 = &r80_21.operative_paragraphs().nth(2).unwrap().text;
    assert!(
        op3.contains("to this end: (a) To take urgent measures") && op3.contains("(b) To seek"),
        "{op3}"
    );
    assert!(all_text(r80_21).contains("2025–2028 and the beginning"));
    assert!(
        r80_21.footnotes[3].text.starts_with("Argentina, Armenia")
            && r80_21.footnotes[3].text.ends_with("Zimbabwe.")
    );
}

#[test]
fn french_traps_are_handled() {
    let all = samples();
    let r44_18 = by_number(&all, "44/18");
    let op32 = &r44_18.operative_paragraphs().nth(31).unwrap().text;
    assert!(
        op32.contains("chargés des droits de l’homme à rester sensibles"),
        "{op32}"
    );
    assert!(op32.ends_with("de tous les droits de l’homme ;"), "{op32}");
    assert_eq!(r44_18.footnotes.len(), 2);
    let r44_11 = by_number(&all, "44/11");
    assert_eq!(r44_11.footnotes[0].text, "A/HRC/44/44 et Add.1.");
    assert!(
        r44_11
            .operative_paragraphs()
            .nth(8)
            .unwrap()
            .text
            .ends_with("solidarité internationale ;")
    );
    let r46_13 = by_number(&all, "46/13");
    let vote = r46_13.vote.as_ref().unwrap();
    assert_eq!(
        vote.in_favour.last().unwrap().name,
        "Venezuela (République bolivarienne du)"
    );
    assert_eq!(vote.against[12].code.as_deref(), Some("GBR"));
    assert_eq!(vote.abstaining.last().unwrap().name, "Ouzbékistan");
    let r37_23 = by_number(&all, "37/23");
    assert_eq!(r37_23.meeting.as_deref(), Some("54e séance"));
    let r71_194 = by_number(&all, "71/194");
    assert!(
        r71_194.paragraphs[0]
            .text
            .starts_with("Réaffirmant sa volonté de promouvoir")
    );
    let op14 = &r71_194.operative_paragraphs().nth(13).unwrap().text;
    assert!(
        op14.contains("notamment le Conseil des droits de l'homme"),
        "{op14}"
    );
    assert_eq!(r71_194.footnotes.len(), 5);
    assert!(!all_text(r71_194).contains("Voir E/CN.4"));
}
