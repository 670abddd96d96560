//! The index's fields and the analyzers of its text fields.
//!
//! Every text is indexed twice: in the field of its language (`body_en`, `body_fr`, `body_es`:
//! lower-cased, accents folded, stemmed) and in `body_raw` (lower-cased and folded, not stemmed),
//! which is also the only field of texts in other languages. Titles likewise. No analyzer drops
//! stop words: "no", "not", "ne … pas", "sin" carry the meaning of the provisions searched here.
//! Positions are indexed, so quoted phrases work in every field.

use tantivy::Index;
use tantivy::schema::{
    Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer,
};

/// Tokens longer than this (in bytes) are dropped: they are not words.
const MAX_TOKEN_BYTES: usize = 40;

/// The languages with a stemmed field, by their ISO 639-1 code.
pub(crate) const STEMMED: [(&str, Language); 3] = [
    ("en", Language::English),
    ("fr", Language::French),
    ("es", Language::Spanish),
];

/// Values of the `source` field.
pub(crate) const GUIDANCE: &str = "guidance";
pub(crate) const AGREEMENT: &str = "agreement";

/// A pair of indexed text fields for one analyzer: the title and the body.
#[derive(Clone, Copy)]
pub(crate) struct TextFields {
    pub title: Field,
    pub body: Field,
}

#[derive(Clone)]
pub(crate) struct Fields {
    /// `guidance` or `agreement`.
    pub source: Field,
    /// The element id or the provision id.
    pub id: Field,
    /// The guidance element's kind.
    pub kind: Field,
    /// The element's title or the provision's heading, as displayed.
    pub title: Field,
    pub agreement_id: Field,
    pub agreement_title: Field,
    /// ISO 639-1 code, `und` when unknown.
    pub language: Field,
    pub start: Field,
    pub end: Field,
    /// The indexed body text, stored for snippets.
    pub text: Field,
    /// One pair per stemmed language, in the order of [`STEMMED`].
    pub stemmed: [TextFields; 3],
    pub raw: TextFields,
}

impl Fields {
    /// The stemmed fields of a language, if it has them.
    pub fn for_language(&self, code: &str) -> Option<TextFields> {
        STEMMED
            .iter()
            .position(|(c, _)| *c == code)
            .map(|i| self.stemmed[i])
    }

    /// Every indexed text field, the ones the query parser searches.
    pub fn searched(&self) -> impl Iterator<Item = TextFields> + '_ {
        self.stemmed.iter().copied().chain([self.raw])
    }
}

fn text_options(analyzer: &str) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    )
}

fn analyzer_name(code: &str) -> String {
    format!("blma_{code}")
}

pub(crate) fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let mut text_pair = |code: &str| {
        let options = text_options(&analyzer_name(code));
        TextFields {
            title: b.add_text_field(&format!("title_{code}"), options.clone()),
            body: b.add_text_field(&format!("body_{code}"), options),
        }
    };
    let stemmed = STEMMED.map(|(code, _)| text_pair(code));
    let raw = text_pair("raw");
    let fields = Fields {
        stemmed,
        raw,
        source: b.add_text_field("source", STRING | STORED),
        id: b.add_text_field("id", STRING | STORED),
        kind: b.add_text_field("kind", STRING | STORED),
        title: b.add_text_field("title", STORED),
        agreement_id: b.add_i64_field("agreement_id", INDEXED | STORED),
        agreement_title: b.add_text_field("agreement_title", STORED),
        language: b.add_text_field("language", STRING | STORED),
        start: b.add_u64_field("start", STORED),
        end: b.add_u64_field("end", STORED),
        text: b.add_text_field("text", STORED),
    };
    (b.build(), fields)
}

fn analyzer(stemmer: Option<Language>) -> TextAnalyzer {
    let builder = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter);
    match stemmer {
        Some(language) => builder.filter(Stemmer::new(language)).build(),
        None => builder.build(),
    }
}

/// Registers the analyzers the schema's text fields name.
pub(crate) fn register_analyzers(index: &Index) {
    let tokenizers = index.tokenizers();
    for (code, language) in STEMMED {
        tokenizers.register(&analyzer_name(code), analyzer(Some(language)));
    }
    tokenizers.register(&analyzer_name("raw"), analyzer(None));
}
