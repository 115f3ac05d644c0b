//! Table-driven entity cases from `fixtures/entity/*.toml`.
//!
//! Each `[[case]]` has `text`, the expected entity `names` (in order of first
//! mention) and every expected mention as `"span text -> entity name"`, in text order.

use dealwire_core::{Article, Extraction, Stage};
use dealwire_tag::{EntityTagger, Gazetteer};
use serde::Deserialize;

#[derive(Deserialize)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    text: String,
    names: Vec<String>,
    mentions: Vec<String>,
}

#[test]
fn entity_fixture_tables() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/entity");
    let tagger = EntityTagger::new(Gazetteer::embedded().unwrap()).unwrap();
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let (mut total, mut failed) = (0, Vec::new());
    for path in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
    {
        let file: File = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        for case in file.case {
            total += 1;
            let mut doc = Extraction::new(Article::new("t", case.text.as_str()));
            tagger.run(&mut doc);
            let names: Vec<String> = doc.entities.iter().map(|e| e.name.clone()).collect();
            let mentions: Vec<String> = doc
                .mentions
                .iter()
                .map(|m| {
                    format!(
                        "{} -> {}",
                        &case.text.as_str()[m.span],
                        doc.entities[m.entity].name
                    )
                })
                .collect();
            if names != case.names || mentions != case.mentions {
                failed.push(format!(
                    "{}: {:?}\n  names    {names:?}\n  expected {:?}\n  mentions {mentions:?}\n  expected {:?}",
                    path.display(),
                    case.text,
                    case.names,
                    case.mentions
                ));
            }
        }
    }
    assert!(total >= 110, "only {total} cases");
    assert!(
        failed.is_empty(),
        "{} of {total} cases failed:\n{}",
        failed.len(),
        failed.join("\n")
    );
}
