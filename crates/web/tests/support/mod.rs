//! An application on a throwaway database, driven in-process (no socket) with a small cookie
//! jar, for HTTP-level tests. Every test runs on SQLite, and on PostgreSQL when
//! `BLMA_TEST_PG_URL` is set.

#![allow(dead_code)]

use std::collections::HashMap;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use blma_storage::Role;
use blma_storage::testing::{TestDatabase, targets};
use blma_web::{App, Config};
use http_body_util::BodyExt;
use tower::ServiceExt;

pub const PASSWORD: &str = "a long enough passphrase";

/// Runs `test` once per available database, each time on a fresh one.
pub async fn on_every_backend<F, Fut>(suite: &str, test: F)
where
    F: Fn(TestApp) -> Fut,
    Fut: Future<Output = ()>,
{
    for target in targets(suite) {
        let db = TestDatabase::create(target).await;
        let app = TestApp::start(&db.url, |_| {}).await;
        test(app.clone()).await;
        app.app.state().store().close().await;
        db.remove().await;
    }
}

#[derive(Clone)]
pub struct TestApp {
    pub app: App,
    pub router: Router,
}

impl TestApp {
    /// Starts the application on the database at `url`, with the three test users.
    pub async fn start(url: &str, configure: impl FnOnce(&mut Config)) -> TestApp {
        let mut config = Config {
            database_url: url.to_owned(),
            ..Config::default()
        };
        configure(&mut config);
        let app = App::start(config).await.expect("app starts");
        for (email, role) in [
            ("admin@example.org", Role::Admin),
            ("analyst@example.org", Role::Analyst),
            ("viewer@example.org", Role::Viewer),
        ] {
            blma_web::auth::create_user(app.state().store(), email, "", role, PASSWORD)
                .await
                .unwrap();
        }
        let router = app.router();
        TestApp { app, router }
    }

    /// A browser with no cookies.
    pub fn browser(&self) -> Browser {
        Browser {
            router: self.router.clone(),
            cookies: HashMap::new(),
            csrf: None,
        }
    }

    /// A browser logged in as `role`'s test user.
    pub async fn logged_in(&self, role: &str) -> Browser {
        let mut b = self.browser();
        b.login(&format!("{role}@example.org"), PASSWORD).await;
        assert!(b.csrf.is_some(), "logged in as {role}");
        b
    }
}

/// A response, read whole.
#[derive(Debug)]
pub struct Page {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: Vec<u8>,
}

impl Page {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn html(&self) -> scraper::Html {
        scraper::Html::parse_document(&self.text())
    }

    pub fn location(&self) -> Option<String> {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    }

    /// Texts of the elements `selector` matches.
    pub fn select(&self, selector: &str) -> Vec<String> {
        let html = self.html();
        let s = scraper::Selector::parse(selector).unwrap();
        html.select(&s)
            .map(|e| e.text().collect::<String>().trim().to_owned())
            .collect()
    }

    pub fn attr(&self, selector: &str, attr: &str) -> Vec<String> {
        let html = self.html();
        let s = scraper::Selector::parse(selector).unwrap();
        html.select(&s)
            .filter_map(|e| e.value().attr(attr).map(str::to_owned))
            .collect()
    }
}

pub struct Browser {
    router: Router,
    cookies: HashMap<String, String>,
    /// The CSRF token of the last page that had a form.
    pub csrf: Option<String>,
}

impl Browser {
    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    pub async fn send(&mut self, request: Request<Body>) -> Page {
        let mut request = request;
        if !self.cookies.is_empty() {
            request
                .headers_mut()
                .insert(header::COOKIE, self.cookie_header().parse().unwrap());
        }
        request
            .headers_mut()
            .insert(header::HOST, "localhost".parse().unwrap());
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        for c in headers.get_all(header::SET_COOKIE) {
            let c = c.to_str().unwrap();
            let (pair, attrs) = c.split_once(';').unwrap_or((c, ""));
            let (k, v) = pair.split_once('=').unwrap();
            if attrs.contains("Max-Age=0") {
                self.cookies.remove(k);
            } else {
                self.cookies.insert(k.to_owned(), v.to_owned());
            }
        }
        let body = response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec();
        let page = Page {
            status,
            headers,
            body,
        };
        if let Some(token) = page.attr("input[name=csrf]", "value").into_iter().next()
            && !token.is_empty()
        {
            self.csrf = Some(token);
        }
        page
    }

    pub async fn get(&mut self, path: &str) -> Page {
        self.send(Request::get(path).body(Body::empty()).unwrap())
            .await
    }

    /// Posts a urlencoded form; `csrf` is added when the browser has a token and the form has none.
    pub async fn post_form(&mut self, path: &str, fields: &[(&str, &str)]) -> Page {
        let mut pairs: Vec<(String, String)> = fields
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        if let Some(token) = &self.csrf
            && !fields.iter().any(|(k, _)| *k == "csrf")
        {
            pairs.push(("csrf".into(), token.clone()));
        }
        self.post_raw_form(path, &pairs).await
    }

    /// Posts exactly these fields.
    pub async fn post_raw_form(&mut self, path: &str, fields: &[(String, String)]) -> Page {
        let body = fields
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        let request = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        self.send(request).await
    }

    /// Posts a multipart form with one file (and the CSRF token unless `with_csrf` is false).
    pub async fn upload(&mut self, file_name: &str, bytes: &[u8], with_csrf: bool) -> Page {
        let boundary = "----blmatestboundary7MA4YWxkTrZu0gW";
        let mut body = Vec::new();
        if with_csrf {
            let token = self.csrf.clone().unwrap_or_default();
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{token}\r\n"
                )
                .as_bytes(),
            );
        }
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let request = Request::post("/upload")
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(Body::from(body))
            .unwrap();
        self.send(request).await
    }

    /// Uploads a development agreement and returns its id.
    pub async fn upload_dev(&mut self, name: &str) -> String {
        let page = self.upload(name, &dev_text(name), true).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.text());
        agreement_id(&page)
    }

    pub async fn login(&mut self, email: &str, password: &str) -> Page {
        let form = self.get("/login").await;
        assert_eq!(form.status, StatusCode::OK);
        let page = self
            .post_form(
                "/login",
                &[("email", email), ("password", password), ("next", "/")],
            )
            .await;
        if page.status == StatusCode::SEE_OTHER {
            // The session's own token replaces the login form's.
            self.csrf = None;
            self.get("/").await;
        }
        page
    }
}

pub fn encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A development agreement's text (English, French or Spanish), from the vendored eval set.
pub fn dev_text(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/eval-dev")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The agreement id in the address a successful upload redirects to (`/agreements/7?uploaded=1`).
pub fn agreement_id(page: &Page) -> String {
    let location = page.location().expect("a redirect to the report");
    location
        .trim_start_matches("/agreements/")
        .split('?')
        .next()
        .unwrap_or_default()
        .to_owned()
}
