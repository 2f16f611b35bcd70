//! Where one token of terminal input ends, byte by byte: a UTF-8 character, a control
//! sequence, an OSC or DCS string, each with its bound; and the mouse reports too odd to decode.

use super::{BEL, ESC, SEQUENCE_LIMIT, STRING_LIMIT};

/// What the next byte does to the token begun in `pending`.
pub(super) enum Step {
    /// Part of it, not the last.
    More,
    /// Its last byte.
    Done,
    /// It cannot continue the token, which is dropped; the byte starts afresh.
    Abort,
    /// The token is whole without it (a lone Esc); the byte starts the next.
    Split,
    /// The ESC that began a string terminator begins a new sequence instead.
    Restart,
}

/// How `byte` continues `pending` (not empty: an ESC or a UTF-8 lead byte first).
pub(super) fn step(pending: &[u8], byte: u8) -> Step {
    let first = pending[0];
    if first != ESC {
        return utf8_step(first, pending.len(), byte);
    }
    match pending.get(1).copied() {
        None => match byte {
            b'[' | b'O' | b']' | b'P' | 0xc0..=0xf7 => Step::More,
            // Two Escapes are two Esc keys.
            ESC | 0x80..=0xbf | 0xf8..=0xff => Step::Split,
            // Alt and a key.
            _ => Step::Done,
        },
        Some(b'[') => csi_step(pending, byte),
        Some(b'O') if (0x20..=0x7e).contains(&byte) => Step::Done,
        Some(b'O') => Step::Abort,
        Some(b']' | b'P') => string_step(pending, byte),
        // Alt and a character of several bytes.
        Some(lead) => utf8_step(lead, pending.len() - 1, byte),
    }
}

/// A UTF-8 character begun by `lead`, `have` bytes of it so far.
fn utf8_step(lead: u8, have: usize, byte: u8) -> Step {
    let needed = match lead {
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    };
    if !(0x80..=0xbf).contains(&byte) {
        Step::Abort
    } else if have + 1 >= needed {
        Step::Done
    } else {
        Step::More
    }
}

/// `ESC [`, parameters and intermediates (0x20–0x3f), a final byte (0x40–0x7e); and two older
/// forms: the Linux console's F1–F5 (`ESC [ [ A`) and the X10 mouse (`ESC [ M` and 3 bytes).
fn csi_step(pending: &[u8], byte: u8) -> Step {
    let len = pending.len();
    if len >= SEQUENCE_LIMIT {
        return Step::Abort;
    }
    match (len, pending.get(2)) {
        (2, _) if byte == b'[' || byte == b'M' => Step::More,
        (3, Some(b'[')) if (0x20..=0x7e).contains(&byte) => Step::Done,
        (3, Some(b'[')) => Step::Abort,
        (3 | 4, Some(b'M')) => Step::More,
        (5, Some(b'M')) => Step::Done,
        _ => match byte {
            0x20..=0x3f => Step::More,
            0x40..=0x7e => Step::Done,
            _ => Step::Abort,
        },
    }
}

/// OSC (`ESC ]`, ended by BEL or `ESC \`) and DCS (`ESC P`, ended by `ESC \`). A control byte
/// inside one means it was never going to end: it is dropped and the byte read afresh.
fn string_step(pending: &[u8], byte: u8) -> Step {
    if pending.len() > 2 && pending.last() == Some(&ESC) {
        return if byte == b'\\' {
            Step::Done
        } else {
            Step::Restart
        };
    }
    match byte {
        BEL if pending[1] == b']' => Step::Done,
        ESC => Step::More,
        0x00..=0x1f => Step::Abort,
        _ if pending.len() >= STRING_LIMIT => Step::Abort,
        _ => Step::More,
    }
}

/// termina's parser takes 1 from a mouse report's column and row unchecked: a report at 0 (no
/// terminal sends one; a paste may hold one) would overflow. Such a report is dropped here.
pub(super) fn mouse_report_is_sound(token: &[u8]) -> bool {
    let Some(body) = token.strip_prefix(b"\x1b[") else {
        return true;
    };
    let Some((&last, body)) = body.split_last() else {
        return true;
    };
    let body = body.strip_prefix(b"<").unwrap_or(body);
    let sgr_or_rxvt =
        (last == b'M' || last == b'm') && body.first().is_some_and(u8::is_ascii_digit);
    if !sgr_or_rxvt {
        return true;
    }
    let Ok(body) = std::str::from_utf8(body) else {
        return false;
    };
    let fields: Vec<&str> = body.split(';').collect();
    fields.len() == 3
        && fields[1..]
            .iter()
            .all(|f| f.parse::<u16>().is_ok_and(|n| n >= 1))
}
