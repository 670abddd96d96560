//! Bytes to [`Document`]: detect the format, read it, normalize, detect the language, segment,
//! extract metadata.

use crate::formats::{Extractor, Limits, RawText, check_input, detect_format, extractor_for};
use crate::normalize::normalize;
use crate::{Document, DocumentError, Format, Language, Warning, language, metadata, segment};

/// Reads a file's bytes into a [`Document`]. `file_name` only serves error messages.
///
/// An unsupported or unknown language is not an error: it is reported in
/// [`Document::language`] and as a warning.
pub fn read(
    bytes: &[u8],
    file_name: Option<&str>,
    limits: &Limits,
) -> Result<Document, DocumentError> {
    read_with_pdf_reader(bytes, file_name, limits, extractor_for(Format::Pdf))
}

/// Like [`read`], with another reader for PDF files (e.g. the `pdftotext` backend, an adapter
/// outside this crate).
pub fn read_with_pdf_reader(
    bytes: &[u8],
    file_name: Option<&str>,
    limits: &Limits,
    pdf_reader: &dyn Extractor,
) -> Result<Document, DocumentError> {
    check_input(bytes, limits)?;
    let format = detect_format(bytes)
        .ok_or_else(|| DocumentError::UnknownFormat(file_name.map(str::to_owned)))?;
    let reader = if format == Format::Pdf {
        pdf_reader
    } else {
        extractor_for(format)
    };
    let raw = reader.extract(bytes, limits)?;
    let document = from_raw(raw, format);
    if document.text.is_empty() {
        return Err(DocumentError::Empty);
    }
    Ok(document)
}

/// Turns a reader's raw text into a [`Document`]. Never fails and never panics.
pub fn from_raw(raw: RawText, format: Format) -> Document {
    let normalized = normalize(&raw.text);
    let text = normalized.text;
    let language = language::detect(&text);
    let mut provisions = segment::segment(&text);
    language::mark_provisions(&text, &language, &mut provisions);
    let metadata = metadata::extract(&text, &provisions, raw.title.as_deref());

    let mut warnings = raw.warnings;
    warnings.extend(normalized.warnings);
    warnings.extend(language_warning(&language, text.is_empty()));
    Document {
        text,
        format,
        language,
        metadata,
        provisions,
        warnings,
        raw_offsets: normalized.offsets,
    }
}

fn language_warning(language: &Language, empty: bool) -> Option<Warning> {
    let (code, message) = match language {
        _ if empty => return None,
        Language::Unknown => (
            "language-unknown",
            "too little text to tell its language; assessment needs English, French or Spanish text".to_owned(),
        ),
        Language::Other(code) => (
            "language-unsupported",
            format!(
                "the text reads as language `{code}`; blma assesses English, French and Spanish only, \
                 so use a translation into one of them for assessment"
            ),
        ),
        _ => return None,
    };
    Some(Warning {
        code: code.to_owned(),
        message,
    })
}
