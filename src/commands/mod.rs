//! The subcommands of CONTRACT.md, writing data to `out` and diagnostics to `err`, returning
//! the exit status. Kept apart from `main` so tests can run them on strings.

mod agree;
mod cache;
mod check;
mod import_votes;
mod search;
mod votes;

pub use cache::cache;
pub use check::{check, explain, stats, vote_disagreements};
pub use import_votes::{ImportVotes, import_votes};

pub use agree::{AgreeOptions, agree};
pub use search::{SearchOptions, search, search_stdin};
pub use votes::{VoteFilter, VotesOptions, votes};

use crate::cache::Store;
use crate::cache::index_file::{self, IndexOutcome};
use crate::cli::ExportFormat;
use crate::corpus::load::{Corpus, FileProblem, load_embedded};
use crate::corpus::{ById, DocId, Language, ParagraphIndex, Resolution, countries};
use crate::index::Index;
use crate::index::versions::Versions;
use crate::text::display::{Shown, inert, or_dash};
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Exit statuses of CONTRACT.md.
pub const EXIT_OK: u8 = 0;
pub const EXIT_INPUT: u8 = 1;
pub const EXIT_USAGE: u8 = 2;
/// `search --exit-status` found nothing (grep's status for no match).
pub const EXIT_NO_MATCH: u8 = 1;

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
fn report_problem(problem: &FileProblem, err: &mut dyn Write) -> io::Result<()> {
    writeln!(
        err,
        "resolu: {}: {}",
        Shown(&problem.path),
        Shown(&problem.error.to_string())
    )
}

/// The vote column of `list`: `30–15–2`, `sans vote`, or `—`.
pub fn tally(resolution: &Resolution) -> String {
    resolution
        .vote
        .as_ref()
        .map_or_else(|| "—".to_string(), super::corpus::model::Vote::tally)
}

/// `resolu list`: one line per resolution, its versions in other languages taken once (the
/// line is the version `show` prints without `--lang`; `--json` lists the languages).
pub fn list(corpus: &Corpus, json: bool, out: &mut dyn Write) -> io::Result<u8> {
    let versions = Versions::build(&corpus.resolutions);
    let docs = versions.pick(
        &corpus.resolutions,
        DocId::all(corpus.resolutions.len()),
        None,
    );
    let mut resolutions: Vec<(DocId, &Resolution)> = docs
        .into_iter()
        .filter_map(|d| Some((d, corpus.resolutions.by_id(d)?)))
        .collect();
    resolutions.sort_by(|(_, a), (_, b)| (a.adopted_on, a.id()).cmp(&(b.adopted_on, b.id())));
    if json {
        let summaries: Vec<serde_json::Value> = resolutions
            .iter()
            .map(|&(doc, r)| {
                serde_json::json!({
                    "symbol": r.symbol, "number": r.number, "body": r.body,
                    "session": r.session, "adopted_on": r.adopted_on,
                    "tally": tally(r), "title": r.title,
                    "languages": language_codes(&versions, corpus, doc),
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &summaries)?;
        writeln!(out)?;
        return Ok(EXIT_OK);
    }
    let width = resolutions
        .iter()
        .map(|(_, r)| inert(r.id()).chars().count())
        .max()
        .unwrap_or(0);
    for (_, r) in resolutions {
        let date = or_dash(r.adopted_on);
        let title = r.title.as_deref().unwrap_or("(no title)");
        writeln!(
            out,
            "{:<width$}  {:<10}  {:<9}  {}",
            Shown(r.id()),
            date,
            tally(r),
            Shown(title)
        )?;
    }
    Ok(EXIT_OK)
}

/// `resolu show ID [--lang CODE]`: the version in `lang`, else the first version in corpus
/// order (what `show` printed before versions were grouped).
pub fn show(
    corpus: &Corpus,
    id: &str,
    lang: Option<Language>,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let Some(found) = corpus.find(id) else {
        writeln!(
            err,
            "resolu: no resolution “{}” in the corpus ({} documents); `resolu list` shows them",
            Shown(id),
            corpus.resolutions.len()
        )?;
        return Ok(EXIT_INPUT);
    };
    let versions = Versions::build(&corpus.resolutions);
    let doc = corpus
        .resolutions
        .iter()
        .position(|r| std::ptr::eq(r, found))
        .map(DocId);
    let languages = doc.map_or_else(Vec::new, |doc| language_codes(&versions, corpus, doc));
    let chosen = match (lang, doc) {
        (None, _) => Some(found),
        (Some(lang), Some(doc)) => versions
            .in_language(&corpus.resolutions, doc, lang)
            .and_then(|d| corpus.resolutions.by_id(d)),
        (Some(lang), None) => (found.language == Some(lang)).then_some(found),
    };
    let Some(r) = chosen else {
        writeln!(
            err,
            "resolu: {} has no {} version in the corpus (it is in: {})",
            Shown(found.id()),
            lang.map(|l| l.to_string()).unwrap_or_default(),
            languages.join(", ")
        )?;
        return Ok(EXIT_INPUT);
    };
    if json {
        serde_json::to_writer_pretty(&mut *out, r)?;
        writeln!(out)?;
        return Ok(EXIT_OK);
    }
    write_resolution(r, out)?;
    let shown = r.language.map(|l| l.to_string());
    let others: Vec<&String> = languages
        .iter()
        .filter(|l| Some(l.as_str()) != shown.as_deref())
        .collect();
    if let Some(other) = others.first() {
        let list: Vec<&str> = others.iter().map(|l| l.as_str()).collect();
        writeln!(out, "\nAlso in: {} (--lang {other})", list.join(", "))?;
    }
    Ok(EXIT_OK)
}

/// The languages of `doc`'s resolution as codes, `?` for one not recognised.
fn language_codes(versions: &Versions, corpus: &Corpus, doc: DocId) -> Vec<String> {
    versions
        .languages(&corpus.resolutions, doc)
        .into_iter()
        .map(|l| l.map_or_else(|| "?".to_string(), |l| l.to_string()))
        .collect()
}

/// A resolution as text: header, paragraphs marked PP / OP n, footnotes, vote, warnings.
pub fn write_resolution(r: &Resolution, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", Shown(r.id()))?;
    writeln!(out, "{}", Shown(r.title.as_deref().unwrap_or("(no title)")))?;
    writeln!(
        out,
        "Body: {}   Session: {}   Agenda item: {}",
        or_dash(r.body.map(crate::corpus::Body::code)),
        or_dash(r.session),
        or_dash(r.agenda_item.as_deref().map(Shown))
    )?;
    writeln!(
        out,
        "Adopted: {}   Meeting: {}   Vote: {}",
        or_dash(r.adopted_on),
        or_dash(r.meeting.as_deref().map(Shown)),
        tally(r)
    )?;
    writeln!(out)?;
    for (i, paragraph) in r.paragraphs.iter().enumerate() {
        let label = r.citation(ParagraphIndex(i)).unwrap_or_default();
        writeln!(out, "{label:<6} {}", Shown(&paragraph.text))?;
    }
    if !r.footnotes.is_empty() {
        writeln!(out, "\nFootnotes")?;
        for f in &r.footnotes {
            writeln!(out, "{:>4}  {}", Shown(&f.mark), Shown(&f.text))?;
        }
    }
    if let Some(vote) = &r.vote {
        let lists = [
            ("In favour", vote.yes, &vote.in_favour),
            ("Against", vote.no, &vote.against),
            ("Abstaining", vote.abstain, &vote.abstaining),
        ];
        if lists.iter().any(|(_, n, l)| n.is_some() || !l.is_empty()) {
            writeln!(out, "\nVote")?;
        }
        for (label, stated, list) in lists {
            if stated.is_none() && list.is_empty() {
                continue;
            }
            let names: Vec<String> = list
                .iter()
                .map(|c| {
                    let code = c.code.as_deref().unwrap_or("?");
                    format!("{} ({})", Shown(&c.name), Shown(code))
                })
                .collect();
            writeln!(out, "{label} ({}): {}", or_dash(stated), names.join(", "))?;
        }
    }
    if !r.warnings.is_empty() {
        writeln!(out, "\nWarnings")?;
        for w in &r.warnings {
            writeln!(out, "- {}", Shown(&w.to_string()))?;
        }
    }
    Ok(())
}

/// `resolu export --format json|jsonl|csv`.
pub fn export(corpus: &Corpus, format: ExportFormat, out: &mut dyn Write) -> io::Result<u8> {
    match format {
        ExportFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &corpus.resolutions)?;
            writeln!(out)?;
        }
        ExportFormat::Jsonl => {
            for r in &corpus.resolutions {
                serde_json::to_writer(&mut *out, r)?;
                writeln!(out)?;
            }
        }
        ExportFormat::Csv => write_csv(corpus, out)?,
    }
    Ok(EXIT_OK)
}

/// A CSV error as the I/O error it is when it is one (a closed pipe must stay a closed pipe,
/// which `main` ends quietly); csv's own `From` makes every error `Other`.
fn csv_io(error: csv::Error) -> io::Error {
    match error.into_kind() {
        csv::ErrorKind::Io(error) => error,
        other => io::Error::other(format!("{other:?}")),
    }
}

fn write_csv(corpus: &Corpus, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer
        .write_record([
            "symbol",
            "number",
            "body",
            "session",
            "adopted_on",
            "country_code",
            "country_name",
            "vote",
        ])
        .map_err(csv_io)?;
    for r in &corpus.resolutions {
        let Some(vote) = &r.vote else { continue };
        for (country, ballot) in vote.ballots() {
            writer
                .write_record([
                    r.symbol.as_deref().unwrap_or(""),
                    r.number.as_deref().unwrap_or(""),
                    r.body.map_or("", |b| b.code()),
                    &r.session.map(|s| s.to_string()).unwrap_or_default(),
                    &r.adopted_on.map(|d| d.to_string()).unwrap_or_default(),
                    country.code.as_deref().unwrap_or(""),
                    &country.name,
                    ballot.as_str(),
                ])
                .map_err(csv_io)?;
        }
    }
    writer.flush()
}

/// A country typed by a user, resolved to one State, or a usage message listing candidates.
pub fn resolve_country(input: &str) -> Result<&'static countries::Country, String> {
    countries::resolve(input)
        .map_err(|why| format!("{}; give a code or a full name", why.describe(input, 10)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corpus_source_precedence() {
        let p = |s: &str| vec![PathBuf::from(s)];
        assert_eq!(
            choose_source(p("a"), Some("b"), &p("c")),
            CorpusSource::Paths(p("a"))
        );
        assert_eq!(
            choose_source(vec![], Some("b:d"), &p("c")),
            CorpusSource::Paths(vec!["b".into(), "d".into()])
        );
        assert_eq!(
            choose_source(vec![], Some(""), &p("c")),
            CorpusSource::Paths(p("c"))
        );
        assert_eq!(choose_source(vec![], None, &[]), CorpusSource::Embedded);
    }

    #[test]
    fn csv_has_one_row_per_country_vote() {
        let corpus = load_embedded();
        let mut out = Vec::new();
        export(&corpus, ExportFormat::Csv, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let rows: Vec<&str> = text.lines().collect();
        let expected_rows: usize = corpus
            .resolutions
            .iter()
            .filter_map(|r| r.vote.as_ref())
            .map(|v| v.ballots().count())
            .sum();
        assert_eq!(rows.len(), expected_rows + 1);
        assert!(rows.contains(&"A/HRC/RES/46/13,46/13,HRC,46,2021-03-23,FRA,France,no"));
    }

    #[test]
    fn ambiguous_country_lists_candidates() {
        assert_eq!(resolve_country("fra").map(|c| c.code), Ok("FRA"));
        let err = resolve_country("guin").unwrap_err();
        assert!(err.contains("GNB") && err.contains("GIN"), "{err}");
        assert!(resolve_country("narnia").is_err());
    }
}
