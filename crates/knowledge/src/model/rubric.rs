//! The assessment rubric (`spec/rubric.md`): its item ids are a public contract.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rubric {
    /// Version of the rubric's meaning; bump when an item's meaning changes.
    pub version: u32,
    /// What each verdict means, verbatim from the rubric.
    pub verdicts: VerdictMeanings,
    pub items: Vec<RubricItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerdictMeanings {
    pub provides: String,
    pub contradicts: String,
    pub silent: String,
}

/// One rubric item: what "provides" and "contradicts" mean, and where the guidance says so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RubricItem {
    /// Stable snake_case id, e.g. `no_worker_fees`.
    pub id: String,
    /// Short human label, e.g. "No recruitment fees for workers".
    pub title: String,
    /// The principle area the item is reported under (`III.A` … `III.K`, or `IV` for governance).
    pub area: String,
    /// "provides when the agreement …", verbatim from the rubric.
    pub provides: String,
    /// "contradicts when …", verbatim from the rubric; `None` where the rubric gives none.
    /// A `contradicts` verdict is a red flag: reports list those first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contradicts: Option<String>,
    /// Ids of the guidance elements the item derives from (principles, guideline sections,
    /// Annex 3 items, Annex 6, presentation points).
    pub guidance: Vec<String>,
    /// The rubric's clarifications for borderline wording, verbatim.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clarifications: Vec<String>,
}
