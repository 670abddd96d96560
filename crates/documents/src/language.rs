//! Language identification (whatlang: trigram statistics, pure Rust), for the whole document
//! and for provisions written in another language than the rest (bilingual texts).

use crate::{Language, Provision, ProvisionKind};

/// Fewer letters than this and the language is [`Language::Unknown`].
const MIN_LETTERS: usize = 40;
/// A provision needs this many letters to be told apart from its document's language.
const MIN_PROVISION_LETTERS: usize = 150;
/// Below this whatlang confidence the guess is not used.
const MIN_CONFIDENCE: f64 = 0.3;
/// At most this many chars are read from the start of a long document (detection is linear).
const SAMPLE_CHARS: usize = 20_000;

/// The language of a text.
pub fn detect(text: &str) -> Language {
    if text
        .chars()
        .filter(|c| c.is_alphabetic())
        .take(MIN_LETTERS)
        .count()
        < MIN_LETTERS
    {
        return Language::Unknown;
    }
    let sample = &text[..text
        .char_indices()
        .nth(SAMPLE_CHARS)
        .map_or(text.len(), |(i, _)| i)];
    match whatlang::detect(sample) {
        Some(info) if info.confidence() >= MIN_CONFIDENCE => from_whatlang(info.lang()),
        _ => Language::Unknown,
    }
}

/// Sets `language` on each article-level or top-level provision whose text is reliably in
/// another language than the document's. Children inherit their parent's mark.
pub(crate) fn mark_provisions(text: &str, document: &Language, provisions: &mut [Provision]) {
    let char_starts: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let mut marked: Vec<(String, Language)> = Vec::new();
    for provision in provisions.iter_mut() {
        if let Some(parent) = &provision.parent
            && let Some((_, language)) = marked.iter().find(|(id, _)| id == parent)
        {
            provision.language = Some(language.clone());
            marked.push((provision.id.clone(), language.clone()));
            continue;
        }
        let checked = provision.parent.is_none()
            || matches!(
                provision.kind,
                ProvisionKind::Article | ProvisionKind::Definitions | ProvisionKind::Annex
            );
        if !checked {
            continue;
        }
        let own = &text[char_starts[provision.start]..char_starts[provision.end]];
        if own
            .chars()
            .filter(|c| c.is_alphabetic())
            .take(MIN_PROVISION_LETTERS)
            .count()
            < MIN_PROVISION_LETTERS
        {
            continue;
        }
        let Some(info) = whatlang::detect(own) else {
            continue;
        };
        let language = from_whatlang(info.lang());
        if info.is_reliable() && &language != document {
            provision.language = Some(language.clone());
            marked.push((provision.id.clone(), language));
        }
    }
}

fn from_whatlang(lang: whatlang::Lang) -> Language {
    use whatlang::Lang::*;
    let code = match lang {
        Eng => return Language::En,
        Fra => return Language::Fr,
        Spa => return Language::Es,
        Epo => "eo",
        Rus => "ru",
        Cmn => "zh",
        Por => "pt",
        Ita => "it",
        Ben => "bn",
        Deu => "de",
        Ukr => "uk",
        Kat => "ka",
        Ara => "ar",
        Hin => "hi",
        Jpn => "ja",
        Heb => "he",
        Yid => "yi",
        Pol => "pl",
        Amh => "am",
        Jav => "jv",
        Kor => "ko",
        Nob => "nb",
        Dan => "da",
        Swe => "sv",
        Fin => "fi",
        Tur => "tr",
        Nld => "nl",
        Hun => "hu",
        Ces => "cs",
        Ell => "el",
        Bul => "bg",
        Bel => "be",
        Mar => "mr",
        Kan => "kn",
        Ron => "ro",
        Slv => "sl",
        Hrv => "hr",
        Srp => "sr",
        Mkd => "mk",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Tam => "ta",
        Vie => "vi",
        Urd => "ur",
        Tha => "th",
        Guj => "gu",
        Uzb => "uz",
        Pan => "pa",
        Aze => "az",
        Ind => "id",
        Tel => "te",
        Pes => "fa",
        Mal => "ml",
        Ori => "or",
        Mya => "my",
        Nep => "ne",
        Sin => "si",
        Khm => "km",
        Tuk => "tk",
        Aka => "ak",
        Zul => "zu",
        Sna => "sn",
        Afr => "af",
        Lat => "la",
        Slk => "sk",
        Cat => "ca",
        Tgl => "tl",
        Hye => "hy",
        Cym => "cy",
    };
    Language::Other(code.to_owned())
}
