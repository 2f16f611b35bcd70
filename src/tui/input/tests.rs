use super::*;
use ratatui::crossterm::event::{KeyEventKind, MouseButton, MouseEvent, MouseEventKind};

fn decode_reads(reads: &[&[u8]]) -> (Decoder, Vec<Event>) {
    let mut decoder = Decoder::default();
    let mut events = Vec::new();
    for read in reads {
        decoder.feed(read);
        decoder.end_of_input();
        while let Some(event) = decoder.pop() {
            events.push(event);
        }
    }
    (decoder, events)
}

/// The events of `bytes` read at once, with nothing left open.
fn decode(bytes: &[u8]) -> Vec<Event> {
    let (decoder, events) = decode_reads(&[bytes]);
    assert!(!decoder.is_waiting(), "left open after {bytes:?}");
    events
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

fn plain(c: char) -> Event {
    key(KeyCode::Char(c), KeyModifiers::NONE)
}

fn ctrl_c() -> Event {
    key(KeyCode::Char('c'), KeyModifiers::CONTROL)
}

#[test]
fn characters_controls_and_utf8() {
    assert_eq!(decode(b"q"), [plain('q')]);
    assert_eq!(decode(b"G"), [key(KeyCode::Char('G'), KeyModifiers::SHIFT)]);
    assert_eq!(decode(b"\x03"), [ctrl_c()]);
    assert_eq!(
        decode(b"\x1a"),
        [key(KeyCode::Char('z'), KeyModifiers::CONTROL)]
    );
    assert_eq!(decode(b"\r"), [key(KeyCode::Enter, KeyModifiers::NONE)]);
    assert_eq!(decode(b"\t"), [key(KeyCode::Tab, KeyModifiers::NONE)]);
    assert_eq!(
        decode(b"\x7f"),
        [key(KeyCode::Backspace, KeyModifiers::NONE)]
    );
    assert_eq!(
        decode("é€😀".as_bytes()),
        [plain('é'), plain('€'), plain('😀')]
    );
    // Bytes that begin no character are dropped, and what follows is read.
    assert_eq!(decode(b"\x80\xffa"), [plain('a')]);
    assert_eq!(decode(b"\xc3a"), [plain('a')]);
}

#[test]
fn utf8_split_over_reads() {
    let bytes = "é€".as_bytes();
    let (decoder, events) = decode_reads(&[&bytes[..1], &bytes[1..3], &bytes[3..]]);
    assert!(!decoder.is_waiting());
    assert_eq!(events, [plain('é'), plain('€')]);
}

#[test]
fn esc_alone_alt_and_two_escapes() {
    assert_eq!(decode(b"\x1b"), [key(KeyCode::Esc, KeyModifiers::NONE)]);
    assert_eq!(
        decode(b"\x1bx"),
        [key(KeyCode::Char('x'), KeyModifiers::ALT)]
    );
    assert_eq!(
        decode("\x1bé".as_bytes()),
        [key(KeyCode::Char('é'), KeyModifiers::ALT)]
    );
    // Two Escapes in one read are two Esc keys (crossterm read them as one).
    let esc = key(KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(decode(b"\x1b\x1b"), [esc.clone(), esc.clone()]);
    // ESC and a key is Alt and that key, after an Esc too.
    assert_eq!(
        decode(b"\x1b\x1bq"),
        [esc, key(KeyCode::Char('q'), KeyModifiers::ALT)]
    );
}

#[test]
fn arrows_function_keys_and_modifiers() {
    let none = KeyModifiers::NONE;
    for (bytes, code) in [
        (&b"\x1b[A"[..], KeyCode::Up),
        (b"\x1b[B", KeyCode::Down),
        (b"\x1b[C", KeyCode::Right),
        (b"\x1b[D", KeyCode::Left),
        (b"\x1bOA", KeyCode::Up),
        (b"\x1b[H", KeyCode::Home),
        (b"\x1b[F", KeyCode::End),
        (b"\x1b[1~", KeyCode::Home),
        (b"\x1b[4~", KeyCode::End),
        (b"\x1b[3~", KeyCode::Delete),
        (b"\x1b[5~", KeyCode::PageUp),
        (b"\x1b[6~", KeyCode::PageDown),
        (b"\x1bOP", KeyCode::F(1)),
        (b"\x1bOS", KeyCode::F(4)),
        (b"\x1b[15~", KeyCode::F(5)),
        (b"\x1b[24~", KeyCode::F(12)),
        (b"\x1b[[A", KeyCode::F(1)),
    ] {
        assert_eq!(decode(bytes), [key(code, none)], "{bytes:?}");
    }
    assert_eq!(
        decode(b"\x1b[Z"),
        [key(KeyCode::BackTab, KeyModifiers::SHIFT)]
    );
    assert_eq!(
        decode(b"\x1b[1;5A"),
        [key(KeyCode::Up, KeyModifiers::CONTROL)]
    );
    assert_eq!(
        decode(b"\x1b[1;3D"),
        [key(KeyCode::Left, KeyModifiers::ALT)]
    );
    assert_eq!(
        decode(b"\x1b[5;2~"),
        [key(KeyCode::PageUp, KeyModifiers::SHIFT)]
    );
    // A kitty-protocol release keeps its kind, which the keymap ignores.
    let [Event::Key(release)] = decode(b"\x1b[97;1:3u")[..] else {
        panic!("one key");
    };
    assert_eq!(release.kind, KeyEventKind::Release);
    // Keys back to back in one read, as a terminal may send them.
    assert_eq!(
        decode(b"\x1b[Aj\x1b[Bk"),
        [
            key(KeyCode::Up, none),
            plain('j'),
            key(KeyCode::Down, none),
            plain('k')
        ]
    );
}

#[test]
fn a_sequence_split_over_reads_is_whole() {
    let (decoder, events) = decode_reads(&[b"\x1b[1;", b"5A"]);
    assert!(!decoder.is_waiting());
    assert_eq!(events, [key(KeyCode::Up, KeyModifiers::CONTROL)]);
}

#[test]
fn mouse_reports() {
    let mouse = |kind, column, row| {
        Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    assert_eq!(
        decode(b"\x1b[<0;10;5M"),
        [mouse(MouseEventKind::Down(MouseButton::Left), 9, 4)]
    );
    assert_eq!(
        decode(b"\x1b[<0;10;5m"),
        [mouse(MouseEventKind::Up(MouseButton::Left), 9, 4)]
    );
    assert_eq!(
        decode(b"\x1b[<64;1;1M"),
        [mouse(MouseEventKind::ScrollUp, 0, 0)]
    );
    assert_eq!(
        decode(b"\x1b[<65;120;40M"),
        [mouse(MouseEventKind::ScrollDown, 119, 39)]
    );
    // X10 form: three bytes after `ESC [ M`, each 32 more than its value.
    assert_eq!(
        decode(b"\x1b[M `!"),
        [mouse(MouseEventKind::Down(MouseButton::Left), 63, 0)]
    );
    // A report at column or row 0 (no terminal sends one) is dropped, not a panic.
    assert_eq!(
        decode(b"\x1b[<0;0;0M\x1b[<0;1;0mq\x1b[32;0;0M"),
        [plain('q')]
    );
}

#[test]
fn focus_reports() {
    assert_eq!(
        decode(b"\x1b[I\x1b[O"),
        [Event::FocusGained, Event::FocusLost]
    );
}

#[test]
fn a_bracketed_paste_whole_or_split_over_reads() {
    let text = "ligne 1\r\nligne 2 \x1b[A é";
    let pasted = format!("\x1b[200~{text}\x1b[201~q");
    assert_eq!(
        decode(pasted.as_bytes()),
        [Event::Paste(text.into()), plain('q')]
    );
    // Split everywhere, the end marker too.
    let bytes = pasted.as_bytes();
    let reads: Vec<&[u8]> = bytes.chunks(3).collect();
    let (decoder, events) = decode_reads(&reads);
    assert!(!decoder.is_waiting());
    assert_eq!(events, [Event::Paste(text.into()), plain('q')]);
    // A part of the end marker inside the text is text.
    assert_eq!(
        decode(b"\x1b[200~a\x1b[20b\x1b[201~"),
        [Event::Paste("a\x1b[20b".into())]
    );
}

#[test]
fn an_unended_paste_ends_on_the_timeout_or_on_ctrl_c() {
    // `printf '\e[200~abc'` pasted: the end never comes.
    let (mut decoder, events) = decode_reads(&[b"\x1b[200~abc"]);
    assert!(events.is_empty());
    assert!(decoder.is_waiting(), "the reader must wait with a timeout");
    decoder.timeout();
    assert_eq!(decoder.pop(), Some(Event::Paste("abc".into())));
    assert!(!decoder.is_waiting());
    // The keys after it are keys again.
    decoder.feed(b"q");
    assert_eq!(decoder.pop(), Some(plain('q')));
    // Ctrl-C ends it at once and is delivered.
    let (decoder, events) = decode_reads(&[b"\x1b[200~abc", b"\x03"]);
    assert!(!decoder.is_waiting());
    assert_eq!(events, [Event::Paste("abc".into()), ctrl_c()]);
}

#[test]
fn an_unended_sequence_ends_on_the_timeout_and_never_swallows_ctrl_c() {
    // An OSC string that never ends: Ctrl-C after it is a key.
    assert_eq!(decode(b"\x1b]52;c;SGVsbG8=\x03"), [ctrl_c()]);
    // A control byte ends it; the byte is read afresh.
    assert_eq!(
        decode(b"\x1b]0;title\rq"),
        [key(KeyCode::Enter, KeyModifiers::NONE), plain('q')]
    );
    // Ended ones are dropped: nobody asked the terminal anything.
    assert_eq!(
        decode(b"\x1b]0;title\x07q\x1bPdata\x1b\\r"),
        [plain('q'), plain('r')]
    );
    // An open CSI with Ctrl-C, or any byte no CSI holds, behind it.
    assert_eq!(decode(b"\x1b[12\x03"), [ctrl_c()]);
    assert_eq!(decode(b"\x1b[12\rq").last(), Some(&plain('q')));
    // An open CSI ended by the timeout.
    let (mut decoder, events) = decode_reads(&[b"\x1b[1;"]);
    assert!(events.is_empty() && decoder.is_waiting());
    decoder.timeout();
    assert!(!decoder.is_waiting());
    decoder.feed(b"q");
    assert_eq!(decoder.pop(), Some(plain('q')));
    // `ESC [` with nothing after it for a while was Alt-[.
    let (mut decoder, _) = decode_reads(&[b"\x1b["]);
    decoder.timeout();
    assert_eq!(
        decoder.pop(),
        Some(key(KeyCode::Char('['), KeyModifiers::ALT))
    );
}

#[test]
fn every_buffer_is_bounded() {
    // An OSC of 100 kB: dropped past its limit, the rest read as keys, never kept whole.
    let mut decoder = Decoder::default();
    decoder.feed(b"\x1b]");
    decoder.feed(&vec![b'x'; 100_000]);
    assert!(decoder.pending.len() <= STRING_LIMIT);
    let mut decoder = Decoder::default();
    decoder.feed(b"\x1b[");
    decoder.feed(&vec![b'1'; 10_000]);
    assert!(decoder.pending.len() <= SEQUENCE_LIMIT);
    // A paste past the limit is cut to it.
    let mut decoder = Decoder::default();
    decoder.feed(b"\x1b[200~");
    for _ in 0..3 {
        decoder.feed(&vec![b'p'; PASTE_LIMIT]);
    }
    decoder.feed(b"\x1b[201~");
    let Some(Event::Paste(text)) = decoder.pop() else {
        panic!("a paste");
    };
    assert_eq!(text.len(), PASTE_LIMIT);
}

#[test]
fn an_unbracketed_burst_is_delivered_whole_without_more_input() {
    // 5,000 characters in reads of 1,024 bytes (crossterm's size): every one arrives, and
    // nothing waits for a key that is not coming.
    let burst: String = (0..5000)
        .map(|i| char::from(b'a' + u8::try_from(i % 26).unwrap()))
        .collect();
    let reads: Vec<&[u8]> = burst.as_bytes().chunks(1024).collect();
    let (decoder, events) = decode_reads(&reads);
    assert!(!decoder.is_waiting());
    assert_eq!(events.len(), 5000);
    let typed: String = events
        .iter()
        .map(|e| match e {
            Event::Key(k) => match k.code {
                KeyCode::Char(c) => c,
                _ => '?',
            },
            _ => '?',
        })
        .collect();
    assert_eq!(typed, burst);
}

proptest::proptest! {
    /// Any bytes, cut anywhere: no panic (termina's parser has unchecked arithmetic on some
    /// fields), nothing kept beyond its bound, and a timeout always leaves nothing open.
    #[test]
    fn any_bytes_decode_without_panic_and_close_on_the_timeout(
        bytes in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::prelude::any::<u8>(),
                proptest::sample::select(b"\x1b[];<0123456789MmOP~u\x07\\".to_vec()),
            ],
            0..200,
        ),
        cut in 0_usize..200,
    ) {
        let cut = cut.min(bytes.len());
        let mut decoder = Decoder::default();
        decoder.feed(&bytes[..cut]);
        decoder.end_of_input();
        decoder.feed(&bytes[cut..]);
        decoder.end_of_input();
        proptest::prop_assert!(decoder.pending.len() <= STRING_LIMIT);
        decoder.timeout();
        proptest::prop_assert!(!decoder.is_waiting());
        while decoder.pop().is_some() {}
    }
}
