//! How many seats a body had on a date, from the data file `seats.tsv` (compiled in): the fact
//! that lets a recorded vote's lists say who sat that day.

use crate::corpus::model::Body;
use chrono::NaiveDate;
use std::sync::LazyLock;

/// One row of `seats.tsv`: from `from` on, `body` has `seats` seats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seats {
    pub body: Body,
    pub from: NaiveDate,
    pub seats: u32,
    pub source: &'static str,
}

const TABLE: &str = include_str!("seats.tsv");

/// Read the table; a row that does not read is left out (the unit test reads them all).
fn read(table: &'static str) -> Vec<Seats> {
    table
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let body = match fields.next()?.trim() {
                "HRC" => Body::Hrc,
                "GA" => Body::Ga,
                "SC" => Body::Sc,
                "CHR" => Body::Chr,
                "ECOSOC" => Body::Ecosoc,
                _ => return None,
            };
            let from = fields.next()?.trim().parse().ok()?;
            let seats = fields.next()?.trim().parse().ok()?;
            let source = fields.next()?.trim();
            Some(Seats {
                body,
                from,
                seats,
                source,
            })
        })
        .collect()
}

static SEATS: LazyLock<Vec<Seats>> = LazyLock::new(|| read(TABLE));

/// Every row of the table.
pub fn all() -> &'static [Seats] {
    &SEATS
}

/// The seats of `body` on `date`: the latest row on or before it; `None` before the first row
/// or for a body the table does not know.
pub fn on(body: Body, date: NaiveDate) -> Option<u32> {
    all()
        .iter()
        .filter(|s| s.body == body && s.from <= date)
        .max_by_key(|s| s.from)
        .map(|s| s.seats)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_of_the_table_reads() {
        let rows = TABLE
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        assert_eq!(all().len(), rows);
        assert!(all().iter().all(|s| !s.source.is_empty()));
    }

    #[test]
    fn the_council_has_its_seats_from_its_first_session_on() {
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(on(Body::Hrc, day("2020-07-16")), Some(47));
        assert_eq!(on(Body::Hrc, day("2006-06-19")), Some(47));
        assert_eq!(on(Body::Hrc, day("2006-06-18")), None);
        assert_eq!(on(Body::Ga, day("2020-07-16")), None);
    }
}
