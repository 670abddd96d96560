//! The HTML page: well-formed, escaped, accessible, with one chart bar per area.

mod common;

use common::{HOSTILE, hostile, kb, memorandum};
use quick_xml::Reader;
use quick_xml::events::Event;

/// What a strict XML parse of the page finds: the text content (entities resolved) and the
/// element names in document order. Fails on any unbalanced or mismatched tag.
struct Parsed {
    text: String,
    elements: Vec<String>,
}

fn parse(page: &str) -> Parsed {
    let mut reader = Reader::from_str(page);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<String> = Vec::new();
    let mut parsed = Parsed {
        text: String::new(),
        elements: Vec::new(),
    };
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                let name = e.name().as_ref().to_owned();
                parsed.elements.push(name.clone());
                stack.push(name);
            }
            Ok(Event::Empty(e)) => parsed.elements.push(e.name().as_ref().to_owned()),
            Ok(Event::End(e)) => {
                let open = stack.pop().expect("closing tag without an open one");
                assert_eq!(open, e.name().as_ref(), "mismatched tags");
            }
            Ok(Event::Text(t)) => parsed.text.push_str(&t.xml10_content()),
            Ok(Event::GeneralRef(r)) => match r.resolve_char_ref().expect("bad char ref") {
                Some(c) => parsed.text.push(c),
                None => parsed.text.push(match r.as_ref() {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" => '\'',
                    other => panic!("entity &{other}; is not XML"),
                }),
            },
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed at {}: {e}", reader.buffer_position()),
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
    parsed
}

#[test]
fn page_is_well_formed_with_landmarks_and_headings() {
    let page = blma_report::html(&memorandum(), kb());
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    let p = parse(&page);
    for landmark in [
        "header", "nav", "main", "footer", "h1", "h2", "h3", "table", "caption", "svg",
    ] {
        assert!(p.elements.iter().any(|e| e == landmark), "no <{landmark}>");
    }
    assert_eq!(p.elements.iter().filter(|e| *e == "h1").count(), 1);
    assert_eq!(p.elements.iter().filter(|e| *e == "main").count(), 1);
    for forbidden in ["script", "link", "img", "iframe"] {
        assert!(
            !p.elements.iter().any(|e| e == forbidden),
            "<{forbidden}> in page"
        );
    }
    assert!(
        !page.contains("http://")
            || page.matches("http://").count()
                == page.matches("xmlns=\"http://www.w3.org/2000/svg\"").count(),
        "external reference in page"
    );
    assert!(!page.contains("https://"));
}

#[test]
fn red_flags_come_first_and_every_item_has_one_anchor() {
    let page = blma_report::html(&memorandum(), kb());
    let pos = |s: &str| page.find(s).unwrap_or_else(|| panic!("{s} missing"));
    assert!(pos("id=\"red-flags\"") < pos("id=\"coverage\""));
    assert!(pos("id=\"coverage\"") < pos("id=\"provided\""));
    assert!(pos("id=\"provided\"") < pos("id=\"gaps\""));
    for id in ["no_worker_fees", "job_loss_protection", "remittances"] {
        let at = pos(&format!("id=\"finding-{id}\""));
        assert!(
            at > pos("id=\"red-flags\"") && at < pos("id=\"coverage\""),
            "{id}"
        );
    }
    for item in &kb().rubric.items {
        assert_eq!(
            page.matches(&format!("id=\"finding-{}\"", item.id)).count(),
            1,
            "{}",
            item.id
        );
    }
    // The quote and its provision id, with the red flag's meaning.
    assert!(page.contains("<blockquote lang=\"en\"><p>Where the contract is terminated at the Worker&#39;s own request"));
    assert!(page.contains("<figcaption>Article 6 <code>art_6__para_3</code></figcaption>"));
    assert!(page.contains("<strong>Red flag when</strong> workers bear recruitment"));
    assert!(page.contains("<a href=\"#guide-III.B.1\">III.B.1</a>"));
    assert!(page.contains("<dt id=\"guide-III.B.1\">III.B.1</dt>"));
}

#[test]
fn coverage_chart_has_one_bar_per_area_with_title_and_desc() {
    let page = blma_report::html(&memorandum(), kb());
    let start = page.find("<svg").unwrap();
    let svg = &page[start..page[start..].find("</svg>").unwrap() + start];
    let mut areas: Vec<&str> = kb().rubric.items.iter().map(|i| i.area.as_str()).collect();
    areas.dedup();
    assert_eq!(svg.matches("<g class=\"bar\"").count(), areas.len());
    for area in areas {
        assert_eq!(
            svg.matches(&format!("data-area=\"{area}\"")).count(),
            1,
            "{area}"
        );
    }
    assert!(svg.contains("<title id=\"coverage-chart-title\">Coverage by principle area</title>"));
    assert!(svg.contains("<desc id=\"coverage-chart-desc\">"));
    assert!(svg.contains("III.B Recruitment: 1 provided, 1 red flag, 0 silent."));
    assert!(svg.contains("aria-labelledby=\"coverage-chart-title coverage-chart-desc\""));
    // The table says the same for screen readers.
    assert!(page.contains("<caption>Rubric items by principle area and verdict</caption>"));
    assert!(page.contains("<th scope=\"row\">III.B Recruitment</th><td class=\"n\">1</td><td class=\"n\">1</td><td class=\"n\">0</td>"));
}

#[test]
fn hostile_text_is_escaped_and_round_trips() {
    let page = blma_report::html(&hostile(), kb());
    let p = parse(&page);
    assert!(
        !p.elements
            .iter()
            .any(|e| e == "script" || e == "img" || e == "b" || e == "i"),
        "{:?}",
        p.elements
    );
    assert!(!page.contains("<script"));
    assert!(!page.contains("onload=\""));
    // The reader sees exactly what the agreement says.
    assert!(p.text.contains(HOSTILE), "hostile quote not preserved");
    assert!(p.text.contains(r#""Ministry" & 'Co' <b>"#));
    assert!(p.text.contains("<img src=x onerror=alert(1)>"));
    assert!(p.text.contains("<b>Article</b> \"6\""));
    // A language that is not a language tag is dropped rather than escaped into an attribute.
    assert!(!page.contains("lang=\"en&quot;"));
    assert!(page.contains("<blockquote>"));
}

#[test]
fn escape_function_handles_hostile_strings() {
    use blma_report::escape::html;
    for hostile in [
        "<script>alert(1)</script>",
        "\"onmouseover=\"x",
        "'single'",
        "&amp;&lt;",
        HOSTILE,
    ] {
        let escaped = html(hostile);
        assert!(!escaped.contains(['<', '>', '"', '\'']), "{escaped}");
        let page = format!("<p title=\"{escaped}\">{escaped}</p>");
        assert_eq!(parse(&page).text, hostile);
    }
}

#[test]
fn guide_links_can_point_to_the_web_platform() {
    let opts = blma_report::Options {
        guide_url: Some("/guide/{id}".to_owned()),
    };
    let page = blma_report::html_with(&memorandum(), kb(), &opts);
    assert!(page.contains("<a href=\"/guide/III.B.1\">III.B.1</a>"));
    assert!(!page.contains("id=\"guidance\""));
    parse(&page);
}
