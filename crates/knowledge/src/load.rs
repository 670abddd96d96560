//! Parses the TOML files under `data/` (embedded at compile time) into a [`KnowledgeBase`].

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::error::KnowledgeError;
use crate::model::*;

/// One embedded data file: its path relative to the repository, and its text.
pub struct DataFile {
    pub path: &'static str,
    pub text: &'static str,
}

macro_rules! data_file {
    ($path:literal) => {
        DataFile {
            path: $path,
            text: include_str!(concat!("../../../", $path)),
        }
    };
}

/// Every file the knowledge base is built from, in the guidance's order.
pub const DATA_FILES: &[DataFile] = &[
    data_file!("data/guidance/about.toml"),
    data_file!("data/guidance/scope.toml"),
    data_file!("data/guidance/definitions.toml"),
    data_file!("data/guidance/principles.toml"),
    data_file!("data/guidance/guidelines.toml"),
    data_file!("data/guidance/tables-information.toml"),
    data_file!("data/guidance/tables-implementation.toml"),
    data_file!("data/guidance/table13-monitoring.toml"),
    data_file!("data/guidance/sectors.toml"),
    data_file!("data/guidance/annex1-sources.toml"),
    data_file!("data/guidance/annex2-cycle.toml"),
    data_file!("data/guidance/annex3-structure.toml"),
    data_file!("data/guidance/annex4-negotiation.toml"),
    data_file!("data/guidance/annex5-implementation.toml"),
    data_file!("data/guidance/annex6-committee.toml"),
    data_file!("data/guidance/presentation.toml"),
    data_file!("data/rubric/rubric.toml"),
    data_file!("data/rubric/cues/en.toml"),
    data_file!("data/rubric/cues/fr.toml"),
    data_file!("data/rubric/cues/es.toml"),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DefinitionsFile {
    section: Section,
    definition: Vec<Definition>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PrinciplesFile {
    section: Section,
    area: Vec<PrincipleArea>,
    principle: Vec<Principle>,
    #[serde(rename = "box", default)]
    boxes: Vec<GuidanceBox>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GuidelinesFile {
    section: Section,
    guideline: Vec<Guideline>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TablesFile<T> {
    table: Vec<T>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectorsFile {
    section: Section,
    sector: Vec<SectorIssues>,
    #[serde(rename = "box", default)]
    boxes: Vec<GuidanceBox>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    section: Section,
    instrument: Vec<Instrument>,
    entry: Vec<SourceEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CycleFile {
    section: Section,
    stage: Vec<CycleStage>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChecklistFile {
    section: Section,
    item: Vec<ChecklistItem>,
}

fn parse<T: DeserializeOwned>(path: &str) -> Result<T, KnowledgeError> {
    let file = DATA_FILES
        .iter()
        .find(|f| f.path == path)
        .ok_or_else(|| KnowledgeError::MissingFile(path.to_owned()))?;
    toml::from_str(file.text).map_err(|source| KnowledgeError::Parse {
        path: path.to_owned(),
        message: source.to_string(),
    })
}

/// Builds the knowledge base from the embedded data files. Validation is separate
/// ([`crate::validate`]) so that a malformed file and an inconsistent one read differently.
pub fn from_embedded() -> Result<KnowledgeBase, KnowledgeError> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct ScopeFile {
        section: Section,
    }
    let scope: ScopeFile = parse("data/guidance/scope.toml")?;
    let definitions: DefinitionsFile = parse("data/guidance/definitions.toml")?;
    let principles: PrinciplesFile = parse("data/guidance/principles.toml")?;
    let guidelines: GuidelinesFile = parse("data/guidance/guidelines.toml")?;
    let sectors: SectorsFile = parse("data/guidance/sectors.toml")?;
    let sources: SourcesFile = parse("data/guidance/annex1-sources.toml")?;
    let cycle: CycleFile = parse("data/guidance/annex2-cycle.toml")?;
    let structure: ChecklistFile = parse("data/guidance/annex3-structure.toml")?;
    let negotiation: ChecklistFile = parse("data/guidance/annex4-negotiation.toml")?;
    let implementation: ChecklistFile = parse("data/guidance/annex5-implementation.toml")?;
    let mut boxes = principles.boxes;
    boxes.extend(sectors.boxes);
    Ok(KnowledgeBase {
        about: parse("data/guidance/about.toml")?,
        sections: vec![
            scope.section,
            definitions.section,
            principles.section,
            guidelines.section,
            sectors.section,
            sources.section,
            cycle.section,
            structure.section,
            negotiation.section,
            implementation.section,
        ],
        definitions: definitions.definition,
        principle_areas: principles.area,
        principles: principles.principle,
        boxes,
        guidelines: guidelines.guideline,
        information_tables: parse::<TablesFile<_>>("data/guidance/tables-information.toml")?.table,
        implementation_tables: parse::<TablesFile<_>>("data/guidance/tables-implementation.toml")?
            .table,
        monitoring_table: parse("data/guidance/table13-monitoring.toml")?,
        sectors: sectors.sector,
        instruments: sources.instrument,
        sources: sources.entry,
        cycle_stages: parse::<CycleFile>("data/guidance/annex2-cycle.toml")?.stage,
        structure_checklist: parse::<ChecklistFile>("data/guidance/annex3-structure.toml")?.item,
        negotiation_checklist: parse::<ChecklistFile>("data/guidance/annex4-negotiation.toml")?
            .item,
        implementation_checklist: parse::<ChecklistFile>(
            "data/guidance/annex5-implementation.toml",
        )?
        .item,
        committee_terms: parse("data/guidance/annex6-committee.toml")?,
        presentation: parse("data/guidance/presentation.toml")?,
        rubric: parse("data/rubric/rubric.toml")?,
        cues: vec![
            cue_set("data/rubric/cues/en.toml")?,
            cue_set("data/rubric/cues/fr.toml")?,
            cue_set("data/rubric/cues/es.toml")?,
        ],
    })
}

/// Parses a cue file and names its unnamed cues `<language>.<item>.<n>`.
fn cue_set(path: &str) -> Result<CueSet, KnowledgeError> {
    let mut set: CueSet = parse(path)?;
    let mut counts = std::collections::HashMap::<String, usize>::new();
    for cue in &mut set.cues {
        let n = counts.entry(cue.item.clone()).or_default();
        *n += 1;
        if cue.id.is_empty() {
            cue.id = format!("{}.{}.{n}", set.language, cue.item);
        }
    }
    Ok(set)
}
