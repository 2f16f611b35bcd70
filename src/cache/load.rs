//! Loading a corpus through its cache: each file found is taken from the cache when its size and
//! time are those recorded (not even read), or when its bytes hash as recorded (touched, not
//! changed); only the others are parsed. The cache is then written anew when anything differs
//! (a file added, changed or gone, or no usable cache), so the next start finds it whole.

use super::{Cache, CacheError, Entry, FileStamp, Store, content_hash};
use crate::corpus::load::{Corpus, FileError, assemble, discover, parse_bytes};
use crate::fsread;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

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
    let (files, problems) = discover(paths);
    let total = files.len();
    progress(0, total);
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
    let done = AtomicUsize::new(0);
    let loaded: Vec<(Entry, Got)> = jobs
        .into_par_iter()
        .map(|job| {
            let loaded = load_one(job, max_file_bytes);
            progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
            loaded
        })
        .collect();
    let mut entries = Vec::with_capacity(loaded.len());
    for (entry, got) in loaded {
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
