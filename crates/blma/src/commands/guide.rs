//! `blma guide`: read the Guidance on BLMAs from the terminal.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use blma_knowledge::render::{self, Markdown};
use blma_knowledge::{Index, Kind, KnowledgeBase, search};
use clap::{Subcommand, ValueEnum};

use super::terminal::Terminal;

#[derive(Debug, clap::Args)]
pub struct GuideArgs {
    #[command(subcommand)]
    command: GuideCommand,
}

#[derive(Debug, Subcommand)]
enum GuideCommand {
    /// Print one element: a principle (III.B.1), box (box8), table (table13), annex (annex3),
    /// checklist item (annex5.origin.3), indicator (table13.2.o1), rubric item (no_worker_fees) …
    Show {
        id: String,
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
    /// List the elements of one kind (principle, box, table, annex3-item, rubric-item …).
    List {
        kind: String,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// List the kinds of element and how many there are.
    Kinds,
    /// Rank elements by how well they match WORDS, with snippets.
    Search {
        #[arg(required = true)]
        words: Vec<String>,
        #[arg(long, default_value_t = 10)]
        limit: usize,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Write the whole knowledge base as JSON (re-loadable) or Markdown.
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ShowFormat {
    Text,
    Json,
    Markdown,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ListFormat {
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ExportFormat {
    Json,
    Markdown,
}

pub fn run(args: GuideArgs) -> anyhow::Result<ExitCode> {
    let kb = KnowledgeBase::embedded();
    let index = KnowledgeBase::index();
    let mut stdout = std::io::stdout().lock();
    match args.command {
        GuideCommand::Show { id, format } => {
            let element = index.resolve(&id)?;
            let text = match format {
                ShowFormat::Text => {
                    let mut sink = Terminal::new(super::terminal::width());
                    render::write_element(index, element, 1, true, &mut sink);
                    sink.out
                }
                ShowFormat::Markdown => {
                    let mut sink = Markdown::default();
                    render::write_element(index, element, 1, true, &mut sink);
                    sink.out
                }
                ShowFormat::Json => {
                    let mut value = serde_json::to_value(element)?;
                    value["record"] = element.record.clone();
                    serde_json::to_string_pretty(&value)? + "\n"
                }
            };
            stdout.write_all(text.as_bytes())?;
        }
        GuideCommand::List { kind, format } => {
            let kind = Index::parse_kind(&kind)?;
            let elements: Vec<_> = index.of_kind(kind).collect();
            match format {
                ListFormat::Json => {
                    let array: Vec<_> = elements.iter().map(|e| e.summary_json()).collect();
                    writeln!(stdout, "{}", serde_json::to_string_pretty(&array)?)?;
                }
                ListFormat::Table => {
                    let rows: Vec<[String; 2]> = elements
                        .iter()
                        .map(|e| [e.id.clone(), e.title.clone()])
                        .collect();
                    stdout.write_all(
                        super::terminal::two_columns(&rows, super::terminal::width()).as_bytes(),
                    )?;
                }
            }
        }
        GuideCommand::Kinds => {
            for kind in Kind::ALL {
                writeln!(
                    stdout,
                    "{:<20} {}",
                    kind.name(),
                    index.of_kind(kind).count()
                )?;
            }
        }
        GuideCommand::Search {
            words,
            limit,
            format,
        } => {
            let hits = search::search(index, &words.join(" "), limit);
            if hits.is_empty() {
                eprintln!("no element of the guidance matches `{}`", words.join(" "));
                return Ok(ExitCode::from(super::EXIT_FAILURE));
            }
            match format {
                ListFormat::Json => writeln!(stdout, "{}", serde_json::to_string_pretty(&hits)?)?,
                ListFormat::Table => {
                    let width = super::terminal::width();
                    for hit in hits {
                        writeln!(stdout, "{}  [{}]  {}", hit.id, hit.kind, hit.title)?;
                        for line in textwrap::wrap(
                            &hit.snippet,
                            textwrap::Options::new(width)
                                .initial_indent("    ")
                                .subsequent_indent("    "),
                        ) {
                            writeln!(stdout, "{line}")?;
                        }
                        writeln!(stdout)?;
                    }
                }
            }
        }
        GuideCommand::Export { format, output } => {
            let text = match format {
                ExportFormat::Json => serde_json::to_string_pretty(kb)? + "\n",
                ExportFormat::Markdown => kb.to_markdown(),
            };
            match output {
                Some(path) => std::fs::write(&path, text)
                    .with_context(|| format!("cannot write {}", path.display()))?,
                None => stdout.write_all(text.as_bytes())?,
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
