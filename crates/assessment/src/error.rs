//! The one error type of this crate.

/// What can go wrong assessing an agreement.
///
/// Messages may change between versions; match on the variant, not the text.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AssessError {
    /// The document's language has no cues.
    #[error(
        "the agreement reads as language `{language}`; blma assesses {supported} only: assess a translation into one of them"
    )]
    UnsupportedLanguage { language: String, supported: String },
    /// A cue of the knowledge base does not compile.
    #[error("cue `{cue}` does not compile: {message}")]
    Cue { cue: String, message: String },
    /// An evaluation set is malformed (gold verdict unknown, item missing …).
    #[error("evaluation set: {0}")]
    Gold(String),
}
