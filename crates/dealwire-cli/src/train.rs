//! `dealwire train`: fits the learned relation stage's head (the `bert` feature).

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use dealwire_bert::{
    Embedder, Label, MarkedPair, Metrics, MiniLmEmbedder, SoftmaxHead, TrainConfig, featurize,
    holdout_split, load_examples,
};

/// Arguments of `dealwire train`.
#[derive(Debug, clap::Args)]
pub struct TrainArgs {
    /// Training data: gold-annotated articles (`*.jsonl`), marked sentences
    /// (`*.tsv`, see models/relations-train/README.md), or folders of them.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Where to write the head (a small JSON file).
    #[arg(long)]
    pub out: PathBuf,
    /// Sentence-embedding model folder, as fetched by models/setup-bert.sh.
    #[arg(long, default_value = "models/bert/minilm")]
    pub model: PathBuf,
    /// Full-batch gradient steps.
    #[arg(long, default_value_t = TrainConfig::default().epochs)]
    pub epochs: usize,
    /// Gradient step size.
    #[arg(long, default_value_t = TrainConfig::default().learning_rate)]
    pub learning_rate: f64,
    /// L2 penalty on the weights.
    #[arg(long, default_value_t = TrainConfig::default().l2)]
    pub l2: f64,
    /// First fit on four fifths of the examples and report accuracy and macro-F1
    /// on the held-out fifth (every fifth example), then fit on all of them.
    #[arg(long)]
    pub holdout: bool,
    /// Also score the final head on these examples (same formats as the inputs),
    /// e.g. gold articles it was not trained on. Put it after the inputs.
    #[arg(long, num_args = 1..)]
    pub test: Vec<PathBuf>,
    /// libtorch threads.
    #[arg(long, default_value_t = 2)]
    pub threads: usize,
}

/// Runs `dealwire train`.
pub fn run(args: TrainArgs) -> anyhow::Result<()> {
    let examples = load_examples(&args.inputs).context("reading training data")?;
    anyhow::ensure!(
        !examples.is_empty(),
        "no training examples in {:?}",
        args.inputs
    );
    MiniLmEmbedder::set_threads(args.threads);
    let embedder = MiniLmEmbedder::new(&args.model)
        .with_context(|| format!("loading the model from {}", args.model.display()))?;
    let started = Instant::now();
    let pairs: Vec<&MarkedPair> = examples.iter().map(|e| &e.pair).collect();
    let features = embed_all(&embedder, &pairs)?;
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "embedded {} examples ({} texts) in {seconds:.1} s, {:.0} texts/s",
        examples.len(),
        2 * examples.len(),
        2.0 * examples.len() as f64 / seconds.max(1e-9)
    );
    let labels: Vec<Label> = examples.iter().map(|e| e.label).collect();
    let config = TrainConfig {
        epochs: args.epochs,
        learning_rate: args.learning_rate,
        l2: args.l2,
        ..TrainConfig::default()
    };
    if args.holdout {
        let (train, test) = holdout_split(examples.len(), 5);
        let pick = |idx: &[usize]| -> (Vec<Vec<f32>>, Vec<Label>) {
            (
                idx.iter().map(|&i| features[i].clone()).collect(),
                idx.iter().map(|&i| labels[i]).collect(),
            )
        };
        let (train_x, train_y) = pick(&train);
        let (test_x, test_y) = pick(&test);
        let head = SoftmaxHead::train(&train_x, &train_y, &config)?;
        print_metrics("held-out", &head.evaluate(&test_x, &test_y)?, train.len());
    }
    let head = SoftmaxHead::train(&features, &labels, &config)?;
    head.save(&args.out)?;
    print_metrics(
        "training set",
        &head.evaluate(&features, &labels)?,
        examples.len(),
    );
    if !args.test.is_empty() {
        let tests = load_examples(&args.test).context("reading test data")?;
        let pairs: Vec<&MarkedPair> = tests.iter().map(|e| &e.pair).collect();
        let test_x = embed_all(&embedder, &pairs)?;
        let test_y: Vec<Label> = tests.iter().map(|e| e.label).collect();
        print_metrics(
            "test files",
            &head.evaluate(&test_x, &test_y)?,
            examples.len(),
        );
    }
    println!("wrote {}", args.out.display());
    Ok(())
}

fn embed_all<E: Embedder>(embedder: &E, pairs: &[&MarkedPair]) -> anyhow::Result<Vec<Vec<f32>>> {
    let mut out = Vec::with_capacity(pairs.len());
    for chunk in pairs.chunks(256) {
        out.extend(featurize(embedder, chunk)?);
    }
    Ok(out)
}

fn print_metrics(what: &str, m: &Metrics, trained_on: usize) {
    println!(
        "{what}: {} examples (head fitted on {trained_on}): accuracy {:.3}, macro-F1 {:.3}",
        m.examples, m.accuracy, m.macro_f1
    );
    for (label, f1) in &m.per_label {
        println!("  {label:<16} F1 {f1:.3}");
    }
}
