//! The terminal edge: set the terminal up and always put it back (on quit, on panic, on every
//! signal that would end the process, before stopping on SIGTSTP), log to a file, and run the
//! loop: receive one event → `update` → carry out its command → draw. Input (read and parsed in
//! `tui/input.rs`), loader, search worker and signals (`tui/signals.rs`) all send on one
//! channel; the screen is redrawn only after events, never on a timer.

mod convert;
mod input;
mod signals;

use crate::app::keymap::translate_event;
use crate::app::recall::QueryHistory;
use crate::app::{Action, App, Command, ListWidth, update};
use crate::clipboard::{inside_tmux, osc52, routes_note};
use crate::config::{self, Config};
use crate::corpus::load::Corpus;
use crate::remember::Store;
use crate::ui::ansi16::Ansi16;
use crate::ui::{self, theme};
use crate::worker::{self, Request};
use anyhow::Context;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{Command as TerminalCommand, cursor, execute};
use std::collections::VecDeque;
use std::io::{self, IsTerminal, Stdout, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Once};
use std::thread;
use std::time::Duration;

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

/// Whether the terminal is in raw mode on the alternate screen, so restoring is owed.
static ACTIVE: AtomicBool = AtomicBool::new(false);
static PANIC_HOOK: Once = Once::new();

/// How long the signal thread waits for the loop to restore the terminal before doing it itself.
const SIGNAL_GRACE: Duration = Duration::from_secs(2);

/// Mouse reporting for clicks and the wheel only (button tracking, `?1000h`) in SGR form
/// (`?1006h`). crossterm's `EnableMouseCapture` also turns on any-motion tracking (`?1003h`),
/// which makes every movement of the mouse an event and a frame, a cost over SSH.
struct EnableButtonMouse;
struct DisableButtonMouse;

impl TerminalCommand for EnableButtonMouse {
    fn write_ansi(&self, f: &mut impl std::fmt::Write) -> std::fmt::Result {
        f.write_str("\x1b[?1000h\x1b[?1006h")
    }
}

impl TerminalCommand for DisableButtonMouse {
    fn write_ansi(&self, f: &mut impl std::fmt::Write) -> std::fmt::Result {
        // Also the modes another capture may have left on.
        f.write_str("\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l")
    }
}

/// Put the terminal back as it was; safe to call any number of times, from any thread.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    let _ = execute!(
        out,
        EndSynchronizedUpdate,
        DisableButtonMouse,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// Restore the terminal before the panic message is printed, then end the process: a panic on
/// another thread must not leave the loop drawing on a restored terminal.
fn install_panic_hook() {
    PANIC_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let was_active = ACTIVE.load(Ordering::SeqCst);
            restore();
            tracing::error!("panic: {info}");
            previous(info);
            if was_active {
                std::process::exit(101);
            }
        }));
    });
}

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

type Screen = Terminal<CrosstermBackend<Ansi16<Stdout>>>;

/// Take the terminal. `ansi16`: the terminal has 16 colours, written in their classic codes.
fn enter(mouse: bool, ansi16: bool) -> anyhow::Result<Screen> {
    if std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        anyhow::bail!(
            "the terminal UI needs a terminal that can move its cursor (TERM=dumb); \
             use `resolu list`, `resolu show ID` or `resolu search QUERY` instead"
        );
    }
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        anyhow::bail!("the terminal UI needs a terminal: stdin and stdout must not be redirected");
    }
    take_terminal(mouse)?;
    let out = Ansi16::new(io::stdout(), ansi16);
    Ok(Terminal::new(CrosstermBackend::new(out))?)
}

/// Raw mode, the alternate screen, bracketed paste, the cursor hidden, the mouse if asked: the
/// modes `restore` undoes.
fn take_terminal(mouse: bool) -> anyhow::Result<()> {
    enable_raw_mode().context("cannot switch the terminal to raw mode")?;
    ACTIVE.store(true, Ordering::SeqCst);
    let mut out = io::stdout();
    execute!(
        out,
        EnterAlternateScreen,
        EnableBracketedPaste,
        cursor::Hide
    )?;
    if mouse {
        execute!(out, EnableButtonMouse)?;
    }
    Ok(())
}

/// Hand `text` to tmux's buffer and, with `-w`, to the outer terminal's clipboard as tmux's
/// `set-clipboard` allows. The text is written and the process reaped on a thread of its own:
/// the loop never waits on tmux.
fn tmux_load_buffer(text: &str) -> io::Result<()> {
    use std::process::{Command as Process, Stdio};
    let mut child = Process::new("tmux")
        .args(["load-buffer", "-w", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    let stdin = child.stdin.take();
    let text = text.to_string();
    thread::spawn(move || {
        if let Some(mut stdin) = stdin
            && let Err(e) = stdin.write_all(text.as_bytes())
        {
            tracing::warn!("tmux load-buffer: {e}");
        }
        let _ = child.wait();
    });
    Ok(())
}

/// Clear the screen and make the next frame rewrite every cell. (ratatui's `Terminal::clear`
/// asks the terminal for the cursor position, an answer the input thread would take.)
fn repaint_all(terminal: &mut Screen) -> io::Result<()> {
    use ratatui::crossterm::terminal::{Clear, ClearType};
    execute!(terminal.backend_mut(), Clear(ClearType::All))?;
    // The frame before becomes cells no frame draws, so the next diff covers the screen.
    for cell in &mut terminal.current_buffer_mut().content {
        cell.set_symbol("\u{e000}");
    }
    terminal.swap_buffers();
    Ok(())
}

/// Suspend like less and vim (Ctrl-Z, or SIGTSTP from outside): put the terminal back, stop
/// (the shell takes over), and when `fg` resumes the process, take the terminal again in the
/// same modes.
fn suspend(mouse: bool) -> anyhow::Result<()> {
    restore();
    signals::stop().context("cannot stop the process")?;
    // Resumed (SIGCONT).
    take_terminal(mouse)
}

/// Take the terminal again after the process was stopped and continued (SIGCONT, also after a
/// SIGSTOP that gave no chance to restore): the shell may have put the tty back in cooked mode.
fn retake(mouse: bool) -> anyhow::Result<()> {
    // crossterm switches to raw mode only if it believes it off: set the saved modes back first.
    let _ = disable_raw_mode();
    take_terminal(mouse)
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

/// What the loop hands the state thread to write.
enum Remember {
    Query(String),
    ListWidth(Option<u16>),
}

/// The thread writing the state folder (query history, list width), so that a slow disk (a
/// network home folder) never stalls a keystroke. Writes are done in order, one at a time.
struct Rememberer {
    sender: Sender<Remember>,
    done: Receiver<()>,
}

impl Rememberer {
    /// How long quitting waits for the writes still queued.
    const LAST_WRITES: Duration = Duration::from_secs(2);

    fn spawn(store: Store) -> Option<Rememberer> {
        let (sender, requests) = mpsc::channel::<Remember>();
        let (finished, done) = mpsc::channel();
        let spawned = thread::Builder::new()
            .name("remember".into())
            .spawn(move || {
                for request in requests {
                    let failed = match request {
                        Remember::Query(query) => match store.add_query(&query) {
                            Ok(warnings) => {
                                for warning in &warnings {
                                    tracing::warn!("{warning}");
                                }
                                None
                            }
                            Err(why) => Some(format!("query history: {why}")),
                        },
                        Remember::ListWidth(width) => store
                            .set_list_width(width)
                            .err()
                            .map(|why| format!("list width: {why}")),
                    };
                    if let Some(why) = failed {
                        tracing::warn!("{why}");
                    }
                }
                let _ = finished.send(());
            });
        match spawned {
            Ok(_) => Some(Rememberer { sender, done }),
            Err(e) => {
                tracing::warn!("no history or list width will be kept: {e}");
                None
            }
        }
    }

    /// The queued writes done, or [`Rememberer::LAST_WRITES`] waited for them: a state
    /// folder that hangs never keeps resolu from quitting.
    fn finish(self) {
        drop(self.sender);
        let _ = self.done.recv_timeout(Self::LAST_WRITES);
    }
}

impl Loop {
    fn remember(&self, request: Remember) {
        if let Some(remember) = &self.remember {
            let _ = remember.sender.send(request);
        }
    }
}

/// How long after an Enter in the query bar more keys may come and still be one paste.
const BURST_GAP: Duration = Duration::from_millis(8);

/// A plain Enter key.
fn is_enter(event: &Event) -> bool {
    use ratatui::crossterm::event::{Event as Input, KeyCode, KeyModifiers};
    matches!(
        event,
        Event::Input(Input::Key(k)) if k.code == KeyCode::Enter && k.modifiers == KeyModifiers::NONE
    )
}

/// Text pasted into a terminal without bracketed paste arrives as a burst of keys: in the query
/// bar, an Enter with more keys behind it in the same burst is part of the text (a space), not
/// the end of the query — else the rest of the paste would run as commands. A person's Enter
/// comes on its own, and what follows it at once is a key no paste holds (Esc, an arrow, a
/// control key). `rest`: the events of the burst after this Enter.
fn enter_is_text(rest: &VecDeque<Event>) -> bool {
    use ratatui::crossterm::event::{Event as Input, KeyCode, KeyModifiers};
    let next_key = rest.iter().find_map(|e| match e {
        Event::Input(Input::Key(k)) => Some(k),
        _ => None,
    });
    next_key.is_some_and(|k| {
        let text = matches!(k.code, KeyCode::Char(_) | KeyCode::Enter | KeyCode::Tab);
        text && !k
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    })
}

/// A space key, what an Enter inside a pasted burst becomes.
fn space() -> Event {
    use ratatui::crossterm::event::{Event as Input, KeyCode, KeyEvent, KeyModifiers};
    Event::Input(Input::Key(KeyEvent::new(
        KeyCode::Char(' '),
        KeyModifiers::NONE,
    )))
}

/// Draw one frame inside a synchronized update (DEC mode 2026): a terminal that supports it
/// shows the frame whole, never half-drawn over a slow link; others ignore the mode.
fn draw(terminal: &mut Screen, app: &App, theme: &theme::Theme) -> io::Result<()> {
    execute!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    let drawn = terminal
        .draw(|frame| ui::draw(frame, app, theme))
        .map(|_| ());
    execute!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    drawn
}

/// What the loop needs besides the app: where commands go.
struct Loop {
    /// When `run` began, to log how long the first frame took.
    started: std::time::Instant,
    requests: Sender<Request>,
    clipboard_file: Option<PathBuf>,
    /// Where the history and the list width are remembered (none without a home folder).
    /// The thread that writes the history and the list width (none without a state folder).
    remember: Option<Rememberer>,
    tmux: bool,
}

enum Flow {
    Continue,
    Quit,
    Signal(i32),
    /// Clear and draw every cell: the screen may hold what another program wrote.
    Redraw,
    /// Give the terminal back and stop; draw anew once resumed.
    Suspend,
    /// Continued after a stop: take the terminal again and draw every cell.
    Retake,
}

impl Loop {
    /// Returns the signal that ended the loop, if one did.
    fn run(
        &mut self,
        terminal: &mut Screen,
        app: &mut App,
        theme: &theme::Theme,
        events: &Receiver<Event>,
    ) -> anyhow::Result<Option<i32>> {
        let size = terminal.size()?;
        update(
            app,
            Action::Resize {
                width: size.width,
                height: size.height,
            },
        );
        draw(terminal, app, theme)?;
        let first_frame_us = self.started.elapsed().as_micros();
        tracing::info!(first_frame_us, "first frame drawn");
        while let Ok(first) = events.recv() {
            // Take every event already queued, then draw once.
            let mut batch: VecDeque<Event> =
                std::iter::once(first).chain(events.try_iter()).collect();
            while let Some(mut event) = batch.pop_front() {
                // Decided event by event: the "/" that opens the query bar may be in the same
                // burst as the paste.
                if is_enter(&event) && app.key_mode() == crate::app::keymap::KeyMode::Query {
                    // An Enter that ends what has come so far may be inside a paste whose rest
                    // is a few milliseconds behind: wait that long for it (a person's Enter
                    // waits for nothing they can notice).
                    if !enter_is_text(&batch)
                        && let Ok(more) = events.recv_timeout(BURST_GAP)
                    {
                        batch.push_back(more);
                        batch.extend(events.try_iter());
                    }
                    if enter_is_text(&batch) {
                        event = space();
                    }
                }
                match self.handle(event, app) {
                    Flow::Continue => {}
                    Flow::Quit => return Ok(None),
                    Flow::Signal(signal) => return Ok(Some(signal)),
                    Flow::Redraw => repaint_all(terminal)?,
                    Flow::Suspend => {
                        suspend(app.mouse)?;
                        repaint_all(terminal)?;
                    }
                    Flow::Retake => {
                        retake(app.mouse)?;
                        repaint_all(terminal)?;
                    }
                }
            }
            draw(terminal, app, theme)?;
        }
        Ok(None)
    }

    fn handle(&mut self, event: Event, app: &mut App) -> Flow {
        let action = match event {
            Event::Input(input) => translate_event(&app.keymap, app.key_mode(), &input),
            Event::Action(action) => Some(action),
            Event::InputClosed(why) => {
                tracing::info!("terminal closed: {why}");
                return Flow::Quit;
            }
            Event::Signal(signal) => {
                return match signals::meaning(signal) {
                    signals::Meaning::Stop => Flow::Suspend,
                    signals::Meaning::Continue => Flow::Retake,
                    signals::Meaning::End | signals::Meaning::Resize => Flow::Signal(signal),
                };
            }
        };
        let Some(command) = action.and_then(|a| update(app, a)) else {
            return Flow::Continue;
        };
        self.execute(command, app)
    }

    fn execute(&mut self, command: Command, app: &mut App) -> Flow {
        match command {
            Command::Quit => return Flow::Quit,
            Command::Redraw => return Flow::Redraw,
            Command::Suspend => return Flow::Suspend,
            Command::Search {
                generation,
                query,
                limit,
            } => {
                let request = Request::Search {
                    generation,
                    query,
                    limit,
                };
                if self.requests.send(request).is_err() {
                    tracing::error!("the search worker has stopped");
                    update(
                        app,
                        Action::Notice("Search is unavailable (see the log)".into()),
                    );
                }
            }
            Command::Copy(text) => {
                let (mut routes, mut failures) = (Vec::new(), Vec::new());
                let mut out = io::stdout();
                match out
                    .write_all(osc52(&text).as_bytes())
                    .and_then(|()| out.flush())
                {
                    Ok(()) => routes.push("OSC 52"),
                    Err(e) => failures.push(format!("OSC 52 failed: {e}")),
                }
                if self.tmux {
                    match tmux_load_buffer(&text) {
                        Ok(()) => routes.push("tmux buffer"),
                        Err(e) => failures.push(format!("tmux buffer failed: {e}")),
                    }
                }
                if let Some(path) = &self.clipboard_file {
                    match std::fs::write(path, &text) {
                        Ok(()) => routes.push("file"),
                        Err(e) => failures.push(format!("cannot write {}: {e}", path.display())),
                    }
                }
                for failure in &failures {
                    tracing::warn!("copy: {failure}");
                }
                let done = app.message.clone().unwrap_or_else(|| "Copied".into());
                let note = routes_note(&routes, &failures);
                update(app, Action::Notice(format!("{done} — {note}")));
            }
            Command::RememberQuery(query) => self.remember(Remember::Query(query)),
            Command::RememberListWidth(width) => self.remember(Remember::ListWidth(width)),
            Command::SetMouse(on) => {
                let mut out = io::stdout();
                let done = if on {
                    execute!(out, EnableButtonMouse)
                } else {
                    execute!(out, DisableButtonMouse)
                };
                if let Err(e) = done {
                    tracing::warn!("mouse capture: {e}");
                }
            }
        }
        Flow::Continue
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ansi(command: impl TerminalCommand) -> String {
        let mut out = String::new();
        command.write_ansi(&mut out).unwrap();
        out
    }

    #[test]
    fn an_enter_with_keys_behind_it_in_a_burst_is_text() {
        use ratatui::crossterm::event::{Event as Input, KeyCode, KeyEvent, KeyModifiers};
        let key = |code| Event::Input(Input::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        let rest = |codes: &[KeyCode]| codes.iter().map(|&c| key(c)).collect::<VecDeque<_>>();
        assert!(is_enter(&key(KeyCode::Enter)));
        assert!(!is_enter(&key(KeyCode::Char('a'))));
        // `a⏎s⏎`: the first Enter has `s` behind it, the last one nothing.
        assert!(enter_is_text(&rest(&[KeyCode::Char('s'), KeyCode::Enter])));
        assert!(!enter_is_text(&rest(&[])));
        // What is behind must be text: a resize, Esc or a control key is no paste.
        let resize = VecDeque::from([Event::Input(Input::Resize(80, 24))]);
        assert!(!enter_is_text(&resize));
        assert!(!enter_is_text(&rest(&[KeyCode::Esc, KeyCode::Char('q')])));
        let ctrl_c = Event::Input(Input::Key(KeyEvent::new(
            KeyCode::Char('c'),
            KeyModifiers::CONTROL,
        )));
        assert!(!enter_is_text(&VecDeque::from([ctrl_c])));
        assert!(matches!(space(), Event::Input(Input::Key(k)) if k.code == KeyCode::Char(' ')));
    }

    #[test]
    fn the_mouse_reports_buttons_and_the_wheel_only() {
        let on = ansi(EnableButtonMouse);
        assert_eq!(on, "\x1b[?1000h\x1b[?1006h");
        assert!(!on.contains("1003") && !on.contains("1002"));
        let off = ansi(DisableButtonMouse);
        for mode in ["1000", "1002", "1003", "1006"] {
            assert!(off.contains(&format!("?{mode}l")), "{off}");
        }
    }
}
