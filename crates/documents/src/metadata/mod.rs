//! Metadata found in the text: title, Parties, date and place of signature, kind of
//! instrument, and duration.

mod dates;
mod parties;

use std::sync::LazyLock;

use regex::Regex;

use crate::numerals::{is_number_token, parse_number};
use crate::{AgreementKind, Metadata, Provision, ProvisionKind};

static MODEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:model|modèle|modelo)\b.{0,40}?\b(?:agreement|accord|convenio|acuerdo|arrangement)|\b(?:accord|convenio|acuerdo)[- ](?:type|tipo|modelo|modèle)\b").expect("valid regex")
});

/// Instrument nouns; the first one in the title names the kind.
static INSTRUMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(memorand(?:um|o)|mémorandum|mou|arrangement|arreglo|entendimiento|protocole d'entente|agreement|convention|treaty|exchange of (?:notes|letters)|accord|traité|traite|échange de (?:lettres|notes)|convenio|acuerdo|tratado|canje de notas|protocol|protocole|protocolo)\b",
    )
    .expect("valid regex")
});

/// A clause that may state how long the instrument lasts.
static DURATION_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:in force|en vigueur|en vigor|vigencia|validez|valid|valable|válido|durée|duración|plazo|period|période|período|periodo)\b").expect("valid regex")
});

static INSTRUMENT_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:agreement|memorandum|mou|convention|treaty|arrangement|accord|traité|mémorandum|convenio|acuerdo|tratado|memorando|arreglo|instrument|instrumento)\b").expect("valid regex")
});

static DURATION_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:years?|ans|années?|años|anos|months?|mois|meses)\b").expect("valid regex")
});

static NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:'\s*)?(?:notice|préavis|d'avance|de antelación|de anticipación|antes|before|prior|avant)\b").expect("valid regex")
});

/// Metadata of a segmented document. `file_title` is a title from the file's own metadata,
/// used when the text has none.
pub(crate) fn extract(text: &str, provisions: &[Provision], file_title: Option<&str>) -> Metadata {
    let slice = |p: &Provision| char_slice(text, p.start, p.end);
    let title_text = provisions
        .iter()
        .find(|p| p.kind == ProvisionKind::Title)
        .and_then(|p| p.heading.clone());
    let title = title_text
        .clone()
        .or_else(|| file_title.map(|t| t.split_whitespace().collect::<Vec<_>>().join(" ")));
    let preamble = provisions
        .iter()
        .find(|p| p.kind == ProvisionKind::Preamble)
        .map(slice);
    let has_letters = provisions.iter().any(|p| p.kind == ProvisionKind::Letter);
    let kind = kind(
        title.as_deref().unwrap_or_else(|| char_slice(text, 0, 300)),
        has_letters,
    );

    let mut parties = parties::parties(preamble, title.as_deref());
    if parties.is_empty() && kind == AgreementKind::Model {
        parties = parties::model_roles(text);
    }

    let signature = signature_region(text, provisions);
    Metadata {
        title,
        parties,
        date_signed: signature.and_then(dates::first_date),
        place_signed: signature.and_then(dates::place),
        kind,
        duration: duration(text),
    }
}

fn kind(title: &str, has_letters: bool) -> AgreementKind {
    if MODEL.is_match(title) {
        return AgreementKind::Model;
    }
    match INSTRUMENT.find(title).map(|m| m.as_str().to_lowercase()) {
        Some(noun)
            if [
                "memorand",
                "mémorandum",
                "mou",
                "arrangement",
                "arreglo",
                "entendimiento",
                "protocole d'entente",
            ]
            .iter()
            .any(|mou| noun.starts_with(mou)) =>
        {
            AgreementKind::Mou
        }
        Some(_) => AgreementKind::Agreement,
        None if has_letters => AgreementKind::Agreement,
        None => AgreementKind::Other,
    }
}

/// The text of the signature clause: the signatures provision, else from the last "Done at" /
/// "Fait à" / "Hecho en" to the end. `None` when the text has neither.
fn signature_region<'a>(text: &'a str, provisions: &[Provision]) -> Option<&'a str> {
    if let Some(p) = provisions
        .iter()
        .find(|p| p.kind == ProvisionKind::Signatures)
    {
        return Some(char_slice(text, p.start, p.end));
    }
    static DONE_AT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:done|signed|fait|signé|hecho|firmado|dado|suscrito) (?:at|in|à|en)\b")
            .expect("valid regex")
    });
    DONE_AT.find_iter(text).last().map(|m| &text[m.start()..])
}

/// The term of a duration clause as written ("five years", "cinq ans", "dos años"): a number
/// and a unit in a sentence about the instrument being in force or lasting, not a notice period.
fn duration(text: &str) -> Option<String> {
    for sentence in text.split_inclusive(['.', ';']) {
        if !(INSTRUMENT_WORD.is_match(sentence) && DURATION_CONTEXT.is_match(sentence)) {
            continue;
        }
        let words = word_spans(sentence);
        for (i, &(at, _)) in words.iter().enumerate() {
            let lower: Vec<String> = words[i..]
                .iter()
                .take(8)
                .map(|(_, w)| w.to_lowercase())
                .collect();
            let run = lower.iter().take_while(|w| is_number_token(w)).count();
            if run == 0 || (i > 0 && is_number_token(&words[i - 1].1.to_lowercase())) {
                continue;
            }
            let tokens: Vec<&str> = lower[..run].iter().map(String::as_str).collect();
            let Some(&(unit_at, unit)) = words.get(i + run) else {
                continue;
            };
            if parse_number(&tokens).is_none_or(|n| n == 0 || n > 100)
                || !DURATION_UNIT.is_match(unit)
            {
                continue;
            }
            let end = unit_at + unit.len();
            if NOTICE.is_match(&sentence[end..]) {
                continue;
            }
            return Some(sentence[at..end].to_owned());
        }
    }
    None
}

/// Chars `start..end` of `text`.
fn char_slice(text: &str, start: usize, end: usize) -> &str {
    let byte = |n: usize| text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
    let from = byte(start);
    &text[from..from + char_boundary(&text[from..], end.saturating_sub(start))]
}

fn char_boundary(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i)
}

/// Runs of alphanumerics (with the ordinal marks that belong to them) and their byte offsets.
fn word_spans(text: &str) -> Vec<(usize, &str)> {
    let is_word = |c: char| c.is_alphanumeric() || c == '°' || c == 'º';
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (start, is_word(c) && i < text.len()) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                spans.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_the_title() {
        assert_eq!(
            kind(
                "MEMORANDUM OF UNDERSTANDING BETWEEN … ON THE SENDING OF WORKERS",
                false
            ),
            AgreementKind::Mou
        );
        assert_eq!(
            kind(
                "Agreement between A and B on arrangements for workers",
                false
            ),
            AgreementKind::Agreement
        );
        assert_eq!(
            kind("Administrative Arrangement between A and B", false),
            AgreementKind::Mou
        );
        assert_eq!(
            kind(
                "ANNEX.—MODEL AGREEMENT ON TEMPORARY AND PERMANENT MIGRATION",
                false
            ),
            AgreementKind::Model
        );
        assert_eq!(
            kind("TRAITE DE TRAVAIL ENTRE LA FRANCE ET LES PAYS-BAS", false),
            AgreementKind::Agreement
        );
        assert_eq!(
            kind(
                "Convenio Laboral entre las Repúblicas de Argentina y Chile",
                false
            ),
            AgreementKind::Agreement
        );
        assert_eq!(kind("Letters", true), AgreementKind::Agreement);
        assert_eq!(kind("Minutes of a meeting", false), AgreementKind::Other);
    }

    #[test]
    fn durations() {
        let d = |t: &str| duration(t);
        assert_eq!(
            d("This Agreement shall remain in force for a period of five years.").as_deref(),
            Some("five years")
        );
        assert_eq!(
            d("Le présent accord est conclu pour une durée de trois ans.").as_deref(),
            Some("trois ans")
        );
        assert_eq!(
            d("El presente Convenio tendrá un plazo de vigencia de dos años.").as_deref(),
            Some("dos años")
        );
        assert_eq!(
            d("This Agreement shall remain in force for 3 years;").as_deref(),
            Some("3 years")
        );
        // A notice period, a worker's stay and a date are not the instrument's duration.
        assert_eq!(
            d(
                "This Agreement may be terminated by either Party giving six months' notice, the period running."
            ),
            None
        );
        assert_eq!(
            d("El plazo de permanencia no sea mayor de tres años."),
            None
        );
        assert_eq!(
            d("The present Agreement shall remain in force until 31 December 1959."),
            None
        );
    }
}
