use thiserror::Error;

/// What went wrong in the search index. User queries never cause one: a query that cannot be
/// understood is searched for as well as it can be, or finds nothing.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum SearchError {
    /// The engine failed (out of memory, a bug in tantivy, a failed merge). The index lives in
    /// memory and is rebuilt at start-up: restart the server to rebuild it.
    #[error("the search engine failed: {0} (restart to rebuild the index)")]
    Engine(String),
    /// A stored hit lacks a field this crate always writes: the index was not built by this
    /// version of the crate.
    #[error("search hit {0} lacks its `{1}` field (restart to rebuild the index)")]
    Corrupt(String, &'static str),
}

impl From<tantivy::TantivyError> for SearchError {
    fn from(error: tantivy::TantivyError) -> Self {
        SearchError::Engine(error.to_string())
    }
}

pub type Result<T, E = SearchError> = std::result::Result<T, E>;
