//! The UN Digital Library's GA and SC voting data sets (`../shared/votes/README.md` has the
//! columns and codes).
//!
//! They list every Member State on every resolution, so a State with no row (long file) or a
//! blank cell (transformed file, which is the long file turned on its side) was not a member that
//! day: `lists_every_member`. In the long file a row whose `ms_vote` is blank names a member
//! with none of the codes — neither a vote nor `X` (present, non-voting) — and is read as
//! **absent**, counted in the report (README, "Importing voting records").

use super::columns::{Field, Header};
use super::values::{self, text};
use super::{FileImport, Report, next_row};
use crate::corpus::countries;
use crate::corpus::model::Body;
use crate::corpus::symbol::Symbol;
use crate::votes::cast::{Cast, Origin};
use crate::votes::country::CountryId;
use crate::votes::store::{RollCall, RollCallId, Totals};
use rustc_hash::FxHashMap;
use std::io::Read;

/// The columns of the fields a roll call is made of.
struct Columns {
    undl_id: Option<usize>,
    resolution: Option<usize>,
    date: Option<usize>,
    session: Option<usize>,
    title: Option<usize>,
    description: Option<usize>,
    yes: Option<usize>,
    no: Option<usize>,
    abstentions: Option<usize>,
    non_voting: Option<usize>,
    security_council: bool,
    width: usize,
}

impl Columns {
    fn of(header: &Header) -> Columns {
        Columns {
            undl_id: header.column(Field::UndlId),
            resolution: header.column(Field::Resolution),
            date: header.column(Field::Date),
            session: header.column(Field::Session),
            title: header.column(Field::Title),
            description: header.column(Field::Description),
            yes: header.column(Field::Yes),
            no: header.column(Field::No),
            abstentions: header.column(Field::Abstentions),
            non_voting: header.column(Field::NonVoting),
            security_council: header.has(Field::PermanentMember),
            width: header.names.len(),
        }
    }
}

/// The cell in `column` of `record`, trimmed UTF-8 (empty when absent or not UTF-8).
fn cell(record: &csv::ByteRecord, column: Option<usize>) -> &str {
    column
        .and_then(|c| record.get(c))
        .and_then(text)
        .unwrap_or("")
}

/// The roll call a row describes (its resolution, date, totals …), warnings for bad values.
fn roll_call(
    file: &str,
    line: u64,
    record: &csv::ByteRecord,
    cols: &Columns,
    report: &mut Report,
) -> RollCall {
    let written = cell(record, cols.resolution);
    let mut rc = RollCall::new(written, Origin::Undl, file);
    rc.line = Some(line);
    rc.body = Some(match rc.symbol.map(|s| s.body()) {
        Some(body) => body,
        None if cols.security_council => Body::Sc,
        None => Body::Ga,
    });
    let session = cell(record, cols.session);
    rc.session = if values::is_missing(session) {
        rc.symbol.map(|s: Symbol| s.session().to_string())
    } else {
        Some(session.to_string())
    };
    match values::date(cell(record, cols.date)) {
        Ok(date) => rc.date = date,
        Err(()) => report.warn(format!(
            "{file}:{line}: date “{}” is not a date like 2016-11-30; left out",
            cell(record, cols.date)
        )),
    }
    let title = Some(cell(record, cols.title))
        .filter(|t| !values::is_missing(t))
        .or_else(|| Some(cell(record, cols.description)).filter(|t| !values::is_missing(t)));
    rc.title = title.map(str::to_string);
    let mut total = |column: Option<usize>, name: &str| {
        let value = cell(record, column);
        values::count(value).unwrap_or_else(|()| {
            report.warn(format!(
                "{file}:{line}: {name} “{value}” is not a whole number; left out"
            ));
            None
        })
    };
    rc.totals = Totals {
        yes: total(cols.yes, "total yes"),
        no: total(cols.no, "total no"),
        abstain: total(cols.abstentions, "total abstentions"),
        non_voting: total(cols.non_voting, "total non-voting"),
    };
    rc.lists_every_member = true;
    rc
}

/// Countries as a file names them (code, name), resolved once each.
#[derive(Default)]
struct Countries {
    seen: FxHashMap<Vec<u8>, Option<CountryId>>,
    key: Vec<u8>,
}

impl Countries {
    /// The country of a row: its 3-letter code, else its name (any case, historical names
    /// included) through the country table. An unknown one is warned about once per file.
    fn resolve(
        &mut self,
        file: &str,
        line: u64,
        code: &[u8],
        name: &[u8],
        report: &mut Report,
    ) -> Option<CountryId> {
        self.key.clear();
        self.key.extend_from_slice(code);
        self.key.push(0);
        self.key.extend_from_slice(name);
        if let Some(&known) = self.seen.get(self.key.as_slice()) {
            return known;
        }
        let code = text(code).unwrap_or("");
        let name = text(name).unwrap_or("");
        let found = CountryId::of_code(code)
            .filter(|_| code.len() == 3)
            .or_else(|| countries::lookup(name).and_then(CountryId::of));
        if found.is_none() {
            report.warn(format!(
                "{file}:{line}: country “{name}” (code “{code}”) is not in the country table; \
                 its rows are skipped"
            ));
        }
        self.seen.insert(self.key.clone(), found);
        found
    }
}

/// The long file: one row per Member State per resolution.
pub fn long<R: Read>(
    file: &str,
    csv: &mut csv::Reader<R>,
    header: &Header,
    import: &mut FileImport,
) {
    let cols = Columns::of(header);
    let (code_col, name_col, vote_col) = (
        header.column(Field::MsCode),
        header.column(Field::MsName),
        header.column(Field::MsVote),
    );
    let mut by_key: FxHashMap<Vec<u8>, RollCallId> = FxHashMap::default();
    let mut countries = Countries::default();
    let mut key = Vec::new();
    let mut record = csv::ByteRecord::new();
    let FileImport { store, report } = import;
    while let Some(line) = next_row(file, csv, (&mut record, cols.width), report) {
        if record.iter().any(|f| std::str::from_utf8(f).is_err()) {
            report.skip(file, line, "not UTF-8 text");
            continue;
        }
        if cell(&record, cols.resolution).is_empty() {
            report.skip(file, line, "no resolution symbol");
            continue;
        }
        let vote = cell(&record, vote_col);
        let Ok(cast) = values::undl_vote(vote) else {
            let why = format!("vote “{vote}” is none of Y, N, A, X, NV");
            report.skip(file, line, &why);
            continue;
        };
        let code = code_col.and_then(|c| record.get(c)).unwrap_or(b"");
        let name = name_col.and_then(|c| record.get(c)).unwrap_or(b"");
        let Some(country) = countries.resolve(file, line, code, name, report) else {
            report.unknown_countries += 1;
            continue;
        };
        key.clear();
        key.extend_from_slice(cell(&record, cols.undl_id).as_bytes());
        key.push(0);
        key.extend_from_slice(cell(&record, cols.resolution).as_bytes());
        let id = if let Some(&id) = by_key.get(key.as_slice()) {
            id
        } else {
            let id = store.push(roll_call(file, line, &record, &cols, report));
            by_key.insert(key.clone(), id);
            id
        };
        let cast = cast.unwrap_or_else(|| {
            report.blank_votes += 1;
            Cast::Absent
        });
        store.set(id, country, cast);
        report.casts += 1;
    }
}

/// The transformed file: one row per resolution, one column per country.
pub fn wide<R: Read>(
    file: &str,
    csv: &mut csv::Reader<R>,
    header: &Header,
    import: &mut FileImport,
) {
    let cols = Columns::of(header);
    let FileImport { store, report } = import;
    for (_, name) in header.unknown_columns() {
        report.warn(format!(
            "{file}:1: column “{name}” is neither a known field nor a country of the country \
             table; ignored"
        ));
    }
    let country_cols: Vec<(usize, CountryId)> = header
        .countries
        .iter()
        .enumerate()
        .filter_map(|(i, c)| Some((i, (*c)?)))
        .collect();
    let mut record = csv::ByteRecord::new();
    while let Some(line) = next_row(file, csv, (&mut record, cols.width), report) {
        if cell(&record, cols.resolution).is_empty() {
            report.skip(file, line, "no resolution symbol");
            continue;
        }
        let id = store.push(roll_call(file, line, &record, &cols, report));
        for &(column, country) in &country_cols {
            let value = cell(&record, Some(column));
            match values::undl_vote(value) {
                Ok(Some(cast)) => {
                    store.set(id, country, cast);
                    report.casts += 1;
                }
                Ok(None) => {}
                Err(()) => report.warn(format!(
                    "{file}:{line}: column “{}”: vote “{value}” is none of Y, N, A, X, NV; \
                     left out",
                    header.names[column]
                )),
            }
        }
    }
}
