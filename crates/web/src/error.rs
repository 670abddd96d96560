//! The crate's one error type, and how each error looks to a browser.

use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};

use crate::i18n::Translations;
use crate::pages::ErrorPage;

/// Anything a request or the start-up can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WebError {
    #[error("cannot create the data directory {path}: {source} (choose another with --data-dir)")]
    DataDir {
        path: String,
        #[source]
        source: std::io::Error,
    },

    #[error(transparent)]
    Storage(#[from] blma_storage::Error),

    #[error("the embedded catalogue cannot be read: {0}")]
    Catalogue(#[from] blma_catalogue::CatalogueError),

    #[error("search index: {0}")]
    Search(#[from] blma_search::SearchError),

    /// Nothing at this address (or nothing this user may know exists).
    #[error("not found")]
    NotFound,

    /// The page needs a login; `next` is where to come back to.
    #[error("login required")]
    Unauthenticated { next: String },

    #[error("forbidden for this role")]
    Forbidden,

    #[error("missing or wrong CSRF token")]
    Csrf,

    #[error("upload larger than {limit} bytes")]
    TooLarge { limit: usize },

    /// A request the user can fix; the message says how.
    #[error("{0}")]
    BadRequest(String),

    #[error("cannot render the page: {0}")]
    Template(#[from] askama::Error),

    #[error("{0}")]
    Internal(String),
}

impl WebError {
    pub fn status(&self) -> StatusCode {
        match self {
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::Unauthenticated { .. } => StatusCode::SEE_OTHER,
            WebError::Forbidden | WebError::Csrf => StatusCode::FORBIDDEN,
            WebError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            WebError::BadRequest(_) => StatusCode::BAD_REQUEST,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// What the page says: never an internal detail (those go to the log).
    fn message(&self, t: &Translations) -> String {
        match self {
            WebError::NotFound => t.s("error.not_found").to_owned(),
            WebError::Forbidden => t.s("error.forbidden").to_owned(),
            WebError::Csrf => t.s("error.csrf").to_owned(),
            WebError::TooLarge { limit } => {
                t.f("error.too_large", &[("limit", &megabytes(*limit))])
            }
            WebError::BadRequest(message) => message.clone(),
            _ => t.s("error.internal").to_owned(),
        }
    }
}

/// `25 MB`, for messages.
pub fn megabytes(bytes: usize) -> String {
    format!("{} MB", bytes.div_ceil(1024 * 1024))
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        if let WebError::Unauthenticated { next } = &self {
            let target = format!("/login?next={}", crate::pages::url_encode(next));
            return Redirect::to(&target).into_response();
        }
        let status = self.status();
        if status.is_server_error() {
            eprintln!("blma-web: {self}");
        }
        let t = Translations::english();
        let page = ErrorPage::new(t, status, self.message(t));
        let body = askama::Template::render(&page).unwrap_or_else(|_| page.message.clone());
        (status, Html(body)).into_response()
    }
}

/// The answer to a handler that panicked: a plain error page, and the server keeps running.
pub fn panic_response(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    eprintln!("blma-web: a request handler panicked");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        Translations::english().s("error.internal").to_owned(),
    )
        .into_response()
}
