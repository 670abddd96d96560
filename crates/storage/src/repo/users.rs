//! User accounts. Passwords are hashed by the caller; this module only stores the PHC string.

use sqlx::error::ErrorKind;

use super::{USER_COLUMNS, user_from_row};
use crate::Store;
use crate::codec::{now, to_ms};
use crate::error::{Error, Result, violation};
use crate::model::{NewUser, Role, User, UserId};

/// The uniqueness key of an email address: trimmed and lower-cased in Rust, because SQLite's
/// `lower()` only folds ASCII.
fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

impl Store {
    /// Creates an account; fails with [`Error::EmailTaken`] if the address exists in any case.
    pub async fn create_user(&self, new: NewUser<'_>) -> Result<User> {
        let created_at = now();
        let email = new.email.trim();
        let mut tx = self.backend.begin_write(&self.pool).await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO users (email, email_key, display_name, role, password_hash, disabled, \
                 created_at) \
             VALUES ($1, $2, $3, $4, $5, 0, $6) RETURNING id",
        )
        .bind(email)
        .bind(email_key(email))
        .bind(new.display_name)
        .bind(new.role.as_str())
        .bind(new.password_hash)
        .bind(to_ms(created_at))
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| match violation(&e) {
            Some(ErrorKind::UniqueViolation) => Error::EmailTaken(email.to_owned()),
            _ => e.into(),
        })?;
        tx.commit().await?;
        Ok(User {
            id: UserId(id),
            email: email.to_owned(),
            display_name: new.display_name.to_owned(),
            role: new.role,
            password_hash: new.password_hash.to_owned(),
            disabled: false,
            created_at,
        })
    }

    pub async fn user(&self, id: UserId) -> Result<Option<User>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users u WHERE u.id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(user_from_row).transpose()
    }

    /// The account with this address, ignoring case; disabled accounts included.
    pub async fn user_by_email(&self, email: &str) -> Result<Option<User>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users u WHERE u.email_key = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(email_key(email))
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(user_from_row).transpose()
    }

    /// All accounts, by address.
    pub async fn users(&self) -> Result<Vec<User>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users u ORDER BY u.email_key");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(user_from_row).collect()
    }

    /// Enabled administrators: the web layer refuses to disable or demote the last one.
    pub async fn count_admins(&self) -> Result<u64> {
        let count: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE role = $1 AND disabled = 0")
                .bind(Role::Admin.as_str())
                .fetch_one(&self.pool)
                .await?;
        Ok(count.unsigned_abs())
    }

    pub async fn set_user_role(&self, id: UserId, role: Role) -> Result<()> {
        self.update_user(id, Change::Role(role)).await
    }

    pub async fn set_password_hash(&self, id: UserId, password_hash: &str) -> Result<()> {
        self.update_user(id, Change::PasswordHash(password_hash))
            .await
    }

    /// A disabled user cannot log in and their sessions stop working at once.
    pub async fn set_user_disabled(&self, id: UserId, disabled: bool) -> Result<()> {
        self.update_user(id, Change::Disabled(disabled)).await
    }

    async fn update_user(&self, id: UserId, change: Change<'_>) -> Result<()> {
        let query = match change {
            Change::Role(role) => sqlx::query("UPDATE users SET role = $2 WHERE id = $1")
                .bind(id.0)
                .bind(role.as_str()),
            Change::PasswordHash(hash) => {
                sqlx::query("UPDATE users SET password_hash = $2 WHERE id = $1")
                    .bind(id.0)
                    .bind(hash)
            }
            Change::Disabled(disabled) => {
                sqlx::query("UPDATE users SET disabled = $2 WHERE id = $1")
                    .bind(id.0)
                    .bind(i64::from(disabled))
            }
        };
        let done = query.execute(&self.pool).await?;
        if done.rows_affected() == 0 {
            return Err(Error::NotFound {
                what: "user",
                id: id.to_string(),
            });
        }
        Ok(())
    }
}

/// The one column an update changes.
enum Change<'a> {
    Role(Role),
    PasswordHash(&'a str),
    Disabled(bool),
}
