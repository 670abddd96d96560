//! What a search asks and what it returns: plain data, no tantivy types.

use blma_knowledge::Kind;

/// Longest query text searched, in chars; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 1_000;
/// Most hits one search returns, whatever [`Query::limit`] asks.
pub const MAX_LIMIT: usize = 100;
/// Deepest page: hits beyond this rank are not reachable by [`Query::offset`].
pub const MAX_OFFSET: usize = 10_000;

/// What to search.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Scope {
    /// The guidance and every agreement.
    #[default]
    All,
    Guidance,
    Agreements,
}

/// A search as a user asks it.
///
/// The text is words, optionally with `"quoted phrases"`, `+required` and `-excluded` words and
/// the operators `AND`, `OR`, `NOT`. Anything else (field names, wildcards, brackets, boosts) is
/// read as plain words. Nothing a user types makes a search fail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub text: String,
    pub scope: Scope,
    /// Only texts in this language (`en`, `fr`, `es`, `und` …). The guidance is English.
    pub language: Option<String>,
    /// Only the provisions of this agreement.
    pub agreement: Option<i64>,
    /// Hits to return, at most [`MAX_LIMIT`].
    pub limit: usize,
    /// Hits to skip, for paging; at most [`MAX_OFFSET`].
    pub offset: usize,
}

impl Query {
    /// The first ten hits for `text` anywhere.
    pub fn new(text: impl Into<String>) -> Query {
        Query {
            text: text.into(),
            scope: Scope::All,
            language: None,
            agreement: None,
            limit: 10,
            offset: 0,
        }
    }

    pub fn scope(mut self, scope: Scope) -> Query {
        self.scope = scope;
        self
    }

    pub fn language(mut self, code: impl Into<String>) -> Query {
        self.language = Some(code.into());
        self
    }

    pub fn agreement(mut self, id: i64) -> Query {
        self.agreement = Some(id);
        self
    }

    pub fn page(mut self, offset: usize, limit: usize) -> Query {
        self.offset = offset;
        self.limit = limit;
        self
    }
}

/// One page of ranked hits.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Results {
    /// How many texts match in all, across pages.
    pub total: usize,
    pub hits: Vec<Hit>,
}

/// One matching text: a guidance element or an agreement's provision.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub source: Source,
    pub score: f32,
    /// A passage of the text around the best match, in pieces; empty when the text is.
    pub snippet: Vec<Fragment>,
}

/// Where a hit comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    Guidance {
        element_id: String,
        kind: Kind,
        title: String,
    },
    Agreement {
        agreement_id: i64,
        /// The agreement's title, as given to [`crate::AgreementText`].
        title: String,
        /// The provision's id (`art_5__para_2`).
        provision_id: String,
        /// The provision's heading as printed, if it has one.
        heading: Option<String>,
        /// The provision's span in the document's text, in chars (Unicode scalar values).
        start: usize,
        end: usize,
    },
}

/// A piece of a snippet: plain text (never HTML), highlighted when it matches the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fragment {
    pub text: String,
    pub highlighted: bool,
}

/// The query text the parser sees: at most [`MAX_QUERY_CHARS`] chars, with every character of
/// the engine's syntax that this crate does not offer (field names, wildcards, ranges, boosts,
/// fuzziness, regexes, grouping, single-quoted phrases) and every control character turned into
/// a space. `None` when no word is left: such a query finds nothing.
pub(crate) fn sanitize(text: &str) -> Option<String> {
    let cleaned: String = text
        .chars()
        .take(MAX_QUERY_CHARS)
        .map(|c| match c {
            ':' | '*' | '?' | '^' | '~' | '`' | '\'' | '\u{2019}' | '\\' | '/' | '(' | ')'
            | '[' | ']' | '{' | '}' | '<' | '>' | '=' | '!' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    cleaned
        .chars()
        .any(char::is_alphanumeric)
        .then_some(cleaned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_words_phrases_and_operators() {
        assert_eq!(
            sanitize(r#"+"not be employed" -fees OR wages"#).as_deref(),
            Some(r#"+"not be employed" -fees OR wages"#)
        );
    }

    #[test]
    fn turns_foreign_syntax_into_spaces() {
        assert_eq!(
            sanitize("title_en:fee* [a TO b] l'emploi\u{0}").as_deref(),
            Some("title_en fee   a TO b  l emploi ")
        );
    }

    #[test]
    fn no_word_means_no_query() {
        for text in ["", "   ", "*", "\"\"", "()", ":-+", "\u{1}\u{7f}"] {
            assert_eq!(sanitize(text), None, "{text:?}");
        }
    }

    #[test]
    fn caps_the_length() {
        let long = "é".repeat(10 * MAX_QUERY_CHARS);
        assert_eq!(
            sanitize(&long).map(|s| s.chars().count()),
            Some(MAX_QUERY_CHARS)
        );
    }
}
