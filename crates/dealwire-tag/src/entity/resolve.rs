//! The per-article work: candidates, merging, references back.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use aho_corasick::{Anchored, Input};

use dealwire_core::{
    Entity, EntityRole, EntityType, Extraction, Mention, MentionKind, MentionMethod, Span,
};

use super::gazetteer::{is_common_word, strip_legal_suffix};
use super::lexicon::{
    COMPANY_NOUNS, COMPANY_VERBS, CORPORATE_WORDS, DEAL_CUES_AFTER, DEAL_CUES_BEFORE,
    DISTINCT_FIRM_WORDS, FIRST_NAMES, GOVERNMENTS, LEGAL_SUFFIXES, NON_NAME_CAPS, OPENING_KINDS,
    PERSON_TITLES, PLACES, PRODUCT_MAKERS,
};
use super::text::{Word, is_cap, sentence_initial, sentence_starts, words};
use super::wordset::WordSet;
use super::{CasePolicy, EntityTagger};

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Target {
    Known(usize),
    Unknown(String),
    Person(String),
    Gov(&'static str, &'static str),
}

#[derive(Clone, Debug)]
struct Cand {
    start: usize,
    end: usize,
    target: Target,
    method: MentionMethod,
    confidence: f32,
}

struct Seq {
    start: usize,
    end: usize,
    /// Its words, as a range of the word list that `sequences` returns.
    words: std::ops::Range<usize>,
    titled: bool,
}

pub(super) fn tag(t: &EntityTagger, doc: &mut Extraction) {
    let text = doc.article.text.as_str();
    let ws = words(text);
    let sents = sentence_starts(text);
    let sent_of = |pos: usize| sents.partition_point(|&s| s <= pos).saturating_sub(1);

    let mut cands = gazetteer_matches(t, text);
    let mut deferred: Vec<Cand> = Vec::new();
    cands.retain(|c| {
        if let Target::Known(i) = c.target {
            if c.confidence < 0.5 {
                deferred.push(c.clone());
                return false;
            }
            let _ = i;
        }
        true
    });
    // A sentence-initial common word counts when the article names it elsewhere.
    for d in deferred {
        if cands.iter().any(|c| c.target == d.target) {
            cands.push(Cand {
                confidence: 0.8,
                ..d
            });
        }
    }
    tickers(t, text, &mut cands);
    governments(t, text, &mut cands);

    let (seqs, seq_words) = sequences(text, &ws);
    let mut persons: Vec<String> = Vec::new();
    // Classifying a sequence only adds, trims or drops candidates inside it, so one
    // that no earlier candidate overlaps needs no scan of the candidate list.
    let mut spans: Vec<(usize, usize)> = cands.iter().map(|c| (c.start, c.end)).collect();
    spans.sort_unstable();
    let reach: Vec<usize> = spans
        .iter()
        .scan(0, |m, &(_, e)| {
            *m = e.max(*m);
            Some(*m)
        })
        .collect();
    for s in &seqs {
        let k = spans.partition_point(|&(start, _)| start < s.end);
        let may_overlap = k > 0 && reach[k - 1] > s.start;
        let wtexts = seq_words.get(s.words.clone()).unwrap_or(&[]);
        classify(t, text, s, wtexts, &mut cands, &mut persons, may_overlap);
    }
    cands.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    cands = drop_overlaps(cands);

    short_names(text, &seqs, &mut cands, &persons);
    article_aliases(t, text, &mut cands);
    cands.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    cands = drop_overlaps(cands);
    merge_unknowns(&mut cands);

    // Entities, in order of first mention.
    let mut index: HashMap<Target, usize, FxBuild> = HashMap::default();
    let mut entities: Vec<Entity> = Vec::new();
    let mut mentions: Vec<Mention> = Vec::new();
    for c in &cands {
        let e = *index.entry(c.target.clone()).or_insert_with(|| {
            entities.push(make_entity(t, &c.target));
            entities.len() - 1
        });
        mentions.push(Mention {
            span: Span::new(c.start, c.end),
            entity: e,
            sentence: 0,
            kind: MentionKind::Name,
            method: c.method,
            confidence: c.confidence,
        });
    }
    super::refer::references(t, text, &ws, &mut mentions, &entities, &sent_of);
    mentions.sort_by_key(|m| (m.span.start(), m.span.end()));
    for m in &mut mentions {
        m.sentence = doc.sentence_at(m.span.start()).unwrap_or(0);
    }
    doc.entities = entities;
    doc.mentions = mentions;
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The Unicode word boundary at both ends of a regex match (the regexes test ASCII ones).
pub(super) fn word_edges(text: &str, s: usize, e: usize) -> bool {
    let at = |p: usize| {
        let before = text[..p].chars().next_back().is_some_and(is_word_char);
        let after = text[p..].chars().next().is_some_and(is_word_char);
        before != after
    };
    at(s) && at(e)
}

/// ASCII bytes after which [`start_ok`] always fails: letters, digits, `-`, `@`.
const GLUED: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || c == b'-' || c == b'@';
        b += 1;
    }
    table
};

/// Whether a name may start at `s`: no letter, digit, hyphen, `@` or dot
/// glued before it (" .NET" is fine).
fn start_ok(text: &str, s: usize) -> bool {
    text[..s].chars().next_back().is_none_or(|c| {
        !c.is_alphanumeric() && c != '-' && c != '@' && c != '.'
            || c == '.' && s >= 2 && text[..s - 1].ends_with(char::is_whitespace)
    })
}

/// Whether a name may end at `e`.
fn end_ok(text: &str, e: usize) -> bool {
    text[e..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric() && c != '@')
        && !text[e..].starts_with(".com")
}

fn boundary_ok(text: &str, s: usize, e: usize) -> bool {
    start_ok(text, s) && end_ok(text, e)
}

/// The longest listed name that starts at `here` and ends at a word boundary.
///
/// The automaton gives the longest match only, and it ignores case, so a longer
/// alias can run into the next word ("Nestlé SA" in "Nestlé said", "Siemens AG"
/// in "Siemens agreed"); the search is then cut before that word and repeated.
fn anchored_match(t: &EntityTagger, text: &str, here: usize) -> Option<aho_corasick::Match> {
    let mut limit = text.len();
    loop {
        let input = Input::new(text).range(here..limit).anchored(Anchored::Yes);
        let m = t.matcher.try_find(input).ok()??;
        let e = m.end();
        if text.is_char_boundary(e) && end_ok(text, e) {
            return Some(m);
        }
        let cut = text.get(here..e)?.rfind(|c: char| !is_word_char(c))?;
        if cut == 0 {
            return None;
        }
        limit = here + cut;
    }
}

/// Gazetteer names, longest first, tried only at word starts that can open a
/// name; a match that fails its checks lets the next word start try.
fn gazetteer_matches(t: &EntityTagger, text: &str) -> Vec<Cand> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let here = at;
        at += 1;
        // Most bytes follow a letter or digit, where `start_ok` fails: skip them
        // before the larger table of name openings. "The Microsoft-Activision
        // merger": a name right after a hyphen that ends a listed name starts
        // another (a listed compound such as "Mercedes-Benz" matched whole, so
        // no name ends at its hyphen).
        let mut after_name = false;
        if here > 0 && GLUED[usize::from(bytes[here - 1])] {
            after_name = bytes[here - 1] == b'-'
                && bytes[here].is_ascii_uppercase()
                && out.last().is_some_and(|c: &Cand| c.end + 1 == here);
            if !after_name {
                continue;
            }
        }
        let pair =
            usize::from(bytes[here]) << 8 | usize::from(bytes.get(here + 1).copied().unwrap_or(0));
        if !t.initials[pair]
            || !text.is_char_boundary(here)
            || !(after_name || start_ok(text, here))
        {
            continue;
        }
        let Some(m) = anchored_match(t, text, here) else {
            continue;
        };
        let (s, e) = (m.start(), m.end());
        let surf = &t.surfaces[m.pattern().as_usize()];
        let found = &text[s..e];
        let entry = &t.gazetteer.entries()[surf.entry];
        if entry.entity_type == EntityType::Gpe {
            // A place name is skipped whole, as a name inside it would be wrong.
            at = e;
            continue;
        }
        let mut confidence = 0.95;
        match surf.policy {
            CasePolicy::Capitalised => {
                if !found.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                    || found.chars().all(|c| !c.is_uppercase())
                {
                    continue;
                }
            }
            CasePolicy::Exact => {
                if found != surf.text {
                    continue;
                }
            }
            CasePolicy::Ambiguous => {
                if found != surf.text {
                    continue;
                }
                if sentence_initial(text, s) {
                    let rest = text[e..].trim_start();
                    let cue = text[e..].starts_with("'s")
                        || text[e..].starts_with(',')
                        || rest.starts_with("and ")
                        || text[e..].starts_with("’s")
                        || OWNER_SUFFIXES.iter().any(|x| {
                            text[e..].starts_with(x)
                                && !text[e + x.len()..].starts_with(char::is_alphanumeric)
                        })
                        || COMPANY_VERBS.iter().chain(DEAL_CUES_AFTER).any(|c| {
                            rest.starts_with(c)
                                && rest[c.len()..].starts_with(|x: char| !x.is_alphanumeric())
                        })
                        || acts_on_its_own(rest)
                        || ticker_follows(&text[e..]);
                    if !cue {
                        confidence = 0.4;
                    }
                }
                // "an Apple a day": a determiner before a common word is a common
                // noun, unless a company role follows ("a Meta subsidiary").
                let prev = text[..s]
                    .trim_end()
                    .rsplit(char::is_whitespace)
                    .next()
                    .unwrap_or("");
                let next = text[e..]
                    .trim_start()
                    .split(|c: char| !c.is_alphanumeric() && c != '-')
                    .next()
                    .unwrap_or("");
                if matches!(prev, "a" | "an") && !COMPANY_ROLES.contains(&next) {
                    continue;
                }
            }
        }
        out.push(Cand {
            start: s,
            end: e,
            target: super::resolve::Target::Known(surf.entry),
            method: MentionMethod::Gazetteer,
            confidence,
        });
        at = e;
    }
    out
}

fn tickers(t: &EntityTagger, text: &str, cands: &mut Vec<Cand>) {
    // Both patterns need a literal that most articles lack: skip the regex search then.
    let exchange = text.contains(':');
    let shares = ticker_before_or_after_shares(text);
    if !exchange && !shares {
        return;
    }
    for c in t.re_exchange.captures_iter(text) {
        if let (Some(all), Some(g)) = (c.get(0), c.get(1)) {
            // The exchange name in "(NASDAQ: NVDA)" is context, not a mention.
            cands.retain(|x| x.end <= all.start() || x.start >= all.end());
            if let Some(&i) = t.tickers.get(g.as_str()) {
                cands.push(Cand {
                    start: g.start(),
                    end: g.end(),
                    target: Target::Known(i),
                    method: MentionMethod::Ticker,
                    confidence: 0.95,
                });
            }
        }
    }
    if !shares {
        return;
    }
    let named: Vec<Target> = cands.iter().map(|c| c.target.clone()).collect();
    for c in t.re_ticker_shares.captures_iter(text) {
        if c.get(0)
            .is_some_and(|m| !word_edges(text, m.start(), m.end()))
        {
            continue;
        }
        if let Some(g) = c.get(1).or_else(|| c.get(2)) {
            if let Some(&i) = t.tickers.get(g.as_str()) {
                // A bare ticker counts only for a company the article names.
                if named.contains(&Target::Known(i)) {
                    cands.push(Cand {
                        start: g.start(),
                        end: g.end(),
                        target: Target::Known(i),
                        method: MentionMethod::Ticker,
                        confidence: 0.8,
                    });
                }
            }
        }
    }
}

/// Whether some "shares" has a capital letter where a ticker would stand, " shares"
/// after it or "shares of " before it: without one, `re_ticker_shares` cannot match.
fn ticker_before_or_after_shares(text: &str) -> bool {
    let bytes = text.as_bytes();
    text.match_indices("shares").any(|(i, _)| {
        let before = i >= 2 && bytes[i - 1] == b' ' && bytes[i - 2].is_ascii_uppercase();
        let after = bytes.get(i + 6..i + 10) == Some(b" of ")
            && bytes.get(i + 10).is_some_and(u8::is_ascii_uppercase);
        before || after
    })
}

fn governments(t: &EntityTagger, text: &str, cands: &mut Vec<Cand>) {
    for m in t.re_government.find_iter(text) {
        if !word_edges(text, m.start(), m.end()) {
            continue;
        }
        let found = m.as_str();
        let gov = GOVERNMENTS
            .iter()
            .find(|g| found.starts_with(g.0) || found.ends_with(g.2) || found.ends_with(g.0));
        if let Some(&(_, id, name)) = gov {
            cands.push(Cand {
                start: m.start(),
                end: m.end(),
                target: Target::Gov(id, name),
                method: MentionMethod::Government,
                confidence: 0.85,
            });
        }
    }
}

/// Nouns after "a X" that make X a company ("a Meta subsidiary", "an Apple supplier").
const COMPANY_ROLES: &[&str] = &[
    "subsidiary",
    "unit",
    "division",
    "affiliate",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "executive",
    "supplier",
    "partner",
    "rival",
    "competitor",
    "shareholder",
    "investor",
    "customer",
    "-backed",
    "-owned",
];

const CONNECTORS: &[&str] = &["&", "of", "de", "du", "der", "von", "van", "+"];

/// A multiply-rotate hasher (as in rustc's FxHash): the keys are short words and
/// small targets from one article, where SipHash's flood resistance buys nothing.
#[derive(Default)]
pub(super) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

pub(super) type FxBuild = BuildHasherDefault<FxHasher>;
type Set = WordSet;

/// The word lists as hash sets: classification asks them several times per capitalised word.
struct Lex {
    corporate: Set,
    legal: Set,
    connectors: Set,
    non_name_caps: Set,
    places: Set,
    first_names: Set,
    titles: Set,
    product_makers: Set,
    company_nouns: Set,
    /// Last two bytes of every person title, and first two of every cue after a name:
    /// a cheap test that rules out most words before the list is scanned.
    title_ends: HashSet<[u8; 2], FxBuild>,
    cue_starts: HashSet<[u8; 2], FxBuild>,
}

/// The first (`end == false`) or last two bytes of `s`, zero-padded when shorter.
fn edge(s: &[u8], end: bool) -> [u8; 2] {
    match s {
        [a, b] => [*a, *b],
        [a, b, ..] if !end => [*a, *b],
        [.., a, b] => [*a, *b],
        [a] => [*a, 0],
        [] => [0, 0],
    }
}

static LEX: LazyLock<Lex> = LazyLock::new(|| Lex {
    corporate: CORPORATE_WORDS
        .iter()
        .chain(LEGAL_SUFFIXES)
        .copied()
        .collect(),
    legal: LEGAL_SUFFIXES.iter().copied().collect(),
    connectors: CONNECTORS.iter().copied().collect(),
    non_name_caps: NON_NAME_CAPS.iter().copied().collect(),
    places: PLACES.iter().copied().collect(),
    first_names: FIRST_NAMES.iter().copied().collect(),
    titles: PERSON_TITLES.iter().copied().collect(),
    product_makers: PRODUCT_MAKERS.iter().map(|p| p.0).collect(),
    company_nouns: COMPANY_NOUNS.iter().copied().collect(),
    title_ends: PERSON_TITLES
        .iter()
        .map(|p| edge(p.as_bytes(), true))
        .collect(),
    cue_starts: DEAL_CUES_AFTER
        .iter()
        .map(|c| edge(c.as_bytes(), false))
        .collect(),
});

/// Cues before a name that are specific enough alone ("led by", not "with").
const LOOSE_CUES: &[&str] = &["including", "such as", "with", "and", "from"];
/// Company nouns and strict cues, the phrases whose end before a name makes it a company.
static CUES_BEFORE: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new(
        COMPANY_NOUNS.iter().copied().chain(
            DEAL_CUES_BEFORE
                .iter()
                .copied()
                .filter(|c| !LOOSE_CUES.contains(c)),
        ),
    )
});

/// Lowercase ASCII phrases by their last byte: a text end is compared with
/// the few phrases that can end it.
struct Phrases {
    by_last: Vec<Vec<&'static str>>,
}

impl Phrases {
    fn new(phrases: impl Iterator<Item = &'static str>) -> Self {
        // Slot 256 holds an empty phrase, which any text ends with.
        let mut by_last = vec![Vec::new(); 257];
        for p in phrases {
            let slot = p
                .as_bytes()
                .last()
                .map_or(256, |&b| usize::from(b.to_ascii_lowercase()));
            by_last[slot].push(p);
        }
        Self { by_last }
    }

    /// Whether `before` ends, in any case, with one of the phrases as whole words.
    fn ends(&self, before: &str) -> bool {
        let b = before.trim_end().trim_end_matches(',');
        let slot = b
            .as_bytes()
            .last()
            .map_or(256, |&x| usize::from(x.to_ascii_lowercase()));
        let ends = |p: &&str| {
            let Some(cut) = b.len().checked_sub(p.len()) else {
                return false;
            };
            b.is_char_boundary(cut)
                && b[cut..].eq_ignore_ascii_case(p)
                && !b[..cut].ends_with(char::is_alphanumeric)
        };
        self.by_last[slot].iter().any(ends) || slot != 256 && self.by_last[256].iter().any(ends)
    }
}

/// Runs of capitalised words that may be names, and the words of all runs
/// in one list (a run's `words` range points into it).
fn sequences<'t>(text: &'t str, ws: &[Word]) -> (Vec<Seq>, Vec<&'t str>) {
    let mut out = Vec::new();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let w = &text[ws[i].start..ws[i].end];
        // "EQT-owned": an owner compound describes the name after it.
        if !is_cap(w) || owner_compound(w) {
            i += 1;
            continue;
        }
        let mut j = i;
        let base = spans.len();
        let mut first = base;
        spans.push((ws[i].start, ws[i].end));
        while !ws[j].brk && !ws[j].poss && j + 1 < ws.len() {
            let next = &text[ws[j + 1].start..ws[j + 1].end];
            if is_cap(next) || LEX.legal.contains(next) {
                j += 1;
                spans.push((ws[j].start, ws[j].end));
            } else if LEX.connectors.contains(next)
                && !ws[j + 1].brk
                && j + 2 < ws.len()
                && is_cap(&text[ws[j + 2].start..ws[j + 2].end])
            {
                spans.push((ws[j + 1].start, ws[j + 1].end));
                j += 2;
                spans.push((ws[j].start, ws[j].end));
            } else {
                break;
            }
        }
        // Strip leading sentence words and titles ("Chief Executive Sam Altman").
        // A place that opens a name ending in a corporate word stays: "Japan
        // Industrial Partners" is one name.
        let corporate_end = spans.len() - first > 2
            && spans
                .last()
                .is_some_and(|&(s, e)| LEX.corporate.contains(&text[s..e]));
        let mut titled = false;
        while let Some(&(s, e)) = spans.get(first) {
            let w = &text[s..e];
            let number = matches!(w, "One" | "Two" | "Three" | "First" | "Second" | "Third");
            let strip = LEX.connectors.contains(w)
                || (LEX.non_name_caps.contains(w) && (!number || sentence_initial(text, s)))
                || LEX.titles.contains(w)
                || OPENING_KINDS.contains(&w)
                    && sentence_initial(text, s)
                    && spans.len() - first > 1
                || w.ends_with("-based")
                || w.chars().filter(|c| c.is_alphabetic()).count() > 2
                    && w.chars().all(|c| !c.is_lowercase())
                    && sentence_initial(text, s)
                    && spans.len() - first > 1
                || LEX.places.contains(w) && spans.len() - first > 1 && !corporate_end;
            if strip {
                titled |= LEX.titles.contains(w)
                    || matches!(w, "Chief" | "Executive" | "Officer" | "Senior" | "Vice");
                first += 1;
            } else {
                break;
            }
        }
        while spans.len() > first
            && spans
                .last()
                .is_some_and(|&(s, e)| LEX.connectors.contains(&text[s..e]))
        {
            spans.pop();
        }
        match (spans.get(first), spans.last()) {
            (Some(&(s, _)), Some(&(_, e))) => out.push(Seq {
                start: s,
                end: e,
                words: first..spans.len(),
                titled,
            }),
            _ => spans.truncate(base),
        }
        i = j + 1;
    }
    let words = spans.iter().map(|&(s, e)| &text[s..e]).collect();
    (out, words)
}

/// Whether `before` ends with "in" after an investing verb of the same clause,
/// with an amount or adverb between ("invest $2 billion in", "invested heavily in").
fn invested_in(before: &str) -> bool {
    let b = before.trim_end();
    let Some(head) = b.strip_suffix(" in").or_else(|| b.strip_suffix(" into")) else {
        return false;
    };
    let words: Vec<&str> = head.rsplit(' ').take(6).collect();
    words.iter().any(|w| {
        matches!(
            *w,
            "invest"
                | "invests"
                | "invested"
                | "investing"
                | "inject"
                | "injected"
                | "pour"
                | "poured"
                | "pump"
                | "pumped"
        )
    }) && !words.iter().any(|w| w.ends_with([',', ';', '.']))
}

/// Whether `before` ends with a compound such as "EQT-owned" or "SoftBank-backed".
fn owned_by_before(before: &str) -> bool {
    before
        .strip_suffix(' ')
        .and_then(|b| b.rsplit(' ').next())
        .is_some_and(owner_compound)
}

/// The participles of [`owner_compound`].
pub(super) const OWNER_SUFFIXES: [&str; 4] = ["-owned", "-backed", "-controlled", "-funded"];

/// "EQT-owned", "SoftBank-backed": a name joined to an ownership participle.
fn owner_compound(word: &str) -> bool {
    OWNER_SUFFIXES
        .iter()
        .any(|s| word.len() > s.len() + 1 && word.ends_with(s))
}

fn is_corporate(w: &str) -> bool {
    LEX.corporate.contains(w)
}

fn classify(
    t: &EntityTagger,
    text: &str,
    s: &Seq,
    wtexts: &[&str],
    cands: &mut Vec<Cand>,
    persons: &mut Vec<String>,
    may_overlap: bool,
) {
    let name = &text[s.start..s.end];
    let before = &text[..s.start];
    let b = before.trim_end();
    let title_before = LEX.title_ends.contains(&edge(b.as_bytes(), true))
        && PERSON_TITLES.iter().any(|p| {
            b.ends_with(p) && b[..b.len() - p.len()].ends_with(|c: char| !c.is_alphanumeric())
        });
    let corp_count = wtexts.iter().filter(|w| is_corporate(w)).count();
    let has_corp_end = wtexts.last().is_some_and(|w| is_corporate(w));
    // People: a title before the name, or a known first name.
    let personish = corp_count == 0
        && (2..=3).contains(&wtexts.len())
        && (LEX.first_names.contains(wtexts[0])
            || ((s.titled || title_before) && !LEX.places.contains(name)));
    // Only whether none, one or more candidates overlap matters, and which one when one does.
    let (overlaps, first_overlap) = if may_overlap {
        let mut hits = cands
            .iter()
            .enumerate()
            .filter(|(_, c)| c.start < s.end && s.start < c.end)
            .map(|(i, _)| i);
        match hits.next() {
            Some(i) => (1 + hits.count(), i),
            None => (0, 0),
        }
    } else {
        (0, 0)
    };
    let first_name_hit =
        overlaps == 1 && &text[cands[first_overlap].start..cands[first_overlap].end] == wtexts[0];
    if personish && first_name_hit && LEX.first_names.contains(wtexts[0]) {
        cands.remove(first_overlap);
        return classify(t, text, s, wtexts, cands, persons, true);
    }
    if personish && overlaps == 0 {
        push_person(s, wtexts.join(" "), cands, persons);
        return;
    }
    if (s.titled || title_before)
        && wtexts.len() == 1
        && overlaps == 0
        && matches!(
            before.trim_end().rsplit(' ').next(),
            Some("Mr." | "Ms." | "Mrs." | "Dr.")
        )
    {
        let full = persons
            .iter()
            .find(|p| p.ends_with(&format!(" {name}")))
            .cloned()
            .unwrap_or_else(|| name.to_owned());
        push_person(s, full, cands, persons);
        return;
    }
    if overlaps == 1 {
        let only = first_overlap;
        let c = &cands[only];
        // "Oakfield Bancorp": a listed name that is only a corporate word ("The
        // Bancorp") ending a longer name is that longer, unknown name.
        if c.start > s.start && c.end == s.end && is_corporate(&text[c.start..c.end]) {
            cands[only] = suffix_name(s, name);
            return;
        }
        // "CMA CGM": a known acronym followed by more words in capitals is part
        // of a longer name that no list knows.
        let acronym =
            |w: &str| (2..=5).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase());
        if c.start == s.start
            && c.end < s.end
            && acronym(&text[c.start..c.end])
            && wtexts[1..]
                .iter()
                .all(|w| acronym(w) && !LEX.places.contains(w) && !is_corporate(w))
        {
            cands[only] = suffix_name(s, name);
            return;
        }
        // "Sony Group", "Nippon Steel Corp.": a known name plus corporate words is that name.
        if c.start == s.start && c.end < s.end {
            let tail = &text[c.end..s.end];
            let tail_words = || tail.split_whitespace().map(|w| w.trim_end_matches(','));
            // "Tennant Capital", "Corvel Therapeutics": a line-of-business word
            // after a known name makes another firm (the list would have matched
            // the longer name had it been an alias).
            if tail_words().any(|w| DISTINCT_FIRM_WORDS.contains(&w)) {
                cands[only] = suffix_name(s, name);
                return;
            }
            if tail_words().all(is_corporate) {
                cands[only].end = s.end;
                return;
            }
            if has_corp_end
                && !matches!(c.target, Target::Known(i) if t.gazetteer.entries()[i].role != EntityRole::Party)
            {
                cands[only] = suffix_name(s, name);
            }
        }
        return;
    }
    // A lone letter ("Series B", "Plan A") is no company name no list knows.
    if overlaps != 0
        || LEX.places.contains(name)
        || LEX.product_makers.contains(name)
        || name.chars().count() < 2
    {
        return;
    }
    // "Copenhagen Infrastructure Partners": a place that opens a longer name
    // ending in a corporate word is what sets the name apart.
    let place_led = wtexts.len() >= 3 && has_corp_end && LEX.places.contains(wtexts[0]);
    let non_generic = wtexts
        .iter()
        .enumerate()
        .filter(|&(i, w)| {
            !is_corporate(w)
                && !LEX.connectors.contains(w)
                && !LEX.non_name_caps.contains(w)
                && (!LEX.places.contains(w) || i == 0 && place_led)
        })
        .count();
    if has_corp_end && non_generic >= 1 && wtexts.len() >= 2 {
        cands.push(suffix_name(s, name));
        return;
    }
    if text[s.end..].trim_start().starts_with("union") {
        return;
    }
    if non_generic == 0
        || LEX.first_names.contains(wtexts[0])
        || persons.iter().any(|p| p.split(' ').any(|x| x == name))
    {
        return;
    }
    let initial = sentence_initial(text, s.start);
    if initial && wtexts.len() == 1 && is_common_word(name) {
        return;
    }
    let word_after = text[s.end..].trim_start();
    let after = if text[s.end..].starts_with("'s") || text[s.end..].starts_with("’s") {
        &text[s.end..]
    } else {
        word_after
    };
    let cue_after = LEX.cue_starts.contains(&edge(after.as_bytes(), false))
        && DEAL_CUES_AFTER.iter().any(|c| {
            after.starts_with(c) && after[c.len()..].starts_with(|x: char| !x.is_alphanumeric())
        });
    let cue_before = || CUES_BEFORE.ends(before) || invested_in(before) || owned_by_before(before);
    let appositive = || {
        let rest = &text[s.end..];
        if !(rest.starts_with(", a ") || rest.starts_with(", an ") || rest.starts_with(", the ")) {
            return false;
        }
        clause_of(rest)
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .take(10)
            .any(|w| LEX.company_nouns.contains(w))
    };
    // "X said" alone is as often a person as a company: ask for one more sign.
    let weak_after = ["said", "says", "is", "was", "has", "had", "will", "denied"]
        .iter()
        .any(|c| {
            after.starts_with(c) && after[c.len()..].starts_with(|x: char| !x.is_alphanumeric())
        });
    // "Sequoia Capital and Quorra", "between Halvix and Ostrom": a name joined
    // to the company just before it is another company.
    let coordinated = || {
        let b = before.trim_end();
        let joined = b
            .strip_suffix(" and")
            .or_else(|| b.strip_suffix(" &"))
            .map(str::trim_end);
        joined.is_some_and(|j| {
            cands.iter().any(|c| {
                c.end == j.len()
                    && match c.target {
                        Target::Unknown(_) => true,
                        Target::Known(i) => t.gazetteer.entries()[i].entity_type == EntityType::Org,
                        Target::Person(_) | Target::Gov(..) => false,
                    }
            })
        })
    };
    let strong = cue_before()
        || appositive()
        || (cue_after && (!weak_after || weak_confirmed(after)))
        || ticker_follows(&text[s.end..])
        || coordinated();
    if strong && !(initial && wtexts.len() == 1 && LEX.non_name_caps.contains(name)) {
        cands.push(Cand {
            start: s.start,
            end: s.end,
            target: Target::Unknown(name.to_owned()),
            method: MentionMethod::Context,
            confidence: 0.6,
        });
    }
}

/// "Halvern Systems (HALV.O)", "Acme (NYSE: ACME)": a ticker in brackets right
/// after a name says it is a listed company.
fn ticker_follows(rest: &str) -> bool {
    let Some(inner) = rest
        .strip_prefix(" (")
        .or_else(|| rest.strip_prefix('('))
        .and_then(|r| r.split_once(')'))
        .map(|(inner, _)| inner)
    else {
        return false;
    };
    let symbol = inner.rsplit_once(':').map_or(inner, |(exchange, symbol)| {
        if exchange.bytes().all(|b| b.is_ascii_alphabetic()) {
            symbol.trim_start()
        } else {
            ""
        }
    });
    (1..=10).contains(&symbol.len())
        && symbol.bytes().any(|b| b.is_ascii_uppercase())
        && symbol
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'.')
}

/// "Ford ended its supply deal": a verb whose object is the name's own ("its")
/// tells a company, as a person's would be "his" or "her".
fn acts_on_its_own(rest: &str) -> bool {
    let Some((verb, after)) = rest.split_once(' ') else {
        return false;
    };
    verb.len() > 2 && verb.bytes().all(|b| b.is_ascii_lowercase()) && after.starts_with("its ")
}

/// Whether a weak verb after a name ("is", "said") goes on as only a company's would:
/// "is a key supplier to", "is in talks to buy", "said on Monday that it would".
fn weak_confirmed(after: &str) -> bool {
    let clause = clause_of(after);
    let mut words = clause
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty());
    match words.next() {
        Some("is" | "was") => match words.next() {
            Some("a" | "an" | "the") => words.take(6).any(|w| LEX.company_nouns.contains(w)),
            Some("in") => words
                .take(2)
                .any(|w| matches!(w, "talks" | "discussions" | "negotiations")),
            _ => false,
        },
        // A company speaks of itself as "it"; a person would be "he" or "she".
        Some("said" | "says" | "denied") => words
            .take(8)
            .take_while(|w| !matches!(*w, "he" | "she" | "they" | "we" | "I"))
            .any(|w| w == "it"),
        _ => false,
    }
}

/// The text up to the end of its clause: a semicolon or a sentence end, where a
/// dot after an abbreviation ("U.S.", "Inc.") does not end the sentence.
fn clause_of(rest: &str) -> &str {
    let rest = rest.split(';').next().unwrap_or("");
    let mut from = 0;
    while let Some(k) = rest[from..].find(". ") {
        let dot = from + k;
        let word = rest[..dot].rsplit(char::is_whitespace).next().unwrap_or("");
        let abbreviation =
            word.contains('.') || word.len() == 1 || super::text::ABBREVIATIONS.contains(&word);
        if !abbreviation {
            return &rest[..dot];
        }
        from = dot + 2;
    }
    rest
}

/// An unknown company over the whole sequence, found by its corporate word.
fn suffix_name(s: &Seq, name: &str) -> Cand {
    Cand {
        start: s.start,
        end: s.end,
        target: Target::Unknown(strip_legal_suffix(name).to_owned()),
        method: MentionMethod::Suffix,
        confidence: 0.75,
    }
}

/// A person mention over the whole sequence; the full name is remembered so
/// that a later "Mr. Surname" resolves to it.
fn push_person(s: &Seq, full: String, cands: &mut Vec<Cand>, persons: &mut Vec<String>) {
    if !persons.contains(&full) {
        persons.push(full.clone());
    }
    cands.push(Cand {
        start: s.start,
        end: s.end,
        target: Target::Person(full),
        method: MentionMethod::Person,
        confidence: 0.8,
    });
}

fn drop_overlaps(cands: Vec<Cand>) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::with_capacity(cands.len());
    for c in cands {
        if out.last().is_some_and(|l| c.start < l.end) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Later short forms of names found earlier: "Acme" after "Acme Robotics", "Whitcombe" after "Dana Whitcombe".
fn short_names(text: &str, seqs: &[Seq], cands: &mut Vec<Cand>, persons: &[String]) {
    let _ = persons;
    // First form wins; each target is split once, however often it is mentioned.
    let mut seen: HashSet<&Target, FxBuild> = HashSet::default();
    let mut by_form: HashMap<&str, &Target, FxBuild> = HashMap::default();
    for c in cands.iter() {
        if !seen.insert(&c.target) {
            continue;
        }
        match &c.target {
            Target::Unknown(n) => {
                let mut end = 0;
                // Proper prefixes only: the whole name is no short form of itself.
                for (k, last) in n.split(' ').enumerate() {
                    end += usize::from(k > 0) + last.len();
                    if end >= n.len() {
                        break;
                    }
                    let form = &n[..end];
                    if LEX.connectors.contains(last)
                        || is_corporate(last)
                        || (k == 0
                            && (is_common_word(form)
                                || form.chars().count() < 3
                                || LEX.non_name_caps.contains(form)))
                    {
                        continue;
                    }
                    by_form.entry(form).or_insert(&c.target);
                }
                // The full name again, where nothing tagged it (found once by
                // context, then repeated at the start of a sentence).
                by_form.entry(n.as_str()).or_insert(&c.target);
            }
            Target::Person(p) => {
                if let Some(last) = p.rsplit(' ').next().filter(|l| *l != p) {
                    by_form.entry(last).or_insert(&c.target);
                }
            }
            _ => {}
        }
    }
    let mut added = Vec::new();
    for s in seqs {
        // `cands` is sorted and free of overlaps here, so its ends are sorted too.
        let next = cands.partition_point(|c| c.end <= s.start);
        if cands.get(next).is_some_and(|c| c.start < s.end) {
            continue;
        }
        let name = &text[s.start..s.end];
        if let Some(&target) = by_form.get(name) {
            let method = if matches!(target, Target::Person(_)) {
                MentionMethod::Person
            } else {
                MentionMethod::ShortName
            };
            added.push(Cand {
                start: s.start,
                end: s.end,
                target: target.clone(),
                method,
                confidence: 0.7,
            });
        }
    }
    cands.extend(added);
}

/// "Amazon Web Services (AWS)": the bracketed form names the same entity in this article.
fn article_aliases(t: &EntityTagger, text: &str, cands: &mut Vec<Cand>) {
    let mut aliases: Vec<(String, Target, bool)> = Vec::new();
    for c in cands.iter() {
        let rest = &text[c.end..];
        let Some(inner) = rest
            .strip_prefix(" (")
            .and_then(|r| r.split_once(')'))
            .map(|x| x.0)
        else {
            continue;
        };
        let ok = (2..=10).contains(&inner.len())
            && inner.starts_with(|ch: char| ch.is_uppercase())
            && !inner.contains(' ')
            && !inner.contains(':');
        if ok {
            let is_ticker = matches!(c.target, Target::Known(i) if t.gazetteer.entries()[i].tickers.iter().any(|x| x == inner));
            aliases.push((inner.to_owned(), c.target.clone(), is_ticker));
        }
    }
    // A repeated alias finds nothing new: its first pass covered every occurrence.
    let mut seen: HashSet<String, FxBuild> = HashSet::default();
    aliases.retain(|a| seen.insert(a.0.clone()));
    for (alias, target, is_ticker) in aliases {
        let mut from = 0;
        while let Some(p) = text[from..].find(alias.as_str()) {
            let s = from + p;
            let e = s + alias.len();
            from = e;
            if !boundary_ok(text, s, e) || cands.iter().any(|c| c.start < e && s < c.end) {
                continue;
            }
            let method = if is_ticker {
                MentionMethod::Ticker
            } else {
                MentionMethod::ArticleAlias
            };
            cands.push(Cand {
                start: s,
                end: e,
                target: target.clone(),
                method,
                confidence: 0.85,
            });
        }
    }
}

/// One organisation under two unknown names ("Kalvora" found by context, "Kalvora Grid" by suffix) becomes one.
fn merge_unknowns(cands: &mut [Cand]) {
    let names: Vec<String> = cands
        .iter()
        .filter_map(|c| match &c.target {
            Target::Unknown(n) => Some(n.clone()),
            _ => None,
        })
        .collect();
    for c in cands.iter_mut() {
        if let Target::Unknown(n) = &c.target {
            let longer = names
                .iter()
                .filter(|m| {
                    m.len() > n.len() && m.starts_with(n.as_str()) && m[n.len()..].starts_with(' ')
                })
                .min_by_key(|m| m.len());
            if let Some(m) = longer {
                c.target = Target::Unknown(m.clone());
            }
        }
    }
}

fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

fn make_entity(t: &EntityTagger, target: &Target) -> Entity {
    match target {
        Target::Known(i) => {
            let e = &t.gazetteer.entries()[*i];
            let parent = e.parent.as_deref().and_then(|p| t.gazetteer.get(p));
            Entity {
                id: e.id.clone(),
                name: e.name.clone(),
                entity_type: e.entity_type,
                role: e.role,
                parent_id: parent.map(|p| p.id.clone()),
                parent_name: parent.map(|p| p.name.clone()),
            }
        }
        Target::Unknown(n) => Entity {
            id: format!("dw:x:{}", slug(n)),
            name: n.clone(),
            entity_type: EntityType::Org,
            role: EntityRole::Party,
            parent_id: None,
            parent_name: None,
        },
        Target::Person(n) => Entity {
            id: format!("dw:p:{}", slug(n)),
            name: n.clone(),
            entity_type: EntityType::Person,
            role: EntityRole::Party,
            parent_id: None,
            parent_name: None,
        },
        Target::Gov(id, name) => Entity {
            id: (*id).to_owned(),
            name: (*name).to_owned(),
            entity_type: EntityType::Gpe,
            role: EntityRole::Party,
            parent_id: None,
            parent_name: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::{GLUED, start_ok};

    /// The quick skip agrees with `start_ok` for every ASCII byte before a name.
    #[test]
    fn glued_bytes_are_those_after_which_no_name_starts() {
        for b in 0u8..128 {
            let text = format!("{}Acme", char::from(b));
            if GLUED[usize::from(b)] {
                assert!(!start_ok(&text, 1), "{b}");
            }
        }
        assert!(!GLUED[usize::from(b' ')] && !GLUED[usize::from(b'(')]);
        assert!(GLUED[usize::from(b'x')] && GLUED[usize::from(b'7')]);
    }
}
