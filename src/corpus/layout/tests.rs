use super::*;
use crate::corpus::source::{Layout, read};

fn cleaned(text: &str) -> Cleaned {
    let r = read(text, None);
    assert_ne!(r.layout, Some(Layout::Markdown));
    clean(
        r.lines,
        r.explicit_calls,
        r.heads_marked,
        Lexicons::builtin(),
        true,
    )
}

fn texts(c: &Cleaned) -> Vec<&str> {
    c.lines.iter().map(|l| l.text).collect()
}

fn notes(c: &Cleaned) -> Vec<(&str, &str)> {
    c.footnotes
        .iter()
        .map(|f| (f.mark.as_str(), f.text.as_str()))
        .collect()
}

#[test]
fn furniture_is_dropped_and_symbols_kept() {
    let c = cleaned(
        "Texte 1\nA/HRC/RES/44/18 \nGE.20-09930 7\n2/3\n25-16680 (E)\n*2516680*\n241018\n---\n\
         GE.20-10239(F) 2\nTexte 2",
    );
    assert_eq!(texts(&c), ["Texte 1", "Texte 2"]);
    assert_eq!(c.furniture_symbols, ["A/HRC/RES/44/18"]);
    assert!(c.lines.to_vec()[1].blank_before);
    let kinds: Vec<Furniture> = c.removed.iter().map(|(_, k)| *k).collect();
    assert_eq!(
        kinds,
        [
            Furniture::Symbol,
            Furniture::JobNumber,
            Furniture::PageNumber,
            Furniture::JobNumber,
            Furniture::Barcode,
            Furniture::JobNumber,
            Furniture::Rule,
            Furniture::JobNumber
        ]
    );
}

#[test]
fn footnotes_are_lifted_out_of_running_text() {
    let c = cleaned(
        "des droits de l’homme1 ; \n\n 1 A/HRC/43/68. \n 2 A/HRC/44/28. \nA/HRC/RES/44/18\n\
         rester sensibles au fait\n20 décembre 1993, intitulée",
    );
    let marks: Vec<_> = c
        .footnotes
        .iter()
        .map(|f| (f.mark.as_str(), f.text.as_str()))
        .collect();
    assert_eq!(marks, [("1", "A/HRC/43/68."), ("2", "A/HRC/44/28.")]);
    assert_eq!(
        texts(&c),
        [
            "des droits de l’homme1 ;",
            "rester sensibles au fait",
            "20 décembre 1993, intitulée"
        ]
    );
}

#[test]
fn a_number_at_line_start_without_a_call_is_text() {
    let c = cleaned("adoptée le\n1 décembre 2016, à\n");
    assert!(c.footnotes.is_empty());
    assert_eq!(c.lines.len(), 2);
    let c =
        cleaned("des droits de l’homme1, et la résolution du\n1 avril 2020, sur la solidarité\n");
    assert!(c.footnotes.is_empty());
    assert_eq!(c.lines.len(), 2);
}

#[test]
fn a_footnote_block_with_marks_on_their_own_lines_runs_to_the_page_end() {
    // `pdftotext`'s default layout: marks alone, one mark after its text, the page's foot.
    // The calls are taken out on the page that prints their footnotes.
    let page = "Agenda 2030,1 and the Almaty Programme 2 and more\nof the text\n\n_______________\n1\n\n\
                Resolution 79/233, annex.\nReport of the Conference (United\nNations publication).\n2\n\n2/5\n\n25-16680\n\
                \u{c}Awaza Political Declaration\n\nA/RES/80/3\n\ncontinued text\n\u{c}Awaza Political Declaration\n\nA/RES/80/3\n\nlast text";
    let c = cleaned(page);
    assert_eq!(
        texts(&c),
        [
            "Agenda 2030, and the Almaty Programme and more",
            "of the text",
            "continued text",
            "last text"
        ]
    );
    assert_eq!(
        notes(&c),
        [
            ("1", "Resolution 79/233, annex."),
            (
                "2",
                "Report of the Conference (United Nations publication)."
            )
        ]
    );
    assert!(c.removed.iter().any(|(_, k)| *k == Furniture::RunningHead));
}

#[test]
fn symbols_of_every_series_are_recognised_at_line_start() {
    for (text, len) in [
        ("A/RES/80/3", 10),
        ("A/HRC/RES/S-30/1 Title", 16),
        ("A/RES/2453 (XXIII)", 18),
        ("S/RES/2334 (2016)", 17),
        ("E/CN.4/RES/2005/1", 17),
    ] {
        assert_eq!(symbol_prefix(text), Some(len), "{text}");
    }
    assert_eq!(symbol_prefix("A/RES/"), None);
    assert_eq!(symbol_prefix("Annex"), None);
}

#[test]
fn marks_printed_after_their_texts_are_given_back_in_order() {
    // `pdftotext` prints mark 2 after the block; a text that starts with a year after a
    // footnote ending in a symbol is the next footnote, not a continuation.
    let page = "the Treaty,1 the Final Document 2 and the Treaty, 3 inter alia\n\
                _______________\n1\n\nA/CONF.229/2017/8.\n2010 Review Conference, Final Document.\n3\n\
                United Nations, Treaty Series, vol.\n402, No. 5778.\n2\n\n2/4\n\u{c}next page";
    let c = cleaned(page);
    assert_eq!(
        notes(&c),
        [
            ("1", "A/CONF.229/2017/8."),
            ("2", "2010 Review Conference, Final Document."),
            ("3", "United Nations, Treaty Series, vol. 402, No. 5778.")
        ]
    );
    assert_eq!(
        texts(&c),
        [
            "the Treaty, the Final Document and the Treaty, inter alia",
            "next page"
        ]
    );
}

#[test]
fn a_web_address_after_a_full_stop_opens_the_next_footnote() {
    // Two addresses on consecutive lines are two footnotes; mark 12 printed last.
    let page = "the websites for the Repertory 11 and for the Repertoire;12\n\
                17. Notes the report of 1952; 13\n\
                _______________\n11\n\nhttp://legal.un.org/repertory.\n\
                www.un.org/securitycouncil/content/repertoire/structure.\n13\nA/2170.\n12\n\n\
                25-20864\n\n5/5\n\u{c}";
    let c = cleaned(page);
    assert_eq!(
        notes(&c),
        [
            ("11", "http://legal.un.org/repertory."),
            (
                "12",
                "www.un.org/securitycouncil/content/repertoire/structure."
            ),
            ("13", "A/2170.")
        ]
    );
    assert_eq!(
        texts(&c),
        [
            "the websites for the Repertory and for the Repertoire;",
            "17. Notes the report of 1952;"
        ]
    );
}

#[test]
fn a_rule_glued_to_running_text_and_a_footnote_repeated_on_pages() {
    let doc = "text of the Non-Self_______________\n1\nAdopted under the UNFCCC.\n\u{c}\
               Governing Territories, 2 and more\n_______________\n2\nAdopted under the UNFCCC.\n\u{c}\
               end of it, 3 and\n_______________\n3\nAdopted under the UNFCCC.\n";
    let c = cleaned(doc);
    assert_eq!(c.footnotes.len(), 3, "{:?}", c.footnotes);
    assert!(
        c.footnotes
            .iter()
            .all(|f| f.text == "Adopted under the UNFCCC.")
    );
    assert_eq!(
        texts(&c),
        [
            "text of the Non-Self",
            "Governing Territories, and more",
            "end of it, and"
        ]
    );
}

#[test]
fn marks_alone_in_a_block_are_marks_not_page_numbers() {
    // A/RES/80/110 page 40 as `pdftotext` prints it: mark 139 comes last.
    let page = "of Mercury; 8\nfertilization; 12\nconference, 9 held\nthe Convention, 10 and 11 its\n\
                _______________\n8\n\nUnited Nations, Treaty Series, vol. 3201, No. 54669.\n\
                International Maritime Organization, document LC 30/16.\n10\n\
                International Maritime Organization, document LC 32/15 and Corr.1, annex 5, resolution\n\
                LC-LP.2 (2010).\n11\nIbid.\n12\nInternational Maritime Organization, document LC 35/15.\n\
                9\n\n40/56\n\u{c}next page";
    let c = cleaned(page);
    let marks: Vec<&str> = notes(&c).iter().map(|(m, _)| *m).collect();
    assert_eq!(marks, ["8", "9", "10", "11", "12"], "{:?}", notes(&c));
    assert_eq!(
        notes(&c)[1].1,
        "International Maritime Organization, document LC 30/16."
    );
    assert_eq!(notes(&c)[3].1, "Ibid.");
    assert_eq!(
        texts(&c),
        [
            "of Mercury;",
            "fertilization;",
            "conference, held",
            "the Convention, and its",
            "next page"
        ]
    );
}

#[test]
fn a_raw_running_head_of_several_lines_ending_with_the_symbol() {
    // `pdftotext -raw`, A/RES/80/225 page 3: four lines of title, the last with the symbol.
    let doc = "A/RES/80/225\nbody of page one,\n\u{c}Follow-up to the Fourteenth United Nations Congress on\n\
               Crime Prevention and Criminal Justice and preparations for the\n\
               Fifteenth United Nations Congress on Crime Prevention and\n\
               Criminal Justice A/RES/80/225\n3/4\n25-20991\nprevention and criminal justice programme";
    let c = cleaned(doc);
    assert_eq!(
        texts(&c),
        [
            "body of page one,",
            "prevention and criminal justice programme"
        ]
    );
}
