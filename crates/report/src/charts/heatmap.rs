//! The coverage heatmap: one row per agreement, one column per rubric item (grouped by principle
//! area), one cell per verdict. Categories differ in shape as well as colour: provides is a
//! filled square with a tick, contradicts a filled square with a cross, silent a hollow square,
//! not assessed a dashed square with a diagonal; a dot in the corner marks a reviewed verdict.

use blma_assessment::Verdict;

use super::{TEXT_FILL, open, safe_href};
use crate::escape::html as esc;
use crate::svg::{CONTRADICTS_FILL, PROVIDES_FILL, SILENT_STROKE};
use crate::view::shorten;

/// One agreement.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HeatmapRow {
    pub label: String,
    /// Where the row label links to (the agreement's page). Only site-relative paths, fragments
    /// and http(s) URLs are linked; anything else is drawn unlinked.
    pub href: Option<String>,
    /// One cell per column, in the columns' order; missing cells are drawn as not assessed.
    pub cells: Vec<HeatmapCell>,
}

/// One rubric item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HeatmapColumn {
    /// The rubric item id (`no_worker_fees`).
    pub id: String,
    /// A short label for the column header.
    pub label: String,
    /// The principle area (`III.A`); consecutive columns of one area are grouped under it.
    pub area: String,
}

/// One agreement's verdict on one item.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HeatmapCell {
    /// `None`: not assessed.
    pub verdict: Option<Verdict>,
    /// A person confirmed or corrected the verdict.
    pub reviewed: bool,
}

const LABEL_WIDTH: f64 = 230.0;
const CELL: f64 = 18.0;
const BOX: f64 = 14.0;
const AREA_GAP: f64 = 6.0;
const LEGEND: f64 = 26.0;
const HEADER: f64 = 120.0;
const BAND: f64 = 18.0;

/// Renders the heatmap; `id` prefixes the ids of its title and description.
pub fn heatmap(rows: &[HeatmapRow], columns: &[HeatmapColumn], id: &str) -> String {
    let xs = column_positions(columns);
    let grid_width = xs.last().map_or(0.0, |x| x + CELL);
    let grid_top = LEGEND + HEADER + BAND;
    let width = (LABEL_WIDTH + grid_width + HEADER).max(560.0);
    let height = grid_top + CELL * rows.len() as f64 + 8.0;
    let (mut out, _) = open(
        id,
        width,
        height,
        "Coverage of rubric items by agreement",
        &description(rows, columns),
    );
    legend(&mut out);

    // Column headers, rotated, and the area bands under them.
    for (c, x) in columns.iter().zip(&xs) {
        let (cx, y) = (LABEL_WIDTH + x + CELL / 2.0 + 4.0, LEGEND + HEADER - 4.0);
        out.push_str(&format!(
            "<text class=\"column\" transform=\"translate({cx:.1} {y:.1}) rotate(-60)\" \
             fill=\"{TEXT_FILL}\"><title>{}</title>{}</text>\n",
            esc(&format!("{} ({}): {}", c.label, c.area, c.id)),
            esc(&shorten(&c.label, 22))
        ));
    }
    for (area, from, to) in area_groups(columns, &xs) {
        let w = to - from;
        // Ids like `III.E` over a single column: smaller type, and the gap to the next area.
        let fits = area.chars().count() as f64 * 6.0 <= w;
        let (size, budget) = if fits {
            (10, w / 6.0)
        } else {
            (8, (w + AREA_GAP) / 4.8)
        };
        out.push_str(&format!(
            "<g class=\"area\"><title>{}</title><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{w:.1}\" \
             height=\"{}\" fill=\"#eaeef2\"/><text x=\"{:.1}\" y=\"{:.1}\" fill=\"{TEXT_FILL}\" \
             text-anchor=\"middle\" font-size=\"{size}\">{}</text></g>\n",
            esc(area),
            LABEL_WIDTH + from,
            LEGEND + HEADER,
            BAND - 3.0,
            LABEL_WIDTH + from + w / 2.0,
            LEGEND + HEADER + 11.0,
            esc(&shorten(area, (budget as usize).max(1)))
        ));
    }

    for (r, row) in rows.iter().enumerate() {
        let y = grid_top + CELL * r as f64;
        let label = format!(
            "<text x=\"0\" y=\"{:.1}\" fill=\"{TEXT_FILL}\"><title>{}</title>{}</text>",
            y + 13.0,
            esc(&row.label),
            esc(&shorten(&row.label, 30))
        );
        out.push_str("<g class=\"row\">");
        match row.href.as_deref().and_then(safe_href) {
            Some(href) => out.push_str(&format!("<a href=\"{href}\">{label}</a>\n")),
            None => {
                out.push_str(&label);
                out.push('\n');
            }
        }
        for (c, (column, x)) in columns.iter().zip(&xs).enumerate() {
            let cell = row.cells.get(c).copied().unwrap_or_default();
            self::cell(&mut out, LABEL_WIDTH + x, y, &row.label, column, cell);
        }
        out.push_str("</g>\n");
    }
    out.push_str("</svg>");
    out
}

/// The x of each column from the grid's left edge, with a gap where the area changes.
fn column_positions(columns: &[HeatmapColumn]) -> Vec<f64> {
    let mut x = 0.0;
    let mut out = Vec::with_capacity(columns.len());
    for (i, c) in columns.iter().enumerate() {
        if i > 0 && columns[i - 1].area != c.area {
            x += AREA_GAP;
        }
        out.push(x);
        x += CELL;
    }
    out
}

/// Runs of consecutive columns of one area: (area, left, right).
fn area_groups<'a>(columns: &'a [HeatmapColumn], xs: &[f64]) -> Vec<(&'a str, f64, f64)> {
    let mut out: Vec<(&str, f64, f64)> = Vec::new();
    for (c, x) in columns.iter().zip(xs) {
        match out.last_mut() {
            Some((area, _, right)) if *area == c.area => *right = x + CELL,
            _ => out.push((&c.area, *x, x + CELL)),
        }
    }
    out
}

fn verdict_words(v: Option<Verdict>) -> &'static str {
    match v {
        Some(Verdict::Provides) => "provides",
        Some(Verdict::Contradicts) => "contradicts (red flag)",
        Some(Verdict::Silent) => "silent",
        None => "not assessed",
    }
}

fn cell(
    out: &mut String,
    x: f64,
    y: f64,
    agreement: &str,
    column: &HeatmapColumn,
    cell: HeatmapCell,
) {
    let words = verdict_words(cell.verdict);
    let reviewed = if cell.reviewed { ", reviewed" } else { "" };
    let class = cell.verdict.map_or("not-assessed", Verdict::as_str);
    out.push_str(&format!(
        "<g class=\"cell {class}\"><title>{}</title>",
        esc(&format!(
            "{agreement} — {}: {words}{reviewed}",
            column.label
        ))
    ));
    mark(out, x + 2.0, y + 2.0, cell.verdict);
    if cell.reviewed {
        out.push_str(&format!(
            "<circle class=\"reviewed\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" fill=\"{TEXT_FILL}\" \
             stroke=\"#ffffff\" stroke-width=\"1\"/>",
            x + 2.0 + BOX,
            y + 2.0
        ));
    }
    out.push_str("</g>\n");
}

/// The square for a verdict at `x, y`, `BOX` wide.
fn mark(out: &mut String, x: f64, y: f64, verdict: Option<Verdict>) {
    let (x2, y2) = (x + BOX, y + BOX);
    match verdict {
        Some(Verdict::Provides) => out.push_str(&format!(
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{BOX}\" height=\"{BOX}\" fill=\"{PROVIDES_FILL}\"/>\
             <path d=\"M{:.1} {:.1} L{:.1} {:.1} L{:.1} {:.1}\" fill=\"none\" stroke=\"#ffffff\" \
             stroke-width=\"2\"/>",
            x + 3.0,
            y + 7.5,
            x + 6.0,
            y + 10.5,
            x + 11.0,
            y + 4.0
        )),
        Some(Verdict::Contradicts) => out.push_str(&format!(
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{BOX}\" height=\"{BOX}\" fill=\"{CONTRADICTS_FILL}\"/>\
             <path d=\"M{:.1} {:.1} L{:.1} {:.1} M{:.1} {:.1} L{:.1} {:.1}\" stroke=\"#ffffff\" \
             stroke-width=\"2\"/>",
            x + 4.0,
            y + 4.0,
            x2 - 4.0,
            y2 - 4.0,
            x2 - 4.0,
            y + 4.0,
            x + 4.0,
            y2 - 4.0
        )),
        Some(Verdict::Silent) => out.push_str(&format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{}\" height=\"{}\" fill=\"#ffffff\" \
             stroke=\"{SILENT_STROKE}\" stroke-width=\"1.5\"/>",
            x + 0.75,
            y + 0.75,
            BOX - 1.5,
            BOX - 1.5
        )),
        None => out.push_str(&format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{}\" height=\"{}\" fill=\"#ffffff\" \
             stroke=\"{SILENT_STROKE}\" stroke-width=\"1\" stroke-dasharray=\"2 2\"/>\
             <path d=\"M{:.1} {:.1} L{:.1} {:.1}\" stroke=\"{SILENT_STROKE}\" stroke-width=\"1\"/>",
            x + 0.5,
            y + 0.5,
            BOX - 1.0,
            BOX - 1.0,
            x + 3.0,
            y2 - 3.0,
            x2 - 3.0,
            y + 3.0
        )),
    }
}

fn legend(out: &mut String) {
    let mut x = 0.0;
    let entries: [(Option<Verdict>, &str); 4] = [
        (Some(Verdict::Provides), "provides"),
        (Some(Verdict::Contradicts), "contradicts (red flag)"),
        (Some(Verdict::Silent), "silent"),
        (None, "not assessed"),
    ];
    out.push_str("<g class=\"legend\">");
    for (verdict, label) in entries {
        mark(out, x, 4.0, verdict);
        out.push_str(&format!(
            "<text x=\"{:.1}\" y=\"15\" fill=\"{TEXT_FILL}\">{label}</text>",
            x + BOX + 5.0
        ));
        x += BOX + 20.0 + label.len() as f64 * 6.5;
    }
    out.push_str(&format!(
        "<circle cx=\"{:.1}\" cy=\"11\" r=\"3\" fill=\"{TEXT_FILL}\"/>\
         <text x=\"{:.1}\" y=\"15\" fill=\"{TEXT_FILL}\">reviewed</text></g>\n",
        x + 4.0,
        x + 12.0
    ));
}

/// The chart in words, for screen readers: the counts of each verdict.
fn description(rows: &[HeatmapRow], columns: &[HeatmapColumn]) -> String {
    let mut counts = [0usize; 4];
    let mut reviewed = 0;
    for row in rows {
        for c in 0..columns.len() {
            let cell = row.cells.get(c).copied().unwrap_or_default();
            let i = match cell.verdict {
                Some(Verdict::Provides) => 0,
                Some(Verdict::Contradicts) => 1,
                Some(Verdict::Silent) => 2,
                None => 3,
            };
            counts[i] += 1;
            reviewed += usize::from(cell.reviewed);
        }
    }
    format!(
        "Verdicts of {} agreement{} on {} rubric item{}: {} provides, {} contradicts (red flags), \
         {} silent, {} not assessed; {reviewed} reviewed by a person. Each cell's title names the \
         agreement, the item and the verdict.",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" },
        columns.len(),
        if columns.len() == 1 { "" } else { "s" },
        counts[0],
        counts[1],
        counts[2],
        counts[3]
    )
}
