//! The PDF report, read back the way blma reads agreements (`blma_documents::read`, pdf_oxide):
//! real assessments of the development agreements, and hostile ones.

mod common;

use std::path::Path;

use blma_assessment::{Assessment, Verdict};
use blma_documents::formats::Limits;
use blma_report::view::{ReportView, one_line};
use common::{hostile, kb, memorandum};
use pdf_oxide::document::PdfDocument;

const DEV: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/eval-dev");

/// The engine's assessment of a development agreement.
fn assess(slug: &str) -> Assessment {
    let path = Path::new(DEV).join(format!("{slug}.txt"));
    let bytes = std::fs::read(&path).expect("dev fixture");
    let document = blma_documents::read(&bytes, Some(&format!("{slug}.txt")), &Limits::default())
        .expect("dev fixture reads");
    blma_assessment::assess(&document).expect("assessment")
}

/// What blma's reader extracts from the PDF (white space collapsed; it drops running footers and
/// page numbers, as it does for agreements) and its page count.
fn read_back(pdf: &[u8]) -> (String, usize) {
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    let document =
        blma_documents::read(pdf, Some("report.pdf"), &Limits::default()).expect("PDF reads back");
    (one_line(&document.text), pages(pdf).len())
}

/// The raw text of each page, as pdf_oxide extracts it.
fn pages(pdf: &[u8]) -> Vec<String> {
    let document = PdfDocument::from_bytes(pdf.to_vec()).expect("pdf_oxide opens it");
    (0..document.page_count().expect("page count"))
        .map(|p| one_line(&document.extract_text(p).expect("page text")))
        .collect()
}

/// `/Title` of the document information dictionary, decoded.
fn info_title(pdf: &[u8]) -> String {
    let document = PdfDocument::from_bytes(pdf.to_vec()).unwrap();
    let info = document.trailer().as_dict().unwrap().get("Info").unwrap();
    let info = document.load_object(info.as_reference().unwrap()).unwrap();
    let bytes = info
        .as_dict()
        .unwrap()
        .get("Title")
        .unwrap()
        .as_string()
        .unwrap()
        .to_vec();
    assert_eq!(&bytes[..2], [0xFE, 0xFF], "not UTF-16");
    let units: Vec<u16> = bytes[2..]
        .chunks(2)
        .map(|c| u16::from_be_bytes([c[0], c[1]]))
        .collect();
    String::from_utf16(&units).unwrap()
}

/// First `n` words of `text`, white space collapsed.
fn words(text: &str, n: usize) -> String {
    one_line(text)
        .split(' ')
        .take(n)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn real_report_has_the_markdown_order_and_every_item() {
    let a = assess("ph-kr-eps-2004");
    let view = ReportView::new(&a, kb());
    let pdf = blma_report::pdf(&a, kb());
    let (text, count) = read_back(&pdf);
    assert!(count > 1, "{count} page(s)");
    for (i, page) in pages(&pdf).iter().enumerate() {
        assert!(
            page.contains(&format!("Page {} of {count}", i + 1)),
            "footer of page {i}"
        );
    }
    assert!(text.contains("BLMA assessment"));
    assert!(text.contains(&words(view.title(), 6)), "title missing");
    assert!(text.contains(&format!("Engine: {}", a.engine.mode)));
    assert!(text.contains(&view.summary_line()), "summary missing");

    // Sections in the Markdown report's order.
    let sections = [
        "Red flags (".to_owned(),
        "Coverage by area".to_owned(),
        format!("Provided ({})", view.provided.len()),
        format!("Gaps: the agreement is silent ({})", view.gaps.len()),
        "Guidance cited".to_owned(),
    ];
    let positions: Vec<usize> = sections
        .iter()
        .map(|s| text.find(s.as_str()).unwrap_or_else(|| panic!("no {s:?}")))
        .collect();
    assert!(positions.is_sorted(), "{positions:?}");

    // Every item, with its id, red flags before anything provided.
    for item in view.items() {
        assert!(text.contains(&format!("({})", item.id())), "{}", item.id());
    }
    if let (Some(flag), Some(provided)) = (view.red_flags.first(), view.provided.first()) {
        let pos = |id: &str| text.find(&format!("({id})")).expect("item");
        assert!(pos(flag.id()) < pos(provided.id()));
    }
    // A gap says what the guidance recommends.
    assert!(text.contains("The guidance recommends:"));
    let gap = view
        .gaps
        .iter()
        .find(|g| !g.guidance.annex2.is_empty())
        .expect("a gap");
    assert!(text.contains(&gap.guidance.annex2[0].stage_id));
}

#[test]
fn french_and_spanish_quotes_keep_their_accents() {
    for (slug, accents) in [
        ("fr-nl-labour-treaty-1948", &['é', 'è', 'ç', 'à'][..]),
        (
            "ar-cl-labour-convention-1971",
            &['ñ', 'á', 'é', 'ó', 'í'][..],
        ),
    ] {
        let a = assess(slug);
        let view = ReportView::new(&a, kb());
        let (text, _) = read_back(&blma_report::pdf(&a, kb()));
        let quotes: Vec<String> = view
            .items()
            .filter_map(|i| i.best_quote())
            .map(|e| words(&e.text, 8))
            .filter(|q| q.contains(accents))
            .collect();
        assert!(!quotes.is_empty(), "{slug}: no accented quote to check");
        for q in &quotes {
            assert!(
                text.contains(q.as_str()),
                "{slug}: quote {q:?} not in the PDF"
            );
        }
        assert!(!text.contains('\u{FFFD}'));
    }
}

#[test]
fn red_flags_come_first_with_their_quotes_and_provision() {
    let a = memorandum();
    let view = ReportView::new(&a, kb());
    assert_eq!(view.red_flags.len(), 3);
    let (text, _) = read_back(&blma_report::pdf(&a, kb()));
    let provided = text.find("Provided (").expect("provided section");
    for item in &view.red_flags {
        let at = text.find(&item.rubric.title).expect("red flag title");
        assert!(at < provided, "{} after the provided section", item.id());
        let (quotes, _) = item.red_flag_quotes();
        for e in quotes {
            assert!(text.contains(&words(&e.text, 10)), "{}", e.text);
            assert!(text.contains(&e.provision_id));
        }
    }
    // "[red flag]" marks exactly the red flags' headings.
    assert_eq!(text.matches("[red flag]").count(), view.red_flags.len());
}

#[test]
fn document_info_and_characters_outside_winansi() {
    let mut a = memorandum();
    a.document.title = Some("Convenio «laboral» ¿año? façade — Ωμέγα 中文".to_owned());
    let pdf = blma_report::pdf(&a, kb());
    assert_eq!(pdf, blma_report::pdf(&a, kb()), "not deterministic");
    let (text, _) = read_back(&pdf);
    assert!(
        text.contains("Convenio «laboral» ¿año? façade — ????? ??"),
        "{}",
        &text[..200]
    );
    let raw = String::from_utf8_lossy(&pdf);
    assert!(raw.contains("/Producer (blma)"));
    assert!(raw.contains("/Title"));
    for font in [
        "/Helvetica",
        "/Helvetica-Bold",
        "/Courier",
        "/WinAnsiEncoding",
    ] {
        assert!(raw.contains(font), "{font}");
    }
    // The Info title keeps every character (a text string, not WinAnsi).
    assert_eq!(
        info_title(&pdf),
        "BLMA assessment: Convenio «laboral» ¿año? façade — Ωμέγα 中文"
    );
}

#[test]
fn hostile_huge_and_empty_assessments_render() {
    // Markup, quotes and ampersands are drawn as text.
    let (text, _) = read_back(&blma_report::pdf(&hostile(), kb()));
    assert!(text.contains("<script>alert"));

    // A huge quote without a single space, control characters, an empty title.
    let mut a = memorandum();
    a.document.title = Some(" \u{0}\u{7}\t".to_owned());
    a.document.parties.clear();
    let e = &mut a
        .findings
        .iter_mut()
        .find(|f| f.verdict == Verdict::Contradicts)
        .unwrap();
    e.evidence[0].text = "x\u{1}\u{1b}[31m".repeat(200_000);
    e.evidence[0].provision = "\u{0}".repeat(10_000);
    let pdf = blma_report::pdf(&a, kb());
    assert!(pdf.len() < 2_000_000, "{} bytes", pdf.len());
    let (text, pages) = read_back(&pdf);
    assert!(text.contains("Untitled agreement"));
    assert!(pages < 40, "{pages} pages");

    // No findings at all: every item a gap marked as not assessed.
    let mut empty = memorandum();
    empty.findings.clear();
    let (text, _) = read_back(&blma_report::pdf(&empty, kb()));
    assert!(text.contains("Red flags (0)"));
    assert_eq!(
        text.matches("Not assessed: the assessment has no finding")
            .count(),
        kb().rubric.items.len()
    );
}

#[test]
fn with_a_guide_url_the_appendix_prints_links() {
    let options = blma_report::Options {
        guide_url: Some("https://blma.example/guide/{id}".to_owned()),
    };
    let a = memorandum();
    let (with, _) = read_back(&blma_report::pdf_with(&a, kb(), &options));
    let (without, _) = read_back(&blma_report::pdf(&a, kb()));
    assert!(with.contains("https://blma.example/guide/"));
    assert!(!without.contains("https://blma.example/guide/"));
}
