//! The loop: receive one event → `update` → carry out its command → draw; with the handling of
//! pasted bursts of keys, suspend and resume, and the clipboard's routes.

use crate::app::keymap::translate_event;
use crate::app::{Action, App, Command, update};
use crate::clipboard::{osc52, routes_note};
use crate::ui::{self, theme};
use crate::worker::Request;
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use std::collections::VecDeque;
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender};
use std::thread;
use std::time::Duration;

use super::remember::{Remember, Rememberer};
use super::screen::{DisableButtonMouse, EnableButtonMouse, Screen, repaint_all, retake, suspend};
use super::{Event, signals};

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

impl Loop {
    fn remember(&self, request: Remember) {
        if let Some(remember) = &self.remember {
            remember.send(request);
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
pub(super) struct Loop {
    /// When `run` began, to log how long the first frame took.
    pub(super) started: std::time::Instant,
    pub(super) requests: Sender<Request>,
    pub(super) clipboard_file: Option<PathBuf>,
    /// Where the history and the list width are remembered (none without a home folder).
    /// The thread that writes the history and the list width (none without a state folder).
    pub(super) remember: Option<Rememberer>,
    pub(super) tmux: bool,
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
    pub(super) fn run(
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
}
