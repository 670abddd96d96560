//! The start page.

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use super::{Chrome, render};
use crate::auth::MaybeUser;
use crate::error::WebError;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    c: Chrome,
    counts: String,
}

pub async fn page(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
) -> Result<Html<String>, WebError> {
    let t = state.translations();
    let uploads = state
        .store()
        .library(&blma_storage::LibraryQuery {
            limit: 1,
            ..Default::default()
        })
        .await?
        .total;
    let counts = t.f(
        "home.counts",
        &[
            (
                "elements",
                &blma_knowledge::KnowledgeBase::index().elements().len(),
            ),
            ("catalogue", &state.catalogue().agreements().len()),
            ("uploads", &uploads),
        ],
    );
    render(&HomePage {
        c: Chrome::new(t, user, "home", t.s("home.title")),
        counts,
    })
}
