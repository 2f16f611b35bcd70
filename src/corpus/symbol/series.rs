//! The symbol series, one row each: prefix, body, resolution or decision, and which sessions
//! the series has and how it prints them.

use super::{Session, SessionKind};
use crate::corpus::model::Body;

/// A symbol series: which organ, resolution or decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Series {
    /// `A/RES/…`: General Assembly resolutions.
    GaResolution,
    /// `A/DEC/…`: General Assembly decisions.
    GaDecision,
    /// `A/HRC/RES/…`: Human Rights Council resolutions.
    HrcResolution,
    /// `A/HRC/DEC/…`: Human Rights Council decisions.
    HrcDecision,
    /// `S/RES/…`: Security Council resolutions (the Council adopts no numbered decisions).
    ScResolution,
    /// `E/CN.4/RES/…`: Commission on Human Rights resolutions (until 2006).
    ChrResolution,
    /// `E/CN.4/DEC/…`: Commission on Human Rights decisions.
    ChrDecision,
    /// `E/RES/…`: Economic and Social Council resolutions.
    EcosocResolution,
    /// `E/DEC/…`: Economic and Social Council decisions.
    EcosocDecision,
}

/// One row per series: its prefix as printed, its body, whether it numbers decisions.
struct SeriesRow {
    series: Series,
    prefix: &'static str,
    body: Body,
    decision: bool,
}

const SERIES: [SeriesRow; 9] = [
    row(Series::GaResolution, "A/RES/", Body::Ga, false),
    row(Series::GaDecision, "A/DEC/", Body::Ga, true),
    row(Series::HrcResolution, "A/HRC/RES/", Body::Hrc, false),
    row(Series::HrcDecision, "A/HRC/DEC/", Body::Hrc, true),
    row(Series::ScResolution, "S/RES/", Body::Sc, false),
    row(Series::ChrResolution, "E/CN.4/RES/", Body::Chr, false),
    row(Series::ChrDecision, "E/CN.4/DEC/", Body::Chr, true),
    row(Series::EcosocResolution, "E/RES/", Body::Ecosoc, false),
    row(Series::EcosocDecision, "E/DEC/", Body::Ecosoc, true),
];

const fn row(series: Series, prefix: &'static str, body: Body, decision: bool) -> SeriesRow {
    SeriesRow {
        series,
        prefix,
        body,
        decision,
    }
}

impl Series {
    /// Every series, in order.
    pub const ALL: [Series; 9] = [
        Series::GaResolution,
        Series::GaDecision,
        Series::HrcResolution,
        Series::HrcDecision,
        Series::ScResolution,
        Series::ChrResolution,
        Series::ChrDecision,
        Series::EcosocResolution,
        Series::EcosocDecision,
    ];

    fn row(self) -> &'static SeriesRow {
        // The table lists the series in declaration order, so the discriminant is the index.
        &SERIES[self as usize]
    }

    /// The series a body numbers its resolutions (or decisions) in. The Security Council has
    /// no decision series: it gives its resolution series either way.
    pub fn for_body(body: Body, decision: bool) -> Series {
        SERIES
            .iter()
            .find(|r| r.body == body && r.decision == decision)
            .map_or(Series::ScResolution, |r| r.series)
    }

    /// The prefix as printed, with its trailing slash: `A/HRC/RES/`.
    pub fn prefix(self) -> &'static str {
        self.row().prefix
    }

    pub fn body(self) -> Body {
        self.row().body
    }

    pub fn is_decision(self) -> bool {
        self.row().decision
    }

    /// Whether this series counts sessions by calendar year (SC, CHR, ECOSOC).
    pub(super) fn by_year(self) -> bool {
        matches!(self.body(), Body::Sc | Body::Chr | Body::Ecosoc)
    }

    /// Whether `session` exists in this series at all.
    pub(super) fn admits(self, session: Session) -> bool {
        use SessionKind::{Regular, Special, Year};
        match (self, session.kind()) {
            (_, Year) => self.by_year(),
            (Series::ScResolution, _) => false,
            (Series::GaResolution, _) => true,
            // Decisions were first numbered at the 31st session (1976), in Arabic numerals.
            (Series::GaDecision, _) => !session.is_roman(),
            (Series::HrcResolution | Series::HrcDecision, Regular | Special) => !session.is_roman(),
            // CHR and ECOSOC named their sessions in Roman until they switched to years; the
            // Commission also held special sessions (`S-5/1`).
            (_, Regular) => session.is_roman(),
            (Series::ChrResolution | Series::ChrDecision, Special) => !session.is_roman(),
            _ => false,
        }
    }

    /// Whether numbers of this series and session print as `serial (session)` rather than
    /// `session/serial`.
    pub(super) fn parenthesised(self, session: Session) -> bool {
        session.is_roman() || (session.kind() == SessionKind::Year && self == Series::ScResolution)
    }
}
