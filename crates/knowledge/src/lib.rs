//! The *Guidance on Bilateral Labour Migration Agreements* (UN Network on Migration, ILO/IOM
//! 2022) and the assessment rubric, as typed, validated, citable data.
//!
//! The data lives in TOML files under `data/` at the repository root and is embedded at compile
//! time: this crate does no IO. [`KnowledgeBase::embedded`] parses it once; [`validate`] checks
//! every invariant the rest of the product relies on (unique ids, resolvable references).

pub mod element;
mod error;
mod index;
mod load;
pub mod model;
pub mod render;
pub mod search;
pub mod validate;

pub use element::{Block, Element, Kind, Link, Relation};
pub use error::KnowledgeError;
pub use index::Index;
pub use load::{DATA_FILES, DataFile};
pub use model::KnowledgeBase;

use std::sync::OnceLock;

impl KnowledgeBase {
    /// The knowledge base compiled into this binary, parsed and validated once.
    ///
    /// # Panics
    /// Never on a released build: the test suite proves the embedded data parses and validates.
    pub fn embedded() -> &'static KnowledgeBase {
        &Self::embedded_with_index().0
    }

    /// The element view of the embedded knowledge base: the one validation built.
    pub fn index() -> &'static Index {
        &Self::embedded_with_index().1
    }

    fn embedded_with_index() -> &'static (KnowledgeBase, Index) {
        static EMBEDDED: OnceLock<(KnowledgeBase, Index)> = OnceLock::new();
        EMBEDDED.get_or_init(
            || match load::from_embedded().and_then(Self::validated_with_index) {
                Ok(pair) => pair,
                Err(err) => panic!(
                    "embedded knowledge base is broken (run `cargo test -p blma-knowledge`): {err}"
                ),
            },
        )
    }

    /// The whole knowledge base as one Markdown document, in the guidance's order.
    pub fn to_markdown(&self) -> String {
        let mut sink = render::Markdown::default();
        render::write_all(self, &Index::new(self), &mut sink);
        sink.out
    }

    /// Reads back a JSON export (`blma guide export --format json`) and validates it.
    pub fn from_json(json: &str) -> Result<KnowledgeBase, KnowledgeError> {
        let kb = serde_json::from_str(json).map_err(|e| KnowledgeError::Import(e.to_string()))?;
        Self::validated(kb)
    }

    /// Parses the embedded data without checking its invariants: for tools that inspect the
    /// data while it is being written (the fidelity tests), never for the product.
    pub fn parse_embedded() -> Result<KnowledgeBase, KnowledgeError> {
        load::from_embedded()
    }

    /// Parses and validates the embedded data, reporting what is wrong instead of panicking.
    pub fn try_embedded() -> Result<KnowledgeBase, KnowledgeError> {
        Self::validated(load::from_embedded()?)
    }

    fn validated(kb: KnowledgeBase) -> Result<KnowledgeBase, KnowledgeError> {
        Self::validated_with_index(kb).map(|(kb, _)| kb)
    }

    /// Validates through the index it builds, and keeps that index for lookups.
    fn validated_with_index(kb: KnowledgeBase) -> Result<(KnowledgeBase, Index), KnowledgeError> {
        let index = Index::new(&kb);
        let problems = validate::problems_in(&kb, &index);
        if problems.is_empty() {
            Ok((kb, index))
        } else {
            Err(KnowledgeError::Invalid(problems))
        }
    }
}
