//! dealwire reads English business news and extracts the deals in it:
//! who invested in, acquired, partnered with, supplies, owns or competes with
//! whom, for how much, with what status and on what evidence.
//!
//! This crate is the facade: it re-exports the stage crates and chains them
//! into a [`Pipeline`], built once and shared across threads.
//!
//! ```
//! use dealwire::{Article, Pipeline};
//!
//! let pipeline = Pipeline::builder().build()?;
//! let article = Article::new("a1", "Acme Robotics Inc. said on Monday it raised $40 million.");
//! let extraction = pipeline.extract(&article);
//! for amount in &extraction.amounts {
//!     println!("{} {}", amount.value, amount.currency);
//! }
//! # Ok::<(), dealwire::PipelineError>(())
//! ```
//!
//! Pipelines can also be described in TOML files (see `pipelines/` in the
//! repository) and loaded with [`Pipeline::from_file`].
#![deny(missing_docs)]

mod config;

use std::path::Path;

pub use config::{GazetteerSource, PipelineConfig, StageConfig};
pub use dealwire_bert as bert;
pub use dealwire_core as core;
pub use dealwire_core::{
    Amount, AmountKind, Article, CharMap, Currency, Decimal, Entity, EntityRole, EntityType,
    Extraction, Mention, MentionKind, MentionMethod, Qualifier, Reject, Relation, RelationType,
    Sentence, Span, Stage, Status, Token, TokenKind,
};
pub use dealwire_relate as relate;
pub use dealwire_tag as tag;
pub use dealwire_text as text;

use dealwire_relate::Resolver;
use dealwire_tag::{EntityTagger, Gazetteer, MoneyTagger};
use dealwire_text::Tokenizer;

/// Errors from building a pipeline.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PipelineError {
    /// The pipeline file could not be read.
    #[error("cannot read pipeline file {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The pipeline file is not valid TOML or names unknown stages or keys.
    #[error("invalid pipeline file {path}: {source}")]
    Parse {
        /// The file.
        path: String,
        /// The cause.
        source: Box<toml::de::Error>,
    },
    /// The stages are not in an order that works.
    #[error("invalid pipeline {name}: {reason}")]
    Invalid {
        /// Pipeline name.
        name: String,
        /// What is wrong.
        reason: String,
    },
    /// A stage could not be built.
    #[error("cannot build stage: {0}")]
    Tag(#[from] dealwire_tag::BuildError),
    /// The learned relation stage could not be built.
    #[error("cannot build the bert stage: {0}")]
    Bert(#[from] dealwire_bert::BertError),
}

/// A compiled chain of stages: tokenize, tag entities and money, resolve relations.
///
/// Immutable once built, `Send + Sync`: build it once and share it (for
/// example behind an `Arc`) across worker threads.
pub struct Pipeline {
    name: String,
    stages: Vec<Box<dyn Stage>>,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("name", &self.name)
            .field("stages", &self.stages.len())
            .finish()
    }
}

impl Pipeline {
    /// A builder for the standard chain of stages.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// Loads, validates and builds the pipeline described by a TOML file.
    ///
    /// Relative paths inside the file are resolved against the file's folder.
    pub fn from_file(path: &Path) -> Result<Self, PipelineError> {
        let config = PipelineConfig::from_file(path)?;
        let base = path.parent().unwrap_or_else(|| Path::new("."));
        config.build(base)
    }

    /// The pipeline's name, recorded with every article it processes.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Runs every stage on one article.
    pub fn extract(&self, article: &Article) -> Extraction {
        let mut doc = Extraction::new(article.clone());
        self.run(&mut doc);
        doc
    }

    /// Runs every stage on an owned article, saving a copy of its text.
    pub fn extract_owned(&self, article: Article) -> Extraction {
        let mut doc = Extraction::new(article);
        self.run(&mut doc);
        doc
    }
}

impl Stage for Pipeline {
    fn run(&self, doc: &mut Extraction) {
        for stage in &self.stages {
            stage.run(doc);
        }
    }
}

impl Default for Pipeline {
    /// The default pipeline, with the embedded gazetteer.
    ///
    /// # Panics
    /// Only if the data embedded at compile time is broken, which the test
    /// suite rules out.
    fn default() -> Self {
        #[allow(clippy::expect_used)] // embedded data, checked by tests, not input
        Pipeline::builder()
            .build()
            .expect("the embedded default pipeline builds")
    }
}

/// Builds a [`Pipeline`] with the standard stages in the standard order.
#[derive(Debug, Default)]
pub struct PipelineBuilder {
    name: Option<String>,
    gazetteer: Option<Gazetteer>,
}

impl PipelineBuilder {
    /// Sets the name recorded in the output (default: `default`).
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Uses this gazetteer instead of the embedded one.
    pub fn gazetteer(mut self, gazetteer: Gazetteer) -> Self {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// Compiles every stage.
    pub fn build(self) -> Result<Pipeline, PipelineError> {
        let gazetteer = match self.gazetteer {
            Some(g) => g,
            None => Gazetteer::embedded()?,
        };
        // The relation rules and the gazetteer automaton, most of the work,
        // build at the same time.
        let (tagger, resolver) = std::thread::scope(|scope| {
            let resolver = scope.spawn(Resolver::new);
            let tagger = EntityTagger::new(gazetteer);
            let resolver = resolver
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (tagger, resolver)
        });
        Ok(Pipeline {
            name: self.name.unwrap_or_else(|| "default".to_owned()),
            stages: vec![
                Box::new(Tokenizer::new()),
                Box::new(tagger?),
                Box::new(MoneyTagger::new()),
                Box::new(resolver),
            ],
        })
    }
}
