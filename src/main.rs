//! resolu: parse arguments, read the config, choose the corpus, run a subcommand or the
//! terminal UI.

use clap::Parser;
use resolu::cli::{Cli, Command, CorpusArgs};
use resolu::commands::{self, CorpusSource, EXIT_INPUT};
use resolu::config::{self, Config};
use std::io::{self, Write};
use std::process::ExitCode;

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

fn run(cli: Cli) -> anyhow::Result<u8> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut err = io::stderr();
    match &cli.command {
        Some(Command::Config) => write!(out, "{}", config::paths())?,
        Some(Command::Completions { shell }) => resolu::cli::completions(*shell, &mut out)?,
        Some(Command::Man) => resolu::cli::manual(&mut out)?,
        _ => {}
    }
    if matches!(
        cli.command,
        Some(Command::Config | Command::Completions { .. } | Command::Man)
    ) {
        out.flush()?;
        return Ok(commands::EXIT_OK);
    }
    let (config, config_warnings) = config::load();
    if cli.command.is_some() {
        for warning in &config_warnings {
            writeln!(err, "resolu: config: {warning}")?;
        }
    }
    let no_paths = CorpusArgs::default();
    let args = match &cli.command {
        None | Some(Command::Config | Command::Completions { .. } | Command::Man) => &no_paths,
        Some(
            Command::List { corpus, .. }
            | Command::Show { corpus, .. }
            | Command::Export { corpus, .. }
            | Command::Check { corpus, .. }
            | Command::Votes { corpus, .. },
        ) => corpus,
        Some(Command::Search { corpus, .. }) => corpus,
    };
    // With --stdin there is no query argument: a first positional is a corpus path.
    let stdin_paths;
    let args = match &cli.command {
        Some(Command::Search {
            query: Some(first),
            stdin: true,
            corpus,
            ..
        }) => {
            let mut with_first = corpus.clone();
            with_first.paths.insert(0, first.into());
            stdin_paths = with_first;
            &stdin_paths
        }
        _ => args,
    };
    let started = std::time::Instant::now();
    if cli.command.is_none() {
        // Before the terminal is touched: a path that does not exist is an error, and one that
        // looks like a mistyped subcommand says which (`resolu lsit`).
        for path in cli.corpus.given() {
            if path.exists() {
                continue;
            }
            let shown = path.display();
            if let Some(sub) = path.to_str().and_then(resolu::cli::closest_subcommand) {
                writeln!(
                    err,
                    "resolu: no such file or folder, nor subcommand: {shown}; did you mean `resolu {sub}`?"
                )?;
                return Ok(commands::EXIT_USAGE);
            }
            writeln!(err, "resolu: {shown}: no such file or folder")?;
            return Ok(EXIT_INPUT);
        }
    }
    let source = source_for(args, &cli.corpus, &config);
    if cli.command.is_none() {
        // The terminal UI reads the corpus on its loader thread: the first frame does not wait.
        drop(out);
        resolu::tui::run(move || commands::read(&source), config)?;
        return Ok(commands::EXIT_OK);
    }
    match &cli.command {
        Some(Command::Check {
            explain: Some(file),
            ..
        }) => return Ok(commands::explain(file, &mut out, &mut err)?),
        Some(Command::Check { stats: true, .. }) => return Ok(commands::stats(&source, &mut out)?),
        _ => {}
    }
    let corpus = commands::load(&source, &mut err)?;
    if let Some(Command::Search { stdin: true, .. }) = &cli.command {
        let paragraphs: usize = corpus.resolutions.iter().map(|r| r.paragraphs.len()).sum();
        writeln!(
            err,
            "resolu: {} documents, {paragraphs} paragraphs read and parsed in {} ms",
            corpus.resolutions.len(),
            started.elapsed().as_millis()
        )?;
    }
    let status = match &cli.command {
        // These were answered before the corpus was read.
        None | Some(Command::Config | Command::Completions { .. } | Command::Man) => {
            commands::EXIT_OK
        }
        Some(Command::List { json, .. }) => commands::list(&corpus, *json, &mut out)?,
        Some(Command::Show { id, json, lang, .. }) => {
            commands::show(&corpus, id, *lang, *json, &mut out, &mut err)?
        }
        Some(Command::Export { format, .. }) => commands::export(&corpus, *format, &mut out)?,
        Some(Command::Check { json, .. }) => commands::check(&corpus, *json, &mut out, &mut err)?,
        Some(Command::Search {
            stdin: true, limit, ..
        }) => commands::search_stdin(&corpus, &mut io::stdin().lock(), *limit, &mut out, &mut err)?,
        Some(Command::Search {
            query, limit, json, ..
        }) => {
            let text = query.as_deref().unwrap_or("");
            commands::search(&corpus, text, *limit, *json, &mut out, &mut err)?
        }
        Some(Command::Votes { country, json, .. }) => {
            commands::votes(&corpus, country, *json, &mut out, &mut err)?
        }
    };
    out.flush()?;
    // A file that gave nothing is a problem with the input, whatever else was printed.
    let input_problem = if corpus.problems.is_empty() {
        0
    } else {
        EXIT_INPUT
    };
    Ok(status.max(input_problem))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
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
            eprintln!("resolu: {e}");
            ExitCode::from(EXIT_INPUT)
        }
    }
}
