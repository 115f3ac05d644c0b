//! `dealwire extract`.

use std::path::PathBuf;

/// Arguments of `dealwire extract`.
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Input files or folders (`-` for standard input).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output folder; one sub-folder of Parquet part files per table.
    #[arg(long)]
    pub out: PathBuf,
}

/// Runs `dealwire extract`.
pub fn run(_args: ExtractArgs) -> anyhow::Result<()> {
    anyhow::bail!("extract is not wired yet")
}
