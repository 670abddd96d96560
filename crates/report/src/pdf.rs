//! PDF: the Markdown report's content, in its order, as a printable multi-page A4 document (a
//! file to attach to a brief or hand to a negotiator). Standard Type 1 fonts (Helvetica,
//! Helvetica-Bold, Courier) in WinAnsi encoding: nothing embedded, French and Spanish accents
//! kept, characters outside WinAnsi drawn as [`fonts::FALLBACK`]. Agreement text is only ever
//! drawn as text, never interpreted.

mod fonts;
mod layout;

use blma_assessment::{Assessment, Verdict};
use blma_knowledge::KnowledgeBase;

use crate::Options;
use crate::gaps::Guidance;
use crate::svg::{CONTRADICTS_FILL, PROVIDES_FILL, SILENT_STROKE};
use crate::view::{self, ItemView, ReportView};
use fonts::Font;
use layout::{Layout, MARGIN, MUTED, Rgb, Span, Style, hex, span};

/// Longest quote drawn, in characters; longer ones (a faulty engine, a page-long "sentence") are
/// cut with a mark, so one finding cannot turn the report into hundreds of pages.
pub const MAX_QUOTE_CHARS: usize = 1500;

const H1: Style = Style::new(Font::Bold, 17.0);
const H2: Style = Style::new(Font::Bold, 13.5);
const H3: Style = Style::new(Font::Bold, 11.0);
const BODY: Style = Style::new(Font::Regular, 9.5);
const STRONG: Style = Style::new(Font::Bold, 9.5);
const CODE: Style = Style::new(Font::Mono, 9.0);
const SMALL: Style = Style::new(Font::Regular, 8.5);
const QUOTE: Style = Style::new(Font::Regular, 9.5);

pub fn render(assessment: &Assessment, kb: &KnowledgeBase, options: &Options) -> Vec<u8> {
    let view = ReportView::new(assessment, kb);
    let title = view::one_line(view.title());
    let mut doc = Layout::new();

    let heading_text = format!("BLMA assessment: {title}");
    doc.paragraph(&[span(H1, heading_text.as_str())], 0.0, None);
    doc.space(6.0);
    for (label, value) in view.facts() {
        doc.paragraph(
            &[
                span(STRONG, format!("{label}:")),
                span(BODY, view::one_line(&value)),
            ],
            0.0,
            None,
        );
    }
    doc.space(6.0);
    doc.paragraph(&[span(STRONG, view.summary_line())], 0.0, None);

    heading(
        &mut doc,
        H2,
        &format!("Red flags ({})", view.red_flags.len()),
    );
    if view.red_flags.is_empty() {
        doc.paragraph(
            &[span(
                BODY,
                "No provision found that runs against a rubric item.",
            )],
            0.0,
            None,
        );
    }
    for item in &view.red_flags {
        item_heading(&mut doc, item);
        if let Some(meaning) = &item.rubric.contradicts {
            doc.paragraph(
                &[
                    span(STRONG, "Red flag when"),
                    span(BODY, format!("{meaning}.")),
                ],
                0.0,
                None,
            );
        }
        for cite in &item.guidance.derived_from {
            doc.paragraph(
                &[
                    span(STRONG, "Runs against"),
                    span(CODE, &cite.id),
                    span(BODY, &cite.text),
                ],
                0.0,
                None,
            );
        }
        for cite in &item.guidance.problem {
            doc.paragraph(
                &[
                    span(STRONG, "Also named as a rights problem"),
                    span(BODY, format!("in the presentation: {}", cite.text)),
                ],
                0.0,
                None,
            );
        }
        let (quotes, more) = item.red_flag_quotes();
        for e in quotes {
            quote(&mut doc, &view::provision_label(e), &e.text);
        }
        if more > 0 {
            doc.paragraph(
                &[span(BODY, format!("… and {more} more passage(s)."))],
                0.0,
                None,
            );
        }
    }

    heading(&mut doc, H2, "Coverage by area");
    coverage(&mut doc, &view);

    heading(&mut doc, H2, &format!("Provided ({})", view.provided.len()));
    for item in &view.provided {
        item_heading(&mut doc, item);
        if let Some(e) = item.best_quote() {
            quote(&mut doc, &view::provision_label(e), &e.text);
        }
    }

    heading(
        &mut doc,
        H2,
        &format!("Gaps: the agreement is silent ({})", view.gaps.len()),
    );
    for item in &view.gaps {
        item_heading(&mut doc, item);
        if item.finding.is_none() {
            doc.paragraph(
                &[span(
                    SMALL.colour(MUTED),
                    "Not assessed: the assessment has no finding for this item.",
                )],
                0.0,
                None,
            );
        }
        recommendations(&mut doc, &item.guidance);
    }

    if !view.unknown.is_empty() {
        heading(&mut doc, H2, "Findings for items not in this rubric");
        for f in &view.unknown {
            doc.paragraph(
                &[
                    span(CODE, view::one_line(&f.item)),
                    span(BODY, format!("({})", f.verdict.as_str())),
                ],
                12.0,
                None,
            );
        }
    }

    heading(&mut doc, H2, "Guidance cited");
    for cite in view.cited() {
        let mut spans = vec![span(CODE, &cite.id), span(BODY, &cite.text)];
        if options.guide_url.is_some() {
            spans.push(span(SMALL.colour(MUTED), options.guide_href(&cite.id)));
        }
        doc.paragraph(&spans, 12.0, None);
        doc.space(2.0);
    }

    let footer = format!("blma · {}", view::shorten(&title, 80));
    doc.finish(&heading_text, &footer)
}

/// A section heading kept with the first lines that follow it.
fn heading(doc: &mut Layout, style: Style, text: &str) {
    doc.space(style.size * 0.8);
    doc.keep(style.leading() + 4.0 * BODY.leading());
    doc.paragraph(&[span(style, text)], 0.0, None);
    doc.space(2.0);
}

fn verdict_colour(v: Verdict) -> Rgb {
    hex(match v {
        Verdict::Provides => PROVIDES_FILL,
        Verdict::Contradicts => CONTRADICTS_FILL,
        Verdict::Silent => SILENT_STROKE,
    })
}

fn item_heading(doc: &mut Layout, item: &ItemView<'_>) {
    doc.space(5.0);
    doc.keep(H3.leading() + 4.0 * BODY.leading());
    let colour = verdict_colour(item.verdict);
    doc.paragraph(
        &[
            span(
                H3.colour(colour),
                format!("[{}]", view::verdict_label(item.verdict)),
            ),
            span(H3, &item.rubric.title),
            span(CODE.colour(MUTED), format!("({})", item.id())),
        ],
        0.0,
        None,
    );
    let mut meta = format!("{} {}", item.rubric.area, item.area_title);
    if let Some(c) = item.confidence() {
        meta.push_str(&format!(" · confidence {c:.2}"));
    }
    doc.paragraph(&[span(SMALL.colour(MUTED), meta)], 0.0, None);
    doc.space(2.0);
}

fn quote(doc: &mut Layout, label: &str, text: &str) {
    let text = view::shorten(&view::one_line(text), MAX_QUOTE_CHARS);
    doc.space(2.0);
    doc.paragraph(
        &[span(QUOTE, format!("“{text}”"))],
        14.0,
        Some(hex(SILENT_STROKE)),
    );
    doc.paragraph(
        &[
            span(SMALL.colour(MUTED), "—"),
            span(CODE.colour(MUTED), view::shorten(label, 200)),
        ],
        14.0,
        None,
    );
    doc.space(3.0);
}

fn recommendations(doc: &mut Layout, g: &Guidance) {
    doc.paragraph(&[span(STRONG, "The guidance recommends:")], 0.0, None);
    let bullet = |doc: &mut Layout, spans: Vec<Span>| {
        let mut all = vec![span(BODY, "•")];
        all.extend(spans);
        doc.paragraph(&all, 10.0, None);
    };
    for cite in &g.derived_from {
        bullet(doc, vec![span(CODE, &cite.id), span(BODY, &cite.text)]);
    }
    for a in &g.annex2 {
        bullet(
            doc,
            vec![
                span(BODY, "Indicative provision ("),
                span(CODE, &a.stage_id),
                span(BODY, format!(", Annex 2: {}): {}", a.stage, a.provision)),
            ],
        );
    }
    for cite in &g.recommend {
        bullet(
            doc,
            vec![
                span(BODY, "Presentation ("),
                span(CODE, &cite.id),
                span(BODY, format!("): {}", cite.text)),
            ],
        );
    }
    if !g.examples.is_empty() {
        let mut spans = vec![span(BODY, "Examples in the guidance:")];
        for (i, c) in g.examples.iter().enumerate() {
            spans.push(span(CODE, &c.id));
            let sep = if i + 1 < g.examples.len() { ";" } else { "" };
            spans.push(span(BODY, format!("{}{sep}", c.text)));
        }
        bullet(doc, spans);
    }
    doc.space(4.0);
}

/// The coverage table: one row per area with its counts and a stacked bar in the chart's colours
/// (silent hollow, as in the HTML chart, so the bar does not rely on colour alone).
fn coverage(doc: &mut Layout, view: &ReportView<'_>) {
    const BAR: f32 = 150.0;
    let legend = "Provides / red flags / silent per area. Bars: filled green provides, filled red \
                  red flags, hollow silent.";
    doc.paragraph(&[span(SMALL.colour(MUTED), legend)], 0.0, None);
    let max = view
        .areas
        .iter()
        .map(|a| a.total())
        .max()
        .unwrap_or(0)
        .max(1);
    let unit = BAR / max as f32;
    for a in &view.areas {
        // The bar sits on the row's first line, so that line must be on this page.
        doc.keep(2.0 * BODY.leading());
        let y = doc.y() - BODY.leading() + 1.5;
        let label = format!("{} {}", a.id, a.title);
        let counts = format!("{} / {} / {}", a.provides, a.contradicts, a.silent);
        doc.paragraph(
            &[span(BODY, view::shorten(&label, 70)), span(STRONG, counts)],
            BAR + 10.0,
            None,
        );
        let mut x = MARGIN;
        for (n, fill, stroke) in [
            (a.provides, Some(hex(PROVIDES_FILL)), hex(PROVIDES_FILL)),
            (
                a.contradicts,
                Some(hex(CONTRADICTS_FILL)),
                hex(CONTRADICTS_FILL),
            ),
            (a.silent, None, hex(SILENT_STROKE)),
        ] {
            if n == 0 {
                continue;
            }
            let w = unit * n as f32;
            doc.rect(x + 0.5, y, (w - 1.0).max(0.5), 8.5, fill, Some(stroke));
            x += w;
        }
        doc.space(2.0);
    }
}
