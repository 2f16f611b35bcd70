//! The terminal edge: set the terminal up and always put it back (on quit, on panic, on every
//! signal that would end the process, before stopping on SIGTSTP: `tui/screen.rs`), log to a
//! file, and run the loop (`tui/event_loop.rs`): receive one event → `update` → carry out its
//! command → draw. Input (read and parsed in `tui/input.rs`), loader, search worker and signals
//! (`tui/signals.rs`) all send on one channel; the screen is redrawn only after events, never
//! on a timer.

mod convert;
mod event_loop;
mod input;
mod remember;
mod screen;
mod signals;

use crate::app::recall::QueryHistory;
use crate::app::{Action, App, ListWidth, update};
use crate::clipboard::inside_tmux;
use crate::config::{self, Config};
use crate::corpus::load::Corpus;
use crate::remember::Store;
use crate::ui::theme;
use crate::worker;
use ratatui::crossterm::event;
use std::io;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Sender};
use std::thread;
use std::time::Duration;

use event_loop::Loop;
use remember::Rememberer;
use screen::{enter, install_panic_hook};

pub use screen::restore;

/// What the loop receives.
#[derive(Debug)]
pub enum Event {
    Input(event::Event),
    /// The terminal can no longer be read (hung up): stop.
    InputClosed(String),
    /// From the loader or the search worker.
    Action(Action),
    Signal(i32),
}

/// How long the signal thread waits for the loop to restore the terminal before doing it itself.
const SIGNAL_GRACE: Duration = Duration::from_secs(2);

fn init_logging(dir: Option<PathBuf>) {
    let Some(dir) = dir else { return };
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    let appender = tracing_appender::rolling::RollingFileAppender::builder()
        .rotation(tracing_appender::rolling::Rotation::NEVER)
        .filename_prefix("resolu")
        .filename_suffix("log")
        .build(&dir);
    let Ok(appender) = appender else { return };
    let level = std::env::var("RESOLU_LOG")
        .ok()
        .and_then(|l| l.parse::<tracing::Level>().ok())
        .unwrap_or(tracing::Level::INFO);
    let _ = tracing_subscriber::fmt()
        .with_writer(appender)
        .with_ansi(false)
        .with_max_level(level)
        .try_init();
}

fn spawn_input(events: Sender<Event>) -> io::Result<()> {
    input::spawn(move |read| {
        let event = match read {
            Ok(input) => Event::Input(input),
            Err(why) => Event::InputClosed(why),
        };
        events.send(event).is_ok()
    })
}

fn spawn_signals(events: Sender<Event>) -> io::Result<()> {
    use signals::Meaning;
    let mut caught = signal_hook::iterator::Signals::new(signals::caught())?;
    thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for signal in caught.forever() {
                match signals::meaning(signal) {
                    Meaning::Resize => {
                        if let Ok((width, height)) = ratatui::crossterm::terminal::size() {
                            let _ = events.send(Event::Input(event::Event::Resize(width, height)));
                        }
                    }
                    Meaning::Stop | Meaning::Continue => {
                        let _ = events.send(Event::Signal(signal));
                    }
                    Meaning::End => {
                        let _ = events.send(Event::Signal(signal));
                        // The loop restores and ends at once; if it is stuck, do it from here.
                        thread::sleep(SIGNAL_GRACE);
                        restore();
                        signals::end_as(signal);
                    }
                }
            }
        })?;
    Ok(())
}

/// Run the terminal UI until the user quits. `load` reads the corpus on the loader thread, so the
/// first frame does not wait for it.
pub fn run<L>(load: L, config: &Config) -> anyhow::Result<()>
where
    L: FnOnce(&worker::Progress<'_>) -> (Corpus, worker::IndexMaker) + Send + 'static,
{
    install_panic_hook();
    let started = std::time::Instant::now();
    let paths = config::paths();
    init_logging(paths.log_dir);
    for warning in &config.warnings {
        tracing::warn!("{warning}");
    }
    let store = paths
        .state_dir
        .map(|dir| Store::new(dir, config.history_size));
    let remembered = store.as_ref().map(Store::load).unwrap_or_default();
    for warning in &remembered.warnings {
        tracing::warn!("{warning}");
    }
    let depth = config.colours.depth.unwrap_or_else(theme::depth_from_env);
    let theme = theme::Theme::new(&config.colours, depth);
    tracing::info!(?depth, "starting");
    let mut app = App::new(
        Arc::new(Corpus::default()),
        config.keys.clone(),
        config.mouse,
    );
    app.language = config.language;
    app.index = crate::app::IndexStatus::Loading;
    app.history = QueryHistory::new(remembered.history, config.history_size);
    app.list_width = ListWidth {
        configured: config.list_width,
        remembered: remembered.list_width,
    };
    if !config.warnings.is_empty() {
        let n = config.warnings.len();
        update(
            &mut app,
            Action::Notice(format!(
                "config: {}: {}",
                crate::plural::count(n, "warning", "warnings"),
                config.warnings[0]
            )),
        );
    }
    let (events_tx, events) = mpsc::channel();
    let (requests, requests_rx) = mpsc::channel();
    let notify = {
        let events_tx = events_tx.clone();
        move |action| events_tx.send(Event::Action(action)).is_ok()
    };
    worker::spawn_searcher(requests_rx, notify.clone())?;
    let votes_config = config.clone();
    let votes: worker::VoteMaker =
        Box::new(move |resolutions| crate::votes::all_votes(resolutions, &votes_config));
    worker::spawn_loader(load, votes, requests.clone(), notify)?;
    let mut terminal = match enter(config.mouse, depth == theme::ColourDepth::Ansi16) {
        Ok(terminal) => terminal,
        Err(e) => {
            restore();
            return Err(e);
        }
    };
    spawn_signals(events_tx.clone())?;
    spawn_input(events_tx)?;
    let mut context = Loop {
        started,
        requests,
        clipboard_file: config.clipboard_file.clone(),
        remember: store.and_then(Rememberer::spawn),
        tmux: inside_tmux(std::env::var("TMUX").ok().as_deref()),
    };
    let result = context.run(&mut terminal, &mut app, &theme, &events);
    restore();
    if let Some(remember) = context.remember.take() {
        remember.finish();
    }
    match result {
        Ok(Some(signal)) => {
            tracing::info!(signal, "ended by signal");
            signals::end_as(signal);
        }
        Ok(None) => Ok(()),
        Err(e) => Err(e),
    }
}
