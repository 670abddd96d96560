//! The development agreements (English, French, Spanish), read as the platform reads uploads.

#![allow(dead_code)]

use std::path::Path;
use std::sync::OnceLock;

use blma_documents::Document;
use blma_documents::formats::Limits;
use blma_knowledge::KnowledgeBase;
use blma_search::{AgreementText, Hit, Query, SearchIndex, Source};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/eval-dev");

pub const SLUGS: [&str; 7] = [
    "ar-cl-labour-convention-1971",
    "fr-nl-labour-treaty-1948",
    "ilo-r86-model-agreement-1949",
    "nl-ie-stagiaires-1959",
    "ph-kr-eps-2004",
    "tr-se-employment-turkish-workers",
    "us-mx-agricultural-workers-1942",
];

pub struct Agreement {
    pub id: i64,
    pub slug: &'static str,
    pub document: Document,
}

impl Agreement {
    pub fn text(&self) -> AgreementText<'_> {
        AgreementText {
            id: self.id,
            title: self.slug,
            document: &self.document,
        }
    }

    /// A provision's own words, as indexed: its span up to its first sub-provision.
    pub fn own_text(&self, provision_id: &str) -> String {
        let provisions = &self.document.provisions;
        let p = provisions
            .iter()
            .find(|p| p.id == provision_id)
            .expect("provision");
        let end = provisions
            .iter()
            .filter(|c| c.parent.as_deref() == Some(provision_id))
            .map(|c| c.start)
            .min()
            .unwrap_or(p.end);
        self.document
            .text
            .chars()
            .skip(p.start)
            .take(end - p.start)
            .collect()
    }

    /// The text of a span of the document, in chars.
    pub fn span(&self, start: usize, end: usize) -> String {
        self.document
            .text
            .chars()
            .skip(start)
            .take(end - start)
            .collect()
    }
}

/// The seven development agreements, ids 1 to 7 in the order of [`SLUGS`].
pub fn agreements() -> &'static [Agreement] {
    static AGREEMENTS: OnceLock<Vec<Agreement>> = OnceLock::new();
    AGREEMENTS.get_or_init(|| {
        SLUGS
            .iter()
            .zip(1..)
            .map(|(slug, id)| {
                let name = format!("{slug}.txt");
                let bytes = std::fs::read(Path::new(FIXTURES).join(&name)).expect("fixture");
                let document =
                    blma_documents::read(&bytes, Some(&name), &Limits::default()).expect("reads");
                Agreement { id, slug, document }
            })
            .collect()
    })
}

pub fn agreement(slug: &str) -> &'static Agreement {
    agreements()
        .iter()
        .find(|a| a.slug == slug)
        .expect("known slug")
}

/// The guidance and the seven agreements, indexed once for the read-only tests.
pub fn index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let index = SearchIndex::new().expect("index");
        index
            .add_guidance(KnowledgeBase::embedded())
            .expect("guidance");
        for agreement in agreements() {
            index.add_agreement(&agreement.text()).expect("agreement");
        }
        index.commit().expect("commit");
        index
    })
}

pub fn search(query: Query) -> Vec<Hit> {
    index().search(&query).expect("search").hits
}

/// The guidance element ids of the hits, in rank order.
pub fn element_ids(hits: &[Hit]) -> Vec<&str> {
    hits.iter()
        .filter_map(|h| match &h.source {
            Source::Guidance { element_id, .. } => Some(element_id.as_str()),
            Source::Agreement { .. } => None,
        })
        .collect()
}

/// `(agreement id, provision id)` of the hits, in rank order.
pub fn provisions(hits: &[Hit]) -> Vec<(i64, &str)> {
    hits.iter()
        .filter_map(|h| match &h.source {
            Source::Agreement {
                agreement_id,
                provision_id,
                ..
            } => Some((*agreement_id, provision_id.as_str())),
            Source::Guidance { .. } => None,
        })
        .collect()
}

/// The lower-cased words of a text.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}
