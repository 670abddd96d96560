//! The blma web platform: an axum application over the pure core (knowledge, documents,
//! assessment, report) and the adapters (storage, search).
//!
//! Pages are rendered on the server (askama templates in `templates/`, strings in `i18n/`), work
//! without JavaScript, and every piece of agreement text is escaped by the templates. State-changing
//! requests need a session-bound CSRF token ([`csrf`]); roles (admin, analyst, viewer) are checked by
//! each handler through [`auth::CurrentUser`].
//!
//! ```no_run
//! # async fn demo() -> Result<(), blma_web::WebError> {
//! let config = blma_web::Config::sqlite_in("blma-data");
//! let app = blma_web::App::start(config).await?;
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await.unwrap();
//! axum::serve(listener, app.router()).await.unwrap();
//! # Ok(()) }
//! ```

pub mod auth;
mod csrf;
mod error;
mod highlight;
mod i18n;
mod pages;
mod security;
mod state;

use std::path::Path;

use axum::Router;

pub use error::WebError;
pub use i18n::Translations;
pub use state::AppState;

/// How the server runs. `Default` serves an SQLite file `blma-data/blma.db` (not `data/`, which
/// holds the guidance's source files).
#[derive(Debug, Clone)]
pub struct Config {
    /// `sqlite://PATH?mode=rwc` or `postgres://…`.
    pub database_url: String,
    /// Largest upload accepted, in bytes.
    pub max_upload_bytes: usize,
    /// Marks cookies `Secure` (`__Host-` prefix): set when the server is reached over HTTPS.
    pub secure_cookies: bool,
    /// How long a login lasts.
    pub session_hours: i64,
}

/// The upload limit when none is configured: large enough for a scanned-then-OCRed treaty.
pub const DEFAULT_MAX_UPLOAD_BYTES: usize = 25 * 1024 * 1024;

impl Config {
    /// An SQLite database `blma.db` in `data_dir` (created if missing).
    pub fn sqlite_in(data_dir: impl AsRef<Path>) -> Config {
        let path = data_dir.as_ref().join("blma.db");
        Config {
            database_url: format!("sqlite://{}?mode=rwc", path.display()),
            ..Config::default()
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            database_url: "sqlite://blma-data/blma.db?mode=rwc".into(),
            max_upload_bytes: DEFAULT_MAX_UPLOAD_BYTES,
            secure_cookies: false,
            session_hours: 12,
        }
    }
}

/// A started application: the database is migrated and the search index built.
#[derive(Clone)]
pub struct App {
    state: AppState,
}

impl App {
    /// Connects to the database, brings its schema up to date, loads the guidance and the
    /// catalogue, and indexes everything for search.
    pub async fn start(config: Config) -> Result<App, WebError> {
        let store = open_store(&config.database_url).await?;
        let state = AppState::new(store, config).await?;
        Ok(App { state })
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// The HTTP application, with its security layers.
    pub fn router(&self) -> Router {
        let max_upload = self.state.config().max_upload_bytes;
        pages::routes(self.state.clone())
            .layer(axum::middleware::from_fn_with_state(
                self.state.clone(),
                csrf::protect,
            ))
            .layer(axum::extract::DefaultBodyLimit::max(max_upload + 64 * 1024))
            .layer(axum::middleware::map_response(security::add_headers))
            .layer(tower_http::catch_panic::CatchPanicLayer::custom(
                error::panic_response,
            ))
    }
}

/// Opens the database at `url` with its schema up to date, creating an SQLite file's directory
/// first: what the server and the account commands both need.
pub async fn open_store(url: &str) -> Result<blma_storage::Store, WebError> {
    if let Some(dir) = sqlite_dir(url) {
        std::fs::create_dir_all(dir).map_err(|e| WebError::DataDir {
            path: dir.display().to_string(),
            source: e,
        })?;
    }
    let store = blma_storage::Store::connect(url).await?;
    store.migrate().await?;
    Ok(store)
}

/// The directory of an SQLite database file, to create before connecting.
fn sqlite_dir(url: &str) -> Option<&Path> {
    let rest = url.strip_prefix("sqlite://")?;
    let path = rest.split('?').next()?;
    let dir = Path::new(path).parent()?;
    (!dir.as_os_str().is_empty()).then_some(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_dir_is_the_parent_of_the_database_file() {
        assert_eq!(
            sqlite_dir("sqlite://data/blma.db?mode=rwc"),
            Some(Path::new("data"))
        );
        assert_eq!(sqlite_dir("sqlite://blma.db?mode=rwc"), None);
        assert_eq!(sqlite_dir("postgres://u@h/db"), None);
    }
}
