//! `blma extract`: read an agreement and print its normalized text, or everything found in it
//! as JSON (offsets in Unicode scalar values into `text`).

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use blma_documents::DocumentError;
use blma_documents::formats::Limits;
use clap::ValueEnum;

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// The agreement: a PDF with a text layer, DOCX, HTML or plain-text file.
    file: PathBuf,
    /// What to print: the normalized text, or text, language, metadata, provisions and
    /// warnings as JSON.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
    format: ExtractFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ExtractFormat {
    Text,
    Json,
}

pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let limits = Limits::default();
    let shown = args.file.display();
    let metadata = std::fs::metadata(&args.file)
        .with_context(|| format!("cannot open {shown}; check the path and that you may read it"))?;
    if metadata.is_dir() {
        bail!("{shown} is a folder; give one agreement file");
    }
    let size = usize::try_from(metadata.len()).unwrap_or(usize::MAX);
    if size > limits.max_input_bytes {
        return Err(DocumentError::TooLarge {
            size,
            limit: limits.max_input_bytes,
        })
        .with_context(|| format!("cannot read {shown}"));
    }
    let bytes = std::fs::read(&args.file)
        .with_context(|| format!("cannot read {shown}; check that you may read it"))?;
    let name = args
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned());
    let document = blma_documents::read(&bytes, name.as_deref(), &limits)
        .with_context(|| format!("cannot read {shown}"))?;

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
