//! Drives the app without a terminal: actions and key scripts go through `update`, searches are
//! answered inline by the worker's own function (no threads, no sleeps), frames are drawn on a
//! `TestBackend`.
#![allow(dead_code)]

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use resolu::app::action::SharedVotes;
use resolu::app::keymap::translate_event;
use resolu::app::{Action, App, Command, update};
use resolu::config::Config;
use resolu::corpus::load::{Corpus, load_embedded};
use resolu::index::Index;
use resolu::ui::theme::{ColourDepth, Theme};
use resolu::{ui, worker};
use std::sync::{Arc, LazyLock};
use std::time::Duration;

/// The embedded corpus and its index, built once for every test of a binary.
static EMBEDDED: LazyLock<(Arc<Corpus>, Arc<Index>)> = LazyLock::new(|| {
    let corpus = load_embedded();
    let index = Index::build(&corpus.resolutions);
    (Arc::new(corpus), Arc::new(index))
});

pub struct Harness {
    pub app: App,
    pub corpus: Arc<Corpus>,
    index: Arc<Index>,
    /// Every command update returned, in order.
    pub commands: Vec<Command>,
    pub theme: Theme,
}

impl Harness {
    pub fn new() -> Harness {
        let (corpus, index) = &*EMBEDDED;
        Harness::with_index(Arc::clone(corpus), Arc::clone(index))
    }

    pub fn with_corpus(corpus: Corpus) -> Harness {
        let index = Index::build(&corpus.resolutions);
        Harness::with_index(Arc::new(corpus), Arc::new(index))
    }

    fn with_index(corpus: Arc<Corpus>, index: Arc<Index>) -> Harness {
        let config = Config::default();
        let mut app = App::new(Arc::clone(&corpus), config.keys.clone(), false);
        let theme = Theme::new(&config.colours, ColourDepth::TrueColor);
        let paragraphs = index.paragraph_count();
        update(
            &mut app,
            Action::Resize {
                width: 120,
                height: 40,
            },
        );
        update(
            &mut app,
            Action::IndexReady {
                paragraphs,
                elapsed: Duration::from_millis(3),
            },
        );
        // The vote store, as the loader hands it over once the index is built.
        let votes = resolu::votes::all_votes(&corpus.resolutions, &config);
        update(
            &mut app,
            Action::VotesLoaded(SharedVotes(Arc::new(votes.store)), votes.warnings),
        );
        Harness {
            app,
            corpus,
            index,
            commands: Vec::new(),
            theme,
        }
    }

    /// Index `corpus` (a partial corpus while loading, or the whole one) and answer searches
    /// with it from now on, as the worker does once it has it; the corpus to hand to the app.
    pub fn index_corpus(&mut self, corpus: Corpus) -> Arc<Corpus> {
        self.index = Arc::new(Index::build(&corpus.resolutions));
        self.corpus = Arc::new(corpus);
        Arc::clone(&self.corpus)
    }

    /// Apply an action and carry out a search command at once, as the worker would.
    pub fn act(&mut self, action: Action) -> Option<Command> {
        let command = update(&mut self.app, action);
        if let Some(command) = &command {
            self.commands.push(command.clone());
            if let Command::Search {
                generation,
                query,
                limit,
            } = command
            {
                let mut outcome =
                    worker::answer(&self.index, &self.corpus, *generation, query, *limit);
                // Fixed, so snapshots do not depend on the machine's speed.
                outcome.elapsed = Duration::from_micros(420);
                update(&mut self.app, Action::SearchDone(Box::new(outcome)));
            }
        }
        command
    }

    /// Play a key script: characters are keys; `<enter>`, `<esc>`, `<tab>`, `<s-tab>`, `<bs>`,
    /// `<up>`, `<down>`, `<pgdn>`, `<pgup>`, `<home>`, `<end>`, `<c-x>` are named keys.
    pub fn keys(&mut self, script: &str) {
        for event in parse_script(script) {
            if let Some(action) = translate_event(&self.app.keymap, self.app.key_mode(), &event) {
                self.act(action);
            }
        }
    }

    pub fn type_query(&mut self, text: &str) {
        self.keys("/");
        for c in text.chars() {
            self.act(Action::Insert(c));
        }
        self.keys("<enter>");
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.act(Action::Resize { width, height });
    }

    /// Draw the current state on a screen of the app's size.
    pub fn buffer(&self) -> Buffer {
        let (width, height) = self.app.size;
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal
            .draw(|frame| ui::draw(frame, &self.app, &self.theme))
            .unwrap();
        terminal.backend().buffer().clone()
    }

    /// The screen as text, one line per row (as insta snapshots show it).
    pub fn screen(&self) -> String {
        let buffer = self.buffer();
        let mut out = String::new();
        for y in 0..buffer.area.height {
            let mut line = String::new();
            for x in 0..buffer.area.width {
                line.push_str(buffer[(x, y)].symbol());
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }

    /// The TestBackend's own rendering of the screen, for snapshots.
    pub fn backend(&self) -> TestBackend {
        let (width, height) = self.app.size;
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal
            .draw(|frame| ui::draw(frame, &self.app, &self.theme))
            .unwrap();
        terminal.backend().clone()
    }
}

pub fn parse_script(script: &str) -> Vec<Event> {
    let mut events = Vec::new();
    let mut rest = script;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
            && end > 1
        {
            let name = &rest[1..end];
            rest = &rest[end + 1..];
            let (code, modifiers) = match name {
                "enter" => (KeyCode::Enter, KeyModifiers::NONE),
                "esc" => (KeyCode::Esc, KeyModifiers::NONE),
                "tab" => (KeyCode::Tab, KeyModifiers::NONE),
                "s-tab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
                "bs" => (KeyCode::Backspace, KeyModifiers::NONE),
                "up" => (KeyCode::Up, KeyModifiers::NONE),
                "down" => (KeyCode::Down, KeyModifiers::NONE),
                "pgdn" => (KeyCode::PageDown, KeyModifiers::NONE),
                "pgup" => (KeyCode::PageUp, KeyModifiers::NONE),
                "home" => (KeyCode::Home, KeyModifiers::NONE),
                "end" => (KeyCode::End, KeyModifiers::NONE),
                ctrl if ctrl.starts_with("c-") => {
                    let c = ctrl.chars().nth(2).unwrap();
                    (KeyCode::Char(c), KeyModifiers::CONTROL)
                }
                other => panic!("unknown key <{other}>"),
            };
            events.push(Event::Key(KeyEvent::new(code, modifiers)));
            continue;
        }
        rest = &rest[c.len_utf8()..];
        let modifiers = if c.is_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        events.push(Event::Key(KeyEvent::new(KeyCode::Char(c), modifiers)));
    }
    events
}

/// The embedded corpus with an English version of A/HRC/RES/44/18 added last (the samples hold
/// only its French text): the French text's fields, an English title, `zebrafinch` in its first
/// paragraph (a word no other document has).
pub fn bilingual_corpus() -> Corpus {
    let mut corpus = load_embedded();
    let mut english = corpus
        .resolutions
        .iter()
        .find(|r| r.id() == "A/HRC/RES/44/18")
        .unwrap()
        .clone();
    english.language = Some(resolu::corpus::Language::EN);
    english.title =
        Some("Strengthening international cooperation in the field of human rights".to_string());
    english.paragraphs[0].text = "Reaffirming zebrafinch its commitment".to_string();
    english.source.path = "sample-data/A_HRC_RES_44_18.en.txt".to_string();
    corpus.resolutions.push(english);
    corpus
}
