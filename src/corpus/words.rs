//! Numbers and dates written in words, French and English: `Quarante-quatrième` → 44,
//! `Soixante et onzième` → 71, `Eightieth` → 80, `1er décembre 2025` and `1 December 2025` → a
//! date.

use crate::index::fold::fold;
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

use super::markup::re;

/// Cardinal and ordinal number words, folded, with their values.
const NUMBER_WORDS: &[(&str, u32)] = &[
    // French cardinals
    ("zero", 0),
    ("un", 1),
    ("une", 1),
    ("deux", 2),
    ("trois", 3),
    ("quatre", 4),
    ("cinq", 5),
    ("six", 6),
    ("sept", 7),
    ("huit", 8),
    ("neuf", 9),
    ("dix", 10),
    ("onze", 11),
    ("douze", 12),
    ("treize", 13),
    ("quatorze", 14),
    ("quinze", 15),
    ("seize", 16),
    ("vingt", 20),
    ("vingts", 20),
    ("trente", 30),
    ("quarante", 40),
    ("cinquante", 50),
    ("soixante", 60),
    ("cent", 100),
    ("cents", 100),
    // French ordinals
    ("premier", 1),
    ("premiere", 1),
    ("unieme", 1),
    ("deuxieme", 2),
    ("second", 2),
    ("seconde", 2),
    ("troisieme", 3),
    ("quatrieme", 4),
    ("cinquieme", 5),
    ("sixieme", 6),
    ("septieme", 7),
    ("huitieme", 8),
    ("neuvieme", 9),
    ("dixieme", 10),
    ("onzieme", 11),
    ("douzieme", 12),
    ("treizieme", 13),
    ("quatorzieme", 14),
    ("quinzieme", 15),
    ("seizieme", 16),
    ("vingtieme", 20),
    ("trentieme", 30),
    ("quarantieme", 40),
    ("cinquantieme", 50),
    ("soixantieme", 60),
    ("centieme", 100),
    // English cardinals
    ("no", 0),
    ("none", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    // English ordinals
    ("first", 1),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("sixtieth", 60),
    ("seventieth", 70),
    ("eightieth", 80),
    ("ninetieth", 90),
    ("hundredth", 100),
];

fn word_value(word: &str) -> Option<u32> {
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|(_, v)| *v)
}

/// The value of a number written in words or digits (`Quarante-quatrième`, `soixante et
/// onzième`, `quatre-vingt-deuxième`, `Seventy-first`, `one hundred and first`, `44`).
pub fn number_from_words(text: &str) -> Option<u32> {
    let folded = fold(text.trim());
    if let Ok(n) = folded.parse::<u32>() {
        return Some(n);
    }
    let mut total: u32 = 0;
    let mut seen = false;
    for word in folded.split(|c: char| c == '-' || c.is_whitespace()) {
        if word.is_empty() || word == "et" || word == "and" {
            continue;
        }
        let value = word_value(word)?;
        seen = true;
        total = match value {
            // `quatre-vingt`: four twenties.
            20 if total % 100 == 4 => total - 4 + 80,
            100 => total.max(1) * 100,
            v => total + v,
        };
    }
    seen.then_some(total)
}

const MONTHS: &[(&str, u32)] = &[
    ("janvier", 1),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("decembre", 12),
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
];

/// Whether `text` starts with a month name (`avril 2020`, `December 2025`): a number before it
/// is a day, not a footnote call.
pub fn starts_with_month(text: &str) -> bool {
    let word: String = text
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    let folded = fold(&word);
    MONTHS.iter().any(|(m, _)| *m == folded)
}

static DATE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(\d{1,2})\s*(?:er|re|st|nd|rd|th)?\s+([\p{L}]{3,10})\s+(\d{4})\b"));

/// The first date written as `23 mars 2021`, `1er décembre 2025` or `1 December 2025` in `text`,
/// with the byte offset just past it.
pub fn find_date(text: &str) -> Option<(NaiveDate, usize)> {
    DATE.captures_iter(text).find_map(|caps| {
        let day = caps[1].parse::<u32>().ok()?;
        let month_word = fold(&caps[2]);
        let month = MONTHS.iter().find(|(m, _)| *m == month_word)?.1;
        let year = caps[3].parse::<i32>().ok()?;
        let date = NaiveDate::from_ymd_opt(year, month, day)?;
        Some((date, caps.get(0).map_or(0, |m| m.end())))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinal_words() {
        let table = [
            ("Quarante-quatrième", 44),
            ("Quarante-sixième", 46),
            ("Trente-septième", 37),
            ("Soixante et onzième", 71),
            ("Soixante-dixième", 70),
            ("Soixante-quinzième", 75),
            ("Quatre-vingtième", 80),
            ("Quatre-vingt-deuxième", 82),
            ("Quatre-vingt-dix-neuvième", 99),
            ("Vingt et unième", 21),
            ("Première", 1),
            ("Cinquante-deuxième", 52),
            ("Eightieth", 80),
            ("Seventy-first", 71),
            ("Eighty-second", 82),
            ("Forty-fourth", 44),
            ("Twenty-third", 23),
            ("First", 1),
            ("One hundred and first", 101),
            ("Centième", 100),
            ("44", 44),
        ];
        for (words, value) in table {
            assert_eq!(number_from_words(words), Some(value), "{words}");
        }
        assert_eq!(number_from_words("Resumed"), None);
        assert_eq!(number_from_words(""), None);
    }

    #[test]
    fn month_names() {
        assert!(starts_with_month(" avril 2020"));
        assert!(starts_with_month("Décembre"));
        assert!(starts_with_month("December 2025"));
        assert!(!starts_with_month("avant"));
        assert!(!starts_with_month("the"));
    }

    #[test]
    fn dates_in_both_languages() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(find_date("le 23 mars 2021").map(|x| x.0), d(2021, 3, 23));
        assert_eq!(
            find_date("le 1er décembre 2025").map(|x| x.0),
            d(2025, 12, 1)
        );
        assert_eq!(find_date("on 1 December 2025").map(|x| x.0), d(2025, 12, 1));
        assert_eq!(find_date("17 août 2000").map(|x| x.0), d(2000, 8, 17));
        assert_eq!(find_date("le 31 février 2020"), None);
        assert_eq!(
            find_date("28e séance 17 juillet 2020").map(|x| x.0),
            d(2020, 7, 17)
        );
    }
}
