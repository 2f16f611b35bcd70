//! The layers of the code, checked from the sources: which module may use which, and no cycle
//! between the top-level modules nor between the files of one module. Test code (`#[cfg(test)]`
//! modules, `tests.rs` files) is left out: a test may reach anywhere.

// Test and tool code: a failure is meant to stop it, and clippy's pedantic group is for src/.
#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The module path of a source file: `src/app/open.rs` → `["app", "open"]`.
fn module_of(path: &Path) -> Vec<String> {
    let relative = path.strip_prefix("src").unwrap();
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts
        .last()
        .is_some_and(|p| p == "mod" || p == "lib" || p == "main")
    {
        parts.pop();
    }
    parts
}

/// The source without its test modules: from a `#[cfg(test)]` line to the end of the file (test
/// modules come last, as rustfmt and our style put them).
fn without_tests(source: &str) -> &str {
    source
        .find("#[cfg(test)]")
        .map_or(source, |at| &source[..at])
}

/// Every module path a file refers to, absolute: `crate::a::b`, and `super::x` resolved.
fn references(module: &[String], source: &str) -> BTreeSet<Vec<String>> {
    let mut found = BTreeSet::new();
    let text = without_tests(source);
    let bytes = text.as_bytes();
    for (start, _) in text
        .match_indices("crate::")
        .chain(text.match_indices("super::"))
    {
        if start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_') {
            continue;
        }
        let rest = &text[start..];
        let path: Vec<&str> = rest
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
            .next()
            .unwrap_or("")
            .split("::")
            .filter(|s| !s.is_empty())
            .collect();
        let mut absolute: Vec<String> = Vec::new();
        let mut parts = path.iter().peekable();
        if parts.peek() == Some(&&"crate") {
            parts.next();
        } else {
            // `super` from a file module is its parent's path; from `mod.rs` one more level up
            // was already dropped by module_of.
            absolute = module.to_vec();
            while parts.peek() == Some(&&"super") {
                parts.next();
                absolute.pop();
            }
        }
        absolute.extend(parts.map(|s| s.to_string()));
        found.insert(absolute);
    }
    found
}

/// `module → modules it uses` at one level: top-level modules (`prefix` empty), or the children
/// of `prefix`.
fn graph(prefix: &[&str]) -> BTreeMap<String, BTreeSet<String>> {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let depth = prefix.len();
    for entry in walkdir("src") {
        let module = module_of(&entry);
        if module.len() <= depth || module.iter().take(depth).ne(prefix.iter()) {
            continue;
        }
        if module.last().is_some_and(|m| m == "tests") {
            continue;
        }
        let source = std::fs::read_to_string(&entry).unwrap();
        let from = module[depth].clone();
        for target in references(&module, &source) {
            if target.len() <= depth || target.iter().take(depth).ne(prefix.iter()) {
                continue;
            }
            let to = target[depth].clone();
            if to != from {
                edges.entry(from.clone()).or_default().insert(to);
            }
        }
        edges.entry(from).or_default();
    }
    edges
}

fn walkdir(dir: &str) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(dir)];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// A cycle in `edges`, if there is one, as the modules along it.
fn cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        done: &mut BTreeSet<String>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut found = path[at..].to_vec();
            found.push(node.to_string());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, edges, done, path) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|node| visit(node, edges, &mut done, &mut Vec::new()))
}

#[test]
fn the_layers_depend_downwards_only() {
    let edges = graph(&[]);
    // What each layer may use, besides itself (README, "Architecture").
    let allowed: &[(&str, &[&str])] = &[
        ("text", &[]),
        ("plural", &[]),
        ("fsread", &[]),
        ("corpus", &["text", "fsread"]),
        ("index", &["corpus", "text"]),
        ("cache", &["corpus", "text", "index", "fsread"]),
        ("votes", &["corpus", "index", "text", "cache", "fsread"]),
        ("app", &["corpus", "index", "votes", "text", "plural"]),
        ("config", &["app", "votes", "fsread"]),
        (
            "ui",
            &[
                "app", "config", "corpus", "index", "votes", "text", "plural",
            ],
        ),
        ("worker", &["app", "corpus", "index", "votes", "plural"]),
        ("clipboard", &[]),
        ("remember", &["app", "fsread"]),
    ];
    for (module, may_use) in allowed {
        let uses = edges.get(*module).cloned().unwrap_or_default();
        for used in &uses {
            assert!(
                may_use.contains(&used.as_str()),
                "{module} uses {used}, which is not below it"
            );
        }
    }
    assert!(
        edges.contains_key("corpus") && edges.contains_key("app"),
        "{edges:?}"
    );
}

#[test]
fn no_module_cycles() {
    let mut levels: Vec<Vec<String>> = vec![vec![]];
    for entry in walkdir("src") {
        let module = module_of(&entry);
        for depth in 1..module.len() {
            levels.push(module[..depth].to_vec());
        }
    }
    levels.sort();
    levels.dedup();
    for prefix in &levels {
        let prefix: Vec<&str> = prefix.iter().map(String::as_str).collect();
        let edges = graph(&prefix);
        assert_eq!(
            cycle(&edges),
            None,
            "a cycle inside `{}`",
            prefix.join("::")
        );
    }
}

#[test]
fn the_checker_sees_a_cycle() {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    edges.entry("a".into()).or_default().insert("b".into());
    edges.entry("b".into()).or_default().insert("c".into());
    assert_eq!(cycle(&edges), None);
    edges.entry("c".into()).or_default().insert("a".into());
    assert_eq!(
        cycle(&edges),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    let open = references(
        &["app".to_string(), "open".to_string()],
        "use super::update::query_changed;\nuse crate::ui::reader;\n#[cfg(test)]\nuse crate::tui;",
    );
    assert!(open.contains(&vec![
        "app".to_string(),
        "update".to_string(),
        "query_changed".to_string()
    ]));
    assert!(open.contains(&vec!["ui".to_string(), "reader".to_string()]));
    assert!(!open.iter().any(|p| p[0] == "tui"));
}
