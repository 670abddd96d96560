//! One row per assessed file, for batch runs over a folder of agreements. Needs no knowledge
//! base: it counts the verdicts the assessment holds (an engine that follows the spec gives every
//! rubric item exactly one) and names red-flag items by id.

use std::collections::BTreeMap;

use blma_assessment::{Assessment, Verdict};
use textwrap::core::display_width;

use crate::escape::markdown as md;
use crate::terminal::{Lines, MARK_CONTRADICTS, MARK_PROVIDES, MARK_SILENT};
use crate::view::one_line;

/// Verdict counts of one assessment, one verdict per item (a red flag outranks a credit).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts<'a> {
    pub provides: usize,
    pub contradicts: usize,
    pub silent: usize,
    /// Items with a red flag, in the assessment's order.
    pub red_flags: Vec<&'a str>,
}

pub fn counts(assessment: &Assessment) -> Counts<'_> {
    let mut by_item: Vec<(&str, Verdict)> = Vec::new();
    for f in &assessment.findings {
        match by_item.iter_mut().find(|(id, _)| *id == f.item) {
            Some((_, v)) if *v == Verdict::Contradicts => {}
            Some((_, v)) if f.verdict != Verdict::Silent => *v = f.verdict,
            Some(_) => {}
            None => by_item.push((&f.item, f.verdict)),
        }
    }
    let mut c = Counts::default();
    for (id, v) in by_item {
        match v {
            Verdict::Provides => c.provides += 1,
            Verdict::Contradicts => {
                c.contradicts += 1;
                c.red_flags.push(id);
            }
            Verdict::Silent => c.silent += 1,
        }
    }
    c
}

/// How many files flag each item, most flagged first, then by id.
fn flags_across<'a>(rows: &[(&str, Counts<'a>)]) -> Vec<(&'a str, usize)> {
    let mut tally: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, c) in rows {
        for id in &c.red_flags {
            *tally.entry(id).or_default() += 1;
        }
    }
    let mut out: Vec<_> = tally.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    out
}

fn rows<'a>(batch: &[(&'a str, &'a Assessment)]) -> Vec<(&'a str, Counts<'a>)> {
    batch.iter().map(|(name, a)| (*name, counts(a))).collect()
}

fn title(a: &Assessment) -> String {
    one_line(a.document.title.as_deref().unwrap_or(""))
}

pub fn markdown(batch: &[(&str, &Assessment)]) -> String {
    let rows = rows(batch);
    let mut o = format!(
        "# Batch summary: {} agreement{}\n\n",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" }
    );
    o.push_str("| File | Title | Provides | Red flags | Silent | Red-flag items |\n");
    o.push_str("|---|---|--:|--:|--:|---|\n");
    for ((name, c), (_, a)) in rows.iter().zip(batch) {
        let flags: Vec<String> = c.red_flags.iter().map(|id| md(id)).collect();
        o.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            md(&one_line(name)),
            md(&title(a)),
            c.provides,
            c.contradicts,
            c.silent,
            flags.join(", ")
        ));
    }
    let across = flags_across(&rows);
    if !across.is_empty() {
        o.push_str("\n## Red flags across files\n\n| Item | Files |\n|---|--:|\n");
        for (id, n) in across {
            o.push_str(&format!("| {} | {n} |\n", md(id)));
        }
    }
    o
}

pub fn terminal(batch: &[(&str, &Assessment)], width: usize) -> String {
    let rows = rows(batch);
    let mut l = Lines::new(width);
    l.heading(&format!(
        "BATCH SUMMARY: {} agreement{}",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" }
    ));
    let name_width = l.width - 12;
    l.out.push_str(&format!(
        "{:<name_width$}{MARK_PROVIDES:>4}{MARK_CONTRADICTS:>4}{MARK_SILENT:>4}\n",
        "File"
    ));
    for (name, c) in &rows {
        let name = one_line(name);
        // A long path gets its own line rather than a cut: the file name is the row's key.
        if display_width(&name) > name_width {
            l.wrap(&name, "", "  ");
            l.out.push_str(&" ".repeat(name_width));
        } else {
            l.out.push_str(&name);
            l.out
                .push_str(&" ".repeat(name_width - display_width(&name)));
        }
        l.out.push_str(&format!(
            "{:>4}{:>4}{:>4}\n",
            c.provides, c.contradicts, c.silent
        ));
        if !c.red_flags.is_empty() {
            let ids: Vec<String> = c.red_flags.iter().map(|id| one_line(id)).collect();
            l.wrap(&ids.join(", "), &format!("  {MARK_CONTRADICTS} "), "    ");
        }
    }
    let across = flags_across(&rows);
    if !across.is_empty() {
        l.heading("RED FLAGS ACROSS FILES");
        for (id, n) in across {
            let files = if n == 1 { "file" } else { "files" };
            l.wrap(&format!("{} in {n} {files}", one_line(id)), "  ", "    ");
        }
    }
    l.out
}
