//! Builds the [`Element`] view of a [`KnowledgeBase`] and looks elements up by id or kind.

use std::collections::HashMap;

use serde::Serialize;

use crate::KnowledgeError;
use crate::element::{Block, Element, Kind, Link, Relation};
use crate::model::*;

/// Every element of the knowledge base in the guidance's order, with links in both directions.
pub struct Index {
    elements: Vec<Element>,
    by_id: HashMap<String, usize>,
}

fn record<T: Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or_default()
}

/// An element with no parent, content or links yet; callers fill in the rest.
fn element(id: &str, kind: Kind, title: impl Into<String>, record: serde_json::Value) -> Element {
    Element {
        id: id.to_owned(),
        kind,
        title: title.into(),
        parent: None,
        blocks: Vec::new(),
        children: Vec::new(),
        links: Vec::new(),
        record,
    }
}

/// The parts that are there, in order.
fn present<T, const N: usize>(parts: [Option<T>; N]) -> Vec<T> {
    parts.into_iter().flatten().collect()
}

fn link(relation: Relation, target: &str) -> Link {
    Link {
        relation,
        target: target.to_owned(),
    }
}

/// Normalises an id for lookup: case-insensitive, `Box 8`/`box-8` → `box8`, `Table 13` → `table13`,
/// `Annex 3` → `annex3`, `A.3` → `III.A.3`.
fn lookup_key(id: &str) -> String {
    let lower = id.trim().to_lowercase();
    let compact: String = lower.split([' ', '-', '_']).collect::<Vec<_>>().join("");
    for prefix in ["box", "table", "annex"] {
        if let Some(rest) = compact.strip_prefix(prefix)
            && rest.starts_with(|c: char| c.is_ascii_digit())
        {
            return compact;
        }
    }
    let bytes = lower.as_bytes();
    if bytes.len() >= 3
        && bytes[0].is_ascii_alphabetic()
        && bytes[1] == b'.'
        && bytes[2].is_ascii_digit()
    {
        return format!("iii.{lower}");
    }
    lower
}

impl Index {
    pub fn new(kb: &KnowledgeBase) -> Index {
        let mut elements = Vec::new();
        push_sections_and_definitions(kb, &mut elements);
        push_principles_and_boxes(kb, &mut elements);
        push_guidelines_and_tables(kb, &mut elements);
        push_sectors_and_sources(kb, &mut elements);
        push_annexes(kb, &mut elements);
        push_presentation_and_rubric(kb, &mut elements);
        add_backlinks(&mut elements);
        let mut by_id = HashMap::new();
        for (i, element) in elements.iter().enumerate() {
            by_id.entry(lookup_key(&element.id)).or_insert(i);
        }
        Index { elements, by_id }
    }

    pub fn elements(&self) -> &[Element] {
        &self.elements
    }

    pub fn get(&self, id: &str) -> Option<&Element> {
        self.by_id.get(&lookup_key(id)).map(|&i| &self.elements[i])
    }

    /// Looks an id up, or explains what the user may have meant.
    pub fn resolve(&self, id: &str) -> Result<&Element, KnowledgeError> {
        self.get(id).ok_or_else(|| KnowledgeError::UnknownId {
            id: id.to_owned(),
            suggestions: self.suggest(id),
        })
    }

    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = &Element> {
        self.elements.iter().filter(move |e| e.kind == kind)
    }

    /// Parses a kind name or explains which exist.
    pub fn parse_kind(name: &str) -> Result<Kind, KnowledgeError> {
        Kind::parse(name).ok_or_else(|| KnowledgeError::UnknownKind {
            kind: name.to_owned(),
            known: Kind::ALL.iter().map(|k| k.name()).collect(),
        })
    }

    /// Up to five ids close to `id` (same prefix, or a small edit distance).
    fn suggest(&self, id: &str) -> Vec<String> {
        let wanted = lookup_key(id);
        let mut scored: Vec<(usize, &str)> = self
            .elements
            .iter()
            .map(|e| (edit_distance(&wanted, &lookup_key(&e.id)), e.id.as_str()))
            .filter(|(d, _)| *d <= 2.max(wanted.len() / 4))
            .collect();
        scored.sort();
        scored
            .into_iter()
            .take(5)
            .map(|(_, id)| id.to_owned())
            .collect()
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

fn push_sections_and_definitions(kb: &KnowledgeBase, out: &mut Vec<Element>) {
    for section in &kb.sections {
        let children: Vec<String> = match section.id.as_str() {
            "II" => kb.definitions.iter().map(|d| d.id.clone()).collect(),
            "III" => kb.principle_areas.iter().map(|a| a.id.clone()).collect(),
            "IV" => kb.guidelines.iter().map(|g| g.id.clone()).collect(),
            "V" => kb.sectors.iter().map(|s| s.id.clone()).collect(),
            "annex1" => kb.sources.iter().map(|s| s.id.clone()).collect(),
            "annex2" => kb.cycle_stages.iter().map(|s| s.id.clone()).collect(),
            "annex3" => kb
                .structure_checklist
                .iter()
                .map(|s| s.id.clone())
                .collect(),
            "annex4" => kb
                .negotiation_checklist
                .iter()
                .map(|s| s.id.clone())
                .collect(),
            "annex5" => kb
                .implementation_checklist
                .iter()
                .map(|s| s.id.clone())
                .collect(),
            _ => Vec::new(),
        };
        out.push(Element {
            blocks: present([
                Block::text(None, &section.text),
                Block::list(Some("Notes"), &section.notes),
            ]),
            children,
            ..element(
                &section.id,
                Kind::Section,
                section.title.clone(),
                record(section),
            )
        });
    }
    for definition in &kb.definitions {
        let mut blocks = vec![Block::Text {
            heading: None,
            text: definition.text.clone(),
        }];
        if let Some(source) = &definition.source {
            blocks.push(Block::Text {
                heading: Some("Source".into()),
                text: source.clone(),
            });
        }
        out.push(Element {
            parent: Some("II".into()),
            blocks,
            ..element(
                &definition.id,
                Kind::Definition,
                definition.term.clone(),
                record(definition),
            )
        });
    }
}

fn push_principles_and_boxes(kb: &KnowledgeBase, out: &mut Vec<Element>) {
    for area in &kb.principle_areas {
        out.push(Element {
            parent: Some("III".into()),
            children: kb
                .principles
                .iter()
                .filter(|p| p.area == area.id)
                .map(|p| p.id.clone())
                .collect(),
            ..element(&area.id, Kind::Area, area.title.clone(), record(area))
        });
    }
    for principle in &kb.principles {
        let mut links = vec![link(Relation::PartOf, &principle.area)];
        for entry in kb
            .sources
            .iter()
            .filter(|s| s.principles.contains(&principle.id))
        {
            links.push(link(Relation::SourcedIn, &entry.id));
            for instrument in &entry.instruments {
                if !links
                    .iter()
                    .any(|l| l.relation == Relation::Source && &l.target == instrument)
                {
                    links.push(link(Relation::Source, instrument));
                }
            }
        }
        out.push(Element {
            parent: Some(principle.area.clone()),
            blocks: present([
                Block::text(None, &principle.text),
                Block::list(Some("Notes"), &principle.notes),
            ]),
            links,
            ..element(
                &principle.id,
                Kind::Principle,
                principle.title.clone(),
                record(principle),
            )
        });
    }
    for b in &kb.boxes {
        let mut blocks = Vec::new();
        let facts: Vec<String> = present([
            (!b.parties.is_empty()).then(|| format!("Parties: {}", b.parties.join("; "))),
            b.date.as_ref().map(|d| format!("Date: {d}")),
        ]);
        blocks.extend(Block::list(None, &facts));
        blocks.extend(Block::text(None, &b.text));
        if let Some(source) = &b.source {
            blocks.extend(Block::text(Some("Source"), source));
        }
        out.push(Element {
            blocks,
            links: b
                .illustrates
                .iter()
                .map(|t| link(Relation::Illustrates, t))
                .collect(),
            ..element(
                &b.id,
                Kind::Box,
                format!("Box {}. {}", b.number, b.title),
                record(b),
            )
        });
    }
}

fn push_guidelines_and_tables(kb: &KnowledgeBase, out: &mut Vec<Element>) {
    for guideline in &kb.guidelines {
        out.push(Element {
            parent: Some("IV".into()),
            blocks: present([
                Block::text(None, &guideline.text),
                Block::list(Some("Notes"), &guideline.notes),
            ]),
            children: guideline.steps.iter().map(|s| s.id.clone()).collect(),
            links: guideline
                .tables
                .iter()
                .map(|t| link(Relation::Table, t))
                .collect(),
            ..element(
                &guideline.id,
                Kind::Guideline,
                guideline.title.clone(),
                record(guideline),
            )
        });
        for step in &guideline.steps {
            let mut blocks: Vec<Block> = Block::text(None, &step.text).into_iter().collect();
            for role in &step.roles {
                let side = match role.side {
                    Side::Origin => "country of origin",
                    Side::Destination => "country of destination",
                    Side::Both => "origin and destination",
                };
                blocks.extend(Block::text(
                    Some(&format!("{} ({side})", role.heading)),
                    &role.text,
                ));
            }
            out.push(Element {
                parent: Some(guideline.id.clone()),
                blocks,
                ..element(&step.id, Kind::Step, step.title.clone(), record(step))
            });
        }
    }
    for table in &kb.information_tables {
        let rows = table
            .rows
            .iter()
            .map(|r| {
                vec![
                    r.subject.clone(),
                    r.questions.join("\n"),
                    r.sources.join("\n"),
                ]
            })
            .collect();
        let columns = [
            "Subject",
            "Information",
            "Sources in countries of origin and destination",
        ];
        out.push(Element {
            blocks: present([
                Some(Block::Table {
                    columns: columns.map(str::to_owned).to_vec(),
                    rows,
                }),
                Block::list(Some("Notes"), &table.notes),
            ]),
            links: table
                .principles
                .iter()
                .map(|p| link(Relation::Principle, p))
                .collect(),
            ..element(
                &table.id,
                Kind::Table,
                format!("Table {}. {}", table.number, table.title),
                record(table),
            )
        });
    }
    for table in &kb.implementation_tables {
        let rows = table
            .rows
            .iter()
            .map(|r| {
                vec![
                    r.topic.clone(),
                    r.origin.institutions.join("\n"),
                    r.origin.tasks.join("\n"),
                    r.destination.institutions.join("\n"),
                    r.destination.tasks.join("\n"),
                ]
            })
            .collect();
        let columns = [
            "Topic",
            "Institutions (origin)",
            "Country of origin",
            "Institutions (destination)",
            "Country of destination",
        ];
        out.push(Element {
            blocks: present([
                Some(Block::Table {
                    columns: columns.map(str::to_owned).to_vec(),
                    rows,
                }),
                Block::list(Some("Notes"), &table.notes),
            ]),
            ..element(
                &table.id,
                Kind::Table,
                format!("Table {}. {}", table.number, table.title),
                record(table),
            )
        });
    }
    push_monitoring_table(&kb.monitoring_table, out);
}

fn indicator_line(indicator: &Indicator) -> String {
    format!("{} [{}]", indicator.text, indicator.id)
}

fn push_monitoring_table(table: &MonitoringTable, out: &mut Vec<Element>) {
    let rows = table
        .rows
        .iter()
        .map(|r| {
            vec![
                r.clause.clone(),
                r.origin
                    .iter()
                    .map(indicator_line)
                    .collect::<Vec<_>>()
                    .join("\n"),
                r.destination
                    .iter()
                    .map(indicator_line)
                    .collect::<Vec<_>>()
                    .join("\n"),
            ]
        })
        .collect();
    let columns = [
        "Clause monitored",
        "Country of origin",
        "Country of destination",
    ];
    out.push(Element {
        blocks: present([
            Some(Block::Table {
                columns: columns.map(str::to_owned).to_vec(),
                rows,
            }),
            Block::list(Some("Notes"), &table.notes),
        ]),
        children: table.rows.iter().map(|r| r.id.clone()).collect(),
        ..element(
            &table.id,
            Kind::Table,
            format!("Table {}. {}", table.number, table.title),
            record(table),
        )
    });
    for row in &table.rows {
        let lines = |side: &[Indicator]| side.iter().map(indicator_line).collect::<Vec<_>>();
        out.push(Element {
            parent: Some(table.id.clone()),
            blocks: present([
                Block::list(
                    Some("Indicators for the country of origin"),
                    &lines(&row.origin),
                ),
                Block::list(
                    Some("Indicators for the country of destination"),
                    &lines(&row.destination),
                ),
            ]),
            children: row
                .origin
                .iter()
                .chain(&row.destination)
                .map(|i| i.id.clone())
                .collect(),
            links: row
                .principles
                .iter()
                .map(|p| link(Relation::Principle, p))
                .collect(),
            ..element(
                &row.id,
                Kind::MonitoredClause,
                row.clause.clone(),
                record(row),
            )
        });
        for indicator in row.origin.iter().chain(&row.destination) {
            let breakdowns: Vec<String> = indicator
                .breakdowns
                .iter()
                .map(|b| record(b).as_str().unwrap_or_default().to_owned())
                .collect();
            out.push(Element {
                parent: Some(row.id.clone()),
                blocks: Block::list(Some("Disaggregated by"), &breakdowns)
                    .into_iter()
                    .collect(),
                links: row
                    .principles
                    .iter()
                    .map(|p| link(Relation::Principle, p))
                    .collect(),
                ..element(
                    &indicator.id,
                    Kind::Indicator,
                    indicator.text.clone(),
                    record(indicator),
                )
            });
        }
    }
}

fn push_sectors_and_sources(kb: &KnowledgeBase, out: &mut Vec<Element>) {
    for sector in &kb.sectors {
        out.push(Element {
            parent: Some("V".into()),
            blocks: present([
                Block::text(None, &sector.text),
                Block::list(Some("Issues"), &sector.issues),
                Block::list(Some("Recommended clauses"), &sector.recommended_clauses),
                Block::list(Some("Notes"), &sector.notes),
            ]),
            ..element(
                &sector.id,
                Kind::Sector,
                sector.title.clone(),
                record(sector),
            )
        });
    }
    for instrument in &kb.instruments {
        let facts: Vec<String> = [Some(format!(
            "Kind: {}",
            record(&instrument.kind).as_str().unwrap_or_default()
        ))]
        .into_iter()
        .chain([instrument.year.map(|y| format!("Year: {y}"))])
        .flatten()
        .collect();
        out.push(Element {
            parent: Some("annex1".into()),
            blocks: Block::list(None, &facts).into_iter().collect(),
            ..element(
                &instrument.id,
                Kind::Instrument,
                instrument.title.clone(),
                record(instrument),
            )
        });
    }
    for entry in &kb.sources {
        let mut links: Vec<Link> = entry
            .principles
            .iter()
            .map(|p| link(Relation::Principle, p))
            .collect();
        links.extend(entry.instruments.iter().map(|i| link(Relation::Source, i)));
        out.push(Element {
            parent: Some("annex1".into()),
            blocks: present([
                Block::text(Some(&entry.group), ""),
                Block::text(Some("Sources"), &entry.sources),
            ]),
            links,
            ..element(
                &entry.id,
                Kind::Annex1Entry,
                entry.topic.clone(),
                record(entry),
            )
        });
    }
}

fn checklist_kind(id: &str) -> Kind {
    match id.split('.').next() {
        Some("annex3") => Kind::Annex3Item,
        Some("annex4") => Kind::Annex4Item,
        _ => Kind::Annex5Item,
    }
}

fn push_annexes(kb: &KnowledgeBase, out: &mut Vec<Element>) {
    for stage in &kb.cycle_stages {
        out.push(Element {
            parent: Some("annex2".into()),
            blocks: Block::list(
                Some("Indicative provisions and accompanying measures"),
                &stage.provisions,
            )
            .into_iter()
            .collect(),
            ..element(
                &stage.id,
                Kind::Annex2Stage,
                stage.stage.clone(),
                record(stage),
            )
        });
    }
    let checklists = kb
        .structure_checklist
        .iter()
        .chain(&kb.negotiation_checklist)
        .chain(&kb.implementation_checklist);
    for item in checklists {
        let parent = item.id.split('.').next().unwrap_or_default().to_owned();
        let title = match item.side {
            Some(Side::Origin) => format!("{} (country of origin)", item.text),
            Some(Side::Destination) => format!("{} (country of destination)", item.text),
            _ => item.text.clone(),
        };
        out.push(Element {
            parent: Some(parent),
            ..element(&item.id, checklist_kind(&item.id), title, record(item))
        });
    }
    let terms = &kb.committee_terms;
    out.push(Element {
        blocks: Block::text(None, &terms.text).into_iter().collect(),
        children: terms.parts.iter().map(|p| p.id.clone()).collect(),
        ..element(
            &terms.id,
            Kind::TermsOfReference,
            terms.title.clone(),
            record(terms),
        )
    });
    for part in &terms.parts {
        out.push(Element {
            parent: Some(terms.id.clone()),
            blocks: present([
                Block::text(None, &part.text),
                Block::list(None, &part.points),
            ]),
            ..element(&part.id, Kind::Annex6Part, part.title.clone(), record(part))
        });
    }
}

fn push_presentation_and_rubric(kb: &KnowledgeBase, out: &mut Vec<Element>) {
    let p = &kb.presentation;
    let points = p.recommendations.iter().chain(&p.problem_clauses);
    out.push(Element {
        blocks: present([
            Block::list(Some("Context"), &p.context),
            Block::list(Some("Challenges"), &p.challenges),
        ]),
        children: points.clone().map(|pt| pt.id.clone()).collect(),
        ..element(&p.id, Kind::Presentation, p.title.clone(), record(p))
    });
    for point in points {
        out.push(Element {
            parent: Some(p.id.clone()),
            ..element(
                &point.id,
                Kind::PresentationPoint,
                point.text.clone(),
                record(point),
            )
        });
    }
    for item in &kb.rubric.items {
        let mut blocks = vec![Block::Text {
            heading: Some("Provides when the agreement".into()),
            text: item.provides.clone(),
        }];
        if let Some(contradicts) = &item.contradicts {
            blocks.push(Block::Text {
                heading: Some("Contradicts when (red flag)".into()),
                text: contradicts.clone(),
            });
        }
        blocks.extend(Block::list(Some("Clarifications"), &item.clarifications));
        let mut links = vec![link(Relation::PartOf, &item.area)];
        links.extend(item.guidance.iter().map(|g| link(Relation::DerivedFrom, g)));
        out.push(Element {
            blocks,
            links,
            ..element(&item.id, Kind::RubricItem, item.title.clone(), record(item))
        });
    }
}

/// Adds the reverse of the links that readers follow the other way: box → principle becomes
/// principle "illustrated by" box; rubric item → principle becomes principle "assessed by" item.
fn add_backlinks(elements: &mut [Element]) {
    let mut reverse: Vec<(String, Link)> = Vec::new();
    for element in elements.iter() {
        for l in &element.links {
            let back = match (element.kind, l.relation) {
                (Kind::Box, Relation::Illustrates) => Relation::IllustratedBy,
                (Kind::RubricItem, Relation::DerivedFrom) => Relation::AssessedBy,
                (Kind::RubricItem, Relation::PartOf) => Relation::RubricItem,
                (Kind::Table, Relation::Principle) => Relation::Table,
                _ => continue,
            };
            reverse.push((l.target.clone(), link(back, &element.id)));
        }
    }
    let positions: HashMap<String, usize> = elements
        .iter()
        .enumerate()
        .map(|(i, e)| (lookup_key(&e.id), i))
        .collect();
    for (target, l) in reverse {
        if let Some(&i) = positions.get(&lookup_key(&target)) {
            elements[i].links.push(l);
        }
    }
}
