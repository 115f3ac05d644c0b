//! Micro-averaged figures over a set of articles, and their rendering.

use std::fmt;

use dealwire_core::RelationType;
use serde::Serialize;

use crate::score::{ArticleScore, GoldRelationDetail, PredRelationDetail};

/// Hit and error counts of one measure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// True positives: predictions paired with a gold item.
    pub tp: usize,
    /// False positives: predictions paired with nothing.
    pub fp: usize,
    /// False negatives: required gold items paired with nothing.
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// Predictions neither credited nor penalised (an optional relation, a
    /// repeat of an amount text that gold lists once).
    pub ignored: usize,
}

impl Counts {
    /// Counts with nothing ignored.
    pub const fn new(tp: usize, fp: usize, fn_: usize) -> Self {
        Self {
            tp,
            fp,
            fn_,
            ignored: 0,
        }
    }

    /// Adds `other` into `self`.
    pub fn add(&mut self, other: &Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
        self.ignored += other.ignored;
    }

    /// `tp / (tp + fp)`, 0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// `tp / (tp + fn)`, 0 when gold holds nothing.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// Harmonic mean of precision and recall, 0 when both are 0.
    pub fn f1(&self) -> f64 {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }

    /// The counts with their ratios.
    pub fn figures(&self) -> Figures {
        Figures {
            counts: *self,
            precision: self.precision(),
            recall: self.recall(),
            f1: self.f1(),
        }
    }
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

/// Status agreement over matched relation pairs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct StatusCounts {
    /// Matched pairs whose statuses agree.
    pub correct: usize,
    /// Matched pairs.
    pub total: usize,
}

impl StatusCounts {
    /// `correct / total`, 0 when nothing matched.
    pub fn accuracy(&self) -> f64 {
        ratio(self.correct, self.total)
    }
}

/// Counts with precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Figures {
    /// The counts.
    #[serde(flatten)]
    pub counts: Counts,
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
}

/// Status accuracy with its counts.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct StatusFigures {
    /// Matched pairs whose statuses agree.
    pub correct: usize,
    /// Matched pairs.
    pub total: usize,
    /// `correct / total`.
    pub accuracy: f64,
}

/// Relation figures of one type.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TypeFigures {
    /// The type.
    pub relation_type: RelationType,
    /// Hits and misses counted under the gold type, false positives under the predicted type.
    #[serde(flatten)]
    pub figures: Figures,
}

/// The relation errors of one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleDetail {
    /// Article id.
    pub id: String,
    /// Required gold relations that no prediction matched.
    pub missed: Vec<GoldRelationDetail>,
    /// Predicted relations that matched no gold line.
    pub spurious: Vec<PredRelationDetail>,
}

/// Micro-averaged figures over a set of articles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Number of articles scored.
    pub articles: usize,
    /// Distinct ORG entities.
    pub entities: Figures,
    /// Amounts of money.
    pub amounts: Figures,
    /// Relations: type and parties.
    pub relations: Figures,
    /// Relations whose amount matches too.
    pub relation_amount: Figures,
    /// Status accuracy over matched relations.
    pub status: StatusFigures,
    /// Relation figures by type, in [`RelationType::ALL`] order.
    pub per_type: Vec<TypeFigures>,
    /// Articles with missed or spurious relations.
    pub details: Vec<ArticleDetail>,
}

/// Adds up article scores into micro-averaged figures.
pub fn aggregate(scores: &[ArticleScore]) -> Report {
    let mut entities = Counts::default();
    let mut amounts = Counts::default();
    let mut relations = Counts::default();
    let mut relation_amount = Counts::default();
    let mut status = StatusCounts::default();
    let mut per_type = [Counts::default(); RelationType::ALL.len()];
    let mut details = Vec::new();
    for s in scores {
        entities.add(&s.entities);
        amounts.add(&s.amounts);
        relations.add(&s.relations);
        relation_amount.add(&s.relation_amount);
        status.correct += s.status.correct;
        status.total += s.status.total;
        for (t, counts) in RelationType::ALL.iter().zip(per_type.iter_mut()) {
            if let Some(c) = s.per_type.get(t) {
                counts.add(c);
            }
        }
        if !s.missed.is_empty() || !s.spurious.is_empty() {
            details.push(ArticleDetail {
                id: s.id.clone(),
                missed: s.missed.clone(),
                spurious: s.spurious.clone(),
            });
        }
    }
    Report {
        articles: scores.len(),
        entities: entities.figures(),
        amounts: amounts.figures(),
        relations: relations.figures(),
        relation_amount: relation_amount.figures(),
        status: StatusFigures {
            correct: status.correct,
            total: status.total,
            accuracy: status.accuracy(),
        },
        per_type: RelationType::ALL
            .iter()
            .zip(per_type.iter())
            .map(|(&relation_type, c)| TypeFigures {
                relation_type,
                figures: c.figures(),
            })
            .collect(),
        details,
    }
}

impl Report {
    /// The figures as a table; with `verbose`, followed by each article's
    /// missed and spurious relations.
    pub fn render(&self, verbose: bool) -> String {
        let mut out = String::new();
        self.write_table(&mut out);
        if verbose {
            self.write_details(&mut out);
        }
        out
    }

    fn write_table(&self, out: &mut String) {
        use fmt::Write;
        let row = |out: &mut String, name: &str, f: &Figures| {
            let c = &f.counts;
            // Writing to a String cannot fail.
            let _ = writeln!(
                out,
                "{name:<18}{:>6}{:>6}{:>6}{:>8}{:>11.3}{:>8.3}{:>8.3}",
                c.tp, c.fp, c.fn_, c.ignored, f.precision, f.recall, f.f1
            );
        };
        let _ = writeln!(out, "articles: {}", self.articles);
        let _ = writeln!(
            out,
            "{:<18}{:>6}{:>6}{:>6}{:>8}{:>11}{:>8}{:>8}",
            "measure", "tp", "fp", "fn", "ignored", "precision", "recall", "f1"
        );
        row(out, "entities", &self.entities);
        row(out, "amounts", &self.amounts);
        row(out, "relations", &self.relations);
        row(out, "relation+amount", &self.relation_amount);
        let _ = writeln!(
            out,
            "status accuracy: {}/{} = {:.3}",
            self.status.correct, self.status.total, self.status.accuracy
        );
        let _ = writeln!(out, "by relation type:");
        for t in &self.per_type {
            row(out, &format!("  {}", t.relation_type.as_str()), &t.figures);
        }
    }

    fn write_details(&self, out: &mut String) {
        use fmt::Write;
        for article in &self.details {
            let _ = writeln!(out, "\n== {}", article.id);
            for g in &article.missed {
                let _ = writeln!(
                    out,
                    "  missed   {}({} -> {}) amount={} status={}\n           evidence: {}",
                    g.relation_type.as_str(),
                    g.subject,
                    g.object,
                    g.amount.as_deref().unwrap_or("-"),
                    g.status.as_str(),
                    g.evidence
                );
            }
            for p in &article.spurious {
                let _ = writeln!(
                    out,
                    "  spurious {}({} -> {}) amount={} status={} method={}\n           evidence: {}",
                    p.relation_type.as_str(),
                    p.subject,
                    p.object,
                    p.amount.as_deref().unwrap_or("-"),
                    p.status.as_str(),
                    p.method,
                    p.evidence
                );
            }
        }
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}
