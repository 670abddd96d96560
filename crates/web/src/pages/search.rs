//! Full-text search over the guidance and (for logged-in users) the agreements' texts, with
//! per-language stemming and highlighted snippets (blma-search, over tantivy).

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::Html;
use axum::routing::get;
use blma_search::{Fragment, Scope, Source};
use serde::Deserialize;

use super::agreement::provision_anchor;
use super::{Chrome, render, url_encode};
use crate::auth::MaybeUser;
use crate::error::WebError;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/search", get(page))
}

/// Hits per page.
const PAGE: usize = 20;

#[derive(Deserialize, Default)]
struct Params {
    #[serde(default)]
    q: String,
    scope: Option<String>,
    lang: Option<String>,
    offset: Option<usize>,
}

struct HitRow {
    href: String,
    title: String,
    meta: String,
    snippet: Vec<Fragment>,
    lang: String,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    c: Chrome,
    q: String,
    scope: &'static str,
    lang: String,
    hits: Vec<HitRow>,
    summary: String,
    anonymous_note: bool,
    next: Option<String>,
    previous: Option<String>,
}

async fn page(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Query(params): Query<Params>,
) -> Result<Html<String>, WebError> {
    let t = state.translations();
    // Agreements are private to the platform's users: visitors search the guidance only.
    let requested = match params.scope.as_deref() {
        Some("guidance") => Scope::Guidance,
        Some("agreements") => Scope::Agreements,
        _ => Scope::All,
    };
    let scope = if user.is_none() {
        Scope::Guidance
    } else {
        requested
    };
    let lang = params
        .lang
        .filter(|l| matches!(l.as_str(), "en" | "fr" | "es"))
        .unwrap_or_default();
    let offset = params.offset.unwrap_or(0).min(blma_search::MAX_OFFSET);
    let q = params.q.trim().to_owned();
    let mut hits = Vec::new();
    let mut total = 0;
    if !q.is_empty() {
        let mut query = blma_search::Query::new(q.clone())
            .scope(scope)
            .page(offset, PAGE);
        if !lang.is_empty() {
            query = query.language(lang.clone());
        }
        let results = state.search().search(&query)?;
        total = results.total;
        hits = results.hits.into_iter().map(|h| row(h, t)).collect();
    }
    let summary = if q.is_empty() {
        String::new()
    } else {
        t.f("search.summary", &[("total", &total), ("q", &q)])
    };
    let link = |offset: usize| {
        format!(
            "/search?q={}&scope={}&lang={}&offset={offset}",
            url_encode(&q),
            scope_name(scope),
            lang
        )
    };
    let next = (offset + PAGE < total).then(|| link(offset + PAGE));
    let previous = (offset > 0).then(|| link(offset.saturating_sub(PAGE)));
    render(&SearchPage {
        anonymous_note: user.is_none(),
        c: Chrome::new(t, user, "search", t.s("search.title")),
        q,
        scope: scope_name(scope),
        lang,
        hits,
        summary,
        next,
        previous,
    })
}

fn scope_name(scope: Scope) -> &'static str {
    match scope {
        Scope::All => "all",
        Scope::Guidance => "guidance",
        Scope::Agreements => "agreements",
    }
}

fn row(hit: blma_search::Hit, t: &crate::i18n::Translations) -> HitRow {
    match hit.source {
        Source::Guidance {
            element_id,
            kind,
            title,
        } => HitRow {
            href: super::guide::guide_href(&element_id),
            title: format!("{element_id} {title}"),
            meta: format!("{} · {}", t.s("search.in_guidance"), kind.name()),
            snippet: hit.snippet,
            lang: "en".into(),
        },
        Source::Agreement {
            agreement_id,
            title,
            provision_id,
            heading,
            ..
        } => HitRow {
            href: format!(
                "/agreements/{agreement_id}/text#{}",
                provision_anchor(&provision_id)
            ),
            title: heading.unwrap_or_else(|| provision_id.clone()),
            meta: format!("{} · {title}", t.s("search.in_agreement")),
            snippet: hit.snippet,
            lang: String::new(),
        },
    }
}
