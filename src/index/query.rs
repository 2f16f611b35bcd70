//! The search query language: `coop | solidarite "droits de l'homme" s:40..46 c:fra=no` parsed
//! once into a [`Query`] (terms and filters), plus the pure tests the index runs with it.
//!
//! Parsing never fails: what cannot be understood is searched as text or dropped, and a hint
//! says so. Everything is folded with [`fold`] first, so case, accents, apostrophe and dash
//! variants never matter. A `"` anywhere in a word opens a quoted span that runs to the next `"`
//! (or the end); `“ ” « »` count as `"`.

use std::ops::RangeInclusive;
use std::str::FromStr;

use chrono::Datelike;

use crate::corpus::countries::{self, lookup};
use crate::corpus::model::{Ballot, Body, Language, ParagraphKind, Resolution, Vote};
use crate::corpus::symbol::{Series, Symbol};
use crate::index::recorded::{self, RollCallSource, RollCallSources, VoteKey};
use crate::text::fold::{fold, words};

/// How a term meets a paragraph's folded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    /// `coop`: scored by the fuzzy matcher (never negated: `!coop` is a negated `Exact`).
    Fuzzy,
    /// `'coop`: substring.
    Exact,
    /// `^decide`: the paragraph starts with it.
    Prefix,
    /// `question$`: the paragraph ends with it.
    Suffix,
    /// `^text$`: the whole paragraph.
    Whole,
    /// `"a phrase"`: these whole words, consecutive (`"vaccins"` is a whole-word search).
    Phrase,
}

/// One word or phrase of the query, folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub text: String,
    pub kind: TermKind,
    /// `!term`: the paragraph must not match it.
    pub negated: bool,
}

/// Restrictions that are not text: which documents, which paragraphs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub sessions: Option<RangeInclusive<u32>>,
    pub years: Option<RangeInclusive<i32>>,
    pub body: Option<Body>,
    /// Every one must hold (`c:fra c:deu` = both voted).
    pub countries: Vec<CountryFilter>,
    pub paragraph_kind: Option<ParagraphKind>,
    /// Folded, in the canonical spelling when it reads as a symbol or a number
    /// (`a/res/2453 (xxiii)`); a substring of the symbol or the number, as printed or canonical.
    pub symbol: Option<String>,
    pub language: Option<Language>,
    /// `v:recorded`, `v:none`.
    pub vote: Option<VoteKey>,
    /// `src:undl`: a roll call read from that source.
    pub source: Option<RollCallSource>,
}

/// `c:fra=no`: a country listed in the recorded vote, and optionally how it voted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryFilter {
    /// ISO alpha-3 code when the name resolved to exactly one country.
    pub code: Option<String>,
    /// The name as typed, folded and unquoted; matched against vote-list names when `code` is
    /// `None`.
    pub raw: String,
    pub ballot: Option<Ballot>,
}

/// A parsed query: an AND of OR-groups of terms, filters, and hints for the user.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub groups: Vec<Vec<Term>>,
    pub filters: Filters,
    /// What was not understood and what was done instead, one sentence each, no duplicates.
    pub hints: Vec<String>,
}

impl Query {
    /// The query asks about roll calls (`v:`, `src:`): the vote store's sources answer it.
    pub fn asks_roll_calls(&self) -> bool {
        self.filters.vote.is_some() || self.filters.source.is_some()
    }

    /// No terms and no filters: everything matches.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty() && self.filters == Filters::default()
    }

    /// Terms a paragraph should contain (the ones to score and highlight).
    pub fn positive_terms(&self) -> impl Iterator<Item = &Term> {
        self.groups.iter().flatten().filter(|t| !t.negated)
    }

    /// Terms a paragraph must not contain.
    pub fn negative_terms(&self) -> impl Iterator<Item = &Term> {
        self.groups.iter().flatten().filter(|t| t.negated)
    }
}

impl Term {
    /// Whether `folded_text` matches this term's kind, ignoring `negated` (see [`Term::accepts`]).
    /// `Fuzzy` tests a plain substring: fuzzy scoring belongs to the search module. `Prefix`,
    /// `Suffix` and `Whole` also accept the text without the punctuation and spaces around it
    /// (`…de la question.` ends with `question`; `« a ».` is wholly `a`).
    pub fn matches(&self, folded_text: &str) -> bool {
        let text = self.text.as_str();
        match self.kind {
            TermKind::Fuzzy | TermKind::Exact => folded_text.contains(text),
            TermKind::Prefix => {
                let start = folded_text.trim_start_matches(|c: char| !c.is_alphanumeric());
                folded_text.starts_with(text) || start.starts_with(text)
            }
            TermKind::Suffix => {
                let end = folded_text.trim_end_matches(|c: char| !c.is_alphanumeric());
                folded_text.ends_with(text) || end.ends_with(text)
            }
            TermKind::Whole => {
                let inner = folded_text.trim_matches(|c: char| !c.is_alphanumeric());
                folded_text == text || inner == text
            }
            TermKind::Phrase => contains_phrase(folded_text, text),
        }
    }

    /// `matches`, inverted for a negated term: whether the paragraph passes this term.
    pub fn accepts(&self, folded_text: &str) -> bool {
        self.matches(folded_text) != self.negated
    }
}

fn contains_phrase(text: &str, phrase: &str) -> bool {
    let wanted: Vec<&str> = words(phrase).collect();
    if wanted.is_empty() {
        return text.contains(phrase);
    }
    let have: Vec<&str> = words(text).collect();
    have.windows(wanted.len()).any(|w| w == wanted.as_slice())
}

impl Filters {
    /// Whether a document passes every document-level filter (all but the paragraph kind). A
    /// document missing the field a filter asks about (no session, no vote…) does not pass.
    /// `v:` and `src:` know only the text's own vote here: see
    /// [`Filters::accepts_document_with`].
    pub fn accepts_document(&self, r: &Resolution) -> bool {
        self.accepts_document_with(r, &RollCallSources::default())
    }

    /// [`Filters::accepts_document`], with the roll calls of imported records for `v:` and
    /// `src:`.
    pub fn accepts_document_with(&self, r: &Resolution, sources: &RollCallSources) -> bool {
        let symbol_ok = |wanted: &String| {
            let as_printed = [&r.symbol, &r.number]
                .into_iter()
                .flatten()
                .any(|s| fold(s).contains(wanted.as_str()));
            // A symbol printed another way (`A/RES/2453(XXIII)`) meets its canonical spelling.
            as_printed
                || r.parsed_symbol()
                    .is_some_and(|s| s.to_string().to_ascii_lowercase().contains(wanted.as_str()))
        };
        within(self.sessions.as_ref(), r.session)
            && within(self.years.as_ref(), r.adopted_on.map(|d| d.year()))
            && (self.body.is_none() || self.body == r.body)
            && (self.language.is_none() || self.language == r.language)
            && self.symbol.as_ref().is_none_or(symbol_ok)
            && self.countries.iter().all(|c| c.accepts(r.vote.as_ref()))
            && self
                .vote
                .is_none_or(|key| recorded::accepts_vote(r, key, sources))
            && self
                .source
                .is_none_or(|source| recorded::accepts_source(r, source, sources))
    }

    pub fn accepts_paragraph_kind(&self, kind: ParagraphKind) -> bool {
        self.paragraph_kind.is_none_or(|wanted| wanted == kind)
    }
}

fn within<T: PartialOrd>(range: Option<&RangeInclusive<T>>, value: Option<T>) -> bool {
    range.is_none_or(|r| value.is_some_and(|v| r.contains(&v)))
}

impl CountryFilter {
    /// Listed in `vote` (with the wanted ballot); an unresolved name matches every listed name
    /// that contains it, so `c:guin` finds any Guinea.
    pub fn accepts(&self, vote: Option<&Vote>) -> bool {
        let Some(vote) = vote else { return false };
        let wanted = |b: Ballot| self.ballot.is_none_or(|w| w == b);
        match &self.code {
            Some(code) => vote.ballot_of(code).is_some_and(wanted),
            None => vote
                .ballots()
                .any(|(c, b)| wanted(b) && fold(&c.name).contains(self.raw.as_str())),
        }
    }
}

/// The known `key:` scopes; each has its short key, used in hints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    Session,
    Year,
    Body,
    Country,
    Operative,
    Preambular,
    Symbol,
    Language,
    Vote,
    Source,
}

impl Scope {
    fn from_key(key: &str) -> Option<Scope> {
        Some(match key {
            "s" | "session" => Scope::Session,
            "y" | "year" | "annee" => Scope::Year,
            "b" | "body" | "organe" => Scope::Body,
            "c" | "country" | "pays" => Scope::Country,
            "op" => Scope::Operative,
            "pp" => Scope::Preambular,
            "sym" | "symbol" | "symbole" => Scope::Symbol,
            "lang" | "language" | "langue" => Scope::Language,
            "v" | "vote" => Scope::Vote,
            "src" | "source" => Scope::Source,
            _ => return None,
        })
    }

    fn key(self) -> &'static str {
        match self {
            Scope::Session => "s:",
            Scope::Year => "y:",
            Scope::Body => "b:",
            Scope::Country => "c:",
            Scope::Operative | Scope::Preambular => "op:/pp:",
            Scope::Symbol => "sym:",
            Scope::Language => "lang:",
            Scope::Vote => "v:",
            Scope::Source => "src:",
        }
    }
}

/// The longest run of extra words an unquoted country name may take (`c:united kingdom of …`).
const MAX_COUNTRY_WORDS: usize = 8;

/// At most this many terms and country filters (atoms) are used; the rest are ignored, with
/// [`too_many_atoms`] as a hint. A search costs about its atoms times the paragraphs it reads,
/// so a pasted page of `a | b | …` must not make one keystroke cost minutes.
pub const MAX_ATOMS: usize = 64;

/// At most this many bytes of a query are read (cut at a character boundary); the rest is
/// ignored, with [`too_many_bytes`] as a hint. Bounds the parser's work and the hints' size.
pub const MAX_QUERY_BYTES: usize = 4096;

/// The hint for a query of more than [`MAX_ATOMS`] atoms.
pub fn too_many_atoms() -> String {
    format!("query too long: only the first {MAX_ATOMS} terms are used")
}

/// The hint for a query of more than [`MAX_QUERY_BYTES`] bytes.
pub fn too_many_bytes() -> String {
    format!("query too long: only the first {MAX_QUERY_BYTES} bytes are used")
}

/// Parse what the user typed. Never fails; see [`Query::hints`].
pub fn parse(input: &str) -> Query {
    let (input, cut) = bounded(input);
    let (tokens, unclosed) = tokenize(&prepare(input));
    let mut parser = Parser::default();
    let mut rest = tokens.as_slice();
    while let Some((token, tail)) = rest.split_first() {
        rest = parser.token(token, tail);
    }
    if parser.or_pending {
        parser.hint(STRAY_PIPE.to_string());
    }
    if unclosed {
        parser.hint("unclosed quote: read to the end".to_string());
    }
    if cut {
        parser.hint(too_many_bytes());
    }
    parser.query
}

/// The first [`MAX_QUERY_BYTES`] of `input` (less, to end on a character), and whether it was
/// cut.
fn bounded(input: &str) -> (&str, bool) {
    if input.len() <= MAX_QUERY_BYTES {
        return (input, false);
    }
    let mut end = MAX_QUERY_BYTES;
    while !input.is_char_boundary(end) {
        end -= 1;
    }
    (&input[..end], true)
}

const STRAY_PIPE: &str = "\"|\" needs a term on each side; ignored";

/// Fold, turn typographic double quotes into `"`, drop invisible characters.
fn prepare(input: &str) -> String {
    fold(input)
        .chars()
        .filter_map(|c| match c {
            '“' | '”' | '„' | '‟' | '«' | '»' => Some('"'),
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => None,
            c if c.is_control() => Some(' '),
            c => Some(c),
        })
        .collect()
}

/// Split on spaces outside quotes; quotes stay in the tokens. Also says whether a quote was left
/// open.
fn tokenize(text: &str) -> (Vec<String>, bool) {
    let mut tokens = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in text.chars() {
        if c == ' ' && !quoted {
            if !current.is_empty() {
                tokens.push(std::mem::take(&mut current));
            }
            continue;
        }
        quoted ^= c == '"';
        current.push(c);
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    (tokens, quoted)
}

/// Quotes become spaces, spaces are collapsed: `"cote  d'ivoire"` → `cote d'ivoire`.
fn unquote(text: &str) -> String {
    text.replace('"', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `key:value` when `key` is a run of letters (so `10:30`, `'a:b` and `"s:44"` are text).
fn split_scope(token: &str) -> Option<(&str, &str)> {
    let (key, value) = token.split_once(':')?;
    let is_key = !key.is_empty() && key.bytes().all(|b| b.is_ascii_lowercase());
    is_key.then_some((key, value))
}

/// One atom (`!'x`, `^x`, `x$`, `"a b"`, `x`) as a term, or the hint saying why it is ignored.
fn atom(raw: &str) -> Result<Term, String> {
    let (negated, body) = match raw.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, raw),
    };
    let (exact, body) = match body.strip_prefix('\'') {
        Some(rest) => (true, rest),
        None => (false, body),
    };
    let (prefix, body) = match body.strip_prefix('^').filter(|_| !exact) {
        Some(rest) => (true, rest),
        None => (false, body),
    };
    let (suffix, body) = match body.strip_suffix('$').filter(|_| !exact) {
        Some(rest) => (true, rest),
        None => (false, body),
    };
    let text = unquote(body);
    if text.is_empty() {
        return Err(if raw.contains('"') {
            "empty quotes ignored".to_string()
        } else {
            format!("empty term \"{raw}\" ignored")
        });
    }
    let kind = match (exact, prefix, suffix) {
        (true, ..) => TermKind::Exact,
        (_, true, true) => TermKind::Whole,
        (_, true, false) => TermKind::Prefix,
        (_, false, true) => TermKind::Suffix,
        _ if body.contains('"') => TermKind::Phrase,
        // As in fzf, a negated word is never fuzzy: `!x` means "does not contain x".
        _ if negated => TermKind::Exact,
        _ => TermKind::Fuzzy,
    };
    Ok(Term {
        text,
        kind,
        negated,
    })
}

/// `name=ballot` split at the first `=`.
fn split_ballot(value: &str) -> (&str, Option<&str>) {
    match value.split_once('=') {
        Some((name, ballot)) => (name, Some(ballot)),
        None => (value, None),
    }
}

fn parse_ballot(word: &str) -> Option<Ballot> {
    match word {
        "yes" | "y" | "pour" | "oui" | "for" => Some(Ballot::Yes),
        "no" | "n" | "contre" | "non" | "against" => Some(Ballot::No),
        "abstain" | "a" | "abstention" | "abs" => Some(Ballot::Abstain),
        _ => None,
    }
}

/// An unquoted country value takes the following plain words when together they are an exact
/// country name (longest wins): `c:cote d'ivoire=no`, `c:guinee equatoriale`. Returns the value
/// and how many extra tokens it used.
fn extend_country(first: &str, tail: &[String]) -> (String, usize) {
    if first.contains('"') {
        return (first.to_string(), 0);
    }
    let plain = |w: &&String| !w.contains([':', '"', '|']) && !w.starts_with(['!', '\'', '^']);
    let available = tail
        .iter()
        .take(MAX_COUNTRY_WORDS)
        .take_while(plain)
        .count();
    for extra in (1..=available).rev() {
        let mut joined = first.to_string();
        for word in &tail[..extra] {
            joined.push(' ');
            joined.push_str(word);
        }
        let (name, ballot) = split_ballot(&joined);
        if ballot.is_none_or(|b| !b.contains(' ')) && lookup(name).is_some() {
            return (joined, extra);
        }
    }
    (first.to_string(), 0)
}

/// Symbols are typed with spaces (`sym:A/RES/2453 (XXIII)`, `sym:217 A (III)`): an unquoted
/// value takes the next word when it opens a parenthesis (and a part letter before it) and
/// together they read as a symbol or a number. Returns the value and how many words it used.
fn extend_symbol(first: &str, tail: &[String]) -> (String, usize) {
    let opens = |w: &String| w.starts_with('(');
    let letter = |w: &String| w.len() == 1 && w.bytes().all(|b| b.is_ascii_alphabetic());
    let extra = match tail {
        _ if first.contains('"') => 0,
        [next, ..] if opens(next) => 1,
        [part, next, ..] if letter(part) && opens(next) => 2,
        _ => 0,
    };
    let mut joined = first.to_string();
    for word in &tail[..extra] {
        joined.push(' ');
        joined.push_str(word);
    }
    if extra > 0 && canonical_symbol(&joined).is_some() {
        (joined, extra)
    } else {
        (first.to_string(), 0)
    }
}

/// A symbol in its canonical spelling (`A/RES/2453 (XXIII)`), or a number read in any series
/// (`2453 (XXIII)`, `2334 (2016)`, `44/18`).
fn canonical_symbol(value: &str) -> Option<String> {
    if let Some(symbol) = Symbol::parse(value) {
        return Some(symbol.to_string());
    }
    let short = Series::ALL
        .into_iter()
        .find_map(|s| Symbol::parse_short(value, s));
    short.map(|symbol| symbol.number())
}

/// The `sym:` value as matched: canonical and folded when it reads as a symbol or number.
fn symbol_text(value: &str) -> String {
    canonical_symbol(value).map_or_else(|| value.to_string(), |c| c.to_ascii_lowercase())
}

/// Parse `44`, `40..46`, `..46`, `40..` (or `40-46`); `50..40` gives an empty range.
fn parse_range<T: FromStr + PartialOrd>(value: &str, min: T, max: T) -> Option<RangeInclusive<T>> {
    let bound = |text: &str, open: T| match text {
        "" => Some(open),
        _ => text.parse().ok(),
    };
    let (low, high) = match value.split_once("..").or_else(|| value.split_once('-')) {
        Some(("", "")) => return None,
        Some((low, high)) => (bound(low, min)?, bound(high, max)?),
        None => (value.parse().ok()?, value.parse().ok()?),
    };
    Some(low..=high)
}

/// A range that is well formed and not empty.
fn range<T: FromStr + PartialOrd>(value: &str, min: T, max: T) -> Option<RangeInclusive<T>> {
    parse_range(value, min, max).filter(|r| !r.is_empty())
}

/// Store `value` in `slot` when there is one; whether it did.
fn put<T>(slot: &mut Option<T>, value: Option<T>) -> bool {
    let understood = value.is_some();
    if understood {
        *slot = value;
    }
    understood
}

#[derive(Default)]
struct Parser {
    query: Query,
    /// A `|` was read and waits for the atom it joins to the previous group.
    or_pending: bool,
    /// Filters set so far, to say when a later one replaces an earlier one.
    seen: Vec<Scope>,
    /// Terms and country filters kept so far (at most [`MAX_ATOMS`]).
    atoms: usize,
}

impl Parser {
    fn hint(&mut self, hint: String) {
        if !self.query.hints.contains(&hint) {
            self.query.hints.push(hint);
        }
    }

    /// Read one token (and the words a country name takes); returns what is left.
    fn token<'a>(&mut self, token: &str, tail: &'a [String]) -> &'a [String] {
        if token == "|" {
            if self.or_pending || self.query.groups.is_empty() {
                self.hint(STRAY_PIPE.to_string());
            } else {
                self.or_pending = true;
            }
            return tail;
        }
        if let Some((key, value)) = split_scope(token) {
            match Scope::from_key(key) {
                Some(Scope::Country) => return self.country(value, tail),
                Some(Scope::Symbol) => return self.symbol(value, tail),
                Some(scope) => {
                    self.scope(scope, value);
                    return tail;
                }
                None => self.hint(format!("unknown scope \"{key}:\" searched as text")),
            }
        }
        self.atom(token);
        tail
    }

    /// Count one more atom; false (and the hint) once [`MAX_ATOMS`] are taken.
    fn take_atom(&mut self) -> bool {
        if self.atoms >= MAX_ATOMS {
            self.hint(too_many_atoms());
            return false;
        }
        self.atoms += 1;
        true
    }

    fn atom(&mut self, raw: &str) {
        match atom(raw) {
            Err(hint) => self.hint(hint),
            // Ignored, with its `|`: what follows starts a new group, as after any dropped atom.
            Ok(_) if !self.take_atom() => self.or_pending = false,
            Ok(term) => match self.query.groups.last_mut() {
                Some(group) if self.or_pending => {
                    group.push(term);
                    self.or_pending = false;
                }
                _ => self.query.groups.push(vec![term]),
            },
        }
    }

    /// Note that `scope` is being set; a second setting replaces the first.
    fn set(&mut self, scope: Scope) {
        let slot = scope.key();
        if self.seen.iter().any(|s| s.key() == slot) {
            self.hint(format!("{slot} given twice; the last one wins"));
        }
        self.seen.push(scope);
    }

    fn scope(&mut self, scope: Scope, value: &str) {
        if let Scope::Operative | Scope::Preambular = scope {
            self.set(scope);
            self.query.filters.paragraph_kind = Some(match scope {
                Scope::Operative => ParagraphKind::Operative,
                _ => ParagraphKind::Preambular,
            });
            // `op:decide` = operative paragraphs containing `decide`.
            if !value.is_empty() {
                self.atom(value);
            }
            return;
        }
        let value = unquote(value);
        let key = scope.key();
        if value.is_empty() {
            return self.hint(format!("{key} needs a value; ignored"));
        }
        let filters = &mut self.query.filters;
        let understood = match scope {
            Scope::Session => put(&mut filters.sessions, range(&value, 0, u32::MAX)),
            Scope::Year => put(&mut filters.years, range(&value, i32::MIN, i32::MAX)),
            Scope::Body => put(
                &mut filters.body,
                match value.as_str() {
                    "hrc" | "cdh" => Some(Body::Hrc),
                    "ga" | "ag" => Some(Body::Ga),
                    "sc" | "cs" => Some(Body::Sc),
                    "chr" => Some(Body::Chr),
                    "ecosoc" => Some(Body::Ecosoc),
                    _ => None,
                },
            ),
            Scope::Language => put(
                &mut filters.language,
                match value.as_str() {
                    "fr" | "francais" | "french" => Some(Language::FR),
                    "en" | "anglais" | "english" => Some(Language::EN),
                    // Any other language a lexicon is built in for.
                    code => crate::corpus::lexicon::Lexicons::builtin()
                        .get(code)
                        .map(|l| l.language),
                },
            ),
            Scope::Vote => put(
                &mut filters.vote,
                match value.as_str() {
                    "recorded" | "rec" | "enregistre" => Some(VoteKey::Recorded),
                    "none" | "without" | "sans" => Some(VoteKey::Without),
                    _ => None,
                },
            ),
            Scope::Source => put(&mut filters.source, RollCallSource::parse(&value)),
            // `Scope::Symbol`; countries and paragraph kinds do not come here.
            _ => put(&mut filters.symbol, Some(symbol_text(&value))),
        };
        if understood {
            self.set(scope);
        } else {
            self.bad_value(scope, &value);
        }
    }

    fn bad_value(&mut self, scope: Scope, value: &str) {
        let key = scope.key();
        let reversed = parse_range(value, i64::MIN, i64::MAX).is_some_and(|r| r.is_empty());
        self.hint(match scope {
            Scope::Session | Scope::Year if reversed => {
                format!("empty range \"{value}\" for {key} (start after end); ignored")
            }
            Scope::Session => {
                format!("bad value \"{value}\" for s: (try s:44 or s:40..46); ignored")
            }
            Scope::Year => {
                format!("bad value \"{value}\" for y: (try y:2020 or y:2018..2021); ignored")
            }
            Scope::Body => format!(
                "unknown body \"{value}\" (try b:hrc, b:ga, b:sc, b:chr or b:ecosoc); ignored"
            ),
            Scope::Vote => {
                format!("unknown vote \"{value}\" (try v:recorded or v:none); ignored")
            }
            Scope::Source => format!(
                "unknown source \"{value}\" (try src:text, src:undl or src:voeten); ignored"
            ),
            _ => format!("unknown language \"{value}\" (try lang:fr or lang:en); ignored"),
        });
    }

    /// `sym:` with the words a spaced symbol takes (`sym:A/RES/2453 (XXIII)`).
    fn symbol<'a>(&mut self, value: &str, tail: &'a [String]) -> &'a [String] {
        let (value, used) = extend_symbol(value, tail);
        self.scope(Scope::Symbol, &value);
        &tail[used..]
    }

    fn country<'a>(&mut self, value: &str, tail: &'a [String]) -> &'a [String] {
        let (value, used) = extend_country(value, tail);
        let (name, ballot) = split_ballot(&value);
        let name = unquote(name);
        if name.is_empty() {
            self.hint("c: needs a country; ignored".to_string());
            return &tail[used..];
        }
        let ballot = ballot.and_then(|word| {
            let ballot = parse_ballot(word);
            if ballot.is_none() {
                self.hint(format!(
                    "unknown vote \"={word}\" (try =yes, =no or =abstain); ignored"
                ));
            }
            ballot
        });
        if !self.take_atom() {
            return &tail[used..];
        }
        let code = self.resolve_country(&name);
        let filter = CountryFilter {
            code,
            raw: name,
            ballot,
        };
        self.query.filters.countries.push(filter);
        &tail[used..]
    }

    /// The code of the one country `name` means; otherwise `None` and a hint.
    fn resolve_country(&mut self, name: &str) -> Option<String> {
        match countries::resolve(name) {
            Ok(country) => Some(country.code.to_string()),
            Err(why) => {
                self.hint(why.describe(name, 5));
                None
            }
        }
    }
}

/// The query language by example, for `resolu --help`, the manual page and the help overlay:
/// what is typed and what it means.
pub const EXAMPLES: &[(&str, &str)] = &[
    ("coop", "fuzzy: words starting so, typos forgiven"),
    ("'operation", "exact substring, also inside a word"),
    ("^decide  question$", "the paragraph starts / ends with it"),
    ("\"droits de l'homme\"", "these words, consecutive"),
    ("!covid", "the paragraph must not contain it"),
    ("solidarite | cooperation", "either"),
    ("s:44  s:40..46", "session"),
    ("y:2020  y:2018..2021", "adoption year"),
    ("b:hrc  b:ga", "body (also b:sc, b:chr, b:ecosoc)"),
    (
        "c:fra  c:\"cote d'ivoire\"",
        "a country named in the recorded vote",
    ),
    ("c:fra=no", "… and how it voted (=yes, =no, =abstain)"),
    ("op:  pp:", "operative or preambular paragraphs only"),
    (
        "sym:44/18  lang:fr",
        "symbol or number (any spelling), language",
    ),
    (
        "v:recorded  v:none",
        "adopted by a recorded vote / without a vote",
    ),
    (
        "src:text  src:undl  src:voeten",
        "a roll call from the text / imported records",
    ),
];

#[cfg(test)]
#[path = "query/tests.rs"]
mod tests;
