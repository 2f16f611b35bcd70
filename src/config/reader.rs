//! Reading one TOML table into the config, key by key: a bad value or an unknown key is a
//! warning naming it (and its file), and the value before it stands.

use super::{ColourDepth, Colours, Config, expand};
use crate::app::Language;
use crate::app::action::Action;
use crate::app::keymap::{Key, KeyMode, Keymap};
use ratatui::style::Color;
use serde::Deserialize;
use std::fmt;
use std::str::FromStr;

/// `max_file_mb` in bytes: a whole or decimal number of megabytes (of 1,048,576 bytes) above 0,
/// up to a million (a terabyte; more is a typo).
fn megabytes(value: &toml::Value) -> Option<u64> {
    const MB: u64 = 1 << 20;
    match value {
        toml::Value::Integer(n) => u64::try_from(*n)
            .ok()
            .filter(|n| (1..=1_000_000).contains(n))
            .map(|n| n * MB),
        toml::Value::Float(mb) if *mb > 0.0 && *mb <= 1e6 => {
            // Checked finite, positive and at most 2^40: the product fits a u64 exactly enough.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let bytes = (mb * 1_048_576.0).ceil() as u64;
            Some(bytes.max(1))
        }
        _ => None,
    }
}

/// Applies one table to the config, collecting warnings prefixed with the file they come from.
pub(super) struct Reader<'a> {
    source: &'a str,
    warnings: &'a mut Vec<String>,
}

impl<'a> Reader<'a> {
    pub(super) fn new(source: &'a str, warnings: &'a mut Vec<String>) -> Self {
        Reader { source, warnings }
    }

    fn warn(&mut self, key: &str, what: impl fmt::Display) {
        self.warnings
            .push(format!("{}: `{key}`: {what}", self.source));
    }

    pub(super) fn apply(&mut self, config: &mut Config, table: &toml::Table) {
        for (key, value) in table {
            match key.as_str() {
                "corpus_paths" => match string_list(value) {
                    Some(list) => config.corpus_paths = list.iter().map(|p| expand(p)).collect(),
                    None => self.warn(key, "must be a list of paths, like [\"~/un\"]"),
                },
                "votes" => match string_list(value) {
                    Some(list) => config.vote_files = list.iter().map(|p| expand(p)).collect(),
                    None => self.warn(key, "must be a list of paths, like [\"~/unvotes\"]"),
                },
                "mouse" => match value.as_bool() {
                    Some(on) => config.mouse = on,
                    None => self.warn(key, "must be true or false"),
                },
                "clipboard_file" => match value.as_str() {
                    Some("") => config.clipboard_file = None,
                    Some(path) => config.clipboard_file = Some(expand(path)),
                    None => self.warn(key, "must be a path in quotes"),
                },
                "list_width" => match value {
                    toml::Value::String(auto) if auto == "auto" => config.list_width = None,
                    _ => match value.as_integer().and_then(|n| u16::try_from(n).ok()) {
                        Some(columns) if columns > 0 => config.list_width = Some(columns),
                        _ => self.warn(key, "must be a number of columns, like 44, or \"auto\""),
                    },
                },
                "max_file_mb" => match megabytes(value) {
                    Some(bytes) => config.max_file_bytes = bytes,
                    None => self.warn(key, "must be a number of megabytes above 0, like 64"),
                },
                "history" => match value.as_table() {
                    Some(history) => self.history(config, history),
                    None => self.warn(key, "must be a table: [history]"),
                },
                "language" => match value.as_str().map(str::trim) {
                    Some("") => config.language = None,
                    Some(code) if Language::from_code(code).is_some() => {
                        config.language = Language::from_code(code);
                    }
                    _ => self.warn(
                        key,
                        "must be a two-letter language code, like \"en\", or \"\"",
                    ),
                },
                "colours" | "colors" => match value.as_table() {
                    Some(colours) => self.colours(&mut config.colours, colours),
                    None => self.warn(key, "must be a table: [colours]"),
                },
                "keys" => match value.as_table() {
                    Some(keys) => self.keys(&mut config.keys, keys),
                    None => self.warn(key, "must be a table: [keys.normal] or [keys.query]"),
                },
                _ => self.warn(key, "unknown key; ignored"),
            }
        }
    }

    fn history(&mut self, config: &mut Config, table: &toml::Table) {
        for (key, value) in table {
            let name = format!("history.{key}");
            match key.as_str() {
                "size" => match value.as_integer().and_then(|n| usize::try_from(n).ok()) {
                    Some(size) => config.history_size = size,
                    None => self.warn(&name, "must be a number of queries (0: no history)"),
                },
                _ => self.warn(&name, "unknown key; ignored"),
            }
        }
    }

    fn colours(&mut self, colours: &mut Colours, table: &toml::Table) {
        for (key, value) in table {
            let name = format!("colours.{key}");
            let Some(text) = value.as_str() else {
                self.warn(&name, "must be a string in quotes");
                continue;
            };
            if key == "depth" {
                match parse_depth(text) {
                    Ok(depth) => colours.depth = depth,
                    Err(()) => self.warn(&name, "must be auto, truecolor, 256, 16 or none"),
                }
                continue;
            }
            let slot = match key.as_str() {
                "accent" => &mut colours.accent,
                "match" => &mut colours.matched,
                "yes" => &mut colours.yes,
                "no" => &mut colours.no,
                "abstain" => &mut colours.abstain,
                "warning" => &mut colours.warning,
                "dim" => &mut colours.dim,
                _ => {
                    self.warn(&name, "unknown key; ignored");
                    continue;
                }
            };
            match Color::from_str(text) {
                Ok(colour) => *slot = colour,
                Err(_) => self.warn(&name, format!("cannot read colour `{text}`")),
            }
        }
    }

    fn keys(&mut self, keymap: &mut Keymap, table: &toml::Table) {
        for (mode_name, bindings) in table {
            let mode = KeyMode::deserialize(toml::Value::String(mode_name.clone()));
            let (Ok(mode), Some(bindings)) = (mode, bindings.as_table()) else {
                self.warn(
                    &format!("keys.{mode_name}"),
                    "unknown mode (normal or query) or not a table",
                );
                continue;
            };
            for (action_name, value) in bindings {
                let name = format!("keys.{mode_name}.{action_name}");
                let action = Action::deserialize(toml::Value::String(action_name.clone()));
                let Some(action) = action.ok().filter(Action::is_bindable) else {
                    self.warn(&name, "unknown action; ignored");
                    continue;
                };
                let Some(texts) = string_list(value).or_else(|| value.as_str().map(|s| vec![s]))
                else {
                    self.warn(&name, "must be a list of keys, like [\"q\", \"ctrl-c\"]");
                    continue;
                };
                let mut keys = Vec::new();
                for text in &texts {
                    match Key::parse(text) {
                        Ok(key) => keys.push(key),
                        Err(why) => self.warn(&name, why),
                    }
                }
                // An empty list unbinds; a list of unreadable keys keeps what was there.
                if keys.is_empty() && !texts.is_empty() {
                    continue;
                }
                keymap.bind(mode, action, keys);
            }
        }
    }
}

fn string_list(value: &toml::Value) -> Option<Vec<&str>> {
    value.as_array()?.iter().map(toml::Value::as_str).collect()
}

fn parse_depth(text: &str) -> Result<Option<ColourDepth>, ()> {
    Ok(Some(match text.to_ascii_lowercase().as_str() {
        "auto" => return Ok(None),
        "truecolor" | "truecolour" | "24bit" => ColourDepth::TrueColor,
        "256" => ColourDepth::Ansi256,
        "16" => ColourDepth::Ansi16,
        "none" | "off" => ColourDepth::None,
        _ => return Err(()),
    }))
}
