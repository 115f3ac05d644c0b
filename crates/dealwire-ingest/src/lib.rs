//! Input readers and the batch runner of dealwire.
//!
//! [`collect_inputs`] turns command-line paths into [`Input`]s (JSON Lines,
//! text files, folders of them, `-` for standard input; `.gz` and `.zst`
//! read transparently). [`Records`] reads one input as a stream of
//! `Result<Article, Reject>`: a bad record is a [`Reject`] with a
//! [`RejectCode`], never a silent drop. [`Runner`] runs a pipeline over
//! inputs on a pool of threads with bounded memory and hands the results to a
//! [`Sink`], skipping articles an earlier run already wrote ([`SeenIds`], a
//! set of article ids that spills to disk to keep memory bounded).
//!
//! ```
//! use std::convert::Infallible;
//! use dealwire_core::{Extraction, Reject, Stage};
//! use dealwire_ingest::{Input, RunOptions, Runner, Sink, Written};
//!
//! struct Count(usize, usize);
//! impl Sink for Count {
//!     type Error = Infallible;
//!     type Output = (usize, usize);
//!     fn write_article(&mut self, _: &Extraction, _: &str) -> Result<Written, Infallible> {
//!         self.0 += 1;
//!         Ok(Written::Stored)
//!     }
//!     fn write_reject(&mut self, _: &Reject) -> Result<(), Infallible> {
//!         self.1 += 1;
//!         Ok(())
//!     }
//!     fn finish(self) -> Result<(usize, usize), Infallible> {
//!         Ok((self.0, self.1))
//!     }
//! }
//!
//! struct Nothing;
//! impl Stage for Nothing {
//!     fn run(&self, _: &mut Extraction) {}
//! }
//!
//! let dir = tempfile::tempdir()?;
//! let path = dir.path().join("news.jsonl");
//! std::fs::write(&path, "{\"id\":\"a\",\"text\":\"Acme bought Beta.\"}\nnot json\n")?;
//! let inputs = dealwire_ingest::collect_inputs(&[path])?;
//! let (summary, counts) = Runner::new(&Nothing)
//!     .options(RunOptions { threads: 2, ..RunOptions::default() })
//!     .run(&inputs, Count(0, 0))?;
//! assert_eq!((summary.articles, summary.rejects), (1, 1));
//! assert_eq!(counts, (1, 1));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod error;
mod input;
mod read;
mod reject;
mod runner;
mod seen;

pub use dealwire_core::{Article, Reject};
pub use error::IngestError;
pub use input::{Compression, Format, Input, Location, collect_inputs};
pub use read::{
    DEFAULT_MAX_ARTICLE_BYTES, JsonlReader, ReadOptions, Record, Records, content_id,
    content_sha256, hex, parse_published, read_text_article,
};
pub use reject::RejectCode;
pub use runner::{
    BATCH_ARTICLES, BATCH_BYTES, Progress, RunOptions, RunSummary, Runner, Sink, Snapshot, Written,
};
pub use seen::{DEFAULT_MEMORY_ENTRIES, SeenIds};
