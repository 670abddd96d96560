//! Search over HTTP: visitors search the guidance, users also the agreements; stemming per
//! language; hostile queries answered, never an error.

mod support;

use axum::http::StatusCode;
use support::{TestApp, dev_text, on_every_backend};

const SUITE: &str = "web http_search";

#[tokio::test]
async fn visitors_search_the_guidance_only() {
    on_every_backend(SUITE, |app: TestApp| async move {
        let mut analyst = app.logged_in("analyst").await;
        let up = analyst
            .upload("fr-nl.txt", &dev_text("fr-nl-labour-treaty-1948.txt"), true)
            .await;
        assert_eq!(up.status, StatusCode::SEE_OTHER);

        let mut visitor = app.browser();
        let page = visitor
            .get("/search?q=recruitment+fees&scope=agreements")
            .await;
        assert_eq!(page.status, StatusCode::OK);
        let links = page.attr("li.hit > a", "href");
        assert!(!links.is_empty());
        assert!(links.iter().all(|l| l.starts_with("/guide/")), "{links:?}");
        assert!(page.select("li.hit .snippet b").iter().any(|b| {
            b.to_lowercase().starts_with("recruit") || b.to_lowercase().starts_with("fee")
        }));
        let stemmed = visitor.get("/search?q=recrutement&scope=agreements").await;
        assert!(
            stemmed
                .attr("li.hit > a", "href")
                .iter()
                .all(|l| l.starts_with("/guide/"))
        );
    })
    .await;
}

#[tokio::test]
async fn users_find_provisions_of_uploaded_agreements() {
    on_every_backend(SUITE, |app: TestApp| async move {
        let mut b = app.logged_in("analyst").await;
        let up = b
            .upload("fr-nl.txt", &dev_text("fr-nl-labour-treaty-1948.txt"), true)
            .await;
        let id = support::agreement_id(&up);
        // French stemming: "recrutés" and "recrutement" share a stem.
        let page = b.get("/search?q=recruter&scope=agreements&lang=fr").await;
        assert_eq!(page.status, StatusCode::OK);
        let links = page.attr("li.hit > a", "href");
        assert!(!links.is_empty(), "{}", page.text());
        let prefix = format!("/agreements/{id}/text#p-");
        assert!(links.iter().all(|l| l.starts_with(&prefix)), "{links:?}");
        // The anchor exists in the full text.
        let (path, anchor) = links[0].split_once('#').unwrap();
        let text = b.get(path).await;
        assert_eq!(text.attr(&format!("[id='{anchor}']"), "id").len(), 1);

        // Scope all mixes both; the guidance only holds English.
        let all = b.get("/search?q=recrutement+recruitment").await;
        let all_links = all.attr("li.hit > a", "href");
        assert!(all_links.iter().any(|l| l.starts_with("/guide/")));
        assert!(all_links.iter().any(|l| l.starts_with("/agreements/")));
    })
    .await;
}

#[tokio::test]
async fn hostile_queries_are_answered() {
    on_every_backend(SUITE, |app: TestApp| async move {
        let mut b = app.logged_in("viewer").await;
        for q in [
            "%22unbalanced+AND+(",
            "title:*",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "NOT",
            "",
            "a&offset=99999999&scope=%00",
        ] {
            let page = b.get(&format!("/search?q={q}")).await;
            assert_eq!(page.status, StatusCode::OK, "{q}");
            assert!(!page.text().contains("<script>alert"), "{q}");
        }
        let long = "fees+".repeat(3000);
        assert_eq!(
            b.get(&format!("/search?q={long}")).await.status,
            StatusCode::OK
        );
    })
    .await;
}
