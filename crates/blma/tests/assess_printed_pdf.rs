//! End to end on PDFs as ministries publish them: each development agreement is laid out as a web
//! page, printed to PDF by a real browser (Debian's chromium, installed by `scripts/test.sh`), and
//! `blma assess` must give the PDF exactly the verdicts it gives the plain text.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{blma, stdout};

fn dev(slug: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("../../fixtures/eval-dev/{slug}.txt"))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Prints `text` (one paragraph a line) to a PDF with headless Chromium; `None` without Chromium.
fn print_to_pdf(text: &str, dir: &Path, slug: &str) -> Option<PathBuf> {
    let chromium = ["chromium", "chromium-browser"]
        .into_iter()
        .find(|c| Command::new(c).arg("--version").output().is_ok())?;
    let paragraphs: String = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("<p>{}</p>\n", escape(l)))
        .collect();
    let page = dir.join(format!("{slug}.html"));
    std::fs::write(
        &page,
        format!("<!doctype html><html><head><meta charset=\"utf-8\"><style>body{{font:12pt serif;margin:2cm}}</style></head><body><main>{paragraphs}</main></body></html>"),
    )
    .unwrap();
    let pdf = dir.join(format!("{slug}.pdf"));
    let status = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(
        status.status.success() && pdf.exists(),
        "chromium could not print {slug}"
    );
    Some(pdf)
}

/// Verdicts in rubric order, one letter each: P provides, C contradicts, . silent.
fn verdicts(file: &Path) -> String {
    let json: serde_json::Value = serde_json::from_str(&stdout(&blma(&[
        "assess",
        file.to_str().unwrap(),
        "--format",
        "json",
    ])))
    .unwrap();
    let mut findings: Vec<(String, String)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["item"].as_str().unwrap().to_owned(),
                f["verdict"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    findings.sort();
    findings
        .iter()
        .map(|(_, v)| match v.as_str() {
            "provides" => 'P',
            "contradicts" => 'C',
            _ => '.',
        })
        .collect()
}

#[test]
fn a_browser_printed_pdf_gets_the_verdicts_of_its_text() {
    let dir = std::env::temp_dir().join(format!("blma-printed-pdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for slug in [
        "fr-nl-labour-treaty-1948",
        "ar-cl-labour-convention-1971",
        "nl-ie-stagiaires-1959",
    ] {
        let text = std::fs::read_to_string(dev(slug)).unwrap();
        let Some(pdf) = print_to_pdf(&text, &dir, slug) else {
            eprintln!("SKIPPED: chromium is not installed (scripts/test.sh installs it)");
            return;
        };
        let expected = verdicts(&dev(slug));
        assert!(
            expected.contains('P'),
            "{slug}: the text provides something"
        );
        assert_eq!(
            verdicts(&pdf),
            expected,
            "{slug}: the printed PDF reads differently"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}
