//! The coverage chart: one horizontal stacked bar per principle area, inline SVG so the page
//! needs no external asset or script. The chart repeats the coverage table (which screen readers
//! should prefer); its `<title>`/`<desc>` say the same in words.

use crate::escape::html as esc;
use crate::view::{AreaView, shorten};

pub const PROVIDES_FILL: &str = "#1a7f37";
pub const CONTRADICTS_FILL: &str = "#cf222e";
/// Silent cells are hollow: nothing was found. The outline keeps 4.5:1 contrast on white.
pub const SILENT_STROKE: &str = "#59636e";

const LABEL_WIDTH: usize = 330;
const BAR_SPACE: usize = 260;
const ROW: usize = 26;
const TOP: usize = 34;

/// Renders the chart for `areas`; `id` prefixes the ids of its title and description.
pub fn coverage_chart(areas: &[AreaView], id: &str) -> String {
    let max = areas.iter().map(AreaView::total).max().unwrap_or(0).max(1);
    let unit = BAR_SPACE as f64 / max as f64;
    let height = TOP + ROW * areas.len() + 8;
    let width = LABEL_WIDTH + BAR_SPACE + 90;
    let desc: Vec<String> = areas.iter().map(area_sentence).collect();
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 {width} {height}\" \
         width=\"100%\" style=\"max-width:{width}px\" aria-labelledby=\"{id}-title {id}-desc\" \
         font-family=\"system-ui, sans-serif\" font-size=\"13\">\n\
         <title id=\"{id}-title\">Coverage by principle area</title>\n\
         <desc id=\"{id}-desc\">Rubric items per area that the agreement provides, contradicts \
         (red flags) or is silent on. {}</desc>\n",
        esc(&desc.join(" "))
    );
    legend(&mut out);
    for (i, a) in areas.iter().enumerate() {
        let y = TOP + i * ROW;
        let label = format!("{} {}", a.id, a.title);
        out.push_str(&format!(
            "<g class=\"bar\" data-area=\"{}\">\n<title>{}</title>\n\
             <text x=\"0\" y=\"{}\" fill=\"#1f2328\">{}</text>\n",
            esc(&a.id),
            esc(&area_sentence(a)),
            y + 15,
            esc(&shorten(&label, 46))
        ));
        let mut x = LABEL_WIDTH as f64;
        for (n, fill, stroke) in [
            (a.provides, PROVIDES_FILL, PROVIDES_FILL),
            (a.contradicts, CONTRADICTS_FILL, CONTRADICTS_FILL),
            (a.silent, "#ffffff", SILENT_STROKE),
        ] {
            if n == 0 {
                continue;
            }
            let w = unit * n as f64;
            out.push_str(&format!(
                "<rect x=\"{:.1}\" y=\"{}\" width=\"{:.1}\" height=\"18\" fill=\"{fill}\" \
                 stroke=\"{stroke}\" stroke-width=\"1.5\"/>\n",
                x + 0.75,
                y + 2,
                (w - 1.5).max(1.0)
            ));
            x += w;
        }
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" fill=\"#1f2328\">{} / {} / {}</text>\n</g>\n",
            LABEL_WIDTH + BAR_SPACE + 8,
            y + 15,
            a.provides,
            a.contradicts,
            a.silent
        ));
    }
    out.push_str("</svg>");
    out
}

fn area_sentence(a: &AreaView) -> String {
    format!(
        "{} {}: {} provided, {} red flag{}, {} silent.",
        a.id,
        a.title,
        a.provides,
        a.contradicts,
        if a.contradicts == 1 { "" } else { "s" },
        a.silent
    )
}

fn legend(out: &mut String) {
    let mut x = 0;
    for (label, fill, stroke) in [
        ("provides", PROVIDES_FILL, PROVIDES_FILL),
        ("contradicts (red flag)", CONTRADICTS_FILL, CONTRADICTS_FILL),
        ("silent", "#ffffff", SILENT_STROKE),
    ] {
        out.push_str(&format!(
            "<rect x=\"{}\" y=\"4\" width=\"14\" height=\"14\" fill=\"{fill}\" stroke=\"{stroke}\" \
             stroke-width=\"1.5\"/><text x=\"{}\" y=\"16\" fill=\"#1f2328\">{label}</text>\n",
            x + 1,
            x + 20
        ));
        x += 30 + label.len() * 7;
    }
}
