//! The centre pane: the selected resolution (header, `PP` / `OP n` paragraphs, footnotes) wrapped
//! to the pane with matches highlighted, or the paragraph results of the query. The document's
//! line layout is a pure function shared with `update`, which scrolls and jumps by it.

use super::text::{highlighted, inert, truncate, wrap};
use super::theme::Theme;
use super::{pane_block, scroll_hint};
use crate::app::layout::RESULT_ROWS;
use crate::app::lines::{DocLine, document_lines, indent, max_scroll};
use crate::app::{App, Pane, ReaderView};
use crate::corpus::{ParagraphIndex, ParagraphKind, Resolution};
use crate::index::snippet::best_window;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::fmt::Write;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    match app.reader.view {
        ReaderView::Document => render_document(frame, area, app, theme),
        ReaderView::Results => render_results(frame, area, app, theme),
    }
}

fn render_document(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let inner_width = usize::from(area.width.saturating_sub(2));
    let height = usize::from(area.height.saturating_sub(2));
    let Some((doc, r)) = app
        .reader
        .doc
        .and_then(|d| app.resolution(d).map(|r| (d, r)))
    else {
        let block = pane_block(app, Pane::Reader, theme, "Paragraphs");
        frame.render_widget(Paragraph::new("No resolution selected.").block(block), area);
        return;
    };
    let lines = document_lines(r, inner_width);
    let scroll = app.reader.scroll.min(max_scroll(&lines, height));
    let visible: Vec<ParagraphIndex> = lines
        .iter()
        .skip(scroll)
        .take(height)
        .filter_map(DocLine::paragraph)
        .collect();
    let highlights = app.highlights(doc, |i| visible.contains(&i));
    let current = Some(app.reader.current);
    let matching = app.matching_paragraphs(doc).len();
    let languages = app
        .language_tags(doc)
        .map_or_else(String::new, |tags| format!(" {tags}"));
    let mut title = format!(
        "{}{languages} — {}",
        inert(r.id()),
        scroll_hint(scroll, lines.len(), height)
    );
    if app.query.has_terms() {
        let _ = write!(title, " — {matching} matching ¶");
    }
    let shown: Vec<Line> = lines
        .iter()
        .skip(scroll)
        .take(height)
        .map(|line| styled_line(line, r, &highlights, current, inner_width, theme))
        .collect();
    let block = pane_block(app, Pane::Reader, theme, &title);
    frame.render_widget(Paragraph::new(shown).block(block), area);
}

fn styled_line(
    line: &DocLine,
    r: &Resolution,
    highlights: &[Vec<usize>],
    current: Option<ParagraphIndex>,
    width: usize,
    theme: &Theme,
) -> Line<'static> {
    let pad = indent(width);
    match line {
        DocLine::Header(text) => Line::styled(truncate(text, width), theme.accent()),
        DocLine::Title(range) => Line::from(highlighted(
            r.title.as_deref().unwrap_or(""),
            range.clone(),
            &[],
            theme.bold(),
            theme.bold(),
        )),
        DocLine::Rule => Line::styled("─".repeat(width), theme.dim()),
        DocLine::Blank => Line::default(),
        DocLine::FootnoteHeading => Line::styled("Footnotes", theme.bold()),
        DocLine::Paragraph {
            index,
            range,
            first,
        } => {
            let Some(p) = r.paragraph(*index) else {
                return Line::default();
            };
            let bar = if current == Some(*index) { "▌" } else { " " };
            let marker = if *first {
                r.citation(*index).unwrap_or_default()
            } else {
                String::new()
            };
            let style = match p.kind {
                ParagraphKind::Operative => theme.bold(),
                ParagraphKind::Preambular | ParagraphKind::Annex => theme.dim(),
            };
            let lead = format!("{bar}{marker:<w$}", w = pad.saturating_sub(1));
            let mut spans = vec![Span::styled(truncate(&lead, pad), style)];
            let marks = highlights.get(index.0).map_or(&[][..], Vec::as_slice);
            spans.extend(highlighted(
                &p.text,
                range.clone(),
                marks,
                Style::new(),
                theme.matched(),
            ));
            Line::from(spans)
        }
        DocLine::Footnote {
            index,
            range,
            first,
        } => {
            let Some(f) = r.footnotes.get(*index) else {
                return Line::default();
            };
            let mark = if *first {
                inert(&f.mark).into_owned()
            } else {
                String::new()
            };
            let lead = format!(" {mark:<w$}", w = pad.saturating_sub(1));
            let mut spans = vec![Span::styled(truncate(&lead, pad), theme.dim())];
            spans.extend(highlighted(
                &f.text,
                range.clone(),
                &[],
                theme.dim(),
                theme.dim(),
            ));
            Line::from(spans)
        }
    }
}

fn render_results(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let width = usize::from(area.width.saturating_sub(2));
    let height = usize::from(area.height.saturating_sub(2));
    let hits = app.hits();
    let total = app.query.result.as_ref().map_or(0, |r| r.total);
    let documents = app.query.result.as_ref().map_or(0, |r| r.documents.len());
    let title = if app.query.pending() && hits.is_empty() {
        "Results — searching…".to_string()
    } else {
        format!(
            "Results — {} in {}",
            crate::plural::count(total, "paragraph", "paragraphs"),
            crate::plural::count(documents, "resolution", "resolutions")
        )
    };
    let mut lines = Vec::new();
    let first_item = app.reader.results.offset;
    for (i, hit) in hits.iter().enumerate().skip(first_item) {
        if lines.len() >= height {
            break;
        }
        let Some(r) = app.resolution(hit.document) else {
            continue;
        };
        let Some(p) = r.paragraph(hit.paragraph) else {
            continue;
        };
        let selected = i == app.reader.results.selected;
        let citation = r.citation(hit.paragraph).unwrap_or_default();
        let date = r.adopted_on.map_or_else(String::new, |d| format!(" · {d}"));
        let head = format!(
            "{} {} · {citation}{date}",
            if selected { "▶" } else { " " },
            r.id()
        );
        let head_style = if selected {
            theme.selected()
        } else {
            theme.accent()
        };
        lines.push(Line::styled(truncate(&head, width), head_style));
        let snippet_width = width.saturating_sub(2).max(1);
        let start = best_window(&p.text, &hit.positions, snippet_width, RESULT_ROWS - 1);
        let ranges = wrap(&p.text[start..], snippet_width);
        for (row, range) in ranges.iter().take(RESULT_ROWS - 1).enumerate() {
            let range = start + range.start..start + range.end;
            let lead = if row == 0 && start > 0 { " …" } else { "  " };
            let mut spans = vec![Span::styled(lead, theme.dim())];
            spans.extend(highlighted(
                &p.text,
                range,
                &hit.positions,
                Style::new(),
                theme.matched(),
            ));
            lines.push(Line::from(spans));
        }
        for _ in ranges.len()..RESULT_ROWS - 1 {
            lines.push(Line::default());
        }
    }
    if hits.is_empty() && !app.query.pending() {
        lines.push(Line::styled("No paragraph matches.", theme.dim()));
    }
    let block = pane_block(app, Pane::Reader, theme, &title);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
