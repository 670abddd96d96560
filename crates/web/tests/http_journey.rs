//! The analyst's journey over HTTP: upload a real agreement, read its report, follow a quote to
//! its highlighted span, override a verdict, see the history, export. And bad uploads.

mod support;

use axum::http::StatusCode;
use support::{TestApp, dev_text, on_every_backend};

const SUITE: &str = "web http_journey";

/// Uploads and returns the report's path and the agreement id.
async fn upload(b: &mut support::Browser, name: &str) -> (String, String) {
    let page = b.upload(name, &dev_text(name), true).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.text());
    (page.location().unwrap(), support::agreement_id(&page))
}

#[tokio::test]
async fn upload_report_review_export() {
    on_every_backend(SUITE, |app: TestApp| async move {
        let mut b = app.logged_in("analyst").await;
        let (report_path, id) = upload(&mut b, "fr-nl-labour-treaty-1948.txt").await;
        let report = b.get(&report_path).await;
        assert_eq!(report.status, StatusCode::OK);
        assert_eq!(report.select("[role=status]").len(), 1, "upload notice");
        // Every rubric item appears once, in one of the three sections.
        let items = report.attr("article.finding", "id");
        assert_eq!(items.len(), 38, "{items:?}");
        let red_flags = report.select("#red-flags article.finding");
        let provided = report.select("#provided article.finding");
        assert!(!provided.is_empty());
        let gaps = report.select("#gaps article.finding");
        assert_eq!(red_flags.len() + provided.len() + gaps.len(), 38);
        // Gaps carry what the guidance recommends.
        assert!(
            !report
                .attr("#gaps article.finding a[href^='/guide/']", "href")
                .is_empty()
        );
        // The coverage chart is drawn and its table repeats it.
        assert_eq!(report.select("#coverage svg").len(), 1);

        // A quote links to its highlighted span in the full text.
        let href = report.attr("#provided blockquote footer a", "href")[0].clone();
        let (text_path, anchor) = href.split_once('#').unwrap();
        let text = b.get(text_path).await;
        assert_eq!(text.status, StatusCode::OK);
        let mark = text.select(&format!("mark[id='{anchor}']"));
        assert_eq!(mark.len(), 1, "{anchor}");
        assert!(!mark[0].is_empty());

        // Override one verdict with a note, then confirm another.
        let assessment = report.attr("form.review input[name=assessment]", "value")[0].clone();
        let item = report.attr("#provided article.finding", "id")[0]
            .trim_start_matches("item-")
            .to_owned();
        let decided = b
            .post_form(
                &format!("/agreements/{id}/decisions"),
                &[
                    ("assessment", &assessment),
                    ("item", &item),
                    ("verdict", "silent"),
                    ("note", "The article <b>only</b> refers to national law."),
                ],
            )
            .await;
        assert_eq!(decided.status, StatusCode::SEE_OTHER);
        let after = b.get(&decided.location().unwrap()).await;
        let article = format!("#item-{item}");
        assert_eq!(
            after.attr(&format!("{article} [data-reviewed]"), "data-reviewed"),
            vec!["silent".to_owned()]
        );
        assert!(
            after.select(&format!("#gaps {article}")).len() == 1,
            "moved to the gaps"
        );
        assert!(!after.text().contains("<b>only</b>"), "notes are escaped");
        let note = after.select(&format!("{article} p.note")).join(" ");
        assert!(note.contains("The article <b>only</b> refers"), "{note}");
        // Change of mind: the history keeps both decisions, newest first.
        b.post_form(
            &format!("/agreements/{id}/decisions"),
            &[
                ("assessment", &assessment),
                ("item", &item),
                ("verdict", "provides"),
            ],
        )
        .await;
        let again = b.get(&format!("/agreements/{id}")).await;
        let history = again.select(&format!("{article} details li"));
        assert_eq!(history.len(), 2, "{history:?}");
        assert!(history[0].starts_with("provides") && history[1].starts_with("silent"));

        // Bad decisions.
        let unknown = b
            .post_form(
                &format!("/agreements/{id}/decisions"),
                &[
                    ("assessment", &assessment),
                    ("item", "no_such_item"),
                    ("verdict", "provides"),
                ],
            )
            .await;
        assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
        let wrong_assessment = b
            .post_form(
                &format!("/agreements/{id}/decisions"),
                &[
                    ("assessment", "999"),
                    ("item", &item),
                    ("verdict", "provides"),
                ],
            )
            .await;
        assert_eq!(wrong_assessment.status, StatusCode::NOT_FOUND);

        // Exports.
        let json = b.get(&format!("/agreements/{id}/export/json")).await;
        assert_eq!(json.status, StatusCode::OK);
        let value: serde_json::Value = serde_json::from_slice(&json.body).unwrap();
        assert_eq!(value["decisions"].as_array().unwrap().len(), 1);
        assert_eq!(
            value["assessment"]["findings"].as_array().unwrap().len(),
            38
        );
        let md = b.get(&format!("/agreements/{id}/export/md")).await;
        assert!(md.text().starts_with("# "));
        let html = b.get(&format!("/agreements/{id}/export/html")).await;
        assert!(html.text().starts_with("<!DOCTYPE html>"));
        let pdf = b.get(&format!("/agreements/{id}/export/pdf")).await;
        assert!(pdf.body.starts_with(b"%PDF-"));
        for page in [&json, &md, &html, &pdf] {
            let disposition = page.headers["content-disposition"].to_str().unwrap();
            assert!(disposition.starts_with("attachment; filename=\"blma-assessment-"));
        }
        assert_eq!(
            b.get(&format!("/agreements/{id}/export/exe")).await.status,
            StatusCode::NOT_FOUND
        );
        let original = b.get(&format!("/agreements/{id}/original")).await;
        assert_eq!(original.body, dev_text("fr-nl-labour-treaty-1948.txt"));
        assert_eq!(original.headers["content-type"], "application/octet-stream");

        // The same file again is recognised.
        let dup = b
            .upload("again.txt", &dev_text("fr-nl-labour-treaty-1948.txt"), true)
            .await;
        assert!(
            dup.location()
                .unwrap()
                .ends_with(&format!("/agreements/{id}?duplicate=1"))
        );
    })
    .await;
}

#[tokio::test]
async fn bad_uploads_get_clear_errors_and_store_nothing() {
    on_every_backend(SUITE, |app: TestApp| async move {
        let mut b = app.logged_in("analyst").await;
        let cases: [(&str, Vec<u8>, StatusCode, &str); 4] = [
            ("empty.txt", Vec::new(), StatusCode::BAD_REQUEST, "Choose a file"),
            ("broken.pdf", b"%PDF-1.7\n1 0 obj garbage".to_vec(), StatusCode::UNPROCESSABLE_ENTITY, "broken.pdf"),
            ("random.docx", vec![0x50, 0x4b, 3, 4, 0xff, 0, 1, 2, 3], StatusCode::UNPROCESSABLE_ENTITY, "random.docx"),
            (
                "dutch.txt",
                "Artikel 1. De werkgever betaalt de reiskosten van de werknemer en zorgt voor huisvesting. \
                 Artikel 2. De arbeidsovereenkomst wordt in de taal van de werknemer opgesteld."
                    .as_bytes()
                    .to_vec(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "language",
            ),
        ];
        for (name, bytes, status, says) in cases {
            let page = b.upload(name, &bytes, true).await;
            assert_eq!(page.status, status, "{name}: {}", page.text());
            let alert = page.select("#upload-error").join(" ");
            assert!(alert.contains(says), "{name}: {alert}");
        }
        let library = app
            .app
            .state()
            .store()
            .library(&Default::default())
            .await
            .unwrap();
        assert_eq!(library.total, 0);
    })
    .await;
}

#[tokio::test]
async fn uploads_over_the_limit_are_refused() {
    let db =
        blma_storage::testing::TestDatabase::create(blma_storage::testing::Target::Sqlite).await;
    let app = TestApp::start(&db.url, |c| c.max_upload_bytes = 64 * 1024).await;
    let mut b = app.logged_in("analyst").await;
    let page = b.upload("big.txt", &vec![b'a'; 200 * 1024], true).await;
    assert_eq!(page.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(page.text().contains("1 MB"), "{}", page.text());
}

#[tokio::test]
async fn agreement_text_is_escaped_everywhere() {
    on_every_backend(SUITE, |app: TestApp| async move {
        let mut b = app.logged_in("analyst").await;
        let hostile = "Agreement between <script>alert(1)</script> and \"X\"\n\n\
            Article 1\nNo recruitment fee <img src=x onerror=alert(2)> shall be charged to the workers.\n\n\
            Article 2\nThe employer shall bear the cost of travel of the migrant workers.\n";
        let page = b.upload("hostile.txt", hostile.as_bytes(), true).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.text());
        let report = b.get(&page.location().unwrap()).await;
        let id = support::agreement_id(&page);
        let text = b.get(&format!("/agreements/{id}/text")).await;
        for p in [&report, &text] {
            let html = p.text();
            assert!(!html.contains("<script>alert"), "script escaped");
            assert!(!html.contains("<img src=x"), "img escaped");
            assert!(p.select("script").is_empty());
        }
        assert!(text.select("#fulltext").join(" ").contains("<img src=x onerror=alert(2)>"), "shown as text");
    })
    .await;
}
