//! `check --stats`: how often each rule fired and each warning kind occurred over a corpus,
//! with the layouts read.

use crate::commands::{CorpusSource, EXIT_OK};
use crate::corpus::Resolution;
use crate::corpus::load::{EMBEDDED, discover, parse_traced_bytes, read_document};
use crate::index::Index;
use crate::plural;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::Path;

/// `--stats`: rules fired, warning kinds and layouts over every document of the corpus.
pub fn stats(source: &CorpusSource, max_file_bytes: u64, out: &mut dyn Write) -> io::Result<u8> {
    // Each document read and parsed in one task, so its bytes are freed once it is counted.
    let documents: Vec<(String, Option<Vec<u8>>)> = match source {
        CorpusSource::Embedded => EMBEDDED
            .iter()
            .map(|(p, b)| (p.to_string(), Some(b.to_vec())))
            .collect(),
        CorpusSource::Paths(paths) => {
            let (files, _) = discover(paths);
            files
                .into_iter()
                .map(|f| (f.display().to_string(), None))
                .collect()
        }
    };
    let tallies: Vec<(Tally, Option<Resolution>)> = documents
        .par_iter()
        .map(|(path, embedded)| {
            let mut tally = Tally::default();
            let bytes = embedded
                .clone()
                .or_else(|| read_document(Path::new(path), max_file_bytes).ok());
            let parsed = bytes.and_then(|b| parse_traced_bytes(path, &b).ok());
            match parsed {
                None => {
                    *tally.layouts.entry("unreadable").or_default() += 1;
                    (tally, None)
                }
                Some((_, r, trace)) => {
                    *tally
                        .layouts
                        .entry(trace.layout.map_or("unknown", |l| l.name()))
                        .or_default() += 1;
                    for rule in trace.rules_fired() {
                        *tally.rules.entry(rule).or_default() += 1;
                    }
                    for w in &r.warnings {
                        *tally.warnings.entry(w.kind()).or_default() += 1;
                    }
                    (tally, Some(r))
                }
            }
        })
        .collect();
    let mut total = Tally::default();
    let mut resolutions = Vec::new();
    for (t, r) in tallies {
        total.merge(t);
        resolutions.extend(r);
    }
    let paragraphs: usize = resolutions.iter().map(|r| r.paragraphs.len()).sum();
    let text_bytes: usize = resolutions.iter().map(Resolution::text_bytes).sum();
    let index = Index::build(&resolutions);
    writeln!(
        out,
        "{}",
        plural::count(documents.len(), "document", "documents")
    )?;
    writeln!(
        out,
        "{}, {} of text, index {} ({} distinct words)",
        plural::count(paragraphs, "paragraph", "paragraphs"),
        plural::count(text_bytes, "byte", "bytes"),
        plural::count(index.heap_bytes(), "byte", "bytes"),
        index.vocabulary_size()
    )?;
    for (title, table) in [
        ("layouts", &total.layouts),
        ("rules fired", &total.rules),
        ("warnings", &total.warnings),
    ] {
        writeln!(out, "\n{title}")?;
        let mut rows: Vec<(&&str, &usize)> = table.iter().collect();
        rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (name, n) in rows {
            writeln!(out, "  {n:>8}  {name}")?;
        }
    }
    Ok(EXIT_OK)
}

#[derive(Default)]
struct Tally {
    layouts: BTreeMap<&'static str, usize>,
    rules: BTreeMap<&'static str, usize>,
    warnings: BTreeMap<&'static str, usize>,
}

impl Tally {
    fn merge(&mut self, other: Tally) {
        for (mine, theirs) in [
            (&mut self.layouts, other.layouts),
            (&mut self.rules, other.rules),
            (&mut self.warnings, other.warnings),
        ] {
            for (k, v) in theirs {
                *mine.entry(k).or_default() += v;
            }
        }
    }
}
