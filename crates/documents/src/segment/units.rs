//! Cutting the normalized text into units: paragraphs, further split where a heading, a
//! signature clause or an upper-case section title starts inside one. Each unit gets a role.
//! Units are contiguous: each runs to the start of the next.

use std::sync::LazyLock;

use regex::Regex;

use super::headings::{Label, MarkerStyle, heading, marker};
use crate::ProvisionKind;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Unit {
    /// Byte offset of the unit in the text.
    pub start: usize,
    /// Byte offset where the unit's own text ends (the next unit's start, or the text's end).
    pub end: usize,
    /// Whether the unit starts a paragraph (rather than inside one).
    pub block_start: bool,
    pub role: Role,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Role {
    /// A heading; `heading_end` is where the heading as printed ends.
    Division {
        kind: ProvisionKind,
        label: Label,
        heading_end: usize,
    },
    Marker {
        style: MarkerStyle,
        label: String,
    },
    Plain,
}

impl Unit {
    pub(crate) fn is_division(&self) -> bool {
        matches!(self.role, Role::Division { .. })
    }
}

static SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:in witness whereof|en foi de quoi|en fe de lo cual|en testimonio de lo cual|(?:done|signed|fait|hecho|firmado|dado|suscrito|signé) (?:at|in|à|a|en)\b)",
    )
    .expect("valid regex")
});

static LETTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:I have the hono(?:u)?r|J['’]ai l['’]honneur|Tengo (?:el|la) hon(?:or|ra))",
    )
    .expect("valid regex")
});

/// Where a new sentence may start inside a paragraph.
static SENTENCE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"[.!?;:][)"”’]?\s*"#).expect("valid regex"));

/// A run of upper-case words ("WAGES AND EMPLOYMENT").
static CAPS_RUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{Lu}'’-]*\b(?: (?:\p{Lu}[\p{Lu}'’-]*\b|&))*").expect("valid regex")
});

/// Whether a paragraph's first words are those of a letter ("I have the honour to …").
fn opens_letter(unit: &str) -> bool {
    let head_end = unit.char_indices().nth(300).map_or(unit.len(), |(i, _)| i);
    LETTER.is_match(&unit[..head_end])
}

/// Whether a paragraph is a salutation that opens a letter ("Excellency,", "Monsieur le Ministre,").
fn is_salutation(text: &str) -> bool {
    text.chars().count() <= 80 && text.ends_with([',', ':'])
}

/// The byte length of an upper-case section title at the start of `text`, if it is one: at
/// least six letters, a word of four, at most ten words, and followed by nothing, a capitalised
/// word or a paragraph marker.
fn caps_section(text: &str) -> Option<usize> {
    let run = CAPS_RUN.find(text)?.as_str();
    let words: Vec<&str> = run.split(' ').collect();
    let letters = run.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 6 || words.len() > 10 || !words.iter().any(|w| w.chars().count() >= 4) {
        return None;
    }
    let rest = &text[run.len()..];
    let next = rest.trim_start();
    let followed_well = rest.is_empty()
        || (rest.starts_with(' ')
            && (next.starts_with(|c: char| c.is_uppercase()) || marker(next).is_some()));
    followed_well.then_some(run.len())
}

/// State carried from unit to unit.
#[derive(Default)]
struct Cutter {
    units: Vec<Unit>,
    /// Whether a heading or numbered paragraph has been seen (upper-case section titles before
    /// one count only when a heading follows them).
    seen_structure: bool,
    /// Inside the signatures: only annexes and letters start anything new.
    in_signatures: bool,
}

/// Cuts `text` into units.
pub(crate) fn cut(text: &str) -> Vec<Unit> {
    let blocks = paragraphs(text);
    let mut cutter = Cutter::default();
    for (index, &(start, end)) in blocks.iter().enumerate() {
        let next_block = blocks.get(index + 1).map(|&(s, e)| &text[s..e]);
        cutter.cut_block(text, start, end, next_block);
    }
    if let Some(last) = cutter.units.last_mut() {
        last.end = text.len();
    }
    // Leading whitespace belongs to the first unit, so units cover the whole text.
    if let Some(first) = cutter.units.first_mut()
        && first.start > 0
    {
        if let Role::Division { heading_end, .. } = &mut first.role
            && *heading_end > 0
        {
            *heading_end += first.start;
        }
        first.start = 0;
    }
    merge_heading_continuations(text, &mut cutter.units);
    cutter.units
}

/// Byte ranges of the paragraphs (text between blank lines).
fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut blocks = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices("\n\n") {
        if at > start {
            blocks.push((start, at));
        }
        start = at + 2;
    }
    if start < text.len() {
        blocks.push((start, text.len()));
    }
    // Stray single line breaks or blank runs stay inside a paragraph: trim them off its ends.
    blocks
        .into_iter()
        .filter_map(|(s, e)| {
            let block = &text[s..e];
            let trimmed = block.trim_start();
            let s = s + (block.len() - trimmed.len());
            let e = s + trimmed.trim_end().len();
            (e > s).then_some((s, e))
        })
        .collect()
}

impl Cutter {
    fn push(&mut self, start: usize, block_start: bool, role: Role) {
        if let Some(previous) = self.units.last_mut() {
            previous.end = start;
        }
        self.units.push(Unit {
            start,
            end: start,
            block_start,
            role,
        });
    }

    fn cut_block(
        &mut self,
        text: &str,
        block_start: usize,
        block_end: usize,
        next_block: Option<&str>,
    ) {
        let mut at = block_start;
        let mut first = true;
        loop {
            let unit = &text[at..block_end];
            let (mut role, body) = self.classify(unit, first, next_block);
            if first
                && matches!(
                    role,
                    Role::Division {
                        kind: ProvisionKind::Letter,
                        ..
                    }
                )
            {
                self.open_letter_at_salutation(text, at, &mut role);
            }
            let is_division = matches!(role, Role::Division { .. });
            self.push(at, first, role);
            first = false;
            if is_division && body > 0 && body < unit.len() {
                // Body text on the heading's line is a unit of its own.
                at += body;
                continue;
            }
            let search_from = if is_division { block_end } else { at };
            match self.inline_split(text, search_from, block_end) {
                Some(split) if split > at => at = split,
                _ => break,
            }
        }
    }

    /// A salutation paragraph just before a letter's first words ("Excellency,") opens it.
    fn open_letter_at_salutation(&mut self, text: &str, at: usize, role: &mut Role) {
        if let Some(previous) = self.units.last_mut()
            && previous.block_start
            && previous.role == Role::Plain
            && is_salutation(text[previous.start..at].trim_end())
        {
            previous.role = std::mem::replace(role, Role::Plain);
        }
    }

    /// The role of a unit and, for a heading, the offset where body text starts.
    fn classify(
        &mut self,
        unit: &str,
        block_start: bool,
        next_block: Option<&str>,
    ) -> (Role, usize) {
        let heading_here = heading(unit);
        if self.in_signatures {
            return match heading_here {
                // A heading opening a paragraph ends the signatures: an annex, a protocol, or the
                // same text again in another language.
                Some(h) if block_start || h.kind == ProvisionKind::Annex => {
                    self.division(h.kind, h.label, h.len, h.body)
                }
                _ if block_start && opens_letter(unit) => self.letter(unit),
                _ => (Role::Plain, unit.len()),
            };
        }
        if let Some(h) = heading_here {
            return self.division(h.kind, h.label, h.len, h.body);
        }
        if SIGNATURE.is_match(unit) {
            self.in_signatures = true;
            return (
                Role::Division {
                    kind: ProvisionKind::Signatures,
                    label: Label::Unnumbered,
                    heading_end: 0,
                },
                unit.len(),
            );
        }
        if block_start && opens_letter(unit) {
            return self.letter(unit);
        }
        if let Some(len) = caps_section(unit) {
            let rest = unit[len..].trim_start();
            let heading_follows = heading(rest).is_some()
                || (rest.is_empty() && next_block.and_then(heading).is_some());
            if self.seen_structure || heading_follows {
                let body = len + (unit[len..].len() - rest.len());
                return (
                    Role::Division {
                        kind: ProvisionKind::Section,
                        label: Label::Unnumbered,
                        heading_end: len,
                    },
                    body,
                );
            }
        }
        (self.classify_body(unit), unit.len())
    }

    fn classify_body(&mut self, unit: &str) -> Role {
        match marker(unit) {
            Some(m) if !self.in_signatures => {
                self.seen_structure = true;
                Role::Marker {
                    style: m.style,
                    label: m.label,
                }
            }
            _ => Role::Plain,
        }
    }

    fn division(
        &mut self,
        kind: ProvisionKind,
        label: Label,
        len: usize,
        body: usize,
    ) -> (Role, usize) {
        self.seen_structure = true;
        self.in_signatures = false;
        (
            Role::Division {
                kind,
                label,
                heading_end: len,
            },
            body,
        )
    }

    /// A letter of an exchange of notes.
    fn letter(&mut self, unit: &str) -> (Role, usize) {
        self.in_signatures = false;
        self.seen_structure = true;
        (
            Role::Division {
                kind: ProvisionKind::Letter,
                label: Label::Unnumbered,
                heading_end: 0,
            },
            unit.len(),
        )
    }

    /// The next place inside a paragraph where a unit starts: a signature clause, an article
    /// heading set off by a dash ("… supervision. Article 16.—Settlement of Disputes"), or an
    /// upper-case section title after the structure has begun.
    fn inline_split(&self, text: &str, from: usize, block_end: usize) -> Option<usize> {
        let region = &text[from..block_end];
        for end in SENTENCE_END.find_iter(region) {
            let at = from + end.end();
            let spaced = end.as_str().ends_with(char::is_whitespace);
            let rest = &text[at..block_end];
            if rest.is_empty() || !(spaced || rest.starts_with(|c: char| c.is_uppercase())) {
                continue;
            }
            if !self.in_signatures && SIGNATURE.is_match(rest) {
                return Some(at);
            }
            if self.in_signatures {
                continue;
            }
            let dashed_article = heading(rest).is_some_and(|h| {
                h.kind == ProvisionKind::Article && rest[..h.len].contains(['—', '–'])
            });
            if spaced && (dashed_article || (self.seen_structure && caps_section(rest).is_some())) {
                return Some(at);
            }
        }
        None
    }
}

/// A heading alone in its paragraph may continue with a short title in the next one
/// ("TITULO I" / "De los Trabajadores de Temporada"): the title joins the heading.
fn merge_heading_continuations(text: &str, units: &mut Vec<Unit>) {
    let mut i = 0;
    while i + 2 < units.len() {
        let continues = match (&units[i].role, &units[i + 1]) {
            (
                Role::Division {
                    kind, heading_end, ..
                },
                next,
            ) if !matches!(kind, ProvisionKind::Signatures | ProvisionKind::Letter)
                && units[i].start + heading_end >= text[..units[i].end].trim_end().len()
                && next.block_start
                && next.role == Role::Plain =>
            {
                is_short_title(text[next.start..next.end].trim_end())
            }
            _ => false,
        };
        if continues {
            let next = units.remove(i + 1);
            let new_end = text[..next.end].trim_end().len() - units[i].start;
            units[i].end = next.end;
            if let Role::Division { heading_end, .. } = &mut units[i].role {
                *heading_end = new_end;
            }
        }
        i += 1;
    }
}

fn is_short_title(text: &str) -> bool {
    text.chars().count() <= 100
        && text.split_whitespace().count() <= 12
        && text.starts_with(|c: char| c.is_uppercase())
        && !text.ends_with(['.', ';', ':', ','])
}
