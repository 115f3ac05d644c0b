//! Reject reasons.

use dealwire_core::Reject;

/// Why an input record was rejected; [`RejectCode::as_str`] is the `code`
/// column of the `rejects` table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum RejectCode {
    /// The line is not valid JSON (including JSON nested deeper than 128 levels).
    NotJson,
    /// The record's bytes are not valid UTF-8.
    InvalidUtf8,
    /// The line is valid JSON but not an object.
    NotObject,
    /// A known key has the wrong type (`"text": 5`, `"id": [..]`).
    BadField,
    /// No `text` nor `body`, or only white space.
    EmptyText,
    /// The raw record is larger than the configured limit.
    TooLarge,
    /// A `.gz` or `.zst` input ends early or is corrupt; the records before it are kept.
    Truncated,
    /// An input file could not be opened or read.
    Unreadable,
    /// The id was already seen, in this run or a previous one, with different content.
    DuplicateId,
    /// A pipeline stage panicked on this article; the run went on.
    PipelinePanic,
    /// The output refused the pipeline's rows for this article (a span or
    /// index out of range, a value too large for its column).
    BadExtraction,
}

impl RejectCode {
    /// Every code, in table order.
    pub const ALL: [RejectCode; 11] = [
        RejectCode::NotJson,
        RejectCode::InvalidUtf8,
        RejectCode::NotObject,
        RejectCode::BadField,
        RejectCode::EmptyText,
        RejectCode::TooLarge,
        RejectCode::Truncated,
        RejectCode::Unreadable,
        RejectCode::DuplicateId,
        RejectCode::PipelinePanic,
        RejectCode::BadExtraction,
    ];

    /// The machine-readable code.
    pub const fn as_str(self) -> &'static str {
        match self {
            RejectCode::NotJson => "not_json",
            RejectCode::InvalidUtf8 => "invalid_utf8",
            RejectCode::NotObject => "not_object",
            RejectCode::BadField => "bad_field",
            RejectCode::EmptyText => "empty_text",
            RejectCode::TooLarge => "too_large",
            RejectCode::Truncated => "truncated",
            RejectCode::Unreadable => "unreadable",
            RejectCode::DuplicateId => "duplicate_id",
            RejectCode::PipelinePanic => "pipeline_panic",
            RejectCode::BadExtraction => "bad_extraction",
        }
    }

    /// Builds the reject record.
    pub fn reject(
        self,
        source: &str,
        line: Option<u64>,
        article_id: Option<String>,
        reason: impl Into<String>,
    ) -> Reject {
        Reject {
            source: source.to_owned(),
            line,
            article_id,
            code: self.as_str().to_owned(),
            reason: reason.into(),
        }
    }
}

impl std::fmt::Display for RejectCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
