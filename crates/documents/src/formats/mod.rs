//! One module per input format, each turning bytes into raw text for the normalizer.

use crate::{DocumentError, Format, Warning};

/// What a format reader hands to the normalizer.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawText {
    /// The text in reading order; paragraphs end with `\n`, pages are separated by `\f`.
    pub text: String,
    /// A title found in the file's own metadata (PDF info, DOCX core properties, HTML `<title>`).
    pub title: Option<String>,
    pub warnings: Vec<Warning>,
}

/// Bounds on what a reader may spend on one file, so hostile input fails fast.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input accepted, in bytes.
    pub max_input_bytes: usize,
    /// Largest decompressed size of any part of a container (DOCX), in bytes.
    pub max_expanded_bytes: usize,
    /// Deepest element nesting followed in markup (HTML, DOCX XML).
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { max_input_bytes: 50 << 20, max_expanded_bytes: 200 << 20, max_depth: 512 }
    }
}

/// A reader for one format. Implementations must never panic and must stay within `limits`.
pub trait Extractor {
    fn format(&self) -> Format;
    fn extract(&self, bytes: &[u8], limits: &Limits) -> Result<RawText, DocumentError>;
}
