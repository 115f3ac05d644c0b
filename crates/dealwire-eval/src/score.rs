//! Scoring one article's extraction against its gold annotation.

use std::collections::{BTreeMap, HashMap, HashSet};

use dealwire_core::{
    Amount, Decimal, EntityType, Extraction, MentionKind, Relation, RelationType, Span, Status,
};
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

use crate::gold::{GoldAmount, GoldArticle, GoldRelation};
use crate::matching::max_matching;
use crate::normalize::normalize_party;
use crate::report::{Counts, StatusCounts};

/// Largest relative difference between a predicted and a gold value that still matches.
pub const VALUE_TOLERANCE: f64 = 0.005;

/// The scores of one article: counts to add up, and the relation errors.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ArticleScore {
    /// Article id.
    pub id: String,
    /// Distinct ORG entities.
    pub entities: Counts,
    /// Amounts of money.
    pub amounts: Counts,
    /// Relations (type and parties).
    pub relations: Counts,
    /// Relations whose amount matches too.
    pub relation_amount: Counts,
    /// Status agreement over matched relations.
    pub status: StatusCounts,
    /// Relation counts by type: hits and misses under the gold line's type,
    /// false positives under the predicted type.
    pub per_type: BTreeMap<RelationType, Counts>,
    /// Required gold relations that no prediction matched.
    pub missed: Vec<GoldRelationDetail>,
    /// Predicted relations that matched no gold line.
    pub spurious: Vec<PredRelationDetail>,
}

/// A gold relation line, for error listings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoldRelationDetail {
    /// Type.
    pub relation_type: RelationType,
    /// Subject name.
    pub subject: String,
    /// Object name.
    pub object: String,
    /// Amount text.
    pub amount: Option<String>,
    /// Status.
    pub status: Status,
    /// Supporting text.
    pub evidence: String,
}

/// A predicted relation, for error listings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PredRelationDetail {
    /// Type.
    pub relation_type: RelationType,
    /// Subject name.
    pub subject: String,
    /// Object name.
    pub object: String,
    /// Amount text, as it stands in the article.
    pub amount: Option<String>,
    /// Status.
    pub status: Status,
    /// Rule or model that produced it.
    pub method: String,
    /// Evidence text.
    pub evidence: String,
}

/// Scores one article. `pred` must come from `gold`'s text: spans are read
/// against `gold.text`, and ones that do not fit it simply match nothing.
pub fn score_article(gold: &GoldArticle, pred: &Extraction) -> ArticleScore {
    let parties = Parties::new(gold, pred);
    let mut score = ArticleScore {
        id: gold.id.clone(),
        entities: score_entities(gold, pred, &parties),
        amounts: score_amounts(gold, &pred.amounts),
        ..ArticleScore::default()
    };
    score_relations(gold, pred, &parties, &mut score);
    score
}

/// Normalised names of the predicted entities and the gold parties, and which match.
struct Parties {
    /// Keys of each predicted entity: its name and the texts of its name mentions.
    pred_keys: Vec<HashSet<String>>,
    /// Normalised `parent_name` of each predicted entity.
    pred_parent: Vec<Option<String>>,
    /// Keys of each gold party: name and aliases. Gold entities first, then
    /// relation parties missing from `entities` (keyed by their name only).
    gold_keys: Vec<HashSet<String>>,
    /// Normalised `parent` of each gold party.
    gold_parent: Vec<Option<String>>,
    /// Gold party index by canonical name.
    by_name: HashMap<String, usize>,
    /// `exact[p][g]`: predicted entity `p` and gold party `g` share a key.
    exact: Vec<Vec<bool>>,
}

impl Parties {
    fn new(gold: &GoldArticle, pred: &Extraction) -> Self {
        let text = gold.text.as_str();
        let mut pred_keys: Vec<HashSet<String>> = pred
            .entities
            .iter()
            .map(|e| keyset([e.name.as_str()]))
            .collect();
        for m in pred.mentions.iter().filter(|m| m.kind == MentionKind::Name) {
            if let (Some(keys), Some(surface)) = (pred_keys.get_mut(m.entity), m.span.get(text)) {
                keys.extend(keyset([surface]));
            }
        }
        let pred_parent = pred
            .entities
            .iter()
            .map(|e| e.parent_name.as_deref().map(normalize_party))
            .collect();

        let mut gold_keys = Vec::new();
        let mut gold_parent = Vec::new();
        let mut by_name = HashMap::new();
        for e in &gold.entities {
            by_name.entry(e.name.clone()).or_insert(gold_keys.len());
            let names =
                std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(String::as_str));
            gold_keys.push(keyset(names));
            gold_parent.push(e.parent.as_deref().map(normalize_party));
        }
        for r in &gold.relations {
            for name in [&r.subject, &r.object] {
                if !by_name.contains_key(name) {
                    by_name.insert(name.clone(), gold_keys.len());
                    gold_keys.push(keyset([name.as_str()]));
                    gold_parent.push(None);
                }
            }
        }
        let exact = pred_keys
            .iter()
            .map(|p| gold_keys.iter().map(|g| !p.is_disjoint(g)).collect())
            .collect();
        Self {
            pred_keys,
            pred_parent,
            gold_keys,
            gold_parent,
            by_name,
            exact,
        }
    }

    fn exact(&self, p: usize, g: usize) -> bool {
        self.exact
            .get(p)
            .and_then(|row| row.get(g))
            .copied()
            .unwrap_or(false)
    }

    /// Whether predicted entity `p` is gold party `g`, its parent or one of its units.
    fn same_family(&self, p: usize, g: usize) -> bool {
        if self.exact(p, g) {
            return true;
        }
        let (Some(p_keys), Some(g_keys)) = (self.pred_keys.get(p), self.gold_keys.get(g)) else {
            return false;
        };
        // The prediction names the parent where gold names the unit.
        let names_gold_parent = self.gold_parent[g].as_ref().is_some_and(|parent| {
            p_keys.contains(parent)
                || (0..self.gold_keys.len())
                    .any(|k| self.gold_keys[k].contains(parent) && self.exact(p, k))
        });
        // The prediction names a unit where gold names the parent: a gold unit
        // of `g`, or the prediction's own parent is `g`.
        let names_gold_unit = (0..self.gold_keys.len()).any(|k| {
            self.gold_parent[k]
                .as_ref()
                .is_some_and(|parent| g_keys.contains(parent))
                && self.exact(p, k)
        }) || self
            .pred_parent
            .get(p)
            .and_then(Option::as_ref)
            .is_some_and(|parent| g_keys.contains(parent));
        names_gold_parent || names_gold_unit
    }

    fn party(&self, p: usize, g: usize, family: bool) -> bool {
        if family {
            self.same_family(p, g)
        } else {
            self.exact(p, g)
        }
    }

    fn gold_index(&self, name: &str) -> usize {
        // Every relation party was indexed in `new`; `usize::MAX` matches nothing.
        self.by_name.get(name).copied().unwrap_or(usize::MAX)
    }
}

fn keyset<'a>(names: impl IntoIterator<Item = &'a str>) -> HashSet<String> {
    names
        .into_iter()
        .map(normalize_party)
        .filter(|k| !k.is_empty())
        .collect()
}

fn value_matches(pred: Decimal, gold: f64) -> bool {
    let Some(pred) = pred.to_f64() else {
        return false;
    };
    // The small relative slack absorbs float rounding at exactly 0.5%.
    (pred - gold).abs() <= gold.abs() * (VALUE_TOLERANCE + 1e-12)
}

fn amount_matches(pred: &Amount, gold: &GoldAmount) -> bool {
    pred.currency == gold.currency && value_matches(pred.value, gold.value)
}

fn score_entities(gold: &GoldArticle, pred: &Extraction, parties: &Parties) -> Counts {
    let mentioned: HashSet<usize> = pred.mentions.iter().map(|m| m.entity).collect();
    let pred_orgs: Vec<usize> = (0..pred.entities.len())
        .filter(|&p| pred.entities[p].entity_type == EntityType::Org && mentioned.contains(&p))
        .collect();
    let gold_orgs: Vec<usize> = (0..gold.entities.len())
        .filter(|&g| gold.entities[g].entity_type == EntityType::Org)
        .collect();
    let edges: Vec<Vec<(usize, u32)>> = pred_orgs
        .iter()
        .map(|&p| {
            (0..gold_orgs.len())
                .filter(|&j| parties.exact(p, gold_orgs[j]))
                .map(|j| (j, 0))
                .collect()
        })
        .collect();
    let tp = max_matching(&edges, gold_orgs.len())
        .iter()
        .flatten()
        .count();
    Counts::new(tp, pred_orgs.len() - tp, gold_orgs.len() - tp)
}

fn score_amounts(gold: &GoldArticle, pred: &[Amount]) -> Counts {
    let occurrences: Vec<Vec<Span>> = gold
        .amounts
        .iter()
        .map(|a| {
            gold.text
                .match_indices(a.text.as_str())
                .map(|(i, s)| Span::new(i, i + s.len()))
                .collect()
        })
        .collect();
    let overlapped = |p: &Amount, g: usize| occurrences[g].iter().any(|o| o.overlaps(p.span));
    let edges: Vec<Vec<(usize, u32)>> = pred
        .iter()
        .map(|p| {
            (0..gold.amounts.len())
                .filter(|&g| overlapped(p, g) && amount_matches(p, &gold.amounts[g]))
                .map(|g| (g, 0))
                .collect()
        })
        .collect();
    let matching = max_matching(&edges, gold.amounts.len());
    let tp = matching.iter().flatten().count();
    let mut counts = Counts::new(tp, 0, gold.amounts.len() - tp);
    for (p, amount) in pred.iter().enumerate() {
        if matching[p].is_some() {
            continue;
        }
        // A repeat of a gold amount text at an occurrence that no matched
        // prediction covers: gold lists the text once, so it is not counted.
        let repeat = edges[p].iter().any(|&(g, _)| {
            let text = &gold.amounts[g].text;
            let covered: Vec<Span> = matching
                .iter()
                .enumerate()
                .filter(|(_, m)| m.is_some_and(|h| &gold.amounts[h].text == text))
                .map(|(q, _)| pred[q].span)
                .collect();
            occurrences[g]
                .iter()
                .any(|o| o.overlaps(amount.span) && !covered.iter().any(|c| c.overlaps(*o)))
        });
        if repeat {
            counts.ignored += 1;
        } else {
            counts.fp += 1;
        }
    }
    counts
}

/// How a predicted relation relates to one gold line.
struct RelationEdge {
    parties: bool,
    amount: bool,
    status: bool,
}

fn relation_edge(
    gold: &GoldArticle,
    pred: &Extraction,
    parties: &Parties,
    r: &Relation,
    line: &GoldRelation,
) -> RelationEdge {
    let t = r.relation_type;
    let gold_type = line.relation_type;
    let type_ok = t == gold_type || line.alt_types.contains(&t);
    // Subsidiary parties must match exactly, else "Amazon is a unit of Amazon" scores.
    let family = t != RelationType::Subsidiary && gold_type != RelationType::Subsidiary;
    // Through an alt_types entry of an undirected line, or with an undirected
    // predicted type, the order is free.
    let ordered = t.is_directed() && gold_type.is_directed();
    let (gs, go) = (
        parties.gold_index(&line.subject),
        parties.gold_index(&line.object),
    );
    let forward = parties.party(r.subject, gs, family) && parties.party(r.object, go, family);
    let backward =
        !ordered && parties.party(r.subject, go, family) && parties.party(r.object, gs, family);
    let pred_amount = r.amount.and_then(|i| pred.amounts.get(i));
    let amount = match (&line.amount, pred_amount) {
        (None, None) => true,
        (Some(text), Some(p)) => gold.amount(text).is_some_and(|g| amount_matches(p, g)),
        _ => false,
    };
    RelationEdge {
        parties: type_ok && (forward || backward),
        amount,
        status: r.status == line.status,
    }
}

fn score_relations(
    gold: &GoldArticle,
    pred: &Extraction,
    parties: &Parties,
    score: &mut ArticleScore,
) {
    let required: Vec<&GoldRelation> = gold.relations.iter().filter(|l| !l.optional).collect();
    let optional: Vec<&GoldRelation> = gold.relations.iter().filter(|l| l.optional).collect();

    let mut rel_edges = Vec::with_capacity(pred.relations.len());
    let mut amount_edges = Vec::with_capacity(pred.relations.len());
    let mut matches_optional = Vec::with_capacity(pred.relations.len());
    for r in &pred.relations {
        let edges: Vec<(usize, RelationEdge)> = required
            .iter()
            .enumerate()
            .map(|(j, line)| (j, relation_edge(gold, pred, parties, r, line)))
            .filter(|(_, e)| e.parties)
            .collect();
        // Among equally large matchings, prefer pairs that agree on status,
        // then on amount: the pairing decides status accuracy and the listings.
        rel_edges.push(
            edges
                .iter()
                .map(|(j, e)| (*j, 2 * u32::from(e.status) + u32::from(e.amount)))
                .collect::<Vec<_>>(),
        );
        amount_edges.push(
            edges
                .iter()
                .filter(|(_, e)| e.amount)
                .map(|(j, e)| (*j, u32::from(e.status)))
                .collect::<Vec<_>>(),
        );
        matches_optional.push(
            optional
                .iter()
                .any(|line| relation_edge(gold, pred, parties, r, line).parties),
        );
    }

    let matching = max_matching(&rel_edges, required.len());
    let mut gold_hit = vec![false; required.len()];
    for (p, m) in matching.iter().enumerate() {
        let Some(j) = *m else {
            let t = pred.relations[p].relation_type;
            if matches_optional[p] {
                score.relations.ignored += 1;
            } else {
                score.relations.fp += 1;
                score.per_type.entry(t).or_default().fp += 1;
                score.spurious.push(pred_detail(pred, &pred.relations[p]));
            }
            continue;
        };
        gold_hit[j] = true;
        score.relations.tp += 1;
        score
            .per_type
            .entry(required[j].relation_type)
            .or_default()
            .tp += 1;
        score.status.total += 1;
        if pred.relations[p].status == required[j].status {
            score.status.correct += 1;
        }
    }
    for (j, line) in required.iter().enumerate() {
        if !gold_hit[j] {
            score.relations.fn_ += 1;
            score.per_type.entry(line.relation_type).or_default().fn_ += 1;
            score.missed.push(gold_detail(line));
        }
    }

    let amount_matching = max_matching(&amount_edges, required.len());
    let tp = amount_matching.iter().flatten().count();
    score.relation_amount.tp = tp;
    score.relation_amount.fn_ = required.len() - tp;
    for (p, m) in amount_matching.iter().enumerate() {
        if m.is_none() {
            if matches_optional[p] {
                score.relation_amount.ignored += 1;
            } else {
                score.relation_amount.fp += 1;
            }
        }
    }
}

fn gold_detail(line: &GoldRelation) -> GoldRelationDetail {
    GoldRelationDetail {
        relation_type: line.relation_type,
        subject: line.subject.clone(),
        object: line.object.clone(),
        amount: line.amount.clone(),
        status: line.status,
        evidence: line.evidence.clone(),
    }
}

fn pred_detail(pred: &Extraction, r: &Relation) -> PredRelationDetail {
    let name = |i: usize| {
        pred.entities
            .get(i)
            .map_or_else(|| format!("#{i}"), |e| e.name.clone())
    };
    let text = pred.text();
    PredRelationDetail {
        relation_type: r.relation_type,
        subject: name(r.subject),
        object: name(r.object),
        amount: r
            .amount
            .and_then(|i| pred.amounts.get(i))
            .and_then(|a| a.span.get(text))
            .map(str::to_owned),
        status: r.status,
        method: r.method.to_owned(),
        evidence: r.evidence.get(text).unwrap_or_default().to_owned(),
    }
}
