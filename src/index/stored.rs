//! An index as stored (the on-disk cache): how its bit sets are written and read back, and the
//! check of an index that was not built here: every id it holds must lie within its corpus,
//! every list be in the order searching assumes, so that a search over it can never go out of
//! bounds whatever the file held.

use super::Index;
use crate::corpus::Resolution;
use fixedbitset::FixedBitSet;

/// Bit sets through serde as their length and blocks, read back only when the two agree (a
/// length is never trusted to size an allocation before the blocks it claims are there).
pub(super) mod bits {
    use fixedbitset::FixedBitSet;
    use serde::de::{DeserializeOwned, Error};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::collections::HashMap;
    use std::hash::{BuildHasher, Hash};

    /// A bit set as written.
    #[derive(Serialize)]
    struct Out<'a> {
        len: usize,
        blocks: &'a [usize],
    }

    /// A bit set as read.
    #[derive(Deserialize)]
    struct In {
        len: usize,
        blocks: Vec<usize>,
    }

    struct Set<'a>(&'a FixedBitSet);

    impl Serialize for Set<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            Out {
                len: self.0.len(),
                blocks: self.0.as_slice(),
            }
            .serialize(serializer)
        }
    }

    struct Owned(FixedBitSet);

    impl<'de> Deserialize<'de> for Owned {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let In { len, blocks } = In::deserialize(deserializer)?;
            if len.div_ceil(usize::BITS as usize) != blocks.len() {
                return Err(D::Error::custom("bit set length and blocks disagree"));
            }
            Ok(Owned(FixedBitSet::with_capacity_and_blocks(len, blocks)))
        }
    }

    pub fn serialize<S: Serializer>(set: &FixedBitSet, serializer: S) -> Result<S::Ok, S::Error> {
        Set(set).serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<FixedBitSet, D::Error> {
        Ok(Owned::deserialize(deserializer)?.0)
    }

    /// A map to bit sets, as a list of pairs.
    pub mod map {
        use super::{
            BuildHasher, DeserializeOwned, Deserializer, FixedBitSet, Hash, HashMap, Owned,
            Serialize, Serializer, Set,
        };
        use serde::Deserialize;

        pub fn serialize<K: Serialize, H, S: Serializer>(
            map: &HashMap<K, FixedBitSet, H>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            serializer.collect_seq(map.iter().map(|(k, v)| (k, Set(v))))
        }

        pub fn deserialize<'de, K, H, D>(
            deserializer: D,
        ) -> Result<HashMap<K, FixedBitSet, H>, D::Error>
        where
            K: DeserializeOwned + Eq + Hash,
            H: BuildHasher + Default,
            D: Deserializer<'de>,
        {
            let pairs = Vec::<(K, Owned)>::deserialize(deserializer)?;
            Ok(pairs.into_iter().map(|(k, v)| (k, v.0)).collect())
        }
    }

    /// A map to three bit sets (yes, no, abstain), as a list of pairs.
    pub mod map3 {
        use super::{
            BuildHasher, DeserializeOwned, Deserializer, FixedBitSet, Hash, HashMap, Owned,
            Serialize, Serializer, Set,
        };
        use serde::Deserialize;

        pub fn serialize<K: Serialize, H, S: Serializer>(
            map: &HashMap<K, [FixedBitSet; 3], H>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            serializer.collect_seq(
                map.iter()
                    .map(|(k, [a, b, c])| (k, [Set(a), Set(b), Set(c)])),
            )
        }

        pub fn deserialize<'de, K, H, D>(
            deserializer: D,
        ) -> Result<HashMap<K, [FixedBitSet; 3], H>, D::Error>
        where
            K: DeserializeOwned + Eq + Hash,
            H: BuildHasher + Default,
            D: Deserializer<'de>,
        {
            let pairs = Vec::<(K, [Owned; 3])>::deserialize(deserializer)?;
            Ok(pairs
                .into_iter()
                .map(|(k, [a, b, c])| (k, [a.0, b.0, c.0]))
                .collect())
        }
    }
}

/// The postings through serde as one byte string: each id's difference from the one before it,
/// zigzagged (a new word's list starts lower) and as a LEB128 varint. Ascending lists make most
/// differences one byte: the file is about a third of the ids as `u32`s, and is read with one
/// tight loop instead of a serde call per id.
pub(super) mod postings {
    use serde::de::{Error, Visitor};
    use serde::{Deserializer, Serializer};

    /// `postings` as the bytes [`decode`] reads.
    fn encode(postings: &[u32]) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(postings.len() * 2);
        let mut previous = 0i64;
        for &id in postings {
            let delta = i64::from(id) - previous;
            previous = i64::from(id);
            let mut zigzag = ((delta << 1) ^ (delta >> 63)).cast_unsigned();
            while zigzag >= 0x80 {
                bytes.push((zigzag as u8) | 0x80);
                zigzag >>= 7;
            }
            bytes.push(zigzag as u8);
        }
        bytes
    }

    pub fn serialize<S: Serializer>(postings: &[u32], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(&encode(postings))
    }

    /// The ids of `bytes`, or `None` when they are not what [`serialize`] writes.
    fn decode(bytes: &[u8]) -> Option<Vec<u32>> {
        // One id per byte without the continuation bit: the exact capacity, in one fast pass.
        let mut postings = Vec::with_capacity(bytes.iter().filter(|&&b| b < 0x80).count());
        let mut previous = 0i64;
        let mut value = 0u64;
        let mut shift = 0u32;
        for &byte in bytes {
            if shift > 35 {
                return None;
            }
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 != 0 {
                shift += 7;
                continue;
            }
            let delta = (value >> 1).cast_signed() ^ -((value & 1).cast_signed());
            previous = previous.checked_add(delta)?;
            postings.push(u32::try_from(previous).ok()?);
            value = 0;
            shift = 0;
        }
        (shift == 0).then_some(postings)
    }

    struct Ids;

    impl Visitor<'_> for Ids {
        type Value = Vec<u32>;

        fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
            formatter.write_str("postings as varint bytes")
        }

        fn visit_bytes<E: Error>(self, bytes: &[u8]) -> Result<Vec<u32>, E> {
            decode(bytes).ok_or_else(|| E::custom("postings malformed"))
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u32>, D::Error> {
        deserializer.deserialize_bytes(Ids)
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn postings_read_back_and_malformed_ones_are_refused() {
            let ids = [0, 1, 5, 300, 70_000, 2, 3, u32::MAX, 0, u32::MAX];
            let encoded = super::encode(&ids);
            assert_eq!(super::decode(&encoded).unwrap(), ids);
            assert!(super::decode(&encoded[..encoded.len() - 1]).is_none());
            assert!(super::decode(&[0xff; 6]).is_none());
            // A difference below zero at the start: refused, not wrapped.
            assert!(super::decode(&[1]).is_none());
        }
    }
}

/// No bit set at or past the set's length (a bit set read from bytes may carry some in its last
/// block; `ones()` would yield them).
pub(super) fn clean_tail(set: &FixedBitSet) -> bool {
    let bits = usize::BITS as usize;
    let blocks = set.as_slice();
    blocks.len() >= set.len().div_ceil(bits)
        && blocks.iter().enumerate().all(|(i, &block)| {
            let first = i * bits;
            if first >= set.len() {
                block == 0
            } else if set.len() - first >= bits {
                true
            } else {
                block >> (set.len() - first) == 0
            }
        })
}

impl Index {
    /// Whether this index is one of `resolutions` as [`Index::build`] shapes it: the same
    /// documents with the same paragraph counts and kinds, every set and posting within bounds,
    /// the vocabulary sorted, each posting list ascending. Linear in the index's size. `Err`
    /// names the first thing found wrong.
    pub fn check(&self, resolutions: &[Resolution]) -> Result<(), &'static str> {
        let count = self.paragraphs;
        if self.doc_starts.len() != resolutions.len() + 1 || self.doc_starts.first() != Some(&0) {
            return Err("documents differ");
        }
        let mut operative = FixedBitSet::with_capacity(count);
        let mut annex = FixedBitSet::with_capacity(count);
        let mut at = 0usize;
        for (r, window) in resolutions.iter().zip(self.doc_starts.windows(2)) {
            if window[0] != at || window[1] != at + r.paragraphs.len() || window[1] > count {
                return Err("paragraph counts differ");
            }
            for paragraph in &r.paragraphs {
                match paragraph.kind {
                    crate::corpus::ParagraphKind::Operative => operative.insert(at),
                    crate::corpus::ParagraphKind::Annex => annex.insert(at),
                    crate::corpus::ParagraphKind::Preambular => {}
                }
                at += 1;
            }
        }
        if at != count {
            return Err("paragraph counts differ");
        }
        // Compared block by block, so the sets read back must have the built sets' length.
        let same = |read: &FixedBitSet, built: &FixedBitSet| {
            read.len() == count && clean_tail(read) && read.ones().eq(built.ones())
        };
        if !same(&self.operative, &operative) || !same(&self.annex, &annex) {
            return Err("paragraph kinds differ");
        }
        if !self.vocabulary.windows(2).all(|w| w[0] < w[1]) {
            return Err("vocabulary not sorted");
        }
        let starts = &self.posting_starts;
        if starts.len() != self.vocabulary.len() + 1
            || starts.first() != Some(&0)
            || starts.last() != Some(&self.postings.len())
            || !starts.windows(2).all(|w| w[0] <= w[1])
        {
            return Err("posting bounds out of order");
        }
        let within = starts.windows(2).all(|w| {
            let list = &self.postings[w[0]..w[1]];
            list.windows(2).all(|p| p[0] < p[1])
                && list.last().is_none_or(|&p| (p as usize) < count)
        });
        if !within {
            return Err("postings out of order or out of bounds");
        }
        if !self
            .first_letters
            .values()
            .all(|set| set.len() == count && clean_tail(set))
        {
            return Err("letter sets out of bounds");
        }
        if !self.votes.fits(resolutions.len()) {
            return Err("vote sets out of bounds");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load::load_embedded;

    #[test]
    fn a_built_index_passes_and_another_corpus_fails() {
        let corpus = load_embedded();
        let index = Index::build(&corpus.resolutions);
        assert_eq!(index.check(&corpus.resolutions), Ok(()));
        assert!(index.check(&corpus.resolutions[1..]).is_err());
        let mut shorter = corpus.resolutions.clone();
        shorter[0].paragraphs.pop();
        assert!(index.check(&shorter).is_err());
    }

    #[test]
    fn a_stray_bit_past_the_end_is_seen() {
        let set = FixedBitSet::with_capacity_and_blocks(3, [0b1000]);
        assert!(!clean_tail(&set));
        let set = FixedBitSet::with_capacity_and_blocks(3, [0b0100]);
        assert!(clean_tail(&set));
    }
}
