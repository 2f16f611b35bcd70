//! resolu: parse arguments, choose the corpus, run a subcommand (or, later, the terminal UI).

use clap::Parser;
use resolu::cli::{Cli, Command, CorpusArgs};
use resolu::commands::{self, CorpusSource, EXIT_INPUT};
use std::io::{self, Write};
use std::process::ExitCode;

fn source_for(args: &CorpusArgs, global: &CorpusArgs) -> CorpusSource {
    let mut given = args.given();
    for path in global.given() {
        if !given.contains(&path) {
            given.push(path);
        }
    }
    let env = std::env::var("RESOLU_CORPUS").ok();
    commands::choose_source(given, env.as_deref(), &[])
}

fn run(cli: Cli) -> io::Result<u8> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut err = io::stderr();
    let no_paths = CorpusArgs::default();
    let args = match &cli.command {
        None => &no_paths,
        Some(
            Command::List { corpus, .. }
            | Command::Show { corpus, .. }
            | Command::Export { corpus, .. }
            | Command::Check { corpus }
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
    let corpus = commands::load(&source_for(args, &cli.corpus), &mut err)?;
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
        None => commands::list(&corpus, false, &mut out)?,
        Some(Command::List { json, .. }) => commands::list(&corpus, *json, &mut out)?,
        Some(Command::Show { id, json, .. }) => {
            commands::show(&corpus, id, *json, &mut out, &mut err)?
        }
        Some(Command::Export { format, .. }) => commands::export(&corpus, *format, &mut out)?,
        Some(Command::Check { .. }) => commands::check(&corpus, &mut out, &mut err)?,
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
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("resolu: {e}");
            ExitCode::from(EXIT_INPUT)
        }
    }
}
