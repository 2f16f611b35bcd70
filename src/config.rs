//! The configuration: the embedded default (`config.default.toml`) with the user's `config.toml`
//! laid over it. Reading never fails: bad TOML, unknown keys and bad values each give a warning
//! naming the key, and the default stands for what could not be read.

mod reader;

use crate::app::Language;
use crate::app::action::Action;
use crate::app::keymap::{Key, KeyMode, Keymap};
use ratatui::style::Color;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use reader::Reader;

/// How many colours the terminal shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColourDepth {
    TrueColor,
    Ansi256,
    Ansi16,
    /// `NO_COLOR`, or a terminal without colour: modifiers only.
    None,
}

/// The default configuration, also the documentation of every key.
pub const DEFAULT: &str = include_str!("config.default.toml");

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Corpus files or folders; empty means the built-in samples.
    pub corpus_paths: Vec<PathBuf>,
    pub keys: Keymap,
    pub colours: Colours,
    /// Mouse capture at start.
    pub mouse: bool,
    /// Where `copy` also writes its text.
    pub clipboard_file: Option<PathBuf>,
    /// The document list's width in columns; `None`: from the screen's width.
    pub list_width: Option<u16>,
    /// How many queries the history keeps (0: no history, nothing read or written).
    pub history_size: usize,
    /// The language a resolution in several languages is shown in at start; `None`: its first
    /// version found. `switch_language` changes it for the session.
    pub language: Option<Language>,
    /// The largest corpus file read, in bytes (`max_file_mb`); a larger one is skipped with a
    /// warning.
    pub max_file_bytes: u64,
    /// Voting records (`votes`): imported into the cache dir at start when new or changed.
    pub vote_files: Vec<PathBuf>,
    /// The warnings `load` returned, kept so the terminal UI can show and log them.
    pub warnings: Vec<String>,
}

/// Colours as configured; the UI reduces them to what the terminal can show.
#[derive(Debug, Clone, PartialEq)]
pub struct Colours {
    /// `None`: detect from the environment.
    pub depth: Option<ColourDepth>,
    pub accent: Color,
    pub matched: Color,
    pub yes: Color,
    pub no: Color,
    pub abstain: Color,
    pub warning: Color,
    pub dim: Color,
}

impl Default for Colours {
    fn default() -> Self {
        Colours {
            depth: None,
            accent: Color::Blue,
            matched: Color::Yellow,
            yes: Color::Green,
            no: Color::Red,
            abstain: Color::Yellow,
            warning: Color::Yellow,
            dim: Color::DarkGray,
        }
    }
}

impl Default for Config {
    /// The embedded default alone.
    fn default() -> Self {
        from_toml(None).0
    }
}

/// Where resolu keeps its files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigPaths {
    pub config_file: Option<PathBuf>,
    pub log_dir: Option<PathBuf>,
    pub cache_dir: Option<PathBuf>,
    /// The query history and the remembered list width.
    pub state_dir: Option<PathBuf>,
}

impl fmt::Display for ConfigPaths {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let show = |p: &Option<PathBuf>| {
            p.as_ref().map_or_else(
                || "(no home folder)".to_string(),
                |p| p.display().to_string(),
            )
        };
        writeln!(f, "config file: {}", show(&self.config_file))?;
        writeln!(f, "log folder:  {}", show(&self.log_dir))?;
        writeln!(f, "cache:       {}", show(&self.cache_dir))?;
        writeln!(f, "state:       {}", show(&self.state_dir))
    }
}

/// The platform's folders for resolu (`directories`, org `resolu`, app `resolu`).
pub fn paths() -> ConfigPaths {
    match directories::ProjectDirs::from("org", "resolu", "resolu") {
        Some(dirs) => {
            // Platforms without a state folder (macOS, Windows) keep it in the cache.
            let state = dirs.state_dir().unwrap_or(dirs.cache_dir()).to_path_buf();
            ConfigPaths {
                config_file: Some(dirs.config_dir().join("config.toml")),
                log_dir: Some(state.clone()),
                cache_dir: Some(dirs.cache_dir().to_path_buf()),
                state_dir: Some(state),
            }
        }
        None => ConfigPaths {
            config_file: None,
            log_dir: None,
            cache_dir: None,
            state_dir: None,
        },
    }
}

/// Read the user's config file over the default; a missing file is no warning.
pub fn load() -> (Config, Vec<String>) {
    match paths().config_file {
        Some(file) => load_file(&file),
        None => from_toml(None),
    }
}

/// Read the config file `file` over the default. Only a regular file of at most 1 MB is read
/// (`fsread`): a FIFO, a device (`/dev/zero`) or a larger file is a warning naming it, and the
/// defaults stand, so the program always starts.
pub fn load_file(file: &Path) -> (Config, Vec<String>) {
    let why = match crate::fsread::read_regular(file, crate::fsread::SMALL_FILE_LIMIT) {
        Ok((bytes, _)) => match String::from_utf8(bytes) {
            Ok(text) => return from_toml(Some(&text)),
            Err(_) => "not UTF-8 text".to_string(),
        },
        Err(crate::fsread::ReadError::Missing) => return from_toml(None),
        Err(e) => e.to_string(),
    };
    let (mut config, mut warnings) = from_toml(None);
    warnings.push(format!("{}: {why}; using the defaults", file.display()));
    config.warnings.clone_from(&warnings);
    (config, warnings)
}

/// The default with `user` (the text of a config.toml) laid over it.
pub fn from_toml(user: Option<&str>) -> (Config, Vec<String>) {
    let mut config = Config {
        corpus_paths: Vec::new(),
        keys: Keymap::default(),
        colours: Colours::default(),
        mouse: false,
        clipboard_file: None,
        list_width: None,
        history_size: crate::app::recall::DEFAULT_LIMIT,
        max_file_bytes: crate::fsread::DEFAULT_FILE_LIMIT,
        vote_files: Vec::new(),
        language: None,
        warnings: Vec::new(),
    };
    let mut warnings = Vec::new();
    for (source, text) in [("default config", Some(DEFAULT)), ("config.toml", user)] {
        let Some(text) = text else { continue };
        match toml::Table::from_str(text) {
            Ok(table) => Reader::new(source, &mut warnings).apply(&mut config, &table),
            Err(e) => warnings.push(format!(
                "{source}: not valid TOML{}: {}; using the defaults",
                line_of(text, e.span()),
                e.message().trim()
            )),
        }
    }
    // Ctrl-C always quits unless the user gave it another job: remapping `quit` to other keys
    // must not take away the way out everybody tries first.
    for mode in [KeyMode::Normal, KeyMode::Query] {
        config.keys.keep(mode, Action::Quit, Key::ctrl('c'));
    }
    config.warnings.clone_from(&warnings);
    (config, warnings)
}

fn line_of(text: &str, span: Option<std::ops::Range<usize>>) -> String {
    span.and_then(|s| text.get(..s.start))
        .map(|before| format!(" (line {})", before.matches('\n').count() + 1))
        .unwrap_or_default()
}

/// `~/x` → the home folder's `x`.
fn expand(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), directories::BaseDirs::new()) {
        (Some(rest), Some(dirs)) => dirs.home_dir().join(rest),
        _ => Path::new(path).to_path_buf(),
    }
}

/// The settings the vote store reads (see `votes::imported::VoteSettings`).
impl crate::votes::imported::VoteSettings for Config {
    fn cache_dir(&self) -> Option<std::path::PathBuf> {
        paths().cache_dir
    }

    fn vote_files(&self) -> &[std::path::PathBuf] {
        &self.vote_files
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_reads_without_warnings() {
        let (config, warnings) = from_toml(None);
        assert_eq!(warnings, Vec::<String>::new());
        assert!(!config.mouse);
        assert_eq!(
            config.keys.action_for(KeyMode::Normal, Key::char('q')),
            Some(&Action::Quit)
        );
        assert_eq!(config.colours.matched, Color::Rgb(0xff, 0xd7, 0x5f));
    }

    #[test]
    fn max_file_mb_is_a_number_of_megabytes() {
        assert_eq!(
            Config::default().max_file_bytes,
            crate::fsread::DEFAULT_FILE_LIMIT
        );
        for (text, bytes) in [
            ("max_file_mb = 2", 2 << 20),
            ("max_file_mb = 0.5", 1 << 19),
            ("max_file_mb = 1e-9", 1),
        ] {
            let (config, warnings) = from_toml(Some(text));
            assert!(warnings.is_empty(), "{text}: {warnings:?}");
            assert_eq!(config.max_file_bytes, bytes, "{text}");
        }
        for text in [
            "max_file_mb = 0",
            "max_file_mb = -1",
            "max_file_mb = \"9\"",
            "max_file_mb = nan",
            "max_file_mb = inf",
            "max_file_mb = 2000000",
        ] {
            let (config, warnings) = from_toml(Some(text));
            assert_eq!(config.max_file_bytes, crate::fsread::DEFAULT_FILE_LIMIT);
            assert!(
                warnings[0].contains("`max_file_mb`"),
                "{text}: {warnings:?}"
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_config_that_is_no_regular_file_is_refused_unread_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("config.toml");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        // Would block for ever on a FIFO with no writer, or read /dev/zero until memory ran out.
        let zero = dir.path().join("zero.toml");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        let big = dir.path().join("big.toml");
        std::fs::write(&big, "# x\n".repeat(300_000)).unwrap();
        for (file, words) in [
            (&fifo, "a FIFO (named pipe), not a regular file"),
            (&zero, "a character device, not a regular file"),
            (&big, "more than the 1048576-byte limit"),
        ] {
            let (config, warnings) = load_file(file);
            assert_eq!(config.max_file_bytes, Config::default().max_file_bytes);
            assert_eq!(warnings.len(), 1, "{warnings:?}");
            assert!(warnings[0].contains(words), "{warnings:?}");
            assert!(warnings[0].contains(&file.display().to_string()));
            assert!(warnings[0].ends_with("using the defaults"));
            assert_eq!(config.warnings, warnings);
        }
        assert_eq!(
            load_file(&dir.path().join("none.toml")).1,
            Vec::<String>::new()
        );
        std::fs::write(dir.path().join("ok.toml"), "mouse = true").unwrap();
        assert!(load_file(&dir.path().join("ok.toml")).0.mouse);
    }

    #[test]
    fn the_user_file_is_laid_over_the_default() {
        let user = "mouse = true\ncorpus_paths = [\"/data/un\"]\nlist_width = 44\n\
                    votes = [\"/data/unvotes\"]\n\
                    [keys.normal]\nquit = [\"x\"]\n\
                    [colours]\nyes = \"blue\"\ndepth = \"16\"\n[history]\nsize = 20\n";
        let (config, warnings) = from_toml(Some(user));
        assert!(warnings.is_empty(), "{warnings:?}");
        assert!(config.mouse);
        assert_eq!(config.list_width, Some(44));
        assert_eq!(config.history_size, 20);
        assert_eq!(Config::default().list_width, None);
        assert_eq!(Config::default().history_size, 500);
        assert_eq!(config.corpus_paths, vec![PathBuf::from("/data/un")]);
        assert_eq!(config.vote_files, vec![PathBuf::from("/data/unvotes")]);
        assert!(Config::default().vote_files.is_empty());
        assert_eq!(from_toml(None).0.language, None);
        let (english, warnings) = from_toml(Some("language = \"EN\""));
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(english.language, Some(Language::EN));
        let quit = config.keys.keys_for(KeyMode::Normal, &Action::Quit);
        // Ctrl-C stays with quit when the user's keys leave it free.
        assert_eq!(quit, &[Key::char('x'), Key::ctrl('c')]);
        let (other, _) = from_toml(Some("[keys.normal]\nquit = [\"x\"]\ncopy = [\"ctrl-c\"]\n"));
        assert_eq!(
            other.keys.keys_for(KeyMode::Normal, &Action::Quit),
            &[Key::char('x')]
        );
        assert_eq!(
            other.keys.action_for(KeyMode::Normal, Key::ctrl('c')),
            Some(&Action::Copy)
        );
        // Untouched bindings stay.
        let help = config.keys.keys_for(KeyMode::Normal, &Action::Help);
        assert_eq!(help, &[Key::char('?')]);
        assert_eq!(config.colours.yes, Color::Blue);
        assert_eq!(config.colours.depth, Some(ColourDepth::Ansi16));
    }

    #[test]
    fn bad_input_gives_warnings_naming_the_key() {
        let cases = [
            ("mouse = [", "not valid TOML (line 1)"),
            ("volume = 11", "`volume`: unknown key"),
            ("mouse = \"yes\"", "`mouse`: must be true or false"),
            (
                "[colours]\nyes = \"sparkly\"",
                "`colours.yes`: cannot read colour",
            ),
            ("[colours]\nhue = \"red\"", "`colours.hue`: unknown key"),
            (
                "[keys.normal]\nquit = [\"ctrl-\"]",
                "`keys.normal.quit`: cannot read key",
            ),
            (
                "[keys.normal]\nfrobnicate = [\"x\"]",
                "`keys.normal.frobnicate`: unknown action",
            ),
            (
                "[keys.normal]\ninsert = [\"x\"]",
                "`keys.normal.insert`: unknown action",
            ),
            (
                "[keys.visual]\nquit = [\"x\"]",
                "`keys.visual`: unknown mode",
            ),
            (
                "[keys.normal]\nquit = 3",
                "`keys.normal.quit`: must be a list",
            ),
            ("corpus_paths = \"x\"", "`corpus_paths`: must be a list"),
            (
                "list_width = 0",
                "`list_width`: must be a number of columns",
            ),
            (
                "list_width = \"wide\"",
                "`list_width`: must be a number of columns",
            ),
            ("history = 3", "`history`: must be a table"),
            ("[history]\nsize = -1", "`history.size`: must be a number"),
            ("[history]\nfile = \"x\"", "`history.file`: unknown key"),
            ("language = \"english\"", "`language`: must be a two-letter"),
        ];
        for (text, expected) in cases {
            let (config, warnings) = from_toml(Some(text));
            assert_eq!(warnings.len(), 1, "{text}: {warnings:?}");
            assert!(warnings[0].contains(expected), "{text}: {warnings:?}");
            assert!(warnings[0].starts_with("config.toml"), "{warnings:?}");
            // The default still holds where the user's value was bad.
            let quit = config.keys.keys_for(KeyMode::Normal, &Action::Quit);
            assert!(!quit.is_empty(), "{text}");
        }
    }

    #[test]
    fn a_bad_key_in_a_list_keeps_the_good_ones() {
        let (config, warnings) = from_toml(Some("[keys.normal]\nquit = [\"x\", \"jj\"]"));
        assert_eq!(warnings.len(), 1);
        let quit = config.keys.keys_for(KeyMode::Normal, &Action::Quit);
        // Ctrl-C stays with quit when the user's keys leave it free.
        assert_eq!(quit, &[Key::char('x'), Key::ctrl('c')]);
        // An empty list unbinds.
        let (config, warnings) = from_toml(Some("[keys.normal]\ncopy = []"));
        assert!(warnings.is_empty());
        assert!(
            config
                .keys
                .keys_for(KeyMode::Normal, &Action::Copy)
                .is_empty()
        );
    }

    #[test]
    fn the_default_binds_no_key_twice() {
        // `bind` takes a key away from an earlier action, so a duplicate would show as a key lost.
        let table = toml::Table::from_str(DEFAULT).unwrap();
        let written: usize = table["keys"]
            .as_table()
            .unwrap()
            .values()
            .flat_map(|mode| mode.as_table().unwrap().values())
            .map(|keys| keys.as_array().unwrap().len())
            .sum();
        let bound: usize = Config::default()
            .keys
            .bindings()
            .iter()
            .map(|b| b.keys.len())
            .sum();
        assert_eq!(written, bound);
    }
}
