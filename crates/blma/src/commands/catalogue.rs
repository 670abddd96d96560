//! `blma catalogue`: list the known agreements (Chilton & Woda dataset) and the coverage of the
//! 34 coded good-practice items.

use std::fmt::Write as _;
use std::process::ExitCode;

use anyhow::Context as _;
use blma_catalogue::{Agreement, CITATION, Catalogue, Filter, ItemStats, Share, Stats};
use clap::{Args, Subcommand, ValueEnum};

#[derive(Debug, Args)]
pub struct CatalogueArgs {
    #[command(subcommand)]
    command: Option<CatalogueCommand>,
    #[command(flatten)]
    filters: FilterArgs,
    /// Output format of the list [default: table].
    #[arg(long, value_enum)]
    format: Option<ListFormat>,
}

#[derive(Debug, Subcommand)]
enum CatalogueCommand {
    /// Per coded item: how many coded agreements have it, and the share.
    Stats(StatsArgs),
}

#[derive(Debug, Args)]
struct StatsArgs {
    /// Output format of the statistics.
    #[arg(long, value_enum, default_value_t = StatsFormat::Table)]
    format: StatsFormat,
}

/// Filters, `global` so they work before or after `stats`.
#[derive(Debug, Args)]
struct FilterArgs {
    /// Agreements with this party: a name as the dataset spells it, an ISO name or an ISO3 code.
    #[arg(long, global = true, value_name = "NAME|ISO3")]
    country: Option<String>,
    /// Agreements between two countries, in either order.
    #[arg(long, global = true, value_name = "A,B", value_parser = parse_corridor)]
    corridor: Option<(String, String)>,
    /// First year signed, inclusive.
    #[arg(long, global = true, value_name = "YEAR")]
    from: Option<u16>,
    /// Last year signed, inclusive.
    #[arg(long, global = true, value_name = "YEAR")]
    to: Option<u16>,
    /// Only the 570 agreements whose text was hand-coded.
    #[arg(long, global = true)]
    coded: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ListFormat {
    Table,
    Json,
    Csv,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum StatsFormat {
    Table,
    Json,
}

fn parse_corridor(value: &str) -> Result<(String, String), String> {
    match value.split(',').map(str::trim).collect::<Vec<_>>()[..] {
        [a, b] if !a.is_empty() && !b.is_empty() => Ok((a.to_owned(), b.to_owned())),
        _ => Err("expected two countries separated by a comma, e.g. Philippines,Japan".to_owned()),
    }
}

impl FilterArgs {
    fn to_filter(&self) -> Filter {
        Filter {
            country: self.country.clone(),
            corridor: self.corridor.clone(),
            from: self.from,
            to: self.to,
            coded_only: self.coded,
        }
    }

    /// The filter in words, for the table headings.
    fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(c) = &self.country {
            parts.push(format!("country {c}"));
        }
        if let Some((a, b)) = &self.corridor {
            parts.push(format!("corridor {a}–{b}"));
        }
        match (self.from, self.to) {
            (Some(f), Some(t)) => parts.push(format!("signed {f}–{t}")),
            (Some(f), None) => parts.push(format!("signed {f} or later")),
            (None, Some(t)) => parts.push(format!("signed {t} or earlier")),
            (None, None) => {}
        }
        if self.coded {
            parts.push("coded only".to_owned());
        }
        parts.join(", ")
    }
}

pub fn run(args: CatalogueArgs) -> anyhow::Result<ExitCode> {
    let catalogue = Catalogue::embedded().context("the embedded catalogue data is broken")?;
    let filter = args.filters.to_filter();
    let out = match args.command {
        None => {
            let selected = catalogue.select(&filter)?;
            match args.format.unwrap_or(ListFormat::Table) {
                ListFormat::Table => list_table(&selected),
                ListFormat::Json => serde_json::to_string_pretty(&selected)? + "\n",
                ListFormat::Csv => Catalogue::to_csv(&selected)?,
            }
        }
        Some(CatalogueCommand::Stats(stats_args)) => {
            // Both levels have a --format; one given before `stats` would be silently ignored.
            if args.format.is_some() {
                anyhow::bail!("put --format after `stats`: `blma catalogue stats --format json`");
            }
            let stats = catalogue.stats(&filter)?;
            match stats_args.format {
                StatsFormat::Table => stats_table(&stats, &args.filters.describe()),
                StatsFormat::Json => serde_json::to_string_pretty(&stats)? + "\n",
            }
        }
    };
    print!("{out}");
    Ok(ExitCode::SUCCESS)
}

/// Left-aligned columns (right-aligned where `right[i]`), two spaces apart; widths in chars.
fn render(header: &[&str], rows: &[Vec<String>], right: &[bool]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let header: Vec<String> = header.iter().map(|h| (*h).to_owned()).collect();
    for row in std::iter::once(&header).chain(rows) {
        let mut line = String::new();
        for (i, (cell, w)) in row.iter().zip(&widths).enumerate() {
            let pad = " ".repeat(w - cell.chars().count());
            if i > 0 {
                line.push_str("  ");
            }
            if right.get(i).copied().unwrap_or(false) {
                line.push_str(&pad);
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&pad);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn party_label(agreement: &Agreement) -> String {
    let party = |i: usize| {
        let p = &agreement.parties[i];
        match &p.iso3 {
            Some(code) => format!("{} ({code})", p.name),
            None => p.name.clone(),
        }
    };
    format!("{} – {}", party(0), party(1))
}

fn list_table(selected: &[&Agreement]) -> String {
    let rows: Vec<Vec<String>> = selected
        .iter()
        .map(|a| {
            vec![
                a.treaty_id.to_string(),
                a.year.map(|y| y.to_string()).unwrap_or_default(),
                party_label(a),
                a.signed
                    .clone()
                    .or_else(|| a.signed_as_written.clone())
                    .unwrap_or_default(),
                a.languages.join(", "),
                if a.is_coded() { "✓" } else { "" }.to_owned(),
            ]
        })
        .collect();
    let mut out = render(
        &["id", "year", "parties", "signed", "languages", "coded"],
        &rows,
        &[true, true],
    );
    let coded = selected.iter().filter(|a| a.is_coded()).count();
    let _ = write!(
        out,
        "\n{} agreements ({coded} coded). Source: {CITATION}.\n",
        selected.len()
    );
    out
}

fn percent(share: &Share) -> String {
    share
        .share
        .map_or_else(|| "–".to_owned(), |s| format!("{:.1} %", s * 100.0))
}

fn bar(share: &Share) -> String {
    const WIDTH: f64 = 20.0;
    let filled = share.share.map_or(0, |s| (s * WIDTH).round() as usize);
    "█".repeat(filled)
}

fn stats_table(stats: &Stats<'_>, filter: &str) -> String {
    let filtered = !filter.is_empty();
    let rows: Vec<Vec<String>> = stats
        .items
        .iter()
        .map(|s: &ItemStats<'_>| {
            let mut row = vec![
                s.item.number.clone(),
                s.item.title.clone(),
                s.item.column.clone(),
                if s.item.rubric.is_empty() {
                    "–".to_owned()
                } else {
                    s.item.rubric.join(", ")
                },
                format!("{}/{}", s.selected.count, s.selected.coded),
                percent(&s.selected),
            ];
            if filtered {
                row.push(percent(&s.overall));
            }
            row.push(bar(&s.selected));
            row
        })
        .collect();
    let mut header = vec!["#", "item", "column", "rubric", "count/coded", "share"];
    let mut right = vec![true, false, false, false, true, true];
    if filtered {
        header.push("all");
        right.push(true);
    }
    header.push("");
    let mut out = String::new();
    if filtered {
        let _ = writeln!(
            out,
            "Selection ({filter}): {} agreements, {} coded; shares are of the coded ones, \"all\" of all {} coded.\n",
            stats.selected_agreements, stats.selected_coded, stats.coded
        );
    } else {
        let _ = writeln!(
            out,
            "{} coded agreements (of {}); share = coded agreements with the item.\n",
            stats.coded, stats.agreements
        );
    }
    out.push_str(&render(&header, &rows, &right));
    let _ = write!(out, "\nSource: {CITATION}.\n");
    out
}
