//! The database of the blma platform: uploaded agreements, their assessments, reviewers'
//! decisions, users and sessions.
//!
//! One code path serves both an embedded SQLite file (the default) and PostgreSQL (a shared
//! deployment): queries are portable SQL run through sqlx's `Any` driver, and
//! [`backend`](Backend) is the only module that knows which database it talks to. Values cross
//! the boundary as plain structs ([`Agreement`], [`Decision`] …): timestamps are UTC with
//! millisecond precision, documents and assessments are stored as their JSON.
//!
//! Decisions are append-only: the API has no way to change or delete one, and the schema refuses
//! it too. The current decision on an item is the latest.
//!
//! ```no_run
//! # async fn demo() -> Result<(), blma_storage::Error> {
//! let store = blma_storage::Store::connect("sqlite://data/blma.db?mode=rwc").await?;
//! store.migrate().await?;
//! # Ok(()) }
//! ```

mod backend;
mod codec;
mod error;
mod model;
mod repo;
#[cfg(feature = "testing")]
pub mod testing;

use sqlx::AnyPool;

pub use backend::Backend;
pub use chrono;
pub use codec::random_token;
pub use error::{Error, Result, redact_url};
pub use model::*;

/// A pool of connections to one database. Cheap to clone; clones share the pool.
#[derive(Debug, Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
}

impl Store {
    /// Opens `sqlite://PATH?mode=rwc` (`mode=rwc` creates the file; its directory must exist) or
    /// `postgres://USER:PASSWORD@HOST[:PORT]/DATABASE`. Does not touch the schema: call
    /// [`Store::migrate`].
    pub async fn connect(url: &str) -> Result<Store> {
        let backend = Backend::from_url(url)?;
        let pool = backend.connect(url).await?;
        Ok(Store { pool, backend })
    }

    /// Applies the migrations this version has and the database lacks. Safe to run at every
    /// start and from several processes at once (sqlx takes a lock).
    pub async fn migrate(&self) -> Result<()> {
        self.backend
            .migrator()
            .run(&self.pool)
            .await
            .map_err(|e| Error::Migrate(Box::new(e)))
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Waits for connections in use to be returned and closes them all.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}
