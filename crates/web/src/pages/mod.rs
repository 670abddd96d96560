//! The routes and their pages. One module per area of the site; each handler checks the role it
//! needs through [`CurrentUser::require`](crate::auth::CurrentUser::require).

mod account;
mod agreement;
mod compare;
mod guide;
mod home;
mod library;
mod matrix;
mod search;
mod stats;
mod users;

use askama::Template;
use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse};
use axum::routing::get;

use crate::auth::CurrentUser;
use crate::error::WebError;
use crate::i18n::Translations;
use crate::state::AppState;

pub fn routes(state: AppState) -> Router {
    Router::new()
        .route("/", get(home::page))
        .route("/static/app.css", get(stylesheet))
        .route("/healthz", get(|| async { "ok" }))
        .merge(account::routes())
        .merge(guide::routes())
        .merge(agreement::routes())
        .merge(search::routes())
        .merge(library::routes())
        .merge(matrix::routes())
        .merge(compare::routes())
        .merge(stats::routes())
        .merge(users::routes())
        .fallback(|| async { WebError::NotFound })
        .with_state(state)
}

/// What every page's frame needs: strings, who is logged in, the CSRF token for its forms, and
/// which part of the navigation is current.
pub struct Chrome {
    pub t: &'static Translations,
    pub user: Option<CurrentUser>,
    pub active: &'static str,
    pub title: String,
}

impl Chrome {
    pub fn new(
        t: &'static Translations,
        user: Option<CurrentUser>,
        active: &'static str,
        title: impl Into<String>,
    ) -> Chrome {
        Chrome {
            t,
            user,
            active,
            title: title.into(),
        }
    }

    pub fn csrf(&self) -> &str {
        self.user.as_ref().map_or("", |u| u.csrf.as_str())
    }

    pub fn signed_in(&self) -> String {
        match &self.user {
            Some(u) => self.t.f(
                "nav.signed_in",
                &[
                    ("name", &u.user.display_name),
                    ("role", &u.user.role.as_str()),
                ],
            ),
            None => String::new(),
        }
    }

    pub fn may_analyse(&self) -> bool {
        self.user
            .as_ref()
            .is_some_and(|u| u.may(blma_storage::Role::Analyst))
    }

    pub fn is_admin(&self) -> bool {
        self.user
            .as_ref()
            .is_some_and(|u| u.may(blma_storage::Role::Admin))
    }

    /// `aria-current` for the navigation link of `section`.
    pub fn current(&self, section: &str) -> &'static str {
        if self.active == section {
            "page"
        } else {
            "false"
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub c: Chrome,
    pub status: u16,
    pub message: String,
}

impl ErrorPage {
    pub fn new(t: &'static Translations, status: StatusCode, message: String) -> ErrorPage {
        ErrorPage {
            c: Chrome::new(t, None, "", t.s("error.title")),
            status: status.as_u16(),
            message,
        }
    }
}

/// Renders a page template.
pub fn render(page: &impl Template) -> Result<Html<String>, WebError> {
    Ok(Html(page.render()?))
}

async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../static/app.css"),
    )
}

/// Percent-encodes a query-string value.
pub fn url_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A same-site path to go to after logging in: anything else (another host, `//evil`) becomes `/`.
pub fn safe_next(next: Option<&str>) -> &str {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n,
        _ => "/",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next(Some("/agreements/3")), "/agreements/3");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(Some("/\\evil")), "/");
        assert_eq!(safe_next(None), "/");
        assert_eq!(url_encode("/a b?c=d&é"), "/a%20b%3Fc%3Dd%26%C3%A9");
    }
}
