//! resolu: parse arguments, read the config, choose the corpus, run a subcommand or the
//! terminal UI.

use clap::Parser;
use resolu::cli::{Cli, Command, CorpusArgs};
use resolu::commands::{
    self, CorpusSource, EXIT_INPUT, EXIT_OK, EXIT_USAGE, IndexSource, SearchOptions,
};
use resolu::config::{self, Config};
use resolu::corpus::load::Corpus;
use resolu::plural;
use resolu::text::display::{Shown, inert};
use resolu::text::inert_write::InertWrite;
use resolu::votes::{self, VoteStore};
use resolu::worker::IndexMaker;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Where the documents come from: the subcommand's paths and the global ones, else
/// `RESOLU_CORPUS`, else the config file's, else the built-in samples.
fn source_for(args: &CorpusArgs, global: &CorpusArgs, config: &Config) -> CorpusSource {
    let mut given = args.given();
    for path in global.given() {
        if !given.contains(&path) {
            given.push(path);
        }
    }
    let env = std::env::var("RESOLU_CORPUS").ok();
    commands::choose_source(given, env.as_deref(), &config.corpus_paths)
}

/// Where parsed documents are cached: the platform cache folder, unless `--no-cache` says not to
/// use one.
fn cache_dir(args: &CorpusArgs, global: &CorpusArgs) -> Option<PathBuf> {
    if args.no_cache || global.no_cache {
        return None;
    }
    config::paths().cache_dir
}

/// The config, its warnings printed once for a subcommand (the terminal UI shows them in its
/// status line instead).
fn config_for_command(err: &mut dyn Write) -> io::Result<Config> {
    let (config, warnings) = config::load();
    for warning in &warnings {
        writeln!(err, "resolu: config: {}", Shown(warning))?;
    }
    Ok(config)
}

/// Read the corpus of a subcommand and run `command` on it. A file that gave nothing is a
/// problem with the input, whatever the command printed: the status is at least 1 then.
fn with_corpus(
    args: &CorpusArgs,
    global: &CorpusArgs,
    err: &mut dyn Write,
    command: impl FnOnce(&Corpus, &IndexSource, &mut dyn Write) -> io::Result<u8>,
) -> anyhow::Result<u8> {
    with_corpus_and_votes(args, global, err, |c, index, _, err| command(c, index, err))
}

/// [`with_corpus`], with the vote store of the corpus's texts and the imported voting records
/// (their warnings printed).
fn with_corpus_and_votes(
    args: &CorpusArgs,
    global: &CorpusArgs,
    err: &mut dyn Write,
    command: impl FnOnce(
        &Corpus,
        &IndexSource,
        &dyn Fn() -> VoteStore,
        &mut dyn Write,
    ) -> io::Result<u8>,
) -> anyhow::Result<u8> {
    let config = config_for_command(err)?;
    let cache = cache_dir(args, global);
    let (corpus, index) = commands::load(
        &source_for(args, global, &config),
        cache.as_deref(),
        config.max_file_bytes,
        err,
    )?;
    let votes = || {
        let imported = votes::all_votes(&corpus.resolutions, &config);
        for warning in &imported.warnings {
            eprintln!("resolu: votes: {}", Shown(warning));
        }
        imported.store
    };
    let status = command(&corpus, &index, &votes, err)?;
    let input_problem = if corpus.problems.is_empty() {
        EXIT_OK
    } else {
        EXIT_INPUT
    };
    Ok(status.max(input_problem))
}

/// No subcommand: check the paths before the terminal is touched, then open the UI, which reads
/// the corpus on its loader thread (the first frame does not wait).
fn open_ui(global: &CorpusArgs, err: &mut dyn Write) -> anyhow::Result<u8> {
    for path in global.given() {
        if path.exists() {
            continue;
        }
        let name = path.to_string_lossy();
        let shown = Shown(&name);
        // A path that looks like a mistyped subcommand says which (`resolu lsit`).
        if let Some(sub) = path.to_str().and_then(resolu::cli::closest_subcommand) {
            writeln!(
                err,
                "resolu: no such file or folder, nor subcommand: {shown}; did you mean `resolu {sub}`?"
            )?;
            return Ok(EXIT_USAGE);
        }
        writeln!(err, "resolu: {shown}: no such file or folder")?;
        return Ok(EXIT_INPUT);
    }
    let (config, _warnings) = config::load();
    let source = source_for(&CorpusArgs::default(), global, &config);
    let cache = cache_dir(&CorpusArgs::default(), global);
    let max_file_bytes = config.max_file_bytes;
    resolu::tui::run(
        move |progress| {
            let (corpus, index) =
                commands::read_watched(&source, cache.as_deref(), max_file_bytes, progress);
            let make_index: IndexMaker = Box::new(move |resolutions| index.index(resolutions));
            (corpus, make_index)
        },
        &config,
    )?;
    Ok(EXIT_OK)
}

/// Run what the command line asks for, each subcommand in one place.
fn run(cli: Cli) -> anyhow::Result<u8> {
    let Cli {
        command,
        corpus: global,
    } = cli;
    // Everything the subcommands write passes the one sanitiser on its way out (JSON stays
    // valid JSON): a file name, an argument or a config value never drives the terminal.
    let mut err = InertWrite::new(io::stderr());
    let Some(command) = command else {
        return open_ui(&global, &mut err);
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(InertWrite::new(stdout.lock()));
    let out: &mut dyn Write = &mut out;
    let status = match command {
        Command::Config => {
            write!(out, "{}", config::paths())?;
            EXIT_OK
        }
        Command::Completions { shell } => {
            resolu::cli::completions(shell, out)?;
            EXIT_OK
        }
        Command::Man => {
            resolu::cli::manual(out)?;
            EXIT_OK
        }
        Command::ImportVotes {
            files,
            list,
            remove,
            clear,
        } => {
            let request = commands::ImportVotes {
                files,
                list,
                remove,
                clear,
            };
            let dir = config::paths().cache_dir;
            commands::import_votes(dir.as_deref(), &request, out, &mut err)?
        }
        Command::Cache { action } => {
            let config = config_for_command(&mut err)?;
            let corpus = action.corpus();
            let source = source_for(corpus, &global, &config);
            let cache = cache_dir(corpus, &global);
            commands::cache(&action, &source, cache.as_deref(), out, &mut err)?
        }
        Command::List { corpus, json } => with_corpus(&corpus, &global, &mut err, |c, _, _| {
            commands::list(c, json, out)
        })?,
        Command::Show {
            id,
            corpus,
            json,
            lang,
        } => with_corpus(&corpus, &global, &mut err, |c, _, err| {
            commands::show(c, &id, lang, json, out, err)
        })?,
        Command::Export { corpus, format } => {
            with_corpus(&corpus, &global, &mut err, |c, _, _| {
                commands::export(c, format, out)
            })?
        }
        Command::Check {
            explain: Some(file),
            ..
        } => {
            let config = config_for_command(&mut err)?;
            commands::explain(&file, config.max_file_bytes, out, &mut err)?
        }
        Command::Check {
            corpus,
            stats: true,
            ..
        } => {
            let config = config_for_command(&mut err)?;
            let source = source_for(&corpus, &global, &config);
            commands::stats(&source, config.max_file_bytes, out)?
        }
        Command::Check { corpus, json, .. } => {
            with_corpus_and_votes(&corpus, &global, &mut err, |c, _, votes, err| {
                let status = commands::check(c, json, out, err)?;
                commands::vote_disagreements(&votes(), json, out)?;
                Ok(status)
            })?
        }
        Command::Search {
            query,
            mut corpus,
            limit,
            stdin: true,
            exit_status,
            ..
        } => {
            let options = SearchOptions {
                limit,
                exit_status,
                ..SearchOptions::default()
            };
            // With --stdin there is no query argument: a first positional is a corpus path.
            if let Some(first) = query {
                corpus.paths.insert(0, first.into());
            }
            let started = std::time::Instant::now();
            with_corpus_and_votes(&corpus, &global, &mut err, |c, index, store, err| {
                let paragraphs: usize = c.resolutions.iter().map(|r| r.paragraphs.len()).sum();
                writeln!(
                    err,
                    "resolu: {}, {} read and parsed in {} ms",
                    plural::count(c.resolutions.len(), "document", "documents"),
                    plural::count(paragraphs, "paragraph", "paragraphs"),
                    started.elapsed().as_millis()
                )?;
                let sources = || votes::select::sources_of(&store());
                let input = &mut io::stdin().lock();
                commands::search_stdin(c, index, &sources, input, options, out, err)
            })?
        }
        Command::Search {
            query,
            corpus,
            limit,
            json,
            exit_status,
            ..
        } => with_corpus_and_votes(&corpus, &global, &mut err, |c, index, store, err| {
            let options = SearchOptions {
                limit,
                json,
                exit_status,
            };
            let sources = || votes::select::sources_of(&store());
            let query = query.as_deref().unwrap_or("");
            commands::search(c, index, &sources, query, options, out, err)
        })?,
        Command::Votes {
            country,
            corpus,
            json,
            no,
            cast,
            by_session,
            filter,
        } => {
            let options = commands::VotesOptions {
                json,
                cast: if no { Some(votes::Cast::No) } else { cast },
                by_session,
                filter: vote_filter(filter),
            };
            with_corpus_and_votes(&corpus, &global, &mut err, |c, index, store, err| {
                commands::votes(c, index, &store(), &country, &options, out, err)
            })?
        }
        Command::Agree {
            country,
            mut other,
            mut corpus,
            top,
            bottom,
            json,
            filter,
        } => {
            // `agree A PATH`: a second word that names no country but a file is a corpus path.
            if let Some(path) = other.take_if(|o| {
                commands::resolve_country(o).is_err() && std::path::Path::new(o).exists()
            }) {
                corpus.paths.insert(0, path.into());
            }
            let options = commands::AgreeOptions {
                json,
                top,
                bottom,
                filter: vote_filter(filter),
            };
            with_corpus_and_votes(&corpus, &global, &mut err, |c, index, store, err| {
                let store = store();
                commands::agree(
                    c,
                    index,
                    &store,
                    &country,
                    other.as_deref(),
                    &options,
                    out,
                    err,
                )
            })?
        }
    };
    out.flush()?;
    Ok(status)
}

/// The roll calls `votes` and `agree` work on, from their options.
fn vote_filter(args: resolu::cli::VoteFilterArgs) -> commands::VoteFilter {
    let years = match (args.from, args.to) {
        (None, None) => None,
        (from, to) => Some(from.unwrap_or(i32::MIN)..=to.unwrap_or(i32::MAX)),
    };
    commands::VoteFilter {
        query: args.query,
        window: votes::select::Window {
            session: args.session,
            years,
        },
    }
}

/// The command line, or clap's message for a wrong one. Its messages quote the arguments they
/// reject, and clap writes them raw to a terminal: on an error the arguments are parsed again
/// made [`inert`], so the message shows an escape in one as `\x1b` (in clap's own colours).
fn parse_command_line() -> Result<Cli, ExitCode> {
    let error = match Cli::try_parse() {
        Ok(cli) => return Ok(cli),
        Err(error) => error,
    };
    let shown = std::env::args_os().map(|arg| inert(&arg.to_string_lossy()).into_owned());
    match Cli::try_parse_from(shown) {
        Err(shown) => {
            let _ = shown.print();
        }
        // Only the raw arguments fail (one that is not UTF-8): clap's plain text, sanitised.
        Ok(_) => {
            let _ = write!(InertWrite::new(io::stderr()), "{}", error.render());
        }
    }
    Err(ExitCode::from(
        u8::try_from(error.exit_code()).unwrap_or(EXIT_USAGE),
    ))
}

fn main() -> ExitCode {
    let cli = match parse_command_line() {
        Ok(cli) => cli,
        Err(status) => return status,
    };
    match run(cli) {
        Ok(status) => ExitCode::from(status),
        // A closed pipe (`resolu export | head`) is not an error worth a message.
        Err(e)
            if e.downcast_ref::<io::Error>()
                .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            let _ = writeln!(InertWrite::new(io::stderr()), "resolu: {e}");
            ExitCode::from(EXIT_INPUT)
        }
    }
}
