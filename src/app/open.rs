//! What Enter, `n`/`N`, `r`, `f` and `y` do: open a resolution, a result in context or a
//! country's history; jump between matches; put a country in the query; copy a paragraph with
//! its citation.

use super::action::{Action, Command};
use super::choose::choose_country;
use super::country::open_history_row;
use super::lines::{context_scroll, document_lines};
use super::navigate::{reader_height, reader_width, select_hit_document};
use super::query::query_changed;
use super::state::{App, LineEdit, Pane, ReaderView};
use crate::corpus::{DocId, ParagraphIndex};
use crate::text::display::inert;
use crate::text::fold::fold;
use crate::votes::CountryId;

pub(super) fn open(app: &mut App) -> Option<Command> {
    match app.focus {
        Pane::Documents => {
            app.reader.view = ReaderView::Document;
            app.reader.opened_from_results = app.query.has_terms();
            app.focus = Pane::Reader;
        }
        Pane::Reader if app.reader.view == ReaderView::Results => open_hit(app),
        Pane::Reader => {}
        Pane::Votes if app.votes.agreement.is_some() => {
            let ranking = app.votes.agreement.as_ref()?;
            let (id, _) = *ranking.shown().get(ranking.cursor.selected)?;
            return choose_country(app, id);
        }
        Pane::Votes if app.votes.history.is_some() => open_history_row(app),
        Pane::Votes => return open_history(app),
    }
    None
}

/// Show the selected paragraph result in its resolution, current, with the text before it
/// above.
fn open_hit(app: &mut App) {
    let Some(hit) = app.hits().get(app.reader.results.selected).cloned() else {
        return;
    };
    let Some(r) = app.resolution(hit.document) else {
        return;
    };
    let lines = document_lines(r, reader_width(app));
    app.reader.scroll = context_scroll(&lines, reader_height(app), hit.paragraph);
    app.reader.current = hit.paragraph;
    app.show_version(hit.document);
    app.reader.doc = Some(hit.document);
    app.reader.view = ReaderView::Document;
    app.reader.opened_from_results = true;
    app.focus = Pane::Reader;
}

fn open_history(app: &mut App) -> Option<Command> {
    match app.selected_country() {
        Some((Some(code), name)) => match CountryId::of_code(&code) {
            Some(id) => return choose_country(app, id),
            None => app.message = Some(format!("{} is not in the country table", inert(&name))),
        },
        Some((None, name)) => {
            app.message = Some(format!("{} has no ISO code: no history", inert(&name)));
        }
        None => app.message = Some("No country selected".to_string()),
    }
    None
}

/// `n` / `N`: the next or previous result, or the next or previous matching paragraph of the
/// document (wrapping around).
pub(super) fn jump_to_match(app: &mut App, forward: bool) {
    if app.reader.view == ReaderView::Results {
        let len = app.hits().len();
        app.reader
            .results
            .move_by(if forward { 1 } else { -1 }, len);
        select_hit_document(app);
        return;
    }
    let Some(doc) = app.reader.doc else { return };
    let matching = app.matching_paragraphs(doc);
    let Some(r) = app.resolution(doc) else { return };
    if matching.is_empty() {
        let why = if app.query.has_terms() {
            "No match in this resolution"
        } else {
            "No query"
        };
        app.message = Some(why.to_string());
        return;
    }
    let current = app.reader.current;
    let next = if forward {
        matching.iter().find(|&&p| p > current)
    } else {
        matching.iter().rev().find(|&&p| p < current)
    };
    let (target, wrapped) = match next {
        Some(&p) => (p, false),
        None if forward => (matching[0], true),
        None => (matching[matching.len() - 1], true),
    };
    let citation = r.citation(target).unwrap_or_default();
    let rank = matching.iter().position(|&p| p == target).unwrap_or(0) + 1;
    let lines = document_lines(r, reader_width(app));
    app.reader.scroll = context_scroll(&lines, reader_height(app), target);
    app.reader.current = target;
    let note = if wrapped { " (wrapped)" } else { "" };
    app.message = Some(format!("Match {rank}/{}: {citation}{note}", matching.len()));
}

/// Add `c:<code>` of the selected country to the query.
pub(super) fn query_country(app: &mut App) -> Option<Command> {
    if app.focus != Pane::Votes {
        app.message = Some("Select a country in the vote pane first".to_string());
        return None;
    }
    let (code, name) = app.selected_country()?;
    let Some(code) = code else {
        app.message = Some(format!("{} has no ISO code", inert(&name)));
        return None;
    };
    let token = format!("c:{}", code.to_ascii_lowercase());
    let text = app.query.input.text().trim_end().to_string();
    if fold(&text).split_whitespace().any(|word| word == token) {
        app.message = Some(format!("{token} is already in the query"));
        return None;
    }
    let text = if text.is_empty() {
        token.clone()
    } else {
        format!("{text} {token}")
    };
    app.query.input = LineEdit::new(&text);
    app.message = Some(format!("Query: {token} added ({})", inert(&name)));
    query_changed(app)
}

pub(super) fn toggle_results(app: &mut App) {
    if !app.query.has_terms() {
        let search = app.keymap.hint(app.key_mode(), &Action::Search);
        app.message = Some(format!("No words to match: press {search} to search"));
        return;
    }
    app.reader.view = match app.reader.view {
        ReaderView::Results => ReaderView::Document,
        ReaderView::Document => ReaderView::Results,
    };
    app.reader.opened_from_results = false;
}

/// The paragraph being read: the selected result, or the current paragraph of the document.
fn current_location(app: &App) -> Option<(DocId, ParagraphIndex)> {
    if app.reader.view == ReaderView::Results {
        let hit = app.hits().get(app.reader.results.selected)?;
        return Some((hit.document, hit.paragraph));
    }
    let doc = app.reader.doc?;
    let current = app.reader.current;
    (current.0 < app.resolution(doc)?.paragraphs.len()).then_some((doc, current))
}

/// `y`: the paragraph with its citation, `A/HRC/RES/44/18, OP 3: …`.
pub(super) fn copy(app: &mut App) -> Option<Command> {
    let Some((doc, index)) = current_location(app) else {
        app.message = Some("No paragraph to copy".to_string());
        return None;
    };
    let r = app.resolution(doc)?;
    let citation = r.citation(index)?;
    let text = format!("{}, {citation}: {}", r.id(), r.paragraph(index)?.text);
    app.message = Some(format!("Copied {}, {citation}", inert(r.id())));
    Some(Command::Copy(inert(&text).into_owned()))
}
