//! The guidance browser: the table of contents and one page per element (principle, box, table,
//! checklist item …), rendered through the knowledge crate's medium-independent writer.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use blma_knowledge::KnowledgeBase;
use blma_knowledge::element::{Element, Kind};
use blma_knowledge::render::{Sink, write_element};
use blma_report::escape::html as esc;

use super::{Chrome, render};
use crate::auth::MaybeUser;
use crate::error::WebError;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/guide", get(contents))
        .route("/guide/{id}", get(element))
}

/// One entry of the table of contents.
struct Entry {
    id: String,
    title: String,
    kind: &'static str,
    children: Vec<Entry>,
}

#[derive(Template)]
#[template(path = "guide/contents.html")]
struct ContentsPage {
    c: Chrome,
    sections: Vec<Entry>,
}

async fn contents(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
) -> Result<Html<String>, WebError> {
    let t = state.translations();
    let index = KnowledgeBase::index();
    let sections = index
        .elements()
        .iter()
        .filter(|e| e.parent.is_none() && e.kind != Kind::RubricItem)
        .map(|e| Entry {
            id: e.id.clone(),
            title: e.title.clone(),
            kind: e.kind.name(),
            children: e
                .children
                .iter()
                .filter_map(|c| index.get(c))
                .map(|c| Entry {
                    id: c.id.clone(),
                    title: c.title.clone(),
                    kind: c.kind.name(),
                    children: Vec::new(),
                })
                .collect(),
        })
        .collect();
    render(&ContentsPage {
        c: Chrome::new(t, user, "guide", t.s("guide.title")),
        sections,
    })
}

#[derive(Template)]
#[template(path = "guide/element.html")]
struct ElementPage {
    c: Chrome,
    id: String,
    kind: &'static str,
    trail: Vec<(String, String)>,
    /// Rendered by [`HtmlSink`], which escapes every piece of text.
    body: String,
}

async fn element(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let index = KnowledgeBase::index();
    let element = index.get(&id).ok_or(WebError::NotFound)?;
    // One address per element: `B.1` or `box 8` redirect to `III.B.1`, `box8`.
    if element.id != id {
        let target = format!("/guide/{}", super::url_encode(&element.id));
        return Ok(Redirect::permanent(&target).into_response());
    }
    let t = state.translations();
    let mut sink = HtmlSink::default();
    write_element(index, element, 1, true, &mut sink);
    let page = ElementPage {
        c: Chrome::new(
            t,
            user,
            "guide",
            format!("{} {}", element.id, element.title),
        ),
        id: element.id.clone(),
        kind: element.kind.name(),
        trail: trail(element),
        body: sink.out,
    };
    Ok(render(&page)?.into_response())
}

/// The ancestors of `element`, outermost first.
fn trail(element: &Element) -> Vec<(String, String)> {
    let index = KnowledgeBase::index();
    let mut trail = Vec::new();
    let mut parent = element.parent.as_deref();
    while let Some(p) = parent.and_then(|id| index.get(id)) {
        trail.push((p.id.clone(), p.title.clone()));
        parent = p.parent.as_deref();
    }
    trail.reverse();
    trail
}

/// The guidance's link to element `id`.
pub fn guide_href(id: &str) -> String {
    format!("/guide/{}", super::url_encode(id))
}

/// Writes guidance elements as HTML. All text passes through [`esc`].
#[derive(Default)]
pub struct HtmlSink {
    pub out: String,
}

impl Sink for HtmlSink {
    fn heading(&mut self, level: usize, id: &str, title: &str, kind: Kind) {
        let level = level.clamp(1, 6);
        let anchor = blma_report::escape::anchor("g", id);
        let squashed: String = title.split_whitespace().collect::<String>().to_lowercase();
        let label = if squashed.starts_with(&id.to_lowercase()) {
            esc(title)
        } else {
            format!("{} {}", esc(id), esc(title))
        };
        if level == 1 {
            self.out
                .push_str(&format!("<h1 id=\"{anchor}\">{label}</h1>\n"));
        } else {
            self.out.push_str(&format!(
                "<h{level} id=\"{anchor}\"><a href=\"{}\">{label}</a> <small class=\"meta\">{}</small></h{level}>\n",
                esc(&guide_href(id)),
                kind.name()
            ));
        }
    }

    fn paragraphs(&mut self, heading: Option<&str>, text: &str) {
        if let Some(h) = heading {
            self.out
                .push_str(&format!("<p><strong>{}</strong></p>\n", esc(h)));
        }
        for p in text.split("\n\n").filter(|p| !p.trim().is_empty()) {
            self.out.push_str(&format!("<p>{}</p>\n", esc(p.trim())));
        }
    }

    fn list(&mut self, heading: Option<&str>, items: &[String]) {
        if let Some(h) = heading {
            self.out
                .push_str(&format!("<p><strong>{}</strong></p>\n", esc(h)));
        }
        self.out.push_str("<ul>\n");
        for item in items {
            self.out.push_str(&format!("<li>{}</li>\n", esc(item)));
        }
        self.out.push_str("</ul>\n");
    }

    fn table(&mut self, columns: &[String], rows: &[Vec<String>]) {
        self.out
            .push_str("<div class=\"scroll\"><table>\n<thead><tr>");
        for c in columns {
            self.out
                .push_str(&format!("<th scope=\"col\">{}</th>", esc(c)));
        }
        self.out.push_str("</tr></thead>\n<tbody>\n");
        for row in rows {
            self.out.push_str("<tr>");
            for cell in row {
                self.out.push_str(&format!("<td>{}</td>", esc(cell)));
            }
            self.out.push_str("</tr>\n");
        }
        self.out.push_str("</tbody>\n</table></div>\n");
    }

    fn links(&mut self, label: &str, targets: &[(String, String)]) {
        if targets.is_empty() {
            return;
        }
        self.out.push_str(&format!(
            "<p class=\"links\"><strong>{}:</strong> ",
            esc(label)
        ));
        let links: Vec<String> = targets
            .iter()
            .map(|(id, title)| {
                format!(
                    "<a href=\"{}\" title=\"{}\">{}</a>",
                    esc(&guide_href(id)),
                    esc(title),
                    esc(id)
                )
            })
            .collect();
        self.out.push_str(&links.join(", "));
        self.out.push_str("</p>\n");
    }
}
