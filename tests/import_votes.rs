//! `resolu import-votes`: the readers over fixtures written for each layout
//! (`tests/fixtures/votes/`), the real Voeten data when `../shared/votes/unvotes/` is present,
//! the saved store in the cache dir, and the command end to end.

#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use resolu::votes::import::{self, Layout, RollCalls};
use resolu::votes::{Cast, CountryId, Scope, VoteStore};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/votes")
        .join(name)
}

fn id(code: &str) -> CountryId {
    CountryId::of_code(code).unwrap()
}

fn unvotes_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/votes/unvotes");
    if dir.join("unvotes.csv").is_file() && dir.join("roll_calls.csv").is_file() {
        Some(dir)
    } else {
        eprintln!(
            "{} absent: the test over the real unvotes data is skipped",
            dir.display()
        );
        None
    }
}

/// The roll call on `symbol` of `scope` (the first).
fn on(store: &VoteStore, symbol: &str, scope: Scope) -> resolu::votes::RollCallId {
    let symbol = resolu::corpus::symbol::Symbol::parse(symbol).unwrap();
    *store
        .on_symbol(&symbol)
        .iter()
        .find(|&&rc| store.get(rc).unwrap().scope == scope)
        .unwrap()
}

fn read(name: &str) -> import::FileImport {
    let path = fixture(name);
    import::read(name, std::fs::File::open(&path).unwrap()).unwrap()
}

fn has_warning(report: &import::Report, start: &str) -> bool {
    report.warnings.iter().any(|w| w.starts_with(start))
}

#[test]
fn the_fixtures_keep_their_bom_and_crlf() {
    // Written so on purpose (.gitattributes keeps them as they are).
    let v3 = std::fs::read(fixture("undl_ga_v3.csv")).unwrap();
    assert!(v3.starts_with(b"\xEF\xBB\xBF") && v3.windows(2).any(|w| w == b"\r\n"));
    let unvotes = std::fs::read(fixture("voeten/unvotes.csv")).unwrap();
    assert!(unvotes.windows(2).any(|w| w == b"\r\n"));
}

#[test]
fn undl_ga_v3_with_a_bom_crlf_es_10_floats_and_bad_rows() {
    let import = read("undl_ga_v3.csv");
    let (store, r) = (&import.store, &import.report);
    assert_eq!(r.layout, Some(Layout::UndlLong));
    assert_eq!(r.rows, 10);
    // Line 7 is cut short, line 11 has the vote "Q".
    assert_eq!(r.skipped, 2, "{:?}", r.warnings);
    assert!(has_warning(
        r,
        "undl_ga_v3.csv:7: 5 fields where the header has 20; row skipped"
    ));
    assert!(has_warning(
        r,
        "undl_ga_v3.csv:11: vote “Q” is none of Y, N, A, X, NV"
    ));
    // Line 8: ATLANTIS is in no table.
    assert_eq!(r.unknown_countries, 1);
    assert!(has_warning(
        r,
        "undl_ga_v3.csv:8: country “ATLANTIS” (code “ATL”)"
    ));
    assert_eq!(r.blank_votes, 1);
    assert_eq!(r.casts, 7);
    assert_eq!(store.len(), 2);
    let es = on(store, "A/RES/ES-10/21", Scope::Resolution);
    let rc = store.get(es).unwrap();
    assert_eq!(rc.session.as_deref(), Some("ES-10"));
    assert_eq!(rc.line, Some(2));
    assert_eq!(rc.totals.yes, Some(120));
    assert_eq!(rc.totals.non_voting, Some(20));
    assert!(rc.lists_every_member);
    assert_eq!(rc.date, chrono::NaiveDate::from_ymd_opt(2018, 6, 13));
    assert_eq!(
        rc.title.as_deref(),
        Some("Protection of the Palestinian civilian population")
    );
    assert_eq!(store.cast(es, id("FRA")), Cast::Yes);
    assert_eq!(store.cast(es, id("USA")), Cast::No);
    assert_eq!(store.cast(es, id("TUR")), Cast::Abstain);
    assert_eq!(store.cast(es, id("CZE")), Cast::NonVoting);
    // A blank ms_vote on a member's row: absent (README).
    assert_eq!(store.cast(es, id("CHN")), Cast::Absent);
    // No row: not a member that day.
    assert_eq!(store.cast(es, id("DEU")), Cast::NotMember);
    // Upper-case historical names; "URS" is no code of the table, the name decides.
    let zionism = on(store, "A/RES/3379(XXX)", Scope::Resolution);
    assert_eq!(store.cast(zionism, id("SUN")), Cast::No);
    assert_eq!(store.cast(zionism, id("YUG")), Cast::Yes);
    assert_eq!(store.cast(zionism, id("USA")), Cast::NotMember);
}

#[test]
fn undl_ga_v1_headers_and_nv() {
    let import = read("undl_ga_v1.csv");
    let (store, r) = (&import.store, &import.report);
    assert_eq!(r.layout, Some(Layout::UndlLong));
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    assert_eq!(r.casts, 4);
    let rc = on(store, "A/RES/47/1", Scope::Resolution);
    assert_eq!(store.cast(rc, id("CSK")), Cast::Yes);
    assert_eq!(store.cast(rc, id("TUR")), Cast::Abstain);
    assert_eq!(store.cast(rc, id("YUG")), Cast::NonVoting);
    let totals = store.get(rc).unwrap().totals;
    assert_eq!(
        (totals.yes, totals.no, totals.abstain, totals.non_voting),
        (Some(127), Some(6), Some(26), Some(20))
    );
    assert_eq!(store.get(rc).unwrap().session.as_deref(), Some("47"));
}

#[test]
fn undl_transformed_one_row_per_resolution() {
    let import = read("undl_ga_transformed.csv");
    let (store, r) = (&import.store, &import.report);
    assert_eq!(r.layout, Some(Layout::UndlWide));
    assert_eq!(r.skipped, 1);
    assert!(has_warning(
        r,
        "undl_ga_transformed.csv:4: 7 fields where the header has 15"
    ));
    assert_eq!(store.len(), 2);
    let palestine = on(store, "A/RES/67/19", Scope::Resolution);
    assert_eq!(store.cast(palestine, id("AFG")), Cast::Yes);
    assert_eq!(store.cast(palestine, id("USA")), Cast::No);
    assert_eq!(store.cast(palestine, id("CZE")), Cast::Abstain);
    assert_eq!(store.cast(palestine, id("SSD")), Cast::NonVoting);
    assert_eq!(store.get(palestine).unwrap().totals.yes, Some(138));
    // A blank cell: no row in the long file, not a member (South Sudan in 1975).
    let zionism = on(store, "A/RES/3379 (XXX)", Scope::Resolution);
    assert_eq!(store.cast(zionism, id("SSD")), Cast::NotMember);
    assert_eq!(store.cast(zionism, id("TUR")), Cast::Abstain);
    assert_eq!(r.casts, 10);
}

#[test]
fn undl_security_council_with_permanent_member() {
    let import = read("undl_sc_v3.csv");
    let (store, r) = (&import.store, &import.report);
    assert_eq!(r.layout, Some(Layout::UndlLong));
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    let rc = on(store, "S/RES/2334 (2016)", Scope::Resolution);
    let call = store.get(rc).unwrap();
    assert_eq!(call.body, Some(resolu::corpus::model::Body::Sc));
    assert_eq!(call.session.as_deref(), Some("2016"));
    assert!(
        call.title
            .as_deref()
            .unwrap()
            .starts_with("Resolution 2334 (2016)")
    );
    assert_eq!(store.cast(rc, id("USA")), Cast::Abstain);
    assert_eq!(store.cast(rc, id("SEN")), Cast::Yes);
    // Not on the Council that year.
    assert_eq!(store.cast(rc, id("DEU")), Cast::NotMember);
}

#[test]
fn voeten_votes_with_their_roll_calls() {
    let mut report = import::Report::default();
    let calls = RollCalls::read(
        "roll_calls.csv",
        std::fs::File::open(fixture("voeten/roll_calls.csv")).unwrap(),
        &mut report,
    )
    .unwrap();
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    let import = import::read_voeten(
        "unvotes.csv",
        std::fs::File::open(fixture("voeten/unvotes.csv")).unwrap(),
        calls,
    )
    .unwrap();
    let (store, r) = (&import.store, &import.report);
    assert_eq!(r.rows, 15);
    assert_eq!(r.skipped, 2, "{:?}", r.warnings);
    assert!(has_warning(
        r,
        "unvotes.csv:6: 3 fields where the header has 4"
    ));
    assert!(has_warning(
        r,
        "unvotes.csv:16: vote “maybe” is none of yes, no, abstain"
    ));
    assert_eq!(r.unknown_countries, 1);
    assert!(has_warning(
        r,
        "unvotes.csv:14: country “Zanzibar” (code “NA”)"
    ));
    assert_eq!(store.len(), 6);
    let zionism = on(store, "A/RES/3379 (XXX)", Scope::Resolution);
    let rc = store.get(zionism).unwrap();
    assert_eq!(rc.written, "R/30/3379");
    assert!(!rc.lists_every_member);
    assert_eq!(store.cast(zionism, id("USA")), Cast::No);
    assert_eq!(store.cast(zionism, id("RUS")), Cast::Yes);
    // R's NA for Namibia and the Federal Republic of Germany: read by name.
    assert_eq!(store.cast(zionism, id("DEU")), Cast::No);
    assert_eq!(store.cast(zionism, id("NAM")), Cast::Yes);
    // unvotes dropped absent and non-member rows: a country left out is not listed.
    assert_eq!(store.cast(zionism, id("FRA")), Cast::NotListed);
    let amendment = on(store, "A/RES/3379 (XXX)", Scope::Amendment);
    assert_eq!(store.cast(amendment, id("USA")), Cast::Yes);
    let paragraph = on(store, "A/RES/3379 (XXX)", Scope::Paragraph);
    assert_eq!(store.cast(paragraph, id("USA")), Cast::Abstain);
    // The resolution's vote is the whole-resolution roll call only.
    let speaking: Vec<_> = store
        .resolution_votes()
        .into_iter()
        .filter(|&rc| store.get(rc).unwrap().symbol == store.get(zionism).unwrap().symbol)
        .collect();
    assert_eq!(speaking, vec![zionism]);
    let part = on(store, "A/RES/1061 A (I)", Scope::Resolution);
    assert_eq!(
        store.cast(part, id("CHN")),
        Cast::Yes,
        "Taiwan: the China seat"
    );
    assert_eq!(store.cast(part, id("YEM")), Cast::No);
    let nameless = store
        .iter()
        .find(|(_, rc)| rc.written == "rcid 201")
        .unwrap()
        .0;
    assert_eq!(store.get(nameless).unwrap().symbol, None);
    assert_eq!(store.cast(nameless, id("COD")), Cast::Abstain);
    assert_eq!(store.cast(nameless, id("KNA")), Cast::Yes);
    assert_eq!(store.cast(nameless, id("MMR")), Cast::No);
    let es = on(store, "A/RES/ES-10/21", Scope::Resolution);
    assert_eq!(store.get(es).unwrap().session.as_deref(), Some("ES-10"));
    assert_eq!(store.cast(es, id("USA")), Cast::No);
}

#[test]
fn the_real_unvotes_data() {
    let Some(dir) = unvotes_dir() else { return };
    eprintln!("reading the real data in {}", dir.display());
    let mut report = import::Report::default();
    let calls = RollCalls::read(
        "roll_calls.csv",
        std::fs::File::open(dir.join("roll_calls.csv")).unwrap(),
        &mut report,
    )
    .unwrap();
    assert_eq!(calls.len(), 6202, "{:?}", report.warnings);
    assert_eq!(report.skipped, 0, "{:?}", report.warnings);
    let import = import::read_voeten(
        "unvotes.csv",
        std::fs::File::open(dir.join("unvotes.csv")).unwrap(),
        calls,
    )
    .unwrap();
    let r = &import.report;
    eprintln!("{:?}", r.warnings);
    assert_eq!(r.layout, Some(Layout::VoetenVotes));
    assert_eq!(r.rows, 869_937);
    assert_eq!(r.skipped, 0);
    // Zanzibar (2 rows, 1963-12-03) is the one name not in the country table.
    assert_eq!(r.unknown_countries, 2, "{:?}", r.warnings);
    assert_eq!(r.casts, 869_935);
    assert_eq!(import.store.len(), 6202);
    // rcid 1622 (roll_calls.csv): R/30/3379, "ZIONISM AS RACISM", 1975-11-01; unvotes.csv has
    // `1622,United States,US,no`.
    let store = &import.store;
    let zionism = on(store, "A/RES/3379 (XXX)", Scope::Resolution);
    let rc = store.get(zionism).unwrap();
    assert_eq!(rc.written, "R/30/3379");
    assert!(
        rc.title
            .as_deref()
            .unwrap()
            .starts_with("ZIONISM AS RACISM")
    );
    assert_eq!(store.cast(zionism, id("USA")), Cast::No);
}

/// `resolu` with its config and cache dirs in `dir`.
fn resolu(dir: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("resolu").unwrap();
    cmd.current_dir(dir)
        .env_remove("RESOLU_CORPUS")
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .env("HOME", dir);
    cmd
}

fn run(cmd: &mut assert_cmd::Command) -> (i32, String, String) {
    let output = cmd.output().unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn the_command_imports_lists_replaces_and_removes() {
    let dir = tempfile::tempdir().unwrap();
    let voeten = fixture("voeten");
    let (status, out, err) = run(resolu(dir.path()).arg("import-votes").arg(&voeten));
    assert_eq!(status, 0, "{err}");
    assert!(
        out.contains("unvotes.csv (with ")
            && out.contains("Voeten/unvotes votes, 6 roll calls, 12 casts, 2 rows skipped, 1 row of countries not in the table"),
        "{out}"
    );
    assert!(err.contains("unvotes.csv:14: country “Zanzibar”"), "{err}");
    assert!(dir.path().join("cache/resolu/imported-votes.bin").is_file());
    let (status, _, err) = run(resolu(dir.path())
        .arg("import-votes")
        .arg(fixture("undl_ga_v3.csv")));
    assert_eq!(status, 0, "{err}");
    // The same folder again replaces its roll calls.
    let (status, _, _) = run(resolu(dir.path()).arg("import-votes").arg(&voeten));
    assert_eq!(status, 0);
    let (_, list, _) = run(resolu(dir.path()).args(["import-votes", "--list"]));
    assert_eq!(list.lines().count(), 2, "{list}");
    assert!(
        list.contains("undl_ga_v3.csv: UN Digital Library voting data, 2 roll calls, 7 casts"),
        "{list}"
    );
    // Not a voting data set: status 1, the file named.
    let (status, _, err) = run(resolu(dir.path())
        .arg("import-votes")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")));
    assert_eq!(status, 1);
    assert!(err.contains("Cargo.toml: not a voting data set"), "{err}");
    let (status, out, _) = run(resolu(dir.path())
        .args(["import-votes", "--remove"])
        .arg(fixture("undl_ga_v3.csv")));
    assert_eq!(status, 0);
    assert!(out.contains("2 roll calls"), "{out}");
    let (_, list, _) = run(resolu(dir.path()).args(["import-votes", "--list"]));
    assert_eq!(list.lines().count(), 1, "{list}");
    let (status, _, _) = run(resolu(dir.path()).args(["import-votes", "--clear"]));
    assert_eq!(status, 0);
    let (_, list, err) = run(resolu(dir.path()).args(["import-votes", "--list"]));
    assert!(
        list.is_empty() && err.contains("no voting records imported"),
        "{err}"
    );
}

#[test]
fn check_reports_a_text_and_a_record_that_disagree() {
    let dir = tempfile::tempdir().unwrap();
    // A/HRC/RES/44/18 in sample-data: 30-15-2, Afghanistan in favour, Germany against.
    let record = dir.path().join("hrc.csv");
    std::fs::write(
        &record,
        "undl_id,resolution,date,total_yes,total_no,total_abstentions,AFG,DEU,FRA\n\
         1,A/HRC/RES/44/18,2020-07-17,29.0,16.0,2.0,N,N,\n",
    )
    .unwrap();
    let (status, _, err) = run(resolu(dir.path()).arg("import-votes").arg(&record));
    assert_eq!(status, 0, "{err}");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let (_, out, err) = run(resolu(dir.path()).arg("check").arg(&sample));
    let lines: Vec<&str> = out.lines().filter(|l| l.contains("vote differs")).collect();
    assert_eq!(lines.len(), 1, "{out}\n{err}");
    assert!(
        lines[0].starts_with("A/HRC/RES/44/18: vote differs between the text ("),
        "{}",
        lines[0]
    );
    assert!(
        lines[0].contains(
            "hrc.csv:2 (undl): totals (yes-no-abstain) 30-15-2 and 29-16-2; AFG yes and no"
        ),
        "{}",
        lines[0]
    );
    assert!(!lines[0].contains("DEU"), "agreeing casts are not reported");
}

#[test]
fn config_files_are_imported_when_changed() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let file = dir.path().join("sc.csv");
    std::fs::copy(fixture("undl_sc_v3.csv"), &file).unwrap();
    let first = resolu::votes::imported::load_from(Some(&cache), std::slice::from_ref(&file));
    assert_eq!(first.store.len(), 1, "{:?}", first.warnings);
    let (saved, _) =
        resolu::votes::saved::Saved::read(&resolu::votes::imported::saved_path(&cache)).unwrap();
    assert!(saved.files()[0].from_config);
    // Unchanged: read from the saved store (the file could be gone meanwhile, its import kept).
    std::fs::rename(&file, dir.path().join("moved.csv")).unwrap();
    let again = resolu::votes::imported::load_from(Some(&cache), std::slice::from_ref(&file));
    assert_eq!(again.store.len(), 1);
    assert!(
        again.warnings[0].contains("no such file; its earlier import is kept"),
        "{:?}",
        again.warnings
    );
    // Changed: imported again, replacing its roll calls.
    let text = std::fs::read_to_string(fixture("undl_sc_v3.csv")).unwrap();
    std::fs::write(
        &file,
        text.replace("S/RES/2334 (2016)", "S/RES/2335 (2016)"),
    )
    .unwrap();
    let changed = resolu::votes::imported::load_from(Some(&cache), &[file]);
    assert_eq!(changed.store.len(), 1);
    let rc = changed.store.ids().next().unwrap();
    assert_eq!(
        changed.store.get(rc).unwrap().shown_symbol(),
        "S/RES/2335 (2016)"
    );
}

#[test]
fn names_from_a_file_reach_the_terminal_inert() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("evil.csv");
    std::fs::write(
        &file,
        "rcid,country,country_code,vote\n1,\u{1b}]52;c;aGk=\u{7}Utopia,XX,yes\n",
    )
    .unwrap();
    let (status, _, err) = run(resolu(dir.path()).arg("import-votes").arg(&file));
    assert_eq!(status, 0, "{err}");
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    assert!(err.contains("\\x1b]52;c;aGk=\\x07Utopia"), "{err}");
}

/// `src:undl` and `v:recorded` in `search` see the imported records: the built-in samples'
/// A/RES/80/1 says nothing of its vote, and a record of one makes it match.
#[test]
fn search_keys_see_the_imported_records() {
    let dir = tempfile::tempdir().unwrap();
    let (_, before, _) = run(resolu(dir.path()).args(["search", "src:undl", "--json"]));
    assert_eq!(before.lines().count(), 0, "{before}");
    let record = dir.path().join("votes.csv");
    std::fs::write(
        &record,
        "undl_id,ms_code,ms_name,ms_vote,date,session,resolution,title,total_yes,total_no,\
         total_abstentions,total_non_voting,total_ms\n\
         9,FRA,FRANCE,Y,2025-09-19,80,A/RES/80/1,Participation,1,0,0,0,1\n",
    )
    .unwrap();
    let (status, _, err) = run(resolu(dir.path()).arg("import-votes").arg(&record));
    assert_eq!(status, 0, "{err}");
    for query in ["src:undl", "v:recorded sym:80/1"] {
        let (status, out, err) = run(resolu(dir.path()).args(["search", query, "--json"]));
        assert_eq!(status, 0, "{err}");
        assert!(out.lines().count() >= 1, "{query}: {out}{err}");
        assert!(
            out.lines().all(|l| l.contains("\"A/RES/80/1\"")),
            "{query}: {out}"
        );
    }
    // With --stdin the store is read when a query first asks about roll calls.
    let (status, out, err) = run(resolu(dir.path())
        .args(["search", "--stdin"])
        .write_stdin("coopération\nsrc:undl\n"));
    assert_eq!(status, 0, "{err}");
    let answers: Vec<&str> = out.lines().collect();
    assert_eq!(answers.len(), 2, "{out}");
    assert!(!answers[0].contains("\"total\":0"), "{out}");
    assert!(answers[1].contains("A/RES/80/1"), "{out}");
}
