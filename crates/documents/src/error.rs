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
    #[error(
        "the file is {size} bytes, over the limit of {limit} bytes; split it or raise the limit"
    )]
    TooLarge { size: usize, limit: usize },
    /// A PDF whose pages carry no text layer: a scan or photographs of paper.
    #[error(
        "this PDF has no text layer (it is scanned: {pages} page(s), {chars} characters of text); run OCR first, e.g. `ocrmypdf in.pdf out.pdf`, then read the OCR'd file"
    )]
    ScannedPdf { pages: usize, chars: usize },
    /// A PDF that needs a password to open.
    #[error(
        "this PDF is encrypted and needs a password; save an unprotected copy first, e.g. `qpdf --decrypt --password=PASSWORD in.pdf out.pdf`"
    )]
    EncryptedPdf,
    /// Damaged, truncated or not really the format it claims to be.
    #[error(
        "this {format} file is damaged or truncated ({detail}); download or export it again, or save it as PDF or plain text"
    )]
    Corrupt {
        format: &'static str,
        detail: String,
    },
    /// Bytes that are not text in any encoding blma knows (an image, an executable, random data).
    #[error(
        "this is not a text file (it holds binary data); give blma a PDF, DOCX, HTML or plain-text file"
    )]
    NotText,
    /// A safety limit tripped while reading: a zip bomb, absurd nesting or too many parts.
    #[error(
        "the file exceeds a safety limit: {what} (limit {limit}); it may be hostile; if it is genuine, raise the limit or save it as PDF or plain text"
    )]
    LimitExceeded { what: &'static str, limit: usize },
    /// A reader failed in a way it should not (a bug in blma or a library it uses).
    #[error(
        "the {format} reader failed unexpectedly ({detail}); please report this file, and meanwhile save it in another format (PDF or plain text)"
    )]
    ReaderFailed {
        format: &'static str,
        detail: String,
    },
    /// An external extraction backend (e.g. `pdftotext`) could not be run.
    #[error(
        "the {tool} backend failed: {detail}; install it (Debian: `apt-get install poppler-utils`) or use the built-in reader"
    )]
    BackendFailed { tool: &'static str, detail: String },
}

fn hint(name: &Option<String>) -> String {
    name.as_ref().map(|n| format!(" ({n})")).unwrap_or_default()
}
