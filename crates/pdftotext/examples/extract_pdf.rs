//! `extract_pdf FILE` prints the built-in reader's text; `extract_pdf --pdftotext FILE` that of
//! the pdftotext backend; `extract_pdf --generate DIR` writes the benchmark PDFs.
//! Used by `bench/extract.sh` so both backends are timed as whole processes.

#[path = "../../documents/tests/support/mod.rs"]
mod support;

use blma_documents::formats::pdf::PdfReader;
use blma_documents::formats::{Extractor, Limits};
use blma_pdftotext::Pdftotext;
use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["--generate", dir] => generate(dir),
        ["--pdftotext", file] => print(&Pdftotext::default(), file),
        [file] => print(&PdfReader, file),
        _ => {
            eprintln!("usage: extract_pdf [--pdftotext] FILE | --generate DIR");
            std::process::exit(2);
        }
    }
}

fn print(reader: &dyn Extractor, file: &str) {
    let bytes = std::fs::read(file).expect("readable file");
    match reader.extract(&bytes, &Limits::default()) {
        Ok(raw) => std::io::stdout()
            .write_all(raw.text.as_bytes())
            .expect("stdout"),
        Err(error) => {
            eprintln!("{file}: {error}");
            std::process::exit(1);
        }
    }
}

/// One PDF per agreement, and a long one (the three agreements ten times over).
fn generate(dir: &str) {
    let agreements = support::Agreement::all();
    let long = support::Agreement {
        title: "Ten agreements".into(),
        paragraphs: (0..10)
            .flat_map(|_| agreements.iter().flat_map(|a| a.paragraphs.clone()))
            .collect(),
    };
    for (name, agreement) in [
        ("en", &agreements[0]),
        ("fr", &agreements[1]),
        ("es", &agreements[2]),
        ("long", &long),
    ] {
        let (bytes, pages) = support::pdf(agreement);
        std::fs::write(format!("{dir}/{name}.pdf"), &bytes).expect("writable dir");
        println!("{name}.pdf {pages} {}", bytes.len());
    }
}
