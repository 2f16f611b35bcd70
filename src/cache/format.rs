//! The cache file's bytes: a fixed header, then the entries, each encoded with `postcard` on its
//! own so that they can be encoded and decoded in parallel. Nothing read is trusted: every length
//! is checked against the bytes there are, and the payload against its checksum, before a single
//! entry is decoded.
//!
//! ```text
//! offset  size  field
//!      0     8  magic  b"RESOLUc\x01"
//!      8     8  version: xxh3 of the format number, the crate version and the parser's sources
//!     16     8  payload length (u64, little-endian)
//!     24     8  payload checksum: xxh3-64 of the payload
//!     32     …  payload: entry count n (u64), n entry lengths (u64 each), n postcard entries
//! ```

use super::{CacheError, Entry};
use rayon::prelude::*;
use std::sync::LazyLock;
use xxhash_rust::xxh3::xxh3_64;

pub const MAGIC: [u8; 8] = *b"RESOLUc\x01";
pub const HEADER_LEN: usize = 32;

/// Bump on any change to this layout or to [`Entry`]'s shape. The model's shape and the parser's
/// behaviour are covered without bumping: `build.rs` hashes their sources into the version.
pub const FORMAT: u32 = 1;

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

fn u64_at(bytes: &[u8], at: usize) -> Option<u64> {
    let word: [u8; 8] = bytes.get(at..at.checked_add(8)?)?.try_into().ok()?;
    Some(u64::from_le_bytes(word))
}

/// The whole file for `entries`, under `version`.
pub fn encode(entries: &[Entry], version: u64) -> Result<Vec<u8>, CacheError> {
    let blobs: Vec<Vec<u8>> = entries
        .par_iter()
        .map(postcard::to_allocvec)
        .collect::<Result<_, _>>()
        .map_err(|e| CacheError::Encode(e.to_string()))?;
    let table = 8 * (1 + blobs.len());
    let payload_len = table + blobs.iter().map(Vec::len).sum::<usize>();
    let mut payload = Vec::with_capacity(payload_len);
    payload.extend_from_slice(&(blobs.len() as u64).to_le_bytes());
    for blob in &blobs {
        payload.extend_from_slice(&(blob.len() as u64).to_le_bytes());
    }
    for blob in &blobs {
        payload.extend_from_slice(blob);
    }
    let mut file = Vec::with_capacity(HEADER_LEN + payload.len());
    file.extend_from_slice(&MAGIC);
    file.extend_from_slice(&version.to_le_bytes());
    file.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    file.extend_from_slice(&xxh3_64(&payload).to_le_bytes());
    file.extend_from_slice(&payload);
    Ok(file)
}

/// The entries of a whole file, if it is one this build wrote, whole and unchanged.
pub fn decode(bytes: &[u8], version: u64) -> Result<Vec<Entry>, CacheError> {
    if bytes.is_empty() {
        return Err(CacheError::Empty);
    }
    if bytes.get(..MAGIC.len()) != Some(&MAGIC[..]) {
        return Err(CacheError::NotACache);
    }
    let (Some(found), Some(length), Some(checksum)) =
        (u64_at(bytes, 8), u64_at(bytes, 16), u64_at(bytes, 24))
    else {
        return Err(CacheError::Truncated);
    };
    if found != version {
        return Err(CacheError::OtherVersion);
    }
    let payload = &bytes[HEADER_LEN..];
    match (payload.len() as u64).cmp(&length) {
        std::cmp::Ordering::Less => return Err(CacheError::Truncated),
        std::cmp::Ordering::Greater => return Err(CacheError::Damaged("bytes after the end")),
        std::cmp::Ordering::Equal => {}
    }
    if xxh3_64(payload) != checksum {
        return Err(CacheError::Damaged("checksum mismatch"));
    }
    decode_payload(payload)
}

/// The entries of a payload whose checksum matched. Still checked: a checksum guards against
/// damage, not against a file made to pass it, so no length is believed before it is measured.
pub fn decode_payload(payload: &[u8]) -> Result<Vec<Entry>, CacheError> {
    const BAD_TABLE: CacheError = CacheError::Damaged("entry table out of bounds");
    let count = u64_at(payload, 0).ok_or(BAD_TABLE)?;
    let count = usize::try_from(count).map_err(|_| BAD_TABLE)?;
    if count > payload.len() / 8 {
        return Err(BAD_TABLE);
    }
    let mut start = 8 * (1 + count);
    let mut blobs = Vec::with_capacity(count);
    for i in 0..count {
        let length = u64_at(payload, 8 * (1 + i)).ok_or(BAD_TABLE)?;
        let end = usize::try_from(length)
            .ok()
            .and_then(|l| start.checked_add(l))
            .ok_or(BAD_TABLE)?;
        blobs.push(payload.get(start..end).ok_or(BAD_TABLE)?);
        start = end;
    }
    if start != payload.len() {
        return Err(CacheError::Damaged("bytes after the last entry"));
    }
    blobs
        .into_par_iter()
        .map(|blob| match postcard::take_from_bytes::<Entry>(blob) {
            Ok((entry, [])) => Ok(entry),
            Ok(_) => Err(CacheError::Damaged("bytes after an entry")),
            Err(e) => Err(CacheError::Decode(e.to_string())),
        })
        .collect()
}
