//! The agreement library over HTTP: uploads and the catalogue under one set of filters, paging,
//! filters that do not apply to one list, and malformed parameters.

mod support;

use axum::http::StatusCode;
use support::{Browser, TestApp, on_every_backend};

const SUITE: &str = "web http_library";

/// Uploads a development agreement and returns its id.
pub async fn upload(b: &mut Browser, name: &str) -> String {
    b.upload_dev(name).await
}

#[tokio::test]
async fn anonymous_users_are_sent_to_the_login_page() {
    on_every_backend(SUITE, |app: TestApp| async move {
        let mut b = app.browser();
        for path in ["/agreements", "/agreements?country=PHL&offset=50"] {
            let page = b.get(path).await;
            assert_eq!(page.status, StatusCode::SEE_OTHER, "{path}");
            assert!(
                page.location().unwrap().starts_with("/login?next="),
                "{path}"
            );
        }
    })
    .await;
}

#[tokio::test]
async fn the_library_lists_uploads_and_the_catalogue_with_filters() {
    on_every_backend(SUITE, |app: TestApp| async move {
        let mut analyst = app.logged_in("analyst").await;
        let fr = upload(&mut analyst, "fr-nl-labour-treaty-1948.txt").await;
        let ph = upload(&mut analyst, "ph-kr-eps-2004.txt").await;
        let es = upload(&mut analyst, "ar-cl-labour-convention-1971.txt").await;

        let mut b = app.logged_in("viewer").await;
        let all = b.get("/agreements").await;
        assert_eq!(all.status, StatusCode::OK);
        let ids = all.attr("#uploads tbody tr", "data-id");
        assert_eq!(ids.len(), 3, "{ids:?}");
        for id in [&fr, &ph, &es] {
            assert!(ids.contains(id), "{id} listed");
            assert_eq!(
                all.attr(&format!("#uploads tr[data-id='{id}'] a"), "href"),
                vec![format!("/agreements/{id}")]
            );
        }
        // The whole catalogue, 50 to a page, with a next page.
        assert!(
            all.select("#catalogue-h")[0].contains("(1222)"),
            "{:?}",
            all.select("#catalogue-h")
        );
        assert_eq!(all.select("#catalogue tbody tr").len(), 50);
        let next = all.attr("#catalogue a[rel=next]", "href");
        assert_eq!(next, vec!["/agreements?offset=50".to_owned()]);
        let second = b.get(&next[0]).await;
        let hundred = b.get("/agreements?limit=100").await;
        assert_eq!(
            second.attr("#catalogue tbody tr", "data-treaty"),
            hundred.attr("#catalogue tbody tr", "data-treaty")[50..].to_vec()
        );
        assert_eq!(
            second.select("#catalogue caption"),
            vec!["51–100 of 1222".to_owned()]
        );

        // Language: the uploads' own; the catalogue's copies.
        let french = b.get("/agreements?language=fr").await;
        assert_eq!(
            french.attr("#uploads tbody tr", "data-id"),
            vec![fr.clone()]
        );
        assert_eq!(
            french.select("#uploads tbody td.language"),
            vec!["fr".to_owned()]
        );
        assert_eq!(
            french.attr("select[name=language] option[selected]", "value"),
            vec!["fr".to_owned()]
        );

        // Country: the catalogue has 79 agreements with the Philippines, by name or ISO3; the
        // upload whose parties name the Philippines is found by either too.
        for query in ["Philippines", "PHL", "phl"] {
            let page = b
                .get(&format!("/agreements?country={query}&limit=100"))
                .await;
            assert_eq!(page.status, StatusCode::OK);
            assert!(
                page.select("#catalogue-h")[0].contains("(79)"),
                "{query}: {:?}",
                page.select("#catalogue-h")
            );
            assert_eq!(page.select("#catalogue tbody tr").len(), 79);
            assert!(
                page.select("#catalogue td.parties")
                    .iter()
                    .all(|p| p.contains("Philippines"))
            );
            assert_eq!(
                page.attr("#uploads tbody tr", "data-id"),
                vec![ph.clone()],
                "{query}"
            );
            assert_eq!(
                page.attr("input[name=country]", "value"),
                vec![query.to_owned()]
            );
        }
        // Corridor and coded only narrow the catalogue and say they leave the uploads alone.
        let corridor = b.get("/agreements?corridor=PHL,SAU").await;
        let rows = corridor.select("#catalogue td.parties");
        assert!(!rows.is_empty());
        assert!(
            rows.iter()
                .all(|p| p.contains("Philippines") && p.contains("Saudi Arabia")),
            "{rows:?}"
        );
        assert_eq!(corridor.select("#uploads [role=status]").len(), 1);
        assert_eq!(corridor.attr("#uploads tbody tr", "data-id").len(), 3);
        let coded = b.get("/agreements?coded=1").await;
        assert!(coded.select("#catalogue-h")[0].contains("(570)"));
        // Kind and review status narrow the uploads and say they leave the catalogue alone.
        let mou = b.get("/agreements?kind=mou&review=unreviewed").await;
        assert_eq!(mou.attr("#uploads tbody tr", "data-id"), vec![ph.clone()]);
        assert_eq!(mou.select("#catalogue [role=status]").len(), 1);
        assert!(mou.select("#catalogue-h")[0].contains("(1222)"));
        let fully = b.get("/agreements?review=fully").await;
        assert!(fully.select("#uploads tbody tr").is_empty());
        assert_eq!(fully.select("#uploads p.empty").len(), 1, "empty state");
        // Years apply to both lists.
        let years = b.get("/agreements?year_from=1940&year_to=1950").await;
        assert_eq!(years.attr("#uploads tbody tr", "data-id"), vec![fr.clone()]);
        assert!(years.attr("#catalogue tbody tr", "data-treaty").len() <= 50);
        // No source records a sector: said for both lists.
        let sector = b.get("/agreements?sector=agriculture").await;
        assert_eq!(sector.status, StatusCode::OK);
        assert_eq!(sector.select("[role=status]").len(), 2);
        // An unknown country is named, with suggestions.
        let typo = b.get("/agreements?country=Philipines").await;
        assert!(
            typo.select("#catalogue [role=status]")[0].contains("Philippines"),
            "{:?}",
            typo.select("#catalogue [role=status]")
        );
        assert!(typo.select("#catalogue tbody tr").is_empty());
    })
    .await;
}

#[tokio::test]
async fn malformed_library_parameters_are_ignored_with_a_message() {
    on_every_backend(SUITE, |app: TestApp| async move {
        let mut b = app.logged_in("viewer").await;
        for (query, says) in [
            ("offset=-1", "offset"),
            ("year_from=x", "year_from"),
            ("limit=lots", "limit"),
            ("kind=treaty", "kind"),
            ("language=xx", "language"),
            ("review=done", "review"),
            ("corridor=PHL", "corridor"),
            ("uploads_offset=%FF", "uploads_offset"),
        ] {
            let page = b.get(&format!("/agreements?{query}")).await;
            assert_eq!(page.status, StatusCode::BAD_REQUEST, "{query}");
            let alerts = page.select("[role=alert]").join(" ");
            assert!(alerts.contains(says), "{query}: {alerts}");
            // The lists are still there, unfiltered by the bad value.
            assert!(page.select("#catalogue-h")[0].contains("(1222)"), "{query}");
        }
        let reversed = b.get("/agreements?year_from=2000&year_to=1990").await;
        assert_eq!(reversed.status, StatusCode::OK);
        assert!(reversed.select("#catalogue [role=status]")[0].contains("2000"));
        let huge = b.get("/agreements?offset=99999999999").await;
        assert_eq!(huge.status, StatusCode::OK);
        assert!(huge.select("#catalogue tbody tr").is_empty());
    })
    .await;
}
