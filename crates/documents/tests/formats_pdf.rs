//! The PDF reader on generated PDFs of real agreements (English, French, Spanish).

mod support;

use blma_documents::formats::pdf::PdfReader;
use blma_documents::formats::{Extractor, Limits};
use support::{Agreement, missing_paragraphs, without_page_furniture};

#[test]
fn every_paragraph_survives_wrapping_pages_and_hyphenation() {
    for agreement in Agreement::all() {
        let (bytes, pages) = support::pdf(&agreement);
        assert!(
            pages >= 2,
            "{}: the fixture should span pages",
            agreement.title
        );
        let raw = PdfReader.extract(&bytes, &Limits::default()).unwrap();
        assert_eq!(
            raw.text.split('\x0c').count(),
            pages,
            "{}: one \\f between pages",
            agreement.title
        );
        let text = without_page_furniture(&raw.text, pages);
        let missing = missing_paragraphs(&agreement, &text);
        assert!(
            missing.is_empty(),
            "{}: missing {missing:#?}\n--- got:\n{}",
            agreement.title,
            raw.text
        );
        assert_eq!(raw.title.as_deref(), Some(agreement.title.as_str()));
    }
}

#[test]
fn lines_are_joined_into_paragraphs() {
    let agreement = Agreement::load("fr-nl-labour-treaty-1948");
    let (bytes, _) = support::pdf(&agreement);
    let raw = PdfReader.extract(&bytes, &Limits::default()).unwrap();
    // The first article's paragraph is wrapped over many lines in the PDF; it comes back whole
    // on one line (up to the page break).
    let first_line_of_article_1 = raw
        .text
        .lines()
        .find(|line| line.starts_with("Le Gouvernement français et le Gouvernement néerlandais"))
        .expect("article 1 text");
    assert!(
        first_line_of_article_1.contains("toutes facilités administratives"),
        "{first_line_of_article_1}"
    );
    assert!(
        raw.text.lines().any(|line| line == "Article 1er"),
        "headings stay on their own line"
    );
}
