//! Pipeline files: parse, validate, then build.

use std::path::{Path, PathBuf};

use dealwire_core::Stage;
use dealwire_relate::Resolver;
use dealwire_tag::{EntityTagger, Gazetteer, MoneyTagger};
use dealwire_text::Tokenizer;
use serde::Deserialize;

use crate::{Pipeline, PipelineError};

/// A parsed pipeline file (`pipelines/*.toml`).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PipelineConfig {
    /// Name recorded with every processed article.
    pub name: String,
    /// Stages, in the order they run.
    pub stages: Vec<StageConfig>,
}

/// One stage of a pipeline file.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum StageConfig {
    /// Paragraphs, sentences and tokens.
    Tokenize {},
    /// Organisations, people and governments.
    Entities {
        /// Where the gazetteer comes from.
        #[serde(default)]
        gazetteer: GazetteerSource,
    },
    /// Money amounts.
    Money {},
    /// Relations between the tagged entities.
    Relations {},
    /// The learned relation stage (needs the `bert` cargo feature to build).
    Bert(dealwire_bert::BertConfig),
}

impl StageConfig {
    fn kind(&self) -> &'static str {
        match self {
            StageConfig::Tokenize {} => "tokenize",
            StageConfig::Entities { .. } => "entities",
            StageConfig::Money {} => "money",
            StageConfig::Relations {} => "relations",
            StageConfig::Bert(_) => "bert",
        }
    }
}

/// Where a gazetteer is read from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(from = "String")]
pub enum GazetteerSource {
    /// The gazetteer compiled into the binary.
    #[default]
    Embedded,
    /// A file in the gazetteer format, relative to the pipeline file.
    Path(PathBuf),
}

impl From<String> for GazetteerSource {
    fn from(s: String) -> Self {
        if s == "embedded" {
            GazetteerSource::Embedded
        } else {
            GazetteerSource::Path(PathBuf::from(s))
        }
    }
}

impl PipelineConfig {
    /// Reads and parses a pipeline file (no stage is built yet).
    pub fn from_file(path: &Path) -> Result<Self, PipelineError> {
        let text = std::fs::read_to_string(path).map_err(|source| PipelineError::Read {
            path: path.display().to_string(),
            source,
        })?;
        Self::parse(&text).map_err(|source| PipelineError::Parse {
            path: path.display().to_string(),
            source: Box::new(source),
        })
    }

    /// Parses pipeline TOML.
    pub fn parse(text: &str) -> Result<Self, toml::de::Error> {
        toml::from_str(text)
    }

    /// Checks that the stages can run in the given order: each stage once,
    /// tokenize first, and relations after both taggers.
    pub fn validate(&self) -> Result<(), PipelineError> {
        let invalid = |reason: String| PipelineError::Invalid {
            name: self.name.clone(),
            reason,
        };
        let position = |kind: &str| self.stages.iter().position(|s| s.kind() == kind);
        for (i, stage) in self.stages.iter().enumerate() {
            if position(stage.kind()) != Some(i) {
                return Err(invalid(format!("stage {} appears twice", stage.kind())));
            }
        }
        if position("tokenize") != Some(0) {
            return Err(invalid("the first stage must be tokenize".to_owned()));
        }
        if let Some(rel) = position("relations") {
            for needed in ["entities", "money"] {
                if position(needed).is_none_or(|p| p >= rel) {
                    return Err(invalid(format!("relations needs {needed} before it")));
                }
            }
        }
        if let Some(bert) = position("bert") {
            if position("relations").is_none_or(|p| p >= bert) {
                return Err(invalid("bert needs relations before it".to_owned()));
            }
        }
        Ok(())
    }

    /// Validates, then compiles every stage. Relative paths are resolved against `base`.
    pub fn build(self, base: &Path) -> Result<Pipeline, PipelineError> {
        self.validate()?;
        let mut stages: Vec<Box<dyn Stage>> = Vec::with_capacity(self.stages.len());
        for stage in self.stages {
            stages.push(match stage {
                StageConfig::Tokenize {} => Box::new(Tokenizer::new()),
                StageConfig::Entities { gazetteer } => {
                    let gazetteer = match gazetteer {
                        GazetteerSource::Embedded => Gazetteer::embedded()?,
                        GazetteerSource::Path(p) => Gazetteer::from_path(&base.join(p))?,
                    };
                    Box::new(EntityTagger::new(gazetteer)?)
                }
                StageConfig::Money {} => Box::new(MoneyTagger::new()),
                StageConfig::Relations {} => Box::new(Resolver::new()),
                StageConfig::Bert(config) => build_bert(&config, base, &self.name)?,
            });
        }
        Ok(Pipeline {
            name: self.name,
            stages,
        })
    }
}

#[cfg(feature = "bert")]
fn build_bert(
    config: &dealwire_bert::BertConfig,
    base: &Path,
    _pipeline: &str,
) -> Result<Box<dyn Stage>, PipelineError> {
    Ok(Box::new(config.build(base)?))
}

#[cfg(not(feature = "bert"))]
fn build_bert(
    _config: &dealwire_bert::BertConfig,
    _base: &Path,
    pipeline: &str,
) -> Result<Box<dyn Stage>, PipelineError> {
    Err(PipelineError::Invalid {
        name: pipeline.to_owned(),
        reason: "the bert stage needs a build with the `bert` cargo feature \
                 (see models/bert/README.md)"
            .to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pipelines_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../pipelines")
    }

    #[test]
    fn every_bundled_pipeline_file_parses_and_builds() {
        let mut seen = 0;
        for entry in std::fs::read_dir(pipelines_dir()).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "toml") {
                let config = PipelineConfig::from_file(&path).unwrap();
                let needs_bert = config
                    .stages
                    .iter()
                    .any(|s| matches!(s, StageConfig::Bert(_)));
                if needs_bert && !cfg!(feature = "bert") {
                    config.validate().unwrap();
                    continue;
                }
                let p = Pipeline::from_file(&path)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                assert!(!p.name().is_empty());
                seen += 1;
            }
        }
        assert!(seen >= 1, "no pipeline files found");
    }

    #[test]
    fn unknown_stage_and_keys_are_rejected() {
        let bad_stage = "name = \"x\"\n[[stages]]\ntype = \"sentiment\"\n";
        assert!(PipelineConfig::parse(bad_stage).is_err());
        let bad_key = "name = \"x\"\n[[stages]]\ntype = \"money\"\nfast = true\n";
        assert!(PipelineConfig::parse(bad_key).is_err());
        let top = "name = \"x\"\nthreads = 4\nstages = []\n";
        assert!(
            PipelineConfig::parse(top).is_err(),
            "threads is a run flag, not a pipeline key"
        );
    }

    #[test]
    fn stage_order_is_checked() {
        let cfg = PipelineConfig::parse(
            "name = \"x\"\n[[stages]]\ntype = \"tokenize\"\n[[stages]]\ntype = \"relations\"\n",
        )
        .unwrap();
        let err = cfg.validate().unwrap_err().to_string();
        assert!(err.contains("relations needs entities"), "{err}");
        let cfg = PipelineConfig::parse("name = \"x\"\n[[stages]]\ntype = \"money\"\n").unwrap();
        assert!(cfg.validate().is_err(), "tokenize must come first");
    }

    #[test]
    fn gazetteer_source_reads_embedded_or_path() {
        let cfg = PipelineConfig::parse(
            "name = \"x\"\n[[stages]]\ntype = \"tokenize\"\n[[stages]]\ntype = \"entities\"\ngazetteer = \"my/list.tsv\"\n",
        )
        .unwrap();
        assert_eq!(
            cfg.stages[1],
            StageConfig::Entities {
                gazetteer: GazetteerSource::Path(PathBuf::from("my/list.tsv"))
            }
        );
        let missing = "name = \"x\"\n[[stages]]\ntype = \"entities\"\n";
        let cfg = PipelineConfig::parse(missing).unwrap();
        assert_eq!(
            cfg.stages[0],
            StageConfig::Entities {
                gazetteer: GazetteerSource::Embedded
            }
        );
    }
}
