//! The article: the unit of input.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One news article, as read from the input.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Identifier, unique within a run (the input's `id`, or one derived from the content).
    pub id: String,
    /// Headline, when the input has one.
    pub title: Option<String>,
    /// Body text; every span in the pipeline points into it.
    pub text: String,
    /// Publication time in UTC (a bare date means midnight UTC).
    pub published: Option<DateTime<Utc>>,
    /// Address of the article.
    pub url: Option<String>,
    /// Publisher or feed name.
    pub source: Option<String>,
}

impl Article {
    /// An article with only an id and a body.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            text: text.into(),
            ..Self::default()
        }
    }
}
