//! Erik Voeten's roll calls, as the R package `unvotes` ships them: `roll_calls.csv`
//! (`rcid,session,importantvote,date,unres,amend,para,short,descr`) and `unvotes.csv`
//! (`rcid,country,country_code,vote`, yes/no/abstain only: the package dropped absent and
//! non-member rows, so a country left out is "not listed", never "absent").
//!
//! `unres` is Voeten's `R/30/3379` (session/number, sometimes a part letter `R/1/1061A`,
//! `R/1/1287/A`): it becomes the UN symbol, `A/RES/3379 (XXX)` before the 31st session (when
//! the General Assembly numbered its sessions in Roman), `A/RES/31/…` from then on. Other forms
//! (`SS/…`, `ESS/…`, parts of parts) keep no symbol and are shown as written. `amend`/`para`
//! mark votes on an amendment or a single paragraph, never the resolution's vote.
//!
//! Countries are read by name first (the package's names: `Congo - Kinshasa`, `St. Kitts &
//! Nevis`, … are aliases in `corpus/countries.tsv`; `voeten_names.tsv` holds the names that
//! are not another spelling of a State's name), since `country_code` is ISO alpha-2 and R
//! writes `NA` — its missing value — for Namibia and several historical States.

use super::columns::{Field, Header};
use super::values::{self, text};
use super::{FileImport, ImportError, Report, csv_reader, header, next_row};
use crate::corpus::countries;
use crate::corpus::model::Body;
use crate::corpus::symbol::{Series, Session, SessionKind, Symbol};
use crate::votes::cast::{Cast, Origin, Scope};
use crate::votes::country::CountryId;
use crate::votes::store::{RollCall, RollCallId, VoteStore};
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::io::Read;
use std::sync::LazyLock;

/// The first General Assembly session numbered in Arabic numerals (1976; `corpus::symbol`).
const FIRST_ARABIC_SESSION: u32 = 31;

/// Voeten's names that are no spelling of a State's own name: `name \t code \t why`.
const NAMES_TSV: &str = include_str!("voeten_names.tsv");

static NAMES: LazyLock<HashMap<&'static str, CountryId>> = LazyLock::new(|| {
    NAMES_TSV
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut fields = l.split('\t');
            let name = fields.next()?.trim();
            let code = fields.next()?.trim();
            Some((name, CountryId::of_code(code)?))
        })
        .collect()
});

/// The UN symbol of Voeten's `unres`; `None` when it is empty, `NA` or another form.
pub fn voeten_symbol(unres: &str) -> Option<Symbol> {
    let unres = unres.trim();
    if values::is_missing(unres) {
        return None;
    }
    let Some(rest) = unres.strip_prefix("R/") else {
        return Symbol::parse(unres);
    };
    let mut parts = rest.split('/');
    let session: u32 = parts.next()?.parse().ok()?;
    let number = parts.next()?;
    let after = parts.next();
    if parts.next().is_some() {
        return None;
    }
    let digits = number
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(number.len());
    let serial: u32 = number[..digits].parse().ok()?;
    let letter = |s: &str| {
        let mut chars = s.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_ascii_uppercase() => Some(c),
            _ => None,
        }
    };
    let part = match (&number[digits..], after) {
        ("", None) => None,
        (suffix, None) => Some(letter(suffix)?),
        ("", Some(suffix)) => Some(letter(suffix)?),
        _ => return None,
    };
    let session = if session < FIRST_ARABIC_SESSION {
        Session::roman(SessionKind::Regular, session)?
    } else {
        Session::new(SessionKind::Regular, session)?
    };
    Symbol::new(Series::GaResolution, session, serial, part)
}

/// The roll calls of a `roll_calls.csv`, by `rcid`.
#[derive(Debug, Default)]
pub struct RollCalls {
    calls: Vec<(u32, RollCall)>,
    /// The file they were read from.
    pub file: String,
}

impl RollCalls {
    /// Read a `roll_calls.csv`; its warnings go to `report`.
    pub fn read(
        file: &str,
        reader: impl Read,
        report: &mut Report,
    ) -> Result<RollCalls, ImportError> {
        let mut csv = csv_reader(reader);
        let header = header(file, &mut csv)?;
        if !(header.has(Field::Rcid) && header.has(Field::Unres)) {
            return Err(ImportError::new(
                file,
                format!(
                    "not Voeten's roll_calls.csv (rcid, session, date, unres …); its columns: {}",
                    header.names_shown()
                ),
            ));
        }
        let calls = roll_calls_from(file, &mut csv, &header, report);
        report.close(file);
        Ok(calls)
    }

    pub fn len(&self) -> usize {
        self.calls.len()
    }

    pub fn is_empty(&self) -> bool {
        self.calls.is_empty()
    }

    /// Push every roll call into `store`, in file order; their ids by `rcid`.
    pub(super) fn push_all(self, store: &mut VoteStore) -> FxHashMap<u32, RollCallId> {
        let mut ids = FxHashMap::default();
        for (rcid, rc) in self.calls {
            let id = store.push(rc);
            ids.entry(rcid).or_insert(id);
        }
        ids
    }
}

pub(super) fn roll_calls_from<R: Read>(
    file: &str,
    csv: &mut csv::Reader<R>,
    header: &Header,
    report: &mut Report,
) -> RollCalls {
    let col = |f| header.column(f);
    let (rcid_c, session_c, date_c, unres_c) = (
        col(Field::Rcid),
        col(Field::Session),
        col(Field::Date),
        col(Field::Unres),
    );
    let (amend_c, para_c, short_c, descr_c) = (
        col(Field::Amend),
        col(Field::Para),
        col(Field::Short),
        col(Field::Descr),
    );
    let width = header.names.len();
    let mut calls = RollCalls {
        calls: Vec::new(),
        file: file.to_string(),
    };
    let mut seen: FxHashMap<u32, u64> = FxHashMap::default();
    let mut record = csv::ByteRecord::new();
    while let Some(line) = next_row(file, csv, (&mut record, width), report) {
        let rcid = match row_rcid(&record, rcid_c) {
            Ok(rcid) => rcid,
            Err(why) => {
                report.skip(file, line, &why);
                continue;
            }
        };
        let get = |c: Option<usize>| c.and_then(|c| record.get(c)).unwrap_or(b"");
        let (Some(unres), Some(session), Some(date), Some(short), Some(descr)) = (
            text(get(unres_c)),
            text(get(session_c)),
            text(get(date_c)),
            text(get(short_c)),
            text(get(descr_c)),
        ) else {
            report.skip(file, line, "not UTF-8 text");
            continue;
        };
        if let Some(first) = seen.insert(rcid, line) {
            let why = format!("rcid {rcid} already given on line {first}");
            report.skip(file, line, &why);
            continue;
        }
        let written = if values::is_missing(unres) {
            format!("rcid {rcid}")
        } else {
            unres.to_string()
        };
        let mut rc = RollCall::new(written, Origin::Voeten, file);
        rc.symbol = voeten_symbol(unres);
        rc.line = Some(line);
        rc.body = Some(Body::Ga);
        rc.session = (!values::is_missing(session)).then(|| session.to_string());
        match values::date(date) {
            Ok(d) => rc.date = d,
            Err(()) => report.warn(format!(
                "{file}:{line}: date “{date}” is not a date like 1975-11-10; left out"
            )),
        }
        rc.scope = if values::flag(get(amend_c)) {
            Scope::Amendment
        } else if values::flag(get(para_c)) {
            Scope::Paragraph
        } else {
            Scope::Resolution
        };
        rc.title = match (values::is_missing(short), values::is_missing(descr)) {
            (false, false) => Some(format!("{short} — {descr}")),
            (false, true) => Some(short.to_string()),
            (true, false) => Some(descr.to_string()),
            (true, true) => None,
        };
        calls.calls.push((rcid, rc));
    }
    calls
}

/// A Voeten vote: `yes`, `no`, `abstain` (and the words [`Cast::parse`] reads).
fn vote(bytes: &[u8]) -> Option<Cast> {
    match bytes.trim_ascii() {
        b"yes" => Some(Cast::Yes),
        b"no" => Some(Cast::No),
        b"abstain" => Some(Cast::Abstain),
        other => Cast::parse(text(other)?).filter(|&c| c != Cast::NotListed),
    }
}

/// The country of a name and code: the name through the country table, then Voeten's own
/// names, then a 3-letter code.
fn country(name: &str, code: &str) -> Option<CountryId> {
    countries::lookup(name)
        .and_then(CountryId::of)
        .or_else(|| NAMES.get(name).copied())
        .or_else(|| CountryId::of_code(code).filter(|_| code.len() == 3))
}

/// `unvotes.csv`, joined to `roll_calls` (read first) by `rcid`.
pub(super) fn votes<R: Read>(
    file: &str,
    csv: &mut csv::Reader<R>,
    header: &Header,
    roll_calls: Option<RollCalls>,
    import: &mut FileImport,
) {
    let FileImport { store, report } = import;
    if roll_calls.is_none() {
        report.warn(format!(
            "{file}: no roll_calls.csv beside it: its roll calls have no symbol, date or title \
             (import the folder, or give both files)"
        ));
    }
    let given = roll_calls.is_some();
    let mut ids = roll_calls.unwrap_or_default().push_all(store);
    let col = |f| header.column(f);
    let (rcid_c, name_c, code_c, vote_c) = (
        col(Field::Rcid),
        col(Field::Country),
        col(Field::CountryCode),
        col(Field::Vote),
    );
    let width = header.names.len();
    let mut names: FxHashMap<Vec<u8>, Option<CountryId>> = FxHashMap::default();
    let mut unknown: FxHashMap<Vec<u8>, (u64, u64)> = FxHashMap::default();
    let mut key = Vec::new();
    let mut missing_rcids = 0u64;
    let mut record = csv::ByteRecord::new();
    while let Some(line) = next_row(file, csv, (&mut record, width), report) {
        let rcid = match row_rcid(&record, rcid_c) {
            Ok(rcid) => rcid,
            Err(why) => {
                report.skip(file, line, &why);
                continue;
            }
        };
        let get = |c: Option<usize>| c.and_then(|c| record.get(c)).unwrap_or(b"");
        let Some(cast) = vote(get(vote_c)) else {
            let why = format!(
                "vote “{}” is none of yes, no, abstain",
                String::from_utf8_lossy(get(vote_c).trim_ascii())
            );
            report.skip(file, line, &why);
            continue;
        };
        key.clear();
        key.extend_from_slice(get(name_c));
        key.push(0);
        key.extend_from_slice(get(code_c));
        let resolved = if let Some(&known) = names.get(key.as_slice()) {
            known
        } else {
            let name = text(get(name_c)).unwrap_or("");
            let code = text(get(code_c)).unwrap_or("");
            let found = country(name, code);
            names.insert(key.clone(), found);
            found
        };
        let Some(country) = resolved else {
            report.unknown_countries += 1;
            unknown.entry(key.clone()).or_insert((line, 0)).1 += 1;
            continue;
        };
        let id = *ids.entry(rcid).or_insert_with(|| {
            missing_rcids += 1;
            let mut rc = RollCall::new(format!("rcid {rcid}"), Origin::Voeten, file);
            rc.symbol = None;
            rc.line = Some(line);
            store.push(rc)
        });
        store.set(id, country, cast);
        report.casts += 1;
    }
    let mut unknown: Vec<_> = unknown.into_iter().collect();
    unknown.sort_by_key(|(_, (line, _))| *line);
    for (key, (line, rows)) in unknown {
        let mut parts = key.split(|&b| b == 0);
        let name = String::from_utf8_lossy(parts.next().unwrap_or(b""));
        let code = String::from_utf8_lossy(parts.next().unwrap_or(b""));
        report.warn(format!(
            "{file}:{line}: country “{name}” (code “{code}”) is not in the country table; \
             {rows} rows skipped"
        ));
    }
    if given && missing_rcids > 0 {
        report.warn(format!(
            "{file}: {missing_rcids} rcids not in roll_calls.csv: kept as roll calls without \
             symbol or date"
        ));
    }
}

/// A row's roll-call id, or why the row is skipped (an rcid that is not a number): the first
/// check of both of Voeten's files.
fn row_rcid(record: &csv::ByteRecord, rcid_c: Option<usize>) -> Result<u32, String> {
    let field = rcid_c.and_then(|c| record.get(c)).unwrap_or(b"");
    values::small_number(field).ok_or_else(|| {
        format!(
            "rcid “{}” is not a number",
            String::from_utf8_lossy(field.trim_ascii())
        )
    })
}
