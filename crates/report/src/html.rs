//! One self-contained, accessible HTML page: landmarks, a heading outline, a captioned table, an
//! inline SVG chart, no script and no external asset, so it can be mailed, archived or served by
//! the web platform as is. The output is also well-formed XML (void elements self-closed, no
//! named entities), which the tests check with a strict parser.

use blma_assessment::Assessment;
use blma_knowledge::KnowledgeBase;

use crate::Options;
use crate::escape::{anchor, html as esc};
use crate::gaps::Guidance;
use crate::svg;
use crate::terminal::{MAX_CANDIDATE_CHARS, candidate_label, mark};
use crate::view::{self, ItemView, ReportView};

/// Colours meet WCAG AA (4.5:1) against their backgrounds; the red flag border is not the only
/// cue (each finding also has a mark and a heading in its section).
const STYLE: &str = "
:root { color: #1f2328; background: #ffffff; font: 16px/1.5 system-ui, sans-serif; }
body { max-width: 52rem; margin: 0 auto; padding: 1rem; }
a { color: #0550ae; }
.skip { position: absolute; left: -10000px; }
.skip:focus { position: static; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0 1rem; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
.summary { font-weight: bold; }
article.finding { border-left: 0.35rem solid #59636e; padding: 0 0 0 1rem; margin: 1.5rem 0; }
article.contradicts { border-left-color: #cf222e; }
article.provides { border-left-color: #1a7f37; }
.meta { color: #59636e; margin-top: -0.5rem; }
blockquote { margin: 0.5rem 0; padding: 0.25rem 1rem; background: #f6f8fa; }
figure { margin: 0.5rem 0; }
figcaption { color: #59636e; }
table { border-collapse: collapse; margin: 1rem 0; }
caption { text-align: left; font-weight: bold; }
th, td { border: 1px solid #d1d9e0; padding: 0.25rem 0.5rem; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
code { font-size: 0.9em; }
@media print { .skip, nav { display: none; } }
";

pub fn render(assessment: &Assessment, kb: &KnowledgeBase, options: &Options) -> String {
    let view = ReportView::new(assessment, kb);
    let title = view::one_line(view.title());
    let lang = lang_attr(&assessment.document.language);
    let mut o = String::new();
    o.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
    o.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
    o.push_str(&format!(
        "<title>BLMA assessment: {}</title>\n",
        esc(&title)
    ));
    o.push_str(&format!("<style>{STYLE}</style>\n</head>\n<body>\n"));
    o.push_str("<a class=\"skip\" href=\"#main\">Skip to the report</a>\n");

    o.push_str(&format!(
        "<header>\n<h1>BLMA assessment: {}</h1>\n<dl class=\"facts\">\n",
        esc(&title)
    ));
    for (label, value) in view.facts() {
        o.push_str(&format!(
            "<dt>{label}</dt><dd>{}</dd>\n",
            esc(&view::one_line(&value))
        ));
    }
    o.push_str(&format!(
        "</dl>\n<p class=\"summary\">{}</p>\n</header>\n",
        esc(&view.summary_line())
    ));

    let sections = [
        ("red-flags", format!("Red flags ({})", view.red_flags.len())),
        ("coverage", "Coverage by area".to_owned()),
        ("provided", format!("Provided ({})", view.provided.len())),
        (
            "gaps",
            format!("Gaps: the agreement is silent ({})", view.gaps.len()),
        ),
    ];
    o.push_str("<nav aria-label=\"Contents\">\n<ul>\n");
    for (id, heading) in &sections {
        o.push_str(&format!(
            "<li><a href=\"#{id}\">{}</a></li>\n",
            esc(heading)
        ));
    }
    o.push_str("</ul>\n</nav>\n<main id=\"main\">\n");

    open_section(&mut o, sections[0].0, &sections[0].1);
    if view.red_flags.is_empty() {
        o.push_str("<p>No provision found that runs against a rubric item.</p>\n");
    }
    for item in &view.red_flags {
        open_finding(item, &mut o);
        if let Some(meaning) = &item.rubric.contradicts {
            o.push_str(&format!(
                "<p><strong>Red flag when</strong> {}.</p>\n",
                esc(meaning)
            ));
        }
        for cite in &item.guidance.derived_from {
            o.push_str(&format!(
                "<p><strong>Runs against</strong> {} {}</p>\n",
                guide_link(&cite.id, options),
                esc(&cite.text)
            ));
        }
        for cite in &item.guidance.problem {
            o.push_str(&format!(
                "<p><strong>Also named as a rights problem</strong> in the presentation: {}</p>\n",
                esc(&cite.text)
            ));
        }
        let (quotes, more) = item.red_flag_quotes();
        for e in quotes {
            quote(e, &lang, &mut o);
        }
        if more > 0 {
            o.push_str(&format!("<p>… and {more} more passage(s).</p>\n"));
        }
        o.push_str("</article>\n");
    }
    o.push_str("</section>\n");

    open_section(&mut o, sections[1].0, &sections[1].1);
    o.push_str(&svg::coverage_chart(&view.areas, "coverage-chart"));
    o.push('\n');
    coverage_table(&view, &mut o);
    o.push_str("</section>\n");

    open_section(&mut o, sections[2].0, &sections[2].1);
    for item in &view.provided {
        open_finding(item, &mut o);
        if let Some(e) = item.best_quote() {
            quote(e, &lang, &mut o);
        }
        o.push_str("</article>\n");
    }
    o.push_str("</section>\n");

    open_section(&mut o, sections[3].0, &sections[3].1);
    for item in &view.gaps {
        open_finding(item, &mut o);
        if item.finding.is_none() {
            o.push_str(
                "<p><em>Not assessed: the assessment has no finding for this item.</em></p>\n",
            );
        }
        candidates(item, &lang, &mut o);
        recommendations(&item.guidance, options, &mut o);
        o.push_str("</article>\n");
    }
    o.push_str("</section>\n");

    if !view.unknown.is_empty() {
        open_section(&mut o, "unknown", "Findings for items not in this rubric");
        o.push_str("<ul>\n");
        for f in &view.unknown {
            o.push_str(&format!(
                "<li><code>{}</code> ({})</li>\n",
                esc(&f.item),
                f.verdict.as_str()
            ));
        }
        o.push_str("</ul>\n</section>\n");
    }

    if options.guide_url.is_none() {
        open_section(&mut o, "guidance", "Guidance cited");
        o.push_str("<dl>\n");
        for cite in view.cited() {
            o.push_str(&format!(
                "<dt id=\"{}\">{}</dt><dd>{}</dd>\n",
                anchor("guide-", &cite.id),
                esc(&cite.id),
                esc(&cite.text)
            ));
        }
        o.push_str("</dl>\n</section>\n");
    }

    o.push_str(
        "</main>\n<footer>\n<p>Assessed against the <cite>Guidance on Bilateral Labour Migration \
         Agreements</cite> (UN Network on Migration, 2022). Verdicts come from a machine reading: \
         check each quote against the agreement before relying on it.</p>\n</footer>\n\
         </body>\n</html>\n",
    );
    o
}

/// ` lang="…"` for agreement text when the document's language is a plausible BCP 47 tag, so
/// screen readers pronounce quotes correctly; nothing otherwise.
fn lang_attr(language: &str) -> String {
    let ok = !language.is_empty()
        && language.len() <= 12
        && language
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-');
    if ok && language != "und" {
        format!(" lang=\"{language}\"")
    } else {
        String::new()
    }
}

fn open_section(o: &mut String, id: &str, heading: &str) {
    o.push_str(&format!(
        "<section id=\"{id}\" aria-labelledby=\"{id}-h\">\n<h2 id=\"{id}-h\">{}</h2>\n",
        esc(heading)
    ));
}

fn open_finding(item: &ItemView<'_>, o: &mut String) {
    let id = anchor("finding-", item.id());
    o.push_str(&format!(
        "<article class=\"finding {}\" id=\"{id}\" aria-labelledby=\"{id}-h\">\n\
         <h3 id=\"{id}-h\"><span aria-hidden=\"true\">{}</span> {} <code>{}</code></h3>\n\
         <p class=\"meta\">{}: {} {}",
        item.verdict.as_str(),
        mark(item.verdict),
        esc(&item.rubric.title),
        esc(item.id()),
        view::verdict_label(item.verdict),
        esc(&item.rubric.area),
        esc(&item.area_title)
    ));
    if let Some(c) = item.confidence() {
        o.push_str(&format!(" · confidence {c:.2}"));
    }
    o.push_str("</p>\n");
}

/// A semantic matcher's proposals for a silent item, marked as unconfirmed.
fn candidates(item: &ItemView<'_>, lang: &str, o: &mut String) {
    let candidates = item.finding.map_or(&[][..], |f| &f.candidates[..]);
    if candidates.is_empty() {
        return;
    }
    o.push_str(
        "<p class=\"candidates\">Possibly relevant, unconfirmed (semantic match):</p>\n<ul>\n",
    );
    for c in candidates {
        let text = view::shorten(&view::one_line(&c.text), MAX_CANDIDATE_CHARS);
        o.push_str(&format!(
            "<li>{} · {:.2}: <q{lang}>{}</q></li>\n",
            esc(&candidate_label(c)),
            c.score,
            esc(&text)
        ));
    }
    o.push_str("</ul>\n");
}

fn quote(e: &blma_assessment::Evidence, lang: &str, o: &mut String) {
    o.push_str(&format!(
        "<figure>\n<blockquote{lang}><p>{}</p></blockquote>\n\
         <figcaption>{} <code>{}</code></figcaption>\n</figure>\n",
        esc(&view::one_line(&e.text)),
        esc(&view::one_line(&e.provision)),
        esc(&e.provision_id)
    ));
}

fn guide_link(id: &str, options: &Options) -> String {
    format!(
        "<a href=\"{}\">{}</a>",
        esc(&options.guide_href(id)),
        esc(id)
    )
}

fn coverage_table(view: &ReportView<'_>, o: &mut String) {
    o.push_str(
        "<table>\n<caption>Rubric items by principle area and verdict</caption>\n<thead><tr>\
         <th scope=\"col\">Area</th><th scope=\"col\">Provides</th>\
         <th scope=\"col\">Red flags</th><th scope=\"col\">Silent</th></tr></thead>\n<tbody>\n",
    );
    for a in &view.areas {
        o.push_str(&format!(
            "<tr><th scope=\"row\">{} {}</th><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td></tr>\n",
            esc(&a.id),
            esc(&a.title),
            a.provides,
            a.contradicts,
            a.silent
        ));
    }
    o.push_str("</tbody>\n</table>\n");
}

fn recommendations(g: &Guidance, options: &Options, o: &mut String) {
    o.push_str("<p>The guidance recommends:</p>\n<ul>\n");
    for cite in &g.derived_from {
        o.push_str(&format!(
            "<li>{} {}</li>\n",
            guide_link(&cite.id, options),
            esc(&cite.text)
        ));
    }
    for a in &g.annex2 {
        o.push_str(&format!(
            "<li>Indicative provision ({}, Annex 2: {}): {}</li>\n",
            guide_link(&a.stage_id, options),
            esc(&a.stage),
            esc(&a.provision)
        ));
    }
    for cite in &g.recommend {
        o.push_str(&format!(
            "<li>Presentation ({}): {}</li>\n",
            guide_link(&cite.id, options),
            esc(&cite.text)
        ));
    }
    if !g.examples.is_empty() {
        let boxes: Vec<String> = g
            .examples
            .iter()
            .map(|c| format!("{} {}", guide_link(&c.id, options), esc(&c.text)))
            .collect();
        o.push_str(&format!(
            "<li>Examples in the guidance: {}</li>\n",
            boxes.join("; ")
        ));
    }
    o.push_str("</ul>\n");
}
