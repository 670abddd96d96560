//! The assessment report of one agreement, as reviewed: red flags first, coverage by area,
//! provided items, gaps with what the guidance recommends; for each item the engine's verdict,
//! the reviewer's, the history, and (for analysts) the form to confirm or override it.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Html;
use blma_assessment::Verdict;
use blma_report::view::{ItemView, ReportView};
use blma_storage::{Decision, Role, UserId};
use serde::Deserialize;

use super::{Loaded, evidence_anchor};
use crate::auth::CurrentUser;
use crate::error::WebError;
use crate::pages::{Chrome, render};
use crate::state::AppState;

/// A quoted passage, linked to its place in the full text.
pub struct Quote {
    pub provision: String,
    pub text: String,
    pub href: String,
    pub cue: String,
    pub polarity: &'static str,
}

/// A guidance element cited for an item.
pub struct Cite {
    pub id: String,
    pub text: String,
}

/// A past decision, for the history.
pub struct PastDecision {
    pub verdict: &'static str,
    pub note: String,
    pub author: String,
    pub at: String,
}

/// One rubric item as the page shows it.
pub struct ItemRow {
    pub id: String,
    pub title: String,
    pub area: String,
    pub question: String,
    /// The verdict shown: the reviewer's if any, else the engine's.
    pub verdict: &'static str,
    pub engine: &'static str,
    pub confidence: String,
    pub reviewed: Option<PastDecision>,
    pub quotes: Vec<Quote>,
    pub runs_against: Vec<Cite>,
    pub recommend: Vec<Cite>,
    pub history: Vec<PastDecision>,
}

pub struct AreaRow {
    pub id: String,
    pub title: String,
    pub provides: usize,
    pub contradicts: usize,
    pub silent: usize,
}

#[derive(Template)]
#[template(path = "agreement/report.html")]
struct ReportPage {
    c: Chrome,
    id: i64,
    assessment_id: i64,
    title: String,
    language: String,
    facts: Vec<(String, String)>,
    summary: String,
    notice: Option<String>,
    red_flags: Vec<ItemRow>,
    provided: Vec<ItemRow>,
    gaps: Vec<ItemRow>,
    areas: Vec<AreaRow>,
    chart: String,
    may_review: bool,
}

#[derive(Deserialize)]
pub struct Flags {
    uploaded: Option<u8>,
    duplicate: Option<u8>,
    reviewed: Option<String>,
}

pub async fn page(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(flags): Query<Flags>,
) -> Result<Html<String>, WebError> {
    let loaded = Loaded::get(&state, id).await?;
    let t = state.translations();
    let kb = state.kb();
    let names = author_names(&state, &loaded.decisions).await?;
    let history = state
        .store()
        .decision_history(loaded.agreement.id, None)
        .await?;
    let reviewed = loaded.reviewed();
    let view = ReportView::new(&reviewed, kb);
    let row = |item: &ItemView<'_>| item_row(item, &loaded, &history, &names, id);
    let engine = &loaded.assessment.assessment;
    let counts = blma_report::counts(engine);
    let summary = t.f(
        "report.summary",
        &[
            ("provides", &counts.provides),
            ("contradicts", &counts.contradicts),
            ("silent", &counts.silent),
            ("reviewed", &loaded.decisions.len()),
            ("items", &view.rubric_items),
        ],
    );
    let notice = if flags.duplicate.is_some() {
        Some(t.s("report.duplicate").to_owned())
    } else if flags.uploaded.is_some() {
        Some(t.s("report.uploaded").to_owned())
    } else {
        flags
            .reviewed
            .as_deref()
            .map(|item| t.f("report.decision_saved", &[("item", &item)]))
    };
    let title = view::title(&loaded);
    let page = ReportPage {
        c: Chrome::new(t, Some(user.clone()), "library", title.clone()),
        id,
        assessment_id: loaded.assessment.id.0,
        title,
        language: engine.document.language.clone(),
        facts: view::facts(&loaded, t),
        summary,
        notice,
        red_flags: view.red_flags.iter().map(row).collect(),
        provided: view.provided.iter().map(row).collect(),
        gaps: view.gaps.iter().map(row).collect(),
        areas: view
            .areas
            .iter()
            .map(|a| AreaRow {
                id: a.id.clone(),
                title: a.title.clone(),
                provides: a.provides,
                contradicts: a.contradicts,
                silent: a.silent,
            })
            .collect(),
        chart: blma_report::coverage_chart(&view.areas, "coverage-chart"),
        may_review: user.may(Role::Analyst),
    };
    render(&page)
}

/// Display names of the decisions' authors.
pub async fn author_names(
    state: &AppState,
    decisions: &[Decision],
) -> Result<HashMap<UserId, String>, WebError> {
    let mut names = HashMap::new();
    for d in decisions {
        if let std::collections::hash_map::Entry::Vacant(slot) = names.entry(d.author) {
            let name = state
                .store()
                .user(d.author)
                .await?
                .map_or_else(|| d.author.to_string(), |u| u.display_name);
            slot.insert(name);
        }
    }
    Ok(names)
}

fn past(d: &Decision, names: &HashMap<UserId, String>) -> PastDecision {
    PastDecision {
        verdict: d.verdict.as_str(),
        note: d.note.clone(),
        author: names
            .get(&d.author)
            .cloned()
            .unwrap_or_else(|| d.author.to_string()),
        at: d.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
    }
}

fn item_row(
    item: &ItemView<'_>,
    loaded: &Loaded,
    history: &[Decision],
    names: &HashMap<UserId, String>,
    agreement: i64,
) -> ItemRow {
    let engine_finding = loaded
        .assessment
        .assessment
        .findings
        .iter()
        .find(|f| f.item == item.id());
    let engine = engine_finding.map_or(Verdict::Silent, |f| f.verdict);
    let quotes = engine_finding
        .map(|f| {
            f.evidence
                .iter()
                .enumerate()
                .map(|(n, e)| Quote {
                    provision: e.provision.clone(),
                    text: e.text.clone(),
                    href: format!(
                        "/agreements/{agreement}/text#{}",
                        evidence_anchor(item.id(), n)
                    ),
                    cue: e.cue.clone(),
                    polarity: e.polarity.as_str(),
                })
                .collect()
        })
        .unwrap_or_default();
    let cites = |list: &[blma_report::gaps::Cite]| {
        list.iter()
            .map(|c| Cite {
                id: c.id.clone(),
                text: c.text.clone(),
            })
            .collect()
    };
    let item_history: Vec<PastDecision> = history
        .iter()
        .filter(|d| d.item == item.id())
        .map(|d| past(d, names))
        .collect();
    ItemRow {
        id: item.id().to_owned(),
        title: item.rubric.title.clone(),
        area: item.area_title.clone(),
        question: item.rubric.provides.clone(),
        verdict: item.verdict.as_str(),
        engine: engine.as_str(),
        confidence: engine_finding
            .map(|f| format!("{:.0} %", f.confidence * 100.0))
            .unwrap_or_default(),
        reviewed: loaded.decision(item.id()).map(|d| past(d, names)),
        quotes,
        runs_against: if item.verdict == Verdict::Contradicts {
            cites(&item.guidance.derived_from)
        } else {
            Vec::new()
        },
        recommend: if item.verdict == Verdict::Silent {
            cites(&item.guidance.recommend)
        } else {
            Vec::new()
        },
        history: item_history,
    }
}

/// The header facts of a report.
mod view {
    use super::Loaded;
    use crate::i18n::Translations;

    pub fn title(loaded: &Loaded) -> String {
        crate::pages::library::agreement_title(&loaded.agreement)
    }

    pub fn facts(loaded: &Loaded, t: &Translations) -> Vec<(String, String)> {
        let a = &loaded.agreement;
        let s = &loaded.assessment;
        let mut facts = vec![(t.s("report.file").to_owned(), a.file_name.clone())];
        if !a.parties.is_empty() {
            facts.push((t.s("report.parties").to_owned(), a.parties.join("; ")));
        }
        if let Some(date) = &a.date_signed {
            facts.push((t.s("report.signed").to_owned(), date.clone()));
        }
        facts.push((t.s("report.language").to_owned(), a.language.clone()));
        facts.push((
            t.s("report.kind").to_owned(),
            format!("{:?}", a.kind).to_lowercase(),
        ));
        facts.push((
            t.s("report.engine").to_owned(),
            format!(
                "blma {} · {} · rubric v{} · {}",
                s.engine_version,
                s.mode,
                s.rubric_version,
                s.created_at.format("%Y-%m-%d %H:%M UTC")
            ),
        ));
        facts
    }
}
