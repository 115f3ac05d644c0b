//! `dealwire eval`.

use std::path::PathBuf;

/// Arguments of `dealwire eval`.
#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// Gold files in the annotation format (JSON Lines).
    #[arg(required = true)]
    pub gold: Vec<PathBuf>,
}

/// Runs `dealwire eval`.
pub fn run(_args: EvalArgs) -> anyhow::Result<()> {
    anyhow::bail!("eval is not wired yet")
}
