//! The query bar (top): what is typed, with the cursor while typing, and the parser's hints for
//! malformed input on the line below.

use super::text::{char_width, inert, truncate, width};
use super::theme::Theme;
use crate::app::{App, InputTarget, KeyMode};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const PROMPT: &str = "/ ";
const EXAMPLES: &str =
    "words, \"a phrase\", 'exact, !not, a|b, s:44, y:2020, b:hrc, c:fra=no, op:, sym:44/18";

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let columns = usize::from(area.width);
    let editing = app.input == Some(InputTarget::Query);
    let text = app.query.input.text();
    let first = if text.is_empty() && !editing {
        let keys = app
            .keymap
            .hint(KeyMode::Normal, &crate::app::Action::Search);
        Line::from(vec![
            Span::styled(PROMPT, theme.dim()),
            Span::styled(
                truncate(&format!("press {keys} to search: {EXAMPLES}"), columns),
                theme.dim(),
            ),
        ])
    } else {
        let prompt_style = if editing {
            theme.focused()
        } else {
            theme.accent()
        };
        let room = columns.saturating_sub(width(PROMPT));
        let (shown, _) = window(text, app.query.input.cursor(), room);
        Line::from(vec![Span::styled(PROMPT, prompt_style), Span::raw(shown)])
    };
    let hints = &app.query.parsed.hints;
    let second = if !hints.is_empty() {
        let text = format!("⚠ {}", hints.join(" · "));
        Line::styled(truncate(&text, columns), theme.warning())
    } else if editing {
        Line::styled(truncate(EXAMPLES, columns), theme.dim())
    } else {
        Line::default()
    };
    frame.render_widget(Paragraph::new(vec![first, second]), area);
    if editing {
        let room = columns.saturating_sub(width(PROMPT));
        let (_, cursor) = window(text, app.query.input.cursor(), room);
        let column = width(PROMPT) + cursor;
        let x = area
            .x
            .saturating_add(u16::try_from(column).unwrap_or(u16::MAX));
        if x < area.right() {
            frame.set_cursor_position(Position::new(x, area.y));
        }
    }
}

/// The part of the query that fits in `room` columns with the cursor (at byte `cursor`) in
/// view, as fzf scrolls its prompt: from the start while the cursor fits, else ending just
/// after the cursor, a `…` marking text cut on the left. Returns the text to show and the
/// cursor's column in it.
fn window(text: &str, cursor: usize, room: usize) -> (String, usize) {
    // The cursor is a byte of the raw text; made inert, the text before it may grow (an ESC
    // becomes `\x1b`), so each side is made inert on its own.
    let cursor = cursor.min(text.len());
    let (head, tail) = text.split_at_checked(cursor).unwrap_or((text, ""));
    let head = inert(head);
    let cursor = head.len();
    let text = format!("{head}{}", inert(tail));
    let before = width(&text[..cursor]);
    if room == 0 {
        return (String::new(), 0);
    }
    if before < room {
        return (truncate(&text, room), before);
    }
    // Keep the last `room - 1` columns up to and including the cursor cell, after a `…`.
    let keep = room.saturating_sub(2);
    let mut start = cursor;
    let mut taken = 0;
    for (i, c) in text[..cursor].char_indices().rev() {
        if taken + char_width(c) > keep {
            break;
        }
        taken += char_width(c);
        start = i;
    }
    let shown = format!("…{}", &text[start..]);
    (truncate(&shown, room), 1 + taken)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_scrolls_to_keep_the_cursor_in_view() {
        assert_eq!(window("short", 5, 20), ("short".to_string(), 5));
        let long = "cooperation internationale droits de l'homme vaccins";
        // The cursor at the end: the end is shown, cut on the left.
        let (shown, at) = window(long, long.len(), 20);
        assert_eq!(shown, "…de l'homme vaccins");
        assert!(
            shown.ends_with("vaccins") && at == width(&shown) && at < 20,
            "{shown} {at}"
        );
        // The cursor back at the start: the start is shown.
        let (shown, at) = window(long, 0, 20);
        assert!(shown.starts_with("cooperation") && at == 0, "{shown}");
        // A control character typed or pasted is shown escaped, the cursor after it.
        assert_eq!(window("a\x1bb", 2, 20), ("a\\x1bb".to_string(), 5));
        // Wide characters count twice.
        let (shown, at) = window("人権人権人権人権人権人権", 36, 10);
        assert!(width(&shown) <= 10 && at <= 9, "{shown} {at}");
    }
}
