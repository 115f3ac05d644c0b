//! The classifier head: multinomial softmax regression over embedding features.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::{BertError, Label};

const FORMAT: &str = "dealwire-relation-head/1";

/// How the head is trained. Same data and config give a byte-identical model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrainConfig {
    /// Full-batch gradient steps.
    pub epochs: usize,
    /// Step size.
    pub learning_rate: f64,
    /// L2 penalty on the weights.
    pub l2: f64,
    /// Weight each class by the inverse of its frequency, so that rare types count.
    pub balanced: bool,
}

impl Default for TrainConfig {
    fn default() -> Self {
        Self {
            epochs: 400,
            learning_rate: 0.5,
            l2: 1e-3,
            balanced: true,
        }
    }
}

/// A trained head: standardisation, then one linear score per [`Label`] and a softmax.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SoftmaxHead {
    format: String,
    labels: Vec<String>,
    dim: usize,
    mean: Vec<f32>,
    scale: Vec<f32>,
    bias: Vec<f32>,
    weights: Vec<Vec<f32>>,
    examples: usize,
    config: TrainConfig,
}

/// Accuracy and macro-averaged F1 on labelled data.
#[derive(Clone, Debug, PartialEq)]
pub struct Metrics {
    /// Examples scored.
    pub examples: usize,
    /// Fraction predicted exactly (type and direction).
    pub accuracy: f64,
    /// Mean F1 over the labels that occur in the gold labels or the predictions.
    pub macro_f1: f64,
    /// F1 per label, for the labels that occur.
    pub per_label: Vec<(Label, f64)>,
}

/// Deterministic held-out split: every `every`-th example (the last of each block) is held out.
/// Returns (training indices, held-out indices).
pub fn holdout_split(n: usize, every: usize) -> (Vec<usize>, Vec<usize>) {
    let every = every.max(2);
    (0..n).partition(|i| i % every != every - 1)
}

impl SoftmaxHead {
    /// Fits the head on feature vectors and their labels.
    pub fn train(
        features: &[Vec<f32>],
        labels: &[Label],
        config: &TrainConfig,
    ) -> Result<Self, BertError> {
        if features.is_empty() || features.len() != labels.len() {
            return Err(BertError::Training(format!(
                "{} feature vectors for {} labels",
                features.len(),
                labels.len()
            )));
        }
        let dim = features[0].len();
        if let Some(bad) = features.iter().find(|f| f.len() != dim) {
            return Err(BertError::Dimension {
                expected: dim,
                got: bad.len(),
            });
        }
        let n = features.len();
        let k = Label::ALL.len();
        let mut mean = vec![0f64; dim];
        for f in features {
            for (m, x) in mean.iter_mut().zip(f) {
                *m += f64::from(*x);
            }
        }
        mean.iter_mut().for_each(|m| *m /= n as f64);
        let mut var = vec![0f64; dim];
        for f in features {
            for ((v, m), x) in var.iter_mut().zip(&mean).zip(f) {
                *v += (f64::from(*x) - m).powi(2);
            }
        }
        // A constant feature gets scale 1 instead of a division by zero.
        let scale: Vec<f64> = var
            .iter()
            .map(|v| {
                let sd = (v / n as f64).sqrt();
                if sd > 1e-8 { 1.0 / sd } else { 1.0 }
            })
            .collect();
        let xs: Vec<Vec<f64>> = features
            .iter()
            .map(|f| {
                f.iter()
                    .zip(&mean)
                    .zip(&scale)
                    .map(|((x, m), s)| (f64::from(*x) - m) * s)
                    .collect()
            })
            .collect();
        let ys: Vec<usize> = labels.iter().map(|l| l.index()).collect();
        let mut counts = vec![0usize; k];
        for &y in &ys {
            counts[y] += 1;
        }
        let present = counts.iter().filter(|&&c| c > 0).count() as f64;
        let sample_weight: Vec<f64> = ys
            .iter()
            .map(|&y| {
                if config.balanced {
                    n as f64 / (present * counts[y] as f64)
                } else {
                    1.0
                }
            })
            .collect();

        let mut w = vec![vec![0f64; dim]; k];
        let mut b = vec![0f64; k];
        let mut gw = vec![vec![0f64; dim]; k];
        let mut gb = vec![0f64; k];
        let mut probs = vec![0f64; k];
        for _ in 0..config.epochs {
            gw.iter_mut()
                .for_each(|g| g.iter_mut().for_each(|v| *v = 0.0));
            gb.iter_mut().for_each(|v| *v = 0.0);
            for ((x, &y), &sw) in xs.iter().zip(&ys).zip(&sample_weight) {
                softmax_into(&w, &b, x, &mut probs);
                for c in 0..k {
                    let d = sw * (probs[c] - if c == y { 1.0 } else { 0.0 });
                    gb[c] += d;
                    for (g, xv) in gw[c].iter_mut().zip(x) {
                        *g += d * xv;
                    }
                }
            }
            let step = config.learning_rate / n as f64;
            for c in 0..k {
                b[c] -= step * gb[c];
                for (wv, g) in w[c].iter_mut().zip(&gw[c]) {
                    *wv -= step * *g + config.learning_rate * config.l2 * *wv;
                }
            }
        }
        Ok(Self {
            format: FORMAT.to_owned(),
            labels: Label::ALL.iter().map(ToString::to_string).collect(),
            dim,
            mean: mean.iter().map(|&v| v as f32).collect(),
            scale: scale.iter().map(|&v| v as f32).collect(),
            bias: b.iter().map(|&v| v as f32).collect(),
            weights: w
                .iter()
                .map(|r| r.iter().map(|&v| v as f32).collect())
                .collect(),
            examples: n,
            config: config.clone(),
        })
    }

    /// Size of the feature vectors the head reads.
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// One probability per label, in [`Label::ALL`] order.
    pub fn predict(&self, features: &[f32]) -> Result<Vec<f32>, BertError> {
        if features.len() != self.dim {
            return Err(BertError::Dimension {
                expected: self.dim,
                got: features.len(),
            });
        }
        let x: Vec<f64> = features
            .iter()
            .zip(&self.mean)
            .zip(&self.scale)
            .map(|((x, m), s)| (f64::from(*x) - f64::from(*m)) * f64::from(*s))
            .collect();
        let w: Vec<Vec<f64>> = self
            .weights
            .iter()
            .map(|r| r.iter().map(|&v| f64::from(v)).collect())
            .collect();
        let b: Vec<f64> = self.bias.iter().map(|&v| f64::from(v)).collect();
        let mut probs = vec![0f64; self.bias.len()];
        softmax_into(&w, &b, &x, &mut probs);
        Ok(probs.into_iter().map(|p| p as f32).collect())
    }

    /// The most probable label and its probability.
    pub fn classify(&self, features: &[f32]) -> Result<(Label, f32), BertError> {
        let probs = self.predict(features)?;
        Ok(argmax(&probs))
    }

    /// Scores the head on labelled feature vectors.
    pub fn evaluate(&self, features: &[Vec<f32>], labels: &[Label]) -> Result<Metrics, BertError> {
        let mut predicted = Vec::with_capacity(features.len());
        for f in features {
            predicted.push(self.classify(f)?.0);
        }
        Ok(Metrics::compute(labels, &predicted))
    }

    /// The model as JSON text (one line, then a newline).
    pub fn to_json(&self) -> Result<String, BertError> {
        let mut s = serde_json::to_string(self).map_err(|e| BertError::Training(e.to_string()))?;
        s.push('\n');
        Ok(s)
    }

    /// Writes the model to `path`.
    pub fn save(&self, path: &Path) -> Result<(), BertError> {
        std::fs::write(path, self.to_json()?).map_err(|source| BertError::Io {
            path: path.to_owned(),
            source,
        })
    }

    /// Reads and checks a model written by [`SoftmaxHead::save`].
    pub fn load(path: &Path) -> Result<Self, BertError> {
        let text = std::fs::read_to_string(path).map_err(|source| BertError::Io {
            path: path.to_owned(),
            source,
        })?;
        let bad = |reason: String| BertError::HeadFile {
            path: path.to_owned(),
            reason,
        };
        let head: SoftmaxHead = serde_json::from_str(&text).map_err(|e| bad(e.to_string()))?;
        let labels: Vec<String> = Label::ALL.iter().map(ToString::to_string).collect();
        if head.format != FORMAT {
            return Err(bad(format!(
                "format {:?}, expected {FORMAT:?}",
                head.format
            )));
        }
        if head.labels != labels {
            return Err(bad("labels differ from this version's".to_owned()));
        }
        let shapes_ok = head.mean.len() == head.dim
            && head.scale.len() == head.dim
            && head.bias.len() == labels.len()
            && head.weights.len() == labels.len()
            && head.weights.iter().all(|r| r.len() == head.dim);
        if !shapes_ok {
            return Err(bad("array sizes do not match dim and labels".to_owned()));
        }
        Ok(head)
    }
}

fn softmax_into(w: &[Vec<f64>], b: &[f64], x: &[f64], out: &mut [f64]) {
    for ((o, wr), bc) in out.iter_mut().zip(w).zip(b) {
        *o = bc + wr.iter().zip(x).map(|(a, c)| a * c).sum::<f64>();
    }
    let max = out.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut total = 0.0;
    for o in out.iter_mut() {
        *o = (*o - max).exp();
        total += *o;
    }
    out.iter_mut().for_each(|o| *o /= total);
}

/// The label with the highest probability (the first one on ties).
pub(crate) fn argmax(probs: &[f32]) -> (Label, f32) {
    let mut best = (Label::None, f32::NEG_INFINITY);
    for (label, &p) in Label::ALL.iter().zip(probs) {
        if p > best.1 {
            best = (*label, p);
        }
    }
    best
}

impl Metrics {
    /// Compares gold labels with predictions.
    pub fn compute(gold: &[Label], predicted: &[Label]) -> Self {
        let n = gold.len().min(predicted.len());
        let correct = gold.iter().zip(predicted).filter(|(g, p)| g == p).count();
        let mut per_label = Vec::new();
        for label in Label::ALL {
            let tp = gold
                .iter()
                .zip(predicted)
                .filter(|(g, p)| **g == label && **p == label)
                .count();
            let g = gold.iter().take(n).filter(|l| **l == label).count();
            let p = predicted.iter().take(n).filter(|l| **l == label).count();
            if g + p == 0 {
                continue;
            }
            per_label.push((label, 2.0 * tp as f64 / (g + p) as f64));
        }
        let macro_f1 = if per_label.is_empty() {
            0.0
        } else {
            per_label.iter().map(|(_, f)| f).sum::<f64>() / per_label.len() as f64
        };
        Self {
            examples: n,
            accuracy: if n == 0 {
                0.0
            } else {
                correct as f64 / n as f64
            },
            macro_f1,
            per_label,
        }
    }
}

#[cfg(test)]
mod tests {
    use dealwire_core::RelationType;

    use super::*;
    use crate::Party;

    /// Three labels, each a noisy cluster around its own corner of a 4-d space.
    fn separable() -> (Vec<Vec<f32>>, Vec<Label>) {
        let classes = [
            (Label::None, [1.0, 0.0, 0.0, 0.5]),
            (
                Label::relation(RelationType::Investor, Party::First),
                [0.0, 1.0, 0.0, 0.5],
            ),
            (
                Label::relation(RelationType::Investor, Party::Second),
                [0.0, 0.0, 1.0, 0.5],
            ),
        ];
        let mut xs = Vec::new();
        let mut ys = Vec::new();
        for i in 0..30 {
            let (label, centre) = classes[i % 3];
            let jitter = ((i * 7) % 11) as f32 / 40.0 - 0.125;
            xs.push(
                centre
                    .iter()
                    .enumerate()
                    .map(|(d, c)| c + if d == i % 4 { jitter } else { -jitter / 2.0 })
                    .collect(),
            );
            ys.push(label);
        }
        (xs, ys)
    }

    #[test]
    fn learns_a_separable_set() {
        let (xs, ys) = separable();
        let head = SoftmaxHead::train(&xs, &ys, &TrainConfig::default()).unwrap();
        let m = head.evaluate(&xs, &ys).unwrap();
        assert_eq!(m.accuracy, 1.0);
        assert_eq!(m.per_label.len(), 3);
        let (label, p) = head.classify(&[0.05, 0.9, 0.1, 0.5]).unwrap();
        assert_eq!(label.to_string(), "investor(1,2)");
        assert!(p > 0.8, "confident on a clear point, got {p}");
    }

    #[test]
    fn training_is_deterministic_and_round_trips() {
        let (xs, ys) = separable();
        let a = SoftmaxHead::train(&xs, &ys, &TrainConfig::default()).unwrap();
        let b = SoftmaxHead::train(&xs, &ys, &TrainConfig::default()).unwrap();
        assert_eq!(a.to_json().unwrap(), b.to_json().unwrap());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("head.json");
        a.save(&path).unwrap();
        let back = SoftmaxHead::load(&path).unwrap();
        assert_eq!(back.to_json().unwrap(), a.to_json().unwrap());
        assert_eq!(back.predict(&xs[4]).unwrap(), a.predict(&xs[4]).unwrap());
    }

    #[test]
    fn rejects_bad_inputs_and_files() {
        let (xs, ys) = separable();
        assert!(SoftmaxHead::train(&xs, &ys[..3], &TrainConfig::default()).is_err());
        let head = SoftmaxHead::train(&xs, &ys, &TrainConfig::default()).unwrap();
        assert!(matches!(
            head.predict(&[1.0]),
            Err(BertError::Dimension {
                expected: 4,
                got: 1
            })
        ));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("head.json");
        std::fs::write(
            &path,
            head.to_json().unwrap().replace("\"dim\":4", "\"dim\":5"),
        )
        .unwrap();
        assert!(matches!(
            SoftmaxHead::load(&path),
            Err(BertError::HeadFile { .. })
        ));
    }

    #[test]
    fn metrics_count_macro_f1_over_occurring_labels() {
        let inv = Label::relation(RelationType::Investor, Party::First);
        let gold = [Label::None, Label::None, inv, inv];
        let pred = [Label::None, inv, inv, inv];
        let m = Metrics::compute(&gold, &pred);
        assert_eq!(m.accuracy, 0.75);
        // none: 2*1/(2+1) = 0.667; investor: 2*2/(2+3) = 0.8.
        assert!((m.macro_f1 - (2.0 / 3.0 + 0.8) / 2.0).abs() < 1e-12);
        assert_eq!(holdout_split(7, 5), (vec![0, 1, 2, 3, 5, 6], vec![4]));
    }
}
