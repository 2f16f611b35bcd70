//! The packed lines against the lines they were made of.

use super::*;

fn sample() -> Vec<Line> {
    let mut lines = Vec::new();
    for i in 0..200usize {
        let text = match i % 5 {
            // Lines that fill blocks, and one longer than a block.
            _ if i % 50 == 7 => "long ".repeat(if i == 107 { 20_000 } else { 5_000 }),
            0 => "x".to_string(),
            1 => format!("Recalling its resolution {i} of long standing, and more besides,"),
            2 => "é".repeat(i % 17),
            3 => "  padded".to_string(),
            _ => String::new(),
        };
        let start = i * 3 + usize::from(i % 7 == 0) * 1000;
        lines.push(Line {
            bytes: start..start + text.len() + usize::from(i % 3 == 0),
            text: text.into(),
            page: (i % 11 != 0).then_some(1 + u32::try_from(i / 40).unwrap()),
            indent: (i % 4 == 0).then_some(u16::try_from(i).unwrap()),
            size: (i % 6 == 0).then_some(9.5 + f32::from(u16::try_from(i).unwrap())),
            italic: [None, Some(true), Some(false)][i % 3],
            bold: [Some(false), None, Some(true)][i % 3],
            blank_before: i % 2 == 0,
            inferred: i % 9 == 0,
            call_ended: i % 13 == 0,
            rare: Line::rare(
                (i % 10 == 0).then(|| format!("{i}")),
                (i % 15 == 0).then_some(u32::try_from(i).unwrap()),
            ),
        });
    }
    // A line whose range runs backwards from the one before, and one past the end.
    lines.push(Line {
        text: "back".into(),
        bytes: 2..6,
        ..Line::default()
    });
    lines
}

#[test]
fn every_field_comes_back_in_order_and_by_index() {
    let lines = sample();
    let packed = Lines::from(lines.clone());
    assert_eq!(packed.len(), lines.len());
    let back: Vec<Line> = packed.iter().map(|l| l.to_line()).collect();
    assert_eq!(back, lines);
    // By index, backwards and by jumps: each from a mark or the last stop.
    for i in (0..lines.len()).rev().chain([5, 100, 37, 38, 39, 0, 199]) {
        assert_eq!(packed.get(i).map(|l| l.to_line()), Some(lines[i].clone()));
    }
    assert!(packed.get(lines.len()).is_none());
    assert_eq!(packed.last().map(|l| l.to_line()), lines.last().cloned());
    let from: Vec<Line> = packed.iter_from(150).map(|l| l.to_line()).collect();
    assert_eq!(from, lines[150..]);
    assert!(packed.blocks.len() >= 3, "{} blocks", packed.blocks.len());
    let mut consumed = Vec::new();
    packed.consume(|l| consumed.push(l.to_line()));
    assert_eq!(consumed, lines);
}

#[test]
fn split_off_takes_the_end_out_and_pushing_goes_on_from_there() {
    let lines = sample();
    for at in [
        0, 1, 7, 8, 31, 32, 33, 57, 58, 64, 107, 108, 150, 200, 201, 500,
    ] {
        let mut packed = Lines::from(lines.clone());
        let taken = packed.split_off(at);
        assert_eq!(taken, lines[at.min(lines.len())..], "split at {at}");
        assert_eq!(packed.len(), at.min(lines.len()));
        for line in &lines[100..110] {
            packed.push(&line.as_ref());
        }
        let mut want = lines[..at.min(lines.len())].to_vec();
        want.extend_from_slice(&lines[100..110]);
        let back: Vec<Line> = packed.iter().map(|l| l.to_line()).collect();
        assert_eq!(back, want, "split at {at}");
        assert_eq!(
            packed.get(want.len() - 1).map(|l| l.to_line()).as_ref(),
            want.last()
        );
    }
}

#[test]
fn amended_changes_only_the_lines_named() {
    let lines = sample();
    let packed = Lines::from(lines.clone());
    let amended = packed.amended(|i, l| {
        let mut l = l.to_line();
        match i {
            3 => l.text = "cut".into(),
            40 => l.call_ended = true,
            _ => return None,
        }
        Some(l)
    });
    let mut want = lines.clone();
    want[3].text = "cut".into();
    want[40].call_ended = true;
    let back: Vec<Line> = amended.iter().map(|l| l.to_line()).collect();
    assert_eq!(back, want);
}

#[test]
fn a_short_line_costs_a_few_bytes() {
    let packed: Lines = (0..1000usize)
        .map(|i| Line {
            text: "x".into(),
            bytes: 2 * i..2 * i + 1,
            ..Line::default()
        })
        .collect();
    // Flags, start, length and the text itself: four bytes a line, and the marks.
    assert!(packed.bytes() <= 4 * 1000, "{}", packed.bytes());
}
