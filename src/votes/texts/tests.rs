use super::*;
use crate::corpus::load::load_embedded;
use crate::corpus::model::Body;
use crate::corpus::symbol::Symbol;
use crate::votes::store::RollCallId;

fn id(code: &str) -> CountryId {
    CountryId::of_code(code).unwrap()
}

fn on(store: &VoteStore, symbol: &str) -> RollCallId {
    let symbol = Symbol::parse(symbol).unwrap();
    store.on_symbol(&symbol)[0]
}

fn sample() -> (Vec<Resolution>, VoteStore) {
    let corpus = load_embedded();
    let store = from_texts(&corpus.resolutions);
    (corpus.resolutions, store)
}

/// 44/11 (16 July 2020): 31 + 15 + 1 = 47 States named, the Council's 47 seats
/// (`seats.tsv`): Germany against, Mexico abstaining, and the United States, which had left the
/// Council in June 2018, in no list: not a member.
#[test]
fn a_full_council_vote_says_who_was_not_a_member() {
    let (_, store) = sample();
    let rc = on(&store, "A/HRC/RES/44/11");
    assert!(store.get(rc).unwrap().lists_every_member);
    assert_eq!(store.cast(rc, id("DEU")), Cast::No);
    assert_eq!(store.cast(rc, id("MEX")), Cast::Abstain);
    assert_eq!(store.cast(rc, id("AFG")), Cast::Yes);
    assert_eq!(store.cast(rc, id("USA")), Cast::NotMember);
    // 44/18 and 46/13 fill the seats too (30+15+2, 26+15+6): the USA was not a member.
    for symbol in ["A/HRC/RES/44/18", "A/HRC/RES/46/13"] {
        assert_eq!(store.cast(on(&store, symbol), id("USA")), Cast::NotMember);
    }
}

/// 37/23 (23 March 2018): 28 + 1 + 17 = 46 names for 47 seats: the United States voted no, and
/// a State in no list may have sat and been absent, or not: "not listed", never "absent".
#[test]
fn a_vote_whose_lists_fall_short_says_nothing_of_the_others() {
    let (resolutions, store) = sample();
    let rc = on(&store, "A/HRC/RES/37/23");
    assert!(!store.get(rc).unwrap().lists_every_member);
    assert_eq!(store.cast(rc, id("USA")), Cast::No);
    let vote = resolutions
        .iter()
        .find(|r| r.number.as_deref() == Some("37/23"))
        .and_then(|r| r.vote.as_ref())
        .unwrap();
    assert_eq!(vote.ballot_of("FRA"), None);
    assert_eq!(store.cast(rc, id("FRA")), Cast::NotListed);
}

/// A full list whose stated count disagrees, or a list one State short, says nothing of who sat.
#[test]
fn lists_that_disagree_with_their_counts_or_fall_short_do_not_fill_the_seats() {
    let (resolutions, _) = sample();
    let r = resolutions
        .iter()
        .find(|r| r.number.as_deref() == Some("44/11"))
        .unwrap();
    let vote = r.vote.clone().unwrap();
    assert!(fills_the_seats(r, &vote));
    let mut miscounted = vote.clone();
    miscounted.yes = Some(32);
    assert!(!fills_the_seats(r, &miscounted));
    let mut short = vote.clone();
    short.in_favour.pop();
    short.yes = Some(30);
    assert!(!fills_the_seats(r, &short));
    let mut twice = vote.clone();
    let first = twice.in_favour[0].clone();
    twice.in_favour[1] = first;
    assert!(!fills_the_seats(r, &twice));
    let mut unread = vote.clone();
    unread.in_favour[0].code = None;
    assert!(!fills_the_seats(r, &unread));
    let mut undated = r.clone();
    undated.adopted_on = None;
    assert!(!fills_the_seats(&undated, &vote));
    // The same lists in a body whose seats the table does not hold.
    let mut elsewhere = r.clone();
    elsewhere.body = Some(Body::Ga);
    assert!(!fills_the_seats(&elsewhere, &vote));
}

/// General Assembly texts never print their vote: no roll call from them.
#[test]
fn general_assembly_texts_give_no_roll_call() {
    let (resolutions, store) = sample();
    assert!(resolutions.iter().any(|r| r.body == Some(Body::Ga)));
    assert!(
        store
            .iter()
            .all(|(_, rc)| rc.body == Some(Body::Hrc) && rc.origin == Origin::Text)
    );
    assert_eq!(store.len(), 4, "44/11, 44/18, 46/13, 37/23");
}

/// The four answers for a State that took no position are told apart, in words and in JSON:
/// absent and non-voting come from imported records (a store built by hand here), not a member
/// and not listed from what the lists cover.
#[test]
fn absent_non_member_non_voting_and_not_listed_are_told_apart() {
    let (_, mut store) = sample();
    let mut record = RollCall::new("A/RES/75/1", Origin::Undl, "undl.csv");
    record.lists_every_member = true;
    let record = store.push(record);
    store.set(record, id("FRA"), Cast::Absent);
    store.set(record, id("DEU"), Cast::NonVoting);
    let full = on(&store, "A/HRC/RES/44/11");
    let short = on(&store, "A/HRC/RES/37/23");
    let answers = [
        store.cast(record, id("FRA")),
        store.cast(record, id("DEU")),
        store.cast(full, id("USA")),
        store.cast(short, id("FRA")),
    ];
    assert_eq!(
        answers,
        [
            Cast::Absent,
            Cast::NonVoting,
            Cast::NotMember,
            Cast::NotListed
        ]
    );
    let words: HashSet<&str> = answers.iter().map(|c| c.as_str()).collect();
    let labels: HashSet<&str> = answers.iter().map(|c| c.label()).collect();
    assert_eq!((words.len(), labels.len()), (4, 4));
    assert!(answers.iter().all(|c| !c.is_position()));
}
