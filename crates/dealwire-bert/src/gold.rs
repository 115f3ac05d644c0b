//! Reading gold-annotated articles and turning them into training examples.

use std::ops::Range;
use std::path::Path;

use dealwire_core::RelationType;
use serde::Deserialize;

use crate::{BertError, Example, Label, Party, mark};

/// One gold-annotated article (only the fields training needs; others are ignored).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct GoldArticle {
    /// Article id.
    pub id: String,
    /// Body text.
    pub text: String,
    /// Entities with their aliases.
    #[serde(default)]
    pub entities: Vec<GoldEntity>,
    /// Relations with their evidence.
    #[serde(default)]
    pub relations: Vec<GoldRelation>,
}

/// One gold entity.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct GoldEntity {
    /// Canonical name.
    pub name: String,
    /// Surface strings that name it in the text.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// One gold relation.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct GoldRelation {
    /// Type.
    #[serde(rename = "type")]
    pub relation_type: RelationType,
    /// Canonical name of the subject.
    pub subject: String,
    /// Canonical name of the object.
    pub object: String,
    /// Supporting text, a substring of the article.
    #[serde(default)]
    pub evidence: String,
    /// Neither required nor penalised.
    #[serde(default)]
    pub optional: bool,
}

/// Reads a gold JSON Lines file (blank lines skipped).
pub fn read_gold(path: &Path) -> Result<Vec<GoldArticle>, BertError> {
    let text = std::fs::read_to_string(path).map_err(|source| BertError::Io {
        path: path.to_owned(),
        source,
    })?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, line)| {
            serde_json::from_str(line).map_err(|e| BertError::Data {
                path: path.to_owned(),
                line: i + 1,
                reason: e.to_string(),
            })
        })
        .collect()
}

const ABBREVIATIONS: [&str; 12] = [
    "Inc", "Corp", "Co", "Ltd", "Mr", "Ms", "Mrs", "Dr", "St", "vs", "Jr", "No",
];

/// Splits text into sentence byte ranges: at line breaks, and after `.`, `!` or `?`
/// followed by white space and a capital letter, digit or quote, except after
/// common abbreviations and single capital initials ("U.S.").
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let push = |s: usize, e: usize, out: &mut Vec<Range<usize>>| {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            out.push(s + lead..s + lead + trimmed.len());
        }
    };
    for (i, c) in text.char_indices() {
        if c == '\n' {
            push(start, i, &mut out);
            start = i + 1;
        } else if matches!(c, '.' | '!' | '?') {
            let next_is_space = bytes.get(i + 1).is_some_and(|b| *b == b' ');
            let after = text[i + 1..].trim_start_matches(' ');
            let opens = after
                .chars()
                .next()
                .is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || "\"“‘'".contains(n));
            let word = text[start..i]
                .rsplit(|ch: char| !ch.is_alphanumeric())
                .next()
                .unwrap_or("");
            let abbreviation = c == '.'
                && (ABBREVIATIONS.contains(&word)
                    || (word.chars().count() == 1 && word.chars().all(char::is_uppercase)));
            if next_is_space && opens && !abbreviation {
                push(start, i + 1, &mut out);
                start = i + 1;
            }
        }
    }
    push(start, text.len(), &mut out);
    out
}

/// Byte ranges of `needle` in `hay` that start and end on word boundaries.
fn find_word(hay: &str, needle: &str) -> Vec<Range<usize>> {
    if needle.is_empty() {
        return Vec::new();
    }
    hay.match_indices(needle)
        .map(|(i, m)| i..i + m.len())
        .filter(|r| {
            let before = hay[..r.start].chars().next_back();
            let after = hay[r.end..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .collect()
}

/// Mentions of each entity in `sentence`, longest alias first, never overlapping.
fn entity_mentions(sentence: &str, entities: &[GoldEntity]) -> Vec<Vec<Range<usize>>> {
    let mut names: Vec<(usize, &str)> = entities
        .iter()
        .enumerate()
        .flat_map(|(i, e)| {
            std::iter::once(e.name.as_str())
                .chain(e.aliases.iter().map(String::as_str))
                .map(move |n| (i, n))
        })
        .collect();
    names.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.cmp(b)));
    let mut taken: Vec<Range<usize>> = Vec::new();
    let mut out = vec![Vec::new(); entities.len()];
    for (entity, name) in names {
        for r in find_word(sentence, name) {
            if taken.iter().all(|t| r.end <= t.start || t.end <= r.start) {
                taken.push(r.clone());
                out[entity].push(r);
            }
        }
    }
    for ranges in &mut out {
        ranges.sort_by_key(|r| r.start);
    }
    out
}

/// Training examples from one gold article: one per sentence and pair of entities
/// named in it. The label is the gold relation between the pair whose evidence
/// overlaps the sentence, or `none`. Pairs are left out when their relation is
/// optional, or when the article relates them but on other evidence (the
/// sentence may still imply it, so it is no safe negative).
pub fn gold_examples(article: &GoldArticle) -> Vec<Example> {
    let text = article.text.as_str();
    let evidence: Vec<Option<Range<usize>>> = article
        .relations
        .iter()
        .map(|r| {
            (!r.evidence.is_empty())
                .then(|| text.find(&r.evidence).map(|s| s..s + r.evidence.len()))
                .flatten()
        })
        .collect();
    let mut out = Vec::new();
    for (si, sr) in split_sentences(text).into_iter().enumerate() {
        let sentence = &text[sr.clone()];
        let mentions = entity_mentions(sentence, &article.entities);
        for a in 0..article.entities.len() {
            for b in a + 1..article.entities.len() {
                if mentions[a].is_empty() || mentions[b].is_empty() {
                    continue;
                }
                let (na, nb) = (&article.entities[a].name, &article.entities[b].name);
                let between: Vec<usize> = article
                    .relations
                    .iter()
                    .enumerate()
                    .filter(|(_, r)| {
                        (&r.subject == na && &r.object == nb)
                            || (&r.subject == nb && &r.object == na)
                    })
                    .map(|(i, _)| i)
                    .collect();
                let here: Vec<usize> = between
                    .iter()
                    .copied()
                    .filter(|&i| {
                        evidence[i]
                            .as_ref()
                            .is_some_and(|e| e.start < sr.end && sr.start < e.end)
                    })
                    .collect();
                if here.iter().any(|&i| article.relations[i].optional)
                    || (here.is_empty() && !between.is_empty())
                {
                    continue;
                }
                let Ok((pair, swapped)) = mark(sentence, &mentions[a], &mentions[b]) else {
                    continue;
                };
                let label = here.first().map_or(Label::None, |&i| {
                    let r = &article.relations[i];
                    let a_is_subject = &r.subject == na;
                    let subject = if a_is_subject != swapped {
                        Party::First
                    } else {
                        Party::Second
                    };
                    Label::relation(r.relation_type, subject)
                });
                out.push(Example {
                    label,
                    pair,
                    origin: format!("{}:{si}", article.id),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article() -> GoldArticle {
        serde_json::from_str(
            r#"{"id": "t-1", "title": "x", "published": "2025-01-02",
                "text": "Kestrel Systems Inc. agreed to buy Pinewood for $2 billion. Analysts at Dovetail Research praised the U.S. deal. Pinewood and Dovetail Research did not comment. Kestrel also owns Lumen.",
                "entities": [
                  {"name": "Kestrel Systems", "type": "ORG", "aliases": ["Kestrel Systems Inc.", "Kestrel"]},
                  {"name": "Pinewood", "type": "ORG", "aliases": ["Pinewood"]},
                  {"name": "Dovetail Research", "type": "ORG", "aliases": ["Dovetail Research"]},
                  {"name": "Lumen", "type": "ORG", "aliases": ["Lumen"]}
                ],
                "amounts": [],
                "relations": [
                  {"type": "acquirer", "subject": "Kestrel Systems", "object": "Pinewood", "amount": "$2 billion",
                   "status": "announced", "evidence": "Kestrel Systems Inc. agreed to buy Pinewood for $2 billion", "optional": false},
                  {"type": "subsidiary", "subject": "Lumen", "object": "Kestrel Systems", "amount": null,
                   "status": "background", "evidence": "Kestrel also owns Lumen", "optional": true}
                ]}"#,
        )
        .unwrap()
    }

    #[test]
    fn splits_sentences_but_not_abbreviations() {
        let a = article();
        let s: Vec<&str> = split_sentences(&a.text)
            .into_iter()
            .map(|r| &a.text[r])
            .collect();
        assert_eq!(
            s,
            [
                "Kestrel Systems Inc. agreed to buy Pinewood for $2 billion.",
                "Analysts at Dovetail Research praised the U.S. deal.",
                "Pinewood and Dovetail Research did not comment.",
                "Kestrel also owns Lumen.",
            ]
        );
    }

    #[test]
    fn labels_pairs_from_evidence_and_skips_optional_ones() {
        let examples = gold_examples(&article());
        let got: Vec<(String, String)> = examples
            .iter()
            .map(|e| (e.label.to_string(), e.pair.sentence.clone()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "acquirer(1,2)".to_owned(),
                    "[E1] agreed to buy [E2] for $2 billion.".to_owned()
                ),
                (
                    "none".to_owned(),
                    "[E1] and [E2] did not comment.".to_owned()
                ),
            ]
        );
        assert_eq!(examples[1].origin, "t-1:2");
    }

    #[test]
    fn reports_the_bad_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.jsonl");
        std::fs::write(&path, "\n{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": 3}\n").unwrap();
        match read_gold(&path) {
            Err(BertError::Data { line, .. }) => assert_eq!(line, 3),
            other => panic!("expected a data error, got {other:?}"),
        }
    }
}
