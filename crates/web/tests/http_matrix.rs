//! The coverage matrix and the comparison over HTTP: the heatmap and its table, the CSV (parsed
//! back and checked against each report), a reviewer's override changing a cell, and two
//! agreements side by side.

mod support;

use axum::http::StatusCode;
use support::{Browser, TestApp, on_every_backend};

const SUITE: &str = "web http_matrix";

async fn upload(b: &mut Browser, name: &str) -> String {
    b.upload_dev(name).await
}

/// The verdict per item a report shows, as reviewed, from its articles' sections.
async fn report_verdicts(b: &mut Browser, id: &str) -> Vec<(String, String)> {
    let report = b.get(&format!("/agreements/{id}")).await;
    let mut verdicts = Vec::new();
    for (section, verdict) in [
        ("red-flags", "contradicts"),
        ("provided", "provides"),
        ("gaps", "silent"),
    ] {
        for item in report.attr(&format!("#{section} article.finding"), "id") {
            verdicts.push((
                item.trim_start_matches("item-").to_owned(),
                verdict.to_owned(),
            ));
        }
    }
    verdicts.sort();
    verdicts
}

fn parse_csv(body: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(body);
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

#[tokio::test]
async fn anonymous_users_are_sent_to_the_login_page() {
    on_every_backend(SUITE, |app: TestApp| async move {
        let mut b = app.browser();
        for path in ["/matrix", "/matrix.csv", "/compare", "/compare?a=1&b=2"] {
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
async fn the_matrix_shows_every_upload_on_every_item_as_reviewed() {
    on_every_backend(SUITE, |app: TestApp| async move {
        let mut analyst = app.logged_in("analyst").await;
        let empty = analyst.get("/matrix").await;
        assert_eq!(empty.status, StatusCode::OK);
        assert_eq!(empty.select("p.empty").len(), 1);

        let fr = upload(&mut analyst, "fr-nl-labour-treaty-1948.txt").await;
        let tr = upload(&mut analyst, "tr-se-employment-turkish-workers.txt").await;
        let mut viewer = app.logged_in("viewer").await;
        let page = viewer.get("/matrix").await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(page.select("figure.matrix svg").len(), 1, "heatmap drawn");
        assert_eq!(
            page.select("#matrix-table thead th[scope=col]").len(),
            1 + 38
        );
        assert_eq!(
            page.attr("#matrix-table tbody tr", "data-id"),
            vec![tr.clone(), fr.clone()]
        );
        for id in [&fr, &tr] {
            assert_eq!(
                page.select(&format!("#matrix-table tr[data-id='{id}'] td"))
                    .len(),
                38
            );
            let href = format!("/agreements/{id}");
            assert!(
                page.attr("#matrix-table tbody th a", "href")
                    .contains(&href)
            );
            assert!(
                page.attr("figure.matrix svg a", "href").contains(&href),
                "heatmap rows link to reports"
            );
        }
        assert!(
            page.attr("#matrix-table [data-reviewed]", "data-reviewed")
                .is_empty()
        );

        // The CSV says what each report says.
        let csv = viewer.get("/matrix.csv").await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(
            csv.headers["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/csv")
        );
        assert_eq!(
            csv.headers["content-disposition"],
            "attachment; filename=\"blma-coverage-matrix.csv\""
        );
        let (header, rows) = parse_csv(&csv.body);
        assert_eq!(header.len(), 2 + 38);
        assert_eq!(&header[..2], ["agreement_id", "title"]);
        assert_eq!(rows.len(), 2);
        for row in &rows {
            let mut from_csv: Vec<(String, String)> = header[2..]
                .iter()
                .cloned()
                .zip(row[2..].iter().cloned())
                .collect();
            from_csv.sort();
            assert_eq!(
                from_csv,
                report_verdicts(&mut viewer, &row[0]).await,
                "agreement {}",
                row[0]
            );
        }

        // A reviewer's override changes the cell, marked as reviewed, in the page and the CSV.
        let report = analyst.get(&format!("/agreements/{fr}")).await;
        let assessment = report.attr("form.review input[name=assessment]", "value")[0].clone();
        let item = report.attr("#provided article.finding", "id")[0]
            .trim_start_matches("item-")
            .to_owned();
        let decided = analyst
            .post_form(
                &format!("/agreements/{fr}/decisions"),
                &[
                    ("assessment", &assessment),
                    ("item", &item),
                    ("verdict", "contradicts"),
                ],
            )
            .await;
        assert_eq!(decided.status, StatusCode::SEE_OTHER);
        let column = header.iter().position(|h| *h == item).unwrap();
        let (_, rows) = parse_csv(&viewer.get("/matrix.csv").await.body);
        let row = rows.iter().find(|r| r[0] == fr).unwrap();
        assert_eq!(row[column], "contradicts (reviewed)");
        let other = rows.iter().find(|r| r[0] == tr).unwrap();
        assert!(other[2..].iter().all(|v| !v.contains("reviewed")));
        let page = viewer.get("/matrix").await;
        let cells = page.attr(
            &format!("#matrix-table tr[data-id='{fr}'] td"),
            "data-verdict",
        );
        assert_eq!(cells[column - 2], "contradicts");
        assert_eq!(
            page.attr("#matrix-table td[data-reviewed]", "data-verdict"),
            vec!["contradicts".to_owned()]
        );
    })
    .await;
}

#[tokio::test]
async fn csv_cells_that_look_like_formulas_are_defused() {
    on_every_backend(SUITE, |app: TestApp| async move {
        let mut b = app.logged_in("analyst").await;
        let text = "=HYPERLINK(\"http://evil.example\",\"x\")\n\nArticle 1\nThe employer shall bear the cost of travel of the migrant workers.\n";
        let page = b.upload("formula.txt", text.as_bytes(), true).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.text());
        let (_, rows) = parse_csv(&b.get("/matrix.csv").await.body);
        assert_eq!(rows.len(), 1);
        let title = &rows[0][1];
        assert_eq!(title, "'=HYPERLINK(\"http://evil.example\",\"x\")");
    })
    .await;
}

#[tokio::test]
async fn two_agreements_side_by_side() {
    on_every_backend(SUITE, |app: TestApp| async move {
        let mut analyst = app.logged_in("analyst").await;
        let fr = upload(&mut analyst, "fr-nl-labour-treaty-1948.txt").await;
        let ph = upload(&mut analyst, "ph-kr-eps-2004.txt").await;
        let mut b = app.logged_in("viewer").await;

        // Without both, pickers.
        let pick = b.get(&format!("/compare?a={fr}")).await;
        assert_eq!(pick.status, StatusCode::OK);
        assert_eq!(
            pick.attr("select[name=a] option[selected]", "value"),
            vec![fr.clone()]
        );
        assert_eq!(pick.select("select[name=b] option").len(), 3);
        assert!(pick.select("#compare-table").is_empty());

        let page = b.get(&format!("/compare?a={fr}&b={ph}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(page.select("#compare-table tr.item").len(), 38);
        assert_eq!(
            page.attr("#side-a a", "href"),
            vec![format!("/agreements/{fr}")]
        );
        assert_eq!(
            page.attr("#side-b a", "href"),
            vec![format!("/agreements/{ph}")]
        );
        let a = report_verdicts(&mut b, &fr).await;
        let bv = report_verdicts(&mut b, &ph).await;
        let mut differing = Vec::new();
        for ((item, va), (_, vb)) in a.iter().zip(&bv) {
            let cells = page.attr(&format!("#item-{item} td.verdict-cell"), "data-verdict");
            assert_eq!(cells, vec![va.clone(), vb.clone()], "{item}");
            let mark = page.select(&format!("#item-{item} td.difference")).join("");
            if va != vb {
                differing.push(item.clone());
                assert!(mark.contains("differs"), "{item}: {mark}");
            } else {
                assert!(!mark.contains("differs"), "{item}: {mark}");
            }
        }
        assert!(
            !differing.is_empty(),
            "a 1948 treaty and a 2004 MoU differ somewhere"
        );
        assert_eq!(
            page.select("#compare-table tr.differs").len(),
            differing.len()
        );
        assert!(page.select("#compare-summary")[0].contains(&format!("{} of 38", differing.len())));
        // Quotes link to the highlighted text of their own agreement.
        let hrefs = page.attr("#compare-table blockquote a", "href");
        assert!(
            hrefs
                .iter()
                .any(|h| h.starts_with(&format!("/agreements/{fr}/text#ev-")))
        );
        assert!(
            hrefs
                .iter()
                .any(|h| h.starts_with(&format!("/agreements/{ph}/text#ev-")))
        );

        // Bad ids: a message, never a server error.
        let bad = b.get("/compare?a=abc&b=-1x").await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
        assert!(bad.select("[role=alert]").join(" ").contains("abc"));
        let missing = b.get(&format!("/compare?a={fr}&b=999999")).await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND);
        assert!(missing.select("[role=alert]").join(" ").contains("999999"));
        assert_eq!(missing.select("select[name=a]").len(), 1);
    })
    .await;
}
