//! The cached search index: a second file beside a corpus' cache (`corpus-KEY.index`), so that
//! a warm start reads the index instead of building it. It is only ever used for the very corpus
//! it was built from: its header holds a fingerprint of the loaded corpus (every file's path and
//! content hash, in load order, and their count), since the index numbers documents and
//! paragraphs by their order. Like the corpus cache it is never trusted: magic, version (the
//! corpus cache's, this layout's number and `src/index`'s sources), fingerprint, length and an
//! xxh3 of the payload are checked before it is decoded, and the decoded index is checked
//! against its corpus ([`Index::check`]) before it is used; anything wrong means "build it".
//!
//! ```text
//! offset  size  field
//!      0     8  magic  b"RESOLUi\x01"
//!      8     8  version: xxh3 of the corpus cache's version, INDEX_FORMAT, RESOLU_INDEX_HASH
//!                 and the word size (bit sets are stored as machine words)
//!     16     8  fingerprint of the corpus (see `fingerprint`)
//!     24     8  payload length (u64, little-endian, like every number here)
//!     32     8  xxh3-64 of the payload
//!     40     …  the payload: the `Index`, postcard-encoded
//! ```

use super::format::{read_exact, u64_at};
use super::{CacheError, Entry, Store, format, open_for_reading, write_atomically};
use crate::corpus::Resolution;
use crate::index::Index;
use std::io::Read;
use std::path::Path;
use std::sync::LazyLock;
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

pub const MAGIC: [u8; 8] = *b"RESOLUi\x01";
const HEADER_LEN: usize = 40;

/// Bump on any change to this layout. The index's shape and build are covered without bumping:
/// `build.rs` hashes `src/index` into the version.
pub const INDEX_FORMAT: u32 = 1;

/// This build's version of the index file.
pub fn version() -> u64 {
    static VERSION: LazyLock<u64> = LazyLock::new(|| {
        let identity = format!(
            "resolu index format {INDEX_FORMAT}, corpus cache {:016x}, index {}, {}-bit",
            format::version(),
            env!("RESOLU_INDEX_HASH"),
            usize::BITS
        );
        xxh3_64(identity.as_bytes())
    });
    *VERSION
}

/// The fingerprint of a corpus loaded from `entries` (in load order): it changes whenever a
/// file is added, removed, changed or comes in another order, which is all the assembled corpus
/// (and so its index) depends on besides this build's parser (in the version).
pub fn fingerprint(entries: &[Entry]) -> u64 {
    let mut hasher = Xxh3::new();
    for entry in entries {
        hasher.update(entry.path.as_bytes());
        hasher.update(&[0, u8::from(entry.parsed.is_ok())]);
        hasher.update(&entry.content_hash.to_le_bytes());
    }
    hasher.update(&(entries.len() as u64).to_le_bytes());
    hasher.digest()
}

/// `index` as an index file for the corpus of fingerprint `fingerprint`: its header, and its
/// payload apart (written after it, never copied behind it: the payload is tens of MB).
pub fn encode(
    index: &Index,
    fingerprint: u64,
    version: u64,
) -> Result<([u8; HEADER_LEN], Vec<u8>), CacheError> {
    let payload = postcard::to_allocvec(index).map_err(|e| CacheError::Encode(e.to_string()))?;
    let mut header = [0; HEADER_LEN];
    let fields = [
        u64::from_le_bytes(MAGIC),
        version,
        fingerprint,
        payload.len() as u64,
        xxh3_64(&payload),
    ];
    for (slot, field) in header.chunks_exact_mut(8).zip(fields) {
        slot.copy_from_slice(&field.to_le_bytes());
    }
    Ok((header, payload))
}

/// The index held by a file of `file_len` bytes read from `reader`, if this build wrote it for
/// the corpus of fingerprint `fingerprint`, whole and unchanged, and it fits `resolutions`.
pub fn decode_from(
    reader: &mut impl Read,
    file_len: u64,
    version: u64,
    fingerprint: u64,
    resolutions: &[Resolution],
) -> Result<Index, CacheError> {
    let (header, file_len) = format::read_header(reader, file_len, &MAGIC, HEADER_LEN)?;
    let field = |at| u64_at(&header, at).ok_or(CacheError::Truncated);
    if field(8)? != version {
        return Err(CacheError::OtherVersion);
    }
    if field(16)? != fingerprint {
        return Err(CacheError::OtherCorpus);
    }
    let (length, checksum) = (field(24)?, field(32)?);
    // The length is measured against the file's before anything is allocated for it.
    match usize::try_from(length).map(|l| l.cmp(&(file_len - HEADER_LEN))) {
        Ok(std::cmp::Ordering::Equal) => {}
        Ok(std::cmp::Ordering::Greater) | Err(_) => return Err(CacheError::Truncated),
        Ok(std::cmp::Ordering::Less) => return Err(CacheError::Damaged("bytes after the end")),
    }
    let mut payload = vec![0; file_len - HEADER_LEN];
    read_exact(reader, &mut payload)?;
    if xxh3_64(&payload) != checksum {
        return Err(CacheError::Damaged("index checksum mismatch"));
    }
    // The checksum guards against damage, not against a file made to pass it: decoding is still
    // an error, never a panic, and the check below keeps every id within the corpus.
    let index = match postcard::take_from_bytes::<Index>(&payload) {
        Ok((index, [])) => index,
        Ok(_) => return Err(CacheError::Damaged("bytes after the index")),
        Err(e) => return Err(CacheError::Decode(e.to_string())),
    };
    drop(payload);
    index.check(resolutions).map_err(CacheError::Damaged)?;
    Ok(index)
}

/// Read the index file at `path` for the corpus `resolutions` of fingerprint `fingerprint`.
/// Never panics, whatever the file holds.
pub fn read(
    path: &Path,
    fingerprint: u64,
    resolutions: &[Resolution],
) -> Result<Index, CacheError> {
    let (mut reader, len) = open_for_reading(path)?;
    decode_from(&mut reader, len, version(), fingerprint, resolutions)
}

/// Write the index file at `path` atomically (as [`super::write()`]).
pub fn write(path: &Path, index: &Index, fingerprint: u64) -> Result<(), CacheError> {
    let (header, payload) = encode(index, fingerprint, version())?;
    write_atomically(path, |out| {
        out.write_all(&header)?;
        out.write_all(&payload)
    })
}

/// What became of the cached index on one start.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexOutcome {
    /// The index was read from its file, not built.
    pub reused: bool,
    /// Why the file could not be used, if there was a store and it could not.
    pub unusable: Option<CacheError>,
    /// Whether a new index file was written.
    pub saved: bool,
    /// Why the new index file could not be written, if it could not.
    pub unsaved: Option<CacheError>,
}

/// The index of `resolutions` (a corpus of fingerprint `fingerprint`): read from `store`'s index
/// file when it is this corpus' and whole, else built and (with a store) written there.
pub fn index_for(
    store: Option<&Store>,
    fingerprint: u64,
    resolutions: &[Resolution],
) -> (Index, IndexOutcome) {
    let mut outcome = IndexOutcome::default();
    let Some(store) = store else {
        return (Index::build(resolutions), outcome);
    };
    match read(&store.index_path(), fingerprint, resolutions) {
        Ok(index) => {
            outcome.reused = true;
            return (index, outcome);
        }
        Err(why) => {
            tracing::info!(index = %store.index_path().display(), "cached index not used: {why}");
            outcome.unusable = Some(why);
        }
    }
    let index = Index::build(resolutions);
    match write(&store.index_path(), &index, fingerprint) {
        Ok(()) => outcome.saved = true,
        Err(why) => {
            tracing::warn!(index = %store.index_path().display(), "index not written: {why}");
            outcome.unsaved = Some(why);
        }
    }
    (index, outcome)
}

/// [`decode_from`] over bytes in memory.
#[cfg(test)]
pub fn decode(
    bytes: &[u8],
    version: u64,
    fingerprint: u64,
    resolutions: &[Resolution],
) -> Result<Index, CacheError> {
    decode_from(
        &mut &bytes[..],
        bytes.len() as u64,
        version,
        fingerprint,
        resolutions,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cache::FileStamp;
    use crate::corpus::load::load_embedded;
    use crate::index::query::parse;
    use proptest::prelude::*;
    use std::sync::LazyLock;

    static CORPUS: LazyLock<Vec<Resolution>> = LazyLock::new(|| load_embedded().resolutions);
    static BYTES: LazyLock<Vec<u8>> = LazyLock::new(|| {
        let (header, payload) = encode(&Index::build(&CORPUS), 42, version()).unwrap();
        [&header[..], &payload].concat()
    });

    fn decoded(bytes: &[u8]) -> Result<Index, CacheError> {
        decode(bytes, version(), 42, &CORPUS)
    }

    /// The bytes with the payload's checksum made right again: what gets past the checksum.
    fn resealed(mut bytes: Vec<u8>) -> Vec<u8> {
        let sum = xxh3_64(&bytes[HEADER_LEN..]);
        bytes[32..40].copy_from_slice(&sum.to_le_bytes());
        bytes
    }

    #[test]
    fn an_index_reads_back_as_built() {
        assert_eq!(decoded(&BYTES).unwrap(), Index::build(&CORPUS));
    }

    #[test]
    fn another_version_corpus_or_shape_is_refused() {
        let bytes = &*BYTES;
        assert_eq!(
            decode(bytes, version() ^ 1, 42, &CORPUS),
            Err(CacheError::OtherVersion)
        );
        assert_eq!(
            decode(bytes, version(), 43, &CORPUS),
            Err(CacheError::OtherCorpus)
        );
        // The right fingerprint over the wrong documents (a fingerprint collision): checked.
        assert!(matches!(
            decode(bytes, version(), 42, &CORPUS[1..]),
            Err(CacheError::Damaged(_))
        ));
        assert_eq!(decoded(&[]), Err(CacheError::Empty));
        assert_eq!(decoded(b"RESOLUc\x02xxxxxxxx"), Err(CacheError::NotACache));
    }

    #[test]
    fn every_flipped_byte_and_every_cut_is_refused() {
        let good = &*BYTES;
        let step = (good.len() / 4000).max(1);
        for at in (0..good.len()).step_by(step).chain(0..HEADER_LEN) {
            let mut bytes = good.clone();
            bytes[at] ^= 0x20;
            assert!(decoded(&bytes).is_err(), "byte {at} flipped");
        }
        for len in (0..good.len()).step_by(step).chain(0..HEADER_LEN) {
            assert!(decoded(&good[..len]).is_err(), "cut at {len}");
        }
        let mut longer = good.clone();
        longer.push(0);
        assert!(decoded(&longer).is_err());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Past a checksum made right again, changed bytes still never panic: decoding fails,
        /// or the check refuses, or the index is searched without going out of bounds.
        #[test]
        fn changed_bytes_past_the_checksum_never_panic(
            flips in proptest::collection::vec((any::<prop::sample::Index>(), 1u8..), 1..4),
        ) {
            let mut bytes = BYTES.clone();
            let payload = bytes.len() - HEADER_LEN;
            for (at, mask) in flips {
                bytes[HEADER_LEN + at.index(payload)] ^= mask;
            }
            if let Ok(index) = decoded(&resealed(bytes)) {
                for q in ["coop", "c", "cooperation s:44 c:fra", "op: a", "zzz~"] {
                    let _ = index.search(&CORPUS, &parse(q), 20);
                }
            }
        }

        #[test]
        fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
            let _ = decoded(&bytes);
            let mut with_header = BYTES[..HEADER_LEN].to_vec();
            with_header[24..32].copy_from_slice(&(bytes.len() as u64).to_le_bytes());
            with_header.extend_from_slice(&bytes);
            let _ = decoded(&resealed(with_header));
        }
    }

    fn entry(path: &str, hash: u64) -> Entry {
        Entry {
            path: path.into(),
            stamp: FileStamp {
                size: 1,
                modified: None,
            },
            content_hash: hash,
            parsed: Err(crate::corpus::load::FileError::Empty),
        }
    }

    #[test]
    fn the_fingerprint_changes_with_any_change_of_the_corpus() {
        let base = vec![entry("a", 1), entry("b", 2), entry("c", 3)];
        let print = fingerprint(&base);
        assert_eq!(print, fingerprint(&base.clone()));
        let variants = [
            vec![entry("b", 2), entry("a", 1), entry("c", 3)],
            vec![entry("a", 1), entry("b", 2)],
            vec![entry("a", 1), entry("b", 2), entry("c", 3), entry("d", 4)],
            vec![entry("a", 1), entry("b", 9), entry("c", 3)],
            vec![entry("a", 1), entry("bb", 2), entry("c", 3)],
            vec![entry("ab", 1), entry("", 2), entry("c", 3)],
            Vec::new(),
        ];
        for variant in &variants {
            assert_ne!(fingerprint(variant), print, "{variant:?}");
        }
    }

    #[test]
    fn index_for_reads_what_it_wrote_and_rebuilds_for_another_corpus() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), "test");
        let (built, first) = index_for(Some(&store), 7, &CORPUS);
        assert!(!first.reused && first.saved);
        assert_eq!(first.unusable, Some(CacheError::Missing));
        let (read, second) = index_for(Some(&store), 7, &CORPUS);
        assert!(second.reused && !second.saved);
        assert_eq!(read, built);
        let (_, other) = index_for(Some(&store), 8, &CORPUS[1..]);
        assert_eq!(other.unusable, Some(CacheError::OtherCorpus));
        assert!(!other.reused && other.saved);
        let (_, none) = index_for(None, 7, &CORPUS);
        assert_eq!(none, IndexOutcome::default());
    }
}
