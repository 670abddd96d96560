//! Horizontal bar charts of shares (e.g. how many coded agreements of the catalogue have an
//! item), each bar labelled with its percentage and its counts. In the grouped chart each series
//! has a colour and a fill pattern of its own, so series differ without colour too.

use super::{TEXT_FILL, clamp_share, open, percent};
use crate::escape::html as esc;
use crate::svg::SILENT_STROKE;
use crate::view::shorten;

/// One bar: `count` of `of` have it, `value` the share in 0..=1 (values outside are clamped).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub count: usize,
    /// The denominator; 0 draws the bar as "no data".
    pub of: usize,
}

/// One group of a grouped chart: `bars[i]` belongs to series `i` (its own `label` is not drawn;
/// the series label is).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BarGroup {
    pub label: String,
    pub bars: Vec<Bar>,
}

/// Series colours, each at least 4.5:1 on white; the first is the single-series colour.
const SERIES: [&str; 6] = [
    "#0969da", "#8250df", "#bc4c00", "#1a7f37", "#bf3989", "#59636e",
];
const LABEL_WIDTH: f64 = 250.0;
const BAR_SPACE: f64 = 300.0;
const VALUE_SPACE: f64 = 120.0;
const WIDTH: f64 = LABEL_WIDTH + BAR_SPACE + VALUE_SPACE;
const ROW: f64 = 24.0;
const TITLE_SPACE: f64 = 30.0;

/// A horizontal bar per share, with its percentage and counts.
pub fn bar_chart(title: &str, bars: &[Bar], id: &str) -> String {
    let height = TITLE_SPACE + ROW * bars.len() as f64 + 8.0;
    let desc: Vec<String> = bars.iter().map(|b| bar_sentence(&b.label, b)).collect();
    let (mut out, _) = open(id, WIDTH, height, title, &desc.join(" "));
    heading(&mut out, title);
    for (i, b) in bars.iter().enumerate() {
        let y = TITLE_SPACE + ROW * i as f64;
        out.push_str(&format!(
            "<g class=\"bar\"><title>{}</title><text x=\"0\" y=\"{:.1}\" fill=\"{TEXT_FILL}\">{}</text>",
            esc(&bar_sentence(&b.label, b)),
            y + 15.0,
            esc(&shorten(&b.label, 40))
        ));
        bar(&mut out, y + 3.0, 16.0, SERIES[0], b);
        out.push_str("</g>\n");
    }
    out.push_str("</svg>");
    out
}

/// Groups of bars, one per series, e.g. the share of an item per period for several corridors.
/// Series past the sixth reuse colours and patterns.
pub fn grouped_bar_chart<S: AsRef<str>>(
    title: &str,
    groups: &[BarGroup],
    series_labels: &[S],
    id: &str,
) -> String {
    let series = series_labels
        .len()
        .max(groups.iter().map(|g| g.bars.len()).max().unwrap_or(0));
    let name = |i: usize| {
        series_labels
            .get(i)
            .map_or_else(|| format!("series {}", i + 1), |s| s.as_ref().to_owned())
    };
    const SUB: f64 = 15.0;
    let group_height = |g: &BarGroup| 18.0 + SUB * g.bars.len() as f64 + 8.0;
    let legend_height = 22.0;
    let height = TITLE_SPACE + legend_height + groups.iter().map(group_height).sum::<f64>() + 8.0;
    let desc: Vec<String> = groups
        .iter()
        .flat_map(|g| {
            g.bars
                .iter()
                .enumerate()
                .map(|(i, b)| bar_sentence(&format!("{}, {}", g.label, name(i)), b))
                .collect::<Vec<_>>()
        })
        .collect();
    let (mut out, safe_id) = open(id, WIDTH, height, title, &desc.join(" "));
    patterns(&mut out, &safe_id, series);
    heading(&mut out, title);

    // Legend.
    let mut x = 0.0;
    out.push_str("<g class=\"legend\">");
    for i in 0..series {
        let label = shorten(&name(i), 30);
        out.push_str(&format!(
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"14\" height=\"14\" fill=\"{}\" \
             stroke=\"{}\"/><text x=\"{:.1}\" y=\"{:.1}\" fill=\"{TEXT_FILL}\">{}</text>",
            TITLE_SPACE,
            fill(&safe_id, i),
            SERIES[i % SERIES.len()],
            x + 19.0,
            TITLE_SPACE + 11.5,
            esc(&label)
        ));
        x += 40.0 + label.chars().count() as f64 * 6.5;
    }
    out.push_str("</g>\n");

    let mut y = TITLE_SPACE + legend_height;
    for g in groups {
        out.push_str(&format!(
            "<g class=\"group\"><text x=\"0\" y=\"{:.1}\" fill=\"{TEXT_FILL}\" \
             font-weight=\"bold\">{}</text>\n",
            y + 13.0,
            esc(&shorten(&g.label, 70))
        ));
        for (i, b) in g.bars.iter().enumerate() {
            let by = y + 18.0 + SUB * i as f64;
            out.push_str(&format!(
                "<g class=\"bar\"><title>{}</title><text x=\"12\" y=\"{:.1}\" \
                 fill=\"{TEXT_FILL}\" font-size=\"11\">{}</text>",
                esc(&bar_sentence(&format!("{}, {}", g.label, name(i)), b)),
                by + 10.5,
                esc(&shorten(&name(i), 36))
            ));
            bar(&mut out, by + 1.0, 12.0, &fill(&safe_id, i), b);
            out.push_str("</g>\n");
        }
        out.push_str("</g>\n");
        y += group_height(g);
    }
    out.push_str("</svg>");
    out
}

fn heading(out: &mut String, title: &str) {
    out.push_str(&format!(
        "<text x=\"0\" y=\"18\" fill=\"{TEXT_FILL}\" font-size=\"15\" font-weight=\"bold\">{}</text>\n",
        esc(&shorten(title, 90))
    ));
}

/// The bar itself, its track and its value label, at `y`, `h` high.
fn bar(out: &mut String, y: f64, h: f64, fill: &str, b: &Bar) {
    out.push_str(&format!(
        "<rect class=\"track\" x=\"{LABEL_WIDTH}\" y=\"{y:.1}\" width=\"{BAR_SPACE}\" height=\"{h}\" \
         fill=\"#f6f8fa\" stroke=\"#d1d9e0\"/>"
    ));
    if b.of > 0 {
        let w = BAR_SPACE * clamp_share(b.value);
        if w > 0.0 {
            out.push_str(&format!(
                "<rect class=\"value\" x=\"{LABEL_WIDTH}\" y=\"{y:.1}\" width=\"{w:.1}\" \
                 height=\"{h}\" fill=\"{fill}\"/>"
            ));
        }
    }
    out.push_str(&format!(
        "<text x=\"{:.1}\" y=\"{:.1}\" fill=\"{}\">{}</text>",
        LABEL_WIDTH + BAR_SPACE + 6.0,
        y + h - 3.5,
        if b.of > 0 { TEXT_FILL } else { SILENT_STROKE },
        esc(&value_label(b))
    ));
}

fn value_label(b: &Bar) -> String {
    if b.of == 0 {
        "no data".to_owned()
    } else {
        format!("{} ({} of {})", percent(b.value), b.count, b.of)
    }
}

fn bar_sentence(label: &str, b: &Bar) -> String {
    format!("{}: {}.", label, value_label(b))
}

/// The fill of series `i`: its colour, solid for the first and patterned for the others.
fn fill(id: &str, i: usize) -> String {
    if i.is_multiple_of(SERIES.len()) {
        SERIES[0].to_owned()
    } else {
        format!("url(#{id}-series-{})", i % SERIES.len())
    }
}

/// One pattern per series after the first: the series colour with white stripes, dots or a
/// grid, so series differ in texture as well as colour.
fn patterns(out: &mut String, id: &str, series: usize) {
    out.push_str("<defs>");
    for (i, colour) in SERIES.iter().enumerate().take(series).skip(1) {
        let texture = match i % 3 {
            1 => "<path d=\"M0 6 L6 0\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>",
            2 => "<circle cx=\"3\" cy=\"3\" r=\"1.3\" fill=\"#ffffff\"/>",
            _ => "<path d=\"M3 0 V6 M0 3 H6\" stroke=\"#ffffff\" stroke-width=\"1\"/>",
        };
        out.push_str(&format!(
            "<pattern id=\"{id}-series-{i}\" width=\"6\" height=\"6\" \
             patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" \
             fill=\"{colour}\"/>{texture}</pattern>"
        ));
    }
    out.push_str("</defs>\n");
}
