//! The one error type of this crate.

/// What can go wrong building or querying the knowledge base.
///
/// Messages may change between versions; match on the variant, not the text.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum KnowledgeError {
    /// A data file named in the loader is not embedded.
    #[error("knowledge data file {0} is not embedded in this build")]
    MissingFile(String),
    /// A data file is not valid TOML for its schema.
    #[error("{path}: {message}")]
    Parse { path: String, message: String },
    /// The data parsed but breaks an invariant (duplicate id, dangling reference …).
    #[error("the knowledge base is inconsistent:\n{}", .0.join("\n"))]
    Invalid(Vec<String>),
    /// A JSON export could not be read back.
    #[error("not a blma knowledge export: {0}")]
    Import(String),
    /// No element has the id the user gave.
    #[error("no guidance element has the id `{id}`{}", suggestion_suffix(.suggestions))]
    UnknownId {
        id: String,
        suggestions: Vec<String>,
    },
    /// The user named a kind of element that does not exist.
    #[error("unknown element kind `{kind}`; known kinds: {}", .known.join(", "))]
    UnknownKind {
        kind: String,
        known: Vec<&'static str>,
    },
}

fn suggestion_suffix(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        "; `blma guide list KIND` lists the ids of a kind".to_owned()
    } else {
        format!("; did you mean {}?", suggestions.join(", "))
    }
}
