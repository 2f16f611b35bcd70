//! Text → `Resolution`: header, preambular and operative paragraphs, meeting, footnotes and
//! vote, French or English. Never fails: what cannot be read is left `None` and said in a
//! warning.

use super::calls::find_call;
use super::header::{Header, read_header};
use super::markup::{FrontMatter, re};
use super::model::{
    Body, Footnote, Language, Paragraph, ParagraphKind, Resolution, Source, SourceFormat,
};
use super::normalize::{Line, Normalized, finish_text, join_into, leading_number, normalize};
use super::vote::{parse_vote, starts_vote_block};
use super::words::find_date;
use crate::index::fold::fold;
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(\d{1,4})\s*(e|re|er|ème)\s+(s[ée]ance(?:\s+pl[ée]ni[èe]re)?)|^(\d{1,4})\s*(st|nd|rd|th)\s+((?:plenary\s+)?meeting)",
    )
});
static ANNEX: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^annexe?(?:\s+[IVXLC\d]+)?\s*$"));

/// The meeting line, a vote block or an annex: the operative part is over. (The first
/// character rules most lines out before any pattern runs.)
fn ends_running_text(text: &str) -> bool {
    match text.chars().next() {
        Some(c) if c.is_ascii_digit() => MEETING.is_match(text),
        Some('[' | 'A' | 'a') => starts_vote_block(text) || ANNEX.is_match(text),
        _ => false,
    }
}

/// Words that open a preambular paragraph without the usual participle ending.
const PREAMBULAR_LEADS: &[&str] = &[
    "conscient",
    "consciente",
    "conscients",
    "convaincu",
    "convaincue",
    "convaincus",
    "resolu",
    "resolue",
    "resolus",
    "soucieux",
    "soucieuse",
    "inquiet",
    "inquiete",
    "attendu",
    "vu",
    "aware",
    "conscious",
    "mindful",
    "desirous",
    "cognizant",
    "cognisant",
    "guided",
    "bearing",
    "having",
    // Adverbs that open a paragraph (`Profondément préoccupé`, `Deeply concerned`).
    "profondement",
    "vivement",
    "gravement",
    "serieusement",
    "fermement",
    "pleinement",
    "particulierement",
    "extremement",
    "sincerement",
    "hautement",
    "resolument",
    "fortement",
    "tres",
    "deeply",
    "gravely",
    "seriously",
    "strongly",
    "firmly",
    "fully",
    "profoundly",
    "highly",
    "greatly",
    "particularly",
    "extremely",
    "increasingly",
    "very",
    "further",
];

/// Nouns with a participle's ending that open running text, not a preambular paragraph.
const PARTICIPLE_LOOKALIKES: &[&str] = &[
    "representant",
    "representante",
    "representants",
    "enfant",
    "enfants",
    "habitant",
    "habitants",
    "participant",
    "participants",
    "montant",
    "intervenant",
    "intervenants",
    "ressortissant",
    "ressortissants",
    "building",
    "meeting",
    "funding",
    "training",
    "wellbeing",
    "peacekeeping",
    "united",
];

/// Words that follow a past participle opening a paragraph (`Guidé par`, `Déterminé à`,
/// `Convinced that`), and not a noun (`Assemblée générale`, `Comité des droits`).
const AFTER_PARTICIPLE: &[&str] = &[
    "par", "a", "que", "qu", "au", "aux", "sur", "en", "pour", "by", "that", "about", "at", "with",
    "to", "over", "of", "in", "upon",
];

/// Is `line` how a preambular paragraph opens: `Rappelant`, `Réaffirmant`, `Se félicitant`,
/// `Ayant examiné`, `Profondément préoccupé`, `Guidé par`, `Recalling`, `Deeply`,
/// `Convinced that`?
fn is_preambular_lead(line: &str) -> bool {
    let mut words = line
        .split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
        .filter(|w| !w.is_empty());
    let Some(mut word) = words.next() else {
        return false;
    };
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    // `Se félicitant`, `S’étant`: the reflexive pronoun, then the participle.
    if matches!(word, "Se" | "S") {
        match words.next() {
            Some(next) => word = next,
            None => return false,
        }
    }
    let folded = fold(word);
    let folded = folded.trim_end_matches([',', ':']);
    if PREAMBULAR_LEADS.contains(&folded) {
        return true;
    }
    if PARTICIPLE_LOOKALIKES.contains(&folded) {
        return false;
    }
    let participle = ["ant", "ing"]
        .iter()
        .any(|s| folded.ends_with(s) && folded.len() >= s.len() + 2);
    if participle {
        return true;
    }
    let past = ["é", "ée", "és", "ées"].iter().any(|s| word.ends_with(s))
        || (folded.ends_with("ed") && folded.len() > 4);
    let next = words.next().map(fold).unwrap_or_default();
    past && AFTER_PARTICIPLE.contains(&next.trim_end_matches(','))
}

/// Splits the running text into paragraphs and finds where the tail (meeting, vote) starts.
struct Segmenter<'a> {
    header: &'a Header,
    blank_separates_paragraphs: bool,
    paragraphs: Vec<Paragraph>,
    expected_operative: u32,
    warnings: Vec<String>,
}

impl Segmenter<'_> {
    fn in_operative(&self) -> bool {
        self.expected_operative > 1
    }

    fn is_running_title(&self, text: &str) -> bool {
        [&self.header.title_line, &self.header.title]
            .iter()
            .any(|t| t.as_deref() == Some(text))
    }

    fn starts_preambular(&self, line: &Line) -> bool {
        if self.in_operative() {
            return false;
        }
        let Some(previous) = self.paragraphs.last() else {
            return true;
        };
        // A footnote call may still follow the punctuation (`session,1`).
        let previous_ended = previous
            .text
            .trim_end()
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .trim_end()
            .ends_with([',', ';', ':', '.']);
        let upper = line.text.chars().next().is_some_and(char::is_uppercase);
        previous_ended
            && upper
            && (is_preambular_lead(&line.text)
                || (self.blank_separates_paragraphs && line.blank_before))
    }

    fn push(&mut self, kind: ParagraphKind, number: Option<u32>, text: &str) {
        self.paragraphs.push(Paragraph {
            kind,
            number,
            text: text.trim().to_string(),
        });
    }

    /// Read lines until the tail; returns the index of the first tail line.
    fn run(&mut self, lines: &[Line], start: usize) -> usize {
        for (i, line) in lines.iter().enumerate().skip(start) {
            let text = line.text.trim();
            if ends_running_text(text) {
                return i;
            }
            if self.is_running_title(text) {
                continue;
            }
            if let Some((number, rest)) = self.operative_start(text) {
                self.push(ParagraphKind::Operative, Some(number), rest);
                continue;
            }
            if self.starts_preambular(line) {
                self.push(ParagraphKind::Preambular, None, text);
                continue;
            }
            match self.paragraphs.last_mut() {
                Some(paragraph) => join_into(&mut paragraph.text, text),
                None => self.push(ParagraphKind::Preambular, None, text),
            }
        }
        lines.len()
    }

    /// `12. Décide …` opens operative paragraph 12 when 12 is next (or a near skip, warned).
    fn operative_start<'t>(&mut self, text: &'t str) -> Option<(u32, &'t str)> {
        let (digits, rest) = leading_number(text)?;
        let rest = rest.strip_prefix('.')?;
        if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
            return None;
        }
        let number: u32 = digits.parse().ok()?;
        let expected = self.expected_operative;
        if number < expected || number > expected + 2 {
            return None;
        }
        if number != expected {
            self.warnings.push(format!(
                "operative paragraph {number} follows {}: numbering skips",
                expected.saturating_sub(1)
            ));
        }
        self.expected_operative = number + 1;
        Some((number, rest.trim_start()))
    }
}

/// What follows the operative part: meeting line, date, vote block.
#[derive(Default)]
struct Tail {
    meeting: Option<String>,
    date: Option<chrono::NaiveDate>,
    vote: Option<super::model::Vote>,
    /// Paragraphs of an annex (after an `Annex` / `Annexe` heading).
    annex: Vec<Paragraph>,
    unread: Vec<String>,
}

impl Tail {
    /// Add a line of annex text: a numbered line (`12. …`), a block after a blank line (when
    /// blanks separate paragraphs) or a capitalised line after a finished sentence (when they
    /// don't) opens a paragraph; anything else continues the last one.
    fn annex_line(&mut self, line: &Line, blank_separates_paragraphs: bool) {
        let text = line.text.trim();
        let numbered = leading_number(text).and_then(|(digits, rest)| {
            let rest = rest.strip_prefix('.')?;
            (rest.is_empty() || rest.starts_with(char::is_whitespace))
                .then(|| (digits.parse::<u32>().ok(), rest.trim_start()))
        });
        let opens = match (&numbered, self.annex.last()) {
            (Some(_), _) | (None, None) => true,
            (None, Some(previous)) => {
                let upper = text.starts_with(char::is_uppercase);
                if blank_separates_paragraphs {
                    line.blank_before && upper
                } else {
                    upper && previous.text.trim_end().ends_with(['.', ';', ':'])
                }
            }
        };
        match (opens, self.annex.last_mut()) {
            (false, Some(paragraph)) => join_into(&mut paragraph.text, text),
            _ => {
                let (number, body) = numbered.unwrap_or((None, text));
                self.annex.push(Paragraph {
                    kind: ParagraphKind::Annex,
                    number,
                    text: body.to_string(),
                });
            }
        }
    }
}

fn read_tail(
    lines: &[Line],
    blank_separates_paragraphs: bool,
    is_running_title: &dyn Fn(&str) -> bool,
    warnings: &mut Vec<String>,
) -> Tail {
    let mut tail = Tail::default();
    let mut in_annex = false;
    let mut i = 0;
    while i < lines.len() {
        let text = lines[i].text.trim();
        if ANNEX.is_match(text) {
            in_annex = true;
        } else if is_running_title(text) {
        } else if tail.meeting.is_none()
            && let Some(caps) = MEETING.captures(text)
        {
            let meeting = match caps.get(1) {
                Some(n) => format!("{}{} {}", n.as_str(), &caps[2], &caps[3]),
                None => format!("{}{} {}", &caps[4], &caps[5], &caps[6]),
            };
            tail.meeting = Some(finish_text(&meeting));
            let after = &text[caps.get(0).map_or(0, |m| m.end())..];
            tail.date = find_date(after).map(|d| d.0).or_else(|| {
                let next = lines.get(i + 1)?;
                let found = find_date(&next.text)?;
                i += 1;
                Some(found.0)
            });
        } else if tail.vote.is_none() && starts_vote_block(text) {
            let mut block = String::new();
            let mut complete = false;
            while i < lines.len() {
                join_into(&mut block, &lines[i].text);
                if lines[i].text.contains(']') {
                    complete = true;
                    break;
                }
                i += 1;
            }
            let (vote, vote_warnings) = parse_vote(&block, complete);
            warnings.extend(vote_warnings);
            tail.vote = Some(vote);
        } else if in_annex {
            tail.annex_line(&lines[i], blank_separates_paragraphs);
        } else {
            tail.unread.push(text.to_string());
        }
        i += 1;
    }
    tail
}

/// Remove the footnote calls from paragraph text, looking for each footnote's call in order.
fn strip_calls(paragraphs: &mut [Paragraph], footnotes: &[Footnote], explicit: &HashSet<String>) {
    let (mut at_paragraph, mut at_byte) = (0usize, 0usize);
    for footnote in footnotes {
        if explicit.contains(&footnote.mark) {
            continue;
        }
        let found = (at_paragraph..paragraphs.len()).find_map(|p| {
            let from = if p == at_paragraph { at_byte } else { 0 };
            find_call(&paragraphs[p].text, &footnote.mark, from).map(|r| (p, r))
        });
        if let Some((p, range)) = found {
            paragraphs[p].text.replace_range(range.clone(), "");
            (at_paragraph, at_byte) = (p, range.start);
        }
    }
}

fn detect_language(paragraphs: &[Paragraph], title: Option<&str>) -> Option<Language> {
    let mut french = 0usize;
    let mut english = 0usize;
    let texts = paragraphs.iter().map(|p| p.text.as_str()).chain(title);
    for word in texts.flat_map(str::split_whitespace).take(4000) {
        // The marker words are ASCII: no folding needed.
        if word.len() > 4 {
            continue;
        }
        let lower = word.to_ascii_lowercase();
        match lower.as_str() {
            "le" | "la" | "les" | "des" | "du" | "et" | "une" | "dans" | "pour" => french += 1,
            "the" | "of" | "and" | "to" | "in" | "for" | "with" | "its" => english += 1,
            _ => {}
        }
    }
    match french.cmp(&english) {
        _ if french + english < 3 => None,
        std::cmp::Ordering::Greater => Some(Language::Fr),
        _ => Some(Language::En),
    }
}

/// A title that a converter cut short (`… of the expenses of the`) is completed from the front
/// matter when the front matter's title starts with the same words.
fn complete_title(title: Option<String>, front_matter: &FrontMatter) -> Option<String> {
    let Some(fm) = front_matter.get("title") else {
        return title;
    };
    let fm = fm
        .trim()
        .trim_end_matches([':', '/', ' '])
        .replace(" : ", ": ");
    let Some(title) = title else {
        return Some(fm).filter(|t| !t.is_empty());
    };
    let ours: Vec<String> = title.split_whitespace().map(fold).collect();
    let theirs: Vec<&str> = fm.split_whitespace().collect();
    let extends = theirs.len() > ours.len()
        && ours
            .iter()
            .zip(&theirs)
            .all(|(a, b)| *a == fold(b).trim_end_matches(':'));
    if !extends {
        return Some(title);
    }
    let mut completed = title;
    for word in &theirs[ours.len()..] {
        completed.push(' ');
        completed.push_str(word);
    }
    Some(completed)
}

/// The symbol: as printed in page headers or front matter when it agrees, else built from the
/// body and number.
fn resolve_symbol(
    header: &Header,
    normalized: &Normalized,
    warnings: &mut Vec<String>,
) -> (Option<String>, Option<String>, Option<Body>) {
    let printed = normalized
        .furniture_symbols
        .iter()
        .chain(normalized.front_matter.get("symbol"))
        .map(|s| s.trim().to_string())
        .find(|s| match &header.number {
            Some(n) => s.ends_with(&format!("/{n}")),
            None => true,
        });
    let body_of_symbol = |s: &str| {
        if s.starts_with("A/HRC/") {
            Some(Body::Hrc)
        } else if s.starts_with("A/RES/") {
            Some(Body::Ga)
        } else {
            None
        }
    };
    let body = header
        .body
        .or_else(|| printed.as_deref().and_then(body_of_symbol));
    let number = header.number.clone().or_else(|| {
        let s = printed.as_deref()?;
        let parts: Vec<&str> = s.rsplitn(3, '/').collect();
        (parts.len() == 3).then(|| format!("{}/{}", parts[1], parts[0]))
    });
    let built = body.zip(number.as_deref()).map(|(b, n)| b.symbol_for(n));
    let symbol = match (printed, built) {
        (Some(p), Some(b)) if p != b => {
            warnings.push(format!(
                "symbol printed as {p} but the text reads as {b}; keeping {p}"
            ));
            Some(p)
        }
        (Some(p), _) => Some(p),
        (None, b) => b,
    };
    (symbol, number, body)
}

/// Parse one document. `path` is recorded as its source; metadata comes from the text only.
pub fn parse_document(text: &str, path: &str, format: SourceFormat) -> Resolution {
    let mut normalized = normalize(text);
    let header = read_header(&normalized.lines);
    let mut warnings = Vec::new();

    let mut segmenter = Segmenter {
        header: &header,
        blank_separates_paragraphs: normalized.blank_separates_paragraphs,
        paragraphs: Vec::new(),
        expected_operative: 1,
        warnings: Vec::new(),
    };
    let tail_start = segmenter.run(&normalized.lines, header.text_start);
    let mut paragraphs = std::mem::take(&mut segmenter.paragraphs);
    warnings.append(&mut segmenter.warnings);
    let mut tail = read_tail(
        &normalized.lines[tail_start..],
        normalized.blank_separates_paragraphs,
        &|text| segmenter.is_running_title(text),
        &mut warnings,
    );
    paragraphs.append(&mut tail.annex);

    strip_calls(
        &mut paragraphs,
        &normalized.footnotes,
        &normalized.explicit_calls,
    );
    for paragraph in &mut paragraphs {
        paragraph.text = finish_text(&paragraph.text);
    }
    paragraphs.retain(|p| !p.text.is_empty() || p.kind == ParagraphKind::Operative);

    let (symbol, number, body) = resolve_symbol(&header, &normalized, &mut warnings);
    let session = header.session.or_else(|| {
        let n = number.as_deref()?;
        n.split('/').next()?.parse().ok()
    });
    let title = complete_title(header.title.clone(), &normalized.front_matter);
    let adopted_on = header.adopted_on.or(tail.date);
    if let (Some(a), Some(b)) = (header.adopted_on, tail.date)
        && a != b
    {
        warnings.push(format!(
            "adoption date {a} in the header but {b} under the meeting line"
        ));
    }
    if !tail.unread.is_empty() {
        let first: String = tail.unread[0].chars().take(60).collect();
        warnings.push(format!(
            "{} line(s) after the operative part were not read, from “{first}”",
            tail.unread.len()
        ));
    }
    let missing = [
        ("symbol", symbol.is_none()),
        ("title", title.is_none()),
        ("adoption date", adopted_on.is_none()),
        ("meeting", tail.meeting.is_none()),
        ("paragraphs", paragraphs.is_empty()),
    ];
    for (field, absent) in missing {
        if absent {
            warnings.push(format!("missing field: no {field} found"));
        }
    }
    if !header.has_opener && !paragraphs.is_empty() {
        warnings.push("no opening words (“The General Assembly,”) found".into());
    }

    Resolution {
        language: detect_language(&paragraphs, title.as_deref()),
        symbol,
        number,
        body,
        title,
        session,
        agenda_item: header.agenda_item.clone(),
        adopted_on,
        meeting: tail.meeting,
        paragraphs,
        footnotes: std::mem::take(&mut normalized.footnotes),
        vote: tail.vote,
        source: Source {
            path: path.to_string(),
            format,
        },
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preambular_leads() {
        let leads = [
            "Rappelant sa résolution",
            "Réaffirmant",
            "Profondément préoccupé par",
            "Guidé par la Charte",
            "Déterminé à franchir",
            "Conscient du rôle",
            "Se félicitant de",
            "S’étant réuni",
            "Ayant examiné le rapport",
            "Étant donné que",
            "Recalling its resolutions",
            "Deeply concerned",
            "Convinced that",
            "Bearing in mind",
            "Desirous of",
            "Alarmed by",
        ];
        for line in leads {
            assert!(is_preambular_lead(line), "{line}");
        }
        let not_leads = [
            "Programme de développement",
            "United Nations Legal Counsel,",
            "rappelant que",
            "Nations Unies",
            "Assembly at its session",
            "Gouvernement du Soudan",
            "Family",
            "Assemblée générale",
            "Comité des droits de l’homme",
            "Représentant spécial",
            "Committee on Contributions",
            "Se",
        ];
        for line in not_leads {
            assert!(!is_preambular_lead(line), "{line}");
        }
    }

    #[test]
    fn a_minimal_document() {
        let text = "Le Conseil des droits de l’homme,\nRappelant sa résolution,\nSoulignant que tout,\n\
                    1. Décide de\ncontinuer ;\n2. Décide aussi.\n3e séance\n2 mai 2020\n[Adoptée sans vote.]";
        let r = parse_document(text, "x.txt", SourceFormat::PdfText);
        assert_eq!(r.preambular_paragraphs().count(), 2);
        let ops: Vec<_> = r.operative_paragraphs().map(|p| p.text.as_str()).collect();
        assert_eq!(ops, ["Décide de continuer ;", "Décide aussi."]);
        assert_eq!(r.meeting.as_deref(), Some("3e séance"));
        assert_eq!(r.adopted_on, chrono::NaiveDate::from_ymd_opt(2020, 5, 2));
        assert_eq!(
            r.vote.map(|v| v.adoption),
            Some(super::super::model::Adoption::WithoutVote)
        );
        assert_eq!(r.body, Some(Body::Hrc));
        assert!(r.warnings.iter().any(|w| w.contains("no symbol")));
    }

    #[test]
    fn an_annex_is_kept_as_annex_paragraphs() {
        let text = "The General Assembly,\nRecalling its resolution,\n1. Adopts the Declaration \
                    annexed to the present resolution.\n52nd plenary meeting\n1 December 2025\n\
                    Annex\nDeclaration on the Right to Peace\nThe General Assembly,\n\
                    1. Everyone has the right\nto enjoy peace;\n2. States should respect it.";
        let r = parse_document(text, "x.txt", SourceFormat::PdfText);
        assert_eq!(r.operative_paragraphs().count(), 1);
        let annex: Vec<(Option<u32>, &str)> = r
            .annex_paragraphs()
            .map(|p| (p.number, p.text.as_str()))
            .collect();
        assert_eq!(
            annex,
            [
                (
                    None,
                    "Declaration on the Right to Peace The General Assembly,"
                ),
                (Some(1), "Everyone has the right to enjoy peace;"),
                (Some(2), "States should respect it."),
            ]
        );
        assert_eq!(
            r.citation(r.paragraphs.len() - 1).as_deref(),
            Some("Annex 2")
        );
        assert!(
            !r.warnings.iter().any(|w| w.contains("not read")),
            "{:?}",
            r.warnings
        );
        assert_eq!(r.meeting.as_deref(), Some("52nd plenary meeting"));
    }

    #[test]
    fn truncated_title_is_completed_from_front_matter() {
        let mut fm = FrontMatter::new();
        fm.insert(
            "title".into(),
            "Scale of the United Nations : requests under Article 19 :".into(),
        );
        assert_eq!(
            complete_title(Some("Scale of the".into()), &fm).as_deref(),
            Some("Scale of the United Nations: requests under Article 19")
        );
        fm.insert(
            "title".into(),
            "Participation during the 80th session :".into(),
        );
        assert_eq!(
            complete_title(
                Some("Participation during the eightieth session".into()),
                &fm
            )
            .as_deref(),
            Some("Participation during the eightieth session")
        );
    }
}
