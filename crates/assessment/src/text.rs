//! Words, sentences and clauses of a document's text, with char offsets.
//!
//! Every word is lower-cased, accent-folded and stemmed once; cues are then compared with it.
//! Nothing is dropped: negation words ("no", "ne", "pas", "sin") matter to the verdict, so no
//! stop-word list is applied.

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization as _;

/// One word of a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Char offsets into the document's text.
    pub start: usize,
    pub end: usize,
    /// Lower-cased and accent-folded.
    pub folded: String,
    /// The Snowball stem of the lower-cased word, accent-folded.
    pub stem: String,
    /// A clause boundary (`;`, `:`) lies between the previous word and this one.
    pub clause_break: bool,
    /// "No." or "n°" before a number: not a negation.
    pub number_sign: bool,
}

/// A sentence: its char span and its words.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub tokens: Vec<Token>,
}

/// Lower-cases, removes diacritics (`é` → `e`), keeps everything else.
pub fn fold(word: &str) -> String {
    if word.is_ascii() {
        // ASCII has no diacritics and decomposes to itself.
        return word.to_ascii_lowercase();
    }
    word.to_lowercase()
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect()
}

/// The stemmer of a supported language.
pub fn stemmer(language: &str) -> Option<Stemmer> {
    let algorithm = match language {
        "en" => Algorithm::English,
        "fr" => Algorithm::French,
        "es" => Algorithm::Spanish,
        _ => return None,
    };
    Some(Stemmer::create(algorithm))
}

/// The stem a cue word or a text word is compared by. Accents are folded *before* stemming so
/// that "reunificación", "REUNIFICACION" and a cue written `reunificacion` agree.
pub fn stem(stemmer: &Stemmer, word: &str) -> String {
    stemmer.stem(&fold(word)).into_owned()
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "art", "arts", "no", "nos", "nr", "n", "para", "paras", "p", "pp", "mr", "mrs", "dr", "st",
    "co", "ltd", "inc", "etc", "ie", "eg", "cf", "vol", "sr", "sra", "sres", "ud", "uds", "m",
    "mm", "mme", "mlle", "ss", "av", "dto", "op", "cit", "ibid",
];

/// Splits `chars[start..end]` into sentences: at `.`/`!`/`?` followed by a space and a capital,
/// a digit or an opening bracket, and at line breaks. Abbreviations and single letters
/// ("U. S.", "Art. 5") do not end a sentence.
pub fn sentences(chars: &[char], start: usize, end: usize, stemmer: &Stemmer) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut sentence_start = start;
    let mut i = start;
    while i < end {
        let c = chars[i];
        let boundary = match c {
            '\n' => Some(i + 1),
            // A list marker after a full stop, colon or semicolon opens a new sentence.
            _ if i > sentence_start
                && list_marker_at(chars, i, end)
                && after_stop(chars, sentence_start, i)
                && words(&chars[sentence_start..i]) > 1 =>
            {
                Some(i)
            }
            '.' | '!' | '?' => {
                let next = chars.get(i + 1).copied();
                let after = chars.get(i + 2).copied();
                let spaced = next.is_some_and(|n| n == ' ' || n == '\n');
                let opens = after.is_some_and(|a| {
                    a.is_uppercase()
                        || a.is_ascii_digit()
                        || a == '('
                        || a == '"'
                        || a == '«'
                        || a == '“'
                });
                (spaced && opens && (c != '.' || !abbreviation_before(chars, start, i)))
                    .then_some(i + 1)
            }
            _ => None,
        };
        if let Some(b) = boundary {
            push_sentence(chars, sentence_start, b, stemmer, &mut out);
            sentence_start = b;
        }
        i += 1;
    }
    push_sentence(chars, sentence_start, end, stemmer, &mut out);
    out
}

/// `a. `, `b) `, `iv. `, `2. `, `(c) `, `(12) ` at `i`, after a space.
fn list_marker_at(chars: &[char], i: usize, end: usize) -> bool {
    if !chars[i - 1].is_whitespace() {
        return false;
    }
    let bracketed = chars[i] == '(';
    let from = i + usize::from(bracketed);
    let mut k = from;
    while k < end && k - from < 4 && chars[k].is_alphanumeric() {
        k += 1;
    }
    let label: String = chars[from..k].iter().collect();
    let well_formed = label.chars().all(|c| c.is_ascii_digit())
        || label.chars().count() == 1 && label.chars().all(|c| c.is_ascii_lowercase())
        || label.chars().all(|c| matches!(c, 'i' | 'v' | 'x'));
    let closer = match chars.get(k) {
        Some(')') => true,
        Some('.') => !bracketed,
        _ => false,
    };
    !label.is_empty()
        && well_formed
        && closer
        && chars.get(k + 1).is_some_and(|c| c.is_whitespace())
}

/// How many words `chars` holds (a lone marker "a." holds one).
fn words(chars: &[char]) -> usize {
    chars
        .split(|c| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count()
}

/// Whether the text before `i` (skipping spaces) ends with `.`, `;` or `:`.
fn after_stop(chars: &[char], floor: usize, i: usize) -> bool {
    chars[floor..i]
        .iter()
        .rev()
        .find(|c| !c.is_whitespace())
        .is_some_and(|c| matches!(c, '.' | ';' | ':'))
}

fn abbreviation_before(chars: &[char], floor: usize, dot: usize) -> bool {
    let mut k = dot;
    while k > floor && chars[k - 1].is_alphanumeric() {
        k -= 1;
    }
    let word: String = chars[k..dot].iter().collect();
    let n = word.chars().count();
    n == 1 || ABBREVIATIONS.contains(&fold(&word).as_str())
}

fn push_sentence(
    chars: &[char],
    start: usize,
    end: usize,
    stemmer: &Stemmer,
    out: &mut Vec<Sentence>,
) {
    // Trim whitespace so the evidence span starts and ends on text.
    let mut s = start;
    let mut e = end;
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    if s == e {
        return;
    }
    let tokens = tokenize(chars, s, e, stemmer);
    if !tokens.is_empty() {
        out.push(Sentence {
            start: s,
            end: e,
            tokens,
        });
    }
}

/// Words are maximal runs of letters and digits; apostrophes and hyphens separate words
/// (`l'employeur` → `l`, `employeur`).
pub fn tokenize(chars: &[char], start: usize, end: usize, stemmer: &Stemmer) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut i = start;
    let mut pending_break = false;
    while i < end {
        if !chars[i].is_alphanumeric() {
            if matches!(chars[i], ';' | ':') {
                pending_break = true;
            }
            i += 1;
            continue;
        }
        let s = i;
        while i < end && chars[i].is_alphanumeric() {
            i += 1;
        }
        let word: String = chars[s..i].iter().collect();
        let folded = fold(&word);
        let number_sign = matches!(folded.as_str(), "no" | "n" | "nr" | "nos")
            && chars[i..end.min(i + 3)]
                .iter()
                .find(|c| !matches!(c, '.' | '°' | 'º' | ' '))
                .is_some_and(|c| c.is_ascii_digit());
        tokens.push(Token {
            start: s,
            end: i,
            // `stem` folds first: the word is folded already.
            stem: stemmer.stem(&folded).into_owned(),
            folded,
            clause_break: pending_break,
            number_sign,
        });
        pending_break = false;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let st = stemmer("en").unwrap();
        sentences(&chars, 0, chars.len(), &st)
            .iter()
            .map(|s| chars[s.start..s.end].iter().collect())
            .collect()
    }

    #[test]
    fn splits_sentences_but_not_abbreviations() {
        assert_eq!(
            split("See Art. 5 of the U. S. law. Workers shall rest.\nNext line"),
            [
                "See Art. 5 of the U. S. law.",
                "Workers shall rest.",
                "Next line"
            ]
        );
        assert_eq!(
            split("the prevailing wage. a. (2) Lower wages: (b) none; iv) other"),
            [
                "the prevailing wage.",
                "a. (2) Lower wages:",
                "(b) none;",
                "iv) other"
            ]
        );
    }

    #[test]
    fn folds_and_stems() {
        let fr = stemmer("fr").unwrap();
        assert_eq!(stem(&fr, "Employeurs"), stem(&fr, "employeur"));
        assert_eq!(fold("Sécurité"), "securite");
        let chars: Vec<char> = "l'employeur n'est; No. 86".chars().collect();
        let t = tokenize(&chars, 0, chars.len(), &fr);
        assert_eq!(
            t.iter().map(|t| t.folded.as_str()).collect::<Vec<_>>(),
            ["l", "employeur", "n", "est", "no", "86"]
        );
        assert!(t[4].clause_break && t[4].number_sign && !t[2].number_sign);
    }
}
