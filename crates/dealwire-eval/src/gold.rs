//! The gold annotation format (`shared/spec/gold-format.md`) and its reader.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use dealwire_core::{Article, Currency, EntityType, Qualifier, RelationType, Status};
use serde::{Deserialize, Deserializer};

/// Errors from reading gold files.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EvalError {
    /// The file could not be opened or read.
    #[error("cannot read gold file {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A line is not a valid gold record.
    #[error("{}:{line}: not a valid gold article: {source}", path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// The cause.
        source: serde_json::Error,
    },
    /// A record parses but contradicts the format's rules.
    #[error("{}:{line}: article {article}: {problem}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// The article id.
        article: String,
        /// What is wrong.
        problem: GoldProblem,
    },
}

/// A rule of the gold format that a record breaks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum GoldProblem {
    /// `published` is neither a date nor an RFC 3339 time.
    #[error("published {0:?} is not a date (YYYY-MM-DD) or an RFC 3339 time")]
    BadDate(String),
    /// A relation names a party that is not in `entities`.
    #[error("relation party {0:?} is not the name of an entity")]
    UnknownParty(String),
    /// A relation names an amount that is not in `amounts`.
    #[error("relation amount {0:?} is not the text of an amount")]
    UnknownAmount(String),
    /// An amount's `text` does not occur in the article text.
    #[error("amount text {0:?} does not occur in the article text")]
    AmountNotInText(String),
}

/// One annotated article.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GoldArticle {
    /// Article id.
    pub id: String,
    /// Headline.
    #[serde(default)]
    pub title: Option<String>,
    /// Publication date (midnight UTC for a bare date).
    #[serde(default, deserialize_with = "de_published")]
    pub published: Option<DateTime<Utc>>,
    /// Publisher or feed name.
    #[serde(default)]
    pub source: Option<String>,
    /// Body text.
    pub text: String,
    /// Every organisation, and every person or government that is a party.
    #[serde(default)]
    pub entities: Vec<GoldEntity>,
    /// Every amount of money in the text.
    #[serde(default)]
    pub amounts: Vec<GoldAmount>,
    /// The relations the article states or clearly implies.
    #[serde(default)]
    pub relations: Vec<GoldRelation>,
}

/// One gold entity.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct GoldEntity {
    /// Canonical name, unique within the article.
    pub name: String,
    /// Kind of entity.
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// Surface strings in the text that name it directly.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Canonical name of the owning organisation, for a unit.
    #[serde(default)]
    pub parent: Option<String>,
}

/// One gold amount of money.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GoldAmount {
    /// The exact span text, verbatim in the article.
    pub text: String,
    /// Value in whole currency units; the low end of a range.
    pub value: f64,
    /// High end of a range.
    #[serde(default)]
    pub high: Option<f64>,
    /// ISO 4217 currency.
    pub currency: Currency,
    /// Exactness.
    #[serde(default)]
    pub qualifier: Qualifier,
}

/// One gold relation line.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct GoldRelation {
    /// Type.
    #[serde(rename = "type")]
    pub relation_type: RelationType,
    /// Canonical name of the subject.
    pub subject: String,
    /// Canonical name of the object.
    pub object: String,
    /// Text of the amount tied to the relation.
    #[serde(default)]
    pub amount: Option<String>,
    /// Whether it happened.
    pub status: Status,
    /// Supporting text.
    #[serde(default)]
    pub evidence: String,
    /// Neither required nor penalised when `true`.
    #[serde(default)]
    pub optional: bool,
    /// Other types that are also accepted.
    #[serde(default)]
    pub alt_types: Vec<RelationType>,
}

impl GoldArticle {
    /// The article as pipeline input: id, title, text, date and source.
    pub fn to_article(&self) -> Article {
        Article {
            id: self.id.clone(),
            title: self.title.clone(),
            text: self.text.clone(),
            published: self.published,
            url: None,
            source: self.source.clone(),
        }
    }

    /// The gold amount whose `text` is `text`.
    pub fn amount(&self, text: &str) -> Option<&GoldAmount> {
        self.amounts.iter().find(|a| a.text == text)
    }

    /// Checks the cross-references that scoring relies on.
    pub fn validate(&self) -> Result<(), GoldProblem> {
        for amount in &self.amounts {
            if !self.text.contains(&amount.text) {
                return Err(GoldProblem::AmountNotInText(amount.text.clone()));
            }
        }
        for rel in &self.relations {
            for party in [&rel.subject, &rel.object] {
                if !self.entities.iter().any(|e| &e.name == party) {
                    return Err(GoldProblem::UnknownParty(party.clone()));
                }
            }
            if let Some(text) = rel.amount.as_ref().filter(|t| self.amount(t).is_none()) {
                return Err(GoldProblem::UnknownAmount(text.clone()));
            }
        }
        Ok(())
    }
}

fn parse_published(s: &str) -> Option<DateTime<Utc>> {
    if let Ok(date) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return date.and_hms_opt(0, 0, 0).map(|t| t.and_utc());
    }
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

fn de_published<'de, D: Deserializer<'de>>(de: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    match Option::<String>::deserialize(de)? {
        None => Ok(None),
        Some(s) if s.trim().is_empty() => Ok(None),
        Some(s) => parse_published(s.trim())
            .map(Some)
            .ok_or_else(|| serde::de::Error::custom(GoldProblem::BadDate(s))),
    }
}

/// Reads a gold JSON Lines file: one [`GoldArticle`] a line, blank lines skipped.
///
/// Every record is checked with [`GoldArticle::validate`]; errors name the
/// file and the line.
pub fn read_gold(path: &Path) -> Result<Vec<GoldArticle>, EvalError> {
    let io_err = |source| EvalError::Io {
        path: path.to_owned(),
        source,
    };
    let reader = BufReader::new(File::open(path).map_err(io_err)?);
    let mut articles = Vec::new();
    for (index, line) in reader.lines().enumerate() {
        let line = line.map_err(io_err)?;
        if line.trim().is_empty() {
            continue;
        }
        let article: GoldArticle =
            serde_json::from_str(&line).map_err(|source| EvalError::Parse {
                path: path.to_owned(),
                line: index + 1,
                source,
            })?;
        article.validate().map_err(|problem| EvalError::Invalid {
            path: path.to_owned(),
            line: index + 1,
            article: article.id.clone(),
            problem,
        })?;
        articles.push(article);
    }
    Ok(articles)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const LINE: &str = r#"{"id":"t-1","title":"Zorblax buys Quarnet","published":"2024-03-05","source":"test","text":"Zorblax Inc. agreed to buy Quarnet for $12 million.","entities":[{"name":"Zorblax","type":"ORG","aliases":["Zorblax Inc."],"extra":1},{"name":"Quarnet","type":"ORG","aliases":["Quarnet"]}],"amounts":[{"text":"$12 million","value":12000000,"currency":"USD","qualifier":"exact"}],"relations":[{"type":"acquirer","subject":"Zorblax","object":"Quarnet","amount":"$12 million","status":"announced","evidence":"Zorblax Inc. agreed to buy Quarnet","optional":false}],"unknown_key":true}"#;

    fn write_tmp(content: &str) -> tempfile::NamedTempFile {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        f.write_all(content.as_bytes()).unwrap();
        f
    }

    #[test]
    fn reads_gold_and_ignores_unknown_keys() {
        let f = write_tmp(&format!("{LINE}\n\n"));
        let gold = read_gold(f.path()).unwrap();
        assert_eq!(gold.len(), 1);
        let g = &gold[0];
        assert_eq!(g.entities[0].aliases, vec!["Zorblax Inc."]);
        assert_eq!(g.relations[0].relation_type, RelationType::Acquirer);
        assert_eq!(g.amounts[0].currency, Currency::USD);
        assert!(!g.relations[0].optional);
        let article = g.to_article();
        assert_eq!(article.id, "t-1");
        assert_eq!(article.title.as_deref(), Some("Zorblax buys Quarnet"));
        assert_eq!(article.source.as_deref(), Some("test"));
        assert_eq!(
            article.published.map(|d| d.to_rfc3339()).as_deref(),
            Some("2024-03-05T00:00:00+00:00")
        );
    }

    #[test]
    fn parse_error_names_file_and_line() {
        let f = write_tmp(&format!("{LINE}\nnot json\n"));
        let err = read_gold(f.path()).unwrap_err();
        assert!(matches!(err, EvalError::Parse { line: 2, .. }), "{err}");
        assert!(err.to_string().contains(":2:"), "{err}");
    }

    #[test]
    fn bad_date_is_a_parse_error() {
        let f = write_tmp(&LINE.replace("2024-03-05", "March 5"));
        let err = read_gold(f.path()).unwrap_err();
        assert!(matches!(err, EvalError::Parse { line: 1, .. }), "{err}");
    }

    #[test]
    fn unknown_party_and_amount_are_reported() {
        let f = write_tmp(&LINE.replace(r#""object":"Quarnet""#, r#""object":"Quarnett""#));
        let err = read_gold(f.path()).unwrap_err();
        assert!(
            matches!(&err, EvalError::Invalid { line: 1, problem: GoldProblem::UnknownParty(p), .. } if p == "Quarnett"),
            "{err}"
        );
        let f = write_tmp(&LINE.replace(r#""amount":"$12 million""#, r#""amount":"$13 million""#));
        let err = read_gold(f.path()).unwrap_err();
        assert!(
            matches!(
                &err,
                EvalError::Invalid {
                    problem: GoldProblem::UnknownAmount(_),
                    ..
                }
            ),
            "{err}"
        );
    }

    #[test]
    fn missing_file_is_an_io_error() {
        let err = read_gold(Path::new("/nonexistent/gold.jsonl")).unwrap_err();
        assert!(matches!(err, EvalError::Io { .. }));
    }

    #[test]
    fn reads_shared_corpus() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");
        let Ok(entries) = std::fs::read_dir(dir) else {
            println!("skipped: {dir} is absent");
            return;
        };
        let mut total = 0;
        for entry in entries {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "jsonl") {
                total += read_gold(&path).unwrap().len();
            }
        }
        assert!(total > 0, "no gold article in {dir}");
    }
}
