//! Scoring of dealwire extractions against gold annotations.
//!
//! Reads the gold format of `shared/spec/gold-format.md` ([`read_gold`]),
//! scores one article's [`Extraction`](dealwire_core::Extraction) at a time
//! ([`score_article`]) and adds the scores up into micro-averaged figures
//! ([`aggregate`]): entity, amount, relation and relation+amount precision,
//! recall and F1, status accuracy, and per-type relation figures.
//!
//! ```no_run
//! use dealwire_eval::{aggregate, read_gold, score_article};
//!
//! # fn extract(a: &dealwire_core::Article) -> dealwire_core::Extraction {
//! #     dealwire_core::Extraction::new(a.clone())
//! # }
//! let gold = read_gold("gold.jsonl".as_ref())?;
//! let scores: Vec<_> = gold
//!     .iter()
//!     .map(|g| score_article(g, &extract(&g.to_article())))
//!     .collect();
//! println!("{}", aggregate(&scores));
//! # Ok::<(), dealwire_eval::EvalError>(())
//! ```
//!
//! # Rules
//! - Party names compare after [`normalize_party`]. A predicted entity's
//!   keys are its name and the texts of its [`Name`](dealwire_core::MentionKind::Name)
//!   mentions (descriptions and pronouns are not names); a gold entity's keys
//!   are its name and aliases. They match when the key sets meet.
//! - In relations, a predicted entity also matches a gold party of the same
//!   family: the gold party's parent, a gold unit of it, or the gold entity
//!   that the prediction's own `parent_name` names. One level only, and
//!   never in `subsidiary` relations (gold or predicted type).
//! - A relation matches a gold line when its type is the line's type or one
//!   of its `alt_types`, and the parties match. The order counts only when
//!   both the predicted type and the line's type are directed: an undirected
//!   predicted type, or an alt_types match on an undirected line, takes
//!   either order.
//! - Predictions pair one-to-one with required (non-optional) gold lines in a
//!   maximum matching. An unpaired prediction that matches an optional line
//!   is ignored, else it is a false positive.
//! - Relation+amount runs its own maximum matching, whose edges also need the
//!   amount: same currency and value within 0.5% of gold, or both absent.
//! - Status accuracy is over the pairs of the relation matching.
//! - Entities: predicted ORG entities with at least one mention against gold
//!   ORG entities, exact keys only, one-to-one.
//! - Amounts: a prediction matches a gold amount when it overlaps an
//!   occurrence of the gold text and value and currency match; one-to-one. An
//!   unpaired prediction at another occurrence of a paired gold text is ignored.
//! - [`aggregate`] sums counts over articles (micro-averaging).
#![deny(missing_docs)]

mod gold;
mod matching;
mod normalize;
mod report;
mod score;

pub use gold::{
    EvalError, GoldAmount, GoldArticle, GoldEntity, GoldProblem, GoldRelation, read_gold,
};
pub use normalize::normalize_party;
pub use report::{
    ArticleDetail, Counts, Figures, Report, StatusCounts, StatusFigures, TypeFigures, aggregate,
};
pub use score::{
    ArticleScore, GoldRelationDetail, PredRelationDetail, VALUE_TOLERANCE, score_article,
};
