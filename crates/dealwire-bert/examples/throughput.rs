//! Sentences per second of the MiniLM embedder on the training sentences.
//!
//! `cargo run -p dealwire-bert --features bert --release --example throughput -- MODEL_DIR DATA_DIR [THREADS]`

use std::path::PathBuf;
use std::time::Instant;

use dealwire_bert::{Embedder, MiniLmEmbedder, load_examples};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let model = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "models/bert/minilm".to_owned()),
    );
    let data = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "models/relations-train".to_owned()),
    );
    let threads: usize = args.next().map_or(Ok(2), |t| t.parse())?;
    MiniLmEmbedder::set_threads(threads);
    let embedder = MiniLmEmbedder::new(&model)?;
    let sentences: Vec<String> = load_examples(&[data])?
        .into_iter()
        .map(|e| e.pair.sentence)
        .collect();
    embedder.embed(&sentences[..sentences.len().min(64)])?;
    let started = Instant::now();
    let vectors = embedder.embed(&sentences)?;
    let seconds = started.elapsed().as_secs_f64();
    let words: usize = sentences.iter().map(|s| s.split_whitespace().count()).sum();
    println!(
        "{} sentences ({:.1} words each) in {seconds:.2} s on {threads} thread(s): {:.0} sentences/s, dim {}",
        sentences.len(),
        words as f64 / sentences.len().max(1) as f64,
        sentences.len() as f64 / seconds,
        vectors.first().map_or(0, Vec::len)
    );
    Ok(())
}
