//! The HTML reader on a generated web page of a real agreement.

mod support;

use blma_documents::formats::html::HtmlReader;
use blma_documents::formats::{Extractor, Limits};
use support::{Agreement, HTML_NOISE, missing_paragraphs};

#[test]
fn main_text_only_with_entities_decoded() {
    for agreement in Agreement::all() {
        let raw = HtmlReader
            .extract(&support::html(&agreement), &Limits::default())
            .unwrap();
        let missing = missing_paragraphs(&agreement, &raw.text);
        assert!(
            missing.is_empty(),
            "{}: missing {missing:#?}",
            agreement.title
        );
        for noise in HTML_NOISE {
            assert!(
                !raw.text.contains(noise),
                "{noise:?} should be gone:\n{}",
                raw.text
            );
        }
        assert_eq!(raw.title.as_deref(), Some(agreement.title.as_str()));
        // One line per block element: as many lines as paragraphs.
        assert_eq!(raw.text.lines().count(), agreement.paragraphs.len());
    }
}

#[test]
fn without_main_the_body_is_read_and_block_elements_break_lines() {
    let page = "<html><body><nav>Menu</nav><h1>Agreement</h1><div>Article 1<br>Workers</div>\
                <table><tr><td>A</td><td>B</td></tr><tr><td>C</td></tr></table>\
                <span style='display: none'>secret</span><p>Done&nbsp;at Paris</p></body></html>";
    let raw = HtmlReader
        .extract(page.as_bytes(), &Limits::default())
        .unwrap();
    assert_eq!(
        raw.text,
        "Agreement\nArticle 1\nWorkers\nA B\nC\nDone\u{a0}at Paris\n"
    );
}
