//! `resolu import-votes`: import voting records into the cache dir, list them, remove them.

use super::{EXIT_INPUT, EXIT_OK};
use crate::plural;
use crate::text::display::Shown;
use crate::votes::imported::{absolute, import_paths, saved_path};
use crate::votes::saved::{Saved, SavedError, SavedFile};
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// What `import-votes` was asked.
#[derive(Debug, Clone, Default)]
pub struct ImportVotes {
    pub files: Vec<PathBuf>,
    pub list: bool,
    pub remove: Vec<PathBuf>,
    pub clear: bool,
}

/// Import, remove or list; one line per file on `out`, warnings on `err`. Status 1 when a
/// file could not be read at all (or was not imported, for `--remove`).
pub fn import_votes(
    cache_dir: Option<&Path>,
    request: &ImportVotes,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let Some(dir) = cache_dir else {
        writeln!(
            err,
            "resolu: no cache folder (no home folder?): imported votes cannot be kept"
        )?;
        return Ok(EXIT_INPUT);
    };
    let path = saved_path(dir);
    let shown_path = path.display().to_string();
    if request.clear {
        return match std::fs::remove_file(&path) {
            Ok(()) => {
                writeln!(out, "removed every imported vote ({})", Shown(&shown_path))?;
                Ok(EXIT_OK)
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                writeln!(out, "no imported votes to remove")?;
                Ok(EXIT_OK)
            }
            Err(e) => {
                writeln!(
                    err,
                    "resolu: {}: {}",
                    Shown(&shown_path),
                    Shown(&e.to_string())
                )?;
                Ok(EXIT_INPUT)
            }
        };
    }
    let mut saved = match Saved::read(&path) {
        Ok((saved, warnings)) => {
            for w in warnings {
                writeln!(err, "resolu: {}", Shown(&w))?;
            }
            saved
        }
        Err(SavedError::Missing) => Saved::default(),
        Err(why) => {
            writeln!(
                err,
                "resolu: {}: {}",
                Shown(&shown_path),
                Shown(&why.to_string())
            )?;
            if request.files.is_empty() {
                return Ok(EXIT_INPUT);
            }
            Saved::default()
        }
    };
    let mut status = EXIT_OK;
    let mut changed = false;
    for file in &request.remove {
        let key = absolute(file).display().to_string();
        let before = saved.roll_call_count();
        if saved.remove(&key) {
            changed = true;
            let gone = before - saved.roll_call_count();
            writeln!(
                out,
                "removed {}: {}",
                Shown(&key),
                plural::count(gone, "roll call", "roll calls")
            )?;
        } else {
            writeln!(err, "resolu: {}: not imported", Shown(&key))?;
            status = EXIT_INPUT;
        }
    }
    if !request.files.is_empty() {
        let outcome = import_paths(&mut saved, &request.files, false);
        for e in &outcome.errors {
            writeln!(err, "resolu: {}", Shown(&e.to_string()))?;
            status = EXIT_INPUT;
        }
        for file in &outcome.done {
            for w in &file.warnings {
                writeln!(err, "resolu: {}", Shown(w))?;
            }
            writeln!(out, "imported {}", summary(file))?;
        }
        changed |= !outcome.done.is_empty();
    }
    if changed && let Err(why) = saved.write(&path) {
        writeln!(
            err,
            "resolu: {}: {}",
            Shown(&shown_path),
            Shown(&why.to_string())
        )?;
        return Ok(EXIT_INPUT);
    }
    let nothing_asked = request.files.is_empty() && request.remove.is_empty();
    if request.list || nothing_asked {
        if saved.files().is_empty() {
            writeln!(
                err,
                "resolu: no voting records imported (resolu import-votes FILE…)"
            )?;
        }
        for file in saved.files() {
            writeln!(out, "{}", summary(file))?;
        }
    }
    Ok(status)
}

/// One line about an imported file.
fn summary(file: &SavedFile) -> String {
    let mut line = format!(
        "{}{}: {}, {}, {}",
        Shown(&file.path),
        file.partner
            .as_ref()
            .map(|p| format!(" (with {})", Shown(p)))
            .unwrap_or_default(),
        file.layout.describe(),
        plural::count(
            usize::try_from(file.roll_calls).unwrap_or(usize::MAX),
            "roll call",
            "roll calls"
        ),
        plural::count(
            usize::try_from(file.casts).unwrap_or(usize::MAX),
            "cast",
            "casts"
        ),
    );
    if file.skipped > 0 {
        let _ = write!(
            line,
            ", {} skipped",
            plural::count(to_usize(file.skipped), "row", "rows")
        );
    }
    if file.unknown_countries > 0 {
        let _ = write!(
            line,
            ", {} of countries not in the table",
            plural::count(to_usize(file.unknown_countries), "row", "rows")
        );
    }
    if let Some(when) =
        chrono::DateTime::from_timestamp(i64::try_from(file.imported_at).unwrap_or(0), 0)
    {
        let _ = write!(line, ", imported {}", when.format("%Y-%m-%d %H:%M UTC"));
    }
    if file.from_config {
        line.push_str(" (config `votes`)");
    }
    line
}

fn to_usize(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}
