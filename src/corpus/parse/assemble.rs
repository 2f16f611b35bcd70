//! The fields finished once the grammar has read the lines: split words mended, footnote calls
//! taken out of paragraphs, the title completed from front matter, the symbol chosen among
//! those printed and the number read.

use super::Fields;
use crate::corpus::calls::find_call;
use crate::corpus::layout::Cleaned;
use crate::corpus::layout::symbol_prefix;
use crate::corpus::lexicon::{Lexicon, Lexicons};
use crate::corpus::markup::FrontMatter;
use crate::corpus::model::{Body, Footnote, Paragraph};
use crate::corpus::model::{Resolution, Source};
use crate::corpus::segment::Segments;
use crate::corpus::segment::header::HeaderFields;
use crate::corpus::source::Layout;
use crate::corpus::text::finish_text;
use crate::corpus::text::{Suspects, Vocabulary, Wanted, Words, repair_suspects, suspects};
use crate::corpus::warning::Warning;
use crate::text::fold::fold;
use std::collections::HashSet;

/// Join the words a converter split with a spurious space in `texts`: the pairs that might
/// be one are found once; their joined forms are looked up in one pass over the document's
/// text (`texts` and `others`) and the language's word list; only texts with such a pair are
/// mended.
pub(super) fn mend_split_words<'a>(
    texts: &mut [&mut String],
    others: impl Iterator<Item = &'a str>,
    lexicon: &Lexicon,
) {
    let words = Words::of(lexicon);
    let mut wanted = Wanted::default();
    let found: Vec<(usize, Suspects)> = texts
        .iter()
        .enumerate()
        .filter_map(|(i, t)| suspects(t.as_str(), words, &mut wanted).map(|s| (i, s)))
        .collect();
    if found.is_empty() {
        return;
    }
    let mut document: Vec<&str> = others.collect();
    document.extend(texts.iter().map(|t| t.as_str()));
    let vocabulary = Vocabulary::of(wanted, document.into_iter());
    let mended: Vec<(usize, String)> = found
        .iter()
        .filter_map(|(i, s)| repair_suspects(texts[*i], s, &vocabulary, words).map(|t| (*i, t)))
        .collect();
    drop(found);
    for (i, text) in mended {
        *texts[i] = text;
    }
}

/// Remove the footnote calls from paragraph text, looking for each footnote's call in order.
pub(super) fn strip_calls(
    paragraphs: &mut [(Paragraph, usize, &'static str)],
    footnotes: &[Footnote],
    explicit: &HashSet<String>,
    on_page: &[bool],
    lexicons: &Lexicons,
) {
    // A call is looked for within a few pages after the previous one, so that many footnotes
    // whose calls are missing cost no more than a bounded scan each.
    const REACH: usize = 32 * 1024;
    // And the whole search is bounded by a few passes over the text: a mutated document with a
    // hundred thousand footnotes stays linear.
    let total: usize = paragraphs.iter().map(|(p, ..)| p.text.len()).sum();
    let mut budget = total.saturating_mul(4).saturating_add(REACH);
    let (mut at_paragraph, mut at_byte) = (0usize, 0usize);
    for (n, footnote) in footnotes.iter().enumerate() {
        if explicit.contains(&footnote.mark) || on_page.get(n).copied().unwrap_or(false) {
            continue;
        }
        if budget == 0 {
            break;
        }
        let mut scanned = 0usize;
        let found = (at_paragraph..paragraphs.len()).find_map(|p| {
            if scanned > REACH {
                return None;
            }
            let from = if p == at_paragraph { at_byte } else { 0 };
            let text = &paragraphs[p].0.text;
            let mut end = (from + REACH - scanned).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            scanned += end.saturating_sub(from);
            budget = budget.saturating_sub(end.saturating_sub(from) + 1);
            find_call(&text[..end], &footnote.mark, from.min(end), lexicons).map(|r| (p, r))
        });
        if let Some((p, range)) = found {
            paragraphs[p].0.text.replace_range(range.clone(), "");
            (at_paragraph, at_byte) = (p, range.start);
        }
    }
}

/// A title that a converter cut short (`… of the expenses of the`) is completed from the front
/// matter when the front matter's title starts with the same words.
pub(super) fn complete_title(title: Option<String>, front_matter: &FrontMatter) -> Option<String> {
    let Some(fm) = front_matter.get("title") else {
        return title;
    };
    let fm = fm
        .trim()
        .trim_end_matches([':', '/', ' '])
        .replace(" : ", ": ");
    let Some(title) = title else {
        return Some(fm).filter(|t| !t.is_empty());
    };
    let ours: Vec<String> = title.split_whitespace().map(fold).collect();
    let theirs: Vec<&str> = fm.split_whitespace().collect();
    let extends = theirs.len() > ours.len()
        && ours
            .iter()
            .zip(&theirs)
            .all(|(a, b)| *a == fold(b).trim_end_matches(':'));
    if !extends {
        return Some(title);
    }
    let mut completed = title;
    for word in &theirs[ours.len()..] {
        completed.push(' ');
        completed.push_str(word);
    }
    Some(completed)
}

/// Symbols the document prints: as page furniture, in front matter, in its header text.
pub(super) fn printed_symbols(
    furniture: &[String],
    front_matter: &FrontMatter,
    header_text: &str,
) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = furniture
        .iter()
        .map(|s| (s.trim().to_string(), "furniture-symbol"))
        .collect();
    if let Some(s) = front_matter.get("symbol") {
        out.push((s.trim().to_string(), "front-matter-symbol"));
    }
    for (at, _) in header_text.match_indices(['A', 'S', 'E']) {
        let starts_word = header_text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || c == '(');
        if starts_word && let Some(len) = symbol_prefix(&header_text[at..]) {
            let symbol = &header_text[at..at + len];
            if symbol.contains("/RES/") || symbol.contains("/DEC/") {
                out.push((symbol.to_string(), "symbol-in-header"));
            }
        }
    }
    out
}

/// The body a symbol's series names.
fn body_of_symbol(symbol: &str) -> Option<Body> {
    if symbol.starts_with("A/HRC/") {
        Some(Body::Hrc)
    } else if symbol.starts_with("A/RES/") || symbol.starts_with("A/DEC/") {
        Some(Body::Ga)
    } else {
        None
    }
}

/// The symbol: as printed when it agrees with the number, else built from body and number.
#[allow(clippy::type_complexity)]
pub(super) fn resolve_symbol(
    printed: Vec<(String, &'static str)>,
    number: Option<String>,
    body: Option<Body>,
    warnings: &mut Vec<Warning>,
) -> (Option<(String, &'static str)>, Option<String>, Option<Body>) {
    let printed = printed.into_iter().find(|(s, _)| match &number {
        Some(n) => {
            s.ends_with(&format!("/{n}")) || s.ends_with(&format!("/{}", n.replace(' ', "")))
        }
        None => true,
    });
    let body = body.or_else(|| printed.as_ref().and_then(|(s, _)| body_of_symbol(s)));
    let number = number.or_else(|| {
        let s = printed.as_ref()?.0.as_str();
        let parts: Vec<&str> = s.rsplitn(3, '/').collect();
        (parts.len() == 3).then(|| format!("{}/{}", parts[1], parts[0]))
    });
    let built = body.zip(number.as_deref()).map(|(b, n)| b.symbol_for(n));
    let symbol = match (printed, built) {
        (Some((p, rule)), Some(b)) if p != b => {
            warnings.push(Warning::SymbolDisagrees {
                printed: p.clone(),
                built: b,
            });
            Some((p, rule))
        }
        (Some(p), _) => Some(p),
        (None, b) => b.map(|b| (b, "body-and-number")),
    };
    (symbol, number, body)
}

/// What names a resolution: its title, number, body, symbol and session.
pub(super) struct Identity {
    pub(super) title: Option<String>,
    pub(super) number: Option<String>,
    pub(super) body: Option<Body>,
    pub(super) symbol: Option<String>,
    pub(super) session: Option<u32>,
}

/// The title (completed from front matter), the number, the body (from the header or the
/// opener), the symbol (among those printed, or made from the number) and the session (the
/// header's, else the symbol's).
pub(super) fn identity(
    segs: &Segments,
    header: &HeaderFields,
    title_text: Option<String>,
    (furniture_symbols, front_matter): (&[String], &FrontMatter),
    fields: &mut Fields<'_>,
    warnings: &mut Vec<Warning>,
) -> Identity {
    // Title.
    let title = segs
        .title
        .as_ref()
        .zip(title_text)
        .map(|((_, lines), title)| (title, lines.first().copied()));
    let title_line = title.as_ref().and_then(|t| t.1);
    let title = complete_title(title.map(|t| t.0), front_matter);
    if title.is_some() {
        fields.set(
            "title",
            "text-after-number",
            title_line.or(segs.number.as_ref().map(|n| n.1)),
        );
    }

    // Number, body, symbol.
    let number = segs.number.as_ref().map(|(n, _)| n.clone());
    if let Some((_, line)) = &segs.number {
        fields.set("number", "resolution-number", Some(*line));
    }
    let body = match (header.body, segs.opener) {
        (Some((b, rule)), _) => {
            fields.set("body", rule, segs.header.first().copied());
            Some(b)
        }
        (None, Some((b, line))) => {
            fields.set("body", "opener-phrase", Some(line));
            Some(b)
        }
        (None, None) => None,
    };
    let printed = printed_symbols(furniture_symbols, front_matter, &header.text);
    let (symbol, number, body) = resolve_symbol(printed, number, body, warnings);
    if let Some((_, rule)) = &symbol {
        fields.set("symbol", rule, None);
    }
    let symbol = symbol.map(|(s, _)| s);
    // The session the header names; else the symbol's (`2453 (XXIII)` is the 23rd).
    let session = header.session.map(|(s, _)| s).or_else(|| {
        symbol
            .as_deref()
            .and_then(crate::corpus::symbol::Symbol::parse)
            .and_then(|s| s.session_number())
    });
    Identity {
        title,
        number,
        body,
        symbol,
        session,
    }
}

/// Paragraphs made text: footnote calls taken out, each on one line, and words a converter
/// split joined (in the title too, which `title` holds as the grammar read it).
pub(super) fn finish_paragraphs(
    paragraphs: &mut [(Paragraph, usize, &'static str)],
    title: Option<&mut String>,
    cleaned: &Cleaned,
    layout: Layout,
    (lexicon, lexicons): (&Lexicon, &Lexicons),
) {
    strip_calls(
        paragraphs,
        &cleaned.footnotes,
        &cleaned.explicit_calls,
        &cleaned.calls_on_page,
        lexicons,
    );
    for (paragraph, ..) in paragraphs.iter_mut() {
        paragraph.text = finish_text(&paragraph.text);
    }
    let mut title = title;
    if let Some(title) = title.as_deref_mut() {
        *title = finish_text(title);
    }
    // Markdown converters build on text extraction that segments words itself: PyMuPDF's
    // text of the 238 GA PDFs has no split word (BENCH.md), so Markdown is not searched.
    if layout != Layout::Markdown {
        let mut texts: Vec<&mut String> =
            paragraphs.iter_mut().map(|(p, ..)| &mut p.text).collect();
        texts.extend(title);
        let footnote_texts = cleaned.footnotes.iter().map(|f| f.text.as_str());
        mend_split_words(&mut texts, footnote_texts, lexicon);
    }
}

pub(super) fn empty(path: &str, layout: Layout) -> Resolution {
    Resolution::empty(Source {
        path: path.to_string(),
        format: layout.format(),
    })
}
