//! The app's state: what is loaded, what is focused and selected, the query and its results, the
//! mode. Plain data changed only by `update`; the panes read it.

pub use super::cursor::{Cursor, LineEdit};
use super::keymap::{KeyMode, Keymap};
use super::recall::QueryHistory;
pub use super::views::{History, Picker, Ranking};
use crate::corpus::load::Corpus;
use crate::corpus::{DocId, Language, ParagraphIndex};
use crate::index::SearchResult;
use crate::index::query::Query;
use crate::index::versions::Versions;
use crate::votes::VoteStore;
use std::sync::Arc;
use std::time::Duration;

/// The three panes, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Documents,
    Reader,
    Votes,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::Documents, Pane::Reader, Pane::Votes];
}

/// What is being typed into, when keys are text (the help overlay's filter takes text whenever
/// the help is open).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputTarget {
    Query,
    CountryFilter,
    /// The country picker's filter (the popup is [`App::picker`]).
    CountryPicker,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Date,
    Symbol,
    Session,
    /// How close the vote was: |yes − no|, closest first.
    Margin,
}

impl SortKey {
    pub fn next(self) -> SortKey {
        match self {
            SortKey::Date => SortKey::Symbol,
            SortKey::Symbol => SortKey::Session,
            SortKey::Session => SortKey::Margin,
            SortKey::Margin => SortKey::Date,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SortKey::Date => "date",
            SortKey::Symbol => "symbol",
            SortKey::Session => "session",
            SortKey::Margin => "margin",
        }
    }
}

/// What the centre pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReaderView {
    /// The selected resolution, whole.
    Document,
    /// Matching paragraphs across the corpus.
    Results,
}

/// The query bar, the query it parses to, and the newest answer.
#[derive(Debug, Clone, Default)]
pub struct QueryState {
    pub input: LineEdit,
    pub parsed: Query,
    /// Generation of the newest query sent to the worker.
    pub generation: u64,
    /// Generation `result` answers; older than `generation` while a search runs.
    pub answered: u64,
    pub result: Option<SearchResult>,
    pub elapsed: Option<Duration>,
    /// The paragraph result selected when the corpus was replaced (while loading): the answer to
    /// the query asked again selects it again.
    pub kept_hit: Option<(DocId, ParagraphIndex)>,
}

impl QueryState {
    /// Anything typed that narrows: terms or filters.
    pub fn is_active(&self) -> bool {
        !self.parsed.is_empty()
    }

    /// Words to match and highlight (filters alone do not make paragraph results).
    pub fn has_terms(&self) -> bool {
        self.parsed.positive_terms().next().is_some()
    }

    pub fn pending(&self) -> bool {
        self.is_active() && self.answered != self.generation
    }
}

/// A row of the document list: a place in [`DocumentList::rows`], which is sorted and filtered,
/// so never a [`DocId`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Row(pub usize);

/// The document list: which resolutions, in which order, and the selection.
#[derive(Debug, Clone)]
pub struct DocumentList {
    /// Corpus indices of the documents shown, in display order: one version of each resolution
    /// (see [`App::versions`]).
    pub rows: Vec<DocId>,
    pub cursor: Cursor,
    pub sort: SortKey,
    pub reversed: bool,
}

impl DocumentList {
    /// The resolution shown in `row`.
    pub fn doc_at(&self, row: Row) -> Option<DocId> {
        self.rows.get(row.0).copied()
    }

    /// The row the cursor is on.
    pub fn selected_row(&self) -> Row {
        Row(self.cursor.selected)
    }

    /// Put the cursor on `row`.
    pub fn select_row(&mut self, row: Row) {
        self.cursor.selected = row.0;
    }
}

/// The centre pane.
#[derive(Debug, Clone)]
pub struct Reader {
    pub view: ReaderView,
    /// The document the scroll position belongs to.
    pub doc: Option<DocId>,
    /// First line shown of the document.
    pub scroll: usize,
    /// The current paragraph of the document (an index into its paragraphs): what `y` copies,
    /// what the bar marks, where `n` / `N` start from. It follows the view as it scrolls.
    pub current: ParagraphIndex,
    pub results: Cursor,
    /// Esc goes back to the results.
    pub opened_from_results: bool,
}

/// The vote pane: the breakdown with its country filter, or one country's history, or the
/// agreement ranking of a country (shown over the history while open).
#[derive(Debug, Clone, Default)]
pub struct Votes {
    pub filter: LineEdit,
    pub cursor: Cursor,
    pub history: Option<History>,
    pub agreement: Option<Ranking>,
}

#[derive(Debug, Clone, Default)]
pub struct Help {
    pub filter: LineEdit,
    pub scroll: usize,
}

/// The document list's width in columns, if not the automatic one: `widen_list` and
/// `narrow_list` choose it (remembered between runs), else the config's `list_width`. The layout
/// keeps it within what the screen allows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListWidth {
    /// `list_width` in config.toml.
    pub configured: Option<u16>,
    /// Set with `widen_list` / `narrow_list`; `reset_list_width` forgets it.
    pub remembered: Option<u16>,
}

impl ListWidth {
    /// The width asked for, if any.
    pub fn chosen(&self) -> Option<u16> {
        self.remembered.or(self.configured)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexStatus {
    /// The corpus is still being read and parsed.
    Loading,
    Building,
    Ready {
        paragraphs: usize,
        elapsed: Duration,
    },
}

/// How far the loader is in reading the corpus's files.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadProgress {
    pub done: usize,
    pub total: usize,
    /// Size of the files done, in bytes.
    pub bytes: u64,
    /// Warnings met so far (files that gave nothing, the parser's warnings).
    pub warnings: usize,
    /// Time since the load started.
    pub elapsed: Duration,
}

impl LoadProgress {
    /// Megabytes (10⁶ bytes) read per second so far, once any time has passed.
    pub fn megabytes_per_second(&self) -> Option<f64> {
        let seconds = self.elapsed.as_secs_f64();
        #[allow(clippy::cast_precision_loss)] // a rate for display
        (seconds > 0.0).then(|| self.bytes as f64 / 1e6 / seconds)
    }
}

/// The whole interactive state.
#[derive(Debug, Clone)]
pub struct App {
    pub corpus: Arc<Corpus>,
    /// The corpus's documents grouped into resolutions: the versions of one symbol.
    pub versions: Arc<Versions>,
    /// The language last switched to (`switch_language`): the version each resolution shows
    /// when it has one in it. `None`: the first version in corpus order, as `show` picks.
    pub language: Option<Language>,
    pub keymap: Keymap,
    pub focus: Pane,
    pub input: Option<InputTarget>,
    pub help: Option<Help>,
    /// The country picker popup, open from any pane.
    pub picker: Option<Picker>,
    pub query: QueryState,
    pub documents: DocumentList,
    pub reader: Reader,
    pub votes: Votes,
    /// Every roll call: the texts' and the imported records' (empty until the loader has built
    /// it).
    pub vote_store: Arc<VoteStore>,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    pub mouse: bool,
    /// The focused pane fills the body alone (`zoom`).
    pub zoomed: bool,
    pub list_width: ListWidth,
    /// Earlier queries, recalled in the query bar.
    pub history: QueryHistory,
    pub index: IndexStatus,
    /// Files read so far while the corpus loads (none before the files are counted, and once
    /// the corpus is there).
    pub loading: Option<LoadProgress>,
    /// One line for the status bar, cleared by the next key.
    pub message: Option<String>,
    /// How many paragraph results a search asks for.
    pub hit_limit: usize,
}

impl App {
    pub fn new(corpus: Arc<Corpus>, keymap: Keymap, mouse: bool) -> App {
        let versions = Versions::build(&corpus.resolutions);
        let rows = versions.pick(
            &corpus.resolutions,
            DocId::all(corpus.resolutions.len()),
            None,
        );
        let mut app = App {
            corpus,
            versions: Arc::new(versions),
            language: None,
            keymap,
            focus: Pane::Documents,
            input: None,
            help: None,
            picker: None,
            query: QueryState::default(),
            documents: DocumentList {
                rows,
                cursor: Cursor::default(),
                sort: SortKey::Date,
                reversed: false,
            },
            reader: Reader {
                view: ReaderView::Document,
                doc: None,
                scroll: 0,
                current: ParagraphIndex(0),
                results: Cursor::default(),
                opened_from_results: false,
            },
            votes: Votes::default(),
            vote_store: Arc::new(VoteStore::new()),
            size: (80, 24),
            mouse,
            zoomed: false,
            list_width: ListWidth::default(),
            history: QueryHistory::default(),
            index: IndexStatus::Building,
            loading: None,
            message: None,
            hit_limit: 500,
        };
        app.sort_rows();
        app.documents.cursor = Cursor::default();
        app.reader.doc = app.selected_doc();
        app
    }

    /// Which key table applies now.
    pub fn key_mode(&self) -> KeyMode {
        if self.input.is_some() || self.help.is_some() {
            KeyMode::Query
        } else {
            KeyMode::Normal
        }
    }

    /// The selected resolution.
    pub fn selected_doc(&self) -> Option<DocId> {
        self.documents.doc_at(self.documents.selected_row())
    }
}
