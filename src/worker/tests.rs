//! The loader and the search worker, driven inline and on their threads.

use super::loader::{PROGRESS_EVERY, Throttle};
use super::searcher::Worker;
use super::*;
use crate::app::Action;
use crate::corpus::load::Corpus;
use crate::corpus::load::load_embedded;
use crate::corpus::stream::Tally;
use crate::index::Index;
use crate::index::query::parse;
use crate::index::recorded::RollCallSources;
use std::cell::RefCell;
use std::sync::Arc;
use std::sync::atomic::AtomicU64;
use std::sync::mpsc::channel;
use std::thread;
use std::time::{Duration, Instant};

#[test]
fn the_worker_skips_to_the_newest_query() {
    let corpus = load_embedded();
    let (tx, rx) = channel();
    for (generation, text) in [(1, "c"), (2, "co"), (3, "coop")] {
        let query = parse(text);
        tx.send(Request::Search {
            generation,
            query,
            limit: 5,
        })
        .unwrap();
    }
    let index = Arc::new(Index::build(&corpus.resolutions));
    tx.send(Request::Index(index, Arc::new(corpus))).unwrap();
    drop(tx);
    let answered = RefCell::new(Vec::new());
    serve(&rx, |action| {
        if let Action::SearchDone(outcome) = action {
            answered.borrow_mut().push(outcome.generation);
        }
        true
    });
    assert_eq!(answered.into_inner(), vec![3]);
}

/// `src:undl` finds nothing in the texts alone; once the vote store's sources come, the
/// query answered last is answered again with them.
#[test]
fn the_sources_answer_the_last_query_again() {
    use crate::index::recorded::RollCallSource;
    let corpus = load_embedded();
    let symbol = corpus
        .resolutions
        .iter()
        .find_map(crate::corpus::Resolution::parsed_symbol)
        .expect("a sample with a symbol");
    let mut worker = Worker::default();
    let index = Arc::new(Index::build(&corpus.resolutions));
    let first = worker.step(
        [
            Request::Index(index, Arc::new(corpus)),
            Request::Search {
                generation: 7,
                query: parse("src:undl"),
                limit: 5,
            },
        ]
        .into_iter(),
        &mut Vec::new,
    );
    assert_eq!(first.expect("answered").result.total, 0);
    let mut sources = RollCallSources::default();
    sources.insert(symbol, RollCallSource::Undl);
    let again = worker
        .step(
            std::iter::once(Request::Sources(Arc::new(sources))),
            &mut Vec::new,
        )
        .expect("answered again");
    assert_eq!(again.generation, 7);
    assert!(again.result.total >= 1, "{:?}", again.result.total);
}

#[test]
fn a_query_sent_before_the_index_is_answered_once_it_comes() {
    let corpus = load_embedded();
    let mut worker = Worker::default();
    let search = Request::Search {
        generation: 4,
        query: parse("vaccins"),
        limit: 5,
    };
    // The query alone: nothing to answer with yet, and it is kept.
    assert!(
        worker
            .step(std::iter::once(search), &mut Vec::new)
            .is_none()
    );
    let index = Arc::new(Index::build(&corpus.resolutions));
    let answered = worker.step(
        std::iter::once(Request::Index(index, Arc::new(corpus))),
        &mut Vec::new,
    );
    let outcome = answered.expect("answered once the index came");
    assert_eq!(outcome.generation, 4);
    assert!(outcome.result.total > 0);
    // Answered once only.
    assert!(worker.step(std::iter::empty(), &mut Vec::new).is_none());
}

#[test]
fn a_query_arriving_mid_search_stops_it_and_only_the_newest_is_answered() {
    let corpus = load_embedded();
    let index = Arc::new(Index::build(&corpus.resolutions));
    let mut worker = Worker::default();
    worker.take(std::iter::once(Request::Index(index, Arc::new(corpus))));
    // The newer query comes at the first look the search takes at the channel.
    let mut newer = Some(Request::Search {
        generation: 2,
        query: parse("vaccins"),
        limit: 5,
    });
    let looks = std::cell::Cell::new(0);
    let mut arrived = || {
        looks.set(looks.get() + 1);
        newer.take().into_iter().collect()
    };
    let old = Request::Search {
        generation: 1,
        query: parse("droits | cooperation | developpement"),
        limit: 5,
    };
    let outcome = worker.step(std::iter::once(old), &mut arrived);
    let outcome = outcome.expect("the newer query is answered");
    assert_eq!(outcome.generation, 2);
    assert!(outcome.result.total > 0);
    // One look stopped generation 1; generation 2 then ran to its end, looking each step.
    let full = {
        let mut n = 0;
        let corpus = load_embedded();
        let index = Index::build(&corpus.resolutions);
        let mut count = || {
            n += 1;
            false
        };
        answer_until(
            &index,
            &corpus,
            (2, &parse("vaccins"), 5),
            &RollCallSources::default(),
            &mut count,
        )
        .unwrap();
        n
    };
    assert_eq!(looks.get(), 1 + full);
    assert!(worker.step(std::iter::empty(), &mut Vec::new).is_none());
}

#[test]
fn a_search_told_to_stop_gives_no_answer() {
    let corpus = load_embedded();
    let index = Index::build(&corpus.resolutions);
    let query = parse("droits | cooperation | developpement");
    assert!(
        answer_until(
            &index,
            &corpus,
            (1, &query, 5),
            &RollCallSources::default(),
            &mut || true
        )
        .is_none()
    );
}

#[test]
fn progress_is_throttled_but_the_total_and_the_end_pass() {
    let throttle = Throttle::new();
    assert!(throttle.due(0, 3000));
    // Right after the start, within the interval: held back.
    assert!(!throttle.due(1, 3000) || throttle.started.elapsed() >= PROGRESS_EVERY);
    assert!(throttle.due(3000, 3000));
    // Once the interval has passed, the next report goes through, and the one after it not.
    let late = Throttle {
        started: Instant::now().checked_sub(PROGRESS_EVERY * 4).unwrap(),
        last: AtomicU64::new(0),
    };
    assert!(late.due(10, 3000));
    assert!(!late.due(11, 3000));
}

#[test]
fn the_loader_reports_progress_then_the_corpus() {
    let (worker, _requests) = channel();
    let (events, received) = channel();
    let notify = move |action| events.send(action).is_ok();
    let load = |progress: &Progress<'_>| {
        for done in 0..=2 {
            progress.progress(Tally {
                done,
                total: 2,
                ..Tally::default()
            });
        }
        (load_embedded(), build_index())
    };
    let votes: VoteMaker = Box::new(|resolutions| crate::votes::Imported {
        store: crate::votes::from_texts(resolutions),
        warnings: vec!["votes.csv, line 3: a test warning".to_string()],
    });
    spawn_loader(load, votes, worker, notify)
        .unwrap()
        .join()
        .unwrap();
    let actions: Vec<Action> = received.try_iter().collect();
    let counts = |action: &Action| match action {
        Action::LoadProgress(p) => Some((p.done, p.total)),
        _ => None,
    };
    assert_eq!(counts(&actions[0]), Some((0, 2)));
    let last_progress = actions.iter().rposition(|a| counts(a).is_some()).unwrap();
    assert_eq!(counts(&actions[last_progress]), Some((2, 2)));
    assert!(matches!(
        actions[last_progress + 1],
        Action::CorpusLoaded(_)
    ));
    // The vote store comes last, built on the loader's thread, with its warnings.
    match actions.last() {
        Some(Action::VotesLoaded(store, warnings)) => {
            assert!(!store.0.is_empty());
            assert_eq!(warnings.len(), 1);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_file_held_back_does_not_keep_the_others_from_being_shown_and_searched() {
    let whole = load_embedded();
    let (requests, requests_rx) = channel();
    let (events, received) = channel();
    let notify = move |action| events.send(action).is_ok();
    thread::spawn({
        let notify = notify.clone();
        move || serve(&requests_rx, notify)
    });
    // The loader hands on the files read so far, then waits on its last file until the
    // test lets it go.
    let (gate, held) = channel::<()>();
    let partial = Corpus {
        resolutions: whole.resolutions[..6].to_vec(),
        problems: Vec::new(),
    };
    let load = move |progress: &Progress<'_>| {
        let tally = Tally {
            done: 6,
            total: 7,
            bytes: 6_000,
            warnings: 0,
        };
        progress.partial(partial, tally);
        let _ = held.recv();
        (load_embedded(), build_index())
    };
    let votes: VoteMaker = Box::new(|_| crate::votes::Imported::default());
    let loader = spawn_loader(load, votes, requests.clone(), notify).unwrap();
    let watchdog = Duration::from_secs(60);
    let shown = loop {
        let action = received.recv_timeout(watchdog);
        if let Action::PartialCorpus(corpus, progress) = action.expect("shown") {
            break (corpus, progress);
        }
    };
    assert_eq!(shown.0.resolutions.len(), 6);
    assert_eq!((shown.1.done, shown.1.total), (6, 7));
    // A query while the last file is held back: answered on the six.
    requests
        .send(Request::Search {
            generation: 1,
            query: parse("droits"),
            limit: 50,
        })
        .unwrap();
    let outcome = loop {
        let action = received.recv_timeout(watchdog);
        if let Action::SearchDone(outcome) = action.expect("answered") {
            break outcome;
        }
    };
    assert_eq!(outcome.generation, 1);
    assert!(outcome.result.total > 0);
    assert!(outcome.result.documents.iter().all(|(doc, _)| doc.0 < 6));
    // The held file comes: the whole corpus follows.
    gate.send(()).unwrap();
    let whole_shown = loop {
        let action = received.recv_timeout(watchdog);
        if let Action::CorpusLoaded(corpus) = action.expect("the whole corpus") {
            break corpus;
        }
    };
    assert_eq!(*whole_shown, whole);
    loader.join().unwrap();
}

#[test]
fn queries_wait_for_the_index() {
    let (tx, rx) = channel();
    tx.send(Request::Search {
        generation: 7,
        query: parse("droits"),
        limit: 5,
    })
    .unwrap();
    drop(tx);
    let answered = std::cell::Cell::new(0);
    serve(&rx, |_| {
        answered.set(answered.get() + 1);
        true
    });
    assert_eq!(answered.get(), 0);
}
