//! The search worker's thread: keeps the index and the newest query, answers it, and stops a
//! search when a newer query or index arrives.

use crate::app::{Action, SearchOutcome};
use crate::corpus::load::Corpus;
use crate::index::Index;
use crate::index::query::Query;
use crate::index::recorded::RollCallSources;
use std::io;
use std::sync::Arc;
use std::sync::mpsc::Receiver;
use std::thread::{self, JoinHandle};
use std::time::Instant;

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
pub(super) struct Worker {
    index: Option<(Arc<Index>, Arc<Corpus>)>,
    newest: Option<(u64, Query, usize)>,
    sources: Arc<RollCallSources>,
    /// The last query answered: answered again when the sources come (`src:undl` found
    /// nothing before them).
    answered: Option<(u64, Query, usize)>,
}

impl Worker {
    pub(super) fn take(&mut self, requests: impl Iterator<Item = Request>) {
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
    pub(super) fn step(
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
