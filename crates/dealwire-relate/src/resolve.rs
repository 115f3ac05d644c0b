//! Running the rules over one article.

use std::str::FromStr;

use chrono::Datelike;
use dealwire_core::{
    Decimal, Entity, EntityType, Extraction, MentionKind, Relation, RelationType, Span, Status,
};

use crate::mask::{AmountClass, Masked, SlotKind, placeholders};
use crate::prefilter::Seen;
use crate::rules::{RULES, Shape, flag};
use crate::status::Dated;
use crate::{Inner, hints};

/// One rule match in one sentence, with its parties as slot indices.
#[derive(Debug)]
struct Cand {
    rule: usize,
    start: usize,
    end: usize,
    subjects: Vec<usize>,
    objects: Vec<usize>,
    /// Start of the subject list (for descriptor words before it).
    subject_at: usize,
    /// End of the object list.
    object_end: usize,
    /// A parenthetical inside the match that says nothing about this deal.
    skip: Option<(usize, usize)>,
    /// The subjects were introduced by "including", "such as": a part of a
    /// group, so a group's amount is not theirs.
    partial: bool,
}

/// Prepositions that, just before a party, make it the object of a phrase.
const PREPOSITIONS: [&str; 17] = [
    "from",
    "by",
    "of",
    "with",
    "for",
    "to",
    "at",
    "in",
    "on",
    "into",
    "than",
    "including",
    "like",
    "against",
    "over",
    "between",
    "among",
];

/// Nouns that, right after a party, show it is a modifier ("Hess shareholders").
const MODIFIED_NOUNS: [&str; 14] = [
    "shareholders",
    "shareholder",
    "investors",
    "executive",
    "executives",
    "chief",
    "board",
    "shares",
    "stock",
    "employees",
    "customers",
    "users",
    "officials",
    "lawyers",
];

fn after_preposition(before: &str) -> bool {
    let mut words = before.trim_end().rsplit(' ');
    let word = words.next().unwrap_or("");
    // "a consortium led by X has ...", "a group of investors including X and
    // Y agreed ...": X heads, or is among, the subject.
    let head = words.next().unwrap_or("");
    let led = word == "by" && ["led", "headed"].contains(&head);
    let among = word == "including"
        && [
            "group",
            "consortium",
            "investors",
            "firms",
            "companies",
            "funds",
            "backers",
            "buyers",
            "bidders",
            "suitors",
            "partners",
        ]
        .contains(&head.trim_end_matches(','));
    PREPOSITIONS.contains(&word) && !led && !among
}

/// Whether `before` is an introductory phrase from the sentence start ("Under
/// chief executive "), so the party after it does not start the clause.
fn introduced(before: &str) -> bool {
    let before = before.trim_start();
    ["under ", "unlike ", "like ", "as with ", "besides "]
        .iter()
        .any(|w| before.starts_with(w))
        && !before.contains([',', '@', ';'])
}

/// Whether the party in `slot` is followed by a noun it modifies.
fn modifies_noun(masked: &Masked, slot: usize) -> bool {
    let Some(s) = masked.slots.get(slot) else {
        return false;
    };
    let after = &masked.text[s.pos..];
    let pronoun = after.starts_with("@r");
    let after = after.trim_start_matches(|c: char| c == '@' || c.is_ascii_alphanumeric());
    // "it shares with Y": a subject pronoun (not "its") modifies nothing.
    if pronoun && !after.starts_with("'s") {
        return false;
    }
    let after = after.strip_prefix("'s").unwrap_or(after);
    after
        .strip_prefix(' ')
        .and_then(|a| a.split([' ', ',', '.']).next())
        .is_some_and(|w| MODIFIED_NOUNS.contains(&w))
}

/// Whether `rest`, the text after a list of parties, starts with a finite
/// verb, so that the list's last item is the subject of a new clause.
fn opens_clause(rest: &str) -> bool {
    let Some(word) = rest
        .strip_prefix(' ')
        .and_then(|r| r.split([' ', ',', '.', ';']).next())
    else {
        return false;
    };
    CLAUSE_VERBS.contains(&word)
}

/// Finite verbs that open a clause after a party.
const CLAUSE_VERBS: [&str; 34] = [
    "bought",
    "buys",
    "acquired",
    "acquires",
    "agreed",
    "agrees",
    "said",
    "says",
    "will",
    "would",
    "has",
    "had",
    "have",
    "is",
    "was",
    "are",
    "were",
    "invested",
    "invests",
    "sold",
    "sells",
    "plans",
    "planned",
    "signed",
    "signs",
    "took",
    "takes",
    "paid",
    "pays",
    "raised",
    "raises",
    "announced",
    "announces",
    "won",
];

/// Words that end a list when they appear between two of its items.
const LIST_STOP: [&str; 38] = [
    "which", "that", "who", "whose", "is", "was", "has", "had", "its", "their", "with", "by", "to",
    "in", "of", "for", "said", "says", "will", "from", "on", "at", "while", "after",
    // Verbs: "works with X and counts Y as a customer" opens a new phrase at Y.
    "counts", "count", "signed", "signs", "bought", "buys", "sold", "sells", "acquired", "acquires",
    "supplies", "makes", "uses", "owns",
];

/// The company an article's funding news is about, and the amount it raised.
#[derive(Clone, Copy)]
struct Focus {
    entity: usize,
    sentence: usize,
    amount: Option<usize>,
}

pub(crate) fn run(inner: &Inner, doc: &mut Extraction) {
    let dated = doc.article.published.map(|d| Dated {
        year: d.year(),
        month: d.month(),
    });
    let mut masked = Masked::default();
    masked.index(doc);
    let mut cands: Vec<Cand> = Vec::new();
    let mut seen = crate::prefilter::Seen::default();
    let mut found: Vec<Relation> = Vec::new();
    let mut focus: Option<Focus> = None;
    // The object of the article's latest acquisition or bid.
    let mut target: Option<usize> = None;
    let mut recent: Vec<usize> = Vec::new();
    for (si, sentence) in doc.sentences.iter().enumerate() {
        // A sentence that names no one gets its hints from its raw text: with none,
        // it could neither pair parties nor end a deal, and has nothing for the rules.
        let raw_hints = if masked.names_any(doc, si) {
            None
        } else {
            let raw = doc.text().get(sentence.span.start()..sentence.span.end());
            match raw.map_or(0, |raw| inner.hints.scan(raw)) {
                0 => continue,
                bits => Some(bits),
            }
        };
        masked.build(doc, si);
        // One scan of a sentence that names someone finds the rules' triggers and
        // the hints together. Without a name, the triggers matter only once a pair
        // placeholder adds parties, and the scan after adding it finds them.
        let hints = raw_hints.unwrap_or_else(|| {
            inner.prefilter.scan(masked.text.as_bytes(), &mut seen);
            seen.hints()
        });
        if hints & hints::PAIRS != 0 && masked.add_pairs(doc, &inner.pairs, &recent) {
            inner.prefilter.scan(masked.text.as_bytes(), &mut seen);
        }
        for s in &masked.slots {
            if let SlotKind::Party { entity, .. } = s.kind {
                if doc
                    .entities
                    .get(entity)
                    .is_some_and(|e| e.entity_type != EntityType::Gpe)
                {
                    recent.retain(|&e| e != entity);
                    recent.push(entity);
                }
            }
        }
        let parties = masked
            .slots
            .iter()
            .filter(|s| matches!(s.kind, SlotKind::Party { .. } | SlotKind::Pair { .. }))
            .count();
        if parties == 0 {
            end_earlier_deal(inner, &masked, hints, si, &mut found);
            continue;
        }
        collect(inner, &masked, &seen, &mut cands);
        let mut last_acquirer: Option<usize> = None;
        let before = found.len();
        for cand in &cands {
            emit(
                inner,
                doc,
                &masked,
                si,
                cand,
                dated,
                &mut focus,
                &mut last_acquirer,
                &mut target,
                &mut found,
            );
        }
        named_rivals(doc, &masked, si, &recent, before, &mut found);
        if found.len() == before {
            end_earlier_deal(inner, &masked, hints, si, &mut found);
        }
    }
    keep_best(&mut found);
    doc.relations.extend(found);
}

/// "Shares of X rose, while rival Y fell": a party called a rival, with no
/// owner before the word ("its rival Y" and "X's rival Y" are the rules'), and
/// no rival relation or bid of its own in the sentence, is the rival of the
/// sentence's first other company, or else of the company named last before.
fn named_rivals(
    doc: &Extraction,
    masked: &Masked,
    si: usize,
    recent: &[usize],
    from: usize,
    found: &mut Vec<Relation>,
) {
    let text = &masked.text;
    let org = |e: usize| {
        doc.entities
            .get(e)
            .is_some_and(|x| x.entity_type == EntityType::Org && x.role.can_be_party())
    };
    for (k, slot) in masked.slots.iter().enumerate() {
        let SlotKind::Party { entity: x, .. } = slot.kind else {
            continue;
        };
        let before = &text[..slot.pos];
        let Some(rest) = ["rival ", "competitor "]
            .iter()
            .find_map(|w| before.strip_suffix(w))
        else {
            continue;
        };
        let last_word = rest.trim_end().rsplit(' ').next().unwrap_or("");
        let owned = last_word.ends_with("'s")
            || last_word.ends_with('\'')
            || matches!(last_word, "its" | "their");
        let word_start = rest.is_empty() || rest.ends_with(' ');
        if owned || !word_start || !org(x) {
            continue;
        }
        // A rival that bids in its sentence is a rival bidder, whose rivalry
        // the text leaves open.
        if found[from..].iter().any(|r| {
            r.relation_type == RelationType::Rival && (r.subject == x || r.object == x)
                || r.relation_type == RelationType::Acquirer && r.subject == x
        }) {
            continue;
        }
        let in_sentence = masked
            .slots
            .iter()
            .enumerate()
            .find_map(|(j, s)| match s.kind {
                SlotKind::Party { entity, .. } if j != k && entity != x && org(entity) => {
                    Some(entity)
                }
                _ => None,
            });
        let Some(other) =
            in_sentence.or_else(|| recent.iter().rev().copied().find(|&e| e != x && org(e)))
        else {
            continue;
        };
        let evidence = doc.sentences.get(si).map_or(Span::default(), |s| s.span);
        found.push(Relation {
            relation_type: RelationType::Rival,
            subject: other,
            object: x,
            amount: None,
            stake_pct: None,
            valuation: None,
            status: Status::Announced,
            confidence: 0.6,
            sentence: si,
            evidence,
            method: "rival.named_rival",
        });
    }
}

/// "The two companies called off the merger": a sentence with no deal of its
/// own that ends "the deal" marks the latest deal, from the three sentences
/// before, of a party it names as terminated; naming no party, it ends the
/// deal of the sentence just before. "X denied the report" marks that deal
/// denied the same way, when it was rumoured or announced. A hedge or a
/// relative clause before the cue ("could block the deal", "which blocked
/// the original transaction") leaves it alone.
///
/// `hints` are the sentence's [`hints`] bits: a pattern they rule out is not searched.
fn end_earlier_deal(
    inner: &Inner,
    masked: &Masked,
    hints: u8,
    sentence: usize,
    found: &mut [Relation],
) {
    let text = masked.text.as_bytes();
    let ended = (hints & hints::ENDED != 0)
        .then(|| inner.ended_later.find(text))
        .flatten();
    let denied = || {
        (hints & hints::DENIED != 0)
            .then(|| inner.denied_later.find(text))
            .flatten()
    };
    let (m, status) = match ended {
        Some(m) => (m, Status::Terminated),
        None => match denied() {
            Some(m) => (m, Status::Denied),
            None => return,
        },
    };
    let lead = &masked.text[m.start().saturating_sub(30)..m.start()];
    let hedged = [
        "could", "may ", "might", "would", "threat", "seek", "sought", "try", "tried", "move to",
        "moved to", "plan", "attempt", " if ", "unless", "whether", " not ", "n't", "which ",
    ]
    .iter()
    .any(|w| lead.contains(w))
        // "blocked the original transaction": an earlier form of a deal that went on.
        || masked.text[m.start()..m.end()].contains("original");
    if hedged {
        return;
    }
    let named: Vec<usize> = masked
        .slots
        .iter()
        .flat_map(|s| match s.kind {
            SlotKind::Party { entity, .. } => vec![entity],
            SlotKind::Pair { first, second } => vec![first, second],
            _ => Vec::new(),
        })
        .collect();
    let latest = found
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            r.sentence < sentence
                && r.sentence + 3 >= sentence
                && matches!(
                    r.relation_type,
                    RelationType::Acquirer | RelationType::Partner | RelationType::Investor
                )
                // An old deal that ended is terminated, as the annotated corpus marks
                // it; only a current one can be denied.
                && match status {
                    Status::Denied => matches!(r.status, Status::Announced | Status::Rumored),
                    _ => matches!(r.status, Status::Announced | Status::Rumored | Status::Background),
                }
                && if named.is_empty() {
                    // "The deal collapsed.": the deal of the sentence just before.
                    r.sentence + 1 == sentence
                } else {
                    named.contains(&r.subject) || named.contains(&r.object)
                }
        })
        .max_by_key(|(_, r)| r.sentence)
        .map(|(i, r)| (i, r.subject, r.object, r.relation_type));
    if let Some((_, subject, object, ty)) = latest {
        for r in found.iter_mut().filter(|r| {
            r.subject == subject
                && r.object == object
                && r.relation_type == ty
                && r.sentence < sentence
        }) {
            r.status = status;
        }
    }
}

/// All matches of all rules in the masked sentence, in text order.
///
/// `seen` holds the trigger prefilter's scan of the masked sentence.
fn collect(inner: &Inner, masked: &Masked, seen: &Seen, cands: &mut Vec<Cand>) {
    cands.clear();
    // Rules that go on from an acquirer ("..., and $2bn for Y") give nothing
    // unless a rule that can give an acquirer relation matched the sentence:
    // they run last, and only then.
    let mut continuations = Vec::new();
    for (ri, def) in RULES.iter().enumerate().take(inner.rules.len()) {
        if !inner.prefilter.allows(seen, ri) {
            continue;
        }
        if matches!(def.shape, Shape::SameSubject(_)) {
            continuations.push(ri);
        } else {
            collect_rule(inner, masked, ri, cands);
        }
    }
    if cands.iter().any(|c| gives_acquirer(&RULES[c.rule])) {
        for ri in continuations {
            collect_rule(inner, masked, ri, cands);
        }
    }
    cands.sort_by_key(|c| (c.start, c.rule));
}

/// Whether a rule's relations can be acquisitions (directly, or a stake that
/// turns out to be a controlling one).
fn gives_acquirer(def: &crate::rules::RuleDef) -> bool {
    let ty = match def.shape {
        Shape::Directed(t) | Shape::Mutual(t) | Shape::SameSubject(t) => Some(t),
        Shape::Focus => None,
    };
    ty == Some(RelationType::Acquirer) || def.flags & flag::STAKE != 0
}

/// Appends the matches of rule `ri` in the masked sentence to `cands`.
fn collect_rule(inner: &Inner, masked: &Masked, ri: usize, cands: &mut Vec<Cand>) {
    let bytes = masked.text.as_bytes();
    let Some(compiled) = inner.rules.get(ri) else {
        return;
    };
    if !compiled.regex.is_match(bytes) {
        return;
    }
    let mut from = 0;
    let groups = &compiled.groups;
    // The haystack ends early while a relative clause's own deal is searched
    // (see `relative` below); then the search goes on over the whole sentence.
    let mut hay = bytes;
    let mut after_clause: Option<usize> = None;
    loop {
        let Some(caps) = compiled.regex.captures_at(hay, from) else {
            match after_clause.take() {
                Some(next) => {
                    hay = bytes;
                    from = next;
                    continue;
                }
                None => break,
            }
        };
        let Some(m) = caps.get(0) else { break };
        let group = |index: Option<usize>| index.and_then(|i| caps.get(i));
        // A rejected match is retried one byte later, so that a later party can
        // start the phrase ("Founded by people from X, Y competes with Z").
        from = m.start() + 1;
        if let Some(veto) = &compiled.veto {
            let hay = group(groups.gap).map_or(m.as_bytes(), |g| g.as_bytes());
            if veto.is_match(hay) {
                continue;
            }
        }
        // "agreed to sell its stake in Y": the pronoun's stake is being sold.
        if RULES[ri].flags & flag::STAKE != 0 && selling_before(inner, &masked.text[..m.start()]) {
            continue;
        }
        let mut subjects = Vec::new();
        let mut objects = Vec::new();
        let mut subject_at = m.start();
        let mut object_end = m.end();
        let mut partial = false;
        let mut subject_cut = None;
        let mut resume = None;
        for (index, first) in [(groups.s, true), (groups.s2, false)] {
            if let Some(g) = group(index) {
                if first {
                    subject_at = g.start();
                    let before = &masked.text[g.start().saturating_sub(30)..g.start()];
                    partial = ["including", "such as", "among them", "like "]
                        .iter()
                        .any(|w| before.contains(w));
                }
                let cut = list_parties(masked, g.start(), g.end(), &mut subjects);
                if first {
                    subject_cut = cut;
                    // "X, while rival Y's bid for Z": a trigger right after the
                    // subjects belongs to the party after a break in their list.
                    let at = compiled
                        .noun_after_subjects
                        .then(|| list_break(masked, g.start(), g.end()))
                        .flatten();
                    if let Some(at) = at {
                        subjects.clear();
                        list_parties(masked, at, g.end(), &mut subjects);
                    }
                }
            }
        }
        for (index, first) in [(groups.o, true), (groups.o2, false)] {
            if let Some(g) = group(index) {
                object_end = object_end.max(g.end());
                if first {
                    object_end = g.end();
                }
                let before = objects.len();
                list_parties(masked, g.start(), g.end(), &mut objects);
                // "merged with X, Elon Musk's social media company": a possessor
                // after a bare comma opens an apposition of X.
                if objects.len() == before + 2
                    && masked.text[g.end()..].starts_with("'s ")
                    && comma_apposition(masked, objects[before], objects[before + 1])
                {
                    objects.truncate(before + 1);
                }
                // "bought X and Y bought Z": the last item opens a new clause,
                // which the search reads next.
                if objects.len() > before + 1 && opens_clause(&masked.text[g.end()..]) {
                    resume = objects
                        .pop()
                        .and_then(|slot| masked.slots.get(slot))
                        .map(|s| s.pos);
                }
            }
        }
        let def = &RULES[ri];
        if compiled.clause {
            // The verb belongs to the party after the closed list: retry from there.
            if let Some(cut) = subject_cut {
                from = cut;
                continue;
            }
            if let Some(g) = group(groups.s) {
                // A party after a preposition is not the subject of a clause.
                let relative = [", which", ", who", ", whose", ", a ", ", an ", ", the "]
                    .iter()
                    .any(|w| masked.text[g.end()..].starts_with(w));
                if !relative && after_preposition(&masked.text[..g.start()]) {
                    continue;
                }
                // "Under chief executive X, Y bought ...": X closes an introductory phrase.
                if introduced(&masked.text[..g.start()]) {
                    if let Some(next) = masked.text[g.start()..g.end()].find(", @") {
                        from = g.start() + next + 2;
                    }
                    continue;
                }
                // "Microsoft's ties to ...": a named possessor is not the subject of a verb.
                let pronoun = masked.text[..g.end()]
                    .rfind('@')
                    .is_some_and(|at| masked.text.as_bytes().get(at + 1) == Some(&b'r'));
                if def.flags & flag::NOUN_TRIGGER == 0
                    && !pronoun
                    && masked.text[g.end()..].starts_with("'s ")
                {
                    // "X, Y's cloud unit, will ...": Y opens an apposition of X,
                    // and X alone is the subject.
                    let appositive =
                        subjects.len() == 2 && comma_apposition(masked, subjects[0], subjects[1]);
                    if !appositive {
                        continue;
                    }
                    subjects.truncate(1);
                }
            }
        }
        // "a stake in its wind unit to Y": the words after a possessor
        // describe the object only when no preposition or clause word is
        // among them ("OpenAI's rival Anthropic" passes). A possessor inside
        // the rule's gap ("supplies its chips to Y") is no part of the object.
        if let Some(g) = group(groups.o) {
            let from = group(groups.s).map_or(m.start(), |s| s.end());
            let before = masked.text.get(from..g.start()).unwrap_or("");
            let in_gap = before.rfind('@').map(|at| from + at).is_some_and(|at| {
                group(groups.gap).is_some_and(|gap| gap.start() <= at && at < gap.end())
            });
            if !in_gap && possessor_phrase_broken(before) {
                // "uses Y's chips for its servers": a possessive pronoun that is
                // the subject's own leaves the named possessor as the object.
                match own_pronoun_possessor(masked, &subjects, &objects, from, g.start()) {
                    Some(p) if compiled.possessive_object => objects = vec![p],
                    _ => continue,
                }
            }
        }
        subjects.retain(|&slot| !modifies_noun(masked, slot));
        // "buys its processors", "sell its cloud arm to Y": a possessive pronoun
        // is not an object unless the rule itself reads the possessive.
        // "Y, its longtime supplier": a pronoun after a bare comma opens an
        // apposition to Y; it is no list item, and the possessive after it is
        // not Y's, so a rule that reads that possessive does not match. A rule
        // that reads on past an object's apposition ("sell X, its research
        // arm, to Y") only loses the pronoun.
        let mut apposition = false;
        for (index, parties, reads) in [
            (groups.s, &mut subjects, true),
            (groups.o, &mut objects, compiled.possessive_object),
        ] {
            let Some(g) = group(index) else { continue };
            let list = &masked.text[g.start()..g.end()];
            let pronoun = list.rfind(", @r").filter(|&i| {
                list.get(i + 4..)
                    .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
            });
            if let Some(i) = pronoun.filter(|_| masked.text[g.end()..].starts_with('\'')) {
                apposition |= reads && m.end() > g.end();
                let slot = masked.slots.iter().position(|s| s.pos == g.start() + i + 2);
                parties.retain(|&p| Some(p) != slot);
            }
        }
        if apposition {
            continue;
        }
        if let Some(g) = group(groups.o) {
            let at = masked.text[..g.end()].rfind('@');
            let pronoun = at.is_some_and(|at| masked.text.as_bytes().get(at + 1) == Some(&b'r'));
            if pronoun && masked.text[g.end()..].starts_with("'s ") && !compiled.possessive_object {
                let last = masked.slots.iter().position(|s| Some(s.pos) == at);
                objects.retain(|&o| Some(o) != last);
                if objects.is_empty() {
                    continue;
                }
            }
        }
        // "its takeover of X's fixed-line network", "bought X products": the
        // deal is for an asset or the goods of X, not X.
        if matches!(def.shape, Shape::Directed(RelationType::Acquirer))
            && !compiled.possessive_object
            && group(groups.o).is_some_and(|g| {
                // A pronoun's possessive is read above; this is about a named party.
                let named = masked.text[..g.end()]
                    .rfind('@')
                    .is_some_and(|at| masked.text.as_bytes().get(at + 1) == Some(&b'p'));
                named && (asset_of(&masked.text[g.end()..]) || goods_of(&masked.text[g.end()..]))
            })
        {
            continue;
        }
        // "X, which acquired Y two years ago, is now buying Z": a relative
        // clause between the subject and the verb tells of another deal, and
        // its dates and cues are not this one's.
        // The subject list may run into the clause ("X, which acquired Y"
        // reads as a list whose first item is X), so the clause is looked
        // for after the first subject.
        let relative = subjects
            .first()
            .filter(|_| compiled.clause)
            .and_then(|&slot| {
                let end = masked.slots.get(slot)?.pos + 2 + slot_len(slot);
                let rest = masked.text.get(end..m.end())?;
                let opens = [", which ", ", who "].iter().any(|w| rest.starts_with(w));
                let close = rest.get(2..)?.find(", ")? + 2;
                opens.then_some((end, end + close + 1))
            });
        let skip = group(groups.skip)
            .map(|g| (g.start(), g.end()))
            .or(relative);
        from = resume.unwrap_or(m.end()).max(m.start() + 1);
        // The clause may hold a deal of its own ("which acquired Y"): search
        // once more from this match's start with the sentence cut at the
        // clause's closing comma, then go on from here.
        if let Some((_, close)) = relative.filter(|_| hay.len() == bytes.len()) {
            after_clause = Some(from);
            hay = &bytes[..close - 1];
            from = m.start();
        }
        cands.push(Cand {
            rule: ri,
            start: m.start(),
            end: m.end(),
            subjects,
            objects,
            subject_at,
            object_end,
            skip,
            partial,
        });
    }
}

/// Whether `before` (the match up to its object list) ends with a possessor and
/// descriptor words that contain a list-stopping word ("@r3's wind unit to ").
fn possessor_phrase_broken(before: &str) -> bool {
    let Some(at) = before.rfind('@') else {
        return false;
    };
    let rest = &before[at + 1..];
    let digits = rest.bytes().skip(1).take_while(u8::is_ascii_digit).count();
    let Some(words) = rest
        .get(1 + digits..)
        .and_then(|r| r.strip_prefix("'s ").or_else(|| r.strip_prefix("' ")))
    else {
        return false;
    };
    // Only the object's own prefix: at most three descriptor words.
    let stop = words.split_whitespace().count() <= 3
        && words.split([' ', ',']).any(|w| LIST_STOP.contains(&w));
    // "for its network, replacing Y": a participle after a comma opens a clause.
    let clause = words
        .split_once(',')
        .is_some_and(|(_, after)| after.split_whitespace().any(|w| w.ends_with("ing")));
    stop || clause
}

/// The party slots of a captured list, stopping where the list turns into a clause.
///
/// Returns where the list was cut when a party follows a list already closed by
/// its conjunction.
fn list_parties(masked: &Masked, start: usize, end: usize, out: &mut Vec<usize>) -> Option<usize> {
    let mut cut = None;
    let text = &masked.text[start..end];
    let mut prev_end = 0;
    let mut first = true;
    let items: Vec<(usize, u8, usize)> = placeholders(text, b"pgr").collect();
    let first_out = out.len();
    let mut conjunction = false;
    let mut described = false;
    for (k, &(at, class, slot)) in items.iter().enumerate() {
        let digits = slot_len(slot);
        let item_end = at + 2 + digits;
        // A ticker in brackets repeats the party before it, and so does a
        // quoted short name there ("Acme Inc. (\"Acme\")", as press releases write).
        let opened = text[..at].trim_end_matches(['"', '\'', '“', '‘']);
        if opened.ends_with('(') {
            let rest = &text[item_end..];
            let closed = rest.trim_start_matches(['"', '\'', '”', '’']);
            prev_end =
                item_end + (rest.len() - closed.len()) + usize::from(closed.starts_with(')'));
            continue;
        }
        // A place before a party is an adjective ("Stockholm's Havsund Partners",
        // "the US firm Y"); the joiner to the party then runs across it.
        if class == b'g' {
            if let Some(&(next_at, _, _)) = items.get(k + 1) {
                let between = &text[item_end..next_at];
                let words = between
                    .strip_prefix("'s ")
                    .or_else(|| between.strip_prefix("' "))
                    .or_else(|| between.strip_prefix(' '))
                    .unwrap_or("x");
                let descriptors = words.is_empty()
                    || words.ends_with(' ')
                        && words.split_terminator(' ').count() <= 3
                        && words.split_terminator(' ').all(|w| {
                            !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
                        });
                if descriptors {
                    continue;
                }
            }
        }
        if !first {
            let joiner = &text[prev_end..at];
            if !joiner_ok(joiner) {
                break;
            }
            // "Northvolt's former backer Vargas" (a list item's possessor, see
            // `ITEM` in rules.rs): the possessor describes the party after it,
            // which takes its place.
            if possessor_phrase(joiner) {
                if out.len() > first_out {
                    out.pop();
                }
                if slot < masked.slots.len() {
                    out.push(slot);
                }
                prev_end = item_end;
                continue;
            }
            let bare = joiner
                .trim_start_matches(['\'', 's'])
                .trim_start_matches([',', ' ']);
            if [" and ", " or ", "& ", "as well as", "plus ", "along with"]
                .iter()
                .any(|c| joiner.contains(c) || bare.starts_with(c.trim_start()))
            {
                conjunction = true;
            } else if conjunction {
                // A list closes with its conjunction: in "X and Y, Z's rivals" or
                // "from X and Y, Z has ...", Z starts a new phrase.
                cut = Some(start + prev_end);
                break;
            } else if !bare.is_empty() {
                described = true;
            }
        }
        first = false;
        if slot < masked.slots.len() {
            out.push(slot);
        }
        prev_end = item_end;
    }
    // "X, would give Y": descriptor words after a bare comma make a list only
    // when a conjunction closes it.
    if described && !conjunction {
        out.truncate(first_out + 1);
    }
    cut
}

/// The named possessor in `masked.text[from..to]` ("@p1's chips for"), when
/// the one object is a pronoun for one of the subjects.
fn own_pronoun_possessor(
    masked: &Masked,
    subjects: &[usize],
    objects: &[usize],
    from: usize,
    to: usize,
) -> Option<usize> {
    let [object] = objects else { return None };
    let (entity, kind) = party_of(masked, *object)?;
    let own = subjects
        .iter()
        .any(|&s| party_of(masked, s).is_some_and(|(e, _)| e == entity));
    if kind != MentionKind::Pronoun || !own {
        return None;
    }
    let at = from + masked.text.get(from..to)?.rfind("@p")?;
    let digits = masked.text[at + 2..]
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    if digits == 0 || !masked.text[at + 2 + digits..].starts_with("'s ") {
        return None;
    }
    masked.slots.iter().position(|s| s.pos == at)
}

/// Whether the last three words of `before`, after its last party, hold a
/// selling verb ("to sell ", "sold all of ").
fn selling_before(inner: &Inner, before: &str) -> bool {
    let tail = &before[before.rfind('@').map_or(0, |at| at + 1)..];
    let from = tail
        .trim_end()
        .rmatch_indices(' ')
        .nth(2)
        .map_or(0, |(at, _)| at);
    inner.selling.is_match(&tail.as_bytes()[from..])
}

/// The entity and mention kind of the party in `slot`, if it holds one.
fn party_of(masked: &Masked, slot: usize) -> Option<(usize, MentionKind)> {
    match masked.slots.get(slot)?.kind {
        SlotKind::Party { entity, mention } => Some((entity, mention)),
        _ => None,
    }
}

/// Whether `after` (the text after an object) is a possessive of an asset:
/// "'s fixed-line network", "'s consumer health business".
fn asset_of(after: &str) -> bool {
    let Some(rest) = after
        .strip_prefix("'s ")
        .or_else(|| after.strip_prefix("' "))
    else {
        return false;
    };
    rest.split(|c: char| !c.is_ascii_lowercase() && c != '-')
        .take(4)
        .take_while(|w| !w.is_empty())
        .any(|w| {
            matches!(
                w,
                "network"
                    | "networks"
                    | "business"
                    | "businesses"
                    | "unit"
                    | "units"
                    | "division"
                    | "divisions"
                    | "arm"
                    | "operations"
                    | "assets"
                    | "brand"
                    | "brands"
                    | "portfolio"
                    | "plant"
                    | "plants"
                    | "factory"
                    | "factories"
                    | "mine"
                    | "mines"
                    | "stores"
                    | "segment"
                    | "fleet"
                    | "towers"
                    | "stake"
                    | "shares"
                    | "stock"
                    | "patents"
                    | "headquarters"
            )
        })
}

/// Whether `after` (the text after an object) names goods of the object, with
/// no possessive: "bought Acme products", "bought Acme shares".
fn goods_of(after: &str) -> bool {
    const GOODS: [&str; 16] = [
        "products",
        "shares",
        "stock",
        "bonds",
        "devices",
        "chips",
        "phones",
        "cars",
        "vehicles",
        "equipment",
        "software",
        "services",
        "tickets",
        "goods",
        "parts",
        "hardware",
    ];
    after
        .strip_prefix(' ')
        .and_then(|a| a.split([' ', ',', '.', ';']).next())
        .is_some_and(|w| GOODS.contains(&w))
}

/// Whether the party in `second` follows the one in `first` after a bare comma ("X, Y").
fn comma_apposition(masked: &Masked, first: usize, second: usize) -> bool {
    masked.slots.get(first).is_some_and(|a| {
        let end = a.pos + 2 + slot_len(first);
        masked.text.get(end..).is_some_and(|t| t.starts_with(", @"))
            && masked.slots.get(second).is_some_and(|b| b.pos == end + 2)
    })
}

/// Whether the text between two list items is a possessive and at most three
/// lower-case descriptor words ("'s former backer ").
fn possessor_phrase(joiner: &str) -> bool {
    // "SoftBank-backed Y" (see `ITEM`): the hyphen-joined party describes Y.
    if let Some(word) = joiner.strip_prefix('-').and_then(|w| w.strip_suffix(' ')) {
        return !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase());
    }
    let Some(words) = joiner
        .strip_prefix("'s ")
        .or_else(|| joiner.strip_prefix("' "))
    else {
        return false;
    };
    words.split_terminator(' ').count() <= 3
        && words
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b == b' ' || b == b'-')
}

fn slot_len(n: usize) -> usize {
    if n < 10 { 1 } else { 1 + slot_len(n / 10) }
}

/// Where a list of parties gives way to a contrasting clause ("X, while rival
/// Y", "X, but Y"): the first party of that clause, as a position in the
/// masked text. A relative clause ("X, which Y bought") leaves X the subject.
fn list_break(masked: &Masked, start: usize, end: usize) -> Option<usize> {
    const CONTRAST: [&str; 6] = [
        "while ",
        "whereas ",
        "but ",
        "though ",
        "although ",
        "even as ",
    ];
    let text = &masked.text[start..end];
    let mut prev_end = None;
    for (at, _, slot) in placeholders(text, b"pgr") {
        if let Some(p) = prev_end {
            let joiner = text[p..at].trim_start_matches([',', ' ']);
            if CONTRAST.iter().any(|c| joiner.starts_with(c)) {
                return Some(start + at);
            }
        }
        prev_end = Some(at + 2 + slot_len(slot));
    }
    None
}

/// Whether the text between two list items is a plain conjunction with descriptors.
fn joiner_ok(joiner: &str) -> bool {
    let mut rest = joiner.trim_start_matches([',', ' ']);
    for lead in ["as well as ", "along with ", "and ", "& ", "plus ", "or "] {
        if let Some(r) = rest.strip_prefix(lead) {
            rest = r;
            break;
        }
    }
    if rest.contains('(') || rest.contains(')') {
        return false;
    }
    !rest.split(' ').any(|w| LIST_STOP.contains(&w))
}

/// Most parties in a list whose members are paired with each other.
const MUTUAL_MAX: usize = 8;

#[allow(clippy::too_many_arguments)]
fn emit(
    inner: &Inner,
    doc: &Extraction,
    masked: &Masked,
    sentence: usize,
    cand: &Cand,
    dated: Option<Dated>,
    focus: &mut Option<Focus>,
    last_acquirer: &mut Option<usize>,
    target: &mut Option<usize>,
    out: &mut Vec<Relation>,
) {
    let def = &RULES[cand.rule];
    // Relations from earlier matches: their amounts are not shared with a new pair.
    let prior = out.len();
    let entity_of = |slot: usize| party_of(masked, slot);
    let subjects: Vec<(usize, MentionKind)> = cand
        .subjects
        .iter()
        .flat_map(|&s| match masked.slots.get(s).map(|s| s.kind) {
            Some(SlotKind::Pair { first, second }) => vec![
                (first, MentionKind::Description),
                (second, MentionKind::Description),
            ],
            _ => entity_of(s).into_iter().collect(),
        })
        .collect();
    let objects: Vec<(usize, MentionKind)> = cand
        .objects
        .iter()
        .filter_map(|&slot| {
            let (e, kind) = entity_of(slot)?;
            // "X remains its largest shareholder": "its" cannot be X itself, so the
            // coreference went wrong; the nearest other party before it is meant.
            let possessive = masked
                .slots
                .get(slot)
                .is_some_and(|s| possessive_at(&masked.text, s.pos));
            if kind == MentionKind::Pronoun && possessive && subjects.iter().any(|&(s, _)| s == e) {
                return other_party_before(masked, slot, &subjects)
                    .map(|o| (o, MentionKind::Pronoun));
            }
            Some((e, kind))
        })
        .collect();
    let pairs: Vec<((usize, MentionKind), (usize, MentionKind))> = match def.shape {
        Shape::Focus => {
            if let Some(&(o, _)) = objects.first() {
                let amount = masked.slots.iter().find_map(|slot| match slot.kind {
                    SlotKind::Amount {
                        index,
                        class: AmountClass::Deal,
                    } if (cand.start..cand.end).contains(&slot.pos) => Some(index),
                    _ => None,
                });
                *focus = Some(Focus {
                    entity: o,
                    sentence,
                    amount,
                });
            }
            return;
        }
        // A longer list is an enumeration ("X, Y, ... and Z agreed to merge"
        // over a page of names), not parties that all deal with each other,
        // and its pairs would grow with the square of its length.
        Shape::Mutual(_) if subjects.len() > MUTUAL_MAX => return,
        Shape::Mutual(_) => {
            let mut v = Vec::new();
            for i in 0..subjects.len() {
                for j in i + 1..subjects.len() {
                    v.push((subjects[i], subjects[j]));
                }
            }
            v
        }
        Shape::SameSubject(_) => match *last_acquirer {
            Some(s) => objects
                .iter()
                .map(|&o| ((s, MentionKind::Name), o))
                .collect(),
            None => return,
        },
        Shape::Directed(t) => {
            let objects = if objects.is_empty() && t == RelationType::Investor {
                let here = focus.filter(|f| f.sentence == sentence).map(|f| f.entity);
                let earlier = focus.map(|f| f.entity);
                // "... are putting money into the deal": with no funding round
                // in view, the deal is the article's latest takeover.
                match here
                    .or_else(|| sentence_object(masked, cand, &subjects))
                    .or(earlier)
                    .or(*target)
                {
                    Some(f) => vec![(f, MentionKind::Description)],
                    None => return,
                }
            } else if objects.is_empty() && t == RelationType::Acquirer {
                // "Rival Z is also weighing an offer": the target named before.
                match *target {
                    Some(o) => vec![(o, MentionKind::Description)],
                    None => return,
                }
            } else {
                objects
            };
            let mut v = Vec::new();
            for &s in &subjects {
                for &o in &objects {
                    if s.0 != o.0 {
                        v.push((s, o));
                    }
                }
            }
            v
        }
    };
    let mut ty = match def.shape {
        Shape::Directed(t) | Shape::Mutual(t) | Shape::SameSubject(t) => t,
        Shape::Focus => return,
    };
    let text = masked.text.as_bytes();
    let tail = (cand.end + 30).min(text.len());
    let matched = &masked.text[cand.start..tail];
    // Buying "the remaining" shares or those "it does not already own" ends
    // in full ownership, whatever the percentage.
    const CONTROL: [&str; 12] = [
        "majority",
        "two-thirds",
        "three-quarters",
        "controlling",
        "control of",
        "full ownership",
        "100%",
        "all of",
        "the remaining",
        "the rest of",
        "not already own",
        "does not own",
    ];
    let pct = stake_pct(inner, matched);
    let control =
        CONTROL.iter().any(|w| matched.contains(w)) || pct.is_some_and(|p| p > Decimal::from(50));
    if def.flags & flag::STAKE != 0 && control {
        ty = RelationType::Acquirer;
    }
    // "sell a 30% stake in X to Y", "sold its shares in X to Y": a stake short
    // of control is an investment.
    let matched_text = &masked.text[cand.start..cand.end];
    if ty == RelationType::Acquirer
        && def.flags & flag::STAKE == 0
        && [" stake", " shares in ", " holding in ", " shareholding"]
            .iter()
            .any(|w| matched_text.contains(w))
        && !control
    {
        ty = RelationType::Investor;
    }
    if ty == RelationType::Acquirer {
        let after = &masked.text[cand.object_end..];
        let after = after.strip_prefix("'s").unwrap_or(after);
        if [
            " shares",
            " stock",
            " own shares",
            " common stock",
            " equity",
            " stake",
        ]
        .iter()
        .any(|w| after.starts_with(w))
        {
            ty = RelationType::Investor;
        }
    }
    let stake_pct = pct;
    let valuation = masked.slots.iter().find_map(|s| match s.kind {
        SlotKind::Amount {
            index,
            class: AmountClass::Valuation,
        } => Some(index),
        _ => None,
    });
    let amounts = if def.flags & flag::NO_AMOUNT != 0
        || cand.partial
        || !matches!(
            ty,
            RelationType::Investor | RelationType::Acquirer | RelationType::Partner
        ) {
        Vec::new()
    } else {
        let parties: Vec<usize> = pairs.iter().flat_map(|&((s, _), (o, _))| [s, o]).collect();
        deal_amounts(masked, cand, &parties)
    };
    // "X raised $30m. The round was led by Y": the lead takes the round's amount.
    let amounts = match *focus {
        Some(Focus {
            entity,
            amount: Some(a),
            ..
        }) if amounts.is_empty()
            && def.flags & flag::LEAD != 0
            && ty == RelationType::Investor
            && !pairs.is_empty()
            && pairs.iter().all(|&(_, (o, _))| o == entity) =>
        {
            vec![a]
        }
        _ => amounts,
    };
    let respectively =
        amounts.len() > 1 && amounts.len() == pairs.len() && inner.respectively.is_match(text);
    let windows = windows(text, cand, ty != RelationType::Subsidiary);
    let status = match ty {
        // "received a rival offer from Y": the match is itself the rival bid.
        _ if def.flags & flag::OWN_BID != 0
            || ty == RelationType::Acquirer
                && inner.cues.names_rival_bid(&text[cand.start..cand.end]) =>
        {
            inner.cues.own_bid_status(text, &windows, dated)
        }
        RelationType::Rival => Status::Announced,
        // A standing role: only cue words that end or deny it count.
        _ if def.flags & flag::ROLE != 0 => match inner.cues.deal_status(text, &windows, None) {
            Status::Background | Status::Rumored => Status::Announced,
            s => s,
        },
        // A supplier is a standing role: only cue words that end or deny it count.
        RelationType::Supplier => match inner.cues.deal_status(text, &windows, None) {
            Status::Background => Status::Announced,
            s => s,
        },
        RelationType::Subsidiary => {
            if windows.iter().any(|w| inner.cues.is_background(w, dated)) {
                Status::Background
            } else {
                Status::Announced
            }
        }
        _ if inner.cues.ended_by_relative(&text[cand.end..])
            && !matches!(
                inner.cues.deal_status(text, &windows, dated),
                Status::Denied
            ) =>
        {
            Status::Terminated
        }
        _ => inner.cues.deal_status(text, &windows, dated),
    };
    // "X is not taking a stake in Y", "X will not supply Y": a plain negation
    // of the deal's verb states no relation (a denial cue made it `denied`).
    if matches!(status, Status::Announced | Status::Rumored)
        && inner.negated.is_match(&text[cand.start..cand.end])
    {
        return;
    }
    let evidence = doc
        .sentences
        .get(sentence)
        .map_or(Span::default(), |s| s.span);
    let rival_desc = def.flags & flag::RIVAL_DESC != 0 && rival_descriptor(masked, cand);
    for (k, &((s, sk), (o, ok))) in pairs.iter().enumerate() {
        let family_matters = matches!(
            ty,
            RelationType::Partner | RelationType::Rival | RelationType::Supplier
        );
        // A unit reached through "the company" or "its": a party whose name the
        // unit's name extends ("Intel" for "Intel Foundry") outranks the resolution.
        let o = match named_parent(&doc.entities, s) {
            Some(p) if ty == RelationType::Subsidiary && ok != MentionKind::Name => p,
            _ => o,
        };
        if s == o || (family_matters && same_family(&doc.entities, s, o)) {
            continue;
        }
        let amount = if respectively {
            amounts.get(k).copied()
        } else {
            amounts.first().copied()
        };
        // "X agreed to buy Y in an $8bn deal, its biggest since buying Z": the
        // amount an earlier match gave to another pair is not Z's.
        let amount = amount.filter(|&a| {
            !out[..prior].iter().any(|r| {
                r.sentence == sentence && r.amount == Some(a) && (r.subject, r.object) != (s, o)
            })
        });
        let confidence = def.confidence * mention_weight(sk) * mention_weight(ok);
        let relation = Relation {
            relation_type: ty,
            subject: s,
            object: o,
            amount,
            stake_pct: if ty == RelationType::Investor || ty == RelationType::Acquirer {
                stake_pct
            } else {
                None
            },
            valuation: if ty == RelationType::Investor || ty == RelationType::Acquirer {
                valuation
            } else {
                None
            },
            status,
            confidence,
            sentence,
            evidence,
            method: def.method,
        };
        out.push(relation);
        if rival_desc {
            out.push(Relation {
                relation_type: RelationType::Rival,
                amount: None,
                stake_pct: None,
                valuation: None,
                status: Status::Announced,
                confidence: confidence * 0.9,
                method: "rival.descriptor",
                ..relation
            });
        }
        if ty == RelationType::Investor {
            let amount = focus.filter(|f| f.entity == o).and_then(|f| f.amount);
            *focus = Some(Focus {
                entity: o,
                sentence,
                amount: relation.amount.or(amount),
            });
        }
        if ty == RelationType::Acquirer {
            *last_acquirer = Some(s);
            *target = Some(o);
        }
    }
}

/// The nearest party before `slot` that is none of `subjects`.
fn other_party_before(
    masked: &Masked,
    slot: usize,
    subjects: &[(usize, MentionKind)],
) -> Option<usize> {
    masked
        .slots
        .get(..slot)?
        .iter()
        .rev()
        .find_map(|s| match s.kind {
            SlotKind::Party { entity, .. } if !subjects.iter().any(|&(e, _)| e == entity) => {
                Some(entity)
            }
            _ => None,
        })
}

/// Whether the placeholder at `pos` is followed by a possessive "'s".
fn possessive_at(text: &str, pos: usize) -> bool {
    text[pos + 1..]
        .trim_start_matches(|c: char| c.is_ascii_alphanumeric())
        .starts_with("'s")
}

/// The nearest possessor before the match that is not a subject: whose round it is
/// ("Wiz's last valuation, set in a round led by ..."). A possessor of a
/// party ("Alphabet's venture arm GV led the round") owns that party, not
/// the round.
fn sentence_object(
    masked: &Masked,
    cand: &Cand,
    subjects: &[(usize, MentionKind)],
) -> Option<usize> {
    masked.slots.iter().rev().find_map(|s| match s.kind {
        SlotKind::Party { entity, .. }
            if s.pos < cand.start
                && !subjects.iter().any(|&(e, _)| e == entity)
                && possessive_at(&masked.text, s.pos)
                && !owns_party(masked, s.pos) =>
        {
            Some(entity)
        }
        _ => None,
    })
}

/// Whether the possessor at `pos` belongs to the next party's noun phrase
/// ("Alphabet's venture arm GV"): a few words and no comma up to it.
fn owns_party(masked: &Masked, pos: usize) -> bool {
    masked
        .slots
        .iter()
        .filter(|s| s.pos > pos)
        .min_by_key(|s| s.pos)
        .filter(|s| matches!(s.kind, SlotKind::Party { .. }))
        .and_then(|s| masked.text.get(pos..s.pos))
        .is_some_and(|between| !between.contains(',') && between.split(' ').count() <= 5)
}

fn mention_weight(kind: MentionKind) -> f32 {
    match kind {
        MentionKind::Name => 1.0,
        MentionKind::Description => 0.95,
        _ => 0.9,
    }
}

/// The masked text around the match that dates it, without its parenthetical
/// and without a relative clause that follows it.
fn windows<'a>(text: &'a [u8], cand: &Cand, cut_clause: bool) -> Vec<&'a [u8]> {
    let lo = cand.start.saturating_sub(40);
    let mut hi = (cand.end + 40).min(text.len());
    let after = &text[cand.end..hi];
    let clauses: &[&[u8]] = if cut_clause {
        &[b", which", b", who", b", whose", b";"]
    } else {
        &[b";"]
    };
    for clause in clauses {
        if let Some(p) = after.windows(clause.len()).position(|w| w == *clause) {
            hi = hi.min(cand.end + p);
        }
    }
    match cand.skip {
        Some((a, b)) if a >= lo && b <= hi => vec![&text[lo..a], &text[b..hi]],
        _ => vec![&text[lo..hi]],
    }
}

/// Deal amounts for the match: inside it, else just after it, else just before it.
fn deal_amounts(masked: &Masked, cand: &Cand, parties: &[usize]) -> Vec<usize> {
    let deal = |slot: usize| match masked.slots.get(slot).map(|s| s.kind) {
        Some(SlotKind::Amount {
            index,
            class: AmountClass::Deal,
        }) => Some(index),
        _ => None,
    };
    let inside: Vec<usize> = masked
        .slots
        .iter()
        .enumerate()
        .filter(|(_, s)| s.pos >= cand.start && s.pos < cand.end)
        .filter(|(_, s)| cand.skip.is_none_or(|(a, b)| s.pos < a || s.pos >= b))
        .filter_map(|(i, _)| deal(i))
        .collect();
    if !inside.is_empty() {
        return inside;
    }
    let text = &masked.text;
    let after_end = (cand.end + 100).min(text.len());
    let after = &text[cand.end..after_end];
    let limit = after.find(';').unwrap_or(after.len());
    let own = |slot: usize| match masked.slots.get(slot).map(|s| s.kind) {
        Some(SlotKind::Party { entity, .. }) => parties.contains(&entity),
        _ => false,
    };
    // "for $1 billion, $2 billion and $3 billion respectively": one per pair.
    if let Some(r) = after[..limit].find("respectively") {
        let listed: Vec<usize> = placeholders(&after[..r], b"pgrm")
            .map_while(|(_, class, slot)| if class == b'm' { deal(slot) } else { None })
            .collect();
        if listed.len() > 1 {
            return listed;
        }
    }
    // "buys X from Y for $2 billion": the seller after "from" is no other deal.
    let seller = |at: usize| after[..at].ends_with(" from ") && after[..at].len() <= 12;
    let next = placeholders(&after[..limit], b"pgrm")
        .find(|&(at, class, slot)| class == b'm' || !own(slot) && !seller(at));
    if let Some((_, b'm', slot)) = next {
        if let Some(i) = deal(slot) {
            return vec![i];
        }
    }
    let before_start = cand.start.saturating_sub(35);
    let before = &text[before_start..cand.start];
    if let Some((_, b'm', slot)) = placeholders(before, b"pgrm").last() {
        if let Some(i) = deal(slot) {
            return vec![i];
        }
    }
    Vec::new()
}

fn stake_pct(inner: &Inner, matched: &str) -> Option<Decimal> {
    let caps = inner.stake.captures(matched.as_bytes())?;
    let m = caps
        .get(1)
        .or_else(|| caps.get(2))
        .or_else(|| caps.get(3))?;
    let s = std::str::from_utf8(m.as_bytes()).ok()?;
    Decimal::from_str(s).ok()
}

/// "rival" or "competitor" just before the subject or in an apposition after the object.
fn rival_descriptor(masked: &Masked, cand: &Cand) -> bool {
    let text = &masked.text;
    // "bought rival Y": the descriptor before the first object, after the trigger.
    let object_hit = cand
        .objects
        .first()
        .and_then(|&o| masked.slots.get(o))
        .filter(|slot| slot.pos > cand.subject_at && slot.pos <= text.len())
        .is_some_and(|slot| descriptor_before(&text[cand.subject_at..slot.pos]));
    let before_hit = descriptor_before(&text[..cand.subject_at]);
    let after = &text[cand.object_end..(cand.object_end + 40).min(text.len())];
    let after_hit =
        (after.starts_with(", a ") || after.starts_with(", an ") || after.starts_with(", its "))
            && after
                .split(',')
                .nth(1)
                .is_some_and(|clause| clause.contains("rival") || clause.contains("competitor"));
    before_hit || object_hit || after_hit
}

/// Whether "rival" or "competitor" is among the last three words of
/// `before`, and not as the rival of a party named there ("OpenAI's rival
/// Anthropic" is the rival of OpenAI).
fn descriptor_before(before: &str) -> bool {
    let tail = before.rsplit('@').next().unwrap_or(before);
    let possessed = before.contains('@')
        && tail
            .trim_start_matches(|c: char| c.is_ascii_alphanumeric())
            .starts_with("'s");
    !possessed
        && tail
            .split_whitespace()
            .rev()
            .take(3)
            .any(|w| w.starts_with("rival") || w.starts_with("competitor"))
}

fn same_family(entities: &[Entity], a: usize, b: usize) -> bool {
    is_parent(entities, a, b) || is_parent(entities, b, a)
}

/// The party whose name starts the name of `unit`, word for word, the longest one.
fn named_parent(entities: &[Entity], unit: usize) -> Option<usize> {
    let name = &entities.get(unit)?.name;
    entities
        .iter()
        .enumerate()
        .filter(|&(i, e)| {
            i != unit
                && name.len() > e.name.len()
                && name.starts_with(e.name.as_str())
                && name.as_bytes().get(e.name.len()) == Some(&b' ')
        })
        .max_by_key(|(_, e)| e.name.len())
        .map(|(i, _)| i)
}

/// Whether `parent` is the gazetteer parent of `unit`.
fn is_parent(entities: &[Entity], unit: usize, parent: usize) -> bool {
    let (Some(u), Some(p)) = (entities.get(unit), entities.get(parent)) else {
        return false;
    };
    u.parent_id.as_deref().is_some_and(|id| id == p.id)
        || u.parent_name
            .as_deref()
            .is_some_and(|n| n.eq_ignore_ascii_case(&p.name))
}

/// One row per type and party pair (either order for undirected types).
fn keep_best(found: &mut Vec<Relation>) {
    let key = |r: &Relation| {
        let (a, b) = if r.relation_type.is_directed() {
            (r.subject, r.object)
        } else {
            (r.subject.min(r.object), r.subject.max(r.object))
        };
        (r.relation_type, a, b)
    };
    let score = |r: &Relation| {
        r.confidence + if r.amount.is_some() { 0.05 } else { 0.0 }
            - 0.001 * r.sentence.min(100) as f32
    };
    // In another sentence, the article's own news about a pair outranks an
    // older deal recalled for context ("first invested in 2019 ... agreed to
    // invest another $10 billion"), whatever the confidence of their
    // mentions. Within one sentence the better-supported reading stays.
    let better = |r: &Relation, k: &Relation| {
        let old = |x: &Relation| x.status == Status::Background;
        if r.sentence != k.sentence && old(r) != old(k) {
            old(k)
        } else {
            score(r) > score(k)
        }
    };
    let mut kept: Vec<Relation> = Vec::with_capacity(found.len());
    for r in found.drain(..) {
        match kept.iter_mut().find(|k| key(k) == key(&r)) {
            Some(k) => {
                if better(&r, k) {
                    *k = r;
                }
            }
            None => kept.push(r),
        }
    }
    *found = kept;
}
