//! `dealwire train` without the CLI crate: the same module, compiled here so that
//! the head can be fitted (and the module checked) from this crate alone.
//!
//! `cargo run -p dealwire-bert --features bert --release --example train -- models/relations-train --out H.json`

#[path = "../../dealwire-cli/src/train.rs"]
mod train;

use clap::Parser;

#[derive(Debug, Parser)]
struct Cli {
    #[command(flatten)]
    args: train::TrainArgs,
}

fn main() -> anyhow::Result<()> {
    train::run(Cli::parse().args)
}
