//! The one error type of this crate.

/// What can go wrong reading the catalogue data or answering a query.
///
/// Messages may change between versions; match on the variant, not the text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CatalogueError {
    /// A CSV file cannot be read at all (no header, bad UTF-8 before the first row …).
    #[error("{file}: {message}")]
    File { file: &'static str, message: String },
    /// A column the parser relies on is not in the header.
    #[error("{file}: the header has no column `{column}`")]
    MissingColumn { file: &'static str, column: String },
    /// One data row is malformed. `line` is the 1-based line of the file, header included.
    #[error("{file}, line {line}{}: {message}", treaty_suffix(.treaty))]
    Row {
        file: &'static str,
        line: u64,
        treaty: Option<String>,
        message: String,
    },
    /// `items.toml` is not valid TOML for its schema, or does not match `coding.csv`.
    #[error("items.toml: {0}")]
    Items(String),
    /// The files parse but disagree with each other (a coded treaty missing from formation.csv …).
    #[error("the catalogue data is inconsistent: {0}")]
    Inconsistent(String),
    /// No party in the catalogue matches the country the user named.
    #[error("no country `{query}` in the catalogue{}", suggestion_suffix(.suggestions))]
    UnknownCountry {
        query: String,
        suggestions: Vec<String>,
    },
    /// `from` is after `to`: the filter could only ever select nothing, so it is refused.
    #[error("empty year range: --from {from} is after --to {to}")]
    YearRange { from: u16, to: u16 },
}

fn treaty_suffix(treaty: &Option<String>) -> String {
    match treaty {
        Some(id) => format!(" (treatyID {id})"),
        None => String::new(),
    }
}

fn suggestion_suffix(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        "; give a country name as the dataset spells it (e.g. \"Philippines\") or an ISO 3166 alpha-3 code (e.g. PHL)".to_owned()
    } else {
        format!("; did you mean {}?", suggestions.join(", "))
    }
}
