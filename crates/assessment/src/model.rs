//! The output of an assessment: plain data, serialised as the rubric's JSON contract
//! (`spec/rubric.md`, "Machine-readable output").

use serde::{Deserialize, Serialize};

/// One of the rubric's three verdicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Provides,
    Contradicts,
    Silent,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Provides => "provides",
            Verdict::Contradicts => "contradicts",
            Verdict::Silent => "silent",
        }
    }
}

/// A passage that supports a verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The provision's label as printed ("Article 6"), or its id when it has no heading.
    pub provision: String,
    /// The provision's id in the document (`art_6__para_2`).
    pub provision_id: String,
    /// Offsets in Unicode scalar values into the text `blma extract` prints.
    pub start: usize,
    pub end: usize,
    /// The cited text, exactly `text[start..end]`.
    pub text: String,
    /// Which way this passage points.
    pub polarity: Verdict,
    /// The cue that fired, as written in the knowledge base, so the reason is inspectable.
    pub cue: String,
}

/// The verdict on one rubric item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// The rubric item id (`no_worker_fees`).
    pub item: String,
    pub verdict: Verdict,
    /// 0 to 1: how sure the engine is of the verdict.
    pub confidence: f32,
    /// Empty exactly when the verdict is `silent`.
    pub evidence: Vec<Evidence>,
    /// Passages a semantic matcher found close in meaning to the item, best first: proposals
    /// for a reviewer, never evidence. They do not change the verdict. Empty (and left out of
    /// the JSON) in the default, lexical mode.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<Candidate>,
}

/// A passage a semantic matcher proposes as possibly relevant to an item, unconfirmed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    /// The provision's label as printed ("Article 6"), or its id when it has no heading.
    pub provision: String,
    /// The provision's id in the document (`art_6__para_2`).
    pub provision_id: String,
    /// Offsets in Unicode scalar values into the text `blma extract` prints.
    pub start: usize,
    pub end: usize,
    /// The passage, exactly `text[start..end]`.
    pub text: String,
    /// Cosine similarity between the passage and the item, -1 to 1.
    pub score: f32,
}

/// What the assessment says about the document it read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentSummary {
    pub title: Option<String>,
    pub language: String,
    pub parties: Vec<String>,
    pub date_signed: Option<String>,
    pub kind: String,
    /// Number of provisions found.
    pub provisions: usize,
}

/// How the findings were produced, so that results are reproducible.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EngineInfo {
    /// Version of this crate.
    pub version: String,
    /// Version of the rubric the items come from.
    pub rubric_version: u32,
    /// `lexical`, or `lexical+semantic:<model>` when a semantic matcher proposed candidates.
    pub mode: String,
}

/// The assessment of one agreement: every rubric item exactly once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub document: DocumentSummary,
    pub findings: Vec<Finding>,
    pub engine: EngineInfo,
}
