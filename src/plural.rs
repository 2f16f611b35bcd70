//! Counts in sentences: `1 resolution`, `2 resolutions`.

/// `n` and the noun, singular for one and plural otherwise.
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// `n` with its thousands grouped: `3,000`, `1,204,377`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
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

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1204), "1,204");
        assert_eq!(thousands(3000), "3,000");
        assert_eq!(thousands(1_204_377), "1,204,377");
    }
}
