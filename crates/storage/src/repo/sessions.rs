//! Login sessions. The client holds a random token; the database holds only its SHA-256, so a
//! copy of the database does not let anyone log in.

use sqlx::Row;
use sqlx::error::ErrorKind;

use super::{USER_COLUMNS, user_from_row};
use crate::Store;
use crate::codec::{from_ms, now, random_token, sha256_hex, to_ms};
use crate::error::{Error, Result, violation};
use crate::model::{NewSession, Session, UserId};

impl Store {
    /// Opens a session for `user_id` that ends at `expires_at` (kept to the millisecond).
    pub async fn create_session(
        &self,
        user_id: UserId,
        expires_at: chrono::DateTime<chrono::Utc>,
    ) -> Result<NewSession> {
        let token = random_token()?;
        let csrf_token = random_token()?;
        let expires_at = crate::codec::from_ms(to_ms(expires_at))?;
        let mut tx = self.backend.begin_write(&self.pool).await?;
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(sha256_hex(token.as_bytes()))
        .bind(user_id.0)
        .bind(csrf_token.as_str())
        .bind(to_ms(now()))
        .bind(to_ms(expires_at))
        .execute(&mut *tx)
        .await
        .map_err(|e| match violation(&e) {
            Some(ErrorKind::ForeignKeyViolation) => Error::NotFound {
                what: "user",
                id: user_id.to_string(),
            },
            _ => e.into(),
        })?;
        tx.commit().await?;
        Ok(NewSession {
            token,
            csrf_token,
            expires_at,
        })
    }

    /// The session a client's token opens: `None` if it is unknown, has expired, or its user is
    /// disabled.
    pub async fn session(&self, token: &str) -> Result<Option<Session>> {
        let sql = format!(
            "SELECT {USER_COLUMNS}, s.csrf_token, s.created_at AS session_created_at, \
                 s.expires_at \
             FROM sessions s JOIN users u ON u.id = s.user_id \
             WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.disabled = 0"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(sha256_hex(token.as_bytes()))
            .bind(to_ms(now()))
            .fetch_optional(&self.pool)
            .await?;
        row.map(|row| {
            Ok(Session {
                user: user_from_row(&row)?,
                csrf_token: row.try_get("csrf_token")?,
                created_at: from_ms(row.try_get("session_created_at")?)?,
                expires_at: from_ms(row.try_get("expires_at")?)?,
            })
        })
        .transpose()
    }

    /// Ends a session (logout). Returns whether there was one.
    pub async fn delete_session(&self, token: &str) -> Result<bool> {
        let done = sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(sha256_hex(token.as_bytes()))
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() > 0)
    }

    /// Ends every session of a user (after a password change, say). Returns how many.
    pub async fn delete_user_sessions(&self, user_id: UserId) -> Result<u64> {
        let done = sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user_id.0)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    /// Removes expired sessions; lookups ignore them anyway, this only reclaims space.
    pub async fn purge_expired_sessions(&self) -> Result<u64> {
        let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(to_ms(now()))
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }
}
