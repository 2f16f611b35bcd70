//! Byte-level mutations shared by the targets: flips, insertions of tokens a grammar cares
//! about, deletions, duplicated and repeated lines and blocks, splices, truncation, long lines.
//! Inputs are kept under a size cap so that one case stays bounded work for a linear parser.

use super::rng::Rng;

/// Bytes that break text in ways readers must survive: controls, escapes, bidi, BOM, invalid
/// UTF-8 (a lone continuation byte, a truncated sequence, an overlong NUL, 0xFF).
pub const HOSTILE: &[&[u8]] = &[
    b"\x0c",
    b"\r",
    b"\r\n",
    b"\0",
    b"\x1b",
    b"\x1b[2J",
    b"\x1b]52;c;SGVsbG8=\x07",
    b"\x7f",
    b"\t",
    "\u{202e}".as_bytes(),
    "\u{2066}".as_bytes(),
    "\u{200b}".as_bytes(),
    "\u{feff}".as_bytes(),
    "\u{85}".as_bytes(),
    "\u{2028}".as_bytes(),
    "\u{0301}".as_bytes(),
    "\u{fffd}".as_bytes(),
    b"\xff",
    b"\x80",
    b"\xc3",
    b"\xc0\x80",
    b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80",
];

/// Where lines start in `bytes`.
fn line_starts(bytes: &[u8]) -> Vec<usize> {
    std::iter::once(0)
        .chain(
            bytes
                .iter()
                .enumerate()
                .filter(|&(_, &b)| b == b'\n')
                .map(|(i, _)| i + 1),
        )
        .filter(|&i| i <= bytes.len())
        .collect()
}

/// A random line of `bytes`, as a range (with its newline when it has one).
fn random_line(rng: &mut Rng, bytes: &[u8]) -> std::ops::Range<usize> {
    let starts = line_starts(bytes);
    let i = rng.below(starts.len());
    let start = starts[i];
    let end = starts.get(i + 1).copied().unwrap_or(bytes.len());
    start..end
}

/// A run of `1..=max` lines.
fn random_block(rng: &mut Rng, bytes: &[u8], max: usize) -> std::ops::Range<usize> {
    let starts = line_starts(bytes);
    let i = rng.below(starts.len());
    let j = (i + rng.size(max)).min(starts.len());
    let end = starts.get(j).copied().unwrap_or(bytes.len());
    starts[i]..end
}

/// A position in `bytes`, at a line start one time in three (where grammar tokens matter most).
fn position(rng: &mut Rng, bytes: &[u8]) -> usize {
    if rng.one_in(3) {
        random_line(rng, bytes).start
    } else {
        rng.below(bytes.len() + 1)
    }
}

/// Apply one random mutation to `bytes`. `tokens` are the words the target's grammar reads;
/// `other` is a second input to splice with. The result is cut to `cap` bytes.
pub fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>, tokens: &[&str], other: &[u8], cap: usize) {
    match rng.below(14) {
        // Flip a few bits.
        0 => {
            for _ in 0..rng.size(16) {
                if !bytes.is_empty() {
                    let at = rng.below(bytes.len());
                    bytes[at] ^= 1 << rng.below(8);
                }
            }
        }
        // A grammar token, a few times.
        1 | 2 => {
            for _ in 0..rng.size(8) {
                let at = position(rng, bytes);
                let token = rng.pick(tokens).as_bytes();
                bytes.splice(at..at, token.iter().copied());
            }
        }
        // A hostile byte sequence.
        3 => {
            for _ in 0..rng.size(8) {
                let at = rng.below(bytes.len() + 1);
                let token = *rng.pick(HOSTILE);
                bytes.splice(at..at, token.iter().copied());
            }
        }
        // Delete a range.
        4 => {
            let at = rng.below(bytes.len() + 1);
            let end = (at + rng.size(4096)).min(bytes.len());
            bytes.drain(at..end);
        }
        // Duplicate a line.
        5 => {
            let line = random_line(rng, bytes);
            let copy = bytes[line.clone()].to_vec();
            bytes.splice(line.end..line.end, copy);
        }
        // Duplicate a block of lines.
        6 => {
            let block = random_block(rng, bytes, 64);
            let copy = bytes[block.clone()].to_vec();
            let at = random_line(rng, bytes).start;
            bytes.splice(at..at, copy);
        }
        // Repeat a line k times.
        7 => {
            let line = random_line(rng, bytes);
            let copy = bytes[line.clone()].to_vec();
            let k = rng.size(5000);
            let repeated: Vec<u8> = copy
                .iter()
                .copied()
                .cycle()
                .take(copy.len().saturating_mul(k).min(cap))
                .collect();
            bytes.splice(line.end..line.end, repeated);
        }
        // Repeat a token k times, on one line (`France and France and …`, `[^7]:[^7]:…`).
        8 => {
            let token = rng.pick(tokens).as_bytes();
            let k = rng.size(4000);
            let at = position(rng, bytes);
            let repeated: Vec<u8> = token
                .iter()
                .copied()
                .cycle()
                .take(token.len().saturating_mul(k).min(cap))
                .collect();
            bytes.splice(at..at, repeated);
        }
        // Splice with another input: a prefix of one and a suffix of the other.
        9 => {
            let cut = rng.below(bytes.len() + 1);
            let from = rng.below(other.len() + 1);
            bytes.truncate(cut);
            bytes.extend_from_slice(&other[from..]);
        }
        // Truncate.
        10 => {
            let at = rng.below(bytes.len() + 1);
            bytes.truncate(at);
        }
        // A very long line: one word, or digits, many times without a break.
        11 => {
            let len = rng.size(200_000);
            let word: Vec<u8> = if rng.one_in(2) {
                b"0123456789".to_vec()
            } else {
                let mut w = rng.pick(tokens).as_bytes().to_vec();
                w.push(b' ');
                w
            };
            let line: Vec<u8> = word.iter().copied().cycle().take(len).collect();
            let at = position(rng, bytes);
            bytes.splice(at..at, line);
        }
        // Line ends changed everywhere.
        12 => {
            let ends: [&[u8]; 5] = [b"\r\n", b"\r", b"\n\n", b"\x0c\n", b" "];
            let to = *rng.pick(&ends);
            let mut changed = Vec::with_capacity(bytes.len());
            for &b in bytes.iter() {
                if b == b'\n' {
                    changed.extend_from_slice(to);
                } else {
                    changed.push(b);
                }
            }
            *bytes = changed;
        }
        // A long run of digits (numbers that overflow any integer type).
        _ => {
            let len = rng.size(400);
            let digits: Vec<u8> = (0..len).map(|_| b'0' + rng.below(10) as u8).collect();
            let at = position(rng, bytes);
            bytes.splice(at..at, digits);
        }
    }
    if bytes.len() > cap {
        bytes.truncate(cap);
    }
}
