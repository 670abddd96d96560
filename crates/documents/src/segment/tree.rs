//! From units to the tree of provisions: title and preamble, then headings nested by rank,
//! then numbered paragraphs and points inside the innermost headings.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use super::headings::{Label, MarkerStyle};
use super::units::{Role, Unit};
use crate::ProvisionKind;

/// A provision with byte offsets, before conversion to char offsets.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Draft {
    pub id: String,
    pub kind: ProvisionKind,
    pub heading: Option<String>,
    pub start: usize,
    pub end: usize,
    pub parent: Option<String>,
}

static DEFINITIONS_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)d[ée]fini(?:tion|ci[oó]n)|interpretation").expect("valid regex")
});

static DEFINITIONS_BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)^(?:for the purposes? of this [^.;:]{0,80}?(?:terms?|expressions?|words?)\b|[^.;:]{0,80}?(?:on entend par|entiéndese por|se entiende por|se entender[aá] por|aux fins du présent [^.;:]{0,40}?(?:terme|expression))|(?:the term|the expression|le terme|l'expression|el término|la expresión) ["“«][^"”»]{1,80}["”»] (?:means|shall mean|refers to|désigne|s'entend|significa|se refiere))"#,
    )
    .expect("valid regex")
});

static MODEL_CONTRACT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)contract|contrat|contrato").expect("valid regex"));

static PREAMBLE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:preamble|préambule|preámbulo)\W*$").expect("valid regex")
});

/// Headings of lower rank nest inside those of higher rank (smaller number).
fn rank(kind: ProvisionKind) -> u8 {
    match kind {
        ProvisionKind::Annex
        | ProvisionKind::ModelContract
        | ProvisionKind::Letter
        | ProvisionKind::Signatures => 0,
        ProvisionKind::Part => 1,
        ProvisionKind::Chapter => 2,
        ProvisionKind::Section => 3,
        _ => 4,
    }
}

/// The id prefix of a kind (Akoma Ntoso style).
fn id_word(kind: ProvisionKind) -> &'static str {
    match kind {
        ProvisionKind::Part => "part",
        ProvisionKind::Chapter => "chp",
        ProvisionKind::Section => "sec",
        ProvisionKind::Annex | ProvisionKind::ModelContract => "annex",
        ProvisionKind::Letter => "letter",
        ProvisionKind::Signatures => "signatures",
        ProvisionKind::Paragraph => "para",
        ProvisionKind::Point => "point",
        _ => "art",
    }
}

struct Builder<'a> {
    text: &'a str,
    units: &'a [Unit],
    drafts: Vec<Draft>,
    used_ids: HashSet<String>,
    /// Unnumbered headings are numbered in order, per enclosing id and kind.
    unnumbered: HashMap<(Option<String>, &'static str), usize>,
}

/// Builds the provisions of `text` from its units. Top-level provisions tile the text.
pub(crate) fn build(text: &str, units: &[Unit]) -> Vec<Draft> {
    let mut builder = Builder {
        text,
        units,
        drafts: Vec::new(),
        used_ids: HashSet::new(),
        unnumbered: HashMap::new(),
    };
    if units.is_empty() {
        if !text.is_empty() {
            builder.push(
                "body".to_owned(),
                ProvisionKind::Other,
                None,
                0,
                text.len(),
                None,
            );
        }
        return builder.drafts;
    }
    let start_of = |i: usize| units.get(i).map_or(text.len(), |u| u.start);
    let title_units = builder.title_units();
    if title_units > 0 {
        let heading = collapse(&text[..start_of(title_units)]);
        builder.push(
            "title".to_owned(),
            ProvisionKind::Title,
            Some(heading),
            0,
            start_of(title_units),
            None,
        );
    }
    let first_structural = (title_units..units.len()).find(|&i| units[i].role != Role::Plain);
    let preamble_end = first_structural.unwrap_or(units.len());
    if preamble_end > title_units {
        let (id, kind) = match first_structural {
            Some(_) => ("preamble", ProvisionKind::Preamble),
            None => ("body", ProvisionKind::Other),
        };
        builder.push(
            id.to_owned(),
            kind,
            None,
            start_of(title_units),
            start_of(preamble_end),
            None,
        );
    }
    if let Some(first) = first_structural {
        builder.container(first, units.len(), text.len(), None, None, true);
    }
    builder.drafts
}

/// Whitespace collapsed to single spaces.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Builder<'_> {
    fn push(
        &mut self,
        id: String,
        kind: ProvisionKind,
        heading: Option<String>,
        start: usize,
        end: usize,
        parent: Option<String>,
    ) -> String {
        let mut unique = id.clone();
        let mut n = 1;
        while !self.used_ids.insert(unique.clone()) {
            n += 1;
            unique = format!("{id}_{n}");
        }
        self.drafts.push(Draft {
            id: unique.clone(),
            kind,
            heading,
            start,
            end,
            parent,
        });
        unique
    }

    /// How many units at the start form the title: whole paragraphs, the first one short and
    /// not ending a sentence, the next ones in capitals as well.
    fn title_units(&self) -> usize {
        let mut count = 0;
        let mut blocks = 0;
        while count < self.units.len() {
            let unit = &self.units[count];
            let block_end = (count + 1..self.units.len()).find(|&j| self.units[j].block_start);
            let block = self.text
                [unit.start..block_end.map_or(self.text.len(), |j| self.units[j].start)]
                .trim();
            let role_fits = match &unit.role {
                Role::Plain => true,
                Role::Division { kind, .. } => {
                    blocks == 0 && matches!(kind, ProvisionKind::Annex | ProvisionKind::Section)
                }
                Role::Marker { .. } => false,
            };
            let shape_fits = block.chars().count() <= 400
                && !block.ends_with(['.', ';', ':', ','])
                && !block.starts_with(|c: char| c.is_lowercase())
                && !PREAMBLE_WORD.is_match(block)
                && (blocks == 0 || !block.chars().any(char::is_lowercase));
            if !(role_fits && shape_fits) {
                break;
            }
            count = block_end.unwrap_or(self.units.len());
            blocks += 1;
        }
        count
    }

    /// Builds the provisions in units `lo..hi`, which end at byte `end`. `parent` is the
    /// enclosing provision, `prefix` the id its children's ids start with.
    fn container(
        &mut self,
        lo: usize,
        hi: usize,
        end: usize,
        parent: Option<&str>,
        prefix: Option<&str>,
        implicit_paragraphs: bool,
    ) {
        let first_division = (lo..hi).find(|&i| self.units[i].is_division());
        let lead_end = first_division.map_or(end, |i| self.units[i].start);
        self.numbered(
            lo,
            first_division.unwrap_or(hi),
            lead_end,
            parent,
            prefix,
            implicit_paragraphs && first_division.is_none(),
        );

        let mut current = first_division;
        while let Some(c) = current {
            let Role::Division {
                kind,
                label,
                heading_end,
            } = self.units[c].role.clone()
            else {
                unreachable!("a division")
            };
            // Signatures hold no headings: any heading after them starts a new provision.
            let next = (c + 1..hi).find(|&j| match &self.units[j].role {
                Role::Division { kind: other, .. } => {
                    kind == ProvisionKind::Signatures || rank(*other) <= rank(kind)
                }
                _ => false,
            });
            let child_end = next.map_or(end, |j| self.units[j].start);
            let start = self.units[c].start;
            let heading =
                (heading_end > 0).then(|| collapse(&self.text[start..start + heading_end]));
            let kind = self.refine(kind, heading.as_deref(), start + heading_end, child_end);
            let number = match label {
                Label::Given(number) => number,
                Label::Unnumbered => {
                    let counter = self
                        .unnumbered
                        .entry((prefix.map(str::to_owned), id_word(kind)))
                        .or_default();
                    *counter += 1;
                    counter.to_string()
                }
            };
            let id = match kind {
                ProvisionKind::Signatures => join(prefix, "signatures"),
                _ => join(prefix, &format!("{}_{number}", id_word(kind))),
            };
            let id = self.push(
                id,
                kind,
                heading,
                start,
                child_end,
                parent.map(str::to_owned),
            );
            if kind != ProvisionKind::Signatures {
                // Groupings above articles do not prefix their descendants' ids (Akoma Ntoso).
                let child_prefix = if matches!(
                    kind,
                    ProvisionKind::Part | ProvisionKind::Chapter | ProvisionKind::Section
                ) {
                    prefix
                } else {
                    Some(id.as_str())
                };
                let child_prefix = child_prefix.map(str::to_owned);
                self.container(
                    c + 1,
                    next.unwrap_or(hi),
                    child_end,
                    Some(&id),
                    child_prefix.as_deref(),
                    true,
                );
            }
            current = next;
        }
    }

    /// An article that defines terms is a definitions article; an annex holding a contract is
    /// a model contract.
    fn refine(
        &self,
        kind: ProvisionKind,
        heading: Option<&str>,
        body_start: usize,
        end: usize,
    ) -> ProvisionKind {
        let heading = heading.unwrap_or("");
        match kind {
            ProvisionKind::Article => {
                let body = self.text[body_start.min(end)..end].trim_start();
                let head = &body[..body.char_indices().nth(300).map_or(body.len(), |(i, _)| i)];
                if DEFINITIONS_HEADING.is_match(heading) || DEFINITIONS_BODY.is_match(head) {
                    ProvisionKind::Definitions
                } else {
                    kind
                }
            }
            ProvisionKind::Annex if MODEL_CONTRACT.is_match(heading) => {
                ProvisionKind::ModelContract
            }
            _ => kind,
        }
    }

    /// Numbered paragraphs and points among units `lo..hi` (no headings among them). Without
    /// numbered paragraphs, two or more plain paragraphs become paragraphs numbered in order
    /// when `implicit_paragraphs`; a single one is the introduction. Plain text after a
    /// numbered paragraph or point continues it.
    fn numbered(
        &mut self,
        lo: usize,
        hi: usize,
        end: usize,
        parent: Option<&str>,
        prefix: Option<&str>,
        implicit_paragraphs: bool,
    ) {
        let units = &self.units[lo..hi];
        let has_numbers = units.iter().any(|u| {
            matches!(
                &u.role,
                Role::Marker {
                    style: MarkerStyle::Number,
                    ..
                }
            )
        });
        let plain = units.iter().filter(|u| u.role == Role::Plain).count();
        let implicit = implicit_paragraphs && !has_numbers && plain >= 2;
        let mut implicit_number = 0;
        // Open nodes: (level, id, label, whether a roman numeral).
        let mut open: Vec<(u8, String, String, bool)> = Vec::new();
        for unit in units {
            let (level, kind, label, roman) = match &unit.role {
                Role::Marker {
                    style: MarkerStyle::Number,
                    label,
                } => (1, ProvisionKind::Paragraph, label.clone(), false),
                Role::Marker {
                    style: MarkerStyle::Letter,
                    label,
                } => (2, ProvisionKind::Point, label.clone(), false),
                Role::Marker {
                    style: MarkerStyle::Roman,
                    label,
                } => {
                    // "i" after "h" is a letter; other numerals nest under an open lettered point.
                    let open_point = open.iter().rev().find(|(level, ..)| *level == 2);
                    let continues_letters = open_point.is_some_and(|(_, _, previous, roman)| {
                        !roman && follows_letter(previous, label)
                    });
                    let under_letter = open_point.is_some_and(|(.., roman)| !roman);
                    let level = if under_letter && !continues_letters {
                        3
                    } else {
                        2
                    };
                    (
                        level,
                        ProvisionKind::Point,
                        label.clone(),
                        !continues_letters,
                    )
                }
                Role::Plain if implicit => {
                    implicit_number += 1;
                    (
                        1,
                        ProvisionKind::Paragraph,
                        implicit_number.to_string(),
                        false,
                    )
                }
                _ => continue,
            };
            while open
                .last()
                .is_some_and(|(open_level, ..)| *open_level >= level)
            {
                let (_, id, ..) = open.pop().expect("checked");
                self.close(&id, unit.start);
            }
            let (parent_id, id_prefix) = match open.last() {
                Some((_, id, ..)) => (Some(id.clone()), Some(id.clone())),
                None => (parent.map(str::to_owned), prefix.map(str::to_owned)),
            };
            let id = join(id_prefix.as_deref(), &format!("{}_{label}", id_word(kind)));
            let id = self.push(id, kind, None, unit.start, end, parent_id);
            open.push((level, id, label, roman));
        }
        for (_, id, ..) in open {
            self.close(&id, end);
        }
    }

    fn close(&mut self, id: &str, end: usize) {
        if let Some(draft) = self.drafts.iter_mut().rev().find(|d| d.id == id) {
            draft.end = end;
        }
    }
}

/// Whether single-letter `label` is the letter after `previous` ("i" after "h"), so a letter
/// rather than a roman numeral.
fn follows_letter(previous: &str, label: &str) -> bool {
    let (mut p, mut l) = (previous.chars(), label.chars());
    match (p.next(), p.next(), l.next(), l.next()) {
        (Some(p), None, Some(l), None) => (p as u32) + 1 == l as u32,
        _ => false,
    }
}

fn join(prefix: Option<&str>, id: &str) -> String {
    match prefix {
        Some(prefix) => format!("{prefix}__{id}"),
        None => id.to_owned(),
    }
}
