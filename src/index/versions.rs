//! Versions of one resolution: the documents of a corpus that carry one symbol (in any spelling
//! [`Symbol`] reads), one per language, grouped so that the list, its counts and a country's
//! vote history take a resolution once. A document without a readable symbol stands alone.
//! Pure: resolutions in, groups out.

use crate::corpus::symbol::Symbol;
use crate::corpus::{ById, DocId, Language, Resolution};
use rustc_hash::FxHashMap;

/// The corpus's documents grouped into resolutions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Versions {
    /// For each document, its resolution.
    group_of: Vec<usize>,
    /// For each resolution, its documents in corpus order.
    groups: Vec<Vec<DocId>>,
}

impl Versions {
    pub fn build(resolutions: &[Resolution]) -> Versions {
        let mut versions = Versions::default();
        let mut by_symbol: FxHashMap<Symbol, usize> = FxHashMap::default();
        for (doc, r) in DocId::all(resolutions.len()).zip(resolutions) {
            let fresh = versions.groups.len();
            let group = match r.parsed_symbol() {
                Some(symbol) => *by_symbol.entry(symbol).or_insert(fresh),
                None => fresh,
            };
            if group == fresh {
                versions.groups.push(Vec::new());
            }
            versions.groups[group].push(doc);
            versions.group_of.push(group);
        }
        versions
    }

    /// How many resolutions (not documents) the corpus holds.
    pub fn resolution_count(&self) -> usize {
        self.groups.len()
    }

    /// The resolution document `doc` is a version of.
    pub fn group(&self, doc: DocId) -> Option<usize> {
        self.group_of.get(doc.0).copied()
    }

    /// Every version of `doc`'s resolution, `doc` included, in corpus order (empty for a
    /// document the corpus does not hold).
    pub fn of(&self, doc: DocId) -> &[DocId] {
        self.group(doc)
            .and_then(|g| self.groups.get(g))
            .map_or(&[], Vec::as_slice)
    }

    /// One document per resolution among `docs`, resolutions in the order they first appear:
    /// its version in `preferred` when `docs` hold one, else the first of `docs` in corpus order.
    pub fn pick(
        &self,
        resolutions: &[Resolution],
        docs: impl IntoIterator<Item = DocId>,
        preferred: Option<Language>,
    ) -> Vec<DocId> {
        let in_preferred = |doc: DocId| {
            preferred.is_some() && resolutions.by_id(doc).and_then(|r| r.language) == preferred
        };
        let mut chosen: Vec<DocId> = Vec::new();
        let mut row_of: FxHashMap<usize, usize> = FxHashMap::default();
        for doc in docs {
            let Some(group) = self.group(doc) else {
                continue;
            };
            match row_of.get(&group) {
                None => {
                    row_of.insert(group, chosen.len());
                    chosen.push(doc);
                }
                Some(&row) => {
                    let current = chosen[row];
                    let better = match (in_preferred(doc), in_preferred(current)) {
                        (true, false) => true,
                        (false, true) => false,
                        _ => doc < current,
                    };
                    if better {
                        chosen[row] = doc;
                    }
                }
            }
        }
        chosen
    }

    /// The languages of `doc`'s resolution, each once, in corpus order (`None`: a version whose
    /// language was not recognised).
    pub fn languages(&self, resolutions: &[Resolution], doc: DocId) -> Vec<Option<Language>> {
        let mut out = Vec::new();
        for language in self
            .of(doc)
            .iter()
            .map(|&d| resolutions.by_id(d).and_then(|r| r.language))
        {
            if !out.contains(&language) {
                out.push(language);
            }
        }
        out
    }

    /// The version of `doc`'s resolution in `language` (the first, if a copy repeats it).
    pub fn in_language(
        &self,
        resolutions: &[Resolution],
        doc: DocId,
        language: Language,
    ) -> Option<DocId> {
        self.of(doc)
            .iter()
            .copied()
            .find(|&d| resolutions.by_id(d).and_then(|r| r.language) == Some(language))
    }

    /// The version to switch to from `doc`: the next one in corpus order (wrapping around) in
    /// another language, else the next copy in the same language; `None` when `doc` is the only
    /// version.
    pub fn next(&self, resolutions: &[Resolution], doc: DocId) -> Option<DocId> {
        let versions = self.of(doc);
        let at = versions.iter().position(|&d| d == doc)?;
        let language = |d: DocId| resolutions.by_id(d).and_then(|r| r.language);
        let after = || (1..versions.len()).map(move |step| versions[(at + step) % versions.len()]);
        after()
            .find(|&d| language(d) != language(doc))
            .or_else(|| after().next())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(n: usize) -> DocId {
        DocId(n)
    }

    fn ds<const N: usize>(ns: [usize; N]) -> Vec<DocId> {
        ns.map(DocId).to_vec()
    }
    use crate::corpus::{Body, Source, SourceFormat};

    fn doc(symbol: Option<&str>, number: &str, language: Language) -> Resolution {
        Resolution {
            symbol: symbol.map(str::to_string),
            number: Some(number.to_string()),
            body: Some(Body::Hrc),
            language: Some(language),
            title: None,
            session: None,
            agenda_item: None,
            adopted_on: None,
            meeting: None,
            paragraphs: vec![],
            footnotes: vec![],
            vote: None,
            source: Source {
                path: format!("{number}.{language}.txt"),
                format: SourceFormat::PdfText,
            },
            warnings: vec![],
        }
    }

    const FR: Language = Language::FR;
    const EN: Language = Language::EN;

    /// 44/18 in French, in English spelled otherwise, and by its number alone; 44/11 in French;
    /// a document with no symbol at all, twice.
    fn corpus() -> Vec<Resolution> {
        let mut unreadable = doc(None, "x", FR);
        unreadable.number = None;
        unreadable.body = None;
        vec![
            doc(Some("A/HRC/RES/44/18"), "44/18", FR),
            doc(Some("A/HRC/RES/44/11"), "44/11", FR),
            doc(Some("a / hrc / res / 44 / 18"), "44/18", EN),
            unreadable.clone(),
            doc(None, "44/18", Language::from_code("es").unwrap()),
            unreadable,
        ]
    }

    #[test]
    fn one_symbol_in_any_spelling_is_one_resolution() {
        let resolutions = corpus();
        let versions = Versions::build(&resolutions);
        assert_eq!(versions.resolution_count(), 4);
        assert_eq!(versions.of(d(0)), ds([0, 2, 4]));
        assert_eq!(versions.of(d(2)), ds([0, 2, 4]));
        assert_eq!(versions.of(d(1)), ds([1]));
        // Documents without a symbol stay alone, even two alike.
        assert_eq!(versions.of(d(3)), ds([3]));
        assert_eq!(versions.of(d(5)), ds([5]));
        assert!(versions.of(d(99)).is_empty());
        let es = Language::from_code("es");
        assert_eq!(
            versions.languages(&resolutions, d(2)),
            [Some(FR), Some(EN), es]
        );
        assert_eq!(versions.in_language(&resolutions, d(0), EN), Some(d(2)));
        assert_eq!(versions.in_language(&resolutions, d(1), EN), None);
    }

    #[test]
    fn pick_takes_one_version_per_resolution_preferring_a_language() {
        let resolutions = corpus();
        let versions = Versions::build(&resolutions);
        let all = DocId::all(resolutions.len());
        assert_eq!(
            versions.pick(&resolutions, all.clone(), None),
            ds([0, 1, 3, 5])
        );
        assert_eq!(
            versions.pick(&resolutions, all.clone(), Some(EN)),
            ds([2, 1, 3, 5])
        );
        // Only the versions given are candidates: a search that matched the English text alone.
        assert_eq!(
            versions.pick(&resolutions, ds([2, 1]), Some(FR)),
            ds([2, 1])
        );
        assert_eq!(versions.pick(&resolutions, ds([4, 2, 0]), None), ds([0]));
        assert!(versions.pick(&resolutions, ds([42]), None).is_empty());
    }

    #[test]
    fn next_switches_language_and_wraps_around() {
        let mut resolutions = corpus();
        let versions = Versions::build(&resolutions);
        assert_eq!(versions.next(&resolutions, d(0)), Some(d(2)));
        assert_eq!(versions.next(&resolutions, d(2)), Some(d(4)));
        assert_eq!(versions.next(&resolutions, d(4)), Some(d(0)));
        assert_eq!(versions.next(&resolutions, d(1)), None);
        // A second copy in the same language comes after the other languages.
        resolutions[4].language = Some(FR);
        assert_eq!(versions.next(&resolutions, d(0)), Some(d(2)));
        assert_eq!(versions.next(&resolutions, d(2)), Some(d(4)));
        assert_eq!(versions.next(&resolutions, d(4)), Some(d(2)));
    }
}
