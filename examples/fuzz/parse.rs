//! `parse`: mutated sample documents through the whole pipeline a file goes through — parse,
//! index build, a few searches with their match positions and snippets, export as JSON, JSON
//! lines and CSV, and `show` — checking cheap invariants on the way.

use super::mutate::{HOSTILE, mutate};
use super::rng::Rng;
use super::{Target, stage};
use resolu::cli::ExportFormat;
use resolu::commands::{export, write_resolution};
use resolu::corpus::load::{Corpus, EMBEDDED, parse_bytes};
use resolu::corpus::source::pdf::is_pdf;
use resolu::corpus::{ParagraphKind, Resolution};
use resolu::index::snippet::best_window;
use resolu::index::{Index, match_positions, query};
use resolu::text::display::is_unsafe;

/// Inputs stay under this size: a linear parser does one case in milliseconds.
const CAP: usize = 1 << 20;

/// Words and marks the readers, the layout stage and the grammar look for.
const TOKENS: &[&str] = &[
    "1. ",
    "\n1. ",
    "\n12. ",
    "\n(a) ",
    "\ni) ",
    "[^7]:",
    "\n[^7]: ",
    "[^7]",
    "x7x ",
    "<sup>1</sup>",
    "^e^",
    " et ",
    " and ",
    ", ",
    "France and ",
    "France, ",
    "Côte d’Ivoire, ",
    "United Kingdom of Great Britain and Northern Ireland and ",
    "In favour: ",
    "Against: ",
    "Abstaining: ",
    "None",
    "Ont voté pour : ",
    "Ont voté contre : ",
    "Se sont abstenus : ",
    "[Adopted by a recorded vote of 27 to 12, with 7 abstentions. The voting was as follows:\n",
    "Adopted by a recorded vote of ",
    "[Adoptée par 30 voix contre 15, avec 2 abstentions, à l’issue d’un vote enregistré. Les voix se sont réparties comme suit :\n",
    "[Adopted without a vote.]",
    "[Adoptée sans vote.]",
    "]",
    "[",
    "A/HRC/RES/",
    "A/HRC/RES/44/18",
    "A/RES/",
    "A/RES/2453 (XXIII)",
    "GE.20-09930 7",
    "2/3",
    "\nHuman Rights Council\n",
    "\nConseil des droits de l’homme\n",
    "\nGeneral Assembly\n",
    "Quarante-quatrième session\n",
    "Eightieth session\n",
    "Agenda item 97 (c)\n",
    "Point 68, b, de l’ordre du jour\n",
    "Resolution adopted by the Human Rights Council on 6 October 2020\n",
    "Résolution adoptée par le Conseil des droits de l’homme le 23 mars 2021\n",
    "49e séance\n",
    "52nd plenary meeting\n",
    "\n44/18. ",
    "The General Assembly,\n",
    "Le Conseil des droits de l’homme,\n",
    "Decides ",
    "Recalling ",
    "\nAnnex\n",
    "\nAnnexe\n",
    "\n---\n",
    "---\n",
    "*",
    "**",
    "\n# ",
    "-\n",
    "1",
    "19904",
    "l’homme1",
    "\u{a0}",
    "\u{2011}",
    "’",
];

pub struct ParseTarget {
    seeds: Vec<Vec<u8>>,
    /// The most items a grown shape (`grow`) may have.
    max_items: usize,
}

impl ParseTarget {
    /// `max_items`: how far `grow` may grow a vote list or a footnote block (a few thousand
    /// finds what is not linear; a few dozen keeps a smoke test quick).
    pub fn new(max_items: usize) -> ParseTarget {
        let mut seeds: Vec<Vec<u8>> = EMBEDDED.iter().map(|(_, bytes)| bytes.to_vec()).collect();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        // The samples not compiled in (44/11 as converter text) and the flattened layouts.
        for folder in ["sample-data", "tests/fixtures/flattened"] {
            let Ok(entries) = std::fs::read_dir(root.join(folder)) else {
                continue;
            };
            let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            for path in paths {
                let text = path.extension().is_some_and(|e| e == "txt" || e == "md");
                if let (true, Ok(bytes)) = (text, std::fs::read(&path))
                    && !seeds.contains(&bytes)
                {
                    seeds.push(bytes);
                }
            }
        }
        ParseTarget { seeds, max_items }
    }
}

impl Target for ParseTarget {
    fn name(&self) -> &'static str {
        "parse"
    }

    fn generate(&self, rng: &mut Rng) -> Vec<u8> {
        let mut bytes = rng.pick(&self.seeds).clone();
        let other = rng.pick(&self.seeds);
        let mutations = if rng.one_in(8) { 0 } else { rng.size(12) };
        for _ in 0..mutations {
            mutate(rng, &mut bytes, TOKENS, other, CAP);
        }
        if rng.one_in(12) {
            grow(rng, &mut bytes, self.max_items);
        }
        // Now and then a hostile byte at the very start, where format detection looks.
        if rng.one_in(20) {
            let token = *rng.pick(HOSTILE);
            bytes.splice(0..0, token.iter().copied());
        }
        bytes
    }

    fn run(&self, input: &[u8]) -> Result<(), String> {
        stage("parse");
        let Ok(resolution) = parse_bytes("fuzz/case.txt", input) else {
            // Refused (empty, binary, not a resolution): a typed error is a fine answer.
            return Ok(());
        };
        stage("check");
        check_resolution(&resolution, input)?;
        let corpus = Corpus {
            resolutions: vec![resolution],
            problems: Vec::new(),
        };
        search_it(&corpus)?;
        stage("export");
        export_it(&corpus)
    }
}

/// Shapes that only a long run of one grammar item makes, which random mutation seldom reaches:
/// a vote list of k names joined by ` and ` / ` et ` without commas, k footnotes of one mark
/// over words holding its digits, k operative paragraphs, k countries in commas.
fn grow(rng: &mut Rng, bytes: &mut Vec<u8>, max_items: usize) {
    let k = rng.size(max_items);
    let shape = match rng.below(5) {
        0 => format!(
            "\n[Adopted by a recorded vote of {k} to 0. In favour: {}Viet Nam Against: None Abstaining: None]\n",
            "France and ".repeat(k)
        ),
        1 => format!(
            "\n[Adoptée par {k} voix contre 0. Ont voté pour : {}Viet Nam Ont voté contre : Néant Se sont abstenus : Néant]\n",
            "France et ".repeat(k)
        ),
        2 => format!(
            "\n{}\n{}",
            "x7x word ".repeat(k),
            "[^7]: A footnote.\n".repeat(k)
        ),
        3 => (1..=k)
            .map(|n| format!("\n{n}. Decides to remain seized of the matter;\n"))
            .collect(),
        _ => format!("\nIn favour: {}Viet Nam\n", "Algeria, Brazil, ".repeat(k)),
    };
    let starts: Vec<usize> = std::iter::once(0)
        .chain(
            bytes
                .iter()
                .enumerate()
                .filter(|&(_, &b)| b == b'\n')
                .map(|(i, _)| i + 1),
        )
        .collect();
    let at = *rng.pick(&starts);
    bytes.splice(at..at, shape.into_bytes());
    bytes.truncate(CAP);
}

/// Text fields never hold a character a terminal would act on; the output is proportional to the
/// input; numbers are ones the input printed.
fn check_resolution(r: &Resolution, input: &[u8]) -> Result<(), String> {
    let mut fields: Vec<(&str, &str)> = Vec::new();
    for (name, value) in [
        ("symbol", &r.symbol),
        ("number", &r.number),
        ("title", &r.title),
        ("agenda_item", &r.agenda_item),
        ("meeting", &r.meeting),
    ] {
        if let Some(value) = value {
            fields.push((name, value));
        }
    }
    for p in &r.paragraphs {
        fields.push(("paragraph", &p.text));
    }
    for f in &r.footnotes {
        fields.push(("footnote mark", &f.mark));
        fields.push(("footnote", &f.text));
    }
    if let Some(vote) = &r.vote {
        for c in vote
            .in_favour
            .iter()
            .chain(&vote.against)
            .chain(&vote.abstaining)
        {
            fields.push(("country", &c.name));
            if let Some(code) = &c.code {
                fields.push(("country code", code));
            }
        }
    }
    for (name, value) in &fields {
        if let Some(c) = value.chars().find(|&c| is_unsafe(c)) {
            return Err(format!("{name} holds the unsafe character {c:?}"));
        }
    }
    // Warnings may quote the text as it was: they are made inert where they are printed.
    let warnings: Vec<String> = r.warnings.iter().map(ToString::to_string).collect();
    let text_bytes: usize = fields.iter().map(|(_, v)| v.len()).sum();
    let warning_bytes: usize = warnings.iter().map(String::len).sum();
    if text_bytes > 4 * input.len() + 4096 || warning_bytes > 4 * input.len() + 65536 {
        return Err(format!(
            "{text_bytes} bytes of text and {warning_bytes} of warnings from {} bytes of input",
            input.len()
        ));
    }
    let mut numbers: Vec<u32> = Vec::new();
    for p in &r.paragraphs {
        match (p.kind, p.number) {
            (ParagraphKind::Preambular, Some(n)) => {
                return Err(format!("a preambular paragraph has the number {n}"));
            }
            (_, Some(n)) if !numbers.contains(&n) && numbers.len() < 50 => numbers.push(n),
            _ => {}
        }
    }
    // A PDF's numbers are in compressed streams: only a text file's can be looked for.
    let pdf = is_pdf(input);
    for n in numbers.into_iter().filter(|_| !pdf) {
        let digits = n.to_string();
        if !input.windows(digits.len()).any(|w| w == digits.as_bytes()) {
            return Err(format!("paragraph number {n} is not printed in the input"));
        }
    }
    Ok(())
}

/// Index the document, ask it a few questions built from its own words, and check the answers.
fn search_it(corpus: &Corpus) -> Result<(), String> {
    let r = &corpus.resolutions[0];
    stage("index");
    let index = Index::build(&corpus.resolutions);
    stage("search");
    let longest = r
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .max_by_key(|t| t.len())
        .unwrap_or("");
    // Words as a user would type them: a word of the document cut to 40 characters (a long
    // query is the query target's business).
    let words: Vec<String> = longest
        .split_whitespace()
        .take(3)
        .map(|w| w.chars().take(40).collect())
        .collect();
    let mut queries = vec![
        "op: decide".to_string(),
        "c:fra".to_string(),
        "c:fra=no | c:usa=yes".to_string(),
        "!the coop".to_string(),
    ];
    if let Some(word) = words.first() {
        queries.push((*word).to_string());
        queries.push(format!("'{word} | ^{word}"));
    }
    if words.len() > 1 {
        queries.push(format!("\"{}\"", words.join(" ")));
    }
    for text in &queries {
        let q = query::parse(text);
        let result = index.search(&corpus.resolutions, &q, 20);
        if result.hits.len() > result.total || result.hits.len() > 20 {
            return Err(format!(
                "{text:?}: {} hits of {} total",
                result.hits.len(),
                result.total
            ));
        }
        for hit in &result.hits {
            let Some(p) = r.paragraphs.get(hit.paragraph.0) else {
                return Err(format!(
                    "{text:?}: a hit names paragraph {}",
                    hit.paragraph.0
                ));
            };
            check_positions(text, &p.text, &hit.positions)?;
            let positions = match_positions(&q, &p.text);
            check_positions(text, &p.text, &positions)?;
            let start = best_window(&p.text, &positions, 60, 3);
            if !p.text.is_char_boundary(start) {
                return Err(format!(
                    "{text:?}: snippet starts inside a character ({start})"
                ));
            }
        }
    }
    Ok(())
}

/// Match positions are sorted character starts inside the text.
pub fn check_positions(query: &str, text: &str, positions: &[usize]) -> Result<(), String> {
    if positions.windows(2).any(|w| w[0] >= w[1]) {
        return Err(format!("{query:?}: match positions not ascending"));
    }
    match positions
        .iter()
        .find(|&&at| at >= text.len() || !text.is_char_boundary(at))
    {
        Some(at) => Err(format!(
            "{query:?}: match position {at} is not a character of the text ({} bytes)",
            text.len()
        )),
        None => Ok(()),
    }
}

/// Every export format and `show` write it without error, and nothing they write holds ESC.
fn export_it(corpus: &Corpus) -> Result<(), String> {
    for format in [ExportFormat::Json, ExportFormat::Jsonl, ExportFormat::Csv] {
        let mut out = Vec::new();
        export(corpus, format, &mut out).map_err(|e| format!("export {format:?}: {e}"))?;
        if out.contains(&0x1b) {
            return Err(format!("export {format:?} wrote an ESC byte"));
        }
    }
    let mut out = Vec::new();
    write_resolution(&corpus.resolutions[0], &mut out).map_err(|e| format!("show: {e}"))?;
    if out.contains(&0x1b) {
        return Err("show wrote an ESC byte".to_string());
    }
    Ok(())
}
