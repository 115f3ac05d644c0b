//! Parquet tables of dealwire: Arrow schemas, writing and reading.
//!
//! The output of a run is a folder with one sub-folder per [`Table`], each
//! holding Parquet part files that DuckDB, Polars, pandas and Spark read as
//! `DIR/<table>/*.parquet`. The schemas ([`articles_schema`], [`mentions_schema`],
//! [`amounts_schema`], [`relations_schema`], [`rejects_schema`]) are the public
//! contract; [`schema_markdown`] renders them for the README.
//!
//! [`OutputWriter`] streams articles into part files with bounded memory and
//! renames each part only once complete; [`read_table`] and
//! [`for_each_done_article`] read the complete parts back, the latter so that a
//! rerun can skip articles already written.
//!
//! ```
//! use dealwire_core::{Article, Extraction};
//! use dealwire_store::{read_table, ArticleMeta, OutputWriter, Table, WriterOptions};
//!
//! let dir = tempfile::tempdir()?;
//! let mut writer = OutputWriter::create(dir.path(), WriterOptions::default())?;
//! let doc = Extraction::new(Article::new("a1", "Acme Robotics raised money."));
//! let meta = ArticleMeta {
//!     content_sha256: "00".repeat(32),
//!     pipeline: "default@0.1.0".to_owned(),
//!     processed_at: chrono::Utc::now(),
//! };
//! writer.write_article(&doc, &meta)?;
//! let summary = writer.finish()?;
//! assert_eq!(summary.articles, 1);
//! let batches = read_table(dir.path(), Table::Articles)?;
//! assert_eq!(batches.iter().map(|b| b.num_rows()).sum::<usize>(), 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

use std::fmt;
use std::path::PathBuf;

mod reader;
mod rows;
mod schema;
mod writer;

pub use reader::{committed_parts, for_each_done_article, read_done_articles, read_table};
pub use schema::{
    Column, ColumnType, DECIMAL_SCALE, DESCRIPTION_KEY, MONEY_PRECISION, PERCENT_PRECISION,
    SCHEMA_VERSION, SCHEMA_VERSION_KEY, TABLE_KEY, amounts_schema, articles_schema, columns,
    mentions_schema, rejects_schema, relations_schema, schema, schema_markdown,
};
pub use writer::{ArticleMeta, OutputWriter, WriteSummary, WriterOptions};

/// One of the five output tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Table {
    /// One row per processed article.
    Articles,
    /// One row per entity mention.
    Mentions,
    /// One row per amount of money.
    Amounts,
    /// One row per relation.
    Relations,
    /// One row per rejected input record.
    Rejects,
}

impl Table {
    /// Every table, in documentation order.
    pub const ALL: [Table; 5] = [
        Table::Articles,
        Table::Mentions,
        Table::Amounts,
        Table::Relations,
        Table::Rejects,
    ];

    /// The table's name, which is also its folder name.
    pub const fn name(self) -> &'static str {
        match self {
            Table::Articles => "articles",
            Table::Mentions => "mentions",
            Table::Amounts => "amounts",
            Table::Relations => "relations",
            Table::Rejects => "rejects",
        }
    }

    /// Whether the table's rows belong to articles, so that its parts only
    /// count once the `articles` part of the same name is complete.
    pub(crate) const fn follows_articles(self) -> bool {
        matches!(self, Table::Mentions | Table::Amounts | Table::Relations)
    }
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Errors of writing and reading the output tables.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// A file or folder could not be created, read, renamed or removed.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The Parquet library failed on a file.
    #[error("{path}: {source}")]
    Parquet {
        /// The part file.
        path: PathBuf,
        /// The cause.
        source: parquet::errors::ParquetError,
    },
    /// A part file's rows could not be decoded.
    #[error("{path}: {source}")]
    Decode {
        /// The part file.
        path: PathBuf,
        /// The cause.
        source: arrow::error::ArrowError,
    },
    /// A record batch could not be built (a bug: the builders match the schema).
    #[error("building a {table} batch: {source}")]
    Arrow {
        /// The table.
        table: Table,
        /// The cause.
        source: arrow::error::ArrowError,
    },
    /// A writer option is out of range.
    #[error("option {option}: {reason}")]
    BadOption {
        /// The option's field name.
        option: &'static str,
        /// Why it is refused.
        reason: &'static str,
    },
    /// An extraction refers to a span, entity or amount it does not hold;
    /// nothing of the article was written.
    #[error("article {article_id:?}: {what} #{index} {problem}")]
    BadExtraction {
        /// The article.
        article_id: String,
        /// What holds the bad reference ("mention", "relation", ...).
        what: &'static str,
        /// Its index in the extraction.
        index: usize,
        /// What is wrong.
        problem: String,
    },
    /// A value does not fit its column's type; nothing of the article was written.
    #[error("article {article_id:?}: {column} value {value} does not fit the column")]
    OutOfRange {
        /// The article.
        article_id: String,
        /// The column.
        column: &'static str,
        /// The value, as text.
        value: String,
    },
    /// A part file lacks a column the reader needs.
    #[error("{path}: no column {column} of the expected type")]
    MissingColumn {
        /// The part file.
        path: PathBuf,
        /// The column.
        column: &'static str,
    },
    /// An earlier write failed, so the writer's parts are unusable; drop it.
    #[error("the writer failed earlier and can no longer be used")]
    Failed,
}
