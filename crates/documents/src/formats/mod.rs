//! One module per input format, each turning bytes into raw text for the normalizer.

pub mod docx;
pub mod html;
pub mod pdf;
pub mod text;

use std::panic::{AssertUnwindSafe, catch_unwind};

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
        Limits {
            max_input_bytes: 50 << 20,
            max_expanded_bytes: 200 << 20,
            max_depth: 512,
        }
    }
}

/// A reader for one format. Implementations must never panic and must stay within `limits`.
pub trait Extractor {
    fn format(&self) -> Format;
    fn extract(&self, bytes: &[u8], limits: &Limits) -> Result<RawText, DocumentError>;
}

/// Guesses the format from the first bytes, as a file's extension may lie or be missing.
/// `None` when the bytes look like no format blma reads (another archive, an image …).
pub fn detect_format(bytes: &[u8]) -> Option<Format> {
    let head = &bytes[..bytes.len().min(1024)];
    // Acrobat accepts `%PDF-` anywhere in the first kilobyte; so do we.
    if find(head, b"%PDF-").is_some() {
        return Some(Format::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return find(&bytes[..bytes.len().min(64 << 10)], b"word/").map(|_| Format::Docx);
    }
    if html::looks_like_html(head) {
        return Some(Format::Html);
    }
    // Text decides itself whether the bytes are text (and says so clearly when not).
    Some(Format::Text)
}

/// The built-in reader for a format.
pub fn extractor_for(format: Format) -> &'static dyn Extractor {
    match format {
        Format::Pdf => &pdf::PdfReader,
        Format::Docx => &docx::DocxReader,
        Format::Html => &html::HtmlReader,
        Format::Text => &text::TextReader,
    }
}

/// The checks every reader makes before parsing anything.
pub(crate) fn check_input(bytes: &[u8], limits: &Limits) -> Result<(), DocumentError> {
    if bytes.is_empty() {
        return Err(DocumentError::Empty);
    }
    if bytes.len() > limits.max_input_bytes {
        return Err(DocumentError::TooLarge {
            size: bytes.len(),
            limit: limits.max_input_bytes,
        });
    }
    Ok(())
}

/// Runs a reader, turning a panic inside it or its libraries into an error: the last line of
/// defence so that one hostile file cannot take down a batch or a server.
pub(crate) fn without_panics<T>(
    format: &'static str,
    read: impl FnOnce() -> Result<T, DocumentError>,
) -> Result<T, DocumentError> {
    catch_unwind(AssertUnwindSafe(read)).unwrap_or_else(|panic| {
        let detail = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_owned());
        Err(DocumentError::ReaderFailed { format, detail })
    })
}

pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// Builds [`RawText`] from markup (DOCX, HTML): collapses whitespace as a renderer would and
/// guarantees each block ends with exactly one `\n`, with no blank or space-only lines.
#[derive(Debug, Default)]
pub(crate) struct ParagraphWriter {
    text: String,
    /// A space is owed before the next visible character of the current line.
    pending_space: bool,
}

impl ParagraphWriter {
    /// Appends text whose runs of whitespace collapse to one space. As in HTML, only ASCII
    /// whitespace collapses: a no-break space is content.
    pub(crate) fn push_collapsed(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_ascii_whitespace() {
                self.pending_space = !self.at_line_start();
            } else {
                self.push_char(c);
            }
        }
    }

    /// Appends one visible character (or a tab), paying any owed space first.
    pub(crate) fn push_char(&mut self, c: char) {
        if std::mem::take(&mut self.pending_space) && !self.at_line_start() {
            self.text.push(' ');
        }
        self.text.push(c);
    }

    /// Appends text kept as written, e.g. `<pre>` or a DOCX run; `\n` becomes a line break.
    pub(crate) fn push_verbatim(&mut self, text: &str) {
        for c in text.chars() {
            match c {
                '\n' => self.line_break(),
                '\r' => {}
                c => self.push_char(c),
            }
        }
    }

    /// Ends the current line, if it has any content; blank lines never appear.
    pub(crate) fn line_break(&mut self) {
        self.pending_space = false;
        if !self.at_line_start() {
            let trimmed = self.text.trim_end_matches([' ', '\t']).len();
            self.text.truncate(trimmed);
            self.text.push('\n');
        }
    }

    fn at_line_start(&self) -> bool {
        self.text.is_empty() || self.text.ends_with('\n')
    }

    pub(crate) fn finish(mut self) -> String {
        self.line_break();
        self.text
    }
}

/// How a list or heading number is written: HTML `<ol type>` and DOCX `w:numFmt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumberStyle {
    Decimal,
    UpperRoman,
    LowerRoman,
    UpperLetter,
    LowerLetter,
    /// A bullet or no number: the label is printed as given (DOCX `bullet`, `none`).
    Literal,
}

impl NumberStyle {
    pub(crate) fn render(self, n: i64) -> String {
        match self {
            NumberStyle::Decimal => n.to_string(),
            NumberStyle::UpperRoman => roman(n),
            NumberStyle::LowerRoman => roman(n).to_lowercase(),
            NumberStyle::UpperLetter => letters(n),
            NumberStyle::LowerLetter => letters(n).to_lowercase(),
            NumberStyle::Literal => String::new(),
        }
    }
}

/// Roman numerals for list labels; outside 1–3999 Word falls back to digits, and so do we.
fn roman(n: i64) -> String {
    u32::try_from(n)
        .ok()
        .filter(|n| (1..4000).contains(n))
        .map_or_else(|| n.to_string(), crate::numerals::to_roman)
}

/// A, B … Z, AA, BB … as Word and browsers letter lists past 26.
fn letters(n: i64) -> String {
    if !(1..=780).contains(&n) {
        return n.to_string();
    }
    let letter = char::from(b'A' + ((n - 1) % 26) as u8);
    std::iter::repeat_n(letter, ((n - 1) / 26 + 1) as usize).collect()
}

/// A warning with a stable code.
pub(crate) fn warning(code: &str, message: impl Into<String>) -> Warning {
    Warning {
        code: code.to_owned(),
        message: message.into(),
    }
}
