//! The stage's settings in a pipeline file.

use std::path::PathBuf;

use serde::Deserialize;

use crate::Policy;

/// Settings of the learned relation stage, as written in a pipeline file:
///
/// ```toml
/// [[stages]]
/// type = "bert"
/// model = "../models/bert/minilm"
/// head = "../models/relations-train/head-minilm.json"
/// add_threshold = 0.7
/// ```
///
/// Paths are relative to the pipeline file. The facade parses this with or
/// without the `bert` feature; only building it needs the feature.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BertConfig {
    /// Folder of the sentence-embedding model (all-MiniLM-L6-v2, from models/setup-bert.sh).
    pub model: PathBuf,
    /// Head file written by `dealwire train`.
    pub head: PathBuf,
    /// See [`Policy::add_threshold`].
    #[serde(default)]
    pub add_threshold: Option<f32>,
    /// See [`Policy::rule_confidence`].
    #[serde(default)]
    pub rule_confidence: Option<f32>,
    /// See [`Policy::max_parties`].
    #[serde(default)]
    pub max_parties: Option<usize>,
}

impl BertConfig {
    /// The policy these settings describe (defaults for what is not set).
    pub fn policy(&self) -> Policy {
        let d = Policy::default();
        Policy {
            add_threshold: self.add_threshold.unwrap_or(d.add_threshold),
            rule_confidence: self.rule_confidence.unwrap_or(d.rule_confidence),
            max_parties: self.max_parties.unwrap_or(d.max_parties),
            batch_size: d.batch_size,
        }
    }

    /// Loads the model and head, resolving paths against `base` (the pipeline file's folder).
    #[cfg(feature = "bert")]
    pub fn build(
        &self,
        base: &std::path::Path,
    ) -> Result<crate::RelationStage<crate::MiniLmEmbedder>, crate::BertError> {
        let embedder = crate::MiniLmEmbedder::new(&base.join(&self.model))?;
        let head = crate::SoftmaxHead::load(&base.join(&self.head))?;
        crate::RelationStage::new(embedder, head, self.policy())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_with_defaults_and_rejects_unknown_keys() {
        let c: BertConfig = toml_like(r#"{"model": "m", "head": "h.json", "add_threshold": 0.9}"#);
        assert_eq!(c.policy().add_threshold, 0.9);
        assert_eq!(
            c.policy().rule_confidence,
            Policy::default().rule_confidence
        );
        assert!(
            serde_json::from_str::<BertConfig>(r#"{"model": "m", "head": "h", "thresh": 1}"#)
                .is_err()
        );
    }

    fn toml_like(json: &str) -> BertConfig {
        serde_json::from_str(json).unwrap()
    }
}
