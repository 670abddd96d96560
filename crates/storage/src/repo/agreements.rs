//! Uploaded agreements: metadata in `agreements`, bytes and document in `agreement_contents`.

use blma_documents::Document;
use sqlx::Row;
use sqlx::error::ErrorKind;

use super::{AGREEMENT_COLUMNS, agreement_from_row};
use crate::Store;
use crate::codec::{enum_to_text, json_from_text, now, sha256_hex, to_json, to_ms};
use crate::error::{Error, Result, violation};
use crate::model::{Agreement, AgreementId, NewAgreement, Original, Upload};

impl Store {
    /// Stores an uploaded agreement, or returns the id of the one with the same bytes.
    ///
    /// One transaction: on any error nothing is written, and an existing agreement is never
    /// changed by a second upload of it.
    pub async fn upload(&self, new: NewAgreement<'_>) -> Result<Upload> {
        let sha256 = sha256_hex(new.bytes);
        let metadata = &new.document.metadata;
        let mut search_key = metadata.parties.join("\n");
        if let Some(title) = &metadata.title {
            search_key.push('\n');
            search_key.push_str(title);
        }

        let mut tx = self.backend.begin_write(&self.pool).await?;
        // The insert comes first so that a concurrent upload of the same bytes waits on the
        // unique key rather than racing past a SELECT.
        let inserted: Option<i64> = sqlx::query_scalar(
            "INSERT INTO agreements (sha256, file_name, media_type, format, size_bytes, title, \
                 language, parties, date_signed, year_signed, kind, search_key, \
                 catalogue_treaty_id, uploaded_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) \
             ON CONFLICT (sha256) DO NOTHING RETURNING id",
        )
        .bind(&sha256)
        .bind(new.file_name)
        .bind(new.media_type)
        .bind(enum_to_text(&new.document.format))
        .bind(i64::try_from(new.bytes.len()).unwrap_or(i64::MAX))
        .bind(metadata.title.as_deref())
        .bind(new.document.language.code())
        .bind(to_json(&metadata.parties))
        .bind(metadata.date_signed.as_deref())
        .bind(metadata.date_signed.as_deref().and_then(year_of))
        .bind(enum_to_text(&metadata.kind))
        .bind(search_key.to_lowercase())
        .bind(new.catalogue_treaty_id)
        .bind(new.uploaded_by.map(|user| user.0))
        .bind(to_ms(now()))
        .fetch_optional(&mut *tx)
        .await
        .map_err(|e| match (violation(&e), new.uploaded_by) {
            (Some(ErrorKind::ForeignKeyViolation), Some(user)) => Error::NotFound {
                what: "user",
                id: user.to_string(),
            },
            _ => e.into(),
        })?;

        let Some(id) = inserted else {
            let existing: i64 = sqlx::query_scalar("SELECT id FROM agreements WHERE sha256 = $1")
                .bind(&sha256)
                .fetch_one(&mut *tx)
                .await?;
            tx.rollback().await?;
            return Ok(Upload {
                id: AgreementId(existing),
                duplicate: true,
            });
        };

        sqlx::query(
            "INSERT INTO agreement_contents (agreement_id, original, document_json, text) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(new.bytes)
        .bind(to_json(new.document))
        .bind(new.document.text.as_str())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Upload {
            id: AgreementId(id),
            duplicate: false,
        })
    }

    /// An agreement's metadata.
    pub async fn agreement(&self, id: AgreementId) -> Result<Option<Agreement>> {
        let sql = format!("SELECT {AGREEMENT_COLUMNS} FROM agreements a WHERE a.id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(agreement_from_row).transpose()
    }

    /// The document the reader extracted when the agreement was uploaded.
    pub async fn document(&self, id: AgreementId) -> Result<Option<Document>> {
        let json: Option<String> = sqlx::query_scalar(
            "SELECT document_json FROM agreement_contents WHERE agreement_id = $1",
        )
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await?;
        json.map(|json| json_from_text("document", &json))
            .transpose()
    }

    /// The file as uploaded, byte for byte.
    pub async fn original(&self, id: AgreementId) -> Result<Option<Original>> {
        let row = sqlx::query(
            "SELECT a.file_name, a.media_type, c.original \
             FROM agreements a JOIN agreement_contents c ON c.agreement_id = a.id WHERE a.id = $1",
        )
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            Ok(Original {
                file_name: row.try_get("file_name")?,
                media_type: row.try_get("media_type")?,
                bytes: row.try_get("original")?,
            })
        })
        .transpose()
    }
}

/// The year of an ISO 8601 date or a bare year (`1948-06-02`, `1948`).
fn year_of(date: &str) -> Option<i64> {
    let year = date.get(..4)?;
    let rest = &date[4..];
    (year.bytes().all(|b| b.is_ascii_digit()) && (rest.is_empty() || rest.starts_with('-')))
        .then(|| year.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    #[test]
    fn year_of_dates() {
        assert_eq!(super::year_of("1948-06-02"), Some(1948));
        assert_eq!(super::year_of("2003"), Some(2003));
        assert_eq!(super::year_of("20031"), None);
        assert_eq!(super::year_of("June 1948"), None);
    }
}
