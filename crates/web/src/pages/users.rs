//! Accounts, for administrators: the list, creating a user, changing a role, disabling and
//! enabling. The last enabled administrator can be neither demoted nor disabled, so the site
//! always has someone who can manage it. (The first administrator is created from the CLI.)

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use blma_storage::{Role, User, UserId};
use serde::Deserialize;

use super::library::Params;
use super::{Chrome, render, url_encode};
use crate::auth::{self, CurrentUser};
use crate::error::WebError;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/users", get(list).post(create))
        .route("/users/{id}/role", post(change_role))
        .route("/users/{id}/disabled", post(change_disabled))
}

const ROLES: [Role; 3] = [Role::Admin, Role::Analyst, Role::Viewer];

struct Row {
    id: i64,
    email: String,
    name: String,
    role: &'static str,
    disabled: bool,
    created: String,
    is_me: bool,
}

/// What the creation form shows back after a refusal (never the password).
#[derive(Default)]
struct Draft {
    email: String,
    name: String,
    role: String,
}

#[derive(Template)]
#[template(path = "users.html")]
struct UsersPage {
    c: Chrome,
    rows: Vec<Row>,
    roles: Vec<(&'static str, &'static str)>,
    notice: Option<String>,
    error: Option<String>,
    draft: Draft,
    min_password: usize,
    password_hint: String,
}

async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    user.require(Role::Admin)?;
    let t = state.translations();
    let params = Params(pairs);
    let notice = params
        .get("created")
        .map(|email| t.f("users.created", &[("email", &email)]))
        .or_else(|| {
            params
                .get("updated")
                .map(|email| t.f("users.updated", &[("email", &email)]))
        });
    users_page(&state, user, notice, None, Draft::default(), StatusCode::OK).await
}

async fn users_page(
    state: &AppState,
    user: CurrentUser,
    notice: Option<String>,
    error: Option<String>,
    draft: Draft,
    status: StatusCode,
) -> Result<Response, WebError> {
    let t = state.translations();
    let me = user.user.id;
    let rows = state
        .store()
        .users()
        .await?
        .into_iter()
        .map(|u| Row {
            id: u.id.0,
            is_me: u.id == me,
            email: u.email,
            name: u.display_name,
            role: u.role.as_str(),
            disabled: u.disabled,
            created: u.created_at.format("%Y-%m-%d").to_string(),
        })
        .collect();
    let page = render(&UsersPage {
        c: Chrome::new(t, Some(user), "users", t.s("users.title")),
        rows,
        roles: ROLES
            .iter()
            .map(|r| {
                let label = match r {
                    Role::Admin => t.s("users.role_admin"),
                    Role::Analyst => t.s("users.role_analyst"),
                    Role::Viewer => t.s("users.role_viewer"),
                };
                (r.as_str(), label)
            })
            .collect(),
        notice,
        error,
        draft,
        min_password: auth::password::MIN_LENGTH,
        password_hint: t.f(
            "users.password_hint",
            &[("min", &auth::password::MIN_LENGTH)],
        ),
    })?;
    Ok((status, page).into_response())
}

#[derive(Deserialize)]
struct NewUserForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    password: String,
}

async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Form(form): Form<NewUserForm>,
) -> Result<Response, WebError> {
    user.require(Role::Admin)?;
    let t = state.translations();
    let draft = Draft {
        email: form.email.clone(),
        name: form.name.clone(),
        role: form.role.clone(),
    };
    let Some(role) = Role::parse(form.role.trim()) else {
        let error = t.f("users.bad_role", &[("role", &form.role)]);
        return users_page(
            &state,
            user,
            None,
            Some(error),
            draft,
            StatusCode::BAD_REQUEST,
        )
        .await;
    };
    match auth::create_user(state.store(), &form.email, &form.name, role, &form.password).await {
        Ok(created) => Ok(
            Redirect::to(&format!("/users?created={}", url_encode(&created.email))).into_response(),
        ),
        Err(WebError::BadRequest(message)) => {
            users_page(
                &state,
                user,
                None,
                Some(message),
                draft,
                StatusCode::BAD_REQUEST,
            )
            .await
        }
        Err(WebError::Storage(blma_storage::Error::EmailTaken(email))) => {
            let error = t.f("users.taken", &[("email", &email)]);
            users_page(
                &state,
                user,
                None,
                Some(error),
                draft,
                StatusCode::BAD_REQUEST,
            )
            .await
        }
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
struct RoleForm {
    #[serde(default)]
    role: String,
}

#[derive(Deserialize)]
struct DisabledForm {
    #[serde(default)]
    disabled: String,
}

/// The account at `/users/{id}`; a malformed id finds nothing.
async fn target(state: &AppState, id: &str) -> Result<User, WebError> {
    let id: i64 = id.parse().map_err(|_| WebError::NotFound)?;
    state
        .store()
        .user(UserId(id))
        .await?
        .ok_or(WebError::NotFound)
}

/// Whether changing `target` this way would leave no enabled administrator.
async fn removes_last_admin(
    state: &AppState,
    target: &User,
    stays_admin: bool,
) -> Result<bool, WebError> {
    let is_active_admin = target.role == Role::Admin && !target.disabled;
    Ok(is_active_admin && !stays_admin && state.store().count_admins().await? <= 1)
}

async fn change_role(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Form(form): Form<RoleForm>,
) -> Result<Response, WebError> {
    user.require(Role::Admin)?;
    let t = state.translations();
    let target = target(&state, &id).await?;
    let Some(role) = Role::parse(form.role.trim()) else {
        let error = t.f("users.bad_role", &[("role", &form.role)]);
        return refuse(&state, user, error).await;
    };
    if removes_last_admin(&state, &target, role == Role::Admin).await? {
        let error = t.f("users.last_admin", &[("email", &target.email)]);
        return refuse(&state, user, error).await;
    }
    state.store().set_user_role(target.id, role).await?;
    Ok(Redirect::to(&format!("/users?updated={}", url_encode(&target.email))).into_response())
}

async fn change_disabled(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Form(form): Form<DisabledForm>,
) -> Result<Response, WebError> {
    user.require(Role::Admin)?;
    let t = state.translations();
    let target = target(&state, &id).await?;
    let disabled = match form.disabled.trim() {
        "1" | "true" => true,
        "0" | "false" => false,
        other => {
            let error = t.f(
                "filters.bad_choice",
                &[("name", &"disabled"), ("value", &other)],
            );
            return refuse(&state, user, error).await;
        }
    };
    if disabled && removes_last_admin(&state, &target, false).await? {
        let error = t.f("users.last_admin", &[("email", &target.email)]);
        return refuse(&state, user, error).await;
    }
    state.store().set_user_disabled(target.id, disabled).await?;
    if disabled {
        state.store().delete_user_sessions(target.id).await?;
    }
    Ok(Redirect::to(&format!("/users?updated={}", url_encode(&target.email))).into_response())
}

/// The users page again with `error` shown, answering a refused change.
async fn refuse(state: &AppState, user: CurrentUser, error: String) -> Result<Response, WebError> {
    users_page(
        state,
        user,
        None,
        Some(error),
        Draft::default(),
        StatusCode::BAD_REQUEST,
    )
    .await
}
