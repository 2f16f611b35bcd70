//! Walk files and folders for `*.txt`, `*.md` and `*.pdf`, read and parse them in parallel, and collect
//! what went wrong per file. A file that cannot be read or parsed is reported by name; the rest
//! of the corpus still loads. The sample corpus is compiled in and is the default.

use super::model::Resolution;
use super::parse::{Trace, parse_document, parse_pdf, parse_traced};
use super::source::pdf::{self, is_pdf};
use super::symbol::Symbol;
use super::warning::Warning;
use crate::fsread::{self, FileKind, ReadError, read_regular};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use thiserror::Error;

/// Why a file gave no resolution at all (serde: kept in the cache, `src/cache/`).
#[derive(Debug, Clone, PartialEq, Eq, Error, serde::Serialize, serde::Deserialize)]
pub enum FileError {
    #[error("cannot read: {0}")]
    Unreadable(String),
    #[error("empty file")]
    Empty,
    #[error("binary file (not text): {0}")]
    Binary(String),
    #[error("no resolution found: no symbol, number, title or paragraph could be read")]
    NotAResolution,
    #[error("no such file or folder")]
    Missing,
    /// A PDF that could not be read (encrypted, damaged) or has no text (a scan).
    #[error("{0}")]
    Pdf(#[from] pdf::ReadError),
    /// Named `.pdf` but not a PDF (often a web page saved under a PDF's name).
    #[error("not a PDF although named .pdf (it does not start with %PDF-)")]
    NotPdf,
    /// A FIFO, device, socket (or a link to one) where a document was expected: never read, as
    /// reading one may never end (a FIFO with no writer) or never stop (`/dev/zero`).
    #[error("{0}, not a regular file: skipped")]
    NotRegular(FileKind),
    /// Larger than the config's `max_file_mb`: `size` is the size found (or read before stopping).
    #[error(
        "{} MB, larger than the {} MB limit (`max_file_mb` in the config): skipped",
        megabytes(*size),
        megabytes(*limit)
    )]
    TooLarge { size: u64, limit: u64 },
}

impl From<ReadError> for FileError {
    fn from(error: ReadError) -> Self {
        match error {
            ReadError::Missing => FileError::Missing,
            ReadError::NotRegular(kind) => FileError::NotRegular(kind),
            ReadError::TooLarge { size, limit } => FileError::TooLarge { size, limit },
            ReadError::Io(why) => FileError::Unreadable(why),
        }
    }
}

/// A size in megabytes (of 1,048,576 bytes, as `max_file_mb` counts), one decimal.
fn megabytes(bytes: u64) -> String {
    let tenths = bytes.saturating_mul(10).div_ceil(1 << 20);
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// The bytes of the document `file`: a regular file of at most `max_bytes`, read without ever
/// blocking (`crate::fsread`).
pub fn read_document(file: &Path, max_bytes: u64) -> Result<Vec<u8>, FileError> {
    Ok(read_regular(file, max_bytes)?.0)
}

/// A file that gave no resolution, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FileProblem {
    pub path: String,
    pub error: FileError,
}

/// The loaded corpus: resolutions in a stable order, and the files that failed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Corpus {
    pub resolutions: Vec<Resolution>,
    pub problems: Vec<FileProblem>,
}

impl Corpus {
    /// Find a resolution by symbol (`A/HRC/RES/44/18`, `a/res/2453(xxiii)`) or number (`44/18`,
    /// `2453 (XXIII)`), in any spelling [`Symbol`] reads. An id that reads as a full symbol is
    /// compared as a symbol; then symbols and numbers as text, case-insensitively (for what does
    /// not read as a symbol); then the id as a number in each document's own series.
    pub fn find(&self, id: &str) -> Option<&Resolution> {
        let id = id.trim();
        let documents = || self.resolutions.iter();
        let wanted = Symbol::parse(id);
        let same_symbol = |r: &&Resolution| wanted.is_some() && r.parsed_symbol() == wanted;
        let eq = |a: &Option<String>| a.as_deref().is_some_and(|a| a.eq_ignore_ascii_case(id));
        let same_number = |r: &&Resolution| {
            let own = r.parsed_symbol();
            own.is_some_and(|own| Symbol::parse_short(id, own.series()) == Some(own))
        };
        documents()
            .find(same_symbol)
            .or_else(|| documents().find(|r| eq(&r.symbol)))
            .or_else(|| documents().find(|r| eq(&r.number)))
            .or_else(|| documents().find(same_number))
    }
}

/// The sample documents compiled into the binary: (path, bytes). 44/11 is the PDF that
/// `tests/un_pdf` writes from its seed (`tests/pdf.rs` keeps it in step), so the sample corpus
/// shows a PDF read directly.
pub const EMBEDDED: &[(&str, &[u8])] = &[
    (
        "sample-data/A_HRC_RES_37_23.fr.md",
        include_bytes!("../../sample-data/A_HRC_RES_37_23.fr.md"),
    ),
    (
        "tests/fixtures/pdf/A_HRC_RES_44_11.fr.pdf",
        include_bytes!("../../tests/fixtures/pdf/A_HRC_RES_44_11.fr.pdf"),
    ),
    (
        "sample-data/A_HRC_RES_44_18.fr.txt",
        include_bytes!("../../sample-data/A_HRC_RES_44_18.fr.txt"),
    ),
    (
        "sample-data/A_HRC_RES_46_13.fr.txt",
        include_bytes!("../../sample-data/A_HRC_RES_46_13.fr.txt"),
    ),
    (
        "sample-data/A_RES_71_194.fr.md",
        include_bytes!("../../sample-data/A_RES_71_194.fr.md"),
    ),
    (
        "sample-data/en/A_RES_80_1.en.txt",
        include_bytes!("../../sample-data/en/A_RES_80_1.en.txt"),
    ),
    (
        "sample-data/en/A_RES_80_10.en.txt",
        include_bytes!("../../sample-data/en/A_RES_80_10.en.txt"),
    ),
    (
        "sample-data/en/A_RES_80_17.en.md",
        include_bytes!("../../sample-data/en/A_RES_80_17.en.md"),
    ),
    (
        "sample-data/en/A_RES_80_2.en.md",
        include_bytes!("../../sample-data/en/A_RES_80_2.en.md"),
    ),
    (
        "sample-data/en/A_RES_80_21.en.txt",
        include_bytes!("../../sample-data/en/A_RES_80_21.en.txt"),
    ),
];

/// Share of control bytes (other than whitespace) above which a file is taken for binary.
fn looks_binary(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Some("it contains NUL bytes".into());
    }
    let control = head
        .iter()
        .filter(|b| b.is_ascii_control() && !b"\n\r\t\x0c\x1b".contains(b))
        .count();
    (control * 20 > head.len())
        .then(|| format!("{control} control bytes in its first {} bytes", head.len()))
}

/// A file's bytes as text: empty and binary files refused, invalid UTF-8 decoded lossily.
pub fn decode(_path: &str, bytes: &[u8]) -> Result<String, FileError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FileError::Empty);
    }
    if let Some(why) = looks_binary(bytes) {
        return Err(FileError::Binary(why));
    }
    Ok(String::from_utf8_lossy(bytes).into_owned())
}

/// Parse one file's bytes: a PDF read directly, or text (invalid UTF-8 decoded lossily, with
/// a warning).
pub fn parse_bytes(path: &str, bytes: &[u8]) -> Result<Resolution, FileError> {
    let resolution = if is_pdf(bytes) {
        parse_pdf(bytes, path)?.1
    } else {
        refuse_false_pdf(path, bytes)?;
        let text = decode(path, bytes)?;
        let mut resolution = parse_document(&text, path);
        if std::str::from_utf8(bytes).is_err() {
            resolution.warnings.insert(0, Warning::InvalidUtf8);
        }
        resolution
    };
    refuse_empty(resolution)
}

/// A file read as the parser reads it: the text (a PDF's made of its lines), the resolution,
/// and how each field was found (`check --explain`, `check --stats`).
pub fn parse_traced_bytes(
    path: &str,
    bytes: &[u8],
) -> Result<(String, Resolution, Trace), FileError> {
    if is_pdf(bytes) {
        return Ok(parse_pdf(bytes, path)?);
    }
    refuse_false_pdf(path, bytes)?;
    let text = decode(path, bytes)?;
    let (mut resolution, trace) = parse_traced(&text, path);
    if std::str::from_utf8(bytes).is_err() {
        resolution.warnings.insert(0, Warning::InvalidUtf8);
    }
    Ok((text, resolution, trace))
}

/// A file named `.pdf` that is not one: refused rather than read as text (an empty one is
/// reported as empty).
fn refuse_false_pdf(path: &str, bytes: &[u8]) -> Result<(), FileError> {
    let named_pdf = Path::new(path)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    if named_pdf && !bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FileError::NotPdf);
    }
    Ok(())
}

/// A document in which nothing of a resolution was found is no resolution.
fn refuse_empty(resolution: Resolution) -> Result<Resolution, FileError> {
    let nothing = resolution.symbol.is_none()
        && resolution.number.is_none()
        && resolution.title.is_none()
        && resolution.paragraphs.is_empty();
    if nothing {
        return Err(FileError::NotAResolution);
    }
    Ok(resolution)
}

/// Turn (path, parse result) pairs into a corpus, in the given order.
fn collect(results: Vec<(String, Result<Resolution, FileError>)>) -> Corpus {
    let mut corpus = Corpus::default();
    for (path, result) in results {
        match result {
            Ok(resolution) => corpus.resolutions.push(resolution),
            Err(error) => corpus.problems.push(FileProblem { path, error }),
        }
    }
    corpus
}

/// The compiled-in sample corpus.
pub fn load_embedded() -> Corpus {
    collect(
        EMBEDDED
            .par_iter()
            .map(|(path, bytes)| (path.to_string(), parse_bytes(path, bytes)))
            .collect(),
    )
}

fn is_document(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "txt" | "md" | "markdown" | "pdf"
        )
    })
}

/// Every document file under `paths` (files taken as given, folders walked), sorted within
/// each folder; paths that do not exist, and FIFOs, devices and sockets (given, or met in a
/// folder under a document's name), are returned as problems. Nothing is opened here.
pub fn discover(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<FileProblem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let problem = |path: &Path, error: FileError| FileProblem {
        path: path.display().to_string(),
        error,
    };
    for path in paths {
        let metadata = match std::fs::metadata(path) {
            Ok(metadata) => metadata,
            Err(e) => {
                problems.push(problem(path, ReadError::from(e).into()));
                continue;
            }
        };
        if metadata.is_file() {
            files.push(path.clone());
            continue;
        }
        if !metadata.is_dir() {
            if let Some(kind) = FileKind::of(metadata.file_type()) {
                problems.push(problem(path, FileError::NotRegular(kind)));
            }
            continue;
        }
        let walker = walkdir::WalkDir::new(path)
            .sort_by_file_name()
            .follow_links(true);
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_dir() || !is_document(e.path()) => {}
                Ok(e) => match FileKind::of(e.file_type()) {
                    None => files.push(e.into_path()),
                    Some(kind) => problems.push(problem(e.path(), FileError::NotRegular(kind))),
                },
                Err(e) => problems.push(problem(
                    e.path().unwrap_or(path),
                    FileError::Unreadable(e.to_string()),
                )),
            }
        }
    }
    // A file reached twice (the same folder in two spellings, a symlink to it or into it, a
    // hard link) is read once: else it would count twice in every vote figure. The identity is
    // the file's (device, inode), not its canonical path, which differs between hard links.
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(fsread::identity(f)));
    (files, problems)
}

/// Load every document under `paths`, each file up to the default size limit
/// ([`fsread::DEFAULT_FILE_LIMIT`]).
pub fn load_paths(paths: &[PathBuf]) -> Corpus {
    load_paths_reporting(paths, fsread::DEFAULT_FILE_LIMIT, &|_, _| {})
}

/// [`load_paths`] with files up to `max_file_bytes`, telling `progress(done, total)` how far it
/// is: once the files are found (`done` 0), then after each file is read and parsed. Called
/// from the reading threads, so two reports may arrive out of order; the last file's says
/// `done == total`.
pub fn load_paths_reporting(
    paths: &[PathBuf],
    max_file_bytes: u64,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Corpus {
    let (files, problems) = discover(paths);
    let total = files.len();
    progress(0, total);
    let done = AtomicUsize::new(0);
    // Read and parse each file in one task, so its bytes are freed as soon as it is parsed.
    let parsed: Vec<(String, Result<Resolution, FileError>)> = files
        .into_par_iter()
        .map(|file| {
            let path = file.display().to_string();
            let result =
                read_document(&file, max_file_bytes).and_then(|bytes| parse_bytes(&path, &bytes));
            progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
            (path, result)
        })
        .collect();
    assemble(parsed, problems)
}

/// The corpus made of each file's own parse, in file order (as [`parse_bytes`] gave them, or as
/// a cache kept them), after `problems` met before reading (missing paths, unreadable folders):
/// what only the whole corpus tells (a resolution repeated in another file) is added here, so a
/// corpus assembled from cached parses is the one [`load_paths`] gives.
pub fn assemble(
    parsed: Vec<(String, Result<Resolution, FileError>)>,
    mut problems: Vec<FileProblem>,
) -> Corpus {
    let mut corpus = collect(parsed);
    problems.append(&mut corpus.problems);
    corpus.problems = problems;
    flag_duplicates(&mut corpus.resolutions);
    corpus
}

/// Two files with the same resolution in the same language (a copy, a second download): each
/// after the first says which file it repeats. Both stay; `check` reports it.
fn flag_duplicates(resolutions: &mut [Resolution]) {
    let mut first: std::collections::HashMap<(String, Option<&'static str>), String> =
        std::collections::HashMap::new();
    for r in resolutions.iter_mut() {
        let Some(id) = r.symbol.clone().or_else(|| r.number.clone()) else {
            continue;
        };
        let key = (id.to_uppercase(), r.language.map(|l| l.code()));
        match first.get(&key) {
            Some(path) => r.warnings.push(Warning::SameAs { path: path.clone() }),
            None => {
                first.insert(key, r.source.path.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::model::Body;

    #[test]
    fn a_file_reached_by_overlapping_paths_is_read_once() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
        let file = root.join("A_HRC_RES_44_18.fr.txt");
        let (files, problems) =
            discover(&[root.clone(), file.clone(), root.join("../sample-data")]);
        assert!(problems.is_empty());
        let hits = files
            .iter()
            .filter(|f| f.file_name() == file.file_name())
            .count();
        assert_eq!(hits, 1, "{files:?}");
        let corpus = load_paths(&[root.clone(), file]);
        assert_eq!(
            corpus.resolutions.len(),
            load_paths(&[root]).resolutions.len()
        );
    }

    #[cfg(unix)]
    #[test]
    fn special_files_are_problems_that_say_what_they_are_and_hard_links_count_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/en");
        let file = dir.path().join("a.txt");
        std::fs::copy(root.join("A_RES_80_1.en.txt"), &file).unwrap();
        std::fs::hard_link(&file, dir.path().join("b.txt")).unwrap();
        let fifo = dir.path().join("f.txt");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        std::os::unix::fs::symlink("/dev/zero", dir.path().join("z.md")).unwrap();
        // Not named as a document: not one, and no warning.
        std::os::unix::fs::symlink("/dev/null", dir.path().join("null")).unwrap();
        let (files, problems) = discover(&[dir.path().to_path_buf(), fifo.clone()]);
        assert_eq!(files, [file]);
        let found: Vec<(&str, &FileError)> = problems
            .iter()
            .map(|p| (p.path.rsplit('/').next().unwrap(), &p.error))
            .collect();
        assert_eq!(
            found,
            [
                ("f.txt", &FileError::NotRegular(FileKind::Fifo)),
                ("z.md", &FileError::NotRegular(FileKind::CharDevice)),
                ("f.txt", &FileError::NotRegular(FileKind::Fifo)),
            ]
        );
        let corpus = load_paths(&[dir.path().to_path_buf()]);
        assert_eq!(corpus.resolutions.len(), 1);
        assert_eq!(corpus.problems.len(), 2);
        let too_large = load_paths_reporting(&[dir.path().to_path_buf()], 100, &|_, _| {});
        assert!(too_large.resolutions.is_empty());
        let size = std::fs::metadata(dir.path().join("a.txt")).unwrap().len();
        assert_eq!(
            too_large.problems[2].error,
            FileError::TooLarge { size, limit: 100 }
        );
        assert_eq!(
            FileError::TooLarge {
                size: 80 << 20,
                limit: 64 << 20
            }
            .to_string(),
            "80.0 MB, larger than the 64.0 MB limit (`max_file_mb` in the config): skipped"
        );
    }

    #[test]
    fn loading_reports_progress_up_to_the_number_of_files() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
        let (files, _) = discover(std::slice::from_ref(&root));
        let reports = std::sync::Mutex::new(Vec::new());
        let corpus = load_paths_reporting(&[root], fsread::DEFAULT_FILE_LIMIT, &|done, total| {
            reports.lock().unwrap().push((done, total));
        });
        let reports = reports.into_inner().unwrap();
        let total = files.len();
        assert!(total > 5);
        assert_eq!(corpus.resolutions.len() + corpus.problems.len(), total);
        // First the total, then one report per file, each count once, the last one `total`.
        assert_eq!(reports[0], (0, total));
        assert_eq!(reports.len(), total + 1);
        assert!(reports.iter().all(|&(_, t)| t == total));
        let mut counts: Vec<usize> = reports.iter().map(|&(done, _)| done).collect();
        counts.sort_unstable();
        assert_eq!(counts, (0..=total).collect::<Vec<_>>());
    }

    #[test]
    fn a_second_copy_of_a_resolution_is_kept_and_says_so() {
        let dir = std::env::temp_dir().join(format!("resolu-dup-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let text = std::fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/A_HRC_RES_44_18.fr.txt"),
        )
        .unwrap();
        std::fs::write(dir.join("a.txt"), &text).unwrap();
        std::fs::write(dir.join("b.txt"), &text).unwrap();
        let corpus = load_paths(std::slice::from_ref(&dir));
        assert_eq!(corpus.resolutions.len(), 2);
        let flagged: Vec<&Resolution> = corpus
            .resolutions
            .iter()
            .filter(|r| r.warnings.iter().any(|w| w.kind() == "duplicate"))
            .collect();
        assert_eq!(flagged.len(), 1);
        assert!(flagged[0].source.path.ends_with("b.txt"));
        assert!(
            flagged[0]
                .warnings
                .iter()
                .any(|w| w.to_string().contains("a.txt"))
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_embedded_corpus_loads_whole() {
        let corpus = load_embedded();
        assert_eq!(corpus.resolutions.len(), EMBEDDED.len());
        assert!(corpus.problems.is_empty());
        assert!(corpus.find("44/18").is_some());
        assert!(corpus.find("a/hrc/res/44/18").is_some());
    }

    fn resolution(symbol: Option<&str>, number: &str, body: Body) -> Resolution {
        let mut r = load_embedded().resolutions.swap_remove(0);
        r.symbol = symbol.map(str::to_string);
        r.number = Some(number.to_string());
        r.body = Some(body);
        r
    }

    #[test]
    fn find_reads_any_spelling_of_a_symbol_or_number() {
        let corpus = Corpus {
            resolutions: vec![
                resolution(Some("A/RES/2453(XXIII)"), "2453 (XXIII)", Body::Ga),
                resolution(None, "217 A (III)", Body::Ga),
                resolution(Some("S/RES/2334 (2016)"), "2334 (2016)", Body::Sc),
                resolution(Some("A/HRC/RES/S-30/1"), "S-30/1", Body::Hrc),
                resolution(Some("A/HRC/RES/44/18"), "44/18", Body::Hrc),
                resolution(Some("A/RES/44/18"), "44/18", Body::Ga),
                resolution(Some("A/RES/80/1/Rev.1"), "80/1", Body::Ga),
            ],
            problems: vec![],
        };
        let found = |id: &str| corpus.find(id).and_then(|r| r.symbol.as_deref());
        let rows = [
            ("A/RES/2453 (XXIII)", Some("A/RES/2453(XXIII)")),
            ("a/res/2453(xxiii)", Some("A/RES/2453(XXIII)")),
            ("2453 (XXIII)", Some("A/RES/2453(XXIII)")),
            ("2453(xxiii).", Some("A/RES/2453(XXIII)")),
            ("s/res/2334(2016)", Some("S/RES/2334 (2016)")),
            ("2334(2016)", Some("S/RES/2334 (2016)")),
            ("a/hrc/res/s-30/1", Some("A/HRC/RES/S-30/1")),
            ("S‑30/1", Some("A/HRC/RES/S-30/1")),
            ("A / HRC / RES / 44 / 18", Some("A/HRC/RES/44/18")),
            ("a/res/44/18", Some("A/RES/44/18")),
            ("44/18", Some("A/HRC/RES/44/18")),
            ("a/res/80/1/rev.1", Some("A/RES/80/1/Rev.1")),
            ("80/1", Some("A/RES/80/1/Rev.1")),
            ("A/RES/2454 (XXIII)", None),
            ("2453", None),
            ("", None),
        ];
        for (id, expected) in rows {
            assert_eq!(found(id), expected, "{id:?}");
        }
        let symbolless = corpus
            .find("a/res/217 a (iii)")
            .map(|r| r.number.as_deref());
        assert_eq!(symbolless, Some(Some("217 A (III)")));
        assert!(corpus.find("217(III)A").is_some());
    }

    #[test]
    fn bad_bytes_give_named_errors() {
        assert_eq!(parse_bytes("e.txt", b""), Err(FileError::Empty));
        assert_eq!(parse_bytes("e.txt", b" \n\n "), Err(FileError::Empty));
        assert!(matches!(
            parse_bytes("b.txt", b"\x00\x01\x02PK"),
            Err(FileError::Binary(_))
        ));
        assert_eq!(
            parse_bytes("n.txt", b"---\n---\n"),
            Err(FileError::NotAResolution)
        );
    }
}
