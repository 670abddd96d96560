//! Plain text in whatever encoding it was saved: UTF-8 (with or without BOM), UTF-16 LE/BE (by
//! BOM or by the NUL bytes of ASCII text), else the legacy 8-bit encoding `chardetng` guesses
//! (Windows-1252 for the English, French and Spanish texts blma meets).

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::{Extractor, Limits, RawText, check_input, warning, without_panics};
use crate::{DocumentError, Format, Warning};

pub struct TextReader;

impl Extractor for TextReader {
    fn format(&self) -> Format {
        Format::Text
    }

    fn extract(&self, bytes: &[u8], limits: &Limits) -> Result<RawText, DocumentError> {
        check_input(bytes, limits)?;
        without_panics("text", || {
            let (text, warnings) = decode(bytes)?;
            if looks_binary(&text) {
                return Err(DocumentError::NotText);
            }
            let text = normalize_line_ends(&text);
            if text.trim().is_empty() {
                return Err(DocumentError::Empty);
            }
            Ok(RawText {
                text,
                title: None,
                warnings,
            })
        })
    }
}

/// Decodes bytes whose encoding nobody declared. Also used for HTML without a charset.
pub(crate) fn decode(bytes: &[u8]) -> Result<(String, Vec<Warning>), DocumentError> {
    let mut warnings = Vec::new();
    let encoding = match Encoding::for_bom(bytes) {
        Some((encoding, _)) => encoding,
        None => match utf16_by_nul_pattern(bytes) {
            Some(encoding) => encoding,
            None if std::str::from_utf8(bytes).is_ok() => UTF_8,
            // ASCII text has no NULs; 8-bit text with NULs is binary, not a legacy encoding.
            None if bytes.contains(&0) => return Err(DocumentError::NotText),
            None => {
                let guessed = guess_legacy_encoding(bytes);
                warnings.push(warning(
                    "encoding-guessed",
                    format!("the file is not UTF-8; read it as {}", guessed.name()),
                ));
                guessed
            }
        },
    };
    // `decode` strips a BOM matching the encoding; malformed sequences become U+FFFD.
    let (text, _, had_errors) = encoding.decode(bytes);
    if had_errors {
        warnings.push(warning(
            "encoding-errors",
            format!(
                "some bytes are not valid {}; they were replaced by �",
                encoding.name()
            ),
        ));
    }
    Ok((text.into_owned(), warnings))
}

/// UTF-16 without BOM: ASCII-range text puts a NUL in every other byte.
fn utf16_by_nul_pattern(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let nul_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (nul_at(0), nul_at(1));
    // Most pairs must have their NUL on one side and almost none on the other.
    let mostly = |n: usize| n * 10 >= pairs * 7;
    let rarely = |n: usize| n * 20 <= pairs;
    if mostly(odd) && rarely(even) {
        Some(UTF_16LE)
    } else if mostly(even) && rarely(odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

fn guess_legacy_encoding(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    // A sample suffices to tell legacy encodings apart, and chardetng runs at ~10 MB/s.
    detector.feed(&bytes[..bytes.len().min(64 << 10)], true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    // Only called on invalid UTF-8, so a UTF-8 answer would be wrong.
    if guess == UTF_8 { WINDOWS_1252 } else { guess }
}

/// Text has few control characters; binary data decoded as text has many (about one in ten
/// bytes of random data) or is mostly U+FFFD.
pub(crate) fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut suspicious = 0usize;
    for c in text.chars().take(1 << 20) {
        total += 1;
        let is_control = c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c');
        if is_control || c == '\u{FFFD}' {
            suspicious += 1;
        }
    }
    suspicious * 100 > total * 2
}

/// CRLF and lone CR become LF, and a leftover BOM goes.
pub(crate) fn normalize_line_ends(text: &str) -> String {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            chars.next_if_eq(&'\n');
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_without_bom_is_found_by_its_nuls() {
        let le: Vec<u8> = "Article 1"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "Article 1"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(utf16_by_nul_pattern(&le), Some(UTF_16LE));
        assert_eq!(utf16_by_nul_pattern(&be), Some(UTF_16BE));
        assert_eq!(utf16_by_nul_pattern(b"Article 1"), None);
    }

    #[test]
    fn line_ends_are_unified() {
        assert_eq!(normalize_line_ends("\u{FEFF}a\r\nb\rc\n"), "a\nb\nc\n");
    }
}
