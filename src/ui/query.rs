//! The query bar (top): what is typed, with the cursor while typing, and the parser's hints for
//! malformed input on the line below.

use super::text::{inert, truncate, width};
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
        Line::from(vec![
            Span::styled(PROMPT, prompt_style),
            Span::raw(inert(text).into_owned()),
        ])
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
        let before = &text[..app.query.input.cursor().min(text.len())];
        let column = width(PROMPT) + width(before);
        let x = area
            .x
            .saturating_add(u16::try_from(column).unwrap_or(u16::MAX));
        if x < area.right() {
            frame.set_cursor_position(Position::new(x, area.y));
        }
    }
}
