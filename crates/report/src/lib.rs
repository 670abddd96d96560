//! Renders an [`blma_assessment::Assessment`] for people: terminal text, Markdown, HTML and PDF;
//! and draws the web platform's charts.
//!
//! Every report has the same structure, decided once in [`view`]: a header about the document,
//! **red flags first** (items the agreement contradicts, with why and the quoted evidence), then
//! coverage by principle area, provided items with their best quote, and gaps, each with what the
//! guidance recommends ([`gaps`], whose mapping to Annex 2 lives in
//! `data/rubric/recommendations.toml`). The renderers only lay that out:
//!
//! - [`terminal`], [`markdown`], [`html`] (one self-contained page with an inline SVG chart of
//!   coverage by area);
//! - [`pdf`]: a multi-page A4 PDF with the Markdown report's content and order, written with
//!   `pdf-writer` in the standard fonts Helvetica, Helvetica-Bold and Courier (WinAnsi encoding,
//!   wrapped with their AFM widths; characters WinAnsi lacks are drawn as `?`), a page number in
//!   every footer and the document information (Title, Producer `blma`). Quotes longer than
//!   1,500 characters are cut with a mark. No clock is read: the same assessment gives the same
//!   bytes.
//!
//! [`charts`] draws what the web platform computes: [`heatmap`] (agreements × rubric items,
//! one cell per verdict, reviewed verdicts marked), [`bar_chart`] and [`grouped_bar_chart`]
//! (shares, e.g. from `blma_catalogue::Catalogue::stats`), as accessible inline SVG.
//!
//! Pure: strings and plain data in, strings and bytes out; no IO. Agreement text (and any label a
//! caller passes) is untrusted: escaped by every text renderer ([`escape`]) and only ever drawn
//! as text in the PDF.

pub mod charts;
pub mod escape;
pub mod gaps;
mod html;
mod markdown;
mod pdf;
mod summary;
mod svg;
mod terminal;
pub mod view;

use blma_assessment::Assessment;
use blma_knowledge::KnowledgeBase;

pub use charts::{
    Bar, BarGroup, HeatmapCell, HeatmapColumn, HeatmapRow, bar_chart, grouped_bar_chart, heatmap,
};
pub use summary::{Counts, counts};
/// The coverage-by-area chart of one report, for pages that lay the report out themselves.
pub use svg::coverage_chart;
pub use terminal::MIN_WIDTH;

/// Rendering choices shared by the Markdown and HTML reports.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Where guidance ids link to, with `{id}` standing for the id (e.g. `/guide/{id}` on the
    /// web platform). `None`: to the report's own "Guidance cited" appendix, so a saved report
    /// has no dead links.
    pub guide_url: Option<String>,
}

impl Options {
    /// The link target for guidance element `id`.
    pub fn guide_href(&self, id: &str) -> String {
        match &self.guide_url {
            Some(template) => template.replace("{id}", &escape::anchor("", id)),
            None => format!("#{}", escape::anchor("guide-", id)),
        }
    }
}

/// The report as plain text for a terminal `width` columns wide (at least [`MIN_WIDTH`]).
pub fn terminal(assessment: &Assessment, kb: &KnowledgeBase, width: usize) -> String {
    terminal::render(assessment, kb, width)
}

/// The report as Markdown, guidance ids linked to its appendix.
pub fn markdown(assessment: &Assessment, kb: &KnowledgeBase) -> String {
    markdown::render(assessment, kb, &Options::default())
}

pub fn markdown_with(assessment: &Assessment, kb: &KnowledgeBase, options: &Options) -> String {
    markdown::render(assessment, kb, options)
}

/// The report as one self-contained HTML page.
pub fn html(assessment: &Assessment, kb: &KnowledgeBase) -> String {
    html::render(assessment, kb, &Options::default())
}

pub fn html_with(assessment: &Assessment, kb: &KnowledgeBase, options: &Options) -> String {
    html::render(assessment, kb, options)
}

/// The report as a multi-page A4 PDF (the Markdown report's content and order), with the
/// "Guidance cited" appendix.
pub fn pdf(assessment: &Assessment, kb: &KnowledgeBase) -> Vec<u8> {
    pdf::render(assessment, kb, &Options::default())
}

/// Like [`pdf`]; with [`Options::guide_url`] set, the appendix also prints each element's link.
pub fn pdf_with(assessment: &Assessment, kb: &KnowledgeBase, options: &Options) -> Vec<u8> {
    pdf::render(assessment, kb, options)
}

/// A Markdown table with one row per `(file name, assessment)`.
pub fn summary_markdown(batch: &[(&str, &Assessment)]) -> String {
    summary::markdown(batch)
}

/// The batch summary for a terminal `width` columns wide.
pub fn summary_terminal(batch: &[(&str, &Assessment)], width: usize) -> String {
    summary::terminal(batch, width)
}
