//! Text inputs shared by `tests/parse_bounds.rs` and `benches/parse_growth.rs` (the bench
//! includes this file by path): the bounds the test asserts and the times the bench measures
//! are over the same texts.

/// The ten text samples, in a fixed order.
pub const SAMPLES: &[&str] = &[
    include_str!("../../sample-data/A_HRC_RES_44_18.fr.txt"),
    include_str!("../../sample-data/A_HRC_RES_44_11.fr.txt"),
    include_str!("../../sample-data/A_HRC_RES_46_13.fr.txt"),
    include_str!("../../sample-data/A_HRC_RES_37_23.fr.md"),
    include_str!("../../sample-data/A_RES_71_194.fr.md"),
    include_str!("../../sample-data/en/A_RES_80_1.en.txt"),
    include_str!("../../sample-data/en/A_RES_80_2.en.md"),
    include_str!("../../sample-data/en/A_RES_80_10.en.txt"),
    include_str!("../../sample-data/en/A_RES_80_17.en.md"),
    include_str!("../../sample-data/en/A_RES_80_21.en.txt"),
];

/// `unit` repeated to a little over `bytes` bytes.
pub fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len().max(1) + 1)
}
