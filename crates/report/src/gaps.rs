//! What the guidance recommends for a rubric item: the elements it derives from (rubric data), the
//! Annex 2 indicative provisions and presentation points mapped to it in
//! `data/rubric/recommendations.toml`, and the boxes that illustrate its principles.
//!
//! The mapping is data, not code, so that a reviewer of the guidance can correct it without
//! reading Rust; [`problems`] checks it against the knowledge base.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use blma_knowledge::model::RubricItem;
use blma_knowledge::{Index, KnowledgeBase, Relation};
use serde::Deserialize;

/// Path of the mapping, relative to the repository root (for messages).
pub const RECOMMENDATIONS_PATH: &str = "data/rubric/recommendations.toml";
const RECOMMENDATIONS_TOML: &str = include_str!("../../../data/rubric/recommendations.toml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    item: Vec<Entry>,
}

/// The recommendation data of one rubric item, as written in the TOML.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub id: String,
    #[serde(default)]
    pub annex2: Vec<Annex2Ref>,
    #[serde(default)]
    pub recommend: Vec<String>,
    #[serde(default)]
    pub problem: Vec<String>,
}

/// One Annex 2 indicative provision: its stage id and its verbatim text.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annex2Ref {
    pub stage: String,
    pub provision: String,
}

/// The parsed mapping. Parsed once; a syntax error is a build defect the tests catch.
pub fn entries() -> &'static [Entry] {
    static ENTRIES: OnceLock<Vec<Entry>> = OnceLock::new();
    ENTRIES.get_or_init(|| match toml::from_str::<File>(RECOMMENDATIONS_TOML) {
        Ok(file) => file.item,
        // No IO and no error path in renderers: a broken embedded file must fail the test suite,
        // and a report without recommendations is better than no report.
        Err(_) => Vec::new(),
    })
}

/// Parses the embedded mapping, reporting a syntax error (for tests).
pub fn parse_embedded() -> Result<usize, String> {
    toml::from_str::<File>(RECOMMENDATIONS_TOML)
        .map(|f| f.item.len())
        .map_err(|e| format!("{RECOMMENDATIONS_PATH}: {e}"))
}

/// Everything in the mapping that does not match the knowledge base: unknown rubric items,
/// duplicates, missing items, unknown stages, provisions not verbatim in their stage, presentation
/// ids that are not recommendations or problem clauses.
pub fn problems(kb: &KnowledgeBase) -> Vec<String> {
    let mut out = Vec::new();
    if let Err(e) = parse_embedded() {
        out.push(e);
        return out;
    }
    let mut seen = BTreeSet::new();
    for entry in entries() {
        let at = format!("{RECOMMENDATIONS_PATH}, item {}", entry.id);
        if !kb.rubric.items.iter().any(|i| i.id == entry.id) {
            out.push(format!("{at}: not a rubric item"));
        }
        if !seen.insert(entry.id.as_str()) {
            out.push(format!("{at}: listed twice"));
        }
        for r in &entry.annex2 {
            match kb.cycle_stages.iter().find(|s| s.id == r.stage) {
                None => out.push(format!("{at}: no Annex 2 stage {}", r.stage)),
                Some(s) if !s.provisions.contains(&r.provision) => out.push(format!(
                    "{at}: {:?} is not verbatim a provision of {}",
                    r.provision, r.stage
                )),
                Some(_) => {}
            }
        }
        let p = &kb.presentation;
        for id in &entry.recommend {
            if !p.recommendations.iter().any(|r| &r.id == id) {
                out.push(format!("{at}: {id} is not a presentation recommendation"));
            }
        }
        for id in &entry.problem {
            if !p.problem_clauses.iter().any(|r| &r.id == id) {
                out.push(format!("{at}: {id} is not a presentation problem clause"));
            }
        }
    }
    for item in &kb.rubric.items {
        if !seen.contains(item.id.as_str()) {
            out.push(format!(
                "{RECOMMENDATIONS_PATH}: rubric item {} has no entry (add one, empty if nothing fits)",
                item.id
            ));
        }
    }
    out
}

/// A cited guidance element: its id and the text a reader needs to recognise it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cite {
    pub id: String,
    /// The principle's headline, the checklist item, the box's parties and date …
    pub text: String,
}

/// An Annex 2 provision with the stage it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annex2Cite {
    pub stage_id: String,
    pub stage: String,
    pub provision: String,
}

/// What a report says about one rubric item, beyond its verdict.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Guidance {
    /// The guidance elements the item derives from (the rubric's `guidance`), in order.
    pub derived_from: Vec<Cite>,
    /// Annex 2 indicative provisions that would fill a gap.
    pub annex2: Vec<Annex2Cite>,
    /// The presentation's recommendations for a gap.
    pub recommend: Vec<Cite>,
    /// The presentation's problem clauses a red flag matches.
    pub problem: Vec<Cite>,
    /// Boxes that illustrate the item's principles: examples of agreements that provide it.
    pub examples: Vec<Cite>,
}

/// Looks up everything cited for `item`. Ids that do not resolve are kept with their id as text:
/// a report must still render against a knowledge base that moved on.
pub fn guidance_for(item: &RubricItem, kb: &KnowledgeBase, index: &Index) -> Guidance {
    let title = |id: &str| {
        index
            .get(id)
            .map_or_else(|| id.to_owned(), |e| e.title.clone())
    };
    let derived_from = item
        .guidance
        .iter()
        .map(|id| Cite {
            id: id.clone(),
            text: title(id),
        })
        .collect();
    let mut examples: Vec<Cite> = Vec::new();
    for id in &item.guidance {
        let Some(element) = index.get(id) else {
            continue;
        };
        for target in element.linked(Relation::IllustratedBy) {
            if examples.iter().any(|c| c.id == target) {
                continue;
            }
            let text = kb.boxes.iter().find(|b| b.id == target).map_or_else(
                || title(target),
                |b| {
                    let mut label = format!("Box {}", b.number);
                    if !b.parties.is_empty() {
                        label.push_str(": ");
                        label.push_str(&b.parties.join(" – "));
                    }
                    if let Some(date) = &b.date {
                        label.push_str(&format!(" ({date})"));
                    }
                    label
                },
            );
            examples.push(Cite {
                id: target.to_owned(),
                text,
            });
        }
    }
    let Some(entry) = entries().iter().find(|e| e.id == item.id) else {
        return Guidance {
            derived_from,
            examples,
            ..Guidance::default()
        };
    };
    let annex2 = entry
        .annex2
        .iter()
        .map(|r| Annex2Cite {
            stage_id: r.stage.clone(),
            stage: kb
                .cycle_stages
                .iter()
                .find(|s| s.id == r.stage)
                .map_or_else(|| r.stage.clone(), |s| s.stage.clone()),
            provision: r.provision.clone(),
        })
        .collect();
    let points = &kb.presentation;
    let cite_points = |ids: &[String], from: &[blma_knowledge::model::PresentationPoint]| {
        ids.iter()
            .map(|id| Cite {
                id: id.clone(),
                text: from
                    .iter()
                    .find(|p| &p.id == id)
                    .map_or_else(|| id.clone(), |p| p.text.clone()),
            })
            .collect()
    };
    Guidance {
        derived_from,
        annex2,
        recommend: cite_points(&entry.recommend, &points.recommendations),
        problem: cite_points(&entry.problem, &points.problem_clauses),
        examples,
    }
}
