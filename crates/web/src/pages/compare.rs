//! Two uploaded agreements side by side: for each rubric item, grouped by principle area, the
//! verdict of each as reviewed and the passage that best supports it; rows where they differ are
//! marked in words and by a symbol, not by colour alone.

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use blma_assessment::Verdict;
use blma_report::view::{ItemView, ReportView};

use super::agreement::{Loaded, evidence_anchor};
use super::library::{Params, agreement_title};
use super::{Chrome, render};
use crate::auth::CurrentUser;
use crate::error::WebError;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/compare", get(page))
}

/// One agreement in the pickers.
struct Choice {
    id: i64,
    title: String,
    is_a: bool,
    is_b: bool,
}

/// One side of the comparison.
struct Side {
    id: i64,
    title: String,
    language: String,
}

/// One agreement's verdict on an item.
struct Verdicts {
    language: String,
    verdict: &'static str,
    reviewed: bool,
    quote: Option<Quote>,
}

struct Quote {
    provision: String,
    text: String,
    href: String,
}

struct ItemRow {
    id: String,
    title: String,
    /// A's, then B's.
    sides: [Verdicts; 2],
    differs: bool,
}

struct Area {
    id: String,
    title: String,
    items: Vec<ItemRow>,
}

#[derive(Template)]
#[template(path = "compare.html")]
struct ComparePage {
    c: Chrome,
    errors: Vec<String>,
    choices: Vec<Choice>,
    sides: Option<(Side, Side)>,
    areas: Vec<Area>,
    differences: usize,
    summary: String,
}

async fn page(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let t = state.translations();
    let params = Params(pairs);
    let mut errors = Vec::new();
    let a = params.number::<i64>(t, "a", &mut errors);
    let b = params.number::<i64>(t, "b", &mut errors);
    let mut status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let choices: Vec<Choice> = state
        .all_uploads()
        .await?
        .iter()
        .map(|e| Choice {
            id: e.agreement.id.0,
            title: agreement_title(&e.agreement),
            is_a: a == Some(e.agreement.id.0),
            is_b: b == Some(e.agreement.id.0),
        })
        .collect();

    let mut load = async |id: Option<i64>| -> Result<Option<Loaded>, WebError> {
        let Some(id) = id else { return Ok(None) };
        match Loaded::get(&state, id).await {
            Ok(loaded) => Ok(Some(loaded)),
            Err(WebError::NotFound) => {
                errors.push(t.f("compare.not_found", &[("id", &id)]));
                status = StatusCode::NOT_FOUND;
                Ok(None)
            }
            Err(e) => Err(e),
        }
    };
    let left = load(a).await?;
    let right = load(b).await?;

    let mut page = ComparePage {
        c: Chrome::new(t, Some(user), "library", t.s("compare.title")),
        errors,
        choices,
        sides: None,
        areas: Vec::new(),
        differences: 0,
        summary: String::new(),
    };
    if let (Some(left), Some(right)) = (left, right) {
        let kb = state.kb();
        let (reviewed_a, reviewed_b) = (left.reviewed(), right.reviewed());
        let (view_a, view_b) = (
            ReportView::new(&reviewed_a, kb),
            ReportView::new(&reviewed_b, kb),
        );
        for rubric in &kb.rubric.items {
            let (Some(item_a), Some(item_b)) = (
                view_a.items().find(|i| i.id() == rubric.id),
                view_b.items().find(|i| i.id() == rubric.id),
            ) else {
                continue;
            };
            let row = ItemRow {
                id: rubric.id.clone(),
                title: rubric.title.clone(),
                sides: [verdicts(item_a, &left), verdicts(item_b, &right)],
                differs: item_a.verdict != item_b.verdict,
            };
            page.differences += usize::from(row.differs);
            match page.areas.last_mut() {
                Some(area) if area.id == rubric.area => area.items.push(row),
                _ => page.areas.push(Area {
                    id: rubric.area.clone(),
                    title: item_a.area_title.clone(),
                    items: vec![row],
                }),
            }
        }
        page.summary = t.f(
            "compare.summary",
            &[
                ("differences", &page.differences),
                ("items", &kb.rubric.items.len()),
            ],
        );
        page.sides = Some((side(&left), side(&right)));
    }
    Ok((status, render(&page)?).into_response())
}

fn side(loaded: &Loaded) -> Side {
    Side {
        id: loaded.agreement.id.0,
        title: agreement_title(&loaded.agreement),
        language: loaded.agreement.language.clone(),
    }
}

fn verdicts(item: &ItemView<'_>, loaded: &Loaded) -> Verdicts {
    let quote = item.best_quote().map(|e| {
        // The anchor numbers the engine's evidence of the item, which the reviewed finding keeps.
        let n = item
            .finding
            .and_then(|f| f.evidence.iter().position(|x| std::ptr::eq(x, e)))
            .unwrap_or(0);
        Quote {
            provision: e.provision.clone(),
            text: e.text.clone(),
            href: format!(
                "/agreements/{}/text#{}",
                loaded.agreement.id.0,
                evidence_anchor(item.id(), n)
            ),
        }
    });
    Verdicts {
        language: loaded.agreement.language.clone(),
        verdict: item.verdict.as_str(),
        reviewed: loaded.decision(item.id()).is_some(),
        quote: quote.filter(|_| item.verdict != Verdict::Silent),
    }
}
