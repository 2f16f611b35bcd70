//! Copying over SSH: the OSC 52 escape sequence that asks the local terminal to set its clipboard,
//! built by a pure function; the loop writes it, and inside tmux also hands the text to
//! `tmux load-buffer -w -`.
//!
//! Inside tmux the sequence is sent plain: tmux takes it and sets its own buffer and, with
//! `set-clipboard on` (what most people set), the outer terminal's clipboard. A DCS passthrough
//! wrapper would be dropped by tmux 3.3 and later unless `allow-passthrough` is on (off by
//! default). `tmux load-buffer -w -` works with tmux's defaults.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// `ESC ] 52 ; c ; base64(text) BEL`.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", STANDARD.encode(text))
}

/// How a copy went, for the status line: the routes that took the text, and what failed.
pub fn routes_note(routes: &[&str], failures: &[String]) -> String {
    let mut note = format!("via {}", routes.join(" + "));
    for failure in failures {
        note.push_str("; ");
        note.push_str(failure);
    }
    note
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
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
        let text = "A/HRC/RES/44/18, OP 3: Réaffirme que les États…";
        let seq = osc52(text);
        let payload = seq
            .trim_start_matches("\x1b]52;c;")
            .trim_end_matches('\x07');
        assert_eq!(STANDARD.decode(payload).unwrap(), text.as_bytes());
        assert!(!payload.contains('\x1b'));
        assert!(inside_tmux(Some("/tmp/tmux-0/default,1,0")));
        assert!(!inside_tmux(Some("")));
        assert!(!inside_tmux(None));
        assert_eq!(
            routes_note(&["OSC 52", "tmux buffer"], &[]),
            "via OSC 52 + tmux buffer"
        );
        assert_eq!(
            routes_note(&["OSC 52"], &["tmux buffer failed: no server".into()]),
            "via OSC 52; tmux buffer failed: no server"
        );
    }
}
