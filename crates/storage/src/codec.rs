//! Conversions at the edge between Rust values and the few kinds the `Any` driver carries:
//! timestamps as UTC epoch milliseconds, enums as their serde names, secrets as hex.

use chrono::{DateTime, Utc};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// The current time, truncated to what the database keeps (milliseconds), so that a value
/// returned by a write equals the value read back.
pub(crate) fn now() -> DateTime<Utc> {
    from_ms(Utc::now().timestamp_millis()).expect("the clock is within chrono's range")
}

pub(crate) fn to_ms(time: DateTime<Utc>) -> i64 {
    time.timestamp_millis()
}

pub(crate) fn from_ms(ms: i64) -> Result<DateTime<Utc>> {
    DateTime::from_timestamp_millis(ms).ok_or_else(|| Error::Corrupt {
        what: "timestamp",
        detail: format!("{ms} ms is out of range"),
    })
}

/// The serde name of a unit enum variant (`Format::Pdf` → `pdf`): the stored form, so that the
/// database and the JSON contract spell values alike.
pub(crate) fn enum_to_text<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(text)) => text,
        other => unreachable!("not a unit enum variant: {other:?}"),
    }
}

pub(crate) fn enum_from_text<T: serde::de::DeserializeOwned>(
    what: &'static str,
    text: String,
) -> Result<T> {
    serde_json::from_value(Value::String(text)).map_err(|e| Error::Corrupt {
        what,
        detail: e.to_string(),
    })
}

pub(crate) fn json_from_text<T: serde::de::DeserializeOwned>(
    what: &'static str,
    text: &str,
) -> Result<T> {
    serde_json::from_str(text).map_err(|e| Error::Corrupt {
        what,
        detail: e.to_string(),
    })
}

pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> String {
    // Serialising plain data structs to a string cannot fail: no maps with non-string keys.
    serde_json::to_string(value).expect("plain data serialises")
}

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// 256 random bits from the operating system, as 64 hex digits.
/// 32 random bytes from the operating system, as 64 hex digits: session, CSRF and form tokens.
pub fn random_token() -> Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| Error::Random(e.to_string()))?;
    Ok(hex(&bytes))
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut out, b| {
            let _ = write!(out, "{b:02x}");
            out
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use blma_documents::Format;

    #[test]
    fn sha256_of_known_input() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn tokens_are_random_and_256_bits() {
        let (a, b) = (random_token().unwrap(), random_token().unwrap());
        assert_eq!(a.len(), 64);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
    }

    #[test]
    fn enums_round_trip_by_serde_name() {
        assert_eq!(enum_to_text(&Format::Docx), "docx");
        assert_eq!(
            enum_from_text::<Format>("format", "docx".into()).unwrap(),
            Format::Docx
        );
        assert!(enum_from_text::<Format>("format", "odt".into()).is_err());
    }
}
