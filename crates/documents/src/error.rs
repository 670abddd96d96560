//! The one error type of this crate.

/// Why a file could not be read. Every message says what the user can do about it.
///
/// Messages may change between versions; match on the variant, not the text.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DocumentError {
    /// The bytes are not a format this crate reads.
    #[error("unrecognised file format{}: blma reads PDF (with a text layer), DOCX, HTML and plain text", hint(.0))]
    UnknownFormat(Option<String>),
    /// The file is empty or holds no text.
    #[error("the file holds no text")]
    Empty,
    /// The input is larger than the configured limit.
    #[error("the file is {size} bytes, over the limit of {limit} bytes; split it or raise the limit")]
    TooLarge { size: usize, limit: usize },
}

fn hint(name: &Option<String>) -> String {
    name.as_ref().map(|n| format!(" ({n})")).unwrap_or_default()
}
