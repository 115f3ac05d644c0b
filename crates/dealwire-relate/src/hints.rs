//! Words that the resolver's sentence-wide helper patterns cannot match without.
//!
//! Most sentences of an article name no party, and most name no deal that a
//! later sentence could end or deny. One automaton pass over a sentence's raw
//! text says which helper patterns could possibly match its masked form, so
//! that the resolver masks and searches only where one could.
//!
//! Each word set below is *necessary*: every match of the pattern it guards
//! contains one of its words. The masked text is the raw text lower-cased,
//! with mentions replaced by placeholders and some punctuation mapped to other
//! punctuation, so a run of letters and hyphens in the masked text is also in
//! the raw text, up to ASCII case. The scan therefore ignores ASCII case.

use aho_corasick::dfa::DFA;

/// A plural noun after "the two" or "both" (but not a span of time), "the
/// partners", "the pair", "between rivals".
pub(crate) const PAIRS_PATTERN: &str = r"(?-u)\b(?:the two|both) (?:[a-z-]+ )?(?:companies|firms|groups|chipmakers|carmakers|banks|lenders|insurers|partners|investors|sides|rivals|businesses|start-ups|startups|labs|retailers|brewers|miners|airlines|drugmakers|automakers|operators|developers)\b|\bthe partners\b|\bthe pair\b|\b(?:between|among) (?:longtime |long-time |fierce |bitter |former |old |erstwhile )?(?:rivals|competitors)\b";

/// Every match of [`PAIRS_PATTERN`] contains one of these.
const PAIR_WORDS: &[&str] = &["two", "both", "partners", "pair", "between", "among"];

/// A later sentence that ends a deal named before ("The two companies called
/// off the merger", "The deal collapsed").
pub(crate) const ENDED_LATER_PATTERN: &str = r"(?-u)\b(?:called off|calls off|call off|terminated|terminate|terminates|abandoned|abandons|abandon|scrapped|scraps|scrap|walked away from|walks away from|withdrew|withdraws|killed|kills|blocked|blocks)\b (?:[a-z-]+ ){0,3}?(?:the|their|its|this|that) (?:@m\d+ |[a-z-]+ ){0,3}?(?:deal|merger|takeover|acquisition|transaction|tie-up|purchase|bid|offer|combination)\b|\b(?:the|their|its|this) (?:@m\d+ |[a-z-]+ ){0,3}?(?:deal|merger|takeover|acquisition|transaction|tie-up|purchase|bid|offer|combination) (?:has |had |have )?(?:collapsed|lapsed|fell through|fell apart|expired|(?:was|were|has been|had been) (?:later |eventually |ultimately |subsequently |then )?(?:called off|terminated|blocked|abandoned|scrapped|withdrawn))\b";

/// Every match of [`ENDED_LATER_PATTERN`] contains one of these nouns.
const ENDED_WORDS: &[&str] = &[
    "deal",
    "merger",
    "takeover",
    "acquisition",
    "transaction",
    "tie-up",
    "purchase",
    "bid",
    "offer",
    "combination",
];

/// A later sentence that denies what was reported ("Acme denied the report").
pub(crate) const DENIED_LATER_PATTERN: &str = r"(?-u)\b(?:denied|denies|deny|dismissed|dismisses|rejected|rejects|refuted|refutes|played down|plays down) (?:the |those |these |such |a |that )?(?:media |press |news )?(?:reports?|speculation|rumou?rs?|story|stories|article)\b";

/// Every match of [`DENIED_LATER_PATTERN`] contains one of these.
const DENIED_WORDS: &[&str] = &[
    "report",
    "speculation",
    "rumor",
    "rumour",
    "story",
    "stories",
    "article",
];

/// The sentence may hold a "the two companies" phrase.
pub(crate) const PAIRS: u8 = 1;
/// The sentence may end a deal named before.
pub(crate) const ENDED: u8 = 2;
/// The sentence may deny a deal reported before.
pub(crate) const DENIED: u8 = 4;

/// Every word of every set, with its set's bit.
pub(crate) fn words() -> Vec<(&'static str, u8)> {
    [
        (PAIR_WORDS, PAIRS),
        (ENDED_WORDS, ENDED),
        (DENIED_WORDS, DENIED),
    ]
    .iter()
    .flat_map(|&(set, bit)| set.iter().map(move |&w| (w, bit)))
    .collect()
}

/// One automaton over all the word sets, for raw text.
#[derive(Debug)]
pub(crate) struct Hints {
    dfa: DFA,
    bits: Vec<u8>,
}

impl Hints {
    pub(crate) fn new() -> Result<Self, aho_corasick::BuildError> {
        let (words, bits): (Vec<&str>, Vec<u8>) = words().into_iter().unzip();
        let dfa = crate::words::automaton(words, true)?;
        Ok(Self { dfa, bits })
    }

    /// Which patterns could match the masked form of `raw`, as a set of bits.
    pub(crate) fn scan(&self, raw: &str) -> u8 {
        let all = PAIRS | ENDED | DENIED;
        let mut found = 0;
        crate::words::each(&self.dfa, raw.as_bytes(), |word| {
            found |= self.bits.get(word).copied().unwrap_or(all);
        });
        found
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::Rng;

    use super::*;

    #[test]
    fn finds_each_set_in_any_case() {
        let h = Hints::new().unwrap();
        assert_eq!(h.scan("The Two companies agreed."), PAIRS);
        assert_eq!(h.scan("BOTH walked away from the DEAL."), PAIRS | ENDED);
        assert_eq!(h.scan("Acme denied the rumours."), DENIED);
        assert_eq!(
            h.scan("Acme denied the Reports of a tie-up."),
            DENIED | ENDED
        );
        assert_eq!(h.scan("Acme makes widgets in Ohio."), 0);
    }

    /// Sentences made of the patterns' own words, so that they often match:
    /// whenever a pattern matches, the scan must name it.
    #[test]
    fn every_match_contains_a_word_of_its_set() {
        let h = Hints::new().unwrap();
        let checks = [
            (regex::bytes::Regex::new(PAIRS_PATTERN).unwrap(), PAIRS),
            (
                regex::bytes::Regex::new(ENDED_LATER_PATTERN).unwrap(),
                ENDED,
            ),
            (
                regex::bytes::Regex::new(DENIED_LATER_PATTERN).unwrap(),
                DENIED,
            ),
        ];
        let vocabulary: Vec<&str> = [PAIRS_PATTERN, ENDED_LATER_PATTERN, DENIED_LATER_PATTERN]
            .iter()
            .flat_map(|p| p.split(|c: char| !c.is_ascii_lowercase() && c != '-'))
            .filter(|w| w.len() > 1)
            .chain(["@m1", "@p2", "x", "the", "deal", "report"])
            .collect();
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        let rng = runner.rng();
        let mut next = |n: usize| usize::try_from(rng.next_u64() % n as u64).unwrap();
        let mut matched = [0; 3];
        for _ in 0..200_000 {
            let len = 2 + next(6);
            let words: Vec<&str> = (0..len)
                .map(|_| vocabulary[next(vocabulary.len())])
                .collect();
            let text = words.join(" ");
            let found = h.scan(&text);
            for (k, (re, bit)) in checks.iter().enumerate() {
                if re.is_match(text.as_bytes()) {
                    matched[k] += 1;
                    assert!(
                        found & bit != 0,
                        "{text:?} matches but the scan gave {found:b}"
                    );
                }
            }
        }
        // The test means something only if each pattern matched often.
        assert!(matched.iter().all(|&n| n > 100), "{matched:?}");
    }

    #[test]
    fn finds_words_inside_longer_words() {
        // A superset is all the gate needs; a miss would lose a relation.
        let h = Hints::new().unwrap();
        assert_eq!(h.scan("twofold"), PAIRS);
        assert_eq!(h.scan("dealers"), ENDED);
    }
}
