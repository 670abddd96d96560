//! `blma catalogue`.

use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct CatalogueArgs {}

pub fn run(_args: CatalogueArgs) -> anyhow::Result<ExitCode> {
    Ok(ExitCode::SUCCESS)
}
