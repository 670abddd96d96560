//! Reviewer decisions: an append-only log. The current decision on an item is its latest row.

use sqlx::Row;
use sqlx::any::AnyRow;
use sqlx::error::ErrorKind;

use crate::Store;
use crate::codec::{enum_from_text, enum_to_text, from_ms, now, to_ms};
use crate::error::{Error, Result, violation};
use crate::model::{AgreementId, AssessmentId, Decision, DecisionId, NewDecision, UserId};

const COLUMNS: &str = "d.id, d.agreement_id, d.assessment_id, d.rubric_item, d.verdict, d.note, d.author_id, d.created_at";

impl Store {
    /// Appends decisions, all or none: a reviewer's form is saved whole or not at all.
    pub async fn record_decisions(&self, decisions: &[NewDecision]) -> Result<Vec<Decision>> {
        let created_at = now();
        let mut tx = self.backend.begin_write(&self.pool).await?;
        let mut stored = Vec::with_capacity(decisions.len());
        for new in decisions {
            // INSERT … SELECT checks in the same statement that the assessment belongs to the
            // agreement: no row inserted means it does not.
            let id: Option<i64> = sqlx::query_scalar(
                "INSERT INTO decisions (agreement_id, assessment_id, rubric_item, verdict, note, \
                     author_id, created_at) \
                 SELECT s.agreement_id, s.id, $3, $4, $5, $6, $7 FROM assessments s \
                 WHERE s.id = $2 AND s.agreement_id = $1 \
                 RETURNING id",
            )
            .bind(new.agreement_id.0)
            .bind(new.assessment_id.0)
            .bind(new.item.as_str())
            .bind(enum_to_text(&new.verdict))
            .bind(new.note.as_str())
            .bind(new.author.0)
            .bind(to_ms(created_at))
            .fetch_optional(&mut *tx)
            .await
            .map_err(|e| match violation(&e) {
                Some(ErrorKind::ForeignKeyViolation) => Error::NotFound {
                    what: "user",
                    id: new.author.to_string(),
                },
                _ => e.into(),
            })?;
            let Some(id) = id else {
                return Err(Error::NotFound {
                    what: "assessment",
                    id: format!("{} of agreement {}", new.assessment_id, new.agreement_id),
                });
            };
            stored.push(Decision {
                id: DecisionId(id),
                agreement_id: new.agreement_id,
                assessment_id: new.assessment_id,
                item: new.item.clone(),
                verdict: new.verdict,
                note: new.note.clone(),
                author: new.author,
                created_at,
            });
        }
        tx.commit().await?;
        Ok(stored)
    }

    /// The current decision on each item of an agreement that has one, by item id.
    pub async fn current_decisions(&self, agreement_id: AgreementId) -> Result<Vec<Decision>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM decisions d WHERE d.agreement_id = $1 AND NOT EXISTS ( \
                 SELECT 1 FROM decisions newer WHERE newer.agreement_id = d.agreement_id \
                 AND newer.rubric_item = d.rubric_item AND newer.id > d.id) \
             ORDER BY d.rubric_item"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(agreement_id.0)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(decision_from_row).collect()
    }

    /// Every decision on an agreement, or on one of its items, newest first.
    pub async fn decision_history(
        &self,
        agreement_id: AgreementId,
        item: Option<&str>,
    ) -> Result<Vec<Decision>> {
        let filter = if item.is_some() {
            "AND d.rubric_item = $2"
        } else {
            ""
        };
        // Ids grow with every insert; timestamps can tie within a millisecond.
        let sql = format!(
            "SELECT {COLUMNS} FROM decisions d WHERE d.agreement_id = $1 {filter} ORDER BY d.id DESC"
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(agreement_id.0);
        if let Some(item) = item {
            query = query.bind(item);
        }
        let rows = query.fetch_all(&self.pool).await?;
        rows.iter().map(decision_from_row).collect()
    }
}

fn decision_from_row(row: &AnyRow) -> Result<Decision> {
    Ok(Decision {
        id: DecisionId(row.try_get("id")?),
        agreement_id: AgreementId(row.try_get("agreement_id")?),
        assessment_id: AssessmentId(row.try_get("assessment_id")?),
        item: row.try_get("rubric_item")?,
        verdict: enum_from_text("verdict", row.try_get("verdict")?)?,
        note: row.try_get("note")?,
        author: UserId(row.try_get("author_id")?),
        created_at: from_ms(row.try_get("created_at")?)?,
    })
}
