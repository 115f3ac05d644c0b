//! Entities (organisations, people, governments) and their mentions.

use serde::{Deserialize, Serialize};

use crate::Span;

/// The kind of an entity, as in the gold format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityType {
    /// A company, fund, lab or other organisation.
    #[serde(rename = "ORG")]
    Org,
    /// A person.
    #[serde(rename = "PERSON")]
    Person,
    /// A country, state or city acting as a party (usually its government).
    #[serde(rename = "GPE")]
    Gpe,
}

impl EntityType {
    /// The label used in tables and the gold format.
    pub const fn as_str(self) -> &'static str {
        match self {
            EntityType::Org => "ORG",
            EntityType::Person => "PERSON",
            EntityType::Gpe => "GPE",
        }
    }
}

/// Whether an entity can take part in a deal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EntityRole {
    /// An ordinary party: it may invest, buy, partner, supply or compete.
    #[default]
    Party,
    /// A regulator or competition authority (it may block a deal, never join one).
    Regulator,
    /// A court.
    Court,
    /// A news outlet or wire service (the source of a report).
    Media,
    /// An analyst or research firm quoted on a deal.
    Analyst,
}

impl EntityRole {
    /// Whether the relation stage may use this entity as a party.
    pub const fn can_be_party(self) -> bool {
        matches!(self, EntityRole::Party)
    }

    /// The label used in tables.
    pub const fn as_str(self) -> &'static str {
        match self {
            EntityRole::Party => "party",
            EntityRole::Regulator => "regulator",
            EntityRole::Court => "court",
            EntityRole::Media => "media",
            EntityRole::Analyst => "analyst",
        }
    }
}

/// One entity of an article: everything the article says about one real-world party.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable identifier: the gazetteer id (`dw:...`) for known entities, or an
    /// article-independent id derived from the normalised name for unknown ones.
    pub id: String,
    /// Canonical name ("Amazon Web Services").
    pub name: String,
    /// Kind of entity.
    pub entity_type: EntityType,
    /// Whether it may be a party.
    pub role: EntityRole,
    /// Identifier of the owning entity, when this one is a unit of another.
    pub parent_id: Option<String>,
    /// Canonical name of the owning entity.
    pub parent_name: Option<String>,
}

/// How a mention refers to its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MentionKind {
    /// A name or alias of the entity ("Amazon", "AWS").
    Name,
    /// A description that refers back ("the retailer", "the ChatGPT maker").
    Description,
    /// A pronoun ("it", "its").
    Pronoun,
}

/// Which rule produced a mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MentionMethod {
    /// A name or alias from the gazetteer.
    Gazetteer,
    /// A ticker in a ticker context ("(NASDAQ: NVDA)").
    Ticker,
    /// A capitalised name with a corporate suffix or word ("Acme Robotics Inc.").
    Suffix,
    /// A capitalised name found through its context ("start-up X", "X said").
    Context,
    /// An alias the article defines ("Amazon Web Services (AWS)").
    ArticleAlias,
    /// A shortened form of an earlier name ("Nippon Steel" after "Nippon Steel Corp.").
    ShortName,
    /// A person found through a title or context ("Chief Executive Sam Altman").
    Person,
    /// A government or place acting as a party.
    Government,
    /// A description resolved to an earlier entity.
    Description,
    /// A pronoun resolved to an earlier entity.
    Pronoun,
}

impl MentionMethod {
    /// The label used in tables.
    pub const fn as_str(self) -> &'static str {
        match self {
            MentionMethod::Gazetteer => "gazetteer",
            MentionMethod::Ticker => "ticker",
            MentionMethod::Suffix => "suffix",
            MentionMethod::Context => "context",
            MentionMethod::ArticleAlias => "article_alias",
            MentionMethod::ShortName => "short_name",
            MentionMethod::Person => "person",
            MentionMethod::Government => "government",
            MentionMethod::Description => "description",
            MentionMethod::Pronoun => "pronoun",
        }
    }
}

/// One place in the text that refers to an entity.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Where it is.
    pub span: Span,
    /// Index of the entity in [`crate::Extraction::entities`].
    pub entity: usize,
    /// Index of the sentence that holds it.
    pub sentence: usize,
    /// Name, description or pronoun.
    pub kind: MentionKind,
    /// Rule that found it.
    pub method: MentionMethod,
    /// Confidence in `[0, 1]`.
    pub confidence: f32,
}
