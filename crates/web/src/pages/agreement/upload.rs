//! Uploading an agreement: read it, assess it, store both, index it, show the report.

use askama::Template;
use axum::extract::{Multipart, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use blma_assessment::{AssessError, Assessment};
use blma_documents::formats::Limits;
use blma_documents::{Document, DocumentError};
use blma_storage::{NewAgreement, Role};

use crate::auth::CurrentUser;
use crate::error::{WebError, megabytes};
use crate::pages::{Chrome, render};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "agreement/upload.html")]
struct UploadPage {
    c: Chrome,
    limit: String,
    error: Option<String>,
}

pub async fn form(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Html<String>, WebError> {
    user.require(Role::Analyst)?;
    upload_page(&state, user, None)
}

fn upload_page(
    state: &AppState,
    user: CurrentUser,
    error: Option<String>,
) -> Result<Html<String>, WebError> {
    let t = state.translations();
    render(&UploadPage {
        c: Chrome::new(t, Some(user), "upload", t.s("upload.title")),
        limit: megabytes(state.config().max_upload_bytes),
        error,
    })
}

/// The file of the form, as sent.
struct Uploaded {
    file_name: String,
    media_type: String,
    bytes: Vec<u8>,
}

pub async fn upload(
    State(state): State<AppState>,
    user: CurrentUser,
    mut multipart: Multipart,
) -> Result<Response, WebError> {
    user.require(Role::Analyst)?;
    let t = state.translations();
    let mut file = None;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| WebError::BadRequest(format!("{}: {e}", t.s("upload.malformed"))))?
    {
        if field.name() == Some("file") {
            let file_name = field.file_name().unwrap_or("agreement").to_owned();
            let media_type = field
                .content_type()
                .unwrap_or("application/octet-stream")
                .to_owned();
            let bytes = field
                .bytes()
                .await
                .map_err(|e| WebError::BadRequest(format!("{}: {e}", t.s("upload.malformed"))))?;
            file = Some(Uploaded {
                file_name,
                media_type,
                bytes: bytes.to_vec(),
            });
        }
    }
    let Some(file) = file.filter(|f| !f.bytes.is_empty()) else {
        let page = upload_page(&state, user, Some(t.s("upload.no_file").to_owned()))?;
        return Ok((axum::http::StatusCode::BAD_REQUEST, page).into_response());
    };
    let limit = state.config().max_upload_bytes;
    if file.bytes.len() > limit {
        return Err(WebError::TooLarge { limit });
    }

    let engine = state.engine();
    let (bytes, name) = (file.bytes.clone(), file.file_name.clone());
    let read = tokio::task::spawn_blocking(move || read_and_assess(engine, &bytes, &name, limit))
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    let (document, assessment) = match read {
        Ok(pair) => pair,
        Err(message) => {
            let page = upload_page(&state, user, Some(message))?;
            return Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };

    let stored = state
        .store()
        .upload(NewAgreement {
            file_name: &file.file_name,
            media_type: &file.media_type,
            bytes: &file.bytes,
            document: &document,
            catalogue_treaty_id: None,
            uploaded_by: Some(user.user.id),
        })
        .await?;
    if !stored.duplicate {
        state
            .store()
            .record_assessment(stored.id, &assessment)
            .await?;
        state.index_agreement(stored.id, &document)?;
    }
    let target = format!(
        "/agreements/{}?{}",
        stored.id.0,
        if stored.duplicate {
            "duplicate=1"
        } else {
            "uploaded=1"
        }
    );
    Ok(Redirect::to(&target).into_response())
}

/// Reads and assesses an upload; the error is a message for the person who sent it.
fn read_and_assess(
    engine: &blma_assessment::Engine,
    bytes: &[u8],
    file_name: &str,
    max_bytes: usize,
) -> Result<(Document, Assessment), String> {
    let limits = Limits {
        max_input_bytes: max_bytes,
        ..Limits::default()
    };
    let document = blma_documents::read(bytes, Some(file_name), &limits)
        .map_err(|e: DocumentError| format!("{file_name}: {e}"))?;
    let assessment = engine
        .assess(&document)
        .map_err(|e: AssessError| format!("{file_name}: {e}"))?;
    Ok((document, assessment))
}
