//! Repositories: one module per table group, each adding methods to [`Store`](crate::Store).
//! All SQL is portable: `$n` placeholders and types the `Any` driver carries.

mod agreements;
mod assessments;
mod decisions;
mod library;
mod sessions;
mod users;

use sqlx::Row;
use sqlx::any::AnyRow;

use crate::codec::{enum_from_text, from_ms, json_from_text};
use crate::error::Result;
use crate::model::{Agreement, AgreementId, Role, User, UserId};

/// Columns read by [`agreement_from_row`], from `agreements a`.
const AGREEMENT_COLUMNS: &str = "a.id, a.file_name, a.media_type, a.format, a.size_bytes, \
    a.sha256, a.title, a.language, a.parties, a.date_signed, a.kind, a.catalogue_treaty_id, \
    a.uploaded_by, a.created_at";

fn agreement_from_row(row: &AnyRow) -> Result<Agreement> {
    Ok(Agreement {
        id: AgreementId(row.try_get("id")?),
        file_name: row.try_get("file_name")?,
        media_type: row.try_get("media_type")?,
        format: enum_from_text("format", row.try_get("format")?)?,
        size_bytes: row.try_get::<i64, _>("size_bytes")?.unsigned_abs(),
        sha256: row.try_get("sha256")?,
        title: row.try_get("title")?,
        language: row.try_get("language")?,
        parties: json_from_text("parties", &row.try_get::<String, _>("parties")?)?,
        date_signed: row.try_get("date_signed")?,
        kind: enum_from_text("kind", row.try_get("kind")?)?,
        catalogue_treaty_id: row.try_get("catalogue_treaty_id")?,
        uploaded_by: row.try_get::<Option<i64>, _>("uploaded_by")?.map(UserId),
        created_at: from_ms(row.try_get("created_at")?)?,
    })
}

/// Columns read by [`user_from_row`], from `users u`.
const USER_COLUMNS: &str =
    "u.id, u.email, u.display_name, u.role, u.password_hash, u.disabled, u.created_at";

fn user_from_row(row: &AnyRow) -> Result<User> {
    let role: String = row.try_get("role")?;
    Ok(User {
        id: UserId(row.try_get("id")?),
        email: row.try_get("email")?,
        display_name: row.try_get("display_name")?,
        role: Role::parse(&role).ok_or_else(|| crate::Error::Corrupt {
            what: "role",
            detail: format!("unknown role `{role}`"),
        })?,
        password_hash: row.try_get("password_hash")?,
        disabled: row.try_get::<i64, _>("disabled")? != 0,
        created_at: from_ms(row.try_get("created_at")?)?,
    })
}

/// `needle` as a `LIKE … ESCAPE '\'` pattern matching it anywhere, lower-cased like the
/// `search_key` columns it is compared with.
fn contains_pattern(needle: &str) -> String {
    let mut pattern = String::with_capacity(needle.len() + 2);
    pattern.push('%');
    for c in needle.trim().to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

#[cfg(test)]
mod tests {
    #[test]
    fn like_patterns_escape_wildcards() {
        assert_eq!(super::contains_pattern(" Türkiye "), "%türkiye%");
        assert_eq!(super::contains_pattern("50%_a\\b"), "%50\\%\\_a\\\\b%");
    }
}
