//! Markdown from converters: YAML front matter, `#` headings, emphasis, `<sup>` and `^e^`
//! superscripts, `[^1]` footnotes. Markup goes; what it said stays on the line (italic opening
//! words, footnote definitions, explicit calls).

use super::{Line, Read, raw_lines};
use crate::corpus::markup::{clean_line, sanitize, split_front_matter};

/// Front matter, headings, emphasis, footnote markup or HTML superscripts in the first lines.
pub fn looks_like_markdown(text: &str) -> bool {
    if !split_front_matter(text).0.is_empty() {
        return true;
    }
    let mut signals = 0;
    for line in text.lines().take(400) {
        let t = line.trim_start();
        if t.starts_with("# ") || t.starts_with("## ") || t.starts_with("### ") {
            signals += 2;
        }
        if t.starts_with("[^") || t.contains("<sup>") || t.contains("**") {
            signals += 1;
        }
        if t.starts_with('*') && !t.starts_with("*2") && t[1..].contains('*') {
            signals += 1;
        }
    }
    signals >= 3
}

pub fn read(text: &str) -> Read {
    let sanitized = sanitize(text);
    let (front_matter, body) = split_front_matter(&sanitized);
    // `**a****b**` glues two bold blocks (a date and a title) that were separate lines.
    let body = body.replace("****", "**\n**");
    let mut read = Read {
        front_matter,
        ..Read::default()
    };
    let mut blank = false;
    for (range, _) in raw_lines(&body) {
        let raw = &body[range.clone()];
        let clean = clean_line(raw);
        read.explicit_calls.extend(clean.explicit_calls);
        let italic = {
            let t = raw.trim_start().trim_start_matches('#').trim_start();
            (t.starts_with('*') && !t.starts_with("**")) || t.starts_with('_')
        };
        let bold = raw.trim_start().starts_with("**");
        let (text, note) = if clean.barcode {
            (raw.trim().to_string(), None)
        } else if let Some(def) = clean.footnote {
            (def.text, Some(def.mark))
        } else {
            (clean.text.trim().to_string(), None)
        };
        if text.is_empty() {
            blank = true;
            continue;
        }
        read.lines.push(
            &Line {
                text: text.into(),
                italic: Some(italic),
                bold: Some(bold),
                blank_before: std::mem::take(&mut blank),
                bytes: range,
                rare: Line::rare(note, None),
                ..Line::default()
            }
            .as_ref(),
        );
    }
    read
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_goes_and_what_it_said_stays() {
        let r = read(
            "---\nsymbol: A/RES/80/2\n---\n*Rappelant* sa résolution<sup>1</sup>,\n\n[^1]: A/HRC/43/68.\n",
        );
        assert_eq!(
            r.front_matter.get("symbol").map(String::as_str),
            Some("A/RES/80/2")
        );
        assert_eq!(r.lines.to_vec()[0].text, "Rappelant sa résolution,");
        assert_eq!(r.lines.to_vec()[0].italic, Some(true));
        assert_eq!(r.lines.to_vec()[1].note(), Some("1"));
        assert_eq!(r.lines.to_vec()[1].text, "A/HRC/43/68.");
        assert!(r.lines.to_vec()[1].blank_before);
        assert!(r.explicit_calls.contains("1"));
    }
}
