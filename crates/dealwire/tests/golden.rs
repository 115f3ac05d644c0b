//! Golden test: the default pipeline on the bundled fixture articles must
//! produce exactly the hand-written relations in `fixtures/articles/expected.toml`.

use std::collections::BTreeSet;

use dealwire::{Article, Extraction, MentionKind, Pipeline, RelationType, Status};
use serde::Deserialize;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/articles");

#[derive(Deserialize)]
struct Expected {
    article: Vec<ExpectedArticle>,
}

#[derive(Deserialize)]
struct ExpectedArticle {
    id: String,
    relations: Vec<ExpectedRelation>,
}

#[derive(Deserialize)]
struct ExpectedRelation {
    #[serde(rename = "type")]
    relation_type: String,
    subject: String,
    object: String,
    amount: String,
    status: String,
}

#[derive(Deserialize)]
struct Input {
    id: String,
    text: String,
}

fn normalise(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let mut s = lower.as_str();
    for suffix in [
        " inc.",
        " inc",
        " corp.",
        " corp",
        " corporation",
        " ltd.",
        " plc",
    ] {
        if let Some(stripped) = s.strip_suffix(suffix) {
            s = stripped;
        }
    }
    s.trim_end_matches(',').to_owned()
}

/// All the names an entity goes by in this article: its canonical name and
/// the text of each of its name mentions.
fn names(doc: &Extraction, entity: usize) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    out.insert(normalise(&doc.entities[entity].name));
    for m in &doc.mentions {
        if m.entity == entity && m.kind == MentionKind::Name {
            out.insert(normalise(&doc.text()[m.span]));
        }
    }
    out
}

fn matches(doc: &Extraction, entity: usize, expected: &str) -> bool {
    names(doc, entity).contains(&normalise(expected))
}

#[test]
fn fixture_articles_give_the_expected_relations() {
    let expected: Expected =
        toml::from_str(&std::fs::read_to_string(format!("{FIXTURES}/expected.toml")).unwrap())
            .unwrap();
    let inputs: Vec<Input> = std::fs::read_to_string(format!("{FIXTURES}/news.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let pipeline = Pipeline::default();
    let mut problems = Vec::new();
    for want in &expected.article {
        let input = inputs.iter().find(|i| i.id == want.id).unwrap();
        let doc = pipeline.extract(&Article::new(&input.id, &input.text));
        let mut used = vec![false; doc.relations.len()];
        for e in &want.relations {
            let ty = RelationType::from_label(&e.relation_type).unwrap();
            let found = doc.relations.iter().enumerate().find(|(i, r)| {
                let forward =
                    matches(&doc, r.subject, &e.subject) && matches(&doc, r.object, &e.object);
                let backward =
                    matches(&doc, r.subject, &e.object) && matches(&doc, r.object, &e.subject);
                !used[*i] && r.relation_type == ty && (forward || (!ty.is_directed() && backward))
            });
            let Some((i, r)) = found else {
                problems.push(format!(
                    "{}: missing {} {} -> {}",
                    want.id, e.relation_type, e.subject, e.object
                ));
                continue;
            };
            used[i] = true;
            let amount = r
                .amount
                .map_or("none", |a| &doc.text()[doc.amounts[a].span]);
            if amount != e.amount {
                problems.push(format!(
                    "{}: {} {} -> {}: amount {amount:?}, expected {:?}",
                    want.id, e.relation_type, e.subject, e.object, e.amount
                ));
            }
            if Some(r.status) != Status::from_label(&e.status) {
                problems.push(format!(
                    "{}: {} {} -> {}: status {}, expected {}",
                    want.id,
                    e.relation_type,
                    e.subject,
                    e.object,
                    r.status.as_str(),
                    e.status
                ));
            }
        }
        for (i, r) in doc.relations.iter().enumerate() {
            if !used[i] {
                problems.push(format!(
                    "{}: unexpected {} {} -> {} ({})",
                    want.id,
                    r.relation_type.as_str(),
                    doc.entities[r.subject].name,
                    doc.entities[r.object].name,
                    r.method
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "golden mismatches:\n{}",
        problems.join("\n")
    );
}
