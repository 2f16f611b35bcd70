//! The on-disk cache of the parsed corpus: one file per corpus in the platform cache folder,
//! holding, for each source file, what identifies its version and what parsing it gave, so that a
//! second start re-parses only the files that changed. A cache file is never trusted: anything
//! wrong with it (missing, empty, another program's, another build's, cut short, any byte
//! changed, unreadable) is a typed [`CacheError`], and the caller parses instead.
//!
//! The format is postcard (serde), one xxh3-checked record per file behind a checked table
//! (`format.rs` has the layout; BENCH.md, "Cache format", the measurements that chose it over
//! zero-copy rkyv). It is read in batches, so loading never holds the whole file beside the
//! decoded corpus.
//!
//! How the loader is meant to use it (the loader is not wired yet):
//!
//! ```text
//! let store = Store::for_corpus(&config::paths().cache_dir?, &corpus_paths)?; // None: no cache
//! let cached = store.load();                  // Option<Cache>: None on any CacheError
//! for each file discovered:
//!     stamp = FileStamp::of(&metadata)
//!     entry with the same path and stamp        → reuse entry.parsed, file not read
//!     else read bytes; same content_hash(bytes) → reuse entry.parsed (file touched, not changed)
//!     else parse_bytes(path, bytes)             → new Entry { path, stamp, content_hash, parsed }
//! store.save(&entries)                        // atomic; an Err means "run without a cache"
//! corpus = assemble(entries → (path, parsed), problems from discover)
//! ```
//!
//! `parsed` is the file's own parse ([`crate::corpus::load::parse_bytes`]); what depends on other
//! files (duplicate flags) is added by [`crate::corpus::load::assemble`], as `load_paths` does,
//! so the corpus is the same with or without the cache (tested).

mod format;
pub mod index_file;
pub mod load;
#[cfg(test)]
mod tests;

use crate::corpus::load::FileError;
use crate::corpus::model::Resolution;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, UNIX_EPOCH};
use thiserror::Error;

pub use format::FORMAT;

/// Why a cache file was not used (or not written). Every one means: parse the corpus instead.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CacheError {
    #[error("no cache file")]
    Missing,
    #[error("cache file unreadable: {0}")]
    Unreadable(String),
    #[error("cache file empty")]
    Empty,
    #[error("not a resolu cache file")]
    NotACache,
    #[error("cache written by another version of resolu")]
    OtherVersion,
    #[error("index built from another state of the corpus")]
    OtherCorpus,
    #[error("cache file cut short")]
    Truncated,
    #[error("cache file damaged: {0}")]
    Damaged(&'static str),
    #[error("cache entry unreadable: {0}")]
    Decode(String),
    #[error("cannot encode the cache: {0}")]
    Encode(String),
    #[error("cannot write the cache: {0}")]
    Unwritable(String),
}

/// What tells a file's version without reading it: its size and modification time (`None` when
/// the platform gives none, or one before 1970; such a file is always checked by content).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    pub size: u64,
    pub modified: Option<Duration>,
}

impl FileStamp {
    pub fn of(metadata: &std::fs::Metadata) -> FileStamp {
        FileStamp {
            size: metadata.len(),
            modified: metadata
                .modified()
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok()),
        }
    }
}

/// One source file as it was when parsed, and what parsing it gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The path as the loader names it (`Source::path`, `FileProblem::path`).
    pub path: String,
    pub stamp: FileStamp,
    /// [`content_hash`] of the file's bytes.
    pub content_hash: u64,
    pub parsed: Result<Resolution, FileError>,
}

impl Entry {
    /// The entry still describes a file with this stamp (size and time known and equal).
    pub fn matches(&self, stamp: &FileStamp) -> bool {
        self.stamp.modified.is_some() && self.stamp == *stamp
    }
}

/// A fast hash of a file's bytes (xxh3-64): tells a touched file from a changed one.
pub fn content_hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// A cache as read back.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cache {
    pub entries: Vec<Entry>,
}

/// Read a cache file. Never panics, whatever the file holds.
pub fn read(path: &Path) -> Result<Cache, CacheError> {
    let (mut reader, len) = open_for_reading(path)?;
    let entries = format::decode_from(&mut reader, len, format::version())?;
    Ok(Cache { entries })
}

/// A cache or index file opened for reading, and its length. The length of the file opened,
/// not of the path: a writer replaces the file by renaming, never changes it in place, so the
/// two cannot disagree. A regular file only, opened without blocking (`fsread`): a FIFO or a
/// device put in its place is refused, never waited on; no size limit, as the format checks
/// its own length and reads in batches.
fn open_for_reading(path: &Path) -> Result<(std::io::BufReader<std::fs::File>, u64), CacheError> {
    let opened = crate::fsread::open_regular(path, u64::MAX).map_err(|e| match e {
        crate::fsread::ReadError::Missing => CacheError::Missing,
        other => CacheError::Unreadable(other.to_string()),
    })?;
    let len = opened.metadata().len();
    Ok((
        std::io::BufReader::with_capacity(1 << 16, opened.into_file()),
        len,
    ))
}

/// Write a cache file atomically: into a temporary file of its own in the same folder (each
/// process and each call its own name, so two writers never share one), synced, then renamed
/// over `path`. A reader sees the old file or the new one, never a mix; of two writers, the last
/// rename wins and both leave a whole file.
pub fn write(path: &Path, entries: &[Entry]) -> Result<(), CacheError> {
    write_atomically(path, |out| {
        format::encode_to(entries, format::version(), out).map_err(std::io::Error::other)
    })
}

/// A file being written: bytes go on, and `format::encode_to` goes back to fill in its header.
pub(crate) trait WriteSeek: Write + std::io::Seek {}

impl<T: Write + std::io::Seek> WriteSeek for T {}

/// Write a file by `body` atomically, as [`write()`] says: a temporary file, synced, renamed.
pub(crate) fn write_atomically(
    path: &Path,
    body: impl FnOnce(&mut dyn WriteSeek) -> std::io::Result<()>,
) -> Result<(), CacheError> {
    let unwritable = |e: std::io::Error| CacheError::Unwritable(e.to_string());
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).map_err(unwritable)?;
    let temp = temporary_name(path);
    let written = (|| {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        let mut out = std::io::BufWriter::with_capacity(1 << 20, &file);
        body(&mut out)?;
        out.flush()?;
        drop(out);
        file.sync_all()?;
        std::fs::rename(&temp, path)?;
        // The rename itself survives a crash once the folder is synced (Unix; elsewhere a no-op
        // that may fail harmlessly).
        if let Ok(folder) = std::fs::File::open(dir) {
            let _ = folder.sync_all();
        }
        Ok(())
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written.map_err(unwritable)
}

/// `.NAME.PID.N.tmp` beside `path`: unique to this process and this call.
fn temporary_name(path: &Path) -> PathBuf {
    static CALLS: AtomicU64 = AtomicU64::new(0);
    let name = path
        .file_name()
        .map_or_else(|| "cache".into(), |n| n.to_string_lossy());
    let call = CALLS.fetch_add(1, Ordering::Relaxed);
    path.with_file_name(format!(".{name}.{}.{call}.tmp", std::process::id()))
}

/// The key of a corpus: a hash of its paths, made absolute (canonical where they exist), sorted
/// and without repeats, so that `resolu a b` and `resolu ./b a/` share one cache.
pub fn corpus_key(corpus_paths: &[PathBuf]) -> String {
    let mut paths: Vec<PathBuf> = corpus_paths.iter().map(|p| absolute(p)).collect();
    paths.sort();
    paths.dedup();
    let mut joined = Vec::new();
    for path in &paths {
        joined.extend_from_slice(path.as_os_str().as_encoded_bytes());
        joined.push(0);
    }
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(&joined))
}

fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// The cache file of one corpus in a cache folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    path: PathBuf,
}

impl Store {
    /// The store for the corpus of key `key` ([`corpus_key`]) in `dir`. Touches no file.
    pub fn open(dir: &Path, key: &str) -> Store {
        Store {
            path: dir.join(format!("corpus-{key}.cache")),
        }
    }

    /// The store for the corpus made of `corpus_paths`, in `dir`; `None` when `dir` lies inside
    /// one of the corpus folders (a cache never goes into the corpus).
    pub fn for_corpus(dir: &Path, corpus_paths: &[PathBuf]) -> Option<Store> {
        let dir_abs = absolute(dir);
        let inside = corpus_paths.iter().any(|p| {
            let folder = if p.is_file() {
                p.parent().map_or_else(|| p.clone(), Path::to_path_buf)
            } else {
                p.clone()
            };
            dir_abs.starts_with(absolute(&folder))
        });
        (!inside).then(|| Store::open(dir, &corpus_key(corpus_paths)))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file of the corpus' cached index, beside the corpus cache (`corpus-KEY.index`).
    pub fn index_path(&self) -> PathBuf {
        self.path.with_extension("index")
    }

    /// The cache, or why there is none usable.
    pub fn read(&self) -> Result<Cache, CacheError> {
        read(&self.path)
    }

    /// The cache if it is usable; why not is logged (a rebuild is no error for the user).
    pub fn load(&self) -> Option<Cache> {
        match self.read() {
            Ok(cache) => Some(cache),
            Err(why) => {
                tracing::info!(cache = %self.path.display(), "cache not used: {why}");
                None
            }
        }
    }

    /// Replace the cache with `entries` (atomically, see [`write()`]).
    pub fn save(&self, entries: &[Entry]) -> Result<(), CacheError> {
        write(&self.path, entries)
    }

    /// Remove the cache file and its index; `Ok(false)` when there was no cache file.
    pub fn clear(&self) -> Result<bool, CacheError> {
        match std::fs::remove_file(self.index_path()) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(CacheError::Unwritable(e.to_string())),
        }
        match std::fs::remove_file(&self.path) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(CacheError::Unwritable(e.to_string())),
        }
    }
}
