//! The shipped training data parses and covers every label.

use std::collections::BTreeMap;
use std::path::PathBuf;

use dealwire_bert::{Label, load_examples};

#[test]
fn training_data_covers_every_label() {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../models/relations-train"
    ));
    let examples = load_examples(&[dir]).unwrap();
    assert_eq!(examples.len(), 421);
    let mut counts: BTreeMap<Label, usize> = BTreeMap::new();
    for e in &examples {
        *counts.entry(e.label).or_default() += 1;
        assert!(
            e.pair.sentence.contains("[E1]") && e.pair.sentence.contains("[E2]"),
            "{}",
            e.origin
        );
    }
    for label in Label::ALL {
        let n = counts.get(&label).copied().unwrap_or(0);
        assert!(n >= 25, "{label}: only {n} examples");
    }
    assert_eq!(counts[&Label::None], 107);
    // No sentence is listed twice.
    let mut sentences: Vec<&str> = examples.iter().map(|e| e.pair.sentence.as_str()).collect();
    sentences.sort_unstable();
    sentences.dedup();
    assert_eq!(sentences.len(), examples.len());
}
