//! `votes` and `agree` on the sample texts joined with voting records built by hand (the seam
//! `all_votes` fills from `import-votes`), against figures worked out by hand.

use super::*;
use crate::commands::agree::{AgreeOptions, agree};
use crate::corpus::load::load_embedded;
use crate::corpus::model::Body;
use crate::votes::{Origin, RollCall, from_texts};
use serde_json::Value;

fn id(code: &str) -> CountryId {
    CountryId::of_code(code).unwrap()
}

/// The sample texts' four HRC roll calls, then four General Assembly roll calls "imported" from
/// the UN Digital Library (every member listed, so a State in no cell was not a member):
///
/// | rc | symbol     | date       | FRA     | DEU        | USA | CHN     |
/// |----|------------|------------|---------|------------|-----|---------|
/// | 1  | A/RES/74/1 | 2019-10-01 | yes     | yes        | no  | yes     |
/// | 2  | A/RES/74/2 | 2019-11-01 | yes     | abstain    | no  | absent  |
/// | 3  | A/RES/75/1 | 2020-10-01 | no      | no         | no  | yes     |
/// | 4  | A/RES/75/2 | 2020-11-01 | abstain | non-voting | yes | abstain |
///
/// Agreement over these four (same 1, one abstaining ½, yes/no 0; absent and non-voting rows
/// left out):
/// - FRA–DEU: 1 + ½ + 1 (rc 4 left out) = 2.5 over 3 = 0.833;
/// - FRA–CHN: 1 + 0 + 1 (rc 2 left out) = 2 over 3 = 0.667;
/// - FRA–USA: 0 + 0 + 1 + ½ = 1.5 over 4 = 0.375.
///
/// FRA per session: GA 74 yes 2 (100 %); GA 75 no 1, abstain 1 (50 %, 50 %).
/// CHN per session: GA 74 yes 1, absent 1: as a member 2, yes 50 %.
fn store(resolutions: &[Resolution]) -> VoteStore {
    use Cast::{Absent as X, Abstain as A, No as N, NonVoting as V, Yes as Y};
    let mut store = from_texts(resolutions);
    let mut records = VoteStore::new();
    let table = [
        ("A/RES/74/1", "2019-10-01", [Y, Y, N, Y]),
        ("A/RES/74/2", "2019-11-01", [Y, A, N, X]),
        ("A/RES/75/1", "2020-10-01", [N, N, N, Y]),
        ("A/RES/75/2", "2020-11-01", [A, V, Y, A]),
    ];
    for (symbol, date, casts) in table {
        let mut rc = RollCall::new(symbol, Origin::Undl, "undl.csv");
        rc.date = date.parse().ok();
        rc.session = rc
            .symbol
            .and_then(|s| s.session_number())
            .map(|n| n.to_string());
        rc.body = Some(Body::Ga);
        rc.title = Some(format!("Record title of {symbol}"));
        rc.lists_every_member = true;
        let rc = records.push(rc);
        for (code, cast) in ["FRA", "DEU", "USA", "CHN"].into_iter().zip(casts) {
            records.set(rc, id(code), cast);
        }
    }
    store.extend(records);
    store
}

fn run_votes(country: &str, options: &VotesOptions) -> (u8, String, String) {
    let corpus = load_embedded();
    let store = store(&corpus.resolutions);
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = votes(
        &corpus,
        &IndexSource::default(),
        &store,
        country,
        options,
        &mut out,
        &mut err,
    )
    .unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (status, text(out), text(err))
}

fn json_rows(country: &str, options: VotesOptions) -> Vec<Value> {
    let options = VotesOptions {
        json: true,
        ..options
    };
    let (status, out, err) = run_votes(country, &options);
    assert_eq!(status, EXIT_OK, "{err}");
    serde_json::from_str::<Value>(&out)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn with_query(query: &str) -> VotesOptions {
    VotesOptions {
        filter: VoteFilter {
            query: Some(query.into()),
            ..VoteFilter::default()
        },
        ..VotesOptions::default()
    }
}

fn words(rows: &[Value], field: &str) -> Vec<String> {
    rows.iter()
        .map(|r| r[field].as_str().unwrap_or("null").to_string())
        .collect()
}

#[test]
fn a_history_joins_texts_and_records_oldest_first_with_full_dates_and_titles() {
    let rows = json_rows("USA", VotesOptions::default());
    assert_eq!(
        words(&rows, "symbol"),
        [
            "A/HRC/RES/37/23",
            "A/RES/74/1",
            "A/RES/74/2",
            "A/HRC/RES/44/11",
            "A/HRC/RES/44/18",
            "A/RES/75/1",
            "A/RES/75/2",
            "A/HRC/RES/46/13"
        ]
    );
    // The United States had left the Council in 2018: not a member on 44/11, 44/18, 46/13.
    assert_eq!(
        words(&rows, "vote"),
        [
            "no",
            "no",
            "no",
            "not-member",
            "not-member",
            "no",
            "yes",
            "not-member"
        ]
    );
    assert_eq!(rows[0]["adopted_on"], "2018-03-23");
    assert_eq!(rows[0]["source"], "text");
    assert_eq!(rows[0]["body"], "HRC");
    assert_eq!(rows[0]["session"], "37");
    assert_eq!(rows[1]["source"], "undl");
    assert_eq!(rows[1]["title"], "Record title of A/RES/74/1");
    assert_eq!(rows[3]["label"], "not a member");
    // A State in no list of 37/23 (46 names for 47 seats): not listed, never absent.
    let fra = json_rows("FRA", VotesOptions::default());
    assert_eq!(fra[0]["symbol"], "A/HRC/RES/37/23");
    assert_eq!(fra[0]["vote"], "not-listed");
    let chn = json_rows("CHN", VotesOptions::default());
    assert_eq!(chn[2]["vote"], "absent");
    let deu = json_rows("DEU", VotesOptions::default());
    assert_eq!(deu[6]["vote"], "non-voting");
    assert_eq!(deu[6]["label"], "present, did not vote");
    // A State on none of the roll calls: the records list every member, the texts do not all.
    let bra = json_rows("BRA", VotesOptions::default());
    assert_eq!(bra[1]["vote"], "not-member");
}

#[test]
fn the_text_listing_shows_labels_sources_and_whole_dates() {
    let (status, out, err) = run_votes("usa", &VotesOptions::default());
    assert_eq!(status, EXIT_OK);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 8, "{out}");
    assert!(lines[0].starts_with("A/HRC/RES/37/23    2018-03-23  HRC 37   voted no"));
    assert!(lines[0].contains("  text  "), "{out}");
    assert!(
        lines[1].contains("GA 74") && lines[1].contains("undl"),
        "{out}"
    );
    assert!(lines[1].ends_with("Record title of A/RES/74/1"), "{out}");
    assert!(lines[3].contains("not a member"), "{out}");
    assert!(
        err.contains("United States") && err.contains("8 roll calls"),
        "{err}"
    );
}

#[test]
fn only_one_answer_and_shares_per_session() {
    let no = VotesOptions {
        cast: Some(Cast::No),
        ..VotesOptions::default()
    };
    let rows = json_rows("USA", no);
    assert_eq!(rows.len(), 4);
    assert!(rows.iter().all(|r| r["vote"] == "no"));
    let by_session = VotesOptions {
        by_session: true,
        ..VotesOptions::default()
    };
    let sessions = json_rows("FRA", by_session.clone());
    let find = |name: &str| {
        sessions
            .iter()
            .find(|s| s["session"] == name)
            .cloned()
            .unwrap()
    };
    assert_eq!(find("GA 74")["counts"]["yes"], 2);
    assert_eq!(find("GA 75")["counts"]["no"], 1);
    assert_eq!(find("GA 75")["counts"]["abstain"], 1);
    assert_eq!(find("HRC 37")["counts"]["not-listed"], 1);
    let (_, out, _) = run_votes("CHN", &by_session);
    let line = out.lines().find(|l| l.starts_with("GA 74")).unwrap();
    assert!(line.ends_with("yes 50% no 0% abstain 0%"), "{out}");
    let line = out.lines().find(|l| l.starts_with("GA 75")).unwrap();
    assert!(line.ends_with("yes 50% no 0% abstain 50%"), "{out}");
}

#[test]
fn the_filter_reads_texts_and_records() {
    let symbols = |options: VotesOptions| words(&json_rows("USA", options), "symbol");
    assert_eq!(symbols(with_query("b:hrc")).len(), 4);
    // Keys a record answers reach roll calls without a text; words need a text.
    assert_eq!(symbols(with_query("s:75")), ["A/RES/75/1", "A/RES/75/2"]);
    assert_eq!(symbols(with_query("src:undl")).len(), 4);
    assert_eq!(symbols(with_query("c:chn=abstain")), ["A/RES/75/2"]);
    assert_eq!(symbols(with_query("sym:74/2")), ["A/RES/74/2"]);
    let worded = symbols(with_query("vaccins"));
    assert!(
        worded.contains(&"A/HRC/RES/46/13".to_string()),
        "{worded:?}"
    );
    assert!(worded.iter().all(|s| s.starts_with("A/HRC/")), "{worded:?}");
    assert_eq!(symbols(with_query("v:recorded")).len(), 8);
    assert!(symbols(with_query("v:none")).is_empty());
    let window = |session: Option<&str>, years| VotesOptions {
        filter: VoteFilter {
            query: None,
            window: Window {
                session: session.map(String::from),
                years,
            },
        },
        ..VotesOptions::default()
    };
    assert_eq!(symbols(window(Some("44"), None)).len(), 2);
    assert_eq!(
        symbols(window(None, Some(2020..=2020))),
        [
            "A/HRC/RES/44/11",
            "A/HRC/RES/44/18",
            "A/RES/75/1",
            "A/RES/75/2"
        ]
    );
}

#[test]
fn an_unknown_country_is_a_usage_error() {
    let (status, out, err) = run_votes("narnia", &VotesOptions::default());
    assert_eq!(status, EXIT_USAGE);
    assert!(out.is_empty() && err.contains("narnia"), "{err}");
}

fn run_agree(a: &str, b: Option<&str>, options: &AgreeOptions) -> String {
    let corpus = load_embedded();
    let store = store(&corpus.resolutions);
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = agree(
        &corpus,
        &IndexSource::default(),
        &store,
        a,
        b,
        options,
        &mut out,
        &mut err,
    )
    .unwrap();
    assert_eq!(status, EXIT_OK);
    String::from_utf8(out).unwrap()
}

/// The figures of [`store`]'s table, over the General Assembly records (`src:undl`).
#[test]
fn agreement_figures_match_the_hand_figured_table() {
    let undl = AgreeOptions {
        filter: VoteFilter {
            query: Some("src:undl".into()),
            ..VoteFilter::default()
        },
        ..AgreeOptions::default()
    };
    let out = run_agree("FRA", Some("DEU"), &undl);
    assert_eq!(out.trim(), "FRA – DEU  0.833  (3 votes in common)");
    let json = AgreeOptions {
        json: true,
        ..undl.clone()
    };
    let pair: Value = serde_json::from_str(&run_agree("FRA", Some("USA"), &json)).unwrap();
    assert_eq!(pair["index"], 0.375);
    assert_eq!(pair["common"], 4);
    let ranking: Value = serde_json::from_str(&run_agree("FRA", None, &json)).unwrap();
    let codes: Vec<&str> = ranking
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["DEU", "CHN", "USA"]);
    assert_eq!(ranking[1]["common"], 3);
    let bottom = AgreeOptions {
        bottom: Some(1),
        ..undl.clone()
    };
    let out = run_agree("FRA", None, &bottom);
    assert_eq!(out.lines().count(), 1);
    assert!(
        out.starts_with("   3. USA United States") && out.contains("0.375  (4 votes in common)"),
        "{out}"
    );
    // Rank, code, the name in its column of 34, then the figure.
    assert_eq!(out.find("0.375"), Some(6 + 4 + 34 + 1), "{out}");
    let top = AgreeOptions {
        top: Some(2),
        ..undl
    };
    let out = run_agree("FRA", None, &top);
    assert_eq!(out.lines().count(), 2);
    assert!(
        out.lines().nth(1).unwrap().contains("CHN") && out.contains("0.667"),
        "{out}"
    );
}
