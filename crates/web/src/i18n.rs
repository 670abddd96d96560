//! The interface's strings, kept out of the templates so that a French or Spanish file can follow
//! the English one (`i18n/en.toml`). Agreement text and guidance text are never translated here:
//! they are shown in their own language.

use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The strings of one interface language, by dotted key (`nav.guide`).
#[derive(Debug)]
pub struct Translations {
    language: &'static str,
    strings: BTreeMap<String, String>,
}

const ENGLISH: &str = include_str!("../i18n/en.toml");

impl Translations {
    /// The English interface, embedded.
    ///
    /// # Panics
    /// Never on a released build: a test parses the embedded file.
    pub fn english() -> &'static Translations {
        static EN: OnceLock<Translations> = OnceLock::new();
        EN.get_or_init(|| {
            Translations::parse("en", ENGLISH).expect("i18n/en.toml is valid (tested)")
        })
    }

    /// Parses a TOML file of string tables.
    pub fn parse(language: &'static str, source: &str) -> Result<Translations, String> {
        let table: toml::Table = source.parse().map_err(|e| format!("{e}"))?;
        let mut strings = BTreeMap::new();
        flatten("", &table, &mut strings)?;
        Ok(Translations { language, strings })
    }

    /// The BCP 47 tag of the interface language, for `<html lang>`.
    pub fn language(&self) -> &'static str {
        self.language
    }

    /// The string for `key`; the key itself when missing, so a gap shows instead of breaking the
    /// page (the test suite checks that no key is missing).
    pub fn s<'a>(&'a self, key: &'a str) -> &'a str {
        self.strings.get(key).map(String::as_str).unwrap_or(key)
    }

    /// The string for `key` with its `{name}` placeholders filled.
    pub fn f(&self, key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        let mut out = self.s(key).to_owned();
        for (name, value) in args {
            out = out.replace(&format!("{{{name}}}"), &value.to_string());
        }
        out
    }

    /// Every key, for the completeness tests.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.strings.keys().map(String::as_str)
    }
}

fn flatten(
    prefix: &str,
    table: &toml::Table,
    out: &mut BTreeMap<String, String>,
) -> Result<(), String> {
    for (key, value) in table {
        let key = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match value {
            toml::Value::String(s) => {
                out.insert(key, s.clone());
            }
            toml::Value::Table(t) => flatten(&key, t, out)?,
            other => {
                return Err(format!(
                    "{key}: expected a string, found {}",
                    other.type_str()
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_parses_and_fills_placeholders() {
        let t = Translations::english();
        assert_eq!(t.s("nav.guide"), "Guidance");
        assert_eq!(t.s("no-such-key"), "no-such-key");
        assert_eq!(
            t.f("nav.signed_in", &[("name", &"Ana"), ("role", &"analyst")]),
            "Signed in as Ana (analyst)"
        );
    }

    #[test]
    fn non_string_values_are_refused() {
        assert!(Translations::parse("en", "[a]\nb = 1\n").is_err());
    }
}
