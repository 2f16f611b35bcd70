//! PDF-to-text and Markdown clean-up: turns a document into content lines, with page
//! furniture (symbol headers, `GE.` job numbers, page numbers, barcodes, rules) dropped and
//! footnote blocks lifted out wherever they fall, and the helpers that join lines into one-line
//! paragraph text (hyphenation, whitespace).

use super::calls::find_call;
use super::markup::{FrontMatter, clean_line, re, sanitize, split_front_matter};
use super::model::Footnote;
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// A line of running text, markup removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    /// A blank line, a page break or a footnote block came between this line and the previous one.
    pub blank_before: bool,
}

/// A document reduced to its running text, its footnotes and what the furniture said.
#[derive(Debug, Default)]
pub struct Normalized {
    pub lines: Vec<Line>,
    pub footnotes: Vec<Footnote>,
    pub front_matter: FrontMatter,
    /// Footnote marks whose calls were explicit markup (already removed from the text).
    pub explicit_calls: HashSet<String>,
    /// Symbols printed in page headers (`A/HRC/RES/44/18`).
    pub furniture_symbols: Vec<String>,
    /// Blank lines separate paragraphs (Markdown, reflowed text) rather than every printed
    /// line (double-spaced PDF text), so they can be trusted as paragraph breaks.
    pub blank_separates_paragraphs: bool,
}

static SYMBOL_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(A/(?:HRC/)?RES/(?:[A-Z]{1,2}-)?\d{1,4}/\d{1,4}(?:\s*[A-Z])?)(?:\s*\([A-Z]\))?$")
});
static JOB_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:A/(?:HRC/)?RES/\S+\s+)?(?:\d{1,3}\s+)?GE\.\d{2}-\d{4,6}(?:\s*\([A-Z]\))?(?:\s+\d{1,3})?(?:\s+A/\S+)?$",
    )
});
static UN_JOB_NUMBER: LazyLock<Regex> = LazyLock::new(|| re(r"^\d{2}-\d{4,6}(?:\s*\([A-Z]\))?$"));
static PAGE_OF: LazyLock<Regex> = LazyLock::new(|| re(r"^(\d{1,3})\s*/\s*(\d{1,3})$"));
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| re(r"^\d{1,3}$"));
static RULE: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:[-*=]\s*){3,}$"));
static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| re(r"^_{3,}$"));

/// A number of one to three digits opening `text`: its digits and what follows them.
pub fn leading_number(text: &str) -> Option<(&str, &str)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits).then(|| text.split_at(digits))
}

/// `12 A/HRC/43/68.`: a footnote's mark and text.
fn footnote_line(text: &str) -> Option<(&str, &str)> {
    let (mark, rest) = leading_number(text)?;
    let body = rest.trim_start();
    (rest.starts_with(char::is_whitespace) && !body.is_empty()).then_some((mark, body))
}
static STARTS_PARAGRAPH_MARKER: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:\d{1,3}\.(?:\s|$)|\([a-z]{1,4}\)(?:\s|$)|\[)"));

/// What a furniture line was, when it was one.
enum Furniture {
    Plain,
    Symbol(String),
    Separator,
}

fn furniture(line: &str) -> Option<Furniture> {
    // Furniture lines are short, but for rules; skip the patterns for running text.
    if line.len() > 64 && !line.starts_with(['-', '_', '*', '=']) {
        return None;
    }
    if let Some(caps) = SYMBOL_LINE.captures(line) {
        return Some(Furniture::Symbol(caps[1].to_string()));
    }
    if SEPARATOR.is_match(line) {
        return Some(Furniture::Separator);
    }
    if let Some(caps) = PAGE_OF.captures(line) {
        let (page, of) = (caps[1].parse::<u32>(), caps[2].parse::<u32>());
        return match (page, of) {
            (Ok(p), Ok(o)) if p <= o && p > 0 => Some(Furniture::Plain),
            _ => None,
        };
    }
    let plain = JOB_NUMBER.is_match(line)
        || UN_JOB_NUMBER.is_match(line)
        || PAGE_NUMBER.is_match(line)
        || RULE.is_match(line)
        || line == "United Nations"
        || line == "Nations Unies";
    plain.then_some(Furniture::Plain)
}

/// The footnote being read, and whether the next line may still continue it.
struct OpenFootnote {
    index: usize,
    contiguous: bool,
}

/// Reads lines one by one, sorting them into running text, furniture and footnotes.
#[derive(Default)]
struct Sorter {
    out: Normalized,
    pending_blank: bool,
    /// Inside a footnote block: after a `____` rule or a footnote, until running text resumes.
    in_footnote_zone: bool,
    open: Option<OpenFootnote>,
    /// Running text since the last footnote, where the next footnote's call must be.
    recent_text: String,
}

/// How far back a footnote's call may be from its text (a page or two of running text).
const CALL_WINDOW: usize = 16 * 1024;

impl Sorter {
    fn next_mark(&self) -> u32 {
        self.out
            .footnotes
            .iter()
            .rev()
            .find_map(|f| f.mark.parse::<u32>().ok())
            .map_or(1, |n| n + 1)
    }

    fn push_footnote(&mut self, mark: String, text: &str) {
        self.out.footnotes.push(Footnote {
            mark,
            text: text.trim().to_string(),
        });
        self.open = Some(OpenFootnote {
            index: self.out.footnotes.len() - 1,
            contiguous: true,
        });
        self.in_footnote_zone = true;
        self.recent_text.clear();
    }

    fn blank(&mut self) {
        self.pending_blank = true;
        if let Some(open) = &mut self.open {
            open.contiguous = false;
        }
    }

    fn read(&mut self, raw: &str) {
        let clean = clean_line(raw);
        self.out.explicit_calls.extend(clean.explicit_calls);
        if clean.barcode {
            return self.blank();
        }
        if let Some(def) = clean.footnote {
            return self.push_footnote(def.mark, &def.text);
        }
        let text = clean.text.trim();
        if text.is_empty() {
            return self.blank();
        }
        match furniture(text) {
            Some(Furniture::Separator) => {
                self.blank();
                self.in_footnote_zone = true;
                self.open = None;
                return;
            }
            Some(Furniture::Symbol(symbol)) => {
                self.out.furniture_symbols.push(symbol);
                self.in_footnote_zone = false;
                self.open = None;
                return self.blank();
            }
            Some(Furniture::Plain) => {
                self.in_footnote_zone = false;
                self.open = None;
                return self.blank();
            }
            None => {}
        }
        if self.try_footnote(text) {
            return;
        }
        self.in_footnote_zone = false;
        self.open = None;
        if self.recent_text.len() > CALL_WINDOW {
            let cut = self.recent_text.len() - CALL_WINDOW / 2;
            let cut = (cut..self.recent_text.len())
                .find(|i| self.recent_text.is_char_boundary(*i))
                .unwrap_or(self.recent_text.len());
            self.recent_text.drain(..cut);
        }
        self.recent_text.push(' ');
        self.recent_text.push_str(text);
        self.out.lines.push(Line {
            text: text.to_string(),
            blank_before: std::mem::take(&mut self.pending_blank),
        });
    }

    /// A footnote starts here, or the open one continues: take the line and say so.
    fn try_footnote(&mut self, text: &str) -> bool {
        if let Some((mark, body)) = footnote_line(text) {
            // `1 avril 2020, sur …` continues a sentence with a date; it is no footnote.
            let expected = mark.parse::<u32>().ok() == Some(self.next_mark())
                && !super::words::starts_with_month(body);
            if expected
                && (self.in_footnote_zone || find_call(&self.recent_text, mark, 0).is_some())
            {
                let (mark, body) = (mark.to_string(), body.to_string());
                self.push_footnote(mark, &body);
                return true;
            }
        }
        let Some(open) = &self.open else {
            return false;
        };
        let footnote = &mut self.out.footnotes[open.index];
        let ended = footnote.text.ends_with('.');
        if open.contiguous && !ended && !STARTS_PARAGRAPH_MARKER.is_match(text) {
            join_into(&mut footnote.text, text);
            return true;
        }
        false
    }
}

/// Reduce a document to its running text and footnotes.
pub fn normalize(text: &str) -> Normalized {
    let sanitized = sanitize(text);
    let (front_matter, body) = split_front_matter(&sanitized);
    // `**a****b**` glues two bold blocks (a date and a title) that were separate lines.
    let body = body.replace("****", "\n");
    let mut sorter = Sorter::default();
    for raw in body.lines() {
        sorter.read(raw);
    }
    let mut out = sorter.out;
    out.front_matter = front_matter;
    for footnote in &mut out.footnotes {
        footnote.text = finish_text(&footnote.text);
    }
    out.blank_separates_paragraphs = blanks_separate_paragraphs(&out.lines);
    out
}

/// Blank lines are paragraph breaks when the lines before them mostly end a sentence or a
/// paragraph; in double-spaced PDF text they fall after every printed line instead.
fn blanks_separate_paragraphs(lines: &[Line]) -> bool {
    let mut before_blank = 0usize;
    let mut ending = 0usize;
    for pair in lines.windows(2) {
        if pair[1].blank_before {
            before_blank += 1;
            if pair[0].text.ends_with([',', ';', ':', '.']) {
                ending += 1;
            }
        }
    }
    before_blank >= 3 && ending * 10 >= before_blank * 6
}

/// Append line `next` to paragraph text `acc`: a soft hyphen at the end of the line joins the
/// word; a compound hyphen (`Royaume-` + `Uni`) is kept without a space; else one space.
pub fn join_into(acc: &mut String, next: &str) {
    let next = next.trim();
    if next.is_empty() {
        return;
    }
    let trimmed_len = acc.trim_end().len();
    acc.truncate(trimmed_len);
    if acc.ends_with('\u{ad}') {
        acc.pop();
        acc.push_str(next);
        return;
    }
    let compound_break = acc.ends_with('-')
        && acc[..acc.len() - 1]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
        && next.chars().next().is_some_and(char::is_lowercase);
    if !acc.is_empty() && !compound_break {
        acc.push(' ');
    }
    acc.push_str(next);
}

/// Runs of whitespace (non-breaking spaces included) become one space; ends trimmed.
fn collapse_spaces(text: &str) -> String {
    let trimmed = text.trim();
    let clean = !trimmed.contains("  ")
        && !trimmed.contains(|c: char| {
            c != ' ' && (c.is_whitespace() || matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}'))
        });
    if clean {
        return trimmed.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() || matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}') {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    out
}
/// `nuclear- weapon-free`: a line-end hyphen that a converter turned into hyphen + space.
static BROKEN_HYPHEN: LazyLock<Regex> = LazyLock::new(|| re(r"(\p{L})- (\p{Ll}+)"));

/// The final form of a paragraph, title or footnote: one line, whitespace collapsed, hyphens
/// broken at a line end rejoined (`thirty- fifth` → `thirty-fifth`, but `pre- and post-`
/// stays), no control characters.
pub fn finish_text(text: &str) -> String {
    let collapsed = collapse_spaces(text);
    if !collapsed.contains("- ") {
        return collapsed;
    }
    let rejoined = BROKEN_HYPHEN.replace_all(&collapsed, |caps: &regex::Captures<'_>| {
        let word = &caps[2];
        if matches!(word, "and" | "or" | "et" | "ou" | "to" | "à") {
            caps[0].to_string()
        } else {
            format!("{}-{}", &caps[1], word)
        }
    });
    rejoined.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_is_dropped_and_symbols_kept() {
        let doc =
            "Texte 1\nA/HRC/RES/44/18 \nGE.20-09930 7\n2/3\n25-15106 (E)\n*2515106*\n---\nTexte 2";
        let n = normalize(doc);
        let texts: Vec<_> = n.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["Texte 1", "Texte 2"]);
        assert_eq!(n.furniture_symbols, ["A/HRC/RES/44/18"]);
        assert!(n.lines[1].blank_before);
    }

    #[test]
    fn footnotes_are_lifted_out_of_running_text() {
        let doc = "des droits de l’homme1 ; \n\n 1 A/HRC/43/68. \n 2 A/HRC/44/28. \nA/HRC/RES/44/18\n\
                   rester sensibles au fait\n20 décembre 1993, intitulée";
        let n = normalize(doc);
        let marks: Vec<_> = n
            .footnotes
            .iter()
            .map(|f| (f.mark.as_str(), f.text.as_str()))
            .collect();
        assert_eq!(marks, [("1", "A/HRC/43/68."), ("2", "A/HRC/44/28.")]);
        let texts: Vec<_> = n.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "des droits de l’homme1 ;",
                "rester sensibles au fait",
                "20 décembre 1993, intitulée"
            ]
        );
    }

    #[test]
    fn a_number_at_line_start_without_a_call_is_text() {
        let n = normalize("adoptée le\n1 décembre 2016, à\n");
        assert!(n.footnotes.is_empty());
        assert_eq!(n.lines.len(), 2);
        // Even when a call for footnote 1 is pending, a day and month is a date.
        let n = normalize(
            "des droits de l’homme1, et la résolution du\n1 avril 2020, sur la solidarité\n",
        );
        assert!(n.footnotes.is_empty());
        assert_eq!(n.lines.len(), 2);
    }

    #[test]
    fn footnote_continuation_lines_join_until_a_period() {
        let doc = "Development,1\n_______________\n\n1 Report of the Conference (United\nNations publication).\n\nof outer space";
        let n = normalize(doc);
        assert_eq!(
            n.footnotes[0].text,
            "Report of the Conference (United Nations publication)."
        );
        assert_eq!(
            n.lines.last().map(|l| l.text.as_str()),
            Some("of outer space")
        );
    }

    #[test]
    fn joins_and_finishes_text() {
        let mut acc = "Royaume-Uni de Grande-".to_string();
        join_into(&mut acc, "bretagne");
        assert_eq!(acc, "Royaume-Uni de Grande-bretagne");
        let mut acc = "coopé\u{ad}".to_string();
        join_into(&mut acc, "ration");
        assert_eq!(acc, "coopération");
        let mut acc = "Burkina ".to_string();
        join_into(&mut acc, " Faso,");
        assert_eq!(acc, "Burkina Faso,");
        assert_eq!(
            finish_text(" a  nuclear- weapon-free\u{a0}zone, thirty- fifth "),
            "a nuclear-weapon-free zone, thirty-fifth"
        );
        assert_eq!(finish_text("pre- and post-natal"), "pre- and post-natal");
    }
}
