//! A resolution written as a PDF in the UN's layout, for the PDF reader's fixtures: A4, body in
//! Times 10 pt on a 12 pt pitch with a wider gap between paragraphs, the header lines, the
//! number and title in bold, the opener and each paragraph's first word in italics, operative
//! numbers hanging in the margin, sub-paragraphs on lines of their own, footnote calls set in
//! 6.5 pt raised above the baseline, footnotes in 8.5 pt below a rule with raised 5.5 pt marks,
//! the meeting and date in italics on the right, the vote block, and on every page running
//! heads and feet (symbol, job number, page counter) marked as artifacts, as a tagged UN PDF
//! marks them. Accents go through the fonts' WinAnsi encoding. Written with `pdfboss-write`.
#![allow(dead_code)]

use super::un_text::{Lists, apostrophe, date_words, split_subparagraphs, vote_block, words};
use pdfboss_core::Name;
use pdfboss_core::content::Op;
use pdfboss_write::font::Standard14;
use pdfboss_write::{Page, PageSize, Pdf};
use resolu::corpus::{ParagraphKind, Resolution};

const LEFT: f32 = 72.0;
const RIGHT: f32 = 523.0;
const TOP: f32 = 760.0;
/// Body text stops above this line; footnotes go below it.
const BOTTOM: f32 = 150.0;
const BODY: f32 = 10.0;
const PITCH: f32 = 12.0;
const GAP: f32 = 6.0;
const NOTE: f32 = 8.5;

/// One run of text on a line: its font and whether it is a raised call.
#[derive(Clone)]
struct Run {
    text: String,
    font: Standard14,
    call: bool,
}

fn run(text: &str, font: Standard14) -> Run {
    Run {
        text: printable(text),
        font,
        call: false,
    }
}

/// `text` as the fonts can print it: a character WinAnsi has no code for (`−`, U+2212) becomes
/// the nearest one it has (`-`), or `?`. The tests compare with the original mapped the same way.
pub fn printable(text: &str) -> String {
    text.chars()
        .map(|c| {
            if Standard14::TimesRoman.encode(&c.to_string()).is_ok() {
                c
            } else {
                match c {
                    '−' | '‐' | '‑' => '-',
                    _ => '?',
                }
            }
        })
        .collect()
}

fn width(run: &Run) -> f32 {
    let size = if run.call { 6.5 } else { BODY };
    run.font.text_width(&run.text, size).unwrap_or(0.0)
}

/// Break runs into lines no wider than `room`, at spaces.
fn wrap(runs: &[Run], room: f32) -> Vec<Vec<Run>> {
    // Words with the font they are in; a call sticks to the word before it.
    let mut words: Vec<Vec<Run>> = Vec::new();
    // The text so far ends a word: the next run starts a new one.
    let mut spaced = true;
    for r in runs {
        if r.call {
            if let Some(last) = words.last_mut() {
                last.push(r.clone());
            }
            continue;
        }
        let starts_word = spaced || r.text.starts_with(' ');
        spaced = r.text.ends_with(' ');
        for (i, w) in r.text.split(' ').enumerate() {
            if w.is_empty() {
                continue;
            }
            let word = run(w, r.font);
            let glued = i == 0 && !starts_word && !words.is_empty();
            match words.last_mut() {
                Some(last) if glued => last.push(word),
                _ => words.push(vec![word]),
            }
        }
    }
    let space = Standard14::TimesRoman.text_width(" ", BODY).unwrap_or(2.5);
    let mut lines: Vec<Vec<Run>> = Vec::new();
    let mut used = 0.0;
    for word in words {
        let w: f32 = word.iter().map(width).sum();
        let fits = lines.last().is_some() && used + space + w <= room;
        if fits {
            let line = lines.last_mut().unwrap();
            line.push(run(" ", Standard14::TimesRoman));
            line.extend(word);
            used += space + w;
        } else {
            lines.push(word);
            used = w;
        }
    }
    lines
}

/// The document being laid out: pages, the pen, footnotes waiting for the page's foot.
struct Writer {
    /// Running heads and feet marked as artifacts (a tagged PDF) or printed as plain text.
    tagged: bool,
    pages: Vec<Page>,
    y: f32,
    symbol: String,
    job: String,
    notes_here: Vec<(String, String)>,
}

impl Writer {
    fn new(symbol: &str, job: &str, tagged: bool) -> Writer {
        let mut w = Writer {
            tagged,
            pages: Vec::new(),
            y: TOP,
            symbol: symbol.to_string(),
            job: job.to_string(),
            notes_here: Vec::new(),
        };
        w.new_page();
        w
    }

    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().unwrap()
    }

    fn artifact(&mut self, text: &str, x: f32, y: f32, font: Standard14, size: f32) {
        let tagged = self.tagged;
        let canvas = &mut self.page().canvas;
        if tagged {
            canvas.op(Op::BeginMarkedContent(Name("Artifact".into())));
        }
        canvas.text(text, x, y, font, size).unwrap();
        if tagged {
            canvas.op(Op::EndMarkedContent);
        }
    }

    fn new_page(&mut self) {
        if !self.pages.is_empty() {
            self.finish_page();
        }
        self.pages.push(Page::new(PageSize::A4));
        let n = self.pages.len();
        let symbol = self.symbol.clone();
        self.artifact(&symbol, 440.0, 800.0, Standard14::TimesBold, 8.5);
        let job = format!("{} {n}", self.job);
        self.artifact(&job, LEFT, 40.0, Standard14::TimesRoman, 7.0);
        self.y = TOP;
    }

    /// The page's footnotes below a rule, then nothing more on it.
    fn finish_page(&mut self) {
        let notes = std::mem::take(&mut self.notes_here);
        if notes.is_empty() {
            return;
        }
        self.artifact("_______________", LEFT, 130.0, Standard14::TimesRoman, 9.0);
        let mut y = 118.0;
        for (mark, text) in notes {
            let canvas = &mut self.page().canvas;
            canvas
                .text(&mark, LEFT + 12.0, y + 3.0, Standard14::TimesRoman, 5.5)
                .unwrap();
            for line in wrap(&[run(&text, Standard14::TimesRoman)], RIGHT - LEFT - 24.0) {
                let text: String = line.iter().map(|r| r.text.as_str()).collect();
                let canvas = &mut self.page().canvas;
                canvas
                    .text(&text, LEFT + 24.0, y, Standard14::TimesRoman, NOTE)
                    .unwrap();
                y -= 10.0;
            }
        }
    }

    /// One printed line of runs from `x`.
    fn line(&mut self, runs: &[Run], x: f32) {
        if self.y < BOTTOM {
            self.new_page();
        }
        let y = self.y;
        let mut at = x;
        for r in runs {
            let canvas = &mut self.page().canvas;
            if r.call {
                canvas
                    .text(&r.text, at, y + 3.5, Standard14::TimesRoman, 6.5)
                    .unwrap();
            } else if r.text != " " {
                canvas.text(&r.text, at, y, r.font, BODY).unwrap();
            }
            at += width(r);
        }
        self.y -= PITCH;
    }

    /// A block: its lines wrapped, the first from `first_x`, the rest from `LEFT`.
    fn block(&mut self, runs: &[Run], first_x: f32) {
        self.y -= GAP;
        for (i, line) in wrap(runs, RIGHT - first_x).into_iter().enumerate() {
            let x = if i == 0 { first_x } else { LEFT };
            self.line(&line, x);
        }
    }

    /// A line set flush right.
    fn right(&mut self, text: &str, font: Standard14) {
        let w = font.text_width(text, BODY).unwrap_or(0.0);
        self.line(&[run(text, font)], RIGHT - w);
    }
}

/// Split off a paragraph's first word, set in italics (`Rappelant`, `Décide`).
fn italic_first(text: &str) -> Vec<Run> {
    match text.split_once(' ') {
        Some((first, rest)) => vec![
            run(first, Standard14::TimesItalic),
            run(&format!(" {rest}"), Standard14::TimesRoman),
        ],
        None => vec![run(text, Standard14::TimesItalic)],
    }
}

/// Put footnote `mark`'s call after the fifth word of `runs` (or the last).
fn with_call(runs: Vec<Run>, mark: &str) -> Vec<Run> {
    let mut out = Vec::new();
    let mut words = 0;
    let mut placed = false;
    for r in runs {
        if placed {
            out.push(r);
            continue;
        }
        let mut text = String::new();
        for (i, w) in r.text.split(' ').enumerate() {
            if i > 0 {
                text.push(' ');
            }
            text.push_str(w);
            if !w.is_empty() {
                words += 1;
            }
            if words == 5 && !placed {
                placed = true;
                let rest_at = text.len();
                let rest = r.text.get(rest_at..).unwrap_or("");
                out.push(run(&text, r.font));
                out.push(Run {
                    text: mark.to_string(),
                    font: Standard14::TimesRoman,
                    call: true,
                });
                if !rest.is_empty() {
                    out.push(run(rest, Standard14::TimesRoman));
                }
                break;
            }
        }
        if !placed {
            out.push(r);
        }
    }
    if !placed {
        out.push(Run {
            text: mark.to_string(),
            font: Standard14::TimesRoman,
            call: true,
        });
    }
    out
}

/// The resolution `r` as PDF bytes. `job` is the job number printed at each page's foot.
pub fn write(r: &Resolution, job: &str) -> Vec<u8> {
    write_as(r, job, true)
}

/// `write`, with the running heads and feet printed as ordinary text (an untagged PDF, as
/// older UN PDFs and other producers make them).
pub fn write_untagged(r: &Resolution, job: &str) -> Vec<u8> {
    write_as(r, job, false)
}

fn write_as(r: &Resolution, job: &str, tagged: bool) -> Vec<u8> {
    let language = r.language.expect("a language");
    let q = apostrophe(r);
    let w = words(r);
    let symbol = r.symbol.clone().expect("a symbol");
    let mut doc = Writer::new(&symbol, job, tagged);
    let bold = Standard14::TimesBold;
    doc.line(&[run(&w.body, bold)], LEFT);
    doc.line(&[run(&w.session, bold)], LEFT);
    if let Some(item) = &w.agenda_item {
        doc.line(&[run(item, Standard14::TimesRoman)], LEFT);
    }
    doc.block(&[run(&w.adopted, bold)], LEFT + 48.0);
    let number = r.number.clone().expect("a number");
    let title = r.title.clone().expect("a title");
    doc.block(&[run(&format!("{number}. {title}"), bold)], LEFT);
    doc.block(&[run(&w.opener, Standard14::TimesItalic)], LEFT + 48.0);

    // Footnote k is called from the k-th paragraph.
    let mut notes = r.footnotes.iter();
    for p in &r.paragraphs {
        let note = notes.next();
        let parts: Vec<&str> = match p.kind {
            ParagraphKind::Operative => split_subparagraphs(&p.text),
            _ => vec![p.text.as_str()],
        };
        for (i, part) in parts.iter().enumerate() {
            let mut runs = if i == 0 {
                italic_first(part)
            } else {
                vec![run(part, Standard14::TimesRoman)]
            };
            if i == 0
                && let Some(n) = note
            {
                runs = with_call(runs, &n.mark);
                doc.notes_here.push((n.mark.clone(), n.text.clone()));
            }
            match (p.kind, i, p.number) {
                (ParagraphKind::Operative, 0, Some(n)) => {
                    let mut numbered = vec![run(&format!("{n}. "), Standard14::TimesRoman)];
                    numbered.extend(runs);
                    doc.block(&numbered, LEFT + 24.0);
                }
                (_, 0, _) => doc.block(&runs, LEFT + 48.0),
                _ => doc.block(&runs, LEFT + 24.0),
            }
        }
    }
    doc.y -= GAP;
    if let Some(meeting) = &r.meeting {
        doc.right(meeting, Standard14::TimesItalic);
    }
    if let Some(date) = r.adopted_on {
        doc.right(&date_words(date, language), Standard14::TimesItalic);
    }
    if let Some(v) = &r.vote {
        doc.block(
            &[run(
                &vote_block(v, language, Lists::CommasWithFullStop, q),
                Standard14::TimesRoman,
            )],
            LEFT,
        );
    }
    // Footnotes left over (more footnotes than paragraphs) go to the last page.
    for n in notes {
        doc.notes_here.push((n.mark.clone(), n.text.clone()));
    }
    doc.finish_page();
    let pdf = Pdf {
        pages: std::mem::take(&mut doc.pages),
        ..Pdf::default()
    };
    pdf.to_bytes().expect("a PDF")
}
