//! The country table: every UN Member State, the two observer States and the historical members
//! of old vote lists, with their ISO 3166-1 alpha-3 codes, UN English and French short names and
//! aliases (read from `countries.tsv` at compile time), and name resolution over them.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::corpus::model::Language;
use crate::text::fold::fold;
use unicode_normalization::char::is_combining_mark;

/// The data file: a header line, then `code`, `en`, `fr`, `aliases` (`|`-separated), tab-separated.
const TSV: &str = include_str!("countries.tsv");

/// Codes of States that no longer exist (their ISO codes were withdrawn).
const HISTORICAL: [&str; 6] = ["SUN", "YUG", "SCG", "CSK", "DDR", "YMD"];

/// Codes of the non-member observer States.
const OBSERVERS: [&str; 2] = ["VAT", "PSE"];

/// Leading articles dropped from a matching key (`la France`, `l’Inde`, `the Sudan`).
const ARTICLES: [&str; 5] = ["le", "la", "les", "l", "the"];

/// One State as the UN names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-3 code (`FRA`; the withdrawn code for historical States: `SUN`).
    pub code: &'static str,
    /// UN English short name as printed in vote lists.
    pub en: &'static str,
    /// UN French short name as printed in vote lists.
    pub fr: &'static str,
    /// Other spellings, short forms, article forms and former names, English and French.
    pub aliases: Vec<&'static str>,
}

impl Country {
    /// The official short name in `language`.
    pub fn name(&self, language: Language) -> &'static str {
        // Names beyond English and French are not in the table: English is the fallback.
        if language == Language::FR {
            self.fr
        } else {
            self.en
        }
    }

    /// Whether this State no longer exists (USSR, Yugoslavia, …).
    pub fn is_historical(&self) -> bool {
        HISTORICAL.contains(&self.code)
    }

    /// Whether this is a non-member observer State (Holy See, State of Palestine).
    pub fn is_observer(&self) -> bool {
        OBSERVERS.contains(&self.code)
    }

    /// Every name of this country: English, French, then the aliases.
    fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        [self.en, self.fr]
            .into_iter()
            .chain(self.aliases.iter().copied())
    }
}

/// The parsed table and the indexes built over it.
struct Table {
    countries: Vec<Country>,
    /// Matching key of every name → index in `countries` (the first row wins on a clash).
    by_key: HashMap<String, usize>,
    /// Per country, the distinct matching keys of its names, for prefix search.
    keys: Vec<Vec<String>>,
    /// Letters and digits in the longest key.
    longest_key: usize,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| build(TSV));

/// Whether `code` looks like an ISO alpha-3 code: three ASCII capital letters.
fn is_code(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// Parse one data row; `None` for a header, blank or malformed row (the unit tests make sure
/// the shipped file has none of the last kind).
fn parse_row(line: &'static str) -> Option<Country> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    let mut fields = line.split('\t');
    let code = fields.next()?.trim();
    let en = fields.next()?.trim();
    let fr = fields.next()?.trim();
    let aliases = fields.next()?;
    if fields.next().is_some() || !is_code(code) || en.is_empty() || fr.is_empty() {
        return None;
    }
    let aliases = aliases
        .split('|')
        .map(str::trim)
        .filter(|alias| !alias.is_empty())
        .collect();
    Some(Country {
        code,
        en,
        fr,
        aliases,
    })
}

fn build(tsv: &'static str) -> Table {
    let countries: Vec<Country> = tsv.lines().filter_map(parse_row).collect();
    let mut by_key = HashMap::new();
    let mut keys = Vec::with_capacity(countries.len());
    for (index, country) in countries.iter().enumerate() {
        let mut own: Vec<String> = Vec::new();
        for name in country.names() {
            let key = key(name);
            if key.is_empty() {
                continue;
            }
            by_key.entry(key.clone()).or_insert(index);
            if !own.contains(&key) {
                own.push(key);
            }
        }
        keys.push(own);
    }
    let longest_key = by_key.keys().map(|k| letters(k)).max().unwrap_or(0);
    Table {
        countries,
        by_key,
        keys,
        longest_key,
    }
}

/// Letters and digits of `text`, accents (combining marks) apart.
fn letters(text: &str) -> usize {
    text.chars()
        .filter(|&c| c.is_alphanumeric() && !is_combining_mark(c))
        .count()
}

/// `text` has more than `most` letters and digits (counted no further than that).
fn letters_beyond(text: &str, most: usize) -> bool {
    text.chars()
        .filter(|&c| c.is_alphanumeric() && !is_combining_mark(c))
        .nth(most)
        .is_some()
}

/// The matching key of a name: folded (case, accents, apostrophe and dash variants), every
/// character that is not a letter or digit turned into a space (`-`, `'`, `.`, `,`, brackets),
/// spaces collapsed, and a leading article (`le`, `la`, `les`, `l'`, `the`) dropped when
/// something follows it. `Côte-d’Ivoire` and `COTE D IVOIRE` both give `cote d ivoire`.
fn key(name: &str) -> String {
    let spaced: String = fold(name)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let mut words: Vec<&str> = spaced.split_whitespace().collect();
    if words.len() > 1 && ARTICLES.contains(&words[0]) {
        words.remove(0);
    }
    words.join(" ")
}

/// Every State in the table, in file order.
pub fn all() -> &'static [Country] {
    &TABLE.countries
}

/// The country with ISO alpha-3 `code` (case-insensitive).
pub fn by_code(code: &str) -> Option<&'static Country> {
    let code = code.trim();
    all().iter().find(|c| c.code.eq_ignore_ascii_case(code))
}

/// Resolve a name as written in a document (French or English, any case, with or without accents,
/// any apostrophe (’ ' ʼ ‘), hyphens or spaces, with or without a leading article le/la/les/l’/the,
/// whitespace and line breaks collapsed) to its country.
pub fn lookup(name: &str) -> Option<&'static Country> {
    let table = &*TABLE;
    // Each letter or digit of a name stays one or more in its key (folding keeps base letters
    // and drops only accents), and an article takes away a few at most: a longer name names no
    // country, and is not folded (a vote list's piece can be a page of text, looked up
    // piece by piece).
    let article = ARTICLES.iter().map(|a| a.len()).max().unwrap_or(0);
    let most = table.longest_key + article;
    if letters_beyond(name, most) {
        return None;
    }
    table
        .by_key
        .get(&key(name))
        .and_then(|&index| table.countries.get(index))
}

/// Why what a user typed names no one State.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unresolved {
    NoMatch,
    /// Every State it could be, best first.
    Ambiguous(Vec<&'static Country>),
}

/// A country typed by a user, on the command line (`votes COUNTRY`) or in a query (`c:guin`):
/// the one State it names (see [`candidates`]), or why not.
pub fn resolve(input: &str) -> Result<&'static Country, Unresolved> {
    match candidates(input).as_slice() {
        [one] => Ok(one),
        [] => Err(Unresolved::NoMatch),
        many => Err(Unresolved::Ambiguous(many.to_vec())),
    }
}

impl Unresolved {
    /// One sentence for the user: `no country matches "narnia"`, or
    /// `"guin" could be GIN Guinea, GNB Guinea-Bissau, … and 2 more`, naming at most `shown`.
    pub fn describe(&self, input: &str, shown: usize) -> String {
        match self {
            Unresolved::NoMatch => format!("no country matches \"{input}\""),
            Unresolved::Ambiguous(many) => {
                let listed: Vec<String> = many
                    .iter()
                    .take(shown)
                    .map(|c| format!("{} {}", c.code, c.en))
                    .collect();
                let more = match many.len() {
                    n if n > shown => format!(" and {} more", n - shown),
                    _ => String::new(),
                };
                format!("\"{input}\" could be {}{more}", listed.join(", "))
            }
        }
    }
}

/// For user input (a CLI argument or a typed filter): an exact code or exact name/alias match first
/// (one result), else every country whose folded names contain the folded input as a word prefix,
/// e.g. "guin" → Guinea, Guinea-Bissau, Equatorial Guinea, Papua New Guinea; "cote d'ivoire" → [CIV];
/// "fra" → [FRA]; "guinee" → [GIN] (the exact French name wins over the prefix matches).
///
/// Prefix matches are ranked: names that start with the input before names where it starts a
/// later word, then shorter matching names first (`soud` → Sudan before South Sudan), then file
/// order.
pub fn candidates(query: &str) -> Vec<&'static Country> {
    let wanted = key(query);
    if wanted.is_empty() {
        return Vec::new();
    }
    if let Some(country) = by_code(query) {
        return vec![country];
    }
    if let Some(country) = lookup(query) {
        return vec![country];
    }
    let table = &*TABLE;
    let mut ranked: Vec<((bool, usize), &'static Country)> = Vec::new();
    for (country, keys) in table.countries.iter().zip(&table.keys) {
        let best = keys
            .iter()
            .filter_map(|k| {
                if k.starts_with(&wanted) {
                    Some((false, k.len()))
                } else if starts_a_later_word(k, &wanted) {
                    Some((true, k.len()))
                } else {
                    None
                }
            })
            .min();
        if let Some(rank) = best {
            ranked.push((rank, country));
        }
    }
    // A stable sort keeps file order among equal ranks.
    ranked.sort_by_key(|&(rank, _)| rank);
    ranked.into_iter().map(|(_, country)| country).collect()
}

/// Whether `needle` occurs in `haystack` right after a space.
fn starts_a_later_word(haystack: &str, needle: &str) -> bool {
    haystack
        .match_indices(needle)
        .any(|(at, _)| at > 0 && haystack.as_bytes()[at - 1] == b' ')
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn code_of(name: &str) -> Option<&'static str> {
        lookup(name).map(|c| c.code)
    }

    #[test]
    fn the_longest_name_resolves_and_a_page_of_text_is_not_folded() {
        let table = &*TABLE;
        let longest = table
            .countries
            .iter()
            .flat_map(Country::names)
            .max_by_key(|n| letters(n))
            .expect("names");
        let country = lookup(longest).expect("the longest name resolves");
        // Spaces, line breaks, accents written apart and an article change no letter count.
        let spread = format!("the  {}", longest.replace(' ', " \n  "));
        assert_eq!(lookup(&spread).map(|c| c.code), Some(country.code));
        let accented = "Re\u{301}publique  de\nCore\u{301}e";
        assert_eq!(lookup(accented).map(|c| c.code), Some("KOR"));
        assert!(letters(longest) <= table.longest_key);
        let page = format!("{longest} {}", "et la France ".repeat(10_000));
        assert!(letters_beyond(&page, table.longest_key + 3));
        assert_eq!(lookup(&page), None);
    }

    #[test]
    fn resolves_names_as_written() {
        let table: &[(&str, &str)] = &[
            // French names from the sample corpus.
            ("Afghanistan", "AFG"),
            ("Angola", "AGO"),
            ("Argentine", "ARG"),
            ("Arménie", "ARM"),
            ("Bahamas", "BHS"),
            ("Bahreïn", "BHR"),
            ("Bangladesh", "BGD"),
            ("Brésil", "BRA"),
            ("Burkina Faso", "BFA"),
            ("Cameroun", "CMR"),
            ("Chili", "CHL"),
            ("Érythrée", "ERI"),
            ("Fidji", "FJI"),
            ("Îles Marshall", "MHL"),
            ("Inde", "IND"),
            ("Indonésie", "IDN"),
            ("Libye", "LBY"),
            ("Mauritanie", "MRT"),
            ("Namibie", "NAM"),
            ("Népal", "NPL"),
            ("Nigéria", "NGA"),
            ("Pakistan", "PAK"),
            ("Pérou", "PER"),
            ("Philippines", "PHL"),
            ("Qatar", "QAT"),
            ("République démocratique du Congo", "COD"),
            ("Sénégal", "SEN"),
            ("Somalie", "SOM"),
            ("Soudan", "SDN"),
            ("Togo", "TGO"),
            ("Uruguay", "URY"),
            ("Venezuela (République bolivarienne du)", "VEN"),
            ("Allemagne", "DEU"),
            ("Australie", "AUS"),
            ("Autriche", "AUT"),
            ("Bulgarie", "BGR"),
            ("Danemark", "DNK"),
            ("Espagne", "ESP"),
            ("Italie", "ITA"),
            ("Japon", "JPN"),
            ("Pays-Bas", "NLD"),
            ("Pologne", "POL"),
            ("République de Corée", "KOR"),
            ("Slovaquie", "SVK"),
            ("Tchéquie", "CZE"),
            ("Ukraine", "UKR"),
            ("Mexique", "MEX"),
            ("Bolivie (État plurinational de)", "BOL"),
            ("Chine", "CHN"),
            ("Côte d’Ivoire", "CIV"),
            ("Côte d'Ivoire", "CIV"),
            ("Cuba", "CUB"),
            ("Fédération de Russie", "RUS"),
            ("Gabon", "GAB"),
            ("France", "FRA"),
            ("Royaume-Uni de Grande-Bretagne et d’Irlande du Nord", "GBR"),
            ("Royaume-Uni de Grande-Bretagne et d'Irlande du Nord", "GBR"),
            ("Malawi", "MWI"),
            ("Ouzbékistan", "UZB"),
            ("Afrique du Sud", "ZAF"),
            ("Arabie saoudite", "SAU"),
            ("Burundi", "BDI"),
            ("Égypte", "EGY"),
            ("Émirats arabes unis", "ARE"),
            ("Équateur", "ECU"),
            ("Éthiopie", "ETH"),
            ("Iraq", "IRQ"),
            ("Kenya", "KEN"),
            ("Kirghizistan", "KGZ"),
            ("Mongolie", "MNG"),
            ("Panama", "PAN"),
            ("États-Unis d'Amérique", "USA"),
            ("États-Unis d’Amérique", "USA"),
            ("Belgique", "BEL"),
            ("Croatie", "HRV"),
            ("Géorgie", "GEO"),
            ("Hongrie", "HUN"),
            ("Rwanda", "RWA"),
            ("Slovénie", "SVN"),
            ("Suisse", "CHE"),
            // English names from the sample corpus and historical English names.
            ("Bolivia (Plurinational State of)", "BOL"),
            ("Sao Tome and Principe", "STP"),
            ("Russian Federation", "RUS"),
            ("Lao People’s Democratic Republic", "LAO"),
            ("Lao People's Democratic Republic", "LAO"),
            ("Venezuela (Bolivarian Republic of)", "VEN"),
            ("Viet Nam", "VNM"),
            ("Syrian Arab Republic", "SYR"),
            ("Türkiye", "TUR"),
            ("Turkey", "TUR"),
            ("Czech Republic", "CZE"),
            ("Swaziland", "SWZ"),
            ("The former Yugoslav Republic of Macedonia", "MKD"),
            ("the former Yugoslav Republic of Macedonia", "MKD"),
            (
                "United Kingdom of Great Britain and Northern Ireland",
                "GBR",
            ),
            ("Democratic People’s Republic of Korea", "PRK"),
            ("Iran (Islamic Republic of)", "IRN"),
            ("Micronesia (Federated States of)", "FSM"),
            ("Netherlands (Kingdom of the)", "NLD"),
            ("Netherlands", "NLD"),
            ("Cape Verde", "CPV"),
            ("Ivory Coast", "CIV"),
            ("Burma", "MMR"),
            ("Zaire", "COD"),
            ("Byelorussian Soviet Socialist Republic", "BLR"),
            ("Ukrainian SSR", "UKR"),
            ("Union of Soviet Socialist Republics", "SUN"),
            ("Yugoslavia", "YUG"),
            ("Serbia and Montenegro", "SCG"),
            ("Czechoslovakia", "CSK"),
            ("German Democratic Republic", "DDR"),
            ("Democratic Yemen", "YMD"),
            ("Yemen Arab Republic", "YEM"),
            ("Holy See", "VAT"),
            ("State of Palestine", "PSE"),
            // Accents dropped, case changed, punctuation varied.
            ("Cote d'Ivoire", "CIV"),
            ("COTE D IVOIRE", "CIV"),
            ("Côte-d’Ivoire", "CIV"),
            ("cote d\u{02BC}ivoire", "CIV"),
            ("Côte d\u{2018}Ivoire", "CIV"),
            ("Republique democratique du Congo", "COD"),
            ("ETATS-UNIS D'AMERIQUE", "USA"),
            ("Nigeria", "NGA"),
            ("Bahrein", "BHR"),
            ("Erythree", "ERI"),
            ("iles marshall", "MHL"),
            ("Turkiye", "TUR"),
            ("Sao Tomé-et-Principe", "STP"),
            ("São Tomé and Príncipe", "STP"),
            ("Saint-Kitts-et-Nevis", "KNA"),
            ("Saint Kitts and Nevis", "KNA"),
            ("Saint-Vincent-et-les Grenadines", "VCT"),
            ("Saint-Vincent-et-les-Grenadines", "VCT"),
            ("Brunéi Darussalam", "BRN"),
            ("Viêt Nam", "VNM"),
            ("Vietnam", "VNM"),
            ("Guinée-Bissau", "GNB"),
            ("Guinée Bissau", "GNB"),
            ("Bosnie-Herzégovine", "BIH"),
            ("Trinité-et-Tobago", "TTO"),
            ("Iran (République islamique d’)", "IRN"),
            ("République islamique d'Iran", "IRN"),
            ("Micronésie (États fédérés de)", "FSM"),
            ("Pays-Bas (Royaume des)", "NLD"),
            ("République tchèque", "CZE"),
            ("Turquie", "TUR"),
            ("ex-République yougoslave de Macédoine", "MKD"),
            ("Macédoine du Nord", "MKD"),
            ("Cap-Vert", "CPV"),
            ("Cabo Verde", "CPV"),
            ("Congo-Kinshasa", "COD"),
            ("Zaïre", "COD"),
            ("Congo", "COG"),
            ("Russie", "RUS"),
            ("USA", "USA"),
            ("Royaume-Uni", "GBR"),
            ("UK", "GBR"),
            ("Syrie", "SYR"),
            ("Laos", "LAO"),
            ("Corée du Sud", "KOR"),
            ("République populaire démocratique de Corée", "PRK"),
            ("République de Moldova", "MDA"),
            ("Moldova", "MDA"),
            ("République-Unie de Tanzanie", "TZA"),
            ("Tanzania", "TZA"),
            ("Saint-Siège", "VAT"),
            ("État de Palestine", "PSE"),
            ("Union des Républiques socialistes soviétiques", "SUN"),
            ("Yougoslavie", "YUG"),
            ("Tchécoslovaquie", "CSK"),
            ("République démocratique allemande", "DDR"),
            ("Yémen démocratique", "YMD"),
            ("Yémen", "YEM"),
            ("Îles Salomon", "SLB"),
            // With a leading article.
            ("la France", "FRA"),
            ("le Brésil", "BRA"),
            ("les Pays-Bas", "NLD"),
            ("l’Inde", "IND"),
            ("l'Inde", "IND"),
            ("L’Allemagne", "DEU"),
            ("les États-Unis d’Amérique", "USA"),
            ("la République de Corée", "KOR"),
            ("the Netherlands", "NLD"),
            ("the Sudan", "SDN"),
            // Whitespace and line breaks.
            ("  France  ", "FRA"),
            (
                "Royaume-Uni de Grande-Bretagne\net d’Irlande du Nord",
                "GBR",
            ),
            ("République\r\ndémocratique   du\tCongo", "COD"),
            ("Royaume-\nUni", "GBR"),
            ("Venezuela\n(République bolivarienne\ndu)", "VEN"),
            ("Bolivia (Plurinational\u{00A0}State of)", "BOL"),
            ("Lao People’s\n Democratic Republic", "LAO"),
            ("République arabe syrienne", "SYR"),
            ("République démocratique populaire lao", "LAO"),
        ];
        assert!(table.len() >= 80);
        for &(name, expected) in table {
            assert_eq!(code_of(name), Some(expected), "lookup({name:?})");
        }
    }

    #[test]
    fn resolves_a_printed_english_list() {
        // A footnote list from A/RES/80/21, line breaks as printed.
        let list = "Argentina, Armenia, Belarus, Bolivia (Plurinational State of), Brazil, \
            Burkina Faso, Burundi,\nCambodia, Comoros, Congo, Cuba, Ecuador, Guatemala, Indonesia, \
            Kazakhstan, Kyrgyzstan,\nLao People’s Democratic Republic, Madagascar, Mali, Myanmar, \
            Nicaragua, Pakistan, Russian Federation, Seychelles, Sierra Leone, Sri Lanka, Suriname, \
            Syrian Arab Republic, Tajikistan, Togo,\nTurkmenistan, Uganda, Uruguay, Uzbekistan, \
            Venezuela (Bolivarian Republic of), Viet Nam";
        let names: Vec<&str> = list.split(',').collect();
        assert_eq!(names.len(), 36);
        for name in names {
            assert!(lookup(name).is_some(), "lookup({name:?})");
        }
    }

    #[test]
    fn unknown_names_resolve_to_nothing() {
        for name in [
            "Atlantide",
            "Narnia",
            "",
            " ",
            "\n\t ",
            "la",
            "Corée",
            "Guinée-Conakry-Bissau",
        ] {
            assert_eq!(code_of(name), None, "lookup({name:?})");
        }
    }

    #[test]
    fn by_code_ignores_case() {
        assert_eq!(by_code("FRA").map(|c| c.fr), Some("France"));
        assert_eq!(by_code("fra").map(|c| c.en), Some("France"));
        assert_eq!(by_code("Civ").map(|c| c.en), Some("Côte d’Ivoire"));
        assert_eq!(
            by_code("SUN").map(super::Country::is_historical),
            Some(true)
        );
        assert_eq!(by_code("PSE").map(super::Country::is_observer), Some(true));
        assert_eq!(by_code("XXX"), None);
        assert_eq!(by_code(""), None);
    }

    #[test]
    fn names_by_language() {
        let gbr = by_code("GBR").map(|c| (c.name(Language::EN), c.name(Language::FR)));
        assert_eq!(
            gbr,
            Some((
                "United Kingdom of Great Britain and Northern Ireland",
                "Royaume-Uni de Grande-Bretagne et d’Irlande du Nord"
            ))
        );
    }

    fn codes(found: Vec<&'static Country>) -> Vec<&'static str> {
        found.into_iter().map(|c| c.code).collect()
    }

    #[test]
    fn candidates_exact_code_or_name_first() {
        assert_eq!(codes(candidates("fra")), ["FRA"]);
        assert_eq!(codes(candidates("CIV")), ["CIV"]);
        assert_eq!(codes(candidates("cote d'ivoire")), ["CIV"]);
        assert_eq!(codes(candidates("Côte d’Ivoire")), ["CIV"]);
        // An exact name wins even when it is also a prefix of other names.
        assert_eq!(codes(candidates("guinee")), ["GIN"]);
        assert_eq!(codes(candidates("Niger")), ["NER"]);
        assert_eq!(codes(candidates("soudan")), ["SDN"]);
        assert_eq!(codes(candidates("la france")), ["FRA"]);
    }

    #[test]
    fn candidates_prefix_gives_every_match() {
        let guin = codes(candidates("guin"));
        for code in ["GIN", "GNB", "GNQ", "PNG"] {
            assert!(guin.contains(&code), "{code} in {guin:?}");
        }
        // Names starting with the input come first, shorter names first; then names where a
        // later word starts with it.
        assert_eq!(guin, ["GIN", "GNB", "GNQ", "PNG"]);

        let sud = codes(candidates("soud"));
        assert_eq!(sud, ["SDN", "SSD"]);

        let nouvelle = codes(candidates("nouvelle"));
        assert_eq!(nouvelle, ["NZL", "PNG"]);

        let mal = codes(candidates("mal"));
        for code in ["MWI", "MYS", "MDV", "MLI", "MLT"] {
            assert!(mal.contains(&code), "{code} in {mal:?}");
        }

        // A prefix may span several words; each country appears once.
        assert_eq!(codes(candidates("republique de c")), ["KOR"]);
        let rep = codes(candidates("republique"));
        let unique: HashSet<_> = rep.iter().collect();
        assert_eq!(unique.len(), rep.len());
        assert!(rep.len() > 10);
    }

    #[test]
    fn candidates_without_match_are_empty() {
        assert!(candidates("atlantide").is_empty());
        assert!(candidates("zzz").is_empty());
        assert!(candidates("").is_empty());
        assert!(candidates("  ").is_empty());
        assert!(candidates("-'").is_empty());
        // A word prefix, not any substring.
        assert!(candidates("uinee").is_empty());
    }

    /// The 193 Member States.
    const MEMBERS: [&str; 193] = [
        "AFG", "ALB", "DZA", "AND", "AGO", "ATG", "ARG", "ARM", "AUS", "AUT", "AZE", "BHS", "BHR",
        "BGD", "BRB", "BLR", "BEL", "BLZ", "BEN", "BTN", "BOL", "BIH", "BWA", "BRA", "BRN", "BGR",
        "BFA", "BDI", "CPV", "KHM", "CMR", "CAN", "CAF", "TCD", "CHL", "CHN", "COL", "COM", "COG",
        "CRI", "CIV", "HRV", "CUB", "CYP", "CZE", "PRK", "COD", "DNK", "DJI", "DMA", "DOM", "ECU",
        "EGY", "SLV", "GNQ", "ERI", "EST", "SWZ", "ETH", "FJI", "FIN", "FRA", "GAB", "GMB", "GEO",
        "DEU", "GHA", "GRC", "GRD", "GTM", "GIN", "GNB", "GUY", "HTI", "HND", "HUN", "ISL", "IND",
        "IDN", "IRN", "IRQ", "IRL", "ISR", "ITA", "JAM", "JPN", "JOR", "KAZ", "KEN", "KIR", "KWT",
        "KGZ", "LAO", "LVA", "LBN", "LSO", "LBR", "LBY", "LIE", "LTU", "LUX", "MDG", "MWI", "MYS",
        "MDV", "MLI", "MLT", "MHL", "MRT", "MUS", "MEX", "FSM", "MCO", "MNG", "MNE", "MAR", "MOZ",
        "MMR", "NAM", "NRU", "NPL", "NLD", "NZL", "NIC", "NER", "NGA", "MKD", "NOR", "OMN", "PAK",
        "PLW", "PAN", "PNG", "PRY", "PER", "PHL", "POL", "PRT", "QAT", "KOR", "MDA", "ROU", "RUS",
        "RWA", "KNA", "LCA", "VCT", "WSM", "SMR", "STP", "SAU", "SEN", "SRB", "SYC", "SLE", "SGP",
        "SVK", "SVN", "SLB", "SOM", "ZAF", "SSD", "ESP", "LKA", "SDN", "SUR", "SWE", "CHE", "SYR",
        "TJK", "THA", "TLS", "TGO", "TON", "TTO", "TUN", "TUR", "TKM", "TUV", "UGA", "UKR", "ARE",
        "GBR", "TZA", "USA", "URY", "UZB", "VUT", "VEN", "VNM", "YEM", "ZMB", "ZWE",
    ];

    #[test]
    fn data_file_is_well_formed() {
        let mut lines = TSV.lines();
        assert_eq!(lines.next(), Some("code\ten\tfr\taliases"));
        let mut rows = 0;
        for (number, line) in lines.enumerate() {
            let line_no = number + 2;
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 4, "line {line_no}: {line:?}");
            assert!(is_code(fields[0]), "line {line_no}: code {:?}", fields[0]);
            for field in &fields[..3] {
                assert!(!field.is_empty(), "line {line_no}: empty field");
                assert_eq!(field.trim(), *field, "line {line_no}: stray spaces");
            }
            for alias in fields[3].split('|').filter(|a| !a.is_empty()) {
                assert_eq!(alias.trim(), alias, "line {line_no}: stray spaces");
            }
            assert!(
                !fields[3].contains("||") && !fields[3].starts_with('|'),
                "line {line_no}: empty alias"
            );
            rows += 1;
        }
        // No row is dropped at runtime.
        assert_eq!(all().len(), rows);
    }

    #[test]
    fn table_covers_members_observers_and_historical_states() {
        let mut seen = HashSet::new();
        for country in all() {
            assert!(seen.insert(country.code), "duplicate code {}", country.code);
        }
        assert_eq!(HashSet::<&str>::from_iter(MEMBERS).len(), 193);
        for code in MEMBERS.iter().chain(&OBSERVERS).chain(&HISTORICAL) {
            assert!(seen.contains(code), "missing {code}");
        }
        let current = all().iter().filter(|c| !c.is_historical()).count();
        assert!(current >= 195, "{current} current States");
        assert_eq!(all().len(), 193 + OBSERVERS.len() + HISTORICAL.len());
        let members = all()
            .iter()
            .filter(|c| !c.is_historical() && !c.is_observer())
            .count();
        assert_eq!(members, 193);
    }

    #[test]
    fn every_name_maps_to_one_code() {
        let mut owner: HashMap<String, &str> = HashMap::new();
        for country in all() {
            for name in country.names() {
                let k = key(name);
                assert!(!k.is_empty(), "{}: empty key for {name:?}", country.code);
                if let Some(other) = owner.insert(k.clone(), country.code) {
                    assert_eq!(
                        other, country.code,
                        "{k:?} ({name:?}) names both {other} and {}",
                        country.code
                    );
                }
                assert_eq!(code_of(name), Some(country.code), "lookup({name:?})");
            }
        }
    }

    #[test]
    fn keys_fold_punctuation_and_articles() {
        assert_eq!(key("Côte d’Ivoire"), "cote d ivoire");
        assert_eq!(key("Côte-d’Ivoire"), "cote d ivoire");
        assert_eq!(key("COTE D IVOIRE"), "cote d ivoire");
        assert_eq!(key("l’Inde"), "inde");
        assert_eq!(
            key("Bolivie (État plurinational de)"),
            "bolivie etat plurinational de"
        );
        assert_eq!(key("  la \n France. "), "france");
        // A lone article is kept: it is the whole name.
        assert_eq!(key("La"), "la");
    }
}
