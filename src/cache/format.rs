//! The cache file's bytes: a fixed header, a table of entries, then the entries, each encoded
//! with `postcard` on its own and checked by its own xxh3, so that they can be read in batches
//! and decoded in parallel without holding the whole file in memory (a copy of the file beside
//! the decoded corpus would nearly double the peak). Nothing read is trusted: every length is
//! measured against the file's, the table and each entry against their checksums, before anything
//! is decoded.
//!
//! ```text
//! offset  size  field
//!      0     8  magic  b"RESOLUc\x02"
//!      8     8  version: xxh3 of the format number, the crate version and the parser's sources
//!     16     8  entry count n (u64, little-endian, like every number here)
//!     24     8  xxh3-64 of the table
//!     32   16n  table: per entry, its length (u64) and the xxh3-64 of its bytes (u64)
//!  32+16n    …  the entries, in table order, back to back
//! ```

use super::{CacheError, Entry};
use rayon::prelude::*;
use std::io::Read;
use std::sync::LazyLock;
use xxhash_rust::xxh3::xxh3_64;

pub const MAGIC: [u8; 8] = *b"RESOLUc\x02";
pub const HEADER_LEN: usize = 32;
const ROW_LEN: usize = 16;
/// Entries are read this many bytes at a time (at least one entry), then decoded in parallel.
const BATCH_BYTES: usize = 16 << 20;

/// Bump on any change to this layout or to [`Entry`]'s shape. The model's shape and the parser's
/// behaviour are covered without bumping: `build.rs` hashes their sources into the version.
pub const FORMAT: u32 = 2;

/// This build's version number, written in every header and required of every file read.
pub fn version() -> u64 {
    static VERSION: LazyLock<u64> = LazyLock::new(|| {
        let identity = format!(
            "resolu cache format {FORMAT}, resolu {}, parser {}",
            env!("CARGO_PKG_VERSION"),
            env!("RESOLU_PARSER_HASH")
        );
        xxh3_64(identity.as_bytes())
    });
    *VERSION
}

/// The little-endian `u64` at `at`, if the bytes reach that far.
pub(super) fn u64_at(bytes: &[u8], at: usize) -> Option<u64> {
    let word: [u8; 8] = bytes.get(at..at.checked_add(8)?)?.try_into().ok()?;
    Some(u64::from_le_bytes(word))
}

/// A cache encoded whole in memory: header and table, then each entry's bytes (the tests' view
/// of a file; writing goes through [`encode_to`], which never holds it whole).
#[cfg(test)]
pub struct Encoded {
    pub head: Vec<u8>,
    pub entries: Vec<Vec<u8>>,
}

#[cfg(test)]
impl Encoded {
    pub fn write_to(&self, out: &mut impl std::io::Write) -> std::io::Result<()> {
        out.write_all(&self.head)?;
        self.entries.iter().try_for_each(|e| out.write_all(e))
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::new();
        let _ = self.write_to(&mut bytes);
        bytes
    }
}

/// `entries` encoded under `version`, whole.
#[cfg(test)]
pub fn encode(entries: &[Entry], version: u64) -> Result<Encoded, CacheError> {
    let blobs: Vec<Vec<u8>> = entries
        .par_iter()
        .map(postcard::to_allocvec)
        .collect::<Result<_, _>>()
        .map_err(|e| CacheError::Encode(e.to_string()))?;
    let mut table = Vec::with_capacity(ROW_LEN * blobs.len());
    for blob in &blobs {
        table.extend_from_slice(&(blob.len() as u64).to_le_bytes());
        table.extend_from_slice(&xxh3_64(blob).to_le_bytes());
    }
    Ok(Encoded {
        head: head(version, blobs.len(), &table),
        entries: blobs,
    })
}

/// How many entries are encoded at a time when writing straight to a file: the encoded cache is
/// never whole in memory beside the corpus (at 1M paragraphs it is about as big as the text).
const WRITE_BATCH: usize = 1024;

/// `entries` encoded under `version` and written to `out` as they are encoded, batch by batch:
/// room for the header and table first, then the entries, then the header and table over that
/// room once every length and checksum is known.
pub fn encode_to<W: std::io::Write + std::io::Seek + ?Sized>(
    entries: &[Entry],
    version: u64,
    out: &mut W,
) -> Result<(), CacheError> {
    let io = |e: std::io::Error| CacheError::Unwritable(e.to_string());
    let start = out.stream_position().map_err(io)?;
    let room = HEADER_LEN + ROW_LEN * entries.len();
    out.write_all(&vec![0; room]).map_err(io)?;
    let mut table = Vec::with_capacity(ROW_LEN * entries.len());
    for batch in entries.chunks(WRITE_BATCH) {
        let blobs: Vec<Vec<u8>> = batch
            .par_iter()
            .map(postcard::to_allocvec)
            .collect::<Result<_, _>>()
            .map_err(|e| CacheError::Encode(e.to_string()))?;
        for blob in &blobs {
            table.extend_from_slice(&(blob.len() as u64).to_le_bytes());
            table.extend_from_slice(&xxh3_64(blob).to_le_bytes());
            out.write_all(blob).map_err(io)?;
        }
    }
    let end = out.stream_position().map_err(io)?;
    out.seek(std::io::SeekFrom::Start(start)).map_err(io)?;
    out.write_all(&head(version, entries.len(), &table))
        .map_err(io)?;
    out.seek(std::io::SeekFrom::Start(end)).map_err(io)?;
    Ok(())
}

/// The header and the table of a cache of `count` entries.
fn head(version: u64, count: usize, table: &[u8]) -> Vec<u8> {
    let mut head = Vec::with_capacity(HEADER_LEN + table.len());
    head.extend_from_slice(&MAGIC);
    head.extend_from_slice(&version.to_le_bytes());
    head.extend_from_slice(&(count as u64).to_le_bytes());
    head.extend_from_slice(&xxh3_64(table).to_le_bytes());
    head.extend_from_slice(table);
    head
}

/// The first `header_len` bytes of a file of `file_len` bytes (fewer if it is shorter: the
/// fields past its end then read as a cut file), if it opens with `magic`; and the file's
/// length as a `usize`. Shared by the corpus cache and the index file.
pub(super) fn read_header(
    reader: &mut impl Read,
    file_len: u64,
    magic: &[u8],
    header_len: usize,
) -> Result<(Vec<u8>, usize), CacheError> {
    if file_len == 0 {
        return Err(CacheError::Empty);
    }
    let file_len = usize::try_from(file_len).map_err(|_| CacheError::NotACache)?;
    let mut header = vec![0; header_len.min(file_len)];
    read_exact(reader, &mut header)?;
    if header.get(..magic.len()) != Some(magic) {
        return Err(CacheError::NotACache);
    }
    Ok((header, file_len))
}

/// `read_exact`, a short read being a cut file.
pub(super) fn read_exact(reader: &mut impl Read, buffer: &mut [u8]) -> Result<(), CacheError> {
    reader.read_exact(buffer).map_err(|e| match e.kind() {
        std::io::ErrorKind::UnexpectedEof => CacheError::Truncated,
        _ => CacheError::Unreadable(e.to_string()),
    })
}

/// One row of the table: an entry's length and checksum.
struct Row {
    length: usize,
    checksum: u64,
}

/// The entries of a cache file of `file_len` bytes read from `reader`, if it is one this build
/// wrote, whole and unchanged.
pub fn decode_from(
    reader: &mut impl Read,
    file_len: u64,
    version: u64,
) -> Result<Vec<Entry>, CacheError> {
    let (header, file_len) = read_header(reader, file_len, &MAGIC, HEADER_LEN)?;
    if u64_at(&header, 8).ok_or(CacheError::Truncated)? != version {
        return Err(CacheError::OtherVersion);
    }
    let (Some(count), Some(table_sum)) = (u64_at(&header, 16), u64_at(&header, 24)) else {
        return Err(CacheError::Truncated);
    };
    // No size is believed before it is measured: a count that does not fit the file is refused
    // before anything is allocated for it.
    let table_len = usize::try_from(count)
        .ok()
        .and_then(|n| n.checked_mul(ROW_LEN))
        .filter(|&len| len <= file_len - HEADER_LEN)
        .ok_or(CacheError::Truncated)?;
    let mut table = vec![0; table_len];
    read_exact(reader, &mut table)?;
    if xxh3_64(&table) != table_sum {
        return Err(CacheError::Damaged("table checksum mismatch"));
    }
    let rows: Vec<Row> = table
        .chunks_exact(ROW_LEN)
        .map(|row| {
            let length = u64_at(row, 0).and_then(|l| usize::try_from(l).ok());
            Some(Row {
                length: length?,
                checksum: u64_at(row, 8)?,
            })
        })
        .collect::<Option<_>>()
        .ok_or(CacheError::Damaged("entry length out of range"))?;
    let expected = rows
        .iter()
        .try_fold(HEADER_LEN + table_len, |sum, row| {
            sum.checked_add(row.length)
        })
        .ok_or(CacheError::Damaged("entry length out of range"))?;
    match expected.cmp(&file_len) {
        std::cmp::Ordering::Greater => return Err(CacheError::Truncated),
        std::cmp::Ordering::Less => return Err(CacheError::Damaged("bytes after the end")),
        std::cmp::Ordering::Equal => {}
    }
    decode_entries(reader, &rows)
}

/// Read the entries batch by batch, each batch checked and decoded in parallel.
fn decode_entries(reader: &mut impl Read, rows: &[Row]) -> Result<Vec<Entry>, CacheError> {
    let mut entries = Vec::with_capacity(rows.len());
    let mut buffer = Vec::new();
    let mut rest = rows;
    while !rest.is_empty() {
        let mut take = 0;
        let mut bytes = 0;
        while let Some(row) = rest.get(take) {
            if take > 0 && bytes + row.length > BATCH_BYTES {
                break;
            }
            bytes += row.length;
            take += 1;
        }
        let (batch, next) = rest.split_at(take);
        rest = next;
        buffer.resize(bytes, 0);
        read_exact(reader, &mut buffer)?;
        let mut slices = Vec::with_capacity(batch.len());
        let mut start = 0;
        for row in batch {
            slices.push((row, &buffer[start..start + row.length]));
            start += row.length;
        }
        let decoded: Vec<Entry> = slices
            .into_par_iter()
            .map(|(row, bytes)| decode_entry(row, bytes))
            .collect::<Result<_, _>>()?;
        entries.extend(decoded);
    }
    Ok(entries)
}

/// One entry's bytes, checked against its row. The checksum guards against damage, not against
/// a file made to pass it: postcard's decoding of anything is still an error, never a panic.
fn decode_entry(row: &Row, bytes: &[u8]) -> Result<Entry, CacheError> {
    if xxh3_64(bytes) != row.checksum {
        return Err(CacheError::Damaged("entry checksum mismatch"));
    }
    match postcard::take_from_bytes::<Entry>(bytes) {
        Ok((entry, [])) => Ok(entry),
        Ok(_) => Err(CacheError::Damaged("bytes after an entry")),
        Err(e) => Err(CacheError::Decode(e.to_string())),
    }
}

/// [`decode_from`] over bytes in memory.
#[cfg(test)]
pub fn decode(bytes: &[u8], version: u64) -> Result<Vec<Entry>, CacheError> {
    decode_from(&mut &bytes[..], bytes.len() as u64, version)
}
