//! The agreement library: the uploads (from the database) and the catalogue of known agreements
//! (Chilton & Woda), two lists under one filter form. The form is a GET, so a filtered view is a
//! URL that can be shared.
//!
//! The two sources do not record the same facts: kind and review status exist only for uploads,
//! the corridor and "coded only" only for the catalogue, and neither records a sector. A filter
//! that does not apply to a list is said so on the page, next to that list. A malformed value
//! (`year_from=x`) is ignored with a message and the page is answered with status 400.

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use blma_catalogue::{CatalogueError, Filter};
use blma_documents::AgreementKind;
use blma_storage::{Agreement, LibraryEntry, LibraryQuery, ReviewStatus};

use super::{Chrome, render, url_encode};
use crate::auth::CurrentUser;
use crate::error::WebError;
use crate::i18n::Translations;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/agreements", get(page))
}

/// Rows per list when the URL does not say.
const DEFAULT_LIMIT: u32 = 50;
const MAX_LIMIT: u32 = 500;

/// The query string as sent, in order; a repeated name keeps its last value. Reading it as pairs
/// never fails, so every malformed value reaches the page's own messages.
pub struct Params(pub Vec<(String, String)>);

impl Params {
    /// The trimmed value of `name`, if present and not empty.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// `name` as a number, or a message saying why it was ignored.
    pub fn number<N: std::str::FromStr>(
        &self,
        t: &Translations,
        name: &str,
        errors: &mut Vec<String>,
    ) -> Option<N> {
        let raw = self.get(name)?;
        match raw.parse() {
            Ok(n) => Some(n),
            Err(_) => {
                errors.push(t.f("filters.bad_number", &[("name", &name), ("value", &raw)]));
                None
            }
        }
    }
}

/// The title an agreement is shown under: its own, else its file name.
pub fn agreement_title(a: &Agreement) -> String {
    a.title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| a.file_name.clone())
}

/// The filters as the form shows them back.
#[derive(Default)]
struct Form {
    country: String,
    corridor: String,
    year_from: String,
    year_to: String,
    kind: String,
    language: String,
    review: String,
    sector: String,
    coded: bool,
    limit: u32,
}

struct UploadRow {
    id: i64,
    title: String,
    file_name: String,
    parties: String,
    year: String,
    language: String,
    kind: &'static str,
    review: String,
    review_class: &'static str,
}

struct CatalogueRow {
    treaty_id: u32,
    parties: String,
    year: String,
    languages: String,
    coded: bool,
    title: String,
}

/// One list of the page: its rows, counts, paging and what its filters did.
struct Section<R> {
    rows: Vec<R>,
    total: u64,
    showing: String,
    notes: Vec<String>,
    previous: Option<String>,
    next: Option<String>,
}

#[derive(Template)]
#[template(path = "library.html")]
struct LibraryPage {
    c: Chrome,
    form: Form,
    errors: Vec<String>,
    uploads: Section<UploadRow>,
    catalogue: Section<CatalogueRow>,
    kinds: [(&'static str, &'static str); 4],
    languages: Vec<(&'static str, &'static str)>,
    reviews: [(&'static str, &'static str); 3],
}

/// ISO 639 codes (as uploads record them) and the catalogue's name for the same language
/// ([`blma_catalogue::LANGUAGES`]).
const LANGUAGE_CODES: [(&str, &str); 8] = [
    ("en", "English"),
    ("fr", "French"),
    ("de", "German"),
    ("es", "Spanish"),
    ("ar", "Arabic"),
    ("pl", "Polish"),
    ("ru", "Russian"),
    ("pt", "Portuguese"),
];

const KINDS: [(&str, AgreementKind); 4] = [
    ("agreement", AgreementKind::Agreement),
    ("mou", AgreementKind::Mou),
    ("model", AgreementKind::Model),
    ("other", AgreementKind::Other),
];

const REVIEWS: [(&str, ReviewStatus); 3] = [
    ("unreviewed", ReviewStatus::Unreviewed),
    ("partly", ReviewStatus::Partly),
    ("fully", ReviewStatus::Fully),
];

pub fn kind_name(kind: AgreementKind) -> &'static str {
    KINDS
        .iter()
        .find(|(_, k)| *k == kind)
        .map_or("other", |(name, _)| name)
}

fn review_name(review: ReviewStatus) -> &'static str {
    REVIEWS
        .iter()
        .find(|(_, r)| *r == review)
        .map_or("unreviewed", |(name, _)| name)
}

async fn page(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let t = state.translations();
    let params = Params(pairs);
    let mut errors = Vec::new();

    let limit = params
        .number::<u32>(t, "limit", &mut errors)
        .map_or(DEFAULT_LIMIT, |l| l.clamp(1, MAX_LIMIT));
    let offset = params.number::<u64>(t, "offset", &mut errors).unwrap_or(0);
    let uploads_offset = params
        .number::<u64>(t, "uploads_offset", &mut errors)
        .unwrap_or(0);
    let year_from = params.number::<u16>(t, "year_from", &mut errors);
    let year_to = params.number::<u16>(t, "year_to", &mut errors);
    let kind = choice(&params, t, "kind", &KINDS, &mut errors);
    let review = choice(&params, t, "review", &REVIEWS, &mut errors);
    let language = params.get("language").and_then(|raw| {
        let found = LANGUAGE_CODES
            .iter()
            .find(|(code, name)| raw.eq_ignore_ascii_case(code) || raw.eq_ignore_ascii_case(name));
        if found.is_none() {
            errors.push(t.f(
                "filters.bad_choice",
                &[("name", &"language"), ("value", &raw)],
            ));
        }
        found.copied()
    });
    let country = params.get("country");
    let corridor = match params.get("corridor") {
        Some(raw) => match raw.split_once(',') {
            Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => {
                Some((a.trim().to_owned(), b.trim().to_owned()))
            }
            _ => {
                errors.push(t.f("library.bad_corridor", &[("value", &raw)]));
                None
            }
        },
        None => None,
    };
    let coded = params.get("coded").is_some();
    let sector = params.get("sector");

    // Uploads.
    let mut upload_notes = Vec::new();
    if corridor.is_some() || coded {
        upload_notes.push(t.s("library.uploads_ignore").to_owned());
    }
    if sector.is_some() {
        upload_notes.push(t.s("library.no_sector").to_owned());
    }
    let catalogue = state.catalogue();
    // An ISO3 code names a country in the catalogue; the uploads' parties are free text, so they
    // are searched for the country's name.
    let party = country.map(|c| {
        catalogue
            .countries()
            .iter()
            .find(|k| {
                k.iso3
                    .as_deref()
                    .is_some_and(|code| code.eq_ignore_ascii_case(c))
            })
            .map_or_else(|| c.to_owned(), |k| k.name.clone())
    });
    let query = LibraryQuery {
        party,
        year_from: year_from.map(i32::from),
        year_to: year_to.map(i32::from),
        kind,
        language: language.map(|(code, _)| code.to_owned()),
        review,
        limit,
        offset: uploads_offset,
    };
    let found = state.store().library(&query).await?;
    let uploads = Section {
        showing: showing(t, uploads_offset, found.items.len(), found.total),
        rows: found.items.iter().map(|e| upload_row(e, t)).collect(),
        total: found.total,
        notes: upload_notes,
        previous: None,
        next: None,
    };

    // Catalogue.
    let mut catalogue_notes = Vec::new();
    if kind.is_some() || review.is_some() {
        catalogue_notes.push(t.s("library.catalogue_ignore").to_owned());
    }
    if sector.is_some() {
        catalogue_notes.push(t.s("library.no_sector").to_owned());
    }
    let filter = Filter {
        country: country.map(str::to_owned),
        corridor: corridor.clone(),
        from: year_from,
        to: year_to,
        coded_only: coded,
    };
    let selected = match catalogue.select(&filter) {
        Ok(list) => list,
        Err(e @ (CatalogueError::UnknownCountry { .. } | CatalogueError::YearRange { .. })) => {
            catalogue_notes.push(e.to_string());
            Vec::new()
        }
        Err(e) => return Err(e.into()),
    };
    let selected: Vec<_> = selected
        .into_iter()
        .filter(|a| language.is_none_or(|(_, name)| a.languages.contains(&name)))
        .collect();
    let total = selected.len() as u64;
    let rows: Vec<CatalogueRow> = selected
        .iter()
        .skip(usize::try_from(offset).unwrap_or(usize::MAX))
        .take(limit as usize)
        .map(|a| CatalogueRow {
            treaty_id: a.treaty_id,
            parties: a
                .parties
                .iter()
                .map(|p| match &p.iso3 {
                    Some(code) => format!("{} ({code})", p.name),
                    None => p.name.clone(),
                })
                .collect::<Vec<_>>()
                .join(" – "),
            year: a.year.map(|y| y.to_string()).unwrap_or_default(),
            languages: a.languages.join(", "),
            coded: a.is_coded(),
            title: a
                .coding
                .as_ref()
                .map(|c| c.title.clone())
                .unwrap_or_default(),
        })
        .collect();
    let catalogue_section = Section {
        showing: showing(t, offset, rows.len(), total),
        rows,
        total,
        notes: catalogue_notes,
        previous: None,
        next: None,
    };

    let form = Form {
        country: country.unwrap_or_default().to_owned(),
        corridor: params.get("corridor").unwrap_or_default().to_owned(),
        year_from: year_from.map(|y| y.to_string()).unwrap_or_default(),
        year_to: year_to.map(|y| y.to_string()).unwrap_or_default(),
        kind: kind.map(kind_name).unwrap_or_default().to_owned(),
        language: language
            .map(|(code, _)| code)
            .unwrap_or_default()
            .to_owned(),
        review: review.map(review_name).unwrap_or_default().to_owned(),
        sector: sector.unwrap_or_default().to_owned(),
        coded,
        limit,
    };
    let (uploads, catalogue_section) = paged(
        &params,
        uploads,
        catalogue_section,
        offset,
        uploads_offset,
        limit,
    );
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let page = render(&LibraryPage {
        c: Chrome::new(t, Some(user), "library", t.s("library.title")),
        form,
        errors,
        uploads,
        catalogue: catalogue_section,
        kinds: KINDS.map(|(name, _)| (name, kind_label(t, name))),
        languages: LANGUAGE_CODES.to_vec(),
        reviews: REVIEWS.map(|(name, _)| (name, review_label(t, name))),
    })?;
    Ok((status, page).into_response())
}

fn kind_label(t: &'static Translations, kind: &str) -> &'static str {
    match kind {
        "agreement" => t.s("library.kind_agreement"),
        "mou" => t.s("library.kind_mou"),
        "model" => t.s("library.kind_model"),
        _ => t.s("library.kind_other"),
    }
}

fn review_label(t: &'static Translations, review: &str) -> &'static str {
    match review {
        "partly" => t.s("library.review_partly"),
        "fully" => t.s("library.review_fully"),
        _ => t.s("library.review_unreviewed"),
    }
}

/// The value of `name` among `choices`, or a message.
fn choice<V: Copy>(
    params: &Params,
    t: &Translations,
    name: &str,
    choices: &[(&str, V)],
    errors: &mut Vec<String>,
) -> Option<V> {
    let raw = params.get(name)?;
    let found = choices
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case(raw))
        .map(|(_, v)| *v);
    if found.is_none() {
        errors.push(t.f("filters.bad_choice", &[("name", &name), ("value", &raw)]));
    }
    found
}

fn showing(t: &Translations, offset: u64, shown: usize, total: u64) -> String {
    if shown == 0 {
        t.f("library.none_shown", &[("total", &total)])
    } else {
        t.f(
            "library.showing",
            &[
                ("from", &(offset + 1)),
                ("to", &(offset + shown as u64)),
                ("total", &total),
            ],
        )
    }
}

fn upload_row(e: &LibraryEntry, t: &'static Translations) -> UploadRow {
    let a = &e.agreement;
    let review_class = review_name(e.review);
    let review = match e.assessed_items {
        Some(items) => t.f(
            "library.review_count",
            &[
                ("status", &review_label(t, review_class)),
                ("decided", &e.decided_items),
                ("items", &items),
            ],
        ),
        None => review_label(t, review_class).to_owned(),
    };
    UploadRow {
        id: a.id.0,
        title: agreement_title(a),
        file_name: a.file_name.clone(),
        parties: a.parties.join("; "),
        year: a
            .date_signed
            .as_deref()
            .map(|d| d.chars().take(4).collect())
            .unwrap_or_default(),
        language: a.language.clone(),
        kind: kind_label(t, kind_name(a.kind)),
        review,
        review_class,
    }
}

/// Adds the previous/next links of both lists: each keeps every other parameter of the URL.
fn paged(
    params: &Params,
    mut uploads: Section<UploadRow>,
    mut catalogue: Section<CatalogueRow>,
    offset: u64,
    uploads_offset: u64,
    limit: u32,
) -> (Section<UploadRow>, Section<CatalogueRow>) {
    let link = |name: &str, value: u64| {
        let mut pairs: Vec<String> = params
            .0
            .iter()
            .filter(|(k, v)| k != name && !v.trim().is_empty())
            .map(|(k, v)| format!("{}={}", url_encode(k), url_encode(v)))
            .collect();
        pairs.push(format!("{name}={value}"));
        format!("/agreements?{}", pairs.join("&"))
    };
    let limit = u64::from(limit);
    let links = |offset: u64, total: u64, name: &str| {
        let previous = (offset > 0).then(|| link(name, offset.saturating_sub(limit)));
        let next = (offset + limit < total).then(|| link(name, offset + limit));
        (previous, next)
    };
    (uploads.previous, uploads.next) = links(uploads_offset, uploads.total, "uploads_offset");
    (catalogue.previous, catalogue.next) = links(offset, catalogue.total, "offset");
    (uploads, catalogue)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_is_one_the_catalogue_knows() {
        for (_, name) in LANGUAGE_CODES {
            assert!(
                blma_catalogue::LANGUAGES.iter().any(|(_, n)| *n == name),
                "{name}"
            );
        }
    }
}
