//! References back: descriptions ("the Seattle-based retailer") and pronouns ("its"),
//! resolved against a per-article index of the party organisations named so far.

use std::sync::LazyLock;

use dealwire_core::{Entity, EntityType, Mention, MentionKind, MentionMethod, Span};

use super::EntityTagger;
use super::lexicon::{
    DESCRIPTION_NOUNS, DESCRIPTION_STOP, GOVERNMENTS, HEAD_CUES, INVESTOR_NAME_WORDS, PLACES,
    PRODUCT_MAKERS,
};
use super::text::Word;
use super::wordset::WordSet;

/// Most words between "the" and the head noun ("the New York-based cloud security company").
const MAX_MODIFIERS: usize = 4;
/// Name words common to several kinds of company ("Capital One" is a bank).
const SHARED_CUES: &[&str] = &[
    "Group",
    "Holdings",
    "Industries",
    "Capital",
    "Partners",
    "Research",
    "Credit",
];
/// How many sentences back a reference may reach.
const REACH: usize = 2;

type Set = WordSet;

struct Lists {
    heads: Set,
    pairs: Set,
    stop: Set,
    /// Capitalised words that describe rather than name ("the Chinese carmaker").
    descriptive_caps: Set,
    intro_participles: Set,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| Lists {
    heads: DESCRIPTION_NOUNS
        .iter()
        .copied()
        .filter(|n| !n.contains(' '))
        .collect(),
    pairs: DESCRIPTION_NOUNS
        .iter()
        .copied()
        .filter(|n| n.contains(' '))
        .collect(),
    stop: DESCRIPTION_STOP.iter().copied().collect(),
    descriptive_caps: GOVERNMENTS
        .iter()
        .map(|g| g.0)
        .filter(|g| !g.ends_with("'s"))
        .chain(PLACES.iter().copied())
        .collect(),
    intro_participles: INTRO_PARTICIPLES.iter().copied().collect(),
});

/// One party organisation named in the article.
#[derive(Clone, Copy)]
struct OrgMention {
    end: usize,
    entity: usize,
    sentence: usize,
    /// Named in an introductory phrase ("Founded by former X engineers, ...")
    /// or as an owner before a name ("SoftBank-owned Arm"), so never its
    /// sentence's subject.
    intro: bool,
}

/// The named mentions of one article, indexed for references back.
struct Index<'a> {
    /// Spans of all name mentions, sorted and free of overlaps.
    spans: Vec<(usize, usize)>,
    /// Party organisations in text order.
    orgs: Vec<OrgMention>,
    sent_of: &'a dyn Fn(usize) -> usize,
}

impl Index<'_> {
    fn overlaps(&self, s: usize, e: usize) -> bool {
        let i = self.spans.partition_point(|&(_, end)| end <= s);
        self.spans.get(i).is_some_and(|&(start, _)| start < e)
    }

    /// Organisations named before `pos` within reach, and the default antecedent: the
    /// first one (the subject) of the latest sentence that names one.
    ///
    /// Names in an introductory phrase are in reach but never the subject.
    fn window(&self, pos: usize) -> Option<(&[OrgMention], usize)> {
        let here = (self.sent_of)(pos);
        let end = self.orgs.partition_point(|o| o.end <= pos);
        let last = self.orgs[..end].iter().rev().find(|o| !o.intro)?;
        if here.saturating_sub(last.sentence) > REACH {
            return None;
        }
        let first = self.orgs.partition_point(|o| o.sentence < last.sentence);
        let subject = self.orgs[first..end].iter().find(|o| !o.intro)?;
        let from = self.orgs.partition_point(|o| o.sentence + REACH < here);
        Some((&self.orgs[from..end], subject.entity))
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Fit {
    /// The name says it ("the bank" for "Brenlow Bank").
    Strong,
    Neutral,
    /// The description cannot be this entity ("the startup" for a listed company).
    Never,
}

fn fit(t: &EntityTagger, head: &str, entity: &Entity) -> Fit {
    let known = t.gazetteer.get(&entity.id);
    if matches!(head, "startup" | "start-up")
        && (known.is_some_and(|k| {
            k.source
                .as_deref()
                .is_some_and(|s| s.starts_with("pytickersymbols"))
        }) || entity
            .name
            .split(' ')
            .any(|w| w == "Management" || INVESTOR_NAME_WORDS.contains(&w)))
    {
        return Fit::Never;
    }
    let Some(&(_, cues)) = HEAD_CUES.iter().find(|c| c.0 == head) else {
        return Fit::Neutral;
    };
    let mut other = false;
    for w in entity.name.split(|c: char| !c.is_alphanumeric()) {
        if cues.contains(&w) {
            return Fit::Strong;
        }
        other |= !SHARED_CUES.contains(&w) && HEAD_CUES.iter().any(|c| c.1.contains(&w));
    }
    // "the retailer" is not "Kestova Motors": its name says it is something else.
    if other { Fit::Never } else { Fit::Neutral }
}

/// Descriptions ("the chipmaker") and pronouns ("its") resolve to the subject of the
/// latest sentence that names a party organisation; a description's head noun may pick
/// another organisation in reach whose name fits it better.
pub(super) fn references(
    t: &EntityTagger,
    text: &str,
    ws: &[Word],
    mentions: &mut Vec<Mention>,
    entities: &[Entity],
    sent_of: &dyn Fn(usize) -> usize,
) {
    let mut spans: Vec<(usize, usize)> = mentions
        .iter()
        .map(|m| (m.span.start(), m.span.end()))
        .collect();
    spans.sort_unstable();
    let intros = intro_phrases(text, ws, sent_of);
    let orgs = mentions
        .iter()
        .filter(|m| {
            let e = &entities[m.entity];
            e.entity_type == EntityType::Org && e.role.can_be_party()
        })
        .map(|m| OrgMention {
            end: m.span.end(),
            entity: m.entity,
            sentence: sent_of(m.span.start()),
            intro: intros
                .iter()
                .any(|&(s, e)| s <= m.span.start() && m.span.end() <= e)
                || super::resolve::OWNER_SUFFIXES
                    .iter()
                    .any(|x| text[m.span.end()..].starts_with(x)),
        })
        .collect();
    let mut index = Index {
        spans,
        orgs,
        sent_of,
    };
    // A sentence that opens with "It"/"Its", or whose first party is "it", has
    // the pronoun's antecedent as its subject, so later references see that
    // party first, not the sentence's first name ("It competes with X. The
    // company ..." is not X).
    // Both passes below walk the same matches: search once.
    let pronouns: Vec<(usize, usize)> = t
        .re_pronoun
        .find_iter(text)
        .map(|m| (m.start(), m.end()))
        .collect();
    for &(s, _) in &pronouns {
        // "Last month it raised ...": a subject "it" before any name of its
        // sentence is its subject too (a possessive "its" there need not be).
        let here = sent_of(s);
        let first_in_sentence = index.orgs[..index.orgs.partition_point(|o| o.end <= s)]
            .last()
            .is_none_or(|o| o.sentence != here);
        let subject_it = !text[s..].starts_with(['I', 'i']) || !text[s + 2..].starts_with('s');
        let opens = super::text::sentence_initial(text, s);
        if !(opens || first_in_sentence && subject_it) {
            continue;
        }
        // "The start-up, which makes robots, said it ...": a sentence that opens
        // with a description has that as its subject, resolved below.
        if !opens && opens_with_description(&text[..s]) {
            continue;
        }
        if let Some((_, entity)) = index.window(s) {
            let at = index.orgs.partition_point(|o| o.end <= s);
            index.orgs.insert(
                at,
                OrgMention {
                    end: s + 2,
                    entity,
                    sentence: sent_of(s),
                    intro: false,
                },
            );
        }
    }
    let first_description = mentions.len();
    descriptions(t, text, ws, &index, mentions, entities);
    // (start, end, entity) of each description, in text order.
    let described: Vec<(usize, usize, usize)> = mentions[first_description..]
        .iter()
        .map(|m| (m.span.start(), m.span.end(), m.entity))
        .collect();
    for &(s, end) in &pronouns {
        if !super::resolve::word_edges(text, s, end) {
            continue;
        }
        let e = s + if text[s..].len() >= 3 && text[s..s + 3].eq_ignore_ascii_case("its") {
            3
        } else {
            2
        };
        if index.overlaps(s, e) {
            continue;
        }
        // "The start-up ..., where it competes": a description that opens the
        // sentence, with no name after it, is the pronoun's antecedent.
        let here = sent_of(s);
        // The latest name before the pronoun in its sentence, as (end, entity).
        let latest_name = index.orgs[..index.orgs.partition_point(|o| o.end <= s)]
            .last()
            .filter(|o| o.sentence == here)
            .map(|o| (o.end, o.entity));
        let last_name = latest_name.map_or(0, |(end, _)| end);
        // The latest description before the pronoun in its sentence (descriptions
        // are in text order and do not overlap).
        let latest_description = described[..described.partition_point(|&(_, de, _)| de <= s)]
            .last()
            .filter(|&&(ds, _, _)| sent_of(ds) == here)
            .copied();
        let from_description = latest_description
            .filter(|&(ds, _, _)| ds >= last_name && super::text::sentence_initial(text, ds))
            .map(|(_, _, entity)| entity);
        // "X's takeover of its smaller rival": "its" inside a phrase that a
        // name owns is that name.
        // "Exxon struck its own deal": a possessive right after a name and its
        // verb is that name's.
        // "bought X and its rival Y": a possessive right after "X and" is X's.
        let owner = latest_name
            .filter(|&(end, _)| {
                let between = &text[end..s];
                owned_phrase(between) || verb_between(between) || e == s + 3 && conjoined(between)
            })
            .map(|(_, entity)| entity);
        // "The chipmaker is both its main supplier": a possessive after a copula
        // is not the copula's own subject, but the party named before it.
        let copula_subject = latest_name
            .max(latest_description.map(|(_, de, entity)| (de, entity)))
            .filter(|&(end, _)| copula_before(&text[end..s]))
            .map(|(_, entity)| entity);
        // "Velo will build the cars, while Zentra will run them through its
        // app": a name that opens the pronoun's clause is its subject.
        let clause_subject = latest_name
            .filter(|&(end, _)| {
                let i = index.spans.partition_point(|&(_, e)| e < end);
                index.spans.get(i).is_some_and(|&(start, e)| {
                    e == end
                        && [
                            ", while ",
                            ", but ",
                            ", whereas ",
                            "; ",
                            ", and ",
                            ", although ",
                        ]
                        .iter()
                        .any(|w| text[..start].ends_with(w))
                }) && !text[end..s].contains([',', ';'])
            })
            .map(|(_, entity)| entity);
        let chosen = owner
            .or(clause_subject)
            .or(from_description)
            .or_else(|| index.window(s).map(|(_, e)| e));
        let chosen = match copula_subject {
            Some(subject) if chosen == Some(subject) => index.window(s).and_then(|(reach, _)| {
                reach
                    .iter()
                    .rev()
                    .find(|o| o.sentence < here && o.entity != subject)
                    .map(|o| o.entity)
            }),
            _ => chosen,
        };
        if let Some(entity) = chosen {
            mentions.push(pronoun_mention(s, e, entity));
        }
    }
    rival_references(t, text, &index, mentions);
    for m in t.re_object_it.find_iter(text) {
        let (s, e) = (m.end() - 2, m.end());
        if index.overlaps(s, e) {
            continue;
        }
        if let Some(entity) = object_antecedent(&index, s) {
            mentions.push(pronoun_mention(s, e, entity));
        }
    }
}

/// "Kroger's takeover of its smaller rival", "no intention of making an
/// offer for its London-listed rival": a rival named by a possessive pronoun
/// alone is the latest other party in reach. The description spans the
/// words after the pronoun, whose own mention gives the rival's counterpart.
fn rival_references(t: &EntityTagger, text: &str, index: &Index<'_>, mentions: &mut Vec<Mention>) {
    for caps in t.re_rival_ref.captures_iter(text) {
        let (Some(all), Some(np)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        // "its rival Anthropic", "Its closest rival, Corvane Renal,", "its
        // rival's": a name or a possessive follows.
        let rest = &text[np.end()..];
        if rest.starts_with(['\'', '’'])
            || rest
                .trim_start_matches([' ', ','])
                .starts_with(char::is_uppercase)
        {
            continue;
        }
        let s = all.start();
        let Some(owner) = mentions
            .iter()
            .find(|m| m.span.start() == s && m.kind == MentionKind::Pronoun)
            .map(|m| m.entity)
        else {
            continue;
        };
        if index.overlaps(np.start(), np.end()) {
            continue;
        }
        let here = (index.sent_of)(s);
        let end = index.orgs.partition_point(|o| o.end <= s);
        let other = index.orgs[..end]
            .iter()
            .rev()
            .take_while(|o| o.sentence + REACH >= here)
            .find(|o| o.entity != owner)
            .map(|o| o.entity);
        if let Some(entity) = other {
            mentions.push(description_mention(np.start(), np.end(), entity));
        }
    }
}

/// The antecedent of an object "it" at `pos` ("Novartis will invest $10
/// million in it"): the one party that the latest earlier sentence naming a
/// party names, within reach. When that sentence names several ("Novartis
/// sold X. Roche bought it."), the object could be any of them, so none is
/// chosen; nor when the party opens the pronoun's own sentence, since the
/// object of a clause is not its subject.
fn object_antecedent(index: &Index<'_>, pos: usize) -> Option<usize> {
    let here = (index.sent_of)(pos);
    let end = index.orgs.partition_point(|o| o.end <= pos);
    let before = &index.orgs[..end];
    let last = before
        .iter()
        .rev()
        .find(|o| o.sentence < here && !o.intro)?;
    if here - last.sentence > REACH {
        return None;
    }
    let entity = last.entity;
    let alone = before
        .iter()
        .filter(|o| o.sentence == last.sentence)
        .all(|o| o.entity == entity);
    let opens_here = before
        .iter()
        .find(|o| o.sentence == here && !o.intro)
        .is_some_and(|o| o.entity == entity);
    (alone && !opens_here).then_some(entity)
}

/// "X is the exclusive cloud provider for Y": after a copula and before "for"
/// or "to", the phrase states a role (the relation itself), not a reference back.
/// So does an apposition before a name ("X, the largest investor in Y,").
fn predicate_role(before: &str, rest: &str) -> bool {
    let before = before.trim_end();
    let copula = before.rsplit(char::is_whitespace).next().is_some_and(|w| {
        matches!(
            w,
            "is" | "was" | "are" | "were" | "remains" | "remained" | "became" | "become" | "as"
        )
    });
    if copula && (rest.starts_with(" for ") || rest.starts_with(" to ")) {
        return true;
    }
    let named = [" in ", " for ", " to "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .is_some_and(|r| r.starts_with(char::is_uppercase));
    (copula || before.ends_with(',')) && named
}

/// A description found in the text: its span, its modifiers and its head noun.
struct Description<'t> {
    start: usize,
    end: usize,
    modifiers: Vec<&'t str>,
    head: &'t str,
    /// Index of the last word it covers.
    last: usize,
}

/// "the" plus up to [`MAX_MODIFIERS`] words plus a head noun, all in one clause.
fn description_at<'t>(text: &'t str, ws: &[Word], i: usize) -> Option<Description<'t>> {
    let w = &ws[i];
    if !matches!(text.as_bytes().get(w.start..w.end), Some(b"the" | b"The")) || w.brk || w.poss {
        return None;
    }
    let lists = &*LISTS;
    let mut found: Option<usize> = None;
    for j in i + 1..ws.len().min(i + 2 + MAX_MODIFIERS) {
        let word = &text[ws[j].start..ws[j].end];
        let pair = j > i + 1 && {
            let prev = &text[ws[j - 1].start..ws[j].end];
            lists.pairs.contains(prev)
        };
        if lists.heads.contains(word) || pair {
            found = Some(j);
            // "the investor group": a head noun followed by another takes the later one.
            if ws[j].brk || ws[j].poss {
                break;
            }
            continue;
        }
        if found.is_some()
            || ws[j].brk
            || ws[j].poss
            || lists.stop.contains(word)
            || !word.starts_with(|c: char| c.is_alphanumeric())
        {
            break;
        }
    }
    let last = found?;
    let head_word = &text[ws[last].start..ws[last].end];
    let modifiers = ws[i + 1..last]
        .iter()
        .map(|m| &text[m.start..m.end])
        .collect();
    Some(Description {
        start: w.start,
        end: ws[last].end,
        modifiers,
        head: head_word,
        last,
    })
}

fn descriptions(
    t: &EntityTagger,
    text: &str,
    ws: &[Word],
    index: &Index<'_>,
    mentions: &mut Vec<Mention>,
    entities: &[Entity],
) {
    let lists = &*LISTS;
    // Descriptions resolved so far, as (sentence, end, entity).
    let mut resolved: Vec<(usize, usize, usize)> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let Some(d) = description_at(text, ws, i) else {
            i += 1;
            continue;
        };
        i = d.last + 1;
        let (s, e) = (d.start, d.end);
        // "the startup Acme" is an appositive of a name, not a reference back;
        // "the drone business of Acme" is a part of a name, and "the maker of
        // ChatGPT" names its company by a product.
        let rest = &text[e..];
        let of_name = rest
            .strip_prefix(" of ")
            .filter(|r| r.starts_with(char::is_uppercase));
        if let Some(after) = of_name {
            let product = after
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            let maker = PRODUCT_MAKERS
                .iter()
                .find(|p| p.0 == product)
                .and_then(|p| entities.iter().position(|x| x.id == p.1))
                .filter(|_| ["maker", "developer", "creator", "owner"].contains(&d.head));
            if let Some(entity) = maker.filter(|_| !index.overlaps(s, e)) {
                mentions.push(description_mention(s, e, entity));
            }
            continue;
        }
        if index.overlaps(s, e)
            || rest.starts_with(' ') && rest.trim_start().starts_with(char::is_uppercase)
            || predicate_role(&text[..s], rest)
        {
            continue;
        }
        let hinted = d
            .modifiers
            .iter()
            .find_map(|w| PRODUCT_MAKERS.iter().find(|p| p.0 == *w))
            .and_then(|p| entities.iter().position(|x| x.id == p.1));
        // "the Acme company" names a company rather than describing one; nationality,
        // place and acronym words ("the Chinese carmaker", "the AI lab") describe.
        let naming = d.modifiers.iter().any(|w| {
            w.starts_with(char::is_uppercase)
                && !lists.descriptive_caps.contains(w)
                && !(w.len() <= 4 && w.chars().all(|c| c.is_ascii_uppercase() || c == '.'))
        });
        if naming && hinted.is_none() && d.modifiers.iter().all(|w| !w.contains('-')) {
            continue;
        }
        let entity = match hinted {
            Some(h) => Some(h),
            None => index.window(s).and_then(|(reach, subject)| {
                // "the cloud company" after "Quarry Cloud": a modifier that is a
                // word of exactly one name in reach picks that name.
                let mut named: Vec<usize> = Vec::new();
                for o in reach {
                    if !named.contains(&o.entity)
                        && shares_word(&entities[o.entity].name, &d.modifiers)
                    {
                        named.push(o.entity);
                    }
                }
                let chosen = match named[..] {
                    [only] => Some(only),
                    _ => {
                        let head = d.head.to_ascii_lowercase();
                        pick(t, &head, reach, subject, entities)
                    }
                };
                // "X agreed to buy the start-up", "the provider will supply the
                // start-up": the other party of a deal is not a party named or
                // described before it in its own clause.
                if chosen.is_none() || !after_deal_word(&text[..s]) {
                    return chosen;
                }
                let here = (index.sent_of)(s);
                let agents = clause_agents(text, s, here, reach, &resolved, index.sent_of);
                match chosen {
                    Some(e) if agents.contains(&e) => reach
                        .iter()
                        .rev()
                        .find(|o| {
                            o.sentence < here
                                && !agents.contains(&o.entity)
                                && fit(t, &d.head.to_ascii_lowercase(), &entities[o.entity])
                                    != Fit::Never
                        })
                        .map(|o| o.entity)
                        .or(chosen),
                    _ => chosen,
                }
            }),
        };
        if let Some(entity) = entity {
            resolved.push(((index.sent_of)(s), e, entity));
            mentions.push(description_mention(s, e, entity));
        }
    }
}

/// Whether `between`, the text from the end of a name to a pronoun, makes the
/// name the owner of the deal the pronoun is in: "'s takeover of ", "'s
/// planned merger with ". Other nouns do not ("X's access to its models" is
/// about the sentence's subject).
fn owned_phrase(between: &str) -> bool {
    const DEAL_NOUNS: &[&str] = &[
        "takeover",
        "acquisition",
        "purchase",
        "merger",
        "bid",
        "offer",
        "buyout",
        "deal",
        "investment",
        "stake",
    ];
    let Some(rest) = ["'s ", "’s ", "' "]
        .iter()
        .find_map(|p| between.strip_prefix(p))
    else {
        return false;
    };
    let words: Vec<&str> = rest.split(' ').collect();
    // One modifier at most, the deal noun, a preposition, and the empty piece
    // after its space.
    let n = words.len();
    (3..=4).contains(&n)
        && words[n - 1].is_empty()
        && ["of", "for", "with", "in"].contains(&words[n - 2])
        && DEAL_NOUNS.contains(&words[n - 3])
        && words[..n - 3]
            .iter()
            .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
}

/// Whether `between`, the text from a name to a possessive pronoun, only
/// joins the two (" and ", ", and ", " as well as ").
fn conjoined(between: &str) -> bool {
    [" and ", ", and ", " as well as ", ", as well as "].contains(&between)
}

/// Whether `between`, the text from a party to a pronoun, is a copula ("
/// is both ", " has become ").
fn copula_before(between: &str) -> bool {
    let Some(rest) = [
        " is ",
        " was ",
        " remains ",
        " has been ",
        " became ",
        " has become ",
    ]
    .iter()
    .find_map(|c| between.strip_prefix(c)) else {
        return false;
    };
    ["", "both ", "also ", "now ", "still "].contains(&rest)
}

/// Whether `between`, the text from a name to a possessive pronoun, is one
/// verb in the past tense, maybe after an auxiliary (" struck ", " has
/// raised "): the name is the clause's subject and owns what follows.
fn verb_between(between: &str) -> bool {
    const IRREGULAR: &[&str] = &[
        "struck", "made", "took", "sold", "bought", "cut", "set", "put", "held", "kept", "led",
        "won", "lost", "built", "spent", "grew", "began", "shut", "paid", "quit",
    ];
    let Some(rest) = between.strip_prefix(' ').and_then(|r| r.strip_suffix(' ')) else {
        return false;
    };
    let verb = ["has ", "had ", "have "]
        .iter()
        .find_map(|a| rest.strip_prefix(a))
        .unwrap_or(rest);
    let past = |w: &str| {
        w.len() > 4 && w.ends_with("ed") && w.bytes().all(|b| b.is_ascii_lowercase())
            || IRREGULAR.contains(&w)
    };
    past(verb)
}

/// Past participles that open an introductory phrase before a sentence's subject.
const INTRO_PARTICIPLES: &[&str] = &[
    "Founded",
    "Backed",
    "Based",
    "Led",
    "Owned",
    "Created",
    "Started",
    "Spun",
    "Headquartered",
    "Built",
    "Launched",
    "Formed",
    "Acquired",
    "Bought",
    "Funded",
    "Incubated",
];

/// Byte ranges of introductory participial phrases: from a sentence's first
/// word, one of [`INTRO_PARTICIPLES`], to the first comma ("Backed by X and Y,").
fn intro_phrases(text: &str, ws: &[Word], sent_of: &dyn Fn(usize) -> usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (k, w) in ws.iter().enumerate() {
        // The word test first: it is cheap, and rarely passes.
        if !text.as_bytes()[w.start].is_ascii_uppercase()
            || !LISTS.intro_participles.contains(&text[w.start..w.end])
        {
            continue;
        }
        let here = sent_of(w.start);
        if k > 0 && sent_of(ws[k - 1].start) == here {
            continue;
        }
        let close = ws[k..]
            .iter()
            .take_while(|x| sent_of(x.start) == here)
            .find(|x| x.brk && text[x.end..].starts_with(','));
        if let Some(close) = close {
            out.push((w.start, close.end));
        }
    }
    out
}

/// A description mention of `entity` over bytes `s..e`.
fn pronoun_mention(s: usize, e: usize, entity: usize) -> Mention {
    Mention {
        span: Span::new(s, e),
        entity,
        sentence: 0,
        kind: MentionKind::Pronoun,
        method: MentionMethod::Pronoun,
        confidence: 0.35,
    }
}

fn description_mention(s: usize, e: usize, entity: usize) -> Mention {
    Mention {
        span: Span::new(s, e),
        entity,
        sentence: 0,
        kind: MentionKind::Description,
        method: MentionMethod::Description,
        confidence: 0.5,
    }
}

/// Whether the sentence that `before` ends inside opens with "The" and a
/// lower-case word ("The start-up, which ...").
fn opens_with_description(before: &str) -> bool {
    let from = before.rfind(['.', '!', '?', '\n']).map_or(0, |at| at + 1);
    before[from..]
        .trim_start()
        .strip_prefix("The ")
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_lowercase()))
}

/// The parties named or described in the clause before byte `s` of sentence
/// `here`: those a description after a deal word there cannot be. After ",
/// which" the clause holds only the party that "which" stands for: "Y is
/// backed by X, which invested in the company" leaves Y free.
///
/// `resolved` holds the descriptions resolved so far, as (sentence, end, entity).
fn clause_agents(
    text: &str,
    s: usize,
    here: usize,
    reach: &[OrgMention],
    resolved: &[(usize, usize, usize)],
    sent_of: &dyn Fn(usize) -> usize,
) -> Vec<usize> {
    let earlier: Vec<(usize, usize)> = reach
        .iter()
        .filter(|o| o.sentence == here)
        .map(|o| (o.end, o.entity))
        .chain(
            resolved
                .iter()
                .filter(|&&(sent, end, _)| sent == here && end <= s)
                .map(|&(_, end, entity)| (end, entity)),
        )
        .collect();
    let from = earlier
        .iter()
        .map(|&(end, _)| end)
        .min()
        .unwrap_or(s)
        .min(s);
    let clause = [", which ", ", who "]
        .iter()
        .filter_map(|w| text[from..s].rfind(w))
        .max()
        .map(|at| from + at)
        .filter(|&at| sent_of(at) == here);
    match clause {
        None => earlier.iter().map(|&(_, e)| e).collect(),
        Some(at) => {
            let antecedent = earlier.iter().filter(|&&(end, _)| end <= at).max();
            earlier
                .iter()
                .filter(|&&(end, _)| end > at)
                .chain(antecedent)
                .map(|&(_, e)| e)
                .collect()
        }
    }
}

/// Whether `before` ends with a word that makes what follows the other party
/// of a deal ("to buy", "acquisition of", "stake in", "merger with").
fn after_deal_word(before: &str) -> bool {
    const DEAL_WORDS: &[&str] = &[
        "buy",
        "acquire",
        "purchase",
        "take over",
        "acquisition of",
        "purchase of",
        "takeover of",
        "bid for",
        "offer for",
        "stake in",
        "invest in",
        "invested in",
        "investment in",
        "merge with",
        "merger with",
        "deal with",
        "supply",
        "supplies",
        "supplying",
        "provide",
        "provides",
        "providing",
        "agreement with",
        "partnership with",
        "contract with",
        "competes with",
        "compete with",
    ];
    let b = before.trim_end();
    // "invested $50 million in", "pumped $2bn into": money put in a few words back.
    let mut words = b.rsplit(' ');
    if matches!(words.next(), Some("in" | "into"))
        && words.take(5).any(|w| {
            ["invest", "pour", "inject", "pump", "plough", "plow"]
                .iter()
                .any(|v| w.starts_with(v))
        })
    {
        return true;
    }
    DEAL_WORDS.iter().any(|w| {
        b.len() >= w.len()
            && b.is_char_boundary(b.len() - w.len())
            && b[b.len() - w.len()..].eq_ignore_ascii_case(w)
            && !b[..b.len() - w.len()].ends_with(char::is_alphanumeric)
    })
}

/// Whether a modifier of four letters or more is a word of `name` ("cloud" and
/// "Quarry Cloud").
fn shares_word(name: &str, modifiers: &[&str]) -> bool {
    modifiers.iter().any(|m| {
        m.len() >= 4
            && name
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case(m))
    })
}

/// The subject, unless the head noun rules it out or fits a later organisation by name.
fn pick(
    t: &EntityTagger,
    head: &str,
    reach: &[OrgMention],
    subject: usize,
    entities: &[Entity],
) -> Option<usize> {
    let subject_fit = fit(t, head, &entities[subject]);
    if subject_fit == Fit::Strong {
        return Some(subject);
    }
    let latest_neutral = || {
        reach
            .iter()
            .rev()
            .find(|o| fit(t, head, &entities[o.entity]) == Fit::Neutral)
            .map(|o| o.entity)
    };
    // A name that fits overrides the subject only from the subject's own sentence on:
    // "the drugmaker" after "Pfizer ... Astellas Pharma. Pfizer said ..." is Pfizer.
    let subject_sentence = reach
        .iter()
        .rev()
        .find(|o| o.entity == subject)
        .map_or(usize::MAX, |o| o.sentence);
    let fitting = reach
        .iter()
        .rev()
        .take_while(|o| o.sentence >= subject_sentence)
        .find(|o| fit(t, head, &entities[o.entity]) == Fit::Strong)
        .map(|o| o.entity);
    fitting.or(if subject_fit == Fit::Never {
        latest_neutral()
    } else {
        Some(subject)
    })
}

#[cfg(test)]
mod tests {
    use super::{copula_before, owned_phrase, verb_between};

    /// Each phrase test, with texts it accepts and texts it refuses.
    #[test]
    fn phrases_between_a_name_and_a_pronoun() {
        type Check = fn(&str) -> bool;
        let cases: [(&str, Check, &[&str], &[&str]); 3] = [
            (
                "a past verb",
                verb_between,
                &[" struck ", " raised ", " has expanded "],
                &[" to ", " and ", " is ", " sold Widget to ", " Red "],
            ),
            (
                "a copula",
                copula_before,
                &[" is ", " has become also ", " is both "],
                &[" is a supplier to ", ", which is "],
            ),
            (
                "a deal the name owns",
                owned_phrase,
                &["'s takeover of ", "' planned merger with ", "’s bid for "],
                &[
                    "'s direct access to ",
                    "'s chips in ",
                    " said the takeover of ",
                    "'s long planned takeover of ",
                ],
            ),
        ];
        for (what, check, yes, no) in cases {
            for text in yes {
                assert!(check(text), "{what}: {text:?}");
            }
            for text in no {
                assert!(!check(text), "{what}: {text:?}");
            }
        }
    }
}
