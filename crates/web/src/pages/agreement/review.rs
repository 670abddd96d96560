//! Recording a reviewer's decision: confirm or override the engine's verdict on one item, with a
//! note. Decisions are appended, never changed: the history keeps every one.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::Redirect;
use blma_assessment::Verdict;
use blma_storage::{AgreementId, AssessmentId, NewDecision, Role};
use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::error::WebError;
use crate::state::AppState;

/// Longest note kept, in characters.
pub const MAX_NOTE: usize = 2000;

#[derive(Deserialize)]
pub struct DecisionForm {
    assessment: i64,
    item: String,
    verdict: String,
    #[serde(default)]
    note: String,
}

pub async fn decide(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(form): Form<DecisionForm>,
) -> Result<Redirect, WebError> {
    user.require(Role::Analyst)?;
    let t = state.translations();
    let known_item = state.kb().rubric.items.iter().any(|i| i.id == form.item);
    if !known_item {
        return Err(WebError::BadRequest(
            t.f("review.unknown_item", &[("item", &form.item)]),
        ));
    }
    let verdict = parse_verdict(&form.verdict).ok_or_else(|| {
        WebError::BadRequest(t.f("review.bad_verdict", &[("verdict", &form.verdict)]))
    })?;
    let note: String = form.note.trim().chars().take(MAX_NOTE).collect();
    state
        .store()
        .record_decisions(&[NewDecision {
            agreement_id: AgreementId(id),
            assessment_id: AssessmentId(form.assessment),
            item: form.item.clone(),
            verdict,
            note,
            author: user.user.id,
        }])
        .await
        .map_err(|e| match e {
            blma_storage::Error::NotFound { .. } => WebError::NotFound,
            other => other.into(),
        })?;
    Ok(Redirect::to(&format!(
        "/agreements/{id}?reviewed={}#item-{}",
        crate::pages::url_encode(&form.item),
        crate::pages::url_encode(&form.item)
    )))
}

fn parse_verdict(text: &str) -> Option<Verdict> {
    [Verdict::Provides, Verdict::Contradicts, Verdict::Silent]
        .into_iter()
        .find(|v| v.as_str() == text)
}
