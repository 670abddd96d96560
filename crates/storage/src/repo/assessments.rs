//! Stored runs of the assessment engine. An agreement may be assessed many times (a new engine or
//! rubric version); the latest is the one shown.

use blma_assessment::Assessment;
use sqlx::Row;
use sqlx::any::AnyRow;
use sqlx::error::ErrorKind;

use crate::Store;
use crate::codec::{from_ms, json_from_text, now, to_json, to_ms};
use crate::error::{Error, Result, violation};
use crate::model::{AgreementId, AssessmentId, StoredAssessment};

const COLUMNS: &str =
    "id, agreement_id, engine_version, rubric_version, mode, created_at, assessment";

impl Store {
    /// Stores an assessment of `agreement_id`.
    pub async fn record_assessment(
        &self,
        agreement_id: AgreementId,
        assessment: &Assessment,
    ) -> Result<StoredAssessment> {
        let created_at = now();
        let mut tx = self.backend.begin_write(&self.pool).await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO assessments (agreement_id, engine_version, rubric_version, mode, \
                 item_count, assessment, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(agreement_id.0)
        .bind(assessment.engine.version.as_str())
        .bind(i64::from(assessment.engine.rubric_version))
        .bind(assessment.engine.mode.as_str())
        .bind(i64::try_from(assessment.findings.len()).unwrap_or(i64::MAX))
        .bind(to_json(assessment))
        .bind(to_ms(created_at))
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| match violation(&e) {
            Some(ErrorKind::ForeignKeyViolation) => Error::NotFound {
                what: "agreement",
                id: agreement_id.to_string(),
            },
            _ => e.into(),
        })?;
        tx.commit().await?;
        Ok(StoredAssessment {
            id: AssessmentId(id),
            agreement_id,
            engine_version: assessment.engine.version.clone(),
            rubric_version: assessment.engine.rubric_version,
            mode: assessment.engine.mode.clone(),
            created_at,
            assessment: assessment.clone(),
        })
    }

    pub async fn assessment(&self, id: AssessmentId) -> Result<Option<StoredAssessment>> {
        let sql = format!("SELECT {COLUMNS} FROM assessments WHERE id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(assessment_from_row).transpose()
    }

    /// The most recent assessment of an agreement.
    pub async fn latest_assessment(
        &self,
        agreement_id: AgreementId,
    ) -> Result<Option<StoredAssessment>> {
        // By id, not time: two runs in the same millisecond still have an order.
        let sql = format!(
            "SELECT {COLUMNS} FROM assessments WHERE agreement_id = $1 ORDER BY id DESC LIMIT 1"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(agreement_id.0)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(assessment_from_row).transpose()
    }
}

fn assessment_from_row(row: &AnyRow) -> Result<StoredAssessment> {
    let rubric_version: i64 = row.try_get("rubric_version")?;
    Ok(StoredAssessment {
        id: AssessmentId(row.try_get("id")?),
        agreement_id: AgreementId(row.try_get("agreement_id")?),
        engine_version: row.try_get("engine_version")?,
        rubric_version: u32::try_from(rubric_version).map_err(|_| Error::Corrupt {
            what: "rubric version",
            detail: rubric_version.to_string(),
        })?,
        mode: row.try_get("mode")?,
        created_at: from_ms(row.try_get("created_at")?)?,
        assessment: json_from_text("assessment", &row.try_get::<String, _>("assessment")?)?,
    })
}
