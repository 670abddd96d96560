//! pdftotext and the built-in reader on the same generated PDFs: both keep every paragraph,
//! and their texts agree once whitespace and page furniture are set aside.

#[path = "../../documents/tests/support/mod.rs"]
mod support;

use blma_documents::DocumentError;
use blma_documents::formats::pdf::PdfReader;
use blma_documents::formats::{Extractor, Limits};
use blma_pdftotext::Pdftotext;
use support::{Agreement, missing_paragraphs, without_page_furniture};

fn pdftotext() -> Option<Pdftotext> {
    let backend = Pdftotext::default();
    if backend.is_available() {
        Some(backend)
    } else {
        println!("note: pdftotext is not installed (Debian: poppler-utils); comparison skipped");
        None
    }
}

#[test]
fn both_backends_agree_on_generated_agreements() {
    let Some(poppler) = pdftotext() else { return };
    for agreement in Agreement::all() {
        let (bytes, pages) = support::pdf(&agreement);
        let ours = PdfReader.extract(&bytes, &Limits::default()).unwrap();
        let theirs = poppler.extract(&bytes, &Limits::default()).unwrap();
        assert_eq!(theirs.text.split('\x0c').count(), pages);
        let (ours, theirs) = (
            without_page_furniture(&ours.text, pages),
            without_page_furniture(&theirs.text, pages),
        );
        let missing = missing_paragraphs(&agreement, &theirs);
        assert!(
            missing.is_empty(),
            "pdftotext, {}: missing {missing:#?}",
            agreement.title
        );
        assert_eq!(ours, theirs, "{}", agreement.title);
    }
}

#[test]
fn pdftotext_errors_match_the_builtin_reader() {
    let Some(poppler) = pdftotext() else { return };
    let error = poppler
        .extract(&support::scanned_pdf(), &Limits::default())
        .unwrap_err();
    assert!(
        matches!(error, DocumentError::ScannedPdf { .. }),
        "{error:?}"
    );
    let error = poppler
        .extract(b"not a pdf at all", &Limits::default())
        .unwrap_err();
    assert!(matches!(error, DocumentError::Corrupt { .. }), "{error:?}");
    let missing = Pdftotext {
        program: "/nonexistent/pdftotext".into(),
        ..Pdftotext::default()
    };
    let error = missing
        .extract(b"%PDF-1.7", &Limits::default())
        .unwrap_err();
    assert!(
        matches!(error, DocumentError::BackendFailed { .. }),
        "{error:?}"
    );
}
