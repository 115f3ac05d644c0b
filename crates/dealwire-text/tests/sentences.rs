//! Runs every case of `fixtures/text/sentences.toml` through the tokenizer.

use dealwire_core::{Article, Extraction, Stage};
use dealwire_text::Tokenizer;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    sentences: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    case: Vec<Case>,
}

const FIXTURE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../fixtures/text/sentences.toml"
));

#[test]
fn sentence_table() {
    let table: Table = toml::from_str(FIXTURE).unwrap();
    assert!(table.case.len() >= 45, "only {} cases", table.case.len());
    let tokenizer = Tokenizer::new();
    let mut failures = Vec::new();
    for case in &table.case {
        let mut doc = Extraction::new(Article::new(case.name.as_str(), case.text.as_str()));
        tokenizer.run(&mut doc);
        let got: Vec<&str> = doc
            .sentences
            .iter()
            .map(|s| &case.text.as_str()[s.span])
            .collect();
        if got != case.sentences {
            failures.push(format!(
                "{}:\n  expected {:?}\n  got      {:?}",
                case.name, case.sentences, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        table.case.len(),
        failures.join("\n")
    );
}
