//! Tag stage of dealwire: organisations, people, governments and money amounts.
#![deny(missing_docs)]

pub mod entity;
pub mod money;

pub use entity::{EntityTagger, Gazetteer};
pub use money::MoneyTagger;

/// Errors from building a tagger.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// A gazetteer file could not be read.
    #[error("cannot read gazetteer {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// A gazetteer file is malformed.
    #[error("gazetteer {path}, line {line}: {reason}")]
    Gazetteer {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// The name matcher could not be built.
    #[error("cannot build the name matcher: {0}")]
    Matcher(String),
}
