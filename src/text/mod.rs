//! Text functions every layer uses and that know nothing of resolutions or terminals: accent
//! folding ([`fold`]) and display widths, wrapping and sanitizing ([`display`]).

pub mod display;
pub mod fold;
