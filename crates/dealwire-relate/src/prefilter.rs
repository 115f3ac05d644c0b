//! Trigger prefilter: which rules can match a masked sentence at all.
//!
//! Every rule needs some trigger word ("invest", "acquire", "rival" ...) to
//! match. At build time the prefilter reads each expanded pattern's syntax
//! tree and derives a set of byte strings of which every match must contain
//! at least one. One Aho-Corasick pass over a sentence then tells which rules
//! are worth running; the others are skipped without touching their regexes.
//! Rules for which no selective set exists always run. The derivation only
//! ever widens what a pattern can match (look-arounds count as empty), so a
//! rule the prefilter skips cannot match: skipping changes speed, not output.

use std::collections::{HashMap, HashSet};

use regex_syntax::hir::{Class, Hir, HirKind};

/// Largest set of exact strings kept for one sub-pattern.
const MAX_SET: usize = 256;
/// Longest string kept in an exact set.
const MAX_LEN: usize = 48;
/// Shortest useful trigger: shorter ones occur in nearly every sentence.
const MIN_TRIGGER: usize = 3;
/// Most sets kept per rule (the most selective ones).
const MAX_GROUPS: usize = 16;

/// Chooses which rules to run on a sentence.
#[derive(Debug)]
pub(crate) struct Prefilter {
    /// All triggers of all filtered rules.
    dfa: Option<aho_corasick::dfa::DFA>,
    /// For each trigger (by pattern id), the rule and set it satisfies.
    owners: Vec<Vec<(usize, u32)>>,
    /// For each trigger, the [`crate::hints`] bits it stands for (0 for most).
    hint_bits: Vec<u8>,
    /// For each rule, the bit mask of all its sets (0: the rule always runs).
    full: Vec<u32>,
}

/// The sets each rule has seen in one sentence, and the sentence's hint
/// bits; reused between sentences.
#[derive(Debug, Default)]
pub(crate) struct Seen(Vec<u32>, u8);

impl Seen {
    /// The [`crate::hints`] bits of the text last scanned.
    pub(crate) fn hints(&self) -> u8 {
        self.1
    }
}

impl Prefilter {
    /// Derives the triggers of each rule from its parsed pattern.
    ///
    /// `patterns` are the expanded rule patterns in rule order. A pattern that
    /// does not parse gets no triggers and always runs (the regex compiler
    /// reports it anyway). The same pass also looks for `hint_words`, each
    /// with its hint bit, so that one scan of a masked sentence answers both.
    pub(crate) fn new(
        patterns: &[String],
        hint_words: &[(&str, u8)],
    ) -> Result<Self, aho_corasick::BuildError> {
        let mut triggers: Vec<Vec<u8>> = Vec::new();
        let mut owners: Vec<Vec<(usize, u32)>> = Vec::new();
        let mut full = Vec::with_capacity(patterns.len());
        let mut ids: HashMap<Vec<u8>, usize> = HashMap::new();
        for (rule, pattern) in patterns.iter().enumerate() {
            let mut sets = parse(pattern).map(|hir| required(&hir)).unwrap_or_default();
            sets.sort_by_key(|s| std::cmp::Reverse(score(s)));
            sets.dedup();
            sets.truncate(MAX_GROUPS);
            full.push(if sets.is_empty() {
                0
            } else {
                (1u32 << sets.len()) - 1
            });
            for (group, set) in sets.into_iter().enumerate() {
                let bit = 1u32 << group;
                for lit in set {
                    match ids.get(&lit) {
                        Some(&id) => owners[id].push((rule, bit)),
                        None => {
                            ids.insert(lit.clone(), triggers.len());
                            triggers.push(lit);
                            owners.push(vec![(rule, bit)]);
                        }
                    }
                }
            }
        }
        let mut hint_bits = vec![0; triggers.len()];
        for &(word, bit) in hint_words {
            match ids.get(word.as_bytes()) {
                Some(&id) => hint_bits[id] |= bit,
                None => {
                    ids.insert(word.as_bytes().to_vec(), triggers.len());
                    triggers.push(word.as_bytes().to_vec());
                    owners.push(Vec::new());
                    hint_bits.push(bit);
                }
            }
        }
        let dfa = if triggers.is_empty() {
            None
        } else {
            Some(crate::words::automaton(&triggers, false)?)
        };
        Ok(Self {
            dfa,
            owners,
            hint_bits,
            full,
        })
    }

    /// Records in `seen` which trigger sets of each rule occur in `text`.
    pub(crate) fn scan(&self, text: &[u8], seen: &mut Seen) {
        seen.0.clear();
        seen.0.resize(self.full.len(), 0);
        seen.1 = 0;
        if let Some(dfa) = &self.dfa {
            crate::words::each(dfa, text, |word| {
                for &(rule, bit) in &self.owners[word] {
                    seen.0[rule] |= bit;
                }
                seen.1 |= self.hint_bits[word];
            });
        }
    }

    /// Whether `rule` may match the text last scanned into `seen`.
    pub(crate) fn allows(&self, seen: &Seen, rule: usize) -> bool {
        let full = self.full.get(rule).copied().unwrap_or(0);
        seen.0.get(rule).copied().unwrap_or(0) & full == full
    }

    /// The rules that run on every sentence whatever it says.
    #[cfg(test)]
    pub(crate) fn unfiltered(&self) -> Vec<usize> {
        (0..self.full.len())
            .filter(|&r| self.full[r] == 0)
            .collect()
    }
}

fn parse(pattern: &str) -> Option<Hir> {
    regex_syntax::ParserBuilder::new()
        .utf8(false)
        .build()
        .parse(pattern)
        .ok()
}

/// How selective a trigger set is: the length of its shortest member, or 0
/// when a member contains a placeholder (`@` is in every sentence with a party).
fn score(set: &[Vec<u8>]) -> usize {
    set.iter()
        .map(|s| if s.contains(&b'@') { 0 } else { s.len() })
        .min()
        .unwrap_or(0)
}

/// Every string `hir` can match, when that set is small and finite.
///
/// Look-arounds count as empty strings, so the set may be wider than the
/// pattern, never narrower.
fn exact(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Some(vec![Vec::new()]),
        // A placeholder is in every sentence with a party: never part of a trigger.
        HirKind::Literal(lit) if lit.0.contains(&b'@') => None,
        HirKind::Literal(lit) => Some(vec![lit.0.to_vec()]),
        HirKind::Class(class) => {
            class_bytes(class).map(|b| b.into_iter().map(|b| vec![b]).collect())
        }
        HirKind::Capture(cap) => exact(&cap.sub),
        HirKind::Repetition(rep) => match (rep.min, rep.max) {
            (1, Some(1)) => exact(&rep.sub),
            (0, Some(1)) => {
                let mut set = exact(&rep.sub)?;
                set.push(Vec::new());
                Some(set)
            }
            _ => None,
        },
        HirKind::Concat(subs) => {
            let mut acc = vec![Vec::new()];
            for sub in subs {
                acc = product(&acc, &exact(sub)?)?;
            }
            Some(acc)
        }
        HirKind::Alternation(subs) => {
            let mut acc = Vec::new();
            for sub in subs {
                acc.extend(exact(sub)?);
                if acc.len() > MAX_SET {
                    return None;
                }
            }
            Some(acc)
        }
    }
}

/// The bytes of a small class (at most four), or `None`.
fn class_bytes(class: &Class) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    match class {
        Class::Bytes(c) => {
            for r in c.ranges() {
                for b in r.start()..=r.end() {
                    out.push(b);
                    if out.len() > 4 {
                        return None;
                    }
                }
            }
        }
        Class::Unicode(c) => {
            for r in c.ranges() {
                for ch in r.start()..=r.end() {
                    if !ch.is_ascii() || out.len() >= 4 {
                        return None;
                    }
                    out.push(ch as u8);
                }
            }
        }
    }
    Some(out)
}

/// Every concatenation of a member of `a` with a member of `b`, if small enough.
fn product(a: &[Vec<u8>], b: &[Vec<u8>]) -> Option<Vec<Vec<u8>>> {
    if a.len().saturating_mul(b.len()) > MAX_SET {
        return None;
    }
    let mut out = Vec::with_capacity(a.len() * b.len());
    let mut seen = HashSet::with_capacity(a.len() * b.len());
    for x in a {
        for y in b {
            if x.len() + y.len() > MAX_LEN {
                return None;
            }
            let mut s = x.clone();
            s.extend_from_slice(y);
            if seen.insert(s.clone()) {
                out.push(s);
            }
        }
    }
    Some(out)
}

/// A set of strings of which every match contains at least one.
type Set = Vec<Vec<u8>>;

/// Sets that every match of `hir` satisfies, each on its own: a match
/// contains a member of the first set, and a member of the second, and so on.
fn required(hir: &Hir) -> Vec<Set> {
    if let Some(set) = exact(hir) {
        return if useful(&set) { vec![set] } else { Vec::new() };
    }
    match hir.kind() {
        HirKind::Capture(cap) => required(&cap.sub),
        HirKind::Repetition(rep) if rep.min >= 1 => required(&rep.sub),
        HirKind::Alternation(subs) => {
            // Each branch contributes its most selective set; all branches must.
            let mut acc: Set = Vec::new();
            for sub in subs {
                let Some(best) = required(sub).into_iter().max_by_key(|s| score(s)) else {
                    return Vec::new();
                };
                for s in best {
                    if !acc.contains(&s) {
                        acc.push(s);
                    }
                }
            }
            vec![acc]
        }
        HirKind::Concat(subs) => {
            // Runs of children with exact sets join into longer strings; every
            // run and every other child's own sets are required together.
            let mut all: Vec<Set> = Vec::new();
            let close = |set: Set, all: &mut Vec<Set>| {
                if useful(&set) {
                    all.push(set);
                }
            };
            let mut run: Set = vec![Vec::new()];
            for sub in subs {
                if let HirKind::Literal(lit) = sub.kind() {
                    if let (Some(first), Some(last)) = (
                        lit.0.iter().position(|&b| b == b'@'),
                        lit.0.iter().rposition(|&b| b == b'@'),
                    ) {
                        // The text around a placeholder still joins its neighbours.
                        let head = [lit.0[..first].to_vec()];
                        let joined = product(&run, &head).unwrap_or(run);
                        close(joined, &mut all);
                        run = vec![lit.0[last + 1..].to_vec()];
                        continue;
                    }
                }
                match exact(sub) {
                    Some(set) => {
                        run = match product(&run, &set) {
                            Some(joined) => joined,
                            None => {
                                // Too many combinations: close the run and start anew.
                                close(run, &mut all);
                                set
                            }
                        };
                    }
                    None => {
                        close(run, &mut all);
                        all.extend(required(sub));
                        run = vec![Vec::new()];
                    }
                }
            }
            close(run, &mut all);
            all
        }
        _ => Vec::new(),
    }
}

/// Whether a set is worth searching for: no empty or very short member.
fn useful(set: &[Vec<u8>]) -> bool {
    !set.is_empty() && score(set) >= MIN_TRIGGER
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{RULES, expand};
    use regex::bytes::Regex;

    fn patterns() -> Vec<String> {
        RULES.iter().map(|r| expand(r.pattern)).collect()
    }

    /// The required sets of a pattern, as strings.
    fn sets(pattern: &str) -> Vec<Vec<String>> {
        let hir = parse(pattern).expect("pattern parses");
        required(&hir)
            .into_iter()
            .map(|s| {
                s.into_iter()
                    .map(|b| String::from_utf8_lossy(&b).into_owned())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn literal_runs_join_across_optional_parts() {
        let got = sets("(?-u)@p1 (?:invest|invests)(?:ed)? in @o");
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].contains(&"p1 invested in ".to_owned()), "{got:?}");
        assert!(got[0].contains(&"p1 invest in ".to_owned()), "{got:?}");
        assert_eq!(got[0].len(), 4, "{got:?}");
    }

    #[test]
    fn every_separated_trigger_is_required() {
        let got = sets(r"(?-u)@p\d+[^;]*?\brival\b[^;]*?\bwith @p\d+");
        assert_eq!(
            got,
            vec![vec!["rival".to_owned()], vec!["with ".to_owned()]]
        );
    }

    #[test]
    fn an_optional_trigger_is_not_required() {
        assert!(sets(r"(?-u)(?:acquire)?[^;]*").is_empty());
    }

    #[test]
    fn alternation_needs_every_branch() {
        assert!(sets(r"(?-u)(?:stake|[a-z]+)").is_empty());
        let got = sets(r"(?-u)(?:stake[^;]*|holding[^;]*)");
        assert_eq!(got, vec![vec!["stake".to_owned(), "holding".to_owned()]]);
    }

    #[test]
    fn most_rules_get_triggers() {
        let pf = Prefilter::new(&patterns(), &[]).expect("triggers build");
        let unfiltered: Vec<&str> = pf.unfiltered().iter().map(|&i| RULES[i].method).collect();
        assert!(
            unfiltered.len() * 10 <= RULES.len(),
            "too many rules without triggers: {unfiltered:?}"
        );
    }

    #[test]
    fn hint_words_give_their_bits_in_the_same_scan() {
        // "invest" is also a trigger of the investor rules: it keeps both roles.
        let pf = Prefilter::new(&patterns(), &[("deal", 2), ("invest", 4)]).unwrap();
        let mut seen = Seen::default();
        pf.scan(b"@p0 invested in @p1", &mut seen);
        assert_eq!(seen.hints(), 4);
        assert!(allowed(&pf, b"@p0 invested in @p1").contains(&"investor.verb_in"));
        pf.scan(b"the deal with @p0", &mut seen);
        assert_eq!(seen.hints(), 2);
        pf.scan(b"nothing here", &mut seen);
        assert_eq!(seen.hints(), 0);
    }

    fn allowed(pf: &Prefilter, text: &[u8]) -> Vec<&'static str> {
        let mut seen = Seen::default();
        pf.scan(text, &mut seen);
        (0..RULES.len())
            .filter(|&r| pf.allows(&seen, r))
            .map(|r| RULES[r].method)
            .collect()
    }

    #[test]
    fn a_sentence_without_triggers_runs_only_unfiltered_rules() {
        let pf = Prefilter::new(&patterns(), &[]).expect("triggers build");
        let unfiltered: Vec<&str> = pf.unfiltered().iter().map(|&i| RULES[i].method).collect();
        let got = allowed(&pf, b"@p0 employs about 5,000 people in 12 countries.");
        assert_eq!(got, unfiltered);
        let got = allowed(&pf, b"@p0 agreed to acquire @p1 for @m2.");
        assert!(got.contains(&"acquirer.verb"), "{got:?}");
        assert!(!got.contains(&"investor.verb_in"), "{got:?}");
    }

    /// A tiny deterministic generator (xorshift), enough to walk a pattern.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n.max(1) as u64) as usize
        }
    }

    /// A random string the pattern may match (look-arounds are ignored, so
    /// the caller checks the real regex).
    fn sample(hir: &Hir, rng: &mut Rng, out: &mut Vec<u8>) {
        const FILL: &[u8] = b"abcdefghijklmnopqrstuvwxyz ,.'-0123456789";
        match hir.kind() {
            HirKind::Empty | HirKind::Look(_) => {}
            HirKind::Literal(lit) => out.extend_from_slice(&lit.0),
            HirKind::Class(Class::Bytes(c)) => {
                let allowed: Vec<u8> = FILL
                    .iter()
                    .copied()
                    .filter(|b| c.ranges().iter().any(|r| r.start() <= *b && *b <= r.end()))
                    .collect();
                if !allowed.is_empty() {
                    out.push(allowed[rng.below(allowed.len())]);
                }
            }
            HirKind::Class(Class::Unicode(c)) => {
                let allowed: Vec<u8> = FILL
                    .iter()
                    .copied()
                    .filter(|&b| {
                        let ch = char::from(b);
                        c.ranges().iter().any(|r| r.start() <= ch && ch <= r.end())
                    })
                    .collect();
                if !allowed.is_empty() {
                    out.push(allowed[rng.below(allowed.len())]);
                }
            }
            HirKind::Capture(cap) => sample(&cap.sub, rng, out),
            HirKind::Repetition(rep) => {
                let max = rep.max.unwrap_or(rep.min + 3).min(rep.min + 3);
                let n = rep.min as usize + rng.below((max - rep.min) as usize + 1);
                for _ in 0..n {
                    sample(&rep.sub, rng, out);
                }
            }
            HirKind::Concat(subs) => subs.iter().for_each(|s| sample(s, rng, out)),
            HirKind::Alternation(subs) => sample(&subs[rng.below(subs.len())], rng, out),
        }
    }

    #[test]
    fn no_rule_is_skipped_on_a_sentence_it_matches() {
        let patterns = patterns();
        let pf = Prefilter::new(&patterns, &[]).expect("triggers build");
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let mut seen = Seen::default();
        for (rule, pattern) in patterns.iter().enumerate() {
            let hir = parse(pattern).expect("rule parses");
            let regex = Regex::new(pattern).expect("rule compiles");
            let mut matched = 0;
            // Up to 3,000 samples, enough for 200 that match.
            for _ in 0..3000 {
                if matched >= 200 {
                    break;
                }
                let mut s = Vec::new();
                sample(&hir, &mut rng, &mut s);
                if !regex.is_match(&s) {
                    continue;
                }
                matched += 1;
                pf.scan(&s, &mut seen);
                assert!(
                    pf.allows(&seen, rule),
                    "{} skipped on {:?}",
                    RULES[rule].method,
                    String::from_utf8_lossy(&s)
                );
            }
            assert!(matched > 0, "{}: no sample matched", RULES[rule].method);
        }
    }
}
