//! Keys to Actions: one table of bindings per mode, read from the embedded default config and
//! overlaid by the user's. The help overlay and the status bar hints are generated from it.

use super::action::{Action, bindable};
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use serde::Deserialize;
use std::fmt;

/// Which table a key is looked up in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyMode {
    /// Letters are commands.
    Normal,
    /// Typing into the query bar, the country filter or the help filter: letters are text.
    Query,
}

impl KeyMode {
    pub const ALL: [KeyMode; 2] = [KeyMode::Normal, KeyMode::Query];

    pub fn name(self) -> &'static str {
        match self {
            KeyMode::Normal => "normal",
            KeyMode::Query => "query",
        }
    }
}

/// A key with the modifiers that matter (shift is part of the character: `G`, `?`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

const NAMED: &[(&str, KeyCode)] = &[
    ("esc", KeyCode::Esc),
    ("enter", KeyCode::Enter),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pgup", KeyCode::PageUp),
    ("pgdn", KeyCode::PageDown),
    ("space", KeyCode::Char(' ')),
];

const ALIASES: &[(&str, &str)] = &[
    ("escape", "esc"),
    ("return", "enter"),
    ("del", "delete"),
    ("pageup", "pgup"),
    ("pagedown", "pgdn"),
    ("shift-tab", "backtab"),
];

impl Key {
    pub fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    pub fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    /// Read a key as written in the config: `j`, `G`, `?`, `ctrl-d`, `alt-x`, `shift-tab`, `pgdn`,
    /// `f5`, `space`.
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut rest = text.trim();
        let (mut ctrl, mut alt) = (false, false);
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.chars().count() > 2 && lower.starts_with("ctrl-") {
                ctrl = true;
                rest = &rest[5..];
            } else if rest.chars().count() > 2 && lower.starts_with("alt-") {
                alt = true;
                rest = &rest[4..];
            } else {
                break;
            }
        }
        let lower = rest.to_ascii_lowercase();
        let lower = ALIASES
            .iter()
            .find(|(alias, _)| *alias == lower)
            .map_or(lower.as_str(), |(_, name)| name);
        let code = if let Some((_, code)) = NAMED.iter().find(|(name, _)| *name == lower) {
            *code
        } else if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
            if !(1..=12).contains(&n) {
                return Err(format!("no such function key `{text}`"));
            }
            KeyCode::F(n)
        } else {
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if !c.is_control() => {
                    KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c })
                }
                _ => return Err(format!("cannot read key `{text}`")),
            }
        };
        Ok(Key { code, ctrl, alt })
    }

    /// The key a terminal event stands for.
    pub fn from_event(event: &KeyEvent) -> Key {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let code = match event.code {
            // Terminals report ctrl-D as ctrl + `d` or `D`; shift-tab as BackTab or shift + Tab.
            KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            KeyCode::Tab if event.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            code => code,
        };
        Key {
            code,
            ctrl,
            alt: event.modifiers.contains(KeyModifiers::ALT),
        }
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        if let Some((name, _)) = NAMED.iter().find(|(_, code)| *code == self.code) {
            return f.write_str(if *name == "backtab" {
                "shift-tab"
            } else {
                name
            });
        }
        match self.code {
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "f{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// The keys bound to one action in one mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub mode: KeyMode,
    pub action: Action,
    pub keys: Vec<Key>,
}

/// Every binding, in help order (mode, then the order of [`bindable`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Keymap {
    /// Bind `keys` to `action` in `mode`, replacing what the action had; a key taken from another
    /// action in the same mode is taken away from it (the later table wins).
    pub fn bind(&mut self, mode: KeyMode, action: Action, keys: Vec<Key>) {
        for binding in self.bindings.iter_mut().filter(|b| b.mode == mode) {
            binding.keys.retain(|k| !keys.contains(k));
        }
        self.bindings
            .retain(|b| !(b.mode == mode && b.action == action));
        self.bindings.push(Binding { mode, action, keys });
        self.bindings.retain(|b| !b.keys.is_empty());
        let rank = |a: &Action| bindable().position(|b| b == *a).unwrap_or(usize::MAX);
        self.bindings.sort_by_key(|b| (b.mode, rank(&b.action)));
    }

    /// Bind `key` to `action` in `mode` unless the key already does something there.
    pub fn keep(&mut self, mode: KeyMode, action: Action, key: Key) {
        if self.action_for(mode, key).is_some() {
            return;
        }
        let mut keys = self.keys_for(mode, &action).to_vec();
        keys.push(key);
        self.bind(mode, action, keys);
    }

    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    pub fn action_for(&self, mode: KeyMode, key: Key) -> Option<&Action> {
        self.bindings
            .iter()
            .find(|b| b.mode == mode && b.keys.contains(&key))
            .map(|b| &b.action)
    }

    pub fn keys_for(&self, mode: KeyMode, action: &Action) -> &[Key] {
        self.bindings
            .iter()
            .find(|b| b.mode == mode && &b.action == action)
            .map_or(&[], |b| b.keys.as_slice())
    }

    /// The first key of `action` in `mode`, as the status bar shows it (`?`), or `-` if unbound.
    pub fn hint(&self, mode: KeyMode, action: &Action) -> String {
        self.keys_for(mode, action)
            .first()
            .map_or_else(|| "-".to_string(), Key::to_string)
    }
}

/// The action a key event means in `mode`: a binding, else (when typing) the character itself.
pub fn translate(keymap: &Keymap, mode: KeyMode, event: &KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let key = Key::from_event(event);
    if let Some(action) = keymap.action_for(mode, key) {
        return Some(action.clone());
    }
    match (mode, key.code) {
        (KeyMode::Query, KeyCode::Char(c)) if !key.ctrl && !key.alt => Some(Action::Insert(c)),
        _ => None,
    }
}

/// The action a terminal event means in `mode`: keys through the keymap, paste, resize, the
/// mouse wheel and left clicks.
pub fn translate_event(keymap: &Keymap, mode: KeyMode, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => translate(keymap, mode, key),
        Event::Paste(text) => Some(Action::Paste(text.clone())),
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        Event::Mouse(mouse) => {
            let (column, row) = (mouse.column, mouse.row);
            match mouse.kind {
                MouseEventKind::ScrollDown => Some(Action::Scroll {
                    column,
                    row,
                    down: true,
                }),
                MouseEventKind::ScrollUp => Some(Action::Scroll {
                    column,
                    row,
                    down: false,
                }),
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
                _ => None,
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_and_print_back() {
        for (text, shown) in [
            ("j", "j"),
            ("G", "G"),
            ("?", "?"),
            ("/", "/"),
            ("-", "-"),
            ("ctrl-d", "ctrl-d"),
            ("Ctrl-D", "ctrl-d"),
            ("alt-x", "alt-x"),
            ("shift-tab", "shift-tab"),
            ("PageDown", "pgdn"),
            ("esc", "esc"),
            ("f5", "f5"),
            ("space", "space"),
        ] {
            let key = Key::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(key.to_string(), shown, "{text}");
            assert_eq!(Key::parse(shown), Ok(key));
        }
        for bad in ["", "ctrl-", "jj", "f13", "hyper-x", "ctrl-ctrl"] {
            assert!(Key::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn events_become_keys() {
        let ev = |code, m| KeyEvent::new(code, m);
        let k = Key::from_event(&ev(KeyCode::Char('D'), KeyModifiers::CONTROL));
        assert_eq!(k, Key::ctrl('d'));
        let k = Key::from_event(&ev(KeyCode::Char('G'), KeyModifiers::SHIFT));
        assert_eq!(k, Key::char('G'));
        let k = Key::from_event(&ev(KeyCode::Tab, KeyModifiers::SHIFT));
        assert_eq!(k, Key::plain(KeyCode::BackTab));
    }

    #[test]
    fn later_bindings_take_keys_away() {
        let mut map = Keymap::default();
        map.bind(KeyMode::Normal, Action::Quit, vec![Key::char('q')]);
        map.bind(KeyMode::Normal, Action::Help, vec![Key::char('q')]);
        assert_eq!(
            map.action_for(KeyMode::Normal, Key::char('q')),
            Some(&Action::Help)
        );
        assert!(map.keys_for(KeyMode::Normal, &Action::Quit).is_empty());
        let typed = translate(&map, KeyMode::Query, &KeyEvent::from(KeyCode::Char('q')));
        assert_eq!(typed, Some(Action::Insert('q')));
    }
}
