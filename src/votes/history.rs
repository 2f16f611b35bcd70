//! One country's votes over a set of roll calls, and its shares per session.

use super::cast::Cast;
use super::country::CountryId;
use super::store::{RollCallId, VoteStore};
use crate::corpus::model::Body;
use chrono::NaiveDate;

/// What one country did on one roll call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HistoryRow {
    pub roll_call: RollCallId,
    pub cast: Cast,
}

/// `country` on each of `roll_calls`, oldest first (undated last, then by symbol as written).
pub fn history(
    store: &VoteStore,
    country: CountryId,
    roll_calls: &[RollCallId],
) -> Vec<HistoryRow> {
    let mut rows: Vec<HistoryRow> = roll_calls
        .iter()
        .map(|&roll_call| HistoryRow {
            roll_call,
            cast: store.cast(roll_call, country),
        })
        .collect();
    rows.sort_by_cached_key(|row| {
        let rc = store.get(row.roll_call);
        (
            rc.and_then(|r| r.date)
                .map_or((1, NaiveDate::MAX), |d| (0, d)),
            rc.and_then(|r| r.symbol),
            row.roll_call,
        )
    });
    rows
}

/// One session's count of each answer (for the bar chart of a country's history).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionShares {
    /// `GA 75`, `HRC 44`, `SC 2016`, or the session alone when the body is unknown.
    pub session: String,
    /// Indexed like [`Cast::ALL`].
    pub counts: [u32; 7],
}

impl SessionShares {
    pub fn count(&self, cast: Cast) -> u32 {
        self.counts[cast as usize - 1]
    }

    /// Roll calls of the session the country was in (every answer but "not a member" and
    /// "not listed").
    pub fn as_member(&self) -> u32 {
        Cast::ALL
            .iter()
            .filter(|c| !matches!(c, Cast::NotMember | Cast::NotListed))
            .map(|&c| self.count(c))
            .sum()
    }

    /// Percentage of `cast` among the roll calls it was a member for (0 when none).
    pub fn percent(&self, cast: Cast) -> u32 {
        let whole = self.as_member();
        if whole == 0 {
            0
        } else {
            u32::try_from(u64::from(self.count(cast)) * 100 / u64::from(whole)).unwrap_or(100)
        }
    }
}

/// The history's rows counted per session, in the order the sessions first appear in `rows`
/// (oldest first when `rows` comes from [`history`]).
pub fn shares_by_session(store: &VoteStore, rows: &[HistoryRow]) -> Vec<SessionShares> {
    let mut out: Vec<SessionShares> = Vec::new();
    for row in rows {
        let Some(rc) = store.get(row.roll_call) else {
            continue;
        };
        let body = rc.body.map(Body::code);
        let session = match (body, rc.session.as_deref()) {
            (Some(b), Some(s)) => format!("{b} {s}"),
            (None, Some(s)) => s.to_string(),
            (Some(b), None) => format!("{b} ?"),
            (None, None) => "?".to_string(),
        };
        let index = out
            .iter()
            .position(|s| s.session == session)
            .unwrap_or_else(|| {
                out.push(SessionShares {
                    session,
                    counts: [0; 7],
                });
                out.len() - 1
            });
        out[index].counts[row.cast as usize - 1] += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::votes::{Origin, RollCall};

    #[test]
    fn rows_are_oldest_first_and_counted_per_session() {
        let mut store = VoteStore::new();
        let fra = CountryId::of_code("FRA").unwrap();
        let mut ids = Vec::new();
        for (symbol, date, session, cast) in [
            ("A/RES/75/2", "2020-12-01", "75", Cast::No),
            ("A/RES/74/1", "2019-10-01", "74", Cast::Yes),
            ("A/RES/75/1", "2020-11-01", "75", Cast::Abstain),
        ] {
            let mut rc = RollCall::new(symbol, Origin::Undl, "u.csv");
            rc.date = date.parse().ok();
            rc.session = Some(session.into());
            rc.body = Some(Body::Ga);
            let id = store.push(rc);
            store.set(id, fra, cast);
            ids.push(id);
        }
        let rows = history(&store, fra, &ids);
        let casts: Vec<Cast> = rows.iter().map(|r| r.cast).collect();
        assert_eq!(casts, [Cast::Yes, Cast::Abstain, Cast::No]);
        let shares = shares_by_session(&store, &rows);
        assert_eq!(shares.len(), 2);
        assert_eq!(shares[0].session, "GA 74");
        assert_eq!(shares[1].session, "GA 75");
        assert_eq!(shares[1].count(Cast::No), 1);
        assert_eq!(shares[1].percent(Cast::Abstain), 50);
    }
}
