//! `blma extract`: read an agreement and print its normalized text, or everything found in it
//! as JSON (offsets in Unicode scalar values into `text`).

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;

use super::input::{InputArgs, read_agreement};

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// The agreement: a PDF with a text layer, DOCX, HTML or plain-text file.
    file: PathBuf,
    /// What to print: the normalized text, or text, language, metadata, provisions and
    /// warnings as JSON.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
    format: ExtractFormat,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ExtractFormat {
    Text,
    Json,
}

pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let document = read_agreement(&args.file, &args.input)?;

    let mut out = std::io::stdout().lock();
    match args.format {
        ExtractFormat::Text => {
            for warning in &document.warnings {
                eprintln!("warning: {} ({})", warning.message, warning.code);
            }
            writeln!(out, "{}", document.text)?;
        }
        ExtractFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &document)?;
            writeln!(out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
