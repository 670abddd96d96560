//! Reading order and layout of elements, independent of the output medium.
//!
//! [`write_element`] decides *what* a reader sees for an element (its blocks, its links with the
//! targets' titles, its children); a [`Sink`] decides *how* (Markdown here, a wrapped terminal
//! layout in the CLI, HTML in the web adapter).

use crate::element::{Block, Element, Kind, Relation};
use crate::index::Index;
use crate::model::KnowledgeBase;

/// An output medium for rendered elements.
pub trait Sink {
    fn heading(&mut self, level: usize, id: &str, title: &str, kind: Kind);
    fn paragraphs(&mut self, heading: Option<&str>, text: &str);
    fn list(&mut self, heading: Option<&str>, items: &[String]);
    fn table(&mut self, columns: &[String], rows: &[Vec<String>]);
    /// A labelled list of references, each `(id, title)`.
    fn links(&mut self, label: &str, targets: &[(String, String)]);
}

/// Writes `element` at heading `level`, then (when `recurse`) its children one level deeper.
/// Principles and sectors are followed by the boxes that illustrate them, in full, because the
/// guidance puts each box beside the principle it illustrates.
pub fn write_element(
    index: &Index,
    element: &Element,
    level: usize,
    recurse: bool,
    sink: &mut dyn Sink,
) {
    sink.heading(level, &element.id, &element.title, element.kind);
    for block in &element.blocks {
        match block {
            Block::Text { heading, text } => sink.paragraphs(heading.as_deref(), text),
            Block::List { heading, items } => sink.list(heading.as_deref(), items),
            Block::Table { columns, rows } => sink.table(columns, rows),
        }
    }
    let mut relations: Vec<Relation> = element.links.iter().map(|l| l.relation).collect();
    relations.sort();
    relations.dedup();
    for relation in relations {
        let targets: Vec<(String, String)> = element
            .linked(relation)
            .map(|id| {
                (
                    id.to_owned(),
                    index.get(id).map_or_else(String::new, |t| t.title.clone()),
                )
            })
            .collect();
        sink.links(relation.label(), &targets);
    }
    let shows_rows_itself = element
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Table { .. }));
    if recurse && !shows_rows_itself {
        let children: Vec<&Element> = element
            .children
            .iter()
            .filter_map(|id| index.get(id))
            .collect();
        // Checklist items and other one-line children read best as a list, not as sections.
        if children
            .iter()
            .all(|c| c.blocks.is_empty() && c.children.is_empty())
        {
            let items: Vec<String> = children.iter().map(|c| one_line(c)).collect();
            if !items.is_empty() {
                sink.list(None, &items);
            }
        } else {
            for child in children {
                write_element(index, child, level + 1, true, sink);
            }
        }
    }
    if matches!(element.kind, Kind::Principle | Kind::Sector) {
        for b in element
            .linked(Relation::IllustratedBy)
            .filter_map(|id| index.get(id))
        {
            write_element(index, b, level + 1, false, sink);
        }
    }
}

/// Writes the whole knowledge base in the guidance's order: Sections I–V (each with its
/// elements), the tables, Annexes 1–6, the presentation and the rubric.
pub fn write_all(kb: &KnowledgeBase, index: &Index, sink: &mut dyn Sink) {
    sink.heading(1, "guidance", &kb.about.title, Kind::Section);
    sink.paragraphs(None, &format!("{} ({})", kb.about.publisher, kb.about.year));
    sink.paragraphs(None, &kb.about.summary);
    let top_level = index.elements().iter().filter(|e| match e.kind {
        Kind::Section | Kind::Table | Kind::TermsOfReference | Kind::Presentation => true,
        Kind::Box => !e
            .links
            .iter()
            .any(|l| l.relation == Relation::Illustrates && index.get(&l.target).is_some()),
        _ => false,
    });
    let mut chapters: Vec<&Element> = top_level.collect();
    chapters.sort_by_key(|e| chapter_order(&e.id));
    for chapter in chapters {
        write_element(index, chapter, 2, true, sink);
        if chapter.id == "annex1" {
            let instruments: Vec<(String, String)> = index
                .of_kind(Kind::Instrument)
                .map(|i| (i.id.clone(), i.title.clone()))
                .collect();
            sink.links("Instruments cited", &instruments);
        }
    }
    sink.heading(2, "rubric", "Assessment rubric", Kind::Section);
    for item in index.of_kind(Kind::RubricItem) {
        write_element(index, item, 3, false, sink);
    }
}

/// Where a top-level element stands in the guidance: sections, then tables within their
/// section, then annexes.
fn chapter_order(id: &str) -> (u8, u8) {
    let number = |s: &str| s.parse::<u8>().unwrap_or(0);
    match id {
        "I" => (1, 0),
        "II" => (2, 0),
        "III" => (3, 0),
        "IV" => (4, 0),
        "V" => (6, 0),
        "annex6" => (15, 0),
        "presentation" => (16, 0),
        _ if id.starts_with("table") => (5, number(&id[5..])),
        _ if id.starts_with("annex") => (8 + number(&id[5..]), 0),
        _ if id.starts_with("box") => (3, number(&id[3..])),
        _ => (17, 0),
    }
}

/// Markdown output: ATX headings with anchors, GitHub tables, bold link labels.
#[derive(Default)]
pub struct Markdown {
    pub out: String,
}

fn md_cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', "<br>")
}

impl Sink for Markdown {
    fn heading(&mut self, level: usize, id: &str, title: &str, _kind: Kind) {
        let hashes = "#".repeat(level.clamp(1, 6));
        let label = if title.starts_with(id) || id == "guidance" || id == "rubric" {
            String::new()
        } else {
            format!("{id} — ")
        };
        self.out.push_str(&format!(
            "{hashes} {label}{title} {{#{}}}\n\n",
            id.replace('.', "-")
        ));
    }

    fn paragraphs(&mut self, heading: Option<&str>, text: &str) {
        if let Some(h) = heading {
            self.out.push_str(&format!("**{h}**\n\n"));
        }
        for paragraph in text.split("\n\n").filter(|p| !p.trim().is_empty()) {
            // Bullet lines are kept as a Markdown list.
            self.out
                .push_str(&paragraph.replace("\n• ", "\n- ").replace("• ", "- "));
            self.out.push_str("\n\n");
        }
    }

    fn list(&mut self, heading: Option<&str>, items: &[String]) {
        if let Some(h) = heading {
            self.out.push_str(&format!("**{h}**\n\n"));
        }
        for item in items {
            self.out
                .push_str(&format!("- {}\n", item.replace('\n', " ")));
        }
        self.out.push('\n');
    }

    fn table(&mut self, columns: &[String], rows: &[Vec<String>]) {
        self.out.push_str(&format!("| {} |\n", columns.join(" | ")));
        self.out
            .push_str(&format!("|{}\n", "---|".repeat(columns.len())));
        for row in rows {
            let cells: Vec<String> = row.iter().map(|c| md_cell(c)).collect();
            self.out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
        self.out.push('\n');
    }

    fn links(&mut self, label: &str, targets: &[(String, String)]) {
        let list: Vec<String> = targets
            .iter()
            .map(|(id, title)| {
                if title.is_empty() {
                    id.clone()
                } else {
                    format!("{id} ({title})")
                }
            })
            .collect();
        self.out
            .push_str(&format!("**{label}:** {}\n\n", list.join("; ")));
    }
}

/// `id  title  (→ linked ids)` for an element shown as one list entry.
fn one_line(element: &Element) -> String {
    let mut line = format!("{}  {}", element.id, element.title);
    let targets: Vec<&str> = element.links.iter().map(|l| l.target.as_str()).collect();
    if !targets.is_empty() {
        line.push_str(&format!("  (→ {})", targets.join(", ")));
    }
    line
}
