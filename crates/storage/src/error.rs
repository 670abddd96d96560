//! The crate's one error type.

use std::error::Error as StdError;

/// Anything that can go wrong talking to the database.
///
/// The underlying driver error is kept as the [`source`](StdError::source), boxed, so that callers
/// never depend on sqlx's types.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error(
        "unsupported database URL `{0}`: use `sqlite://PATH?mode=rwc` (a file in the data directory) \
         or `postgres://USER:PASSWORD@HOST/DATABASE`"
    )]
    UnsupportedUrl(String),

    /// `url` has its password redacted.
    #[error(
        "cannot open the database at {url}: {source} (check that the path's directory exists, or that the server is running and the credentials are right)"
    )]
    Connect {
        url: String,
        #[source]
        source: Box<dyn StdError + Send + Sync>,
    },

    #[error(
        "cannot bring the database schema up to date: {0} (was the database written by a newer blma?)"
    )]
    Migrate(#[source] Box<dyn StdError + Send + Sync>),

    #[error("{what} {id} does not exist")]
    NotFound { what: &'static str, id: String },

    #[error(
        "a user with the email address {0} already exists (addresses are compared ignoring case)"
    )]
    EmailTaken(String),

    /// A stored value this version cannot read back: a row written by another version, or edited
    /// by hand.
    #[error("the stored {what} cannot be read: {detail}")]
    Corrupt { what: &'static str, detail: String },

    #[error("the operating system's random number generator failed: {0}")]
    Random(String),

    #[error("database error: {0}")]
    Database(#[source] Box<dyn StdError + Send + Sync>),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<sqlx::Error> for Error {
    fn from(error: sqlx::Error) -> Self {
        Error::Database(Box::new(error))
    }
}

/// What kind of constraint a failed statement broke, when that is the expected failure.
pub(crate) fn violation(error: &sqlx::Error) -> Option<sqlx::error::ErrorKind> {
    match error {
        sqlx::Error::Database(db) => Some(db.kind()),
        _ => None,
    }
}

/// The database URL with any password replaced by `***`, fit for error messages and logs.
pub fn redact_url(url: &str) -> String {
    let Some(scheme_end) = url.find("://") else {
        return url.to_owned();
    };
    let rest = &url[scheme_end + 3..];
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    match (authority.rfind('@'), authority.find(':')) {
        (Some(at), Some(colon)) if colon < at => format!(
            "{}{}:***{}",
            &url[..scheme_end + 3],
            &authority[..colon],
            &rest[at..]
        ),
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact_url;

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(
            redact_url("postgres://blma:s3cret@db:5432/blma?sslmode=disable"),
            "postgres://blma:***@db:5432/blma?sslmode=disable"
        );
        assert_eq!(
            redact_url("postgres://blma@db/blma"),
            "postgres://blma@db/blma"
        );
        assert_eq!(
            redact_url("sqlite://data/blma.db?mode=rwc"),
            "sqlite://data/blma.db?mode=rwc"
        );
    }
}
