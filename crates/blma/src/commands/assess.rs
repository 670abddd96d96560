//! `blma assess`.

use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct AssessArgs {}

pub fn run(_args: AssessArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not implemented yet")
}
