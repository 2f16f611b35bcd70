//! termina's input events in crossterm's shape, the one the keymap and the app read: the input
//! layer parses bytes with termina (crossterm's reader can freeze, see `input.rs`), and nothing
//! above the terminal edge needs to know.

use ratatui::crossterm::event as ct;
use termina::event as tm;

/// The crossterm event for a termina one; `None` for what the app never reads (the terminal's
/// answers to queries: CSI, OSC and DCS reports) and for resizes, which come from SIGWINCH.
pub fn event(event: termina::Event) -> Option<ct::Event> {
    match event {
        termina::Event::Key(key) => Some(ct::Event::Key(key_event(key))),
        termina::Event::Mouse(mouse) => Some(ct::Event::Mouse(ct::MouseEvent {
            kind: mouse_kind(mouse.kind),
            column: mouse.column,
            row: mouse.row,
            modifiers: modifiers(mouse.modifiers),
        })),
        termina::Event::Paste(text) => Some(ct::Event::Paste(text)),
        termina::Event::FocusIn => Some(ct::Event::FocusGained),
        termina::Event::FocusOut => Some(ct::Event::FocusLost),
        termina::Event::WindowResized(_)
        | termina::Event::Csi(_)
        | termina::Event::Osc(_)
        | termina::Event::Dcs(_) => None,
    }
}

fn key_event(key: tm::KeyEvent) -> ct::KeyEvent {
    let mut state = ct::KeyEventState::NONE;
    for (from, to) in [
        (tm::KeyEventState::KEYPAD, ct::KeyEventState::KEYPAD),
        (tm::KeyEventState::CAPS_LOCK, ct::KeyEventState::CAPS_LOCK),
        (tm::KeyEventState::NUM_LOCK, ct::KeyEventState::NUM_LOCK),
    ] {
        if key.state.contains(from) {
            state |= to;
        }
    }
    ct::KeyEvent {
        code: key_code(key.code),
        modifiers: modifiers(key.modifiers),
        kind: match key.kind {
            tm::KeyEventKind::Press => ct::KeyEventKind::Press,
            tm::KeyEventKind::Release => ct::KeyEventKind::Release,
            tm::KeyEventKind::Repeat => ct::KeyEventKind::Repeat,
        },
        state,
    }
}

fn modifiers(from: tm::Modifiers) -> ct::KeyModifiers {
    let mut to = ct::KeyModifiers::NONE;
    for (a, b) in [
        (tm::Modifiers::SHIFT, ct::KeyModifiers::SHIFT),
        (tm::Modifiers::ALT, ct::KeyModifiers::ALT),
        (tm::Modifiers::CONTROL, ct::KeyModifiers::CONTROL),
        (tm::Modifiers::SUPER, ct::KeyModifiers::SUPER),
        (tm::Modifiers::HYPER, ct::KeyModifiers::HYPER),
        (tm::Modifiers::META, ct::KeyModifiers::META),
    ] {
        if from.contains(a) {
            to |= b;
        }
    }
    to
}

fn key_code(code: tm::KeyCode) -> ct::KeyCode {
    use ct::KeyCode as C;
    use tm::KeyCode as T;
    match code {
        T::Char(c) => C::Char(c),
        T::Enter => C::Enter,
        T::Backspace => C::Backspace,
        T::Tab => C::Tab,
        T::Escape => C::Esc,
        T::Left => C::Left,
        T::Right => C::Right,
        T::Up => C::Up,
        T::Down => C::Down,
        T::Home => C::Home,
        T::End => C::End,
        T::BackTab => C::BackTab,
        T::PageUp => C::PageUp,
        T::PageDown => C::PageDown,
        T::Insert => C::Insert,
        T::Delete => C::Delete,
        T::KeypadBegin => C::KeypadBegin,
        T::CapsLock => C::CapsLock,
        T::ScrollLock => C::ScrollLock,
        T::NumLock => C::NumLock,
        T::PrintScreen => C::PrintScreen,
        T::Pause => C::Pause,
        T::Menu => C::Menu,
        T::Null => C::Null,
        T::Function(n) => C::F(n),
        T::Modifier(m) => C::Modifier(modifier_key(m)),
        T::Media(m) => C::Media(media_key(m)),
    }
}

fn modifier_key(key: tm::ModifierKeyCode) -> ct::ModifierKeyCode {
    use ct::ModifierKeyCode as C;
    use tm::ModifierKeyCode as T;
    match key {
        T::LeftShift => C::LeftShift,
        T::LeftControl => C::LeftControl,
        T::LeftAlt => C::LeftAlt,
        T::LeftSuper => C::LeftSuper,
        T::LeftHyper => C::LeftHyper,
        T::LeftMeta => C::LeftMeta,
        T::RightShift => C::RightShift,
        T::RightControl => C::RightControl,
        T::RightAlt => C::RightAlt,
        T::RightSuper => C::RightSuper,
        T::RightHyper => C::RightHyper,
        T::RightMeta => C::RightMeta,
        T::IsoLevel3Shift => C::IsoLevel3Shift,
        T::IsoLevel5Shift => C::IsoLevel5Shift,
    }
}

fn media_key(key: tm::MediaKeyCode) -> ct::MediaKeyCode {
    use ct::MediaKeyCode as C;
    use tm::MediaKeyCode as T;
    match key {
        T::Play => C::Play,
        T::Pause => C::Pause,
        T::PlayPause => C::PlayPause,
        T::Reverse => C::Reverse,
        T::Stop => C::Stop,
        T::FastForward => C::FastForward,
        T::Rewind => C::Rewind,
        T::TrackNext => C::TrackNext,
        T::TrackPrevious => C::TrackPrevious,
        T::Record => C::Record,
        T::LowerVolume => C::LowerVolume,
        T::RaiseVolume => C::RaiseVolume,
        T::MuteVolume => C::MuteVolume,
    }
}

fn mouse_kind(kind: tm::MouseEventKind) -> ct::MouseEventKind {
    let button = |b: tm::MouseButton| match b {
        tm::MouseButton::Left => ct::MouseButton::Left,
        tm::MouseButton::Right => ct::MouseButton::Right,
        tm::MouseButton::Middle => ct::MouseButton::Middle,
    };
    match kind {
        tm::MouseEventKind::Down(b) => ct::MouseEventKind::Down(button(b)),
        tm::MouseEventKind::Up(b) => ct::MouseEventKind::Up(button(b)),
        tm::MouseEventKind::Drag(b) => ct::MouseEventKind::Drag(button(b)),
        tm::MouseEventKind::Moved => ct::MouseEventKind::Moved,
        tm::MouseEventKind::ScrollDown => ct::MouseEventKind::ScrollDown,
        tm::MouseEventKind::ScrollUp => ct::MouseEventKind::ScrollUp,
        tm::MouseEventKind::ScrollLeft => ct::MouseEventKind::ScrollLeft,
        tm::MouseEventKind::ScrollRight => ct::MouseEventKind::ScrollRight,
    }
}
