//! Running heads and feet: lines repeated at the edges of pages (or, without pages, next to
//! pattern furniture), found before the lines are sorted.

use super::furniture::{Furniture, furniture_shape};
use crate::corpus::source::Lines;
use std::collections::{HashMap, HashSet};

/// Lines repeated at the edges of pages, by text: the running heads and feet.
pub(super) fn running_heads(lines: &Lines) -> HashSet<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let paged = lines.iter().any(|l| l.page.is_some_and(|p| p > 1));
    if paged {
        // Each page's first and last four lines (readers give a page's lines together), each
        // text counted once a page.
        let mut edges = PageEdges::default();
        for line in lines {
            let page = line.page.unwrap_or(1);
            if edges.page != Some(page) {
                edges.count_into(&mut counts);
                edges = PageEdges {
                    page: Some(page),
                    ..PageEdges::default()
                };
            }
            edges.add(line.text);
        }
        edges.count_into(&mut counts);
    } else {
        // No pages: lines next to pattern furniture (a job number, a page counter) count.
        // Each line's shape is judged once, and kept as a bit.
        let mut pattern = vec![0u64; lines.len().div_ceil(64)];
        for (i, l) in lines.iter().enumerate() {
            let furniture = matches!(
                furniture_shape(l.text),
                Some(
                    Furniture::JobNumber
                        | Furniture::PageNumber
                        | Furniture::Barcode
                        | Furniture::Symbol
                )
            );
            if furniture {
                pattern[i / 64] |= 1 << (i % 64);
            }
        }
        let is_pattern = |i: usize| pattern[i / 64] & (1 << (i % 64)) != 0;
        for (i, line) in lines.iter().enumerate() {
            if line.text.len() > 160 {
                continue;
            }
            let near = (i.saturating_sub(3)..(i + 4).min(lines.len())).any(is_pattern);
            if near {
                *counts.entry(line.text).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter(|(text, n)| {
            *n >= 2
                && furniture_shape(text).is_none()
                && !text.ends_with([',', ';'])
                && text.chars().any(char::is_alphabetic)
        })
        .map(|(text, _)| text.to_string())
        .collect()
}

/// The first and last four lines of one page, as `running_heads` reads them.
#[derive(Default)]
struct PageEdges<'a> {
    page: Option<u32>,
    first: Vec<&'a str>,
    /// The last four lines read, the oldest at `next`.
    last: [&'a str; 4],
    next: usize,
    lines: usize,
}

impl<'a> PageEdges<'a> {
    fn add(&mut self, text: &'a str) {
        if self.first.len() < 4 {
            self.first.push(text);
        }
        self.last[self.next] = text;
        self.next = (self.next + 1) % 4;
        self.lines += 1;
    }

    /// Count each text of the page's edges once (texts longer than a heading are not heads).
    fn count_into(&self, counts: &mut HashMap<&'a str, usize>) {
        let last = self.lines.min(4);
        let mut seen = HashSet::new();
        for text in self.first.iter().chain(&self.last[..last]) {
            if text.len() <= 160 && seen.insert(*text) {
                *counts.entry(text).or_default() += 1;
            }
        }
    }
}
