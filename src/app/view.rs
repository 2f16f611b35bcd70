//! Read-only views derived from the state, shared by `update` (to move and scroll) and the panes
//! (to draw): the sorted document list, the filtered vote lists, a country's history, the match
//! positions of the selected resolution.

use super::state::{App, Cursor, InputTarget, Row, SortKey};
use crate::corpus::countries;
use crate::corpus::{
    Adoption, Ballot, ById, CountryRef, DocId, Language, ParagraphIndex, Resolution, Vote,
};
use crate::index::{Hit, match_positions};
use crate::text::fold::fold;
use std::cmp::Ordering;

/// One row of the vote pane's scrolled part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoteRow {
    /// A list heading: which list, how many shown, how many listed.
    Section(Ballot, usize, usize),
    /// A country: index into [`App::ballots`].
    Country(usize),
}

/// How a country stands on one resolution of its history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Voted(Ballot),
    /// A recorded vote that does not list the country.
    Absent,
    WithoutVote,
    /// No vote stated, or not readable.
    Unknown,
}

/// Counts the lists give when they disagree with the stated ones: (yes, no, abstain) listed.
pub fn disagreement(vote: &Vote) -> Option<(usize, usize, usize)> {
    let listed = (
        vote.in_favour.len(),
        vote.against.len(),
        vote.abstaining.len(),
    );
    let stated = (vote.yes?, vote.no?, vote.abstain?);
    let as_usize = |n: u32| usize::try_from(n).unwrap_or(usize::MAX);
    let agree = listed == (as_usize(stated.0), as_usize(stated.1), as_usize(stated.2));
    (vote.adoption == Adoption::RecordedVote && !agree).then_some(listed)
}

/// Whether a listed country matches what was typed in the filter: its name as written, its code,
/// or any of its names in the country table (so `germany` finds `Allemagne`).
fn filter_matches(country: &CountryRef, filter: &str, codes: &[&str]) -> bool {
    let folded = fold(filter.trim());
    if folded.is_empty() {
        return true;
    }
    fold(&country.name).contains(&folded)
        || country.code.as_deref().is_some_and(|code| {
            fold(code).starts_with(&folded) || codes.iter().any(|c| c.eq_ignore_ascii_case(code))
        })
}

fn sort_key_cmp(a: &Resolution, b: &Resolution, key: SortKey) -> Ordering {
    match key {
        // Newest first.
        SortKey::Date => b.adopted_on.cmp(&a.adopted_on),
        SortKey::Symbol => natural_cmp(a.id(), b.id()),
        // One body at a time (its code), its newest session first, then the resolutions of a
        // session in their numbered order (80/2 before 80/10).
        SortKey::Session => {
            let body = |r: &Resolution| r.body.map(super::super::corpus::model::Body::code);
            body(a)
                .cmp(&body(b))
                .then(b.session.cmp(&a.session))
                .then_with(|| natural_cmp(a.id(), b.id()))
        }
        SortKey::Margin => match (margin(a), margin(b)) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
    }
}

/// |yes − no| of a recorded vote.
pub fn margin(r: &Resolution) -> Option<u32> {
    let vote = r.vote.as_ref()?;
    Some(vote.yes?.abs_diff(vote.no?))
}

/// Compare with runs of digits as numbers: `A/RES/80/2` before `A/RES/80/10`.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    fn chunks(s: &str) -> Vec<(bool, &str)> {
        let mut out = Vec::new();
        let mut start = 0;
        let bytes = s.as_bytes();
        for i in 1..=bytes.len() {
            if i == bytes.len() || bytes[i].is_ascii_digit() != bytes[start].is_ascii_digit() {
                out.push((bytes[start].is_ascii_digit(), &s[start..i]));
                start = i;
            }
        }
        out
    }
    for (x, y) in chunks(a).into_iter().zip(chunks(b)) {
        let order = match (x, y) {
            ((true, x), (true, y)) => x
                .trim_start_matches('0')
                .len()
                .cmp(&y.trim_start_matches('0').len())
                .then_with(|| x.trim_start_matches('0').cmp(y.trim_start_matches('0'))),
            ((_, x), (_, y)) => x.cmp(y),
        };
        if order != Ordering::Equal {
            return order;
        }
    }
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

impl App {
    pub fn resolution(&self, doc: DocId) -> Option<&Resolution> {
        self.corpus.resolutions.by_id(doc)
    }

    pub fn selected_resolution(&self) -> Option<&Resolution> {
        self.selected_doc().and_then(|d| self.resolution(d))
    }

    /// Sort the document list by the current key, keeping the selected resolution selected.
    pub fn sort_rows(&mut self) {
        let selected = self.selected_doc();
        let resolutions = &self.corpus.resolutions;
        let (key, reversed) = (self.documents.sort, self.documents.reversed);
        self.documents.rows.sort_by(|&a, &b| {
            let order = match (resolutions.by_id(a), resolutions.by_id(b)) {
                (Some(x), Some(y)) => sort_key_cmp(x, y, key),
                _ => Ordering::Equal,
            };
            let order = if reversed { order.reverse() } else { order };
            order.then(a.cmp(&b))
        });
        if let Some(doc) = selected {
            self.select_doc(doc);
        }
    }

    /// Show every listed resolution in `language` when it has a version in it (the config's
    /// `language`, at start and when the corpus arrives), keeping the selected resolution.
    pub fn prefer_language(&mut self, language: Option<Language>) {
        self.language = language;
        let previous = self.selected_doc();
        let versions = &self.versions;
        let docs = self
            .documents
            .rows
            .iter()
            .flat_map(|&d| versions.of(d).iter().copied());
        self.documents.rows = versions.pick(&self.corpus.resolutions, docs, language);
        self.sort_rows();
        if !previous.is_some_and(|doc| self.select_doc(doc)) {
            self.documents.cursor = Cursor::default();
        }
        if self.reader.doc != self.selected_doc() {
            self.reader.doc = self.selected_doc();
            self.reader.scroll = 0;
        }
    }

    /// The row showing a version of `doc`'s resolution (`doc` itself or another language).
    fn row_of_resolution(&self, doc: DocId) -> Option<Row> {
        let versions = self.versions.of(doc);
        self.documents
            .rows
            .iter()
            .position(|d| *d == doc || versions.contains(d))
            .map(Row)
    }

    /// Select the row of `doc`'s resolution if it is shown, in whichever version the row shows;
    /// returns whether it is.
    pub fn select_doc(&mut self, doc: DocId) -> bool {
        match self.row_of_resolution(doc) {
            Some(row) => {
                self.documents.select_row(row);
                true
            }
            None => false,
        }
    }

    /// Select the row of `doc`'s resolution and make it show `doc` (a paragraph result or a
    /// language switch can name the version the row does not show); returns whether it is
    /// shown.
    pub fn show_version(&mut self, doc: DocId) -> bool {
        match self.row_of_resolution(doc) {
            Some(row) => {
                if let Some(shown) = self.documents.rows.get_mut(row.0) {
                    *shown = doc;
                }
                self.documents.select_row(row);
                true
            }
            None => false,
        }
    }

    /// The languages of `doc`'s resolution when it has more than one version, the one shown
    /// in brackets: `[fr] en`. `None` for a resolution in one version.
    pub fn language_tags(&self, doc: DocId) -> Option<String> {
        let resolutions = &self.corpus.resolutions;
        let languages = self.versions.languages(resolutions, doc);
        if self.versions.of(doc).len() < 2 {
            return None;
        }
        let shown = resolutions.by_id(doc).and_then(|r| r.language);
        let tags: Vec<String> = languages
            .into_iter()
            .map(|l| {
                let code = l.map_or("?", |l| l.code());
                if l == shown {
                    format!("[{code}]")
                } else {
                    code.to_string()
                }
            })
            .collect();
        Some(tags.join(" "))
    }

    /// The paragraph results of the newest answer.
    pub fn hits(&self) -> &[Hit] {
        match &self.query.result {
            Some(result) if self.query.has_terms() => &result.hits,
            _ => &[],
        }
    }

    /// For each paragraph of `doc`, the byte offsets the query highlights (empty without terms),
    /// worked out only for the paragraphs `wanted` takes: a frame asks for those it shows, so a
    /// document of 100,000 paragraphs costs a frame what its visible ones do.
    pub fn highlights(
        &self,
        doc: DocId,
        wanted: impl Fn(ParagraphIndex) -> bool,
    ) -> Vec<Vec<usize>> {
        let Some(r) = self.resolution(doc) else {
            return Vec::new();
        };
        if !self.query.has_terms() {
            return vec![Vec::new(); r.paragraphs.len()];
        }
        ParagraphIndex::all(r.paragraphs.len())
            .zip(&r.paragraphs)
            .map(|(i, p)| {
                if wanted(i) {
                    match_positions(&self.query.parsed, &p.text)
                } else {
                    Vec::new()
                }
            })
            .collect()
    }

    /// The paragraphs of `doc` that match the query: those the search found (when its answer
    /// holds them all), else those with highlighted characters.
    pub fn matching_paragraphs(&self, doc: DocId) -> Vec<ParagraphIndex> {
        if !self.query.has_terms() {
            return Vec::new();
        }
        if let Some(result) = &self.query.result {
            let expected = result
                .documents
                .iter()
                .find(|(d, _)| *d == doc)
                .map_or(0, |(_, n)| *n);
            let mut found: Vec<ParagraphIndex> = result
                .hits
                .iter()
                .filter(|h| h.document == doc)
                .map(|h| h.paragraph)
                .collect();
            found.sort_unstable();
            found.dedup();
            if found.len() == expected && !self.query.pending() {
                return found;
            }
        }
        let highlights = self.highlights(doc, |_| true);
        ParagraphIndex::all(highlights.len())
            .zip(&highlights)
            .filter(|(_, h)| !h.is_empty())
            .map(|(i, _)| i)
            .collect()
    }

    /// The selected resolution's listed countries that pass the country filter, with their vote.
    pub fn ballots(&self) -> Vec<(&CountryRef, Ballot)> {
        let Some(vote) = self.selected_resolution().and_then(|r| r.vote.as_ref()) else {
            return Vec::new();
        };
        let filter = self.votes.filter.text();
        let codes: Vec<&str> = countries::candidates(filter)
            .into_iter()
            .map(|c| c.code)
            .collect();
        vote.ballots()
            .filter(|(c, _)| filter_matches(c, filter, &codes))
            .collect()
    }

    /// The scrolled rows of the vote breakdown: list headings and countries.
    pub fn vote_rows(&self) -> Vec<VoteRow> {
        let Some(vote) = self.selected_resolution().and_then(|r| r.vote.as_ref()) else {
            return Vec::new();
        };
        let ballots = self.ballots();
        let filtering = !self.votes.filter.text().trim().is_empty();
        let mut rows = Vec::new();
        for (kind, listed) in [
            (Ballot::Yes, vote.in_favour.len()),
            (Ballot::No, vote.against.len()),
            (Ballot::Abstain, vote.abstaining.len()),
        ] {
            let shown: Vec<usize> = (0..ballots.len())
                .filter(|&i| ballots[i].1 == kind)
                .collect();
            let empty_list_of_no_vote = listed == 0 && vote.adoption != Adoption::RecordedVote;
            if (filtering && shown.is_empty()) || empty_list_of_no_vote {
                continue;
            }
            rows.push(VoteRow::Section(kind, shown.len(), listed));
            rows.extend(shown.into_iter().map(VoteRow::Country));
        }
        rows
    }

    /// The selected country of the breakdown: (code, name as written).
    pub fn selected_country(&self) -> Option<(Option<String>, String)> {
        if let Some(history) = &self.votes.history {
            let country = history.country.country();
            return Some((Some(country.code.to_string()), country.en.to_string()));
        }
        let ballots = self.ballots();
        let (country, _) = ballots.get(self.votes.cursor.selected)?;
        Some((country.code.clone(), country.name.clone()))
    }

    /// How the country `code` stands on `doc`.
    pub fn standing(&self, doc: DocId, code: &str) -> Standing {
        let Some(vote) = self.resolution(doc).and_then(|r| r.vote.as_ref()) else {
            return Standing::Unknown;
        };
        match (vote.adoption, vote.ballot_of(code)) {
            (_, Some(ballot)) => Standing::Voted(ballot),
            (Adoption::WithoutVote, None) => Standing::WithoutVote,
            (Adoption::RecordedVote, None) => Standing::Absent,
            (Adoption::Unknown, None) => Standing::Unknown,
        }
    }
}

/// How many fixed lines the vote breakdown has above its scrolled rows: the verdict, the
/// disagreement warning under a recorded vote whose lists disagree with its counts, and the
/// country filter while it is typed or set. `ui::votes::breakdown_header` draws exactly these.
pub fn breakdown_header_rows(app: &App) -> usize {
    let Some(r) = app.selected_resolution() else {
        return 0;
    };
    let warning = r
        .vote
        .as_ref()
        .is_some_and(|v| v.adoption == Adoption::RecordedVote && disagreement(v).is_some());
    let filter = app.input == Some(InputTarget::CountryFilter) || !app.votes.filter.is_empty();
    1 + usize::from(warning) + usize::from(filter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_order_of_symbols() {
        let mut symbols = vec![
            "A/RES/80/21",
            "A/RES/80/2",
            "A/RES/80/10",
            "A/HRC/RES/44/18",
        ];
        symbols.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            symbols,
            [
                "A/HRC/RES/44/18",
                "A/RES/80/2",
                "A/RES/80/10",
                "A/RES/80/21"
            ]
        );
    }
}
