//! Styled spans of document text for the terminal; the plain text functions (inert, widths,
//! wrapping, truncation) are in [`crate::text::display`] and re-exported here.

pub use crate::text::display::*;
use ratatui::style::Style;
use ratatui::text::Span;
use std::ops::Range;

/// Spans for `text[range]`: characters whose byte offset is in `highlights` (sorted) take
/// `highlight`, the others `base`; unsafe characters are dropped.
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
        let c = match c {
            '\t' | '\n' | '\r' => ' ',
            c if is_unsafe(c) => continue,
            c => c,
        };
        let on = highlights.binary_search(&(range.start + offset)).is_ok();
        if on != current_on && !current.is_empty() {
            let style = if current_on { highlight } else { base };
            spans.push(Span::styled(std::mem::take(&mut current), style));
        }
        current_on = on;
        current.push(c);
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
    fn escapes_in_highlighted_text_are_dropped() {
        let text = "x\x1b]52;c;AAAA\x07y";
        let spans = highlighted(text, 0..text.len(), &[], Style::new(), Style::new());
        let shown: String = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(shown, "x]52;c;AAAAy");
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
