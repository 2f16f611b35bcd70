//! Evaluation of the parser on the real General Assembly PDFs in `../shared/corpus/ga-pdf`
//! (never copied into the repository): shared by `tests/ga_pdf_eval.rs` (thresholds) and
//! `examples/eval_ga.rs` (figures, `--verbose` failures).
//!
//! - Each PDF is turned into text by `pdftotext` in three layouts (default, `-layout`, `-raw`)
//!   and by PyMuPDF when `python3 -c 'import pymupdf'` works, cached under
//!   `target/ga-eval/<layout>/` (made again only when missing or older than the PDF).
//! - Each text is parsed with `resolu::corpus::load::parse_bytes`; symbol, adoption date and
//!   agenda item are compared with `INDEX.tsv` (machine-extracted, not ground truth: the
//!   disagreements are listed so a human can decide who is right).
//! - An oracle independent of the parser reads the word boxes of `pdftotext -bbox-layout`
//!   (cached under `target/ga-eval/bbox/`): words noticeably smaller than the document's body
//!   text below the last body line of a page are footnote text; small digit-only words raised
//!   above their line are footnote calls. Heights are relative to the document's own body height.
#![allow(dead_code)]

use rayon::prelude::*;
use regex::Regex;
use resolu::corpus::Resolution;
use resolu::corpus::load::parse_bytes;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::LazyLock;

// ---------------------------------------------------------------------------------------------
// Where things are

/// The crate root.
pub fn crate_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The corpus, by the relative path the project references (`../shared/corpus/ga-pdf`).
pub const CORPUS_REL: &str = "../shared/corpus/ga-pdf";

/// The corpus folder: `$RESOLU_GA_CORPUS` when set (to try the test elsewhere), else
/// [`CORPUS_REL`] from the crate root.
pub fn corpus_dir() -> PathBuf {
    std::env::var_os("RESOLU_GA_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate_root().join(CORPUS_REL))
}

/// The corpus folder as messages name it.
pub fn corpus_label() -> String {
    std::env::var("RESOLU_GA_CORPUS").unwrap_or_else(|_| CORPUS_REL.to_string())
}

/// `target/ga-eval/`: the cache of converted texts and word boxes.
pub fn cache_root() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|t| {
            if t.is_relative() {
                crate_root().join(t)
            } else {
                t
            }
        })
        .unwrap_or_else(|| crate_root().join("target"));
    target.join("ga-eval")
}

// ---------------------------------------------------------------------------------------------
// Layouts and conversion

/// A way of turning a PDF into text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layout {
    /// `pdftotext F`
    Default,
    /// `pdftotext -layout F` (named `layout`: the physical layout kept).
    Physical,
    /// `pdftotext -raw F`
    Raw,
    /// PyMuPDF `page.get_text()` of every page, concatenated.
    PyMuPdf,
    /// The PDF itself, read by resolu (no conversion).
    Pdf,
}

impl Layout {
    pub const ALL: [Layout; 5] = [
        Layout::Default,
        Layout::Physical,
        Layout::Raw,
        Layout::PyMuPdf,
        Layout::Pdf,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Layout::Default => "default",
            Layout::Physical => "layout",
            Layout::Raw => "raw",
            Layout::PyMuPdf => "pymupdf",
            Layout::Pdf => "pdf",
        }
    }

    pub fn from_name(name: &str) -> Option<Layout> {
        Layout::ALL.into_iter().find(|l| l.name() == name)
    }

    fn pdftotext_flag(self) -> Option<&'static str> {
        match self {
            Layout::Default => Some(""),
            Layout::Physical => Some("-layout"),
            Layout::Raw => Some("-raw"),
            Layout::PyMuPdf | Layout::Pdf => None,
        }
    }
}

/// `pdftotext` runs.
pub fn pdftotext_available() -> bool {
    Command::new("pdftotext")
        .arg("-v")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// `python3 -c 'import pymupdf'` works.
pub fn pymupdf_available() -> bool {
    Command::new("python3")
        .args(["-c", "import pymupdf"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// `out` is missing or older than `pdf`.
fn stale(pdf: &Path, out: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    match (modified(pdf), modified(out)) {
        (Some(p), Some(o)) => o < p,
        _ => true,
    }
}

/// Write through a temporary file and a rename, so a concurrent run never reads half a file.
fn temp_for(out: &Path) -> PathBuf {
    let mut name = out.file_name().unwrap().to_os_string();
    name.push(format!(".tmp{}", std::process::id()));
    out.with_file_name(name)
}

fn run_pdftotext(flags: &[&str], pdf: &Path, out: &Path) -> Result<(), String> {
    let tmp = temp_for(out);
    let output = Command::new("pdftotext")
        .args(flags.iter().filter(|f| !f.is_empty()))
        .arg(pdf)
        .arg(&tmp)
        .output()
        .map_err(|e| format!("pdftotext: {e}"))?;
    if !output.status.success() {
        let _ = std::fs::remove_file(&tmp);
        return Err(format!(
            "pdftotext {flags:?} {}: {}",
            pdf.display(),
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    std::fs::rename(&tmp, out).map_err(|e| format!("{}: {e}", out.display()))
}

/// The cached text of `file` (`A_RES_80_5.pdf`) in `layout`; the PDF itself for `Pdf`.
pub fn text_path(layout: Layout, file: &str) -> PathBuf {
    if layout == Layout::Pdf {
        return corpus_dir().join(file);
    }
    cache_root()
        .join(layout.name())
        .join(file.replace(".pdf", ".txt"))
}

/// The cached `pdftotext -bbox-layout` output of `file`.
pub fn bbox_path(file: &str) -> PathBuf {
    cache_root()
        .join("bbox")
        .join(file.replace(".pdf", ".html"))
}

/// Convert every stale file of `files` in `layout`, in parallel. Returns how many were made.
pub fn convert(layout: Layout, files: &[String]) -> Result<usize, String> {
    if layout == Layout::Pdf {
        return Ok(0);
    }
    let dir = cache_root().join(layout.name());
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let todo: Vec<(PathBuf, PathBuf)> = files
        .iter()
        .map(|f| (corpus_dir().join(f), text_path(layout, f)))
        .filter(|(pdf, out)| stale(pdf, out))
        .collect();
    match layout.pdftotext_flag() {
        Some(flag) => todo
            .par_iter()
            .try_for_each(|(pdf, out)| run_pdftotext(&[flag], pdf, out))?,
        None => {
            // One Python process per thread, each converting a share of the files.
            let threads = rayon::current_num_threads().max(1);
            let chunk = todo.len().div_ceil(threads).max(1);
            todo.par_chunks(chunk).try_for_each(pymupdf_convert)?;
        }
    }
    Ok(todo.len())
}

const PYMUPDF_SCRIPT: &str = r#"
import os, sys, pymupdf
for line in sys.stdin:
    pdf, out, tmp = line.rstrip("\n").split("\t")
    with pymupdf.open(pdf) as doc:
        text = "".join(page.get_text() for page in doc)
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, out)
"#;

fn pymupdf_convert(jobs: &[(PathBuf, PathBuf)]) -> Result<(), String> {
    use std::io::Write;
    let mut child = Command::new("python3")
        .args(["-c", PYMUPDF_SCRIPT])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("python3: {e}"))?;
    let mut list = String::new();
    for (pdf, out) in jobs {
        let _ = writeln!(
            list,
            "{}\t{}\t{}",
            pdf.display(),
            out.display(),
            temp_for(out).display()
        );
    }
    child
        .stdin
        .take()
        .unwrap()
        .write_all(list.as_bytes())
        .map_err(|e| format!("python3: {e}"))?;
    let output = child
        .wait_with_output()
        .map_err(|e| format!("python3: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "PyMuPDF conversion failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    Ok(())
}

/// Make every stale `-bbox-layout` file, in parallel. Returns how many were made.
pub fn convert_bbox(files: &[String]) -> Result<usize, String> {
    let dir = cache_root().join("bbox");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let todo: Vec<(PathBuf, PathBuf)> = files
        .iter()
        .map(|f| (corpus_dir().join(f), bbox_path(f)))
        .filter(|(pdf, out)| stale(pdf, out))
        .collect();
    todo.par_iter()
        .try_for_each(|(pdf, out)| run_pdftotext(&["-bbox-layout"], pdf, out))?;
    Ok(todo.len())
}

// ---------------------------------------------------------------------------------------------
// INDEX.tsv

/// One row of `INDEX.tsv`.
#[derive(Debug, Clone)]
pub struct IndexRow {
    pub file: String,
    pub symbol: String,
    pub pages: u32,
    /// As printed: `19 September 2025`.
    pub adopted_on: String,
    /// As printed: `25 (b)`.
    pub agenda_item: String,
}

pub fn read_index() -> Result<Vec<IndexRow>, String> {
    let path = corpus_dir().join("INDEX.tsv");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .ok_or_else(|| format!("INDEX.tsv has no column {name}"))
    };
    let (file, symbol, pages, adopted, agenda) = (
        col("file")?,
        col("symbol")?,
        col("pages")?,
        col("adopted_on")?,
        col("agenda_item")?,
    );
    let mut rows: Vec<IndexRow> = lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let get = |i: usize| f.get(i).copied().unwrap_or_default().trim().to_string();
            IndexRow {
                file: get(file),
                symbol: get(symbol),
                pages: get(pages).parse().unwrap_or(0),
                adopted_on: get(adopted),
                agenda_item: get(agenda),
            }
        })
        .collect();
    rows.sort_by_key(|r| doc_number(&r.file));
    Ok(rows)
}

/// `A_RES_80_17.pdf` → 17, for a natural order.
fn doc_number(file: &str) -> (u32, String) {
    let n = file
        .trim_end_matches(".pdf")
        .rsplit('_')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(u32::MAX);
    (n, file.to_string())
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------------------------------------
// The oracle: word boxes

#[derive(Debug, Clone)]
struct Word {
    text: String,
    y_min: f64,
    y_max: f64,
}

impl Word {
    fn height(&self) -> f64 {
        self.y_max - self.y_min
    }
}

#[derive(Debug, Default)]
struct Page {
    height: f64,
    /// Lines in file order, each a list of words; `block` numbers lines of the same block.
    lines: Vec<(usize, Vec<Word>)>,
}

fn attr(tag: &str, name: &str) -> f64 {
    let key = format!("{name}=\"");
    tag.find(&key)
        .and_then(|i| {
            let rest = &tag[i + key.len()..];
            rest[..rest.find('"')?].parse().ok()
        })
        .unwrap_or(0.0)
}

fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest.find(';').filter(|&e| e <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn read_pages(html: &str) -> Vec<Page> {
    let mut pages: Vec<Page> = Vec::new();
    let mut block = 0;
    for raw in html.lines() {
        let line = raw.trim_start();
        if line.starts_with("<page ") {
            pages.push(Page {
                height: attr(line, "height"),
                lines: Vec::new(),
            });
        } else if line.starts_with("<block ") {
            block += 1;
        } else if line.starts_with("<line ") {
            if let Some(page) = pages.last_mut() {
                page.lines.push((block, Vec::new()));
            }
        } else if let Some(rest) = line.strip_prefix("<word ") {
            let Some(close) = rest.find('>') else {
                continue;
            };
            let text = rest[close + 1..].trim_end().trim_end_matches("</word>");
            let word = Word {
                text: unescape(text),
                y_min: attr(&rest[..close], "yMin"),
                y_max: attr(&rest[..close], "yMax"),
            };
            if let Some((_, words)) = pages.last_mut().and_then(|p| p.lines.last_mut()) {
                words.push(word);
            }
        }
    }
    pages
}

/// A footnote call found in the PDF: the word printed before it and its digits.
#[derive(Debug, Clone)]
pub struct Call {
    pub before: String,
    pub digits: String,
    /// The word printed after the call (empty when none follows on the page).
    pub after: String,
    pub page: usize,
}

/// What the word boxes of one PDF say.
#[derive(Debug, Default)]
pub struct Oracle {
    /// The most common word height.
    pub body_height: f64,
    /// Lines of footnote text (page, words), in file order, marks left out.
    pub footnote_lines: Vec<(usize, String)>,
    /// Normalised runs of 4 consecutive footnote-text words that do not also occur in the
    /// text outside footnotes (so that they tell footnote text apart).
    pub footnote_grams: HashSet<String>,
    pub calls: Vec<Call>,
    /// Words of running text (body-sized, not furniture, not calls), as vocabulary keys.
    pub running_words: Vec<String>,
    /// Footnote marks seen at the foot of pages (the numbers that start footnotes).
    pub marks: Vec<String>,
    /// Every word (normalised: lowercase, punctuation trimmed) with how often it occurs.
    pub vocabulary: HashMap<String, usize>,
    /// Adjacent pairs of normalised words with how often they occur.
    pub pairs: HashMap<(String, String), usize>,
}

/// Lowercase, typographic quotes and dashes made plain, whitespace collapsed.
pub fn normalise(text: &str) -> String {
    let mapped: String = text
        .chars()
        .map(|c| match c {
            '‘' | '’' | '`' | '´' => '\'',
            '“' | '”' | '«' | '»' => '"',
            '–' | '—' | '‐' | '‑' => '-',
            '\u{a0}' | '\u{202f}' => ' ',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    collapse(&mapped)
}

/// A word for the vocabulary: lowercase, punctuation trimmed at both ends.
fn vocab_key(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit())
}

const GRAM: usize = 4;

fn grams(words: &[String]) -> impl Iterator<Item = String> + '_ {
    words.windows(GRAM).map(|w| w.join(" "))
}

/// Mode of the heights in tenths of a point.
fn mode_height(heights: impl Iterator<Item = f64>) -> f64 {
    let mut counts: HashMap<i64, usize> = HashMap::new();
    for h in heights {
        *counts.entry((h * 10.0).round() as i64).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(h, n)| (n, h))
        .map_or(0.0, |(h, _)| h as f64 / 10.0)
}

/// Share of the body height under which a word is small (footnote text, calls, running heads).
pub const SMALL: f64 = 0.9;
/// A call's bottom is at least this share of the body height above its line's baseline.
pub const RAISED: f64 = 0.15;
/// A footnote mark is smaller than this share of the footnote text height.
pub const MARK: f64 = 0.85;
/// Footnotes start below this share of the page height.
pub const BOTTOM_PART: f64 = 0.33;

static FURNITURE_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\d{1,3}/\d{1,3}|\d{2}-\d{5}|\*\d+\*|\(E\)|_+)$").unwrap());

impl Oracle {
    pub fn from_bbox(html: &str) -> Oracle {
        let pages = read_pages(html);
        let all = || {
            pages
                .iter()
                .flat_map(|p| p.lines.iter().flat_map(|(_, ws)| ws.iter()))
        };
        let body = mode_height(all().map(Word::height));
        let small = |w: &Word| w.height() < SMALL * body;
        let mut oracle = Oracle {
            body_height: body,
            ..Oracle::default()
        };

        // Vocabulary and pairs, over every word of the document.
        let words: Vec<String> = all().map(|w| vocab_key(&w.text)).collect();
        for w in &words {
            *oracle.vocabulary.entry(w.clone()).or_default() += 1;
        }
        for pair in words.windows(2) {
            *oracle
                .pairs
                .entry((pair[0].clone(), pair[1].clone()))
                .or_default() += 1;
        }

        let mut outside: Vec<String> = Vec::new();
        // The same without small print: a sentence that runs over a page break is whole again
        // without the next page's running head between its halves.
        let mut outside_body: Vec<String> = Vec::new();
        let mut footnote_runs: Vec<Vec<String>> = Vec::new();
        for (page_no, page) in pages.iter().enumerate() {
            // The last line of running text: mostly body-sized words, one with two letters.
            let body_line = |ws: &[Word]| {
                let big = ws.iter().filter(|w| !small(w)).count();
                big * 2 > ws.len()
                    && ws.iter().any(|w| {
                        !small(w) && w.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    })
                    && !ws.iter().all(|w| FURNITURE_WORD.is_match(&w.text))
            };
            let last_body = page
                .lines
                .iter()
                .filter(|(_, ws)| body_line(ws))
                .map(|(_, ws)| ws.iter().map(|w| w.y_max).fold(0.0, f64::max))
                .fold(f64::NAN, f64::max);
            let below_body = last_body.max(BOTTOM_PART * page.height);
            let candidate = |w: &Word| !last_body.is_nan() && small(w) && w.y_min >= below_body;
            // Footnote text height: the most common height of small words down there.
            let note_height = mode_height(
                page.lines
                    .iter()
                    .flat_map(|(_, ws)| ws.iter())
                    .filter(|w| candidate(w))
                    .map(Word::height),
            );
            // Footnotes are numbered: the zone starts at the first mark, a digit smaller still
            // than the footnote text (a table in small print has none and is not footnotes).
            let is_mark = |w: &Word| is_digits(&w.text) && w.height() < MARK * note_height;
            let zone_top = page
                .lines
                .iter()
                .flat_map(|(_, ws)| ws.iter())
                .filter(|w| candidate(w) && is_mark(w))
                .map(|w| w.y_min - 0.5 * body)
                .fold(f64::INFINITY, f64::min);
            let in_zone = |w: &Word| candidate(w) && w.y_min >= zone_top;
            let mut run: Vec<String> = Vec::new();
            let mut run_block = usize::MAX;
            let mut previous: Option<&Word> = None;
            let mut awaiting_after: Option<usize> = None;
            for (block, ws) in &page.lines {
                let baseline = {
                    let mut ys: Vec<f64> =
                        ws.iter().filter(|w| !small(w)).map(|w| w.y_max).collect();
                    ys.sort_by(f64::total_cmp);
                    ys.get(ys.len() / 2).copied()
                };
                let mut line_text: Vec<String> = Vec::new();
                for w in ws {
                    let call = small(w)
                        && is_digits(&w.text)
                        && baseline.is_some_and(|b| w.y_max < b - RAISED * body);
                    if call {
                        if let Some(before) = previous {
                            oracle.calls.push(Call {
                                before: before.text.clone(),
                                digits: w.text.clone(),
                                after: String::new(),
                                page: page_no + 1,
                            });
                            awaiting_after = Some(oracle.calls.len() - 1);
                        }
                        continue;
                    }
                    if in_zone(w) {
                        let mark = is_mark(w);
                        if mark {
                            oracle.marks.push(w.text.clone());
                        }
                        if !mark && !FURNITURE_WORD.is_match(&w.text) {
                            if *block != run_block && !run.is_empty() {
                                footnote_runs.push(std::mem::take(&mut run));
                            }
                            run_block = *block;
                            run.push(normalise(&w.text));
                            line_text.push(w.text.clone());
                        }
                    } else {
                        outside.push(normalise(&w.text));
                        if !small(w) {
                            outside_body.push(normalise(&w.text));
                        }
                        let key = vocab_key(&w.text);
                        if !small(w) && !FURNITURE_WORD.is_match(&w.text) && !key.is_empty() {
                            oracle.running_words.push(key);
                        }
                        let running = !small(w) && !FURNITURE_WORD.is_match(&w.text);
                        if let Some(i) = awaiting_after.take_if(|_| running) {
                            oracle.calls[i].after = w.text.clone();
                        }
                        previous = Some(w);
                    }
                }
                if !line_text.is_empty() {
                    oracle
                        .footnote_lines
                        .push((page_no + 1, line_text.join(" ")));
                }
            }
            if !run.is_empty() {
                footnote_runs.push(run);
            }
        }
        let outside: HashSet<String> = grams(&outside).chain(grams(&outside_body)).collect();
        oracle.footnote_grams = footnote_runs
            .iter()
            .flat_map(|r| grams(r))
            .filter(|g| !outside.contains(g))
            .collect();
        oracle
    }

    fn is_word(&self, w: &str) -> bool {
        self.vocabulary.get(w).copied().unwrap_or(0) > 0
    }
}

// ---------------------------------------------------------------------------------------------
// Checks on one parsed document

/// What a paragraph can carry that it should not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Defect {
    Furniture,
    JobNumber,
    Barcode,
    FootnoteText,
    GluedCall,
    SpacedCall,
    SplitWord,
}

impl Defect {
    pub const ALL: [Defect; 7] = [
        Defect::Furniture,
        Defect::JobNumber,
        Defect::Barcode,
        Defect::FootnoteText,
        Defect::GluedCall,
        Defect::SpacedCall,
        Defect::SplitWord,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Defect::Furniture => "page furniture",
            Defect::JobNumber => "job number",
            Defect::Barcode => "barcode",
            Defect::FootnoteText => "footnote text",
            Defect::GluedCall => "glued footnote call",
            Defect::SpacedCall => "footnote call left (spaced)",
            Defect::SplitWord => "split word",
        }
    }
}

static DISTR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"Distr\.\s*:\s*General").unwrap());
static UN_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^United Nations$|United Nations\s+(?:General Assembly\s+)?(?:A/RES/|Distr\.)")
        .unwrap()
});
static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"_{5,}").unwrap());
static PAGE_COUNTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,3})/(\d{1,3})$").unwrap());
/// `25-16680`, `25-16680 (E)`.
static JOB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b\d{2}-\d{5}\b(?:\s*\(E\))?").unwrap());
/// A `241018` date stamp: a plausible YYMMDD standing alone.
static STAMP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$").unwrap());
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A job number, or a date stamp (not a year with a call glued after a month: `June 200714`).
fn job_number(text: &str) -> Option<String> {
    if let Some(hit) = first_match(&JOB, text) {
        return Some(hit);
    }
    let tokens: Vec<&str> = text.split_whitespace().collect();
    for (i, t) in tokens.iter().enumerate() {
        let after_month = i > 0 && MONTHS.contains(&tokens[i - 1]);
        if STAMP.is_match(t) && !after_month {
            let at = t.as_ptr() as usize - text.as_ptr() as usize;
            return Some(around(text, at, t.len()));
        }
    }
    None
}
static BARCODE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\*\d{5,}\*").unwrap());

/// A short excerpt of `text` around byte `at`.
fn around(text: &str, at: usize, len: usize) -> String {
    let mut start = at.saturating_sub(40);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (at + len + 40).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    format!(
        "{}{}{}",
        if start > 0 { "…" } else { "" },
        &text[start..end],
        if end < text.len() { "…" } else { "" }
    )
}

/// Does `text` carry page furniture of the document whose symbol is `symbol`?
fn furniture(text: &str, symbol: &str, pages: u32) -> Option<String> {
    let own = Regex::new(&format!(r"{}(?:[^/\d]|$)", regex::escape(symbol))).unwrap();
    for re in [&own, &DISTR, &UN_HEADER, &SEPARATOR] {
        if let Some(m) = re.find(text) {
            return Some(around(text, m.start(), m.len()));
        }
    }
    let tokens: Vec<&str> = text.split_whitespace().collect();
    for (i, t) in tokens.iter().enumerate() {
        let Some(caps) = PAGE_COUNTER.captures(t) else {
            continue;
        };
        let (n, m): (u32, u32) = (caps[1].parse().unwrap(), caps[2].parse().unwrap());
        let before = i.checked_sub(1).map(|j| tokens[j].to_lowercase());
        let cited = before.as_deref().is_some_and(|b| {
            b.ends_with(',')
                || [
                    "resolution",
                    "resolutions",
                    "decision",
                    "decisions",
                    "and",
                    "or",
                ]
                .contains(&b)
        });
        if m == pages && (1..=m).contains(&n) && !cited {
            let at = t.as_ptr() as usize - text.as_ptr() as usize;
            return Some(around(text, at, t.len()));
        }
    }
    None
}

fn first_match(re: &Regex, text: &str) -> Option<String> {
    re.find(text).map(|m| around(text, m.start(), m.len()))
}

fn footnote_text(text: &str, oracle: &Oracle) -> Option<String> {
    if oracle.footnote_grams.is_empty() {
        return None;
    }
    let words: Vec<String> = normalise(text).split(' ').map(str::to_string).collect();
    grams(&words)
        .find(|g| oracle.footnote_grams.contains(g))
        .map(|g| {
            format!("«{g}» in …{}…", {
                let n = normalise(text);
                let at = n.find(&g).unwrap_or(0);
                around(&n, at, g.len())
            })
        })
}

fn glued_call(text: &str, oracle: &Oracle) -> Option<String> {
    for call in &oracle.calls {
        let glued = format!("{}{}", call.before, call.digits);
        let mut from = 0;
        while let Some(i) = text[from..].find(&glued) {
            let at = from + i;
            let end = at + glued.len();
            let starts_word = text[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let ends_number = text[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_ascii_digit());
            if starts_word && ends_number {
                return Some(around(text, at, glued.len()));
            }
            from = end;
        }
    }
    None
}

/// Pairs written as two words although their join is a word too (`roadmap`, `road map`).
const TWO_WORDS: &[&str] = &["road map", "on board", "any one", "every one", "some one"];

/// A call left in the text after a space: `for 2024, 1 Taking`, `…Development 1` at the end.
fn spaced_call(text: &str, oracle: &Oracle) -> Option<String> {
    for call in &oracle.calls {
        let spaced = format!("{} {}", call.before, call.digits);
        let mut from = 0;
        while let Some(i) = text[from..].find(&spaced) {
            let at = from + i;
            let end = at + spaced.len();
            let starts_word = text[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let rest = &text[end..];
            let followed = rest.is_empty()
                || (!call.after.is_empty()
                    && rest
                        .strip_prefix(' ')
                        .is_some_and(|r| r.starts_with(&call.after)));
            if starts_word && followed {
                return Some(around(text, at, spaced.len()));
            }
            from = end;
        }
    }
    None
}

/// Words that may be left before a hyphen when a compound is shortened: `small- and medium-`.
const SUSPENDED: &[&str] = &["and", "or", "to", "and/or", "nor"];

fn split_word(text: &str, oracle: &Oracle) -> Option<String> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    for pair in tokens.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let hit = || {
            let at = a.as_ptr() as usize - text.as_ptr() as usize;
            Some(around(text, at, a.len() + 1 + b.len()))
        };
        // `high- level`, `high -level`
        let lower_start = |s: &str| s.chars().next().is_some_and(char::is_lowercase);
        let letter_end = |s: &str| s.chars().next_back().is_some_and(char::is_alphabetic);
        if let Some(stem) = a.strip_suffix('-')
            && letter_end(stem)
            && lower_start(b)
            && !SUSPENDED.contains(&b.trim_end_matches([',', ';']))
        {
            return hit();
        }
        if let Some(rest) = b.strip_prefix('-')
            && letter_end(a)
            && lower_start(rest)
            && !SUSPENDED.contains(&a)
        {
            return hit();
        }
        // `includi ng` when `including` is a word of the PDF and neither part is one elsewhere.
        if !a.chars().all(char::is_alphabetic) {
            continue;
        }
        let b_core = b.trim_end_matches(|c: char| !c.is_alphanumeric());
        if b_core.is_empty() || !b_core.chars().all(char::is_lowercase) {
            continue;
        }
        let (ka, kb) = (a.to_lowercase(), b_core.to_string());
        let joined = format!("{ka}{kb}");
        let together = oracle
            .pairs
            .get(&(ka.clone(), kb.clone()))
            .copied()
            .unwrap_or(0);
        let elsewhere = |k: &str| oracle.vocabulary.get(k).copied().unwrap_or(0) > together;
        let legitimate = TWO_WORDS.contains(&format!("{ka} {kb}").as_str());
        if oracle.is_word(&joined) && !elsewhere(&ka) && !elsewhere(&kb) && !legitimate {
            return hit();
        }
    }
    None
}

/// One parsed document, measured.
#[derive(Debug, Clone)]
pub struct DocResult {
    pub file: String,
    pub parse_error: Option<String>,
    pub symbol_ok: bool,
    pub date_ok: bool,
    pub agenda_ok: bool,
    pub title_ok: bool,
    pub numbering_ok: bool,
    /// `(field, parser's value, INDEX's value)`.
    pub disagreements: Vec<(&'static str, String, String)>,
    /// Why the operative numbering is wrong.
    pub numbering: Option<String>,
    /// Per defect: one entry per paragraph (or title) that carries it: `OP 3: …snippet…`.
    pub defects: HashMap<Defect, Vec<String>>,
    /// Words of the PDF's running text found in no paragraph nor the title.
    pub lost_words: usize,
    pub running_words: usize,
    /// The longest run of consecutive lost words, shown.
    pub longest_lost: String,
    /// More words lost than the front matter and joined hyphenations account for.
    pub lost_text: bool,
}

impl DocResult {
    pub fn count(&self, d: Defect) -> usize {
        self.defects.get(&d).map_or(0, Vec::len)
    }

    pub fn failed(&self) -> bool {
        self.parse_error.is_some()
            || !(self.symbol_ok
                && self.date_ok
                && self.agenda_ok
                && self.title_ok
                && self.numbering_ok)
            || self.defects.values().any(|v| !v.is_empty())
            || self.lost_text
    }
}

fn show<T: std::fmt::Display>(v: &Option<T>) -> String {
    v.as_ref().map_or("(none)".to_string(), |v| v.to_string())
}

/// Measure one parsed document against INDEX and the oracle.
pub fn check(row: &IndexRow, parsed: Result<Resolution, String>, oracle: &Oracle) -> DocResult {
    let mut result = DocResult {
        file: row.file.clone(),
        parse_error: None,
        symbol_ok: false,
        date_ok: false,
        agenda_ok: false,
        title_ok: false,
        numbering_ok: false,
        disagreements: Vec::new(),
        numbering: None,
        defects: HashMap::new(),
        lost_words: 0,
        running_words: oracle.running_words.len(),
        longest_lost: String::new(),
        lost_text: false,
    };
    let r = match parsed {
        Ok(r) => r,
        Err(e) => {
            result.parse_error = Some(e);
            return result;
        }
    };
    result.symbol_ok = r.symbol.as_deref() == Some(row.symbol.as_str());
    if !result.symbol_ok {
        let v = show(&r.symbol);
        result.disagreements.push(("symbol", v, row.symbol.clone()));
    }
    let index_date = chrono::NaiveDate::parse_from_str(&row.adopted_on, "%d %B %Y").ok();
    result.date_ok = index_date.is_some() && r.adopted_on == index_date;
    if !result.date_ok {
        let v = r
            .adopted_on
            .map_or("(none)".into(), |d| d.format("%-d %B %Y").to_string());
        result
            .disagreements
            .push(("adopted_on", v, row.adopted_on.clone()));
    }
    result.agenda_ok = r
        .agenda_item
        .as_deref()
        .is_some_and(|a| collapse(a) == collapse(&row.agenda_item));
    if !result.agenda_ok {
        let v = show(&r.agenda_item);
        result
            .disagreements
            .push(("agenda_item", v, row.agenda_item.clone()));
    }
    result.title_ok = r.title.as_deref().is_some_and(|t| !t.trim().is_empty());
    (result.lost_words, result.longest_lost) = lost_words(&r, oracle);
    result.lost_text = result.lost_words > LOST_WORDS + result.running_words / LOST_SHARE;

    let numbers: Vec<Option<u32>> = r.operative_paragraphs().map(|p| p.number).collect();
    let expected: Vec<Option<u32>> = (1..=numbers.len() as u32).map(Some).collect();
    // A lone operative paragraph is printed without a number.
    result.numbering_ok = !numbers.is_empty() && (numbers == expected || numbers == [None]);
    if !result.numbering_ok {
        result.numbering = Some(if numbers.is_empty() {
            "no operative paragraph".to_string()
        } else {
            describe_numbering(&numbers)
        });
    }

    let mut texts: Vec<(String, &str)> = Vec::new();
    if let Some(t) = &r.title {
        texts.push(("title".into(), t));
    }
    for (i, p) in r.paragraphs.iter().enumerate() {
        texts.push((
            r.citation(resolu::corpus::ParagraphIndex(i))
                .unwrap_or_default(),
            &p.text,
        ));
    }
    for (at, text) in texts {
        let findings = [
            (Defect::Furniture, furniture(text, &row.symbol, row.pages)),
            (Defect::JobNumber, job_number(text)),
            (Defect::Barcode, first_match(&BARCODE, text)),
            (Defect::FootnoteText, footnote_text(text, oracle)),
            (Defect::GluedCall, glued_call(text, oracle)),
            (Defect::SpacedCall, spaced_call(text, oracle)),
            (Defect::SplitWord, split_word(text, oracle)),
        ];
        for (defect, found) in findings {
            if let Some(snippet) = found {
                result
                    .defects
                    .entry(defect)
                    .or_default()
                    .push(format!("{at}: {snippet}"));
            }
        }
    }
    result
}

/// Lost words allowed: the front matter (heading, adoption line, meeting: about 50 to 80 words)
/// and a share of the text for hyphenations joined across lines (`develop-` `ment`).
pub const LOST_WORDS: usize = 150;
pub const LOST_SHARE: usize = 50;

/// How many words of the PDF's running text are in no paragraph nor the title (as multisets),
/// and the longest run of consecutive lost words.
fn lost_words(r: &Resolution, oracle: &Oracle) -> (usize, String) {
    let mut have: HashMap<String, usize> = HashMap::new();
    let texts = r
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .chain(r.title.as_deref());
    for word in texts.flat_map(str::split_whitespace) {
        *have.entry(vocab_key(word)).or_default() += 1;
    }
    let mut lost = 0;
    let (mut run, mut longest) = (0..0, 0..0);
    for (i, w) in oracle.running_words.iter().enumerate() {
        match have.get_mut(w) {
            Some(n) if *n > 0 => *n -= 1,
            _ => {
                lost += 1;
                run = if run.end == i {
                    run.start..i + 1
                } else {
                    i..i + 1
                };
                if run.len() > longest.len() {
                    longest = run.clone();
                }
            }
        }
    }
    let words = &oracle.running_words[longest.clone()];
    let mut shown = words[..words.len().min(16)].join(" ");
    if words.len() > 16 {
        shown.push_str(" …");
    }
    (lost, format!("{} words: «{shown}»", longest.len()))
}

/// `1 2 3 5 6` → `gap after 3 (next 5)`; repeats, missing numbers and a wrong start likewise.
fn describe_numbering(numbers: &[Option<u32>]) -> String {
    let mut problems = Vec::new();
    let mut expected = 1;
    for (i, n) in numbers.iter().enumerate() {
        match n {
            None => problems.push(format!("operative #{} has no number", i + 1)),
            Some(n) if *n == expected => {}
            Some(n) if *n < expected => problems.push(format!("{n} after {}", expected - 1)),
            Some(n) => problems.push(format!("{} expected, {n} found", expected)),
        }
        if let Some(n) = n {
            expected = n + 1;
        }
        if problems.len() >= 3 {
            break;
        }
    }
    let list: Vec<String> = numbers
        .iter()
        .map(|n| n.map_or("?".into(), |n| n.to_string()))
        .collect();
    let mut shown = list.join(" ");
    if shown.len() > 120 {
        let mut end = 120;
        while !shown.is_char_boundary(end) {
            end -= 1;
        }
        shown.truncate(end);
        shown.push('…');
    }
    format!("{} [{shown}]", problems.join("; "))
}

// ---------------------------------------------------------------------------------------------
// A whole run

/// Figures of one layout.
#[derive(Debug, Clone)]
pub struct Figures {
    pub layout: Layout,
    pub results: Vec<DocResult>,
}

impl Figures {
    pub fn documents(&self) -> usize {
        self.results.len()
    }
    pub fn parsed(&self) -> usize {
        self.results
            .iter()
            .filter(|r| r.parse_error.is_none())
            .count()
    }
    fn pct(&self, f: impl Fn(&DocResult) -> bool) -> f64 {
        if self.results.is_empty() {
            return 0.0;
        }
        100.0 * self.results.iter().filter(|r| f(r)).count() as f64 / self.results.len() as f64
    }
    pub fn symbol_pct(&self) -> f64 {
        self.pct(|r| r.symbol_ok)
    }
    pub fn date_pct(&self) -> f64 {
        self.pct(|r| r.date_ok)
    }
    pub fn agenda_pct(&self) -> f64 {
        self.pct(|r| r.agenda_ok)
    }
    pub fn title_pct(&self) -> f64 {
        self.pct(|r| r.title_ok)
    }
    pub fn numbering_pct(&self) -> f64 {
        self.pct(|r| r.numbering_ok)
    }
    /// Documents that lost running text.
    pub fn lost_text(&self) -> usize {
        self.results.iter().filter(|r| r.lost_text).count()
    }
    pub fn count(&self, d: Defect) -> usize {
        self.results.iter().map(|r| r.count(d)).sum()
    }
    /// Documents with at least one paragraph carrying `d`.
    pub fn docs_with(&self, d: Defect) -> usize {
        self.results.iter().filter(|r| r.count(d) > 0).count()
    }
}

/// Everything a run needs: INDEX rows and oracles, conversions done.
pub struct Setup {
    pub rows: Vec<IndexRow>,
    pub oracles: Vec<Oracle>,
    pub layouts: Vec<Layout>,
    pub notes: Vec<String>,
}

/// Convert what is stale and read the oracles. `wanted`: the layouts asked for; PyMuPDF is
/// dropped with a note when it is not installed.
pub fn prepare(wanted: &[Layout]) -> Result<Setup, String> {
    if !pdftotext_available() {
        return Err(format!(
            "pdftotext is not installed but the corpus {} is present: install poppler-utils \
             (apt-get install poppler-utils)",
            corpus_label()
        ));
    }
    let rows = read_index()?;
    let files: Vec<String> = rows.iter().map(|r| r.file.clone()).collect();
    let mut notes = Vec::new();
    let mut layouts = Vec::new();
    for &layout in wanted {
        if layout == Layout::PyMuPdf && !pymupdf_available() {
            notes.push(
                "pymupdf: skipped (python3 -c 'import pymupdf' fails; pip install pymupdf)".into(),
            );
            continue;
        }
        let start = std::time::Instant::now();
        let made = convert(layout, &files)?;
        if made > 0 {
            notes.push(format!(
                "{}: converted {made} PDFs in {:.1} s",
                layout.name(),
                start.elapsed().as_secs_f64()
            ));
        }
        layouts.push(layout);
    }
    let start = std::time::Instant::now();
    let made = convert_bbox(&files)?;
    if made > 0 {
        notes.push(format!(
            "bbox: converted {made} PDFs in {:.1} s",
            start.elapsed().as_secs_f64()
        ));
    }
    let oracles = rows
        .par_iter()
        .map(|row| {
            let path = bbox_path(&row.file);
            std::fs::read_to_string(&path)
                .map(|html| Oracle::from_bbox(&html))
                .map_err(|e| format!("{}: {e}", path.display()))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Setup {
        rows,
        oracles,
        layouts,
        notes,
    })
}

/// Parse and measure every document in `layout`.
pub fn evaluate(setup: &Setup, layout: Layout) -> Figures {
    let results = setup
        .rows
        .par_iter()
        .zip(setup.oracles.par_iter())
        .map(|(row, oracle)| {
            let path = text_path(layout, &row.file);
            let parsed = std::fs::read(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))
                .and_then(|bytes| {
                    let name = if layout == Layout::Pdf {
                        row.file.clone()
                    } else {
                        row.file.replace(".pdf", ".txt")
                    };
                    parse_bytes(&name, &bytes).map_err(|e| e.to_string())
                });
            check(row, parsed, oracle)
        })
        .collect();
    Figures { layout, results }
}

// ---------------------------------------------------------------------------------------------
// Printing

/// The figures table, one column per layout.
pub fn table(figures: &[Figures]) -> String {
    let mut out = String::new();
    let _ = write!(out, "{:<34}", "metric");
    for f in figures {
        let _ = write!(out, "{:>10}", f.layout.name());
    }
    out.push('\n');
    let row = |out: &mut String, label: &str, cell: &dyn Fn(&Figures) -> String| {
        let _ = write!(out, "{label:<34}");
        for f in figures {
            let _ = write!(out, "{:>10}", cell(f));
        }
        out.push('\n');
    };
    row(&mut out, "documents", &|f| f.documents().to_string());
    row(&mut out, "parsed (no FileError)", &|f| {
        f.parsed().to_string()
    });
    let pct = |v: f64| format!("{v:.1}%");
    row(&mut out, "symbol = INDEX", &|f| pct(f.symbol_pct()));
    row(&mut out, "adoption date = INDEX", &|f| pct(f.date_pct()));
    row(&mut out, "agenda item = INDEX", &|f| pct(f.agenda_pct()));
    row(&mut out, "title found", &|f| pct(f.title_pct()));
    row(&mut out, "operative numbering 1..N", &|f| {
        pct(f.numbering_pct())
    });
    row(&mut out, "documents losing running text", &|f| {
        f.lost_text().to_string()
    });
    out.push_str("paragraphs (+ title) containing:   (count / documents)\n");
    for d in Defect::ALL {
        row(&mut out, &format!("  {}", d.label()), &|f| {
            format!("{}/{}", f.count(d), f.docs_with(d))
        });
    }
    out
}

/// Disagreements with INDEX, one line per document and field, layouts that agree grouped.
pub fn disagreements(figures: &[Figures]) -> String {
    // (doc, field, parser value, index value) -> layouts
    type Key<'a> = (String, &'a str, String, String);
    let mut grouped: Vec<(Key, Vec<&str>)> = Vec::new();
    for f in figures {
        for r in &f.results {
            for (field, ours, theirs) in &r.disagreements {
                let key = (r.file.clone(), *field, ours.clone(), theirs.clone());
                match grouped.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, layouts)) => layouts.push(f.layout.name()),
                    None => grouped.push((key, vec![f.layout.name()])),
                }
            }
        }
    }
    grouped.sort_by(|a, b| {
        (doc_number(&a.0.0), a.0.1)
            .cmp(&(doc_number(&b.0.0), b.0.1))
            .then(a.1.cmp(&b.1))
    });
    let mut out = String::new();
    for ((file, field, ours, theirs), layouts) in grouped {
        let _ = writeln!(
            out,
            "{:<18} {:<11} parser {:<22} INDEX {:<20} [{}]",
            file.trim_end_matches(".pdf"),
            field,
            format!("{ours:?}"),
            format!("{theirs:?}"),
            layouts.join(",")
        );
    }
    out
}

/// Every failing document of one layout and what failed.
pub fn failures(f: &Figures) -> String {
    let mut out = String::new();
    for r in f.results.iter().filter(|r| r.failed()) {
        let _ = writeln!(
            out,
            "[{}] {}",
            f.layout.name(),
            r.file.trim_end_matches(".pdf")
        );
        if let Some(e) = &r.parse_error {
            let _ = writeln!(out, "    parse error: {e}");
            continue;
        }
        for (field, ours, theirs) in &r.disagreements {
            let _ = writeln!(out, "    {field}: parser {ours:?}, INDEX {theirs:?}");
        }
        if !r.title_ok {
            let _ = writeln!(out, "    title: none");
        }
        if let Some(n) = &r.numbering {
            let _ = writeln!(out, "    numbering: {n}");
        }
        if r.lost_text {
            let _ = writeln!(
                out,
                "    lost text: {} of {} running words in no paragraph; longest run {}",
                r.lost_words, r.running_words, r.longest_lost
            );
        }
        for d in Defect::ALL {
            for hit in r.defects.get(&d).into_iter().flatten() {
                let _ = writeln!(out, "    {}: {hit}", d.label());
            }
        }
    }
    out
}
