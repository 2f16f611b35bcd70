//! What resolu remembers between runs, in the state folder: the query history (`history.txt`,
//! one query a line, oldest first) and the list width (`state.toml`), kept apart from the
//! user's config.toml so that no hand-written file is ever rewritten. The loop reads them at
//! start and writes what `update` asks (`Command::RememberQuery`, `RememberListWidth`). A write
//! goes to a temporary file renamed over the old one, so a crash never leaves half a file; a
//! file that cannot be read is a warning for the log and an empty start, never an error.

use crate::app::recall::QueryHistory;
use std::io;
use std::path::{Path, PathBuf};
use std::str::FromStr;

const HISTORY_FILE: &str = "history.txt";
const STATE_FILE: &str = "state.toml";
/// A history file larger than this is not one resolu wrote (500 queries take a few kB).
const MAX_BYTES: u64 = 4 << 20;

/// What was read at start.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Remembered {
    /// Oldest first.
    pub history: Vec<String>,
    pub list_width: Option<u16>,
    /// Files that could not be read, for the log.
    pub warnings: Vec<String>,
}

/// The state folder and how much history to keep there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    dir: PathBuf,
    history_size: usize,
}

impl Store {
    /// The files in `dir`; a `history_size` of 0 reads and writes no history.
    pub fn new(dir: PathBuf, history_size: usize) -> Store {
        Store { dir, history_size }
    }

    pub fn history_file(&self) -> PathBuf {
        self.dir.join(HISTORY_FILE)
    }

    pub fn state_file(&self) -> PathBuf {
        self.dir.join(STATE_FILE)
    }

    /// Read the history and the list width; what cannot be read is left out with a warning.
    pub fn load(&self) -> Remembered {
        let mut remembered = Remembered::default();
        if self.history_size > 0 {
            match self.read_history() {
                Ok(history) => remembered.history = history,
                Err(why) => remembered.warnings.push(why),
            }
        }
        match self.read_state() {
            Ok(state) => match state.get("list_width").map(list_width) {
                Some(Some(width)) => remembered.list_width = Some(width),
                Some(None) => remembered.warnings.push(format!(
                    "{}: `list_width` is not a number of columns; ignored",
                    self.state_file().display()
                )),
                None => {}
            },
            Err(why) => remembered.warnings.push(why),
        }
        remembered
    }

    /// Add `query` to the history file: read it again (another resolu may have added to it),
    /// append, keep the newest `history_size`, write. A file that could not be read is kept
    /// aside as `history.txt.bad` rather than lost; the warning says so.
    pub fn add_query(&self, query: &str) -> Result<Vec<String>, String> {
        if self.history_size == 0 {
            return Ok(Vec::new());
        }
        let mut warnings = Vec::new();
        let file = self.history_file();
        let entries = self.read_history().unwrap_or_else(|why| {
            let aside = file.with_extension("txt.bad");
            match std::fs::rename(&file, &aside) {
                Ok(()) => warnings.push(format!("{why}; kept as {}", aside.display())),
                Err(e) => warnings.push(format!("{why}; cannot move it aside: {e}")),
            }
            Vec::new()
        });
        let mut history = QueryHistory::new(entries, self.history_size);
        history.push(query);
        let mut text = history.entries().join("\n");
        text.push('\n');
        write_atomically(&file, &text).map_err(|e| format!("{}: {e}", file.display()))?;
        Ok(warnings)
    }

    /// Remember the list width in state.toml (`None`: forget it), keeping its other keys.
    pub fn set_list_width(&self, width: Option<u16>) -> Result<(), String> {
        let file = self.state_file();
        // A state file that cannot be read is replaced: resolu wrote it and keeps nothing else
        // there worth more than a working width.
        let mut state = self.read_state().unwrap_or_default();
        match width {
            Some(width) => {
                state.insert("list_width".into(), toml::Value::Integer(width.into()));
            }
            None => {
                state.remove("list_width");
            }
        }
        let text = toml::to_string(&state).map_err(|e| format!("{}: {e}", file.display()))?;
        let text = format!("# Written by resolu: what it remembers between runs.\n{text}");
        write_atomically(&file, &text).map_err(|e| format!("{}: {e}", file.display()))
    }

    fn read_history(&self) -> Result<Vec<String>, String> {
        let file = self.history_file();
        let Some(text) = read_text(&file)? else {
            return Ok(Vec::new());
        };
        let lines = text.lines().map(str::to_string).collect();
        Ok(QueryHistory::new(lines, self.history_size)
            .entries()
            .to_vec())
    }

    fn read_state(&self) -> Result<toml::Table, String> {
        let file = self.state_file();
        let Some(text) = read_text(&file)? else {
            return Ok(toml::Table::new());
        };
        toml::Table::from_str(&text)
            .map_err(|e| format!("{}: not valid TOML: {}", file.display(), e.message().trim()))
    }
}

fn list_width(value: &toml::Value) -> Option<u16> {
    value
        .as_integer()
        .and_then(|n| u16::try_from(n).ok())
        .filter(|&n| n > 0)
}

/// The text of `file`, `None` if there is none yet. A regular file only, read without blocking
/// and up to [`MAX_BYTES`] (`fsread`): a FIFO or device in its place is a warning, not a hang.
fn read_text(file: &Path) -> Result<Option<String>, String> {
    let shown = file.display();
    let bytes = match crate::fsread::read_regular(file, MAX_BYTES) {
        Ok((bytes, _)) => bytes,
        Err(crate::fsread::ReadError::Missing) => return Ok(None),
        Err(e) => return Err(format!("{shown}: {e}")),
    };
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| format!("{shown}: not UTF-8 text"))
}

/// Write `text` to a temporary file beside `file` and rename it over `file`.
fn write_atomically(file: &Path, text: &str) -> io::Result<()> {
    let dir = file.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = file
        .file_name()
        .map_or_else(|| "resolu".into(), |n| n.to_string_lossy().into_owned());
    let temporary = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = std::fs::write(&temporary, text).and_then(|()| std::fs::rename(&temporary, file));
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store(dir: &Path) -> Store {
        Store::new(dir.join("state"), 3)
    }

    #[test]
    fn the_history_goes_round_trip_bounded() {
        let dir = tempfile::tempdir().unwrap();
        let store = store(dir.path());
        assert_eq!(store.load(), Remembered::default());
        for query in ["coop", "s:44", "s:44", "c:fra=no", "droits\nde l'homme"] {
            assert_eq!(store.add_query(query), Ok(vec![]));
        }
        let text = std::fs::read_to_string(store.history_file()).unwrap();
        assert_eq!(text, "s:44\nc:fra=no\ndroits de l'homme\n");
        let loaded = store.load();
        assert_eq!(loaded.history, ["s:44", "c:fra=no", "droits de l'homme"]);
        assert!(loaded.warnings.is_empty());
        // No temporary file is left behind.
        let files = std::fs::read_dir(dir.path().join("state")).unwrap().count();
        assert_eq!(files, 1);
        // Off: nothing read, nothing written.
        let off = Store::new(dir.path().join("state"), 0);
        assert!(off.load().history.is_empty());
        assert_eq!(off.add_query("x"), Ok(vec![]));
        assert_eq!(std::fs::read_to_string(store.history_file()).unwrap(), text);
    }

    #[test]
    fn a_corrupt_history_is_a_warning_and_is_kept_aside() {
        let dir = tempfile::tempdir().unwrap();
        let store = store(dir.path());
        std::fs::create_dir_all(dir.path().join("state")).unwrap();
        std::fs::write(store.history_file(), b"coop\n\xff\xfe\x00junk\n").unwrap();
        let loaded = store.load();
        assert!(loaded.history.is_empty());
        assert_eq!(loaded.warnings.len(), 1);
        assert!(loaded.warnings[0].contains("not UTF-8"), "{loaded:?}");
        let warnings = store.add_query("s:44").unwrap();
        assert!(warnings[0].contains("history.txt.bad"), "{warnings:?}");
        assert_eq!(store.load().history, ["s:44"]);
        assert!(dir.path().join("state/history.txt.bad").exists());
        // Control characters in a line of text become spaces; blank lines go.
        std::fs::write(store.history_file(), "a\u{1b}[31mb\n\n  \r\nc\r\n").unwrap();
        assert_eq!(store.load().history, ["a [31mb", "c"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_or_device_in_the_state_folder_is_a_warning_not_a_hang() {
        let dir = tempfile::tempdir().unwrap();
        let store = store(dir.path());
        std::fs::create_dir_all(dir.path().join("state")).unwrap();
        let made = std::process::Command::new("mkfifo")
            .arg(store.history_file())
            .status()
            .unwrap();
        assert!(made.success());
        std::os::unix::fs::symlink("/dev/zero", store.state_file()).unwrap();
        let loaded = store.load();
        assert_eq!(loaded.history, Vec::<String>::new());
        assert_eq!(loaded.warnings.len(), 2, "{loaded:?}");
        assert!(loaded.warnings[0].contains("a FIFO"), "{loaded:?}");
        assert!(
            loaded.warnings[1].contains("a character device"),
            "{loaded:?}"
        );
    }

    #[test]
    fn the_list_width_is_remembered_and_forgotten() {
        let dir = tempfile::tempdir().unwrap();
        let store = store(dir.path());
        store.set_list_width(Some(44)).unwrap();
        assert_eq!(store.load().list_width, Some(44));
        assert_eq!(
            Store::new(dir.path().join("state"), 500).load().list_width,
            Some(44)
        );
        store.set_list_width(None).unwrap();
        assert_eq!(store.load().list_width, None);
        std::fs::write(store.state_file(), "list_width = [").unwrap();
        let loaded = store.load();
        assert_eq!(loaded.list_width, None);
        assert!(loaded.warnings[0].contains("not valid TOML"), "{loaded:?}");
        // A bad file is replaced by the next width chosen.
        store.set_list_width(Some(50)).unwrap();
        assert_eq!(
            store.load(),
            Remembered {
                list_width: Some(50),
                ..Remembered::default()
            }
        );
        std::fs::write(store.state_file(), "list_width = -3").unwrap();
        assert!(store.load().warnings[0].contains("not a number of columns"));
    }
}
