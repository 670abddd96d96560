//! `blma eval DIR`: assess every `DIR/<slug>.txt` and score it against `DIR/gold.json`.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use blma_assessment::eval::{Case, Report, Scores, evaluate, parse_gold};
use blma_assessment::{Assessment, Engine};
use clap::ValueEnum;

#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// A folder with agreement texts (`<slug>.txt`) and their gold verdicts (`gold.json`).
    dir: PathBuf,
    /// `text`: tables for a reader; `json`: every figure, for machines.
    #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
    format: EvalFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum EvalFormat {
    Text,
    Json,
}

pub fn run(args: EvalArgs) -> anyhow::Result<ExitCode> {
    let gold_path = args.dir.join("gold.json");
    let gold_text = std::fs::read_to_string(&gold_path).with_context(|| {
        format!(
            "cannot read {}; an evaluation folder holds gold.json beside the texts",
            gold_path.display()
        )
    })?;
    let gold = parse_gold(&gold_text)?;
    if gold.is_empty() {
        bail!("{} names no agreement", gold_path.display());
    }
    let engine = Engine::embedded();
    let mut assessed: Vec<(&str, String, Assessment)> = Vec::new();
    for slug in gold.keys() {
        let path = args.dir.join(format!("{slug}.txt"));
        let document =
            super::input::read_agreement(&path, &Default::default()).with_context(|| {
                format!("gold.json names `{slug}`, but its text is missing or unreadable")
            })?;
        let assessment = engine
            .assess(&document)
            .with_context(|| format!("cannot assess {}", path.display()))?;
        assessed.push((slug, document.text, assessment));
    }
    let cases: Vec<Case> = assessed
        .iter()
        .map(|(slug, text, assessment)| Case {
            slug,
            text,
            assessment,
            gold: &gold[*slug],
        })
        .collect();
    let report = evaluate(&cases)?;
    let mut out = std::io::stdout().lock();
    match args.format {
        EvalFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
        }
        EvalFormat::Text => write!(out, "{}", render(&report))?,
    }
    Ok(ExitCode::SUCCESS)
}

fn line(name: &str, s: &Scores) -> String {
    format!(
        "{name:<28} {:>5} {:>7.3} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>6.3}\n",
        s.pairs,
        s.nli_f1,
        s.accuracy,
        s.provides.f1,
        s.contradicts.precision,
        s.contradicts.recall,
        s.evidence_precision
    )
}

fn render(report: &Report) -> String {
    let o = &report.overall;
    let mut text = String::new();
    let _ = writeln!(
        text,
        "NLI-F1 {:.3}   accuracy {:.3}   contradicts P {:.3} R {:.3}   evidence precision {:.3} ({}/{} spans)\n",
        o.nli_f1,
        o.accuracy,
        o.contradicts.precision,
        o.contradicts.recall,
        o.evidence_precision,
        o.evidence_matching,
        o.evidence_cited
    );
    let _ = writeln!(
        text,
        "provides     P {:.3} R {:.3} F1 {:.3}\ncontradicts  P {:.3} R {:.3} F1 {:.3}\n",
        o.provides.precision,
        o.provides.recall,
        o.provides.f1,
        o.contradicts.precision,
        o.contradicts.recall,
        o.contradicts.f1
    );
    text.push_str("confusion (rows gold, columns predicted)\n");
    text.push_str("               provides contradicts  silent\n");
    for (name, row) in ["provides", "contradicts", "silent"]
        .iter()
        .zip(o.confusion)
    {
        let _ = writeln!(
            text,
            "  {name:<12} {:>8} {:>11} {:>7}",
            row[0], row[1], row[2]
        );
    }
    let header = format!(
        "{:<28} {:>5} {:>7} {:>6} {:>6} {:>6} {:>6} {:>6}\n",
        "", "pairs", "NLI-F1", "acc", "F1 p", "P c", "R c", "evid"
    );
    for (title, table) in [
        ("per language", &report.per_language),
        ("per document", &report.per_document),
        ("per item", &report.per_item),
    ] {
        let _ = writeln!(text, "\n{title}");
        text.push_str(&header);
        for (name, scores) in table {
            text.push_str(&line(name, scores));
        }
    }
    if !report.misses.is_empty() {
        text.push_str("\nmisses (document, item: gold → predicted)\n");
        for miss in &report.misses {
            let _ = writeln!(
                text,
                "  {} {}: {} → {}",
                miss.document,
                miss.item,
                miss.gold.as_str(),
                miss.predicted.as_str()
            );
        }
    }
    for (doc, item, quote) in &report.unlocated_quotes {
        let _ = writeln!(
            text,
            "warning: gold quote for {doc} {item} not found in the text: {quote}"
        );
    }
    text
}
