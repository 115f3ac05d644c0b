//! The `dealwire` command: extract deals from news into Parquet tables, and
//! score the pipeline against gold annotations.

mod eval;
mod extract;
#[cfg(feature = "bert")]
mod train;

use clap::{Parser, Subcommand};

/// Extract deals (investor, acquirer, partner, rival, supplier, subsidiary)
/// from business news into Parquet tables.
#[derive(Debug, Parser)]
#[command(name = "dealwire", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run a pipeline over articles and write the Parquet tables.
    Extract(extract::ExtractArgs),
    /// Score a pipeline against gold-annotated articles.
    Eval(eval::EvalArgs),
    /// Fit the learned relation stage's head (built with the `bert` feature).
    #[cfg(feature = "bert")]
    Train(train::TrainArgs),
}

/// Extractions are built on worker threads and dropped on the writer thread,
/// a pattern the system allocator handles slowly (see the README's figures).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Eval(args) => eval::run(args),
        #[cfg(feature = "bert")]
        Command::Train(args) => train::run(args),
    }
}
