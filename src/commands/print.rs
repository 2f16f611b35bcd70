//! `list` and `show`: one line per resolution, or one resolution whole.

use super::{EXIT_INPUT, EXIT_OK};
use crate::corpus::load::Corpus;
use crate::corpus::{ById, DocId, Language, ParagraphIndex, Resolution};
use crate::index::versions::Versions;
use crate::text::display::{Shown, inert, or_dash};
use std::io::{self, Write};

/// The vote column of `list`: `30–15–2`, `sans vote`, or `—`.
pub fn tally(resolution: &Resolution) -> String {
    resolution
        .vote
        .as_ref()
        .map_or_else(|| "—".to_string(), crate::corpus::model::Vote::tally)
}

/// `resolu list`: one line per resolution, its versions in other languages taken once (the
/// line is the version `show` prints without `--lang`; `--json` lists the languages).
pub fn list(corpus: &Corpus, json: bool, out: &mut dyn Write) -> io::Result<u8> {
    let versions = Versions::build(&corpus.resolutions);
    let docs = versions.pick(
        &corpus.resolutions,
        DocId::all(corpus.resolutions.len()),
        None,
    );
    let mut resolutions: Vec<(DocId, &Resolution)> = docs
        .into_iter()
        .filter_map(|d| Some((d, corpus.resolutions.by_id(d)?)))
        .collect();
    resolutions.sort_by(|(_, a), (_, b)| (a.adopted_on, a.id()).cmp(&(b.adopted_on, b.id())));
    if json {
        let summaries: Vec<serde_json::Value> = resolutions
            .iter()
            .map(|&(doc, r)| {
                serde_json::json!({
                    "symbol": r.symbol, "number": r.number, "body": r.body,
                    "session": r.session, "adopted_on": r.adopted_on,
                    "tally": tally(r), "title": r.title,
                    "languages": language_codes(&versions, corpus, doc),
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &summaries)?;
        writeln!(out)?;
        return Ok(EXIT_OK);
    }
    let width = resolutions
        .iter()
        .map(|(_, r)| inert(r.id()).chars().count())
        .max()
        .unwrap_or(0);
    for (_, r) in resolutions {
        let date = or_dash(r.adopted_on);
        let title = r.title.as_deref().unwrap_or("(no title)");
        writeln!(
            out,
            "{:<width$}  {:<10}  {:<9}  {}",
            Shown(r.id()),
            date,
            tally(r),
            Shown(title)
        )?;
    }
    Ok(EXIT_OK)
}

/// `resolu show ID [--lang CODE]`: the version in `lang`, else the first version in corpus
/// order (what `show` printed before versions were grouped).
pub fn show(
    corpus: &Corpus,
    id: &str,
    lang: Option<Language>,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let Some(found) = corpus.find(id) else {
        writeln!(
            err,
            "resolu: no resolution “{}” in the corpus ({} documents); `resolu list` shows them",
            Shown(id),
            corpus.resolutions.len()
        )?;
        return Ok(EXIT_INPUT);
    };
    let versions = Versions::build(&corpus.resolutions);
    let doc = corpus
        .resolutions
        .iter()
        .position(|r| std::ptr::eq(r, found))
        .map(DocId);
    let languages = doc.map_or_else(Vec::new, |doc| language_codes(&versions, corpus, doc));
    let chosen = match (lang, doc) {
        (None, _) => Some(found),
        (Some(lang), Some(doc)) => versions
            .in_language(&corpus.resolutions, doc, lang)
            .and_then(|d| corpus.resolutions.by_id(d)),
        (Some(lang), None) => (found.language == Some(lang)).then_some(found),
    };
    let Some(r) = chosen else {
        writeln!(
            err,
            "resolu: {} has no {} version in the corpus (it is in: {})",
            Shown(found.id()),
            lang.map(|l| l.to_string()).unwrap_or_default(),
            languages.join(", ")
        )?;
        return Ok(EXIT_INPUT);
    };
    if json {
        serde_json::to_writer_pretty(&mut *out, r)?;
        writeln!(out)?;
        return Ok(EXIT_OK);
    }
    write_resolution(r, out)?;
    let shown = r.language.map(|l| l.to_string());
    let others: Vec<&String> = languages
        .iter()
        .filter(|l| Some(l.as_str()) != shown.as_deref())
        .collect();
    if let Some(other) = others.first() {
        let list: Vec<&str> = others.iter().map(|l| l.as_str()).collect();
        writeln!(out, "\nAlso in: {} (--lang {other})", list.join(", "))?;
    }
    Ok(EXIT_OK)
}

/// The languages of `doc`'s resolution as codes, `?` for one not recognised.
pub(super) fn language_codes(versions: &Versions, corpus: &Corpus, doc: DocId) -> Vec<String> {
    versions
        .languages(&corpus.resolutions, doc)
        .into_iter()
        .map(|l| l.map_or_else(|| "?".to_string(), |l| l.to_string()))
        .collect()
}

/// A resolution as text: header, paragraphs marked PP / OP n, footnotes, vote, warnings.
pub fn write_resolution(r: &Resolution, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", Shown(r.id()))?;
    writeln!(out, "{}", Shown(r.title.as_deref().unwrap_or("(no title)")))?;
    writeln!(
        out,
        "Body: {}   Session: {}   Agenda item: {}",
        or_dash(r.body.map(crate::corpus::Body::code)),
        or_dash(r.session),
        or_dash(r.agenda_item.as_deref().map(Shown))
    )?;
    writeln!(
        out,
        "Adopted: {}   Meeting: {}   Vote: {}",
        or_dash(r.adopted_on),
        or_dash(r.meeting.as_deref().map(Shown)),
        tally(r)
    )?;
    writeln!(out)?;
    for (i, paragraph) in r.paragraphs.iter().enumerate() {
        let label = r.citation(ParagraphIndex(i)).unwrap_or_default();
        writeln!(out, "{label:<6} {}", Shown(&paragraph.text))?;
    }
    if !r.footnotes.is_empty() {
        writeln!(out, "\nFootnotes")?;
        for f in &r.footnotes {
            writeln!(out, "{:>4}  {}", Shown(&f.mark), Shown(&f.text))?;
        }
    }
    if let Some(vote) = &r.vote {
        let lists = [
            ("In favour", vote.yes, &vote.in_favour),
            ("Against", vote.no, &vote.against),
            ("Abstaining", vote.abstain, &vote.abstaining),
        ];
        if lists.iter().any(|(_, n, l)| n.is_some() || !l.is_empty()) {
            writeln!(out, "\nVote")?;
        }
        for (label, stated, list) in lists {
            if stated.is_none() && list.is_empty() {
                continue;
            }
            let names: Vec<String> = list
                .iter()
                .map(|c| {
                    let code = c.code.as_deref().unwrap_or("?");
                    format!("{} ({})", Shown(&c.name), Shown(code))
                })
                .collect();
            writeln!(out, "{label} ({}): {}", or_dash(stated), names.join(", "))?;
        }
    }
    if !r.warnings.is_empty() {
        writeln!(out, "\nWarnings")?;
        for w in &r.warnings {
            writeln!(out, "- {}", Shown(&w.to_string()))?;
        }
    }
    Ok(())
}
