//! Accounts: password hashing, sessions held in a cookie, and the role a handler requires.

pub mod password;
mod session;

pub use session::{
    CurrentUser, LOGIN_CSRF_COOKIE, MaybeUser, SessionContext, clear_session_cookie,
    login_csrf_cookie, read_cookie, session_cookie, session_cookie_name,
};

use blma_storage::{NewUser, Role, Store, User};

use crate::error::WebError;

/// Creates an account with a hashed password: the one way the CLI, the start-up's first admin
/// and the users page create users.
pub async fn create_user(
    store: &Store,
    email: &str,
    display_name: &str,
    role: Role,
    password: &str,
) -> Result<User, WebError> {
    let email = email.trim();
    if !email.contains('@') || email.len() > 254 {
        return Err(WebError::BadRequest(format!(
            "`{email}` is not an email address"
        )));
    }
    let secret = password.to_owned();
    let hash = tokio::task::spawn_blocking(move || password::hash(&secret))
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?
        .map_err(|e| WebError::BadRequest(e.to_string()))?;
    let name = if display_name.trim().is_empty() {
        email.split('@').next().unwrap_or(email)
    } else {
        display_name.trim()
    };
    Ok(store
        .create_user(NewUser {
            email,
            display_name: name,
            role,
            password_hash: &hash,
        })
        .await?)
}
