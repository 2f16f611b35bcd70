//! Where a command's corpus comes from and how it is read: the paths given, `RESOLU_CORPUS`,
//! the config or the samples built in; read through the cache, with a progress bar on a
//! terminal and each unreadable file named.

use crate::cache::Store;
use crate::cache::index_file::{self, IndexOutcome};
use crate::corpus::Resolution;
use crate::corpus::load::{Corpus, FileProblem, load_embedded};
use crate::index::Index;
use crate::text::display::Shown;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Where the corpus comes from, in order of precedence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorpusSource {
    Paths(Vec<PathBuf>),
    Embedded,
}

/// Paths on the command line, else `RESOLU_CORPUS` (`:`-separated), else the config's corpus
/// paths, else the sample corpus built into the binary.
pub fn choose_source(
    given: Vec<PathBuf>,
    env: Option<&str>,
    config_paths: &[PathBuf],
) -> CorpusSource {
    if !given.is_empty() {
        return CorpusSource::Paths(given);
    }
    let from_env: Vec<PathBuf> = env
        .unwrap_or("")
        .split(':')
        .filter(|p| !p.trim().is_empty())
        .map(PathBuf::from)
        .collect();
    if !from_env.is_empty() {
        return CorpusSource::Paths(from_env);
    }
    if !config_paths.is_empty() {
        return CorpusSource::Paths(config_paths.to_vec());
    }
    CorpusSource::Embedded
}

/// Read and parse the corpus without a cache, reporting nothing, each file up to the default
/// size limit.
pub fn read(source: &CorpusSource) -> Corpus {
    read_reporting(source, None, crate::fsread::DEFAULT_FILE_LIMIT, &|_, _| {}).0
}

/// Where a command gets the index of the corpus it read: from the cache when the corpus was read
/// through one and its cached index is of this very corpus, else built (and then cached).
#[derive(Debug, Clone, Default)]
pub struct IndexSource {
    store: Option<Store>,
    fingerprint: u64,
}

impl IndexSource {
    /// The index of `resolutions`, the corpus read with this source.
    pub fn index(&self, resolutions: &[Resolution]) -> Index {
        self.index_with_outcome(resolutions).0
    }

    /// [`IndexSource::index`], and whether it came from the cache.
    pub fn index_with_outcome(&self, resolutions: &[Resolution]) -> (Index, IndexOutcome) {
        index_file::index_for(self.store.as_ref(), self.fingerprint, resolutions)
    }
}

/// Read the corpus through its cache in `cache_dir` (`None`: no cache, every file parsed),
/// telling `progress(done, total)` how many files are read (the sample corpus, compiled in, is
/// read at once and says nothing); with it, where its index is to come from. A file larger than
/// `max_file_bytes` is a problem, not read.
pub fn read_reporting(
    source: &CorpusSource,
    cache_dir: Option<&Path>,
    max_file_bytes: u64,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> (Corpus, IndexSource) {
    match source {
        CorpusSource::Paths(paths) => {
            let store = cache_dir.and_then(|dir| Store::for_corpus(dir, paths));
            let (corpus, outcome) = crate::cache::load::load_paths_within(
                paths,
                store.as_ref(),
                max_file_bytes,
                progress,
            );
            let index = IndexSource {
                store,
                fingerprint: outcome.fingerprint,
            };
            (corpus, index)
        }
        CorpusSource::Embedded => (load_embedded(), IndexSource::default()),
    }
}

/// [`read_reporting`] for the terminal UI: `watch` is told how far the load is after each file
/// and given the corpus of the files read so far now and then (a slow file does not hold the
/// others back); a quick load (the cache) and the sample corpus arrive whole.
pub fn read_watched(
    source: &CorpusSource,
    cache_dir: Option<&Path>,
    max_file_bytes: u64,
    watch: &dyn crate::corpus::stream::Watch,
) -> (Corpus, IndexSource) {
    match source {
        CorpusSource::Paths(paths) => {
            let store = cache_dir.and_then(|dir| Store::for_corpus(dir, paths));
            let pace = Some(crate::corpus::stream::Pace::SHOWN);
            let (corpus, outcome) = crate::cache::load::load_paths_watched(
                paths,
                store.as_ref(),
                max_file_bytes,
                watch,
                pace,
            );
            let index = IndexSource {
                store,
                fingerprint: outcome.fingerprint,
            };
            (corpus, index)
        }
        CorpusSource::Embedded => (load_embedded(), IndexSource::default()),
    }
}

/// Load the corpus (through the cache in `cache_dir`, if any) and report files that gave
/// nothing on `err`. On a terminal, a load that takes more than half a second shows a progress
/// bar on stderr (gone once loaded); piped or redirected, nothing.
pub fn load(
    source: &CorpusSource,
    cache_dir: Option<&Path>,
    max_file_bytes: u64,
    err: &mut dyn Write,
) -> io::Result<(Corpus, IndexSource)> {
    let bar = LoadBar::new(io::stderr().is_terminal());
    let (corpus, index) = read_reporting(source, cache_dir, max_file_bytes, &|done, total| {
        bar.report(done, total);
    });
    bar.finish();
    for problem in &corpus.problems {
        report_problem(problem, err)?;
    }
    Ok((corpus, index))
}

/// The CLI's progress bar while files are read: hidden until the load has taken
/// [`LoadBar::DELAY`], so a quick command never flashes one.
struct LoadBar {
    bar: indicatif::ProgressBar,
    started: std::time::Instant,
    terminal: bool,
    shown: std::sync::atomic::AtomicBool,
}

impl LoadBar {
    const DELAY: std::time::Duration = std::time::Duration::from_millis(500);

    fn new(terminal: bool) -> LoadBar {
        let bar = indicatif::ProgressBar::hidden();
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{spinner} reading {pos}/{len} files {wide_bar} {per_sec} {eta}",
        ) {
            bar.set_style(style);
        }
        LoadBar {
            bar,
            started: std::time::Instant::now(),
            terminal,
            shown: std::sync::atomic::AtomicBool::new(false),
        }
    }

    /// `done` of `total` files read; called from the reading threads.
    fn report(&self, done: usize, total: usize) {
        use std::sync::atomic::Ordering;
        self.bar.set_length(total as u64);
        self.bar.set_position(done as u64);
        if self.terminal
            && self.started.elapsed() >= Self::DELAY
            && !self.shown.swap(true, Ordering::Relaxed)
        {
            self.bar
                .set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// `resolu: PATH: what went wrong`, the line every command prints for a file that gave nothing;
/// the path is a file name from the disk, shown [`inert`].
pub(super) fn report_problem(problem: &FileProblem, err: &mut dyn Write) -> io::Result<()> {
    writeln!(
        err,
        "resolu: {}: {}",
        Shown(&problem.path),
        Shown(&problem.error.to_string())
    )
}
