//! Reading a query: the `key:` scopes, the limit on its terms, and the parser that turns
//! tokens into terms and filters, with a hint for whatever it could not use.

use super::words::{
    atom, bounded, extend_country, extend_symbol, parse_ballot, parse_range, prepare, range,
    split_ballot, split_scope, symbol_text, tokenize, too_many_bytes, unquote,
};
use super::{CountryFilter, Query};
use crate::corpus::countries;
use crate::corpus::model::{Body, Language, ParagraphKind};
use crate::index::recorded::{RollCallSource, VoteKey};

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

/// At most this many terms and country filters (atoms) are used; the rest are ignored, with
/// [`too_many_atoms`] as a hint. A search costs about its atoms times the paragraphs it reads,
/// so a pasted page of `a | b | …` must not make one keystroke cost minutes.
pub const MAX_ATOMS: usize = 64;

/// The hint for a query of more than [`MAX_ATOMS`] atoms.
pub fn too_many_atoms() -> String {
    format!("query too long: only the first {MAX_ATOMS} terms are used")
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

const STRAY_PIPE: &str = "\"|\" needs a term on each side; ignored";

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
