//! A realistic vocabulary for the generated corpus: content words drawn from ranked
//! word-frequency lists with a Zipf distribution, and phrases carrying names, numbers, document
//! symbols and words of another language, mixed into the clauses of the samples.
//!
//! The samples alone give about 1,150 distinct words; the real corpus has well over 100,000.
//! With `--words FILE` the clause skeletons stay (so the words users search for keep their
//! rates, a little lower) and some of their content words are replaced by draws, so the
//! vocabulary grows with the corpus as a real one does. All draws come from a splitmix stream
//! of their own per document: without `--words` the output is byte-identical to the generator
//! without this module.

use super::Rng;
use anyhow::{Context, Result, bail};
use resolu::text::fold::{fold_into, words};
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The share of the samples' content words (lower-case, four letters or more) replaced by a
/// draw.
const REPLACED: f64 = 0.05;
/// The chance that a clause is followed by a phrase of drawn words, a name, a number or a
/// reference.
const PHRASE: f64 = 0.12;
/// The share of draws taken from the later lists (English), when there are any.
const FOREIGN: f64 = 0.1;
/// The per-document stream the draws come from (any constant other than the generator's 0).
pub const STREAM: u64 = 0x574F_5244;

/// One ranked list: words, most frequent first, and the running sum of their Zipf weights.
struct Ranked {
    words: Vec<String>,
    cumulative: Vec<f64>,
}

impl Ranked {
    /// Reads one word per line, most frequent first (`wordfreq.top_n_list` order), keeping
    /// words of two letters or more from the Latin script: the elision fragments (`l`, `d`),
    /// emoji, digits and markup characters (`*`, `_`, `<`) are left out, so a draw never reads
    /// as Markdown or as a number the parser takes for a footnote call.
    fn load(path: &Path, exponent: f64) -> Result<Ranked> {
        let text =
            fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let words: Vec<String> = text
            .lines()
            .map(str::trim)
            .filter(|w| {
                w.chars().count() >= 2
                    && w.chars()
                        .all(|c| c.is_alphabetic() && c.is_lowercase() && (c as u32) < 0x250)
            })
            .map(str::to_string)
            .collect();
        if words.is_empty() {
            bail!("{}: no usable word", path.display());
        }
        let mut total = 0.0;
        let cumulative = (1..=words.len())
            .map(|rank| {
                total += (rank as f64).powf(-exponent);
                total
            })
            .collect();
        Ok(Ranked { words, cumulative })
    }

    /// Rank r with probability ∝ 1/r^s.
    fn draw(&self, rng: &mut Rng) -> &str {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let ticket = rng.unit() * total;
        let i = self.cumulative.partition_point(|&c| c <= ticket);
        &self.words[i.min(self.words.len() - 1)]
    }
}

/// The lists to draw from: the first in the documents' language, later ones (English) for one
/// draw in ten.
pub struct Drawn {
    lists: Vec<Ranked>,
}

impl Drawn {
    pub fn load(paths: &[PathBuf], exponent: f64) -> Result<Option<Drawn>> {
        if paths.is_empty() {
            return Ok(None);
        }
        if !(exponent > 0.0 && exponent.is_finite()) {
            bail!("--zipf must be a positive number");
        }
        let lists = paths
            .iter()
            .map(|p| Ranked::load(p, exponent))
            .collect::<Result<Vec<_>>>()?;
        for (path, list) in paths.iter().zip(&lists) {
            eprintln!(
                "gen_corpus: {} words drawn from {}",
                list.words.len(),
                path.display()
            );
        }
        Ok(Some(Drawn { lists }))
    }

    fn word(&self, rng: &mut Rng) -> &str {
        match self.lists.split_first() {
            Some((_, others)) if !others.is_empty() && rng.chance(FOREIGN) => {
                rng.pick(others).draw(rng)
            }
            Some((main, _)) => main.draw(rng),
            None => "",
        }
    }

    fn foreign_word(&self, rng: &mut Rng) -> &str {
        match self.lists.split_first() {
            Some((_, others)) if !others.is_empty() => rng.pick(others).draw(rng),
            Some((main, _)) => main.draw(rng),
            None => "",
        }
    }

    /// `clause` with some content words replaced by draws, sometimes followed by a phrase
    /// (after `, `); `year` is the adoption year, so no reference postdates the document.
    pub fn mix(&self, rng: &mut Rng, clause: &str, year: i32) -> String {
        let mut out = String::with_capacity(clause.len() + 48);
        for (i, token) in clause.split(' ').enumerate() {
            if i > 0 {
                out.push(' ');
            }
            if is_content_word(token) && rng.chance(REPLACED) {
                out.push_str(self.word(rng));
            } else {
                out.push_str(token);
            }
        }
        if rng.chance(PHRASE) {
            out.push_str(", ");
            self.phrase(rng, year, &mut out);
        }
        out
    }

    /// Drawn words in a few constructions, a person's name, a reference to a resolution or a
    /// document symbol, an amount, a percentage, or a title in the other language.
    fn phrase(&self, rng: &mut Rng, year: i32, out: &mut String) {
        let year = year.max(1946);
        let past = |rng: &mut Rng| rng.range(1945, year as u32);
        let text = match rng.below(10) {
            0 | 1 => format!("notamment {} et {}", self.word(rng), self.word(rng)),
            2 => format!(
                "y compris {} {} {}",
                self.word(rng),
                self.word(rng),
                self.word(rng)
            ),
            3 => format!(
                "comme l’a souligné {} {} {}",
                rng.pick(&["M.", "Mme"]),
                name(self.word(rng)),
                name(self.word(rng))
            ),
            4 => format!(
                "conformément à la résolution {} ({}) du Conseil de sécurité",
                rng.range(1, 2800),
                past(rng)
            ),
            5 => format!(
                "au paragraphe {} du document A/HRC/{}/L.{}",
                rng.range(1, 120),
                rng.range(1, 60),
                rng.range(1, 60)
            ),
            6 => format!(
                "soit {} {:03} {:03} dollars des États-Unis",
                rng.range(1, 999),
                rng.range(0, 999),
                rng.range(0, 999)
            ),
            7 => format!(
                "à hauteur de {},{} % en {}",
                rng.range(1, 99),
                rng.range(1, 9),
                past(rng)
            ),
            8 => format!(
                "dans le rapport intitulé « {} {} {} »",
                name(self.foreign_word(rng)),
                self.foreign_word(rng),
                self.foreign_word(rng)
            ),
            _ => format!("au sujet de {} {}", name(self.word(rng)), self.word(rng)),
        };
        out.push_str(&text);
    }
}

/// A lower-case word of four letters or more, no punctuation: one a draw may replace.
fn is_content_word(token: &str) -> bool {
    token.chars().count() >= 4 && token.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
}

/// `waregem` → `Waregem`.
fn name(word: &str) -> String {
    super::capitalize(word)
}

/// The distinct words of the generated paragraphs, folded and cut as the index cuts them.
#[derive(Default)]
pub struct Distinct {
    words: HashSet<String>,
}

impl Distinct {
    /// The distinct folded words of some texts (one document's paragraphs).
    pub fn of<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<String> {
        let mut folded = String::new();
        let mut seen: HashSet<&str> = HashSet::new();
        let mut buffer = String::new();
        for text in texts {
            buffer.clear();
            fold_into(text, &mut buffer);
            folded.push_str(&buffer);
            folded.push(' ');
        }
        for word in words(&folded) {
            seen.insert(word);
        }
        seen.into_iter().map(str::to_string).collect()
    }

    pub fn add(&mut self, words: Vec<String>) {
        self.words.extend(words);
    }

    /// Distinct words, and how many of them hold no digit.
    pub fn counts(&self) -> (usize, usize) {
        let letters = self
            .words
            .iter()
            .filter(|w| !w.bytes().any(|b| b.is_ascii_digit()))
            .count();
        (self.words.len(), letters)
    }
}
