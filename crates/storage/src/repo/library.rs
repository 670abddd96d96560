//! The library: agreements filtered and paged, with how far their review has got.

use sqlx::Row;

use super::{AGREEMENT_COLUMNS, agreement_from_row, contains_pattern};
use crate::Store;
use crate::codec::enum_to_text;
use crate::error::Result;
use crate::model::{LibraryEntry, LibraryQuery, Page, ReviewStatus};

/// A value bound to a numbered placeholder.
enum Arg {
    Int(i64),
    Text(String),
}

/// A `WHERE` clause assembled from optional filters, numbering placeholders as it goes.
#[derive(Default)]
struct Conditions {
    sql: Vec<String>,
    args: Vec<Arg>,
}

impl Conditions {
    /// Adds `condition`, in which `?` stands for the next placeholder.
    fn push(&mut self, condition: &str, arg: Arg) {
        self.args.push(arg);
        let placeholder = format!("${}", self.args.len());
        self.sql.push(condition.replace('?', &placeholder));
    }

    fn where_clause(&self) -> String {
        if self.sql.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.sql.join(" AND "))
        }
    }

    fn bind<'q>(
        &self,
        mut query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>,
    ) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments> {
        for arg in &self.args {
            query = match arg {
                Arg::Int(value) => query.bind(*value),
                Arg::Text(value) => query.bind(value.clone()),
            };
        }
        query
    }
}

/// Each agreement with its review counts; the filters apply to this derived table.
fn library_table() -> String {
    format!(
        "(SELECT {AGREEMENT_COLUMNS}, a.search_key, a.year_signed, \
             (SELECT COUNT(DISTINCT d.rubric_item) FROM decisions d \
                 WHERE d.agreement_id = a.id) AS decided_items, \
             (SELECT s.item_count FROM assessments s WHERE s.agreement_id = a.id \
                 ORDER BY s.id DESC LIMIT 1) AS assessed_items \
         FROM agreements a) lib"
    )
}

impl Store {
    /// One page of the agreements matching `query`, newest upload first.
    pub async fn library(&self, query: &LibraryQuery) -> Result<Page<LibraryEntry>> {
        let mut conditions = Conditions::default();
        if let Some(party) = query.party.as_deref().filter(|p| !p.trim().is_empty()) {
            conditions.push(
                "lib.search_key LIKE ? ESCAPE '\\'",
                Arg::Text(contains_pattern(party)),
            );
        }
        if let Some(year) = query.year_from {
            conditions.push("lib.year_signed >= ?", Arg::Int(year.into()));
        }
        if let Some(year) = query.year_to {
            conditions.push("lib.year_signed <= ?", Arg::Int(year.into()));
        }
        if let Some(kind) = query.kind {
            conditions.push("lib.kind = ?", Arg::Text(enum_to_text(&kind)));
        }
        if let Some(language) = &query.language {
            conditions.push("lib.language = ?", Arg::Text(language.clone()));
        }
        if let Some(review) = query.review {
            let condition = match review {
                ReviewStatus::Unreviewed => "lib.decided_items = ?",
                ReviewStatus::Partly => {
                    "(lib.decided_items > ? AND (lib.assessed_items IS NULL \
                         OR lib.decided_items < lib.assessed_items))"
                }
                ReviewStatus::Fully => {
                    "(lib.decided_items > ? AND lib.decided_items >= lib.assessed_items)"
                }
            };
            conditions.push(condition, Arg::Int(0));
        }
        let table = library_table();
        let where_clause = conditions.where_clause();

        let count_sql = format!("SELECT COUNT(*) FROM {table} {where_clause}");
        let total: i64 = conditions
            .bind(sqlx::query(sqlx::AssertSqlSafe(count_sql)))
            .fetch_one(&self.pool)
            .await?
            .try_get(0)?;

        let n = conditions.args.len();
        let page_sql = format!(
            "SELECT * FROM {table} {where_clause} ORDER BY lib.created_at DESC, lib.id DESC \
             LIMIT ${} OFFSET ${}",
            n + 1,
            n + 2
        );
        let rows = conditions
            .bind(sqlx::query(sqlx::AssertSqlSafe(page_sql)))
            .bind(i64::from(query.limit))
            .bind(i64::try_from(query.offset).unwrap_or(i64::MAX))
            .fetch_all(&self.pool)
            .await?;

        let items = rows
            .iter()
            .map(|row| {
                let decided: i64 = row.try_get("decided_items")?;
                let assessed: Option<i64> = row.try_get("assessed_items")?;
                let review = match (decided, assessed) {
                    (0, _) => ReviewStatus::Unreviewed,
                    (d, Some(a)) if d >= a => ReviewStatus::Fully,
                    _ => ReviewStatus::Partly,
                };
                Ok(LibraryEntry {
                    agreement: agreement_from_row(row)?,
                    decided_items: clamp_u32(decided),
                    assessed_items: assessed.map(clamp_u32),
                    review,
                })
            })
            .collect::<Result<_>>()?;
        Ok(Page {
            items,
            total: total.unsigned_abs(),
        })
    }
}

fn clamp_u32(value: i64) -> u32 {
    u32::try_from(value.max(0)).unwrap_or(u32::MAX)
}
