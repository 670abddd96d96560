//! Word auto-numbering. Many agreements get their "Article 1", "Article 2" … headings from a
//! numbering definition (`word/numbering.xml`), either on the paragraph (`w:numPr`) or on its
//! style (`word/styles.xml`), so the numbers are not in the text and must be computed.

use std::collections::{HashMap, HashSet};

use super::xml::{Node, walk};
use crate::DocumentError;
use crate::formats::{Limits, NumberStyle};

const LEVELS: usize = 9;
/// How far `w:basedOn` chains are followed (they may loop in hostile files).
const MAX_STYLE_CHAIN: usize = 16;

#[derive(Debug, Clone)]
struct Level {
    start: i64,
    /// `None` for bullets: the label is a symbol-font glyph, not text worth keeping.
    style: Option<NumberStyle>,
    /// `w:lvlText`, e.g. "Article %1" or "%1.%2.".
    text: String,
}

impl Default for Level {
    fn default() -> Level {
        Level {
            start: 1,
            style: Some(NumberStyle::Decimal),
            text: String::new(),
        }
    }
}

#[derive(Debug, Default)]
struct Instance {
    abstract_id: String,
    start_overrides: HashMap<usize, i64>,
}

#[derive(Debug, Default)]
struct StyleNumbering {
    based_on: Option<String>,
    num_id: Option<String>,
    level: Option<usize>,
}

/// Numbering definitions plus the running counters of one pass over the document.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    abstracts: HashMap<String, [Level; LEVELS]>,
    instances: HashMap<String, Instance>,
    styles: HashMap<String, StyleNumbering>,
    /// Counters per abstract definition: lists sharing one continue each other, as in Word.
    counters: HashMap<String, [Option<i64>; LEVELS]>,
    /// Instances already used: a start override restarts the list only on first use.
    used: HashSet<String>,
}

/// Where a paragraph's own properties point.
#[derive(Debug, Default, Clone)]
pub(super) struct ParagraphNumbering {
    pub(super) style: Option<String>,
    pub(super) num_id: Option<String>,
    pub(super) level: Option<usize>,
}

impl Numbering {
    pub(super) fn parse(
        numbering_xml: Option<&str>,
        styles_xml: Option<&str>,
        limits: &Limits,
    ) -> Result<Numbering, DocumentError> {
        let mut numbering = Numbering::default();
        if let Some(xml) = numbering_xml {
            numbering.parse_definitions(xml, limits)?;
        }
        if let Some(xml) = styles_xml {
            numbering.parse_styles(xml, limits)?;
        }
        Ok(numbering)
    }

    fn parse_definitions(&mut self, xml: &str, limits: &Limits) -> Result<(), DocumentError> {
        let mut abstract_id: Option<String> = None;
        let mut level: Option<usize> = None;
        let mut num_id: Option<String> = None;
        let mut override_level: Option<usize> = None;
        walk(xml, limits, |node| {
            let Node::Open(tag) = node else {
                if let Node::Close(name) = node {
                    match name {
                        "abstractNum" => abstract_id = None,
                        "num" => num_id = None,
                        "lvl" => level = None,
                        "lvlOverride" => override_level = None,
                        _ => {}
                    }
                }
                return;
            };
            let val = tag.attr("val");
            match tag.name.as_str() {
                "abstractNum" => {
                    abstract_id = tag.attr("abstractNumId").map(str::to_owned);
                    if let Some(id) = &abstract_id {
                        self.abstracts.entry(id.clone()).or_default();
                    }
                }
                "lvl" => level = tag.attr("ilvl").and_then(parse_level),
                "num" => {
                    num_id = tag.attr("numId").map(str::to_owned);
                    if let Some(id) = &num_id {
                        self.instances.entry(id.clone()).or_default();
                    }
                }
                "abstractNumId" => {
                    if let (Some(num), Some(val)) = (&num_id, val) {
                        self.instances.entry(num.clone()).or_default().abstract_id = val.to_owned();
                    }
                }
                "lvlOverride" => override_level = tag.attr("ilvl").and_then(parse_level),
                "startOverride" => {
                    if let (Some(num), Some(lvl), Some(start)) =
                        (&num_id, override_level, val.and_then(|v| v.parse().ok()))
                    {
                        let instance = self.instances.entry(num.clone()).or_default();
                        instance.start_overrides.insert(lvl, start);
                    }
                }
                name @ ("start" | "numFmt" | "lvlText") if num_id.is_none() => {
                    let (Some(id), Some(lvl), Some(val)) = (&abstract_id, level, val) else {
                        return;
                    };
                    let definition = &mut self.abstracts.entry(id.clone()).or_default()[lvl];
                    match name {
                        "start" => definition.start = val.parse().unwrap_or(1),
                        "numFmt" => definition.style = number_style(val),
                        _ => definition.text = val.to_owned(),
                    }
                }
                _ => {}
            }
        })
    }

    fn parse_styles(&mut self, xml: &str, limits: &Limits) -> Result<(), DocumentError> {
        let mut style_id: Option<String> = None;
        walk(xml, limits, |node| match node {
            Node::Open(tag) => match tag.name.as_str() {
                "style" => style_id = tag.attr("styleId").map(str::to_owned),
                "basedOn" | "numId" | "ilvl" => {
                    let (Some(id), Some(val)) = (&style_id, tag.attr("val")) else {
                        return;
                    };
                    let style = self.styles.entry(id.clone()).or_default();
                    match tag.name.as_str() {
                        "basedOn" => style.based_on = Some(val.to_owned()),
                        "numId" => style.num_id = Some(val.to_owned()),
                        _ => style.level = parse_level(val),
                    }
                }
                _ => {}
            },
            Node::Close("style") => style_id = None,
            _ => {}
        })
    }

    /// The label ("Article 3 ") of the next paragraph with these properties, advancing the
    /// counters; `None` when the paragraph is not numbered.
    pub(super) fn next_label(&mut self, paragraph: &ParagraphNumbering) -> Option<String> {
        let (num_id, level) = self.resolve(paragraph)?;
        let instance = self.instances.get(&num_id)?;
        let levels = self.abstracts.get(&instance.abstract_id)?;
        let counters = self
            .counters
            .entry(instance.abstract_id.clone())
            .or_default();
        if self.used.insert(num_id.clone()) {
            for (&lvl, _) in instance
                .start_overrides
                .iter()
                .filter(|(l, _)| **l < LEVELS)
            {
                counters[lvl] = None;
            }
        }
        let start = |lvl: usize| {
            instance
                .start_overrides
                .get(&lvl)
                .copied()
                .unwrap_or(levels[lvl].start)
        };
        let current = counters[level].map_or_else(|| start(level), |n| n.saturating_add(1));
        counters[level] = Some(current);
        counters[level + 1..].fill(None);

        let definition = &levels[level];
        definition.style?;
        let mut label = String::new();
        let mut chars = definition.text.chars().peekable();
        while let Some(c) = chars.next() {
            let placeholder = chars
                .peek()
                .and_then(|d| d.to_digit(10))
                .map(|d| d as usize);
            match placeholder {
                Some(d) if c == '%' && (1..=LEVELS).contains(&d) => {
                    chars.next();
                    let lvl = d - 1;
                    let n = counters[lvl].unwrap_or_else(|| start(lvl));
                    label.push_str(&levels[lvl].style.unwrap_or(NumberStyle::Decimal).render(n));
                }
                _ => label.push(c),
            }
        }
        let label = label.trim().to_owned();
        (!label.is_empty()).then(|| label + " ")
    }

    /// The numbering instance and level that apply: the paragraph's own, else its style's.
    fn resolve(&self, paragraph: &ParagraphNumbering) -> Option<(String, usize)> {
        let mut num_id = paragraph.num_id.clone();
        let mut level = paragraph.level;
        let mut style_id = paragraph.style.as_deref();
        for _ in 0..MAX_STYLE_CHAIN {
            if num_id.is_some() && level.is_some() {
                break;
            }
            let Some(style) = style_id.and_then(|id| self.styles.get(id)) else {
                break;
            };
            num_id = num_id.or_else(|| style.num_id.clone());
            level = level.or(style.level);
            style_id = style.based_on.as_deref();
        }
        // numId 0 explicitly removes numbering inherited from a style.
        num_id
            .filter(|id| id != "0")
            .map(|id| (id, level.unwrap_or(0)))
    }
}

fn parse_level(val: &str) -> Option<usize> {
    val.parse().ok().filter(|&lvl| lvl < LEVELS)
}

fn number_style(format: &str) -> Option<NumberStyle> {
    Some(match format {
        "upperRoman" => NumberStyle::UpperRoman,
        "lowerRoman" => NumberStyle::LowerRoman,
        "upperLetter" => NumberStyle::UpperLetter,
        "lowerLetter" => NumberStyle::LowerLetter,
        "none" => NumberStyle::Literal,
        "bullet" => return None,
        // decimal, decimalZero, ordinal … read as plain numbers.
        _ => NumberStyle::Decimal,
    })
}
