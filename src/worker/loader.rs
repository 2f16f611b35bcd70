//! The loader's thread: reads the corpus, reports how far it is and each partial corpus, then
//! gets the whole corpus's index and vote store.

use crate::app::action::SharedVotes;
use crate::app::{Action, LoadProgress};
use crate::corpus::Resolution;
use crate::corpus::load::Corpus;
use crate::corpus::stream::{Tally, Watch};
use crate::index::Index;
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Mutex, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use super::searcher::Request;

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

/// What a loader reports to: how far it is after each file, and each partial corpus (the files
/// read so far, while the others are still read).
pub type Progress<'a> = dyn Watch + 'a;

/// How often, at most, loading progress is passed on to the UI (each report is a frame).
pub(super) const PROGRESS_EVERY: Duration = Duration::from_millis(50);

/// Lets loading progress through at most every [`PROGRESS_EVERY`], and always the first report
/// (the total) and the last (all done), whichever reading thread makes them.
pub(super) struct Throttle {
    pub(super) started: Instant,
    /// Milliseconds after `started` of the last report let through.
    pub(super) last: AtomicU64,
}

impl Throttle {
    pub(super) fn new() -> Throttle {
        Throttle {
            started: Instant::now(),
            last: AtomicU64::new(0),
        }
    }

    pub(super) fn due(&self, done: usize, total: usize) -> bool {
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
