//! Reading voting records (`resolu import-votes`): the UN Digital Library's GA and SC voting data
//! sets (long: one row per Member State per resolution, v1 and v3 headers; and the "transformed"
//! file, one row per resolution and one column per country) and Erik Voeten's roll calls as the
//! R package `unvotes` ships them (`unvotes.csv` with `roll_calls.csv`).
//!
//! Every reader streams a CSV with the `csv` crate, one `ByteRecord` reused for every row (never
//! the file as rows of `String`s), from the reader it is handed: no file is opened here. A row
//! that cannot be read is a warning naming the file and line, and is skipped; the rest loads.

mod columns;
mod undl;
mod values;
mod voeten;

pub use columns::Layout;
pub use voeten::{RollCalls, voeten_symbol};

use super::store::VoteStore;
use std::io::{BufRead, BufReader, Read};

/// Warnings kept per file; beyond them only a count (a file of 870k bad rows stays readable).
const MAX_WARNINGS: usize = 100;

/// What reading one file (or one Voeten pair) gave.
#[derive(Debug, Default)]
pub struct FileImport {
    pub store: VoteStore,
    pub report: Report,
}

/// What was read, and what went wrong, one sentence each naming the file (and line).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub layout: Option<Layout>,
    /// Data rows read (the header not counted).
    pub rows: u64,
    /// Casts recorded.
    pub casts: u64,
    /// Rows skipped as malformed.
    pub skipped: u64,
    /// Rows whose country is not in the country table (skipped, and named in a warning).
    pub unknown_countries: u64,
    /// UN Digital Library rows with a blank `ms_vote`, read as absent (README).
    pub blank_votes: u64,
    pub warnings: Vec<String>,
    /// Warnings past [`MAX_WARNINGS`], counted only.
    pub more_warnings: u64,
}

impl Report {
    fn warn(&mut self, message: String) {
        if self.warnings.len() < MAX_WARNINGS {
            self.warnings.push(message);
        } else {
            self.more_warnings += 1;
        }
    }

    /// A malformed row: warned and counted.
    fn skip(&mut self, file: &str, line: u64, why: &str) {
        self.skipped += 1;
        self.warn(format!("{file}:{line}: {why}; row skipped"));
    }

    /// The closing sentence for warnings left out, if any.
    fn close(&mut self, file: &str) {
        if self.more_warnings > 0 {
            let more = self.more_warnings;
            self.warnings
                .push(format!("{file}: {more} more warnings not shown"));
            self.more_warnings = 0;
        }
    }
}

/// A file this module cannot read at all (not a voting data set, unreadable header).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: {why}")]
pub struct ImportError {
    pub file: String,
    pub why: String,
}

impl ImportError {
    fn new(file: &str, why: impl Into<String>) -> ImportError {
        ImportError {
            file: file.to_string(),
            why: why.into(),
        }
    }
}

/// A CSV reader over `reader`, a UTF-8 BOM skipped, rows of any length accepted (a short or
/// long row is reported by the layout's reader, not an error that stops the file).
fn csv_reader<R: Read>(reader: R) -> csv::Reader<BufReader<R>> {
    let mut buffered = BufReader::with_capacity(1 << 16, reader);
    if let Ok(start) = buffered.fill_buf()
        && start.starts_with(b"\xEF\xBB\xBF")
    {
        buffered.consume(3);
    }
    csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .buffer_capacity(1 << 16)
        // Lines end at `\n` only (a `\r` before it is trimmed with the last cell): with CRLF as
        // the terminator the crate gives a record the line before its own.
        .terminator(csv::Terminator::Any(b'\n'))
        .from_reader(buffered)
}

/// Read the next data row into `record` and count it; its line, or `None` at the end of the
/// file or after a read error. Blank lines are skipped; a row the CSV reader refuses, or with
/// another number of fields than the header's `width`, is warned about and skipped.
fn next_row<R: Read>(
    file: &str,
    csv: &mut csv::Reader<R>,
    (record, width): (&mut csv::ByteRecord, usize),
    report: &mut Report,
) -> Option<u64> {
    loop {
        match csv.read_byte_record(record) {
            Ok(true) => {}
            Ok(false) => return None,
            Err(e) => {
                let line = e.position().map_or(0, csv::Position::line);
                if let csv::ErrorKind::Io(io) = e.kind() {
                    report.warn(format!(
                        "{file}:{line}: read error, the rest of the file is left out: {io}"
                    ));
                    return None;
                }
                report.rows += 1;
                report.skip(file, line, &e.to_string());
                continue;
            }
        }
        if record.len() == 1 && record[0].trim_ascii().is_empty() {
            continue;
        }
        report.rows += 1;
        let line = record.position().map_or(0, csv::Position::line);
        if record.len() != width {
            let why = format!("{} fields where the header has {width}", record.len());
            report.skip(file, line, &why);
            continue;
        }
        return Some(line);
    }
}

/// The header row (line 1), or why there is none.
fn header<R: Read>(file: &str, csv: &mut csv::Reader<R>) -> Result<columns::Header, ImportError> {
    let mut record = csv::ByteRecord::new();
    match csv.read_byte_record(&mut record) {
        Ok(true) => Ok(columns::Header::read(&record)),
        Ok(false) => Err(ImportError::new(file, "empty file")),
        Err(e) => Err(ImportError::new(file, format!("unreadable header: {e}"))),
    }
}

/// Which layout a file is in, from its header alone.
pub fn layout_of(file: &str, reader: impl Read) -> Result<Layout, ImportError> {
    let mut csv = csv_reader(reader);
    let header = header(file, &mut csv)?;
    header.layout().ok_or_else(|| unknown_layout(file, &header))
}

fn unknown_layout(file: &str, header: &columns::Header) -> ImportError {
    ImportError::new(
        file,
        format!(
            "not a voting data set resolu reads (a UN Digital Library GA or SC file, or \
             Voeten's unvotes.csv / roll_calls.csv); its columns: {}",
            header.names_shown()
        ),
    )
}

/// Read one file of any layout. A Voeten `unvotes.csv` read this way has no roll calls beside
/// it: see [`read_voeten`]. A `roll_calls.csv` alone gives roll calls without casts.
pub fn read(file: &str, reader: impl Read) -> Result<FileImport, ImportError> {
    read_with(file, reader, None)
}

/// Read Voeten's `unvotes.csv` (`votes`) with the roll calls of its `roll_calls.csv`, read first
/// ([`RollCalls::read`]).
pub fn read_voeten(
    file: &str,
    votes: impl Read,
    roll_calls: RollCalls,
) -> Result<FileImport, ImportError> {
    read_with(file, votes, Some(roll_calls))
}

fn read_with(
    file: &str,
    reader: impl Read,
    roll_calls: Option<RollCalls>,
) -> Result<FileImport, ImportError> {
    let mut csv = csv_reader(reader);
    let header = header(file, &mut csv)?;
    let layout = header
        .layout()
        .ok_or_else(|| unknown_layout(file, &header))?;
    let mut import = FileImport::default();
    import.report.layout = Some(layout);
    match layout {
        Layout::UndlLong => undl::long(file, &mut csv, &header, &mut import),
        Layout::UndlWide => undl::wide(file, &mut csv, &header, &mut import),
        Layout::VoetenVotes => {
            voeten::votes(file, &mut csv, &header, roll_calls, &mut import);
        }
        Layout::VoetenRollCalls => {
            let read = voeten::roll_calls_from(file, &mut csv, &header, &mut import.report);
            read.push_all(&mut import.store);
        }
    }
    import.report.close(file);
    Ok(import)
}

#[cfg(test)]
mod tests;
