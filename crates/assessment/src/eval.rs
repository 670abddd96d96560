//! Scores assessments against gold verdicts and quotes (`spec/rubric.md`, "Evaluation").
//!
//! The headline is NLI-F1: the mean of F1 for `provides` and F1 for `contradicts` over all
//! (agreement, item) pairs (ContractNLI). Evidence precision counts a cited span when it overlaps
//! a gold quote of the same item, quotes located in the normalized text ignoring whitespace and
//! punctuation (extraction may re-flow lines and rejoin hyphenated words).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::AssessError;
use crate::model::{Assessment, Verdict};

/// One agreement's gold annotation.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldDocument {
    pub items: BTreeMap<String, GoldItem>,
    #[serde(default)]
    pub language: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldItem {
    pub verdict: Verdict,
    #[serde(default)]
    pub quotes: Vec<String>,
}

/// `gold.json`: slug → annotation.
pub type Gold = BTreeMap<String, GoldDocument>;

pub fn parse_gold(json: &str) -> Result<Gold, AssessError> {
    serde_json::from_str(json).map_err(|e| AssessError::Gold(format!("gold.json: {e}")))
}

/// One agreement to score: the normalized text the assessment's offsets refer to.
#[derive(Debug, Clone, Copy)]
pub struct Case<'a> {
    pub slug: &'a str,
    pub text: &'a str,
    pub assessment: &'a Assessment,
    pub gold: &'a GoldDocument,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ClassScores {
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl ClassScores {
    fn count(&mut self, gold: bool, predicted: bool) {
        match (gold, predicted) {
            (true, true) => self.true_positives += 1,
            (false, true) => self.false_positives += 1,
            (true, false) => self.false_negatives += 1,
            (false, false) => {}
        }
    }

    /// A class absent from both gold and predictions scores 1: nothing was missed or invented.
    fn finish(&mut self) {
        let (tp, fp, fnn) = (
            self.true_positives as f64,
            self.false_positives as f64,
            self.false_negatives as f64,
        );
        self.precision = if tp + fp == 0.0 { 1.0 } else { tp / (tp + fp) };
        self.recall = if tp + fnn == 0.0 {
            1.0
        } else {
            tp / (tp + fnn)
        };
        self.f1 = if tp + fp + fnn == 0.0 {
            1.0
        } else {
            2.0 * tp / (2.0 * tp + fp + fnn)
        };
    }
}

/// Scores over a set of (agreement, item) pairs.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Scores {
    pub pairs: usize,
    pub nli_f1: f64,
    pub accuracy: f64,
    pub provides: ClassScores,
    pub contradicts: ClassScores,
    /// Cited spans, and those overlapping a gold quote of their item.
    pub evidence_cited: usize,
    pub evidence_matching: usize,
    pub evidence_precision: f64,
    /// Rows: gold `provides`, `contradicts`, `silent`; columns: predicted, same order.
    pub confusion: [[usize; 3]; 3],
}

impl Scores {
    fn add(&mut self, gold: Verdict, predicted: Verdict, cited: usize, matching: usize) {
        self.pairs += 1;
        self.confusion[rank(gold)][rank(predicted)] += 1;
        self.provides
            .count(gold == Verdict::Provides, predicted == Verdict::Provides);
        self.contradicts.count(
            gold == Verdict::Contradicts,
            predicted == Verdict::Contradicts,
        );
        self.evidence_cited += cited;
        self.evidence_matching += matching;
    }

    fn finish(&mut self) {
        self.provides.finish();
        self.contradicts.finish();
        self.nli_f1 = (self.provides.f1 + self.contradicts.f1) / 2.0;
        let correct: usize = (0..3).map(|i| self.confusion[i][i]).sum();
        self.accuracy = ratio(correct, self.pairs);
        self.evidence_precision = if self.evidence_cited == 0 {
            1.0
        } else {
            ratio(self.evidence_matching, self.evidence_cited)
        };
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn rank(v: Verdict) -> usize {
    match v {
        Verdict::Provides => 0,
        Verdict::Contradicts => 1,
        Verdict::Silent => 2,
    }
}

/// A pair the engine got wrong.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Miss {
    pub document: String,
    pub item: String,
    pub gold: Verdict,
    pub predicted: Verdict,
}

/// The full evaluation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub overall: Scores,
    pub per_item: BTreeMap<String, Scores>,
    pub per_document: BTreeMap<String, Scores>,
    pub per_language: BTreeMap<String, Scores>,
    pub misses: Vec<Miss>,
    /// Gold quotes that could not be found in the normalized text (document, item, quote).
    pub unlocated_quotes: Vec<(String, String, String)>,
}

/// Scores every case. An item missing from the gold is an error: the gold must be complete.
pub fn evaluate(cases: &[Case]) -> Result<Report, AssessError> {
    let mut overall = Scores::default();
    let mut per_item: BTreeMap<String, Scores> = BTreeMap::new();
    let mut per_document = BTreeMap::new();
    let mut per_language: BTreeMap<String, Scores> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut unlocated = Vec::new();
    for case in cases {
        let index = QuoteIndex::new(case.text);
        let mut doc = Scores::default();
        let language = case
            .gold
            .language
            .clone()
            .unwrap_or_else(|| case.assessment.document.language.clone());
        for finding in &case.assessment.findings {
            let gold = case.gold.items.get(&finding.item).ok_or_else(|| {
                AssessError::Gold(format!(
                    "`{}` has no gold verdict for `{}`",
                    case.slug, finding.item
                ))
            })?;
            let spans: Vec<(usize, usize)> = gold
                .quotes
                .iter()
                .flat_map(|q| {
                    let found = index.find(q);
                    if found.is_empty() {
                        unlocated.push((case.slug.to_owned(), finding.item.clone(), q.clone()));
                    }
                    found
                })
                .collect();
            let matching = finding
                .evidence
                .iter()
                .filter(|e| spans.iter().any(|&(s, t)| e.start < t && s < e.end))
                .count();
            let cited = finding.evidence.len();
            for scores in [
                &mut overall,
                &mut doc,
                per_item.entry(finding.item.clone()).or_default(),
                per_language.entry(language.clone()).or_default(),
            ] {
                scores.add(gold.verdict, finding.verdict, cited, matching);
            }
            if gold.verdict != finding.verdict {
                misses.push(Miss {
                    document: case.slug.to_owned(),
                    item: finding.item.clone(),
                    gold: gold.verdict,
                    predicted: finding.verdict,
                });
            }
        }
        doc.finish();
        per_document.insert(case.slug.to_owned(), doc);
    }
    overall.finish();
    per_item.values_mut().for_each(Scores::finish);
    per_language.values_mut().for_each(Scores::finish);
    Ok(Report {
        overall,
        per_item,
        per_document,
        per_language,
        misses,
        unlocated_quotes: unlocated,
    })
}

/// The text reduced to its lower-cased letters and digits, with each one's char offset.
struct QuoteIndex {
    key: String,
    /// Char offset in the text of the key's char starting at each byte (only those bytes used).
    offsets: Vec<usize>,
}

impl QuoteIndex {
    fn new(text: &str) -> QuoteIndex {
        let mut key = String::new();
        let mut offsets = Vec::new();
        for (i, c) in text.chars().enumerate() {
            for l in c.to_lowercase().filter(|l| l.is_alphanumeric()) {
                key.push(l);
                offsets.resize(key.len(), i);
            }
        }
        offsets.push(text.chars().count());
        QuoteIndex { key, offsets }
    }

    /// Char spans of every occurrence of `quote`.
    fn find(&self, quote: &str) -> Vec<(usize, usize)> {
        let needle: String = quote
            .chars()
            .flat_map(char::to_lowercase)
            .filter(|c| c.is_alphanumeric())
            .collect();
        if needle.is_empty() {
            return Vec::new();
        }
        self.key
            .match_indices(&needle)
            .map(|(b, m)| (self.offsets[b], self.offsets[b + m.len() - 1] + 1))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_found_across_whitespace_and_hyphenation() {
        let index = QuoteIndex::new("Ab  cd.\nGov- ernment é");
        assert_eq!(index.find("ab cd"), vec![(0, 6)]);
        assert_eq!(index.find("Government É"), vec![(8, 22)]);
        assert!(index.find("zz").is_empty());
    }

    #[test]
    fn f1_and_nli_f1() {
        let mut s = Scores::default();
        s.add(Verdict::Provides, Verdict::Provides, 1, 1);
        s.add(Verdict::Provides, Verdict::Silent, 0, 0);
        s.add(Verdict::Contradicts, Verdict::Contradicts, 2, 1);
        s.add(Verdict::Silent, Verdict::Contradicts, 1, 0);
        s.finish();
        assert!((s.provides.f1 - 2.0 / 3.0).abs() < 1e-9);
        assert!((s.contradicts.f1 - 2.0 / 3.0).abs() < 1e-9);
        assert!((s.nli_f1 - 2.0 / 3.0).abs() < 1e-9);
        assert!((s.accuracy - 0.5).abs() < 1e-9);
        assert!((s.evidence_precision - 0.5).abs() < 1e-9);
        assert_eq!(s.confusion[0], [1, 0, 1]);
    }
}
