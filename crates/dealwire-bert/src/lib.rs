//! The learned relation stage of dealwire.
//!
//! Rules know the phrasings they were written for; news keeps finding new ones
//! ("put four billion dollars into", "is bankrolling"). This stage runs after
//! the rule-based resolver and looks again at the sentences the rules did not
//! settle:
//!
//! 1. [`candidates`] picks the sentence/party pairs worth a look: both parties
//!    tagged, and no confident, agreeing rule relation for the pair there.
//! 2. [`mark`] replaces the two parties consistently (`[E1] put four billion
//!    dollars into [E2]`), giving a whole-sentence view and a core view.
//! 3. An [`Embedder`] turns both views into vectors; with the `bert` feature,
//!    `MiniLmEmbedder` runs all-MiniLM-L6-v2 through rust-bert.
//! 4. A [`SoftmaxHead`] (multinomial logistic regression, trained in pure
//!    Rust, deterministically) gives one probability per [`Label`]: six types,
//!    the direction, or none.
//! 5. The [`Policy`] combines that with the rules: it adds relations the rules
//!    missed above a threshold (method `"bert"`) and breaks ties between
//!    conflicting rules (the kept row gets method `"bert_tiebreak"`).
//!
//! ```no_run
//! # #[cfg(feature = "bert")]
//! # fn main() -> Result<(), dealwire_bert::BertError> {
//! use dealwire_bert::{MiniLmEmbedder, Policy, RelationStage, SoftmaxHead};
//!
//! let embedder = MiniLmEmbedder::new("models/bert/minilm".as_ref())?;
//! let head = SoftmaxHead::load("models/relations-train/head-minilm.json".as_ref())?;
//! let stage = RelationStage::new(embedder, head, Policy::default())?;
//! let mut docs: Vec<dealwire_core::Extraction> = Vec::new(); // after the rule stages
//! let report = stage.run_batch(&mut docs)?;
//! println!("{} candidates, {} relations added", report.candidates, report.added);
//! # Ok(())
//! # }
//! # #[cfg(not(feature = "bert"))]
//! # fn main() {}
//! ```
#![deny(missing_docs)]

mod config;
mod data;
mod embed;
mod gold;
mod head;
mod label;
mod marking;
#[cfg(feature = "bert")]
mod minilm;
mod stage;

use std::path::PathBuf;

pub use config::BertConfig;
pub use data::{Example, MarkedText, load_examples, parse_marked, parse_marked_line};
pub use embed::{Embedder, featurize};
pub use gold::{GoldArticle, GoldEntity, GoldRelation, gold_examples, read_gold, split_sentences};
pub use head::{Metrics, SoftmaxHead, TrainConfig, holdout_split};
pub use label::{Label, Party};
pub use marking::{E1, E2, MarkedPair, mark};
#[cfg(feature = "bert")]
pub use minilm::MiniLmEmbedder;
pub use stage::{BatchReport, Candidate, Policy, RelationStage, candidates};

/// Errors of the learned relation stage.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BertError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A line of a training file is malformed.
    #[error("{path}:{line}: {reason}")]
    Data {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// A head file is not valid.
    #[error("invalid head file {path}: {reason}")]
    HeadFile {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// Party offsets that overlap or do not fit the sentence.
    #[error("cannot mark parties: {0}")]
    Marking(String),
    /// Training was given no data or inconsistent data.
    #[error("cannot train: {0}")]
    Training(String),
    /// Vectors whose size does not match what the head expects.
    #[error("expected vectors of size {expected}, got {got}")]
    Dimension {
        /// Size the head was trained on.
        expected: usize,
        /// Size received.
        got: usize,
    },
    /// The embedder returned a different number of vectors than texts.
    #[error("embedder returned {got} vectors for {expected} texts")]
    EmbeddingCount {
        /// Number of texts sent.
        expected: usize,
        /// Number of vectors received.
        got: usize,
    },
    /// The embedding model failed to load or run.
    #[error("embedding model: {0}")]
    Model(String),
}
