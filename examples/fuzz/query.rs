//! `query`: random queries in the query language (words of the samples, typos, `'` `!` `^` `$`,
//! phrases and unclosed quotes, every scope with good and bad values, many `|` alternatives,
//! long tokens, unicode and controls, mutated examples) through the query parser, a search of
//! the sample corpus, match positions and the snippet window.

use super::mutate::mutate;
use super::parse::check_positions;
use super::rng::Rng;
use super::{Target, stage};
use resolu::corpus::countries;
use resolu::corpus::load::{Corpus, load_embedded};
use resolu::index::query::{EXAMPLES, parse};
use resolu::index::snippet::best_window;
use resolu::index::{Index, match_positions};

/// Hits asked for per search (the TUI asks for a few hundred at most).
const LIMIT: usize = 200;
/// Queries stay under this many bytes.
const CAP: usize = 64 * 1024;

const SCOPES: &[&str] = &[
    "s:",
    "session:",
    "y:",
    "year:",
    "annee:",
    "b:",
    "body:",
    "organe:",
    "c:",
    "country:",
    "pays:",
    "op:",
    "pp:",
    "sym:",
    "symbol:",
    "symbole:",
    "lang:",
    "language:",
    "langue:",
    "zz:",
    "S:",
    ":",
];
const VALUES: &[&str] = &[
    "",
    "44",
    "40..46",
    "46..40",
    "..",
    "1..",
    "..9",
    "0",
    "-1",
    "4294967296",
    "99999999999999999999",
    "2020",
    "2018..2021",
    "hrc",
    "ga",
    "sc",
    "chr",
    "ecosoc",
    "xyz",
    "fr",
    "en",
    "xx",
    "f",
    "44/18",
    "A/RES/2453 (XXIII)",
    "a/res/2453(xxiii)",
    "A/HRC/RES/",
    "/",
    "fra",
    "FRA",
    "usa",
    "france",
    "\"cote d'ivoire\"",
    "\"",
    "=yes",
    "=no",
    "=abstain",
    "=maybe",
    "fra=no",
    "fra=yes",
    "fra=abstain",
    "fra=",
    "=",
    "44..",
    "1e9",
    "٤٤",
    "４４",
];
const JUNK: &[&str] = &[
    "\u{202e}",
    "\u{2066}",
    "\u{200b}",
    "\u{feff}",
    "\u{1b}",
    "\u{7}",
    "\u{0}",
    "\t",
    "\n",
    "\r",
    "\u{85}",
    "\u{301}",
    "e\u{301}",
    "œ",
    "ß",
    "ﬁ",
    "İ",
    "ǅ",
    "Ⅻ",
    "①",
    "東京",
    "القرار",
    "עברית",
    "😀",
    "👩‍👩‍👧",
    "🇫🇷",
    "\u{10ffff}",
    "\u{fffd}",
    "“",
    "”",
    "«",
    "»",
    "„",
    "’",
    "‑",
    "—",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "\\",
    "*",
    "?",
    ".*",
    "%",
    "&",
    "'",
    "!",
    "^",
    "$",
    "|",
    "||",
    "\"",
    ":",
    "=",
    "..",
    "-",
];

const OR_SEPARATORS: &[&str] = &[" | ", " |", "|", " | | "];
const AND_SEPARATORS: &[&str] = &[" ", "  ", "\t", "\u{a0}"];

pub struct QueryTarget {
    corpus: Corpus,
    index: Index,
    words: Vec<String>,
    countries: Vec<String>,
    symbols: Vec<String>,
}

impl QueryTarget {
    pub fn new() -> QueryTarget {
        let corpus = load_embedded();
        let index = Index::build(&corpus.resolutions);
        let mut words: Vec<String> = corpus
            .resolutions
            .iter()
            .flat_map(|r| &r.paragraphs)
            .flat_map(|p| p.text.split_whitespace())
            .map(str::to_string)
            .collect();
        words.sort();
        words.dedup();
        let mut countries: Vec<String> = Vec::new();
        for c in countries::all() {
            countries.extend([c.code.to_string(), c.en.to_string(), c.fr.to_string()]);
            countries.extend(c.aliases.iter().map(|a| (*a).to_string()));
        }
        let symbols = corpus
            .resolutions
            .iter()
            .flat_map(|r| [r.symbol.clone(), r.number.clone()])
            .flatten()
            .collect();
        QueryTarget {
            corpus,
            index,
            words,
            countries,
            symbols,
        }
    }

    /// A word of the samples, sometimes cut short or misspelt.
    fn word(&self, rng: &mut Rng) -> String {
        let word = rng.pick(&self.words).clone();
        let mut chars: Vec<char> = word.chars().collect();
        match rng.below(6) {
            0 if chars.len() > 2 => chars.truncate(rng.range(1, chars.len())),
            1 if chars.len() > 2 => {
                chars.remove(rng.below(chars.len()));
            }
            2 if chars.len() > 2 => {
                let i = rng.below(chars.len() - 1);
                chars.swap(i, i + 1);
            }
            3 => chars = chars.iter().flat_map(|c| c.to_uppercase()).collect(),
            _ => {}
        }
        chars.into_iter().collect()
    }

    fn scoped(&self, rng: &mut Rng) -> String {
        let scope = *rng.pick(SCOPES);
        let value = match rng.below(4) {
            0 => rng.pick(&self.countries).clone(),
            1 if !self.symbols.is_empty() => rng.pick(&self.symbols).clone(),
            2 => format!("\"{}\"", rng.pick(&self.countries)),
            _ => (*rng.pick(VALUES)).to_string(),
        };
        let ballot = if scope.starts_with('c') && rng.one_in(3) {
            *rng.pick(&["=yes", "=no", "=abstain", "=x", "="])
        } else {
            ""
        };
        format!("{scope}{value}{ballot}")
    }

    fn atom(&self, rng: &mut Rng) -> String {
        let mut atom = match rng.below(10) {
            0..=3 => self.word(rng),
            4 => {
                let n = rng.size(6);
                let phrase: Vec<String> = (0..n).map(|_| self.word(rng)).collect();
                let close = if rng.one_in(5) { "" } else { "\"" };
                let open = *rng.pick(&["\"", "\"", "“", "«"]);
                format!("{open}{}{close}", phrase.join(" "))
            }
            5 | 6 => self.scoped(rng),
            7 => (0..rng.size(6)).map(|_| *rng.pick(JUNK)).collect(),
            // A long token: one character or one word many times.
            8 => {
                let unit = if rng.one_in(2) {
                    self.word(rng)
                } else {
                    (*rng.pick(JUNK)).to_string()
                };
                unit.repeat(rng.size(10_000 / unit.len().max(1)).max(1))
            }
            _ => format!("({})", self.word(rng)),
        };
        if rng.one_in(4) {
            let prefix = *rng.pick(&["!", "'", "^", "!'", "!^", "''", "!!"]);
            atom.insert_str(0, prefix);
        }
        if rng.one_in(6) {
            atom.push('$');
        }
        atom
    }
}

impl Target for QueryTarget {
    fn name(&self) -> &'static str {
        "query"
    }

    fn generate(&self, rng: &mut Rng) -> Vec<u8> {
        if rng.one_in(8) {
            // An example of the help, mutated byte by byte.
            let mut bytes = rng.pick(EXAMPLES).0.as_bytes().to_vec();
            let other = rng.pick(EXAMPLES).0.as_bytes();
            for _ in 0..rng.size(4) {
                mutate(rng, &mut bytes, SCOPES, other, CAP);
            }
            return bytes;
        }
        // Mostly a few atoms; sometimes hundreds, all alternatives of one group.
        let atoms = if rng.one_in(10) {
            rng.size(1500)
        } else {
            rng.size(8)
        };
        let or_share = if rng.one_in(4) { 1 } else { rng.below(4) };
        let mut query = String::new();
        for i in 0..atoms {
            if i > 0 {
                let or = or_share == 1 || rng.below(4) < or_share;
                let separator = if or {
                    *rng.pick(OR_SEPARATORS)
                } else {
                    *rng.pick(AND_SEPARATORS)
                };
                query.push_str(separator);
            }
            query.push_str(&self.atom(rng));
            if query.len() > CAP {
                break;
            }
        }
        let mut bytes = query.into_bytes();
        bytes.truncate(CAP);
        bytes
    }

    fn run(&self, input: &[u8]) -> Result<(), String> {
        stage("parse");
        let text = String::from_utf8_lossy(input);
        let query = parse(&text);
        // Hints quote what was typed; they are made inert where they are shown.
        let hint_bytes: usize = query.hints.iter().map(String::len).sum();
        if hint_bytes > 4 * input.len() + 4096 {
            return Err(format!(
                "{hint_bytes} bytes of hints for {} bytes of query",
                input.len()
            ));
        }
        stage("search");
        let result = self.index.search(&self.corpus.resolutions, &query, LIMIT);
        if result.hits.len() > LIMIT.min(result.total) {
            return Err(format!(
                "{} hits of {} total",
                result.hits.len(),
                result.total
            ));
        }
        if result.documents.len() > self.corpus.resolutions.len() {
            return Err(format!("{} documents matched", result.documents.len()));
        }
        stage("highlight");
        for hit in &result.hits {
            let Some(paragraph) = self
                .corpus
                .resolutions
                .get(hit.document.0)
                .and_then(|r| r.paragraphs.get(hit.paragraph.0))
            else {
                return Err(format!(
                    "a hit names paragraph {:?} of {:?}",
                    hit.paragraph, hit.document
                ));
            };
            check_positions(&text, &paragraph.text, &hit.positions)?;
            let positions = match_positions(&query, &paragraph.text);
            check_positions(&text, &paragraph.text, &positions)?;
            let start = best_window(&paragraph.text, &positions, 1 + input.len() % 120, 3);
            if !paragraph.text.is_char_boundary(start) {
                return Err(format!("snippet starts inside a character ({start})"));
            }
        }
        Ok(())
    }
}
