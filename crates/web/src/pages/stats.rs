//! Catalogue statistics, public: how many of the 570 agreements Chilton & Woda hand-coded have
//! each of their 34 good-practice items, overall and by period, by country or by corridor, as
//! charts and as a table with the same numbers. Every share comes from
//! [`blma_catalogue::Catalogue::stats`]; this page only chooses the filters and draws.
//!
//! The dataset has no regions and does not say which party is the origin (see
//! `data/catalogue/README.md`), so `group=region` groups by party country, like `group=country`.

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use blma_catalogue::{Catalogue, CatalogueError, Filter, Party, Share, Stats};
use blma_report::charts::{Bar, BarGroup, bar_chart, grouped_bar_chart};

use super::library::Params;
use super::{Chrome, render};
use crate::auth::MaybeUser;
use crate::error::WebError;
use crate::i18n::Translations;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/catalogue/stats", get(page))
}

/// Periods of signature: the post-war schemes, the guest-worker years, the two decades after,
/// and the two recent decades in which most coded agreements were signed.
const PERIODS: [(Option<u16>, Option<u16>); 5] = [
    (None, Some(1959)),
    (Some(1960), Some(1979)),
    (Some(1980), Some(1999)),
    (Some(2000), Some(2009)),
    (Some(2010), None),
];

/// Most groups drawn: the charts have six distinct colour-and-pattern series.
const MAX_GROUPS: usize = 6;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Grouping {
    Period,
    Country,
    Corridor,
}

const GROUPINGS: [(&str, Grouping); 4] = [
    ("period", Grouping::Period),
    ("country", Grouping::Country),
    ("region", Grouping::Country),
    ("corridor", Grouping::Corridor),
];

/// One group: its label and the filter that selects it.
struct Group {
    label: String,
    filter: Filter,
}

struct Cell {
    text: String,
}

struct ItemRow {
    number: String,
    title: String,
    rubric: Vec<String>,
    note: String,
    overall: String,
    groups: Vec<Cell>,
}

#[derive(Template)]
#[template(path = "stats.html")]
struct StatsPage {
    c: Chrome,
    errors: Vec<String>,
    group: &'static str,
    country: String,
    groupings: [(&'static str, &'static str); 3],
    intro: String,
    overall_chart: String,
    grouped_chart: String,
    group_labels: Vec<String>,
    rows: Vec<ItemRow>,
    citation: &'static str,
}

async fn page(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let t = state.translations();
    let catalogue = state.catalogue();
    let params = Params(pairs);
    let mut errors = Vec::new();
    let grouping = match params.get("group") {
        None => Grouping::Period,
        Some(raw) => GROUPINGS
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(raw))
            .map(|(_, g)| *g)
            .unwrap_or_else(|| {
                errors.push(t.f("filters.bad_choice", &[("name", &"group"), ("value", &raw)]));
                Grouping::Period
            }),
    };
    let mut country = params.get("country").map(str::to_owned);
    let base = |country: Option<String>| Filter {
        country,
        coded_only: true,
        ..Filter::default()
    };
    let overall = match catalogue.stats(&base(country.clone())) {
        Ok(stats) => stats,
        Err(e @ CatalogueError::UnknownCountry { .. }) => {
            errors.push(e.to_string());
            country = None;
            catalogue.stats(&base(None))?
        }
        Err(e) => return Err(e.into()),
    };
    let groups = groups(catalogue, grouping, country.as_deref(), t)?;
    let group_stats: Vec<(String, Stats<'_>)> = groups
        .iter()
        .map(|g| {
            let stats = catalogue.stats(&g.filter)?;
            let label = t.f(
                "stats.group_label",
                &[("group", &g.label), ("coded", &stats.selected_coded)],
            );
            Ok((label, stats))
        })
        .collect::<Result<_, CatalogueError>>()?;

    let bar = |label: &str, share: &Share| Bar {
        label: label.to_owned(),
        value: share.share.unwrap_or(0.0),
        count: share.count,
        of: share.coded,
    };
    let scope = match &country {
        Some(c) => t.f("stats.scope_country", &[("country", c)]),
        None => t.s("stats.scope_all").to_owned(),
    };
    let overall_bars: Vec<Bar> = overall
        .items
        .iter()
        .map(|i| bar(&i.item.title, &i.selected))
        .collect();
    let overall_chart = bar_chart(
        &t.f("stats.overall_title", &[("scope", &scope)]),
        &overall_bars,
        "stats-overall",
    );
    let bar_groups: Vec<BarGroup> = overall
        .items
        .iter()
        .enumerate()
        .map(|(n, i)| BarGroup {
            label: i.item.title.clone(),
            bars: group_stats
                .iter()
                .map(|(label, s)| bar(label, &s.items[n].selected))
                .collect(),
        })
        .collect();
    let group_labels: Vec<String> = group_stats.iter().map(|(l, _)| l.clone()).collect();
    let grouped_chart = if group_stats.is_empty() {
        String::new()
    } else {
        grouped_bar_chart(
            &t.f(
                "stats.grouped_title",
                &[
                    ("grouping", &grouping_label(t, grouping)),
                    ("scope", &scope),
                ],
            ),
            &bar_groups,
            &group_labels,
            "stats-grouped",
        )
    };
    let rows = overall
        .items
        .iter()
        .enumerate()
        .map(|(n, i)| ItemRow {
            number: i.item.number.clone(),
            title: i.item.title.clone(),
            rubric: i.item.rubric.clone(),
            note: i.item.note.clone().unwrap_or_default(),
            overall: share_text(t, &i.selected),
            groups: group_stats
                .iter()
                .map(|(_, s)| Cell {
                    text: share_text(t, &s.items[n].selected),
                })
                .collect(),
        })
        .collect();
    let intro = t.f(
        "stats.intro",
        &[
            ("coded", &overall.coded),
            ("agreements", &overall.agreements),
            ("selected", &overall.selected_coded),
            ("scope", &scope),
        ],
    );
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let page = render(&StatsPage {
        c: Chrome::new(t, user, "stats", t.s("stats.title")),
        errors,
        group: GROUPINGS
            .iter()
            .find(|(_, g)| *g == grouping)
            .map_or("period", |(name, _)| name),
        country: country.unwrap_or_default(),
        groupings: [
            ("period", t.s("stats.by_period")),
            ("country", t.s("stats.by_country")),
            ("corridor", t.s("stats.by_corridor")),
        ],
        intro,
        overall_chart,
        grouped_chart,
        group_labels,
        rows,
        citation: blma_catalogue::CITATION,
    })?;
    Ok((status, page).into_response())
}

fn grouping_label(t: &Translations, grouping: Grouping) -> &str {
    match grouping {
        Grouping::Period => t.s("stats.by_period"),
        Grouping::Country => t.s("stats.by_country"),
        Grouping::Corridor => t.s("stats.by_corridor"),
    }
}

/// `223 / 570 (39.1 %)`, or "no coded agreement".
fn share_text(t: &Translations, share: &Share) -> String {
    match share.share {
        Some(s) => t.f(
            "stats.share",
            &[
                ("count", &share.count),
                ("coded", &share.coded),
                ("percent", &format!("{:.1}", s * 100.0)),
            ],
        ),
        None => t.s("stats.no_data").to_owned(),
    }
}

/// The groups to compare, each with the filter that selects its coded agreements (within
/// `country` when one is given).
fn groups(
    catalogue: &Catalogue,
    grouping: Grouping,
    country: Option<&str>,
    t: &Translations,
) -> Result<Vec<Group>, CatalogueError> {
    let base = Filter {
        country: country.map(str::to_owned),
        coded_only: true,
        ..Filter::default()
    };
    if grouping == Grouping::Period {
        return Ok(PERIODS
            .iter()
            .map(|&(from, to)| Group {
                label: match (from, to) {
                    (None, Some(to)) => t.f("stats.until", &[("year", &to)]),
                    (Some(from), None) => t.f("stats.since", &[("year", &from)]),
                    (Some(from), Some(to)) => format!("{from}–{to}"),
                    (None, None) => String::new(),
                },
                filter: Filter {
                    from,
                    to,
                    ..base.clone()
                },
            })
            .collect());
    }
    // Within one country, its groups are its partners: the corridors it is part of.
    let pairs = grouping == Grouping::Corridor || country.is_some();
    let mut counts: HashMap<Vec<String>, (usize, Vec<String>)> = HashMap::new();
    for a in catalogue.select(&base)? {
        let mut keys: Vec<(String, String)> = a
            .parties
            .iter()
            .map(|p| (party_key(p), p.name.clone()))
            .collect();
        keys.sort();
        if pairs {
            let entry = counts
                .entry(keys.iter().map(|(k, _)| k.clone()).collect())
                .or_insert_with(|| (0, keys.iter().map(|(_, n)| n.clone()).collect()));
            entry.0 += 1;
        } else {
            keys.dedup_by(|x, y| x.0 == y.0);
            for (key, name) in keys {
                counts.entry(vec![key]).or_insert_with(|| (0, vec![name])).0 += 1;
            }
        }
    }
    let mut ranked: Vec<_> = counts.into_iter().collect();
    ranked.sort_by(|(_, (n, x)), (_, (m, y))| m.cmp(n).then_with(|| x.cmp(y)));
    Ok(ranked
        .into_iter()
        .take(MAX_GROUPS)
        .map(|(keys, (_, names))| {
            let filter = match keys.as_slice() {
                [x, y] => Filter {
                    corridor: Some((x.clone(), y.clone())),
                    ..base.clone()
                },
                _ => Filter {
                    country: keys.first().cloned(),
                    ..base.clone()
                },
            };
            Group {
                label: names.join(" – "),
                filter,
            }
        })
        .collect())
}

/// What a party is counted and filtered by: its ISO3 code, else its name (Kosovo).
fn party_key(p: &Party) -> String {
    p.iso3.clone().unwrap_or_else(|| p.name.clone())
}
