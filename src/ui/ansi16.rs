//! The 16 ANSI colours as a 16-colour terminal understands them. crossterm writes even the 16
//! named colours as palette indexes (`ESC[38;5;1m`), which a terminal limited to 16 colours
//! (`TERM=linux`, `xterm`) may not read; in 16-colour mode frames go through this writer, which
//! rewrites those to the classic codes (`ESC[31m`, `ESC[91m`, `ESC[41m`, `ESC[101m`). The frame
//! is kept until `flush`, so a sequence split across writes is rewritten whole.

use std::io::{self, Write};

/// A writer that, when `active`, rewrites palette indexes 0–15 to the classic SGR codes.
pub struct Ansi16<W: Write> {
    inner: W,
    active: bool,
    pending: Vec<u8>,
}

impl<W: Write> Ansi16<W> {
    pub fn new(inner: W, active: bool) -> Ansi16<W> {
        Ansi16 {
            inner,
            active,
            pending: Vec::new(),
        }
    }
}

impl<W: Write> Write for Ansi16<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if self.active {
            self.pending.extend_from_slice(bytes);
            Ok(bytes.len())
        } else {
            self.inner.write(bytes)
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            let rewritten = rewrite(&self.pending);
            self.pending.clear();
            self.inner.write_all(&rewritten)?;
        }
        self.inner.flush()
    }
}

/// `bytes` with every palette index below 16 in an SGR sequence (`38;5;N`, `48;5;N`, alone or
/// among other parameters, as in `ESC[38;5;12;49m`) in its classic form.
pub fn rewrite(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if let Some((params, len)) = sgr_at(&bytes[i..]) {
            out.extend_from_slice(b"\x1b[");
            out.extend_from_slice(classic(params).as_bytes());
            out.push(b'm');
            i += len;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

/// At the start of `bytes`, an SGR sequence `ESC [ params m` with digit and `;` parameters: the
/// parameters and the sequence's length.
fn sgr_at(bytes: &[u8]) -> Option<(&str, usize)> {
    let rest = bytes.strip_prefix(b"\x1b[")?;
    let len = rest
        .iter()
        .take_while(|b| b.is_ascii_digit() || **b == b';')
        .count();
    (rest.get(len) == Some(&b'm'))
        .then(|| std::str::from_utf8(&rest[..len]).ok())
        .flatten()
        .map(|params| (params, 2 + len + 1))
}

/// SGR parameters with `38;5;N` and `48;5;N` (N < 16) as `3x`/`9x` and `4x`/`10x`.
fn classic(params: &str) -> String {
    let parts: Vec<&str> = params.split(';').collect();
    let mut out: Vec<String> = Vec::with_capacity(parts.len());
    let mut i = 0;
    while i < parts.len() {
        let ground = match parts[i] {
            "38" => Some(30u8),
            "48" => Some(40u8),
            _ => None,
        };
        let index = parts.get(i + 2).and_then(|n| n.parse::<u8>().ok());
        match (ground, parts.get(i + 1), index) {
            (Some(ground), Some(&"5"), Some(n)) if n < 16 => {
                let code = if n < 8 {
                    ground + n
                } else {
                    ground + 60 + n - 8
                };
                out.push(code.to_string());
                i += 3;
            }
            // Any other extended colour (`38;5;N`, `38;2;R;G;B`) passes whole.
            (Some(_), Some(&kind), _) if kind == "5" || kind == "2" => {
                let width = if kind == "5" { 3 } else { 5 };
                let end = (i + width).min(parts.len());
                out.extend(parts[i..end].iter().map(std::string::ToString::to_string));
                i = end;
            }
            _ => {
                out.push(parts[i].to_string());
                i += 1;
            }
        }
    }
    out.join(";")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn palette_indexes_below_16_become_classic_codes() {
        let frame = b"\x1b[38;5;1mN\x1b[38;5;9mX\x1b[48;5;4mB\x1b[48;5;12mb\x1b[38;5;203m!\x1b[1m";
        assert_eq!(
            String::from_utf8(rewrite(frame)).unwrap(),
            "\x1b[31mN\x1b[91mX\x1b[44mB\x1b[104mb\x1b[38;5;203m!\x1b[1m"
        );
        // Among other parameters, as crossterm writes a colour and a reset together.
        assert_eq!(
            String::from_utf8(rewrite(b"\x1b[38;5;12;49mT\x1b[1;48;5;3;38;2;1;2;3m")).unwrap(),
            "\x1b[94;49mT\x1b[1;43;38;2;1;2;3m"
        );
    }

    #[test]
    fn a_sequence_split_across_writes_is_rewritten_at_flush() {
        let mut out = Ansi16::new(Vec::new(), true);
        out.write_all(b"a\x1b[38;").unwrap();
        out.write_all(b"5;8mb").unwrap();
        assert!(out.inner.is_empty(), "nothing before the flush");
        out.flush().unwrap();
        assert_eq!(out.inner, b"a\x1b[90mb");
        // Inactive: bytes pass as written.
        let mut plain = Ansi16::new(Vec::new(), false);
        plain.write_all(b"\x1b[38;5;8m").unwrap();
        assert_eq!(plain.inner, b"\x1b[38;5;8m");
    }
}
