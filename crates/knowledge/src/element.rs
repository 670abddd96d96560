//! A uniform, addressable view of every element of the knowledge base.
//!
//! The typed model mirrors the guidance's shapes (principles, tables, checklists …); commands
//! that work on "any element" (show, list, search, export, reference checks) need one shape.
//! [`Element`] is that shape: an id, a kind, a title, text blocks in reading order, child ids
//! and typed links, plus the element's own record as JSON for machine output.

use serde::Serialize;

/// What kind of thing an element is. The kebab-case names are what users type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Sections I–V and the title pages of Annexes 1–5.
    Section,
    Definition,
    Area,
    Principle,
    Box,
    Guideline,
    Step,
    Table,
    MonitoredClause,
    Indicator,
    Sector,
    Instrument,
    Annex1Entry,
    Annex2Stage,
    Annex3Item,
    Annex4Item,
    Annex5Item,
    TermsOfReference,
    Annex6Part,
    Presentation,
    PresentationPoint,
    RubricItem,
}

impl Kind {
    pub const ALL: [Kind; 22] = [
        Kind::Section,
        Kind::Definition,
        Kind::Area,
        Kind::Principle,
        Kind::Box,
        Kind::Guideline,
        Kind::Step,
        Kind::Table,
        Kind::MonitoredClause,
        Kind::Indicator,
        Kind::Sector,
        Kind::Instrument,
        Kind::Annex1Entry,
        Kind::Annex2Stage,
        Kind::Annex3Item,
        Kind::Annex4Item,
        Kind::Annex5Item,
        Kind::TermsOfReference,
        Kind::Annex6Part,
        Kind::Presentation,
        Kind::PresentationPoint,
        Kind::RubricItem,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Section => "section",
            Kind::Definition => "definition",
            Kind::Area => "area",
            Kind::Principle => "principle",
            Kind::Box => "box",
            Kind::Guideline => "guideline",
            Kind::Step => "step",
            Kind::Table => "table",
            Kind::MonitoredClause => "monitored-clause",
            Kind::Indicator => "indicator",
            Kind::Sector => "sector",
            Kind::Instrument => "instrument",
            Kind::Annex1Entry => "annex1-entry",
            Kind::Annex2Stage => "annex2-stage",
            Kind::Annex3Item => "annex3-item",
            Kind::Annex4Item => "annex4-item",
            Kind::Annex5Item => "annex5-item",
            Kind::TermsOfReference => "terms-of-reference",
            Kind::Annex6Part => "annex6-part",
            Kind::Presentation => "presentation",
            Kind::PresentationPoint => "presentation-point",
            Kind::RubricItem => "rubric-item",
        }
    }

    /// Parses a kind name as users type it (case-insensitive; a trailing `s` is tolerated).
    pub fn parse(name: &str) -> Option<Kind> {
        let name = name.trim().to_ascii_lowercase();
        let singular = name.strip_suffix('s').unwrap_or(&name);
        Kind::ALL
            .into_iter()
            .find(|k| k.name() == name || k.name() == singular)
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// How one element refers to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// The element belongs to this principle area, phase or table.
    PartOf,
    /// An instrument the principle is drawn from (Annex 1).
    Source,
    /// The Annex 1 row that lists the element's sources.
    SourcedIn,
    /// A box that illustrates the element.
    IllustratedBy,
    /// A principle or sector the box illustrates.
    Illustrates,
    /// A principle the element serves or corresponds to.
    Principle,
    /// A table that gathers information or tasks for the element.
    Table,
    /// A guidance element a rubric item derives from.
    DerivedFrom,
    /// A rubric item that assesses the element.
    AssessedBy,
    /// Rubric items reported under this area.
    RubricItem,
}

impl Relation {
    /// The label a reader sees before the link targets.
    pub fn label(self) -> &'static str {
        match self {
            Relation::PartOf => "Part of",
            Relation::Source => "Sources (Annex 1)",
            Relation::SourcedIn => "Annex 1 rows",
            Relation::IllustratedBy => "Illustrated by",
            Relation::Illustrates => "Illustrates",
            Relation::Principle => "Principles",
            Relation::Table => "Tables",
            Relation::DerivedFrom => "Derived from",
            Relation::AssessedBy => "Assessed by rubric items",
            Relation::RubricItem => "Rubric items",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    pub relation: Relation,
    pub target: String,
}

/// A piece of an element's content, in reading order.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Block {
    /// Running text: paragraphs separated by blank lines, `• ` lines for bullets.
    Text {
        heading: Option<String>,
        text: String,
    },
    /// An enumerated list.
    List {
        heading: Option<String>,
        items: Vec<String>,
    },
    /// A table: one header row and rows of cells; a cell may hold several lines.
    Table {
        columns: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

impl Block {
    pub fn text(heading: Option<&str>, text: &str) -> Option<Block> {
        (!text.trim().is_empty()).then(|| Block::Text {
            heading: heading.map(str::to_owned),
            text: text.to_owned(),
        })
    }

    pub fn list(heading: Option<&str>, items: &[String]) -> Option<Block> {
        (!items.is_empty()).then(|| Block::List {
            heading: heading.map(str::to_owned),
            items: items.to_vec(),
        })
    }

    /// All the prose of the block, for searching.
    pub fn plain_text(&self) -> String {
        match self {
            Block::Text { heading, text } => join_opt(heading, text),
            Block::List { heading, items } => join_opt(heading, &items.join("\n")),
            Block::Table { columns, rows } => {
                let mut out = columns.join(" | ");
                for row in rows {
                    out.push('\n');
                    out.push_str(&row.join(" | "));
                }
                out
            }
        }
    }
}

fn join_opt(heading: &Option<String>, body: &str) -> String {
    match heading {
        Some(h) => format!("{h}\n{body}"),
        None => body.to_owned(),
    }
}

/// One addressable element of the knowledge base.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Element {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub blocks: Vec<Block>,
    /// Ids of the elements nested in this one, in order (a table's indicators, an annex's items).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// The element's own typed record, as JSON.
    #[serde(skip)]
    pub record: serde_json::Value,
}

impl Element {
    /// Targets of the links with `relation`, in order.
    pub fn linked(&self, relation: Relation) -> impl Iterator<Item = &str> {
        self.links
            .iter()
            .filter(move |l| l.relation == relation)
            .map(|l| l.target.as_str())
    }

    /// Title and every block as plain text, for search.
    pub fn plain_text(&self) -> String {
        let mut out = self.title.clone();
        for block in &self.blocks {
            out.push('\n');
            out.push_str(&block.plain_text());
        }
        out
    }

    /// The JSON object `blma guide list` prints: the typed record with `id`, `kind` and `title`.
    pub fn summary_json(&self) -> serde_json::Value {
        let mut object = match &self.record {
            serde_json::Value::Object(map) => map.clone(),
            _ => serde_json::Map::new(),
        };
        object.insert("id".into(), self.id.clone().into());
        object.insert("kind".into(), self.kind.name().into());
        object.insert("title".into(), self.title.clone().into());
        if !self.links.is_empty() {
            object.insert(
                "links".into(),
                serde_json::to_value(&self.links).unwrap_or_default(),
            );
        }
        serde_json::Value::Object(object)
    }
}
