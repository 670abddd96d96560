//! One agreement: upload, assessment report, full text with highlighted evidence, reviewer
//! decisions and exports.

mod export;
mod report;
mod review;
mod text;
mod upload;

use axum::Router;
use axum::routing::{get, post};
use blma_assessment::{Assessment, Finding};
use blma_storage::{Agreement, AgreementId, Decision, StoredAssessment};

use crate::error::WebError;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/upload", get(upload::form).post(upload::upload))
        .route("/agreements/{id}", get(report::page))
        .route("/agreements/{id}/text", get(text::page))
        .route("/agreements/{id}/decisions", post(review::decide))
        .route("/agreements/{id}/original", get(export::original))
        .route("/agreements/{id}/export/{format}", get(export::export))
}

/// An agreement with its latest assessment and the reviewers' current decisions.
pub struct Loaded {
    pub agreement: Agreement,
    pub assessment: StoredAssessment,
    /// The latest decision per item.
    pub decisions: Vec<Decision>,
}

impl Loaded {
    pub async fn get(state: &AppState, id: i64) -> Result<Loaded, WebError> {
        let id = AgreementId(id);
        let store = state.store();
        let agreement = store.agreement(id).await?.ok_or(WebError::NotFound)?;
        let assessment = store
            .latest_assessment(id)
            .await?
            .ok_or(WebError::NotFound)?;
        let decisions = store.current_decisions(id).await?;
        Ok(Loaded {
            agreement,
            assessment,
            decisions,
        })
    }

    pub fn decision(&self, item: &str) -> Option<&Decision> {
        self.decisions.iter().find(|d| d.item == item)
    }

    /// The assessment as reviewed: each item's verdict is the reviewer's where there is one.
    /// The engine's evidence stays, so a reader sees what the engine found either way.
    pub fn reviewed(&self) -> Assessment {
        with_decisions(&self.assessment.assessment, &self.decisions)
    }
}

/// `assessment` with the verdicts of `decisions` in place of the engine's.
pub fn with_decisions(assessment: &Assessment, decisions: &[Decision]) -> Assessment {
    let mut reviewed = assessment.clone();
    for d in decisions {
        match reviewed.findings.iter_mut().find(|f| f.item == d.item) {
            Some(f) => {
                if f.verdict != d.verdict {
                    f.verdict = d.verdict;
                    f.confidence = 1.0;
                }
            }
            None => reviewed.findings.push(Finding {
                item: d.item.clone(),
                verdict: d.verdict,
                confidence: 1.0,
                evidence: Vec::new(),
                candidates: Vec::new(),
            }),
        }
    }
    reviewed
}

/// The anchor of the `n`th piece of evidence of `item` in the full-text view.
pub fn evidence_anchor(item: &str, n: usize) -> String {
    format!("ev-{item}-{n}")
}

/// The anchor of a provision in the full-text view.
pub fn provision_anchor(provision_id: &str) -> String {
    format!("p-{provision_id}")
}
