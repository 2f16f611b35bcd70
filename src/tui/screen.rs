//! Taking the terminal and always giving it back: raw mode, the alternate screen, bracketed
//! paste, the hidden cursor and the mouse, undone by `restore` on quit, panic, signal or
//! suspend; and repainting every cell after another program wrote on the screen.

use crate::ui::ansi16::Ansi16;
use anyhow::Context;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::terminal::EndSynchronizedUpdate;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{Command as TerminalCommand, cursor, execute};
use std::io::{self, IsTerminal, Stdout, Write};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use super::signals;

/// Whether the terminal is in raw mode on the alternate screen, so restoring is owed.
static ACTIVE: AtomicBool = AtomicBool::new(false);
static PANIC_HOOK: Once = Once::new();

/// Mouse reporting for clicks and the wheel only (button tracking, `?1000h`) in SGR form
/// (`?1006h`). crossterm's `EnableMouseCapture` also turns on any-motion tracking (`?1003h`),
/// which makes every movement of the mouse an event and a frame, a cost over SSH.
pub(super) struct EnableButtonMouse;
pub(super) struct DisableButtonMouse;

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
pub(super) fn install_panic_hook() {
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

pub(super) type Screen = Terminal<CrosstermBackend<Ansi16<Stdout>>>;

/// Take the terminal. `ansi16`: the terminal has 16 colours, written in their classic codes.
pub(super) fn enter(mouse: bool, ansi16: bool) -> anyhow::Result<Screen> {
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
pub(super) fn take_terminal(mouse: bool) -> anyhow::Result<()> {
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

/// Clear the screen and make the next frame rewrite every cell. (ratatui's `Terminal::clear`
/// asks the terminal for the cursor position, an answer the input thread would take.)
pub(super) fn repaint_all(terminal: &mut Screen) -> io::Result<()> {
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
pub(super) fn suspend(mouse: bool) -> anyhow::Result<()> {
    restore();
    signals::stop().context("cannot stop the process")?;
    // Resumed (SIGCONT).
    take_terminal(mouse)
}

/// Take the terminal again after the process was stopped and continued (SIGCONT, also after a
/// SIGSTOP that gave no chance to restore): the shell may have put the tty back in cooked mode.
pub(super) fn retake(mouse: bool) -> anyhow::Result<()> {
    // crossterm switches to raw mode only if it believes it off: set the saved modes back first.
    let _ = disable_raw_mode();
    take_terminal(mouse)
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
