//! Styled spans of document text for the terminal; the plain text functions (inert, widths,
//! wrapping, truncation) are in [`crate::text::display`] and re-exported here.

pub use crate::text::display::*;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use std::ops::Range;

/// A row of a list: `▶` before the selected one, its text cut to the `width` left and shown in
/// `selected_style` when selected.
pub fn marked_row(
    text: &str,
    selected: bool,
    selected_style: Style,
    width: usize,
) -> Line<'static> {
    let style = if selected {
        selected_style
    } else {
        Style::default()
    };
    Line::from(vec![
        Span::raw(if selected { "▶" } else { " " }),
        Span::styled(truncate(text, width.saturating_sub(1)), style),
    ])
}

/// Spans for `text[range]`: characters whose byte offset is in `highlights` (sorted) take
/// `highlight`, the others `base`; unsafe characters are shown escaped ([`escape`]).
pub fn highlighted(
    text: &str,
    range: Range<usize>,
    highlights: &[usize],
    base: Style,
    highlight: Style,
) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut current = String::new();
    let mut current_on = false;
    let Some(slice) = text.get(range.clone()) else {
        return spans;
    };
    for (offset, c) in slice.char_indices() {
        let on = highlights.binary_search(&(range.start + offset)).is_ok();
        if on != current_on && !current.is_empty() {
            let style = if current_on { highlight } else { base };
            spans.push(Span::styled(std::mem::take(&mut current), style));
        }
        current_on = on;
        // An unsafe character is shown by its escape, in the style of the character it stands
        // for: `wrap` counted the escape's width, so the line still fits.
        match escape(c) {
            Some(shown) => current.push_str(&shown),
            None => current.push(c),
        }
    }
    if !current.is_empty() {
        spans.push(Span::styled(
            current,
            if current_on { highlight } else { base },
        ));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_in_highlighted_text_are_shown() {
        let text = "x\x1b]52;c;AAAA\x07y";
        let spans = highlighted(text, 0..text.len(), &[], Style::new(), Style::new());
        let shown: String = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(shown, "x\\x1b]52;c;AAAA\\x07y");
        assert_eq!(width(&shown), width(text));
    }

    #[test]
    fn a_highlight_after_an_escape_lands_on_its_word() {
        // "\u{202e}vote": the match starts at byte 3, after the 3-byte override.
        let text = "\u{202e}vote";
        let spans = highlighted(
            text,
            0..text.len(),
            &[3, 4, 5, 6],
            Style::new(),
            Style::new(),
        );
        let parts: Vec<&str> = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(parts, ["\\u202e", "vote"]);
    }

    #[test]
    fn highlights_split_spans() {
        let spans = highlighted(
            "coopération",
            0..12,
            &[0, 1, 2, 3],
            Style::new(),
            Style::new(),
        );
        let parts: Vec<&str> = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(parts, ["coop", "ération"]);
    }
}
