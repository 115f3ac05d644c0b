//! Errors that stop a run (as opposed to rejects, which never do).

use std::path::PathBuf;

/// An error that stops a run before or while it goes.
///
/// Bad records never produce one of these: they become [`dealwire_core::Reject`]s.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IngestError {
    /// An input named on the command line does not exist or cannot be listed.
    #[error("cannot read input {path}: {source}")]
    Input {
        /// The input.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The output sink failed (output folder unwritable, disk full...).
    #[error("output failed: {0}")]
    Sink(Box<dyn std::error::Error + Send + Sync>),
    /// The spill folder of the set of seen article ids failed (disk full,
    /// folder unwritable).
    #[error("cannot keep the set of seen article ids: {0}")]
    Seen(std::io::Error),
    /// A runner thread could not be started.
    #[error("cannot start a worker thread: {0}")]
    Thread(std::io::Error),
    /// A runner thread panicked outside the per-article guard.
    #[error("a runner thread panicked")]
    Panicked,
}
