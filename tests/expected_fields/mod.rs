//! The hand-checked fields of `sample-data/expected.json` and `sample-data/en/expected.json`, and
//! the comparison of a parsed resolution with them: shared by `tests/expected.rs` (the sample
//! documents as they are) and `tests/flattened.rs` (the same documents flattened).
#![allow(dead_code)]

use resolu::corpus::{Adoption, CountryRef, Resolution};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Every expected.json entry with the path of its sample document (`sample-data/en/…`).
pub fn expectations() -> Vec<(PathBuf, Value)> {
    let mut all = Vec::new();
    for dir in ["sample-data", "sample-data/en"] {
        let text = std::fs::read_to_string(Path::new(dir).join("expected.json")).unwrap();
        let entries: Vec<Value> = serde_json::from_str(&text).unwrap();
        for entry in entries {
            let file = entry["file"].as_str().unwrap();
            all.push((Path::new("sample-data").join(file), entry));
        }
    }
    all
}

pub fn names(list: &[CountryRef]) -> Vec<&str> {
    list.iter().map(|c| c.name.as_str()).collect()
}

/// Every field of the expected.json entry `e` that `r` gets wrong, as `field: got …, expected …`.
pub fn field_mismatches(r: &Resolution, e: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let mut check = |field: &str, got: Value| {
        if got != e[field] {
            out.push(format!("{field}: got {got}, expected {}", e[field]));
        }
    };
    check("symbol", serde_json::json!(r.symbol));
    check("number", serde_json::json!(r.number));
    check("body", serde_json::to_value(r.body).unwrap());
    check("language", serde_json::to_value(r.language).unwrap());
    check("session", serde_json::json!(r.session));
    check("agenda_item", serde_json::json!(r.agenda_item));
    check("adopted_on", serde_json::to_value(r.adopted_on).unwrap());
    check("meeting", serde_json::json!(r.meeting));
    check("title", serde_json::json!(r.title));
    check(
        "preambular_paragraphs",
        serde_json::json!(r.preambular_paragraphs().count()),
    );
    check(
        "operative_paragraphs",
        serde_json::json!(r.operative_paragraphs().count()),
    );
    let vote = r.vote.as_ref().map(|v| {
        let adoption = match v.adoption {
            Adoption::RecordedVote => "recorded_vote",
            Adoption::WithoutVote => "without_vote",
            Adoption::Unknown => "unknown",
        };
        serde_json::json!({
            "adoption": adoption, "yes": v.yes, "no": v.no, "abstain": v.abstain,
            "in_favour": names(&v.in_favour), "against": names(&v.against),
            "abstaining": names(&v.abstaining),
        })
    });
    check("vote", serde_json::json!(vote));
    out
}
