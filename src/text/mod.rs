//! Text functions every layer uses and that know nothing of resolutions or terminals: accent
//! folding ([`fold`]), display widths, wrapping and sanitizing ([`display`]), and the writer that
//! applies that sanitizing to everything written through it ([`inert_write`]).

pub mod display;
pub mod fold;
pub mod inert_write;
