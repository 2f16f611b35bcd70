use super::*;
use crate::votes::cast::{Cast, Scope};
use crate::votes::country::CountryId;

fn id(code: &str) -> CountryId {
    CountryId::of_code(code).unwrap()
}

#[test]
fn voeten_unres_becomes_a_un_symbol() {
    let s = |u: &str| voeten_symbol(u).map(|s| s.to_string());
    assert_eq!(s("R/30/3379").as_deref(), Some("A/RES/3379 (XXX)"));
    assert_eq!(s("R/31/6").as_deref(), Some("A/RES/31/6"));
    assert_eq!(s("R/1/1061A").as_deref(), Some("A/RES/1061 A (I)"));
    assert_eq!(s("R/1/1287/A").as_deref(), Some("A/RES/1287 A (I)"));
    assert_eq!(s("R/50/38B").as_deref(), Some("A/RES/50/38 B"));
    assert_eq!(s("A/RES/71/5").as_deref(), Some("A/RES/71/5"));
    assert_eq!(s("A/RES/ES-10/21").as_deref(), Some("A/RES/ES-10/21"));
    for other in [
        "",
        "NA",
        "SS/1/59",
        "R/31/208/III",
        "R/61/128AB",
        "R/10 65",
        "R/0/1",
    ] {
        assert_eq!(s(other), None, "{other}");
    }
}

#[test]
fn a_bom_crlf_and_a_malformed_row() {
    let csv = "\u{feff}rcid,country,country_code,vote\r\n1,France,FR,yes\r\n1,Chad\r\n\r\n1,Namibia,NA,\"no\"\r\n";
    let import = read("v.csv", csv.as_bytes()).unwrap();
    assert_eq!(import.report.layout, Some(Layout::VoetenVotes));
    assert_eq!(import.report.rows, 3);
    assert_eq!(import.report.casts, 2);
    assert_eq!(import.report.skipped, 1);
    assert!(
        import
            .report
            .warnings
            .iter()
            .any(|w| w.starts_with("v.csv:3: 2 fields")),
        "{:?}",
        import.report.warnings
    );
    let rc = import.store.ids().next().unwrap();
    assert_eq!(import.store.cast(rc, id("FRA")), Cast::Yes);
    assert_eq!(import.store.cast(rc, id("NAM")), Cast::No);
    assert_eq!(import.store.cast(rc, id("TCD")), Cast::NotListed);
    assert_eq!(import.store.get(rc).unwrap().written, "rcid 1");
}

#[test]
fn roll_calls_give_symbols_scopes_and_titles() {
    let calls = "rcid,session,importantvote,date,unres,amend,para,short,descr\n\
                 7,30,1,1975-11-10,R/30/3379,0,0,ZIONISM,TO DETERMINE\n\
                 8,30,0,1975-11-10,R/30/3379,1,0,ZIONISM,AN AMENDMENT\n\
                 9,30,0,1975-11-10,NA,NA,1,,A PARAGRAPH\n";
    let mut report = Report::default();
    let rcs = RollCalls::read("r.csv", calls.as_bytes(), &mut report).unwrap();
    assert_eq!(rcs.len(), 3);
    let votes = "rcid,country,country_code,vote\n7,United States,US,no\n8,Taiwan,TW,yes\n9,Zanzibar,NA,yes\n";
    let import = read_voeten("u.csv", votes.as_bytes(), rcs).unwrap();
    let store = &import.store;
    let ids: Vec<_> = store.ids().collect();
    let first = store.get(ids[0]).unwrap();
    assert_eq!(first.shown_symbol(), "A/RES/3379 (XXX)");
    assert_eq!(first.scope, Scope::Resolution);
    assert_eq!(first.title.as_deref(), Some("ZIONISM — TO DETERMINE"));
    assert_eq!(store.get(ids[1]).unwrap().scope, Scope::Amendment);
    assert_eq!(store.get(ids[2]).unwrap().scope, Scope::Paragraph);
    assert_eq!(store.get(ids[2]).unwrap().written, "rcid 9");
    assert_eq!(store.cast(ids[0], id("USA")), Cast::No);
    assert_eq!(store.cast(ids[1], id("CHN")), Cast::Yes);
    assert_eq!(import.report.unknown_countries, 1);
    assert!(
        import
            .report
            .warnings
            .iter()
            .any(|w| w.contains("u.csv:4: country “Zanzibar”")),
        "{:?}",
        import.report.warnings
    );
}

#[test]
fn not_a_voting_file_is_an_error_naming_it() {
    let err = read("x.csv", "a,b\n1,2\n".as_bytes()).unwrap_err();
    assert!(
        err.to_string().starts_with("x.csv: not a voting data set"),
        "{err}"
    );
    assert!(read("e.csv", "".as_bytes()).is_err());
}
