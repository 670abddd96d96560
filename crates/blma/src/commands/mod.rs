//! Command-line interface: argument definitions and dispatch.

mod assess;
mod catalogue;
mod eval;
mod extract;
mod guide;
mod input;
mod serve;
mod terminal;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Exit code for a failed command (bad input, unknown id …). Usage errors exit with 2 (clap).
pub const EXIT_FAILURE: u8 = 1;

/// blma: bilateral labour migration agreements, read against the UN Network on Migration's
/// guidance.
#[derive(Debug, Parser)]
#[command(name = "blma", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Read the Guidance on BLMAs: show, list, search and export its elements.
    Guide(guide::GuideArgs),
    /// List known agreements (Chilton & Woda dataset) and their coverage statistics.
    Catalogue(catalogue::CatalogueArgs),
    /// Read an agreement (PDF, DOCX, HTML, text) into normalized text and provisions.
    Extract(extract::ExtractArgs),
    /// Assess agreements against the rubric: verdicts, evidence and red flags.
    Assess(assess::AssessArgs),
    /// Measure the engine on a folder of texts with gold verdicts (`gold.json`).
    Eval(eval::EvalArgs),
    /// Run the web platform: guidance, library, assessment reports, reviews, search, statistics.
    Serve(serve::ServeArgs),
    /// Manage the web platform's accounts.
    User(serve::UserArgs),
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Guide(args) => guide::run(args),
        Command::Catalogue(args) => catalogue::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Assess(args) => assess::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Serve(args) => serve::serve(args),
        Command::User(args) => serve::user(args),
    }
}
