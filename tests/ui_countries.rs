//! Any country from anywhere (issue 12): the country picker, a country's history with its bars,
//! the agreement ranking, and the query's `c:` following the chosen country. Keys go through
//! `update`; screens are drawn on a 120×40 TestBackend and snapshotted with insta.

#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

mod common;

use common::Harness;
use insta::assert_snapshot;
use resolu::app::action::SharedVotes;
use resolu::app::{Action, Command, InputTarget, Pane};
use resolu::corpus::model::Body;
use resolu::votes::{Cast, CountryId, Origin, RollCall, VoteStore};
use std::sync::Arc;

fn id(code: &str) -> CountryId {
    CountryId::of_code(code).unwrap()
}

/// A store built by hand: France over three GA sessions, with every answer the data can give,
/// a record only in voting data (no text in the corpus) and a title holding an escape sequence.
fn hand_store() -> VoteStore {
    let mut store = VoteStore::new();
    let rows: [(&str, &str, &str, Cast, bool, &str); 8] = [
        ("A/RES/73/1", "2018-10-01", "73", Cast::Yes, true, "Peace"),
        ("A/RES/73/2", "2018-11-01", "73", Cast::No, true, "Trade"),
        (
            "A/RES/74/1",
            "2019-10-01",
            "74",
            Cast::Abstain,
            true,
            "Seas",
        ),
        (
            "A/RES/74/2",
            "2019-11-01",
            "74",
            Cast::Absent,
            true,
            "Water",
        ),
        (
            "A/RES/74/3",
            "2019-12-01",
            "74",
            Cast::NonVoting,
            true,
            "Ice",
        ),
        (
            "A/RES/75/1",
            "2020-10-01",
            "75",
            Cast::No,
            true,
            "Bad \x1b[2Jtitle",
        ),
        (
            "A/RES/75/2",
            "2020-11-01",
            "75",
            Cast::NotMember,
            true,
            "Moon",
        ),
        (
            "A/RES/75/3",
            "2020-12-01",
            "75",
            Cast::NotListed,
            false,
            "Sun",
        ),
    ];
    for (symbol, date, session, cast, every, title) in rows {
        let mut rc = RollCall::new(symbol, Origin::Undl, "ga.csv");
        rc.date = date.parse().ok();
        rc.session = Some(session.to_string());
        rc.body = Some(Body::Ga);
        rc.title = Some(title.to_string());
        rc.lists_every_member = every;
        let rc = store.push(rc);
        // Germany votes yes throughout; France as the table says.
        store.set(rc, id("DEU"), Cast::Yes);
        if !matches!(cast, Cast::NotMember | Cast::NotListed) {
            store.set(rc, id("FRA"), cast);
        }
    }
    store
}

fn with_hand_store() -> Harness {
    let mut h = Harness::new();
    let store = SharedVotes(Arc::new(hand_store()));
    h.act(Action::VotesLoaded(store, Vec::new()));
    h
}

#[test]
fn the_picker_opens_from_any_pane_and_filters_as_typed() {
    let mut h = Harness::new();
    for pane in ["", "<tab>", "<tab><tab>"] {
        let mut h = Harness::new();
        h.keys(pane);
        h.keys("C");
        assert!(h.app.picker.is_some(), "{pane}");
        assert_eq!(h.app.input, Some(InputTarget::CountryPicker));
        h.keys("<esc>");
        assert!(h.app.picker.is_none() && h.app.input.is_none());
    }
    h.keys("Callem");
    assert_eq!(h.app.picker.as_ref().unwrap().filter.text(), "allem");
    assert_snapshot!("picker_typed", h.backend());
    // Typed text is text: `q` does not quit, `j` does not move.
    h.keys("<bs><bs><bs><bs><bs>chine");
    let first = resolu::app::views::matches("chine")[0];
    assert_eq!(first.code(), "CHN");
    // Enter: China's history from anywhere, although no resolution shown lists it.
    let command = h.act(Action::Accept);
    assert!(
        matches!(command, Some(Command::Search { .. })),
        "{command:?}"
    );
    assert_eq!(h.app.focus, Pane::Votes);
    assert_eq!(h.app.votes.history.as_ref().unwrap().country.code(), "CHN");
    assert_eq!(h.app.query.input.text(), "c:chn");
}

#[test]
fn arrows_move_in_the_picker() {
    let mut h = Harness::new();
    h.keys("Cguin");
    let found = resolu::app::views::matches("guin");
    assert!(found.len() > 2);
    h.keys("<down><down><up>");
    assert_eq!(h.app.picker.as_ref().unwrap().cursor.selected, 1);
    h.keys("<enter>");
    assert_eq!(h.app.votes.history.as_ref().unwrap().country, found[1]);
}

#[test]
fn a_country_history_with_its_bars_from_a_hand_built_store() {
    let mut h = with_hand_store();
    h.keys("Cfrance<enter>");
    let history = h.app.votes.history.clone().unwrap();
    // The query's c:fra is what chose France: every roll call stays in its history.
    assert_eq!(h.app.query.input.text(), "c:fra");
    assert_eq!(history.rows.len(), 8);
    assert_eq!(history.shares.len(), 3);
    // Session 74: abstain, absent, present not voting: a third each of 3 as a member.
    assert_eq!(history.shares[1].percent(Cast::Absent), 33);
    h.keys("z");
    let screen = h.screen();
    for words in [
        "voted yes",
        "voted no",
        "abstained",
        "absent",
        "present, did not vote",
        "not a member",
        "not listed",
    ] {
        assert!(screen.contains(words), "{words}\n{screen}");
    }
    // The title's escape is shown, never sent.
    assert!(!screen.contains('\x1b'));
    assert!(screen.contains("Bad \\x1b[2Jtitle"), "{screen}");
    assert_snapshot!("history_hand_store", h.backend());
    // Colour repeats the words: each answer in its own style.
    let buffer = h.buffer();
    let style_of = |words: &str| {
        let (x, y) = (0..buffer.area.height)
            .find_map(|y| {
                let row: String = (0..buffer.area.width)
                    .map(|x| buffer[(x, y)].symbol().to_string())
                    .collect();
                let at = row.find(&format!("  {words} ·"))?;
                Some((u16::try_from(row[..at].chars().count() + 2).unwrap(), y))
            })
            .unwrap_or_else(|| panic!("{words}"));
        buffer[(x, y)].style().fg
    };
    for (words, cast) in [
        ("voted no", Cast::No),
        ("absent", Cast::Absent),
        ("not a member", Cast::NotMember),
        ("present, did not vote", Cast::NonVoting),
    ] {
        assert_eq!(style_of(words), h.theme.cast(cast).fg, "{words}");
    }
    assert_ne!(style_of("voted no"), style_of("absent"));
    assert_ne!(style_of("absent"), style_of("not a member"));
    // Only its no votes.
    h.keys("x");
    let shown = h.app.votes.history.as_ref().unwrap().shown();
    assert_eq!(shown.len(), 2);
    assert!(shown.iter().all(|r| r.cast == Cast::No));
    // Enter on a record with no text in the corpus says so and stays.
    h.keys("<enter>");
    assert_eq!(h.app.focus, Pane::Votes);
    assert_eq!(
        h.app.message.as_deref(),
        Some("A/RES/73/2: no text in the corpus, only the voting records")
    );
}

/// Enter on a roll call whose text the query keeps out of the list (the United States was no
/// member of the Council that voted it, so `c:usa` does not find it) says so, not "no text".
#[test]
fn enter_on_a_roll_call_whose_text_the_query_leaves_out() {
    let mut h = Harness::new();
    h.keys("Cunited states<enter>");
    assert_eq!(h.app.query.input.text(), "c:usa");
    let history = h.app.votes.history.as_ref().unwrap();
    let at = (history.shown().iter())
        .position(|r| r.cast == Cast::NotMember)
        .expect("a Council vote without the United States in the samples");
    for _ in 0..at {
        h.keys("j");
    }
    h.keys("<enter>");
    assert_eq!(h.app.focus, Pane::Votes);
    let message = h.app.message.clone().unwrap();
    assert!(
        message.ends_with(": its text is outside the query (the list does not show it)"),
        "{message}"
    );
}

#[test]
fn a_country_history_from_the_sample_corpus() {
    let mut h = Harness::new();
    h.keys("Callemagne<enter>");
    let history = h.app.votes.history.as_ref().unwrap();
    assert!(!history.rows.is_empty());
    assert_snapshot!("history_sample_corpus", h.backend());
}

#[test]
fn the_query_and_the_vote_pane_follow_each_other() {
    let mut h = Harness::new();
    h.keys("Callemagne<enter>");
    assert_eq!(h.app.query.input.text(), "c:deu");
    // Typing another country in the query moves the history to it.
    h.keys("/<c-u>");
    for c in "coop c:chine".chars() {
        h.act(Action::Insert(c));
    }
    h.keys("<enter>");
    assert_eq!(h.app.votes.history.as_ref().unwrap().country.code(), "CHN");
    // Picking another replaces the query's c:, keeping its words.
    h.keys("Cfrance<enter>");
    assert_eq!(h.app.query.input.text(), "coop c:fra");
    // With words, the history holds the roll calls of the documents the query finds.
    let rows = h.app.votes.history.as_ref().unwrap().rows.len();
    assert!(rows <= h.app.documents.rows.len(), "{rows}");
}

#[test]
fn the_agreement_ranking() {
    let mut h = Harness::new();
    h.keys("Callemagne<enter>a");
    let ranking = h.app.votes.agreement.clone().unwrap();
    assert_eq!(ranking.country.code(), "DEU");
    assert!(ranking.rows.len() > 10);
    // Most alike first; each with its common votes.
    let first = ranking.rows[0].1;
    let last = ranking.rows.last().unwrap().1;
    assert!(first.index() >= last.index());
    assert!(first.common > 0);
    assert_snapshot!("agreement_most_alike", h.backend());
    // Again: least alike first.
    h.keys("a");
    let shown = h.app.votes.agreement.as_ref().unwrap().shown();
    assert_eq!(shown[0].1, last);
    // Enter: that country's history, and the query follows.
    let other = shown[0].0;
    h.keys("<enter>");
    assert!(h.app.votes.agreement.is_none());
    assert_eq!(h.app.votes.history.as_ref().unwrap().country, other);
    let token = format!("c:{}", other.code().to_ascii_lowercase());
    assert_eq!(h.app.query.input.text(), token);
    // Esc leaves the history for the breakdown.
    h.keys("<esc>");
    assert!(h.app.votes.history.is_none());
}

#[test]
fn agreement_figures_on_the_hand_store() {
    let mut h = with_hand_store();
    h.keys("Cfrance<enter>a");
    let ranking = h.app.votes.agreement.as_ref().unwrap();
    // France and Germany (yes throughout) by hand: yes·yes 1, no·yes 0, abstain·yes ½, no·yes 0
    // over 4 common votes (absent, non-voting, not a member, not listed left out): 1.5 / 4.
    let (other, a) = ranking.rows[0];
    assert_eq!(other.code(), "DEU");
    assert_eq!(a.common, 4);
    assert_eq!(a.index(), Some(0.375));
    let screen = h.screen();
    assert!(screen.contains("37.5%"), "{screen}");
}
