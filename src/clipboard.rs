//! Copying over SSH: the OSC 52 escape sequence that asks the local terminal to set its clipboard
//! (wrapped for tmux passthrough), built by a pure function; the loop writes it.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// `ESC ] 52 ; c ; base64(text) BEL`; inside tmux, wrapped in a DCS passthrough
/// (`ESC P tmux; … ESC \`) with every ESC of the inner sequence doubled.
pub fn osc52(text: &str, tmux: bool) -> String {
    let inner = format!("\x1b]52;c;{}\x07", STANDARD.encode(text));
    if tmux {
        format!("\x1bPtmux;{}\x1b\\", inner.replace('\x1b', "\x1b\x1b"))
    } else {
        inner
    }
}

/// Whether the process runs inside tmux (`TMUX` set and not empty).
pub fn inside_tmux(tmux_var: Option<&str>) -> bool {
    tmux_var.is_some_and(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_plain_and_for_tmux() {
        assert_eq!(osc52("hi", false), "\x1b]52;c;aGk=\x07");
        assert_eq!(osc52("hi", true), "\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\");
        let text = "A/HRC/RES/44/18, OP 3: Réaffirme que les États…";
        let seq = osc52(text, false);
        let payload = seq
            .trim_start_matches("\x1b]52;c;")
            .trim_end_matches('\x07');
        assert_eq!(STANDARD.decode(payload).unwrap(), text.as_bytes());
        assert!(!payload.contains('\x1b'));
        assert!(inside_tmux(Some("/tmp/tmux-0/default,1,0")));
        assert!(!inside_tmux(Some("")));
        assert!(!inside_tmux(None));
    }
}
