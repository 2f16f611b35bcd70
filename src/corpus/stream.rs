//! A load shown as it goes. The reading threads hand each file's result over as soon as it is
//! parsed, in any order; [`collect`] puts them in their places in the corpus's order, counts what
//! is done, and now and then hands a *partial* corpus on (the files read so far, in the corpus's
//! order, duplicates flagged as [`assemble`] flags them): at doubling sizes while the first half
//! of the files loads, and whenever the load stalls (so that one slow file never holds back the
//! others). A load that ends quickly arrives whole, with no partial corpus at all.
//!
//! Why doubling sizes, and only up to half: each partial corpus is a copy of what is loaded, and
//! gets its own index; doubling keeps the copying and indexing linear in all (at most about the
//! corpus once more), and stopping at half keeps the copy beside the growing corpus small next to
//! the memory the final index build takes.

use super::load::{Corpus, FileError, assemble};
use super::model::Resolution;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// How far a load is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Files read (or taken from the cache) so far.
    pub done: usize,
    /// Files found.
    pub total: usize,
    /// Size in bytes of the files done.
    pub bytes: u64,
    /// Warnings met so far: files that gave no resolution, and the parser's warnings.
    pub warnings: usize,
}

/// Who watches a load: told how far it is after each file, and given each partial corpus.
pub trait Watch {
    fn progress(&self, tally: Tally);
    /// Whether a partial corpus would be taken now (not while the last one is still being
    /// indexed: it would only wait, a copy of the corpus, behind it).
    fn ready(&self) -> bool {
        true
    }
    /// A corpus of the files read so far (never the last one: the load returns that).
    fn partial(&self, corpus: Corpus, tally: Tally);
}

/// When partial corpora are handed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pace {
    /// None before the load has taken this long: a quick load (a warm cache) arrives whole.
    pub first_after: Duration,
    /// No file done for this long: what is loaded is shown, however much it is.
    pub stall: Duration,
}

impl Pace {
    /// The terminal UI's pace.
    pub const SHOWN: Pace = Pace {
        first_after: Duration::from_millis(300),
        stall: Duration::from_millis(250),
    };
}

/// One file's result as the collector sees it.
pub struct Arrival<'a> {
    pub path: &'a str,
    pub parsed: &'a Result<Resolution, FileError>,
    /// The file's size.
    pub bytes: u64,
}

/// Take the results of `total` files from `results` (`(place, result)`, each place once) until
/// every sender is gone; tell `watch` how far the load is and, with `pace`, hand it partial
/// corpora (`None`: never). Returns the results in their places (`None`: never sent).
pub fn collect<T>(
    total: usize,
    results: &Receiver<(usize, T)>,
    watch: &dyn Watch,
    pace: Option<Pace>,
    arrival: impl Fn(&T) -> Arrival<'_>,
) -> Vec<Option<T>> {
    let started = Instant::now();
    let mut slots: Vec<Option<T>> = std::iter::repeat_with(|| None).take(total).collect();
    let mut tally = Tally {
        total,
        ..Tally::default()
    };
    let mut partials = Partials::default();
    loop {
        let received = match pace {
            Some(pace) => results.recv_timeout(pace.stall),
            None => results.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        let stalled = match received {
            Ok((place, result)) => {
                let got = arrival(&result);
                tally.done += 1;
                tally.bytes += got.bytes;
                tally.warnings += match got.parsed {
                    Ok(resolution) => {
                        partials.loaded += 1;
                        resolution.warnings.len()
                    }
                    Err(_) => 1,
                };
                if let Some(slot) = slots.get_mut(place) {
                    *slot = Some(result);
                }
                watch.progress(tally);
                false
            }
            Err(RecvTimeoutError::Timeout) => true,
            Err(RecvTimeoutError::Disconnected) => break,
        };
        let Some(pace) = pace else { continue };
        if tally.done < total
            && started.elapsed() >= pace.first_after
            && watch.ready()
            && partials.due(stalled, tally.done, total)
        {
            watch.partial(partial_corpus(&slots, &arrival), tally);
        }
    }
    slots
}

/// When the next partial corpus is due.
#[derive(Debug, Default)]
struct Partials {
    /// Resolutions loaded so far.
    loaded: usize,
    /// Resolutions in the last partial corpus handed on.
    shown: usize,
}

impl Partials {
    fn due(&mut self, stalled: bool, done: usize, total: usize) -> bool {
        let grown = self.loaded > self.shown;
        let doubled = self.loaded >= self.shown.saturating_mul(2).max(1) && done * 2 <= total;
        let due = grown && (stalled || doubled);
        if due {
            self.shown = self.loaded;
        }
        due
    }
}

/// The corpus of the results so far, in their places' order.
fn partial_corpus<T>(slots: &[Option<T>], arrival: impl Fn(&T) -> Arrival<'_>) -> Corpus {
    let parsed = slots
        .iter()
        .flatten()
        .map(|result| {
            let got = arrival(result);
            (got.path.to_string(), got.parsed.clone())
        })
        .collect();
    assemble(parsed, Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load::{EMBEDDED, parse_bytes};
    use std::cell::RefCell;
    use std::sync::Mutex;
    use std::sync::mpsc::channel;

    type Parsed = (String, Result<Resolution, FileError>, u64);

    #[derive(Default)]
    struct Recorder {
        tallies: RefCell<Vec<Tally>>,
        partials: RefCell<Vec<(Vec<String>, Tally)>>,
    }

    impl Watch for Recorder {
        fn progress(&self, tally: Tally) {
            self.tallies.borrow_mut().push(tally);
        }
        fn partial(&self, corpus: Corpus, tally: Tally) {
            let paths = corpus
                .resolutions
                .iter()
                .map(|r| r.source.path.clone())
                .collect();
            self.partials.borrow_mut().push((paths, tally));
        }
    }

    /// Keeps the paths of the partial corpus of every file but one.
    struct AllButOne<'a>(&'a Mutex<Option<Vec<String>>>);

    impl Watch for AllButOne<'_> {
        fn progress(&self, _tally: Tally) {}

        fn partial(&self, corpus: Corpus, tally: Tally) {
            if tally.done == tally.total - 1 {
                let paths = corpus.resolutions.iter().map(|r| r.source.path.clone());
                *self.0.lock().unwrap() = Some(paths.collect());
            }
        }
    }

    fn parsed(place: usize) -> Parsed {
        let (path, bytes) = EMBEDDED[place];
        let size = bytes.len() as u64;
        (path.to_string(), parse_bytes(path, bytes), size)
    }

    fn arrival(p: &Parsed) -> Arrival<'_> {
        Arrival {
            path: &p.0,
            parsed: &p.1,
            bytes: p.2,
        }
    }

    const EAGER: Pace = Pace {
        first_after: Duration::ZERO,
        stall: Duration::from_millis(50),
    };

    #[test]
    fn partial_corpora_double_up_to_half_and_keep_the_corpus_order() {
        let (tx, rx) = channel();
        let total = EMBEDDED.len();
        // Last file first: each partial corpus is in the corpus's order all the same.
        for place in (0..total).rev() {
            tx.send((place, parsed(place))).unwrap();
        }
        drop(tx);
        let watch = Recorder::default();
        let slots = collect(total, &rx, &watch, Some(EAGER), arrival);
        assert!(slots.iter().all(Option::is_some));
        let partials = watch.partials.into_inner();
        let sizes: Vec<usize> = partials.iter().map(|(paths, _)| paths.len()).collect();
        assert_eq!(sizes, vec![1, 2, 4]);
        let (paths, tally) = &partials[2];
        assert_eq!(tally.done, 4);
        let expected: Vec<String> = EMBEDDED[total - 4..]
            .iter()
            .map(|(path, _)| path.to_string())
            .collect();
        assert_eq!(paths, &expected);
        let tallies = watch.tallies.into_inner();
        assert_eq!(tallies.len(), total);
        let last = tallies[total - 1];
        let bytes: usize = EMBEDDED.iter().map(|(_, b)| b.len()).sum();
        assert_eq!(
            (last.done, last.total, last.bytes),
            (total, total, bytes as u64)
        );
    }

    #[test]
    fn a_file_that_never_comes_does_not_hold_back_the_others() {
        let (tx, rx) = channel();
        let total = EMBEDDED.len();
        // Every file but the first arrives; the first one's reader never finishes (its sender
        // is kept until the partial corpus has been seen).
        let gate = std::thread::spawn(move || {
            for place in 1..total {
                tx.send((place, parsed(place))).unwrap();
            }
            tx
        });
        let seen = Mutex::new(None);
        let watch = AllButOne(&seen);
        // The collector runs until the held file's sender goes: drop it once the partial
        // corpus of every other file has been handed on (a watchdog fails the test after 60 s).
        let (done_tx, done_rx) = channel();
        std::thread::scope(|scope| {
            scope.spawn(|| {
                let tx = gate.join().unwrap();
                let deadline = Instant::now() + Duration::from_secs(60);
                while seen.lock().unwrap().is_none() && Instant::now() < deadline {
                    std::thread::sleep(Duration::from_millis(5));
                }
                drop(tx);
                done_tx.send(()).unwrap();
            });
            let slots = collect(total, &rx, &watch, Some(EAGER), arrival);
            assert!(slots[0].is_none());
        });
        done_rx.recv().unwrap();
        let shown = seen.into_inner().unwrap().expect("the others were shown");
        assert_eq!(shown.len(), total - 1);
        assert!(!shown.contains(&EMBEDDED[0].0.to_string()));
    }

    #[test]
    fn without_a_pace_there_is_no_partial_corpus() {
        let (tx, rx) = channel();
        for place in 0..3 {
            tx.send((place, parsed(place))).unwrap();
        }
        drop(tx);
        let watch = Recorder::default();
        let slots = collect(3, &rx, &watch, None, arrival);
        assert_eq!(slots.iter().flatten().count(), 3);
        assert!(watch.partials.into_inner().is_empty());
        assert_eq!(watch.tallies.into_inner().len(), 3);
    }
}
