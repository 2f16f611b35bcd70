use super::*;

fn lexicon(code: &str) -> &'static Lexicon {
    Lexicons::builtin().get(code).expect("built in")
}

#[test]
fn the_shipped_lexicons_compile() {
    for text in [include_str!("fr.toml"), include_str!("en.toml")] {
        if let Err(e) = Lexicon::from_toml(text) {
            panic!("{e}");
        }
    }
    assert_eq!(Lexicons::builtin().iter().count(), 2);
}

#[test]
fn openers_with_their_comma_or_alone_with_their_article() {
    use crate::corpus::model::Body;
    let (en, fr) = (lexicon("en"), lexicon("fr"));
    assert_eq!(en.opener("the general assembly,"), Some(Body::Ga));
    assert_eq!(en.opener("general assembly,"), Some(Body::Ga));
    assert_eq!(en.opener("the general assembly"), Some(Body::Ga));
    assert_eq!(en.opener("the human rights council,"), Some(Body::Hrc));
    assert_eq!(fr.opener("l'assemblee generale,"), Some(Body::Ga));
    assert_eq!(fr.opener("l'assemblee generale"), Some(Body::Ga));
    // A page heading is no opener; nor is the name inside a sentence.
    assert_eq!(en.opener("general assembly"), None);
    assert_eq!(fr.opener("assemblee generale"), None);
    assert_eq!(en.opener("the general assembly adopts"), None);
}

#[test]
fn ordinal_words() {
    let table = [
        ("fr", "Quarante-quatrième", 44),
        ("fr", "Soixante et onzième", 71),
        ("fr", "Soixante-dixième", 70),
        ("fr", "Soixante-quinzième", 75),
        ("fr", "Quatre-vingtième", 80),
        ("fr", "Quatre-vingt-deuxième", 82),
        ("fr", "Quatre-vingt-dix-neuvième", 99),
        ("fr", "Vingt et unième", 21),
        ("fr", "Première", 1),
        ("fr", "Centième", 100),
        ("en", "Eightieth", 80),
        ("en", "Seventy-first", 71),
        ("en", "Forty-fourth", 44),
        ("en", "One hundred and first", 101),
        ("en", "44", 44),
    ];
    for (code, words, value) in table {
        assert_eq!(lexicon(code).number(words), Some(value), "{words}");
    }
    assert_eq!(lexicon("en").number("Resumed"), None);
}

#[test]
fn dates_in_both_languages() {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
    let fr = lexicon("fr");
    let en = lexicon("en");
    assert_eq!(fr.find_date("le 23 mars 2021").map(|x| x.0), d(2021, 3, 23));
    assert_eq!(
        fr.find_date("le 1er décembre 2025").map(|x| x.0),
        d(2025, 12, 1)
    );
    assert_eq!(
        en.find_date("on 1 December 2025").map(|x| x.0),
        d(2025, 12, 1)
    );
    assert_eq!(fr.find_date("17 août 2000").map(|x| x.0), d(2000, 8, 17));
    assert_eq!(fr.find_date("le 31 février 2020"), None);
    assert_eq!(en.find_date("le 23 mars 2021"), None);
}

#[test]
fn preambular_leads() {
    let fr = [
        "Rappelant sa résolution",
        "Réaffirmant",
        "Profondément préoccupé par",
        "Guidé par la Charte",
        "Déterminé à franchir",
        "Conscient du rôle",
        "Se félicitant de",
        "S’étant réuni",
        "Ayant examiné le rapport",
        "Étant donné que",
    ];
    for line in fr {
        assert!(lexicon("fr").is_preambular_lead(line), "{line}");
    }
    let en = [
        "Recalling its resolutions",
        "Deeply concerned",
        "Convinced that",
        "Bearing in mind",
        "Desirous of",
        "Alarmed by",
    ];
    for line in en {
        assert!(lexicon("en").is_preambular_lead(line), "{line}");
    }
    let not_fr = [
        "Programme de développement",
        "rappelant que",
        "Nations Unies",
        "Gouvernement du Soudan",
        "Assemblée générale",
        "Comité des droits de l’homme",
        "Représentant spécial",
        "Se",
        "Rappelle que",
    ];
    for line in not_fr {
        assert!(!lexicon("fr").is_preambular_lead(line), "{line}");
    }
    let not_en = [
        "United Nations Legal Counsel,",
        "Assembly at its session",
        "Family",
        "Committee on Contributions",
        "Meeting of States",
        "Building on",
    ];
    for line in not_en {
        assert!(!lexicon("en").is_preambular_lead(line), "{line}");
    }
}

#[test]
fn vote_phrases() {
    let en = lexicon("en");
    let c = en
        .counts("adopted by a recorded vote of 38 to 2, with 7 abstentions.")
        .expect("counts");
    assert_eq!((c.yes, c.no, c.abstain), (Some(38), Some(2), Some(7)));
    let c = en
        .counts("recorded vote of 2 to 1, with no abstentions")
        .expect("counts");
    assert_eq!(c.abstain, Some(0));
    let fr = lexicon("fr");
    let c = fr
        .counts("adoptee par 30 voix contre 15, avec 2 abstentions")
        .expect("counts");
    assert_eq!((c.yes, c.no, c.abstain), (Some(30), Some(15), Some(2)));
    let lists: Vec<VoteList> = en
        .list_headings("in favour: a against: b abstaining: c")
        .into_iter()
        .map(|(l, _)| l)
        .collect();
    assert_eq!(
        lists,
        [VoteList::InFavour, VoteList::Against, VoteList::Abstaining]
    );
}

#[test]
fn a_third_language_is_a_lexicon_file() {
    let spanish = Lexicon::from_toml(SPANISH).expect("valid");
    let lexicons = Lexicons::with(spanish);
    let text = "Resolución aprobada por la Asamblea General el 3 de abril de 2023\n\
                77/300. Cooperación internacional\nLa Asamblea General,\n\
                Recordando sus resoluciones anteriores,\nObservando con preocupación la situación,\n\
                1. Decide seguir ocupándose de la cuestión;\n2. Pide al Secretario General que informe.\n\
                55ª sesión plenaria\n3 de abril de 2023\n[Aprobada sin votación.]";
    let (r, _) = crate::corpus::parse::parse_with(text, "es.txt", &lexicons);
    assert_eq!(
        r.language.map(|l| l.code().to_string()).as_deref(),
        Some("es")
    );
    assert_eq!(r.body, Some(Body::Ga));
    assert_eq!(r.number.as_deref(), Some("77/300"));
    assert_eq!(r.title.as_deref(), Some("Cooperación internacional"));
    assert_eq!(r.preambular_paragraphs().count(), 2);
    assert_eq!(r.operative_paragraphs().count(), 2);
    assert_eq!(r.meeting.as_deref(), Some("55ª sesión plenaria"));
    assert_eq!(
        r.vote.map(|v| v.adoption),
        Some(crate::corpus::model::Adoption::WithoutVote)
    );
}

/// A minimal Spanish lexicon: what a contributor would write to add the language.
const SPANISH: &str = r#"
code = "es"
function_words = ["el", "la", "los", "las", "de", "del", "y", "que", "en", "por", "con"]
articles = ["la", "el"]
[bodies]
GA = ["asamblea general"]
HRC = ["consejo de derechos humanos"]
[header]
session = ["periodo de sesiones"]
agenda = ["tema {item} del programa"]
adoption = ["resolucion aprobada por"]
[preamble]
leads = ["consciente", "convencida"]
participle_endings = ["ando", "endo", "iendo"]
past_participle_endings = ["ada", "ado"]
after_past_participle = ["por", "de", "que"]
lookalikes = ["fondo", "mando"]
reflexives = []
[tail]
meeting_suffixes = ["a", "ª"]
meeting_words = ["sesion plenaria", "sesion"]
annex = ["anexo"]
vote_starts = ["aprobada por", "aprobada sin votacion"]
without_vote = ["sin votacion"]
counts = ["por {yes} votos contra {no} y {abstain} abstenciones"]
in_favour = ["votos a favor"]
against = ["votos en contra"]
abstaining = ["abstenciones"]
empty_list = ["ninguno"]
conjunctions = ["y"]
[calls]
number_taking = ["parrafo", "resolucion"]
[dates]
months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
day_suffixes = []
formats = ["{day} de {month} de {year}"]
[numbers]
uno = 1
"#;
