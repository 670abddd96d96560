//! Logging in and out.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

use super::{Chrome, render, safe_next};
use crate::auth::{
    CurrentUser, LOGIN_CSRF_COOKIE, MaybeUser, clear_session_cookie, login_csrf_cookie, password,
    read_cookie, session_cookie, session_cookie_name,
};
use crate::error::WebError;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/login", get(login_form).post(login))
        .route("/logout", post(logout))
}

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    c: Chrome,
    next: String,
    login_csrf: String,
    failed: bool,
    email: String,
}

#[derive(Deserialize)]
struct NextQuery {
    next: Option<String>,
}

async fn login_form(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    headers: HeaderMap,
    Query(q): Query<NextQuery>,
) -> Result<Response, WebError> {
    let next = safe_next(q.next.as_deref()).to_owned();
    if user.is_some() {
        return Ok(Redirect::to(&next).into_response());
    }
    let t = state.translations();
    // Reuse the token the browser holds, so two open login tabs both work.
    let token = match read_cookie(&headers, LOGIN_CSRF_COOKIE) {
        Some(token) if token.len() >= 32 => token,
        _ => blma_storage::random_token()?,
    };
    let page = render(&LoginPage {
        c: Chrome::new(t, None, "login", t.s("login.title")),
        next,
        login_csrf: token.clone(),
        failed: false,
        email: String::new(),
    })?;
    let cookie = login_csrf_cookie(&token, state.config().secure_cookies);
    Ok(([(header::SET_COOKIE, cookie)], page).into_response())
}

#[derive(Deserialize)]
struct LoginForm {
    email: String,
    password: String,
    next: Option<String>,
    csrf: String,
}

async fn login(
    State(state): State<AppState>,
    Form(form): Form<LoginForm>,
) -> Result<Response, WebError> {
    let user = state.store().user_by_email(form.email.trim()).await?;
    let hash = user
        .as_ref()
        .filter(|u| !u.disabled)
        .map_or_else(|| password::decoy().to_owned(), |u| u.password_hash.clone());
    let attempt = form.password.clone();
    let matches = tokio::task::spawn_blocking(move || password::verify(&hash, &attempt))
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    let next = safe_next(form.next.as_deref()).to_owned();
    let Some(user) = user.filter(|u| matches && !u.disabled) else {
        let t = state.translations();
        let page = render(&LoginPage {
            c: Chrome::new(t, None, "login", t.s("login.title")),
            next,
            login_csrf: form.csrf,
            failed: true,
            email: form.email,
        })?;
        return Ok((StatusCode::UNAUTHORIZED, page).into_response());
    };
    let hours = state.config().session_hours;
    let expires = blma_storage::chrono::Utc::now() + blma_storage::chrono::Duration::hours(hours);
    let session = state.store().create_session(user.id, expires).await?;
    let cookie = session_cookie(&session.token, hours * 3600, state.config().secure_cookies);
    Ok(([(header::SET_COOKIE, cookie)], Redirect::to(&next)).into_response())
}

async fn logout(
    State(state): State<AppState>,
    _user: CurrentUser,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let secure = state.config().secure_cookies;
    if let Some(token) = read_cookie(&headers, session_cookie_name(secure)) {
        state.store().delete_session(&token).await?;
    }
    Ok((
        [(header::SET_COOKIE, clear_session_cookie(secure))],
        Redirect::to("/"),
    )
        .into_response())
}
