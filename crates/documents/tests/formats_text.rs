//! The text reader: encodings round-trip a French agreement.

mod support;

use blma_documents::formats::text::TextReader;
use blma_documents::formats::{Extractor, Limits};

fn read(bytes: &[u8]) -> String {
    TextReader.extract(bytes, &Limits::default()).unwrap().text
}

fn french() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/eval-dev/fr-nl-labour-treaty-1948.txt"
    );
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn utf8_with_and_without_bom_and_crlf() {
    let text = french();
    assert_eq!(read(text.as_bytes()), text);
    assert_eq!(read(format!("\u{FEFF}{text}").as_bytes()), text);
    assert_eq!(read(text.replace('\n', "\r\n").as_bytes()), text);
}

#[test]
fn utf16_both_byte_orders_with_and_without_bom() {
    let text = french();
    let units: Vec<u16> = text.encode_utf16().collect();
    let le: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
    let be: Vec<u8> = units.iter().flat_map(|u| u.to_be_bytes()).collect();
    assert_eq!(read(&le), text, "UTF-16LE without BOM");
    assert_eq!(read(&be), text, "UTF-16BE without BOM");
    assert_eq!(
        read(&[&[0xFF, 0xFE][..], &le].concat()),
        text,
        "UTF-16LE with BOM"
    );
    assert_eq!(
        read(&[&[0xFE, 0xFF][..], &be].concat()),
        text,
        "UTF-16BE with BOM"
    );
}

#[test]
fn latin1_and_windows_1252_are_recognised() {
    let text = french().replace('\'', "\u{2019}"); // ’ exists in Windows-1252, not in Latin-1
    let (bytes, _, lossy) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!lossy);
    let raw = TextReader.extract(&bytes, &Limits::default()).unwrap();
    assert_eq!(raw.text, text);
    assert!(raw.warnings.iter().any(|w| w.code == "encoding-guessed"));
}
