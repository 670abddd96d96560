//! Annexes 2–6 of the guidance and the presentation on rights in BLMAs.

use serde::{Deserialize, Serialize};

use super::operations::Side;

/// Annex 2: one stage of the labour migration cycle and its indicative provisions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CycleStage {
    /// `annex2.1` … in the cycle's order.
    pub id: String,
    /// The LABOUR MIGRATION CYCLE cell ("Identification of job opportunities abroad").
    pub stage: String,
    /// The BLMA AND ACCOMPANYING MEASURES cell: one provision or measure per entry, verbatim.
    pub provisions: Vec<String>,
}

/// One question or topic of the Annex 3, 4 or 5 checklists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    /// `annex3.1` … `annex3.24`, `annex4.1` … `annex4.14`,
    /// `annex5.origin.1` … `annex5.origin.12`, `annex5.destination.1` … `annex5.destination.14`.
    pub id: String,
    /// Position in its list, from 1.
    pub number: u8,
    /// The item, verbatim.
    pub text: String,
    /// Which country the item is for (Annex 5 only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<Side>,
}

/// Annex 6: model terms of reference for the joint monitoring committee.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermsOfReference {
    /// `annex6`.
    pub id: String,
    pub title: String,
    /// Introductory text, verbatim.
    #[serde(default)]
    pub text: String,
    /// Functions, objectives, membership and chair, expenditure, operational modalities,
    /// secretariat tasks, in the annex's order.
    pub parts: Vec<TermsPart>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermsPart {
    /// `annex6.functions`, `annex6.objectives`, `annex6.membership`, `annex6.expenditure`,
    /// `annex6.modalities`, `annex6.secretariat`.
    pub id: String,
    pub title: String,
    /// Running text of the part, verbatim.
    #[serde(default)]
    pub text: String,
    /// Its enumerated points, verbatim, one per entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<String>,
}

/// The presentation on rights in BLMAs (`seeds/002`): its recommendations and the kinds of
/// provision it names as problems.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Presentation {
    /// `presentation`.
    pub id: String,
    pub title: String,
    /// Its points on BLMAs as good practice and on the normative framework, verbatim.
    pub context: Vec<String>,
    /// Challenges it names, verbatim.
    pub challenges: Vec<String>,
    pub recommendations: Vec<PresentationPoint>,
    /// Provisions it says violate human or labour rights.
    pub problem_clauses: Vec<PresentationPoint>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PresentationPoint {
    /// `presentation.rec1` …, `presentation.problem1` …
    pub id: String,
    pub text: String,
}
