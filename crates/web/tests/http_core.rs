//! HTTP-level tests of the core journey: public pages, login, roles, CSRF, upload → report →
//! review → export, and bad uploads. In-process (no socket), on SQLite and PostgreSQL.

mod support;

use axum::http::StatusCode;
use support::{Page, TestApp, dev_text, on_every_backend};

const SUITE: &str = "web http_core";

fn assert_security_headers(page: &Page) {
    for name in [
        "content-security-policy",
        "x-content-type-options",
        "x-frame-options",
        "referrer-policy",
    ] {
        assert!(page.headers.contains_key(name), "missing {name}");
    }
}

#[tokio::test]
async fn public_pages_render_without_login() {
    on_every_backend(SUITE, |app: TestApp| async move {
        let mut b = app.browser();
        for path in [
            "/",
            "/guide",
            "/guide/III.B.1",
            "/guide/box8",
            "/login",
            "/static/app.css",
            "/healthz",
        ] {
            let page = b.get(path).await;
            assert_eq!(page.status, StatusCode::OK, "{path}");
            assert_security_headers(&page);
        }
        let principle = b.get("/guide/III.B.1").await;
        assert!(principle.select("h1").iter().any(|h| h.contains("III.B.1")));
        // The principle links to its sources and to the rubric items that assess it.
        assert!(!principle.attr("a[href^='/guide/']", "href").is_empty());
        let short = b.get("/guide/B.1").await;
        assert_eq!(short.status, StatusCode::PERMANENT_REDIRECT);
        assert_eq!(short.location().as_deref(), Some("/guide/III.B.1"));
        assert_eq!(
            b.get("/guide/no-such-element").await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(b.get("/no/such/page").await.status, StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn private_pages_send_anonymous_users_to_the_login_page() {
    on_every_backend(SUITE, |app: TestApp| async move {
        let mut b = app.browser();
        for path in [
            "/upload",
            "/agreements/1",
            "/agreements/1/text",
            "/agreements/1/original",
            "/agreements/1/export/json",
        ] {
            let page = b.get(path).await;
            assert_eq!(page.status, StatusCode::SEE_OTHER, "{path}");
            let location = page.location().unwrap();
            assert!(
                location.starts_with("/login?next=%2F") || location.starts_with("/login?next=/"),
                "{location}"
            );
        }
    })
    .await;
}

#[tokio::test]
async fn login_logout_and_wrong_passwords() {
    on_every_backend(SUITE, |app: TestApp| async move {
        let mut b = app.browser();
        let wrong = b.login("analyst@example.org", "not the passphrase").await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
        assert_eq!(wrong.select("[role=alert]").len(), 1);
        let unknown = b.login("nobody@example.org", support::PASSWORD).await;
        assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);

        let ok = b.login("Analyst@Example.org", support::PASSWORD).await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER);
        assert_eq!(b.get("/upload").await.status, StatusCode::OK);
        let home = b.get("/").await;
        assert!(home.text().contains("analyst"));

        let out = b.post_form("/logout", &[]).await;
        assert_eq!(out.status, StatusCode::SEE_OTHER);
        assert_eq!(b.get("/upload").await.status, StatusCode::SEE_OTHER);
    })
    .await;
}

#[tokio::test]
async fn state_changing_requests_need_the_csrf_token() {
    on_every_backend(SUITE, |app: TestApp| async move {
        // Login without the login page's cookie.
        let mut anonymous = app.browser();
        let page = anonymous
            .post_form(
                "/login",
                &[
                    ("email", "analyst@example.org"),
                    ("password", support::PASSWORD),
                    ("csrf", "forged"),
                ],
            )
            .await;
        assert_eq!(page.status, StatusCode::FORBIDDEN);

        let mut b = app.logged_in("analyst").await;
        let token = b.csrf.clone().unwrap();
        b.csrf = None;
        assert_eq!(
            b.upload("a.txt", b"Article 1", false).await.status,
            StatusCode::FORBIDDEN
        );
        for path in ["/logout", "/agreements/1/decisions"] {
            let page = b
                .post_raw_form(path, &[("item".into(), "no_worker_fees".into())])
                .await;
            assert_eq!(page.status, StatusCode::FORBIDDEN, "{path}");
            let wrong = b
                .post_raw_form(path, &[("csrf".into(), format!("{token}x"))])
                .await;
            assert_eq!(wrong.status, StatusCode::FORBIDDEN, "{path}");
        }
        // The right token from another site is still refused.
        let request = axum::http::Request::post("/logout")
            .header("content-type", "application/x-www-form-urlencoded")
            .header("origin", "http://evil.example")
            .body(axum::body::Body::from(format!("csrf={token}")))
            .unwrap();
        assert_eq!(b.send(request).await.status, StatusCode::FORBIDDEN);
        // And the session is still alive.
        assert_eq!(b.get("/upload").await.status, StatusCode::OK);
    })
    .await;
}

#[tokio::test]
async fn viewers_read_but_may_not_upload_or_decide() {
    on_every_backend(SUITE, |app: TestApp| async move {
        let mut analyst = app.logged_in("analyst").await;
        let uploaded = analyst
            .upload(
                "tr-se.txt",
                &dev_text("tr-se-employment-turkish-workers.txt"),
                true,
            )
            .await;
        assert_eq!(uploaded.status, StatusCode::SEE_OTHER);
        let report = uploaded.location().unwrap();
        let id = support::agreement_id(&uploaded);

        let mut viewer = app.logged_in("viewer").await;
        assert_eq!(viewer.get(&report).await.status, StatusCode::OK);
        assert_eq!(viewer.get("/upload").await.status, StatusCode::FORBIDDEN);
        let page = viewer.get(&report).await;
        assert!(
            page.select("form.review").is_empty(),
            "no review forms for viewers"
        );
        let assessment = "1";
        let decided = viewer
            .post_form(
                &format!("/agreements/{id}/decisions"),
                &[
                    ("assessment", assessment),
                    ("item", "no_worker_fees"),
                    ("verdict", "provides"),
                ],
            )
            .await;
        assert_eq!(decided.status, StatusCode::FORBIDDEN);
    })
    .await;
}

/// Every route that changes state, as a logged-in admin (who may do everything) without the
/// token: each is refused before its handler runs.
#[tokio::test]
async fn every_state_changing_route_refuses_requests_without_the_token() {
    on_every_backend(SUITE, |app: TestApp| async move {
        let mut b = app.logged_in("admin").await;
        b.csrf = None;
        for path in [
            "/logout",
            "/upload",
            "/agreements/1/decisions",
            "/users",
            "/users/1/role",
            "/users/1/disabled",
        ] {
            let page = b
                .post_raw_form(path, &[("role".into(), "viewer".into())])
                .await;
            assert_eq!(page.status, StatusCode::FORBIDDEN, "{path}");
        }
        assert_eq!(app.app.state().store().users().await.unwrap().len(), 3);
        assert_eq!(
            b.get("/upload").await.status,
            StatusCode::OK,
            "still logged in"
        );
    })
    .await;
}
