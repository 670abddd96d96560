//! Fidelity of the knowledge base to the guidance as extracted from its PDF
//! (`tests/fixtures/guidance-pdf-extraction.txt`, a verbatim copy of `seeds/001`).
//!
//! The extraction interleaves table columns and repeats pages, so texts are compared on a
//! *key*: lower-case letters and digits only. Hyphenation, line breaks and column interleaving
//! then disappear, while every word and its order still count.

use std::collections::{BTreeMap, HashMap};

use blma_knowledge::KnowledgeBase;
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

const GUIDANCE: &str = include_str!("fixtures/guidance-pdf-extraction.txt");
const PRESENTATION: &str = include_str!("fixtures/presentation-rights-in-blmas.txt");
const PLATFORM: &str = include_str!("fixtures/platform-entry.txt");

/// Drops footnote reference numbers that the extraction glues after punctuation or a lower-case
/// letter (`race,7 colour`, `targets)14 and`, `Mexico22 on`), so they do not break a key match.
/// Upper-case letters are left alone: `C97`, `R86` and `P029` are instrument numbers.
fn drop_footnote_marks(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        out.push(chars[i]);
        // `3.1 The` and `1,2` are numbering, not footnote marks.
        let after_digit = i > 0 && chars[i - 1].is_ascii_digit();
        let punctuation = matches!(chars[i], ',' | '.' | ';' | ':' | ')' | '”' | '’' | '"');
        let glued_after = (punctuation && !after_digit) || chars[i].is_lowercase();
        if glued_after {
            let digits = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            let next = chars.get(i + 1 + digits);
            if (1..=2).contains(&digits)
                && next.is_none_or(|c| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':'))
            {
                i += digits;
            }
        }
        i += 1;
    }
    out
}

/// Lower-case alphanumerics of `text`, compatibility-decomposed (so `ﬁ` is `fi`).
fn key(text: &str) -> String {
    text.nfkc()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Every string of the knowledge base that is prose (not an id or enum), with its JSON path.
fn prose(kb: &KnowledgeBase) -> Vec<(String, String)> {
    fn walk(value: &Value, path: &str, out: &mut Vec<(String, String)>) {
        match value {
            Value::String(s) if word_count(s) >= 2 => out.push((path.to_owned(), s.clone())),
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, &format!("{path}[{i}]"), out);
                }
            }
            Value::Object(map) => {
                for (k, v) in map {
                    walk(v, &format!("{path}.{k}"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(
        &serde_json::to_value(kb).expect("serialises"),
        "kb",
        &mut out,
    );
    out
}

/// Sentence-like fragments of `text` with at least `min_words` words.
fn fragments(text: &str, min_words: usize) -> Vec<&str> {
    text.split(['.', ';', ':', '?', '!', '•', '\n'])
        .map(str::trim)
        .filter(|f| word_count(f) >= min_words)
        .collect()
}

/// Strings that come from the rubric or its assessment cues, summarise, or name instruments in
/// full (the guidance only abbreviates them) rather than transcribe.
fn transcribed(path: &str) -> bool {
    let editorial = path.starts_with("kb.instruments") && path.ends_with(".title");
    !(path.starts_with("kb.rubric")
        || path.starts_with("kb.cues")
        || path.starts_with("kb.about")
        || path == "kb.presentation.title"
        || editorial)
}

#[test]
fn every_transcribed_fragment_is_in_the_sources() {
    let kb = KnowledgeBase::parse_embedded().expect("knowledge base parses");
    let sources = [
        key(&drop_footnote_marks(GUIDANCE)),
        key(PRESENTATION),
        key(PLATFORM),
    ];
    let mut checked = 0usize;
    let mut missing = Vec::new();
    for (path, text) in prose(&kb).iter().filter(|(p, _)| transcribed(p)) {
        for fragment in fragments(text, 4) {
            checked += 1;
            let k = key(fragment);
            if !sources.iter().any(|s| s.contains(&k)) {
                missing.push(format!("{path}: «{fragment}»"));
            }
        }
    }
    let share = 1.0 - missing.len() as f64 / checked.max(1) as f64;
    eprintln!(
        "{checked} fragments checked, {} not found verbatim ({:.2} % found)",
        missing.len(),
        share * 100.0
    );
    for m in &missing {
        eprintln!("  not in the guidance: {m}");
    }
    assert!(
        checked > 1_200,
        "the knowledge base holds only {checked} fragments: is the guidance transcribed?"
    );
    assert!(
        share >= 0.99,
        "{} fragments are not verbatim from the sources",
        missing.len()
    );
}

/// Drops the label a line of the extraction starts with: a footnote number (`7  ILO …`), a
/// principle label (`A.1`), or a box, table or annex number. The knowledge base keeps those as
/// ids and fields, not as text.
fn strip_label(line: &str) -> &str {
    let line = line.trim_start();
    let after = |prefix: &str| {
        let rest = line.strip_prefix(prefix)?.trim_start();
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        (digits > 0).then(|| rest[digits..].trim_start_matches('.').trim_start())
    };
    for prefix in ["BOX", "Box", "TABLE", "Table", "Annex"] {
        if let Some(rest) = after(prefix) {
            return rest;
        }
    }
    let bytes = line.as_bytes();
    if bytes.len() > 3 && (b'A'..=b'K').contains(&bytes[0]) && bytes[1] == b'.' {
        return line[2..]
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .trim_start();
    }
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if (1..=2).contains(&digits) && line[digits..].starts_with(char::is_whitespace) {
        return line[digits..].trim_start();
    }
    line
}

#[test]
fn nothing_of_the_guidance_is_lost() {
    let kb = KnowledgeBase::parse_embedded().expect("knowledge base parses");
    // Keys are joined without a separator so that a line that runs from one field into the next
    // (a principle's headline into its text) is still found.
    let all: String = prose(&kb).iter().map(|(_, t)| key(t)).collect();
    let mut checked = 0usize;
    let mut lost = Vec::new();
    for (n, line) in GUIDANCE.lines().enumerate() {
        let line = strip_label(line);
        if word_count(line) < 4 {
            continue;
        }
        // A trailing footnote number glued to the last word is layout, not text.
        let line = drop_footnote_marks(line);
        let k = key(line.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace()));
        checked += 1;
        if !all.contains(&k) {
            lost.push(format!("line {}: {}", n + 1, line.trim()));
        }
    }
    let share = 1.0 - lost.len() as f64 / checked.max(1) as f64;
    eprintln!(
        "{checked} lines of the guidance checked, {} not in the knowledge base ({:.2} % kept)",
        lost.len(),
        share * 100.0
    );
    for l in &lost {
        eprintln!("  lost: {l}");
    }
    assert!(
        share >= 0.97,
        "{} lines of the guidance are missing from the knowledge base",
        lost.len()
    );
}

/// Sentences the guidance itself prints more than once (not page repeats of the extraction).
const REPEATED_IN_GUIDANCE: &[&str] = &[
    // Boxes 1 and 5, and boxes 2 and 4, extract the same agreement under the same heading.
    "Agreement on Labour Cooperation between Canada and the Republic of Honduras, 5 November 2013 (extracts)",
    "Agreement on Labour Cooperation between Canada and the Republic of Honduras, 5 November 2013 (extract)",
    // The source line under the figure of the migration cycle (Section IV) and under Annex 2.
    "Tool for the Assessment of Bilateral Labour Migration Agreements (ILO/IOM 2019)",
    // Step headings of IV.C that are also the titles of tables 11 and 12.
    "Suggested role of social partners in the implementation of BLMAs",
    "Role of civil society and other stakeholders in the implementation of BLMAs",
    // Annex 5 asks it of both countries.
    "Have workers’ and employers’ organizations been involved in the implementation of the BLMA?",
];

#[test]
fn no_passage_is_transcribed_twice() {
    let kb = KnowledgeBase::parse_embedded().expect("knowledge base parses");
    // The origin and destination columns of tables 10–13 may word a task or an indicator
    // alike: a repeat across the two sides of one row is the guidance's, not the extraction's.
    let row_of = |path: &str| {
        let path = path
            .replace(".origin", ".side")
            .replace(".destination", ".side");
        path.split_once(".side")
            .map_or(path.clone(), |(row, _)| row.to_owned())
    };
    let mut seen: HashMap<String, Vec<(String, String)>> = HashMap::new();
    // Table row labels name the principle they serve in its own words.
    let label = |path: &str| {
        path.ends_with(".subject") || path.ends_with(".clause") || path.ends_with(".topic")
    };
    for (path, text) in prose(&kb)
        .iter()
        .filter(|(p, _)| transcribed(p) && !label(p))
    {
        for fragment in fragments(text, 10) {
            let places = seen.entry(key(fragment)).or_default();
            let row = row_of(path);
            if !places.iter().any(|(r, _)| *r == row) {
                places.push((row, format!("{path}: «{fragment}»")));
            }
        }
    }
    let allowed: Vec<String> = REPEATED_IN_GUIDANCE.iter().map(|s| key(s)).collect();
    let repeats: BTreeMap<String, Vec<(String, String)>> = seen
        .into_iter()
        .filter(|(k, places)| places.len() > 1 && !allowed.contains(k))
        .collect();
    for places in repeats.values() {
        let places: Vec<&str> = places.iter().map(|(_, p)| p.as_str()).collect();
        eprintln!("repeated: {}", places.join("\n          "));
    }
    assert!(
        repeats.is_empty(),
        "{} passages appear more than once",
        repeats.len()
    );
}
