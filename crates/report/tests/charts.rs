//! The web platform's charts, parsed as XML: the heatmap of verdicts from real assessments of the
//! development agreements, bar charts of the catalogue's real item statistics, hostile labels.

mod common;

use std::collections::HashSet;
use std::path::Path;

use blma_assessment::Verdict;
use blma_catalogue::{Catalogue, Filter};
use blma_documents::formats::Limits;
use blma_report::{
    Bar, BarGroup, HeatmapCell, HeatmapColumn, HeatmapRow, bar_chart, grouped_bar_chart, heatmap,
};
use common::{HOSTILE, kb};
use quick_xml::Reader;
use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};

/// One element: its name, attributes (values unescaped), and the text of its `<title>` child.
#[derive(Debug, Default)]
struct Element {
    name: String,
    attrs: Vec<(String, String)>,
    title: Option<String>,
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn class(&self) -> &str {
        self.attr("class").unwrap_or("")
    }
}

/// Every element in document order, and all text. Panics on anything not well-formed XML.
fn parse(svg: &str) -> (Vec<Element>, String) {
    let mut reader = Reader::from_str(svg);
    reader.config_mut().check_end_names = true;
    let mut elements: Vec<Element> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut text = String::new();
    let mut title: Option<String> = None;
    let element = |e: &BytesStart| Element {
        name: e.name().as_ref().to_owned(),
        attrs: e
            .attributes()
            .map(|a| {
                let a = a.expect("attribute");
                let value = a
                    .normalized_value(XmlVersion::Implicit1_0)
                    .expect("attribute value")
                    .into_owned();
                (a.key.as_ref().to_owned(), value)
            })
            .collect(),
        title: None,
    };
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                if e.name().as_ref() == "title" {
                    title = Some(String::new());
                }
                elements.push(element(&e));
                stack.push(elements.len() - 1);
            }
            Ok(Event::Empty(e)) => elements.push(element(&e)),
            Ok(Event::End(e)) => {
                stack.pop().expect("closing tag without an open one");
                if e.name().as_ref() == "title" {
                    let t = title.take().unwrap_or_default();
                    let parent = *stack.last().expect("title outside an element");
                    elements[parent].title = Some(t);
                }
            }
            Ok(Event::Text(t)) => {
                let s = t.xml10_content().into_owned();
                text.push_str(&s);
                if let Some(title) = &mut title {
                    title.push_str(&s);
                }
            }
            Ok(Event::GeneralRef(r)) => {
                let c = match r.resolve_char_ref().expect("char ref") {
                    Some(c) => c,
                    None => match r.as_ref() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => panic!("entity {other:?} is not XML"),
                    },
                };
                text.push(c);
                if let Some(title) = &mut title {
                    title.push(c);
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed at {}: {e}", reader.buffer_position()),
        }
    }
    assert!(stack.is_empty(), "unclosed elements");
    (elements, text)
}

/// The `<svg>` is an image labelled by a title and a description that exist.
fn assert_accessible(elements: &[Element]) {
    let svg = &elements[0];
    assert_eq!(svg.name, "svg");
    assert_eq!(svg.attr("role"), Some("img"));
    let ids: HashSet<&str> = elements.iter().filter_map(|e| e.attr("id")).collect();
    let labels = svg.attr("aria-labelledby").expect("aria-labelledby");
    for id in labels.split(' ') {
        assert!(ids.contains(id), "aria-labelledby names missing id {id}");
    }
    assert_eq!(elements[1].name, "title");
    assert_eq!(elements[2].name, "desc");
    for forbidden in ["script", "foreignObject", "image"] {
        assert!(!elements.iter().any(|e| e.name == forbidden), "{forbidden}");
    }
}

fn assessed_rows() -> Vec<(String, Vec<Verdict>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/eval-dev");
    [
        "ph-kr-eps-2004",
        "fr-nl-labour-treaty-1948",
        "ar-cl-labour-convention-1971",
    ]
    .iter()
    .map(|slug| {
        let bytes = std::fs::read(dir.join(format!("{slug}.txt"))).unwrap();
        let document = blma_documents::read(&bytes, None, &Limits::default()).unwrap();
        let a = blma_assessment::assess(&document).unwrap();
        let verdicts = kb()
            .rubric
            .items
            .iter()
            .map(|i| a.findings.iter().find(|f| f.item == i.id).unwrap().verdict)
            .collect();
        ((*slug).to_owned(), verdicts)
    })
    .collect()
}

fn rubric_columns() -> Vec<HeatmapColumn> {
    kb().rubric
        .items
        .iter()
        .map(|i| HeatmapColumn {
            id: i.id.clone(),
            label: i.title.clone(),
            area: i.area.clone(),
        })
        .collect()
}

#[test]
fn heatmap_has_a_titled_cell_per_agreement_and_item() {
    let columns = rubric_columns();
    let assessed = assessed_rows();
    let mut rows: Vec<HeatmapRow> = assessed
        .iter()
        .map(|(slug, verdicts)| HeatmapRow {
            label: slug.clone(),
            href: Some(format!("/agreements/{slug}")),
            cells: verdicts
                .iter()
                .enumerate()
                .map(|(i, v)| HeatmapCell {
                    verdict: Some(*v),
                    reviewed: i % 5 == 0,
                })
                .collect(),
        })
        .collect();
    // One row only half assessed, unlinked.
    rows.push(HeatmapRow {
        label: "Partly assessed".to_owned(),
        href: None,
        cells: vec![HeatmapCell::default(); 19],
    });
    let svg = heatmap(&rows, &columns, "coverage-map");
    let (elements, _) = parse(&svg);
    assert_accessible(&elements);

    let cells: Vec<&Element> = elements
        .iter()
        .filter(|e| e.class().starts_with("cell "))
        .collect();
    assert_eq!(cells.len(), rows.len() * columns.len());
    let count = |class: &str| cells.iter().filter(|e| e.class() == class).count();
    let expected = |v: Verdict| {
        assessed
            .iter()
            .flat_map(|(_, vs)| vs)
            .filter(|x| **x == v)
            .count()
    };
    assert_eq!(count("cell provides"), expected(Verdict::Provides));
    assert_eq!(count("cell contradicts"), expected(Verdict::Contradicts));
    assert_eq!(count("cell silent"), expected(Verdict::Silent));
    assert_eq!(count("cell not-assessed"), columns.len());
    assert!(expected(Verdict::Provides) > 0 && expected(Verdict::Silent) > 0);

    // Each cell says agreement, item and verdict; reviewed ones say so and carry the marker.
    let (slug, verdicts) = &assessed[1];
    let title = cells[columns.len() + 1].title.as_deref().unwrap();
    let mut want = format!("{slug} — {}: {}", columns[1].label, verdicts[1].as_str());
    if verdicts[1] == Verdict::Contradicts {
        want = want.replace("contradicts", "contradicts (red flag)");
    }
    assert_eq!(title, want);
    assert!(
        cells[columns.len()]
            .title
            .as_deref()
            .unwrap()
            .ends_with(", reviewed")
    );
    let reviewed = elements.iter().filter(|e| e.class() == "reviewed").count();
    assert_eq!(reviewed, assessed.len() * columns.len().div_ceil(5));

    // Links on the linked rows only; columns titled with item and area; one band per area.
    let links: Vec<&str> = elements
        .iter()
        .filter(|e| e.name == "a")
        .filter_map(|e| e.attr("href"))
        .collect();
    assert_eq!(
        links,
        [
            "/agreements/ph-kr-eps-2004",
            "/agreements/fr-nl-labour-treaty-1948",
            "/agreements/ar-cl-labour-convention-1971"
        ]
    );
    let headers: Vec<&Element> = elements.iter().filter(|e| e.class() == "column").collect();
    assert_eq!(headers.len(), columns.len());
    assert!(
        headers[0]
            .title
            .as_deref()
            .unwrap()
            .contains(&columns[0].id)
    );
    let areas: HashSet<&str> = columns.iter().map(|c| c.area.as_str()).collect();
    assert_eq!(
        elements.iter().filter(|e| e.class() == "area").count(),
        areas.len()
    );
    assert!(svg.contains(&format!(
        "Verdicts of 4 agreements on {} rubric items",
        columns.len()
    )));
}

#[test]
fn heatmap_escapes_hostile_labels_and_refuses_script_links() {
    let hostile_column = HeatmapColumn {
        id: r#"x"><script>"#.to_owned(),
        label: HOSTILE.to_owned(),
        area: "<b>&".to_owned(),
    };
    let rows = [
        HeatmapRow {
            label: HOSTILE.to_owned(),
            href: Some("javascript:alert(1)".to_owned()),
            cells: vec![HeatmapCell {
                verdict: Some(Verdict::Contradicts),
                reviewed: true,
            }],
        },
        HeatmapRow {
            label: "ok".to_owned(),
            href: Some("/a?x=\"><script>&y".to_owned()),
            cells: Vec::new(),
        },
    ];
    let svg = heatmap(&rows, &[hostile_column], r#"id" onload="x"#);
    let (elements, text) = parse(&svg);
    assert_accessible(&elements);
    assert!(!svg.contains("<script"));
    assert!(
        elements
            .iter()
            .all(|e| e.attrs.iter().all(|(k, _)| !k.starts_with("on")))
    );
    let cell = elements
        .iter()
        .find(|e| e.class() == "cell contradicts")
        .unwrap();
    assert_eq!(
        cell.title.as_deref().unwrap(),
        format!("{HOSTILE} — {HOSTILE}: contradicts (red flag), reviewed")
    );
    assert!(
        text.contains("</blockquote><script>alert"),
        "label not kept as text"
    );
    let links: Vec<&str> = elements
        .iter()
        .filter(|e| e.name == "a")
        .filter_map(|e| e.attr("href"))
        .collect();
    assert_eq!(links, ["/a?x=\"><script>&y"]);
    // Empty charts are still valid images.
    assert_accessible(&parse(&heatmap(&[], &[], "")).0);
}

/// The catalogue's real statistics as the web platform would draw them.
fn catalogue_bars() -> Vec<Bar> {
    let catalogue = Catalogue::embedded().unwrap();
    let stats = catalogue.stats(&Filter::default()).unwrap();
    stats
        .items
        .iter()
        .map(|s| Bar {
            label: s.item.title.clone(),
            value: s.overall.share.unwrap_or(0.0),
            count: s.overall.count,
            of: s.overall.coded,
        })
        .collect()
}

#[test]
fn bar_chart_draws_each_share_with_its_percentage() {
    let bars = catalogue_bars();
    assert!(bars.len() > 20);
    let svg = bar_chart("Items in coded agreements", &bars, "items");
    let (elements, text) = parse(&svg);
    assert_accessible(&elements);
    let groups: Vec<&Element> = elements.iter().filter(|e| e.class() == "bar").collect();
    assert_eq!(groups.len(), bars.len());
    let tracks: Vec<f64> = widths(&elements, "track");
    let values: Vec<f64> = widths(&elements, "value");
    assert_eq!(tracks.len(), bars.len());
    assert_eq!(values.len(), bars.iter().filter(|b| b.value > 0.0).count());
    // Widths are proportional to the shares.
    let full = tracks[0];
    for (b, w) in bars.iter().filter(|b| b.value > 0.0).zip(&values) {
        assert!(
            (w - b.value * full).abs() < 0.1,
            "{} drawn {w} of {full}",
            b.value
        );
        let pct = format!(
            "{:.0}% ({} of {})",
            (b.value * 100.0).round(),
            b.count,
            b.of
        );
        assert!(text.contains(&pct), "{pct}");
    }
    assert_eq!(
        groups[0].title.as_deref().unwrap(),
        format!(
            "{}: {:.0}% ({} of {}).",
            bars[0].label,
            (bars[0].value * 100.0).round(),
            bars[0].count,
            bars[0].of
        )
    );
}

fn widths(elements: &[Element], class: &str) -> Vec<f64> {
    elements
        .iter()
        .filter(|e| e.class() == class)
        .map(|e| e.attr("width").unwrap().parse().unwrap())
        .collect()
}

#[test]
fn bar_chart_survives_hostile_labels_and_odd_values() {
    let bars = [
        Bar {
            label: HOSTILE.to_owned(),
            value: f64::NAN,
            count: 0,
            of: 3,
        },
        Bar {
            label: "\"quoted\" & <b>".to_owned(),
            value: 7.0,
            count: 9,
            of: 3,
        },
        Bar {
            label: "nothing coded".to_owned(),
            value: 0.5,
            count: 0,
            of: 0,
        },
    ];
    let svg = bar_chart("<script>alert(1)</script>", &bars, "odd");
    let (elements, text) = parse(&svg);
    assert_accessible(&elements);
    assert!(!svg.contains("<script"));
    assert!(text.contains("<script>alert(1)</script>"));
    assert!(text.contains("\"quoted\" & <b>"));
    assert!(text.contains("0% (0 of 3)"));
    assert!(text.contains("100% (9 of 3)"));
    assert!(text.contains("no data"));
    // Only the over-full bar is drawn, clamped to the track.
    assert_eq!(widths(&elements, "value"), [widths(&elements, "track")[1]]);
}

#[test]
fn grouped_chart_has_a_patterned_series_per_bar_and_unique_ids() {
    let bars = catalogue_bars();
    let groups: Vec<BarGroup> = bars
        .chunks(3)
        .take(4)
        .map(|c| BarGroup {
            label: c[0].label.clone(),
            bars: c.to_vec(),
        })
        .collect();
    let series = ["1950–1979", "1980–1999", "2000 & after"];
    let page = format!(
        "<div>{}{}</div>",
        grouped_bar_chart("By period", &groups, &series, "periods"),
        grouped_bar_chart("By period", &groups, &series, "periods-2")
    );
    let (elements, text) = parse(&page);
    assert_accessible(&elements[1..]);
    let ids: Vec<&str> = elements.iter().filter_map(|e| e.attr("id")).collect();
    assert_eq!(
        ids.len(),
        ids.iter().collect::<HashSet<_>>().len(),
        "duplicate ids"
    );
    // Per chart: one pattern per series after the first, used by that series' bars.
    assert_eq!(
        elements.iter().filter(|e| e.name == "pattern").count(),
        2 * 2
    );
    let values: Vec<&Element> = elements.iter().filter(|e| e.class() == "value").collect();
    let drawn = groups
        .iter()
        .flat_map(|g| &g.bars)
        .filter(|b| b.value > 0.0)
        .count();
    assert_eq!(values.len(), 2 * drawn);
    assert!(
        values
            .iter()
            .any(|v| v.attr("fill") == Some("url(#periods-series-1)"))
    );
    assert!(
        values
            .iter()
            .any(|v| v.attr("fill") == Some("url(#periods-2-series-2)"))
    );
    let bars_drawn = elements.iter().filter(|e| e.class() == "bar").count();
    assert_eq!(
        bars_drawn,
        2 * groups.iter().map(|g| g.bars.len()).sum::<usize>()
    );
    assert!(text.contains("2000 & after"));
    let title = elements
        .iter()
        .find(|e| e.class() == "bar")
        .unwrap()
        .title
        .clone()
        .unwrap();
    assert!(
        title.starts_with(&format!("{}, 1950–1979: ", groups[0].label)),
        "{title}"
    );
}
