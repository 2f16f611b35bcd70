//! `config`: random TOML through the config loader's pure entry point, `config::from_toml`:
//! the default file with values swapped across types, unknown keys and tables, odd key names,
//! huge strings, deep tables and arrays, duplicates, byte mutations, invalid UTF-8 and random
//! bytes. The loader must answer with a config and warnings, never panic, and say in
//! proportion to what it read.

use super::Target;
use super::mutate::mutate;
use super::rng::Rng;
use resolu::config::{DEFAULT, from_toml};

/// Inputs stay under this size (the loader's own cap belongs to reading the file).
const CAP: usize = 2 << 20;

/// Values of every TOML type, and strings the loader reads (paths, colours, key names).
const VALUES: &[&str] = &[
    "\"\"",
    "\"auto\"",
    "0",
    "1",
    "-1",
    "44",
    "65535",
    "65536",
    "9223372036854775807",
    "-9223372036854775808",
    "1e400",
    "nan",
    "-inf",
    "0xff",
    "0o777",
    "0b101",
    "3.14",
    "true",
    "false",
    "[]",
    "[[]]",
    "[1, \"a\", true]",
    "{}",
    "{ a = 1 }",
    "{ normal = { quit = [\"q\"] } }",
    "1979-05-27T07:32:00Z",
    "07:32:00",
    "\"~/\"",
    "\"~\"",
    "\"~root/x\"",
    "\"/dev/zero\"",
    "\"\\u0000\"",
    "\"\\u001b[2J\"",
    "\"\\u202e\"",
    "\"#ffd75f\"",
    "\"#fff\"",
    "\"#gggggg\"",
    "\"red\"",
    "\"lightblue\"",
    "\"255\"",
    "\"256\"",
    "\"-1\"",
    "\"truecolor\"",
    "\"none\"",
    "\"16\"",
    "\"en\"",
    "\"fr\"",
    "\"xx\"",
    "\"english\"",
    "[\"q\", \"ctrl-c\"]",
    "[\"ctrl-\"]",
    "[\"\"]",
    "[\"f99\"]",
    "[\"alt-ctrl-shift-x\"]",
    "[\"ctrl-alt-delete\"]",
    "[\"é\"]",
    "[\"😀\"]",
    "[\"space\", \"tab\"]",
    "\"q\"",
    "'''multi\nline'''",
    "\"\"\"\n\"\"\"",
    "'\\'",
];

/// Keys and tables the loader knows, and some it does not.
const KEYS: &[&str] = &[
    "corpus_paths",
    "mouse",
    "clipboard_file",
    "list_width",
    "language",
    "history",
    "colours",
    "colors",
    "keys",
    "size",
    "depth",
    "accent",
    "match",
    "yes",
    "no",
    "abstain",
    "warning",
    "dim",
    "normal",
    "query",
    "quit",
    "help",
    "search",
    "open",
    "copy",
    "bogus",
    "\"quoted key\"",
    "\"\\u001b[2J\"",
    "'lit'",
    "a.b.c",
    "\"\"",
];

const TABLES: &[&str] = &[
    "[history]",
    "[colours]",
    "[colors]",
    "[keys]",
    "[keys.normal]",
    "[keys.query]",
    "[keys.bogus]",
    "[keys.normal.quit]",
    "[[keys]]",
    "[[history]]",
    "[mouse]",
    "[bogus]",
    "[colours.depth]",
    "[\"\\u001b\"]",
    "[]",
    "[a.]",
];

/// Tokens for byte-level mutation.
const TOKENS: &[&str] = &[
    "=",
    " = ",
    "\n",
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    ",",
    ".",
    "\"",
    "'",
    "\"\"\"",
    "'''",
    "#",
    "\\",
    "\\u",
    "\\U0010FFFF",
    "\\x",
    "\n[keys.normal]\n",
    "\nquit = ",
    "ctrl-",
    "alt-",
    "\r",
    "\t",
    "\u{feff}",
];

pub struct ConfigTarget;

impl ConfigTarget {
    pub fn new() -> ConfigTarget {
        ConfigTarget
    }
}

/// Nested `open`…`close` `depth` times around `core`.
fn nested(open: &str, close: &str, core: &str, depth: usize) -> String {
    let mut s = open.repeat(depth);
    s.push_str(core);
    s.push_str(&close.repeat(depth));
    s
}

fn structured(rng: &mut Rng, text: &mut String) {
    let lines: Vec<&str> = text.lines().collect();
    let at_line = rng.below(lines.len() + 1);
    let insert = match rng.below(9) {
        // A key's value replaced by one of another type.
        0 | 1 => {
            let assignments: Vec<usize> = (0..lines.len())
                .filter(|&i| lines[i].contains(" = "))
                .collect();
            if !assignments.is_empty() {
                let i = *rng.pick(&assignments);
                let key = lines[i].split(" = ").next().unwrap_or("");
                let line = format!("{key} = {}", rng.pick(VALUES));
                let mut changed: Vec<String> = lines.iter().map(|l| (*l).to_string()).collect();
                changed[i] = line;
                *text = changed.join("\n");
                return;
            }
            String::new()
        }
        // A key, known or not, with any value.
        2 | 3 => format!("{} = {}", rng.pick(KEYS), rng.pick(VALUES)),
        // A table header, known or not.
        4 => (*rng.pick(TABLES)).to_string(),
        // A huge string.
        5 => {
            let unit = *rng.pick(&["x", "é", "\\u001b", "~/", "a\\\\"]);
            format!(
                "{} = \"{}\"",
                rng.pick(KEYS),
                unit.repeat(rng.size(1 << 20))
            )
        }
        // A deep table header or dotted key.
        6 => {
            let depth = rng.size(20_000);
            let path = vec!["a"; depth].join(".");
            if rng.one_in(2) {
                format!("[{path}]")
            } else {
                format!("{path} = 1")
            }
        }
        // Deep inline arrays or tables.
        7 => {
            let depth = rng.size(20_000);
            if rng.one_in(2) {
                format!("x = {}", nested("[", "]", "1", depth))
            } else {
                format!("x = {}", nested("{ a = ", " }", "1", depth))
            }
        }
        // Many keys or bindings.
        _ => {
            let n = rng.size(20_000);
            let mut block = String::from("[keys.normal]\n");
            for i in 0..n {
                block.push_str(&format!(
                    "k{i} = [\"ctrl-{}\"]\n",
                    char::from(b'a' + (i % 26) as u8)
                ));
            }
            block
        }
    };
    let mut changed: Vec<String> = lines.iter().map(|l| (*l).to_string()).collect();
    changed.insert(at_line, insert);
    *text = changed.join("\n");
}

impl Target for ConfigTarget {
    fn name(&self) -> &'static str {
        "config"
    }

    fn generate(&self, rng: &mut Rng) -> Vec<u8> {
        let mut text = match rng.below(4) {
            0 => String::new(),
            1 => "[keys.normal]\nquit = [\"x\"]\n[colours]\naccent = \"red\"\n".to_string(),
            _ => DEFAULT.to_string(),
        };
        for _ in 0..rng.size(6) {
            structured(rng, &mut text);
        }
        let mut bytes = text.into_bytes();
        match rng.below(5) {
            0 => {
                for _ in 0..rng.size(6) {
                    mutate(rng, &mut bytes, TOKENS, DEFAULT.as_bytes(), CAP);
                }
            }
            // Random bytes.
            1 if rng.one_in(4) => bytes = (0..rng.size(4096)).map(|_| rng.next() as u8).collect(),
            _ => {}
        }
        bytes.truncate(CAP);
        bytes
    }

    fn run(&self, input: &[u8]) -> Result<(), String> {
        // The loader reads text; invalid UTF-8 is given to it as the lossy decoding would be.
        let text = String::from_utf8_lossy(input);
        let (config, warnings) = from_toml(Some(&text));
        if config.warnings != warnings {
            return Err("the config's warnings differ from those returned".to_string());
        }
        let warning_bytes: usize = warnings.iter().map(String::len).sum();
        if warning_bytes > 4 * input.len() + 65536 {
            return Err(format!(
                "{warning_bytes} bytes of warnings from {} bytes of input",
                input.len()
            ));
        }
        Ok(())
    }
}
