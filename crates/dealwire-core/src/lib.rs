//! Shared types of the dealwire pipeline.
//!
//! An [`Article`] goes into an [`Extraction`], the buffer that every [`Stage`]
//! reads and appends to. All positions are [`Span`]s: half-open byte ranges
//! into the original article text.
//!
//! ```
//! use dealwire_core::{Article, Extraction, Span};
//!
//! let doc = Extraction::new(Article::new("a1", "OpenAI signed a $38 billion deal with AWS."));
//! let span = Span::checked(doc.text(), 16, 27).unwrap();
//! assert_eq!(&doc.text()[span], "$38 billion");
//! ```
#![deny(missing_docs)]

mod amount;
mod article;
mod entity;
mod extraction;
mod relation;
mod span;
mod token;

pub use amount::{Amount, AmountKind, Currency, Qualifier};
pub use article::Article;
pub use entity::{Entity, EntityRole, EntityType, Mention, MentionKind, MentionMethod};
pub use extraction::{Extraction, Stage};
pub use relation::{Relation, RelationType, Status};
pub use rust_decimal::Decimal;
pub use span::{CharMap, Span};
pub use token::{Sentence, Token, TokenKind};

/// Errors from building core values out of untrusted data.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum CoreError {
    /// Offsets that do not fit the text.
    #[error("span {start}..{end} does not fit a text of {len} bytes on character boundaries")]
    BadSpan {
        /// Requested start.
        start: usize,
        /// Requested end.
        end: usize,
        /// Text length.
        len: usize,
    },
    /// Not a three-letter upper-case currency code.
    #[error("{0:?} is not an ISO 4217 currency code")]
    BadCurrency(String),
}

/// An input record that could not be processed, with the reason.
///
/// Rejects are written to their own table; a batch never drops a record silently.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Reject {
    /// Input file (or `-` for standard input).
    pub source: String,
    /// 1-based line number for line-oriented inputs.
    pub line: Option<u64>,
    /// Article id, when it could be read.
    pub article_id: Option<String>,
    /// Short machine-readable reason code ("not_json", "empty_text", ...).
    pub code: String,
    /// Human-readable reason.
    pub reason: String,
}
