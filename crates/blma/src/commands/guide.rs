//! `blma guide`.

use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct GuideArgs {}

pub fn run(_args: GuideArgs) -> anyhow::Result<ExitCode> {
    Ok(ExitCode::SUCCESS)
}
