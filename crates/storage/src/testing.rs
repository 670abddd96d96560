//! Throwaway databases for tests of this crate and of the crates above it (feature `testing`):
//! an SQLite file in a temporary directory always, and a fresh PostgreSQL database when
//! `BLMA_TEST_PG_URL` names a server (`scripts/with-postgres.sh` starts one and sets it).

use std::io::Write;
use std::sync::Once;
use std::sync::atomic::{AtomicUsize, Ordering};

use sqlx::Executor;

/// The variable that names a PostgreSQL server for tests.
pub const PG_URL_VAR: &str = "BLMA_TEST_PG_URL";

/// Which database a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Sqlite,
    Postgres,
}

/// The targets this run can use: SQLite, and PostgreSQL when [`PG_URL_VAR`] is set. Says once, on
/// stderr (not captured by the harness), whether PostgreSQL was skipped.
pub fn targets(suite: &str) -> Vec<Target> {
    static ONCE: Once = Once::new();
    let pg = std::env::var(PG_URL_VAR).ok();
    ONCE.call_once(|| {
        let message = match &pg {
            Some(url) => format!(
                "{suite}: backends sqlite and postgres ({})\n",
                crate::redact_url(url)
            ),
            None => format!(
                "{suite}: backends sqlite only; PostgreSQL SKIPPED ({PG_URL_VAR} is not set; \
                 scripts/with-postgres.sh sets it)\n"
            ),
        };
        let _ = std::io::stderr().write_all(message.as_bytes());
    });
    let mut targets = vec![Target::Sqlite];
    if pg.is_some() {
        targets.push(Target::Postgres);
    }
    targets
}

/// A fresh, empty database; removed when dropped (PostgreSQL) or with its directory (SQLite).
pub struct TestDatabase {
    pub url: String,
    pub target: Target,
    _dir: Option<tempfile::TempDir>,
    drop_pg: Option<(String, String)>,
}

impl TestDatabase {
    /// Creates a database on `target`.
    ///
    /// # Panics
    /// When the database cannot be created: a test harness, not a product path.
    pub async fn create(target: Target) -> TestDatabase {
        match target {
            Target::Sqlite => {
                let dir = tempfile::tempdir().expect("temporary directory");
                let url = format!("sqlite://{}?mode=rwc", dir.path().join("blma.db").display());
                TestDatabase {
                    url,
                    target,
                    _dir: Some(dir),
                    drop_pg: None,
                }
            }
            Target::Postgres => {
                let server = std::env::var(PG_URL_VAR).expect("BLMA_TEST_PG_URL is set");
                let name = unique_name();
                sqlx::any::install_default_drivers();
                let admin = sqlx::AnyPool::connect(&server)
                    .await
                    .expect("PostgreSQL server");
                admin
                    .execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .await
                    .expect("CREATE DATABASE");
                admin.close().await;
                TestDatabase {
                    url: with_database(&server, &name),
                    target,
                    _dir: None,
                    drop_pg: Some((server, name)),
                }
            }
        }
    }

    /// Removes a PostgreSQL database now (call after closing every pool on it).
    pub async fn remove(mut self) {
        if let Some((server, name)) = self.drop_pg.take() {
            drop_database(&server, &name).await;
        }
    }
}

async fn drop_database(server: &str, name: &str) {
    if let Ok(admin) = sqlx::AnyPool::connect(server).await {
        let _ = admin
            .execute(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
            )))
            .await;
        admin.close().await;
    }
}

/// A database name no other test, run or process uses.
pub fn unique_name() -> String {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    format!(
        "blma_test_{}_{}_{nanos}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

/// `url` with its database name replaced by `database`.
pub fn with_database(url: &str, database: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, format!("?{query}")),
        None => (url, String::new()),
    };
    let authority_start = base.find("://").map_or(0, |i| i + 3);
    let base = match base[authority_start..].find('/') {
        Some(slash) => &base[..authority_start + slash],
        None => base,
    };
    format!("{base}/{database}{query}")
}
