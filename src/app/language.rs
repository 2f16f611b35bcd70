//! `switch_language`: the selected resolution shown in its next version (its other language),
//! the reader kept on the same paragraph and the vote pane on the same country; the language
//! switched to becomes the one every resolution shows when it has it.

use super::action::Action;
use super::lines::{document_lines, max_scroll, paragraph_start};
use super::navigate::{reader_height, reader_width};
use super::query::refresh_rows;
use super::state::{App, Cursor, ReaderView};
use crate::corpus::{DocId, ParagraphIndex, Resolution};
use crate::text::display::inert;

pub(super) fn switch_language(app: &mut App) {
    let Some(doc) = app.selected_doc() else {
        app.message = Some("No resolution selected".to_string());
        return;
    };
    let Some(next) = app.versions.next(&app.corpus.resolutions, doc) else {
        let (id, language) = app
            .resolution(doc)
            .map(|r| (inert(r.id()).into_owned(), language_name(r)))
            .unwrap_or_default();
        app.message = Some(format!("{id} is only in {language} in the corpus"));
        return;
    };
    // Where the current paragraph stands in the pane, to put its match there again.
    let reading = (app.reader.view == ReaderView::Document && app.reader.doc == Some(doc))
        .then(|| reading_row(app, doc))
        .flatten();
    let country = app.selected_country().and_then(|(code, _)| code);
    if let Some(language) = app.resolution(next).and_then(|r| r.language) {
        app.language = Some(language);
    }
    refresh_rows(app);
    app.show_version(next);
    app.reader.doc = Some(next);
    app.reader.scroll = 0;
    app.reader.current = ParagraphIndex(0);
    if let Some((paragraph, row)) = reading
        && let Some(target) = same_paragraph(app, doc, next, paragraph)
        && let Some(r) = app.resolution(next)
    {
        let lines = document_lines(r, reader_width(app));
        let start = paragraph_start(&lines, target).unwrap_or(0);
        app.reader.current = target;
        app.reader.scroll = start
            .saturating_sub(row)
            .min(max_scroll(&lines, reader_height(app)));
    }
    app.votes.cursor = Cursor::default();
    if let Some(code) = country
        && let Some(at) = app
            .ballots()
            .iter()
            .position(|(c, _)| c.code.as_deref() == Some(code.as_str()))
    {
        app.votes.cursor.selected = at;
    }
    app.message = Some(shown_message(app, next));
}

/// The current paragraph of `doc` in the reader and the pane row its first line is on (0 when
/// it starts above the pane).
fn reading_row(app: &App, doc: DocId) -> Option<(ParagraphIndex, usize)> {
    let lines = document_lines(app.resolution(doc)?, reader_width(app));
    let start = paragraph_start(&lines, app.reader.current)?;
    Some((app.reader.current, start.saturating_sub(app.reader.scroll)))
}

/// The paragraph of version `to` that is `paragraph` of version `from`: the same index when
/// both have as many paragraphs, else the paragraph with the same citation (`OP 3`), else the
/// same place in proportion.
fn same_paragraph(
    app: &App,
    from: DocId,
    to: DocId,
    paragraph: ParagraphIndex,
) -> Option<ParagraphIndex> {
    let (old, new) = (app.resolution(from)?, app.resolution(to)?);
    let target = if old.paragraphs.len() == new.paragraphs.len() {
        paragraph
    } else {
        let citation = old.citation(paragraph);
        ParagraphIndex::all(new.paragraphs.len())
            .find(|&i| citation.is_some() && new.citation(i) == citation)
            .unwrap_or_else(|| {
                ParagraphIndex(paragraph.0 * new.paragraphs.len() / old.paragraphs.len().max(1))
            })
    };
    (!new.paragraphs.is_empty()).then(|| ParagraphIndex(target.0.min(new.paragraphs.len() - 1)))
}

fn language_name(r: &Resolution) -> String {
    r.language
        .map_or_else(|| "an unknown language".to_string(), |l| l.to_string())
}

/// `A/HRC/RES/44/18 in en (also fr; L switches)`.
fn shown_message(app: &App, doc: DocId) -> String {
    let Some(r) = app.resolution(doc) else {
        return String::new();
    };
    let others: Vec<String> = app
        .versions
        .languages(&app.corpus.resolutions, doc)
        .into_iter()
        .filter(|l| *l != r.language)
        .map(|l| l.map_or_else(|| "?".to_string(), |l| l.to_string()))
        .collect();
    let key = app.keymap.hint(app.key_mode(), &Action::SwitchLanguage);
    let also = if others.is_empty() {
        "another copy".to_string()
    } else {
        format!("also {}", others.join(" "))
    };
    format!(
        "{} in {} ({also}; {key} switches)",
        inert(r.id()),
        language_name(r)
    )
}
