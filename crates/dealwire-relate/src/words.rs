//! A word automaton and its overlapping scan, shared by the trigger prefilter
//! and the sentence hints.
//!
//! `AhoCorasick::find_overlapping_iter` pays for its generality on every byte;
//! walking the DFA directly costs one table step per byte and a look at the
//! state's match list only where a word ends.

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind};

/// Builds a DFA that reports every occurrence of every word, overlaps included.
pub(crate) fn automaton<I, P>(
    words: I,
    ignore_ascii_case: bool,
) -> Result<DFA, aho_corasick::BuildError>
where
    I: IntoIterator<Item = P>,
    P: AsRef<[u8]>,
{
    DFA::builder()
        .match_kind(MatchKind::Standard)
        .ascii_case_insensitive(ignore_ascii_case)
        .build(words)
}

/// Calls `hit` with the index of each word of `dfa` that occurs in `text`,
/// once per occurrence, in order of where the occurrences end.
#[inline]
pub(crate) fn each(dfa: &DFA, text: &[u8], mut hit: impl FnMut(usize)) {
    let Ok(mut sid) = dfa.start_state(Anchored::No) else {
        return;
    };
    for &b in text {
        sid = dfa.next_state(Anchored::No, sid, b);
        if dfa.is_special(sid) && dfa.is_match(sid) {
            for i in 0..dfa.match_len(sid) {
                hit(dfa.match_pattern(sid, i).as_usize());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::AhoCorasick;

    /// The direct walk reports what the library's own overlapping search does.
    #[test]
    fn matches_the_overlapping_search() {
        let words = ["he", "she", "his", "hers", "s", "the ", "ushers"];
        let texts = [
            "ushers",
            "she sells the shells",
            "",
            "hhhe",
            "the she hers his",
        ];
        let dfa = automaton(words, false).unwrap();
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(words)
            .unwrap();
        for text in texts {
            let mut ours = Vec::new();
            each(&dfa, text.as_bytes(), |w| ours.push(w));
            let theirs: Vec<usize> = ac
                .find_overlapping_iter(text)
                .map(|m| m.pattern().as_usize())
                .collect();
            ours.sort_unstable();
            let mut theirs = theirs;
            theirs.sort_unstable();
            assert_eq!(ours, theirs, "{text:?}");
        }
    }

    #[test]
    fn ignores_ascii_case_when_asked() {
        let dfa = automaton(["deal"], true).unwrap();
        let mut n = 0;
        each(&dfa, b"DEAL Deal deal dEaL", |_| n += 1);
        assert_eq!(n, 4);
        let dfa = automaton(["deal"], false).unwrap();
        let mut n = 0;
        each(&dfa, b"DEAL Deal deal", |_| n += 1);
        assert_eq!(n, 1);
    }
}
