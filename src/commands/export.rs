//! `export`: every resolution as JSON, JSON lines, or CSV rows of country votes, streamed.

use super::EXIT_OK;
use crate::cli::ExportFormat;
use crate::corpus::load::Corpus;
use std::io::{self, Write};

/// `resolu export --format json|jsonl|csv`.
pub fn export(corpus: &Corpus, format: ExportFormat, out: &mut dyn Write) -> io::Result<u8> {
    match format {
        ExportFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &corpus.resolutions)?;
            writeln!(out)?;
        }
        ExportFormat::Jsonl => {
            for r in &corpus.resolutions {
                serde_json::to_writer(&mut *out, r)?;
                writeln!(out)?;
            }
        }
        ExportFormat::Csv => write_csv(corpus, out)?,
    }
    Ok(EXIT_OK)
}

/// A CSV error as the I/O error it is when it is one (a closed pipe must stay a closed pipe,
/// which `main` ends quietly); csv's own `From` makes every error `Other`.
pub(super) fn csv_io(error: csv::Error) -> io::Error {
    match error.into_kind() {
        csv::ErrorKind::Io(error) => error,
        other => io::Error::other(format!("{other:?}")),
    }
}

pub(super) fn write_csv(corpus: &Corpus, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer
        .write_record([
            "symbol",
            "number",
            "body",
            "session",
            "adopted_on",
            "country_code",
            "country_name",
            "vote",
        ])
        .map_err(csv_io)?;
    for r in &corpus.resolutions {
        let Some(vote) = &r.vote else { continue };
        for (country, ballot) in vote.ballots() {
            writer
                .write_record([
                    r.symbol.as_deref().unwrap_or(""),
                    r.number.as_deref().unwrap_or(""),
                    r.body.map_or("", |b| b.code()),
                    &r.session.map(|s| s.to_string()).unwrap_or_default(),
                    &r.adopted_on.map(|d| d.to_string()).unwrap_or_default(),
                    country.code.as_deref().unwrap_or(""),
                    &country.name,
                    ballot.as_str(),
                ])
                .map_err(csv_io)?;
        }
    }
    writer.flush()
}
