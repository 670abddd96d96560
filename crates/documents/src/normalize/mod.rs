//! Normalization: the raw text of a reader becomes the one text every offset refers to.
//!
//! Steps, in order: invisible characters stripped and ligatures expanded, Unicode NFC, lines
//! split and their whitespace tidied, repeated page headers/footers and page numbers removed
//! ([`furniture`]), words hyphenated across a line break rejoined ([`hyphenation`]), lines that
//! only wrap a sentence joined, and paragraphs separated by one blank line. Every output char
//! remembers the raw char it came from, which gives the [`OffsetMap`].

mod furniture;
mod hyphenation;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::Warning;
use crate::offsets::{OffsetMap, OffsetMapBuilder};

/// A char of the text being normalized, with the raw offset (in chars) it came from.
type MappedChar = (char, usize);
/// One line, without its line break; empty for a blank line.
type Line = Vec<MappedChar>;

/// The normalized text, its map back to the raw text, and what normalization removed.
#[derive(Debug, Clone, PartialEq)]
pub struct Normalized {
    pub text: String,
    pub offsets: OffsetMap,
    pub warnings: Vec<Warning>,
}

/// Normalizes a reader's raw text (paragraphs end with `\n`, pages are separated by `\f`).
pub fn normalize(raw: &str) -> Normalized {
    let raw_len = raw.chars().count();
    let chars = compose_nfc(clean_chars(raw));
    let pages = split_pages(&chars);
    let (lines, warnings) = furniture::remove_page_furniture(pages);
    let lines = hyphenation::rejoin_hyphenated(lines);
    let paragraphs = join_wrapped_lines(lines);
    let (text, offsets) = assemble(&paragraphs, raw_len);
    Normalized {
        text,
        offsets,
        warnings,
    }
}

/// Strips invisible format characters, expands ligatures and unifies spaces and line ends.
fn clean_chars(raw: &str) -> Vec<MappedChar> {
    let mut out = Vec::with_capacity(raw.len());
    let mut previous_was_cr = false;
    for (offset, c) in raw.chars().enumerate() {
        let after_cr = std::mem::replace(&mut previous_was_cr, c == '\r');
        match c {
            '\n' if after_cr => {} // the '\r' already ended the line
            '\r' | '\n' | '\u{0B}' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push(('\n', offset)),
            '\u{0C}' => out.push(('\u{0C}', offset)),
            // Soft hyphens, zero-width spaces, byte-order marks and bidirectional controls
            // carry no text; left in, they would break word matching.
            '\u{AD}'
            | '\u{200B}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}' => {}
            '\t' | '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
                out.push((' ', offset))
            }
            c if c.is_control() => {}
            c => match ligature(c) {
                Some(expansion) => out.extend(expansion.chars().map(|e| (e, offset))),
                None => out.push((c, offset)),
            },
        }
    }
    out
}

/// Latin typographic ligatures, which NFC keeps but which break search for "fi", "fl" …
fn ligature(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{FB00}' => "ff",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        '\u{FB03}' => "ffi",
        '\u{FB04}' => "ffl",
        '\u{FB05}' | '\u{FB06}' => "st",
        _ => return None,
    })
}

/// Canonical composition (NFC), chunk by chunk so each output char keeps a raw offset.
///
/// A chunk starts at a char that is NFC-stable and a starter (quick check "yes", combining
/// class 0): composition never reaches across such a char, so chunks normalize independently.
fn compose_nfc(chars: Vec<MappedChar>) -> Vec<MappedChar> {
    if is_nfc_quick(chars.iter().map(|&(c, _)| c)) == IsNormalized::Yes {
        return chars;
    }
    let is_boundary = |c: char| {
        canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
    };
    let mut out = Vec::with_capacity(chars.len());
    let mut start = 0;
    while start < chars.len() {
        let end = (start + 1..chars.len())
            .find(|&i| is_boundary(chars[i].0))
            .unwrap_or(chars.len());
        let chunk = &chars[start..end];
        let composed: String = chunk.iter().map(|&(c, _)| c).nfc().collect();
        if composed.chars().eq(chunk.iter().map(|&(c, _)| c)) {
            out.extend_from_slice(chunk);
        } else {
            // The composed chars all come from the chunk's first raw char.
            out.extend(composed.chars().map(|c| (c, chunk[0].1)));
        }
        start = end;
    }
    out
}

/// Splits into pages (on `\f`) of lines (on `\n`), each line trimmed with inner runs of
/// whitespace collapsed to one space.
fn split_pages(chars: &[MappedChar]) -> Vec<Vec<Line>> {
    let mut pages = vec![Vec::new()];
    let mut line = Line::new();
    for &(c, offset) in chars {
        match c {
            '\n' => pages
                .last_mut()
                .expect("never empty")
                .push(std::mem::take(&mut line)),
            '\u{0C}' => {
                // A page's last line break already ended its last line.
                if !line.is_empty() {
                    pages
                        .last_mut()
                        .expect("never empty")
                        .push(std::mem::take(&mut line));
                }
                pages.push(Vec::new());
            }
            ' ' => {
                if line.last().is_some_and(|&(last, _)| last != ' ') {
                    line.push((' ', offset));
                }
            }
            c => line.push((c, offset)),
        }
    }
    pages.last_mut().expect("never empty").push(line);
    for line in pages.iter_mut().flatten() {
        if line.last().is_some_and(|&(c, _)| c == ' ') {
            line.pop();
        }
    }
    pages
}

/// Joins a line to the one before when it only continues a wrapped sentence: no blank line
/// between, the first does not end a sentence or clause, and the next starts in lower case.
/// Every other line is a paragraph of its own.
fn join_wrapped_lines(lines: Vec<Line>) -> Vec<Line> {
    let mut paragraphs: Vec<Line> = Vec::new();
    let mut previous_blank = true;
    for line in lines {
        if line.is_empty() {
            previous_blank = true;
            continue;
        }
        let continues = !previous_blank
            && !starts_point(&line)
            && paragraphs.last().is_some_and(|last| {
                let ends_clause = last.last().is_some_and(|&(c, _)| ".:;!?".contains(c));
                !ends_clause && line[0].0.is_lowercase()
            });
        match paragraphs.last_mut() {
            Some(last) if continues => {
                let space_offset = separator_offset(last, &line);
                last.push((' ', space_offset));
                last.extend(line);
            }
            _ => paragraphs.push(line),
        }
        previous_blank = false;
    }
    paragraphs
}

/// Whether a line opens an enumerated point (`c) …`, `(iv) …`): a new unit even when it starts in
/// lower case and the line before ends without punctuation ("… de enganche, y").
fn starts_point(line: &[MappedChar]) -> bool {
    let text: String = line.iter().take(8).map(|&(c, _)| c).collect();
    let rest = text.strip_prefix('(').unwrap_or(&text);
    let label_len = rest.chars().take_while(|c| c.is_ascii_lowercase()).count();
    (1..=4).contains(&label_len)
        && rest[label_len..].starts_with(") ")
        && (label_len == 1 || rest[..label_len].chars().all(|c| "ivxl".contains(c)))
}

/// The raw offset given to a separator inserted between two lines: just after the first,
/// never past the start of the second (keeps the map monotone).
fn separator_offset(before: &[MappedChar], after: &[MappedChar]) -> usize {
    let next = after.first().map_or(usize::MAX, |&(_, offset)| offset);
    before
        .last()
        .map_or(next, |&(_, offset)| (offset + 1).min(next))
}

/// Paragraphs separated by one blank line, and the offset map of the result.
fn assemble(paragraphs: &[Line], raw_len: usize) -> (String, OffsetMap) {
    let mut text = String::new();
    let mut offsets = OffsetMapBuilder::default();
    for (i, paragraph) in paragraphs.iter().enumerate() {
        if i > 0 {
            let offset = separator_offset(&paragraphs[i - 1], paragraph);
            for _ in 0..2 {
                text.push('\n');
                offsets.push(offset);
            }
        }
        for &(c, offset) in paragraph {
            text.push(c);
            offsets.push(offset);
        }
    }
    (text, offsets.finish(raw_len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ligatures_controls_and_soft_hyphens() {
        let out = normalize("e\u{FB03}cient \u{200E}bene\u{AD}fit\u{202B}s\u{202C}");
        assert_eq!(out.text, "efficient benefits");
        // "ffi" came from the one raw ligature char at offset 1.
        assert_eq!(out.offsets.to_raw(1), 1);
        assert_eq!(out.offsets.to_raw(3), 1);
        assert_eq!(out.offsets.to_raw(4), 2);
    }

    #[test]
    fn nfc_composes_and_maps_to_the_base_char() {
        let out = normalize("Re\u{301}publique");
        assert_eq!(out.text, "République");
        assert_eq!(out.offsets.to_raw(2), 3);
        assert_eq!(out.offsets.to_normalized(3), 2);
    }

    #[test]
    fn whitespace_is_tidied_into_paragraphs() {
        let out = normalize("  Article 1 \r\n\r\n\r\nThe  Parties\tagree. \nThe end.  ");
        assert_eq!(out.text, "Article 1\n\nThe Parties agree.\n\nThe end.");
    }

    #[test]
    fn enumerated_points_are_never_joined() {
        let out =
            normalize("b) Copia del contrato de trabajo, y\nc) Certificado de buena conducta.\n");
        assert_eq!(
            out.text,
            "b) Copia del contrato de trabajo, y\n\nc) Certificado de buena conducta."
        );
        let out = normalize("the following:\n(iv) a contract\nand more\n");
        assert_eq!(out.text, "the following:\n\n(iv) a contract and more");
    }

    #[test]
    fn wrapped_sentences_are_joined() {
        let out =
            normalize("The Parties shall\ncooperate closely.\nArticle 2\n(a) first;\n(b) second.");
        assert_eq!(
            out.text,
            "The Parties shall cooperate closely.\n\nArticle 2\n\n(a) first;\n\n(b) second."
        );
    }
}
