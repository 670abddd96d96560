//! The *Guidance on Bilateral Labour Migration Agreements* (UN Network on Migration, ILO/IOM
//! 2022) and the assessment rubric, as typed, validated, citable data.
//!
//! The data lives in TOML files under `data/` at the repository root and is embedded at compile
//! time: this crate does no IO. [`KnowledgeBase::embedded`] parses it once; [`validate`] checks
//! every invariant the rest of the product relies on (unique ids, resolvable references).

mod error;
mod load;
pub mod model;
pub mod validate;

pub use error::KnowledgeError;
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

    /// Parses and validates the embedded data, reporting what is wrong instead of panicking.
    pub fn try_embedded() -> Result<KnowledgeBase, KnowledgeError> {
        let kb = load::from_embedded()?;
        let problems = validate::problems(&kb);
        if problems.is_empty() {
            Ok(kb)
        } else {
            Err(KnowledgeError::Invalid(problems))
        }
    }
}
