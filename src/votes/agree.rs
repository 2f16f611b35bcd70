//! Agreement between countries: the standard index of UN voting studies.
//!
//! Over the roll calls where both countries took a position (yes, no or abstain): the same
//! position counts 1, one abstaining while the other votes yes or no counts ½, yes against no
//! counts 0; the index is the sum over the number of such common votes. Rows where either was
//! absent, present but not voting, not a member, or not listed are left out.

use super::cast::Cast;
use super::country::CountryId;
use super::store::{RollCallId, VoteStore};

/// Agreement of two countries over a set of roll calls.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Agreement {
    /// Twice the sum of the scores (so that ½ stays exact).
    pub halves: u32,
    /// Roll calls where both took a position.
    pub common: u32,
}

impl Agreement {
    /// The index, 0 to 1; `None` without a common vote.
    pub fn index(&self) -> Option<f64> {
        (self.common > 0).then(|| f64::from(self.halves) / (2.0 * f64::from(self.common)))
    }

    fn add(&mut self, a: u8, b: u8) {
        if let Some(halves) = pair_halves(a, b) {
            self.halves += halves;
            self.common += 1;
        }
    }
}

/// Twice the score of a pair of cells, `None` when either took no position.
fn pair_halves(a: u8, b: u8) -> Option<u32> {
    const YES: u8 = Cast::Yes as u8;
    const NO: u8 = Cast::No as u8;
    const ABSTAIN: u8 = Cast::Abstain as u8;
    let position = |c: u8| matches!(c, YES | NO | ABSTAIN);
    if !position(a) || !position(b) {
        return None;
    }
    Some(if a == b {
        2
    } else {
        u32::from(a == ABSTAIN || b == ABSTAIN)
    })
}

/// Agreement of `a` and `b` over `roll_calls`.
pub fn agreement(
    store: &VoteStore,
    a: CountryId,
    b: CountryId,
    roll_calls: &[RollCallId],
) -> Agreement {
    let mut out = Agreement::default();
    let (a, b) = (usize::from(a.0), usize::from(b.0));
    for &rc in roll_calls {
        let row = store.row(rc);
        if let (Some(&x), Some(&y)) = (row.get(a), row.get(b)) {
            out.add(x, y);
        }
    }
    out
}

/// Every other country's agreement with `a` over `roll_calls`, most alike first (ties: more
/// common votes first, then table order); countries without a common vote are left out.
pub fn ranking(
    store: &VoteStore,
    a: CountryId,
    roll_calls: &[RollCallId],
) -> Vec<(CountryId, Agreement)> {
    let mut all = vec![Agreement::default(); CountryId::count()];
    let column = usize::from(a.0);
    for &rc in roll_calls {
        let row = store.row(rc);
        let Some(&mine) = row.get(column) else {
            continue;
        };
        if Cast::from_byte(mine).is_none_or(|c| !c.is_position()) {
            continue;
        }
        for (other, &theirs) in all.iter_mut().zip(row) {
            other.add(mine, theirs);
        }
    }
    let mut ranked: Vec<(CountryId, Agreement)> = CountryId::all()
        .zip(all)
        .filter(|(id, agreement)| *id != a && agreement.common > 0)
        .collect();
    ranked.sort_by(|(x_id, x), (y_id, y)| {
        // Compare halves/common exactly: x.h / x.c > y.h / y.c ⇔ x.h · y.c > y.h · x.c.
        let left = u64::from(y.halves) * u64::from(x.common);
        let right = u64::from(x.halves) * u64::from(y.common);
        left.cmp(&right)
            .then(y.common.cmp(&x.common))
            .then(x_id.cmp(y_id))
    });
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::votes::{Origin, RollCall};

    fn id(code: &str) -> CountryId {
        CountryId::of_code(code).unwrap()
    }

    /// Four roll calls, figured by hand:
    /// | rc | FRA | DEU | USA | CHN |
    /// | 1  | yes | yes | no  | yes |
    /// | 2  | yes | abst| no  | absent |
    /// | 3  | no  | no  | no  | yes |
    /// | 4  | abst| —   | yes | abst |
    /// FRA–DEU: 1 + ½ + 1 over 3 = 2.5/3; FRA–USA: 0 + 0 + 1 + ½ over 4 = 1.5/4;
    /// FRA–CHN: 1 + 0 + 1 over 3 (rc 2 absent) = 2/3.
    #[test]
    fn the_index_of_a_hand_figured_fixture() {
        use Cast::{Absent as X, Abstain as A, No as N, Yes as Y};
        let mut store = VoteStore::new();
        let table: [[Option<Cast>; 4]; 4] = [
            [Some(Y), Some(Y), Some(N), Some(Y)],
            [Some(Y), Some(A), Some(N), Some(X)],
            [Some(N), Some(N), Some(N), Some(Y)],
            [Some(A), None, Some(Y), Some(A)],
        ];
        let codes = ["FRA", "DEU", "USA", "CHN"];
        let mut rcs = Vec::new();
        for (i, row) in table.iter().enumerate() {
            let rc = store.push(RollCall::new(
                format!("A/RES/75/{}", i + 1),
                Origin::Undl,
                "u",
            ));
            for (code, cast) in codes.iter().zip(row) {
                if let Some(cast) = cast {
                    store.set(rc, id(code), *cast);
                }
            }
            rcs.push(rc);
        }
        let fra_deu = agreement(&store, id("FRA"), id("DEU"), &rcs);
        assert_eq!((fra_deu.halves, fra_deu.common), (5, 3));
        let fra_usa = agreement(&store, id("FRA"), id("USA"), &rcs);
        assert_eq!((fra_usa.halves, fra_usa.common), (3, 4));
        assert_eq!(fra_usa.index(), Some(0.375));
        let fra_chn = agreement(&store, id("FRA"), id("CHN"), &rcs);
        assert_eq!((fra_chn.halves, fra_chn.common), (4, 3));
        let ranked = ranking(&store, id("FRA"), &rcs);
        let order: Vec<&str> = ranked.iter().map(|(c, _)| c.code()).collect();
        assert_eq!(order, ["DEU", "CHN", "USA"]);
        assert_eq!(ranked[0].1, fra_deu);
        assert_eq!(agreement(&store, id("FRA"), id("BRA"), &rcs).index(), None);
    }
}
