//! Walk files and folders for `*.txt`, `*.md` and `*.pdf`, read and parse them in parallel, and collect
//! what went wrong per file. A file that cannot be read or parsed is reported by name; the rest
//! of the corpus still loads. The sample corpus is compiled in and is the default.

use super::model::Resolution;
use super::parse::{Trace, parse_document, parse_pdf, parse_traced};
use super::source::pdf::{ReadError, is_pdf};
use super::symbol::Symbol;
use super::warning::Warning;
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
    Pdf(#[from] ReadError),
    /// Named `.pdf` but not a PDF (often a web page saved under a PDF's name).
    #[error("not a PDF although named .pdf (it does not start with %PDF-)")]
    NotPdf,
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
/// each folder; paths that do not exist are returned as problems.
pub fn discover(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<FileProblem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        if path.is_file() {
            files.push(path.clone());
        } else if path.is_dir() {
            let walker = walkdir::WalkDir::new(path)
                .sort_by_file_name()
                .follow_links(true);
            for entry in walker {
                match entry {
                    Ok(e) if e.file_type().is_file() && is_document(e.path()) => {
                        files.push(e.into_path());
                    }
                    Ok(_) => {}
                    Err(e) => problems.push(FileProblem {
                        path: e.path().unwrap_or(path).display().to_string(),
                        error: FileError::Unreadable(e.to_string()),
                    }),
                }
            }
        } else {
            problems.push(FileProblem {
                path: path.display().to_string(),
                error: FileError::Missing,
            });
        }
    }
    // A file reached twice (overlapping paths, a link) is read once: else it would count twice
    // in every vote figure.
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
    (files, problems)
}

/// Load every document under `paths`.
pub fn load_paths(paths: &[PathBuf]) -> Corpus {
    load_paths_reporting(paths, &|_, _| {})
}

/// [`load_paths`], telling `progress(done, total)` how far it is: once the files are found
/// (`done` 0), then after each file is read and parsed. Called from the reading threads, so
/// two reports may arrive out of order; the last file's says `done == total`.
pub fn load_paths_reporting(paths: &[PathBuf], progress: &(dyn Fn(usize, usize) + Sync)) -> Corpus {
    let (files, problems) = discover(paths);
    let total = files.len();
    progress(0, total);
    let done = AtomicUsize::new(0);
    // Read and parse each file in one task, so its bytes are freed as soon as it is parsed.
    let parsed: Vec<(String, Result<Resolution, FileError>)> = files
        .into_par_iter()
        .map(|file| {
            let path = file.display().to_string();
            let result = std::fs::read(&file)
                .map_err(|e| FileError::Unreadable(e.to_string()))
                .and_then(|bytes| parse_bytes(&path, &bytes));
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

    #[test]
    fn loading_reports_progress_up_to_the_number_of_files() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
        let (files, _) = discover(std::slice::from_ref(&root));
        let reports = std::sync::Mutex::new(Vec::new());
        let corpus = load_paths_reporting(&[root], &|done, total| {
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
