//! The full text of an agreement with the engine's evidence highlighted and each provision
//! anchored: where a report's quotes link to.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Html;
use blma_storage::AgreementId;

use super::{Loaded, evidence_anchor, provision_anchor};
use crate::auth::CurrentUser;
use crate::error::WebError;
use crate::highlight::{self, Anchor, Span};
use crate::pages::{Chrome, render};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "agreement/text.html")]
struct TextPage {
    c: Chrome,
    id: i64,
    title: String,
    language: String,
    /// Escaped by [`highlight::render`].
    body: String,
    legend: String,
}

pub async fn page(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Html<String>, WebError> {
    let loaded = Loaded::get(&state, id).await?;
    let document = state
        .store()
        .document(AgreementId(id))
        .await?
        .ok_or(WebError::NotFound)?;
    let spans: Vec<Span> = loaded
        .assessment
        .assessment
        .findings
        .iter()
        .flat_map(|f| {
            f.evidence.iter().enumerate().map(move |(n, e)| Span {
                start: e.start,
                end: e.end,
                id: evidence_anchor(&f.item, n),
                class: e.polarity.as_str(),
                title: format!("{} · {} · {}", f.item, e.polarity.as_str(), e.cue),
            })
        })
        .collect();
    let anchors: Vec<Anchor> = document
        .provisions
        .iter()
        .map(|p| Anchor {
            at: p.start,
            id: provision_anchor(&p.id),
        })
        .collect();
    let body = highlight::render(&document.text, &spans, &anchors);
    let t = state.translations();
    let title = crate::pages::library::agreement_title(&loaded.agreement);
    render(&TextPage {
        c: Chrome::new(t, Some(user), "library", title.clone()),
        id,
        title,
        language: loaded.agreement.language.clone(),
        body,
        legend: t.f("text.legend", &[("marks", &spans.len())]),
    })
}
