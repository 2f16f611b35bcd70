//! The terminal's input, read by resolu itself: poll(2) with a timeout, read until nothing more is
//! waiting, cut the bytes into tokens here and decode each token with termina's parser.
//!
//! Why not crossterm's reader: its parser waits for the end of a bracketed paste for ever (an
//! unended `ESC[200~` swallows every later key, Ctrl-C too: crossterm issue #1060), and a burst
//! longer than one of its reads stalls part-way until another key comes (PR #1057). Both parsers
//! are crossterm's (termina's is adapted from it), so the cutting into tokens is done here, where
//! no sequence can stay open: a paste or an escape sequence with no new byte for [`QUIET`] is
//! ended, a Ctrl-C ends whatever is open and is always delivered, and every buffer has a bound.

mod tokens;

use super::convert;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use std::collections::VecDeque;
use std::io;
use std::os::fd::{AsFd, BorrowedFd};
use std::time::Duration;
use tokens::{Step, mouse_report_is_sound, step};

/// How long an open paste or escape sequence waits for its next byte before it is ended. A
/// terminal sends a sequence in one write; only an unended one (a paste whose end never comes)
/// waits this long.
pub const QUIET: Duration = Duration::from_millis(150);
/// The most a paste keeps (1 MiB); the rest is read and dropped, so memory stays bounded.
pub const PASTE_LIMIT: usize = 1 << 20;
/// The longest control sequence kept (keys and mouse reports are a dozen bytes).
const SEQUENCE_LIMIT: usize = 64;
/// The longest OSC or DCS string kept: nothing resolu asks for answers with one, so they are
/// read and dropped.
const STRING_LIMIT: usize = 4096;

const ESC: u8 = 0x1b;
const BEL: u8 = 0x07;
const CTRL_C: u8 = 0x03;
const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";

/// Bytes in, crossterm events out.
#[derive(Default)]
pub struct Decoder {
    /// The start of a token not yet whole: an escape sequence or a UTF-8 character.
    pending: Vec<u8>,
    /// Inside `ESC[200~` … `ESC[201~`.
    paste: Option<Paste>,
    events: VecDeque<Event>,
}

#[derive(Default)]
struct Paste {
    text: Vec<u8>,
    /// How many bytes of `ESC[201~` the last bytes were; held back until known not to be it.
    matched: usize,
    /// Bytes beyond [`PASTE_LIMIT`] were dropped.
    cut: bool,
}

impl Paste {
    /// Take one byte; true when it completes the end marker.
    fn push(&mut self, byte: u8) -> bool {
        if byte == PASTE_END[self.matched] {
            self.matched += 1;
            if self.matched == PASTE_END.len() {
                self.matched = 0;
                return true;
            }
            return false;
        }
        self.release_held();
        if byte == ESC {
            self.matched = 1;
        } else {
            self.keep(&[byte]);
        }
        false
    }

    /// The bytes held as a possible end marker are text after all.
    fn release_held(&mut self) {
        let held = std::mem::take(&mut self.matched);
        self.keep(&PASTE_END[..held]);
    }

    fn keep(&mut self, bytes: &[u8]) {
        let room = PASTE_LIMIT.saturating_sub(self.text.len());
        if bytes.len() > room {
            self.cut = true;
        }
        self.text.extend_from_slice(&bytes[..bytes.len().min(room)]);
    }
}

impl Decoder {
    /// Decode `bytes`, which may end inside a sequence or a character.
    pub fn feed(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.byte(byte);
        }
    }

    /// The terminal has nothing more for now: a lone ESC is the Esc key (a terminal writes a
    /// whole sequence at once, so its ESC never comes alone).
    pub fn end_of_input(&mut self) {
        if self.paste.is_none() && self.pending == [ESC] {
            self.pending.clear();
            self.token(&[ESC]);
        }
    }

    /// Nothing came for [`QUIET`]: end an open paste (its text so far is the paste) and give up
    /// a sequence that never finished (`ESC` and one character is Alt and that character).
    pub fn timeout(&mut self) {
        if self.paste.is_some() {
            self.end_paste();
            return;
        }
        let pending = std::mem::take(&mut self.pending);
        match pending.as_slice() {
            [ESC] => self.token(&[ESC]),
            &[ESC, c] if c.is_ascii_graphic() => {
                let c = char::from(c);
                let shift = if c.is_ascii_uppercase() {
                    KeyModifiers::SHIFT
                } else {
                    KeyModifiers::NONE
                };
                let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT | shift);
                self.events.push_back(Event::Key(key));
            }
            [] => {}
            dropped => tracing::debug!("input: unended sequence dropped: {dropped:?}"),
        }
    }

    /// Whether a paste or a sequence is open, so that [`Decoder::timeout`] is owed after
    /// [`QUIET`].
    pub fn is_waiting(&self) -> bool {
        self.paste.is_some() || !self.pending.is_empty()
    }

    /// The next decoded event.
    pub fn pop(&mut self) -> Option<Event> {
        self.events.pop_front()
    }

    fn byte(&mut self, byte: u8) {
        if let Some(paste) = &mut self.paste {
            // Ctrl-C is a way out of everything, an unended paste too.
            if byte == CTRL_C {
                self.end_paste();
                self.token(&[CTRL_C]);
            } else if paste.push(byte) {
                self.end_paste();
            }
            return;
        }
        if byte == CTRL_C {
            self.drop_pending();
            self.token(&[CTRL_C]);
            return;
        }
        if self.pending.is_empty() {
            match byte {
                ESC | 0xc0..=0xf7 => self.pending.push(byte),
                // Not the first byte of a UTF-8 character.
                0x80..=0xbf | 0xf8..=0xff => {}
                _ => self.token(&[byte]),
            }
            return;
        }
        match step(&self.pending, byte) {
            Step::More => self.pending.push(byte),
            Step::Done => {
                self.pending.push(byte);
                let token = std::mem::take(&mut self.pending);
                self.token(&token);
            }
            Step::Abort => {
                self.drop_pending();
                self.byte(byte);
            }
            Step::Split => {
                let token = std::mem::take(&mut self.pending);
                self.token(&token);
                self.byte(byte);
            }
            Step::Restart => {
                self.drop_pending();
                self.pending.push(ESC);
                self.byte(byte);
            }
        }
    }

    fn drop_pending(&mut self) {
        if !self.pending.is_empty() {
            tracing::debug!("input: broken sequence dropped: {:?}", self.pending);
            self.pending.clear();
        }
    }

    fn end_paste(&mut self) {
        let Some(mut paste) = self.paste.take() else {
            return;
        };
        paste.release_held();
        if paste.cut {
            tracing::warn!("input: a paste longer than {PASTE_LIMIT} bytes was cut");
        }
        let text = String::from_utf8_lossy(&paste.text).into_owned();
        self.events.push_back(Event::Paste(text));
    }

    /// A whole token: a key, a mouse report, the start of a paste, or something to drop.
    fn token(&mut self, token: &[u8]) {
        if token == PASTE_START {
            self.paste = Some(Paste::default());
            return;
        }
        if token.starts_with(b"\x1b]") || token.starts_with(b"\x1bP") || token == PASTE_END {
            // A terminal's answer nobody asked for, or the end of a paste already ended.
            return;
        }
        if !mouse_report_is_sound(token) {
            return;
        }
        // A parser per token: one that took a whole token for the start of a longer one
        // (`ESC[<1;2;3q`) must not keep it and swallow the next.
        let mut parser = termina::Parser::default();
        parser.parse(token, false);
        while let Some(event) = parser.pop() {
            if let Some(event) = convert::event(event) {
                self.events.push_back(event);
            }
        }
    }
}

/// Whether `fd` has bytes (or an end) to read within `wait` (`None`: as long as it takes).
fn readable(fd: BorrowedFd<'_>, wait: Option<Duration>) -> io::Result<bool> {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    let timeout = wait.map(|d| Timespec {
        tv_sec: i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
        tv_nsec: i64::from(d.subsec_nanos()),
    });
    loop {
        let mut fds = [PollFd::new(&fd, PollFlags::IN)];
        match poll(&mut fds, timeout.as_ref()) {
            Ok(0) => return Ok(false),
            // Readable, or hung up or broken: the read says which.
            Ok(_) => return Ok(true),
            // A signal (a resize): poll again.
            Err(rustix::io::Errno::INTR) => {}
            Err(e) => return Err(e.into()),
        }
    }
}

/// Read the terminal (stdin, which `enter` checked is one) on a thread of its own until it
/// closes or `send` returns false; events go to `send` as `Ok`, the reason it closed as `Err`.
pub fn spawn(send: impl Fn(Result<Event, String>) -> bool + Send + 'static) -> io::Result<()> {
    std::thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            let stdin = io::stdin();
            if let Err(why) = read_terminal(stdin.as_fd(), &send) {
                let _ = send(Err(why.to_string()));
            }
        })?;
    Ok(())
}

/// The loop of the input thread: wait (for ever, or [`QUIET`] while something is open), read
/// everything the terminal has, hand each event on as soon as it is decoded.
fn read_terminal(
    fd: BorrowedFd<'_>,
    send: &impl Fn(Result<Event, String>) -> bool,
) -> io::Result<()> {
    let mut decoder = Decoder::default();
    let mut buffer = vec![0_u8; 4096];
    loop {
        let wait = decoder.is_waiting().then_some(QUIET);
        if readable(fd, wait)? {
            loop {
                match rustix::io::read(fd, &mut buffer) {
                    Ok(0) => {
                        return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "end of input"));
                    }
                    Ok(n) => decoder.feed(&buffer[..n]),
                    Err(rustix::io::Errno::INTR | rustix::io::Errno::AGAIN) => {}
                    Err(e) => return Err(e.into()),
                }
                // Handed on read by read: a terminal that never stops sending (a paste of
                // megabytes) is never held in memory whole.
                if !deliver(&mut decoder, send) {
                    return Ok(());
                }
                if !readable(fd, Some(Duration::ZERO))? {
                    break;
                }
            }
            decoder.end_of_input();
        } else {
            decoder.timeout();
        }
        if !deliver(&mut decoder, send) {
            return Ok(());
        }
    }
}

/// Hand on every decoded event; false when the receiver is gone.
fn deliver(decoder: &mut Decoder, send: &impl Fn(Result<Event, String>) -> bool) -> bool {
    while let Some(event) = decoder.pop() {
        if !send(Ok(event)) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests;
