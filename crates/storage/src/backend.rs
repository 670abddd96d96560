//! Everything that differs between SQLite and PostgreSQL. This is the only module that branches
//! on the backend: repositories write portable SQL (`$1` placeholders, `RETURNING`,
//! `ON CONFLICT`) against sqlx's `Any` driver and never ask which database they talk to.

use std::time::Duration;

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::{AnyPool, Executor, SqlSafeStr};

use crate::error::{Error, Result, redact_url};

/// Which database a [`Store`](crate::Store) talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// One migration file: version, description, SQL.
type MigrationFile = (i64, &'static str, &'static str);

/// Embedded so that the binary carries its schema; `migrations_match` checks these lists against
/// the directories. Both lists must hold the same versions.
const SQLITE_MIGRATIONS: &[MigrationFile] = &[(
    1,
    "initial",
    include_str!("../migrations/sqlite/0001_initial.sql"),
)];
const POSTGRES_MIGRATIONS: &[MigrationFile] = &[(
    1,
    "initial",
    include_str!("../migrations/postgres/0001_initial.sql"),
)];

/// SQLite waits this long for another writer before giving up with "database is locked".
const SQLITE_BUSY_TIMEOUT_MS: u32 = 5_000;

impl Backend {
    pub fn from_url(url: &str) -> Result<Backend> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            Err(Error::UnsupportedUrl(redact_url(url)))
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }

    /// Opens a pool and checks that a connection can be made.
    pub(crate) async fn connect(self, url: &str) -> Result<AnyPool> {
        install_default_drivers();
        let options = AnyPoolOptions::new().acquire_timeout(Duration::from_secs(10));
        let options = match self {
            // One file, one writer at a time: a few connections are plenty, and every connection
            // needs the pragmas (foreign keys and the busy timeout are per connection).
            Backend::Sqlite => options.max_connections(4).after_connect(|conn, _| {
                Box::pin(async move {
                    conn.execute("PRAGMA foreign_keys = ON").await?;
                    conn.execute(sqlx::AssertSqlSafe(format!(
                        "PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}"
                    )))
                    .await?;
                    // WAL lets readers go on while one writer writes; NORMAL is durable in WAL
                    // mode except for the last transactions on power loss.
                    conn.execute("PRAGMA journal_mode = WAL").await?;
                    conn.execute("PRAGMA synchronous = NORMAL").await?;
                    Ok(())
                })
            }),
            Backend::Postgres => options.max_connections(10),
        };
        options.connect(url).await.map_err(|e| Error::Connect {
            url: redact_url(url),
            source: Box::new(e),
        })
    }

    /// Starts a write transaction.
    ///
    /// On SQLite the write lock is taken at `BEGIN`: a deferred transaction that reads and then
    /// writes can fail with "database is locked" when another writer got in between, whatever the
    /// busy timeout.
    pub(crate) async fn begin_write(
        self,
        pool: &AnyPool,
    ) -> Result<sqlx::Transaction<'static, sqlx::Any>> {
        Ok(match self {
            Backend::Sqlite => pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => pool.begin().await?,
        })
    }

    fn migration_files(self) -> &'static [MigrationFile] {
        match self {
            Backend::Sqlite => SQLITE_MIGRATIONS,
            Backend::Postgres => POSTGRES_MIGRATIONS,
        }
    }

    pub(crate) fn migrator(self) -> Migrator {
        let migrations = self
            .migration_files()
            .iter()
            .map(|&(version, description, sql)| {
                Migration::new(
                    version,
                    description.into(),
                    MigrationType::Simple,
                    sql.into_sql_str(),
                    false,
                )
            })
            .collect();
        Migrator::with_migrations(migrations)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(version, description)` of each `.sql` file in `migrations/<dir>`, sorted.
    fn listed(dir: &str) -> Vec<(i64, String)> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("migrations")
            .join(dir);
        let mut files: Vec<(i64, String)> = std::fs::read_dir(&path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .filter_map(|name| name.strip_suffix(".sql").map(str::to_owned))
            .map(|stem| {
                let (version, description) = stem.split_once('_').expect("VERSION_DESCRIPTION.sql");
                (
                    version.parse().expect("numeric version"),
                    description.to_owned(),
                )
            })
            .collect();
        files.sort();
        files
    }

    fn embedded(backend: Backend) -> Vec<(i64, String)> {
        backend
            .migration_files()
            .iter()
            .map(|&(version, description, _)| (version, description.to_owned()))
            .collect()
    }

    #[test]
    fn migrations_match() {
        let sqlite = listed("sqlite");
        let postgres = listed("postgres");
        assert!(!sqlite.is_empty());
        assert_eq!(
            sqlite, postgres,
            "both backends must have the same migration versions"
        );
        assert_eq!(
            embedded(Backend::Sqlite),
            sqlite,
            "a migration file is not embedded"
        );
        assert_eq!(
            embedded(Backend::Postgres),
            postgres,
            "a migration file is not embedded"
        );
    }

    #[test]
    fn backend_from_url() {
        assert_eq!(
            Backend::from_url("sqlite://x.db?mode=rwc").unwrap(),
            Backend::Sqlite
        );
        assert_eq!(
            Backend::from_url("postgres://u@h/db").unwrap(),
            Backend::Postgres
        );
        assert_eq!(
            Backend::from_url("postgresql://u@h/db").unwrap(),
            Backend::Postgres
        );
        let error = Backend::from_url("mysql://u:pw@h/db")
            .unwrap_err()
            .to_string();
        assert!(error.contains("mysql://u:***@h/db"), "{error}");
    }
}
