//! Background threads: the loader reads the corpus and gets its index; the search worker answers queries, skipping
//! to the newest one it has been sent. Both report as [`Action`]s through a `notify` function
//! (in the terminal UI: a send on the one event channel).

use crate::app::action::SharedVotes;
use crate::app::{Action, LoadProgress, SearchOutcome};
use crate::corpus::Resolution;
use crate::corpus::load::Corpus;
use crate::corpus::stream::{Tally, Watch};
use crate::index::Index;
use crate::index::query::Query;
use crate::index::recorded::RollCallSources;
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Mutex, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// How the loader gets the index of the corpus it read: built here, or (given by the caller,
/// which may know a cache) read from where it was kept.
pub type IndexMaker = Box<dyn FnOnce(&[Resolution]) -> Index + Send>;

/// The index built from the corpus, no cache involved.
pub fn build_index() -> IndexMaker {
    Box::new(Index::build)
}

/// How the loader gets the vote store of the corpus it read (`votes::all_votes` with the
/// config, in the terminal UI): the texts' roll calls and the imported records.
pub type VoteMaker = Box<dyn FnOnce(&[Resolution]) -> crate::votes::Imported + Send>;

/// What the search worker is sent.
#[derive(Debug)]
pub enum Request {
    /// The corpus and its index, once built (or a partial corpus and its index, while loading).
    Index(Arc<Index>, Arc<Corpus>),
    /// The corpus the app shows is about to be replaced by the whole one: forget the index of
    /// the partial corpus (its numbers would point elsewhere in the new one); queries wait for
    /// the next index.
    Forget,
    Search {
        generation: u64,
        query: Query,
        limit: usize,
    },
    /// The symbols with a roll call in the vote store, by source, for the query's `v:` and
    /// `src:` keys (they arrive after the index: until then only the texts answer them).
    Sources(Arc<RollCallSources>),
}

/// Answer one query (what the worker does; tests call it inline).
pub fn answer(
    index: &Index,
    corpus: &Corpus,
    generation: u64,
    query: &Query,
    limit: usize,
) -> SearchOutcome {
    let started = Instant::now();
    let result = index.search(&corpus.resolutions, query, limit);
    SearchOutcome {
        generation,
        result,
        elapsed: started.elapsed(),
        searched: Some(corpus.resolutions.len()),
    }
}

/// [`answer`], unless `stop` says (between steps of the search) that a newer query is waiting:
/// then `None`, early, and nothing stale is ever sent.
pub fn answer_until(
    index: &Index,
    corpus: &Corpus,
    (generation, query, limit): (u64, &Query, usize),
    sources: &RollCallSources,
    stop: &mut dyn FnMut() -> bool,
) -> Option<SearchOutcome> {
    let started = Instant::now();
    let (result, work) = index
        .search_until_with(&corpus.resolutions, query, limit, sources, stop)
        .ok()?;
    tracing::debug!(generation, ?work, "search work");
    Some(SearchOutcome {
        generation,
        result,
        elapsed: started.elapsed(),
        searched: Some(corpus.resolutions.len()),
    })
}

/// What a loader reports to: how far it is after each file, and each partial corpus (the files
/// read so far, while the others are still read).
pub type Progress<'a> = dyn Watch + 'a;

/// How often, at most, loading progress is passed on to the UI (each report is a frame).
const PROGRESS_EVERY: Duration = Duration::from_millis(50);

/// Lets loading progress through at most every [`PROGRESS_EVERY`], and always the first report
/// (the total) and the last (all done), whichever reading thread makes them.
struct Throttle {
    started: Instant,
    /// Milliseconds after `started` of the last report let through.
    last: AtomicU64,
}

impl Throttle {
    fn new() -> Throttle {
        Throttle {
            started: Instant::now(),
            last: AtomicU64::new(0),
        }
    }

    fn due(&self, done: usize, total: usize) -> bool {
        if done == 0 || done >= total {
            return true;
        }
        let now = u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX);
        let last = self.last.load(Ordering::Relaxed);
        let every = u64::try_from(PROGRESS_EVERY.as_millis()).unwrap_or(u64::MAX);
        now >= last.saturating_add(every)
            && self
                .last
                .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
                .is_ok()
    }
}

/// Read the corpus (`load`) and get its index (as `load` says) on their own thread: the UI shows how many files
/// are read meanwhile, the files read so far (each partial corpus indexed on the partial indexer's
/// thread, see [`Partials`]), the whole corpus as soon as it is parsed, and searches once the
/// index reaches the worker.
pub fn spawn_loader<L, F>(
    load: L,
    votes: VoteMaker,
    worker: Sender<Request>,
    notify: F,
) -> io::Result<JoinHandle<()>>
where
    L: FnOnce(&Progress<'_>) -> (Corpus, IndexMaker) + Send + 'static,
    F: Fn(Action) -> bool + Send + Sync + 'static,
{
    let notify = Arc::new(notify);
    let shown = Arc::new(Mutex::new(false));
    let (partials, to_index) = mpsc::channel();
    let pending = Arc::new(AtomicUsize::new(0));
    let indexer = Partials {
        corpora: to_index,
        worker: worker.clone(),
        notify: Arc::clone(&notify),
        whole_shown: Arc::clone(&shown),
        pending: Arc::clone(&pending),
    };
    thread::Builder::new()
        .name("partial-index".into())
        .spawn(move || indexer.run())?;
    thread::Builder::new().name("loader".into()).spawn(move || {
        let notify: &F = &notify;
        let started = Instant::now();
        let watch = Loading {
            throttle: Throttle::new(),
            notify,
            partials,
            pending,
        };
        let (corpus, make_index) = load(&watch);
        drop(watch);
        let corpus = Arc::new(corpus);
        tracing::info!(
            resolutions = corpus.resolutions.len(),
            problems = corpus.problems.len(),
            elapsed = ?started.elapsed(),
            "corpus read"
        );
        for problem in &corpus.problems {
            tracing::warn!("{}: {}", problem.path, problem.error);
        }
        {
            // No partial corpus after this one: the indexer checks under the same lock.
            let mut whole_shown = shown.lock().unwrap_or_else(PoisonError::into_inner);
            *whole_shown = true;
            // Before the app has the whole corpus, the worker drops the partial one's index.
            let _ = worker.send(Request::Forget);
            if !notify(Action::CorpusLoaded(Arc::clone(&corpus))) {
                return;
            }
        }
        if !corpus.problems.is_empty() {
            notify(Action::Notice(format!(
                "{} (see `resolu check`)",
                crate::plural::count(
                    corpus.problems.len(),
                    "file could not be read",
                    "files could not be read"
                )
            )));
        }
        let started = Instant::now();
        let index = make_index(&corpus.resolutions);
        let paragraphs = index.paragraph_count();
        let elapsed = started.elapsed();
        tracing::info!(paragraphs, ?elapsed, "index ready");
        if worker
            .send(Request::Index(Arc::new(index), Arc::clone(&corpus)))
            .is_ok()
        {
            notify(Action::IndexReady {
                paragraphs,
                elapsed,
            });
        }
        // After the index: searching matters first, and imported records may take a while.
        let started = Instant::now();
        let imported = votes(&corpus.resolutions);
        tracing::info!(
            roll_calls = imported.store.len(),
            warnings = imported.warnings.len(),
            elapsed = ?started.elapsed(),
            "votes ready"
        );
        for warning in &imported.warnings {
            tracing::warn!("{warning}");
        }
        let sources = crate::votes::select::sources_of(&imported.store);
        // A closed worker has stopped searching; the store still goes to the app.
        let _ = worker.send(Request::Sources(Arc::new(sources)));
        notify(Action::VotesLoaded(
            SharedVotes(Arc::new(imported.store)),
            imported.warnings,
        ));
    })
}

/// The loader's watcher: progress as [`Action::LoadProgress`] (throttled); each partial corpus
/// goes to the partial indexer, so that counting files never waits for an index.
struct Loading<'a, F> {
    throttle: Throttle,
    notify: &'a F,
    partials: Sender<(Corpus, LoadProgress)>,
    /// Partial corpora sent to the indexer and not indexed yet: none is made meanwhile.
    pending: Arc<AtomicUsize>,
}

impl<F: Fn(Action) -> bool> Loading<'_, F> {
    fn load_progress(&self, tally: Tally) -> LoadProgress {
        LoadProgress {
            done: tally.done,
            total: tally.total,
            bytes: tally.bytes,
            warnings: tally.warnings,
            elapsed: self.throttle.started.elapsed(),
        }
    }
}

impl<F: Fn(Action) -> bool> Watch for Loading<'_, F> {
    fn progress(&self, tally: Tally) {
        if self.throttle.due(tally.done, tally.total) {
            (self.notify)(Action::LoadProgress(self.load_progress(tally)));
        }
    }

    fn ready(&self) -> bool {
        self.pending.load(Ordering::Acquire) == 0
    }

    fn partial(&self, corpus: Corpus, tally: Tally) {
        self.pending.fetch_add(1, Ordering::AcqRel);
        let _ = self.partials.send((corpus, self.load_progress(tally)));
    }
}

/// Indexes partial corpora on its own thread, the newest only (the files are read in a rayon
/// pool of their own, so the index build's tasks do not wait behind them). Each indexed corpus
/// goes to the search worker, then to the app ([`Action::PartialCorpus`]), unless the whole
/// corpus has been shown meanwhile.
struct Partials<F> {
    corpora: Receiver<(Corpus, LoadProgress)>,
    worker: Sender<Request>,
    notify: Arc<F>,
    whole_shown: Arc<Mutex<bool>>,
    pending: Arc<AtomicUsize>,
}

impl<F: Fn(Action) -> bool> Partials<F> {
    fn run(self) {
        while let Ok(first) = self.corpora.recv() {
            // Skip to the newest (the loader waits for this one to be shown before making
            // another, so there is seldom more than one).
            let mut taken = 1;
            let mut newest = first;
            for later in self.corpora.try_iter() {
                newest = later;
                taken += 1;
            }
            let (corpus, progress) = newest;
            if self.done() {
                return;
            }
            let started = Instant::now();
            let index = Index::build(&corpus.resolutions);
            tracing::info!(
                resolutions = corpus.resolutions.len(),
                done = progress.done,
                total = progress.total,
                elapsed = ?started.elapsed(),
                since_load_started = ?progress.elapsed,
                "partial corpus indexed"
            );
            let whole_shown = self
                .whole_shown
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            if *whole_shown {
                return;
            }
            let corpus = Arc::new(corpus);
            // The worker first, so that the query the app sends on seeing it finds this index.
            if self
                .worker
                .send(Request::Index(Arc::new(index), Arc::clone(&corpus)))
                .is_err()
                || !(self.notify)(Action::PartialCorpus(corpus, progress))
            {
                return;
            }
            drop(whole_shown);
            self.pending.fetch_sub(taken, Ordering::AcqRel);
        }
    }

    fn done(&self) -> bool {
        *self
            .whole_shown
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

/// Run the search worker on its own thread until its request channel closes.
pub fn spawn_searcher<F>(requests: Receiver<Request>, notify: F) -> io::Result<JoinHandle<()>>
where
    F: Fn(Action) -> bool + Send + 'static,
{
    thread::Builder::new()
        .name("search".into())
        .spawn(move || serve(&requests, notify))
}

/// The worker's loop: wait for requests, take every one queued, keep the index and the newest
/// query, answer it once the index is there. A query that arrives while one is being answered
/// stops that one (the channel is looked at between steps of the search). Returns when the
/// channel closes or nobody listens.
pub fn serve<F>(requests: &Receiver<Request>, notify: F)
where
    F: Fn(Action) -> bool,
{
    let mut state = Worker::default();
    while let Ok(request) = requests.recv() {
        // Skip to the newest query: everything queued behind this one replaces it.
        let batch = std::iter::once(request).chain(requests.try_iter());
        let mut arrived = || requests.try_iter().collect();
        if let Some(outcome) = state.step(batch, &mut arrived)
            && !notify(Action::SearchDone(Box::new(outcome)))
        {
            return;
        }
    }
}

/// What the search worker holds between requests: the index once built, and the newest query
/// not answered yet.
#[derive(Default)]
struct Worker {
    index: Option<(Arc<Index>, Arc<Corpus>)>,
    newest: Option<(u64, Query, usize)>,
    sources: Arc<RollCallSources>,
    /// The last query answered: answered again when the sources come (`src:undl` found
    /// nothing before them).
    answered: Option<(u64, Query, usize)>,
}

impl Worker {
    fn take(&mut self, requests: impl Iterator<Item = Request>) {
        for request in requests {
            match request {
                Request::Index(built, corpus) => self.index = Some((built, corpus)),
                Request::Forget => self.index = None,
                Request::Search {
                    generation,
                    query,
                    limit,
                } => self.newest = Some((generation, query, limit)),
                Request::Sources(sources) => {
                    self.sources = sources;
                    if self.newest.is_none() {
                        self.newest = self.answered.take();
                    }
                }
            }
        }
    }

    /// Take a batch of requests; answer the newest query when the index is there. A query that
    /// comes before the index waits for it. While searching, `arrived` is asked for requests
    /// sent meanwhile: a newer query (or index) stops the search, and the newest is answered
    /// instead.
    fn step(
        &mut self,
        batch: impl Iterator<Item = Request>,
        arrived: &mut dyn FnMut() -> Vec<Request>,
    ) -> Option<SearchOutcome> {
        self.take(batch);
        loop {
            let (index, corpus) = self.index.clone()?;
            let (generation, query, limit) = self.newest.take()?;
            let sources = Arc::clone(&self.sources);
            self.answered = None;
            let mut stop = || {
                let requests = arrived();
                if requests.is_empty() {
                    return false;
                }
                self.take(requests.into_iter());
                let same_index = self
                    .index
                    .as_ref()
                    .is_some_and(|(now, _)| Arc::ptr_eq(now, &index));
                let same_sources = Arc::ptr_eq(&self.sources, &sources);
                self.newest.is_some() || !same_index || !same_sources
            };
            let asked = (generation, &query, limit);
            let outcome = answer_until(&index, &corpus, asked, &sources, &mut stop);
            if let Some(outcome) = outcome {
                self.answered = Some((generation, query, limit));
                tracing::debug!(generation, total = outcome.result.total, elapsed = ?outcome.elapsed, "searched");
                return Some(outcome);
            }
            tracing::debug!(generation, "search stopped: a newer query or index came");
            // Only the index or the sources changed: the same query again, over them.
            if self.newest.is_none() {
                self.newest = Some((generation, query, limit));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load::load_embedded;
    use crate::index::query::parse;
    use std::cell::RefCell;
    use std::sync::mpsc::channel;

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
}
