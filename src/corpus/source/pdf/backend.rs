//! The one place that knows the PDF library (`pdfboss`): PDF bytes in, each page's positioned
//! text spans out, in our own types. Swapping the library means rewriting this file only.
//! Every call into the library is guarded: a panic inside it becomes an error for this file.

use pdfboss_core::Document;
use pdfboss_text::{FontCache, ReadingOrder, extract_spans_and_rulings_reporting_cached};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// A run of text as the page shows it. Coordinates are PDF points, y growing upwards.
// The font's flags (bold, italic, raised, artifact) are facts of the page, not a state machine.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    /// Left edge and baseline.
    pub x: f32,
    pub y: f32,
    /// Right edge.
    pub end_x: f32,
    /// Font size in points.
    pub size: f32,
    pub italic: bool,
    pub bold: bool,
    /// The producer marked the span as not part of the text (running head or foot, page
    /// number, footnote rule: a tagged PDF's `/Artifact`).
    pub artifact: bool,
    /// The text is only whitespace (a space glyph).
    pub blank: bool,
}

/// One page: its size and its spans in the order the page draws them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageSpans {
    pub width: f32,
    pub height: f32,
    pub spans: Vec<Span>,
    /// Horizontal rules drawn on the page: (x0, x1, y).
    pub rules: Vec<(f32, f32, f32)>,
}

/// Why a PDF gave no spans.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum PdfError {
    #[error("encrypted PDF (it needs a password)")]
    Encrypted,
    #[error("damaged PDF: {0}")]
    Damaged(String),
}

/// More pages than any resolution has: the rest of a larger file is not read.
pub const MAX_PAGES: usize = 2_000;

/// The spans of every page of `bytes`. A page that cannot be read is left empty.
pub fn read(bytes: &[u8]) -> Result<Vec<PageSpans>, PdfError> {
    let owned = bytes.to_vec();
    // An empty user password opens many "encrypted" PDFs (the library decrypts them); one that
    // needs a password is refused here.
    let doc = guarded(|| Document::load(owned))?.map_err(|e| match e {
        pdfboss_core::Error::Encrypted => PdfError::Encrypted,
        e => PdfError::Damaged(first_line(&e.to_string())),
    })?;
    let count = guarded(|| doc.page_count())?.min(MAX_PAGES);
    let mut pages = Vec::with_capacity(count);
    // Fonts are shared by the pages of a document: each is read once.
    let fonts = FontCache::default();
    for index in 0..count {
        let page = guarded(|| read_page(&doc, index, &fonts))?.unwrap_or_default();
        pages.push(page);
    }
    Ok(pages)
}

fn read_page(doc: &Document, index: usize, fonts: &FontCache) -> Option<PageSpans> {
    let page = doc.page(index).ok()?;
    let (width, height) = page.size();
    let (spans, rulings, _report) =
        extract_spans_and_rulings_reporting_cached(doc, &page, fonts, ReadingOrder::Content)
            .ok()?;
    let spans = spans
        .into_iter()
        // Invisible text is kept: it is the OCR layer of a scanned page.
        .filter(|s| !s.vertical && s.size.is_finite() && s.x.is_finite() && s.y.is_finite())
        .map(|s| Span {
            x: s.x,
            y: s.y,
            end_x: s.end_x,
            size: s.size.abs(),
            italic: s.italic,
            bold: s.bold,
            artifact: s.artifact.is_some(),
            blank: s.text.chars().all(char::is_whitespace),
            text: s.text,
        })
        .collect();
    let rules = rulings
        .into_iter()
        .filter(|r| (r.start.y - r.end.y).abs() < 0.5)
        .map(|r| (r.start.x.min(r.end.x), r.start.x.max(r.end.x), r.start.y))
        .collect();
    Some(PageSpans {
        width,
        height,
        spans,
        rules,
    })
}

/// Run a library call, a panic turned into an error.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, PdfError> {
    catch_unwind(AssertUnwindSafe(f))
        .map_err(|_| PdfError::Damaged("the PDF library failed on this file".into()))
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or("").chars().take(200).collect()
}
