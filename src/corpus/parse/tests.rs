use super::assemble::complete_title;
use super::*;
use crate::corpus::ParagraphIndex;
use crate::corpus::markup::FrontMatter;
use crate::corpus::model::Adoption;
use crate::corpus::model::Body;

#[test]
fn a_minimal_document() {
    let text = "Le Conseil des droits de l’homme,\nRappelant sa résolution,\nSoulignant que tout,\n\
                1. Décide de\ncontinuer ;\n2. Décide aussi.\n3e séance\n2 mai 2020\n[Adoptée sans vote.]";
    let r = parse_document(text, "x.txt");
    assert_eq!(r.preambular_paragraphs().count(), 2);
    let ops: Vec<_> = r.operative_paragraphs().map(|p| p.text.as_str()).collect();
    assert_eq!(ops, ["Décide de continuer ;", "Décide aussi."]);
    assert_eq!(r.meeting.as_deref(), Some("3e séance"));
    assert_eq!(r.adopted_on, chrono::NaiveDate::from_ymd_opt(2020, 5, 2));
    assert_eq!(r.vote.map(|v| v.adoption), Some(Adoption::WithoutVote));
    assert_eq!(r.body, Some(Body::Hrc));
    assert!(r.warnings.contains(&Warning::MissingField(Field::Symbol)));
}

#[test]
fn an_annex_is_kept_as_annex_paragraphs() {
    let text = "The General Assembly,\nRecalling its resolution,\n1. Adopts the Declaration \
                annexed to the present resolution.\n52nd plenary meeting\n1 December 2025\n\
                Annex\nDeclaration on the Right to Peace\nThe General Assembly,\n\
                1. Everyone has the right\nto enjoy peace;\n2. States should respect it.";
    let r = parse_document(text, "x.txt");
    assert_eq!(r.operative_paragraphs().count(), 1);
    let annex: Vec<(Option<u32>, &str)> = r
        .annex_paragraphs()
        .map(|p| (p.number, p.text.as_str()))
        .collect();
    assert_eq!(
        annex,
        [
            (
                None,
                "Declaration on the Right to Peace The General Assembly,"
            ),
            (Some(1), "Everyone has the right to enjoy peace;"),
            (Some(2), "States should respect it."),
        ]
    );
    assert_eq!(
        r.citation(ParagraphIndex(r.paragraphs.len() - 1))
            .as_deref(),
        Some("Annex 2")
    );
    assert!(
        !r.warnings.iter().any(|w| w.kind() == "text-left-unread"),
        "{:?}",
        r.warnings
    );
    assert_eq!(r.meeting.as_deref(), Some("52nd plenary meeting"));
}

#[test]
fn a_number_alone_then_its_title_is_a_legal_path() {
    let text = "Resolution adopted by the General Assembly\non 14 October 2025\n\n73/3.\n\n\
                Awaza Political Declaration\nThe General Assembly,\nRecalling its resolutions,\n\
                1. Endorses the declaration.\n18th plenary meeting\n14 October 2025";
    let (r, trace) = parse_traced(text, "x.txt");
    assert_eq!(r.number.as_deref(), Some("73/3"));
    assert_eq!(r.title.as_deref(), Some("Awaza Political Declaration"));
    assert_eq!(r.symbol.as_deref(), Some("A/RES/73/3"));
    assert_eq!(r.adopted_on, chrono::NaiveDate::from_ymd_opt(2025, 10, 14));
    let title = trace
        .fields
        .iter()
        .find(|f| f.field == "title")
        .expect("traced");
    assert_eq!(title.rule, "text-after-number");
    let bytes = title.bytes.clone().expect("a line");
    assert_eq!(&text[bytes], "73/3.");
}

#[test]
fn old_numbering_with_a_roman_session() {
    let text = "2453 (XXIII). International co-operation in the peaceful uses of outer space\n\
                The General Assembly,\nRecalling its resolution,\n1. Decides to act.\n\
                1750th plenary meeting\n20 December 1968";
    let r = parse_document(text, "x.txt");
    assert_eq!(r.number.as_deref(), Some("2453 (XXIII)"));
    assert_eq!(
        r.title.as_deref(),
        Some("International co-operation in the peaceful uses of outer space")
    );
    assert_eq!(r.symbol.as_deref(), Some("A/RES/2453 (XXIII)"));
    // The session comes from the Roman numerals when the header does not name it.
    assert_eq!(r.session, Some(23));
    // Special and emergency special sessions keep their number.
    for (number, session) in [("ES-10/21.", 10), ("S-30/1.", 30), ("80/11.", 80)] {
        let text = format!("{number} Title\nThe General Assembly,\n1. Decides to act.");
        assert_eq!(
            parse_document(&text, "x.txt").session,
            Some(session),
            "{number}"
        );
    }
}

#[test]
fn truncated_title_is_completed_from_front_matter() {
    let mut fm = FrontMatter::new();
    fm.insert(
        "title".into(),
        "Scale of the United Nations : requests under Article 19 :".into(),
    );
    assert_eq!(
        complete_title(Some("Scale of the".into()), &fm).as_deref(),
        Some("Scale of the United Nations: requests under Article 19")
    );
}

fn numbered_operatives(r: &Resolution) -> Vec<(Option<u32>, &str)> {
    r.operative_paragraphs()
        .map(|p| (p.number, p.text.as_str()))
        .collect()
}

#[test]
fn a_lone_operative_paragraph_is_printed_without_a_number() {
    // A/RES/80/114: one preambular and one operative paragraph, neither numbered.
    let text = "80/114. Credentials of representatives\nThe General Assembly,\n\
                Having considered the report of the Credentials Committee and the\n\
                recommendation contained therein,\nApproves the report of the Credentials \
                Committee.\n61st plenary meeting\n9 December 2025";
    let r = parse_document(text, "x.txt");
    assert_eq!(r.preambular_paragraphs().count(), 1);
    let ops = numbered_operatives(&r);
    assert_eq!(
        ops,
        [(None, "Approves the report of the Credentials Committee.")]
    );
    // With numbered paragraphs after it, the same line continues the preamble.
    let text = "The General Assembly,\nRecalling its resolutions of 2006,\nHuman Rights Council \
                texts,\n1. Decides to act;\n2. Decides also.\n61st plenary meeting";
    let r = parse_document(text, "x.txt");
    let numbers: Vec<_> = r.operative_paragraphs().map(|p| p.number).collect();
    assert_eq!(numbers, [Some(1), Some(2)]);
    assert_eq!(r.preambular_paragraphs().count(), 1);
}

#[test]
fn a_paragraph_number_printed_without_its_stop() {
    // A/RES/80/167 prints `6 Also reaffirms` (no full stop); `pdftotext` may put the `6` on a
    // line of its own, where it looks like a page number.
    for two in ["2 Also reaffirms the role;", "2\nAlso reaffirms the role;"] {
        let text = format!(
            "The General Assembly,\nRecalling its resolution,\n1. Reaffirms the law;\n{two}\n\
             3. Further reaffirms it.\n61st plenary meeting"
        );
        let r = parse_document(&text, "x.txt");
        let ops = numbered_operatives(&r);
        assert_eq!(
            ops,
            [
                (Some(1), "Reaffirms the law;"),
                (Some(2), "Also reaffirms the role;"),
                (Some(3), "Further reaffirms it.")
            ],
            "{two:?}"
        );
    }
}

#[test]
fn adopted_without_a_vote_inside_a_paragraph_is_not_the_vote() {
    let text = "The General Assembly,\nRecalling its previous resolutions, all\n\
                adopted without a vote,\n1. Decides to act.\n55th plenary meeting\n5 December 2025";
    let r = parse_document(text, "x.txt");
    assert_eq!(r.operative_paragraphs().count(), 1);
    assert_eq!(r.meeting.as_deref(), Some("55th plenary meeting"));
    assert!(r.vote.is_none(), "{:?}", r.vote);
}

#[test]
fn words_split_by_a_converter_are_joined_in_pdf_text() {
    let text = "The General Assembly,\nRecalling its resolution on social life,\n\
                1. Decides that participation in soci al and cultural life and chemical we apons\n\
                matter;\n2. Decides also that the Assem bly shall act.\n55th plenary meeting";
    let r = parse_document(text, "x.txt");
    let ops: Vec<&str> = r.operative_paragraphs().map(|p| p.text.as_str()).collect();
    assert_eq!(
        ops,
        [
            "Decides that participation in social and cultural life and chemical weapons matter;",
            "Decides also that the Assembly shall act."
        ]
    );
}

#[test]
fn the_rest_of_a_printed_line_broken_off_by_a_raised_call_is_no_new_annex_paragraph() {
    // `pdftotext -raw` breaks a printed line after a raised call: `… prevention.1` then the
    // rest of that printed line (`When imprisonment …`), which goes on in lower case. A heading
    // after a paragraph that ends with a call (`Assessments` / `Model strategy …`) stays apart.
    let text = "The General Assembly,\nRecalling its resolutions,\n1. Adopts the Strategies \
                annexed to the present resolution.\n52nd plenary meeting\n1 December 2025\n\
                Annex\nModel Strategies on Reducing Reoffending\n\
                Judges should consider the rights of offenders, the rights of victims and the\n\
                interests of society, a proper balance that must be struck between them\n\
                for public safety and crime prevention.1\n\
                When imprisonment is used, prison\n\
                conditions should be rehabilitative and in line with the applicable standards.\n\
                States should assess each offender at each point in time.2\nAssessments\n\
                Model strategy No. 1 States should base their decisions on assessments and\n\
                on information from other relevant actors in the conduct of assessments.\n\
                _______________\n1 See para. 48.\n2 See sect. E.\n\u{c}";
    let r = parse_document(text, "x.txt");
    let annex: Vec<&str> = r.annex_paragraphs().map(|p| p.text.as_str()).collect();
    assert!(
        annex.iter().any(|p| p
            .contains("crime prevention. When imprisonment is used, prison conditions should be")),
        "{annex:#?}"
    );
    assert!(
        annex.iter().any(|p| p.starts_with("Assessments")),
        "{annex:#?}"
    );
    assert_eq!(r.footnotes.len(), 2, "{:?}", r.footnotes);
}

#[test]
fn a_rule_that_sets_a_field_on_its_own_line_fires_once() {
    let (path, bytes) = crate::corpus::load::EMBEDDED[0];
    let text = String::from_utf8_lossy(bytes);
    let (r, trace) = parse_traced(&text, path);
    assert!(r.number.is_some());
    let fired: Vec<&str> = trace.rules_fired().collect();
    let count = |rule: &str| fired.iter().filter(|&&f| f == rule).count();
    assert_eq!(count("resolution-number"), 1, "{fired:?}");
    // The other fields are still counted.
    assert!(count("text-after-number") >= 1, "{fired:?}");
}
