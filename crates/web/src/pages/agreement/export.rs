//! Downloads: the original file, and the report as JSON, Markdown, HTML or PDF (as reviewed).

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use blma_report::Options;
use blma_storage::AgreementId;
use serde_json::json;

use super::Loaded;
use crate::auth::CurrentUser;
use crate::error::WebError;
use crate::security::REPORT_CONTENT_SECURITY_POLICY;
use crate::state::AppState;

/// The original upload, always as an attachment of an opaque type: an uploaded HTML file must
/// never run in this site's origin.
pub async fn original(
    State(state): State<AppState>,
    _user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let original = state
        .store()
        .original(AgreementId(id))
        .await?
        .ok_or(WebError::NotFound)?;
    let agreement = state
        .store()
        .agreement(AgreementId(id))
        .await?
        .ok_or(WebError::NotFound)?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/octet-stream".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                attachment(&agreement.file_name),
            ),
        ],
        original.bytes,
    )
        .into_response())
}

/// `json`, `md`, `html` or `pdf`.
pub async fn export(
    State(state): State<AppState>,
    _user: CurrentUser,
    Path((id, format)): Path<(i64, String)>,
) -> Result<Response, WebError> {
    let loaded = Loaded::get(&state, id).await?;
    let kb = state.kb();
    let reviewed = loaded.reviewed();
    let options = Options { guide_url: None };
    let stem = format!("blma-assessment-{id}");
    let (content_type, file, body): (&str, String, Vec<u8>) = match format.as_str() {
        "json" => {
            let decisions: Vec<_> = loaded
                .decisions
                .iter()
                .map(|d| {
                    json!({
                        "item": d.item,
                        "verdict": d.verdict.as_str(),
                        "note": d.note,
                        "author": d.author.0,
                        "at": d.created_at.to_rfc3339(),
                    })
                })
                .collect();
            let doc = json!({
                "agreement": {
                    "id": id,
                    "file_name": loaded.agreement.file_name,
                    "sha256": loaded.agreement.sha256,
                },
                "assessment": loaded.assessment.assessment,
                "decisions": decisions,
                "reviewed": reviewed,
            });
            let text =
                serde_json::to_vec_pretty(&doc).map_err(|e| WebError::Internal(e.to_string()))?;
            ("application/json", format!("{stem}.json"), text)
        }
        "md" => (
            "text/markdown; charset=utf-8",
            format!("{stem}.md"),
            blma_report::markdown_with(&reviewed, kb, &options).into_bytes(),
        ),
        "html" => (
            "text/html; charset=utf-8",
            format!("{stem}.html"),
            blma_report::html_with(&reviewed, kb, &options).into_bytes(),
        ),
        "pdf" => {
            let pdf =
                tokio::task::spawn_blocking(move || blma_report::pdf_with(&reviewed, kb, &options))
                    .await
                    .map_err(|e| WebError::Internal(e.to_string()))?;
            ("application/pdf", format!("{stem}.pdf"), pdf)
        }
        _ => return Err(WebError::NotFound),
    };
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, attachment(&file)),
            (
                header::CONTENT_SECURITY_POLICY,
                REPORT_CONTENT_SECURITY_POLICY.to_owned(),
            ),
        ],
        body,
    )
        .into_response())
}

/// `attachment; filename="…"` with the name reduced to safe characters.
pub fn attachment(file_name: &str) -> String {
    let safe: String = file_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .take(120)
        .collect();
    format!("attachment; filename=\"{safe}\"")
}
