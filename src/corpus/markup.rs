//! Character-level clean-up before any parsing: terminal-unsafe characters, YAML front matter,
//! and the Markdown/HTML markup that converters leave in resolutions (`*`, `**`, `<sup>1</sup>`,
//! `^e^`, `[^1]`, `#` headings, links).

use regex::Regex;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// Remove everything that could drive a terminal: ANSI/VT escape sequences (CSI, OSC, DCS, …),
/// C0 and C1 control characters, and bidirectional overrides. Newlines are kept (CR and form feed
/// become newlines); tabs become spaces. Applied to the whole text first, so every field built from
/// it is safe to print.
pub fn sanitize(text: &str) -> String {
    if is_clean(text.as_bytes()) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            // C1 CSI / OSC / DCS introduce sequences too.
            '\u{9b}' => skip_until_final(&mut chars),
            '\u{90}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_until_string_end(&mut chars),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' | '\u{0c}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' => out.push(' '),
            '\u{feff}' => {}
            // Bidirectional embeddings, overrides and isolates can reorder what the user sees.
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// No byte that `sanitize` would change: a fast scan for the common case.
fn is_clean(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {}
            0..=0x1f | 0x7f => return false,
            // C1 controls U+0080–U+009F.
            0xc2 if bytes.get(i + 1).is_some_and(|b| (0x80..=0x9f).contains(b)) => return false,
            // U+200E/F, U+2028–U+202E, U+2066–U+2069.
            0xe2 => match (bytes.get(i + 1), bytes.get(i + 2)) {
                (Some(0x80), Some(0x8e | 0x8f | 0xa8..=0xae)) => return false,
                (Some(0x81), Some(0xa6..=0xa9)) => return false,
                _ => {}
            },
            // BOM U+FEFF.
            0xef if bytes.get(i + 1) == Some(&0xbb) && bytes.get(i + 2) == Some(&0xbf) => {
                return false;
            }
            _ => {}
        }
        i += 1;
    }
    true
}

fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.peek().copied() {
        Some('[') => {
            chars.next();
            skip_until_final(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_until_string_end(chars);
        }
        // Two-character sequences (ESC 7, ESC c, ESC ( B …): drop the introducer and one more
        // character unless it is a line break.
        Some('(' | ')' | '*' | '+' | '#' | '%') => {
            chars.next();
            if chars.peek().is_some_and(|c| *c != '\n') {
                chars.next();
            }
        }
        Some(c) if c != '\n' => {
            chars.next();
        }
        _ => {}
    }
}

/// Skip CSI parameters and intermediates up to and including the final byte (`@`..`~`).
fn skip_until_final(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('@'..='~').contains(&c) || c == '\n' {
            break;
        }
    }
}

/// Skip an OSC/DCS string up to BEL or ST (`ESC \`).
fn skip_until_string_end(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{07}' | '\u{9c}' | '\n' => break,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                break;
            }
            _ => {}
        }
    }
}

/// YAML front matter fields (`symbol`, `title`, `date` …) with quotes removed.
pub type FrontMatter = BTreeMap<String, String>;

/// Split off a leading `---` … `---` YAML block. Returns its simple `key: value` pairs and the
/// rest of the text. Text without front matter is returned whole.
pub fn split_front_matter(text: &str) -> (FrontMatter, &str) {
    let mut fields = FrontMatter::new();
    let trimmed = text.trim_start_matches(['\n', ' ']);
    let Some(after_open) = trimmed.strip_prefix("---\n") else {
        return (fields, text);
    };
    // Only a short block of `key: value` lines counts; a horizontal rule is not front matter.
    let mut consumed = 0;
    for (i, line) in after_open.split_inclusive('\n').enumerate() {
        if i > 60 {
            return (FrontMatter::new(), text);
        }
        consumed += line.len();
        let line = line.trim_end();
        if line == "---" {
            return (fields, &after_open[consumed..]);
        }
        match line.split_once(':') {
            Some((key, value))
                if !key.is_empty()
                    && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') =>
            {
                let value = value
                    .trim()
                    .trim_matches('"')
                    .trim_matches('\'')
                    .to_string();
                fields.insert(key.to_string(), value);
            }
            _ if line.trim().is_empty() || line.starts_with(' ') || line.starts_with('#') => {}
            _ => return (FrontMatter::new(), text),
        }
    }
    (FrontMatter::new(), text)
}

/// A footnote definition found in markup: `[^1]: text` or `<sup>1</sup> text` at line start.
pub struct MarkupFootnote {
    pub mark: String,
    pub text: String,
}

/// One line after markup removal.
pub struct CleanLine {
    pub text: String,
    /// Set when the line was a Markdown footnote definition.
    pub footnote: Option<MarkupFootnote>,
    /// Footnote marks whose calls were explicit markup on this line (and were removed).
    pub explicit_calls: Vec<String>,
    /// The line was a barcode such as `*2515106*` (page furniture, recognised before `*` goes).
    pub barcode: bool,
}

static BARCODE: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*\*\d{5,}\*\s*$"));
static HEADING: LazyLock<Regex> = LazyLock::new(|| re(r"^\s{0,3}#{1,6}\s+"));
static MD_FOOTNOTE_DEF: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*\[\^([\w-]+)\]:\s*(.*)$"));
static SUP_FOOTNOTE_DEF: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*<sup>\s*(\d{1,3})\s*</sup>\s*(.*)$"));
static MD_CALL: LazyLock<Regex> = LazyLock::new(|| re(r"\[\^([\w-]+)\]"));
static SUP_CALL: LazyLock<Regex> = LazyLock::new(|| re(r"<sup>\s*(\d{1,3})\s*</sup>"));
static SUP_TEXT: LazyLock<Regex> = LazyLock::new(|| re(r"<sup>([^<]{0,8})</sup>"));
/// `^e^` (Pandoc superscript), also with the closing caret lost: `54^e séance`.
static PANDOC_SUP: LazyLock<Regex> =
    LazyLock::new(|| re(r"\^([\p{L}\d]{1,4})\^|(\d)\^(\p{L}{1,3})\^?"));
static TAG: LazyLock<Regex> = LazyLock::new(|| re(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>"));
static LINK: LazyLock<Regex> = LazyLock::new(|| re(r"\[([^\]\[]*)\]\([^)\s]*\)"));
static ESCAPE: LazyLock<Regex> = LazyLock::new(|| re(r"\\([\\*_\[\]()#.+!`{}<>|-])"));

/// Compile a pattern written in this module. The patterns are constants, checked by the tests,
/// so a failure is a programming error; it degrades to a pattern that never matches.
pub(crate) fn re(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|_| {
        debug_assert!(false, "bad pattern {pattern}");
        // `[^\s\S]` matches nothing.
        Regex::new(r"[^\s\S]").unwrap_or_else(|_| unreachable!())
    })
}

/// Remove Markdown and HTML markup from one line, keeping its words.
pub fn clean_line(line: &str) -> CleanLine {
    let plain = CleanLine {
        text: line.to_string(),
        footnote: None,
        explicit_calls: Vec::new(),
        barcode: false,
    };
    // Most lines of PDF text carry no markup at all: skip every pattern for them.
    if !line.contains(['*', '#', '<', '[', '^', '\\', '&']) {
        return plain;
    }
    if BARCODE.is_match(line) {
        return CleanLine {
            text: String::new(),
            barcode: true,
            ..plain
        };
    }
    let mut text = HEADING.replace(line, "").into_owned();
    let mut footnote_mark = None;
    for def in [&*MD_FOOTNOTE_DEF, &*SUP_FOOTNOTE_DEF] {
        if let Some(caps) = def.captures(&text) {
            footnote_mark = Some(caps[1].to_string());
            text = caps[2].to_string();
            break;
        }
    }
    let mut explicit_calls = Vec::new();
    for call in [&*MD_CALL, &*SUP_CALL] {
        if call.is_match(&text) {
            explicit_calls.extend(call.captures_iter(&text).map(|c| c[1].to_string()));
            text = call.replace_all(&text, "").into_owned();
        }
    }
    if text.contains('<') {
        text = SUP_TEXT.replace_all(&text, "$1").into_owned();
        text = TAG.replace_all(&text, "").into_owned();
    }
    if text.contains('^') {
        text = PANDOC_SUP.replace_all(&text, "$1$2$3").into_owned();
    }
    if text.contains('[') {
        text = LINK.replace_all(&text, "$1").into_owned();
    }
    // Emphasis: UN texts carry no literal asterisks, so every `*` is markup.
    if text.contains('*') {
        text = text
            .replace("\\*", "\u{0}")
            .replace('*', "")
            .replace('\u{0}', "*");
    }
    if text.contains('\\') {
        text = ESCAPE.replace_all(&text, "$1").into_owned();
    }
    text = decode_entities(&text);
    CleanLine {
        footnote: footnote_mark.map(|mark| MarkupFootnote {
            mark,
            text: text.trim().to_string(),
        }),
        text,
        explicit_calls,
        ..plain
    }
}

fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    text.replace("&nbsp;", "\u{a0}")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&rsquo;", "’")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_strips_escapes_and_controls() {
        let dirty = "Rappelant\u{1b}[31m rouge\u{1b}[0m\u{7}, \u{1b}]0;titre\u{7}fin\u{0}\r\nsuite\u{202e}\u{9b}2Jx";
        assert_eq!(sanitize(dirty), "Rappelant rouge, fin\nsuitex");
        assert_eq!(sanitize("a\u{0c}b\tc\rd"), "a\nb c\nd");
    }

    #[test]
    fn front_matter_is_split_off() {
        let (fields, rest) =
            split_front_matter("---\nsymbol: A/RES/80/1\ntitle: \"T :\"\n---\n\nUnited");
        assert_eq!(fields.get("symbol").map(String::as_str), Some("A/RES/80/1"));
        assert_eq!(fields.get("title").map(String::as_str), Some("T :"));
        assert_eq!(rest, "\nUnited");
        let (fields, rest) = split_front_matter("---\n\nText after a rule.\n");
        assert!(fields.is_empty());
        assert_eq!(rest, "---\n\nText after a rule.\n");
    }

    #[test]
    fn markup_is_removed_and_calls_recorded() {
        let line =
            clean_line("*Réaffirmant sa volonté* de promouvoir<sup>1</sup> la coopération[^2],");
        assert_eq!(
            line.text,
            "Réaffirmant sa volonté de promouvoir la coopération,"
        );
        assert_eq!(line.explicit_calls, vec!["2".to_string(), "1".to_string()]);
        assert_eq!(clean_line("54^e^ séance").text, "54e séance");
        assert_eq!(clean_line("54^e séance").text, "54e séance");
        assert_eq!(
            clean_line("*65<sup>e</sup> séance plénière  ").text,
            "65e séance plénière  "
        );
        assert_eq!(clean_line("### 71/194. Titre").text, "71/194. Titre");
        assert_eq!(
            clean_line("Voir [E/CN.4/2001/2](#), chap. II").text,
            "Voir E/CN.4/2001/2, chap. II"
        );
        let def = clean_line("[^1]: Resolution S-10/2.").footnote.unwrap();
        assert_eq!(
            (def.mark.as_str(), def.text.as_str()),
            ("1", "Resolution S-10/2.")
        );
        let def = clean_line("<sup>5</sup> Voir *Documents officiels*")
            .footnote
            .unwrap();
        assert_eq!(
            (def.mark.as_str(), def.text.as_str()),
            ("5", "Voir Documents officiels")
        );
        assert!(clean_line("*2515106*").barcode);
    }
}
