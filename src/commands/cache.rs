//! `resolu cache path|clear|stats`: the cache of parsed documents of one corpus.

use super::{CorpusSource, EXIT_INPUT, EXIT_OK};
use crate::cache::Store;
use crate::cache::index_file;
use crate::cli::CacheAction;
use crate::corpus::Resolution;
use crate::index::Index;
use crate::plural;
use std::io::{self, Write};
use std::path::Path;

/// Run `action` on the cache of `source` in `cache_dir`.
pub fn cache(
    action: &CacheAction,
    source: &CorpusSource,
    cache_dir: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let CorpusSource::Paths(paths) = source else {
        writeln!(
            err,
            "resolu: the built-in sample corpus is never cached; give corpus paths"
        )?;
        return Ok(EXIT_OK);
    };
    let Some(dir) = cache_dir else {
        writeln!(
            err,
            "resolu: no cache folder (--no-cache, or no home folder to put one in)"
        )?;
        return Ok(EXIT_INPUT);
    };
    let Some(store) = Store::for_corpus(dir, paths) else {
        writeln!(
            err,
            "resolu: the cache folder {} is inside the corpus: nothing is cached there",
            dir.display()
        )?;
        return Ok(EXIT_INPUT);
    };
    match action {
        CacheAction::Path { .. } => writeln!(out, "{}", store.path().display())?,
        CacheAction::Clear { .. } => match store.clear() {
            Ok(true) => writeln!(out, "removed {}", store.path().display())?,
            Ok(false) => writeln!(out, "no cache at {}", store.path().display())?,
            Err(why) => {
                writeln!(err, "resolu: {}: {why}", store.path().display())?;
                return Ok(EXIT_INPUT);
            }
        },
        CacheAction::Stats { .. } => stats(&store, out)?,
    }
    Ok(EXIT_OK)
}

fn stats(store: &Store, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "cache:      {}", store.path().display())?;
    let cache = match store.read() {
        Ok(cache) => cache,
        Err(why) => {
            writeln!(out, "not usable: {why} (the next start parses every file)")?;
            return Ok(());
        }
    };
    if let Ok(metadata) = std::fs::metadata(store.path()) {
        writeln!(
            out,
            "size:       {}",
            plural::count(
                usize::try_from(metadata.len()).unwrap_or(usize::MAX),
                "byte",
                "bytes"
            )
        )?;
        if let Ok(modified) = metadata.modified() {
            let written = chrono::DateTime::<chrono::Utc>::from(modified);
            writeln!(
                out,
                "written:    {}",
                written.format("%Y-%m-%d %H:%M:%S UTC")
            )?;
        }
    }
    let files = cache.entries.len();
    let fingerprint = index_file::fingerprint(&cache.entries);
    let resolutions: Vec<Resolution> = cache
        .entries
        .into_iter()
        .filter_map(|e| e.parsed.ok())
        .collect();
    let paragraphs: usize = resolutions.iter().map(|r| r.paragraphs.len()).sum();
    let text: usize = resolutions.iter().map(Resolution::text_bytes).sum();
    let cached = index_file::read(&store.index_path(), fingerprint, &resolutions);
    let (index, whence) = match cached {
        Ok(index) => (index, "cached".to_string()),
        Err(why) => (
            Index::build(&resolutions),
            format!("built when loaded (no cached index: {why})"),
        ),
    };
    writeln!(out, "files:      {files}")?;
    writeln!(out, "documents:  {}", resolutions.len())?;
    writeln!(out, "paragraphs: {paragraphs}")?;
    writeln!(out, "text:       {}", plural::count(text, "byte", "bytes"))?;
    writeln!(
        out,
        "index:      {} ({} distinct words), {whence}",
        plural::count(index.heap_bytes(), "byte", "bytes"),
        index.vocabulary_size()
    )?;
    Ok(())
}
