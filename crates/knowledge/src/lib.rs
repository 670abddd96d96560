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
        static KB: OnceLock<KnowledgeBase> = OnceLock::new();
        KB.get_or_init(|| match Self::try_embedded() {
            Ok(kb) => kb,
            Err(err) => panic!(
                "embedded knowledge base is broken (run `cargo test -p blma-knowledge`): {err}"
            ),
        })
    }

    /// The element view of the embedded knowledge base, built once.
    pub fn index() -> &'static Index {
        static INDEX: OnceLock<Index> = OnceLock::new();
        INDEX.get_or_init(|| Index::new(Self::embedded()))
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
        let problems = validate::problems(&kb);
        if problems.is_empty() {
            Ok(kb)
        } else {
            Err(KnowledgeError::Invalid(problems))
        }
    }
}
