//! The command line (CONTRACT.md): `list`, `show`, `export`, `check`, `search`, `votes`,
//! `agree`, `config`; no subcommand opens the terminal UI.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::fmt::Write;
use std::path::PathBuf;

/// Explore a local corpus of United Nations resolutions (Human Rights Council and General
/// Assembly, French and English).
#[derive(Debug, Parser)]
#[command(
    name = "resolu",
    version,
    about,
    long_about = None,
    after_help = "With no subcommand, resolu opens its terminal UI on the corpus.",
    after_long_help = query_language()
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub corpus: CorpusArgs,
}

/// Where the documents come from; shared by every subcommand.
#[derive(Debug, Clone, Default, Args)]
pub struct CorpusArgs {
    /// Files or folders (walked for *.txt, *.md and *.pdf). Default: `RESOLU_CORPUS`, then the
    /// config file's corpus paths, then the sample corpus built into the binary.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// A corpus file or folder (repeatable), same as a PATH argument.
    #[arg(long = "corpus", value_name = "PATH")]
    pub corpus: Vec<PathBuf>,
    /// Parse every file again, neither reading nor writing the cache of parsed documents.
    #[arg(long)]
    pub no_cache: bool,
}

impl CorpusArgs {
    /// Every path given on the command line, positional first.
    pub fn given(&self) -> Vec<PathBuf> {
        self.paths.iter().chain(&self.corpus).cloned().collect()
    }
}

/// Which roll calls `votes` and `agree` work on.
#[derive(Debug, Clone, Default, Args)]
pub struct VoteFilterArgs {
    /// Only the resolutions whose text matches this query (query language below); a roll
    /// call only in the voting records passes a query of keys its record answers (s:, y:,
    /// b:, sym:, c:, v:, src:).
    #[arg(long, value_name = "QUERY")]
    pub query: Option<String>,
    /// Only this session (`75`, `ES-10`).
    #[arg(long)]
    pub session: Option<String>,
    /// Only roll calls of this year or later.
    #[arg(long, value_name = "YEAR")]
    pub from: Option<i32>,
    /// Only roll calls of this year or earlier.
    #[arg(long, value_name = "YEAR")]
    pub to: Option<i32>,
}

fn parse_cast(word: &str) -> Result<crate::votes::Cast, String> {
    crate::votes::Cast::parse(word).ok_or_else(|| {
        format!("“{word}”: try yes, no, abstain, non-voting, absent, not-member or not-listed")
    })
}

/// `resolu cache …`.
#[derive(Debug, Clone, Subcommand)]
pub enum CacheAction {
    /// Print the cache file of the corpus (it may not exist yet).
    Path {
        #[command(flatten)]
        corpus: CorpusArgs,
    },
    /// Remove the cache file of the corpus; the next start parses every file.
    Clear {
        #[command(flatten)]
        corpus: CorpusArgs,
    },
    /// What the cache holds: its size, when it was written, files, documents, paragraphs, text
    /// and index bytes; or why it cannot be used.
    Stats {
        #[command(flatten)]
        corpus: CorpusArgs,
    },
}

impl CacheAction {
    /// The corpus whose cache it is about.
    pub fn corpus(&self) -> &CorpusArgs {
        match self {
            CacheAction::Path { corpus }
            | CacheAction::Clear { corpus }
            | CacheAction::Stats { corpus } => corpus,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Jsonl,
    Csv,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// One line per resolution: symbol, adoption date, vote tally, title.
    List {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Print a JSON array of summaries instead.
        #[arg(long)]
        json: bool,
    },
    /// One resolution, by symbol (A/HRC/RES/44/18) or number (44/18).
    Show {
        /// Symbol or number.
        id: String,
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Print the resolution as JSON (CONTRACT.md schema).
        #[arg(long)]
        json: bool,
        /// The version in this language (ISO 639-1: fr, en …); an error when the corpus has no
        /// such version. Without it: the first version found, files in path order.
        #[arg(long, value_name = "CODE", value_parser = parse_language)]
        lang: Option<crate::corpus::Language>,
    },
    /// Every resolution as JSON, JSON lines, or CSV rows of country votes.
    Export {
        #[command(flatten)]
        corpus: CorpusArgs,
        #[arg(long, value_enum)]
        format: ExportFormat,
    },
    /// Report every problem found: unreadable files, unknown countries, counts that disagree
    /// with the lists, missing fields.
    Check {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Print the problems as JSON lines ({path, id, kind, message, field}).
        #[arg(long)]
        json: bool,
        /// Say, per field and per paragraph of FILE, which rule and which line produced it, and
        /// which lines were taken away as page furniture or footnotes.
        #[arg(long, value_name = "FILE", conflicts_with_all = ["stats", "json"])]
        explain: Option<std::path::PathBuf>,
        /// Count, over the corpus, how often each rule fired and each warning kind occurred.
        #[arg(long, conflicts_with = "json")]
        stats: bool,
    },
    /// Matching paragraphs, best first (fuzzy, accent-insensitive; see the query language in
    /// the README).
    Search {
        /// The query; omit it with --stdin.
        #[arg(required_unless_present = "stdin")]
        query: Option<String>,
        #[command(flatten)]
        corpus: CorpusArgs,
        /// At most this many hits.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// One JSON object per hit.
        #[arg(long)]
        json: bool,
        /// Load once, then answer one query per stdin line with one JSON line each (every
        /// positional argument is then a corpus path).
        #[arg(long)]
        stdin: bool,
        /// Exit with status 1 when no paragraph matches (with --stdin: when no query found
        /// any), as grep does. Without it the status is 0, since CONTRACT.md keeps 1 for a
        /// problem with the input.
        #[arg(short = 'e', long)]
        exit_status: bool,
    },
    /// A country's vote on every resolution roll call (texts and imported voting records).
    Votes {
        /// ISO code, French or English name (accents and case ignored).
        country: String,
        #[command(flatten)]
        corpus: CorpusArgs,
        #[arg(long)]
        json: bool,
        /// Only the roll calls where it voted no.
        #[arg(long, conflicts_with = "cast")]
        no: bool,
        /// Only the roll calls where it did this: yes, no, abstain, non-voting, absent,
        /// not-member, not-listed.
        #[arg(long, value_parser = parse_cast)]
        cast: Option<crate::votes::Cast>,
        /// Its shares per session instead of one line per roll call.
        #[arg(long)]
        by_session: bool,
        #[command(flatten)]
        filter: VoteFilterArgs,
    },
    /// Agreement between two countries (`agree A B`), or the countries that vote most
    /// (`--top N`) or least (`--bottom N`) like one: same vote 1, one abstaining ½, yes
    /// against no 0, over the roll calls where both took a position.
    Agree {
        /// ISO code, French or English name.
        country: String,
        /// A second country (a PATH here is read as a corpus path).
        other: Option<String>,
        #[command(flatten)]
        corpus: CorpusArgs,
        /// The N countries most alike (default 10).
        #[arg(long, value_name = "N", conflicts_with = "bottom")]
        top: Option<usize>,
        /// The N countries least alike, least alike first.
        #[arg(long, value_name = "N")]
        bottom: Option<usize>,
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        filter: VoteFilterArgs,
    },
    /// Import voting records into the cache dir (UN Digital Library GA/SC voting data sets,
    /// Voeten's `unvotes.csv` with its `roll_calls.csv`, or a folder of them); importing a file
    /// again replaces its earlier roll calls.
    ImportVotes {
        /// Files or folders to import.
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,
        /// List the imported files: roll calls, casts, when, warnings.
        #[arg(long, conflicts_with_all = ["remove", "clear"])]
        list: bool,
        /// Remove the roll calls imported from FILE (repeatable).
        #[arg(long, value_name = "FILE", conflicts_with = "clear")]
        remove: Vec<PathBuf>,
        /// Remove every imported roll call.
        #[arg(long)]
        clear: bool,
    },
    /// Print the files resolu reads and writes: config file, log folder, cache folder, state
    /// folder.
    Config,
    /// The cache of parsed documents of a corpus: where it is, what it holds, or remove it.
    Cache {
        #[command(subcommand)]
        action: CacheAction,
    },
    /// Print a shell completion script (`resolu completions bash > …`; see the README).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), query language included (`resolu man | man -l -`).
    Man,
}

/// A two-letter language code, as `--lang` takes it.
fn parse_language(code: &str) -> Result<crate::corpus::Language, String> {
    crate::corpus::Language::from_code(code.trim())
        .ok_or_else(|| format!("“{code}” is not a two-letter language code (fr, en …)"))
}

/// The text after `resolu --help` and in the manual page: what no subcommand does, and the
/// query language (`index::query::EXAMPLES`).
pub fn query_language() -> String {
    let mut text = String::from(
        "With no subcommand, resolu opens its terminal UI on the corpus.\n\n\
         Query language (search, and the UI's query bar); accents and case are ignored, and \
         every\nspace-separated word must match:\n",
    );
    for (typed, meaning) in crate::index::query::EXAMPLES {
        let _ = writeln!(text, "  {typed:<28}{meaning}");
    }
    text.push_str("A malformed query never fails: it is searched as text, with a hint.");
    text
}

/// Write the completion script for `shell` to `out`. (Built in memory first: the generator
/// panics on a failed write, such as a closed pipe.)
pub fn completions(
    shell: clap_complete::Shell,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    use clap::CommandFactory;
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "resolu", &mut script);
    out.write_all(&script)
}

/// Write the manual page (roff) to `out`.
pub fn manual(out: &mut dyn std::io::Write) -> std::io::Result<()> {
    use clap::CommandFactory;
    clap_mangen::Man::new(Cli::command()).render(out)
}

/// The subcommand a mistyped word was probably meant to be (`lsit` → `list`), if one is close.
pub fn closest_subcommand(word: &str) -> Option<String> {
    use clap::CommandFactory;
    if word.chars().count() < 3 || word.contains(['/', '\\', '.']) {
        return None;
    }
    let word = word.to_lowercase();
    Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .map(|name| (strsim::damerau_levenshtein(&word, &name), name))
        .filter(|(distance, name)| *distance <= 2 && *distance < name.chars().count())
        .min()
        .map(|(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mistyped_subcommand_is_recognised() {
        assert_eq!(closest_subcommand("lsit").as_deref(), Some("list"));
        assert_eq!(closest_subcommand("exprot").as_deref(), Some("export"));
        assert_eq!(closest_subcommand("serach").as_deref(), Some("search"));
        assert_eq!(closest_subcommand("corpus"), None);
        assert_eq!(closest_subcommand("un/ga"), None);
        assert_eq!(closest_subcommand("ab"), None);
    }

    #[test]
    fn completions_and_the_manual_name_every_subcommand() {
        let mut bash = Vec::new();
        completions(clap_complete::Shell::Bash, &mut bash).unwrap();
        let bash = String::from_utf8(bash).unwrap();
        let mut man = Vec::new();
        manual(&mut man).unwrap();
        let man = String::from_utf8(man).unwrap();
        for sub in [
            "list", "show", "export", "check", "search", "votes", "agree", "config",
        ] {
            assert!(bash.contains(sub), "bash completion lacks {sub}");
            assert!(man.contains(sub), "manual lacks {sub}");
        }
        // roff escapes the hyphen.
        assert!(bash.contains("import-votes") && man.contains("import\\-votes"));
        assert!(
            man.contains("Query language") && man.contains("c:fra=no"),
            "{man}"
        );
    }
}
