//! Markdown: the same report as the terminal's, as a document to paste into a brief or an issue.
//! Everything that is not our own markup goes through [`escape::markdown`].

use blma_assessment::Assessment;
use blma_knowledge::KnowledgeBase;

use crate::Options;
use crate::escape::{self, markdown as md};
use crate::gaps::Guidance;
use crate::terminal::{
    MARK_CONTRADICTS, MARK_PROVIDES, MARK_SILENT, MAX_CANDIDATE_CHARS, candidate_label, mark,
};
use crate::view::{self, ItemView, ReportView};

pub fn render(assessment: &Assessment, kb: &KnowledgeBase, options: &Options) -> String {
    let view = ReportView::new(assessment, kb);
    let mut out = String::new();
    let push = |out: &mut String, s: &str| {
        out.push_str(s);
        out.push('\n');
    };

    push(
        &mut out,
        &format!("# BLMA assessment: {}\n", md(&view::one_line(view.title()))),
    );
    push(&mut out, "| | |\n|---|---|");
    for (label, value) in view.facts() {
        push(
            &mut out,
            &format!("| **{label}** | {} |", md(&view::one_line(&value))),
        );
    }
    push(&mut out, &format!("\n**{}**\n", md(&view.summary_line())));

    push(
        &mut out,
        &format!("## Red flags ({})\n", view.red_flags.len()),
    );
    if view.red_flags.is_empty() {
        push(
            &mut out,
            "No provision found that runs against a rubric item.\n",
        );
    }
    for item in &view.red_flags {
        item_heading(item, &mut out);
        if let Some(meaning) = &item.rubric.contradicts {
            push(&mut out, &format!("**Red flag when** {}.\n", md(meaning)));
        }
        for cite in &item.guidance.derived_from {
            let link = guide_link(&cite.id, options);
            push(
                &mut out,
                &format!("**Runs against** {link} {}\n", md(&cite.text)),
            );
        }
        for cite in &item.guidance.problem {
            let text = md(&cite.text);
            push(
                &mut out,
                &format!("**Also named as a rights problem** in the presentation: {text}\n"),
            );
        }
        let (quotes, more) = item.red_flag_quotes();
        for e in quotes {
            quote(&view::provision_label(e), &e.text, &mut out);
        }
        if more > 0 {
            push(&mut out, &format!("… and {more} more passage(s).\n"));
        }
    }

    push(&mut out, "## Coverage by area\n");
    push(
        &mut out,
        &format!(
            "| Area | Provides | Red flags | Silent | {MARK_PROVIDES} {MARK_CONTRADICTS} {MARK_SILENT} |\n|---|--:|--:|--:|---|"
        ),
    );
    for a in &view.areas {
        let bar: String = std::iter::repeat_n(MARK_PROVIDES, a.provides)
            .chain(std::iter::repeat_n(MARK_CONTRADICTS, a.contradicts))
            .chain(std::iter::repeat_n(MARK_SILENT, a.silent))
            .collect();
        push(
            &mut out,
            &format!(
                "| {} {} | {} | {} | {} | `{bar}` |",
                md(&a.id),
                md(&a.title),
                a.provides,
                a.contradicts,
                a.silent
            ),
        );
    }
    out.push('\n');

    push(
        &mut out,
        &format!("## Provided ({})\n", view.provided.len()),
    );
    for item in &view.provided {
        item_heading(item, &mut out);
        if let Some(e) = item.best_quote() {
            quote(&view::provision_label(e), &e.text, &mut out);
        }
    }

    push(
        &mut out,
        &format!("## Gaps: the agreement is silent ({})\n", view.gaps.len()),
    );
    for item in &view.gaps {
        item_heading(item, &mut out);
        if item.finding.is_none() {
            push(
                &mut out,
                "*Not assessed: the assessment has no finding for this item.*\n",
            );
        }
        candidates(item, &mut out);
        recommendations(&item.guidance, options, &mut out);
    }

    if !view.unknown.is_empty() {
        push(&mut out, "## Findings for items not in this rubric\n");
        for f in &view.unknown {
            push(
                &mut out,
                &format!("- {} ({})", md(&f.item), f.verdict.as_str()),
            );
        }
        out.push('\n');
    }

    if options.guide_url.is_none() {
        push(&mut out, "## Guidance cited\n");
        for cite in view.cited() {
            let anchor = escape::anchor("guide-", &cite.id);
            push(
                &mut out,
                &format!(
                    "- <a id=\"{anchor}\"></a>**{}** {}",
                    md(&cite.id),
                    md(&cite.text)
                ),
            );
        }
    }
    out.trim_end().to_owned() + "\n"
}

fn item_heading(item: &ItemView<'_>, out: &mut String) {
    let anchor = escape::anchor("finding-", item.id());
    out.push_str(&format!(
        "### <a id=\"{anchor}\"></a>{} {} (`{}`)\n\n*{} {}",
        mark(item.verdict),
        md(&item.rubric.title),
        item.id(),
        md(&item.rubric.area),
        md(&item.area_title),
    ));
    if let Some(c) = item.confidence() {
        out.push_str(&format!(" · confidence {c:.2}"));
    }
    out.push_str("*\n\n");
}

/// A semantic matcher's proposals for a silent item, marked as unconfirmed.
fn candidates(item: &ItemView<'_>, out: &mut String) {
    let candidates = item.finding.map_or(&[][..], |f| &f.candidates[..]);
    if candidates.is_empty() {
        return;
    }
    out.push_str("Possibly relevant, unconfirmed (semantic match):\n\n");
    for c in candidates {
        let text = view::shorten(&view::one_line(&c.text), MAX_CANDIDATE_CHARS);
        out.push_str(&format!(
            "- {} · {:.2}: “{}”\n",
            md(&candidate_label(c)),
            c.score,
            md(&text)
        ));
    }
    out.push('\n');
}

fn quote(label: &str, text: &str, out: &mut String) {
    out.push_str(&format!(
        "> “{}”\n>\n> — {}\n\n",
        md(&view::one_line(text)),
        md(label)
    ));
}

/// A link to a guidance element: the configured URL, or the report's own appendix.
fn guide_link(id: &str, options: &Options) -> String {
    format!("[{}]({})", md(id), options.guide_href(id))
}

fn recommendations(g: &Guidance, options: &Options, out: &mut String) {
    out.push_str("The guidance recommends:\n\n");
    for cite in &g.derived_from {
        out.push_str(&format!(
            "- {} {}\n",
            guide_link(&cite.id, options),
            md(&cite.text)
        ));
    }
    for a in &g.annex2 {
        out.push_str(&format!(
            "- Indicative provision ({}, Annex 2: {}): {}\n",
            guide_link(&a.stage_id, options),
            md(&a.stage),
            md(&a.provision)
        ));
    }
    for cite in &g.recommend {
        out.push_str(&format!(
            "- Presentation ({}): {}\n",
            guide_link(&cite.id, options),
            md(&cite.text)
        ));
    }
    if !g.examples.is_empty() {
        let boxes: Vec<String> = g
            .examples
            .iter()
            .map(|c| format!("{} {}", guide_link(&c.id, options), md(&c.text)))
            .collect();
        out.push_str(&format!(
            "- Examples in the guidance: {}\n",
            boxes.join("; ")
        ));
    }
    out.push('\n');
}
