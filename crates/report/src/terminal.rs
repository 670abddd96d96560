//! Plain-text layout for a terminal of a given width: no colour codes (the output is often piped
//! to a file or a pager), Unicode marks so verdicts survive without colour.

use blma_assessment::{Assessment, Verdict};
use blma_knowledge::KnowledgeBase;
use textwrap::core::display_width;

use crate::gaps::Guidance;
use crate::view::{self, ItemView, ReportView};

/// Narrowest layout supported; narrower widths are treated as this.
pub const MIN_WIDTH: usize = 40;
/// A terminal quote is cut here: the full text is in the Markdown, HTML and JSON outputs.
const MAX_QUOTE_CHARS: usize = 600;
/// A semantic candidate is cut shorter: it is a pointer into the agreement, not evidence.
pub(crate) const MAX_CANDIDATE_CHARS: usize = 200;

pub(crate) const MARK_PROVIDES: char = '■';
pub(crate) const MARK_CONTRADICTS: char = '✗';
pub(crate) const MARK_SILENT: char = '·';

pub(crate) fn mark(v: Verdict) -> char {
    match v {
        Verdict::Provides => MARK_PROVIDES,
        Verdict::Contradicts => MARK_CONTRADICTS,
        Verdict::Silent => MARK_SILENT,
    }
}

/// Accumulates wrapped lines, none wider than `width` display columns.
pub(crate) struct Lines {
    pub width: usize,
    pub out: String,
}

impl Lines {
    pub fn new(width: usize) -> Lines {
        Lines {
            width: width.max(MIN_WIDTH),
            out: String::new(),
        }
    }

    pub fn blank(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    /// Wraps `text` with `first` before its first line and `rest` before the others.
    pub fn wrap(&mut self, text: &str, first: &str, rest: &str) {
        let options = textwrap::Options::new(self.width)
            .initial_indent(first)
            .subsequent_indent(rest);
        for line in textwrap::wrap(text, options) {
            self.out.push_str(line.trim_end());
            self.out.push('\n');
        }
    }

    pub fn heading(&mut self, text: &str) {
        self.blank();
        self.wrap(text, "", "");
        let underline = display_width(text).min(self.width);
        self.out.push_str(&"─".repeat(underline));
        self.out.push('\n');
    }
}

pub fn render(assessment: &Assessment, kb: &KnowledgeBase, width: usize) -> String {
    let view = ReportView::new(assessment, kb);
    let mut l = Lines::new(width);
    header(&view, &mut l);

    l.heading(&format!("RED FLAGS ({})", view.red_flags.len()));
    if view.red_flags.is_empty() {
        l.wrap(
            "No provision found that runs against a rubric item.",
            "",
            "",
        );
    }
    for item in &view.red_flags {
        red_flag(item, &mut l);
    }

    coverage(&view, &mut l);

    l.heading(&format!("PROVIDED ({})", view.provided.len()));
    for item in &view.provided {
        l.blank();
        item_title(item, &mut l);
        if let Some(e) = item.best_quote() {
            quote(&view::provision_label(e), &e.text, &mut l);
        }
    }

    l.heading(&format!(
        "GAPS: THE AGREEMENT IS SILENT ({})",
        view.gaps.len()
    ));
    for item in &view.gaps {
        l.blank();
        item_title(item, &mut l);
        if item.finding.is_none() {
            l.wrap(
                "Not assessed: the assessment has no finding for this item.",
                "  ",
                "  ",
            );
        }
        candidates(item, &mut l);
        recommendations(&item.guidance, &mut l);
    }

    if !view.unknown.is_empty() {
        l.heading("FINDINGS FOR ITEMS NOT IN THIS RUBRIC");
        for f in &view.unknown {
            l.wrap(
                &format!("{} ({})", view::one_line(&f.item), f.verdict.as_str()),
                "  ",
                "    ",
            );
        }
    }
    l.out
}

fn header(view: &ReportView<'_>, l: &mut Lines) {
    l.wrap(
        &format!("BLMA assessment: {}", view::one_line(view.title())),
        "",
        "  ",
    );
    l.out.push_str(&"═".repeat(l.width.min(60)));
    l.out.push('\n');
    for (label, value) in view.facts() {
        l.wrap(
            &view::one_line(&value),
            &format!("{label:<11} "),
            &" ".repeat(12),
        );
    }
    l.blank();
    l.wrap(&view.summary_line(), "", "");
}

fn item_title(item: &ItemView<'_>, l: &mut Lines) {
    l.wrap(
        &format!(
            "{} ({}) · {} {}",
            item.rubric.title,
            item.id(),
            item.rubric.area,
            item.area_title
        ),
        &format!("{} ", mark(item.verdict)),
        "  ",
    );
}

fn quote(label: &str, text: &str, l: &mut Lines) {
    l.wrap(&format!("{label}:"), "  ", "  ");
    let text = view::shorten(&view::one_line(text), MAX_QUOTE_CHARS);
    l.wrap(&format!("“{text}”"), "    ", "     ");
}

/// The provision a candidate is in: "Article 6 (art_6)", or just the id.
pub(crate) fn candidate_label(c: &blma_assessment::Candidate) -> String {
    let label = view::one_line(&c.provision);
    if label.is_empty() || label == c.provision_id {
        c.provision_id.clone()
    } else {
        format!("{label} ({})", c.provision_id)
    }
}

/// A semantic matcher's proposals for a silent item, marked as unconfirmed.
fn candidates(item: &ItemView<'_>, l: &mut Lines) {
    let candidates = item.finding.map_or(&[][..], |f| &f.candidates[..]);
    if candidates.is_empty() {
        return;
    }
    l.wrap(
        "Possibly relevant, unconfirmed (semantic match):",
        "  ",
        "  ",
    );
    for c in candidates {
        let text = view::shorten(&view::one_line(&c.text), MAX_CANDIDATE_CHARS);
        l.wrap(
            &format!("{} · {:.2}: “{text}”", candidate_label(c), c.score),
            "  - ",
            "    ",
        );
    }
}

fn red_flag(item: &ItemView<'_>, l: &mut Lines) {
    l.blank();
    item_title(item, l);
    if let Some(meaning) = &item.rubric.contradicts {
        l.wrap(&format!("Red flag when {meaning}."), "  ", "  ");
    }
    for cite in &item.guidance.derived_from {
        l.wrap(
            &format!("{} {}", cite.id, cite.text),
            "  Runs against ",
            "    ",
        );
    }
    for cite in &item.guidance.problem {
        l.wrap(
            &format!(
                "named as a rights problem in the presentation: {}",
                cite.text
            ),
            "  Also ",
            "    ",
        );
    }
    let (quotes, more) = item.red_flag_quotes();
    for e in quotes {
        quote(&view::provision_label(e), &e.text, l);
    }
    if more > 0 {
        l.wrap(&format!("… and {more} more passage(s)"), "  ", "  ");
    }
    if let Some(c) = item.confidence() {
        l.wrap(&format!("Confidence {c:.2}"), "  ", "  ");
    }
}

fn coverage(view: &ReportView<'_>, l: &mut Lines) {
    l.heading("COVERAGE BY AREA");
    l.wrap(
        &format!("{MARK_PROVIDES} provides  {MARK_CONTRADICTS} red flag  {MARK_SILENT} silent"),
        "",
        "",
    );
    // One cell per item, so an area's bar also shows how many items it has.
    let bar_width = view.areas.iter().map(|a| a.total()).max().unwrap_or(0);
    let id_width = view.areas.iter().map(|a| a.id.len()).max().unwrap_or(0) + 1;
    let counts = 4 * 3;
    let fixed = id_width + 1 + bar_width + counts;
    let title_width = view
        .areas
        .iter()
        .map(|a| display_width(&a.title))
        .max()
        .unwrap_or(0)
        .min(l.width.saturating_sub(fixed));
    l.out.push_str(&format!(
        "{:<id_width$}{:<title_width$} {:<bar_width$}{:>4}{:>4}{:>4}\n",
        "", "", "", MARK_PROVIDES, MARK_CONTRADICTS, MARK_SILENT
    ));
    for a in &view.areas {
        let bar = format!(
            "{}{}{}",
            MARK_PROVIDES.to_string().repeat(a.provides),
            MARK_CONTRADICTS.to_string().repeat(a.contradicts),
            MARK_SILENT.to_string().repeat(a.silent)
        );
        let title = fit(&a.title, title_width);
        let pad = title_width.saturating_sub(display_width(&title));
        let bar_pad = bar_width - a.total();
        l.out.push_str(&format!(
            "{:<id_width$}{title}{} {bar}{}{:>4}{:>4}{:>4}\n",
            a.id,
            " ".repeat(pad),
            " ".repeat(bar_pad),
            a.provides,
            a.contradicts,
            a.silent
        ));
    }
}

/// Cuts `text` to at most `width` display columns with an ellipsis.
fn fit(text: &str, width: usize) -> String {
    if width == 0 {
        return String::new();
    }
    if display_width(text) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        if display_width(&out) + display_width(&c.to_string()) + 1 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

fn recommendations(g: &Guidance, l: &mut Lines) {
    l.wrap("The guidance recommends:", "  ", "  ");
    for cite in &g.derived_from {
        l.wrap(&format!("{} {}", cite.id, cite.text), "  → ", "      ");
    }
    for a in &g.annex2 {
        l.wrap(
            &format!("{} ({}, Annex 2: {})", a.provision, a.stage_id, a.stage),
            "  → Indicative provision: ",
            "      ",
        );
    }
    for cite in &g.recommend {
        l.wrap(
            &format!("{} ({})", cite.text, cite.id),
            "  → Presentation: ",
            "      ",
        );
    }
    if !g.examples.is_empty() {
        let boxes: Vec<String> = g.examples.iter().map(|c| c.text.clone()).collect();
        l.wrap(&boxes.join("; "), "  Examples in the guidance: ", "      ");
    }
}
