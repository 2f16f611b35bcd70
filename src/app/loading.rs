//! The corpus arriving while the app runs: the loader's progress, the partial corpora it shows
//! while it reads (the files read so far), then the whole corpus. Each new corpus replaces the one
//! shown without losing the user's place: the query is kept and asked again (its answer came from
//! the other corpus), the selected resolution and the reader's scroll stay where they were.

use super::action::Command;
use super::query::refresh_rows;
use super::state::{App, IndexStatus, LoadProgress};
use crate::corpus::load::Corpus;
use crate::corpus::{DocId, ParagraphIndex};
use crate::index::versions::Versions;
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// The loader has read `progress.done` of `progress.total` files. Reports may cross: the count
/// never goes back.
pub(super) fn load_progress(app: &mut App, progress: LoadProgress) {
    if app.index != IndexStatus::Loading {
        return;
    }
    let before = app.loading.filter(|p| p.total == progress.total);
    let newest = match before {
        Some(before) if before.done > progress.done => before,
        _ => progress,
    };
    app.loading = Some(LoadProgress {
        done: newest.done.min(newest.total),
        ..newest
    });
}

/// The files read so far, while the others are read: shown, and searched once asked again.
pub(super) fn partial_corpus(
    app: &mut App,
    corpus: Arc<Corpus>,
    progress: LoadProgress,
) -> Option<Command> {
    // Late, after the whole corpus: nothing to show.
    if app.index != IndexStatus::Loading {
        return None;
    }
    load_progress(app, progress);
    replace_corpus(app, corpus)
}

/// The whole corpus: shown at once, searchable once its index is ready.
pub(super) fn corpus_loaded(app: &mut App, corpus: Arc<Corpus>) -> Option<Command> {
    let command = replace_corpus(app, corpus);
    app.index = IndexStatus::Building;
    app.loading = None;
    command
}

/// Show `corpus` in place of the one shown. Documents are known by their file across corpora:
/// the selection, the reader's document and the last answer (until the new one comes) are moved
/// to their places in the new corpus.
fn replace_corpus(app: &mut App, corpus: Arc<Corpus>) -> Option<Command> {
    let places: FxHashMap<&str, DocId> = corpus
        .resolutions
        .iter()
        .enumerate()
        .map(|(at, r)| (r.source.path.as_str(), DocId(at)))
        .collect();
    // Each document shown now, by its place, to its place in the new corpus.
    let to_new: Vec<Option<DocId>> = app
        .corpus
        .resolutions
        .iter()
        .map(|r| places.get(r.source.path.as_str()).copied())
        .collect();
    drop(places);
    let moved = |doc: DocId| to_new.get(doc.0).copied().flatten();
    let selected = app.selected_doc().and_then(moved);
    let reading = app.reader.doc.and_then(moved);
    let kept_hit = app
        .hits()
        .get(app.reader.results.selected)
        .and_then(|hit| Some((moved(hit.document)?, hit.paragraph)));
    let result = app.query.result.take().map(|mut result| {
        result.hits.retain_mut(|hit| match moved(hit.document) {
            Some(doc) => {
                hit.document = doc;
                true
            }
            None => false,
        });
        result.documents.retain_mut(|(doc, _)| match moved(*doc) {
            Some(moved) => {
                *doc = moved;
                true
            }
            None => false,
        });
        result.documents.sort_unstable_by_key(|&(doc, _)| doc);
        result
    });
    app.query.result = result;
    app.versions = Arc::new(Versions::build(&corpus.resolutions));
    app.corpus = corpus;
    let offset = app.documents.cursor.offset;
    app.documents.rows.clear();
    refresh_rows(app);
    if let Some(doc) = selected {
        app.select_doc(doc);
    }
    app.documents.cursor.offset = offset;
    if reading.is_some() {
        app.reader.doc = reading;
    } else {
        app.reader.current = ParagraphIndex(0);
    }
    ask_again(app, kept_hit)
}

/// Send the query again for the new corpus, under a new generation (an answer to the older one,
/// from the other corpus, is then dropped); its answer keeps the paragraph result selected.
fn ask_again(app: &mut App, kept_hit: Option<(DocId, ParagraphIndex)>) -> Option<Command> {
    app.query.generation += 1;
    if !app.query.is_active() {
        app.query.answered = app.query.generation;
        return None;
    }
    app.query.kept_hit = kept_hit;
    Some(Command::Search {
        generation: app.query.generation,
        query: app.query.parsed.clone(),
        limit: app.hit_limit,
    })
}
