//! Imported voting records kept in the cache dir (`resolu import-votes`, the config's `votes`
//! paths), and the store the program works on: the texts' roll calls joined with them.
//!
//! This is the votes' edge: it opens the files and the saved store ([`super::saved`]); the
//! readers ([`super::import`]) only read what they are handed.

use super::import::{self, FileImport, ImportError, Layout, RollCalls};
use super::saved::{FILE_NAME, Saved, SavedError, SavedFile};
use super::store::VoteStore;
use super::texts::from_texts;
use crate::corpus::model::Resolution;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// Roll calls read, and what went wrong reading them (one sentence each, naming the file).
#[derive(Debug, Default)]
pub struct Imported {
    pub store: VoteStore,
    pub warnings: Vec<String>,
}

/// What the vote store needs to know of the configuration, implemented by `config::Config`:
/// `votes` sits below `config` (which sits above `app`, which holds a vote store), so it names
/// no config type.
pub trait VoteSettings {
    /// The platform cache dir, if any.
    fn cache_dir(&self) -> Option<PathBuf>;
    /// The config's `votes` files.
    fn vote_files(&self) -> &[PathBuf];
}

/// The saved store's path in the cache dir `dir`.
pub fn saved_path(dir: &Path) -> PathBuf {
    dir.join(FILE_NAME)
}

/// The voting records imported so far, and the config's `votes` files (imported again when
/// changed since), from the platform cache dir.
pub fn load<C: VoteSettings + ?Sized>(config: &C) -> Imported {
    load_from(config.cache_dir().as_deref(), config.vote_files())
}

/// [`load`] with the cache dir given (`None`: no cache dir; config files are read each time).
pub fn load_from(dir: Option<&Path>, config_files: &[PathBuf]) -> Imported {
    let mut warnings = Vec::new();
    let mut saved = match dir.map(|d| Saved::read(&saved_path(d))) {
        None | Some(Err(SavedError::Missing)) => Saved::default(),
        Some(Ok((saved, mut read))) => {
            warnings.append(&mut read);
            saved
        }
        Some(Err(why)) => {
            let path = dir.map(saved_path).unwrap_or_default();
            warnings.push(format!("{}: {why}", path.display()));
            Saved::default()
        }
    };
    let mut changed = false;
    for path in config_files {
        let absolute = absolute(path);
        let key = absolute.display().to_string();
        if !path.exists() {
            if saved.file(&key).is_some() {
                warnings.push(format!(
                    "{key} (config `votes`): no such file; its earlier import is kept"
                ));
            } else {
                warnings.push(format!("{key} (config `votes`): no such file"));
            }
            continue;
        }
        if saved
            .file(&key)
            .is_some_and(|f| stamps_of(&f_paths(f)) == f.stamps)
        {
            continue;
        }
        let outcome = import_paths(&mut saved, std::slice::from_ref(path), true);
        warnings.extend(outcome.errors.iter().map(ToString::to_string));
        for done in &outcome.done {
            warnings.extend(done.warnings.iter().cloned());
        }
        changed |= !outcome.done.is_empty();
    }
    if changed
        && let Some(dir) = dir
        && let Err(why) = saved.write(&saved_path(dir))
    {
        warnings.push(format!("{}: {why}", saved_path(dir).display()));
    }
    Imported {
        store: saved.to_store(),
        warnings,
    }
}

/// Every roll call: the corpus's texts' first, then the imported records.
pub fn all_votes<C: VoteSettings + ?Sized>(resolutions: &[Resolution], config: &C) -> Imported {
    let mut store = from_texts(resolutions);
    let imported = load(config);
    store.extend(imported.store);
    Imported {
        store,
        warnings: imported.warnings,
    }
}

/// What an import of several paths did.
#[derive(Debug, Default)]
pub struct Outcome {
    /// The files imported (replacing earlier imports of the same paths).
    pub done: Vec<SavedFile>,
    /// The files that could not be read at all.
    pub errors: Vec<ImportError>,
}

/// A path made absolute (canonical where it exists): the name an import is kept under.
pub fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

fn f_paths(file: &SavedFile) -> Vec<PathBuf> {
    std::iter::once(&file.path)
        .chain(&file.partner)
        .map(PathBuf::from)
        .collect()
}

/// Size and modification time of each path.
fn stamps_of(paths: &[PathBuf]) -> Vec<(u64, Option<(u64, u32)>)> {
    paths
        .iter()
        .map(|p| match std::fs::metadata(p) {
            Ok(m) => (
                m.len(),
                m.modified()
                    .ok()
                    .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                    .map(|d| (d.as_secs(), d.subsec_nanos())),
            ),
            Err(_) => (0, None),
        })
        .collect()
}

/// A reader that hashes what passes through it (xxh3), so a file is read once.
struct Hashing<R> {
    inner: R,
    hash: xxhash_rust::xxh3::Xxh3,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hash.update(&buf[..n]);
        Ok(n)
    }
}

fn open(path: &Path) -> Result<Hashing<std::fs::File>, ImportError> {
    crate::fsread::open_regular(path, u64::MAX)
        .map(|r| Hashing {
            inner: r.into_file(),
            hash: xxhash_rust::xxh3::Xxh3::new(),
        })
        .map_err(|e| ImportError {
            file: path.display().to_string(),
            why: e.to_string(),
        })
}

/// One thing to import: a file, or Voeten's votes with their roll calls.
#[derive(Debug, PartialEq, Eq)]
struct Job {
    path: PathBuf,
    partner: Option<PathBuf>,
}

/// `unvotes.csv` and `roll_calls.csv`, the names the `unvotes` package gives its files.
const VOETEN_VOTES: &str = "unvotes.csv";
const VOETEN_ROLL_CALLS: &str = "roll_calls.csv";

/// The files a path stands for: a file itself; a folder's `*.csv` files (not its subfolders).
fn expand(path: &Path) -> Vec<PathBuf> {
    if !path.is_dir() {
        return vec![path.to_path_buf()];
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")))
        .collect();
    files.sort();
    files
}

fn layout(path: &Path) -> Result<Layout, ImportError> {
    import::layout_of(&path.display().to_string(), open(path)?)
}

/// Pair Voeten's votes with their roll calls: a roll-calls file given in the same folder (else
/// the only one given), else `roll_calls.csv` beside the votes; a roll-calls file given alone
/// finds `unvotes.csv` beside it. Files that are no voting data set are errors.
fn plan(paths: &[PathBuf], errors: &mut Vec<ImportError>) -> Vec<Job> {
    let mut files: Vec<(PathBuf, Layout)> = Vec::new();
    for path in paths.iter().flat_map(|p| expand(p)) {
        let path = absolute(&path);
        if files.iter().any(|(p, _)| *p == path) {
            continue;
        }
        match layout(&path) {
            Ok(l) => files.push((path, l)),
            // A folder's other CSV files (issues.csv …) are not worth an error.
            Err(_) if paths.iter().all(|p| *p != path && absolute(p) != path) => {}
            Err(e) => errors.push(e),
        }
    }
    let roll_call_files: Vec<&PathBuf> = files
        .iter()
        .filter(|(_, l)| *l == Layout::VoetenRollCalls)
        .map(|(p, _)| p)
        .collect();
    let mut used: Vec<PathBuf> = Vec::new();
    let mut jobs = Vec::new();
    for (path, layout) in &files {
        if *layout != Layout::VoetenVotes {
            continue;
        }
        let partner = roll_call_files
            .iter()
            .find(|r| r.parent() == path.parent())
            .or((roll_call_files.len() == 1).then(|| &roll_call_files[0]))
            .map(|p| (*p).clone())
            .or_else(|| {
                let beside = path.with_file_name(VOETEN_ROLL_CALLS);
                beside.is_file().then_some(beside)
            });
        used.extend(partner.clone());
        jobs.push(Job {
            path: path.clone(),
            partner,
        });
    }
    for (path, layout) in &files {
        match layout {
            Layout::VoetenVotes => {}
            Layout::VoetenRollCalls if used.contains(path) => {}
            Layout::VoetenRollCalls => {
                let beside = path.with_file_name(VOETEN_VOTES);
                if beside.is_file() && !jobs.iter().any(|j| j.path == beside) {
                    jobs.push(Job {
                        path: beside,
                        partner: Some(path.clone()),
                    });
                } else {
                    jobs.push(Job {
                        path: path.clone(),
                        partner: None,
                    });
                }
            }
            _ => jobs.push(Job {
                path: path.clone(),
                partner: None,
            }),
        }
    }
    jobs
}

/// Read one job: its store and the record of it.
fn run(job: &Job, from_config: bool) -> Result<(FileImport, SavedFile), ImportError> {
    let name = job.path.display().to_string();
    let mut reader = open(&job.path)?;
    let (import, partner_warnings) = match &job.partner {
        Some(partner) => {
            let mut report = import::Report::default();
            let calls =
                RollCalls::read(&partner.display().to_string(), open(partner)?, &mut report)?;
            let mut import = import::read_voeten(&name, &mut reader, calls)?;
            import.report.skipped += report.skipped;
            (import, report.warnings)
        }
        None => (import::read(&name, &mut reader)?, Vec::new()),
    };
    let paths: Vec<PathBuf> = std::iter::once(job.path.clone())
        .chain(job.partner.clone())
        .collect();
    let report = &import.report;
    let file = SavedFile {
        path: name,
        partner: job.partner.as_ref().map(|p| p.display().to_string()),
        stamps: stamps_of(&paths),
        content_hash: reader.hash.digest(),
        layout: report.layout.unwrap_or(Layout::UndlLong),
        imported_at: std::time::SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
        roll_calls: import.store.len() as u64,
        casts: report.casts,
        skipped: report.skipped,
        unknown_countries: report.unknown_countries,
        warnings: partner_warnings
            .into_iter()
            .chain(report.warnings.iter().cloned())
            .collect(),
        from_config,
    };
    Ok((import, file))
}

/// Import `paths` into `saved`: each file's roll calls replace those of its earlier import.
pub fn import_paths(saved: &mut Saved, paths: &[PathBuf], from_config: bool) -> Outcome {
    let mut outcome = Outcome::default();
    for job in plan(paths, &mut outcome.errors) {
        match run(&job, from_config) {
            Ok((import, file)) => {
                saved.replace(file.clone(), &import.store);
                outcome.done.push(file);
            }
            Err(e) => outcome.errors.push(e),
        }
    }
    outcome
}
