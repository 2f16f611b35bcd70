//! Symbols as a table: canonical forms, lenient spellings, short numbers, and what is refused.

use super::roman::*;
use super::*;
use proptest::prelude::*;

/// Canonical symbols of every series, with what they mean: (symbol, body, decision, session
/// number, number as printed in the title line).
const CANONICAL: &[(&str, Body, bool, Option<u32>, &str)] = &[
    ("A/RES/73/6", Body::Ga, false, Some(73), "73/6"),
    ("A/RES/80/1", Body::Ga, false, Some(80), "80/1"),
    ("A/RES/71/194", Body::Ga, false, Some(71), "71/194"),
    ("A/RES/31/1", Body::Ga, false, Some(31), "31/1"),
    ("A/RES/79/238 A", Body::Ga, false, Some(79), "79/238 A"),
    ("A/RES/79/238 B", Body::Ga, false, Some(79), "79/238 B"),
    (
        "A/RES/2453 (XXIII)",
        Body::Ga,
        false,
        Some(23),
        "2453 (XXIII)",
    ),
    ("A/RES/3379 (XXX)", Body::Ga, false, Some(30), "3379 (XXX)"),
    ("A/RES/217 (III)", Body::Ga, false, Some(3), "217 (III)"),
    ("A/RES/217 A (III)", Body::Ga, false, Some(3), "217 A (III)"),
    ("A/RES/1514 (XV)", Body::Ga, false, Some(15), "1514 (XV)"),
    ("A/RES/181 (II)", Body::Ga, false, Some(2), "181 (II)"),
    (
        "A/RES/2200 A (XXI)",
        Body::Ga,
        false,
        Some(21),
        "2200 A (XXI)",
    ),
    ("A/RES/1 (I)", Body::Ga, false, Some(1), "1 (I)"),
    ("A/RES/3201 (S-VI)", Body::Ga, false, Some(6), "3201 (S-VI)"),
    ("A/RES/997 (ES-I)", Body::Ga, false, Some(1), "997 (ES-I)"),
    ("A/RES/ES-10/21", Body::Ga, false, Some(10), "ES-10/21"),
    ("A/RES/ES-11/1", Body::Ga, false, Some(11), "ES-11/1"),
    ("A/RES/S-26/2", Body::Ga, false, Some(26), "S-26/2"),
    ("A/RES/S-32/1", Body::Ga, false, Some(32), "S-32/1"),
    ("A/DEC/79/555", Body::Ga, true, Some(79), "79/555"),
    ("A/DEC/31/401", Body::Ga, true, Some(31), "31/401"),
    ("A/DEC/ES-11/1", Body::Ga, true, Some(11), "ES-11/1"),
    ("A/HRC/RES/44/18", Body::Hrc, false, Some(44), "44/18"),
    ("A/HRC/RES/37/23", Body::Hrc, false, Some(37), "37/23"),
    ("A/HRC/RES/1/1", Body::Hrc, false, Some(1), "1/1"),
    ("A/HRC/RES/S-30/1", Body::Hrc, false, Some(30), "S-30/1"),
    ("A/HRC/RES/S-1/1", Body::Hrc, false, Some(1), "S-1/1"),
    ("A/HRC/DEC/50/115", Body::Hrc, true, Some(50), "50/115"),
    ("A/HRC/DEC/S-33/1", Body::Hrc, true, Some(33), "S-33/1"),
    ("S/RES/2334 (2016)", Body::Sc, false, None, "2334 (2016)"),
    ("S/RES/242 (1967)", Body::Sc, false, None, "242 (1967)"),
    ("S/RES/1 (1946)", Body::Sc, false, None, "1 (1946)"),
    ("S/RES/2728 (2024)", Body::Sc, false, None, "2728 (2024)"),
    ("E/CN.4/RES/2005/1", Body::Chr, false, None, "2005/1"),
    ("E/CN.4/RES/1993/77", Body::Chr, false, None, "1993/77"),
    ("E/CN.4/RES/S-5/1", Body::Chr, false, Some(5), "S-5/1"),
    (
        "E/CN.4/RES/8 (XXIII)",
        Body::Chr,
        false,
        Some(23),
        "8 (XXIII)",
    ),
    ("E/CN.4/DEC/2005/101", Body::Chr, true, None, "2005/101"),
    ("E/RES/2023/5", Body::Ecosoc, false, None, "2023/5"),
    (
        "E/RES/1503 (XLVIII)",
        Body::Ecosoc,
        false,
        Some(48),
        "1503 (XLVIII)",
    ),
    (
        "E/RES/1235 (XLII)",
        Body::Ecosoc,
        false,
        Some(42),
        "1235 (XLII)",
    ),
    ("E/DEC/2023/201", Body::Ecosoc, true, None, "2023/201"),
];

/// Spellings users and documents use → the canonical symbol.
const LENIENT: &[(&str, &str)] = &[
    ("a/res/73/6", "A/RES/73/6"),
    ("A / RES / 73 / 6", "A/RES/73/6"),
    ("  A/RES/73/6.  ", "A/RES/73/6"),
    ("A/RES/73/06", "A/RES/73/6"),
    ("A/RES/2453(XXIII)", "A/RES/2453 (XXIII)"),
    ("a/res/2453(xxiii)", "A/RES/2453 (XXIII)"),
    ("A/RES/2453 ( XXIII )", "A/RES/2453 (XXIII)"),
    ("A/RES/2453\u{a0}(XXIII)", "A/RES/2453 (XXIII)"),
    ("A/RES/2453\u{202f}(XXIII).", "A/RES/2453 (XXIII)"),
    ("A/RES/217(III)A", "A/RES/217 A (III)"),
    ("A/RES/217 (III) A", "A/RES/217 A (III)"),
    ("A/RES/217A(III)", "A/RES/217 A (III)"),
    ("a/res/217 a (iii)", "A/RES/217 A (III)"),
    ("A/RES/79/238A", "A/RES/79/238 A"),
    ("a/res/79/238 b", "A/RES/79/238 B"),
    ("A/RES/ES‑10/21", "A/RES/ES-10/21"),
    ("A/RES/ES–10/21", "A/RES/ES-10/21"),
    ("a/res/es-10/21", "A/RES/ES-10/21"),
    ("A/RES/3201(S-VI)", "A/RES/3201 (S-VI)"),
    ("a/hrc/res/s-30/1", "A/HRC/RES/S-30/1"),
    ("A/HRC/RES/44/18.", "A/HRC/RES/44/18"),
    ("A/HRC/RES/44/ 18", "A/HRC/RES/44/18"),
    ("A/HRC/DEC/S-33/1", "A/HRC/DEC/S-33/1"),
    ("S/RES/2334(2016)", "S/RES/2334 (2016)"),
    ("s/res/2334 (2016).", "S/RES/2334 (2016)"),
    ("e/cn.4/res/2005/1", "E/CN.4/RES/2005/1"),
    ("E/RES/1503(XLVIII)", "E/RES/1503 (XLVIII)"),
    ("\u{feff}A/RES/73/6", "A/RES/73/6"),
];

/// Not symbols at all, or not symbols of any series.
fn invalid() -> Vec<String> {
    let fixed = [
        "",
        "   ",
        ".",
        "A/RES/",
        "A/RES/73",
        "A/RES/73/",
        "A/RES//6",
        "A/RES/73/6/1",
        "X/RES/1/2",
        "A/RES/ES-/1",
        "A/RES/S-/1",
        "A/RES/XS-1/1",
        "A/RES/0/1",
        "A/RES/73/0",
        "A/RES/73/6 AB",
        "A/RES/73/6 A B",
        "A/RES/73/6A B",
        "A/RES/73/6 (XXIII)",
        "A/RES/2453 (IIII)",
        "A/RES/2453 (VV)",
        "A/RES/2453 (IC)",
        "A/RES/2453 (XXIIII)",
        "A/RES/2453 (MMMM)",
        "A/RES/2453 (XX III)",
        "A/RES/2453 (XXIII",
        "A/RES/2453 XXIII)",
        "A/RES/2453 () ",
        "A/RES/217 A (III) B",
        "A/RES/217 (III) (IV)",
        "A/RES/XXIII/2453",
        "A/RES/2016/1 (2016)",
        "A/RES/2334 (2016)",
        "A/RES/4294967296/1",
        "A/RES/73/4294967296",
        "A/RES/73/99999999999999999999",
        "A/RES/73/-6",
        "A/RES/73/+6",
        "A/RES/73/6é",
        "A/RES/73/٦",
        "A/HRC/RES/ES-1/1",
        "A/HRC/RES/2453 (XXIII)",
        "A/HRC/RES/44",
        "A/DEC/2453 (XXIII)",
        "S/RES/2334",
        "S/RES/2016/2334",
        "S/RES/2334 (XXIII)",
        "S/RES/2334 (1900)",
        "S/RES/2334 (20160)",
        "E/CN.4/RES/61/1",
        "E/RES/S-1/1",
        "E/CN.4/RES/2005/1 (2005)",
        "A/RES/73/6 A-C",
        "RES/73/6",
        "73/6",
        "A/RES 73/6",
        "A/RES/ 73 6",
    ];
    let mut all: Vec<String> = fixed.iter().map(std::string::ToString::to_string).collect();
    all.push("A/RES/".to_string() + &"7".repeat(10_000));
    all.push("A/RES/73/6".repeat(1_000));
    all.push(format!("A/RES/73/6{}", " ".repeat(10_000)));
    all.push("(".repeat(10_000));
    all.push("é".repeat(5_000));
    all
}

#[test]
fn canonical_symbols_round_trip_with_their_meaning() {
    assert!(CANONICAL.len() + LENIENT.len() >= 40);
    for &(text, body, decision, session, number) in CANONICAL {
        let symbol = Symbol::parse(text).unwrap_or_else(|| panic!("{text} does not parse"));
        assert_eq!(symbol.to_string(), text);
        assert_eq!(text.parse::<Symbol>(), Ok(symbol));
        assert_eq!(symbol.body(), body, "{text}");
        assert_eq!(symbol.is_decision(), decision, "{text}");
        assert_eq!(symbol.session_number(), session, "{text}");
        assert_eq!(symbol.number(), number, "{text}");
        assert_eq!(Series::for_body(body, decision), symbol.series(), "{text}");
        assert_eq!(format!("{}{number}", symbol.series().prefix()), text);
        let short = Symbol::parse_short(number, symbol.series());
        assert_eq!(short, Some(symbol), "{number} in {text}");
        let printed = Symbol::parse_short(&format!("{number}."), symbol.series());
        assert_eq!(printed, Some(symbol), "{number}. in {text}");
    }
}

#[test]
fn lenient_spellings_read_as_the_canonical_symbol() {
    for &(input, canonical) in LENIENT {
        let symbol = Symbol::parse(input).map(|s| s.to_string());
        assert_eq!(symbol.as_deref(), Some(canonical), "{input:?}");
        assert_eq!(Symbol::parse(input), Symbol::parse(canonical), "{input:?}");
    }
}

#[test]
fn invalid_input_is_none_without_panicking() {
    for input in invalid() {
        let shown: String = input.chars().take(40).collect();
        assert_eq!(Symbol::parse(&input), None, "{shown:?}");
        assert!(input.parse::<Symbol>().is_err(), "{shown:?}");
        for series in Series::ALL {
            let short = Symbol::parse_short(&input, series);
            if input != "73/6" {
                assert_eq!(short, None, "{shown:?} in {series:?}");
            }
        }
    }
}

#[test]
fn short_numbers_read_in_the_series_given() {
    let hrc = Series::HrcResolution;
    let ga = Series::GaResolution;
    let rows = [
        ("44/18", hrc, Some("A/HRC/RES/44/18")),
        ("44/18.", ga, Some("A/RES/44/18")),
        ("S-30/1", hrc, Some("A/HRC/RES/S-30/1")),
        ("ES-10/21", ga, Some("A/RES/ES-10/21")),
        ("2453 (XXIII).", ga, Some("A/RES/2453 (XXIII)")),
        ("2453(xxiii)", ga, Some("A/RES/2453 (XXIII)")),
        ("217 A (III)", ga, Some("A/RES/217 A (III)")),
        ("50/115", Series::HrcDecision, Some("A/HRC/DEC/50/115")),
        (
            "2334 (2016)",
            Series::ScResolution,
            Some("S/RES/2334 (2016)"),
        ),
        ("2005/1", Series::ChrResolution, Some("E/CN.4/RES/2005/1")),
        ("2023/5", Series::EcosocResolution, Some("E/RES/2023/5")),
        ("ES-10/21", hrc, None),
        ("2453 (XXIII)", hrc, None),
        ("2334 (2016)", ga, None),
        ("44/18", Series::ScResolution, None),
        ("44/18", Series::ChrResolution, None),
        ("A/HRC/RES/44/18", hrc, None),
        ("44", hrc, None),
        ("", hrc, None),
    ];
    for (text, series, expected) in rows {
        let got = Symbol::parse_short(text, series).map(|s| s.to_string());
        assert_eq!(got.as_deref(), expected, "{text:?} in {series:?}");
    }
}

#[test]
fn ordering_is_by_series_then_session_then_number() {
    let sorted = [
        "A/RES/2453 (XXIII)",
        "A/RES/73/6",
        "A/RES/73/10",
        "A/RES/73/10 A",
        "A/RES/73/10 B",
        "A/RES/74/1",
        "A/RES/100/1",
        "A/RES/S-26/2",
        "A/RES/ES-10/21",
        "A/DEC/79/555",
        "A/HRC/RES/44/18",
        "A/HRC/RES/S-30/1",
        "A/HRC/DEC/50/115",
        "S/RES/99 (1951)",
        "S/RES/2334 (2016)",
        "E/CN.4/RES/2005/1",
        "E/RES/2023/5",
    ];
    let parsed: Vec<Symbol> = sorted.iter().filter_map(|s| Symbol::parse(s)).collect();
    assert_eq!(parsed.len(), sorted.len());
    let mut shuffled = parsed.clone();
    shuffled.reverse();
    shuffled.sort();
    assert_eq!(shuffled, parsed);
}

#[test]
fn serde_uses_the_canonical_string() {
    let symbol = Symbol::parse("a/res/2453(xxiii)").unwrap();
    let json = serde_json::to_string(&symbol).unwrap();
    assert_eq!(json, "\"A/RES/2453 (XXIII)\"");
    let back: Symbol = serde_json::from_str("\"A/RES/2453(XXIII)\"").unwrap();
    assert_eq!(back, symbol);
    let error = serde_json::from_str::<Symbol>("\"A/RES/73\"").unwrap_err();
    assert!(error.to_string().contains("not a UN resolution"), "{error}");
    assert!(serde_json::from_str::<Symbol>("73").is_err());
}

#[test]
fn constructors_refuse_what_no_series_has() {
    let regular = |n| Session::new(SessionKind::Regular, n);
    assert_eq!(regular(0), None);
    assert_eq!(Session::new(SessionKind::Year, 1800), None);
    assert_eq!(Session::roman(SessionKind::Year, 20), None);
    assert_eq!(Session::roman(SessionKind::Regular, 4000), None);
    let s73 = regular(73).unwrap();
    assert!(Symbol::new(Series::GaResolution, s73, 6, None).is_some());
    assert_eq!(Symbol::new(Series::GaResolution, s73, 0, None), None);
    assert_eq!(Symbol::new(Series::GaResolution, s73, 6, Some('a')), None);
    assert_eq!(Symbol::new(Series::ScResolution, s73, 6, None), None);
    let s23 = Session::roman(SessionKind::Regular, 23).unwrap();
    assert_eq!(s23.to_string(), "XXIII");
    assert_eq!(Symbol::new(Series::HrcResolution, s23, 1, None), None);
    assert_eq!(Series::for_body(Body::Sc, true), Series::ScResolution);
    assert_eq!(Body::Chr.symbol_for("2005/1"), "E/CN.4/RES/2005/1");
}

#[test]
fn roman_numerals_have_one_spelling() {
    for n in 1..=MAX_ROMAN {
        let mut printed = String::new();
        write_roman(&mut printed, n).unwrap();
        assert_eq!(roman_value(&printed), Some(n), "{printed}");
        assert_eq!(roman_value(&printed.to_lowercase()), Some(n), "{printed}");
    }
    for bad in [
        "IIII", "VV", "IC", "XM", "IL", "VX", "LL", "DD", "CCCC", "MMMM", "", "I I",
    ] {
        assert_eq!(roman_value(bad), None, "{bad}");
    }
}

/// Any valid symbol, built through the constructors.
fn valid_symbol() -> impl Strategy<Value = Symbol> {
    let kinds = prop::sample::select(vec![
        SessionKind::Regular,
        SessionKind::Special,
        SessionKind::EmergencySpecial,
        SessionKind::Year,
    ]);
    let series = prop::sample::select(Series::ALL.to_vec());
    let part = prop::option::of(prop::char::range('A', 'Z'));
    (
        series,
        kinds,
        any::<bool>(),
        1u32..3000,
        1u32..=u32::MAX,
        part,
    )
        .prop_filter_map(
            "no such session in the series",
            |(series, kind, roman, number, serial, part)| {
                let session = if roman {
                    Session::roman(kind, number)?
                } else {
                    Session::new(kind, number)?
                };
                Symbol::new(series, session, serial, part)
            },
        )
}

proptest! {
    #[test]
    fn parse_never_panics(text in ".{0,200}") {
        let _ = Symbol::parse(&text);
        let _ = Symbol::parse_short(&text, Series::GaResolution);
    }

    #[test]
    fn parse_never_panics_on_symbol_like_text(
        text in "[AaERSHCDNV0-9IXLMes/() .\u{a0}\u{2011}-]{0,40}"
    ) {
        let _ = Symbol::parse(&text);
        if let Some(symbol) = Symbol::parse(&text) {
            prop_assert_eq!(Symbol::parse(&symbol.to_string()), Some(symbol));
        }
        for series in Series::ALL {
            let _ = Symbol::parse_short(&text, series);
        }
    }

    #[test]
    fn display_then_parse_round_trips(symbol in valid_symbol()) {
        let printed = symbol.to_string();
        prop_assert_eq!(Symbol::parse(&printed), Some(symbol));
        prop_assert_eq!(Symbol::parse(&printed.to_lowercase()), Some(symbol));
        prop_assert_eq!(Symbol::parse_short(&symbol.number(), symbol.series()), Some(symbol));
        let json = serde_json::to_string(&symbol).unwrap();
        prop_assert_eq!(serde_json::from_str::<Symbol>(&json).unwrap(), symbol);
    }
}
