//! Candidate selection, the combination policy and the stage itself.

use std::collections::BTreeSet;
use std::ops::Range;

use dealwire_core::{AmountKind, Extraction, MentionKind, Relation, RelationType, Stage, Status};

use crate::head::argmax;
use crate::{BertError, Embedder, Label, MarkedPair, Party, SoftmaxHead, featurize, mark};

/// Method recorded on relations the model adds.
pub const METHOD_ADDED: &str = "bert";
/// Method recorded on the rule relation the model kept among conflicting ones.
pub const METHOD_TIEBREAK: &str = "bert_tiebreak";

/// How the model's output is combined with the rules.
#[derive(Clone, Debug, PartialEq)]
pub struct Policy {
    /// Least probability of the model's top label for it to add a relation.
    pub add_threshold: f32,
    /// A pair whose rule relations all agree and reach this confidence is settled
    /// and not sent to the model.
    pub rule_confidence: f32,
    /// Sentences naming more parties than this are skipped (lists of names,
    /// where pairs multiply and rarely relate).
    pub max_parties: usize,
    /// Marked pairs per embedder call.
    pub batch_size: usize,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            add_threshold: 0.7,
            rule_confidence: 0.8,
            max_parties: 6,
            batch_size: 64,
        }
    }
}

/// One sentence/party pair sent to the model.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// Index of the article in the batch.
    pub doc: usize,
    /// Index of the sentence.
    pub sentence: usize,
    /// Entity marked `[E1]` (mentioned first in the sentence).
    pub first: usize,
    /// Entity marked `[E2]`.
    pub second: usize,
    /// Indices in `doc.relations` of the rule relations between the two in this sentence.
    pub rules: Vec<usize>,
    /// The marked views.
    pub pair: MarkedPair,
}

/// What a batch did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BatchReport {
    /// Pairs sent to the model.
    pub candidates: usize,
    /// Relations added.
    pub added: usize,
    /// Groups of conflicting rule relations reduced to one.
    pub tie_breaks: usize,
}

fn rule_label(r: &Relation, first: usize) -> Label {
    let subject = if r.subject == first {
        Party::First
    } else {
        Party::Second
    };
    Label::relation(r.relation_type, subject)
}

/// The pairs of `doc` worth sending to the model: two different parties named
/// (or described) in one sentence, unless the rules settled the pair there (every
/// rule relation between them in that sentence agrees and is confident).
/// Conflicting rule relations always make a candidate, so the model can break the tie.
pub fn candidates(doc: &Extraction, doc_index: usize, policy: &Policy) -> Vec<Candidate> {
    let text = doc.text();
    let mut out = Vec::new();
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let Some(stext) = sentence.span.get(text) else {
            continue;
        };
        let base = sentence.span.start();
        let mut mentions: Vec<(usize, Range<usize>)> = doc
            .sentence_mentions(si)
            .filter(|m| matches!(m.kind, MentionKind::Name | MentionKind::Description))
            .filter(|m| {
                doc.entities
                    .get(m.entity)
                    .is_some_and(|e| e.role.can_be_party())
            })
            .filter(|m| sentence.span.contains(m.span))
            .map(|m| (m.entity, m.span.start() - base..m.span.end() - base))
            .collect();
        mentions.sort_by_key(|(e, r)| (r.start, r.end, *e));
        // Overlapping mentions cannot both be marked; the earlier, longer one wins.
        let mut kept: Vec<(usize, Range<usize>)> = Vec::with_capacity(mentions.len());
        for (e, r) in mentions {
            if kept.last().is_none_or(|(_, k)| k.end <= r.start) {
                kept.push((e, r));
            }
        }
        let mut parties: Vec<usize> = Vec::new();
        for (e, _) in &kept {
            if !parties.contains(e) {
                parties.push(*e);
            }
        }
        if parties.len() < 2 || parties.len() > policy.max_parties {
            continue;
        }
        for (i, &a) in parties.iter().enumerate() {
            for &b in &parties[i + 1..] {
                let rules: Vec<usize> = doc
                    .relations
                    .iter()
                    .enumerate()
                    .filter(|(_, r)| {
                        r.sentence == si
                            && ((r.subject == a && r.object == b)
                                || (r.subject == b && r.object == a))
                    })
                    .map(|(i, _)| i)
                    .collect();
                let labels: BTreeSet<Label> = rules
                    .iter()
                    .map(|&i| rule_label(&doc.relations[i], a))
                    .collect();
                let confident = rules
                    .iter()
                    .all(|&i| doc.relations[i].confidence >= policy.rule_confidence);
                if !rules.is_empty() && labels.len() == 1 && confident {
                    continue;
                }
                let ranges = |who: usize| -> Vec<Range<usize>> {
                    kept.iter()
                        .filter(|(e, _)| *e == who)
                        .map(|(_, r)| r.clone())
                        .collect()
                };
                // `a` is mentioned before `b` (parties are in order of first mention).
                let Ok((pair, _)) = mark(stext, &ranges(a), &ranges(b)) else {
                    continue;
                };
                out.push(Candidate {
                    doc: doc_index,
                    sentence: si,
                    first: a,
                    second: b,
                    rules,
                    pair,
                });
            }
        }
    }
    out
}

/// The learned relation stage: runs after the rule resolver and adds or arbitrates relations.
pub struct RelationStage<E> {
    embedder: E,
    head: SoftmaxHead,
    policy: Policy,
}

impl<E> std::fmt::Debug for RelationStage<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RelationStage")
            .field("dim", &self.head.dim())
            .field("policy", &self.policy)
            .finish_non_exhaustive()
    }
}

impl<E: Embedder> RelationStage<E> {
    /// A stage from an embedder, a trained head and a policy.
    ///
    /// Checks that the embedder's vectors fit the head.
    pub fn new(embedder: E, head: SoftmaxHead, policy: Policy) -> Result<Self, BertError> {
        let probe = MarkedPair {
            sentence: "[E1] works with [E2].".to_owned(),
            core: "[E1] works with [E2]".to_owned(),
        };
        let features = featurize(&embedder, &[&probe])?;
        let got = features.first().map_or(0, Vec::len);
        if got != head.dim() {
            return Err(BertError::Dimension {
                expected: head.dim(),
                got,
            });
        }
        Ok(Self {
            embedder,
            head,
            policy,
        })
    }

    /// Runs the stage over many articles at once, so that the embedder sees full batches.
    pub fn run_batch(&self, docs: &mut [Extraction]) -> Result<BatchReport, BertError> {
        let cands: Vec<Candidate> = docs
            .iter()
            .enumerate()
            .flat_map(|(i, d)| candidates(d, i, &self.policy))
            .collect();
        let mut probs = Vec::with_capacity(cands.len());
        for chunk in cands.chunks(self.policy.batch_size.max(1)) {
            let pairs: Vec<&MarkedPair> = chunk.iter().map(|c| &c.pair).collect();
            for f in featurize(&self.embedder, &pairs)? {
                probs.push(self.head.predict(&f)?);
            }
        }
        let mut report = BatchReport {
            candidates: cands.len(),
            ..BatchReport::default()
        };
        let mut start = 0;
        for (di, doc) in docs.iter_mut().enumerate() {
            let end = start + cands[start..].iter().take_while(|c| c.doc == di).count();
            let r = apply(doc, &cands[start..end], &probs[start..end], &self.policy);
            report.added += r.added;
            report.tie_breaks += r.tie_breaks;
            start = end;
        }
        Ok(report)
    }
}

/// Applies the model's probabilities for one article's candidates.
///
/// - Conflicting rule relations for a pair: the one whose label the model finds
///   most probable is kept (method [`METHOD_TIEBREAK`]), the others are dropped.
/// - Otherwise, when the model's top label is a relation with probability at least
///   `add_threshold`, differs from the rules' and is not already in the article, it
///   is added with method [`METHOD_ADDED`], status announced, and the sentence's
///   amount when the sentence has exactly one total amount and the type carries money.
fn apply(
    doc: &mut Extraction,
    cands: &[Candidate],
    probs: &[Vec<f32>],
    policy: &Policy,
) -> BatchReport {
    let mut report = BatchReport::default();
    let mut drop: BTreeSet<usize> = BTreeSet::new();
    let mut added: Vec<Relation> = Vec::new();
    for (c, p) in cands.iter().zip(probs) {
        let labels: BTreeSet<Label> = c
            .rules
            .iter()
            .map(|&i| rule_label(&doc.relations[i], c.first))
            .collect();
        if labels.len() > 1 {
            let best = labels
                .iter()
                .copied()
                .max_by(|x, y| p[x.index()].total_cmp(&p[y.index()]).then(y.cmp(x)));
            let mut kept = false;
            for &i in &c.rules {
                if !kept && Some(rule_label(&doc.relations[i], c.first)) == best {
                    doc.relations[i].method = METHOD_TIEBREAK;
                    kept = true;
                } else {
                    drop.insert(i);
                }
            }
            report.tie_breaks += 1;
            continue;
        }
        let (label, prob) = argmax(p);
        let Label::Relation {
            relation_type,
            subject,
        } = label
        else {
            continue;
        };
        if prob < policy.add_threshold || labels.contains(&label) {
            continue;
        }
        let (s, o) = match subject {
            Party::First => (c.first, c.second),
            Party::Second => (c.second, c.first),
        };
        let same = |r: &Relation| {
            r.relation_type == relation_type
                && ((r.subject == s && r.object == o)
                    || (!relation_type.is_directed() && r.subject == o && r.object == s))
        };
        if doc.relations.iter().any(same) || added.iter().any(same) {
            continue;
        }
        let Some(sentence) = doc.sentences.get(c.sentence) else {
            continue;
        };
        let carries_money = matches!(
            relation_type,
            RelationType::Investor
                | RelationType::Acquirer
                | RelationType::Partner
                | RelationType::Supplier
        );
        let totals: Vec<usize> = doc
            .sentence_amounts(c.sentence)
            .filter(|(_, a)| a.kind == AmountKind::Total)
            .map(|(i, _)| i)
            .collect();
        added.push(Relation {
            relation_type,
            subject: s,
            object: o,
            amount: (carries_money && totals.len() == 1).then(|| totals[0]),
            stake_pct: None,
            valuation: None,
            status: Status::Announced,
            confidence: prob,
            sentence: c.sentence,
            evidence: sentence.span,
            method: METHOD_ADDED,
        });
    }
    report.added = added.len();
    let mut index = 0;
    doc.relations.retain(|_| {
        let keep = !drop.contains(&index);
        index += 1;
        keep
    });
    doc.relations.extend(added);
    report
}

impl<E: Embedder> Stage for RelationStage<E> {
    /// Runs the stage on one article; an embedder failure leaves the rules' relations as they are.
    fn run(&self, doc: &mut Extraction) {
        if let Err(error) = self.run_batch(std::slice::from_mut(doc)) {
            tracing::warn!(article = %doc.article.id, %error, "learned relation stage skipped");
        }
    }
}
