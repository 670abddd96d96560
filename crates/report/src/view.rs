//! The one place that decides what a report says and in which order; the renderers only lay it
//! out. Red flags first (the warning matters more than the credit), then coverage by area, then
//! provided items, then gaps, each list in the rubric's order so reports are comparable.

use blma_assessment::{Assessment, Evidence, Finding, Verdict};
use blma_knowledge::model::RubricItem;
use blma_knowledge::{Index, KnowledgeBase};

use crate::gaps::{Cite, Guidance, guidance_for};

/// Most quotes a red flag shows; the rest are counted.
pub const MAX_RED_FLAG_QUOTES: usize = 3;

/// One rubric item with its finding.
#[derive(Debug)]
pub struct ItemView<'a> {
    pub rubric: &'a RubricItem,
    /// `None` when the assessment has no finding for the item: reported as a gap, marked so.
    pub finding: Option<&'a Finding>,
    pub verdict: Verdict,
    pub area_title: String,
    pub guidance: Guidance,
}

impl<'a> ItemView<'a> {
    pub fn id(&self) -> &'a str {
        &self.rubric.id
    }

    /// The passages that point the way of the verdict (all passages if none does), in the
    /// engine's order.
    pub fn quotes(&self) -> Vec<&'a Evidence> {
        let Some(finding) = self.finding else {
            return Vec::new();
        };
        let matching: Vec<_> = finding
            .evidence
            .iter()
            .filter(|e| e.polarity == self.verdict)
            .collect();
        if matching.is_empty() {
            finding.evidence.iter().collect()
        } else {
            matching
        }
    }

    /// The quotes a red flag shows, at most [`MAX_RED_FLAG_QUOTES`], and how many more there are.
    pub fn red_flag_quotes(&self) -> (Vec<&'a Evidence>, usize) {
        let mut quotes = self.quotes();
        let more = quotes.len().saturating_sub(MAX_RED_FLAG_QUOTES);
        quotes.truncate(MAX_RED_FLAG_QUOTES);
        (quotes, more)
    }

    /// The quote that best supports the verdict: the first in the engine's order.
    pub fn best_quote(&self) -> Option<&'a Evidence> {
        self.quotes().into_iter().next()
    }

    pub fn confidence(&self) -> Option<f32> {
        self.finding.map(|f| f.confidence)
    }
}

/// Counts of one principle area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaView {
    pub id: String,
    pub title: String,
    pub provides: usize,
    pub contradicts: usize,
    pub silent: usize,
}

impl AreaView {
    pub fn total(&self) -> usize {
        self.provides + self.contradicts + self.silent
    }
}

/// Everything a report shows, in reading order.
#[derive(Debug)]
pub struct ReportView<'a> {
    pub assessment: &'a Assessment,
    pub red_flags: Vec<ItemView<'a>>,
    pub areas: Vec<AreaView>,
    pub provided: Vec<ItemView<'a>>,
    pub gaps: Vec<ItemView<'a>>,
    /// Findings whose item the rubric does not know (a newer or older engine).
    pub unknown: Vec<&'a Finding>,
    pub rubric_items: usize,
}

impl<'a> ReportView<'a> {
    pub fn new(assessment: &'a Assessment, kb: &'a KnowledgeBase) -> ReportView<'a> {
        // The embedded knowledge base has a cached index; any other gets its own.
        let owned;
        let index: &Index = if std::ptr::eq(kb, KnowledgeBase::embedded()) {
            KnowledgeBase::index()
        } else {
            owned = Index::new(kb);
            &owned
        };
        let mut view = ReportView {
            assessment,
            red_flags: Vec::new(),
            areas: Vec::new(),
            provided: Vec::new(),
            gaps: Vec::new(),
            unknown: Vec::new(),
            rubric_items: kb.rubric.items.len(),
        };
        for rubric in &kb.rubric.items {
            // The spec allows one finding per item; if a faulty engine sends several, the red
            // flag wins, as it does within one finding.
            let finding = assessment
                .findings
                .iter()
                .filter(|f| f.item == rubric.id)
                .min_by_key(|f| rank(f.verdict));
            let verdict = finding.map_or(Verdict::Silent, |f| f.verdict);
            let item = ItemView {
                rubric,
                finding,
                verdict,
                area_title: area_title(kb, index, &rubric.area),
                guidance: guidance_for(rubric, kb, index),
            };
            view.count(&item);
            match verdict {
                Verdict::Contradicts => view.red_flags.push(item),
                Verdict::Provides => view.provided.push(item),
                Verdict::Silent => view.gaps.push(item),
            }
        }
        view.unknown = assessment
            .findings
            .iter()
            .filter(|f| !kb.rubric.items.iter().any(|i| i.id == f.item))
            .collect();
        view
    }

    fn count(&mut self, item: &ItemView<'_>) {
        let area = &item.rubric.area;
        let i = match self.areas.iter().position(|a| &a.id == area) {
            Some(i) => i,
            None => {
                self.areas.push(AreaView {
                    id: area.clone(),
                    title: item.area_title.clone(),
                    provides: 0,
                    contradicts: 0,
                    silent: 0,
                });
                self.areas.len() - 1
            }
        };
        let a = &mut self.areas[i];
        match item.verdict {
            Verdict::Provides => a.provides += 1,
            Verdict::Contradicts => a.contradicts += 1,
            Verdict::Silent => a.silent += 1,
        }
    }

    /// Every item in reading order: red flags, provided, gaps.
    pub fn items(&self) -> impl Iterator<Item = &ItemView<'a>> {
        self.red_flags
            .iter()
            .chain(&self.provided)
            .chain(&self.gaps)
    }

    /// Every guidance element the report cites, once, in order of first citation: the report's
    /// "Guidance cited" appendix, which in-report links point to.
    pub fn cited(&self) -> Vec<Cite> {
        let mut out: Vec<Cite> = Vec::new();
        for item in self.items() {
            let g = &item.guidance;
            let stages = g.annex2.iter().map(|a| Cite {
                id: a.stage_id.clone(),
                text: format!("Annex 2: {}", a.stage),
            });
            let all = g
                .derived_from
                .iter()
                .cloned()
                .chain(stages)
                .chain(g.recommend.iter().cloned())
                .chain(g.problem.iter().cloned())
                .chain(g.examples.iter().cloned());
            for cite in all {
                if !out.iter().any(|c| c.id == cite.id) {
                    out.push(cite);
                }
            }
        }
        out
    }

    /// Title for the header: the document's, or a neutral placeholder.
    pub fn title(&self) -> &str {
        self.assessment
            .document
            .title
            .as_deref()
            // Extraction can leave a title of nothing but control characters.
            .filter(|t| !t.chars().all(|c| c.is_whitespace() || c.is_control()))
            .unwrap_or("Untitled agreement")
    }

    /// The header's facts as label/value pairs, shared by all renderers.
    pub fn facts(&self) -> Vec<(&'static str, String)> {
        let d = &self.assessment.document;
        let e = &self.assessment.engine;
        let or_unknown = |s: &str| {
            if s.trim().is_empty() {
                "unknown".to_owned()
            } else {
                s.to_owned()
            }
        };
        vec![
            ("Parties", or_unknown(&d.parties.join("; "))),
            ("Signed", or_unknown(d.date_signed.as_deref().unwrap_or(""))),
            ("Kind", or_unknown(&d.kind)),
            ("Language", or_unknown(&d.language)),
            ("Provisions", d.provisions.to_string()),
            (
                "Engine",
                format!(
                    "{} (engine {}, rubric v{})",
                    or_unknown(&e.mode),
                    e.version,
                    e.rubric_version
                ),
            ),
        ]
    }

    /// One-line summary of the counts.
    pub fn summary_line(&self) -> String {
        format!(
            "{} red flag{} · {} provided · {} silent (of {} rubric items)",
            self.red_flags.len(),
            if self.red_flags.len() == 1 { "" } else { "s" },
            self.provided.len(),
            self.gaps.len(),
            self.rubric_items
        )
    }
}

/// Order of precedence between verdicts: a red flag outranks a credit, a credit outranks silence.
fn rank(v: Verdict) -> u8 {
    match v {
        Verdict::Contradicts => 0,
        Verdict::Provides => 1,
        Verdict::Silent => 2,
    }
}

fn area_title(kb: &KnowledgeBase, index: &Index, area: &str) -> String {
    kb.principle_areas
        .iter()
        .find(|a| a.id == area)
        .map(|a| a.title.clone())
        .or_else(|| index.get(area).map(|e| e.title.clone()))
        .unwrap_or_else(|| area.to_owned())
}

/// Agreement text as one line: extraction leaves line breaks and runs of spaces that mean
/// nothing in a quote.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The provision label a quote is cited with: "Article 6 (art_6)", or just the id.
pub fn provision_label(e: &Evidence) -> String {
    let label = one_line(&e.provision);
    if label.is_empty() || label == e.provision_id {
        e.provision_id.clone()
    } else {
        format!("{label} ({})", e.provision_id)
    }
}

/// The verdict as readers say it.
pub fn verdict_label(v: Verdict) -> &'static str {
    match v {
        Verdict::Provides => "provides",
        Verdict::Contradicts => "red flag",
        Verdict::Silent => "silent",
    }
}

/// Cuts `text` to at most `max` characters, at a word boundary when there is one, marking the cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let cut = match cut.rsplit_once(' ') {
        Some((head, _)) if !head.is_empty() => head.to_owned(),
        _ => cut,
    };
    format!("{cut}…")
}
