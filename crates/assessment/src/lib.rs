//! Assesses an agreement against the rubric of the Guidance on BLMAs: for every rubric item a
//! verdict (`provides`, `contradicts`, `silent`) with the exact evidence and the cue that fired.
//!
//! Pure: a [`blma_documents::Document`] and the knowledge base in, an [`Assessment`] out.

mod model;

pub use model::*;
