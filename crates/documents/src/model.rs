//! The normalized document and its parts: plain data, serialisable as `blma extract --format json`.

use serde::{Deserialize, Serialize};

use crate::OffsetMap;

/// A file format this crate reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Pdf,
    Docx,
    Html,
    Text,
}

/// A document language. Assessment supports `en`, `fr` and `es`; others are still extracted.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "String", from = "String")]
pub enum Language {
    En,
    Fr,
    Es,
    /// Another language, by its ISO 639-1 code where it has one (`nl`, `ar` …), else ISO 639-3.
    Other(String),
    /// Too little text to tell.
    Unknown,
}

impl Language {
    pub fn code(&self) -> &str {
        match self {
            Language::En => "en",
            Language::Fr => "fr",
            Language::Es => "es",
            Language::Other(code) => code,
            Language::Unknown => "und",
        }
    }

    /// Whether the assessment engine has cues for this language.
    pub fn is_supported(&self) -> bool {
        matches!(self, Language::En | Language::Fr | Language::Es)
    }
}

impl From<Language> for String {
    fn from(language: Language) -> String {
        language.code().to_owned()
    }
}

impl From<String> for Language {
    fn from(code: String) -> Language {
        match code.as_str() {
            "en" => Language::En,
            "fr" => Language::Fr,
            "es" => Language::Es,
            "und" | "" => Language::Unknown,
            _ => Language::Other(code),
        }
    }
}

/// What kind of instrument the text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AgreementKind {
    /// A legally binding agreement, convention, treaty or exchange of notes.
    Agreement,
    /// A memorandum of understanding or other non-binding arrangement.
    Mou,
    /// A model agreement (e.g. the ILO model annexed to Recommendation No. 86).
    Model,
    Other,
}

/// Facts about the agreement found in its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    pub title: Option<String>,
    /// The Parties as the text names them ("the Government of the Republic of Turkey").
    pub parties: Vec<String>,
    /// ISO 8601 date (`1948-06-02`), or a year alone when only that is known.
    pub date_signed: Option<String>,
    pub place_signed: Option<String>,
    pub kind: AgreementKind,
    /// The duration clause's term as written ("five years"), if stated.
    pub duration: Option<String>,
}

/// What a provision is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProvisionKind {
    Title,
    Preamble,
    Part,
    Chapter,
    Section,
    Article,
    Paragraph,
    Point,
    /// An article or paragraph that defines terms.
    Definitions,
    Annex,
    /// A model or standard employment contract attached to the agreement.
    ModelContract,
    /// A letter of an exchange of notes ("I have the honour to …").
    Letter,
    /// Signatures, "done at", testimonium.
    Signatures,
    Other,
}

/// One provision. Ids follow Akoma Ntoso (`art_5`, `art_5__para_2`, `art_5__para_2__point_a`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provision {
    pub id: String,
    pub kind: ProvisionKind,
    /// The heading as printed ("Article 5", "ARTICLE V — Recruitment").
    pub heading: Option<String>,
    /// Start and end offsets, in Unicode scalar values, into [`Document::text`].
    pub start: usize,
    pub end: usize,
    /// The id of the enclosing provision, if any.
    pub parent: Option<String>,
    /// Set when it differs from the document's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
}

/// Something the reader noticed but could work around (stripped headers, an unreadable page …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// Stable, machine-readable code (`page-furniture-removed`, `no-text-on-page` …).
    pub code: String,
    pub message: String,
}

/// An agreement read and normalized.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The normalized text every offset refers to.
    pub text: String,
    pub format: Format,
    pub language: Language,
    pub metadata: Metadata,
    /// Provisions in document order; the tree is given by `parent`.
    pub provisions: Vec<Provision>,
    pub warnings: Vec<Warning>,
    /// Maps offsets in [`Document::text`] back to the reader's raw text (e.g. to highlight a
    /// PDF). Not serialised.
    #[serde(skip)]
    pub raw_offsets: OffsetMap,
}

impl Document {
    /// How provision `index` is cited: its printed heading, or its nearest headed ancestor's, or
    /// its id ("Article 6" for `art_6__para_2`).
    pub fn label_of(&self, index: usize) -> String {
        let mut current = &self.provisions[index];
        loop {
            if let Some(heading) = &current.heading {
                return heading.clone();
            }
            match current
                .parent
                .as_ref()
                .and_then(|id| self.provisions.iter().find(|p| &p.id == id))
            {
                Some(parent) => current = parent,
                None => return self.provisions[index].id.clone(),
            }
        }
    }
}
