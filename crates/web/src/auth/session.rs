//! The session cookie and the extractors handlers use to know who is asking.
//!
//! The CSRF middleware looks the session up once per request and leaves it in the request's
//! extensions as a [`SessionContext`]; the extractors only read it.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, header};
use blma_storage::{Role, Session, User};

use crate::error::WebError;
use crate::state::AppState;

const SESSION_COOKIE: &str = "blma_session";
/// Over HTTPS the cookie takes the `__Host-` prefix: the browser then refuses it unless it is
/// `Secure`, has `Path=/` and no `Domain`, so no sibling host can set it.
const SECURE_SESSION_COOKIE: &str = "__Host-blma_session";
/// The double-submit token of the login form, before there is a session to bind a token to.
pub const LOGIN_CSRF_COOKIE: &str = "blma_login_csrf";

/// The session of the request, if any (set by the CSRF middleware).
#[derive(Debug, Clone)]
pub struct SessionContext(pub Option<Session>);

/// A logged-in user. Extracting it from a request without a session sends the browser to the
/// login page (and back here afterwards).
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub user: User,
    /// The token every form of this session carries.
    pub csrf: String,
}

impl CurrentUser {
    /// Refuses users whose role is below `role` (admin > analyst > viewer).
    pub fn require(&self, role: Role) -> Result<&CurrentUser, WebError> {
        if rank(self.user.role) >= rank(role) {
            Ok(self)
        } else {
            Err(WebError::Forbidden)
        }
    }

    pub fn may(&self, role: Role) -> bool {
        rank(self.user.role) >= rank(role)
    }
}

fn rank(role: Role) -> u8 {
    match role {
        Role::Viewer => 0,
        Role::Analyst => 1,
        Role::Admin => 2,
    }
}

/// A user, or nobody: for pages anyone may read.
#[derive(Debug, Clone)]
pub struct MaybeUser(pub Option<CurrentUser>);

impl FromRequestParts<AppState> for MaybeUser {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, WebError> {
        let session = parts
            .extensions
            .get::<SessionContext>()
            .and_then(|c| c.0.clone());
        Ok(MaybeUser(session.map(|s| CurrentUser {
            user: s.user,
            csrf: s.csrf_token,
        })))
    }
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, WebError> {
        match MaybeUser::from_request_parts(parts, state).await?.0 {
            Some(user) => Ok(user),
            None => {
                // After logging in, a GET comes back to the same page; a POST cannot be replayed.
                let next = if parts.method == Method::GET {
                    parts
                        .uri
                        .path_and_query()
                        .map_or("/".to_owned(), |p| p.as_str().to_owned())
                } else {
                    "/".to_owned()
                };
                Err(WebError::Unauthenticated { next })
            }
        }
    }
}

pub fn session_cookie_name(secure: bool) -> &'static str {
    if secure {
        SECURE_SESSION_COOKIE
    } else {
        SESSION_COOKIE
    }
}

/// The value of cookie `name` in the request's `Cookie` headers.
pub fn read_cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

/// `Set-Cookie` for a new session.
pub fn session_cookie(token: &str, max_age_seconds: i64, secure: bool) -> String {
    cookie(session_cookie_name(secure), token, max_age_seconds, secure)
}

/// `Set-Cookie` that removes the session cookie.
pub fn clear_session_cookie(secure: bool) -> String {
    cookie(session_cookie_name(secure), "", 0, secure)
}

/// `Set-Cookie` for the login form's token: short-lived, only for the login form.
pub fn login_csrf_cookie(token: &str, secure: bool) -> String {
    cookie(LOGIN_CSRF_COOKIE, token, 3600, secure)
}

fn cookie(name: &str, value: &str, max_age_seconds: i64, secure: bool) -> String {
    // SameSite=Lax keeps the cookie off cross-site POSTs; HttpOnly keeps it from scripts.
    let mut c =
        format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_seconds}");
    if secure {
        c.push_str("; Secure");
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn cookies_are_read_by_exact_name() {
        let mut h = HeaderMap::new();
        h.append(
            header::COOKIE,
            HeaderValue::from_static("a=1; blma_session_x=2"),
        );
        h.append(header::COOKIE, HeaderValue::from_static("blma_session=tok"));
        assert_eq!(read_cookie(&h, "blma_session").as_deref(), Some("tok"));
        assert_eq!(read_cookie(&h, "b"), None);
    }

    #[test]
    fn secure_cookies_use_the_host_prefix() {
        let c = session_cookie("t", 60, true);
        assert!(c.starts_with("__Host-blma_session=t;"));
        assert!(c.contains("; Secure") && c.contains("HttpOnly") && c.contains("Path=/"));
        assert!(!session_cookie("t", 60, false).contains("Secure"));
    }
}
