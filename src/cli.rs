//! The command line (CONTRACT.md): `list`, `show`, `export`, `check`, `search`, `votes`,
//! `config`; no subcommand opens the terminal UI.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Explore a local corpus of United Nations resolutions (Human Rights Council and General
/// Assembly, French and English).
#[derive(Debug, Parser)]
#[command(name = "resolu", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub corpus: CorpusArgs,
}

/// Where the documents come from; shared by every subcommand.
#[derive(Debug, Clone, Default, Args)]
pub struct CorpusArgs {
    /// Files or folders (walked for *.txt and *.md). Default: RESOLU_CORPUS, then the config
    /// file's corpus paths, then the sample corpus built into the binary.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// A corpus file or folder (repeatable), same as a PATH argument.
    #[arg(long = "corpus", value_name = "PATH")]
    pub corpus: Vec<PathBuf>,
}

impl CorpusArgs {
    /// Every path given on the command line, positional first.
    pub fn given(&self) -> Vec<PathBuf> {
        self.paths.iter().chain(&self.corpus).cloned().collect()
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
    },
}
