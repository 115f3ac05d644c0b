//! A set of words from a built-in list, for the many lookups of a word that
//! is in none: a small bit filter answers most misses before any hashing.

use std::collections::HashSet;

use super::resolve::FxBuild;

/// Bits in the filter: at a few hundred words per list most bits stay clear.
const FILTER_BITS: usize = 4096;

/// Words of one list.
#[derive(Debug, Default)]
pub(crate) struct WordSet {
    words: HashSet<&'static str, FxBuild>,
    filter: Vec<u64>,
}

/// The filter bit of a word: from its length and its first and last bytes.
fn bit(word: &str) -> usize {
    let b = word.as_bytes();
    let first = b.first().copied().map_or(0, usize::from);
    let last = b.last().copied().map_or(0, usize::from);
    (first << 4 ^ last ^ b.len() << 7 ^ b.len()) % FILTER_BITS
}

impl WordSet {
    /// Whether `word` is in the list.
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        let k = bit(word);
        self.filter
            .get(k / 64)
            .is_some_and(|w| w & (1 << (k % 64)) != 0)
            && self.words.contains(word)
    }
}

impl FromIterator<&'static str> for WordSet {
    fn from_iter<I: IntoIterator<Item = &'static str>>(iter: I) -> Self {
        let mut set = Self {
            words: HashSet::default(),
            filter: vec![0; FILTER_BITS / 64],
        };
        for w in iter {
            let k = bit(w);
            set.filter[k / 64] |= 1 << (k % 64);
            set.words.insert(w);
        }
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_are_found_and_others_are_not() {
        let set: WordSet = ["Inc", "Holdings", "de", "&", ""].into_iter().collect();
        for w in ["Inc", "Holdings", "de", "&", ""] {
            assert!(set.contains(w), "{w}");
        }
        for w in ["inc", "Holding", "Holdingss", "da", "x", "Incorporated"] {
            assert!(!set.contains(w), "{w}");
        }
    }

    #[test]
    fn an_empty_set_holds_nothing() {
        let set = WordSet::default();
        assert!(!set.contains("Inc"));
        assert!(!set.contains(""));
    }
}
