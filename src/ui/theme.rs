//! Colours and styles: the terminal's colour depth told from the environment (a pure function of
//! `COLORTERM`, `TERM` and `NO_COLOR`), configured colours reduced to that depth, and the styles
//! the panes use. Every style that carries meaning also has a modifier or a letter, so nothing is
//! said by colour alone.

pub use crate::config::ColourDepth;
use crate::config::Colours;
use crate::corpus::Ballot;
use ratatui::style::{Color, Modifier, Style};

/// The depth the environment asks for: `NO_COLOR` (set, not empty) wins, then `COLORTERM`
/// (`truecolor`, `24bit`), then `TERM` (`*-direct`, `*-256color*`, `dumb`), else 16 colours.
pub fn detect_depth(
    colorterm: Option<&str>,
    term: Option<&str>,
    no_color: Option<&str>,
) -> ColourDepth {
    if no_color.is_some_and(|v| !v.is_empty()) {
        return ColourDepth::None;
    }
    let colorterm = colorterm.unwrap_or("").to_ascii_lowercase();
    if colorterm == "truecolor" || colorterm == "24bit" {
        return ColourDepth::TrueColor;
    }
    let term = term.unwrap_or("").to_ascii_lowercase();
    if term.ends_with("-direct") || term.contains("truecolor") {
        ColourDepth::TrueColor
    } else if term.contains("256col") {
        ColourDepth::Ansi256
    } else if term == "dumb" {
        ColourDepth::None
    } else {
        ColourDepth::Ansi16
    }
}

/// The depth from this process's environment.
pub fn depth_from_env() -> ColourDepth {
    let var = |name| std::env::var(name).ok();
    detect_depth(
        var("COLORTERM").as_deref(),
        var("TERM").as_deref(),
        var("NO_COLOR").as_deref(),
    )
}

/// The 16 ANSI colours with the RGB values most terminals give them.
const ANSI16: [(Color, (u8, u8, u8)); 16] = [
    (Color::Black, (0, 0, 0)),
    (Color::Red, (205, 0, 0)),
    (Color::Green, (0, 205, 0)),
    (Color::Yellow, (205, 205, 0)),
    (Color::Blue, (0, 0, 238)),
    (Color::Magenta, (205, 0, 205)),
    (Color::Cyan, (0, 205, 205)),
    (Color::Gray, (229, 229, 229)),
    (Color::DarkGray, (127, 127, 127)),
    (Color::LightRed, (255, 0, 0)),
    (Color::LightGreen, (0, 255, 0)),
    (Color::LightYellow, (255, 255, 0)),
    (Color::LightBlue, (92, 92, 255)),
    (Color::LightMagenta, (255, 0, 255)),
    (Color::LightCyan, (0, 255, 255)),
    (Color::White, (255, 255, 255)),
];

fn distance(a: (u8, u8, u8), b: (u8, u8, u8)) -> u32 {
    let d = |x: u8, y: u8| (i32::from(x) - i32::from(y)).unsigned_abs();
    d(a.0, b.0).pow(2) + d(a.1, b.1).pow(2) + d(a.2, b.2).pow(2)
}

/// The RGB value of a 256-palette index.
fn rgb_of_index(i: u8) -> (u8, u8, u8) {
    match i {
        0..=15 => ANSI16[usize::from(i)].1,
        16..=231 => {
            let level = |n: u8| if n == 0 { 0 } else { 55 + n * 40 };
            let n = i - 16;
            (level(n / 36), level((n / 6) % 6), level(n % 6))
        }
        _ => {
            let grey = 8 + (i - 232) * 10;
            (grey, grey, grey)
        }
    }
}

fn nearest_256(rgb: (u8, u8, u8)) -> u8 {
    (16..=255u8)
        .min_by_key(|&i| distance(rgb_of_index(i), rgb))
        .unwrap_or(15)
}

/// The nearest of the 16 colours; a colour with a hue keeps one (a saturated green is never
/// taken for dark grey, however close the distance says it is).
fn nearest_16(rgb: (u8, u8, u8)) -> Color {
    let (r, g, b) = rgb;
    let chroma = r.max(g).max(b) - r.min(g).min(b);
    let grey = |c: &Color| {
        matches!(
            c,
            Color::Black | Color::DarkGray | Color::Gray | Color::White
        )
    };
    ANSI16
        .iter()
        .filter(|(colour, _)| chroma <= 40 || !grey(colour))
        .min_by_key(|(_, value)| distance(*value, rgb))
        .map_or(Color::White, |(colour, _)| *colour)
}

/// `colour` as the terminal can show it; `None` when colour is off.
pub fn reduce(colour: Color, depth: ColourDepth) -> Option<Color> {
    match (depth, colour) {
        (ColourDepth::None, _) => None,
        (ColourDepth::TrueColor, c) => Some(c),
        (ColourDepth::Ansi256, Color::Rgb(r, g, b)) => Some(Color::Indexed(nearest_256((r, g, b)))),
        (ColourDepth::Ansi256, c) => Some(c),
        (ColourDepth::Ansi16, Color::Rgb(r, g, b)) => Some(nearest_16((r, g, b))),
        (ColourDepth::Ansi16, Color::Indexed(i)) => Some(nearest_16(rgb_of_index(i))),
        (ColourDepth::Ansi16, c) => Some(c),
    }
}

/// Whether text in `colour` can be read on any background. In 16 colours, palette 8 (dark
/// grey) is the background of common dark schemes (Solarized Dark) and 0 is black: secondary
/// text in them would vanish, so it is drawn dim instead.
fn readable(colour: Color, depth: ColourDepth) -> bool {
    depth != ColourDepth::Ansi16
        || !matches!(
            colour,
            Color::DarkGray | Color::Black | Color::Indexed(0 | 8)
        )
}

/// The styles the panes draw with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub depth: ColourDepth,
    accent: Option<Color>,
    matched: Option<Color>,
    yes: Option<Color>,
    no: Option<Color>,
    abstain: Option<Color>,
    warning: Option<Color>,
    dim: Option<Color>,
}

fn fg(colour: Option<Color>) -> Style {
    colour.map_or_else(Style::new, |c| Style::new().fg(c))
}

impl Theme {
    pub fn new(colours: &Colours, depth: ColourDepth) -> Theme {
        Theme {
            depth,
            accent: reduce(colours.accent, depth),
            matched: reduce(colours.matched, depth),
            yes: reduce(colours.yes, depth),
            no: reduce(colours.no, depth),
            abstain: reduce(colours.abstain, depth),
            warning: reduce(colours.warning, depth),
            dim: reduce(colours.dim, depth).filter(|c| readable(*c, depth)),
        }
    }

    /// Highlighted characters of a match: coloured, bold and underlined.
    pub fn matched(&self) -> Style {
        fg(self.matched).add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// The selected row: reversed, whatever the colours.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The border and title of the focused pane (also drawn thick).
    pub fn focused(&self) -> Style {
        fg(self.accent).add_modifier(Modifier::BOLD)
    }

    pub fn accent(&self) -> Style {
        fg(self.accent)
    }

    pub fn bold(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        match self.dim {
            Some(c) => Style::new().fg(c),
            None => Style::new().add_modifier(Modifier::DIM),
        }
    }

    pub fn warning(&self) -> Style {
        fg(self.warning).add_modifier(Modifier::BOLD)
    }

    /// A ballot's letter: Y, N, A in their colours (the letter carries the meaning).
    pub fn ballot(&self, ballot: Ballot) -> Style {
        let colour = match ballot {
            Ballot::Yes => self.yes,
            Ballot::No => self.no,
            Ballot::Abstain => self.abstain,
        };
        fg(colour).add_modifier(Modifier::BOLD)
    }

    /// A country's vote on a roll call: a ballot in its colour; present but not voting in the
    /// accent, absent as a warning, not a member and not listed dim (the words say which).
    pub fn cast(&self, cast: crate::votes::Cast) -> Style {
        use crate::votes::Cast;
        match cast {
            Cast::Yes => self.ballot(Ballot::Yes),
            Cast::No => self.ballot(Ballot::No),
            Cast::Abstain => self.ballot(Ballot::Abstain),
            Cast::NonVoting => self.accent(),
            Cast::Absent => self.warning(),
            Cast::NotMember | Cast::NotListed => self.dim(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_from_the_environment() {
        use ColourDepth as D;
        let cases = [
            (
                Some("truecolor"),
                Some("xterm-256color"),
                None,
                D::TrueColor,
            ),
            (Some("24bit"), Some("screen"), None, D::TrueColor),
            (None, Some("xterm-256color"), None, D::Ansi256),
            (None, Some("tmux-256color"), None, D::Ansi256),
            (None, Some("xterm-direct"), None, D::TrueColor),
            (None, Some("xterm"), None, D::Ansi16),
            (None, Some("linux"), None, D::Ansi16),
            (None, None, None, D::Ansi16),
            (None, Some("dumb"), None, D::None),
            (
                Some("truecolor"),
                Some("xterm-256color"),
                Some("1"),
                D::None,
            ),
            // An empty NO_COLOR does not count (no-color.org).
            (None, Some("xterm-256color"), Some(""), D::Ansi256),
        ];
        for (colorterm, term, no_color, expected) in cases {
            assert_eq!(
                detect_depth(colorterm, term, no_color),
                expected,
                "{term:?}"
            );
        }
    }

    #[test]
    fn colours_are_reduced_to_the_depth() {
        let c = Color::Rgb(0xff, 0x5f, 0x5f);
        assert_eq!(reduce(c, ColourDepth::TrueColor), Some(c));
        assert_eq!(reduce(c, ColourDepth::Ansi256), Some(Color::Indexed(203)));
        assert_eq!(reduce(c, ColourDepth::Ansi16), Some(Color::LightRed));
        assert_eq!(
            reduce(Color::Indexed(46), ColourDepth::Ansi16),
            Some(Color::LightGreen)
        );
        assert_eq!(reduce(Color::Red, ColourDepth::Ansi16), Some(Color::Red));
        // A light green is green, not the dark grey a plain distance would pick.
        assert_eq!(
            reduce(Color::Rgb(0x5f, 0xd7, 0x5f), ColourDepth::Ansi16),
            Some(Color::Green)
        );
        assert_eq!(
            reduce(Color::Rgb(0x8a, 0x8a, 0x8a), ColourDepth::Ansi16),
            Some(Color::DarkGray)
        );
        assert_eq!(reduce(c, ColourDepth::None), None);
    }

    #[test]
    fn secondary_text_is_never_dark_grey_in_16_colours() {
        let theme = Theme::new(&Colours::default(), ColourDepth::Ansi16);
        assert_eq!(theme.dim().fg, None);
        assert!(theme.dim().add_modifier.contains(Modifier::DIM));
        // The default grey, in 256 colours, is a grey of the palette's ramp, not palette 8.
        let colours = crate::config::Config::default().colours;
        let theme = Theme::new(&colours, ColourDepth::Ansi256);
        assert!(
            matches!(theme.dim().fg, Some(Color::Indexed(n)) if n >= 232),
            "{:?}",
            theme.dim().fg
        );
    }

    #[test]
    fn without_colour_meaning_stays_in_modifiers() {
        let theme = Theme::new(&Colours::default(), ColourDepth::None);
        assert_eq!(theme.matched().fg, None);
        assert!(theme.matched().add_modifier.contains(Modifier::UNDERLINED));
        assert!(theme.selected().add_modifier.contains(Modifier::REVERSED));
        assert_eq!(theme.ballot(Ballot::No).fg, None);
    }
}
