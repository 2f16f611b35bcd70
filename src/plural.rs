//! Counts in sentences: `1 resolution`, `2 resolutions`.

/// `n` and the noun, singular for one and plural otherwise.
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_and_many() {
        assert_eq!(count(0, "resolution", "resolutions"), "0 resolutions");
        assert_eq!(count(1, "resolution", "resolutions"), "1 resolution");
        assert_eq!(count(2, "file could", "files could"), "2 files could");
    }
}
