//! The query language as a table of input → expected `Query`, plus the matching helpers.

use super::*;
use crate::corpus::build::ResolutionBuilder;
use crate::corpus::symbol::Symbol;

fn term(text: &str, kind: TermKind, negated: bool) -> Term {
    let text = text.to_string();
    Term {
        text,
        kind,
        negated,
    }
}
fn fz(text: &str) -> Term {
    term(text, TermKind::Fuzzy, false)
}
fn ex(text: &str) -> Term {
    term(text, TermKind::Exact, false)
}
fn pre(text: &str) -> Term {
    term(text, TermKind::Prefix, false)
}
fn suf(text: &str) -> Term {
    term(text, TermKind::Suffix, false)
}
fn ph(text: &str) -> Term {
    term(text, TermKind::Phrase, false)
}
fn not(t: Term) -> Term {
    Term { negated: true, ..t }
}

/// A query of AND-ed OR-groups, no filters, no hints.
fn q<const N: usize>(groups: [&[Term]; N]) -> Query {
    let groups = groups.iter().map(|g| g.to_vec()).collect();
    Query {
        groups,
        ..Query::default()
    }
}
/// Each term its own group.
fn all(terms: &[Term]) -> Query {
    let groups = terms.iter().map(|t| vec![t.clone()]).collect();
    Query {
        groups,
        ..Query::default()
    }
}
fn only(filters: Filters) -> Query {
    Query {
        filters,
        ..Query::default()
    }
}
fn f() -> Filters {
    Filters::default()
}
fn hinted(query: Query, hints: &[&str]) -> Query {
    let hints = hints.iter().map(std::string::ToString::to_string).collect();
    Query { hints, ..query }
}
fn filtered(query: Query, filters: Filters) -> Query {
    Query { filters, ..query }
}
fn cf(code: Option<&str>, raw: &str, ballot: Option<Ballot>) -> CountryFilter {
    let code = code.map(str::to_string);
    let raw = raw.to_string();
    CountryFilter { code, raw, ballot }
}
fn country(code: &str, raw: &str, ballot: Option<Ballot>) -> Filters {
    let countries = vec![cf(Some(code), raw, ballot)];
    Filters { countries, ..f() }
}
fn sessions(range: RangeInclusive<u32>) -> Filters {
    let sessions = Some(range);
    Filters { sessions, ..f() }
}
fn years(range: RangeInclusive<i32>) -> Filters {
    let years = Some(range);
    Filters { years, ..f() }
}
fn body(body: Body) -> Filters {
    let body = Some(body);
    Filters { body, ..f() }
}
fn lang(language: Language) -> Filters {
    let language = Some(language);
    Filters { language, ..f() }
}
fn kind(kind: ParagraphKind) -> Filters {
    let paragraph_kind = Some(kind);
    Filters {
        paragraph_kind,
        ..f()
    }
}
fn sym(symbol: &str) -> Filters {
    let symbol = Some(symbol.to_string());
    Filters { symbol, ..f() }
}

const OP: ParagraphKind = ParagraphKind::Operative;
const PP: ParagraphKind = ParagraphKind::Preambular;
const YES: Option<Ballot> = Some(Ballot::Yes);
const NO: Option<Ballot> = Some(Ballot::No);
const ABSTAIN: Option<Ballot> = Some(Ballot::Abstain);
const STRAY: &str = "\"|\" needs a term on each side; ignored";

fn well_formed() -> Vec<(&'static str, Query)> {
    vec![
        ("coop", all(&[fz("coop")])),
        ("coop vaccins", all(&[fz("coop"), fz("vaccins")])),
        ("Coopération  ÉTATS", all(&[fz("cooperation"), fz("etats")])),
        ("l’homme", all(&[fz("l'homme")])),
        ("'exact", all(&[ex("exact")])),
        ("^Décide", all(&[pre("decide")])),
        ("question$", all(&[suf("question")])),
        ("^decide$", all(&[term("decide", TermKind::Whole, false)])),
        ("!guerre", all(&[not(ex("guerre"))])),
        ("!'guerre", all(&[not(ex("guerre"))])),
        ("!^rappelant", all(&[not(pre("rappelant"))])),
        ("!fin$", all(&[not(suf("fin"))])),
        ("'l'homme$", all(&[ex("l'homme$")])),
        ("\"droits de l'homme\"", all(&[ph("droits de l'homme")])),
        ("« droits de l’Homme »", all(&[ph("droits de l'homme")])),
        ("“peine  de mort”", all(&[ph("peine de mort")])),
        ("!\"peine de mort\"", all(&[not(ph("peine de mort"))])),
        ("^\"decide de\" x", all(&[pre("decide de"), fz("x")])),
        ("\"vaccins\"", all(&[ph("vaccins")])),
        ("\"s:44\"", all(&[ph("s:44")])),
        ("'foo:bar", all(&[ex("foo:bar")])),
        ("10:30", all(&[fz("10:30")])),
        (
            "coop | solidarite vaccins",
            q([&[fz("coop"), fz("solidarite")], &[fz("vaccins")]]),
        ),
        ("a | b | c", q([&[fz("a"), fz("b"), fz("c")]])),
        ("a | !b", q([&[fz("a"), not(ex("b"))]])),
        (
            "a s:44 | b",
            filtered(q([&[fz("a"), fz("b")]]), sessions(44..=44)),
        ),
        ("s:44", only(sessions(44..=44))),
        ("S:40..46", only(sessions(40..=46))),
        ("s:..46", only(sessions(0..=46))),
        ("s:40..", only(sessions(40..=u32::MAX))),
        ("s:40-46", only(sessions(40..=46))),
        ("session:44", only(sessions(44..=44))),
        ("y:2020", only(years(2020..=2020))),
        ("y:2018..2021", only(years(2018..=2021))),
        ("annee:..2019", only(years(i32::MIN..=2019))),
        ("b:hrc", only(body(Body::Hrc))),
        ("B:CDH", only(body(Body::Hrc))),
        ("b:ga", only(body(Body::Ga))),
        ("b:ag", only(body(Body::Ga))),
        ("b:sc", only(body(Body::Sc))),
        ("b:CS", only(body(Body::Sc))),
        ("b:chr", only(body(Body::Chr))),
        ("b:ecosoc", only(body(Body::Ecosoc))),
        ("lang:fr", only(lang(Language::FR))),
        ("lang:EN", only(lang(Language::EN))),
        ("langue:anglais", only(lang(Language::EN))),
        ("sym:44/18", only(sym("44/18"))),
        ("sym:A/HRC/RES/44/18", only(sym("a/hrc/res/44/18"))),
        ("sym:a/res/2453(xxiii)", only(sym("a/res/2453 (xxiii)"))),
        ("sym:A/RES/2453 (XXIII)", only(sym("a/res/2453 (xxiii)"))),
        (
            "sym:\"A/RES/2453  (XXIII)\"",
            only(sym("a/res/2453 (xxiii)")),
        ),
        (
            "sym:A/RES/2453\u{a0}(XXIII).",
            only(sym("a/res/2453 (xxiii)")),
        ),
        ("sym:A/RES/217 A (III)", only(sym("a/res/217 a (iii)"))),
        ("sym:a/res/217(iii)a", only(sym("a/res/217 a (iii)"))),
        ("sym:2453 (XXIII)", only(sym("2453 (xxiii)"))),
        ("sym:2334(2016)", only(sym("2334 (2016)"))),
        ("sym:S/RES/2334 (2016)", only(sym("s/res/2334 (2016)"))),
        ("sym:a/hrc/res/s‑30/1", only(sym("a/hrc/res/s-30/1"))),
        ("sym:es-10/", only(sym("es-10/"))),
        (
            "sym:a/res/2453 coop",
            filtered(all(&[fz("coop")]), sym("a/res/2453")),
        ),
        (
            "sym:a/res/2453 (coop)",
            filtered(all(&[fz("(coop)")]), sym("a/res/2453")),
        ),
        (
            "sym:80/1 a (iii)",
            filtered(all(&[fz("a"), fz("(iii)")]), sym("80/1")),
        ),
        ("op:", only(kind(OP))),
        ("pp:", only(kind(PP))),
        ("op:decide", filtered(all(&[fz("decide")]), kind(OP))),
        (
            "pp:!'rappelant",
            filtered(all(&[not(ex("rappelant"))]), kind(PP)),
        ),
        (
            "op:\"decide de\"",
            filtered(all(&[ph("decide de")]), kind(OP)),
        ),
        ("c:fra", only(country("FRA", "fra", None))),
        ("c:France", only(country("FRA", "france", None))),
        ("pays:la france", only(country("FRA", "la france", None))),
        (
            "c:\"cote d'ivoire\"",
            only(country("CIV", "cote d'ivoire", None)),
        ),
        (
            "c:côte-d’ivoire",
            only(country("CIV", "cote-d'ivoire", None)),
        ),
        (
            "c:Côte d’Ivoire",
            only(country("CIV", "cote d'ivoire", None)),
        ),
        ("c:ivory coast", only(country("CIV", "ivory coast", None))),
        ("c:cote", only(country("CIV", "cote", None))),
        (
            "c:cote d'ivoire=no vaccins",
            filtered(all(&[fz("vaccins")]), country("CIV", "cote d'ivoire", NO)),
        ),
        (
            "c:“Côte d’Ivoire”=contre",
            only(country("CIV", "cote d'ivoire", NO)),
        ),
        (
            "c:guinee equatoriale",
            only(country("GNQ", "guinee equatoriale", None)),
        ),
        ("c:guinee", only(country("GIN", "guinee", None))),
        (
            "c:france=no mali",
            filtered(all(&[fz("mali")]), country("FRA", "france", NO)),
        ),
        ("c:fra=no", only(country("FRA", "fra", NO))),
        ("c:fra=yes", only(country("FRA", "fra", YES))),
        ("c:fra=abstain", only(country("FRA", "fra", ABSTAIN))),
        ("c:fra=pour", only(country("FRA", "fra", YES))),
        ("c:fra=Contre", only(country("FRA", "fra", NO))),
        ("c:fra=abstention", only(country("FRA", "fra", ABSTAIN))),
        ("c:fra=y", only(country("FRA", "fra", YES))),
        ("c:fra=n", only(country("FRA", "fra", NO))),
        ("c:fra=a", only(country("FRA", "fra", ABSTAIN))),
        (
            "c:fra c:deu=abstain",
            only(Filters {
                countries: vec![
                    cf(Some("FRA"), "fra", None),
                    cf(Some("DEU"), "deu", ABSTAIN),
                ],
                ..f()
            }),
        ),
        (
            "v:recorded src:undl",
            only(Filters {
                vote: Some(VoteKey::Recorded),
                source: Some(RollCallSource::Undl),
                ..f()
            }),
        ),
        (
            "vote:none source:voeten",
            only(Filters {
                vote: Some(VoteKey::Without),
                source: Some(RollCallSource::Voeten),
                ..f()
            }),
        ),
        (
            "src:text v:sans",
            only(Filters {
                vote: Some(VoteKey::Without),
                source: Some(RollCallSource::Text),
                ..f()
            }),
        ),
        (
            "coop | solidarité s:44 b:hrc c:fra=no op: !guerre y:2020 lang:fr sym:44/",
            Query {
                groups: vec![vec![fz("coop"), fz("solidarite")], vec![not(ex("guerre"))]],
                filters: Filters {
                    sessions: Some(44..=44),
                    years: Some(2020..=2020),
                    body: Some(Body::Hrc),
                    countries: vec![cf(Some("FRA"), "fra", NO)],
                    paragraph_kind: Some(OP),
                    symbol: Some("44/".into()),
                    language: Some(Language::FR),
                    vote: None,
                    source: None,
                },
                hints: vec![],
            },
        ),
    ]
}

fn malformed() -> Vec<(&'static str, Query)> {
    vec![
        (
            "v:maybe src:wiki",
            hinted(
                Query::default(),
                &[
                    "unknown vote \"maybe\" (try v:recorded or v:none); ignored",
                    "unknown source \"wiki\" (try src:text, src:undl or src:voeten); ignored",
                ],
            ),
        ),
        ("", Query::default()),
        ("  \t \n ", Query::default()),
        (
            "foo:bar",
            hinted(
                all(&[fz("foo:bar")]),
                &["unknown scope \"foo:\" searched as text"],
            ),
        ),
        (
            "\"droits de",
            hinted(
                all(&[ph("droits de")]),
                &["unclosed quote: read to the end"],
            ),
        ),
        (
            "c:\"cote d'ivoire",
            hinted(
                only(country("CIV", "cote d'ivoire", None)),
                &["unclosed quote: read to the end"],
            ),
        ),
        (
            "s:abc",
            hinted(
                q([]),
                &["bad value \"abc\" for s: (try s:44 or s:40..46); ignored"],
            ),
        ),
        (
            "s:..",
            hinted(
                q([]),
                &["bad value \"..\" for s: (try s:44 or s:40..46); ignored"],
            ),
        ),
        (
            "s:50..40 coop",
            hinted(
                all(&[fz("coop")]),
                &["empty range \"50..40\" for s: (start after end); ignored"],
            ),
        ),
        (
            "y:20x",
            hinted(
                q([]),
                &["bad value \"20x\" for y: (try y:2020 or y:2018..2021); ignored"],
            ),
        ),
        ("s:", hinted(q([]), &["s: needs a value; ignored"])),
        ("!", hinted(q([]), &["empty term \"!\" ignored"])),
        (
            "a ^",
            hinted(all(&[fz("a")]), &["empty term \"^\" ignored"]),
        ),
        ("\"\"", hinted(q([]), &["empty quotes ignored"])),
        ("|", hinted(q([]), &[STRAY])),
        ("| a", hinted(all(&[fz("a")]), &[STRAY])),
        ("a |", hinted(all(&[fz("a")]), &[STRAY])),
        ("a | | b", hinted(q([&[fz("a"), fz("b")]]), &[STRAY])),
        (
            "a | !",
            hinted(all(&[fz("a")]), &["empty term \"!\" ignored", STRAY]),
        ),
        ("c:", hinted(q([]), &["c: needs a country; ignored"])),
        ("c:=no", hinted(q([]), &["c: needs a country; ignored"])),
        (
            "c:narnia",
            hinted(
                only(Filters {
                    countries: vec![cf(None, "narnia", None)],
                    ..f()
                }),
                &["no country matches \"narnia\""],
            ),
        ),
        (
            "c:guin=no",
            hinted(
                only(Filters {
                    countries: vec![cf(None, "guin", NO)],
                    ..f()
                }),
                &[
                    "\"guin\" could be GIN Guinea, GNB Guinea-Bissau, GNQ Equatorial Guinea, \
                   PNG Papua New Guinea",
                ],
            ),
        ),
        (
            "c:fra=maybe",
            hinted(
                only(country("FRA", "fra", None)),
                &["unknown vote \"=maybe\" (try =yes, =no or =abstain); ignored"],
            ),
        ),
        (
            "b:xyz",
            hinted(
                q([]),
                &["unknown body \"xyz\" (try b:hrc, b:ga, b:sc, b:chr or b:ecosoc); ignored"],
            ),
        ),
        (
            "lang:de",
            hinted(
                q([]),
                &["unknown language \"de\" (try lang:fr or lang:en); ignored"],
            ),
        ),
        (
            "s:44 s:45",
            hinted(
                only(sessions(45..=45)),
                &["s: given twice; the last one wins"],
            ),
        ),
        (
            "op: pp:",
            hinted(only(kind(PP)), &["op:/pp: given twice; the last one wins"]),
        ),
        (
            "s:abc s:44",
            hinted(
                only(sessions(44..=44)),
                &["bad value \"abc\" for s: (try s:44 or s:40..46); ignored"],
            ),
        ),
        ("☃ 𝕏 \u{0}\u{200B} \u{301} ", all(&[fz("☃"), fz("x")])),
        ("\u{FFFD}\u{1F600}", all(&[fz("\u{FFFD}\u{1F600}")])),
    ]
}

#[test]
fn parses_the_table() {
    let rows: Vec<_> = well_formed().into_iter().chain(malformed()).collect();
    assert!(rows.len() >= 45 + 10);
    for (input, expected) in rows {
        assert_eq!(parse(input), expected, "parse({input:?})");
    }
}

#[test]
fn well_formed_queries_give_no_hints_and_malformed_ones_do() {
    for (input, _) in well_formed() {
        assert!(parse(input).hints.is_empty(), "{input:?}");
    }
    let silent = [
        "",
        "  \t \n ",
        "☃ 𝕏 \u{0}\u{200B} \u{301} ",
        "\u{FFFD}\u{1F600}",
    ];
    for (input, _) in malformed() {
        assert_eq!(
            parse(input).hints.is_empty(),
            silent.contains(&input),
            "{input:?}"
        );
    }
}

#[test]
fn emptiness_and_positive_terms() {
    assert!(parse("").is_empty());
    assert!(parse("s:abc | !").is_empty());
    assert!(!parse("op:").is_empty());
    assert!(!parse("coop").is_empty());
    let query = parse("coop | !guerre 'paix");
    let positive: Vec<&str> = query.positive_terms().map(|t| t.text.as_str()).collect();
    assert_eq!(positive, ["coop", "paix"]);
    let negative: Vec<&str> = query.negative_terms().map(|t| t.text.as_str()).collect();
    assert_eq!(negative, ["guerre"]);
}

#[test]
fn terms_match_folded_text() {
    let text = "decide de rester saisi de la question des droits de l'homme.";
    let yes = [
        "'saisi",
        "^decide",
        "^\"decide de\"",
        "l'homme$",
        "homme$",
        "\"droits de l'homme\"",
        "\"droits de l homme\"",
        "\"question\"",
        "coop | saisi",
    ];
    let no = [
        "'saisie",
        "^rester",
        "question$",
        "\"droits l'homme\"",
        "\"quest\"",
        "^decide$",
    ];
    for (queries, expected) in [(&yes[..], true), (&no[..], false)] {
        for input in queries {
            let query = parse(input);
            let hit = query.groups[0].iter().any(|t| t.matches(text));
            assert_eq!(hit, expected, "{input:?} on {text:?}");
        }
    }
    assert!(parse("^decide$").groups[0][0].matches("decide."));
    assert!(parse("^a$").groups[0][0].matches("« a »."));
    let negated = parse("!guerre").groups[0][0].clone();
    assert!(!negated.accepts("la guerre"));
    assert!(negated.accepts("la paix"));
    assert!(!negated.matches("la paix"));
}

fn resolution() -> Resolution {
    ResolutionBuilder::new("A/HRC/RES/44/18")
        .language(Language::FR)
        .title("Titre")
        .adopted(2020, 7, 17)
        .operative("Décide")
        .recorded_vote(
            &["FRA", "Narnia du Nord"],
            &["États-Unis d’Amérique"],
            &["Côte d’Ivoire"],
        )
        .build()
}

#[test]
fn filters_accept_documents() {
    let r = resolution();
    let accepted = [
        "",
        "coop",
        "s:44",
        "s:40..46",
        "s:44..",
        "y:2020",
        "y:..2020",
        "b:cdh",
        "lang:fr",
        "sym:44/18",
        "sym:a/hrc/res/44",
        "c:france",
        "c:fra=yes",
        "c:usa=no",
        "c:\"cote d'ivoire\"=abstain",
        "c:fra c:usa",
        "c:narnia=pour",
        "op:",
    ];
    let rejected = [
        "s:45",
        "s:..43",
        "y:2021",
        "b:ga",
        "lang:en",
        "sym:44/19",
        "c:deu",
        "c:fra=no",
        "c:civ=yes",
        "c:fra c:deu",
        "c:narnia=contre",
        "c:atlantide",
    ];
    for (inputs, expected) in [(&accepted[..], true), (&rejected[..], false)] {
        for input in inputs {
            let got = parse(input).filters.accepts_document(&r);
            assert_eq!(got, expected, "{input:?}");
        }
    }
    let without = Resolution {
        session: None,
        vote: None,
        ..r
    };
    assert!(!parse("s:44").filters.accepts_document(&without));
    assert!(!parse("c:fra").filters.accepts_document(&without));
    assert!(parse("b:hrc").filters.accepts_document(&without));
}

#[test]
fn symbol_filter_meets_any_spelling() {
    let printed = |symbol: Option<&str>, number: &str, body: Body| Resolution {
        symbol: symbol.map(str::to_string),
        number: Some(number.to_string()),
        body: Some(body),
        ..resolution()
    };
    let roman = printed(Some("A/RES/2453(XXIII)"), "2453(XXIII)", Body::Ga);
    let lettered = printed(None, "217 A (III)", Body::Ga);
    let council = printed(Some("S/RES/2334 (2016)"), "2334 (2016)", Body::Sc);
    let hrc = resolution();
    let rows: [(&str, [bool; 4]); 14] = [
        ("sym:a/res/2453(xxiii)", [true, false, false, false]),
        ("sym:A/RES/2453 (XXIII)", [true, false, false, false]),
        ("sym:2453 (xxiii)", [true, false, false, false]),
        ("sym:2453", [true, false, false, false]),
        ("sym:(xxiii)", [true, false, false, false]),
        ("sym:a/res/", [true, true, false, false]),
        ("sym:a/res/217(iii)a", [false, true, false, false]),
        ("sym:A/RES/217 A (III)", [false, true, false, false]),
        ("sym:217 a (iii)", [false, true, false, false]),
        ("sym:s/res/2334(2016)", [false, false, true, false]),
        ("sym:2334(2016)", [false, false, true, false]),
        ("sym:44/18", [false, false, false, true]),
        ("sym:a/res/2454 (xxiii)", [false, false, false, false]),
        ("sym:a/res/2453 (xxiv)", [false, false, false, false]),
    ];
    for (input, expected) in rows {
        let filters = parse(input).filters;
        let got = [&roman, &lettered, &council, &hrc].map(|r| filters.accepts_document(r));
        assert_eq!(got, expected, "{input:?}");
    }
}

#[test]
fn filters_accept_paragraph_kinds() {
    assert!(parse("").filters.accepts_paragraph_kind(PP));
    assert!(parse("op:").filters.accepts_paragraph_kind(OP));
    assert!(!parse("op:").filters.accepts_paragraph_kind(PP));
    assert!(parse("pp:x").filters.accepts_paragraph_kind(PP));
}

/// `w0 | w1 | …`: `n` distinct words (letters only, none a prefix of another).
fn or_words(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            let letter = |k: usize| char::from(b'a' + u8::try_from(k % 26).unwrap());
            format!("mot{}{}{}", letter(i / 676), letter(i / 26), letter(i))
        })
        .collect()
}

#[test]
fn only_the_first_atoms_are_used() {
    let words = or_words(1000);
    let long = parse(&words.join(" | "));
    let first: Vec<Term> = words[..MAX_ATOMS].iter().map(|w| fz(w)).collect();
    assert_eq!(long.groups, vec![first]);
    assert_eq!(long.hints, vec![too_many_atoms(), too_many_bytes()]);
    // The first 64 alone: the same query, without the hint.
    let short = parse(&words[..MAX_ATOMS].join(" | "));
    assert_eq!(short.groups, long.groups);
    assert!(short.hints.is_empty());
    // AND-ed words and country filters count alike; filters that replace a slot do not.
    let and = parse(&format!("{} s:44", words[..70].join(" ")));
    assert_eq!(and.groups.len(), MAX_ATOMS);
    assert_eq!(and.filters.sessions, Some(44..=44));
    let countries = parse(&format!("{} c:fra c:deu", words[..63].join(" ")));
    assert_eq!(countries.filters.countries.len(), 1);
    assert_eq!(countries.hints, vec![too_many_atoms()]);
}

#[test]
fn only_the_first_bytes_are_read_cut_at_a_character() {
    // `é` (two bytes) straddles the limit.
    let long = format!("{}é{}", "a".repeat(MAX_QUERY_BYTES - 1), " b".repeat(5000));
    let query = parse(&long);
    assert_eq!(query.groups.len(), 1);
    assert_eq!(query.groups[0][0].text.len(), MAX_QUERY_BYTES - 1);
    assert_eq!(query.hints, vec![too_many_bytes()]);
    let exact = "a".repeat(MAX_QUERY_BYTES);
    assert!(parse(&exact).hints.is_empty());
}

/// `v:` and `src:`: the text says whether it was adopted by a recorded vote; the symbols with an
/// imported roll call are handed over, since the index does not know the records.
#[test]
fn vote_and_source_keys_read_the_text_and_the_records_handed_over() {
    let recorded = resolution();
    let without = ResolutionBuilder::new("A/RES/75/2")
        .title("Sans vote")
        .operative("Décide")
        .without_vote()
        .build();
    let silent = ResolutionBuilder::new("A/RES/75/3")
        .title("Rien")
        .operative("Décide")
        .build();
    let mut sources = RollCallSources::default();
    sources.insert(Symbol::parse("A/RES/75/3").unwrap(), RollCallSource::Undl);
    sources.insert(Symbol::parse("A/RES/75/2").unwrap(), RollCallSource::Voeten);
    // (query, [44/18 recorded in its text, 75/2 without a vote but Voeten has a roll call,
    //  75/3 silent with a UN DL roll call]) with the records, then without them.
    let table: [(&str, [bool; 3], [bool; 3]); 6] = [
        ("v:recorded", [true, true, true], [true, false, false]),
        ("v:none", [false, false, false], [false, true, false]),
        ("src:text", [true, false, false], [true, false, false]),
        ("src:undl", [false, false, true], [false, false, false]),
        ("src:voeten", [false, true, false], [false, false, false]),
        (
            "v:recorded src:undl",
            [false, false, true],
            [false, false, false],
        ),
    ];
    let none = RollCallSources::default();
    for (input, with_records, texts_only) in table {
        let filters = parse(input).filters;
        let docs = [&recorded, &without, &silent];
        let got: Vec<bool> = docs
            .iter()
            .map(|r| filters.accepts_document_with(r, &sources))
            .collect();
        assert_eq!(got, with_records, "{input} with the records");
        let got: Vec<bool> = docs.iter().map(|r| filters.accepts_document(r)).collect();
        assert_eq!(got, texts_only, "{input} on the texts alone");
        let got: Vec<bool> = docs
            .iter()
            .map(|r| filters.accepts_document_with(r, &none))
            .collect();
        assert_eq!(got, texts_only, "{input} with no records");
    }
}
