//! The query history: the queries left in the bar, oldest first, bounded, and where a recall
//! (`history_previous` / `history_next`) stands. Pure data: the loop reads the file at start and
//! writes what `update` hands it as a command.

use crate::text::display::is_unsafe;
use crate::text::fold::fold;

/// How many queries are kept unless the config says otherwise.
pub const DEFAULT_LIMIT: usize = 500;

/// Earlier queries and the state of a recall in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryHistory {
    /// Oldest first, no two neighbours equal, at most `limit`.
    entries: Vec<String>,
    limit: usize,
    browse: Option<Browse>,
}

/// A recall in progress: which entry is shown, and what was typed before the first recall (it
/// filters the entries, like zsh's history-beginning-search, and comes back past the newest).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Browse {
    at: usize,
    draft: String,
    /// The text the bar held after the last recall: an edit since then starts a new recall.
    shown: String,
}

impl Default for QueryHistory {
    fn default() -> Self {
        QueryHistory::new(Vec::new(), DEFAULT_LIMIT)
    }
}

/// What a recall step gives the query bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recall {
    /// Show this text.
    Show(String),
    /// Nothing further in that direction: leave the bar as it is.
    End,
}

impl QueryHistory {
    /// A history of `entries` (oldest first), cleaned: lines made one-line queries, empty ones
    /// and repeated neighbours dropped, the oldest beyond `limit` forgotten. A `limit` of 0
    /// keeps nothing (history off).
    pub fn new(entries: Vec<String>, limit: usize) -> QueryHistory {
        let mut history = QueryHistory {
            entries: Vec::new(),
            limit,
            browse: None,
        };
        for entry in entries {
            history.push(&entry);
        }
        history
    }

    pub fn entries(&self) -> &[String] {
        &self.entries
    }

    pub fn limit(&self) -> usize {
        self.limit
    }

    /// Add a query as the newest entry; returns it as stored, or `None` when nothing was added
    /// (empty, the same as the newest, or history off). Ends any recall.
    pub fn push(&mut self, query: &str) -> Option<String> {
        self.browse = None;
        let query = one_line(query);
        if query.is_empty() || self.limit == 0 || self.entries.last() == Some(&query) {
            return None;
        }
        self.entries.push(query.clone());
        let extra = self.entries.len().saturating_sub(self.limit);
        self.entries.drain(..extra);
        Some(query)
    }

    /// Forget where a recall stands (the bar was left).
    pub fn stop(&mut self) {
        self.browse = None;
    }

    /// Whether a recall is in progress for a bar holding `text`.
    pub fn is_browsing(&self, text: &str) -> bool {
        self.browse.as_ref().is_some_and(|b| b.shown == text)
    }

    /// The entry before the one shown (the newest, at first) that starts with the draft, the bar
    /// holding `text`. An edit since the last recall makes `text` the new draft.
    pub fn older(&mut self, text: &str) -> Recall {
        let (from, draft) = match &self.browse {
            Some(b) if b.shown == text => (b.at, b.draft.clone()),
            _ => (self.entries.len(), text.to_string()),
        };
        let found = (0..from)
            .rev()
            .find(|&i| self.entries[i] != text && starts_with(&self.entries[i], &draft));
        self.show(found, draft)
    }

    /// The entry after the one shown that starts with the draft; past the newest, the draft
    /// itself. Without a recall in progress there is nothing newer.
    pub fn newer(&mut self, text: &str) -> Recall {
        let Some(browse) = self.browse.as_ref().filter(|b| b.shown == text) else {
            self.browse = None;
            return Recall::End;
        };
        let draft = browse.draft.clone();
        let found = (browse.at + 1..self.entries.len())
            .find(|&i| self.entries[i] != text && starts_with(&self.entries[i], &draft));
        if found.is_none() {
            self.browse = None;
            return Recall::Show(draft);
        }
        self.show(found, draft)
    }

    fn show(&mut self, found: Option<usize>, draft: String) -> Recall {
        let Some(at) = found else {
            return Recall::End;
        };
        let shown = self.entries[at].clone();
        self.browse = Some(Browse {
            at,
            draft,
            shown: shown.clone(),
        });
        Recall::Show(shown)
    }
}

/// A query as one line, safe to print: control characters (line breaks, tabs, escapes) and
/// bidirectional overrides become spaces, and the ends are trimmed.
pub fn one_line(text: &str) -> String {
    let line: String = text
        .chars()
        .map(|c| if is_unsafe(c) { ' ' } else { c })
        .collect();
    line.trim().to_string()
}

/// `entry` starts with `prefix`, letter case and accents aside (as the search itself).
fn starts_with(entry: &str, prefix: &str) -> bool {
    fold(entry).starts_with(&fold(prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn history(entries: &[&str]) -> QueryHistory {
        QueryHistory::new(
            entries
                .iter()
                .map(std::string::ToString::to_string)
                .collect(),
            5,
        )
    }

    #[test]
    fn pushing_collapses_neighbours_and_keeps_the_newest() {
        let mut h = history(&["a", "a", " b ", "", "b\n", "\u{202e}c"]);
        assert_eq!(h.entries(), ["a", "b", "c"]);
        assert_eq!(h.push("c"), None);
        assert_eq!(h.push("x\ty"), Some("x y".to_string()));
        for q in ["d", "e", "f"] {
            h.push(q);
        }
        assert_eq!(h.entries(), ["c", "x y", "d", "e", "f"]);
        let mut off = QueryHistory::new(vec!["a".into()], 0);
        assert!(off.entries().is_empty());
        assert_eq!(off.push("a"), None);
    }

    #[test]
    fn recall_walks_back_and_returns_to_the_draft() {
        let mut h = history(&["coop", "s:44", "cooperation"]);
        assert_eq!(h.older(""), Recall::Show("cooperation".into()));
        assert_eq!(h.older("cooperation"), Recall::Show("s:44".into()));
        assert_eq!(h.older("s:44"), Recall::Show("coop".into()));
        assert_eq!(h.older("coop"), Recall::End);
        assert_eq!(h.newer("coop"), Recall::Show("s:44".into()));
        assert_eq!(h.newer("s:44"), Recall::Show("cooperation".into()));
        assert_eq!(h.newer("cooperation"), Recall::Show(String::new()));
        assert_eq!(h.newer(""), Recall::End);
    }

    #[test]
    fn a_typed_prefix_filters_and_an_edit_starts_over() {
        let mut h = history(&["coop", "s:44", "Coopération"]);
        assert_eq!(h.older("co"), Recall::Show("Coopération".into()));
        assert_eq!(h.older("Coopération"), Recall::Show("coop".into()));
        assert_eq!(h.older("coop"), Recall::End);
        assert_eq!(h.newer("coop"), Recall::Show("Coopération".into()));
        assert_eq!(h.newer("Coopération"), Recall::Show("co".into()));
        assert_eq!(h.older("COOPE"), Recall::Show("Coopération".into()));
        // Edited after a recall: the edited text is the new draft.
        assert_eq!(h.older("s"), Recall::Show("s:44".into()));
        assert_eq!(h.older("s:44 y"), Recall::End);
    }
}
