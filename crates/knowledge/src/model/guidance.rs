//! Sections I–III of the guidance, its boxes and the Annex 1 sources.

use serde::{Deserialize, Serialize};

/// A part of the guidance with its title and the running text that belongs to no finer element
/// (Section I "Scope" is all running text; Annex 3 has only a title).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// `I` … `V`, `annex1` … `annex5`.
    pub id: String,
    pub title: String,
    /// Paragraphs separated by blank lines, verbatim from the guidance.
    #[serde(default)]
    pub text: String,
    /// The section's footnotes and source lines, verbatim, without their number.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// One term of Section II.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Definition {
    /// `II.` followed by a slug of the term, e.g. `II.migrant-worker`.
    pub id: String,
    pub term: String,
    /// The definition, verbatim.
    pub text: String,
    /// Where the guidance takes the definition from (its footnote or inline citation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A lettered group of principles, e.g. `III.B` Recruitment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrincipleArea {
    /// `III.A` … `III.K`.
    pub id: String,
    pub title: String,
}

/// One general principle, `III.A.1` … `III.K.1`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Principle {
    pub id: String,
    /// The area it belongs to, e.g. `III.A`.
    pub area: String,
    /// The principle's headline sentence, verbatim (without its `A.1` label).
    pub title: String,
    /// The body that follows the headline, verbatim; paragraphs separated by blank lines.
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// An illustrative extract from an existing agreement (boxes 1–12).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuidanceBox {
    /// `box1` … `box12`.
    pub id: String,
    pub number: u8,
    /// The box heading, verbatim.
    pub title: String,
    /// Signatories or authors named in the heading.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<String>,
    /// Date as written in the heading (free text: some boxes give only a year).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The extract, verbatim; paragraphs separated by blank lines.
    pub text: String,
    /// The source line under the box, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Ids of the principles, guideline sections or sector issues the box illustrates.
    pub illustrates: Vec<String>,
}

/// An international instrument cited in Annex 1 (e.g. C97, ICRMW).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    /// The abbreviation the guidance uses: `C97`, `R86`, `P029`, `ICRMW` …
    pub id: String,
    /// Full title, e.g. "Migration for Employment Convention (Revised), 1949 (No. 97)".
    pub title: String,
    pub kind: InstrumentKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum InstrumentKind {
    IloConvention,
    IloProtocol,
    IloRecommendation,
    IloDeclaration,
    IloFramework,
    UnTreaty,
    UnResolution,
    Other,
}

/// One row of Annex 1: a topic of the principles and the sources it was drawn from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceEntry {
    /// `annex1.1`, `annex1.2` … in the annex's order.
    pub id: String,
    /// The annex's heading for the group (e.g. "HUMAN RIGHTS, INCLUDING LABOUR RIGHTS").
    pub group: String,
    /// The topic as the annex words it.
    pub topic: String,
    /// The principle ids the topic corresponds to.
    pub principles: Vec<String>,
    /// The sources cell, verbatim.
    pub sources: String,
    /// Ids of the instruments the cell cites (each must be in the instrument list).
    pub instruments: Vec<String>,
}
