//! Recognising headings at the start of a unit of text: "Article 5", "ARTICLE V — Recruitment",
//! "Art. 2° - Entiéndese …", "Article premier", "ARTÍCULO QUINTO", "TITULO I", "Chapitre II",
//! "Annex", "PARAGRAPH 1. PURPOSE", and numbered paragraphs and points ("1.", "(a)", "ii)").

use std::sync::LazyLock;

use regex::Regex;

use crate::ProvisionKind;
use crate::numerals::{parse_number, roman};

/// The number of a heading or marker, as it will appear in the provision id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Label {
    /// "5", "V", "quinto", "1er" → `5`; "5bis" → `5bis`; "a" → `a`.
    Given(String),
    /// No number ("ANNEX"): numbered in order of appearance.
    Unnumbered,
}

/// A structural heading found at the start of a unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Heading {
    pub kind: ProvisionKind,
    pub label: Label,
    /// Byte length of the heading as printed (without the separator before any body text).
    pub len: usize,
    /// Byte offset, from the unit start, where body text begins on the same line (`len` … end).
    pub body: usize,
}

static KEYWORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(art\.)\s*|(article|artículo|articulo|artigo|artikel|paragraph|paragraphe|párrafo|parrafo|part|partie|parte|title|titre|título|titulo|chapter|chapitre|capítulo|capitulo|section|sección|seccion|annex|annexe|anexo|appendix|appendice|apéndice|apendice|schedule)(?:\s+|$|(?:[.:]|\s*[—–-])\s*))",
    )
    .expect("valid regex")
});

static DIGITS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,4})(?:er|re|ère|°|º|st|nd|rd|th)?(?:\s?(bis|ter|quater)\b|([A-Z])\b)?")
        .expect("valid regex")
});

static WORD_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\p{L}+)(?:[\s-](\p{L}+))?").expect("valid regex"));

/// A separator between a heading's number and its title or body: ".", ":", "—", ". —", " - " …
static SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[.:]\s*[—–-]?|[—–-])\s*").expect("valid regex"));

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\((\d{1,3})\)\.?|(\d{1,3})\)|(\d{1,3}(?:\.\d{1,3})*)\.(?:[-–])?|\(([a-zA-Z]|[ivxIVX]{2,5})\)|([a-z]|[ivx]{2,5})[.)]|([A-Z])\)|§\s?(\d{1,3}))(?:\s+|$)",
    )
    .expect("valid regex")
});

/// Words allowed inside a heading's title besides capitalised ones.
const TITLE_CONNECTORS: &[&str] = &[
    "of", "and", "the", "for", "on", "to", "in", "with", "by", "or", "de", "du", "des", "la", "le",
    "les", "et", "en", "à", "aux", "au", "d'", "l'", "y", "e", "el", "los", "las", "del", "al",
    "a", "para", "por", "sobre", "con", "entre",
];

fn kind_of(keyword: &str) -> ProvisionKind {
    match keyword.to_lowercase().as_str() {
        "part" | "partie" | "parte" | "title" | "titre" | "título" | "titulo" => {
            ProvisionKind::Part
        }
        "chapter" | "chapitre" | "capítulo" | "capitulo" => ProvisionKind::Chapter,
        "section" | "sección" | "seccion" => ProvisionKind::Section,
        "annex" | "annexe" | "anexo" | "appendix" | "appendice" | "apéndice" | "apendice"
        | "schedule" => ProvisionKind::Annex,
        // "Paragraph 1" set as a heading (as in some MoUs) plays the part of an article.
        _ => ProvisionKind::Article,
    }
}

/// Recognises a structural heading at the start of `unit` (one paragraph or part of one).
pub(crate) fn heading(unit: &str) -> Option<Heading> {
    let keyword = KEYWORD.captures(unit)?;
    let word = keyword
        .get(1)
        .or(keyword.get(2))
        .expect("one keyword group");
    let kind = kind_of(word.as_str());
    let after_keyword = keyword.get(0).expect("whole match").end();
    let (label, number_end) = match number(&unit[after_keyword..]) {
        Some((label, len)) => (label, after_keyword + len),
        // Only annexes go unnumbered, and then the keyword stands alone or before a separator.
        None if kind == ProvisionKind::Annex => {
            let bare = keyword[0].trim_end().len();
            let rest = &unit[bare..];
            if !(rest.is_empty() || SEPARATOR.is_match(rest)) {
                return None;
            }
            (Label::Unnumbered, bare)
        }
        None => return None,
    };
    let (len, body) = title_extent(unit, number_end)?;
    Some(Heading {
        kind,
        label,
        len,
        body,
    })
}

/// The number after a heading keyword, and its byte length.
fn number(text: &str) -> Option<(Label, usize)> {
    if let Some(digits) = DIGITS.captures(text) {
        let mut label = digits[1].trim_start_matches('0').to_owned();
        if label.is_empty() {
            label.push('0');
        }
        if let Some(suffix) = digits.get(2).or(digits.get(3)) {
            label.push_str(&suffix.as_str().to_lowercase());
        }
        return Some((Label::Given(label), digits[0].len()));
    }
    let word = WORD_NUMBER.captures(text)?;
    let first = word.get(1).expect("group 1");
    if let Some(value) = roman(first.as_str()) {
        return Some((Label::Given(value.to_string()), first.end()));
    }
    // "vigésimo primero", "dix-huitième": try two words, then one.
    let lower = word[0].to_lowercase();
    let tokens: Vec<&str> = lower.split([' ', '-']).collect();
    if tokens.len() == 2
        && let Some(value) = parse_number(&tokens)
    {
        return Some((Label::Given(value.to_string()), word[0].len()));
    }
    let value = parse_number(&tokens[..1])?;
    Some((Label::Given(value.to_string()), first.end()))
}

/// Where the heading ends and any body text on the same line begins, given the end of its
/// number. `None` when what follows shows the words are a reference, not a heading
/// ("Article 5 of this Agreement …").
fn title_extent(unit: &str, number_end: usize) -> Option<(usize, usize)> {
    let rest = &unit[number_end..];
    if rest.trim().is_empty() {
        return Some((number_end, unit.len()));
    }
    let separator = SEPARATOR.find(rest).map_or(0, |m| m.end());
    let after = &rest[separator..];
    let first = after.chars().next()?;
    if separator == 0 {
        // Without a separator only a capitalised title may follow on the same line.
        if !rest.starts_with(char::is_whitespace) || !first.is_uppercase() {
            return None;
        }
    }
    let title_start = number_end + separator;
    match title_run(after) {
        Some(run) if run == after.len() => Some((unit.len(), unit.len())),
        Some(run) => {
            let body = title_start + run;
            let body = body + (unit[body..].len() - unit[body..].trim_start().len());
            Some((
                title_start + after[..run].trim_end().trim_end_matches('.').len(),
                body,
            ))
        }
        None => Some((number_end, title_start)),
    }
}

/// The byte length of a title at the start of `text`: capitalised words and connectors, ending
/// at the end of the text, at a word ending in a full stop, or before a paragraph marker.
/// `None` when the words read as a sentence instead ("The Parties shall …").
fn title_run(text: &str) -> Option<usize> {
    let mut end = 0;
    let mut words = 0;
    let mut rest = text;
    loop {
        let trimmed = rest.trim_start();
        let offset = text.len() - trimmed.len();
        if trimmed.is_empty() {
            return (words > 0).then_some(text.len());
        }
        if words > 0 && MARKER.is_match(trimmed) {
            return Some(end);
        }
        let word_len = trimmed.find(char::is_whitespace).unwrap_or(trimmed.len());
        let word = &trimmed[..word_len];
        let first = word.chars().next()?;
        let bare = word.trim_end_matches([',', '.', ';', ':']);
        let connector = TITLE_CONNECTORS.contains(&bare.to_lowercase().as_str());
        if !(first.is_uppercase() || connector) || words >= 15 {
            return None;
        }
        end = offset + word_len;
        words += 1;
        if word.ends_with('.') && !is_abbreviation(bare) {
            return Some(end);
        }
        if word.ends_with([',', ';', ':']) {
            return None;
        }
        rest = &trimmed[word_len..];
    }
}

fn is_abbreviation(word: &str) -> bool {
    word.chars().count() <= 2 || matches!(word, "Art" | "No" | "Nr" | "Mr" | "Dr" | "St")
}

/// A numbered paragraph or point marker at the start of a unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Marker {
    pub style: MarkerStyle,
    pub label: String,
    /// Byte length of the marker and the space after it.
    pub len: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MarkerStyle {
    /// "1.", "(1)", "1)", "§ 1".
    Number,
    /// "(a)", "a)", "a.", "(A)", "A)".
    Letter,
    /// "(ii)", "iv)", "iii." — and single "i", "v", "x", which are letters or numerals by
    /// context.
    Roman,
}

pub(crate) fn marker(unit: &str) -> Option<Marker> {
    let captures = MARKER.captures(unit)?;
    let len = captures.get(0).expect("whole match").len();
    let (index, text) = (1..=7).find_map(|i| captures.get(i).map(|m| (i, m.as_str())))?;
    let (style, label) = match index {
        1..=3 | 7 => (MarkerStyle::Number, text.replace('.', "-")),
        _ if text.len() > 1 => (MarkerStyle::Roman, text.to_lowercase()),
        _ if matches!(text, "i" | "v" | "x" | "I" | "V" | "X") => {
            (MarkerStyle::Roman, text.to_lowercase())
        }
        _ => (MarkerStyle::Letter, text.to_lowercase()),
    };
    Some(Marker { style, label, len })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(unit: &str) -> Option<(ProvisionKind, Label, &str, &str)> {
        let h = heading(unit)?;
        Some((h.kind, h.label, &unit[..h.len], &unit[h.body..]))
    }

    fn given(label: &str) -> Label {
        Label::Given(label.to_owned())
    }

    #[test]
    fn article_headings_in_three_languages() {
        use ProvisionKind::*;
        assert_eq!(
            parts("Article 5"),
            Some((Article, given("5"), "Article 5", ""))
        );
        assert_eq!(
            parts("ARTICLE V"),
            Some((Article, given("5"), "ARTICLE V", ""))
        );
        assert_eq!(
            parts("Article premier"),
            Some((Article, given("1"), "Article premier", ""))
        );
        assert_eq!(
            parts("Article 1er"),
            Some((Article, given("1"), "Article 1er", ""))
        );
        assert_eq!(
            parts("ARTÍCULO QUINTO"),
            Some((Article, given("5"), "ARTÍCULO QUINTO", ""))
        );
        assert_eq!(
            parts("Artículo 1°"),
            Some((Article, given("1"), "Artículo 1°", ""))
        );
        assert_eq!(
            parts("Art. 12"),
            Some((Article, given("12"), "Art. 12", ""))
        );
        assert_eq!(
            parts("Article 5 bis"),
            Some((Article, given("5bis"), "Article 5 bis", ""))
        );
    }

    #[test]
    fn titles_and_bodies_on_the_heading_line() {
        use ProvisionKind::*;
        let unit = "Art. 2° - Entiéndese por \"trabajadores\" a aquellos.";
        assert_eq!(
            parts(unit),
            Some((
                Article,
                given("2"),
                "Art. 2°",
                "Entiéndese por \"trabajadores\" a aquellos."
            ))
        );
        let unit = "Article I.—Exchange of Information";
        assert_eq!(parts(unit), Some((Article, given("1"), unit, "")));
        let unit = "Article 16.—Settlement of Disputes 1. In case of a dispute";
        assert_eq!(
            parts(unit),
            Some((
                Article,
                given("16"),
                "Article 16.—Settlement of Disputes",
                "1. In case of a dispute"
            ))
        );
        assert_eq!(
            parts("PARAGRAPH 2. DEFINITIONS"),
            Some((Article, given("2"), "PARAGRAPH 2. DEFINITIONS", ""))
        );
        let unit = "Article 3. The Parties shall cooperate.";
        assert_eq!(
            parts(unit),
            Some((
                Article,
                given("3"),
                "Article 3",
                "The Parties shall cooperate."
            ))
        );
        assert_eq!(parts("TITULO I"), Some((Part, given("1"), "TITULO I", "")));
        assert_eq!(
            parts("Chapitre II : Recrutement"),
            Some((Chapter, given("2"), "Chapitre II : Recrutement", ""))
        );
        assert_eq!(
            parts("ANNEX"),
            Some((Annex, Label::Unnumbered, "ANNEX", ""))
        );
        assert_eq!(parts("Anexo II"), Some((Annex, given("2"), "Anexo II", "")));
    }

    #[test]
    fn references_are_not_headings() {
        assert_eq!(heading("Article 5 of this Agreement shall apply."), None);
        assert_eq!(heading("Parte Contratante"), None);
        assert_eq!(heading("Section two of the Act"), None);
        assert_eq!(heading("Articles 3 and 4"), None);
        assert_eq!(heading("Annex to the letter"), None);
        assert_eq!(heading("Partie 1, 2 et 3"), None);
    }

    #[test]
    fn markers() {
        fn m(unit: &str) -> Option<(MarkerStyle, String, &str)> {
            marker(unit).map(|m| (m.style, m.label, &unit[m.len..]))
        }
        assert_eq!(
            m("(1). Text"),
            Some((MarkerStyle::Number, "1".into(), "Text"))
        );
        assert_eq!(
            m("1. Text"),
            Some((MarkerStyle::Number, "1".into(), "Text"))
        );
        assert_eq!(
            m("a) Documentos"),
            Some((MarkerStyle::Letter, "a".into(), "Documentos"))
        );
        assert_eq!(
            m("a. Contracts"),
            Some((MarkerStyle::Letter, "a".into(), "Contracts"))
        );
        assert_eq!(
            m("(iv) text"),
            Some((MarkerStyle::Roman, "iv".into(), "text"))
        );
        assert_eq!(m("1942 was"), None);
        assert_eq!(m("12 workers"), None);
    }
}
