//! Relations between entities: the deals.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::Span;

/// The type of a relation, as in the gold format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationType {
    /// Subject puts money into object. Directed.
    Investor,
    /// Subject buys or merges with object. Directed.
    Acquirer,
    /// A commercial agreement or joint project. Undirected.
    Partner,
    /// Competitors. Undirected.
    Rival,
    /// Subject provides goods or services to object. Directed.
    Supplier,
    /// Subject is a unit of object. Directed.
    Subsidiary,
}

impl RelationType {
    /// All types, in table order.
    pub const ALL: [RelationType; 6] = [
        RelationType::Investor,
        RelationType::Acquirer,
        RelationType::Partner,
        RelationType::Rival,
        RelationType::Supplier,
        RelationType::Subsidiary,
    ];

    /// Whether the order of the parties matters.
    pub const fn is_directed(self) -> bool {
        !matches!(self, RelationType::Partner | RelationType::Rival)
    }

    /// The label used in tables and the gold format.
    pub const fn as_str(self) -> &'static str {
        match self {
            RelationType::Investor => "investor",
            RelationType::Acquirer => "acquirer",
            RelationType::Partner => "partner",
            RelationType::Rival => "rival",
            RelationType::Supplier => "supplier",
            RelationType::Subsidiary => "subsidiary",
        }
    }

    /// The type named by a gold-format label.
    pub fn from_label(label: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == label)
    }
}

/// Whether a deal happened, as in the gold format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Agreed, signed, completed, or reported as done.
    #[default]
    Announced,
    /// In talks, considered, reported by unnamed sources.
    Rumored,
    /// A party denies it.
    Denied,
    /// Called off, blocked, abandoned.
    Terminated,
    /// An older deal recalled for context.
    Background,
}

impl Status {
    /// All statuses.
    pub const ALL: [Status; 5] = [
        Status::Announced,
        Status::Rumored,
        Status::Denied,
        Status::Terminated,
        Status::Background,
    ];

    /// The label used in tables and the gold format.
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Announced => "announced",
            Status::Rumored => "rumored",
            Status::Denied => "denied",
            Status::Terminated => "terminated",
            Status::Background => "background",
        }
    }

    /// The status named by a gold-format label.
    pub fn from_label(label: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == label)
    }
}

/// One relation between two entities of an article.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Relation {
    /// Type.
    pub relation_type: RelationType,
    /// Index of the subject in [`crate::Extraction::entities`].
    pub subject: usize,
    /// Index of the object in [`crate::Extraction::entities`].
    pub object: usize,
    /// Index of the deal's amount in [`crate::Extraction::amounts`].
    pub amount: Option<usize>,
    /// Stake in percent, when stated ("a 49% stake").
    pub stake_pct: Option<Decimal>,
    /// Index of the valuation amount in [`crate::Extraction::amounts`], when stated.
    pub valuation: Option<usize>,
    /// Whether it happened.
    pub status: Status,
    /// Confidence in `[0, 1]`.
    pub confidence: f32,
    /// Index of the sentence holding the evidence.
    pub sentence: usize,
    /// The text that supports it, usually one sentence.
    pub evidence: Span,
    /// Name of the rule or model that produced it.
    pub method: &'static str,
}
