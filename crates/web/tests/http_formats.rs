//! Uploads in every supported format give the same assessment as the text, and unreadable PDFs
//! (scanned, encrypted) are refused with a message that says what to do. The PDF and DOCX files
//! are generated from the real development agreements by the documents crate's test support.

mod support;

#[path = "../../documents/tests/support/mod.rs"]
mod generate;

use axum::http::StatusCode;
use support::{Browser, TestApp, on_every_backend};

const SUITE: &str = "web http_formats";

/// Uploads and returns the verdict of every item, from the JSON export.
async fn verdicts(b: &mut Browser, name: &str, bytes: &[u8]) -> Vec<(String, String)> {
    let page = b.upload(name, bytes, true).await;
    assert_eq!(
        page.status,
        StatusCode::SEE_OTHER,
        "{name}: {}",
        page.text()
    );
    let id = support::agreement_id(&page);
    let json = b.get(&format!("/agreements/{id}/export/json")).await;
    let value: serde_json::Value = serde_json::from_slice(&json.body).unwrap();
    value["assessment"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["item"].as_str().unwrap().to_owned(),
                f["verdict"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn pdf_docx_and_html_uploads_are_assessed_like_the_text() {
    on_every_backend(SUITE, |app: TestApp| async move {
        let mut b = app.logged_in("analyst").await;
        let agreement = generate::Agreement::load("fr-nl-labour-treaty-1948");
        let text = agreement.paragraphs.join("\n\n");
        let from_text = verdicts(&mut b, "fr-nl.txt", text.as_bytes()).await;
        let html = format!(
            "<!DOCTYPE html><html lang=fr><head><title>t</title></head><body><main>{}</main></body></html>",
            agreement.paragraphs.iter().map(|p| format!("<p>{}</p>", generate::escape(p))).collect::<String>()
        );
        let (pdf, _) = generate::pdf(&agreement);
        for (name, bytes) in [
            ("fr-nl.pdf", pdf),
            ("fr-nl.docx", generate::docx(&agreement)),
            ("fr-nl.html", html.into_bytes()),
        ] {
            let got = verdicts(&mut b, name, &bytes).await;
            assert_eq!(got, from_text, "{name}");
        }
    })
    .await;
}

#[tokio::test]
async fn scanned_and_encrypted_pdfs_are_refused_with_advice() {
    on_every_backend(SUITE, |app: TestApp| async move {
        let mut b = app.logged_in("analyst").await;
        let agreement = generate::Agreement::load("nl-ie-stagiaires-1959");
        for (name, bytes) in [
            ("scan.pdf", generate::scanned_pdf()),
            ("locked.pdf", generate::encrypted_pdf(&agreement)),
        ] {
            let page = b.upload(name, &bytes, true).await;
            assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
            let alert = page.select("#upload-error").join(" ");
            assert!(alert.starts_with(name), "{alert}");
            assert!(alert.len() > name.len() + 30, "says what to do: {alert}");
        }
    })
    .await;
}
