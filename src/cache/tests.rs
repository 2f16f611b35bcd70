use super::format::{self, MAGIC, decode, encode, version};
use super::*;
use crate::corpus::build::ResolutionBuilder;
use crate::corpus::load::{FileError, load_embedded};
use crate::corpus::model::{Language, SourceFormat};
use crate::corpus::source::pdf::ReadError;
use crate::corpus::source::pdf::backend::PdfError;
use crate::corpus::warning::{Field, Warning};
use proptest::prelude::*;

fn stamp(size: u64) -> FileStamp {
    FileStamp {
        size,
        modified: Some(Duration::new(1_700_000_000, 123)),
    }
}

/// A warning of every kind, so that a kind lost on the way shows.
fn every_warning() -> Vec<Warning> {
    vec![
        Warning::MissingField(Field::Meeting),
        Warning::NoOpener,
        Warning::InvalidUtf8,
        Warning::CountsDisagree {
            stated: [Some(30), None, Some(2)],
            listed: [29, 15, 2],
        },
        Warning::UnknownCountry {
            name: "Atlantis".into(),
            list: "abstaining",
        },
        Warning::VoteCutShort,
        Warning::VoteNotUnderstood("Adoptée par".into()),
        Warning::CountsUnreadable("trente".into()),
        Warning::TextLeftUnread {
            lines: 3,
            first: "Annexe".into(),
        },
        Warning::NumberingSkips { found: 5, after: 3 },
        Warning::SymbolDisagrees {
            printed: "A/RES/1/2".into(),
            built: "A/RES/1/3".into(),
        },
        Warning::DatesDisagree {
            header: "1 mai".into(),
            tail: "2 mai".into(),
        },
        Warning::LanguageUnknown,
        Warning::SameAs {
            path: "a.txt".into(),
        },
        Warning::Other("read back from JSON".into()),
    ]
}

/// A small cache: one resolution with every warning, and two failed files.
fn small_entries() -> Vec<Entry> {
    let mut resolution = ResolutionBuilder::new("A/HRC/RES/44/18")
        .language(Language::FR)
        .title("Titre")
        .adopted(2020, 7, 17)
        .source("x.txt", SourceFormat::PdfText)
        .preambular("Rappelant")
        .operative("Décide")
        .recorded_vote(&["FRA"], &[], &["DEU"])
        .build();
    resolution.warnings = every_warning();
    vec![
        Entry {
            path: "x.txt".into(),
            stamp: stamp(1234),
            content_hash: 42,
            parsed: Ok(resolution),
        },
        Entry {
            path: "scan.pdf".into(),
            stamp: FileStamp {
                size: 9,
                modified: None,
            },
            content_hash: 7,
            parsed: Err(FileError::Pdf(ReadError::Pdf(PdfError::Damaged(
                "xref".into(),
            )))),
        },
        Entry {
            path: "empty.txt".into(),
            stamp: stamp(0),
            content_hash: 0,
            parsed: Err(FileError::Empty),
        },
    ]
}

fn small_file() -> Vec<u8> {
    encode(&small_entries(), version()).unwrap().to_bytes()
}

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn the_sample_corpus_round_trips_whole() {
    let corpus = load_embedded();
    assert!(corpus.resolutions.len() >= 10);
    let entries: Vec<Entry> = corpus
        .resolutions
        .into_iter()
        .enumerate()
        .map(|(i, r)| Entry {
            path: r.source.path.clone(),
            stamp: stamp(i as u64),
            content_hash: i as u64 * 31,
            parsed: Ok(r),
        })
        .chain(small_entries())
        .collect();
    let dir = temp_dir();
    let path = dir.path().join("corpus.cache");
    write(&path, &entries).unwrap();
    assert_eq!(read(&path).unwrap().entries, entries);
}

#[test]
fn warnings_keep_their_kind_in_the_cache_and_stay_sentences_in_json() {
    let back = decode(&small_file(), version()).unwrap();
    let warnings = &back[0].parsed.as_ref().unwrap().warnings;
    assert_eq!(*warnings, every_warning());
    let json = serde_json::to_value(&every_warning()[1]).unwrap();
    assert_eq!(
        json,
        serde_json::Value::String(every_warning()[1].to_string())
    );
}

#[test]
fn an_unknown_vote_list_name_is_an_error_not_a_panic() {
    let mut entries = small_entries();
    if let Ok(r) = &mut entries[0].parsed {
        r.warnings = vec![Warning::UnknownCountry {
            name: "X".into(),
            list: "elsewhere",
        }];
    }
    let bytes = encode(&entries, version()).unwrap().to_bytes();
    assert!(matches!(
        decode(&bytes, version()),
        Err(CacheError::Decode(_))
    ));
}

#[test]
fn every_flipped_byte_is_caught_or_harmless() {
    let bytes = small_file();
    let entries = small_entries();
    for at in 0..bytes.len() {
        for flip in [0x01, 0x80, 0xff] {
            let mut damaged = bytes.clone();
            damaged[at] ^= flip;
            match decode(&damaged, version()) {
                Err(_) => {}
                Ok(back) => assert_eq!(back, entries, "byte {at} ^ {flip:#x}"),
            }
        }
    }
}

#[test]
fn every_truncation_is_caught() {
    let bytes = small_file();
    for length in 0..bytes.len() {
        let error = decode(&bytes[..length], version()).unwrap_err();
        let expected = match length {
            0 => CacheError::Empty,
            1..8 => CacheError::NotACache,
            _ => CacheError::Truncated,
        };
        assert_eq!(error, expected, "cut at {length}");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(matches!(
        decode(&longer, version()),
        Err(CacheError::Damaged(_))
    ));
}

#[test]
fn another_version_magic_or_file_is_refused() {
    let bytes = small_file();
    assert_eq!(
        decode(&bytes, version().wrapping_add(1)),
        Err(CacheError::OtherVersion)
    );
    assert_eq!(decode(b"", version()), Err(CacheError::Empty));
    assert_eq!(
        decode(b"%PDF-1.7 not a cache at all, really", version()),
        Err(CacheError::NotACache)
    );
    assert_eq!(&bytes[..8], &MAGIC);
}

#[test]
fn the_version_names_the_format_and_this_build() {
    assert_eq!(version(), version());
    assert_ne!(version(), 0);
    assert_eq!(FORMAT, format::FORMAT);
    assert_eq!(env!("RESOLU_PARSER_HASH").len(), 16);
}

#[test]
fn missing_empty_and_unreadable_files_are_typed_errors() {
    let dir = temp_dir();
    assert_eq!(read(&dir.path().join("none")), Err(CacheError::Missing));
    let empty = dir.path().join("empty");
    std::fs::write(&empty, b"").unwrap();
    assert_eq!(read(&empty), Err(CacheError::Empty));
    // A folder where the file should be: unreadable whoever runs the test (root reads any file).
    assert!(matches!(read(dir.path()), Err(CacheError::Unreadable(_))));
}

#[test]
fn an_unwritable_place_is_an_error_and_leaves_nothing() {
    let dir = temp_dir();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, b"x").unwrap();
    let under_a_file = blocker.join("corpus.cache");
    assert!(matches!(
        write(&under_a_file, &small_entries()),
        Err(CacheError::Unwritable(_))
    ));
    // A folder in the cache file's place: the rename fails, the temporary file is removed.
    let taken = dir.path().join("taken");
    std::fs::create_dir(&taken).unwrap();
    std::fs::write(taken.join("keep"), b"x").unwrap();
    assert!(matches!(
        write(&taken, &small_entries()),
        Err(CacheError::Unwritable(_))
    ));
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn writers_at_once_leave_a_whole_cache_and_readers_never_see_half() {
    let dir = temp_dir();
    let path = dir.path().join("corpus.cache");
    let entries = small_entries();
    let mut other = small_entries();
    other.truncate(1);
    write(&path, &entries).unwrap();
    std::thread::scope(|scope| {
        for which in [&entries, &other, &entries] {
            let path = &path;
            scope.spawn(move || {
                for _ in 0..30 {
                    write(path, which).unwrap();
                }
            });
        }
        scope.spawn(|| {
            for _ in 0..100 {
                let back = read(&path).unwrap().entries;
                assert!(back == entries || back == other);
            }
        });
    });
    let back = read(&path).unwrap().entries;
    assert!(back == entries || back == other);
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "temporary files left behind");
}

#[test]
fn the_store_names_one_file_per_corpus_outside_it() {
    let dir = temp_dir();
    let corpus_a = dir.path().join("a");
    let corpus_b = dir.path().join("b");
    std::fs::create_dir_all(&corpus_a).unwrap();
    std::fs::create_dir_all(&corpus_b).unwrap();
    let cache_dir = dir.path().join("cache");
    let ab = Store::for_corpus(&cache_dir, &[corpus_a.clone(), corpus_b.clone()]).unwrap();
    let ba = Store::for_corpus(
        &cache_dir,
        &[corpus_b.join("."), corpus_a.clone(), corpus_b.clone()],
    )
    .unwrap();
    let a = Store::for_corpus(&cache_dir, std::slice::from_ref(&corpus_a)).unwrap();
    assert_eq!(ab, ba);
    assert_ne!(ab, a);
    assert!(ab.path().starts_with(&cache_dir));
    assert_eq!(
        Store::for_corpus(&corpus_a.join(".cache"), std::slice::from_ref(&corpus_a)),
        None
    );

    assert_eq!(ab.read(), Err(CacheError::Missing));
    assert_eq!(ab.load(), None);
    ab.save(&small_entries()).unwrap();
    assert_eq!(ab.load().unwrap().entries, small_entries());
    assert_eq!(ab.clear(), Ok(true));
    assert_eq!(ab.clear(), Ok(false));
}

#[test]
fn an_entry_matches_only_a_known_equal_stamp() {
    let entries = small_entries();
    assert!(entries[0].matches(&stamp(1234)));
    assert!(!entries[0].matches(&stamp(1235)));
    let no_time = entries[1].stamp;
    assert!(!entries[1].matches(&no_time));
    assert_eq!(content_hash(b"abc"), content_hash(b"abc"));
    assert_ne!(content_hash(b"abc"), content_hash(b"abd"));
}

/// A whole file of these entry bytes, with every checksum right: what a file made to pass the
/// checks would hold.
fn file_of(blobs: &[Vec<u8>]) -> Vec<u8> {
    let xxh3 = xxhash_rust::xxh3::xxh3_64;
    let mut table = Vec::new();
    for blob in blobs {
        table.extend_from_slice(&(blob.len() as u64).to_le_bytes());
        table.extend_from_slice(&xxh3(blob).to_le_bytes());
    }
    let mut file = MAGIC.to_vec();
    file.extend_from_slice(&version().to_le_bytes());
    file.extend_from_slice(&(blobs.len() as u64).to_le_bytes());
    file.extend_from_slice(&xxh3(&table).to_le_bytes());
    file.extend_from_slice(&table);
    for blob in blobs {
        file.extend_from_slice(blob);
    }
    file
}

#[test]
fn file_of_builds_what_encode_writes() {
    let encoded = encode(&small_entries(), version()).unwrap();
    assert_eq!(file_of(&encoded.entries), encoded.to_bytes());
}

#[test]
fn a_table_made_to_pass_its_checksum_is_still_measured() {
    // A count and lengths far beyond the file: refused before anything is allocated for them.
    let mut file = file_of(&[vec![0; 4]]);
    file[16..24].copy_from_slice(&u64::MAX.to_le_bytes());
    assert!(decode(&file, version()).is_err());
    let table = [u64::MAX.to_le_bytes(), 0u64.to_le_bytes()].concat();
    let mut file = file_of(&[]);
    file[16..24].copy_from_slice(&1u64.to_le_bytes());
    file[24..32].copy_from_slice(&xxhash_rust::xxh3::xxh3_64(&table).to_le_bytes());
    file.extend_from_slice(&table);
    assert!(decode(&file, version()).is_err());
    assert_eq!(decode(&file_of(&[]), version()), Ok(vec![]));
}

#[test]
fn entries_past_one_batch_are_read_whole() {
    // More than one batch of bytes (16 MiB), in entries of about 1 MB.
    let big = "x".repeat(1 << 20);
    let entries: Vec<Entry> = (0..20)
        .map(|i| {
            let mut entry = small_entries().swap_remove(0);
            entry.path = format!("{i}.txt");
            if let Ok(r) = &mut entry.parsed {
                r.paragraphs[0].text = big.clone();
            }
            entry
        })
        .collect();
    let bytes = encode(&entries, version()).unwrap().to_bytes();
    assert!(bytes.len() > 16 << 20);
    assert_eq!(decode(&bytes, version()).unwrap(), entries);
}

proptest! {
    #[test]
    fn random_bytes_are_refused(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        prop_assert!(decode(&bytes, version()).is_err());
    }

    /// Entry bytes that pass every checksum (a file made to) still never panic the decoder.
    #[test]
    fn random_entries_never_panic(
        blobs in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..512), 0..8)
    ) {
        let _ = decode(&file_of(&blobs), version());
    }

    /// Real entries with some bytes changed and the checksums made right: an error or entries,
    /// never a panic.
    #[test]
    fn doctored_entries_never_panic(
        changes in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..8)
    ) {
        let mut blobs = encode(&small_entries(), version()).unwrap().entries;
        for (at, byte) in changes {
            let blob = &mut blobs[at % 3];
            let at = (at / 3) % blob.len();
            blob[at] = byte;
        }
        let _ = decode(&file_of(&blobs), version());
    }
}

/// The writer half of the test below: writes the cache named by `RESOLU_CACHE_CHILD` many times.
#[test]
#[ignore = "run by two_processes_writing_at_once_leave_a_whole_cache"]
fn child_writer() {
    let Some(path) = std::env::var_os("RESOLU_CACHE_CHILD") else {
        return;
    };
    let entries = small_entries();
    for _ in 0..40 {
        write(Path::new(&path), &entries).unwrap();
    }
}

#[test]
fn two_processes_writing_at_once_leave_a_whole_cache() {
    let dir = temp_dir();
    let path = dir.path().join("corpus.cache");
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = (0..2)
        .map(|_| {
            std::process::Command::new(&exe)
                .args(["--exact", "cache::tests::child_writer", "--ignored"])
                .env("RESOLU_CACHE_CHILD", &path)
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    // Read while they write: a whole cache or none yet, never a half-written one.
    for _ in 0..200 {
        match read(&path) {
            Ok(cache) => assert_eq!(cache.entries, small_entries()),
            Err(CacheError::Missing) => {}
            Err(other) => panic!("a reader saw {other}"),
        }
    }
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    assert_eq!(read(&path).unwrap().entries, small_entries());
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "temporary files left behind");
}

/// The loader's path through the cache, by hand: each file's parse stored, read back and
/// assembled gives the corpus `load_paths` gives, duplicate flags included.
#[test]
fn a_corpus_assembled_from_the_cache_is_the_one_loaded_without_it() {
    use crate::corpus::load::{assemble, discover, load_paths, parse_bytes};
    let dir = temp_dir();
    let corpus_dir = dir.path().join("corpus");
    std::fs::create_dir(&corpus_dir).unwrap();
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    for name in ["A_HRC_RES_44_18.fr.txt", "A_RES_71_194.fr.md"] {
        std::fs::copy(samples.join(name), corpus_dir.join(name)).unwrap();
    }
    // A copy (flagged as a duplicate) and a file that gives no resolution.
    std::fs::copy(
        samples.join("A_HRC_RES_44_18.fr.txt"),
        corpus_dir.join("copy.txt"),
    )
    .unwrap();
    std::fs::write(corpus_dir.join("empty.txt"), b"").unwrap();
    let paths = [corpus_dir.clone(), dir.path().join("missing")];

    let (files, problems) = discover(&paths);
    let entries: Vec<Entry> = files
        .iter()
        .map(|file| {
            let bytes = std::fs::read(file).unwrap();
            let path = file.display().to_string();
            Entry {
                stamp: FileStamp::of(&std::fs::metadata(file).unwrap()),
                content_hash: content_hash(&bytes),
                parsed: parse_bytes(&path, &bytes),
                path,
            }
        })
        .collect();
    let store = Store::for_corpus(&dir.path().join("cache"), &paths).unwrap();
    store.save(&entries).unwrap();
    let cached = store.load().unwrap();
    let corpus = assemble(
        cached
            .entries
            .into_iter()
            .map(|e| (e.path, e.parsed))
            .collect(),
        problems,
    );
    let loaded = load_paths(&paths);
    assert_eq!(corpus, loaded);
    assert_eq!(loaded.problems.len(), 2);
    assert!(
        loaded
            .resolutions
            .iter()
            .any(|r| r.warnings.iter().any(|w| w.kind() == "duplicate"))
    );
}

#[test]
fn writing_batch_by_batch_gives_the_bytes_of_the_whole_encoding() {
    // More entries than one write batch, so the table is filled across batches.
    let entries: Vec<Entry> = (0..2500)
        .map(|i| {
            let mut entry = small_entries()[0].clone();
            entry.path = format!("doc-{i}.txt");
            entry
        })
        .collect();
    let mut written = std::io::Cursor::new(Vec::new());
    super::format::encode_to(&entries, version(), &mut written).unwrap();
    assert_eq!(
        written.into_inner(),
        encode(&entries, version()).unwrap().to_bytes()
    );
}
