//! What the head predicts for a marked pair: a relation type and its direction, or none.

use std::fmt;
use std::str::FromStr;

use dealwire_core::RelationType;

/// Which marked party is the subject of a relation.
///
/// `[E1]` is always the party mentioned first in the sentence, so the
/// direction is read from the wording ("acquired" vs "was acquired by").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Party {
    /// `[E1]` is the subject.
    First,
    /// `[E2]` is the subject.
    Second,
}

/// One class of the head.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    /// No relation between the two marked parties in this sentence.
    None,
    /// A relation; undirected types always use [`Party::First`].
    Relation {
        /// The type.
        relation_type: RelationType,
        /// Which marked party is the subject.
        subject: Party,
    },
}

impl Label {
    /// Every class, in the head's order: none, then each type (both directions when directed).
    pub const ALL: [Label; 11] = [
        Label::None,
        Label::rel(RelationType::Investor, Party::First),
        Label::rel(RelationType::Investor, Party::Second),
        Label::rel(RelationType::Acquirer, Party::First),
        Label::rel(RelationType::Acquirer, Party::Second),
        Label::rel(RelationType::Partner, Party::First),
        Label::rel(RelationType::Rival, Party::First),
        Label::rel(RelationType::Supplier, Party::First),
        Label::rel(RelationType::Supplier, Party::Second),
        Label::rel(RelationType::Subsidiary, Party::First),
        Label::rel(RelationType::Subsidiary, Party::Second),
    ];

    const fn rel(relation_type: RelationType, subject: Party) -> Label {
        Label::Relation {
            relation_type,
            subject,
        }
    }

    /// A relation label, with the direction dropped for undirected types.
    pub fn relation(relation_type: RelationType, subject: Party) -> Label {
        let subject = if relation_type.is_directed() {
            subject
        } else {
            Party::First
        };
        Label::rel(relation_type, subject)
    }

    /// Position of this label in [`Label::ALL`].
    pub fn index(self) -> usize {
        Label::ALL
            .iter()
            .position(|l| *l == Label::relation_normalised(self))
            .unwrap_or(0)
    }

    fn relation_normalised(self) -> Label {
        match self {
            Label::None => Label::None,
            Label::Relation {
                relation_type,
                subject,
            } => Label::relation(relation_type, subject),
        }
    }
}

impl fmt::Display for Label {
    /// `none`, `partner`, `rival`, or `investor(1,2)` (subject `[E1]`) / `investor(2,1)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Label::None => f.write_str("none"),
            Label::Relation {
                relation_type,
                subject,
            } => {
                f.write_str(relation_type.as_str())?;
                match (relation_type.is_directed(), subject) {
                    (false, _) => Ok(()),
                    (true, Party::First) => f.write_str("(1,2)"),
                    (true, Party::Second) => f.write_str("(2,1)"),
                }
            }
        }
    }
}

/// A label that does not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown label {0:?} (expected none, partner, rival, or TYPE(1,2) / TYPE(2,1))")]
pub struct LabelError(String);

impl FromStr for Label {
    type Err = LabelError;

    fn from_str(s: &str) -> Result<Self, LabelError> {
        let s = s.trim();
        if s == "none" {
            return Ok(Label::None);
        }
        let (name, subject) = match s.split_once('(') {
            Some((name, "1,2)")) => (name, Some(Party::First)),
            Some((name, "2,1)")) => (name, Some(Party::Second)),
            Some(_) => return Err(LabelError(s.to_owned())),
            None => (s, None),
        };
        let relation_type =
            RelationType::from_label(name).ok_or_else(|| LabelError(s.to_owned()))?;
        match (relation_type.is_directed(), subject) {
            (true, None) => Err(LabelError(s.to_owned())),
            (_, subject) => Ok(Label::relation(
                relation_type,
                subject.unwrap_or(Party::First),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip_through_text() {
        for label in Label::ALL {
            assert_eq!(label.to_string().parse::<Label>(), Ok(label));
        }
        assert_eq!(Label::ALL[2].to_string(), "investor(2,1)");
        assert_eq!(Label::ALL[5].to_string(), "partner");
    }

    #[test]
    fn undirected_types_ignore_direction() {
        let a = "rival(2,1)".parse::<Label>().unwrap();
        assert_eq!(a, Label::relation(RelationType::Rival, Party::First));
        assert_eq!(a.index(), 6);
        let b = Label::Relation {
            relation_type: RelationType::Partner,
            subject: Party::Second,
        };
        assert_eq!(b.index(), 5);
    }

    #[test]
    fn directed_types_need_a_direction() {
        assert!("investor".parse::<Label>().is_err());
        assert!("investor(1,3)".parse::<Label>().is_err());
        assert!("merger".parse::<Label>().is_err());
        assert_eq!(Label::ALL.iter().map(|l| l.index()).sum::<usize>(), 55);
    }
}
