//! `update` driven without a terminal: every action, in the states where it matters, with the
//! search worker answering inline.

// Test and tool code: a failure is meant to stop it, and clippy's pedantic group is for src/.
#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

mod common;

use common::Harness;
use resolu::app::action::bindable;
use resolu::app::layout::Panes;
use resolu::app::lines::{current_paragraph, document_lines};
use resolu::app::{
    Action, Command, InputTarget, KeyMode, Pane, ReaderView, SearchOutcome, SortKey,
};
use resolu::corpus::{DocId, ParagraphIndex};
use resolu::index::SearchResult;
use std::time::Duration;

/// Move the document list down to the resolution `symbol`.
fn goto(h: &mut Harness, symbol: &str) {
    h.act(Action::Top);
    for _ in 0..h.app.documents.rows.len() {
        if h.app.selected_resolution().map(|r| r.id()) == Some(symbol) {
            return;
        }
        h.act(Action::Down);
    }
    panic!("{symbol} is not in the list");
}

fn selected_id(h: &Harness) -> String {
    h.app
        .selected_resolution()
        .map(|r| r.id().to_string())
        .unwrap_or_default()
}

#[test]
fn quit_quits_and_back_never_does() {
    let mut h = Harness::new();
    assert_eq!(h.act(Action::Quit), Some(Command::Quit));
    // Esc in every state, many times over: never a quit.
    let script = [
        "/", "coop", "<enter>", "<enter>", "<tab>", "c", "alle", "<enter>", "<enter>", "?",
    ];
    for step in script {
        h.keys(step);
        for _ in 0..8 {
            assert_ne!(h.act(Action::Back), Some(Command::Quit));
        }
    }
    assert_eq!(h.app.focus, Pane::Documents);
    assert!(!h.app.query.is_active());
    assert!(h.app.message.as_deref().unwrap_or("").contains("q quits"));
}

#[test]
fn typing_a_query_searches_live_and_narrows_the_list() {
    let mut h = Harness::new();
    h.keys("/");
    assert_eq!(h.app.input, Some(InputTarget::Query));
    assert_eq!(h.app.key_mode(), KeyMode::Query);
    h.keys("vaccins");
    let generations: Vec<u64> = h
        .commands
        .iter()
        .filter_map(|c| match c {
            Command::Search { generation, .. } => Some(*generation),
            _ => None,
        })
        .collect();
    assert_eq!(generations, (1..=7).collect::<Vec<_>>());
    assert_eq!(h.app.reader.view, ReaderView::Results);
    let result = h.app.query.result.clone().unwrap();
    assert!(result.total > 0);
    assert_eq!(h.app.documents.rows.len(), result.documents.len());
    assert!(h.app.documents.rows.len() < h.corpus.resolutions.len());
    // Letters are text in query mode: `q` does not quit.
    assert_eq!(
        h.act(Action::Insert('q'))
            .map(|c| matches!(c, Command::Search { .. })),
        Some(true)
    );
    h.keys("<bs><enter>");
    assert_eq!(h.app.input, None);
    assert_eq!(h.app.focus, Pane::Reader);
}

#[test]
fn stale_answers_are_dropped() {
    let mut h = Harness::new();
    h.keys("/");
    // Two keystrokes without answers: generations 1 and 2 are asked.
    let first = resolu::app::update(&mut h.app, Action::Insert('x'));
    let second = resolu::app::update(&mut h.app, Action::Insert('y'));
    assert!(matches!(first, Some(Command::Search { generation: 1, .. })));
    assert!(matches!(
        second,
        Some(Command::Search { generation: 2, .. })
    ));
    assert!(h.app.query.pending());
    let answer = |generation, total| {
        Action::SearchDone(Box::new(SearchOutcome {
            generation,
            result: SearchResult {
                total,
                ..SearchResult::default()
            },
            elapsed: Duration::from_millis(1),
            searched: None,
        }))
    };
    resolu::app::update(&mut h.app, answer(1, 111));
    assert!(
        h.app.query.result.is_none(),
        "the answer to generation 1 is stale"
    );
    assert!(h.app.query.pending());
    resolu::app::update(&mut h.app, answer(2, 222));
    assert_eq!(h.app.query.result.as_ref().map(|r| r.total), Some(222));
    assert!(!h.app.query.pending());
}

#[test]
fn a_pasted_long_query_uses_its_first_terms_and_says_so_in_the_bar() {
    let words = ["droits", "vaccins", "cooperation", "solidarite", "paix"];
    let long: Vec<&str> = (0..1000).map(|i| words[i % words.len()]).collect();
    let mut h = Harness::new();
    h.keys("/");
    h.act(Action::Paste(long.join(" | ")));
    let hint = "query too long: only the first 64 terms are used";
    assert!(
        h.app.query.parsed.hints.iter().any(|h| h == hint),
        "{:?}",
        h.app.query.parsed.hints
    );
    let terms: usize = h.app.query.parsed.groups.iter().map(Vec::len).sum();
    assert_eq!(terms, 64);
    assert!(h.app.query.result.as_ref().unwrap().total > 0);
    // The bar's second line shows it.
    let screen = h.screen();
    let bar = screen.lines().nth(1).unwrap();
    assert!(bar.contains("query too long"), "{bar}");
}

#[test]
fn editing_keys_change_the_query() {
    let mut h = Harness::new();
    h.keys("/");
    h.act(Action::Paste("droits de\nl'homme".into()));
    assert_eq!(h.app.query.input.text(), "droits de l'homme");
    h.act(Action::DeleteWord);
    assert_eq!(h.app.query.input.text(), "droits de ");
    h.act(Action::DeleteBackward);
    assert_eq!(h.app.query.input.text(), "droits de");
    h.act(Action::CursorStart);
    h.act(Action::DeleteForward);
    assert_eq!(h.app.query.input.text(), "roits de");
    h.act(Action::Insert('d'));
    h.act(Action::CursorRight);
    h.act(Action::CursorLeft);
    h.act(Action::CursorEnd);
    h.act(Action::Insert('s'));
    assert_eq!(h.app.query.input.text(), "droits des");
    h.act(Action::ClearInput);
    assert!(!h.app.query.is_active());
    // Outside the query bar, a paste starts a query.
    h.keys("<esc>");
    h.act(Action::Paste("vaccins".into()));
    assert_eq!(h.app.input, Some(InputTarget::Query));
    assert_eq!(h.app.query.input.text(), "vaccins");
    h.act(Action::ClearInput);
    assert_eq!(h.app.documents.rows.len(), h.corpus.resolutions.len());
    // A malformed query gives the parser's hint.
    h.keys("a | ");
    assert!(!h.app.query.parsed.hints.is_empty());
}

#[test]
fn motions_move_in_the_focused_pane() {
    let mut h = Harness::new();
    let last = h.app.documents.rows.len() - 1;
    h.act(Action::Down);
    assert_eq!(h.app.documents.cursor.selected, 1);
    h.act(Action::Bottom);
    assert_eq!(h.app.documents.cursor.selected, last);
    h.act(Action::Down);
    assert_eq!(h.app.documents.cursor.selected, last);
    h.act(Action::Top);
    h.act(Action::Up);
    assert_eq!(h.app.documents.cursor.selected, 0);
    h.act(Action::HalfPageDown);
    h.act(Action::PageDown);
    h.act(Action::PageUp);
    h.act(Action::HalfPageUp);
    assert_eq!(h.app.documents.cursor.selected, 0);
    // The reader scrolls by lines.
    goto(&mut h, "A/HRC/RES/44/18");
    h.act(Action::NextPane);
    assert_eq!(h.app.focus, Pane::Reader);
    h.act(Action::Down);
    h.act(Action::HalfPageDown);
    assert!(h.app.reader.scroll > 1);
    h.act(Action::Bottom);
    let bottom = h.app.reader.scroll;
    h.act(Action::PageDown);
    assert_eq!(h.app.reader.scroll, bottom, "scrolling stops at the end");
    h.act(Action::Top);
    assert_eq!(h.app.reader.scroll, 0);
    // The vote pane moves through the listed countries.
    h.act(Action::NextPane);
    assert_eq!(h.app.focus, Pane::Votes);
    h.act(Action::Bottom);
    assert_eq!(h.app.votes.cursor.selected, h.app.ballots().len() - 1);
    h.act(Action::PreviousPane);
    h.act(Action::PreviousPane);
    assert_eq!(h.app.focus, Pane::Documents);
    h.act(Action::PreviousPane);
    assert_eq!(h.app.focus, Pane::Votes);
}

#[test]
fn open_a_result_in_context_and_come_back() {
    let mut h = Harness::new();
    h.type_query("vaccins");
    assert_eq!(h.app.focus, Pane::Reader);
    h.act(Action::Down);
    let hit = h.app.hits()[1].clone();
    assert_eq!(
        h.app.selected_doc(),
        Some(hit.document),
        "the list follows the result"
    );
    h.act(Action::Open);
    assert_eq!(h.app.reader.view, ReaderView::Document);
    assert_eq!(h.app.reader.doc, Some(hit.document));
    let corpus = std::sync::Arc::clone(&h.corpus);
    let r = &corpus.resolutions[hit.document.0];
    let expected = format!("{}, {}: ", r.id(), r.citation(hit.paragraph).unwrap());
    // The opened paragraph is the current one: `y` copies it with its citation.
    match h.act(Action::Copy) {
        Some(Command::Copy(text)) => {
            assert!(text.starts_with(&expected), "{text}");
            assert!(text.ends_with(&r.paragraphs[hit.paragraph.0].text));
        }
        other => panic!("{other:?}"),
    }
    h.act(Action::Back);
    assert_eq!(h.app.reader.view, ReaderView::Results);
    h.act(Action::ToggleResults);
    assert_eq!(h.app.reader.view, ReaderView::Document);
    h.act(Action::ToggleResults);
    assert_eq!(h.app.reader.view, ReaderView::Results);
}

#[test]
fn next_and_previous_match() {
    let mut h = Harness::new();
    h.type_query("coopération");
    // In the results, n and N move through the hits.
    h.act(Action::NextMatch);
    assert_eq!(h.app.reader.results.selected, 1);
    h.act(Action::PreviousMatch);
    assert_eq!(h.app.reader.results.selected, 0);
    // In a document they jump between matching paragraphs, wrapping around.
    h.act(Action::PreviousPane);
    assert_eq!(h.app.focus, Pane::Documents);
    goto(&mut h, "A/HRC/RES/44/18");
    h.act(Action::Open);
    let doc = h.app.selected_doc().unwrap();
    let matching = h.app.matching_paragraphs(doc);
    assert!(matching.len() > 3);
    let mut visited = Vec::new();
    for _ in 0..matching.len() {
        h.act(Action::NextMatch);
        let message = h.app.message.clone().unwrap();
        assert!(message.starts_with("Match "), "{message}");
        visited.push(h.app.reader.current);
    }
    assert!(h.app.message.as_deref().unwrap().contains("wrapped"));
    // n makes each matching paragraph current in turn. The first match was current at the
    // start, so the last press wrapped to it.
    let mut expected = matching[1..].to_vec();
    expected.push(matching[0]);
    assert_eq!(visited, expected);
    // N wraps back to the last match, then goes to the one before.
    h.act(Action::PreviousMatch);
    assert!(h.app.message.as_deref().unwrap().contains("wrapped"));
    assert_eq!(h.app.reader.current, matching[matching.len() - 1]);
    h.act(Action::PreviousMatch);
    assert_eq!(h.app.reader.current, matching[matching.len() - 2]);
    // `y` copies the paragraph n/N made current.
    let r = h.app.resolution(doc).unwrap();
    let citation = r.citation(matching[matching.len() - 2]).unwrap();
    match h.act(Action::Copy) {
        Some(Command::Copy(text)) => assert!(text.contains(&citation), "{text}"),
        other => panic!("{other:?}"),
    }
}

/// The reader pane's inner height and width on the harness's screen.
fn reader_size(h: &Harness) -> (usize, usize) {
    let panes = resolu::app::layout::panes(h.app.size.0, h.app.size.1).unwrap();
    let inner = panes.inner(Pane::Reader);
    (usize::from(inner.height), usize::from(inner.width))
}

fn reader_lines(h: &Harness) -> Vec<resolu::app::lines::DocLine> {
    let r = h.app.resolution(h.app.reader.doc.unwrap()).unwrap();
    resolu::app::lines::document_lines(r, reader_size(h).1)
}

#[test]
fn open_in_context_leaves_the_text_before_the_match_above_it() {
    use resolu::app::lines::{context_lines, paragraph_start};
    let mut h = Harness::new();
    h.type_query("coopération technique");
    let (height, _) = reader_size(&h);
    let context = context_lines(height);
    assert!(context >= 3, "{height}");
    // A result far enough into its resolution to have text above it.
    let at = (0..h.app.hits().len())
        .find(|&i| h.app.hits()[i].paragraph > ParagraphIndex(3))
        .unwrap();
    for _ in 0..at {
        h.act(Action::Down);
    }
    let hit = h.app.hits()[at].clone();
    h.act(Action::Open);
    assert_eq!(h.app.reader.current, hit.paragraph);
    let lines = reader_lines(&h);
    let start = paragraph_start(&lines, hit.paragraph).unwrap();
    assert_eq!(
        start - h.app.reader.scroll,
        context,
        "lines above the match"
    );
    // On screen: the paragraph before it is shown above, and the match is marked current.
    let r = h.app.resolution(hit.document).unwrap();
    let screen = h.screen();
    let rows: Vec<&str> = screen.lines().collect();
    let panes = resolu::app::layout::panes(h.app.size.0, h.app.size.1).unwrap();
    let top = usize::from(panes.inner(Pane::Reader).y);
    let marker = format!("▌{}", r.citation(hit.paragraph).unwrap());
    assert!(rows[top + context].contains(&marker), "{screen}");
    assert!(!rows[top].contains('▌'), "{screen}");
}

#[test]
fn the_end_of_the_text_stays_at_the_bottom() {
    let mut h = Harness::new();
    goto(&mut h, "A/HRC/RES/44/18");
    h.act(Action::NextPane);
    let (height, _) = reader_size(&h);
    let lines = reader_lines(&h);
    assert!(lines.len() > height * 2);
    for motion in [Action::Bottom, Action::PageDown, Action::Down] {
        h.act(motion);
        assert_eq!(h.app.reader.scroll + height, lines.len(), "no empty rows");
    }
    // The last row of the pane shows the last line of the text.
    let panes = resolu::app::layout::panes(h.app.size.0, h.app.size.1).unwrap();
    let inner = panes.inner(Pane::Reader);
    let screen = h.screen();
    let last_row = screen.lines().nth(usize::from(inner.bottom() - 1)).unwrap();
    let first = usize::from(inner.x);
    let shown: String = last_row
        .chars()
        .skip(first)
        .take(usize::from(inner.width))
        .collect();
    assert!(!shown.trim().is_empty(), "{screen}");
    // G makes the last paragraph current.
    let r = h.app.resolution(h.app.reader.doc.unwrap()).unwrap();
    assert_eq!(
        h.app.reader.current,
        ParagraphIndex::last_of(r.paragraphs.len())
    );
    // The wheel at the end moves nothing.
    let (column, row) = (inner.x + 2, inner.y + 2);
    h.act(Action::Scroll {
        column,
        row,
        down: true,
    });
    assert_eq!(h.app.reader.scroll + height, lines.len());
}

#[test]
fn every_paragraph_can_be_made_current_and_copied() {
    let mut h = Harness::new();
    goto(&mut h, "A/HRC/RES/44/18");
    h.act(Action::NextPane);
    let doc = h.app.reader.doc.unwrap();
    let corpus = std::sync::Arc::clone(&h.corpus);
    let r = &corpus.resolutions[doc.0];
    let count = r.paragraphs.len();
    let lines = reader_lines(&h);
    let copy_of = |h: &mut Harness| match h.act(Action::Copy) {
        Some(Command::Copy(text)) => text,
        other => panic!("{other:?}"),
    };
    // j all the way down: the view scrolls, then the current paragraph steps to each one left.
    let mut seen = vec![h.app.reader.current];
    let mut copied = vec![copy_of(&mut h)];
    for _ in 0..lines.len() + count {
        h.keys("j");
        if seen.last() != Some(&h.app.reader.current) {
            seen.push(h.app.reader.current);
            copied.push(copy_of(&mut h));
        }
    }
    assert_eq!(seen, ParagraphIndex::all(count).collect::<Vec<_>>());
    for (index, text) in ParagraphIndex::all(count).zip(&copied) {
        let expected = format!("{}, {}: ", r.id(), r.citation(index).unwrap());
        assert!(text.starts_with(&expected), "{text}");
    }
    // k all the way up: back through every paragraph to the first.
    let mut back = vec![h.app.reader.current];
    for _ in 0..lines.len() + count {
        h.keys("k");
        if back.last() != Some(&h.app.reader.current) {
            back.push(h.app.reader.current);
        }
    }
    assert_eq!(back, ParagraphIndex::all(count).rev().collect::<Vec<_>>());
    assert_eq!(h.app.reader.scroll, 0);
    // G then gg: the last paragraph, then the first.
    h.keys("G");
    assert_eq!(h.app.reader.current, ParagraphIndex::last_of(count));
    h.act(Action::Top);
    assert_eq!(
        (h.app.reader.current, h.app.reader.scroll),
        (ParagraphIndex(0), 0)
    );
}

#[test]
fn a_click_makes_a_paragraph_current() {
    use resolu::app::lines::paragraph_start;
    let mut h = Harness::new();
    goto(&mut h, "A/HRC/RES/44/18");
    let lines = reader_lines(&h);
    let start = paragraph_start(&lines, ParagraphIndex(2)).unwrap();
    let panes = resolu::app::layout::panes(h.app.size.0, h.app.size.1).unwrap();
    let inner = panes.inner(Pane::Reader);
    h.act(Action::Click {
        column: inner.x + 10,
        row: inner.y + u16::try_from(start).unwrap(),
    });
    assert_eq!(h.app.focus, Pane::Reader);
    assert_eq!(h.app.reader.current, ParagraphIndex(2));
}

#[test]
fn country_filter_history_and_query() {
    let mut h = Harness::new();
    goto(&mut h, "A/HRC/RES/44/18");
    h.keys("c");
    assert_eq!(h.app.focus, Pane::Votes);
    assert_eq!(h.app.input, Some(InputTarget::CountryFilter));
    // An English name finds the French entry, through the country table.
    h.keys("germany");
    let ballots = h.app.ballots();
    assert_eq!(ballots.len(), 1, "{ballots:?}");
    assert_eq!(ballots[0].0.code.as_deref(), Some("DEU"));
    h.keys("<enter>");
    assert_eq!(h.app.input, None);
    // Enter: Germany's history, and the query follows (c:deu).
    match h.act(Action::Open) {
        Some(Command::Search { query, .. }) => {
            assert_eq!(query.filters.countries[0].code.as_deref(), Some("DEU"));
        }
        other => panic!("{other:?}"),
    }
    let history = h.app.votes.history.clone().unwrap();
    assert_eq!(history.country.code(), "DEU");
    assert_eq!(h.app.query.input.text(), "c:deu");
    assert!(h.app.documents.rows.len() < h.corpus.resolutions.len());
    // `f` finds it there already.
    assert_eq!(h.act(Action::QueryCountry), None, "already there");
    // The history has its own selection; Enter on a row reads its resolution.
    let rows = history.shown();
    let at = rows
        .iter()
        .position(|r| {
            let rc = h.app.vote_store.get(r.roll_call).unwrap();
            rc.shown_symbol() == "A/HRC/RES/44/18"
        })
        .expect("44/18 in Germany's history");
    h.act(Action::Top);
    for _ in 0..at {
        h.act(Action::Down);
    }
    assert_eq!(h.app.votes.history.as_ref().unwrap().cursor.selected, at);
    h.act(Action::Open);
    assert_eq!(h.app.focus, Pane::Reader);
    assert_eq!(h.app.selected_resolution().unwrap().id(), "A/HRC/RES/44/18");
    // Esc: back to the breakdown, then clear the filter.
    h.keys("<tab>");
    assert_eq!(h.app.focus, Pane::Votes);
    h.act(Action::Back);
    assert!(h.app.votes.history.is_none());
    h.act(Action::Back);
    assert!(h.app.votes.filter.is_empty());
}

#[test]
fn sorting_orders_the_list() {
    let mut h = Harness::new();
    assert_eq!(selected_id(&h), "A/RES/80/17");
    h.act(Action::Sort);
    assert_eq!(h.app.documents.sort, SortKey::Symbol);
    h.act(Action::Top);
    assert_eq!(selected_id(&h), "A/HRC/RES/37/23");
    h.act(Action::ReverseSort);
    h.act(Action::Top);
    assert_eq!(selected_id(&h), "A/RES/80/21");
    h.act(Action::Sort);
    assert_eq!(h.app.documents.sort, SortKey::Session);
    // By body (GA, then HRC), newest session first, numbers in order: 80/2 before 80/10.
    let order: Vec<String> = h
        .app
        .documents
        .rows
        .iter()
        .map(|&d| h.app.corpus.resolutions[d.0].id().to_string())
        .collect();
    assert_eq!(
        order,
        [
            "A/RES/80/1",
            "A/RES/80/2",
            "A/RES/80/10",
            "A/RES/80/17",
            "A/RES/80/21",
            "A/RES/71/194",
            "A/HRC/RES/46/13",
            "A/HRC/RES/44/11",
            "A/HRC/RES/44/18",
            "A/HRC/RES/37/23"
        ]
    );
    h.act(Action::Sort);
    assert_eq!(h.app.documents.sort, SortKey::Margin);
    h.act(Action::Top);
    // The closest recorded vote first: 26–15–6 (margin 11).
    assert_eq!(selected_id(&h), "A/HRC/RES/46/13");
    h.act(Action::Sort);
    assert_eq!(h.app.documents.sort, SortKey::Date);
}

#[test]
fn help_opens_filters_and_closes() {
    let mut h = Harness::new();
    h.act(Action::Help);
    assert!(h.app.help.is_some());
    assert_eq!(h.app.key_mode(), KeyMode::Query);
    h.keys("mouse");
    assert_eq!(h.app.help.as_ref().unwrap().filter.text(), "mouse");
    h.act(Action::Down);
    h.keys("<enter>");
    assert!(h.app.help.is_none());
    h.keys("?");
    h.keys("<esc>");
    assert!(h.app.help.is_none());
}

#[test]
fn terminal_and_worker_events() {
    let mut h = Harness::new();
    assert_eq!(h.act(Action::ToggleMouse), Some(Command::SetMouse(true)));
    assert_eq!(h.act(Action::ToggleMouse), Some(Command::SetMouse(false)));
    h.act(Action::Resize {
        width: 80,
        height: 24,
    });
    assert_eq!(h.app.size, (80, 24));
    h.act(Action::Resize {
        width: 120,
        height: 40,
    });
    // A click on the reader focuses it; the wheel over the list moves it.
    h.act(Action::Click {
        column: 60,
        row: 10,
    });
    assert_eq!(h.app.focus, Pane::Reader);
    h.act(Action::Scroll {
        column: 60,
        row: 10,
        down: true,
    });
    assert_eq!(h.app.reader.scroll, 3);
    h.act(Action::Scroll {
        column: 5,
        row: 10,
        down: true,
    });
    assert_eq!(h.app.documents.cursor.selected, 1);
    h.act(Action::Click {
        column: 5,
        row: 3 + 2 * 2,
    });
    assert_eq!(h.app.focus, Pane::Documents);
    assert_eq!(h.app.documents.cursor.selected, 2);
    h.act(Action::Notice("hello".into()));
    assert_eq!(h.app.message.as_deref(), Some("hello"));
    h.act(Action::IndexReady {
        paragraphs: 1,
        elapsed: Duration::ZERO,
    });
    h.act(Action::Down);
    assert_eq!(h.app.message, None, "a key clears the message");
}

#[test]
fn every_bindable_action_is_safe_in_every_state() {
    let setups = [
        "",
        "/coop<enter>",
        "/coop<enter><enter>",
        "c",
        "calle<enter><enter>",
        "?",
        "/c:fra<enter>",
    ];
    for setup in setups {
        for action in bindable() {
            for size in [(120, 40), (60, 14), (20, 5)] {
                let mut h = Harness::new();
                h.resize(size.0, size.1);
                h.keys(setup);
                h.act(action.clone());
                h.act(action.clone());
                let app = &h.app;
                assert!(
                    app.documents.rows.is_empty()
                        || app.documents.cursor.selected < app.documents.rows.len()
                );
                assert!(app.hits().is_empty() || app.reader.results.selected < app.hits().len());
                assert!(
                    app.ballots().is_empty() || app.votes.cursor.selected < app.ballots().len()
                );
                h.screen();
            }
        }
    }
}

#[test]
fn the_corpus_arrives_after_the_first_frame_and_typing_is_kept() {
    use resolu::app::{App, IndexStatus, update};
    use resolu::config::Config;
    use resolu::corpus::load::{Corpus, load_embedded};
    use std::sync::Arc;

    let config = Config::default();
    let mut app = App::new(Arc::new(Corpus::default()), config.keys.clone(), false);
    app.index = IndexStatus::Loading;
    update(
        &mut app,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    assert!(app.documents.rows.is_empty());
    // The user starts typing while the corpus is read.
    update(&mut app, Action::Search);
    for c in "coop".chars() {
        update(&mut app, Action::Insert(c));
    }
    update(&mut app, Action::CorpusLoaded(Arc::new(load_embedded())));
    assert_eq!(app.corpus.resolutions.len(), 10);
    assert_eq!(app.documents.rows.len(), 10);
    assert_eq!(app.index, IndexStatus::Building);
    assert_eq!(app.query.input.text(), "coop");
    assert_eq!(app.input, Some(InputTarget::Query));
    assert_eq!(app.size, (120, 40));
}

#[test]
fn queries_left_in_the_bar_join_the_history_once() {
    let mut h = Harness::new();
    h.keys("/coop<enter>");
    h.keys("/<c-u>s:44<enter>");
    // The same again, and Enter on an empty bar: nothing new.
    h.keys("/<c-u>s:44<enter>");
    h.keys("/<c-u><enter>");
    // Esc leaves the bar too; the query stays in use, so it is remembered.
    h.keys("/<c-u>vaccins<esc>");
    assert_eq!(h.app.history.entries(), ["coop", "s:44", "vaccins"]);
    let remembered: Vec<&Command> = h
        .commands
        .iter()
        .filter(|c| matches!(c, Command::RememberQuery(_)))
        .collect();
    assert_eq!(
        remembered,
        [
            &Command::RememberQuery("coop".into()),
            &Command::RememberQuery("s:44".into()),
            &Command::RememberQuery("vaccins".into()),
        ]
    );
    // Esc that clears the query remembers nothing.
    h.commands.clear();
    h.keys("<esc><esc>");
    assert!(!h.app.query.is_active());
    assert!(
        !h.commands
            .iter()
            .any(|c| matches!(c, Command::RememberQuery(_)))
    );
}

#[test]
fn ctrl_p_and_ctrl_n_recall_queries_and_bring_the_draft_back() {
    let mut h = Harness::new();
    h.keys("/coop<enter>/<c-u>s:44<enter>/<c-u>vaccins<enter>");
    h.keys("/<c-u>");
    // The status bar says how to reach them.
    let screen = h.screen();
    assert!(screen.contains("ctrl-p earlier  enter done"), "{screen}");
    h.keys("<c-p>");
    assert_eq!(h.app.query.input.text(), "vaccins");
    // A recalled query is searched for at once.
    assert!(h.app.query.has_terms() && !h.app.hits().is_empty());
    assert!(matches!(h.commands.last(), Some(Command::Search { .. })));
    h.keys("<c-p><c-p>");
    assert_eq!(h.app.query.input.text(), "coop");
    h.keys("<c-p>");
    assert_eq!(h.app.query.input.text(), "coop");
    assert_eq!(h.app.message.as_deref(), Some("No older query"));
    h.keys("<c-n>");
    assert_eq!(h.app.query.input.text(), "s:44");
    h.keys("<c-n><c-n>");
    // Past the newest: what was typed before (nothing).
    assert_eq!(h.app.query.input.text(), "");
    assert!(!h.app.query.is_active());
    h.keys("<c-n>");
    assert_eq!(h.app.message.as_deref(), Some("No newer query"));
    // A typed start filters, and comes back past the newest.
    h.keys("co<c-p>");
    assert_eq!(h.app.query.input.text(), "coop");
    h.keys("<c-p>");
    assert_eq!(h.app.message.as_deref(), Some("No older query"));
    h.keys("<c-n>");
    assert_eq!(h.app.query.input.text(), "co");
    // The cursor is at the end of a recalled query, and an edit starts over from it.
    h.keys("<c-u>s<c-p>");
    assert_eq!(h.app.query.input.text(), "s:44");
    assert_eq!(h.app.query.input.cursor(), 4);
}

#[test]
fn up_and_down_still_move_the_list_while_typing() {
    let mut h = Harness::new();
    h.keys("/coop<enter>/<c-u><home>");
    let before = h.app.documents.cursor.selected;
    h.keys("<down><down><up>");
    assert_eq!(h.app.documents.cursor.selected, before + 1);
    assert_eq!(h.app.query.input.text(), "");
    // In the country filter, which keeps no history, ctrl-n / ctrl-p move like down / up.
    let mut h = Harness::new();
    goto(&mut h, "A/HRC/RES/44/18");
    h.keys("c<c-n><c-n><c-p>");
    assert_eq!(h.app.input, Some(InputTarget::CountryFilter));
    assert_eq!(h.app.votes.cursor.selected, 1);
}

#[test]
fn the_history_keeps_its_size_and_can_be_off() {
    use resolu::app::recall::QueryHistory;
    let mut h = Harness::new();
    h.app.history = QueryHistory::new(vec!["old".into()], 2);
    h.keys("/a<enter>/<c-u>b<enter>/<c-u>c<enter>");
    assert_eq!(h.app.history.entries(), ["b", "c"]);
    let mut h = Harness::new();
    h.app.history = QueryHistory::new(vec!["old".into()], 0);
    h.commands.clear();
    h.keys("/a<enter>/<c-p>");
    assert!(h.app.history.entries().is_empty());
    assert!(
        !h.commands
            .iter()
            .any(|c| matches!(c, Command::RememberQuery(_)))
    );
    assert_eq!(h.app.query.input.text(), "a");
    assert_eq!(h.app.message.as_deref(), Some("No earlier query yet"));
}

#[test]
fn plus_and_minus_move_the_lists_edge_within_bounds_and_are_remembered() {
    use resolu::app::layout::{Panes, READER_MIN};
    let width_of = |h: &Harness| {
        let (w, height) = h.app.size;
        Panes::for_app(w, height, None, h.app.list_width.chosen())
            .unwrap()
            .documents
            .width
    };
    let mut h = Harness::new();
    assert_eq!(width_of(&h), 38);
    assert_eq!(
        h.act(Action::WidenList),
        Some(Command::RememberListWidth(Some(42)))
    );
    assert_eq!(width_of(&h), 42);
    assert_eq!(h.app.list_width.remembered, Some(42));
    // The frame draws it: the list's right border is at column 41.
    assert_eq!(h.buffer()[(41, 3)].symbol(), "┃");
    for _ in 0..20 {
        h.keys("+");
    }
    // The paragraph view keeps its columns beside the vote pane (31 columns at 120).
    assert_eq!(width_of(&h), 120 - 31 - READER_MIN);
    assert_eq!(h.act(Action::WidenList), None);
    assert!(h.app.message.as_deref().unwrap_or("").contains("widest"));
    for _ in 0..20 {
        h.keys("-");
    }
    assert_eq!(width_of(&h), 30);
    assert!(h.app.message.as_deref().unwrap_or("").contains("narrowest"));
    // A narrower screen keeps the chosen width within its own bounds, a wider one gives it back.
    h.keys("++++");
    assert_eq!(width_of(&h), 46);
    h.resize(80, 30);
    assert_eq!(width_of(&h), 40);
    h.resize(120, 40);
    assert_eq!(width_of(&h), 46);
    // `=` forgets the choice: the configured width, else the automatic one.
    assert_eq!(
        h.act(Action::ResetListWidth),
        Some(Command::RememberListWidth(None))
    );
    assert_eq!(width_of(&h), 38);
    h.app.list_width.configured = Some(50);
    assert_eq!(width_of(&h), 49, "kept within bounds too");
    h.app.list_width.configured = Some(48);
    assert_eq!(width_of(&h), 48);
    h.keys("-");
    assert_eq!(width_of(&h), 44);
    assert_eq!(h.app.list_width.configured, Some(48));
    // The choice survives the corpus arriving.
    use resolu::corpus::load::load_embedded;
    h.act(Action::CorpusLoaded(std::sync::Arc::new(load_embedded())));
    assert_eq!(width_of(&h), 44);
}

#[test]
fn while_the_corpus_loads_the_screen_counts_the_files_read() {
    use resolu::app::{IndexStatus, LoadProgress};
    use resolu::corpus::load::{Corpus, load_embedded};
    let counted = |done| {
        Action::LoadProgress(LoadProgress {
            done,
            total: 3000,
            ..LoadProgress::default()
        })
    };
    let mut h = Harness::with_corpus(Corpus::default());
    h.app.index = IndexStatus::Loading;
    h.keys("/coop");
    h.act(counted(0));
    h.act(counted(1204));
    // A report that crossed a later one on its way does not take the count back.
    h.act(counted(1100));
    assert_eq!(h.app.loading.map(|p| (p.done, p.total)), Some((1204, 3000)));
    let screen = h.screen();
    assert!(screen.contains("Reading 1,204 / 3,000 files…"), "{screen}");
    assert!(screen.contains("reading 1,204 / 3,000 files…"), "{screen}");
    assert!(!screen.contains("No resolution matches"), "{screen}");
    // The query typed meanwhile is kept, and the count goes once the corpus is there.
    h.act(Action::CorpusLoaded(std::sync::Arc::new(load_embedded())));
    assert_eq!(h.app.loading, None);
    assert_eq!(h.app.query.input.text(), "coop");
    assert!(!h.screen().contains("files…"));
    // A late report changes nothing.
    h.act(counted(3000));
    assert_eq!(h.app.loading, None);
}

/// The corpus in pieces, as the loader shows it while it reads: some files, more files, all.
#[test]
fn while_loading_a_query_runs_on_what_is_loaded_and_refreshes_as_more_arrives() {
    use resolu::app::{IndexStatus, LoadProgress};
    use resolu::corpus::load::{Corpus, load_embedded};
    let whole = load_embedded();
    let part = |keep: &dyn Fn(usize) -> bool| Corpus {
        resolutions: (whole.resolutions.iter().enumerate())
            .filter(|&(at, _)| keep(at))
            .map(|(_, r)| r.clone())
            .collect(),
        problems: Vec::new(),
    };
    let progress = |done| LoadProgress {
        done,
        total: whole.resolutions.len(),
        bytes: 2_000_000,
        warnings: 1,
        elapsed: std::time::Duration::from_secs(1),
    };
    let mut h = Harness::with_corpus(Corpus::default());
    h.app.index = IndexStatus::Loading;
    // Typed before anything is loaded: nothing found yet.
    h.keys("/droits<enter>");
    assert_eq!(h.app.query.result.as_ref().map(|r| r.total), Some(0));
    // Every other file is read.
    let some = h.index_corpus(part(&|at| at % 2 == 0));
    let asked = h.commands.len();
    h.act(Action::PartialCorpus(some, progress(5)));
    assert_eq!(h.commands.len(), asked + 1, "the query is asked again");
    assert_eq!(h.app.corpus.resolutions.len(), 5);
    let first = h.app.query.result.clone().unwrap();
    assert!(first.total > 0);
    assert!(
        h.screen()
            .contains("reading 5 / 10 files · 2.0 MB/s · 1 warning…")
    );
    // The user picks the second paragraph result.
    h.keys("j");
    let picked = |h: &Harness| {
        let hit = &h.app.hits()[h.app.reader.results.selected];
        let path = &h.app.corpus.resolutions[hit.document.0].source.path;
        (path.clone(), hit.paragraph)
    };
    let chosen = picked(&h);
    let selected_file = |h: &Harness| h.app.selected_resolution().unwrap().source.path.clone();
    let chosen_file = selected_file(&h);
    // All but the last file (a slow one, still being read): more results, the same choice.
    let more = h.index_corpus(part(&|at| at != 9));
    h.act(Action::PartialCorpus(more, progress(9)));
    assert_eq!(h.app.corpus.resolutions.len(), 9);
    let second = h.app.query.result.clone().unwrap();
    assert!(
        second.total > first.total,
        "{} ≤ {}",
        second.total,
        first.total
    );
    assert_eq!(picked(&h), chosen);
    assert_eq!(selected_file(&h), chosen_file);
    // The whole corpus: the same state as a load that was never shown in pieces.
    let all = h.index_corpus(whole.clone());
    h.act(Action::CorpusLoaded(all));
    h.act(Action::IndexReady {
        paragraphs: 0,
        elapsed: std::time::Duration::ZERO,
    });
    assert_eq!(picked(&h), chosen);
    let mut direct = Harness::new();
    direct.keys("/droits<enter>");
    assert_eq!(h.app.corpus.resolutions, direct.app.corpus.resolutions);
    assert_eq!(h.app.query.result, direct.app.query.result);
    assert_eq!(h.app.documents.rows, direct.app.documents.rows);
    assert_eq!(h.app.loading, None);
}

/// Corpus indices of the French and the English text of 44/18 in `common::bilingual_corpus`.
fn versions_of_44_18(h: &Harness) -> (DocId, DocId) {
    let find = |code: &str| {
        h.app
            .corpus
            .resolutions
            .iter()
            .position(|r| r.id() == "A/HRC/RES/44/18" && r.language.map(|l| l.code()) == Some(code))
            .map(DocId)
            .unwrap()
    };
    (find("fr"), find("en"))
}

fn rows_of_44_18(h: &Harness) -> Vec<DocId> {
    let (fr, en) = versions_of_44_18(h);
    h.app
        .documents
        .rows
        .iter()
        .copied()
        .filter(|&d| d == fr || d == en)
        .collect()
}

#[test]
fn two_languages_of_one_symbol_are_one_row_with_its_languages() {
    let mut h = Harness::with_corpus(common::bilingual_corpus());
    let (fr, _) = versions_of_44_18(&h);
    assert_eq!(h.app.corpus.resolutions.len(), 11);
    assert_eq!(h.app.documents.rows.len(), 10);
    // The first version in corpus order, as `show` without --lang.
    assert_eq!(rows_of_44_18(&h), [fr]);
    goto(&mut h, "A/HRC/RES/44/18");
    let screen = h.screen();
    assert!(screen.contains("Resolutions 10/10"), "{screen}");
    assert!(screen.contains("HRC [fr] en"), "{screen}");
    assert!(screen.contains("10 resolutions"), "{screen}");
    // Every sort keeps one row per resolution.
    for _ in 0..4 {
        h.keys("s");
        assert_eq!(rows_of_44_18(&h), [fr]);
        h.keys("S");
        assert_eq!(h.app.documents.rows.len(), 10);
    }
}

#[test]
fn switch_language_shows_the_other_version_at_the_same_paragraph() {
    let mut h = Harness::with_corpus(common::bilingual_corpus());
    let (fr, en) = versions_of_44_18(&h);
    goto(&mut h, "A/HRC/RES/44/18");
    h.keys("<enter>");
    assert_eq!(h.app.focus, Pane::Reader);
    for _ in 0..25 {
        h.keys("j");
    }
    // The paragraph at the top of the reader.
    let paragraph = |h: &Harness| {
        let r = h.app.resolution(h.app.reader.doc.unwrap()).unwrap();
        let width = Panes::for_app(h.app.size.0, h.app.size.1, None, h.app.list_width.chosen())
            .unwrap()
            .inner(Pane::Reader)
            .width;
        let lines = document_lines(r, usize::from(width));
        current_paragraph(&lines, h.app.reader.scroll)
    };
    let before = paragraph(&h);
    assert!(before.is_some_and(|p| p > ParagraphIndex(0)), "{before:?}");
    // The current paragraph (what y copies) is the same one in the other language.
    let current = h.app.reader.current;
    assert!(current > ParagraphIndex(0));
    h.keys("L");
    assert_eq!(h.app.reader.current, current);
    assert_eq!(h.app.reader.doc, Some(en));
    assert_eq!(h.app.selected_doc(), Some(en));
    assert_eq!(h.app.focus, Pane::Reader);
    assert_eq!(paragraph(&h), before);
    let message = h.app.message.clone().unwrap_or_default();
    assert!(
        message.contains("in en") && message.contains("also fr"),
        "{message}"
    );
    let screen = h.screen();
    assert!(screen.contains("A/HRC/RES/44/18 fr [en]"), "{screen}");
    assert!(screen.contains("HRC fr [en] Strengthening"), "{screen}");
    assert_eq!(h.app.documents.rows.len(), 10);
    // And back.
    h.keys("L");
    assert_eq!(h.app.reader.doc, Some(fr));
    assert_eq!(paragraph(&h), before);
    assert_eq!(h.app.reader.current, current);
    // A resolution in one language says so.
    h.keys("<esc>");
    goto(&mut h, "A/RES/80/1");
    let doc = h.app.selected_doc();
    h.keys("L");
    assert_eq!(h.app.selected_doc(), doc);
    let message = h.app.message.clone().unwrap_or_default();
    assert!(message.contains("only in en"), "{message}");
}

#[test]
fn the_language_switched_to_is_preferred_afterwards() {
    let mut h = Harness::with_corpus(common::bilingual_corpus());
    let (fr, en) = versions_of_44_18(&h);
    goto(&mut h, "A/HRC/RES/44/18");
    h.keys("L");
    assert_eq!(rows_of_44_18(&h), [en]);
    // A query and its clearing rebuild the list: English stays shown.
    h.type_query("s:44");
    assert_eq!(rows_of_44_18(&h), [en]);
    h.keys("<esc>");
    assert_eq!(rows_of_44_18(&h), [en]);
    assert_eq!(h.app.documents.rows.len(), 10);
    h.keys("L");
    assert_eq!(rows_of_44_18(&h), [fr]);
}

#[test]
fn a_query_lists_a_resolution_once_whichever_version_matches() {
    let mut h = Harness::with_corpus(common::bilingual_corpus());
    let (fr, en) = versions_of_44_18(&h);
    // Only the English text has the word: its version is the row.
    h.type_query("zebrafinch");
    assert_eq!(h.app.documents.rows, [en]);
    // Both texts match: one row, paragraph results from both.
    h.act(Action::Back);
    assert!(!h.app.query.is_active());
    h.type_query("cooperation");
    assert_eq!(rows_of_44_18(&h).len(), 1);
    let docs: std::collections::BTreeSet<DocId> =
        h.app.hits().iter().map(|hit| hit.document).collect();
    assert!(docs.contains(&fr) && docs.contains(&en), "{docs:?}");
    let screen = h.screen();
    assert!(
        screen.contains(&format!(
            "in {} of 10 resolutions",
            h.app.documents.rows.len()
        )),
        "{screen}"
    );
    // Moving through the results shows each result's version in the list and the reader.
    assert_eq!(h.app.focus, Pane::Reader);
    for _ in 0..h.app.hits().len() {
        let hit = h.app.hits()[h.app.reader.results.selected].document;
        assert_eq!(h.app.selected_doc(), Some(hit));
        assert_eq!(rows_of_44_18(&h).len(), 1);
        h.keys("j");
    }
}

#[test]
fn a_country_history_counts_a_resolution_once() {
    // Germany's standing on each row, in a stable order.
    let standings = |h: &Harness| {
        let mut found: Vec<String> = h
            .app
            .documents
            .rows
            .iter()
            .map(|&doc| format!("{:?}", h.app.standing(doc, "DEU")))
            .collect();
        found.sort();
        found
    };
    let one = Harness::new();
    let mut two = Harness::with_corpus(common::bilingual_corpus());
    assert_eq!(standings(&two), standings(&one));
    goto(&mut two, "A/HRC/RES/44/18");
    two.keys("L");
    assert_eq!(standings(&two), standings(&one));
    two.keys("<tab><tab>");
    assert_eq!(two.app.focus, Pane::Votes);
    two.act(Action::Open);
    let screen = two.screen();
    assert!(two.app.votes.history.is_some(), "{screen}");
    // The history counts each resolution once, in one language or two.
    let mut one = Harness::new();
    goto(&mut one, "A/HRC/RES/44/18");
    one.keys("<tab><tab>");
    one.act(Action::Open);
    let rows = |h: &Harness| h.app.votes.history.as_ref().unwrap().rows.len();
    assert!(rows(&one) > 0);
    assert_eq!(rows(&two), rows(&one));
}

#[test]
fn switching_to_a_version_with_other_paragraphs_keeps_the_citation() {
    // The English text lacks the first preambular paragraph and the last ten: indices shift
    // and proportions change, citations do not (OP n is the printed number).
    let mut corpus = common::bilingual_corpus();
    let english = corpus.resolutions.last_mut().unwrap();
    english.paragraphs.remove(0);
    let kept = english.paragraphs.len() - 10;
    english.paragraphs.truncate(kept);
    let mut h = Harness::with_corpus(corpus);
    let (_, en) = versions_of_44_18(&h);
    goto(&mut h, "A/HRC/RES/44/18");
    let fr = h.app.selected_doc().unwrap();
    let operative = h
        .app
        .resolution(fr)
        .unwrap()
        .paragraphs
        .iter()
        .position(|p| p.kind == resolu::corpus::ParagraphKind::Operative)
        .map(ParagraphIndex)
        .unwrap();
    // Read from the first operative paragraph (`n` needs a query: scroll instead).
    h.keys("<enter>");
    let citation_at_top = |h: &Harness| {
        let doc = h.app.reader.doc.unwrap();
        let r = h.app.resolution(doc).unwrap();
        let width = Panes::for_app(h.app.size.0, h.app.size.1, None, h.app.list_width.chosen())
            .unwrap()
            .inner(Pane::Reader)
            .width;
        let lines = document_lines(r, usize::from(width));
        current_paragraph(&lines, h.app.reader.scroll).and_then(|p| r.citation(p))
    };
    while citation_at_top(&h) != h.app.resolution(fr).unwrap().citation(operative) {
        let before = h.app.reader.scroll;
        h.keys("j");
        assert_ne!(before, h.app.reader.scroll, "never reached OP 1");
    }
    let before = citation_at_top(&h);
    assert_eq!(before.as_deref(), Some("OP 1"));
    h.keys("L");
    assert_eq!(h.app.reader.doc, Some(en));
    assert_eq!(citation_at_top(&h), before);
}

#[test]
fn the_configured_language_is_shown_first_when_the_corpus_arrives() {
    use resolu::app::{App, Language, update};
    use resolu::corpus::load::Corpus;
    use std::sync::Arc;

    let (config, warnings) = resolu::config::from_toml(Some("language = \"en\""));
    assert!(warnings.is_empty(), "{warnings:?}");
    let mut app = App::new(Arc::new(Corpus::default()), config.keys.clone(), false);
    // As the terminal UI starts: the config's language, then the corpus from the loader.
    app.language = config.language;
    update(
        &mut app,
        Action::CorpusLoaded(Arc::new(common::bilingual_corpus())),
    );
    assert_eq!(app.language, Some(Language::EN));
    assert_eq!(app.documents.rows.len(), 10);
    let shown: Vec<Option<&str>> = app
        .documents
        .rows
        .iter()
        .filter_map(|&d| app.resolution(d))
        .filter(|r| r.id() == "A/HRC/RES/44/18")
        .map(|r| r.language.map(|l| l.code()))
        .collect();
    assert_eq!(shown, [Some("en")]);
    // Resolutions with no English version keep their French one.
    assert!(
        app.documents
            .rows
            .iter()
            .filter_map(|&d| app.resolution(d))
            .any(|r| r.id() == "A/HRC/RES/46/13")
    );
    assert_eq!(app.reader.doc, app.selected_doc());
}

#[test]
fn a_notice_outlives_the_corpus_arriving_and_goes_with_the_next_key() {
    use resolu::corpus::load::{Corpus, load_embedded};
    let mut h = Harness::with_corpus(Corpus::default());
    h.app.index = resolu::app::IndexStatus::Loading;
    h.act(Action::Notice(
        "config: 1 warning: `frobnicate`: unknown key".into(),
    ));
    h.act(Action::CorpusLoaded(std::sync::Arc::new(load_embedded())));
    h.act(Action::IndexReady {
        paragraphs: 10,
        elapsed: Duration::from_millis(1),
    });
    assert!(h.screen().contains("frobnicate"), "{}", h.screen());
    h.keys("j");
    assert!(!h.screen().contains("frobnicate"));
}

#[test]
fn highlights_are_worked_out_only_for_the_paragraphs_asked_for() {
    let mut h = Harness::new();
    h.type_query("droits");
    h.act(Action::Open);
    let doc = h.app.reader.doc.expect("a document is open");
    let all = h.app.highlights(doc, |_| true);
    let lit: Vec<usize> = (0..all.len()).filter(|&i| !all[i].is_empty()).collect();
    assert!(lit.len() > 1, "{lit:?}");
    // Asked for one paragraph: that one lit as before, none of the others worked out.
    let first = lit[0];
    let one = h.app.highlights(doc, |i| i == ParagraphIndex(first));
    assert_eq!(one.len(), all.len());
    assert_eq!(one[first], all[first]);
    assert!(lit[1..].iter().all(|&i| one[i].is_empty()));
}
