//! Hostile and broken input: every reader answers with the right error, quickly, never a panic.

mod support;

use std::io::Write;
use std::time::{Duration, Instant};

use blma_documents::DocumentError;
use blma_documents::formats::docx::DocxReader;
use blma_documents::formats::html::HtmlReader;
use blma_documents::formats::pdf::PdfReader;
use blma_documents::formats::text::TextReader;
use blma_documents::formats::{Extractor, Limits, RawText, detect_format, extractor_for};
use support::Agreement;

/// Runs a reader under a time budget generous for a debug build on a shared 2-core machine.
fn read_quickly(reader: &dyn Extractor, bytes: &[u8]) -> Result<RawText, DocumentError> {
    let started = Instant::now();
    let result = reader.extract(bytes, &Limits::default());
    let took = started.elapsed();
    assert!(
        took < Duration::from_secs(5),
        "{:?} took {took:?}",
        reader.format()
    );
    result
}

fn readers() -> [&'static dyn Extractor; 4] {
    [&PdfReader, &DocxReader, &HtmlReader, &TextReader]
}

#[test]
fn scanned_pdf_asks_for_ocr() {
    let error = read_quickly(&PdfReader, &support::scanned_pdf()).unwrap_err();
    assert!(
        matches!(error, DocumentError::ScannedPdf { pages: 2, chars: 0 }),
        "{error:?}"
    );
    assert!(error.to_string().contains("ocrmypdf"));
}

#[test]
fn encrypted_pdf_says_so() {
    let bytes = support::encrypted_pdf(&Agreement::load("nl-ie-stagiaires-1959"));
    let error = read_quickly(&PdfReader, &bytes).unwrap_err();
    assert!(matches!(error, DocumentError::EncryptedPdf), "{error:?}");
}

#[test]
fn truncated_pdf_is_corrupt_or_partial_never_a_panic() {
    let (bytes, _) = support::pdf(&Agreement::load("nl-ie-stagiaires-1959"));
    // Cut in half, the xref and trailer are gone; what is left may be repaired or refused.
    match read_quickly(&PdfReader, &bytes[..bytes.len() / 2]) {
        Err(DocumentError::Corrupt { format: "PDF", .. }) => {}
        Ok(raw) => assert!(
            raw.text.contains("Article 1"),
            "a repaired file keeps its text"
        ),
        Err(other) => panic!("{other:?}"),
    }
    // Only the header: nothing to repair.
    let error = read_quickly(&PdfReader, &bytes[..20]).unwrap_err();
    assert!(
        matches!(error, DocumentError::Corrupt { format: "PDF", .. }),
        "{error:?}"
    );
}

#[test]
fn truncated_docx_is_corrupt() {
    let bytes = support::docx(&Agreement::load("nl-ie-stagiaires-1959"));
    let error = read_quickly(&DocxReader, &bytes[..bytes.len() / 2]).unwrap_err();
    assert!(
        matches!(error, DocumentError::Corrupt { format: "DOCX", .. }),
        "{error:?}"
    );
}

#[test]
fn zip_bomb_docx_stops_at_the_limit() {
    // 300 MB of one byte deflates to about 300 kB; the default limit is 200 MB.
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().large_file(true);
    writer.start_file("word/document.xml", options).unwrap();
    let chunk = vec![b'a'; 1 << 20];
    for _ in 0..300 {
        writer.write_all(&chunk).unwrap();
    }
    let bomb = writer.finish().unwrap().into_inner();
    assert!(bomb.len() < 2 << 20);
    let error = read_quickly(&DocxReader, &bomb).unwrap_err();
    assert!(
        matches!(error, DocumentError::LimitExceeded { .. }),
        "{error:?}"
    );

    // A smaller limit stops it sooner, from the declared size alone.
    let limits = Limits {
        max_expanded_bytes: 1 << 20,
        ..Limits::default()
    };
    let error = DocxReader.extract(&bomb, &limits).unwrap_err();
    assert!(
        matches!(error, DocumentError::LimitExceeded { limit: 1048576, .. }),
        "{error:?}"
    );
}

#[test]
fn deeply_nested_html_neither_overflows_nor_hangs() {
    let nested = |depth: usize| {
        format!(
            "<html><body>{}Deep text{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        )
    };
    let error = read_quickly(&HtmlReader, nested(100_000).as_bytes()).unwrap_err();
    assert!(
        matches!(error, DocumentError::LimitExceeded { limit: 512, .. }),
        "{error:?}"
    );
    // Within the limit, deep nesting reads normally.
    let raw = read_quickly(&HtmlReader, nested(500).as_bytes()).unwrap();
    assert_eq!(raw.text, "Deep text\n");
}

#[test]
fn deeply_nested_docx_xml_is_refused() {
    let document = format!("<w:document>{}</w:document>", "<w:p>".repeat(100_000));
    let bytes = support::zip_parts(&[("word/document.xml", document.as_bytes())]);
    let error = read_quickly(&DocxReader, &bytes).unwrap_err();
    assert!(
        matches!(error, DocumentError::LimitExceeded { .. }),
        "{error:?}"
    );
}

#[test]
fn random_bytes_are_refused_by_every_reader() {
    // A fixed xorshift stream: the same "random" megabyte on every run.
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let junk: Vec<u8> = (0..1 << 20)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect();
    assert!(matches!(
        read_quickly(&TextReader, &junk),
        Err(DocumentError::NotText)
    ));
    assert!(matches!(
        read_quickly(&PdfReader, &junk),
        Err(DocumentError::Corrupt { .. })
    ));
    assert!(matches!(
        read_quickly(&DocxReader, &junk),
        Err(DocumentError::Corrupt { .. })
    ));
    // A browser shows random bytes as mojibake: HTML either refuses them or reads "text".
    let _ = read_quickly(&HtmlReader, &junk);
    assert_eq!(detect_format(&junk), Some(blma_documents::Format::Text));
}

#[test]
fn empty_input_is_empty_for_every_reader() {
    for reader in readers() {
        assert!(
            matches!(read_quickly(reader, b""), Err(DocumentError::Empty)),
            "{:?}",
            reader.format()
        );
    }
    assert!(matches!(
        read_quickly(&TextReader, b" \n\r\n "),
        Err(DocumentError::Empty)
    ));
    assert!(matches!(
        read_quickly(&HtmlReader, b"<html><script>x()</script></html>"),
        Err(DocumentError::Empty)
    ));
}

#[test]
fn input_over_the_limit_is_refused_before_parsing() {
    let big = vec![b'a'; 60 << 20];
    for reader in readers() {
        let error = read_quickly(reader, &big).unwrap_err();
        assert!(
            matches!(error, DocumentError::TooLarge { size, limit } if size == 60 << 20 && limit == 50 << 20),
            "{:?}: {error:?}",
            reader.format()
        );
    }
}

#[test]
fn detection_picks_the_right_reader_for_each_fixture() {
    let agreement = Agreement::load("ar-cl-labour-convention-1971");
    let (pdf, _) = support::pdf(&agreement);
    let cases = [
        (pdf, blma_documents::Format::Pdf),
        (support::docx(&agreement), blma_documents::Format::Docx),
        (support::html(&agreement), blma_documents::Format::Html),
        (
            agreement.paragraphs.join("\n").into_bytes(),
            blma_documents::Format::Text,
        ),
    ];
    for (bytes, format) in cases {
        assert_eq!(detect_format(&bytes), Some(format));
        let raw = extractor_for(format)
            .extract(&bytes, &Limits::default())
            .unwrap();
        assert!(raw.text.contains("Artículo 1°"), "{format:?}");
    }
}

#[test]
fn a_panic_inside_the_pdf_library_becomes_an_error() {
    // Found by the `pdf` fuzz target: pdf_oxide 0.3.78 slices a string inside a character.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/formats/pdf-oxide-panic.pdf"
    );
    let error = read_quickly(&PdfReader, &std::fs::read(path).unwrap()).unwrap_err();
    assert!(
        matches!(error, DocumentError::ReaderFailed { format: "PDF", .. }),
        "{error:?}"
    );
}
