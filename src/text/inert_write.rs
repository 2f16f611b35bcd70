//! The last gate before a terminal: a writer that passes text through and shows every unsafe
//! character (see [`super::display::escape`]) instead of writing it, except the line breaks that
//! separate lines. The CLI wraps its stdout and stderr in it, so no message, old or new, can put
//! an escape sequence on the user's terminal; JSON output stays valid JSON (the escapes used for
//! what `serde_json` leaves raw are JSON's own).

use super::display::{escape, is_unsafe};
use std::io::{self, Write};

/// `inner` with every unsafe character but `\n` written in its visible form, and every byte that
/// is not UTF-8 written as `\xHH`. A character split between two writes is held back until its
/// end arrives.
#[derive(Debug)]
pub struct InertWrite<W: Write> {
    inner: W,
    /// The start of a UTF-8 sequence cut by the end of the last write (at most 3 bytes).
    pending: Vec<u8>,
}

impl<W: Write> InertWrite<W> {
    pub fn new(inner: W) -> Self {
        InertWrite {
            inner,
            pending: Vec::new(),
        }
    }

    /// Valid text: written as is when it holds nothing unsafe (the common case), else in pieces.
    fn write_text(&mut self, text: &str) -> io::Result<()> {
        if !has_unsafe(text.as_bytes()) {
            return self.inner.write_all(text.as_bytes());
        }
        let shown = |c: char| c == '\n' || !is_unsafe(c);
        let mut start = 0;
        for (at, c) in text.char_indices() {
            if shown(c) {
                continue;
            }
            self.inner.write_all(&text.as_bytes()[start..at])?;
            if let Some(visible) = escape(c) {
                self.inner.write_all(visible.as_bytes())?;
            }
            start = at + c.len_utf8();
        }
        self.inner.write_all(&text.as_bytes()[start..])
    }

    /// Bytes that are not UTF-8, shown rather than passed on (a lone 0x9b byte is a CSI to a
    /// terminal in 8-bit mode).
    fn write_invalid(&mut self, bytes: &[u8]) -> io::Result<()> {
        for b in bytes {
            write!(self.inner, "\\x{b:02x}")?;
        }
        Ok(())
    }

    /// Write `bytes`, keeping back an incomplete character at the end.
    fn write_bytes(&mut self, mut bytes: &[u8]) -> io::Result<()> {
        loop {
            match std::str::from_utf8(bytes) {
                Ok(text) => return self.write_text(text),
                Err(e) => {
                    let (valid, rest) = bytes.split_at(e.valid_up_to());
                    self.write_text(std::str::from_utf8(valid).map_err(io::Error::other)?)?;
                    let Some(bad) = e.error_len() else {
                        self.pending = rest.to_vec();
                        return Ok(());
                    };
                    let (invalid, rest) = rest.split_at(bad);
                    self.write_invalid(invalid)?;
                    bytes = rest;
                }
            }
        }
    }
}

/// Whether UTF-8 `bytes` hold a character [`is_unsafe`] other than `\n`, tested on the bytes:
/// faster than decoding the characters, and this runs over everything the CLI
/// writes (`export` of a whole corpus).
fn has_unsafe(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {}
            0..=0x1f | 0x7f => return true,
            // C1 controls, U+0080–U+009F.
            0xc2 if bytes.get(i + 1).is_some_and(|b| (0x80..=0x9f).contains(b)) => return true,
            // U+202A–U+202E and U+2066–U+2069.
            0xe2 => match (bytes.get(i + 1), bytes.get(i + 2)) {
                (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9)) => return true,
                _ => {}
            },
            _ => {}
        }
        i += 1;
    }
    false
}

impl<W: Write> Write for InertWrite<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.pending.is_empty() {
            self.write_bytes(buf)?;
        } else {
            let mut joined = std::mem::take(&mut self.pending);
            joined.extend_from_slice(buf);
            self.write_bytes(&joined)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl<W: Write> Drop for InertWrite<W> {
    /// A character left cut at the very end is shown as the bytes it is.
    fn drop(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        if !pending.is_empty() {
            let _ = self.write_invalid(&pending);
            let _ = self.inner.flush();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(pieces: &[&[u8]]) -> String {
        let mut out = Vec::new();
        {
            let mut w = InertWrite::new(&mut out);
            for piece in pieces {
                w.write_all(piece).unwrap();
            }
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn controls_are_shown_and_line_breaks_kept() {
        let text = "a\x1b]52;c;SGVsbG8=\x07.txt: empty\n\x1b[2J\tb\r\n";
        assert_eq!(
            through(&[text.as_bytes()]),
            "a\\x1b]52;c;SGVsbG8=\\x07.txt: empty\n\\x1b[2J\\tb\\r\n"
        );
        assert_eq!(through(&["é « » ’ 日本\n".as_bytes()]), "é « » ’ 日本\n");
    }

    #[test]
    fn characters_split_between_writes_are_joined_first() {
        // U+009B (C1 CSI) is C2 9B in UTF-8; U+202E is E2 80 AE.
        assert_eq!(through(&[b"x\xc2", b"\x9by"]), "x\\u009by");
        assert_eq!(through(&[b"\xe2", b"\x80", b"\xaez"]), "\\u202ez");
        assert_eq!(through(&[b"\xc3", b"\xa9"]), "é");
        // Cut at the very end: the bytes are shown.
        assert_eq!(through(&[b"ok\xe2\x80"]), "ok\\xe2\\x80");
    }

    #[test]
    fn the_byte_test_agrees_with_is_unsafe() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(has_unsafe(bytes), c != '\n' && is_unsafe(c), "{c:?}");
        }
    }

    #[test]
    fn bytes_that_are_not_utf8_are_shown() {
        assert_eq!(through(&[b"a\x9b31mb\xffc"]), "a\\x9b31mb\\xffc");
    }

    #[test]
    fn json_stays_json_and_carries_no_raw_control() {
        let value = serde_json::json!({
            "path": "\x1b]52;c;SGVsbG8=\x07.txt", "title": "a\u{9b}b\u{202e}c\x7fd\n",
        });
        for text in [
            value.to_string(),
            serde_json::to_string_pretty(&value).unwrap(),
        ] {
            let shown = through(&[text.as_bytes()]);
            assert!(!shown.chars().any(|c| c != '\n' && is_unsafe(c)), "{shown}");
            let back: serde_json::Value = serde_json::from_str(&shown).unwrap();
            assert_eq!(back, value);
        }
    }
}
