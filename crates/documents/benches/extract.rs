//! Extraction throughput per format on the generated fixtures (`cargo bench -p blma-documents`).
//! Divan reports time per file; bytes/s come from the file sizes, pages/s for PDF from the
//! page counter. `bench/extract.sh` compares the PDF reader with pdftotext.

#[path = "../tests/support/mod.rs"]
mod support;

use blma_documents::formats::{Extractor, Limits, docx, html, pdf, text};
use divan::counter::{BytesCount, ItemsCount};
use divan::{Bencher, black_box};
use support::Agreement;

fn main() {
    divan::main();
}

fn agreement() -> Agreement {
    Agreement::load("fr-nl-labour-treaty-1948")
}

fn run(bencher: Bencher, reader: &(dyn Extractor + Sync), bytes: Vec<u8>) {
    bencher.counter(BytesCount::new(bytes.len())).bench(|| {
        reader
            .extract(black_box(&bytes), &Limits::default())
            .unwrap()
    });
}

#[divan::bench]
fn pdf_pages(bencher: Bencher) {
    let (bytes, pages) = support::pdf(&agreement());
    bencher.counter(ItemsCount::new(pages)).bench(|| {
        pdf::PdfReader
            .extract(black_box(&bytes), &Limits::default())
            .unwrap()
    });
}

#[divan::bench]
fn pdf_bytes(bencher: Bencher) {
    run(bencher, &pdf::PdfReader, support::pdf(&agreement()).0);
}

#[divan::bench]
fn docx(bencher: Bencher) {
    run(bencher, &docx::DocxReader, support::docx(&agreement()));
}

#[divan::bench]
fn html(bencher: Bencher) {
    run(bencher, &html::HtmlReader, support::html(&agreement()));
}

#[divan::bench]
fn text_utf8(bencher: Bencher) {
    run(
        bencher,
        &text::TextReader,
        agreement().paragraphs.join("\n").into_bytes(),
    );
}

#[divan::bench]
fn text_windows_1252(bencher: Bencher) {
    let text = agreement().paragraphs.join("\n");
    run(
        bencher,
        &text::TextReader,
        encoding_rs::WINDOWS_1252.encode(&text).0.into_owned(),
    );
}
