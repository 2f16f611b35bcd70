//! The query's round trip: parsed and sent to the worker under a new generation, its answer
//! taken only if it is the newest, the document list narrowed to it.

use super::action::{Command, SearchOutcome};
use super::country::{follow_query_country, refresh_votes};
use super::navigate::select_hit_document;
use super::recall::Recall;
use super::state::{App, Cursor, LineEdit, ReaderView};
use crate::corpus::DocId;
use crate::index::query::parse;

/// Parse the new query and ask the worker for its results under a new generation.
pub(super) fn query_changed(app: &mut App) -> Option<Command> {
    app.query.parsed = parse(app.query.input.text());
    follow_query_country(app);
    app.query.generation += 1;
    app.query.kept_hit = None;
    app.reader.results = Cursor::default();
    app.reader.opened_from_results = false;
    if !app.query.is_active() {
        app.query.result = None;
        app.query.elapsed = None;
        app.query.answered = app.query.generation;
        app.reader.view = ReaderView::Document;
        refresh_rows(app);
        return None;
    }
    app.reader.view = if app.query.has_terms() {
        ReaderView::Results
    } else {
        ReaderView::Document
    };
    Some(Command::Search {
        generation: app.query.generation,
        query: app.query.parsed.clone(),
        limit: app.hit_limit,
    })
}

/// Put an older (or newer) query from the history in the bar and search for it.
pub(super) fn recall(app: &mut App, older: bool) -> Option<Command> {
    let text = app.query.input.text().to_string();
    let step = if older {
        app.history.older(&text)
    } else {
        app.history.newer(&text)
    };
    match step {
        Recall::Show(entry) => {
            app.query.input = LineEdit::new(&entry);
            query_changed(app)
        }
        Recall::End => {
            app.message = Some(
                if app.history.entries().is_empty() {
                    "No earlier query yet"
                } else if older {
                    "No older query"
                } else {
                    "No newer query"
                }
                .to_string(),
            );
            None
        }
    }
}

/// The query bar is left (Enter, Esc): a query in it joins the history, and the loop is asked
/// to add it to the file.
pub(super) fn remember_query(app: &mut App) -> Option<Command> {
    app.history
        .push(app.query.input.text())
        .map(Command::RememberQuery)
}

pub(super) fn search_done(app: &mut App, outcome: SearchOutcome) {
    // An answer to an older query than the newest sent is stale.
    if outcome.generation != app.query.generation {
        return;
    }
    // An answer from another corpus than the one shown: the query is asked again for this one.
    if outcome
        .searched
        .is_some_and(|n| n != app.corpus.resolutions.len())
    {
        return;
    }
    // The same query asked again for a new corpus (while loading): the result selected stays.
    if let Some((doc, paragraph)) = app.query.kept_hit.take()
        && let Some(place) = (outcome.result.hits.iter())
            .position(|hit| hit.document == doc && hit.paragraph == paragraph)
    {
        app.reader.results.selected = place;
    }
    app.query.answered = outcome.generation;
    app.query.result = Some(outcome.result);
    app.query.elapsed = Some(outcome.elapsed);
    refresh_rows(app);
    if app.reader.view == ReaderView::Results {
        select_hit_document(app);
    }
}

/// The document list narrowed to what the query matches, one row per resolution, sorted,
/// keeping the selected resolution selected.
pub(super) fn refresh_rows(app: &mut App) {
    let previous = app.selected_doc();
    let (resolutions, language) = (&app.corpus.resolutions, app.language);
    // One row per resolution, whichever of its versions matched.
    app.documents.rows = match (&app.query.result, app.query.is_active()) {
        (Some(result), true) => {
            let docs = result.documents.iter().map(|&(doc, _)| doc);
            app.versions.pick(resolutions, docs, language)
        }
        _ => app
            .versions
            .pick(resolutions, DocId::all(resolutions.len()), language),
    };
    app.sort_rows();
    if !previous.is_some_and(|doc| app.select_doc(doc)) {
        app.documents.cursor = Cursor::default();
    }
    refresh_votes(app);
}
