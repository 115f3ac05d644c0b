//! The masked sentence: lower-case ASCII text where every mention and amount
//! is replaced by a placeholder, so that the rules read like grammar.
//!
//! Placeholders are `@` + a class letter + the slot index:
//! `p` a named or described party, `g` a government or place, `r` a pronoun,
//! `x` an entity that may not be a party (regulator, court, outlet),
//! `m` an amount that may be a deal's, `v` a valuation, `q` any other amount
//! (per-share price, revenue, market value).

use dealwire_core::{AmountKind, EntityType, Extraction, MentionKind, Span};

/// What a placeholder stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SlotKind {
    /// A mention of an entity that may be a party.
    Party {
        /// Index in `Extraction::entities`.
        entity: usize,
        /// Name, description or pronoun.
        mention: MentionKind,
    },
    /// "the two companies", "the partners": the two parties mentioned last.
    Pair {
        /// Index in `Extraction::entities` of the earlier one.
        first: usize,
        /// Index in `Extraction::entities` of the later one.
        second: usize,
    },
    /// A mention of an entity that may not be a party.
    NonParty,
    /// An amount.
    Amount {
        /// Index in `Extraction::amounts`.
        index: usize,
        /// What the amount is for.
        class: AmountClass,
    },
}

/// The role an amount plays in its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AmountClass {
    /// It may be a deal's amount.
    Deal,
    /// A valuation of a company.
    Valuation,
    /// A price per share, revenue, market value and the like.
    Other,
}

/// One placeholder of the masked sentence.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Slot {
    pub kind: SlotKind,
    /// Where it starts in the masked text.
    pub pos: usize,
}

/// A sentence in masked form; buffers are reused from sentence to sentence.
#[derive(Debug, Default)]
pub(crate) struct Masked {
    pub text: String,
    pub slots: Vec<Slot>,
    items: Vec<(Span, Item)>,
    /// Mention indices of the article by start offset (ties by index), so
    /// that a sentence finds its own without a pass over the whole article.
    mention_starts: Vec<(usize, usize)>,
    /// Amount indices of the article by start offset (ties by index).
    amount_starts: Vec<(usize, usize)>,
}

#[derive(Clone, Copy, Debug)]
enum Item {
    Mention(usize),
    Amount(usize),
}

/// Words that, at the end of the text before an amount, make it a valuation
/// unless a deal word comes shortly before them.
const VALUATION_BEFORE: [&str; 11] = [
    "valuation of",
    "valuation to",
    "valuation at",
    "valued at",
    "valuing it at",
    "values it at",
    "value of",
    "valuing the company at",
    "values the company at",
    "valued it at",
    "worth of",
];

/// Words that, just before an amount, make it revenue, profit, market value or pay.
const OTHER_BEFORE: [&str; 16] = [
    "revenue of",
    "revenue to",
    "revenue rose to",
    "sales of",
    "sales to",
    "profit of",
    "profit to",
    "income of",
    "earnings of",
    "market value of",
    "market capitalization of",
    "market capitalisation of",
    "market cap of",
    "fee of",
    "salary of",
    "a share price of",
];

/// Words just after an amount that make it a valuation.
const VALUATION_AFTER: [&str; 3] = [" valuation", " post-money", " pre-money"];

/// Words just after an amount that make it a rate, revenue or price.
const OTHER_AFTER: [&str; 22] = [
    " in assets",
    " of assets",
    " in debt",
    " in deposits",
    " a share",
    " per share",
    "-a-share",
    "-per-share",
    " each",
    " in revenue",
    " in sales",
    " in annual revenue",
    " in quarterly revenue",
    " of revenue",
    " in profit",
    " in net income",
    " in market value",
    " market value",
    " in fees",
    " in annual sales",
    " a year in revenue",
    " in market capitalization",
];

/// Qualifier words skipped when reading the words before an amount.
const QUALIFIERS: [&str; 16] = [
    "about ",
    "roughly ",
    "nearly ",
    "almost ",
    "around ",
    "approximately ",
    "some ",
    "up to ",
    "as much as ",
    "more than ",
    "over ",
    "at least ",
    "an estimated ",
    "a reported ",
    "just over ",
    "just under ",
];

/// Deal nouns that make a following "valued at" the deal's own amount.
const DEAL_NOUNS: [&str; 10] = [
    "deal",
    "transaction",
    "offer",
    "takeover",
    "acquisition",
    "merger",
    "bid",
    "purchase",
    "buyout",
    "agreement",
];

impl Masked {
    /// Indexes the mentions and amounts of `doc`; call it once per article
    /// before [`Masked::build`].
    pub fn index(&mut self, doc: &Extraction) {
        by_start(
            &mut self.mention_starts,
            doc.mentions.iter().map(|m| m.span),
        );
        by_start(&mut self.amount_starts, doc.amounts.iter().map(|a| a.span));
    }

    /// Whether sentence `index` of `doc`, indexed by [`Masked::index`], names
    /// any entity, so that masking it gives at least one party.
    pub fn names_any(&self, doc: &Extraction, index: usize) -> bool {
        doc.sentences.get(index).is_some_and(|sentence| {
            starting_within(&self.mention_starts, sentence.span)
                .iter()
                .any(|&(_, i)| {
                    let m = &doc.mentions[i];
                    m.sentence == index && sentence.span.contains(m.span)
                })
        })
    }

    /// Masks sentence `index` of `doc`, indexed by [`Masked::index`].
    pub fn build(&mut self, doc: &Extraction, index: usize) {
        self.text.clear();
        self.slots.clear();
        self.items.clear();
        let Some(sentence) = doc.sentences.get(index) else {
            return;
        };
        let text = doc.text();
        let span = sentence.span;
        for &(_, i) in starting_within(&self.mention_starts, span) {
            let m = &doc.mentions[i];
            if m.sentence == index && span.contains(m.span) {
                self.items.push((m.span, Item::Mention(i)));
            }
        }
        for &(_, i) in starting_within(&self.amount_starts, span) {
            let a = &doc.amounts[i];
            if span.contains(a.span) {
                self.items.push((a.span, Item::Amount(i)));
            }
        }
        // Longer items first at one start, so that a mention inside an amount loses.
        self.items
            .sort_by_key(|(s, _)| (s.start(), std::cmp::Reverse(s.end())));
        let mut at = span.start();
        let mut space = false;
        for k in 0..self.items.len() {
            let (item_span, item) = self.items[k];
            if item_span.start() < at {
                continue;
            }
            push_plain(&mut self.text, &text[at..item_span.start()], &mut space);
            at = item_span.end();
            // "X, the consumer health company spun off from Y, ...": a description
            // that restates the party just before it opens an apposition, which
            // the rules read as words.
            if let Item::Mention(i) = item {
                let m = &doc.mentions[i];
                if m.kind == MentionKind::Description && self.restates_last(m.entity) {
                    push_plain(&mut self.text, &text[item_span.range()], &mut space);
                    continue;
                }
            }
            space = false;
            let slot = self.slot_for(doc, item, &text[at..span.end()]);
            let n = self.slots.len();
            let letter = match slot {
                SlotKind::Party { entity, mention } => {
                    match (mention, doc.entities.get(entity).map(|e| e.entity_type)) {
                        (MentionKind::Pronoun, _) => 'r',
                        (_, Some(EntityType::Gpe)) => 'g',
                        _ => 'p',
                    }
                }
                SlotKind::Pair { .. } => 'p',
                SlotKind::NonParty => 'x',
                SlotKind::Amount { class, .. } => match class {
                    AmountClass::Deal => 'm',
                    AmountClass::Valuation => 'v',
                    AmountClass::Other => 'q',
                },
            };
            // "its smaller rival" as a description of the rival: the head noun
            // stays before the placeholder, so rules read "its rival @p".
            if let Item::Mention(i) = item {
                let raw = &text[item_span.range()];
                let head = raw.rsplit(' ').next().unwrap_or("");
                if doc.mentions[i].kind == MentionKind::Description
                    && matches!(head, "rival" | "competitor")
                {
                    self.text.push_str(head);
                    self.text.push(' ');
                }
            }
            self.slots.push(Slot {
                kind: slot,
                pos: self.text.len(),
            });
            self.text.push('@');
            self.text.push(letter);
            push_number(&mut self.text, n);
            // "its", "their": a possessive pronoun reads like "X's".
            if letter == 'r'
                && ["its", "their", "his", "her"]
                    .iter()
                    .any(|p| text[item_span.range()].eq_ignore_ascii_case(p))
            {
                self.text.push_str("'s");
            }
        }
        push_plain(&mut self.text, &text[at..span.end()], &mut space);
    }

    /// Whether the text ends with ", " right after a placeholder of `entity`.
    fn restates_last(&self, entity: usize) -> bool {
        self.slots.last().is_some_and(|slot| {
            matches!(slot.kind, SlotKind::Party { entity: e, .. } if e == entity)
                && self.text[slot.pos..].strip_suffix(", ").is_some_and(|tag| {
                    tag.len() > 2 && tag[2..].bytes().all(|b| b.is_ascii_digit())
                })
        })
    }

    /// Adds a pair placeholder after each phrase that `pairs` finds ("the two
    /// chipmakers @p7 will jointly develop"), standing for the last two parties
    /// named before it: in this sentence first, then in `recent` (oldest first).
    /// Says whether it added any.
    pub fn add_pairs(
        &mut self,
        doc: &Extraction,
        pairs: &regex::bytes::Regex,
        recent: &[usize],
    ) -> bool {
        let is_org = |e: usize| {
            doc.entities
                .get(e)
                .is_some_and(|e| e.entity_type == EntityType::Org)
        };
        let ends: Vec<usize> = pairs
            .find_iter(self.text.as_bytes())
            .map(|m| m.end())
            // "between rivals X and Y" names them itself.
            .filter(|&end| !self.text[end..].starts_with(" @"))
            .collect();
        let mut added = false;
        for &end in ends.iter().rev() {
            let before = self.slots.iter().rev().filter(|s| s.pos < end);
            let mut chosen: Vec<usize> = Vec::with_capacity(2);
            let named = before.filter_map(|s| match s.kind {
                SlotKind::Party { entity, .. } => Some(entity),
                _ => None,
            });
            for e in named
                .chain(recent.iter().rev().copied())
                .filter(|&e| is_org(e))
            {
                if !chosen.contains(&e) {
                    chosen.push(e);
                }
                if chosen.len() == 2 {
                    break;
                }
            }
            let [second, first] = chosen[..] else {
                continue;
            };
            let n = self.slots.len();
            let mut placeholder = String::from(" @p");
            push_number(&mut placeholder, n);
            for s in &mut self.slots {
                if s.pos >= end {
                    s.pos += placeholder.len();
                }
            }
            self.text.insert_str(end, &placeholder);
            self.slots.push(Slot {
                kind: SlotKind::Pair { first, second },
                pos: end + 1,
            });
            added = true;
        }
        added
    }

    fn slot_for(&self, doc: &Extraction, item: Item, after: &str) -> SlotKind {
        match item {
            Item::Mention(i) => {
                let m = &doc.mentions[i];
                match doc.entities.get(m.entity) {
                    Some(e) if e.role.can_be_party() => SlotKind::Party {
                        entity: m.entity,
                        mention: m.kind,
                    },
                    _ => SlotKind::NonParty,
                }
            }
            Item::Amount(i) => {
                let kind = doc.amounts[i].kind;
                let class = if kind == AmountKind::PerUnit {
                    AmountClass::Other
                } else {
                    classify(&self.text, after)
                };
                SlotKind::Amount { index: i, class }
            }
        }
    }
}

/// Decides what an amount is for from the masked text before it and the raw text after it.
fn classify(before: &str, after: &str) -> AmountClass {
    let mut head = [0u8; 24];
    let n = after.len().min(head.len());
    head[..n].copy_from_slice(&after.as_bytes()[..n]);
    head.make_ascii_lowercase();
    let head = std::str::from_utf8(&head[..n]).unwrap_or("");
    if VALUATION_AFTER.iter().any(|w| head.starts_with(w)) {
        return AmountClass::Valuation;
    }
    if OTHER_AFTER.iter().any(|w| head.starts_with(w)) {
        return AmountClass::Other;
    }
    let mut before = before.trim_end();
    loop {
        let trimmed = QUALIFIERS
            .iter()
            .find_map(|q| before.strip_suffix(q.trim_end()))
            .map(str::trim_end);
        match trimmed {
            Some(t) if t.len() < before.len() => before = t,
            _ => break,
        }
    }
    if OTHER_BEFORE.iter().any(|w| before.ends_with(w)) {
        return AmountClass::Other;
    }
    let valued = VALUATION_BEFORE.iter().any(|w| before.ends_with(w)) || values_at(before);
    if valued {
        let window = &before[before.len().saturating_sub(60)..];
        if DEAL_NOUNS.iter().any(|d| window.contains(d)) {
            return AmountClass::Deal;
        }
        return AmountClass::Valuation;
    }
    AmountClass::Deal
}

/// "values the soft drinks group at": a "values"/"valued"/"valuing" a few words before "at".
fn values_at(before: &str) -> bool {
    let Some(rest) = before.strip_suffix(" at") else {
        return false;
    };
    let window = &rest[rest.len().saturating_sub(50)..];
    ["values ", "valued ", "valuing "]
        .iter()
        .any(|w| window.contains(w))
}

fn push_number(out: &mut String, n: usize) {
    if n >= 10 {
        push_number(out, n / 10);
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// Fills `out` with the start offset and index of each of `spans`, sorted.
fn by_start(out: &mut Vec<(usize, usize)>, spans: impl Iterator<Item = Span>) {
    out.clear();
    out.extend(spans.enumerate().map(|(i, s)| (s.start(), i)));
    out.sort_unstable();
}

/// The entries of `starts` (sorted by offset) whose offset lies in `span`.
fn starting_within(starts: &[(usize, usize)], span: Span) -> &[(usize, usize)] {
    let from = starts.partition_point(|&(s, _)| s < span.start());
    let to = starts.partition_point(|&(s, _)| s <= span.end());
    starts.get(from..to).unwrap_or(&[])
}

/// Appends raw text in masked form: ASCII lower case, one space for any run of white space.
fn push_plain(out: &mut String, raw: &str, space: &mut bool) {
    let mut rest = raw;
    while !rest.is_empty() {
        // Most of a sentence is plain ASCII words with single spaces between
        // them: copy such a run whole. A space opening a run or following
        // another takes the slow path, which collapses it.
        let bytes = rest.as_bytes();
        let mut run = 0;
        while let Some(&b) = bytes.get(run) {
            let plain = if b == b' ' {
                run > 0 && bytes[run - 1] != b' '
            } else {
                b.is_ascii() && !b.is_ascii_whitespace() && b != 0x0b
            };
            if !plain {
                break;
            }
            run += 1;
        }
        if run > 0 {
            let from = out.len();
            out.push_str(&rest[..run]);
            out[from..].make_ascii_lowercase();
            *space = bytes[run - 1] == b' ';
            rest = &rest[run..];
            continue;
        }
        let Some(c) = rest.chars().next() else { break };
        rest = &rest[c.len_utf8()..];
        let mapped = match c {
            c if c.is_whitespace() => ' ',
            '\u{2019}' | '\u{2018}' | '\u{2032}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2014}' | '\u{2013}' => ',',
            c if c.is_ascii() => c.to_ascii_lowercase(),
            _ => '_',
        };
        if mapped == ' ' {
            if !*space && !out.is_empty() {
                out.push(' ');
            }
            *space = true;
        } else {
            out.push(mapped);
            *space = false;
        }
    }
}

/// The slot indices of the placeholders in `text` with one of `classes`, in order.
pub(crate) fn placeholders<'a>(
    text: &'a str,
    classes: &'a [u8],
) -> impl Iterator<Item = (usize, u8, usize)> + 'a {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i + 2 < bytes.len() + 1 {
            if bytes[i] == b'@' && i + 2 <= bytes.len() {
                let class = bytes.get(i + 1).copied().unwrap_or(0);
                let mut j = i + 2;
                let mut n = 0usize;
                while j < bytes.len() && bytes[j].is_ascii_digit() {
                    n = n * 10 + usize::from(bytes[j] - b'0');
                    j += 1;
                }
                let at = i;
                i = j.max(i + 1);
                if j > at + 2 && classes.contains(&class) {
                    return Some((at, class, n));
                }
            } else {
                i += 1;
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(parts: &[&str]) -> String {
        let mut out = String::new();
        let mut space = false;
        for p in parts {
            push_plain(&mut out, p, &mut space);
        }
        out
    }

    #[test]
    fn amounts_are_classed_by_their_words() {
        assert_eq!(classify("@p0 raised", ", bringing"), AmountClass::Deal);
        assert_eq!(
            classify("@p0 raised @m1, bringing its valuation to", ", in a round"),
            AmountClass::Valuation
        );
        assert_eq!(
            classify("@p0, with", " in assets, will"),
            AmountClass::Other
        );
        assert_eq!(
            classify("the bank, with", " in deposits"),
            AmountClass::Other
        );
    }

    #[test]
    fn plain_text_is_lower_case_with_single_spaces() {
        assert_eq!(
            plain(&["  Acme  Corp\tBought\n\nBeta "]),
            "acme corp bought beta "
        );
        assert_eq!(plain(&["Acme ", " Beta"]), "acme beta");
        assert_eq!(plain(&["A\u{a0}B\u{2003}C"]), "a b c");
        assert_eq!(
            plain(&["It\u{2019}s \u{201c}Big\u{201d} \u{2014} Zürich"]),
            "it's \"big\" , z_rich"
        );
        assert_eq!(plain(&["X\u{0b}Y"]), "x y");
    }

    #[test]
    fn starts_within_a_span_are_found_by_offset() {
        let starts = [(0, 3), (5, 0), (5, 2), (9, 1), (20, 4)];
        let found: Vec<usize> = starting_within(&starts, Span::new(5, 9))
            .iter()
            .map(|&(_, i)| i)
            .collect();
        assert_eq!(found, [0, 2, 1]);
        assert!(starting_within(&starts, Span::new(10, 19)).is_empty());
    }
}
