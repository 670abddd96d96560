//! Plain data types of the knowledge base. They mirror the TOML files under `data/` one to one.

mod annexes;
mod cues;
mod guidance;
mod operations;
mod rubric;

pub use annexes::*;
pub use cues::*;
pub use guidance::*;
pub use operations::*;
pub use rubric::*;

use serde::{Deserialize, Serialize};

/// The whole knowledge base: the guidance, the presentation and the rubric.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KnowledgeBase {
    /// Bibliographic facts about the guidance itself.
    pub about: About,
    /// The titles and running text of the guidance's parts that hold more than running text:
    /// Sections I–V and Annexes 1–5, in the guidance's order (ids `I` … `V`, `annex1` … `annex5`).
    pub sections: Vec<Section>,
    /// Section II.
    pub definitions: Vec<Definition>,
    /// Section III.
    pub principle_areas: Vec<PrincipleArea>,
    pub principles: Vec<Principle>,
    /// Boxes 1–12.
    pub boxes: Vec<GuidanceBox>,
    /// Section IV.
    pub guidelines: Vec<Guideline>,
    /// Tables 1–9.
    pub information_tables: Vec<InformationTable>,
    /// Tables 10–12.
    pub implementation_tables: Vec<ImplementationTable>,
    /// Table 13.
    pub monitoring_table: MonitoringTable,
    /// Section V.
    pub sectors: Vec<SectorIssues>,
    /// Annex 1.
    pub instruments: Vec<Instrument>,
    pub sources: Vec<SourceEntry>,
    /// Annex 2.
    pub cycle_stages: Vec<CycleStage>,
    /// Annex 3.
    pub structure_checklist: Vec<ChecklistItem>,
    /// Annex 4.
    pub negotiation_checklist: Vec<ChecklistItem>,
    /// Annex 5.
    pub implementation_checklist: Vec<ChecklistItem>,
    /// Annex 6.
    pub committee_terms: TermsOfReference,
    pub presentation: Presentation,
    pub rubric: Rubric,
    /// The assessment cues, one set per language (`data/rubric/cues/`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cues: Vec<CueSet>,
}

/// Citation data for the guidance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct About {
    pub title: String,
    pub publisher: String,
    pub year: u16,
    /// What the knowledge platform entry says about it (`seeds/000`).
    pub summary: String,
}
