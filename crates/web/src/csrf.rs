//! Cross-site request forgery protection for every state-changing request, in one place.
//!
//! Two independent checks, both required for any method other than GET/HEAD/OPTIONS:
//! 1. the request must come from this site: a cross-site `Origin` or `Sec-Fetch-Site` is refused;
//! 2. it must carry the session's token (a `csrf` form field, urlencoded or multipart, or an
//!    `X-CSRF-Token` header), compared in constant time. Before login there is no session, so the
//!    login form's token is checked against a cookie the login page set (double submit).
//!
//! The middleware also looks the session up, once, for the extractors in [`crate::auth`].

use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, Multipart, Request, State};
use axum::http::{HeaderMap, header};
use axum::middleware::Next;
use axum::response::Response;
use subtle::ConstantTimeEq;

use crate::auth::{LOGIN_CSRF_COOKIE, SessionContext, read_cookie, session_cookie_name};
use crate::error::WebError;
use crate::state::AppState;

/// The name of the hidden field every form carries.
pub const FIELD: &str = "csrf";
const HEADER: &str = "x-csrf-token";

pub async fn protect(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Result<Response, WebError> {
    let secure = state.config().secure_cookies;
    // Assets and the health check never depend on who asks: spare them the database lookup.
    let path = request.uri().path();
    let anonymous_asset =
        request.method().is_safe() && (path.starts_with("/static/") || path == "/healthz");
    let session = match read_cookie(request.headers(), session_cookie_name(secure)) {
        Some(token) if !anonymous_asset => state.store().session(&token).await?,
        _ => None,
    };
    let mut request = if request.method().is_safe() {
        request
    } else {
        refuse_cross_site(request.headers())?;
        let expected = match &session {
            Some(s) => s.csrf_token.clone(),
            None => read_cookie(request.headers(), LOGIN_CSRF_COOKIE).ok_or(WebError::Csrf)?,
        };
        let limit = state.config().max_upload_bytes + 64 * 1024;
        let (parts, body) = request.into_parts();
        let bytes = axum::body::to_bytes(body, limit)
            .await
            .map_err(|_| WebError::TooLarge {
                limit: state.config().max_upload_bytes,
            })?;
        let sent = match parts.headers.get(HEADER).and_then(|v| v.to_str().ok()) {
            Some(token) => Some(token.to_owned()),
            None => form_token(&parts.headers, &bytes).await,
        };
        if !sent.is_some_and(|s| same(&s, &expected)) {
            return Err(WebError::Csrf);
        }
        Request::from_parts(parts, Body::from(bytes))
    };
    request.extensions_mut().insert(SessionContext(session));
    Ok(next.run(request).await)
}

fn same(a: &str, b: &str) -> bool {
    !b.is_empty() && a.as_bytes().ct_eq(b.as_bytes()).into()
}

/// Refuses requests a browser marks as coming from another site.
fn refuse_cross_site(headers: &HeaderMap) -> Result<(), WebError> {
    let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    if matches!(fetch_site, Some("cross-site" | "same-site")) {
        return Err(WebError::Csrf);
    }
    let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    match (origin, host) {
        (None, _) => Ok(()),
        (Some(origin), Some(host)) => {
            let origin_host = origin
                .split_once("://")
                .map_or(origin, |(_, rest)| rest)
                .trim_end_matches('/');
            if origin_host.eq_ignore_ascii_case(host) {
                Ok(())
            } else {
                Err(WebError::Csrf)
            }
        }
        (Some(_), None) => Err(WebError::Csrf),
    }
}

/// The `csrf` field of a urlencoded or multipart form body.
async fn form_token(headers: &HeaderMap, body: &Bytes) -> Option<String> {
    let content_type = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    if content_type.starts_with("application/x-www-form-urlencoded") {
        return url::form_urlencoded_value(body, FIELD);
    }
    if content_type.starts_with("multipart/form-data") {
        let request = Request::builder()
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body.clone()))
            .ok()?;
        let mut multipart = Multipart::from_request(request, &()).await.ok()?;
        while let Ok(Some(field)) = multipart.next_field().await {
            if field.name() == Some(FIELD) {
                return field.text().await.ok();
            }
        }
    }
    None
}

/// Just enough of `application/x-www-form-urlencoded` to read one field.
mod url {
    pub fn form_urlencoded_value(body: &[u8], name: &str) -> Option<String> {
        let body = std::str::from_utf8(body).ok()?;
        body.split('&').find_map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(key)? == name).then(|| decode(value)).flatten()
        })
    }

    /// Percent-decoding with `+` as space; `None` on malformed input.
    pub fn decode(text: &str) -> Option<String> {
        let bytes = text.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'+' => out.push(b' '),
                b'%' => {
                    let hex = text.get(i + 1..i + 3)?;
                    out.push(u8::from_str_radix(hex, 16).ok()?);
                    i += 2;
                }
                b => out.push(b),
            }
            i += 1;
        }
        String::from_utf8(out).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn form_fields_are_percent_decoded() {
        assert_eq!(
            url::form_urlencoded_value(b"a=1&csrf=ab%2Bc+d&x", "csrf").as_deref(),
            Some("ab+c d")
        );
        assert_eq!(url::form_urlencoded_value(b"csrf=%zz", "csrf"), None);
        assert_eq!(url::form_urlencoded_value(b"a=1", "csrf"), None);
    }

    #[test]
    fn cross_site_requests_are_refused() {
        let mut h = HeaderMap::new();
        h.insert(header::HOST, HeaderValue::from_static("localhost:8080"));
        assert!(refuse_cross_site(&h).is_ok());
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://localhost:8080"),
        );
        assert!(refuse_cross_site(&h).is_ok());
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://evil.example"),
        );
        assert!(refuse_cross_site(&h).is_err());
        h.remove(header::ORIGIN);
        h.insert("sec-fetch-site", HeaderValue::from_static("cross-site"));
        assert!(refuse_cross_site(&h).is_err());
    }

    #[test]
    fn tokens_compare_whole_and_never_empty() {
        assert!(same("abc", "abc"));
        assert!(!same("abc", "abd"));
        assert!(!same("ab", "abc"));
        assert!(!same("", ""));
    }
}
