//! The imported voting records as kept in the cache dir (`imported-votes.bin`): the user's data,
//! not the corpus's — it survives a corpus cache being cleared and is read at every start.
//!
//! ```text
//! offset  size  field
//!      0     8  magic  b"RESOLUv\x01"
//!      8     8  format number (u64, little-endian, like every number here)
//!     16     8  xxh3-64 of everything after this header
//!     24     8  length m of the metadata
//!     32     m  metadata: postcard of [`Meta`] (files, country codes, roll calls)
//!   32+m     …  the cells, raw: one byte per (roll call, country code), row-major
//! ```
//!
//! The cells are kept raw beside the postcard metadata so that reading them is one copy.
//! Columns are named by country code, not by place in the table, so a table that grew since
//! still reads: each column is mapped to today's table on reading. The format number changes
//! only with this layout (not with each build, as the corpus cache's does): the user's imports
//! survive an upgrade. A file that is not whole is refused with a warning, never trusted.

use super::cast::{Cast, Origin, Scope};
use super::country::CountryId;
use super::import::Layout;
use super::store::{RollCall, RollCallId, Totals, VoteStore};
use crate::corpus::model::Body;
use crate::corpus::symbol::Symbol;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::path::Path;
use xxhash_rust::xxh3::xxh3_64;

/// The file's name in the cache dir.
pub const FILE_NAME: &str = "imported-votes.bin";
const MAGIC: [u8; 8] = *b"RESOLUv\x01";
const FORMAT: u64 = 1;
const HEADER_LEN: usize = 32;

/// One imported file (or Voeten pair) and what importing it gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedFile {
    /// The file as imported, made absolute: re-importing it replaces its roll calls.
    pub path: String,
    /// Voeten's `roll_calls.csv` read with an `unvotes.csv`.
    pub partner: Option<String>,
    /// Size and modification time (seconds, nanoseconds) of the file, then of its partner:
    /// what tells a config file changed since.
    pub stamps: Vec<(u64, Option<(u64, u32)>)>,
    pub content_hash: u64,
    pub layout: Layout,
    /// Seconds since 1970 when it was imported.
    pub imported_at: u64,
    pub roll_calls: u64,
    pub casts: u64,
    pub skipped: u64,
    pub unknown_countries: u64,
    pub warnings: Vec<String>,
    /// Named in the config's `votes` list (re-imported when it changes).
    pub from_config: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct SavedRollCall {
    /// Index into [`Meta::files`].
    of: u32,
    written: String,
    symbol: Option<Symbol>,
    body: Option<Body>,
    session: Option<String>,
    date: Option<NaiveDate>,
    title: Option<String>,
    origin: Origin,
    scope: Scope,
    /// Index into [`Meta::names`]: the file it was read from (`RollCall::file`).
    name: u32,
    line: Option<u64>,
    totals: [Option<u32>; 4],
    lists_every_member: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Meta {
    files: Vec<SavedFile>,
    codes: Vec<String>,
    names: Vec<String>,
    roll_calls: Vec<SavedRollCall>,
}

/// The imported records: which files, their roll calls and cells (columns in today's table).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Saved {
    meta: Meta,
    cells: Vec<u8>,
}

/// Why the saved records could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SavedError {
    #[error("no imported votes yet")]
    Missing,
    #[error("unreadable: {0}")]
    Unreadable(String),
    #[error("not resolu's imported votes")]
    NotOurs,
    #[error("written by a newer resolu (format {0})")]
    OtherFormat(u64),
    #[error("damaged ({0}); import your files again")]
    Damaged(&'static str),
    #[error("cannot write: {0}")]
    Unwritable(String),
}

fn width() -> usize {
    CountryId::count()
}

impl Saved {
    pub fn files(&self) -> &[SavedFile] {
        &self.meta.files
    }

    pub fn roll_call_count(&self) -> usize {
        self.meta.roll_calls.len()
    }

    /// The file imported from `path` (absolute), if any.
    pub fn file(&self, path: &str) -> Option<&SavedFile> {
        self.meta.files.iter().find(|f| f.path == path)
    }

    /// Read the records at `path`; warnings for columns of codes today's table lacks.
    pub fn read(path: &Path) -> Result<(Saved, Vec<String>), SavedError> {
        let bytes = match crate::fsread::read_regular(path, u64::MAX) {
            Ok((bytes, _)) => bytes,
            Err(crate::fsread::ReadError::Missing) => return Err(SavedError::Missing),
            Err(e) => return Err(SavedError::Unreadable(e.to_string())),
        };
        Saved::decode(&bytes)
    }

    fn decode(bytes: &[u8]) -> Result<(Saved, Vec<String>), SavedError> {
        let word = |at: usize| -> Option<u64> {
            Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?))
        };
        if bytes.get(..8) != Some(&MAGIC[..]) {
            return Err(SavedError::NotOurs);
        }
        let format = word(8).ok_or(SavedError::Damaged("cut short"))?;
        if format != FORMAT {
            return Err(SavedError::OtherFormat(format));
        }
        let (Some(sum), Some(meta_len)) = (word(16), word(24)) else {
            return Err(SavedError::Damaged("cut short"));
        };
        let body = &bytes[HEADER_LEN.min(bytes.len())..];
        if xxh3_64(body) != sum {
            return Err(SavedError::Damaged("checksum mismatch"));
        }
        let meta_len = usize::try_from(meta_len)
            .ok()
            .filter(|&m| m <= body.len())
            .ok_or(SavedError::Damaged("length out of range"))?;
        let meta: Meta = postcard::from_bytes(&body[..meta_len])
            .map_err(|_| SavedError::Damaged("undecodable"))?;
        let cells = &body[meta_len..];
        let old_width = meta.codes.len();
        if cells.len() != old_width * meta.roll_calls.len()
            || meta
                .roll_calls
                .iter()
                .any(|r| r.of as usize >= meta.files.len() || r.name as usize >= meta.names.len())
        {
            return Err(SavedError::Damaged("inconsistent"));
        }
        let mut warnings = Vec::new();
        let columns: Vec<Option<usize>> = meta
            .codes
            .iter()
            .map(|code| {
                let found = CountryId::of_code(code).map(|c| usize::from(c.0));
                if found.is_none() {
                    warnings.push(format!(
                        "imported votes: country code “{code}” is no longer in the country \
                         table; its casts are left out"
                    ));
                }
                found
            })
            .collect();
        let today: Vec<String> = CountryId::all().map(|c| c.code().to_string()).collect();
        let cells = if meta.codes == today {
            cells.to_vec()
        } else {
            let mut mapped = vec![0; width() * meta.roll_calls.len()];
            for (row, old) in cells.chunks(old_width.max(1)).enumerate() {
                for (column, &byte) in old.iter().enumerate() {
                    if let Some(new) = columns[column] {
                        mapped[row * width() + new] = byte;
                    }
                }
            }
            mapped
        };
        let meta = Meta {
            codes: today,
            ..meta
        };
        Ok((Saved { meta, cells }, warnings))
    }

    fn encode(&self) -> Result<Vec<u8>, SavedError> {
        let meta =
            postcard::to_allocvec(&self.meta).map_err(|e| SavedError::Unwritable(e.to_string()))?;
        let mut body = Vec::with_capacity(8 + meta.len() + self.cells.len());
        body.extend_from_slice(&meta);
        body.extend_from_slice(&self.cells);
        let mut bytes = Vec::with_capacity(HEADER_LEN + body.len());
        bytes.extend_from_slice(&MAGIC);
        bytes.extend_from_slice(&FORMAT.to_le_bytes());
        bytes.extend_from_slice(&xxh3_64(&body).to_le_bytes());
        bytes.extend_from_slice(&(meta.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&body);
        Ok(bytes)
    }

    /// Write the records to `path` atomically (a temporary file renamed over it).
    pub fn write(&self, path: &Path) -> Result<(), SavedError> {
        let bytes = self.encode()?;
        crate::cache::write_atomically(path, |out| out.write_all(&bytes))
            .map_err(|e| SavedError::Unwritable(e.to_string()))
    }

    /// Remove the file imported from `path` and its roll calls; whether there was one.
    pub fn remove(&mut self, path: &str) -> bool {
        let Some(index) = self.meta.files.iter().position(|f| f.path == path) else {
            return false;
        };
        let index = u32::try_from(index).unwrap_or(u32::MAX);
        let w = self.meta.codes.len();
        let mut cells = Vec::with_capacity(self.cells.len());
        let mut kept = Vec::with_capacity(self.meta.roll_calls.len());
        for (rc, row) in self
            .meta
            .roll_calls
            .drain(..)
            .zip(self.cells.chunks(w.max(1)))
        {
            if rc.of != index {
                cells.extend_from_slice(row);
                kept.push(SavedRollCall {
                    of: if rc.of > index { rc.of - 1 } else { rc.of },
                    ..rc
                });
            }
        }
        self.meta.roll_calls = kept;
        self.cells = cells;
        self.meta.files.remove(index as usize);
        true
    }

    /// Add the roll calls of `store`, imported from `file`, replacing an earlier import of the
    /// same path.
    pub fn replace(&mut self, file: SavedFile, store: &VoteStore) {
        self.remove(&file.path);
        if self.meta.codes.is_empty() {
            self.meta.codes = CountryId::all().map(|c| c.code().to_string()).collect();
        }
        let of = u32::try_from(self.meta.files.len()).unwrap_or(u32::MAX);
        self.meta.files.push(file);
        for (id, rc) in store.iter() {
            let name = self
                .meta
                .names
                .iter()
                .position(|n| *n == rc.file)
                .unwrap_or_else(|| {
                    self.meta.names.push(rc.file.clone());
                    self.meta.names.len() - 1
                });
            self.meta.roll_calls.push(SavedRollCall {
                of,
                written: rc.written.clone(),
                symbol: rc.symbol,
                body: rc.body,
                session: rc.session.clone(),
                date: rc.date,
                title: rc.title.clone(),
                origin: rc.origin,
                scope: rc.scope,
                name: u32::try_from(name).unwrap_or(u32::MAX),
                line: rc.line,
                totals: [
                    rc.totals.yes,
                    rc.totals.no,
                    rc.totals.abstain,
                    rc.totals.non_voting,
                ],
                lists_every_member: rc.lists_every_member,
            });
            let row = store.row(id);
            let mut cells = vec![0; width()];
            cells[..row.len().min(width())].copy_from_slice(&row[..row.len().min(width())]);
            self.cells.extend_from_slice(&cells);
        }
    }

    /// Every saved roll call in a vote store.
    pub fn to_store(&self) -> VoteStore {
        let mut store = VoteStore::new();
        let w = self.meta.codes.len();
        for (rc, row) in self.meta.roll_calls.iter().zip(self.cells.chunks(w.max(1))) {
            let [yes, no, abstain, non_voting] = rc.totals;
            let id: RollCallId = store.push(RollCall {
                symbol: rc.symbol,
                written: rc.written.clone(),
                body: rc.body,
                session: rc.session.clone(),
                date: rc.date,
                title: rc.title.clone(),
                origin: rc.origin,
                scope: rc.scope,
                // Checked when read; a name out of range is no reason to panic.
                file: self
                    .meta
                    .names
                    .get(rc.name as usize)
                    .cloned()
                    .unwrap_or_default(),
                line: rc.line,
                totals: Totals {
                    yes,
                    no,
                    abstain,
                    non_voting,
                },
                lists_every_member: rc.lists_every_member,
            });
            for (country, &byte) in CountryId::all().zip(row) {
                if let Some(cast) = Cast::from_byte(byte) {
                    store.set(id, country, cast);
                }
            }
        }
        store
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str) -> SavedFile {
        SavedFile {
            path: path.into(),
            partner: None,
            stamps: vec![(1, Some((2, 3)))],
            content_hash: 4,
            layout: Layout::UndlLong,
            imported_at: 5,
            roll_calls: 1,
            casts: 1,
            skipped: 0,
            unknown_countries: 0,
            warnings: vec![],
            from_config: false,
        }
    }

    fn one(symbol: &str, code: &str, cast: Cast) -> VoteStore {
        let mut store = VoteStore::new();
        let mut rc = RollCall::new(symbol, Origin::Undl, "/x.csv");
        rc.lists_every_member = true;
        rc.date = NaiveDate::from_ymd_opt(2020, 1, 2);
        rc.totals.yes = Some(120);
        let id = store.push(rc);
        store.set(id, CountryId::of_code(code).unwrap(), cast);
        store
    }

    #[test]
    fn round_trip_replace_and_remove() {
        let mut saved = Saved::default();
        saved.replace(file("/a.csv"), &one("A/RES/75/1", "FRA", Cast::Yes));
        saved.replace(file("/b.csv"), &one("A/RES/75/2", "USA", Cast::No));
        saved.replace(file("/a.csv"), &one("A/RES/75/3", "CHN", Cast::Abstain));
        let bytes = saved.encode().unwrap();
        let (back, warnings) = Saved::decode(&bytes).unwrap();
        assert!(warnings.is_empty());
        assert_eq!(back, saved);
        let store = back.to_store();
        assert_eq!(store.len(), 2);
        let ids: Vec<_> = store.ids().collect();
        assert_eq!(store.get(ids[0]).unwrap().written, "A/RES/75/2");
        assert_eq!(store.get(ids[1]).unwrap().written, "A/RES/75/3");
        assert_eq!(store.get(ids[1]).unwrap().totals.yes, Some(120));
        let chn = CountryId::of_code("CHN").unwrap();
        assert_eq!(store.cast(ids[1], chn), Cast::Abstain);
        assert_eq!(store.cast(ids[0], chn), Cast::NotMember);
        let mut back = back;
        assert!(back.remove("/b.csv"));
        assert!(!back.remove("/b.csv"));
        assert_eq!(back.files().len(), 1);
        assert_eq!(back.to_store().len(), 1);
    }

    #[test]
    fn any_damage_is_refused() {
        let mut saved = Saved::default();
        saved.replace(file("/a.csv"), &one("A/RES/75/1", "FRA", Cast::Yes));
        let bytes = saved.encode().unwrap();
        assert_eq!(Saved::decode(b"").unwrap_err(), SavedError::NotOurs);
        for cut in [9, 20, 31, bytes.len() - 1] {
            assert!(Saved::decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut flipped = bytes.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        assert_eq!(
            Saved::decode(&flipped).unwrap_err(),
            SavedError::Damaged("checksum mismatch")
        );
    }

    #[test]
    fn columns_follow_their_codes() {
        let mut saved = Saved::default();
        saved.replace(file("/a.csv"), &one("A/RES/75/1", "FRA", Cast::Yes));
        // As if written by a build whose table had a country more, first.
        saved.meta.codes.insert(0, "ZZZ".into());
        let w = saved.meta.codes.len();
        saved.cells.insert(0, Cast::No.to_byte());
        assert_eq!(saved.cells.len(), w);
        let bytes = saved.encode().unwrap();
        let (back, warnings) = Saved::decode(&bytes).unwrap();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        let store = back.to_store();
        let rc = store.ids().next().unwrap();
        assert_eq!(
            store.cast(rc, CountryId::of_code("FRA").unwrap()),
            Cast::Yes
        );
    }
}
