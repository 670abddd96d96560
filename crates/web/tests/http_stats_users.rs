//! Catalogue statistics (public) and user management (admins only) over HTTP.

mod support;

use axum::http::StatusCode;
use blma_catalogue::{Catalogue, Filter};
use support::{TestApp, on_every_backend};

const SUITE: &str = "web http_stats_users";

#[tokio::test]
async fn catalogue_statistics_are_public_and_match_the_catalogue() {
    on_every_backend(SUITE, |app: TestApp| async move {
        let catalogue = Catalogue::embedded().unwrap();
        let stats = catalogue.stats(&Filter::default()).unwrap();
        let joint = stats
            .items
            .iter()
            .find(|i| i.item.column == "joint_commit")
            .unwrap();
        assert_eq!((joint.overall.count, joint.overall.coded), (223, 570));

        let mut b = app.browser();
        let page = b.get("/catalogue/stats").await;
        assert_eq!(page.status, StatusCode::OK);
        let rows = page.select("#stats-table tbody tr");
        assert_eq!(rows.len(), 34);
        let row = rows.iter().find(|r| r.contains("Joint committee")).unwrap();
        assert!(row.contains("223 / 570 (39.1 %)"), "{row}");
        // Every item links to its rubric items in the guidance, as items.toml maps them.
        let links = page.attr("#stats-table tbody a", "href");
        for item in catalogue.items() {
            for rubric in &item.rubric {
                assert!(links.contains(&format!("/guide/{rubric}")), "{rubric}");
            }
        }
        assert_eq!(b.get("/guide/joint_committee").await.status, StatusCode::OK);
        // Five periods: the grouped chart draws them, the table repeats them, and the groups
        // account for every coded agreement.
        assert_eq!(page.select("#overall svg").len(), 1);
        assert_eq!(page.select("#grouped svg").len(), 1);
        assert_eq!(page.select("#grouped svg .legend text").len(), 5);
        let heads = page.select("#stats-table thead th");
        assert_eq!(heads.len(), 3 + 5, "{heads:?}");
        let coded: usize = heads[3..]
            .iter()
            .map(|h| {
                h.rsplit('(')
                    .next()
                    .unwrap()
                    .split(' ')
                    .next()
                    .unwrap()
                    .parse::<usize>()
                    .unwrap()
            })
            .sum();
        assert_eq!(coded, 570, "{heads:?}");

        // One country: the Philippines' coded agreements, by corridor.
        let ph_stats = catalogue
            .stats(&Filter {
                country: Some("PHL".into()),
                coded_only: true,
                ..Filter::default()
            })
            .unwrap();
        let ph = b.get("/catalogue/stats?group=corridor&country=PHL").await;
        assert_eq!(ph.status, StatusCode::OK);
        let joint_ph = ph_stats
            .items
            .iter()
            .find(|i| i.item.column == "joint_commit")
            .unwrap();
        let row = ph
            .select("#stats-table tbody tr")
            .into_iter()
            .find(|r| r.contains("Joint committee"))
            .unwrap();
        assert!(
            row.contains(&format!(
                "{} / {}",
                joint_ph.selected.count, joint_ph.selected.coded
            )),
            "{row}"
        );
        let heads = ph.select("#stats-table thead th");
        assert!(
            heads[3..].iter().all(|h| h.contains("Philippines")),
            "{heads:?}"
        );
        assert!(
            heads[3].contains("Canada"),
            "the largest Philippine corridor first: {heads:?}"
        );
        let by_country = b.get("/catalogue/stats?group=region").await;
        assert_eq!(by_country.status, StatusCode::OK);
        assert!(by_country.select("#stats-table thead th")[3].starts_with("France (76 coded)"));

        // Bad parameters: a message, the unfiltered figures, never a server error.
        for query in ["group=planet", "country=Atlantis"] {
            let bad = b.get(&format!("/catalogue/stats?{query}")).await;
            assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{query}");
            assert_eq!(bad.select("[role=alert]").len(), 1, "{query}");
            assert_eq!(bad.select("#stats-table tbody tr").len(), 34);
        }
    })
    .await;
}

#[tokio::test]
async fn only_admins_manage_users() {
    on_every_backend(SUITE, |app: TestApp| async move {
        let mut anonymous = app.browser();
        assert_eq!(anonymous.get("/users").await.status, StatusCode::SEE_OTHER);
        for role in ["viewer", "analyst"] {
            let mut b = app.logged_in(role).await;
            assert_eq!(
                b.get("/users").await.status,
                StatusCode::FORBIDDEN,
                "{role}"
            );
            let created = b
                .post_form(
                    "/users",
                    &[
                        ("email", "x@example.org"),
                        ("role", "admin"),
                        ("password", support::PASSWORD),
                    ],
                )
                .await;
            assert_eq!(created.status, StatusCode::FORBIDDEN, "{role}");
            assert_eq!(
                b.post_form("/users/1/role", &[("role", "admin")])
                    .await
                    .status,
                StatusCode::FORBIDDEN
            );
            assert_eq!(
                b.post_form("/users/1/disabled", &[("disabled", "1")])
                    .await
                    .status,
                StatusCode::FORBIDDEN
            );
        }
        assert!(
            app.app
                .state()
                .store()
                .user_by_email("x@example.org")
                .await
                .unwrap()
                .is_none()
        );
    })
    .await;
}

#[tokio::test]
async fn an_admin_creates_users_changes_roles_and_keeps_the_last_admin() {
    on_every_backend(SUITE, |app: TestApp| async move {
        let mut admin = app.logged_in("admin").await;
        let list = admin.get("/users").await;
        assert_eq!(list.status, StatusCode::OK);
        assert_eq!(list.select("#users-table tbody tr").len(), 3);

        // Without the token: refused, nothing created.
        let token = admin.csrf.take();
        let forged = admin
            .post_form(
                "/users",
                &[
                    ("email", "ana@example.org"),
                    ("role", "analyst"),
                    ("password", "another long passphrase"),
                ],
            )
            .await;
        assert_eq!(forged.status, StatusCode::FORBIDDEN);
        for path in ["/users/1/role", "/users/1/disabled"] {
            assert_eq!(
                admin
                    .post_form(path, &[("role", "viewer"), ("disabled", "1")])
                    .await
                    .status,
                StatusCode::FORBIDDEN
            );
        }
        admin.csrf = token;

        // Refusals keep what was typed and say why.
        let short = admin
            .post_form(
                "/users",
                &[
                    ("email", "ana@example.org"),
                    ("name", "Ana"),
                    ("role", "analyst"),
                    ("password", "short"),
                ],
            )
            .await;
        assert_eq!(short.status, StatusCode::BAD_REQUEST);
        assert!(short.select("#users-error")[0].contains("12"));
        assert_eq!(
            short.attr("#nu-email", "value"),
            vec!["ana@example.org".to_owned()]
        );
        let taken = admin
            .post_form(
                "/users",
                &[
                    ("email", "VIEWER@example.org"),
                    ("role", "viewer"),
                    ("password", "another long passphrase"),
                ],
            )
            .await;
        assert_eq!(taken.status, StatusCode::BAD_REQUEST);
        let bad_role = admin
            .post_form(
                "/users",
                &[
                    ("email", "ana@example.org"),
                    ("role", "root"),
                    ("password", "another long passphrase"),
                ],
            )
            .await;
        assert_eq!(bad_role.status, StatusCode::BAD_REQUEST);

        // Create an analyst, who can then log in and upload.
        let created = admin
            .post_form(
                "/users",
                &[
                    ("email", "ana@example.org"),
                    ("name", "Ana <b>"),
                    ("role", "analyst"),
                    ("password", "another long passphrase"),
                ],
            )
            .await;
        assert_eq!(created.status, StatusCode::SEE_OTHER);
        let list = admin.get(&created.location().unwrap()).await;
        assert_eq!(list.select("[role=status]").len(), 1);
        assert!(!list.text().contains("Ana <b>"), "names are escaped");
        assert!(
            list.select("#users-table td")
                .contains(&"Ana <b>".to_owned())
        );
        let mut ana = app.browser();
        assert_eq!(
            ana.login("ana@example.org", "another long passphrase")
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        assert_eq!(ana.get("/upload").await.status, StatusCode::OK);

        // Demote her to viewer: her next request has the new role.
        let store = app.app.state().store();
        let id = store
            .user_by_email("ana@example.org")
            .await
            .unwrap()
            .unwrap()
            .id
            .0;
        let demoted = admin
            .post_form(&format!("/users/{id}/role"), &[("role", "viewer")])
            .await;
        assert_eq!(demoted.status, StatusCode::SEE_OTHER);
        assert_eq!(ana.get("/upload").await.status, StatusCode::FORBIDDEN);
        let list = admin.get("/users").await;
        assert_eq!(
            list.attr(&format!("#users-table tr[data-id='{id}']"), "data-role"),
            vec!["viewer".to_owned()]
        );

        // Disable her: her session stops; enable again: she can log in.
        let disabled = admin
            .post_form(&format!("/users/{id}/disabled"), &[("disabled", "1")])
            .await;
        assert_eq!(disabled.status, StatusCode::SEE_OTHER);
        assert_eq!(ana.get("/agreements").await.status, StatusCode::SEE_OTHER);
        assert_eq!(
            ana.login("ana@example.org", "another long passphrase")
                .await
                .status,
            StatusCode::UNAUTHORIZED
        );
        admin
            .post_form(&format!("/users/{id}/disabled"), &[("disabled", "0")])
            .await;
        assert_eq!(
            ana.login("ana@example.org", "another long passphrase")
                .await
                .status,
            StatusCode::SEE_OTHER
        );

        // The last admin can be neither demoted nor disabled, even by themself.
        let me = store
            .user_by_email("admin@example.org")
            .await
            .unwrap()
            .unwrap()
            .id
            .0;
        let demote = admin
            .post_form(&format!("/users/{me}/role"), &[("role", "analyst")])
            .await;
        assert_eq!(demote.status, StatusCode::BAD_REQUEST);
        assert!(demote.select("#users-error")[0].contains("last"));
        let disable = admin
            .post_form(&format!("/users/{me}/disabled"), &[("disabled", "1")])
            .await;
        assert_eq!(disable.status, StatusCode::BAD_REQUEST);
        assert_eq!(store.count_admins().await.unwrap(), 1);
        // With a second admin, the first may step down.
        admin
            .post_form(&format!("/users/{id}/role"), &[("role", "admin")])
            .await;
        let step_down = admin
            .post_form(&format!("/users/{me}/role"), &[("role", "analyst")])
            .await;
        assert_eq!(step_down.status, StatusCode::SEE_OTHER);
        assert_eq!(admin.get("/users").await.status, StatusCode::FORBIDDEN);

        // Bad ids and values: not found or a message, never a server error.
        let mut ana_admin = app.browser();
        ana_admin
            .login("ana@example.org", "another long passphrase")
            .await;
        assert_eq!(
            ana_admin
                .post_form("/users/abc/role", &[("role", "viewer")])
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            ana_admin
                .post_form("/users/99999/role", &[("role", "viewer")])
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            ana_admin
                .post_form(&format!("/users/{me}/role"), &[("role", "root")])
                .await
                .status,
            StatusCode::BAD_REQUEST
        );
        assert_eq!(
            ana_admin
                .post_form(&format!("/users/{me}/disabled"), &[("disabled", "maybe")])
                .await
                .status,
            StatusCode::BAD_REQUEST
        );
    })
    .await;
}
