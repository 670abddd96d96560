//! PDF with a text layer, read by the pure-Rust `pdf_oxide`. Pages are separated by `\f`; lines
//! are joined into paragraphs and words hyphenated at a line end are rejoined. Scanned PDFs
//! (no text layer) and encrypted ones get an error that says what to do.
//!
//! [`assemble_pages`] is public so that other backends (the `pdftotext` adapter) produce the
//! same shape of text and the same errors.

use pdf_oxide::converters::ConversionOptions;
use pdf_oxide::document::PdfDocument;

use super::{Extractor, Limits, RawText, check_input, find, warning, without_panics};
use crate::{DocumentError, Format, Warning};

/// Below this many visible characters per page on average, a PDF is a scan (possibly with a
/// stamp or page numbers as text) and needs OCR.
const MIN_CHARS_PER_PAGE: usize = 40;
/// A line shorter than this share of the document's usual line length ends its paragraph.
const SHORT_LINE: f64 = 0.7;

pub struct PdfReader;

impl Extractor for PdfReader {
    fn format(&self) -> Format {
        Format::Pdf
    }

    fn extract(&self, bytes: &[u8], limits: &Limits) -> Result<RawText, DocumentError> {
        check_input(bytes, limits)?;
        without_panics("PDF", || read_pdf(bytes))
    }
}

fn read_pdf(bytes: &[u8]) -> Result<RawText, DocumentError> {
    if find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_none() {
        return Err(corrupt("it does not start with a %PDF- header"));
    }
    let document = PdfDocument::from_bytes(bytes.to_vec()).map_err(open_error)?;
    // Many official PDFs are "encrypted" with an empty user password only to restrict
    // printing or copying; those open as usual.
    if document.is_encrypted() && !matches!(document.authenticate(b""), Ok(true)) {
        return Err(DocumentError::EncryptedPdf);
    }
    let page_count = document.page_count().map_err(open_error)?;
    let mut warnings = Vec::new();
    // `extract_text` also detects tables (padding cells with spaces to align columns) and
    // headings (for Markdown); agreements are prose, and the normalizer wants plain lines.
    let options = ConversionOptions {
        extract_tables: false,
        detect_headings: false,
        ..ConversionOptions::default()
    };
    let pages = (0..page_count)
        .map(|page| {
            document
                .extract_text_with_options(page, &options)
                .unwrap_or_else(|error| {
                    warnings.push(warning(
                        "unreadable-page",
                        format!(
                            "page {} could not be read ({error}); it is left empty",
                            page + 1
                        ),
                    ));
                    String::new()
                })
        })
        .collect();
    // A download cut short loses its end, where `%%EOF` is; pdf_oxide repairs what it can.
    let truncated = find(&bytes[bytes.len().saturating_sub(1024)..], b"%%EOF").is_none();
    if truncated {
        warnings.push(warning(
            "truncated",
            "the PDF is incomplete (no %%EOF at its end); text may be missing",
        ));
    }
    match assemble_pages(pages, info_title(&document), warnings) {
        Err(DocumentError::ScannedPdf { .. }) if truncated => Err(corrupt(
            "it is truncated: no %%EOF at its end and no readable text",
        )),
        result => result,
    }
}

fn corrupt(detail: impl ToString) -> DocumentError {
    DocumentError::Corrupt {
        format: "PDF",
        detail: detail.to_string(),
    }
}

fn open_error(error: pdf_oxide::error::Error) -> DocumentError {
    match error {
        pdf_oxide::error::Error::EncryptedPdf => DocumentError::EncryptedPdf,
        other => corrupt(other),
    }
}

/// `/Title` of the document information dictionary.
fn info_title(document: &PdfDocument) -> Option<String> {
    let info = document.trailer().as_dict()?.get("Info")?.as_reference()?;
    let info = document.load_object(info).ok()?;
    let title = info.as_dict()?.get("Title")?.as_string()?;
    let title = decode_text_string(title);
    let title = title.trim();
    (!title.is_empty()).then(|| title.to_owned())
}

/// A PDF text string: UTF-16BE with a BOM, else PDFDocEncoding (close to Windows-1252).
pub fn decode_text_string(bytes: &[u8]) -> String {
    let encoding = match bytes {
        [0xFE, 0xFF, ..] => encoding_rs::UTF_16BE,
        _ => encoding_rs::WINDOWS_1252,
    };
    encoding.decode(bytes).0.into_owned()
}

/// Turns the text of each page (lines separated by `\n`, paragraphs possibly by blank lines)
/// into [`RawText`]: paragraphs joined and dehyphenated, pages separated by `\f`. Fails with
/// [`DocumentError::ScannedPdf`] when the pages hold (almost) no text.
pub fn assemble_pages(
    pages: Vec<String>,
    title: Option<String>,
    mut warnings: Vec<Warning>,
) -> Result<RawText, DocumentError> {
    let visible = |page: &str| page.chars().filter(|c| !c.is_whitespace()).count();
    let chars: usize = pages.iter().map(|page| visible(page)).sum();
    if chars < MIN_CHARS_PER_PAGE * pages.len().max(1) {
        return Err(DocumentError::ScannedPdf {
            pages: pages.len(),
            chars,
        });
    }
    let empty: Vec<String> = (1..=pages.len())
        .filter(|&n| visible(&pages[n - 1]) < MIN_CHARS_PER_PAGE)
        .map(|n| n.to_string())
        .collect();
    if !empty.is_empty() {
        warnings.push(warning(
            "no-text-on-page",
            format!(
                "page(s) {} hold little or no text; they may be scanned",
                empty.join(", ")
            ),
        ));
    }
    let usual_width = usual_line_width(&pages);
    let text = pages
        .iter()
        .map(|page| paragraphs(page, usual_width))
        .collect::<Vec<_>>()
        .join("\x0c");
    Ok(RawText {
        text,
        title,
        warnings,
    })
}

/// The length (in chars) of a typical full line: the 80th percentile of line lengths.
fn usual_line_width(pages: &[String]) -> usize {
    let mut widths: Vec<usize> = pages
        .iter()
        .flat_map(|page| page.lines())
        .map(|line| line.trim().chars().count())
        .filter(|&width| width > 0)
        .collect();
    widths.sort_unstable();
    widths.get(widths.len() * 4 / 5).copied().unwrap_or(0)
}

/// Joins the lines of one page into paragraphs. A paragraph ends at a blank line (backends
/// that see vertical gaps emit one) or after a line clearly shorter than a full line.
fn paragraphs(page: &str, usual_width: usize) -> String {
    let short = (usual_width as f64 * SHORT_LINE) as usize;
    let mut out = String::with_capacity(page.len());
    let mut open = false;
    for line in page.lines().map(str::trim) {
        if line.is_empty() {
            if open {
                out.push('\n');
                open = false;
            }
            continue;
        }
        if open {
            join_line(&mut out, line);
        } else {
            out.push_str(line);
            open = true;
        }
        if line.chars().count() < short {
            out.push('\n');
            open = false;
        }
    }
    if open {
        out.push('\n');
    }
    out
}

/// Appends a continuation line: "travail-" + "leurs" → "travailleurs", others with a space.
fn join_line(paragraph: &mut String, line: &str) {
    let mut tail = paragraph.chars().rev();
    let hyphenated = tail.next() == Some('-')
        && tail.next().is_some_and(char::is_lowercase)
        && line.chars().next().is_some_and(char::is_lowercase);
    if hyphenated {
        paragraph.pop();
    } else {
        paragraph.push(' ');
    }
    paragraph.push_str(line);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_join_into_paragraphs_and_hyphens_rejoin() {
        let page = "Article 1\nThe employer shall pay the wor-\nkers in full and the same\nday.\n\nNext one here\n";
        assert_eq!(
            paragraphs(page, 30),
            "Article 1\nThe employer shall pay the workers in full and the same day.\nNext one here\n"
        );
    }

    #[test]
    fn pages_without_text_are_scans() {
        let error = assemble_pages(vec!["12".into(), String::new()], None, Vec::new());
        assert!(matches!(
            error,
            Err(DocumentError::ScannedPdf { pages: 2, chars: 2 })
        ));
    }
}
