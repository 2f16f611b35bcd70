//! `update(&mut App, Action) -> Option<Command>`: the only place state changes. No I/O: a search,
//! a copy or a mouse switch is returned as a [`Command`] for the loop to carry out. Moving and
//! scrolling are in [`super::navigate`], opening, jumping and copying in [`super::open`], the
//! query's round trip to the worker in [`super::query`].

use super::action::{Action, Command};
use super::country::{self, refresh_votes};
use super::language::switch_language;
use super::layout::{LIST_STEP, list_bounds, list_width};
use super::loading::{corpus_loaded, load_progress, partial_corpus};
use super::navigate::{Motion, click, move_selection, scroll_at, settle};
use super::open::{copy, jump_to_match, open, query_country, toggle_results};
use super::picker;
use super::query::{query_changed, recall, remember_query, search_done};
use super::state::{App, Cursor, Help, IndexStatus, InputTarget, LineEdit, Pane, ReaderView};

/// Apply `action` to `app`; what the outside world must do, if anything, is returned.
pub fn update(app: &mut App, action: Action) -> Option<Command> {
    let from_user = !matches!(
        action,
        Action::Resize { .. }
            | Action::LoadProgress(_)
            | Action::PartialCorpus(..)
            | Action::CorpusLoaded(_)
            | Action::IndexReady { .. }
            | Action::SearchDone(_)
            | Action::Notice(_)
            | Action::VotesLoaded(..)
    );
    if from_user {
        app.message = None;
    }
    let command = dispatch(app, action);
    settle(app);
    command
}

fn dispatch(app: &mut App, action: Action) -> Option<Command> {
    if let Some(motion) = Motion::of(&action) {
        move_selection(app, motion);
        return None;
    }
    match action {
        Action::Quit => return Some(Command::Quit),
        Action::Suspend => return Some(Command::Suspend),
        Action::Zoom => {
            app.zoomed = !app.zoomed;
            let state = if app.zoomed {
                "alone"
            } else {
                "beside the others"
            };
            app.message = Some(format!("The focused pane {state}"));
        }
        Action::WidenList => return resize_list(app, true),
        Action::NarrowList => return resize_list(app, false),
        Action::ResetListWidth => {
            app.list_width.remembered = None;
            app.message = Some("The list has its default width".to_string());
            return Some(Command::RememberListWidth(None));
        }
        Action::HistoryPrevious | Action::HistoryNext => {
            let older = action == Action::HistoryPrevious;
            return recall_or_move(app, older);
        }
        Action::Redraw => return Some(Command::Redraw),
        Action::Help => {
            app.help = if app.help.is_some() {
                None
            } else {
                Some(Help::default())
            }
        }
        Action::Back => return back(app),
        Action::Search => {
            app.help = None;
            app.input = Some(InputTarget::Query);
            app.query.input.end();
        }
        Action::Accept => return accept(app),
        // Pasting outside any input starts a query with the pasted text.
        Action::Paste(_) if app.input.is_none() && app.help.is_none() => {
            app.input = Some(InputTarget::Query);
            app.query.input.end();
            return edit(app, &action);
        }
        Action::Insert(_)
        | Action::Paste(_)
        | Action::DeleteBackward
        | Action::DeleteForward
        | Action::DeleteWord
        | Action::ClearInput
        | Action::CursorLeft
        | Action::CursorRight
        | Action::CursorStart
        | Action::CursorEnd => return edit(app, &action),
        Action::NextPane => app.focus = cycle(app.focus, 1),
        Action::PreviousPane => app.focus = cycle(app.focus, 2),
        Action::Open => return open(app),
        Action::PickCountry => picker::toggle(app),
        Action::OnlyNo => country::only_no(app),
        Action::Agreement => country::agreement(app),
        Action::VotesLoaded(store, warnings) => {
            app.vote_store = store.0;
            if let Some(first) = warnings.first() {
                let n = crate::plural::count(warnings.len(), "warning", "warnings");
                app.message = Some(format!("voting records: {n}: {first}"));
            }
            refresh_votes(app);
        }
        Action::NextMatch => jump_to_match(app, true),
        Action::PreviousMatch => jump_to_match(app, false),
        Action::CountryFilter => {
            app.help = None;
            app.focus = Pane::Votes;
            app.votes.history = None;
            app.votes.agreement = None;
            app.picker = None;
            app.input = Some(InputTarget::CountryFilter);
        }
        Action::QueryCountry => return query_country(app),
        Action::Sort | Action::ReverseSort => {
            if action == Action::Sort {
                app.documents.sort = app.documents.sort.next();
                app.documents.reversed = false;
            } else {
                app.documents.reversed = !app.documents.reversed;
            }
            app.sort_rows();
            let order = if app.documents.reversed {
                ", reversed"
            } else {
                ""
            };
            app.message = Some(format!("Sorted by {}{order}", app.documents.sort.label()));
        }
        Action::ToggleResults => toggle_results(app),
        Action::SwitchLanguage => switch_language(app),
        Action::Copy => return copy(app),
        Action::ToggleMouse => {
            app.mouse = !app.mouse;
            let state = if app.mouse { "on" } else { "off" };
            app.message = Some(format!("Mouse capture {state}"));
            return Some(Command::SetMouse(app.mouse));
        }
        Action::Resize { width, height } => app.size = (width, height),
        Action::Scroll { column, row, down } => scroll_at(app, column, row, down),
        Action::Click { column, row } => click(app, column, row),
        Action::LoadProgress(progress) => load_progress(app, progress),
        Action::PartialCorpus(corpus, progress) => return partial_corpus(app, corpus, progress),
        Action::CorpusLoaded(corpus) => return corpus_loaded(app, corpus),
        Action::IndexReady {
            paragraphs,
            elapsed,
        } => {
            app.index = IndexStatus::Ready {
                paragraphs,
                elapsed,
            }
        }
        Action::SearchDone(outcome) => search_done(app, *outcome),
        Action::Notice(text) => app.message = Some(text),
        // Motions were handled above.
        _ => {}
    }
    None
}

fn cycle(pane: Pane, step: usize) -> Pane {
    let at = Pane::ALL.iter().position(|&p| p == pane).unwrap_or(0);
    Pane::ALL[(at + step) % Pane::ALL.len()]
}

/// Go back one level: close the help, leave typing, leave a country's history or opened result,
/// clear a filter, clear the query, return to the list. Never quits.
fn back(app: &mut App) -> Option<Command> {
    if app.help.take().is_some() {
        return None;
    }
    if let Some(input) = app.input.take() {
        app.picker = None;
        return (input == InputTarget::Query)
            .then(|| remember_query(app))
            .flatten();
    }
    match app.focus {
        Pane::Votes if app.votes.agreement.take().is_some() => return None,
        Pane::Votes if app.votes.history.take().is_some() => return None,
        Pane::Votes if !app.votes.filter.is_empty() => {
            app.votes.filter.clear();
            return None;
        }
        Pane::Reader
            if app.reader.view == ReaderView::Document
                && app.reader.opened_from_results
                && app.query.has_terms() =>
        {
            app.reader.view = ReaderView::Results;
            app.reader.opened_from_results = false;
            return None;
        }
        _ => {}
    }
    if app.query.is_active() {
        app.query.input.clear();
        app.message = Some("Query cleared".to_string());
        return query_changed(app);
    }
    if app.focus != Pane::Documents {
        app.focus = Pane::Documents;
        return None;
    }
    let quit = app.keymap.hint(app.key_mode(), &Action::Quit);
    app.message = Some(format!("Nothing to go back to; {quit} quits"));
    None
}

fn accept(app: &mut App) -> Option<Command> {
    if app.help.take().is_some() {
        return None;
    }
    if app.input == Some(InputTarget::CountryPicker) {
        return picker::accept(app);
    }
    if app.input.take() != Some(InputTarget::Query) {
        return None;
    }
    if app.reader.view == ReaderView::Results && app.query.has_terms() {
        app.focus = Pane::Reader;
    }
    remember_query(app)
}

/// In the query bar (or to open it): recall a query. In the country or help filter, which
/// have no history, move like `up` / `down`.
fn recall_or_move(app: &mut App, older: bool) -> Option<Command> {
    if app.help.is_some()
        || matches!(
            app.input,
            Some(InputTarget::CountryFilter | InputTarget::CountryPicker)
        )
    {
        move_selection(app, if older { Motion::Up } else { Motion::Down });
        return None;
    }
    if app.input.is_none() {
        app.input = Some(InputTarget::Query);
        app.query.input.end();
    }
    recall(app, older)
}

/// Move the list's right edge by a step, within what the screen allows; the new width is
/// remembered.
fn resize_list(app: &mut App, wider: bool) -> Option<Command> {
    let screen = app.size.0;
    let now = list_width(screen, app.list_width.chosen());
    let (narrowest, widest) = list_bounds(screen);
    let next = if wider {
        now.saturating_add(LIST_STEP).min(widest)
    } else {
        now.saturating_sub(LIST_STEP).max(narrowest)
    };
    if next == now {
        let limit = if wider { "widest" } else { "narrowest" };
        app.message = Some(format!("The list is at its {limit} here ({now} columns)"));
        return None;
    }
    app.list_width.remembered = Some(next);
    app.message = Some(format!("The list is {next} columns wide"));
    Some(Command::RememberListWidth(Some(next)))
}

/// Type into whatever takes text now: the help filter, the query bar or the country filter.
fn edit(app: &mut App, action: &Action) -> Option<Command> {
    let line: &mut LineEdit = if let Some(help) = &mut app.help {
        &mut help.filter
    } else {
        match app.input {
            Some(InputTarget::Query) => &mut app.query.input,
            Some(InputTarget::CountryFilter) => &mut app.votes.filter,
            Some(InputTarget::CountryPicker) => match &mut app.picker {
                Some(picker) => &mut picker.filter,
                None => return None,
            },
            None => return None,
        }
    };
    let before = line.text().to_string();
    match action {
        Action::Insert(c) if !c.is_control() => line.insert(*c),
        Action::Paste(text) => line.insert_str(text),
        Action::DeleteBackward => line.delete_backward(),
        Action::DeleteForward => line.delete_forward(),
        Action::DeleteWord => line.delete_word(),
        Action::ClearInput => line.clear(),
        Action::CursorLeft => line.left(),
        Action::CursorRight => line.right(),
        Action::CursorStart => line.start(),
        Action::CursorEnd => line.end(),
        _ => {}
    }
    if line.text() == before {
        return None;
    }
    if let Some(help) = &mut app.help {
        help.scroll = 0;
        return None;
    }
    if let Some(InputTarget::Query) = app.input {
        query_changed(app)
    } else if let Some(picker) = &mut app.picker {
        picker.cursor = Cursor::default();
        None
    } else {
        app.votes.cursor = Cursor::default();
        None
    }
}
