//! Invariants of the knowledge base: every id unique and well-formed, every reference
//! resolvable, no element empty. The loader stays dumb; this is where mistakes in the data files
//! are caught, each with a message that names the element.

use std::collections::HashMap;

use crate::element::{Block, Kind, Relation};
use crate::index::Index;
use crate::model::{CueVerdict, KnowledgeBase, Side};

/// Every broken invariant, one readable line each; empty when the knowledge base is sound.
pub fn problems(kb: &KnowledgeBase) -> Vec<String> {
    problems_in(kb, &Index::new(kb))
}

/// [`problems`], for a caller that already built the knowledge base's index.
pub(crate) fn problems_in(kb: &KnowledgeBase, index: &Index) -> Vec<String> {
    let mut out = Vec::new();
    unique_ids(index, &mut out);
    links_resolve(index, &mut out);
    nothing_empty(index, &mut out);
    numbering(kb, &mut out);
    cues(kb, &mut out);
    out
}

fn unique_ids(index: &Index, out: &mut Vec<String>) {
    let mut seen: HashMap<String, Kind> = HashMap::new();
    for element in index.elements() {
        if element.id.trim().is_empty() || element.id.contains(char::is_whitespace) {
            out.push(format!(
                "{} `{}`: an id must be non-empty and have no spaces",
                element.kind, element.id
            ));
        }
        if let Some(kind) = seen.insert(element.id.to_lowercase(), element.kind) {
            out.push(format!(
                "id `{}` is used twice ({kind} and {})",
                element.id, element.kind
            ));
        }
    }
}

/// Which kinds a link of each relation may point to.
fn allowed_targets(relation: Relation) -> &'static [Kind] {
    match relation {
        Relation::Source => &[Kind::Instrument],
        Relation::SourcedIn => &[Kind::Annex1Entry],
        Relation::Principle => &[Kind::Principle],
        Relation::Table => &[Kind::Table],
        Relation::PartOf => &[Kind::Area, Kind::Section, Kind::Guideline, Kind::Table],
        Relation::Illustrates => &[Kind::Principle, Kind::Sector, Kind::Guideline, Kind::Step],
        Relation::IllustratedBy => &[Kind::Box],
        Relation::AssessedBy | Relation::RubricItem => &[Kind::RubricItem],
        Relation::DerivedFrom => &[
            Kind::Principle,
            Kind::Section,
            Kind::Guideline,
            Kind::Step,
            Kind::Annex3Item,
            Kind::TermsOfReference,
            Kind::Annex6Part,
            Kind::Presentation,
            Kind::PresentationPoint,
        ],
    }
}

fn links_resolve(index: &Index, out: &mut Vec<String>) {
    for element in index.elements() {
        for link in &element.links {
            match index.get(&link.target) {
                None => out.push(format!(
                    "{} `{}`: {} link to `{}`, which does not exist",
                    element.kind,
                    element.id,
                    link.relation.label(),
                    link.target
                )),
                Some(target) if !allowed_targets(link.relation).contains(&target.kind) => {
                    out.push(format!(
                        "{} `{}`: {} link to `{}`, a {} (expected {:?})",
                        element.kind,
                        element.id,
                        link.relation.label(),
                        link.target,
                        target.kind,
                        allowed_targets(link.relation)
                    ))
                }
                Some(_) => {}
            }
        }
        for child in &element.children {
            if index.get(child).is_none() {
                out.push(format!(
                    "{} `{}`: child `{child}` does not exist",
                    element.kind, element.id
                ));
            }
        }
        if let Some(parent) = &element.parent
            && index.get(parent).is_none()
        {
            out.push(format!(
                "{} `{}`: parent `{parent}` does not exist",
                element.kind, element.id
            ));
        }
    }
}

fn nothing_empty(index: &Index, out: &mut Vec<String>) {
    for element in index.elements() {
        if element.title.trim().is_empty() {
            out.push(format!("{} `{}` has no title", element.kind, element.id));
        }
        let has_body = !element.blocks.is_empty() || !element.children.is_empty();
        let needs_body = matches!(
            element.kind,
            Kind::Definition
                | Kind::Box
                | Kind::Table
                | Kind::Sector
                | Kind::Annex1Entry
                | Kind::Annex2Stage
                | Kind::Annex6Part
        );
        if needs_body && !has_body {
            out.push(format!("{} `{}` has no content", element.kind, element.id));
        }
        for block in &element.blocks {
            let empty_cell = match block {
                Block::List { items, .. } => items.iter().any(|i| i.trim().is_empty()),
                Block::Table { rows, .. } => rows
                    .iter()
                    .any(|r| r.first().is_none_or(|c| c.trim().is_empty())),
                Block::Text { .. } => false,
            };
            if empty_cell {
                out.push(format!(
                    "{} `{}` has an empty list entry or row label",
                    element.kind, element.id
                ));
            }
        }
    }
}

/// Numbered things carry ids that agree with their numbers and positions.
fn numbering(kb: &KnowledgeBase, out: &mut Vec<String>) {
    for (i, b) in kb.boxes.iter().enumerate() {
        if b.id != format!("box{}", b.number) || usize::from(b.number) != i + 1 {
            out.push(format!(
                "box `{}` (number {}) is out of order or misnumbered",
                b.id, b.number
            ));
        }
    }
    let tables = kb
        .information_tables
        .iter()
        .map(|t| (&t.id, t.number))
        .chain(kb.implementation_tables.iter().map(|t| (&t.id, t.number)))
        .chain([(&kb.monitoring_table.id, kb.monitoring_table.number)]);
    for (i, (id, number)) in tables.enumerate() {
        if *id != format!("table{number}") || usize::from(number) != i + 1 {
            out.push(format!(
                "table `{id}` (number {number}) is out of order or misnumbered"
            ));
        }
    }
    for principle in &kb.principles {
        let well_formed = principle
            .id
            .strip_prefix(&format!("{}.", principle.area))
            .is_some_and(|n| n.parse::<u8>().is_ok());
        if !well_formed {
            out.push(format!(
                "principle `{}` does not belong to its area `{}`",
                principle.id, principle.area
            ));
        }
    }
    for (prefix, items) in [
        ("annex3", &kb.structure_checklist),
        ("annex4", &kb.negotiation_checklist),
    ] {
        check_checklist(
            items.iter().map(|i| (i, format!("{prefix}.{}", i.number))),
            out,
        );
    }
    for side in [Side::Origin, Side::Destination] {
        let name = if side == Side::Origin {
            "origin"
        } else {
            "destination"
        };
        let items = kb
            .implementation_checklist
            .iter()
            .filter(|i| i.side == Some(side));
        check_checklist(
            items.map(|i| (i, format!("annex5.{name}.{}", i.number))),
            out,
        );
    }
    if kb.implementation_checklist.iter().any(|i| i.side.is_none()) {
        out.push(
            "every Annex 5 item must say whether it is for the origin or the destination".into(),
        );
    }
    for row in &kb.monitoring_table.rows {
        for (side, letter, indicators) in [
            ("origin", 'o', &row.origin),
            ("destination", 'd', &row.destination),
        ] {
            for (n, indicator) in indicators.iter().enumerate() {
                let expected = format!("{}.{letter}{}", row.id, n + 1);
                if indicator.id != expected {
                    out.push(format!(
                        "{side} indicator `{}` should have the id `{expected}`",
                        indicator.id
                    ));
                }
            }
        }
    }
}

fn check_checklist<'a>(
    items: impl Iterator<Item = (&'a crate::model::ChecklistItem, String)>,
    out: &mut Vec<String>,
) {
    for (position, (item, expected)) in items.enumerate() {
        if item.id != expected || usize::from(item.number) != position + 1 {
            out.push(format!(
                "checklist item `{}` should be number {} with the id `{expected}`",
                item.id,
                position + 1
            ));
        }
    }
}

/// Every cue names an existing rubric item, says `contradicts` only where the rubric defines it,
/// parses, and has a unique id; every language has a `provides` cue for every item.
fn cues(kb: &KnowledgeBase, out: &mut Vec<String>) {
    let mut ids = HashMap::new();
    for set in &kb.cues {
        let lang = &set.language;
        for (name, body) in &set.macros {
            if let Err(e) = set.parse_pattern(body) {
                out.push(format!(
                    "cues `{lang}`: macro `@{name}` does not compile: {e}"
                ));
            }
        }
        for cue in &set.cues {
            if let Some(other) = ids.insert(cue.id.clone(), lang.clone()) {
                out.push(format!(
                    "cue `{}` ({lang}) reuses an id of the `{other}` cues",
                    cue.id
                ));
            }
            match kb.rubric.items.iter().find(|i| i.id == cue.item) {
                None => out.push(format!(
                    "cue `{}` ({lang}) names rubric item `{}`, which does not exist",
                    cue.id, cue.item
                )),
                Some(item) if cue.verdict == CueVerdict::Contradicts && item.contradicts.is_none() => {
                    out.push(format!(
                        "cue `{}` ({lang}) says `contradicts`, but rubric item `{}` defines no contradiction",
                        cue.id, cue.item
                    ))
                }
                Some(_) => {}
            }
            if let Err(e) = set.parse_cue(cue) {
                out.push(format!("cue `{}` ({lang}) does not compile: {e}", cue.id));
            }
            if cue.confidence.is_some_and(|c| !(0.0..=1.0).contains(&c)) {
                out.push(format!(
                    "cue `{}` ({lang}): confidence must be between 0 and 1",
                    cue.id
                ));
            }
        }
        for item in &kb.rubric.items {
            let covered = set
                .cues
                .iter()
                .any(|c| c.item == item.id && c.verdict == CueVerdict::Provides);
            if !covered {
                out.push(format!(
                    "cues `{lang}`: rubric item `{}` has no `provides` cue",
                    item.id
                ));
            }
        }
    }
}
