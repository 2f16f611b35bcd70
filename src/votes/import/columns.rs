//! A header row read into known fields, whatever its release calls them: names are compared
//! case- and punctuation-insensitively (`ms_vote`, `MS Vote`, `ms-votes`), plurals accepted
//! (v1's `ms_codes`, `resolutions`), so no one layout is hard-coded.

use crate::corpus::countries;
use crate::votes::country::CountryId;
use std::fmt::Write;

/// The layouts read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Layout {
    /// UN Digital Library, one row per Member State per resolution (GA or SC, v1 or v3).
    UndlLong,
    /// UN Digital Library "transformed": one row per resolution, one column per country.
    UndlWide,
    /// Voeten / `unvotes`: `rcid,country,country_code,vote`.
    VoetenVotes,
    /// Voeten / `unvotes`: `rcid,session,importantvote,date,unres,amend,para,short,descr`.
    VoetenRollCalls,
}

impl Layout {
    pub fn describe(self) -> &'static str {
        match self {
            Layout::UndlLong => "UN Digital Library voting data",
            Layout::UndlWide => "UN Digital Library voting data (transformed)",
            Layout::VoetenVotes => "Voeten/unvotes votes",
            Layout::VoetenRollCalls => "Voeten/unvotes roll calls",
        }
    }
}

/// A column resolu reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    UndlId,
    MsCode,
    MsName,
    MsVote,
    PermanentMember,
    Date,
    Session,
    Resolution,
    Title,
    /// SC's `description`, v1's and v3's agenda titles: the title when there is none.
    Description,
    Yes,
    No,
    Abstentions,
    NonVoting,
    Rcid,
    Country,
    CountryCode,
    Vote,
    Unres,
    Amend,
    Para,
    Short,
    Descr,
}

/// The matching key of a header name: letters and digits only, lower case.
fn key(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn field_of_key(key: &str) -> Option<Field> {
    Some(match key {
        "undlid" => Field::UndlId,
        "mscode" => Field::MsCode,
        "msname" => Field::MsName,
        "msvote" => Field::MsVote,
        "permanentmember" => Field::PermanentMember,
        "date" => Field::Date,
        "session" => Field::Session,
        "resolution" => Field::Resolution,
        "title" => Field::Title,
        "description" | "agendatitle" | "agenda" => Field::Description,
        "totalyes" | "yes" => Field::Yes,
        "totalno" | "no" => Field::No,
        "totalabstentions" | "totalabstention" | "abstentions" | "abstention" => Field::Abstentions,
        "totalnonvoting" | "nonvoting" => Field::NonVoting,
        "rcid" => Field::Rcid,
        "country" => Field::Country,
        "countrycode" => Field::CountryCode,
        "vote" => Field::Vote,
        "unres" => Field::Unres,
        "amend" => Field::Amend,
        "para" => Field::Para,
        "short" => Field::Short,
        "descr" => Field::Descr,
        _ => return None,
    })
}

/// The field a header name stands for: the name as it is, else without a plural `s`.
pub fn field(name: &str) -> Option<Field> {
    let key = key(name);
    field_of_key(&key).or_else(|| field_of_key(key.strip_suffix('s')?))
}

/// Names resolu reads but does not use (so they are not taken for a country's column).
fn known_unused(name: &str) -> bool {
    let key = key(name);
    let key = key.strip_suffix('s').unwrap_or(&key);
    matches!(
        key,
        "draft"
            | "committeereport"
            | "meeting"
            | "subject"
            | "votenote"
            | "totalm"
            | "totalvoting"
            | "undllink"
            | "modality"
            | "importantvote"
            | "shortname"
            | "issue"
    )
}

/// A header row: what each column holds.
#[derive(Debug, Clone)]
pub struct Header {
    pub names: Vec<String>,
    pub fields: Vec<Option<Field>>,
    /// For a column that is no field: the country it names, if any (the transformed file).
    pub countries: Vec<Option<CountryId>>,
}

impl Header {
    pub fn read(record: &csv::ByteRecord) -> Header {
        let names: Vec<String> = record
            .iter()
            .map(|b| {
                String::from_utf8_lossy(b)
                    .trim()
                    .trim_start_matches('\u{feff}')
                    .to_string()
            })
            .collect();
        let fields: Vec<Option<Field>> = names.iter().map(|n| field(n)).collect();
        let countries = names
            .iter()
            .zip(&fields)
            .map(|(name, field)| {
                if field.is_some() || known_unused(name) || name.is_empty() {
                    return None;
                }
                CountryId::of_code(name)
                    .filter(|_| name.len() == 3)
                    .or_else(|| countries::lookup(name).and_then(CountryId::of))
            })
            .collect();
        Header {
            names,
            fields,
            countries,
        }
    }

    /// The column of `field` (the first, if a file repeats one).
    pub fn column(&self, field: Field) -> Option<usize> {
        self.fields.iter().position(|f| *f == Some(field))
    }

    pub fn has(&self, field: Field) -> bool {
        self.column(field).is_some()
    }

    pub fn layout(&self) -> Option<Layout> {
        if self.has(Field::Rcid) && self.has(Field::Vote) {
            return (self.has(Field::Country) || self.has(Field::CountryCode))
                .then_some(Layout::VoetenVotes);
        }
        if self.has(Field::Rcid) && self.has(Field::Unres) {
            return Some(Layout::VoetenRollCalls);
        }
        if self.has(Field::MsVote) && (self.has(Field::MsCode) || self.has(Field::MsName)) {
            return Some(Layout::UndlLong);
        }
        if self.has(Field::Resolution) && self.countries.iter().any(Option::is_some) {
            return Some(Layout::UndlWide);
        }
        None
    }

    /// Columns that are neither a field, a known unused column nor a country (a transformed
    /// file's column for a State the table lacks).
    pub fn unknown_columns(&self) -> impl Iterator<Item = (usize, &str)> {
        self.names.iter().enumerate().filter_map(|(i, name)| {
            let unknown = self.fields[i].is_none()
                && self.countries[i].is_none()
                && !known_unused(name)
                && !name.is_empty();
            unknown.then_some((i, name.as_str()))
        })
    }

    /// The names, for a message (at most 12, each cut to 30 characters).
    pub fn names_shown(&self) -> String {
        let mut out = String::new();
        for (i, name) in self.names.iter().take(12).enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            let cut: String = name.chars().take(30).collect();
            let _ = write!(out, "{cut}");
        }
        if self.names.len() > 12 {
            let _ = write!(out, " … ({} in all)", self.names.len());
        }
        if out.is_empty() {
            out.push_str("none");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(line: &str) -> Header {
        let record = csv::ByteRecord::from(line.split(',').collect::<Vec<_>>());
        Header::read(&record)
    }

    #[test]
    fn v1_and_v3_names_map_to_the_same_fields() {
        let v1 = header(
            "undl_id,ms_codes,ms_names,ms_votes,resolutions,title,modality,draft,committee_report,\
             meeting,agenda_titles,subjects,date,yes,no,abstentions,non-voting,total-voting,undl_link",
        );
        let v3 = header(
            "undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,committee_report,\
             meeting,title,agenda_title,subjects,vote_note,total_yes,total_no,total_abstentions,\
             total_non_voting,total_ms,undl_link",
        );
        for h in [&v1, &v3] {
            assert_eq!(h.layout(), Some(Layout::UndlLong));
            for f in [
                Field::MsCode,
                Field::MsName,
                Field::MsVote,
                Field::Resolution,
                Field::Yes,
                Field::No,
                Field::Abstentions,
                Field::NonVoting,
                Field::Date,
                Field::Title,
            ] {
                assert!(h.has(f), "{f:?}");
            }
            assert_eq!(h.unknown_columns().count(), 0, "{h:?}");
        }
        assert_eq!(field("Non Voting"), Some(Field::NonVoting));
        assert_eq!(field("MS-VOTES"), Some(Field::MsVote));
        assert_eq!(field("yes"), Some(Field::Yes));
    }

    #[test]
    fn country_columns_make_the_transformed_layout() {
        let h = header("undl_id,resolution,date,AFG,FRANCE,TÜRKİYE,Atlantis");
        assert_eq!(h.layout(), Some(Layout::UndlWide));
        assert_eq!(h.countries[3], CountryId::of_code("AFG"));
        assert_eq!(h.countries[4], CountryId::of_code("FRA"));
        assert_eq!(h.countries[5], CountryId::of_code("TUR"));
        assert_eq!(
            h.unknown_columns().collect::<Vec<_>>(),
            vec![(6, "Atlantis")]
        );
    }

    #[test]
    fn voeten_headers() {
        assert_eq!(
            header("rcid,country,country_code,vote").layout(),
            Some(Layout::VoetenVotes)
        );
        assert_eq!(
            header("rcid,session,importantvote,date,unres,amend,para,short,descr").layout(),
            Some(Layout::VoetenRollCalls)
        );
        assert_eq!(header("a,b,c").layout(), None);
    }
}
