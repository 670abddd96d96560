//! Assesses an agreement against the rubric of the Guidance on BLMAs: for every rubric item a
//! verdict (`provides`, `contradicts`, `silent`) with the exact evidence and the cue that fired.
//!
//! Pure: a [`blma_documents::Document`] and the knowledge base in, an [`Assessment`] out. The
//! cues are data (`data/rubric/cues/`, see [`blma_knowledge::model::CueSet`] for the cue
//! language); [`Engine`] compiles them once.

mod engine;
mod error;
pub mod eval;
mod matcher;
mod model;
pub mod text;

pub use engine::Engine;
pub use error::AssessError;
pub use model::*;

/// Assesses `document` with the embedded knowledge base.
pub fn assess(document: &blma_documents::Document) -> Result<Assessment, AssessError> {
    Engine::embedded().assess(document)
}
