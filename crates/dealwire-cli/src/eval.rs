//! `dealwire eval`.

use std::path::PathBuf;

use anyhow::Context;
use dealwire::Pipeline;
use dealwire_eval::{aggregate, read_gold, score_article};

/// Arguments of `dealwire eval`.
#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// Gold files in the annotation format (JSON Lines).
    #[arg(required = true)]
    pub gold: Vec<PathBuf>,
    /// Pipeline file to score; the built-in default pipeline when absent.
    #[arg(long, value_name = "FILE")]
    pub pipeline: Option<PathBuf>,
    /// Print the figures as JSON.
    #[arg(long)]
    pub json: bool,
    /// List each missed and spurious relation by article.
    #[arg(long, short)]
    pub verbose: bool,
}

/// Runs `dealwire eval`: extracts every gold article and prints the figures.
pub fn run(args: EvalArgs) -> anyhow::Result<()> {
    let pipeline = match &args.pipeline {
        Some(path) => Pipeline::from_file(path)
            .with_context(|| format!("cannot load pipeline {}", path.display()))?,
        None => Pipeline::builder()
            .build()
            .context("cannot build the default pipeline")?,
    };
    let mut scores = Vec::new();
    for path in &args.gold {
        for gold in read_gold(path)? {
            let extraction = pipeline.extract(&gold.to_article());
            scores.push(score_article(&gold, &extraction));
        }
    }
    let mut report = aggregate(&scores);
    if args.json {
        if !args.verbose {
            report.details.clear();
        }
        let mut value = serde_json::to_value(&report)?;
        value["pipeline"] = pipeline.name().into();
        println!("{}", serde_json::to_string_pretty(&value)?);
    } else {
        println!("pipeline: {}", pipeline.name());
        print!("{}", report.render(args.verbose));
    }
    Ok(())
}
