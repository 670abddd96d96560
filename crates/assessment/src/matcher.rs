//! Compiled cues and their matching against the words of one sentence.

use std::collections::{HashMap, HashSet};

use blma_knowledge::model::{Atom, Cue, CueSet, CueVerdict, Gap, NegationRule, Sequence};
use rust_stemmers::Stemmer;

use crate::error::AssessError;
use crate::text::{Token, fold, stem, stemmer};

/// A pattern ready to match: cue words stemmed with the language's stemmer.
#[derive(Debug, Clone)]
pub struct Pattern {
    steps: Vec<(Gap, bool, Unit)>,
    /// The words a match can start with: most positions of most sentences fail this cheap test,
    /// so the full match (which allocates) runs rarely.
    first: Vec<Unit>,
}

#[derive(Debug, Clone)]
enum Unit {
    Stem(String),
    Glob(Vec<String>),
    Exact(String),
    Alternatives(Vec<Pattern>),
}

impl Pattern {
    fn compile(sequence: &Sequence, stemmer: &Stemmer) -> Pattern {
        let steps: Vec<(Gap, bool, Unit)> = sequence
            .steps
            .iter()
            .map(|step| {
                let unit = match &step.atom {
                    Atom::Word(w) => Unit::Stem(stem(stemmer, w)),
                    Atom::Glob(p) => Unit::Glob(fold(p).split('*').map(str::to_owned).collect()),
                    Atom::Exact(w) => Unit::Exact(fold(w)),
                    Atom::Alternatives(alts) => Unit::Alternatives(
                        alts.iter().map(|a| Pattern::compile(a, stemmer)).collect(),
                    ),
                };
                (step.gap, step.optional, unit)
            })
            .collect();
        let mut first = Vec::new();
        firsts(&steps, &mut first);
        Pattern { steps, first }
    }

    /// The first match in `tokens`: leftmost start, then shortest. Token indices, end exclusive.
    pub fn find(&self, tokens: &[Token]) -> Option<(usize, usize)> {
        (0..tokens.len())
            .filter(|&p| self.first.iter().any(|u| u.starts(&tokens[p])))
            .find_map(|p| self.ends_from(tokens, p).first().map(|&e| (p, e)))
    }

    /// The ends (exclusive, ascending) of every match that starts exactly at `p`.
    fn ends_from(&self, tokens: &[Token], p: usize) -> Vec<usize> {
        ends_from(&self.steps, tokens, p)
    }
}

type Steps = [(Gap, bool, Unit)];

/// Collects the single-word units a match of `steps` can begin with; returns whether `steps`
/// can match nothing at all (every step optional).
fn firsts(steps: &Steps, out: &mut Vec<Unit>) -> bool {
    for (_, optional, unit) in steps {
        let nullable = match unit {
            Unit::Alternatives(alts) => {
                // Every alternative contributes its first words: no short-circuit.
                let mut nullable = false;
                for a in alts {
                    nullable |= firsts(&a.steps, out);
                }
                nullable
            }
            leaf => {
                out.push(leaf.clone());
                false
            }
        };
        if !optional && !nullable {
            return false;
        }
    }
    true
}

fn ends_from(steps: &Steps, tokens: &[Token], p: usize) -> Vec<usize> {
    let Some(((_, optional, first), rest)) = steps.split_first() else {
        return Vec::new();
    };
    let mut ends = continue_from(rest, tokens, first.ends_at(tokens, p));
    if *optional && !rest.is_empty() {
        // The first step skipped: the rest starts right here.
        ends.extend(ends_from(rest, tokens, p));
        ends.sort_unstable();
        ends.dedup();
    }
    ends
}

/// Extends partial matches ending at `current` by every one of `steps`.
fn continue_from(steps: &Steps, tokens: &[Token], mut current: Vec<usize>) -> Vec<usize> {
    for (gap, optional, unit) in steps {
        if current.is_empty() {
            break;
        }
        let mut next = if *optional {
            current.clone()
        } else {
            Vec::new()
        };
        for &e in &current {
            let last = match gap {
                Gap::Upto(n) => (e + usize::from(*n) + 1).min(tokens.len()),
                Gap::Any => tokens.len(),
            };
            for q in e..last {
                next.extend(unit.ends_at(tokens, q));
            }
        }
        next.sort_unstable();
        next.dedup();
        current = next;
    }
    current
}

impl Unit {
    /// Whether this single-word unit matches `token` (alternatives are flattened beforehand).
    fn starts(&self, token: &Token) -> bool {
        match self {
            Unit::Stem(s) => token.stem == *s,
            Unit::Glob(parts) => glob(parts, &token.folded),
            Unit::Exact(s) => token.folded == *s,
            Unit::Alternatives(_) => true,
        }
    }

    fn ends_at(&self, tokens: &[Token], p: usize) -> Vec<usize> {
        let Some(token) = tokens.get(p) else {
            return Vec::new();
        };
        let hit = match self {
            Unit::Stem(s) => token.stem == *s,
            Unit::Glob(parts) => glob(parts, &token.folded),
            Unit::Exact(s) => token.folded == *s,
            Unit::Alternatives(alts) => {
                let mut ends: Vec<usize> =
                    alts.iter().flat_map(|a| a.ends_from(tokens, p)).collect();
                ends.sort_unstable();
                ends.dedup();
                return ends;
            }
        };
        if hit { vec![p + 1] } else { Vec::new() }
    }
}

/// One cue, compiled.
#[derive(Debug, Clone)]
pub struct CompiledCue {
    pub id: String,
    pub item: String,
    pub verdict: CueVerdict,
    /// The anchor as written, for the evidence's `cue` field.
    pub source: String,
    pub anchor: Pattern,
    pub also: Vec<Pattern>,
    pub unless: Vec<Pattern>,
    pub negation: NegationRule,
    pub preamble: bool,
    pub definitions: bool,
    pub confidence: f32,
    /// Clauses every anchor match satisfies: each lists vocabulary ids of which at least one
    /// word of the sentence must carry. A cue whose clause fails cannot fire.
    pub required: Vec<Vec<u32>>,
}

impl CompiledCue {
    /// Whether the anchor may match a sentence whose vocabulary bits are `present`.
    pub fn may_match(&self, present: &[u64]) -> bool {
        self.required
            .iter()
            .all(|clause| clause.iter().any(|&id| bit(present, id)))
    }
}

fn bit(present: &[u64], id: u32) -> bool {
    present[(id / 64) as usize] & (1 << (id % 64)) != 0
}

/// The stems and exact words the cues require, interned as small integer ids.
#[derive(Debug, Default)]
struct Vocab {
    stems: HashMap<String, u32>,
    exacts: HashMap<String, u32>,
    /// Globs by their literal parts.
    globs: Vec<(Vec<String>, u32)>,
    /// Indices into `globs` by the first byte of their first part (256: an empty first part).
    by_first: Vec<Vec<usize>>,
    len: u32,
}

impl Vocab {
    fn index_globs(&mut self) {
        self.by_first = vec![Vec::new(); 257];
        for (i, (parts, _)) in self.globs.iter().enumerate() {
            let key = parts
                .first()
                .and_then(|p| p.as_bytes().first())
                .map_or(256, |&b| usize::from(b));
            self.by_first[key].push(i);
        }
    }

    /// The ids of the globs `word` matches.
    fn globs_of(&self, word: &str) -> Vec<u32> {
        let mut ids = Vec::new();
        let first = word.as_bytes().first().map(|&b| usize::from(b));
        for key in first.into_iter().chain([256]) {
            for &i in &self.by_first[key] {
                let (parts, id) = &self.globs[i];
                if glob(parts, word) {
                    ids.push(*id);
                }
            }
        }
        ids
    }

    fn id(map: &mut HashMap<String, u32>, len: &mut u32, word: &str) -> u32 {
        if let Some(&id) = map.get(word) {
            return id;
        }
        let id = *len;
        *len += 1;
        map.insert(word.to_owned(), id);
        id
    }

    /// The requirement clauses of `steps`: each is satisfied by every match.
    fn requirements(&mut self, steps: &Steps) -> Vec<Vec<u32>> {
        let mut out = Vec::new();
        for (_, optional, unit) in steps {
            if *optional {
                continue;
            }
            match unit {
                Unit::Stem(s) => out.push(vec![Vocab::id(&mut self.stems, &mut self.len, s)]),
                Unit::Exact(s) => out.push(vec![Vocab::id(&mut self.exacts, &mut self.len, s)]),
                Unit::Glob(parts) => {
                    let id = match self.globs.iter().find(|(p, _)| p == parts) {
                        Some(&(_, id)) => id,
                        None => {
                            let id = self.len;
                            self.len += 1;
                            self.globs.push((parts.clone(), id));
                            id
                        }
                    };
                    out.push(vec![id]);
                }
                Unit::Alternatives(alts) => {
                    // Any one of the alternatives matches: the union of one clause of each.
                    let mut clause = Vec::new();
                    let mut all = true;
                    for a in alts {
                        match self.requirements(&a.steps).into_iter().next() {
                            Some(c) => clause.extend(c),
                            None => {
                                all = false;
                                break;
                            }
                        }
                    }
                    if all && !clause.is_empty() {
                        clause.sort_unstable();
                        clause.dedup();
                        out.push(clause);
                    }
                }
            }
        }
        out
    }
}

/// The cues and function words of one language, compiled.
pub struct CompiledSet {
    pub language: String,
    pub stemmer: Stemmer,
    pub cues: Vec<CompiledCue>,
    pub negation: HashSet<String>,
    pub exceptions: HashSet<String>,
    pub anaphora: HashSet<String>,
    pub strong: HashSet<String>,
    pub weak: HashSet<String>,
    vocab: Vocab,
}

impl std::fmt::Debug for CompiledSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CompiledSet")
            .field("language", &self.language)
            .field("cues", &self.cues.len())
            .finish_non_exhaustive()
    }
}

impl CompiledSet {
    /// Sets in `present` (cleared and resized here) the vocabulary ids the sentence carries.
    /// `globs` caches, per folded word, the ids of the globs it matches (keep it per document).
    pub fn presence<'t>(
        &self,
        tokens: &'t [Token],
        globs: &mut HashMap<&'t str, Vec<u32>>,
        present: &mut Vec<u64>,
    ) {
        present.clear();
        present.resize((self.vocab.len as usize).div_ceil(64).max(1), 0);
        for t in tokens {
            let ids = globs
                .entry(t.folded.as_str())
                .or_insert_with(|| self.vocab.globs_of(&t.folded));
            for &id in ids.iter() {
                present[(id / 64) as usize] |= 1 << (id % 64);
            }
            if let Some(&id) = self.vocab.stems.get(&t.stem) {
                present[(id / 64) as usize] |= 1 << (id % 64);
            }
            if let Some(&id) = self.vocab.exacts.get(&t.folded) {
                present[(id / 64) as usize] |= 1 << (id % 64);
            }
        }
    }

    pub fn compile(set: &CueSet) -> Result<CompiledSet, AssessError> {
        let stemmer = stemmer(&set.language).ok_or_else(|| AssessError::Cue {
            cue: format!("cues `{}`", set.language),
            message: "no stemmer for this language".into(),
        })?;
        let mut cues: Vec<CompiledCue> = set
            .cues
            .iter()
            .map(|cue| compile_cue(set, cue, &stemmer))
            .collect::<Result<_, _>>()?;
        let mut vocab = Vocab::default();
        for cue in &mut cues {
            cue.required = vocab.requirements(&cue.anchor.steps);
        }
        vocab.index_globs();
        let words = |list: &[String]| list.iter().map(|w| fold(w)).collect::<HashSet<_>>();
        Ok(CompiledSet {
            language: set.language.clone(),
            cues,
            negation: words(&set.negation),
            exceptions: words(&set.exceptions),
            anaphora: words(&set.anaphora),
            strong: words(&set.modality.strong),
            weak: words(&set.modality.weak),
            stemmer,
            vocab,
        })
    }
}

fn compile_cue(set: &CueSet, cue: &Cue, stemmer: &Stemmer) -> Result<CompiledCue, AssessError> {
    let parsed = set.parse_cue(cue).map_err(|message| AssessError::Cue {
        cue: cue.id.clone(),
        message,
    })?;
    let all = |v: &[Sequence]| v.iter().map(|s| Pattern::compile(s, stemmer)).collect();
    Ok(CompiledCue {
        id: cue.id.clone(),
        item: cue.item.clone(),
        verdict: cue.verdict,
        source: cue.pattern.clone(),
        anchor: Pattern::compile(&parsed.anchor, stemmer),
        also: all(&parsed.also),
        unless: all(&parsed.unless),
        negation: cue.negation,
        preamble: cue.preamble,
        definitions: cue.definitions,
        confidence: cue.confidence.unwrap_or(0.7),
        required: Vec::new(),
    })
}

/// Whether `word` matches the glob whose literal parts (between `*`s) are `parts`.
fn glob(parts: &[String], word: &str) -> bool {
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return false;
    };
    if parts.len() == 1 {
        return word == first;
    }
    if !word.starts_with(first.as_str()) || word.len() < first.len() + last.len() {
        return false;
    }
    let mut rest = &word[first.len()..];
    for middle in &parts[1..parts.len() - 1] {
        match rest.find(middle.as_str()) {
            Some(at) => rest = &rest[at + middle.len()..],
            None => return false,
        }
    }
    rest.ends_with(last.as_str())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::text::tokenize;

    fn pattern(language: &str, source: &str) -> (Pattern, Stemmer) {
        let set = CueSet {
            language: language.into(),
            macros: BTreeMap::from([(
                "worker".into(),
                "(worker*|travailleur*|trabajador*)".into(),
            )]),
            ..CueSet::default()
        };
        let stemmer = stemmer(language).unwrap();
        (
            Pattern::compile(&set.parse_pattern(source).unwrap(), &stemmer),
            stemmer,
        )
    }

    fn matches(language: &str, source: &str, sentence: &str) -> bool {
        let (p, stemmer) = pattern(language, source);
        let chars: Vec<char> = sentence.chars().collect();
        p.find(&tokenize(&chars, 0, chars.len(), &stemmer))
            .is_some()
    }

    #[test]
    fn stems_gaps_globs_and_options() {
        assert!(matches("en", "fee ~2 charged", "no fees will be charged"));
        assert!(!matches("en", "fee ~1 charged", "no fees will be charged"));
        assert!(matches(
            "en",
            "cost ... @worker",
            "the costs of the flight home are for the workers"
        ));
        assert!(matches(
            "en",
            "labo*r inspect*",
            "Labor inspection and labour inspectors"
        ));
        assert!(matches(
            "en",
            "borne by (the)? employer",
            "borne by employer"
        ));
        assert!(matches(
            "en",
            "borne by (the)? employer",
            "borne by the employer"
        ));
        assert!(
            !matches("en", "=no fee", "No. 5 fee"),
            "exact words are exact"
        );
        assert!(matches(
            "fr",
            "a la charge ~2 employeur*",
            "à la charge de l'employeur"
        ));
        assert!(matches("fr", "securite sociale", "la SÉCURITÉ SOCIALE"));
        assert!(matches(
            "es",
            "reunificacion familiar",
            "la reunificación familiar"
        ));
        assert!(matches("es", "sin costo", "SIN COSTO alguno"));
    }

    #[test]
    fn globs_match_inner_and_final_wildcards() {
        let parts = |g: &str| g.split('*').map(str::to_owned).collect::<Vec<_>>();
        assert!(glob(&parts("labo*r*"), "labourers"));
        assert!(glob(&parts("labo*r*"), "labor"));
        assert!(!glob(&parts("labo*r*"), "labs"));
        assert!(glob(&parts("wom*n"), "women"));
        assert!(!glob(&parts("wom*n"), "womanly"));
    }
}
