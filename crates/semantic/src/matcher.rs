//! Rubric items against passages: each item is embedded once from the rubric's own words, each
//! passage of a document once, and every item gets the passages closest to it as candidates.

use blma_assessment::{Assessment, Candidate};
use blma_documents::Document;
use blma_knowledge::{Index, KnowledgeBase};

use crate::error::SemanticError;
use crate::model::Model;
use crate::passages::{Passage, passages};

/// How many candidates an item gets, and how close they must be.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// At most this many candidates per item, best first.
    pub top_k: usize,
    /// Cosine similarity a passage must reach to be proposed.
    pub threshold: f32,
}

impl Default for Options {
    /// Three candidates at a cosine of at least 0.40. With all-MiniLM-L6-v2 on the development
    /// agreements (`benches/dev_set.rs`), 0.35 lets through candidates for 61 % of the items the
    /// gold calls silent and 0.45 finds only 23 % of the gold passages; 0.40 is between (35 %,
    /// 33 %). See the crate documentation for the table.
    fn default() -> Options {
        Options {
            top_k: 3,
            threshold: 0.40,
        }
    }
}

/// What an item is embedded from: its title, when it is provided and when contradicted (the
/// rubric's words), and the title of the principle it derives from.
pub fn item_text(item: &blma_knowledge::model::RubricItem, index: &Index) -> String {
    let mut text = format!(
        "{}. Provides when the agreement {}.",
        item.title, item.provides
    );
    if let Some(contradicts) = &item.contradicts {
        text.push_str(&format!(" Contradicts when {contradicts}."));
    }
    let principle = item
        .guidance
        .iter()
        .filter_map(|id| index.get(id))
        .find(|e| e.kind == blma_knowledge::Kind::Principle);
    if let Some(principle) = principle {
        text.push(' ');
        text.push_str(&principle.title);
        text.push('.');
    }
    text
}

/// A model with the rubric's items embedded: proposes candidates for any number of documents.
#[derive(Debug)]
pub struct Matcher {
    model: Model,
    options: Options,
    items: Vec<(String, Vec<f32>)>,
}

impl Matcher {
    /// Embeds every rubric item of `kb` with `model`.
    pub fn new(
        model: Model,
        kb: &KnowledgeBase,
        options: Options,
    ) -> Result<Matcher, SemanticError> {
        let owned;
        let index: &Index = if std::ptr::eq(kb, KnowledgeBase::embedded()) {
            KnowledgeBase::index()
        } else {
            owned = Index::new(kb);
            &owned
        };
        let texts: Vec<String> = kb
            .rubric
            .items
            .iter()
            .map(|i| item_text(i, index))
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let vectors = model.embed(&refs)?;
        let items = kb
            .rubric
            .items
            .iter()
            .map(|i| i.id.clone())
            .zip(vectors)
            .collect();
        Ok(Matcher {
            model,
            options,
            items,
        })
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    pub fn options(&self) -> Options {
        self.options
    }

    /// The engine mode an assessment annotated by this matcher reports.
    pub fn mode(&self) -> String {
        format!("lexical+semantic:{}", self.model.name())
    }

    /// For every rubric item (in the rubric's order), its candidates in `document`, best first.
    pub fn propose(
        &self,
        document: &Document,
    ) -> Result<Vec<(String, Vec<Candidate>)>, SemanticError> {
        let passages = passages(document);
        let texts: Vec<&str> = passages.iter().map(|p| p.context.as_str()).collect();
        let vectors = self.model.embed(&texts)?;
        let chars: Vec<char> = document.text.chars().collect();
        Ok(self
            .items
            .iter()
            .map(|(item, query)| {
                let mut scored: Vec<(f32, &Passage)> = vectors
                    .iter()
                    .zip(&passages)
                    .map(|(v, p)| (dot(query, v), p))
                    .filter(|(score, _)| *score >= self.options.threshold)
                    .collect();
                // Best first; ties in document order, so the output is stable.
                scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.start.cmp(&b.1.start)));
                scored.truncate(self.options.top_k);
                let candidates = scored
                    .into_iter()
                    .map(|(score, p)| candidate(document, &chars, p, score))
                    .collect();
                (item.clone(), candidates)
            })
            .collect())
    }

    /// Fills the candidates of every finding of `assessment` (which must be of `document`) and
    /// sets its engine mode. Verdicts, evidence and confidences are left exactly as they were.
    pub fn annotate(
        &self,
        assessment: &mut Assessment,
        document: &Document,
    ) -> Result<(), SemanticError> {
        let proposed = self.propose(document)?;
        for finding in &mut assessment.findings {
            if let Some((_, candidates)) = proposed.iter().find(|(item, _)| *item == finding.item) {
                finding.candidates = candidates.clone();
            }
        }
        assessment.engine.mode = self.mode();
        Ok(())
    }
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn candidate(document: &Document, chars: &[char], passage: &Passage, score: f32) -> Candidate {
    let (provision, provision_id) = match passage.provision.map(|i| (i, &document.provisions[i])) {
        Some((i, p)) => (document.label_of(i), p.id.clone()),
        None => ("text".to_owned(), "text".to_owned()),
    };
    Candidate {
        provision,
        provision_id,
        start: passage.start,
        end: passage.end,
        text: chars[passage.start..passage.end].iter().collect(),
        score: (score * 1000.0).round() / 1000.0,
    }
}
