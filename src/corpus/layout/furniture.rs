//! Page furniture told by its shape alone: document symbols, job numbers, barcodes, page
//! numbers and counters, rules and the organisation's name.

/// Why a line is not running text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Furniture {
    /// A document symbol alone (`A/HRC/RES/44/18`), or starting a running head.
    Symbol,
    /// `GE.20-09930`, `25-16680 (E)`, a six-digit date stamp.
    JobNumber,
    /// `*2516680*`.
    Barcode,
    /// `2/5`, `7`.
    PageNumber,
    /// `---`, `***`.
    Rule,
    /// `____`: the rule above a footnote block.
    FootnoteRule,
    /// `United Nations`, `Nations Unies`.
    Organisation,
    /// A line repeated at the edges of pages (the title, the symbol and title).
    RunningHead,
    /// A footnote's text (lifted into the footnotes).
    Footnote,
}

impl Furniture {
    pub fn name(self) -> &'static str {
        match self {
            Furniture::Symbol => "symbol",
            Furniture::JobNumber => "job number",
            Furniture::Barcode => "barcode",
            Furniture::PageNumber => "page number",
            Furniture::Rule => "rule",
            Furniture::FootnoteRule => "footnote rule",
            Furniture::Organisation => "organisation name",
            Furniture::RunningHead => "running head",
            Furniture::Footnote => "footnote",
        }
    }
}

/// A UN document symbol standing at the start of `text`: its length.
pub fn symbol_prefix(text: &str) -> Option<usize> {
    let series = [
        "A/HRC/RES/",
        "A/HRC/DEC/",
        "A/RES/",
        "A/DEC/",
        "S/RES/",
        "E/CN.4/RES/",
        "E/RES/",
    ];
    let prefix = series.iter().find(|p| text.starts_with(**p))?;
    let rest = &text[prefix.len()..];
    let mut end = 0usize;
    for (i, c) in rest.char_indices() {
        if c.is_ascii_alphanumeric() || c == '/' || c == '-' || c == '.' {
            end = i + 1;
        } else {
            break;
        }
    }
    let body = rest[..end].trim_end_matches('.');
    if !body.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut len = prefix.len() + body.len();
    // `A/RES/2453 (XXIII)`, `S/RES/2334 (2016)`, `A/RES/80/59 A`.
    let tail = &text[len..];
    if let Some(inner) = tail.strip_prefix(" (").or_else(|| tail.strip_prefix('('))
        && let Some(close) = inner.find(')')
    {
        let roman = &inner[..close];
        if !roman.is_empty() && roman.len() <= 6 && roman.bytes().all(|b| b.is_ascii_alphanumeric())
        {
            len += tail.len() - inner.len() + close + 1;
        }
    }
    Some(len)
}

/// A resolution's symbol opening or closing a line of title words (`A/RES/80/25 Relationship
/// between disarmament and development`): the symbol. When the document printed its symbol
/// already, only that symbol counts.
pub(super) fn symbol_in_head(text: &str, known: &[String]) -> Option<String> {
    let (first, rest) = text.split_once(' ')?;
    let (rest_start, last) = text.rsplit_once(' ')?;
    let resolution = |t: &str| {
        symbol_prefix(t) == Some(t.len())
            && (t.contains("/RES/") || t.contains("/DEC/"))
            && (known.is_empty() || known.iter().any(|k| k == t))
    };
    let (symbol, words) = if resolution(first) {
        (first, rest)
    } else if resolution(last) {
        (last, rest_start)
    } else {
        return None;
    };
    let words = words.trim();
    let title_like = words.chars().any(char::is_alphabetic)
        && !words.ends_with([',', ';', '.', ':'])
        && furniture_shape(words).is_none();
    title_like.then(|| symbol.to_string())
}

/// What kind of furniture a line is by its shape alone.
pub(super) fn furniture_shape(line: &str) -> Option<Furniture> {
    if line.len() > 64 && !line.starts_with(['-', '_', '*', '=']) {
        return None;
    }
    if let Some(len) = symbol_prefix(line) {
        let rest = line[len..].trim();
        // `A/HRC/RES/44/18`, `A/RES/80/3 (E)`; a symbol followed by a title is a running head,
        // judged with the page edges.
        if rest.is_empty() || rest.starts_with('(') && rest.len() <= 4 {
            return Some(Furniture::Symbol);
        }
    }
    let bytes = line.as_bytes();
    if bytes.len() >= 3 && bytes.iter().all(|&b| b == b'_') {
        return Some(Furniture::FootnoteRule);
    }
    if bytes.len() >= 3
        && bytes
            .iter()
            .all(|&b| matches!(b, b'-' | b'*' | b'=' | b' '))
    {
        return Some(Furniture::Rule);
    }
    if is_barcode(line) {
        return Some(Furniture::Barcode);
    }
    if is_job_number(line) {
        return Some(Furniture::JobNumber);
    }
    if is_page_number(line) {
        return Some(Furniture::PageNumber);
    }
    matches!(line, "United Nations" | "Nations Unies").then_some(Furniture::Organisation)
}

/// `*2516680*`.
fn is_barcode(line: &str) -> bool {
    line.strip_prefix('*')
        .and_then(|l| l.strip_suffix('*'))
        .is_some_and(|d| d.len() >= 5 && d.bytes().all(|b| b.is_ascii_digit()))
}

/// `25-16680`, `25-16680 (E)`, `GE.20-09930 7`, `GE.20-10239(F) 2`,
/// `A/HRC/RES/44/18 GE.20-09930`, `241018`.
fn is_job_number(line: &str) -> bool {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let job = |t: &str| {
        let t = t.strip_prefix("GE.").unwrap_or(t);
        let t = t.trim_start_matches('*').trim_end_matches('*');
        // The language letter glued on (`10239(F)`).
        let t = match t.strip_suffix(')').and_then(|t| t.rsplit_once('(')) {
            Some((job, letter))
                if (1..=2).contains(&letter.len())
                    && letter.bytes().all(|b| b.is_ascii_uppercase()) =>
            {
                job
            }
            _ => t,
        };
        match t.split_once('-') {
            Some((year, serial)) => {
                year.len() == 2
                    && (4..=6).contains(&serial.len())
                    && year
                        .bytes()
                        .chain(serial.bytes())
                        .all(|b| b.is_ascii_digit())
            }
            None => false,
        }
    };
    let has_job = tokens.iter().any(|t| job(t));
    let rest_is_furniture = tokens.iter().all(|t| {
        job(t)
            || (t.starts_with('(') && t.ends_with(')') && t.len() <= 4)
            || (t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit()))
            || symbol_prefix(t) == Some(t.len())
            || is_page_counter(t)
    });
    // A six-digit date stamp (`241018`) alone.
    let stamp = tokens.len() == 1 && line.len() == 6 && line.bytes().all(|b| b.is_ascii_digit());
    (has_job && rest_is_furniture) || stamp
}

/// `2/5`.
fn is_page_counter(token: &str) -> bool {
    match token.split_once('/') {
        Some((page, of)) => match (page.parse::<u32>(), of.parse::<u32>()) {
            (Ok(p), Ok(o)) => p > 0 && p <= o && page.len() <= 3 && of.len() <= 3,
            _ => false,
        },
        None => false,
    }
}

fn is_page_number(line: &str) -> bool {
    is_page_counter(line) || (line.len() <= 3 && line.bytes().all(|b| b.is_ascii_digit()))
}
