//! Loading a corpus through its cache: each file found is taken from the cache when its size and
//! time are those recorded (not even read), or when its bytes hash as recorded (touched, not
//! changed); only the others are parsed. The cache is then written anew when anything differs
//! (a file added, changed or gone, or no usable cache), so the next start finds it whole.

use super::{Cache, CacheError, Entry, FileStamp, Store, content_hash};
use crate::corpus::load::{Corpus, FileError, assemble, discover, parse_bytes};
use crate::corpus::stream::{Arrival, Pace, Tally, Watch, collect};
use crate::fsread;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::path::PathBuf;
use std::sync::mpsc::channel;

/// What a load through the cache did, file by file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Files taken from the cache without reading them.
    pub unchanged: usize,
    /// Files read whose bytes were those cached (a new time, the same text): not parsed.
    pub touched: usize,
    /// Files parsed: new, changed, or with no usable cache; their paths.
    pub parsed: Vec<String>,
    /// Cached files that are no longer in the corpus.
    pub gone: usize,
    /// Why the cache could not be used, if it could not (`Missing` on a first start).
    pub unusable: Option<CacheError>,
    /// Why the new cache could not be written, if it could not (the corpus loads all the same).
    pub unsaved: Option<CacheError>,
    /// Whether a new cache file was written.
    pub saved: bool,
    /// The corpus' fingerprint ([`super::index_file::fingerprint`]): which cached index is its.
    pub fingerprint: u64,
}

/// One file to load and what the cache knew of it.
struct Job {
    file: PathBuf,
    path: String,
    cached: Option<Entry>,
}

/// How one file was loaded.
enum Got {
    Unchanged,
    Touched,
    Parsed,
}

/// Load every document under `paths`, through `store` when there is one (`None`: `--no-cache`,
/// or no cache folder), telling `progress(done, total)` how far it is. The corpus is the same as
/// [`crate::corpus::load::load_paths`] gives, whatever the cache holds. Files up to the default
/// size limit; [`load_paths_within`] takes the config's.
pub fn load_paths(
    paths: &[PathBuf],
    store: Option<&Store>,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> (Corpus, Outcome) {
    load_paths_within(paths, store, fsread::DEFAULT_FILE_LIMIT, progress)
}

/// [`load_paths`], reading no file larger than `max_file_bytes` (a larger one is a problem).
pub fn load_paths_within(
    paths: &[PathBuf],
    store: Option<&Store>,
    max_file_bytes: u64,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> (Corpus, Outcome) {
    load_paths_watched(paths, store, max_file_bytes, &Counting(progress), None)
}

/// Tells a `progress(done, total)` function how far the load is; shows no partial corpus.
struct Counting<'a>(&'a (dyn Fn(usize, usize) + Sync));

impl Watch for Counting<'_> {
    fn progress(&self, tally: Tally) {
        (self.0)(tally.done, tally.total);
    }

    fn partial(&self, _corpus: Corpus, _tally: Tally) {}
}

/// [`load_paths_within`], telling `watch` how far it is after each file and, at `pace` (`None`:
/// never), handing it the corpus of the files read so far (see [`crate::corpus::stream`]): a
/// file that takes long to parse does not hold back the others. The corpus returned is the same.
pub fn load_paths_watched(
    paths: &[PathBuf],
    store: Option<&Store>,
    max_file_bytes: u64,
    watch: &dyn Watch,
    pace: Option<Pace>,
) -> (Corpus, Outcome) {
    let (files, problems) = discover(paths);
    let total = files.len();
    watch.progress(Tally {
        total,
        ..Tally::default()
    });
    let mut outcome = Outcome::default();
    let cache = match store.map(Store::read) {
        Some(Ok(cache)) => cache,
        Some(Err(why)) => {
            tracing::info!("cache not used: {why}");
            outcome.unusable = Some(why);
            Cache::default()
        }
        None => Cache::default(),
    };
    let mut by_path: FxHashMap<String, Entry> = cache
        .entries
        .into_iter()
        .map(|e| (e.path.clone(), e))
        .collect();
    let jobs: Vec<Job> = files
        .into_iter()
        .map(|file| {
            let path = file.display().to_string();
            let cached = by_path.remove(&path);
            Job { file, path, cached }
        })
        .collect();
    outcome.gone = by_path.len();
    // The files are read on the reading threads and handed over one by one as they are done,
    // so that the watcher sees them as they come, whichever takes long. The reading threads are
    // a pool of their own: in rayon's global pool, whatever else wants it meanwhile (a search, a
    // partial corpus's index) would wait behind every file still to read, as rayon's workers
    // take their own queued work first.
    let (sender, results) = channel();
    let readers = rayon::ThreadPoolBuilder::new()
        .thread_name(|n| format!("read-{n}"))
        .build();
    let slots = std::thread::scope(|scope| {
        scope.spawn(move || {
            let read = move || {
                jobs.into_par_iter()
                    .enumerate()
                    .for_each_with(sender, |sender, (place, job)| {
                        // The collector stops once every sender is gone: nothing is lost.
                        let _ = sender.send((place, load_one(job, max_file_bytes)));
                    });
            };
            match readers {
                Ok(pool) => pool.install(read),
                Err(_) => read(),
            }
        });
        collect(total, &results, watch, pace, |(entry, _): &(Entry, Got)| {
            Arrival {
                path: &entry.path,
                parsed: &entry.parsed,
                bytes: entry.stamp.size,
            }
        })
    });
    let mut entries = Vec::with_capacity(slots.len());
    for (entry, got) in slots.into_iter().flatten() {
        match got {
            Got::Unchanged => outcome.unchanged += 1,
            Got::Touched => outcome.touched += 1,
            Got::Parsed => outcome.parsed.push(entry.path.clone()),
        }
        entries.push(entry);
    }
    outcome.fingerprint = super::index_file::fingerprint(&entries);
    let changed = outcome.touched > 0
        || !outcome.parsed.is_empty()
        || outcome.gone > 0
        || outcome.unusable.is_some();
    if let Some(store) = store
        && changed
    {
        match store.save(&entries) {
            Ok(()) => outcome.saved = true,
            Err(why) => {
                tracing::warn!(cache = %store.path().display(), "cache not written: {why}");
                outcome.unsaved = Some(why);
            }
        }
    }
    let parsed = entries.into_iter().map(|e| (e.path, e.parsed)).collect();
    (assemble(parsed, problems), outcome)
}

/// Load one file, from its cache entry when that still describes it. A regular file within the
/// limit whose size and time are those cached is not even opened (nothing is read, so nothing can
/// block). Any other is opened first (`fsread`: regular files only, never blocking, at most
/// `max_file_bytes`) and its stamp taken from that handle, so the bytes read and the stamp stored
/// are one file's even when the path is swapped meanwhile.
fn load_one(job: Job, max_file_bytes: u64) -> (Entry, Got) {
    let Job { file, path, cached } = job;
    // A file that could not be read is tried again: its stamp may not change when it is fixed
    // (permissions), and a refusal depends on the limit of this run.
    let cached = cached.filter(|e| {
        !matches!(
            e.parsed,
            Err(FileError::Unreadable(_) | FileError::NotRegular(_) | FileError::TooLarge { .. })
        )
    });
    let unchanged = cached.as_ref().is_some_and(|entry| {
        std::fs::metadata(&file).is_ok_and(|m| {
            m.is_file() && m.len() <= max_file_bytes && entry.matches(&FileStamp::of(&m))
        })
    });
    if unchanged && let Some(entry) = cached {
        return (entry, Got::Unchanged);
    }
    let failed = |path: String, error: FileError| {
        let stamp = FileStamp {
            size: 0,
            modified: None,
        };
        let entry = Entry {
            path,
            stamp,
            content_hash: 0,
            parsed: Err(error),
        };
        (entry, Got::Parsed)
    };
    let opened = match fsread::open_regular(&file, max_file_bytes) {
        Ok(opened) => opened,
        Err(error) => return failed(path, error.into()),
    };
    let stamp = FileStamp::of(opened.metadata());
    let bytes = match opened.read_all() {
        Ok(bytes) => bytes,
        Err(error) => return failed(path, error.into()),
    };
    let hash = content_hash(&bytes);
    match cached {
        Some(mut entry) if entry.content_hash == hash => {
            entry.stamp = stamp;
            (entry, Got::Touched)
        }
        _ => {
            let parsed = parse_bytes(&path, &bytes);
            let entry = Entry {
                path,
                stamp,
                content_hash: hash,
                parsed,
            };
            (entry, Got::Parsed)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load::load_paths as load_uncached;
    use std::cell::RefCell;
    use std::path::Path;
    use std::time::Duration;

    /// Keeps the files of each partial corpus.
    #[derive(Default)]
    struct Partials(RefCell<Vec<Vec<String>>>);

    impl Watch for Partials {
        fn progress(&self, _tally: Tally) {}

        fn partial(&self, corpus: Corpus, _tally: Tally) {
            let paths = corpus.resolutions.iter().map(|r| r.source.path.clone());
            self.0.borrow_mut().push(paths.collect());
        }
    }

    #[test]
    fn a_load_shown_in_pieces_ends_with_the_corpus_of_a_load_shown_whole() {
        let dir = tempfile::tempdir().unwrap();
        let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
        let (files, _) = discover(std::slice::from_ref(&samples));
        for file in &files {
            let name = file.file_name().unwrap();
            std::fs::copy(file, dir.path().join(name)).unwrap();
        }
        // A second copy (flagged as one in both loads) and a file that gives nothing.
        std::fs::copy(&files[0], dir.path().join("zz-copy.txt")).unwrap();
        std::fs::write(dir.path().join("empty.txt"), "").unwrap();
        let paths = [dir.path().to_path_buf()];
        let watch = Partials::default();
        let eager = Pace {
            first_after: Duration::ZERO,
            stall: Duration::from_millis(50),
        };
        let (streamed, _) = load_paths_watched(
            &paths,
            None,
            fsread::DEFAULT_FILE_LIMIT,
            &watch,
            Some(eager),
        );
        let whole = load_uncached(&paths);
        assert_eq!(streamed, whole);
        assert!(
            streamed
                .resolutions
                .iter()
                .any(|r| r.warnings.iter().any(|w| w.kind() == "duplicate"))
        );
        assert_eq!(streamed.problems.len(), 1);
        // Pieces were shown, each in the corpus's order.
        let partials = watch.0.into_inner();
        assert!(!partials.is_empty());
        let order: Vec<&str> = whole
            .resolutions
            .iter()
            .map(|r| r.source.path.as_str())
            .collect();
        for paths in &partials {
            let places: Vec<usize> = paths
                .iter()
                .map(|p| order.iter().position(|o| o == p).unwrap())
                .collect();
            assert!(places.is_sorted(), "{paths:?}");
        }
    }
}
