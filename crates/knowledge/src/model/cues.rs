//! Assessment cues: for each rubric item, the wordings by which an agreement provides or
//! contradicts it, one file per language (`data/rubric/cues/{en,fr,es}.toml`).
//!
//! # The cue language
//!
//! A cue is matched within **one sentence** of an agreement, on lower-cased, accent-folded,
//! Snowball-stemmed words (the stemming itself is the assessment engine's job; this module only
//! parses). A *pattern* is a sequence of atoms:
//!
//! | syntax        | matches                                                                  |
//! |---------------|--------------------------------------------------------------------------|
//! | `word`        | any word with the same stem (`fees` matches `fee`, `fees`)               |
//! | `wo*rd*`      | a glob on the accent-folded word, not stemmed (`labo*r*`: labour, labor…)|
//! | `=word`       | exactly that word (accent-folded): for short function words              |
//! | `(a b\|c)`    | alternatives; each alternative is itself a sequence                      |
//! | `@name`       | the language file's macro `name` (roles such as `@worker`, `@employer`)   |
//!
//! An atom followed by `?` is optional. Atoms written next to each other must be adjacent in
//! the text. Between two atoms, `~N`
//! allows up to N other words, and `...` any number (within the sentence). A word with inner
//! punctuation (`l'employeur`, `main-d'oeuvre`) is split like the text is (`l employeur`).
//!
//! A cue adds to its `pattern` (the *anchor*, whose clause becomes the evidence):
//! - `also`: patterns that must all match in the same sentence (required co-occurrence);
//! - `unless`: patterns that veto the cue when they match in the same sentence;
//!
//!   for both, a list item ("(c) …") is read with its lead-in sentence, and a sentence opening
//!   with an anaphoric word ("It may be extended …") with the previous sentence;
//! - `negation`: what a negation word (`no`, `not`, `ne`, `pas`, `sin` …, listed per language)
//!   shortly before or inside the anchor, in the same clause, does: `block` (default: the cue
//!   does not fire), `flip` (the cue fires with the opposite verdict: "workers shall *not* bear
//!   the cost"), `require` (fires only when negated), `ignore`;
//! - `preamble`: whether recitals count (only `intl_standards` should say `true`);
//! - `definitions`: whether a definitions article counts (default `false`: a definition names a
//!   thing, it does not establish it; scope and authorities opt in);
//! - `confidence`: 0 to 1 (default 0.7).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The cues of one language.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CueSet {
    /// ISO 639-1 code: `en`, `fr`, `es`.
    pub language: String,
    /// Named patterns, referred to as `@name`.
    #[serde(default)]
    pub macros: BTreeMap<String, String>,
    /// Words that negate what follows in their clause (accent-folded, lower case).
    pub negation: Vec<String>,
    /// Words that open an exception or a new clause ("except", "unless", "sauf", "salvo"): a
    /// negation before them does not reach past them.
    pub exceptions: Vec<String>,
    /// Words that, opening a sentence, refer back to the previous one ("It may be extended"):
    /// such a sentence is read with the previous one for `also` and `unless`.
    #[serde(default)]
    pub anaphora: Vec<String>,
    pub modality: Modality,
    #[serde(rename = "cue")]
    pub cues: Vec<Cue>,
}

/// Modal words: a firm obligation and a commitment of intent both count; the engine is a little
/// less confident of the second.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Modality {
    pub strong: Vec<String>,
    pub weak: Vec<String>,
}

/// One cue: when its patterns match a sentence, that sentence is evidence for `verdict` on
/// `item`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cue {
    /// Unique across all languages. Optional in the files: the loader names an unnamed cue
    /// `<language>.<item>.<n>` (its rank among the item's cues in that file, from 1).
    #[serde(default)]
    pub id: String,
    /// The rubric item id.
    pub item: String,
    pub verdict: CueVerdict,
    pub pattern: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unless: Vec<String>,
    #[serde(default)]
    pub negation: NegationRule,
    #[serde(default)]
    pub preamble: bool,
    #[serde(default)]
    pub definitions: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CueVerdict {
    Provides,
    Contradicts,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NegationRule {
    #[default]
    Block,
    Flip,
    Require,
    Ignore,
}

/// A parsed pattern: a sequence of atoms with the gap allowed before each.
#[derive(Debug, Clone, PartialEq)]
pub struct Sequence {
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// `?`: the step may be skipped.
    pub optional: bool,
    /// How many other words may come between the previous step and this one (ignored on the
    /// first step).
    pub gap: Gap,
    pub atom: Atom,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    Upto(u8),
    Any,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Atom {
    /// A word to be stemmed and compared by stem.
    Word(String),
    /// A glob (`*` for any letters) on the folded word.
    Glob(String),
    /// The folded word exactly.
    Exact(String),
    Alternatives(Vec<Sequence>),
}

/// Cue-language tokens.
#[derive(Debug, Clone, PartialEq)]
enum Lexeme {
    Open,
    Close,
    Bar,
    Optional,
    Gap(Gap),
    Macro(String),
    Word {
        text: String,
        prefix: bool,
        exact: bool,
    },
}

fn lex(pattern: &str) -> Result<Vec<Lexeme>, String> {
    let mut out = Vec::new();
    let chars: Vec<char> = pattern.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            c if c.is_whitespace() => i += 1,
            '(' => (out.push(Lexeme::Open), i += 1).1,
            ')' => (out.push(Lexeme::Close), i += 1).1,
            '|' => (out.push(Lexeme::Bar), i += 1).1,
            '?' => (out.push(Lexeme::Optional), i += 1).1,
            '.' if chars[i..].starts_with(&['.', '.', '.']) => {
                out.push(Lexeme::Gap(Gap::Any));
                i += 3;
            }
            '~' => {
                let digits: String = chars[i + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .collect();
                let n = digits.parse::<u8>().map_err(|_| {
                    format!("`~` must be followed by a number of words (0–255) at character {i}")
                })?;
                out.push(Lexeme::Gap(Gap::Upto(n)));
                i += 1 + digits.len();
            }
            '@' => {
                let name: String = chars[i + 1..]
                    .iter()
                    .take_while(|c| c.is_alphanumeric() || **c == '_')
                    .collect();
                if name.is_empty() {
                    return Err(format!(
                        "`@` must be followed by a macro name at character {i}"
                    ));
                }
                i += 1 + name.chars().count();
                out.push(Lexeme::Macro(name));
            }
            _ => {
                let exact = c == '=';
                let start = if exact { i + 1 } else { i };
                let mut end = start;
                while end < chars.len()
                    && !chars[end].is_whitespace()
                    && !matches!(chars[end], '(' | ')' | '|' | '~' | '@' | '?')
                {
                    end += 1;
                }
                let raw: String = chars[start..end].iter().collect();
                // Split on inner punctuation the way the text tokenizer does.
                let parts: Vec<&str> = raw
                    .split(|c: char| !c.is_alphanumeric() && c != '*')
                    .filter(|p| !p.is_empty())
                    .collect();
                if parts.is_empty() || parts.iter().any(|p| p.chars().all(|c| c == '*')) {
                    return Err(format!("unexpected `{raw}` at character {i}"));
                }
                for part in parts {
                    out.push(Lexeme::Word {
                        text: part.to_lowercase(),
                        prefix: part.contains('*'),
                        exact,
                    });
                }
                i = end;
            }
        }
    }
    Ok(out)
}

struct Parser<'a> {
    lexemes: Vec<Lexeme>,
    pos: usize,
    macros: &'a BTreeMap<String, String>,
    /// Macros being expanded, to report cycles.
    stack: Vec<String>,
}

impl Parser<'_> {
    fn sequence(&mut self) -> Result<Sequence, String> {
        let mut steps: Vec<Step> = Vec::new();
        let mut gap = Gap::Upto(0);
        loop {
            match self.lexemes.get(self.pos).cloned() {
                None | Some(Lexeme::Close) | Some(Lexeme::Bar) => break,
                Some(Lexeme::Optional) => {
                    let Some(last) = steps.last_mut() else {
                        return Err("`?` must follow a word or a group".into());
                    };
                    last.optional = true;
                    self.pos += 1;
                    continue;
                }
                Some(Lexeme::Gap(g)) => {
                    if steps.is_empty() {
                        return Err("a pattern cannot start with a gap".into());
                    }
                    gap = g;
                    self.pos += 1;
                    continue;
                }
                Some(Lexeme::Open) => {
                    self.pos += 1;
                    let mut alternatives = vec![self.sequence()?];
                    while self.lexemes.get(self.pos) == Some(&Lexeme::Bar) {
                        self.pos += 1;
                        alternatives.push(self.sequence()?);
                    }
                    if self.lexemes.get(self.pos) != Some(&Lexeme::Close) {
                        return Err("unclosed `(`".into());
                    }
                    self.pos += 1;
                    if alternatives.iter().any(|a| a.steps.is_empty()) {
                        return Err("empty alternative in `( … | … )`".into());
                    }
                    steps.push(Step {
                        optional: false,
                        gap,
                        atom: Atom::Alternatives(alternatives),
                    });
                }
                Some(Lexeme::Macro(name)) => {
                    self.pos += 1;
                    steps.push(Step {
                        optional: false,
                        gap,
                        atom: Atom::Alternatives(vec![self.expand(&name)?]),
                    });
                }
                Some(Lexeme::Word {
                    text,
                    prefix,
                    exact,
                }) => {
                    self.pos += 1;
                    let atom = if prefix {
                        Atom::Glob(text)
                    } else if exact {
                        Atom::Exact(text)
                    } else {
                        Atom::Word(text)
                    };
                    steps.push(Step {
                        optional: false,
                        gap,
                        atom,
                    });
                }
            }
            gap = Gap::Upto(0);
        }
        if gap != Gap::Upto(0) {
            return Err("a pattern cannot end with a gap".into());
        }
        Ok(Sequence { steps })
    }

    fn expand(&mut self, name: &str) -> Result<Sequence, String> {
        if self.stack.iter().any(|n| n == name) {
            return Err(format!("macro `@{name}` refers to itself"));
        }
        let body = self
            .macros
            .get(name)
            .ok_or_else(|| format!("unknown macro `@{name}`"))?;
        self.stack.push(name.to_owned());
        let parsed = parse_with(body, self.macros, self.stack.clone())
            .map_err(|e| format!("in macro `@{name}`: {e}"))?;
        self.stack.pop();
        Ok(parsed)
    }
}

fn parse_with(
    pattern: &str,
    macros: &BTreeMap<String, String>,
    stack: Vec<String>,
) -> Result<Sequence, String> {
    let mut parser = Parser {
        lexemes: lex(pattern)?,
        pos: 0,
        macros,
        stack,
    };
    let sequence = parser.sequence()?;
    match parser.lexemes.get(parser.pos) {
        None if sequence.steps.is_empty() => Err("empty pattern".into()),
        None => Ok(sequence),
        Some(Lexeme::Close) => Err("`)` without `(`".into()),
        Some(_) => Err("`|` outside parentheses".into()),
    }
}

impl CueSet {
    /// Parses one pattern of this language, expanding its macros.
    pub fn parse_pattern(&self, pattern: &str) -> Result<Sequence, String> {
        parse_with(pattern, &self.macros, Vec::new())
    }

    /// Every pattern of `cue` (anchor, `also`, `unless`), parsed; the error names the pattern.
    pub fn parse_cue(&self, cue: &Cue) -> Result<ParsedCue, String> {
        let one = |p: &String| {
            self.parse_pattern(p)
                .map_err(|e| format!("pattern `{p}`: {e}"))
        };
        Ok(ParsedCue {
            anchor: one(&cue.pattern)?,
            also: cue.also.iter().map(one).collect::<Result<_, _>>()?,
            unless: cue.unless.iter().map(one).collect::<Result<_, _>>()?,
        })
    }
}

/// A cue's patterns, parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedCue {
    pub anchor: Sequence,
    pub also: Vec<Sequence>,
    pub unless: Vec<Sequence>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(macros: &[(&str, &str)]) -> CueSet {
        CueSet {
            language: "en".into(),
            macros: macros
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            ..CueSet::default()
        }
    }

    #[test]
    fn parses_words_gaps_alternatives_and_macros() {
        let s = set(&[("worker", "(worker|migrant)")]);
        let seq = s
            .parse_pattern("cost* ~3 (borne|paid) by ... @worker =no l'employeur")
            .unwrap();
        assert_eq!(seq.steps.len(), 7);
        assert_eq!(seq.steps[0].atom, Atom::Glob("cost*".into()));
        let glob = s.parse_pattern("labo*r* (the)? x").unwrap();
        assert_eq!(glob.steps[0].atom, Atom::Glob("labo*r*".into()));
        assert!(glob.steps[1].optional && !glob.steps[2].optional);
        assert_eq!(seq.steps[1].gap, Gap::Upto(3));
        assert_eq!(seq.steps[2].gap, Gap::Upto(0));
        assert_eq!(seq.steps[3].gap, Gap::Any);
        assert_eq!(seq.steps[4].atom, Atom::Exact("no".into()));
        assert_eq!(seq.steps[5].atom, Atom::Word("l".into()));
        assert_eq!(seq.steps[6].atom, Atom::Word("employeur".into()));
        match &seq.steps[3].atom {
            Atom::Alternatives(alts) => assert_eq!(alts.len(), 1),
            other => panic!("macro not expanded: {other:?}"),
        }
    }

    #[test]
    fn reports_malformed_patterns() {
        let s = set(&[("a", "@b"), ("b", "@a")]);
        for (bad, why) in [
            ("(fee|", "unclosed"),
            ("fee)", "without"),
            ("... fee", "start with a gap"),
            ("fee ~", "number"),
            ("fee ~2", "end with a gap"),
            ("@nope", "unknown macro"),
            ("@a", "refers to itself"),
            ("(fee||cost)", "empty alternative"),
            ("", "empty pattern"),
            ("? fee", "must follow"),
            ("fee *", "unexpected"),
        ] {
            let err = s.parse_pattern(bad).unwrap_err();
            assert!(err.contains(why), "{bad}: {err}");
        }
    }
}
