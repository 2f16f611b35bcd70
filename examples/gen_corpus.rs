//! Synthetic corpus generator: writes a deterministic corpus of French United Nations
//! resolutions of any size, in the two layouts real documents come in, to benchmark loading,
//! indexing and search (`resolu`, `fzf --filter`) at the scale of every General Assembly and
//! Human Rights Council resolution ever adopted in one language (≈ 25 000 resolutions,
//! 1 000 000 paragraphs).
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --out DIR --paragraphs N --seed S \
//!     [--lines FILE] [--self-check [COUNT]] [--words FILE]... [--zipf S]
//! ```
//!
//! - Documents: Human Rights Council (`A/HRC/RES/s/n`, sessions 1–60, 2006–2025, a recorded
//!   vote of 47 members or `[Adoptée sans vote.]`) and General Assembly (`A/RES/s/n`, sessions
//!   50–80, no vote block), ≈ 40 paragraphs each. Every other document is in the PDF-to-text
//!   layout (`.txt`: hard-wrapped, single- or double-spaced, page furniture, footnotes at the
//!   foot of the page with calls glued to words), the others in the Markdown layout (`.md`:
//!   emphasis, `<sup>` footnotes, `54^e^ séance`), as in `sample-data/`.
//! - Text: paragraphs recombine the clauses of the French sample resolutions (read with the
//!   crate's own parser), so the words users search for occur at realistic rates; a clause that
//!   cites a year (or COVID-19, or the Universal Periodic Review) only appears in documents
//!   adopted after it.
//! - Vocabulary: the samples alone give about 1,150 distinct words. `--words FILE` (a ranked
//!   word list, most frequent first; `bench/run.sh` dumps French and English ones from the
//!   `wordfreq` package) replaces some content words with draws, rank r with probability
//!   ∝ 1/r^s (`--zipf`, 1 by default), and adds phrases with more draws, names, numbers,
//!   amounts and document symbols (`words.rs`): 1M paragraphs then hold about 200,000 distinct
//!   words, as a real corpus of that size does. The summary counts the distinct words.
//! - Output: `DIR/hrc/NNNN/A_HRC_RES_s_n.fr.{txt,md}` and `DIR/ga/NNNN/A_RES_s_n.fr.{txt,md}`,
//!   at most 1000 files per folder; `--lines FILE` also writes every paragraph as the parser
//!   should read it (one line, no markup); a summary goes to stderr.
//! - Determinism: all randomness comes from splitmix64 streams derived from `--seed` (one per
//!   document), so one seed and one build give byte-identical output whatever the thread count.
//! - `--self-check [COUNT]` parses COUNT written documents (20 by default) back with
//!   `resolu::corpus::load::parse_bytes` and compares symbol, session, agenda item, date, title,
//!   paragraphs, footnotes, vote and warnings with what was generated; exit status 1 on any
//!   difference.
//!
//! About 1 recorded vote in 60 (≈ 1 document in 200) states a count that disagrees with its
//! lists, on purpose: `resolu check` must report exactly those. The layout also steers clear of
//! shapes the parser misreads (see `Breaks`, `place_calls`, `avoid_date_clash`): a wrapped line
//! never starts with a 1–3 digit number, nor with a capital after a line ending in punctuation.

// Test and tool code: a failure is meant to stop it, and clippy's pedantic group is for src/.
#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use anyhow::{Context, Result, anyhow, bail};
use chrono::{Datelike, Days, NaiveDate};
use clap::Parser;
use rayon::prelude::*;
use resolu::corpus::load::parse_bytes;
use resolu::corpus::{Body, ParagraphKind, Resolution, countries};
use resolu::text::fold::fold;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::io::{BufWriter, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[path = "gen_corpus/words.rs"]
mod words;

// ---------------------------------------------------------------------------------------------
// Command line

#[derive(Debug, Parser)]
#[command(
    name = "gen_corpus",
    about = "Write a deterministic synthetic corpus of French UN resolutions"
)]
struct Options {
    /// Folder to write into (created; `hrc/` and `ga/` go below it).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Total number of paragraphs, ≈ 40 per resolution.
    #[arg(long, value_name = "N", default_value_t = 20_000)]
    paragraphs: u64,
    /// The same seed gives byte-identical output.
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,
    /// Also write every paragraph's text, as the parser should read it, one per line.
    #[arg(long, value_name = "FILE")]
    lines: Option<PathBuf>,
    /// Parse COUNT of the written documents back and compare them with what was generated.
    #[arg(long, value_name = "COUNT", num_args = 0..=1, default_missing_value = "20")]
    self_check: Option<usize>,
    /// A ranked word list, most frequent first, one word per line (`bench/run.sh` derives one
    /// from `wordfreq`): content words are then also drawn from it, rank r with probability
    /// ∝ 1/r^s. Repeatable: the first list is French, later ones (English) give 1 draw in 10.
    #[arg(long, value_name = "FILE")]
    words: Vec<PathBuf>,
    /// The Zipf exponent s of the draws from `--words`.
    #[arg(long, value_name = "S", default_value_t = 1.0)]
    zipf: f64,
}

/// Documents rendered and written together (memory stays bounded at any corpus size).
const BATCH: usize = 512;
/// Files per output folder.
const FOLDER_SIZE: usize = 1000;
/// Members of the Human Rights Council.
const HRC_MEMBERS: usize = 47;

fn main() -> ExitCode {
    match run(&Options::parse()) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("gen_corpus: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(options: &Options) -> Result<ExitCode> {
    if options.paragraphs == 0 {
        bail!("--paragraphs must be at least 1");
    }
    let started = Instant::now();
    let vocabulary = Vocabulary::build(words::Drawn::load(&options.words, options.zipf)?)?;
    let plans = plan_corpus(options.paragraphs, options.seed);
    let mut output = Output::open(options, plans.len())?;
    for batch in plans.chunks(BATCH) {
        let rendered: Vec<Rendered> = batch
            .par_iter()
            .map(|plan| render_document(plan, &vocabulary, options.seed))
            .collect();
        write_batch(&options.out, &rendered)?;
        for (plan, document) in batch.iter().zip(rendered) {
            output.record(plan, document)?;
        }
    }
    output.finish(started.elapsed())
}

/// Everything but the documents themselves: the `--lines` file, the totals, the documents kept
/// for the self-check.
struct Output {
    out: PathBuf,
    lines: Option<BufWriter<fs::File>>,
    totals: Totals,
    checking: bool,
    /// Indices of the documents to check (sorted), and the documents kept so far.
    picks: Vec<usize>,
    kept: Vec<(PathBuf, Expected)>,
    /// Whether a document with a deliberate count mismatch is among them (one is added).
    kept_mismatch: bool,
}

impl Output {
    fn open(options: &Options, documents: usize) -> Result<Self> {
        fs::create_dir_all(&options.out)
            .with_context(|| format!("creating {}", options.out.display()))?;
        let lines = match &options.lines {
            Some(path) => {
                let file = fs::File::create(path)
                    .with_context(|| format!("creating {}", path.display()))?;
                Some(BufWriter::with_capacity(1 << 20, file))
            }
            None => None,
        };
        Ok(Output {
            out: options.out.clone(),
            lines,
            totals: Totals::default(),
            checking: options.self_check.is_some(),
            picks: self_check_picks(documents, options.self_check.unwrap_or(0)),
            kept: Vec::new(),
            kept_mismatch: false,
        })
    }

    fn record(&mut self, plan: &Plan, mut document: Rendered) -> Result<()> {
        self.totals.add(&document);
        self.totals
            .distinct
            .add(std::mem::take(&mut document.words));
        if let Some(writer) = self.lines.as_mut() {
            for (_, text) in &document.expected.paragraphs {
                writeln!(writer, "{text}").context("writing the --lines file")?;
            }
        }
        let mismatch = self.checking && document.expected.mismatch && !self.kept_mismatch;
        if mismatch || self.picks.binary_search(&plan.index).is_ok() {
            self.kept_mismatch |= document.expected.mismatch;
            self.kept
                .push((self.out.join(&document.path), document.expected));
        }
        Ok(())
    }

    fn finish(self, elapsed: Duration) -> Result<ExitCode> {
        if let Some(mut writer) = self.lines {
            writer.flush().context("writing the --lines file")?;
        }
        self.totals.report(elapsed);
        match self.checking {
            true => self_check(&self.kept),
            false => Ok(ExitCode::SUCCESS),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Random numbers

/// splitmix64: tiny, fast and good enough to pick words.
#[derive(Clone)]
struct Rng(u64);

impl Rng {
    /// An independent stream `stream` under `seed`.
    fn new(seed: u64, stream: u64) -> Self {
        let mut rng = Rng(seed ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03));
        rng.next_u64();
        rng
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`, `n > 0`.
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below((hi - lo + 1) as usize) as u32
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64) / ((1u64 << 53) as f64)
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// An index drawn with the given weights.
    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut ticket = self.range(0, total - 1);
        for (i, &w) in weights.iter().enumerate() {
            if ticket < w {
                return i;
            }
            ticket -= w;
        }
        weights.len() - 1
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// French numbers and dates

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const CARDINALS: [&str; 17] = [
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
    "douze", "treize", "quatorze", "quinze", "seize",
];
const TENS: [&str; 7] = [
    "",
    "dix",
    "vingt",
    "trente",
    "quarante",
    "cinquante",
    "soixante",
];

/// French cardinal for 0..=99, traditional spelling: `vingt et un`, `soixante et onze`,
/// `quatre-vingts`, `quatre-vingt-dix-neuf`.
fn cardinal_fr(n: u32) -> String {
    let n = n.min(99) as usize;
    match n {
        0..=16 => CARDINALS[n].to_string(),
        17..=19 => format!("dix-{}", CARDINALS[n - 10]),
        20..=69 => match (TENS[n / 10], n % 10) {
            (tens, 0) => tens.to_string(),
            (tens, 1) => format!("{tens} et un"),
            (tens, unit) => format!("{tens}-{}", CARDINALS[unit]),
        },
        71 => "soixante et onze".to_string(),
        70..=79 => format!("soixante-{}", cardinal_fr(n as u32 - 60)),
        80 => "quatre-vingts".to_string(),
        _ => format!("quatre-vingt-{}", cardinal_fr(n as u32 - 80)),
    }
}

/// French ordinal for 1..=99, feminine (it qualifies `session`), lower case: `première`,
/// `quarante-quatrième`, `soixante et onzième`, `quatre-vingtième`, `quatre-vingt-unième`.
fn ordinal_fr(n: u32) -> String {
    if n == 1 {
        return "première".to_string();
    }
    let cardinal = cardinal_fr(n);
    // `quatre-vingts` loses its plural `s` before a suffix: `quatre-vingtième`.
    let cardinal = cardinal
        .strip_suffix("vingts")
        .map_or(cardinal.clone(), |stem| format!("{stem}vingt"));
    let split = cardinal.rfind([' ', '-']).map_or(0, |i| i + 1);
    let (stem, last) = cardinal.split_at(split);
    let last = match last {
        "un" => "unième".to_string(),
        "cinq" => "cinquième".to_string(),
        "neuf" => "neuvième".to_string(),
        word => format!("{}ième", word.strip_suffix('e').unwrap_or(word)),
    };
    format!("{stem}{last}")
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `23 mars 2021`, `1er décembre 2016`.
fn french_date(date: NaiveDate) -> String {
    let month = MONTHS[date.month0() as usize];
    match date.day() {
        1 => format!("1er {month} {}", date.year()),
        day => format!("{day} {month} {}", date.year()),
    }
}

/// `26 février-23 mars 2018`, as a session's dates are printed under its name.
fn french_span(from: NaiveDate, to: NaiveDate) -> String {
    format!(
        "{} {}-{}",
        from.day(),
        MONTHS[from.month0() as usize],
        french_date(to)
    )
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("the calendar has this day")
}

fn add_days(date: NaiveDate, days: u32) -> NaiveDate {
    date.checked_add_days(Days::new(u64::from(days)))
        .expect("dates stay within chrono's range")
}

const ROMAN: [&str; 10] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

// ---------------------------------------------------------------------------------------------
// Vocabulary: clauses of the sample resolutions, titles, member States

/// The French samples whose paragraphs supply the text.
const SAMPLES: [(&str, &str); 5] = [
    (
        "A_HRC_RES_44_18.fr.txt",
        include_str!("../sample-data/A_HRC_RES_44_18.fr.txt"),
    ),
    (
        "A_HRC_RES_46_13.fr.txt",
        include_str!("../sample-data/A_HRC_RES_46_13.fr.txt"),
    ),
    (
        "A_HRC_RES_44_11.fr.txt",
        include_str!("../sample-data/A_HRC_RES_44_11.fr.txt"),
    ),
    (
        "A_HRC_RES_37_23.fr.md",
        include_str!("../sample-data/A_HRC_RES_37_23.fr.md"),
    ),
    (
        "A_RES_71_194.fr.md",
        include_str!("../sample-data/A_RES_71_194.fr.md"),
    ),
];
/// The expected parse of the samples, for the names in their vote lists.
const EXPECTED_JSON: &str = include_str!("../sample-data/expected.json");

/// Adverbs that follow a lead (`Rappelant également`); dropped from the samples, added at random.
const LEAD_ADVERBS: [&str; 7] = [
    "également",
    "aussi",
    "en outre",
    "de nouveau",
    "à nouveau",
    "une nouvelle fois",
    "instamment",
];
/// Leads that may replace each other before `que …`, and before a noun phrase.
const PP_THAT: [&str; 12] = [
    "Considérant",
    "Soulignant",
    "Réaffirmant",
    "Rappelant",
    "Reconnaissant",
    "Constatant",
    "Estimant",
    "Affirmant",
    "Sachant",
    "Notant",
    "Convaincu",
    "Conscient",
];
const PP_NOUN: [&str; 4] = ["Rappelant", "Réaffirmant", "Soulignant", "Reconnaissant"];
const OP_THAT: [&str; 10] = [
    "Réaffirme",
    "Souligne",
    "Rappelle",
    "Estime",
    "Considère",
    "Constate",
    "Reconnaît",
    "Affirme",
    "Note",
    "Se déclare convaincu",
];
const OP_NOUN: [&str; 4] = ["Réaffirme", "Souligne", "Rappelle", "Reconnaît"];
const THAT_STARTS: [&str; 3] = ["que ", "que,", "qu’"];
const NOUN_STARTS: [&str; 9] = [
    "la ", "le ", "les ", "l’", "sa ", "ses ", "son ", "leur ", "leurs ",
];

const TITLE_HEADS: [&str; 7] = [
    "Renforcement de",
    "Promotion de",
    "Promotion et protection de",
    "Mandat d’Expert indépendant sur",
    "Mandat du Rapporteur spécial sur",
    "Les droits de l’homme et",
    "Coopération internationale et",
];
const TITLE_SUBJECTS: [&str; 13] = [
    "la coopération internationale dans le domaine des droits de l’homme",
    "une coopération mutuellement avantageuse dans le domaine des droits de l’homme",
    "la solidarité internationale",
    "le droit au développement",
    "la diversité culturelle",
    "le dialogue entre les cultures et les civilisations",
    "l’Examen périodique universel",
    "l’assistance technique et le renforcement des capacités",
    "l’accès équitable aux vaccins contre la COVID-19",
    "la riposte à la pandémie de COVID-19",
    "le multilatéralisme",
    "un ordre international démocratique et équitable",
    "le Programme de développement durable à l’horizon 2030",
];
/// Whole titles, besides heads × subjects and the samples' own.
const TITLES: [&str; 8] = [
    "Les effets négatifs des mesures coercitives unilatérales sur l’exercice des droits de l’homme",
    "Le droit à l’alimentation",
    "Le droit à l’éducation",
    "Les droits de l’homme et les changements climatiques",
    "Les droits de l’homme et la solidarité internationale",
    "Promotion et protection des droits de l’homme dans le contexte de la pandémie de COVID-19",
    "Assurer l’accès équitable, rapide et universel aux vaccins contre la COVID-19",
    "Élimination de toutes les formes d’intolérance et de discrimination fondées sur la religion ou la conviction",
];

/// The opening clause of a sample paragraph, its lead (participle or verb) split off.
struct Opening {
    lead: String,
    rest: String,
    /// The clause that followed it in the sample.
    next: Option<usize>,
    since: i32,
}

/// Any later clause of a sample paragraph.
struct Clause {
    text: String,
    next: Option<usize>,
    since: i32,
}

struct Vocabulary {
    preambular: Vec<Opening>,
    operative: Vec<Opening>,
    clauses: Vec<Clause>,
    titles: Vec<(String, i32)>,
    /// French names of the Member States, in French alphabetical order.
    members: Vec<String>,
    /// Word lists to draw content words from (`--words`), if any.
    drawn: Option<words::Drawn>,
}

impl Vocabulary {
    fn build(drawn: Option<words::Drawn>) -> Result<Self> {
        let mut vocabulary = Vocabulary {
            preambular: Vec::new(),
            operative: Vec::new(),
            clauses: Vec::new(),
            titles: Vec::new(),
            members: member_names()?,
            drawn,
        };
        for (name, text) in SAMPLES {
            let resolution =
                parse_bytes(name, text.as_bytes()).map_err(|e| anyhow!("sample {name}: {e}"))?;
            for paragraph in &resolution.paragraphs {
                vocabulary.add_paragraph(paragraph.kind, &paragraph.text.replace('\'', "’"));
            }
            if let Some(title) = &resolution.title {
                let title = title.replace('\'', "’");
                vocabulary.titles.push((title.clone(), since_year(&title)));
            }
        }
        vocabulary.add_titles();
        if vocabulary.preambular.is_empty() || vocabulary.operative.is_empty() {
            bail!("the samples gave no paragraphs to build text from");
        }
        if vocabulary.members.len() < HRC_MEMBERS {
            bail!("only {} member names found", vocabulary.members.len());
        }
        Ok(vocabulary)
    }

    fn add_paragraph(&mut self, kind: ParagraphKind, text: &str) {
        let clauses = split_clauses(text.trim_end_matches([',', ';', '.', ' ']));
        let Some((first, mut later)) = clauses.split_first() else {
            return;
        };
        let (lead, mut rest) = split_lead(first);
        // `Réaffirmant en outre que, s’il faut …`: once its adverb is gone, an opening clause
        // may be too short to stand alone; it takes the next one.
        while rest.chars().count() < 20
            && let Some((next, after)) = later.split_first()
        {
            rest = format!("{rest}, {next}");
            later = after;
        }
        let base = self.clauses.len();
        for (i, clause) in later.iter().enumerate() {
            self.clauses.push(Clause {
                text: clause.clone(),
                next: (i + 1 < later.len()).then_some(base + i + 1),
                since: since_year(clause),
            });
        }
        let opening = Opening {
            lead,
            rest,
            next: (!later.is_empty()).then_some(base),
            since: since_year(first),
        };
        match kind {
            ParagraphKind::Preambular => self.preambular.push(opening),
            ParagraphKind::Operative => self.operative.push(opening),
            // The samples hold no annex; nothing to learn from.
            ParagraphKind::Annex => {}
        }
    }

    fn add_titles(&mut self) {
        for head in TITLE_HEADS {
            for subject in TITLE_SUBJECTS {
                // `Renforcement de … le renforcement des capacités`: a word said twice.
                let first = fold(head.split(' ').next().unwrap_or(head));
                if fold(subject).contains(&first)
                    || head.contains("droits") && subject.contains("droits")
                {
                    continue;
                }
                let title = join_preposition(head, subject);
                let since = since_year(&title);
                self.titles.push((title, since));
            }
        }
        for title in TITLES {
            self.titles.push((title.to_string(), since_year(title)));
        }
    }
}

/// `Renforcement de` + `le multilatéralisme` → `Renforcement du multilatéralisme`.
fn join_preposition(head: &str, subject: &str) -> String {
    if let Some(stem) = head.strip_suffix(" de") {
        for (article, contracted) in [("le ", "du "), ("les ", "des "), ("un", "d’un")] {
            if let Some(rest) = subject.strip_prefix(article) {
                return format!("{stem} {contracted}{rest}");
            }
        }
    }
    format!("{head} {subject}")
}

/// Names from the country table's `fr` column (Member States only) and from the sample vote
/// lists, one per country, sorted as French lists are (accents ignored: `Érythrée` under E).
fn member_names() -> Result<Vec<String>> {
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    for country in countries::all() {
        if !country.is_historical() && !country.is_observer() {
            names.insert(fold(country.fr), country.fr.to_string());
        }
    }
    let expected: serde_json::Value =
        serde_json::from_str(EXPECTED_JSON).context("reading sample-data/expected.json")?;
    for document in expected.as_array().into_iter().flatten() {
        if document["language"] != "fr" {
            continue;
        }
        for list in ["in_favour", "against", "abstaining"] {
            for name in document["vote"][list].as_array().into_iter().flatten() {
                if let Some(name) = name.as_str() {
                    let name = name.replace('\'', "’");
                    names.entry(fold(&name)).or_insert(name);
                }
            }
        }
    }
    Ok(names.into_values().collect())
}

/// The first year a clause could be written: the latest year it cites (the 2030 Agenda dates
/// from 2015; General Assembly resolution `74/270` from 1945 + 74), 2020 for COVID-19, 2007 for
/// the Universal Periodic Review.
fn since_year(text: &str) -> i32 {
    let bytes = text.as_bytes();
    let mut since = 0;
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let value: i32 = text[start..i].parse().unwrap_or(0);
        let year = match i - start {
            4 if value == 2030 => 2015,
            4 if (1945..2030).contains(&value) => value,
            2 if bytes.get(i) == Some(&b'/') && value >= 50 => 1945 + value,
            _ => 0,
        };
        since = since.max(year);
    }
    if text.contains("COVID") || text.contains("coronavirus") {
        since = since.max(2020);
    }
    if text.contains("Examen périodique universel") {
        since = since.max(2007);
    }
    since
}

/// Split paragraph text at `, ` outside « » and ( ), into clauses of at least 20 characters (a
/// shorter piece stays with the next one: `grâce, notamment, à la coopération internationale`).
fn split_clauses(text: &str) -> Vec<String> {
    let mut clauses: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut depth = 0i32;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '«' | '(' => depth += 1,
            '»' | ')' => depth -= 1,
            _ => {}
        }
        let boundary = c == ',' && depth == 0 && chars.peek() == Some(&' ');
        if boundary && current.chars().count() >= 20 {
            chars.next();
            clauses.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    match clauses.last_mut() {
        Some(last) if current.chars().count() < 20 => {
            last.push_str(", ");
            last.push_str(&current);
        }
        _ => clauses.push(current),
    }
    clauses
}

/// `Rappelant également la résolution` → (`Rappelant`, `la résolution`); two-word leads are
/// kept whole (`Prenant note`, `Se dit`, `Profondément préoccupé`).
fn split_lead(clause: &str) -> (String, String) {
    let (first, mut rest) = clause.split_once(' ').unwrap_or((clause, ""));
    let mut lead = first.to_string();
    let two_words = ["Prenant", "Prend", "Se", "Est"].contains(&first) || first.ends_with("ment");
    if two_words && let Some((second, after)) = rest.split_once(' ') {
        lead = format!("{first} {second}");
        rest = after;
    }
    while let Some(after) = LEAD_ADVERBS
        .iter()
        .find_map(|adverb| rest.strip_prefix(adverb)?.strip_prefix(' '))
    {
        rest = after;
    }
    (lead, rest.to_string())
}

// ---------------------------------------------------------------------------------------------
// The corpus plan: which documents, in which order

/// The bodies the generator writes documents for (the library's [`Body`] knows more).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Organ {
    Hrc,
    Ga,
}

impl Organ {
    fn body(self) -> Body {
        match self {
            Organ::Hrc => Body::Hrc,
            Organ::Ga => Body::Ga,
        }
    }
}

/// One document to generate, decided in order from the seed (cheap), rendered in parallel.
struct Plan {
    index: usize,
    body: Organ,
    session: u32,
    number: u32,
    /// Position among the documents of its body (for the folder).
    ordinal: usize,
    preambular: usize,
    operative: usize,
    markdown: bool,
    seed: u64,
}

/// Documents until `total` paragraphs are reached; the last one takes the remainder.
fn plan_corpus(total: u64, seed: u64) -> Vec<Plan> {
    let mut rng = Rng::new(seed, 0);
    let mut numbers: BTreeMap<(u8, u32), u32> = BTreeMap::new();
    let mut ordinals = [0usize; 2];
    let mut plans = Vec::new();
    let mut left = total;
    while left > 0 {
        // 6 + two uniform 0..=34: mean 40, from 6 to 74.
        let mut size = u64::from(6 + rng.range(0, 34) + rng.range(0, 34));
        if left < size + 6 {
            size = left;
        }
        left -= size;
        let size = size as usize;
        let preambular = size * rng.range(30, 70) as usize / 100;
        let operative = size - preambular;
        let (preambular, operative) = if operative == 0 {
            (preambular - 1, 1)
        } else {
            (preambular, operative)
        };
        let hrc = rng.chance(0.5);
        let (body, session, slot) = match hrc {
            true => (Organ::Hrc, rng.range(1, 60), 0),
            false => (Organ::Ga, rng.range(50, 80), 1),
        };
        let number = numbers.entry((slot as u8, session)).or_insert(0);
        *number += 1;
        plans.push(Plan {
            index: plans.len(),
            body,
            session,
            number: *number,
            ordinal: ordinals[slot],
            preambular,
            operative,
            markdown: plans.len() % 2 == 1,
            seed: rng.next_u64(),
        });
        ordinals[slot] += 1;
    }
    plans
}

/// Evenly spaced document indices for the self-check, sorted.
fn self_check_picks(documents: usize, count: usize) -> Vec<usize> {
    let count = count.min(documents);
    let picks: BTreeSet<usize> = (0..count).map(|i| i * documents / count).collect();
    picks.into_iter().collect()
}

// ---------------------------------------------------------------------------------------------
// A document: metadata, paragraphs, footnotes, vote

#[derive(Clone, Copy)]
struct Call {
    mark: u32,
    /// Byte offset in the paragraph text where the call goes.
    at: usize,
}

struct Paragraph {
    kind: ParagraphKind,
    /// The text as the parser should give it: lead, clauses, final `,`, ` ;` or `.`.
    text: String,
    /// Bytes of the lead (participle or verb and adverb), set in italics in Markdown.
    lead_len: usize,
    call: Option<Call>,
}

enum Outcome {
    /// General Assembly: no vote block.
    NoBlock,
    WithoutVote,
    Recorded(Recorded),
}

struct Recorded {
    /// In favour, against, abstaining: indices into `Vocabulary::members`, so in French
    /// alphabetical order once sorted.
    lists: [Vec<usize>; 3],
    /// The counts as printed (one may be off on purpose).
    stated: [u32; 3],
    /// `… Uruguay et Venezuela (République bolivarienne du)` without a final period (46/13)
    /// rather than `…, Venezuela (République bolivarienne du).` (44/18).
    final_et: bool,
    /// `contre zéro` rather than `contre 0`.
    zero_word: bool,
}

struct Agenda {
    /// As printed after `Point`: `3`, `68, b,`.
    printed: String,
    /// As the parser reads it: `3`, `68 b`.
    parsed: String,
    title: &'static str,
}

struct Doc {
    body: Organ,
    session: u32,
    number: u32,
    adopted: NaiveDate,
    distributed: NaiveDate,
    /// When an HRC session met.
    window: Option<(NaiveDate, NaiveDate)>,
    meeting: u32,
    job: u32,
    agenda: Agenda,
    /// `[sur la base du rapport de la Troisième Commission (A/71/484/Add.2)]`.
    referral: Option<String>,
    title: String,
    paragraphs: Vec<Paragraph>,
    footnotes: Vec<String>,
    outcome: Outcome,
    mismatch: bool,
}

impl Doc {
    fn number_text(&self) -> String {
        format!("{}/{}", self.session, self.number)
    }

    fn symbol(&self) -> String {
        self.body.body().symbol_for(&self.number_text())
    }

    /// `GE.20-09930` (Geneva) or `16-22270` (New York), as printed in page footers.
    fn job_number(&self) -> String {
        let year = self.distributed.year() % 100;
        match self.body {
            Organ::Hrc => format!("GE.{year:02}-{:05}", self.job),
            Organ::Ga => format!("{year:02}-{:05}", self.job),
        }
    }

    fn barcode(&self) -> String {
        format!("*{:02}{:05}*", self.distributed.year() % 100, self.job)
    }

    fn session_line(&self) -> String {
        format!("{} session", capitalize(&ordinal_fr(self.session)))
    }

    fn file_name(&self, markdown: bool) -> String {
        let prefix = match self.body {
            Organ::Hrc => "A_HRC_RES",
            Organ::Ga => "A_RES",
        };
        let extension = if markdown { "md" } else { "txt" };
        format!("{prefix}_{}_{}.fr.{extension}", self.session, self.number)
    }
}

fn build_document(plan: &Plan, vocabulary: &Vocabulary, seed: u64, rng: &mut Rng) -> Doc {
    let (adopted, window, meeting) = match plan.body {
        Organ::Hrc => hrc_dates(rng, plan.session),
        Organ::Ga => ga_dates(rng, plan.session),
    };
    let year = adopted.year();
    let title = vocabulary.titles[pick_since(rng, &vocabulary.titles, year, |t| t.1)]
        .0
        .clone();
    // Draws have a stream of their own, so the rest of the document is what it is without them.
    let mut draws = Rng::new(plan.seed, words::STREAM);
    let mut paragraphs = compose_all(rng, &mut draws, vocabulary, plan, year);
    let footnotes = footnotes(rng, &mut paragraphs, plan.body, adopted);
    let (outcome, mismatch) = outcome(rng, vocabulary, seed, plan);
    Doc {
        body: plan.body,
        session: plan.session,
        number: plan.number,
        adopted,
        distributed: add_days(adopted, rng.range(3, 40)),
        window,
        meeting,
        job: rng.range(1000, 29999),
        agenda: agenda(rng, plan.body),
        referral: (plan.body == Organ::Ga).then(|| referral(rng, plan.session)),
        title,
        paragraphs,
        footnotes,
        outcome,
        mismatch,
    }
}

/// The preambular paragraphs, then the operative ones, the last ending with a period.
fn compose_all(
    rng: &mut Rng,
    draws: &mut Rng,
    vocabulary: &Vocabulary,
    plan: &Plan,
    year: i32,
) -> Vec<Paragraph> {
    let kinds = std::iter::repeat_n(ParagraphKind::Preambular, plan.preambular).chain(
        std::iter::repeat_n(ParagraphKind::Operative, plan.operative),
    );
    let total = plan.preambular + plan.operative;
    kinds
        .enumerate()
        .map(|(i, kind)| compose(rng, draws, vocabulary, kind, year, i + 1 == total))
        .collect()
}

/// Up to 3 footnotes (HRC) or 6 (GA), their calls placed in the paragraphs; returns their texts.
fn footnotes(
    rng: &mut Rng,
    paragraphs: &mut [Paragraph],
    body: Organ,
    adopted: NaiveDate,
) -> Vec<String> {
    let wanted = match body {
        Organ::Hrc => rng.below(4),
        Organ::Ga => rng.below(7),
    };
    let placed = place_calls(rng, paragraphs, wanted);
    let placed = avoid_date_clash(paragraphs, placed, adopted);
    (0..placed)
        .map(|_| footnote_text(rng, body, adopted.year()))
        .collect()
}

/// HRC: 40 % without a vote, else a recorded vote; GA: no vote block. Also whether the stated
/// counts disagree with the lists.
fn outcome(rng: &mut Rng, vocabulary: &Vocabulary, seed: u64, plan: &Plan) -> (Outcome, bool) {
    match plan.body {
        Organ::Hrc if rng.chance(0.4) => (Outcome::WithoutVote, false),
        Organ::Hrc => {
            let members = session_members(vocabulary, seed, plan.session);
            let recorded = recorded_vote(rng, &members);
            let mismatch = recorded.stated != recorded.lists.each_ref().map(|l| l.len() as u32);
            (Outcome::Recorded(recorded), mismatch)
        }
        Organ::Ga => (Outcome::NoBlock, false),
    }
}

/// HRC: the session's dates, the adoption date near its close, the meeting.
fn hrc_dates(rng: &mut Rng, session: u32) -> (NaiveDate, Option<(NaiveDate, NaiveDate)>, u32) {
    let (opens, closes) = hrc_window(session);
    let adopted = closes - Days::new(u64::from(rng.range(0, 2)));
    (adopted, Some((opens, closes)), rng.range(25, 60))
}

/// When HRC session `session` met: sessions 1–3 in 2006 (June, September, November), then
/// three a year (February–March, June–July, September–October), about four weeks each.
fn hrc_window(session: u32) -> (NaiveDate, NaiveDate) {
    let opens = match session {
        1 => date(2006, 6, 19),
        2 => date(2006, 9, 18),
        3 => date(2006, 11, 29),
        _ => {
            let k = session - 4;
            let year = 2007 + (k / 3) as i32;
            let shift = session % 8;
            match k % 3 {
                0 => date(year, 2, 20 + shift),
                1 => date(year, 6, 10 + shift),
                _ => date(year, 9, 8 + shift),
            }
        }
    };
    let weeks = if session <= 3 { 2 } else { 4 };
    (opens, add_days(opens, weeks * 7 - 3))
}

/// GA session `session` opens in September 1945 + session; most resolutions are adopted from
/// October to December, some in the following months.
fn ga_dates(rng: &mut Rng, session: u32) -> (NaiveDate, Option<(NaiveDate, NaiveDate)>, u32) {
    let year = 1945 + session as i32;
    let adopted = if session < 80 && rng.chance(0.15) {
        add_days(date(year + 1, 1, 15), rng.range(0, 200))
    } else {
        add_days(date(year, 10, 15), rng.range(0, 68))
    };
    let days_in = (adopted - date(year, 9, 15)).num_days().max(0) as u32;
    (adopted, None, 20 + days_in / 3 + rng.range(0, 4))
}

const HRC_AGENDA: [&str; 10] = [
    "Questions d’organisation et de procédure",
    "Rapport annuel du Haut-Commissaire des Nations Unies aux droits de l’homme et rapports du Haut-Commissariat et du Secrétaire général",
    "Promotion et protection de tous les droits de l’homme, civils, politiques, économiques, sociaux et culturels, y compris le droit au développement",
    "Situations relatives aux droits de l’homme qui requièrent l’attention du Conseil",
    "Organismes et mécanismes de protection des droits de l’homme",
    "Examen périodique universel",
    "Situation des droits de l’homme en Palestine et dans les autres territoires arabes occupés",
    "Suivi et application de la Déclaration et du Programme d’action de Vienne",
    "Le racisme, la discrimination raciale, la xénophobie et l’intolérance qui y est associée : suivi et application de la Déclaration et du Programme d’action de Durban",
    "Assistance technique et renforcement des capacités",
];
const HRC_AGENDA_WEIGHTS: [u32; 10] = [2, 10, 45, 10, 5, 5, 5, 5, 5, 8];
const GA_AGENDA: [&str; 7] = [
    "Promotion et protection des droits de l’homme : questions relatives aux droits de l’homme, y compris les divers moyens de mieux assurer l’exercice effectif des droits de l’homme et des libertés fondamentales",
    "Élimination du racisme, de la discrimination raciale, de la xénophobie et de l’intolérance qui y est associée",
    "Droit des peuples à l’autodétermination",
    "Développement durable",
    "Rapport du Conseil des droits de l’homme",
    "Promotion et protection des droits de l’enfant",
    "Renforcement de la coordination de l’aide humanitaire et des secours en cas de catastrophe fournis par les organismes des Nations Unies",
];

fn agenda(rng: &mut Rng, body: Organ) -> Agenda {
    match body {
        Organ::Hrc => {
            let item = rng.weighted(&HRC_AGENDA_WEIGHTS);
            Agenda {
                printed: (item + 1).to_string(),
                parsed: (item + 1).to_string(),
                title: HRC_AGENDA[item],
            }
        }
        Organ::Ga => {
            let item = rng.range(10, 140);
            let title = *rng.pick(&GA_AGENDA);
            match rng.chance(0.3) {
                true => {
                    let letter = *rng.pick(&["a", "b", "c", "d"]);
                    Agenda {
                        printed: format!("{item}, {letter},"),
                        parsed: format!("{item} {letter}"),
                        title,
                    }
                }
                false => Agenda {
                    printed: item.to_string(),
                    parsed: item.to_string(),
                    title,
                },
            }
        }
    }
}

fn referral(rng: &mut Rng, session: u32) -> String {
    if rng.chance(0.25) {
        return format!(
            "[sans renvoi à une grande commission (A/{session}/L.{})]",
            rng.range(1, 80)
        );
    }
    let committee = capitalize(&ordinal_fr(rng.range(1, 6)));
    format!(
        "[sur la base du rapport de la {committee} Commission (A/{session}/{}/Add.{})]",
        rng.range(400, 620),
        rng.range(1, 4)
    )
}

/// Index of a random item whose `since` year is not after `year` (any item if none is found).
fn pick_since<T>(rng: &mut Rng, items: &[T], year: i32, since: impl Fn(&T) -> i32) -> usize {
    for _ in 0..32 {
        let i = rng.below(items.len());
        if since(&items[i]) <= year {
            return i;
        }
    }
    (0..items.len())
        .min_by_key(|&i| since(&items[i]))
        .unwrap_or(0)
}

/// Clauses per paragraph: 1 to 8, mostly 2 to 4.
const CLAUSE_WEIGHTS: [u32; 8] = [14, 22, 22, 16, 11, 7, 5, 3];

/// One paragraph: a sample's opening clause (its lead sometimes replaced by one of the same
/// construction), then clauses that mostly follow on as in the sample, with the ending of its
/// kind. With `--words`, each clause is mixed with draws (`words::Drawn::mix`) from `draws`.
fn compose(
    rng: &mut Rng,
    draws: &mut Rng,
    vocabulary: &Vocabulary,
    kind: ParagraphKind,
    year: i32,
    last: bool,
) -> Paragraph {
    let openings = match kind {
        ParagraphKind::Preambular => &vocabulary.preambular,
        // The generator writes no annex; annex text reads like operative text.
        ParagraphKind::Operative | ParagraphKind::Annex => &vocabulary.operative,
    };
    let opening = &openings[pick_since(rng, openings, year, |o| o.since)];
    let lead = choose_lead(rng, kind, opening);
    let mix = |draws: &mut Rng, clause: &str| match &vocabulary.drawn {
        Some(drawn) => drawn.mix(draws, clause, year),
        None => clause.to_string(),
    };
    let mut text = lead.clone();
    if !opening.rest.is_empty() {
        text.push(' ');
        text.push_str(&mix(draws, &opening.rest));
    }
    let mut cursor = opening.next;
    for _ in 0..rng.weighted(&CLAUSE_WEIGHTS) {
        let clauses = &vocabulary.clauses;
        let i = match cursor {
            Some(i) if clauses[i].since <= year && rng.chance(0.7) => i,
            _ => pick_since(rng, clauses, year, |c| c.since),
        };
        text.push_str(", ");
        text.push_str(&mix(draws, &clauses[i].text));
        cursor = clauses[i].next;
    }
    text.push_str(match (kind, last) {
        (ParagraphKind::Preambular, _) => ",",
        (ParagraphKind::Operative | ParagraphKind::Annex, false) => " ;",
        (ParagraphKind::Operative | ParagraphKind::Annex, true) => ".",
    });
    Paragraph {
        kind,
        text,
        lead_len: lead.len(),
        call: None,
    }
}

fn choose_lead(rng: &mut Rng, kind: ParagraphKind, opening: &Opening) -> String {
    let (that, noun): (&[&str], &[&str]) = match kind {
        ParagraphKind::Preambular => (&PP_THAT, &PP_NOUN),
        ParagraphKind::Operative | ParagraphKind::Annex => (&OP_THAT, &OP_NOUN),
    };
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| opening.rest.starts_with(p));
    let class = if starts(&THAT_STARTS) {
        that
    } else if starts(&NOUN_STARTS) {
        noun
    } else {
        &[]
    };
    let mut lead = if class.contains(&opening.lead.as_str()) && rng.chance(0.5) {
        rng.pick(class).to_string()
    } else {
        opening.lead.clone()
    };
    if !lead.contains(' ') && !lead.ends_with("ment") && rng.chance(0.2) {
        lead.push(' ');
        let adverb = *rng.pick(&LEAD_ADVERBS[..4]);
        lead.push_str(adverb);
    }
    lead
}

/// Place calls for footnotes 1, 2, … in increasing paragraphs, each glued to a word after the
/// lead, and only where no number between the previous call and this one could be taken for it
/// (the parser looks for each call from the previous one on, and reads `du 2 avril` as a
/// detached call `2`). Returns how many were placed.
fn place_calls(rng: &mut Rng, paragraphs: &mut [Paragraph], wanted: usize) -> usize {
    let mut from = (0usize, 0usize);
    let mut next = 0usize;
    let mut placed = 0;
    while placed < wanted && next < paragraphs.len() {
        let mark = placed as u32 + 1;
        let span = ((paragraphs.len() - next) / (wanted - placed)).max(1);
        let found = (0..6).find_map(|_| {
            let p = next + rng.below(span);
            let at = call_position(rng, &paragraphs[p])?;
            (!number_between(paragraphs, from, (p, at), mark)).then_some((p, at))
        });
        let Some((p, at)) = found else {
            break;
        };
        paragraphs[p].call = Some(Call { mark, at });
        from = (p, at);
        next = p + 1;
        placed += 1;
    }
    placed
}

/// A place for a call: after a word of four letters or more ending in a letter and holding a
/// lower-case one (`l’homme1`, not `COVID-191` nor `et1`), before a space, a comma or the final
/// period; mostly at the end of a clause (`climatiques2,`, `l’homme1 ;`), as calls are printed.
fn call_position(rng: &mut Rng, paragraph: &Paragraph) -> Option<usize> {
    let text = &paragraph.text;
    let end = text.len() - 1;
    let mut anywhere = Vec::new();
    let mut clause_ends = Vec::new();
    for (i, c) in text
        .char_indices()
        .skip_while(|&(i, _)| i <= paragraph.lead_len)
    {
        if !(c == ' ' || c == ',' || (c == '.' && i == end)) {
            continue;
        }
        let word = text[..i].rsplit([' ', '’', '(']).next().unwrap_or("");
        let fits = word.chars().count() >= 4
            && word.chars().last().is_some_and(char::is_alphabetic)
            && word.chars().any(char::is_lowercase);
        if !fits {
            continue;
        }
        anywhere.push(i);
        if c != ' ' || text[i..].starts_with(" ;") {
            clause_ends.push(i);
        }
    }
    if !clause_ends.is_empty() && rng.chance(0.8) {
        return Some(*rng.pick(&clause_ends));
    }
    (!anywhere.is_empty()).then(|| *rng.pick(&anywhere))
}

/// Does a number that the parser could take for call `mark` stand between two positions
/// (paragraph, byte)? That is the same digits, or a year with the mark glued (`19904`).
fn number_between(
    paragraphs: &[Paragraph],
    from: (usize, usize),
    to: (usize, usize),
    mark: u32,
) -> bool {
    let mark = mark.to_string();
    (from.0..=to.0).any(|p| {
        let text = &paragraphs[p].text;
        let start = if p == from.0 { from.1 } else { 0 };
        let end = if p == to.0 { to.1 } else { text.len() };
        text.get(start..end.max(start))
            .unwrap_or("")
            .split(|c: char| !c.is_ascii_digit())
            .any(|run| {
                run == mark
                    || (run.len() == 4 + mark.len()
                        && run.ends_with(&mark)
                        && (run.starts_with("19") || run.starts_with("20")))
            })
    })
}

/// The date under the meeting line starts with the day; when the day is the next footnote mark
/// the parser takes the line for that footnote. Drop the last footnote in that case (the
/// renderers print any footnote still pending before the meeting line when its mark is the day).
fn avoid_date_clash(paragraphs: &mut [Paragraph], placed: usize, adopted: NaiveDate) -> usize {
    if placed == 0 || adopted.day() as usize != placed + 1 {
        return placed;
    }
    let mark = placed as u32;
    if let Some(p) = paragraphs
        .iter_mut()
        .find(|p| p.call.is_some_and(|c| c.mark == mark))
    {
        p.call = None;
    }
    placed - 1
}

fn footnote_text(rng: &mut Rng, body: Organ, year: i32) -> String {
    let ga_session = (year - 1945).clamp(1, 80) as u32;
    let hrc_session = ((year - 2006) * 3 + 1).clamp(1, 60) as u32;
    let report = match body {
        Organ::Hrc => format!("A/HRC/{}/{}", hrc_session, rng.range(10, 80)),
        Organ::Ga => format!("A/{}/{}", ga_session, rng.range(100, 600)),
    };
    match rng.below(6) {
        0 | 1 => format!("{report}."),
        2 => format!("{report} et Add.1."),
        3 => format!(
            "Résolution {}/{}.",
            ga_session.max(2) - 1,
            rng.range(1, 300)
        ),
        4 => format!(
            "Résolution {}/{}, annexe.",
            ga_session.max(2) - 1,
            rng.range(1, 300)
        ),
        _ => format!(
            "Voir Documents officiels de l’Assemblée générale, {} session, Supplément no 53 (A/{ga_session}/53), chap. {}, sect. A.",
            ordinal_fr(ga_session),
            rng.pick(&ROMAN)
        ),
    }
}

/// The 47 members of the Council during `session`: the same for every resolution of it.
fn session_members(vocabulary: &Vocabulary, seed: u64, session: u32) -> Vec<usize> {
    let mut rng = Rng::new(seed, 0x5E55_1000 + u64::from(session));
    let mut indices: Vec<usize> = (0..vocabulary.members.len()).collect();
    rng.shuffle(&mut indices);
    indices.truncate(HRC_MEMBERS);
    indices
}

/// A recorded vote of the members present; about 1 in 60 states a wrong count on purpose.
fn recorded_vote(rng: &mut Rng, members: &[usize]) -> Recorded {
    let mut members = members.to_vec();
    rng.shuffle(&mut members);
    let absent = if rng.chance(0.15) {
        rng.range(1, 2) as usize
    } else {
        0
    };
    let present = members.len() - absent;
    let yes = (rng.range(18, 40) as usize).min(present);
    let no = rng.range(0, (present - yes).min(20) as u32) as usize;
    let split = [0, yes, yes + no, present];
    let lists = [0, 1, 2].map(|k| {
        let mut list = members[split[k]..split[k + 1]].to_vec();
        list.sort_unstable();
        list
    });
    let mut stated = lists.each_ref().map(|l| l.len() as u32);
    if rng.chance(1.0 / 60.0) {
        let k = rng.below(3);
        stated[k] = if stated[k] > 0 && rng.chance(0.5) {
            stated[k] - 1
        } else {
            stated[k] + 1
        };
    }
    Recorded {
        lists,
        stated,
        final_et: rng.chance(0.4),
        zero_word: rng.chance(0.7),
    }
}

// ---------------------------------------------------------------------------------------------
// What the parser should read

/// What a document should parse to.
struct Expected {
    symbol: String,
    session: u32,
    agenda_item: Option<String>,
    adopted_on: NaiveDate,
    title: String,
    paragraphs: Vec<(ParagraphKind, String)>,
    footnotes: Vec<String>,
    tally: String,
    mismatch: bool,
}

fn expected(doc: &Doc, agenda_printed: bool, markdown: bool) -> Expected {
    let text = |s: &str| match markdown {
        true => s.replace('’', "'"),
        false => s.to_string(),
    };
    let tally = match &doc.outcome {
        Outcome::NoBlock => "—".to_string(),
        Outcome::WithoutVote => "sans vote".to_string(),
        Outcome::Recorded(r) => format!("{}–{}–{}", r.stated[0], r.stated[1], r.stated[2]),
    };
    Expected {
        symbol: doc.symbol(),
        session: doc.session,
        agenda_item: agenda_printed.then(|| doc.agenda.parsed.clone()),
        adopted_on: doc.adopted,
        title: text(&doc.title),
        paragraphs: doc
            .paragraphs
            .iter()
            .map(|p| (p.kind, text(&p.text)))
            .collect(),
        footnotes: doc.footnotes.iter().map(|f| text(f)).collect(),
        tally,
        mismatch: doc.mismatch,
    }
}

// ---------------------------------------------------------------------------------------------
// Line breaking

/// Where a hard-wrapped line may break. Breaking only at spaces, never before `;`, `:`, `»`
/// (French typography binds them to the word before) nor after `«`, nor before a 1–3 digit
/// number (a line `2 avril 2020` is read as footnote 2, `3. …` as operative paragraph 3).
#[derive(Clone, Copy)]
enum Breaks {
    /// Paragraphs and headers: also never a capital right after a line that ends in punctuation
    /// (the parser would start a new preambular paragraph on `Assemblée`, `Comité`), nor a line
    /// starting `adoptée` (read as a vote block).
    Prose,
    /// Footnotes: never after a word ending in `.` (the parser stops joining a footnote there).
    Footnote,
    /// Vote lists: anywhere else.
    List,
}

impl Breaks {
    fn allows(self, line: &str, next: &str) -> bool {
        let digits = next.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=3).contains(&digits)
            || next.starts_with([';', ':', '»', '?', '!'])
            || line.ends_with('«')
        {
            return false;
        }
        match self {
            Breaks::Prose => {
                let capital = next.chars().next().is_some_and(char::is_uppercase);
                let adopted = next.to_lowercase().starts_with("adopt");
                !(adopted || capital && ends_in_punctuation(line))
            }
            Breaks::Footnote => !line.ends_with('.'),
            Breaks::List => true,
        }
    }
}

/// Whether a line ends as the parser thinks a paragraph ends (a call's digits aside).
fn ends_in_punctuation(line: &str) -> bool {
    line.trim_end()
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end()
        .ends_with([',', ';', ':', '.'])
}

/// Break `text` into lines of about `width` characters; returns their byte ranges.
fn wrap(text: &str, width: usize, rule: Breaks) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut used = 0;
    let mut at = 0;
    for word in text.split(' ') {
        let word_start = at;
        at += word.len() + 1;
        let chars = word.chars().count();
        if word_start == start {
            used = chars;
            continue;
        }
        if used + 1 + chars > width && rule.allows(&text[start..word_start - 1], word) {
            lines.push(start..word_start - 1);
            start = word_start;
            used = chars;
        } else {
            used += 1 + chars;
        }
    }
    lines.push(start..text.len());
    lines
}

fn wrapped(text: &str, width: usize, rule: Breaks) -> Vec<&str> {
    wrap(text, width, rule)
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Rendering a document

struct Rendered {
    /// Relative to the output folder.
    path: PathBuf,
    text: String,
    expected: Expected,
    /// The distinct folded words of its paragraphs, as the parser should read them.
    words: Vec<String>,
}

fn render_document(plan: &Plan, vocabulary: &Vocabulary, seed: u64) -> Rendered {
    let mut rng = Rng(plan.seed);
    let doc = build_document(plan, vocabulary, seed, &mut rng);
    let (text, agenda_printed) = match plan.markdown {
        true => (render_markdown(&doc, vocabulary, &mut rng), true),
        false => render_pdf(&doc, vocabulary, &mut rng),
    };
    let folder = match plan.body {
        Organ::Hrc => "hrc",
        Organ::Ga => "ga",
    };
    let path = Path::new(folder)
        .join(format!("{:04}", plan.ordinal / FOLDER_SIZE))
        .join(doc.file_name(plan.markdown));
    let expected = expected(&doc, agenda_printed, plan.markdown);
    Rendered {
        path,
        text,
        words: words::Distinct::of(expected.paragraphs.iter().map(|(_, t)| t.as_str())),
        expected,
    }
}

/// The paragraph text with its footnote call inserted as `call(mark)`, and where it went.
fn with_call(paragraph: &Paragraph, call: impl Fn(u32) -> String) -> (String, Option<usize>) {
    match paragraph.call {
        None => (paragraph.text.clone(), None),
        Some(c) => {
            let mut text = paragraph.text.clone();
            text.insert_str(c.at, &call(c.mark));
            (text, Some(c.at))
        }
    }
}

/// The vote block's opening sentence.
fn vote_head(recorded: &Recorded) -> String {
    let [yes, no, abstaining] = recorded.stated;
    let against = match (no, recorded.zero_word) {
        (0, true) => "zéro".to_string(),
        (n, _) => n.to_string(),
    };
    let abstentions = match abstaining {
        0 => "sans abstention".to_string(),
        1 => "avec 1 abstention".to_string(),
        n => format!("avec {n} abstentions"),
    };
    format!(
        "[Adoptée par {yes} voix contre {against}, {abstentions}, à l’issue d’un vote enregistré. Les voix se sont réparties comme suit :"
    )
}

/// The three lists under their headings (an empty list is left out), the last closed by `.]`.
fn vote_lists(recorded: &Recorded, members: &[String]) -> Vec<(&'static str, String)> {
    const HEADINGS: [&str; 3] = ["Ont voté pour :", "Ont voté contre :", "Se sont abstenus :"];
    let present: Vec<usize> = (0..3).filter(|&k| !recorded.lists[k].is_empty()).collect();
    present
        .iter()
        .map(|&k| {
            let names: Vec<&str> = recorded.lists[k]
                .iter()
                .map(|&i| members[i].as_str())
                .collect();
            let mut list = match (recorded.final_et, names.split_last()) {
                (true, Some((last, rest))) if !rest.is_empty() => {
                    format!("{} et {last}", rest.join(", "))
                }
                _ => names.join(", "),
            };
            if Some(&k) == present.last() {
                list.push_str(".]");
            } else if !recorded.final_et {
                list.push('.');
            }
            (HEADINGS[k], list)
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// PDF-to-text layout

#[derive(Clone, Copy, PartialEq)]
enum Spacing {
    /// A blank line after every printed line (44/18, 46/13).
    Double,
    /// A blank line between paragraphs only (44/11, the English GA samples).
    Single,
}

#[derive(Clone, Copy, PartialEq)]
enum HeaderKind {
    /// Body, session, dates, agenda item, adoption, title (44/11).
    Full,
    /// From the agenda item on (46/13).
    FromAgenda,
    /// The title only (44/18).
    TitleOnly,
}

struct PdfLayout {
    spacing: Spacing,
    width: usize,
    page_len: usize,
    /// Page breaks print the symbol and job number (else the next page only starts with a space).
    furniture: bool,
    /// The first page starts with `Nations Unies`, the symbol, `Distr. générale`, a barcode.
    cover: bool,
    header: HeaderKind,
}

fn pdf_layout(rng: &mut Rng, body: Organ) -> PdfLayout {
    let hrc = body == Organ::Hrc;
    let header = match (hrc, rng.below(10)) {
        (true, 0) => HeaderKind::TitleOnly,
        (true, 1) => HeaderKind::FromAgenda,
        _ => HeaderKind::Full,
    };
    PdfLayout {
        spacing: if rng.chance(if hrc { 0.5 } else { 0.2 }) {
            Spacing::Double
        } else {
            Spacing::Single
        },
        width: rng.range(84, 92) as usize,
        page_len: rng.range(42, 50) as usize,
        furniture: !hrc || rng.chance(0.6),
        cover: header == HeaderKind::Full && (!hrc || rng.chance(0.5)),
        header,
    }
}

/// One printed line of the running text, or where pending footnotes are printed.
enum PdfItem {
    Line {
        text: String,
        call: Option<u32>,
        /// First line of a paragraph (indented in single-spaced HRC text).
        first: bool,
        /// Last line of a paragraph (a blank line follows in single-spaced text).
        last: bool,
        /// In the meeting line and vote block (no running title there).
        tail: bool,
    },
    Notes,
    /// Print the pending footnotes here if the first one's mark is `day`: the date line under
    /// the meeting starts with the day, and the parser would take it for that footnote.
    NotesIfClash {
        day: u32,
    },
}

/// Returns the text and whether the agenda item is printed.
fn render_pdf(doc: &Doc, vocabulary: &Vocabulary, rng: &mut Rng) -> (String, bool) {
    let layout = pdf_layout(rng, doc.body);
    let mut header = String::new();
    let title_lines = title_lines(doc, rng.range(62, 72) as usize);
    match doc.body {
        Organ::Hrc => pdf_header_hrc(doc, &layout, &title_lines, &mut header),
        Organ::Ga => pdf_header_ga(doc, &title_lines, &mut header),
    }
    let items = pdf_items(doc, &layout, &vocabulary.members);
    let header_lines = header.lines().filter(|l| !l.trim().is_empty()).count();
    let text_lines = items
        .iter()
        .filter(|i| matches!(i, PdfItem::Line { .. }))
        .count();
    let running_title = title_lines[0]
        .split_once(". ")
        .map_or("", |(_, rest)| rest)
        .to_string();
    let mut pages = Paginator {
        doc,
        layout: &layout,
        out: header,
        fill: header_lines,
        page: 1,
        pages: (header_lines + text_lines).div_ceil(layout.page_len),
        pending: Vec::new(),
        prefix: "",
        running_title,
    };
    for item in &items {
        pages.item(item);
    }
    (pages.out, layout.header != HeaderKind::TitleOnly)
}

/// `44/18. Renforcement de la coopération …` wrapped as on a title page.
fn title_lines(doc: &Doc, width: usize) -> Vec<String> {
    let title = format!("{}. {}", doc.number_text(), doc.title);
    wrapped(&title, width, Breaks::Prose)
        .into_iter()
        .map(str::to_string)
        .collect()
}

fn pdf_header_hrc(doc: &Doc, layout: &PdfLayout, title: &[String], out: &mut String) {
    if layout.cover {
        let _ = write!(
            out,
            "Nations Unies \n{} \n \nAssemblée générale \nDistr. générale \n{} \n \nFrançais \nOriginal : anglais \n \n{} (F) \n{} \n \n",
            doc.symbol(),
            french_date(doc.distributed),
            doc.job_number(),
            doc.barcode()
        );
    }
    if layout.header == HeaderKind::Full {
        let _ = write!(
            out,
            " Conseil des droits de l’homme \n{} \n\n",
            doc.session_line()
        );
        if let Some((opens, closes)) = doc.window {
            let _ = write!(out, "{} \n\n", french_span(opens, closes));
        }
    }
    if layout.header != HeaderKind::TitleOnly {
        let _ = write!(out, " Point {} de l’ordre du jour \n\n", doc.agenda.printed);
        for line in wrapped(doc.agenda.title, 60, Breaks::Prose) {
            let _ = write!(out, "{line}  \n\n");
        }
        let _ = write!(
            out,
            "  Résolution adoptée par le Conseil des droits de l’homme  \nle {} \n\n",
            french_date(doc.adopted)
        );
    }
    for (i, line) in title.iter().enumerate() {
        let indent = if i == 0 { "  " } else { "" };
        let _ = write!(out, "{indent}{line}  \n\n");
    }
    out.push_str(" Le Conseil des droits de l’homme, \n\n");
}

fn pdf_header_ga(doc: &Doc, title: &[String], out: &mut String) {
    let _ = write!(
        out,
        "Nations Unies \n{} \n \nAssemblée générale \nDistr. générale \n{} \n{} (F) \n{} \n \n \n{} \nPoint {} de l’ordre du jour \n",
        doc.symbol(),
        french_date(doc.distributed),
        doc.job_number(),
        doc.barcode(),
        doc.session_line(),
        doc.agenda.printed
    );
    for line in wrapped(doc.agenda.title, 60, Breaks::Prose) {
        let _ = writeln!(out, "{line} ");
    }
    let _ = write!(
        out,
        " \n \n Résolution adoptée par l’Assemblée générale \nle {} \n \n",
        french_date(doc.adopted)
    );
    if let Some(referral) = &doc.referral {
        let _ = write!(out, "{referral} \n \n \n");
    }
    for line in title {
        let _ = writeln!(out, "{line} ");
    }
    out.push_str(" \n \nL’Assemblée générale, \n \n");
}

/// The running text as printed lines: paragraphs, meeting, date, footnotes, vote block.
fn pdf_items(doc: &Doc, layout: &PdfLayout, members: &[String]) -> Vec<PdfItem> {
    let mut items = Vec::new();
    let mut number = 0;
    for paragraph in &doc.paragraphs {
        let prefix = match paragraph.kind {
            ParagraphKind::Operative => {
                number += 1;
                format!("{number}. ")
            }
            ParagraphKind::Preambular | ParagraphKind::Annex => String::new(),
        };
        let (text, at) = with_call(paragraph, |mark| mark.to_string());
        let text = format!("{prefix}{text}");
        let call = paragraph
            .call
            .zip(at)
            .map(|(c, at)| (c.mark, prefix.len() + at));
        push_lines(&mut items, &text, layout.width, Breaks::Prose, call, false);
    }
    let meeting = match doc.body {
        Organ::Hrc => format!("{}e séance", doc.meeting),
        Organ::Ga => format!("{}e séance plénière", doc.meeting),
    };
    items.push(PdfItem::NotesIfClash {
        day: doc.adopted.day(),
    });
    push_lines(&mut items, &meeting, 90, Breaks::List, None, true);
    push_lines(
        &mut items,
        &french_date(doc.adopted),
        90,
        Breaks::List,
        None,
        true,
    );
    items.push(PdfItem::Notes);
    let width = layout.width - 10;
    match &doc.outcome {
        Outcome::NoBlock => {}
        Outcome::WithoutVote => push_lines(
            &mut items,
            "[Adoptée sans vote.]",
            90,
            Breaks::List,
            None,
            true,
        ),
        Outcome::Recorded(recorded) => {
            push_lines(
                &mut items,
                &vote_head(recorded),
                width,
                Breaks::List,
                None,
                true,
            );
            for (heading, list) in vote_lists(recorded, members) {
                push_lines(&mut items, heading, width, Breaks::List, None, true);
                push_lines(&mut items, &list, width, Breaks::List, None, true);
            }
        }
    }
    items
}

fn push_lines(
    items: &mut Vec<PdfItem>,
    text: &str,
    width: usize,
    rule: Breaks,
    call: Option<(u32, usize)>,
    tail: bool,
) {
    let ranges = wrap(text, width, rule);
    let count = ranges.len();
    for (i, range) in ranges.into_iter().enumerate() {
        let call = call
            .filter(|&(_, at)| range.contains(&at))
            .map(|(mark, _)| mark);
        items.push(PdfItem::Line {
            text: text[range].to_string(),
            call,
            first: i == 0,
            last: i + 1 == count,
            tail,
        });
    }
}

/// Lays printed lines out on pages: footnotes at the foot of the page that calls them, then
/// the page furniture.
struct Paginator<'a> {
    doc: &'a Doc,
    layout: &'a PdfLayout,
    out: String,
    /// Lines on the current page so far.
    fill: usize,
    page: usize,
    pages: usize,
    /// Footnotes called on this page, not yet printed.
    pending: Vec<u32>,
    /// Printed before the next line: a space when a page starts without furniture.
    prefix: &'static str,
    running_title: String,
}

impl Paginator<'_> {
    fn item(&mut self, item: &PdfItem) {
        match item {
            PdfItem::Notes => self.notes(),
            PdfItem::NotesIfClash { day } => {
                if self.pending.first() == Some(day) {
                    self.notes();
                }
            }
            PdfItem::Line {
                text,
                call,
                first,
                last,
                tail,
            } => {
                if self.fill >= self.layout.page_len {
                    self.page_break(*tail);
                }
                self.line(text, *first && !*tail, *last);
                self.pending.extend(*call);
                self.fill += 1;
            }
        }
    }

    fn line(&mut self, text: &str, first: bool, last: bool) {
        let indent = match (self.layout.spacing, self.doc.body, first) {
            (Spacing::Single, Organ::Hrc, true) => " ",
            _ => "",
        };
        let blank = match self.layout.spacing {
            Spacing::Double => "\n",
            Spacing::Single if last && self.doc.body == Organ::Ga => " \n",
            Spacing::Single if last => "\n",
            Spacing::Single => "",
        };
        let prefix = std::mem::take(&mut self.prefix);
        let _ = write!(self.out, "{prefix}{indent}{text} \n{blank}");
    }

    fn page_break(&mut self, tail: bool) {
        self.notes();
        self.page += 1;
        self.fill = 0;
        if !self.layout.furniture {
            if self.layout.spacing == Spacing::Double && self.out.ends_with("\n\n") {
                self.out.pop();
            }
            self.prefix = " ";
            return;
        }
        let symbol = self.doc.symbol();
        let job = self.doc.job_number();
        let _ = match self.doc.body {
            Organ::Hrc => write!(self.out, "\n\n{symbol} \n\n{job} {} \n\n", self.page - 1),
            Organ::Ga if tail => write!(
                self.out,
                "{symbol} \n \n{job}\n{}/{} \n \n",
                self.page, self.pages
            ),
            Organ::Ga => write!(
                self.out,
                "{symbol} \n{}\n \n{job}\n{}/{} \n \n \n",
                self.running_title, self.page, self.pages
            ),
        };
    }

    /// The footnotes called so far on this page, under a rule (GA) or a blank line (HRC).
    fn notes(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let hrc = self.doc.body == Organ::Hrc;
        self.out.push_str(if hrc {
            "  \n\n"
        } else {
            "_______________ \n \n"
        });
        for mark in std::mem::take(&mut self.pending) {
            let text = &self.doc.footnotes[mark as usize - 1];
            let note = format!("{mark} {text}");
            let indent = if hrc { " " } else { "" };
            let lines = wrapped(&note, 92, Breaks::Footnote);
            let _ = writeln!(self.out, "{indent}{} ", lines.join(" \n"));
            self.out.push_str(if hrc { "\n" } else { " \n" });
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Markdown layout

fn render_markdown(doc: &Doc, vocabulary: &Vocabulary, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(400 * doc.paragraphs.len() + 4000);
    match doc.body {
        Organ::Hrc => md_header_hrc(doc, rng, &mut out),
        Organ::Ga => md_header_ga(doc, &mut out),
    }
    let italic_preamble = rng.chance(if doc.body == Organ::Ga { 0.8 } else { 0.3 });
    let page = rng.range(9, 14) as usize;
    let mut pending = Vec::new();
    let mut number = 0;
    for (i, paragraph) in doc.paragraphs.iter().enumerate() {
        let (text, _) = with_call(paragraph, |mark| format!("<sup>{mark}</sup>"));
        let (lead, rest) = text.split_at(paragraph.lead_len);
        let mut line = match (paragraph.kind, italic_preamble) {
            (ParagraphKind::Preambular, false) => text.clone(),
            _ => format!("*{lead}*{rest}"),
        };
        if paragraph.kind == ParagraphKind::Operative {
            number += 1;
            line = format!("{number}. {line}");
        }
        let page_end = (i + 1) % page == 0;
        if page_end && rng.chance(0.3) {
            line = split_for_page(rng, &line, paragraph.lead_len + 4);
        }
        out.push_str(&line);
        out.push_str("\n\n");
        pending.extend(paragraph.call.map(|c| c.mark));
        if page_end || i + 1 == doc.paragraphs.len() {
            md_notes(doc, rng, &mut pending, &mut out);
            if page_end {
                out.push_str("\n\n");
            }
        }
    }
    md_tail(doc, &vocabulary.members, rng, &mut out);
    out.replace('’', "'")
}

/// A page break in the middle of a paragraph (71/194): blank lines before a lower-case word.
fn split_for_page(rng: &mut Rng, line: &str, after: usize) -> String {
    let spaces: Vec<usize> = line
        .char_indices()
        .filter(|&(i, c)| {
            c == ' '
                && i > after
                && i > line.len() / 3
                && line[i + 1..].chars().next().is_some_and(char::is_lowercase)
        })
        .map(|(i, _)| i)
        .collect();
    if spaces.is_empty() {
        return line.to_string();
    }
    let at = *rng.pick(&spaces);
    format!("{}\n\n\n\n{}", &line[..at], &line[at + 1..])
}

fn md_header_hrc(doc: &Doc, rng: &mut Rng, out: &mut String) {
    let window = doc
        .window
        .map(|(opens, closes)| french_span(opens, closes))
        .unwrap_or_default();
    let title = format!("{}. {}", doc.number_text(), doc.title);
    let title = wrapped(&title, rng.range(56, 66) as usize, Breaks::Prose).join("\n");
    let _ = write!(
        out,
        "\n\n**Conseil des droits de l’homme**\n\n{}\n{window}\nPoint {} de l’ordre du jour\n\n**Résolution adoptée par le Conseil des droits de l’homme\nle {}****{title}**\n\nLe Conseil des droits de l’homme,\n\n",
        doc.session_line(),
        doc.agenda.printed,
        french_date(doc.adopted)
    );
}

fn md_header_ga(doc: &Doc, out: &mut String) {
    let _ = write!(
        out,
        "\n\n\n\n# Assemblée générale\n\nDistr. générale  \n{}\n\n{}  \nPoint {} de l’ordre du jour\n\n## Résolution adoptée par l’Assemblée générale le {}\n\n{}\n\n### {}. {}\n\n*L’Assemblée générale,*\n\n",
        french_date(doc.distributed),
        doc.session_line(),
        doc.agenda.printed,
        french_date(doc.adopted),
        doc.referral.as_deref().unwrap_or_default(),
        doc.number_text(),
        doc.title
    );
}

/// Footnote definitions `<sup>1</sup> …`, sometimes under a `---` rule.
fn md_notes(doc: &Doc, rng: &mut Rng, pending: &mut Vec<u32>, out: &mut String) {
    if pending.is_empty() {
        return;
    }
    if rng.chance(0.3) {
        out.push_str("---\n\n");
    }
    for mark in pending.drain(..) {
        let text = &doc.footnotes[mark as usize - 1];
        let text = match (text.find("Documents officiels"), text.find("),")) {
            (Some(start), Some(end)) if end > start => format!(
                "{}*{}*{}",
                &text[..start],
                &text[start..=end],
                &text[end + 1..]
            ),
            _ => text.clone(),
        };
        let _ = write!(out, "<sup>{mark}</sup> {text}\n\n");
    }
}

fn md_tail(doc: &Doc, members: &[String], rng: &mut Rng, out: &mut String) {
    let adopted = french_date(doc.adopted);
    match doc.body {
        Organ::Hrc => {
            let caret = if rng.chance(0.5) { "^" } else { "" };
            let _ = write!(out, "{}^e{caret} séance\n{adopted}\n\n", doc.meeting);
        }
        Organ::Ga => {
            let _ = writeln!(
                out,
                "*{}<sup>e</sup> séance plénière  \n{adopted}*",
                doc.meeting
            );
        }
    }
    match &doc.outcome {
        Outcome::NoBlock => {}
        Outcome::WithoutVote => out.push_str("[Adoptée sans vote.]\n"),
        Outcome::Recorded(recorded) => {
            out.push_str(&vote_head(recorded));
            for (heading, list) in vote_lists(recorded, members) {
                let _ = write!(out, "\n\n{heading}\n\n{list}");
            }
            out.push('\n');
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Writing

fn write_batch(out: &Path, rendered: &[Rendered]) -> Result<()> {
    let folders: BTreeSet<&Path> = rendered.iter().filter_map(|r| r.path.parent()).collect();
    for folder in folders {
        let folder = out.join(folder);
        fs::create_dir_all(&folder).with_context(|| format!("creating {}", folder.display()))?;
    }
    rendered.par_iter().try_for_each(|r| {
        let path = out.join(&r.path);
        fs::write(&path, &r.text).with_context(|| format!("writing {}", path.display()))
    })
}

#[derive(Default)]
struct Totals {
    documents: usize,
    hrc: usize,
    markdown: usize,
    preambular: usize,
    operative: usize,
    footnotes: usize,
    recorded: usize,
    without_vote: usize,
    mismatches: usize,
    bytes: u64,
    distinct: words::Distinct,
}

impl Totals {
    fn add(&mut self, document: &Rendered) {
        let expected = &document.expected;
        self.documents += 1;
        self.hrc += usize::from(expected.symbol.starts_with("A/HRC/"));
        self.markdown += usize::from(document.path.extension().is_some_and(|e| e == "md"));
        let preambular = expected
            .paragraphs
            .iter()
            .filter(|(k, _)| *k == ParagraphKind::Preambular)
            .count();
        self.preambular += preambular;
        self.operative += expected.paragraphs.len() - preambular;
        self.footnotes += expected.footnotes.len();
        self.recorded += usize::from(expected.tally.contains('–'));
        self.without_vote += usize::from(expected.tally == "sans vote");
        self.mismatches += usize::from(expected.mismatch);
        self.bytes += document.text.len() as u64;
    }

    fn report(&self, elapsed: Duration) {
        eprintln!(
            "gen_corpus: {} documents ({} HRC, {} GA; {} .txt, {} .md)",
            self.documents,
            self.hrc,
            self.documents - self.hrc,
            self.documents - self.markdown,
            self.markdown
        );
        eprintln!(
            "gen_corpus: {} paragraphs ({} preambular, {} operative), {} footnotes",
            self.preambular + self.operative,
            self.preambular,
            self.operative,
            self.footnotes
        );
        eprintln!(
            "gen_corpus: {} recorded votes ({} with deliberately wrong counts), {} without a vote",
            self.recorded, self.mismatches, self.without_vote
        );
        let (distinct, letters) = self.distinct.counts();
        eprintln!(
            "gen_corpus: {distinct} distinct words in the paragraphs, folded and cut as the index cuts them ({letters} without a digit)"
        );
        eprintln!(
            "gen_corpus: {} bytes ({:.1} MB) written in {:.2} s",
            self.bytes,
            self.bytes as f64 / 1e6,
            elapsed.as_secs_f64()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Self-check

/// Parse the kept documents back and compare; also check the French ordinals round-trip.
fn self_check(kept: &[(PathBuf, Expected)]) -> Result<ExitCode> {
    let mut problems = Vec::new();
    for n in 1..=99 {
        let words = capitalize(&ordinal_fr(n));
        if resolu::corpus::lexicon::Lexicons::builtin()
            .iter()
            .find_map(|l| l.number(&words))
            != Some(n)
        {
            problems.push(format!(
                "ordinal {n}: “{words}” reads back as {:?}",
                resolu::corpus::lexicon::Lexicons::builtin()
                    .iter()
                    .find_map(|l| l.number(&words))
            ));
        }
    }
    for (path, expected) in kept {
        let bytes = fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        let name = path.display().to_string();
        match parse_bytes(&name, &bytes) {
            Ok(resolution) => problems.extend(
                compare(expected, &resolution)
                    .into_iter()
                    .map(|p| format!("{name}: {p}")),
            ),
            Err(error) => problems.push(format!("{name}: not parsed: {error}")),
        }
    }
    for problem in &problems {
        eprintln!("gen_corpus: self-check: {problem}");
    }
    eprintln!(
        "gen_corpus: self-check: {} documents parsed back, {} differences",
        kept.len(),
        problems.len()
    );
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Every way `got` differs from `expected`.
fn compare(expected: &Expected, got: &Resolution) -> Vec<String> {
    let mut problems = Vec::new();
    let mut same = |what: &str, want: String, have: String| {
        if want != have {
            problems.push(format!("{what}: expected “{want}”, parsed “{have}”"));
        }
    };
    same(
        "symbol",
        expected.symbol.clone(),
        got.symbol.clone().unwrap_or_default(),
    );
    same(
        "session",
        expected.session.to_string(),
        format!("{}", got.session.unwrap_or(0)),
    );
    same(
        "agenda item",
        format!("{:?}", expected.agenda_item),
        format!("{:?}", got.agenda_item),
    );
    same(
        "adoption date",
        expected.adopted_on.to_string(),
        got.adopted_on.map(|d| d.to_string()).unwrap_or_default(),
    );
    same(
        "title",
        expected.title.clone(),
        got.title.clone().unwrap_or_default(),
    );
    let count = |kind| {
        expected
            .paragraphs
            .iter()
            .filter(|(k, _)| *k == kind)
            .count()
    };
    same(
        "preambular paragraphs",
        count(ParagraphKind::Preambular).to_string(),
        got.preambular_paragraphs().count().to_string(),
    );
    same(
        "operative paragraphs",
        count(ParagraphKind::Operative).to_string(),
        got.operative_paragraphs().count().to_string(),
    );
    let pairs = expected.paragraphs.iter().zip(&got.paragraphs);
    if let Some((i, ((_, want), have))) = pairs
        .enumerate()
        .find(|(_, ((k, t), p))| *k != p.kind || *t != p.text)
    {
        same(
            &format!("paragraph {}", i + 1),
            want.clone(),
            have.text.clone(),
        );
    }
    let footnotes: Vec<String> = got.footnotes.iter().map(|f| f.text.clone()).collect();
    same(
        "footnotes",
        expected.footnotes.join(" | "),
        footnotes.join(" | "),
    );
    let tally = got.vote.as_ref().map_or("—".to_string(), |v| v.tally());
    same("vote", expected.tally.clone(), tally);
    let warnings: Vec<String> = got
        .warnings
        .iter()
        .map(ToString::to_string)
        .filter(|w| !(expected.mismatch && w.contains("disagree with the lists")))
        .collect();
    if !warnings.is_empty() || (expected.mismatch && warnings.len() == got.warnings.len()) {
        problems.push(format!(
            "warnings: {:?}{}",
            got.warnings,
            if expected.mismatch {
                " (one count mismatch expected)"
            } else {
                ""
            }
        ));
    }
    problems
}
