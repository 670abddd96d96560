//! The engine: every sentence of every operative provision against every cue of its language;
//! negation, exceptions and modality per clause; `contradicts` over `provides`.

use std::collections::HashMap;
use std::sync::OnceLock;

use blma_documents::{AgreementKind, Document, Language, ProvisionKind};
use blma_knowledge::KnowledgeBase;
use blma_knowledge::model::{CueVerdict, NegationRule};

use crate::error::AssessError;
use crate::matcher::{CompiledCue, CompiledSet};
use crate::model::*;
use crate::text::{Sentence, sentences};

/// How many words before an anchor a negation reaches ("no fee *shall be charged*").
const NEGATION_REACH: usize = 6;
/// Evidence spans kept per finding: the strongest few, so a reader sees the point at once.
const MAX_EVIDENCE: usize = 2;
/// A sentence longer than this is cited by the clauses around the match only.
const LONG_SENTENCE: usize = 300;
/// A span this short is a heading or a fragment: cited only when nothing fuller says it.
const SHORT_SPAN: usize = 50;
/// How much weaker than the best passage another may be and still be cited.
const RANK_MARGIN: f32 = 0.05;

/// The rubric and the compiled cues of every supported language.
#[derive(Debug)]
pub struct Engine {
    items: Vec<String>,
    rubric_version: u32,
    sets: Vec<CompiledSet>,
}

/// A sentence as the engine reads it.
struct Read {
    sentence: Sentence,
    set: usize,
    provision: Option<usize>,
    recital: bool,
    definition: bool,
    context: Option<usize>,
}

/// Whether the provision, or one that encloses it, defines terms.
fn in_definitions(document: &Document, index: usize) -> bool {
    let mut current = &document.provisions[index];
    loop {
        if current.kind == ProvisionKind::Definitions {
            return true;
        }
        match current
            .parent
            .as_ref()
            .and_then(|id| document.provisions.iter().find(|p| &p.id == id))
        {
            Some(parent) => current = parent,
            None => return false,
        }
    }
}

/// `a. `, `b) `, `(c) ` at `start`: an item of a list whose lead-in governs it.
fn letter_item(chars: &[char], start: usize) -> bool {
    let bracketed = chars.get(start) == Some(&'(');
    let at = start + usize::from(bracketed);
    let letter = chars.get(at).is_some_and(char::is_ascii_lowercase);
    let closer = match chars.get(at + 1) {
        Some(')') => true,
        Some('.') => !bracketed,
        _ => false,
    };
    letter && closer
}

/// One cue firing on one span.
#[derive(Debug, Clone)]
struct Hit<'a> {
    cue: &'a CompiledCue,
    verdict: Verdict,
    provision: usize,
    start: usize,
    end: usize,
    confidence: f32,
}

impl Engine {
    /// Compiles the cues of a knowledge base; an error names the cue that does not compile.
    pub fn new(kb: &KnowledgeBase) -> Result<Engine, AssessError> {
        Ok(Engine {
            items: kb.rubric.items.iter().map(|i| i.id.clone()).collect(),
            rubric_version: kb.rubric.version,
            sets: kb
                .cues
                .iter()
                .map(CompiledSet::compile)
                .collect::<Result<_, _>>()?,
        })
    }

    /// The engine of the embedded knowledge base, compiled once.
    ///
    /// # Panics
    /// Never on a released build: the tests compile every embedded cue.
    pub fn embedded() -> &'static Engine {
        static ENGINE: OnceLock<Engine> = OnceLock::new();
        ENGINE.get_or_init(|| {
            Engine::new(KnowledgeBase::embedded())
                .unwrap_or_else(|e| panic!("embedded cues do not compile: {e}"))
        })
    }

    /// The languages the engine has cues for.
    pub fn languages(&self) -> Vec<&str> {
        self.sets.iter().map(|s| s.language.as_str()).collect()
    }

    fn set(&self, language: &Language) -> Option<&CompiledSet> {
        self.sets.iter().find(|s| s.language == language.code())
    }

    /// Splits the operative text into sentences, each with its cue set, its provision and the
    /// sentence it is read with (a list item's lead-in, an anaphor's antecedent).
    fn read(&self, document: &Document, default_set: &CompiledSet, chars: &[char]) -> Vec<Read> {
        let mut out: Vec<Read> = Vec::new();
        for unit in units(document) {
            let provision = unit.provision.map(|p| &document.provisions[p]);
            let set = provision
                .and_then(|p| p.language.as_ref())
                .map_or(Some(default_set), |l| self.set(l));
            let Some(set) = set else { continue };
            let set_index = self
                .sets
                .iter()
                .position(|s| std::ptr::eq(s, set))
                .unwrap_or(0);
            let kind = provision.map(|p| p.kind);
            if kind == Some(ProvisionKind::Signatures) {
                continue;
            }
            let recital = matches!(kind, Some(ProvisionKind::Preamble | ProvisionKind::Title));
            let definition = unit.provision.is_some_and(|p| in_definitions(document, p));
            for sentence in sentences(chars, unit.start, unit.end, &set.stemmer) {
                let context = if letter_item(chars, sentence.start) {
                    out.iter()
                        .rposition(|r| !letter_item(chars, r.sentence.start))
                } else if sentence
                    .tokens
                    .first()
                    .is_some_and(|t| set.anaphora.contains(&t.folded))
                {
                    out.len().checked_sub(1)
                } else {
                    None
                };
                out.push(Read {
                    sentence,
                    set: set_index,
                    provision: unit.provision,
                    recital,
                    definition,
                    context,
                });
            }
        }
        out
    }

    /// Assesses one document: every rubric item exactly once.
    pub fn assess(&self, document: &Document) -> Result<Assessment, AssessError> {
        let Some(default_set) = self.set(&document.language) else {
            return Err(AssessError::UnsupportedLanguage {
                language: document.language.code().to_owned(),
                supported: self.languages().join(", "),
            });
        };
        let chars: Vec<char> = document.text.chars().collect();
        let read = self.read(document, default_set, &chars);
        let mut hits: Vec<Hit> = Vec::new();
        let mut present: Vec<u64> = Vec::new();
        // Per cue set: the glob ids each folded word of this document matches.
        let mut globs: Vec<HashMap<&str, Vec<u32>>> = vec![HashMap::new(); self.sets.len()];
        for (i, r) in read.iter().enumerate() {
            let set = &self.sets[r.set];
            let context = r.context.map(|c| &read[c].sentence);
            set.presence(&r.sentence.tokens, &mut globs[r.set], &mut present);
            for cue in &set.cues {
                if (r.recital && !cue.preamble) || (r.definition && !cue.definitions) {
                    continue;
                }
                if !cue.may_match(&present) {
                    continue;
                }
                if let Some(hit) = fire(cue, set, &r.sentence, context, &chars) {
                    hits.push(Hit {
                        provision: r.provision.unwrap_or(usize::MAX),
                        ..hit
                    });
                }
            }
            debug_assert!(r.context.is_none_or(|c| c < i));
        }
        let findings = self
            .items
            .iter()
            .map(|item| finding(item, &hits, document, &chars))
            .collect();
        Ok(Assessment {
            document: summary(document),
            findings,
            engine: EngineInfo {
                version: env!("CARGO_PKG_VERSION").to_owned(),
                rubric_version: self.rubric_version,
                mode: "lexical".to_owned(),
            },
        })
    }
}

/// Matches one cue on one sentence; the hit's span is the sentence, or the clauses around the
/// anchor when the sentence is long.
fn fire<'a>(
    cue: &'a CompiledCue,
    set: &CompiledSet,
    sentence: &Sentence,
    context: Option<&Sentence>,
    chars: &[char],
) -> Option<Hit<'a>> {
    let tokens = &sentence.tokens;
    let (s, e) = cue.anchor.find(tokens)?;
    let found = |p: &crate::matcher::Pattern| {
        p.find(tokens).is_some() || context.is_some_and(|c| p.find(&c.tokens).is_some())
    };
    if !cue.also.iter().all(found) || cue.unless.iter().any(found) {
        return None;
    }
    let clause_start = (0..=s)
        .rev()
        .find(|&k| tokens[k].clause_break || set.exceptions.contains(&tokens[k].folded))
        .unwrap_or(0);
    let reach = s.saturating_sub(NEGATION_REACH).max(clause_start);
    let negated = tokens[reach..e]
        .iter()
        .any(|t| !t.number_sign && set.negation.contains(&t.folded));
    let cue_verdict = match (cue.negation, negated) {
        (NegationRule::Block, true) | (NegationRule::Require, false) => return None,
        (NegationRule::Flip, true) => match cue.verdict {
            CueVerdict::Provides => CueVerdict::Contradicts,
            CueVerdict::Contradicts => CueVerdict::Provides,
        },
        _ => cue.verdict,
    };
    let verdict = match cue_verdict {
        CueVerdict::Provides => Verdict::Provides,
        CueVerdict::Contradicts => Verdict::Contradicts,
    };
    let clause_end = (e..tokens.len())
        .find(|&k| tokens[k].clause_break)
        .unwrap_or(tokens.len());
    // A firm "shall" is surer than "may" or "endeavour"; both count (rubric: intent counts).
    let clause = &tokens[clause_start..clause_end];
    let confidence = if clause.iter().any(|t| set.strong.contains(&t.folded)) {
        cue.confidence + 0.1
    } else if clause.iter().any(|t| set.weak.contains(&t.folded)) {
        cue.confidence - 0.05
    } else {
        cue.confidence
    }
    .clamp(0.05, 0.99);
    let (start, end) = if sentence.end - sentence.start > LONG_SENTENCE {
        let from = if clause_start == 0 {
            sentence.start
        } else {
            tokens[clause_start].start
        };
        (
            from,
            clause_span_end(chars, tokens[clause_end - 1].end, sentence.end),
        )
    } else {
        (sentence.start, sentence.end)
    };
    Some(Hit {
        cue,
        verdict,
        provision: usize::MAX,
        start,
        end,
        confidence,
    })
}

/// Extends a clause to its closing punctuation (`;`, `.`), if it directly follows.
fn clause_span_end(chars: &[char], end: usize, limit: usize) -> usize {
    match chars.get(end) {
        Some(';' | '.' | ':' | ')' | '"' | '»' | '”') if end < limit => end + 1,
        _ => end,
    }
}

fn finding(item: &str, hits: &[Hit], document: &Document, chars: &[char]) -> Finding {
    let mine: Vec<&Hit> = hits.iter().filter(|h| h.cue.item == item).collect();
    let verdict = if mine.iter().any(|h| h.verdict == Verdict::Contradicts) {
        Verdict::Contradicts
    } else if mine.is_empty() {
        Verdict::Silent
    } else {
        Verdict::Provides
    };
    let chosen: Vec<&Hit> = mine.into_iter().filter(|h| h.verdict == verdict).collect();
    // Rank passages by how squarely they state the item: the cue's own confidence, more for a
    // passage several cues agree on, less for a bare heading; then in document order.
    let rank = |h: &Hit| {
        let agreeing = chosen
            .iter()
            .filter(|o| o.start == h.start && o.end == h.end && o.cue.id != h.cue.id)
            .count();
        let heading = if h.end - h.start < SHORT_SPAN {
            0.15
        } else {
            0.0
        };
        h.cue.confidence + 0.05 * agreeing as f32 - heading
    };
    let mut ranked: Vec<(f32, &Hit)> = chosen.iter().map(|h| (rank(h), *h)).collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.start.cmp(&b.1.start)));
    // Further passages only when they state it as squarely as the best one: a reader (and the
    // evaluation) wants the point, not every mention.
    let top = ranked.first().map_or(0.0, |r| r.0);
    let chosen: Vec<&Hit> = ranked
        .into_iter()
        .filter(|(r, _)| *r >= top - RANK_MARGIN)
        .map(|(_, h)| h)
        .collect();
    let mut evidence: Vec<Evidence> = Vec::new();
    let mut confidence: f32 = if verdict == Verdict::Silent { 0.6 } else { 0.0 };
    for hit in chosen {
        let overlaps = evidence
            .iter()
            .any(|e| hit.start < e.end && e.start < hit.end);
        if overlaps || evidence.len() == MAX_EVIDENCE {
            continue;
        }
        confidence = confidence.max(hit.confidence);
        evidence.push(cite(hit, document, chars));
    }
    // Several independent passages agreeing make the verdict surer.
    if evidence.len() > 1 {
        confidence = (confidence + 0.05).min(0.99);
    }
    evidence.sort_by_key(|e| e.start);
    Finding {
        item: item.to_owned(),
        verdict,
        confidence: (confidence * 100.0).round() / 100.0,
        evidence,
        candidates: Vec::new(),
    }
}

fn cite(hit: &Hit, document: &Document, chars: &[char]) -> Evidence {
    let (provision, provision_id) = match document.provisions.get(hit.provision) {
        Some(p) => (document.label_of(hit.provision), p.id.clone()),
        None => ("text".to_owned(), "text".to_owned()),
    };
    Evidence {
        provision,
        provision_id,
        start: hit.start,
        end: hit.end,
        text: chars[hit.start..hit.end].iter().collect(),
        polarity: hit.verdict,
        cue: format!("{} `{}`", hit.cue.id, hit.cue.source),
    }
}

/// A stretch of text that belongs to one provision (the innermost one covering it).
struct Unit {
    start: usize,
    end: usize,
    provision: Option<usize>,
}

/// Cuts the text at every provision boundary; each piece goes to the innermost provision.
fn units(document: &Document) -> Vec<Unit> {
    let len = document.text.chars().count();
    let mut cuts: Vec<usize> = vec![0, len];
    for p in &document.provisions {
        cuts.push(p.start.min(len));
        cuts.push(p.end.min(len));
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let (start, end) = (w[0], w[1]);
            let provision = document
                .provisions
                .iter()
                .enumerate()
                .filter(|(_, p)| p.start <= start && end <= p.end)
                .min_by_key(|(i, p)| (p.end - p.start, usize::MAX - i))
                .map(|(i, _)| i);
            Unit {
                start,
                end,
                provision,
            }
        })
        .collect()
}

fn summary(document: &Document) -> DocumentSummary {
    let kind = match document.metadata.kind {
        AgreementKind::Agreement => "agreement",
        AgreementKind::Mou => "mou",
        AgreementKind::Model => "model",
        AgreementKind::Other => "other",
    };
    DocumentSummary {
        title: document.metadata.title.clone(),
        language: document.language.code().to_owned(),
        parties: document.metadata.parties.clone(),
        date_signed: document.metadata.date_signed.clone(),
        kind: kind.to_owned(),
        provisions: document.provisions.len(),
    }
}
