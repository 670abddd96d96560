//! Ranked keyword search over the elements of the knowledge base (BM25 with a title boost).
//!
//! The knowledge base is small (a few thousand elements), so an in-memory scan is instant and
//! keeps this crate free of an index engine. The platform's full-text search over agreements
//! lives in its own adapter crate.

use std::collections::HashMap;

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use crate::element::{Element, Kind};
use crate::index::Index;

/// One ranked result.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub score: f64,
    /// A passage around the best match, with matched words wrapped in `«…»`.
    pub snippet: String,
}

/// Folds a word for matching: lower case, accents removed, and a light English suffix strip
/// (`fees` → `fee`, `charged`/`charging` → `charg`) so that inflections meet.
fn fold(word: &str) -> String {
    let lower: String = word
        .nfd()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    for suffix in ["ing", "ed"] {
        if let Some(stem) = lower.strip_suffix(suffix)
            && stem.chars().count() >= 4
        {
            return stem.to_owned();
        }
    }
    match lower.strip_suffix('s') {
        Some(stem) if stem.chars().count() >= 3 && !stem.ends_with('s') => stem.to_owned(),
        _ => lower,
    }
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

fn terms(text: &str) -> Vec<String> {
    words(text).map(fold).filter(|w| !w.is_empty()).collect()
}

const TITLE_WEIGHT: f64 = 3.0;
const K1: f64 = 1.2;
const B: f64 = 0.75;

/// Elements matching `query`, best first. Elements that contain every query word rank above
/// those that contain only some; an element must contain at least one.
pub fn search(index: &Index, query: &str, limit: usize) -> Vec<Hit> {
    let query_terms: Vec<String> = {
        let mut t = terms(query);
        t.dedup();
        t
    };
    if query_terms.is_empty() {
        return Vec::new();
    }
    let docs: Vec<(&Element, HashMap<String, f64>, f64)> = index
        .elements()
        .iter()
        .map(|e| {
            let mut tf: HashMap<String, f64> = HashMap::new();
            for t in terms(&e.title) {
                *tf.entry(t).or_default() += TITLE_WEIGHT;
            }
            let body = e.plain_text();
            let body = body.strip_prefix(e.title.as_str()).unwrap_or(&body);
            let mut length = 0.0;
            for t in terms(body) {
                *tf.entry(t).or_default() += 1.0;
                length += 1.0;
            }
            (e, tf, length)
        })
        .collect();
    let n = docs.len() as f64;
    let average_length = docs.iter().map(|d| d.2).sum::<f64>() / n.max(1.0);
    let idf: HashMap<&str, f64> = query_terms
        .iter()
        .map(|t| {
            let df = docs.iter().filter(|d| d.1.contains_key(t)).count() as f64;
            (t.as_str(), ((n - df + 0.5) / (df + 0.5) + 1.0).ln())
        })
        .collect();
    let mut hits: Vec<(usize, f64, &Element)> = docs
        .iter()
        .filter_map(|(e, tf, length)| {
            let mut matched = 0;
            let mut score = 0.0;
            for t in &query_terms {
                if let Some(&f) = tf.get(t) {
                    matched += 1;
                    score += idf[t.as_str()] * f * (K1 + 1.0)
                        / (f + K1 * (1.0 - B + B * length / average_length));
                }
            }
            (matched > 0).then_some((matched, score, *e))
        })
        .collect();
    hits.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.total_cmp(&a.1))
            .then(a.2.id.cmp(&b.2.id))
    });
    hits.into_iter()
        .take(limit)
        .map(|(_, score, e)| Hit {
            id: e.id.clone(),
            kind: e.kind,
            title: e.title.clone(),
            score: (score * 1000.0).round() / 1000.0,
            snippet: snippet(&e.plain_text(), &query_terms, 220),
        })
        .collect()
}

/// The window of about `width` characters with the most distinct query terms, matches marked.
fn snippet(text: &str, query_terms: &[String], width: usize) -> String {
    let flat: Vec<&str> = text.split_whitespace().collect();
    let is_match = |w: &str| {
        let folded = terms(w);
        folded.iter().any(|f| query_terms.contains(f))
    };
    let matches: Vec<usize> = (0..flat.len()).filter(|&i| is_match(flat[i])).collect();
    let words_wide = (width / 7).max(8);
    let start = matches
        .iter()
        .map(|&m| {
            let start = m.saturating_sub(words_wide / 3);
            let end = (start + words_wide).min(flat.len());
            let distinct: std::collections::HashSet<String> = flat[start..end]
                .iter()
                .flat_map(|w| terms(w))
                .filter(|t| query_terms.contains(t))
                .collect();
            (distinct.len(), std::cmp::Reverse(start))
        })
        .max()
        .map_or(0, |(_, std::cmp::Reverse(start))| start);
    let end = (start + words_wide).min(flat.len());
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    for (i, word) in flat[start..end].iter().enumerate() {
        if i > 0 || start > 0 {
            out.push(' ');
        }
        if is_match(word) {
            // Mark the word, not the punctuation around it.
            let core = word.trim_matches(|c: char| !c.is_alphanumeric());
            let (before, rest) = word.split_at(word.find(core).unwrap_or(0));
            out.push_str(before);
            out.push('«');
            out.push_str(core);
            out.push('»');
            out.push_str(&rest[core.len()..]);
        } else {
            out.push_str(word);
        }
    }
    if end < flat.len() {
        out.push_str(" …");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_accents_and_plurals() {
        assert_eq!(fold("Fees"), "fee");
        assert_eq!(fold("Reunificación"), "reunificacion");
        assert_eq!(fold("business"), "business");
        assert_eq!(fold("charged"), fold("charging"));
        assert_eq!(fold("need"), "need");
    }

    #[test]
    fn snippet_marks_matches() {
        let s = snippet(
            "No recruitment fees shall be charged to workers.",
            &terms("fees worker"),
            200,
        );
        assert_eq!(s, "No recruitment «fees» shall be charged to «workers».");
    }
}
