//! The real embedder (`--features bert`): sanity figures of all-MiniLM-L6-v2.
//! Skips with a note when models/bert/minilm is missing (run models/setup-bert.sh),
//! except under CI (env `CI` set), where a missing model fails the test.
#![cfg(feature = "bert")]

use std::path::PathBuf;

use dealwire_bert::{Embedder, MiniLmEmbedder};

fn model_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("DEALWIRE_BERT_MODEL").map_or_else(
        || {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../models/bert/minilm"
            ))
        },
        PathBuf::from,
    );
    if dir.join("model.safetensors").is_file() {
        Some(dir)
    } else {
        assert!(
            std::env::var_os("CI").is_none(),
            "no model in {} under CI (run models/setup-bert.sh)",
            dir.display()
        );
        eprintln!(
            "skipped: no model in {} (run models/setup-bert.sh)",
            dir.display()
        );
        None
    }
}

fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let dot: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let norm = |v: &[f32]| v.iter().map(|x| x * x).sum::<f32>().sqrt();
    dot / (norm(a) * norm(b))
}

#[test]
fn sentence_similarity_matches_the_reference() {
    let Some(dir) = model_dir() else { return };
    let embedder = MiniLmEmbedder::new(&dir).unwrap();
    let texts = [
        "The company invested $4 billion in the startup.",
        "The firm put four billion dollars into the young company.",
        "The weather was cold in Paris.",
    ]
    .map(str::to_owned);
    let v = embedder.embed(&texts).unwrap();
    assert_eq!(v.len(), 3);
    assert_eq!(v[0].len(), 384);
    let similar = cosine(&v[0], &v[1]);
    let unrelated = cosine(&v[0], &v[2]);
    assert!((similar - 0.746).abs() < 0.01, "similar pair: {similar}");
    assert!(
        (unrelated + 0.038).abs() < 0.01,
        "unrelated pair: {unrelated}"
    );
    // Order of inputs and batch size do not change the vectors.
    let reversed: Vec<String> = texts.iter().rev().cloned().collect();
    let small = MiniLmEmbedder::new(&dir).unwrap().with_batch_size(1);
    let w = small.embed(&reversed).unwrap();
    assert!(cosine(&v[0], &w[2]) > 0.9999);
}
