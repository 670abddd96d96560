//! The coverage matrix: every uploaded agreement × the rubric's items, each cell the verdict as
//! reviewed (the reviewer's where one decided, else the engine's), as a heatmap, as a table and as
//! CSV.
//!
//! The CSV has the columns `agreement_id`, `title`, then one per rubric id in the rubric's order.
//! A cell is `provides`, `contradicts` or `silent`; when a reviewer decided the item the value is
//! suffixed with ` (reviewed)` (`silent (reviewed)`), so one column per item still says both what
//! the verdict is and whether a person stands behind it. An agreement without an assessment has
//! empty cells. Text cells that a spreadsheet would read as a formula (starting with `=`, `+`,
//! `-`, `@`, a tab or a carriage return) are prefixed with `'`.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use blma_assessment::Verdict;
use blma_report::charts::{HeatmapCell, HeatmapColumn, HeatmapRow, heatmap};
use blma_report::view::ReportView;

use super::agreement::with_decisions;
use super::library::agreement_title;
use super::{Chrome, render};
use crate::auth::CurrentUser;
use crate::error::WebError;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/matrix", get(page))
        .route("/matrix.csv", get(csv_export))
}

/// One agreement's row: its verdicts in the rubric's order.
pub struct Row {
    pub id: i64,
    pub title: String,
    pub language: String,
    /// `None` when the agreement has no assessment.
    pub cells: Vec<Option<Cell>>,
}

#[derive(Clone, Copy)]
pub struct Cell {
    pub verdict: Verdict,
    /// A reviewer decided this item.
    pub reviewed: bool,
}

impl Cell {
    pub fn label(self) -> String {
        if self.reviewed {
            format!("{} (reviewed)", self.verdict.as_str())
        } else {
            self.verdict.as_str().to_owned()
        }
    }
}

/// Every upload's row, newest first.
pub async fn rows(state: &AppState) -> Result<Vec<Row>, WebError> {
    let items = &state.kb().rubric.items;
    let mut rows = Vec::new();
    for entry in state.all_uploads().await? {
        let id = entry.agreement.id;
        let store = state.store();
        let cells = match store.latest_assessment(id).await? {
            Some(stored) => {
                let decisions = store.current_decisions(id).await?;
                let reviewed = with_decisions(&stored.assessment, &decisions);
                // The report's view decides each item's verdict (a red flag wins over another
                // finding of the same item), so the matrix says what the report says.
                let view = ReportView::new(&reviewed, state.kb());
                items
                    .iter()
                    .map(|item| {
                        let verdict = view
                            .items()
                            .find(|v| v.id() == item.id)
                            .map_or(Verdict::Silent, |v| v.verdict);
                        Some(Cell {
                            verdict,
                            reviewed: decisions.iter().any(|d| d.item == item.id),
                        })
                    })
                    .collect()
            }
            None => vec![None; items.len()],
        };
        rows.push(Row {
            id: id.0,
            title: agreement_title(&entry.agreement),
            language: entry.agreement.language.clone(),
            cells,
        });
    }
    Ok(rows)
}

struct Column {
    id: String,
    title: String,
    area: String,
}

struct TableRow {
    id: i64,
    title: String,
    language: String,
    cells: Vec<TableCell>,
}

struct TableCell {
    verdict: &'static str,
    symbol: &'static str,
    reviewed: bool,
    label: String,
}

#[derive(Template)]
#[template(path = "matrix.html")]
struct MatrixPage {
    c: Chrome,
    chart: String,
    columns: Vec<Column>,
    rows: Vec<TableRow>,
}

async fn page(State(state): State<AppState>, user: CurrentUser) -> Result<Html<String>, WebError> {
    let t = state.translations();
    let items = &state.kb().rubric.items;
    let rows = rows(&state).await?;
    let columns: Vec<HeatmapColumn> = items
        .iter()
        .map(|i| HeatmapColumn {
            id: i.id.clone(),
            label: i.title.clone(),
            area: i.area.clone(),
        })
        .collect();
    let chart_rows: Vec<HeatmapRow> = rows
        .iter()
        .map(|r| HeatmapRow {
            label: r.title.clone(),
            href: Some(format!("/agreements/{}", r.id)),
            cells: r
                .cells
                .iter()
                .map(|c| HeatmapCell {
                    verdict: c.map(|c| c.verdict),
                    reviewed: c.is_some_and(|c| c.reviewed),
                })
                .collect(),
        })
        .collect();
    let chart = if rows.is_empty() {
        String::new()
    } else {
        heatmap(&chart_rows, &columns, "coverage-matrix")
    };
    let table = rows
        .into_iter()
        .map(|r| TableRow {
            id: r.id,
            title: r.title,
            language: r.language,
            cells: r
                .cells
                .iter()
                .map(|c| match c {
                    Some(c) => TableCell {
                        verdict: c.verdict.as_str(),
                        symbol: match c.verdict {
                            Verdict::Provides => "✓",
                            Verdict::Contradicts => "✗",
                            Verdict::Silent => "–",
                        },
                        reviewed: c.reviewed,
                        label: c.verdict.as_str().to_owned(),
                    },
                    None => TableCell {
                        verdict: "none",
                        symbol: "",
                        reviewed: false,
                        label: t.s("matrix.not_assessed").to_owned(),
                    },
                })
                .collect(),
        })
        .collect();
    render(&MatrixPage {
        c: Chrome::new(t, Some(user), "matrix", t.s("matrix.title")),
        chart,
        columns: items
            .iter()
            .map(|i| Column {
                id: i.id.clone(),
                title: i.title.clone(),
                area: i.area.clone(),
            })
            .collect(),
        rows: table,
    })
}

async fn csv_export(
    State(state): State<AppState>,
    _user: CurrentUser,
) -> Result<Response, WebError> {
    let items = &state.kb().rubric.items;
    let rows = rows(&state).await?;
    let mut writer = csv::Writer::from_writer(Vec::new());
    let to_err = |e: csv::Error| WebError::Internal(e.to_string());
    let header = ["agreement_id", "title"]
        .into_iter()
        .chain(items.iter().map(|i| i.id.as_str()));
    writer.write_record(header).map_err(to_err)?;
    for row in &rows {
        let mut record = vec![row.id.to_string(), spreadsheet_safe(&row.title)];
        record.extend(
            row.cells
                .iter()
                .map(|c| c.map(Cell::label).unwrap_or_default()),
        );
        writer.write_record(&record).map_err(to_err)?;
    }
    let body = writer
        .into_inner()
        .map_err(|e| WebError::Internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"blma-coverage-matrix.csv\"".to_owned(),
            ),
        ],
        body,
    )
        .into_response())
}

/// A text cell a spreadsheet will not evaluate: a leading `=`, `+`, `-`, `@`, tab or carriage
/// return (a formula, or a way to start one) gets a `'` in front.
pub fn spreadsheet_safe(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused() {
        for bad in [
            "=HYPERLINK(\"x\")",
            "+1",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
        ] {
            assert!(spreadsheet_safe(bad).starts_with('\''), "{bad:?}");
        }
        assert_eq!(spreadsheet_safe("Agreement = treaty"), "Agreement = treaty");
        assert_eq!(spreadsheet_safe(""), "");
    }
}
