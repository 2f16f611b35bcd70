//! Screens drawn on a 120×40 TestBackend after short key scripts, snapshotted with insta (which
//! keeps only the characters); styles are checked on the buffer where colour carries meaning.

// Test and tool code: a failure is meant to stop it, and clippy's pedantic group is for src/.
#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

mod common;

use common::Harness;
use insta::assert_snapshot;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use resolu::app::{Action, Pane};
use resolu::corpus::load::{Corpus, parse_bytes};
use resolu::corpus::{CountryRef, Vote};

/// Go down the document list to `symbol`.
fn goto(h: &mut Harness, symbol: &str) {
    h.act(Action::Top);
    while h.app.selected_resolution().map(|r| r.id()) != Some(symbol) {
        let before = h.app.documents.cursor.selected;
        h.act(Action::Down);
        assert_ne!(
            before, h.app.documents.cursor.selected,
            "{symbol} not found"
        );
    }
}

/// Where `text` starts inside `area` of the buffer.
fn find(buffer: &Buffer, area: Rect, text: &str) -> Option<(u16, u16)> {
    for y in area.y..area.bottom() {
        let row: Vec<&str> = (area.x..area.right())
            .map(|x| buffer[(x, y)].symbol())
            .collect();
        let line = row.concat();
        if let Some(byte) = line.find(text) {
            let column = line[..byte].chars().count();
            return Some((area.x + u16::try_from(column).unwrap(), y));
        }
    }
    None
}

#[test]
fn start_screen() {
    let h = Harness::new();
    assert_snapshot!("start_screen", h.backend());
}

#[test]
fn paragraph_results_mode() {
    let mut h = Harness::new();
    h.type_query("vaccins");
    assert_snapshot!("paragraph_results", h.backend());
}

#[test]
fn a_query_with_highlights_opened_in_context() {
    let mut h = Harness::new();
    h.type_query("coopération technique");
    h.keys("j<enter>");
    assert_snapshot!("query_with_highlights", h.backend());
}

#[test]
fn vote_breakdown_filtered_to_one_country() {
    let mut h = Harness::new();
    goto(&mut h, "A/HRC/RES/44/18");
    h.keys("callem<enter>");
    assert_snapshot!("vote_filtered_to_one_country", h.backend());
}

#[test]
fn a_countrys_history() {
    let mut h = Harness::new();
    goto(&mut h, "A/HRC/RES/44/18");
    h.keys("callem<enter><enter>");
    assert!(h.app.votes.history.is_some());
    assert_snapshot!("country_history", h.backend());
}

#[test]
fn help_overlay() {
    let mut h = Harness::new();
    h.keys("?");
    assert_snapshot!("help_overlay", h.backend());
    h.keys("vote");
    assert_snapshot!("help_overlay_filtered", h.backend());
}

#[test]
fn too_small() {
    let mut h = Harness::new();
    h.resize(50, 10);
    assert_snapshot!("too_small", h.backend());
}

#[test]
fn no_panic_at_any_size() {
    let scripts = [
        "",
        "/coop<enter>",
        "/coop<enter><enter>",
        "<tab><tab>callem<enter><enter>",
        "?",
        "/a | \"<enter>",
    ];
    let mut sizes: Vec<(u16, u16)> = vec![(1, 1), (300, 100), (2, 300), (300, 2)];
    for width in (1..=130).step_by(3) {
        for height in [1, 2, 5, 13, 14, 15, 24, 41] {
            sizes.push((width, height));
        }
    }
    for script in scripts {
        let mut h = Harness::new();
        h.keys(script);
        for &(width, height) in &sizes {
            h.resize(width, height);
            h.buffer();
            // Keys at that size too: scrolling and jumping use the layout.
            h.keys("jGnNk");
        }
    }
}

#[test]
fn every_bound_action_appears_in_the_help() {
    let mut h = Harness::new();
    h.resize(300, 100);
    h.keys("?");
    let screen = h.screen();
    for binding in h.app.keymap.bindings() {
        let keys: Vec<String> = binding.keys.iter().map(ToString::to_string).collect();
        let row = format!(
            "{:<7}{:<22}{}",
            binding.mode.name(),
            keys.join(", "),
            binding.action.name()
        );
        assert!(
            screen.contains(&row),
            "missing from the help: {row}\n{screen}"
        );
    }
}

#[test]
fn matches_and_ballots_are_styled_and_lettered() {
    let mut h = Harness::new();
    h.type_query("vaccins");
    let buffer = h.buffer();
    // The matched characters: the match colour, bold and underlined (meaning not by colour alone).
    let reader = resolu::app::layout::panes(120, 40)
        .unwrap()
        .inner(Pane::Reader);
    let (x, y) = find(&buffer, reader, "vaccins").expect("a highlighted word on screen");
    let matched = Color::Rgb(0xff, 0xd7, 0x5f);
    for dx in 0..7 {
        let cell = &buffer[(x + dx, y)];
        assert_eq!(cell.fg, matched, "{}", cell.symbol());
        assert!(
            cell.modifier
                .contains(Modifier::UNDERLINED | Modifier::BOLD)
        );
    }
    // The character after the match is plain.
    assert_ne!(buffer[(x + 7, y)].fg, matched);
    // Y, N, A letters in their colours in the breakdown.
    let mut h = Harness::new();
    goto(&mut h, "A/HRC/RES/44/18");
    let buffer = h.buffer();
    let votes = resolu::app::layout::panes(120, 40)
        .unwrap()
        .inner(Pane::Votes);
    let mut seen = Vec::new();
    for y in votes.y..votes.bottom() {
        let x = votes.x + 1;
        let cell = &buffer[(x, y)];
        let code = (1..4)
            .map(|d| buffer[(x + 1 + d, y)].symbol())
            .collect::<String>();
        match (cell.symbol(), code.as_str()) {
            ("Y", "AFG") => seen.push(("Y", cell.fg)),
            ("N", "DEU") => seen.push(("N", cell.fg)),
            ("A", _) => seen.push(("A", cell.fg)),
            _ => {}
        }
    }
    assert!(
        seen.contains(&("Y", Color::Rgb(0x5f, 0xd7, 0x5f))),
        "{seen:?}"
    );
    assert!(
        seen.contains(&("N", Color::Rgb(0xff, 0x5f, 0x5f))),
        "{seen:?}"
    );
}

#[test]
fn matches_are_highlighted_in_the_opened_document_too() {
    let mut h = Harness::new();
    h.type_query("vaccins");
    // Open the first result in its document: the reader shows the whole resolution now.
    h.act(Action::Open);
    assert_eq!(h.app.reader.view, resolu::app::ReaderView::Document);
    let buffer = h.buffer();
    let reader = resolu::app::layout::panes(120, 40)
        .unwrap()
        .inner(Pane::Reader);
    let matched = Color::Rgb(0xff, 0xd7, 0x5f);
    let mut highlighted = 0;
    for y in reader.y..reader.bottom() {
        for x in reader.x..reader.right().saturating_sub(7) {
            let word: String = (0..7).map(|d| buffer[(x + d, y)].symbol()).collect();
            if word.eq_ignore_ascii_case("vaccins") {
                for dx in 0..7 {
                    let cell = &buffer[(x + dx, y)];
                    assert_eq!(cell.fg, matched, "{word} at {x},{y}");
                    assert!(
                        cell.modifier
                            .contains(Modifier::UNDERLINED | Modifier::BOLD)
                    );
                }
                assert_ne!(
                    buffer[(x + 7, y)].fg,
                    matched,
                    "the match ends with the word"
                );
                highlighted += 1;
            }
        }
    }
    assert!(highlighted > 0, "no match on screen:\n{}", h.screen());
    // Nothing else is: every cell in the match colour is part of one of those words.
    let coloured = (reader.y..reader.bottom())
        .flat_map(|y| (reader.x..reader.right()).map(move |x| (x, y)))
        .filter(|&at| buffer[at].fg == matched)
        .count();
    assert_eq!(coloured, 7 * highlighted);
}

/// A resolution whose text and country names hold terminal escapes, built by hand (the parser
/// would have removed them): the UI must still print them inert, shown as escapes.
fn hostile_corpus() -> Corpus {
    let text = "A/HRC/RES/44/18\nConseil des droits de l’homme\n44/18. Titre \x1b[31mrouge\x1b[0m\n\
                Le Conseil des droits de l’homme,\n1. Décide de tout.\n";
    let mut r = parse_bytes("x.txt", text.as_bytes()).unwrap();
    r.title = Some("Titre \x1b[31mrouge\x1b[0m \x1b]52;c;AAAA\x07 fin".into());
    r.paragraphs[0].text = "Décide \x1b[2J\x1b[Hd'effacer \u{202e}l'écran\x07 ; \u{9b}31m".into();
    r.vote = Some(Vote {
        adoption: resolu::corpus::Adoption::RecordedVote,
        yes: Some(1),
        no: Some(0),
        abstain: Some(0),
        in_favour: vec![CountryRef {
            code: Some("FRA".into()),
            name: "Fr\x1b[5mance".into(),
        }],
        against: vec![],
        abstaining: vec![],
    });
    Corpus {
        resolutions: vec![r],
        problems: vec![],
    }
}

/// No cell of `h`'s screen holds a control character or a bidi override.
fn assert_no_control_on_screen(h: &Harness) {
    for cell in h.buffer().content() {
        assert!(
            !cell
                .symbol()
                .chars()
                .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
            "a control character reached the screen: {:?}",
            cell.symbol()
        );
    }
}

#[test]
fn escape_sequences_in_a_document_are_displayed_inert() {
    let mut h = Harness::with_corpus(hostile_corpus());
    h.keys("<enter>");
    assert_no_control_on_screen(&h);
    let screen = h.screen();
    assert!(
        screen.contains("Titre \\x1b[31mrouge\\x1b[0m \\x1b]52;c;AAAA\\x07 fin"),
        "{screen}"
    );
    for shown in [
        "Décide \\x1b[2J\\x1b[Hd'effacer",
        "\\u202el'écran\\x07 ; \\u009b31m",
        "Fr\\x1b[5mance",
    ] {
        assert!(screen.contains(shown), "{shown} in\n{screen}");
    }
    // Copying gives the text without controls either.
    match h.act(Action::Copy) {
        Some(resolu::app::Command::Copy(text)) => assert!(!text.chars().any(char::is_control)),
        other => panic!("{other:?}"),
    }
    assert_snapshot!("escapes_inert", h.backend());
}

/// A file named with an OSC 52 clipboard write is the id of the resolution it holds (it has no
/// symbol): the list, the reader's title and the status line show the name escaped, and so does
/// a config warning with an escape in it.
#[test]
fn a_file_name_with_escapes_is_shown_escaped_in_titles_and_the_status_line() {
    let text = include_str!("../sample-data/A_HRC_RES_44_11.fr.txt");
    let start = text.find(" Réaffirmant toutes").unwrap();
    let name = "\x1b]52;c;SGVsbG8=\x07.txt";
    let shown = "\\x1b]52;c;SGVsbG8=\\x07.txt";
    let r = parse_bytes(name, &text.as_bytes()[start..]).unwrap();
    assert_eq!(r.id(), name);
    let mut h = Harness::with_corpus(Corpus {
        resolutions: vec![r],
        problems: vec![],
    });
    h.keys("<enter>");
    h.act(Action::Notice(
        "config: 1 warning: config.toml: `\x1b[2J`: unknown key; ignored".to_string(),
    ));
    assert_no_control_on_screen(&h);
    let screen = h.screen();
    let rows: Vec<&str> = screen.lines().collect();
    // The reader's title (top border), the list's first row, the status line.
    assert!(rows[2].contains(&format!("┏ {shown}")), "{}", rows[2]);
    assert!(rows[3].contains(&format!("▶ {shown}")), "{}", rows[3]);
    let status = rows.last().unwrap();
    assert!(status.contains("`\\x1b[2J`: unknown key"), "{status}");
    assert_snapshot!("file_name_escaped", h.backend());
}

/// The sample corpus with A/HRC/RES/44/18 changed by `change`.
fn with_44_18_changed(change: impl FnOnce(&mut resolu::corpus::Resolution)) -> Harness {
    let mut corpus = resolu::corpus::load::load_embedded();
    let r = corpus
        .resolutions
        .iter_mut()
        .find(|r| r.id() == "A/HRC/RES/44/18")
        .unwrap();
    change(r);
    Harness::with_corpus(corpus)
}

#[test]
fn lists_that_disagree_with_the_counts_get_a_warning_line() {
    let mut h = with_44_18_changed(|r| {
        r.vote.as_mut().unwrap().in_favour.pop();
    });
    goto(&mut h, "A/HRC/RES/44/18");
    let buffer = h.buffer();
    let votes = resolu::app::layout::panes(120, 40)
        .unwrap()
        .inner(Pane::Votes);
    let (x, y) = find(&buffer, votes, "⚠ listed 29–15–2 ≠ stated")
        .unwrap_or_else(|| panic!("no warning:\n{}", h.screen()));
    assert!(buffer[(x, y)].modifier.contains(Modifier::BOLD));
    // The agreeing original has none.
    let mut h = Harness::new();
    goto(&mut h, "A/HRC/RES/44/18");
    assert!(!h.screen().contains("⚠ listed"));
}

/// `update` pages the vote pane by `app::view::breakdown_header_rows`; the pane draws
/// `ui::votes::breakdown_header`. They must agree in every state, or paging skips or repeats rows.
#[test]
fn the_breakdown_header_is_as_tall_as_update_counts() {
    let check = |h: &Harness, state: &str| {
        let drawn = resolu::ui::votes::breakdown_header(&h.app, &h.theme, 80).len();
        let counted = resolu::app::view::breakdown_header_rows(&h.app);
        assert_eq!(
            drawn,
            counted,
            "{state} {:?}",
            h.app.selected_resolution().map(|r| r.id())
        );
    };
    let disagreeing = with_44_18_changed(|r| {
        r.vote.as_mut().unwrap().in_favour.pop();
    });
    for mut h in [Harness::new(), disagreeing] {
        check(&h, "nothing selected?");
        h.act(Action::Top);
        for _ in 0..h.app.documents.rows.len() {
            check(&h, "plain");
            h.app.focus = Pane::Votes;
            h.keys("c");
            check(&h, "typing a filter");
            h.keys("fr");
            check(&h, "filter typed");
            h.keys("<enter>");
            check(&h, "filter set");
            h.keys("<esc><esc>");
            h.app.focus = Pane::Documents;
            h.act(Action::Down);
        }
    }
}

/// A writer whose bytes the test can read after the terminal has them.
#[derive(Clone, Default)]
struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Shared {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_16_colour_frame_uses_the_classic_colour_codes() {
    use ratatui::backend::CrosstermBackend;
    use resolu::ui::ansi16::Ansi16;
    use resolu::ui::theme::{ColourDepth, Theme};
    let mut h = Harness::new();
    goto(&mut h, "A/HRC/RES/44/18");
    let theme = Theme::new(
        &resolu::config::Config::default().colours,
        ColourDepth::Ansi16,
    );
    let shared = Shared::default();
    let backend = CrosstermBackend::new(Ansi16::new(shared.clone(), true));
    let options = ratatui::TerminalOptions {
        viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, 120, 40)),
    };
    let mut terminal = ratatui::Terminal::with_options(backend, options).unwrap();
    terminal
        .draw(|frame| resolu::ui::draw(frame, &h.app, &theme))
        .unwrap();
    let bytes = String::from_utf8_lossy(&shared.0.borrow()).into_owned();
    let palette_low = regex::Regex::new(r"\x1b\[[34]8;5;([0-9]|1[0-5])m").unwrap();
    assert!(
        !palette_low.is_match(&bytes),
        "a 256-colour code for one of the 16 colours"
    );
    let at = bytes
        .find("38;5;")
        .map(|i| &bytes[i.saturating_sub(40)..(i + 40).min(bytes.len())]);
    assert!(
        at.is_none(),
        "no palette index at all in 16 colours: {at:?}"
    );
    // SGR parameters, one by one (crossterm writes a colour and a reset together: `94;49`).
    let params = regex::Regex::new(r"\x1b\[([0-9;]*)m").unwrap();
    let codes: Vec<&str> = params
        .captures_iter(&bytes)
        .flat_map(|c| c.get(1).unwrap().as_str().split(';'))
        .collect();
    let classic = |c: &&str| matches!(c.parse::<u8>(), Ok(30..=37 | 90..=97));
    assert!(codes.iter().any(classic), "the classic codes are used");
    assert!(
        !codes.contains(&"90"),
        "palette 8 (dark grey) never for text"
    );
}

/// Mid-load: the files read so far are listed and searched, the status bar says how far the
/// load is (the rate from fixed figures: 52.4 MB in 4 s).
#[test]
fn mid_load() {
    use resolu::app::{IndexStatus, LoadProgress};
    use resolu::corpus::load::load_embedded;
    let whole = load_embedded();
    let mut h = Harness::with_corpus(Corpus::default());
    h.app.index = IndexStatus::Loading;
    let partial = h.index_corpus(Corpus {
        resolutions: whole.resolutions[..4].to_vec(),
        problems: Vec::new(),
    });
    h.keys("/droits<enter>");
    h.act(Action::PartialCorpus(
        partial,
        LoadProgress {
            done: 1204,
            total: 3000,
            bytes: 52_400_000,
            warnings: 3,
            elapsed: std::time::Duration::from_secs(4),
        },
    ));
    let screen = h.screen();
    assert!(
        screen.contains("reading 1,204 / 3,000 files · 13.1 MB/s · 3 warnings…"),
        "{screen}"
    );
    assert_snapshot!("mid_load", h.backend());
}

#[test]
fn while_the_corpus_loads_the_list_says_so() {
    let mut h = Harness::with_corpus(resolu::corpus::load::Corpus::default());
    h.app.index = resolu::app::IndexStatus::Loading;
    assert!(
        h.screen().contains("Reading and parsing the corpus…"),
        "{}",
        h.screen()
    );
    assert!(!h.screen().contains("No resolution matches"));
    h.app.index = resolu::app::IndexStatus::Building;
    assert!(
        h.screen().contains("No resolution in the corpus"),
        "{}",
        h.screen()
    );
}

#[test]
fn a_long_query_scrolls_and_the_cursor_stays_visible() {
    let mut h = Harness::new();
    h.resize(80, 24);
    h.keys("/");
    let long = "cooperation internationale dans le domaine des droits de l'homme et vaccins covid";
    h.keys(long);
    let (width, height) = h.app.size;
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| resolu::ui::draw(frame, &h.app, &h.theme))
        .unwrap();
    let screen = h.screen();
    let bar = screen.lines().next().unwrap();
    assert!(bar.ends_with("vaccins covid"), "{bar}");
    assert!(bar.contains('…'), "cut on the left: {bar}");
    let cursor = terminal.get_cursor_position().unwrap();
    assert!(cursor.x < 80 && cursor.y == 0, "{cursor:?}");
    assert_eq!(usize::from(cursor.x), resolu::ui::text::width(bar), "{bar}");
}

#[test]
fn a_long_symbol_never_cuts_the_tally_and_wide_screens_widen_the_list() {
    let mut h = with_44_18_changed(|r| r.symbol = Some("E/CN.4/RES/2005/10".to_string()));
    h.resize(120, 40);
    let screen = h.screen();
    assert!(
        screen.contains("E/CN.4/RES/2005/10 30–15–2"),
        "the symbol and tally whole, the date on the second row:\n{screen}"
    );
    // At 200 columns the list is 60 wide: a title shows far more than at 120.
    h.resize(200, 50);
    let panes = resolu::app::layout::panes(200, 50).unwrap();
    assert_eq!(panes.inner(resolu::app::Pane::Documents).width, 58);
}

#[test]
fn z_shows_the_focused_pane_alone_and_again_all_panes() {
    let mut h = Harness::new();
    goto(&mut h, "A/HRC/RES/44/18");
    h.act(Action::NextPane);
    assert_eq!(h.app.focus, Pane::Reader);
    h.act(Action::Zoom);
    let screen = h.screen();
    // The reader fills the body: its border starts at the left edge and the list is gone.
    assert!(!screen.contains("Resolutions 10/10"), "{screen}");
    assert!(screen.lines().nth(2).unwrap().starts_with('┏'), "{screen}");
    assert!(screen.contains("Réaffirmant sa volonté"), "{screen}");
    // Every pane can be zoomed and moved in without trouble, at any size.
    for _ in 0..3 {
        h.act(Action::NextPane);
        for action in [Action::Down, Action::Bottom, Action::Top] {
            h.act(action);
        }
        let _ = h.screen();
    }
    h.act(Action::Zoom);
    assert!(h.screen().contains("Resolutions 10/10"));
}

#[test]
fn a_metadata_only_query_shows_no_paragraph_counts() {
    let mut h = Harness::new();
    h.type_query("s:44");
    let screen = h.screen();
    assert!(screen.contains("Resolutions 2/10"), "{screen}");
    assert!(!screen.contains("¶)"), "no counts for s:44:\n{screen}");
    let mut h = Harness::new();
    h.type_query("vaccins s:44");
    assert!(
        h.screen().contains("¶)"),
        "counts when words matched:\n{}",
        h.screen()
    );
}

#[test]
fn the_help_explains_the_query_language_the_markers_and_the_mouse() {
    let mut h = Harness::new();
    h.resize(120, 40);
    h.keys("?");
    h.keys("session");
    let screen = h.screen();
    assert!(screen.contains("s:44  s:40..46"), "{screen}");
    h.keys("<esc>");
    h.keys("?");
    h.keys("country");
    let screen = h.screen();
    assert!(screen.contains("c:fra  c:\"cote d'ivoire\""), "{screen}");
    h.keys("<esc>");
    h.keys("?");
    h.keys("copies");
    assert!(h.screen().contains("▌"), "{}", h.screen());
    h.keys("<esc>");
    // Unfiltered, the rows outnumber the screen: the title says where the view is.
    h.keys("?");
    let screen = h.screen();
    assert!(screen.contains("1–34 of"), "{screen}");
}

#[test]
fn at_80_columns_the_help_keeps_descriptions_whole() {
    let mut h = Harness::new();
    h.resize(80, 30);
    h.keys("?");
    h.keys("mouse capture");
    let screen = h.screen();
    assert!(screen.contains("Turn mouse capture on or off"), "{screen}");
    assert!(!screen.contains("toggle_mouse"), "{screen}");
}

#[test]
fn a_result_snippet_shows_the_passage_with_every_query_word() {
    let mut h = with_44_18_changed(|r| {
        r.paragraphs[0].text = "Rappelant la coopération avec les organes conventionnels, les \
            procédures spéciales, le mécanisme d’examen périodique universel et les travaux du \
            Haut-Commissariat dans toutes les régions du monde, et décide de renforcer la \
            coopération zygomatique avec les États qui la demandent."
            .into();
    });
    h.type_query("coopération zygomatique");
    let screen = h.screen();
    assert!(
        screen.contains("coopération zygomatique"),
        "the later passage is shown: {screen}"
    );
    assert!(
        screen.contains(" …"),
        "an ellipsis says text is left out: {screen}"
    );
    assert!(!screen.contains("Rappelant la coop"), "{screen}");
    // The matched words are still highlighted.
    let buffer = h.buffer();
    let panes = resolu::app::layout::panes(120, 40).unwrap();
    let (x, y) = find(&buffer, panes.inner(Pane::Reader), "zygomatique").unwrap();
    assert_eq!(buffer[(x, y)].fg, h.theme.matched().fg.unwrap());
}

#[test]
fn a_resolution_in_two_languages_is_one_row_showing_its_languages() {
    let mut h = Harness::with_corpus(common::bilingual_corpus());
    goto(&mut h, "A/HRC/RES/44/18");
    h.keys("L");
    assert_snapshot!("two_languages_one_row", h.backend());
    // At 80 columns the languages share the second row with the title; the symbol and the
    // tally stay whole on the first.
    h.resize(80, 24);
    let screen = h.screen();
    assert_eq!(
        screen.matches("A/HRC/RES/44/18 30–15–2").count(),
        1,
        "one row, symbol and tally whole:\n{screen}"
    );
    assert!(screen.contains("2020-07-17 HRC fr [en] St"), "{screen}");
}
