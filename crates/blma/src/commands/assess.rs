//! `blma assess`: read agreements and print, for every rubric item, the verdict and its evidence.

use std::io::{IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use blma_assessment::{AssessError, Assessment, Engine};
use blma_documents::formats::Limits;
use blma_documents::{Document, DocumentError};
use blma_knowledge::KnowledgeBase;
use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Exit code when an agreement is in a language the engine has no cues for.
pub const EXIT_UNSUPPORTED_LANGUAGE: u8 = 3;

#[derive(Debug, clap::Args)]
pub struct AssessArgs {
    /// The agreements: PDF with a text layer, DOCX, HTML or plain text, in English, French or
    /// Spanish.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// `text`: a readable summary, red flags first; `json`: the rubric's JSON contract (one
    /// object per file); `jsonl`: one object a line, with a `file` field.
    #[arg(long, value_enum, default_value_t = AssessFormat::Text)]
    format: AssessFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum AssessFormat {
    Text,
    Json,
    Jsonl,
}

/// Reads one agreement file into a document, with messages that say what to do.
pub fn read_document(path: &Path) -> anyhow::Result<Document> {
    let limits = Limits::default();
    let shown = path.display();
    let metadata = std::fs::metadata(path)
        .with_context(|| format!("cannot open {shown}; check the path and that you may read it"))?;
    if metadata.is_dir() {
        bail!("{shown} is a folder; give agreement files");
    }
    let size = usize::try_from(metadata.len()).unwrap_or(usize::MAX);
    if size > limits.max_input_bytes {
        return Err(DocumentError::TooLarge {
            size,
            limit: limits.max_input_bytes,
        })
        .with_context(|| format!("cannot read {shown}"));
    }
    let bytes = std::fs::read(path)
        .with_context(|| format!("cannot read {shown}; check that you may read it"))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    blma_documents::read(&bytes, name.as_deref(), &limits)
        .with_context(|| format!("cannot read {shown}"))
}

/// Why one file could not be assessed.
enum Failure {
    Unreadable(anyhow::Error),
    Unsupported(AssessError),
}

fn assess_file(engine: &Engine, path: &Path) -> Result<Assessment, Failure> {
    let document = read_document(path).map_err(Failure::Unreadable)?;
    engine.assess(&document).map_err(|e| match e {
        AssessError::UnsupportedLanguage { .. } => Failure::Unsupported(e),
        other => Failure::Unreadable(other.into()),
    })
}

fn progress(len: usize) -> ProgressBar {
    let bar = ProgressBar::new(len as u64);
    // Only on a terminal, and only for batches: a pipe or a log gets no control characters.
    if len < 2 || !std::io::stderr().is_terminal() {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    }
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

pub fn run(args: AssessArgs) -> anyhow::Result<ExitCode> {
    let engine = Engine::embedded();
    let kb = KnowledgeBase::embedded();
    let width = super::terminal::width();
    let bar = progress(args.files.len());
    let mut out = std::io::stdout().lock();
    let mut unreadable = false;
    let mut unsupported = false;
    let mut batch: Vec<(String, Assessment)> = Vec::new();
    for path in &args.files {
        bar.set_message(path.display().to_string());
        match assess_file(engine, path) {
            Ok(assessment) => match args.format {
                AssessFormat::Json => {
                    serde_json::to_writer_pretty(&mut out, &assessment)?;
                    writeln!(out)?;
                }
                AssessFormat::Jsonl => {
                    let mut value = serde_json::to_value(&assessment)?;
                    if let Some(object) = value.as_object_mut() {
                        object.insert("file".into(), path.display().to_string().into());
                    }
                    serde_json::to_writer(&mut out, &value)?;
                    writeln!(out)?;
                }
                AssessFormat::Text => {
                    if args.files.len() > 1 {
                        bar.suspend(|| writeln!(out, "== {}\n", path.display()))?;
                    }
                    let text = blma_report::terminal(&assessment, kb, width);
                    bar.suspend(|| write!(out, "{text}"))?;
                    batch.push((path.display().to_string(), assessment));
                }
            },
            Err(Failure::Unreadable(e)) => {
                unreadable = true;
                bar.suspend(|| eprintln!("error: {e:#}"));
            }
            Err(Failure::Unsupported(e)) => {
                unsupported = true;
                bar.suspend(|| eprintln!("error: {}: {e}", path.display()));
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    if args.format == AssessFormat::Text && batch.len() > 1 {
        let rows: Vec<(&str, &Assessment)> = batch.iter().map(|(f, a)| (f.as_str(), a)).collect();
        write!(out, "{}", blma_report::summary_terminal(&rows, width))?;
    }
    Ok(if unreadable {
        ExitCode::from(super::EXIT_FAILURE)
    } else if unsupported {
        ExitCode::from(EXIT_UNSUPPORTED_LANGUAGE)
    } else {
        ExitCode::SUCCESS
    })
}
