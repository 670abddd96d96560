//! Fixture generators: turn an agreement's text into the PDF, DOCX and HTML files users hold,
//! so the readers are tested on real agreement wording without shipping binary files.
#![allow(dead_code)] // Each test file uses a different part.

use std::io::Write;

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use zip::write::SimpleFileOptions;

/// An agreement as paragraphs, the unit every reader must keep intact.
pub struct Agreement {
    pub title: String,
    pub paragraphs: Vec<String>,
}

impl Agreement {
    /// One of the real agreements in `fixtures/eval-dev/` at the workspace root.
    pub fn load(name: &str) -> Agreement {
        // Through `../documents` so that other crates' tests can include this module too.
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/eval-dev");
        let path = format!("{dir}/{name}.txt");
        let text = std::fs::read_to_string(&path).unwrap();
        let paragraphs: Vec<String> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        Agreement {
            title: paragraphs[0].clone(),
            paragraphs,
        }
    }

    pub fn all() -> Vec<Agreement> {
        [
            "nl-ie-stagiaires-1959",
            "fr-nl-labour-treaty-1948",
            "ar-cl-labour-convention-1971",
        ]
        .map(Agreement::load)
        .into()
    }
}

/// Whitespace collapsed to single spaces, for comparing text across layouts.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The paragraphs of `agreement` missing from `extracted` (after whitespace squashing).
pub fn missing_paragraphs<'a>(agreement: &'a Agreement, extracted: &str) -> Vec<&'a str> {
    let extracted = squash(extracted);
    agreement
        .paragraphs
        .iter()
        .filter(|p| !extracted.contains(&squash(p)))
        .map(String::as_str)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// PDF

pub const PDF_HEADER: &str = "Recueil des traités — Treaty Series";
pub const PDF_LINE_CHARS: usize = 88;
const PAGE_TOP: f32 = 770.0;
const PAGE_BOTTOM: f32 = 70.0;
const LINE_HEIGHT: f32 = 13.0;
const PARAGRAPH_GAP: f32 = 9.0;

/// A PDF of the agreement as a ministry would publish it: Helvetica (WinAnsi, so accents work),
/// wrapped lines, several A4 pages each with a running header and a page number, and a few words
/// hyphenated at the end of a line. Returns the file and its number of pages.
pub fn pdf(agreement: &Agreement) -> (Vec<u8>, usize) {
    let mut pages: Vec<Vec<(f32, String)>> = vec![Vec::new()];
    let mut y = PAGE_TOP;
    let mut hyphenations_left = 3;
    for paragraph in &agreement.paragraphs {
        for line in wrap(paragraph, PDF_LINE_CHARS, &mut hyphenations_left) {
            if y < PAGE_BOTTOM {
                pages.push(Vec::new());
                y = PAGE_TOP;
            }
            pages.last_mut().unwrap().push((y, line));
            y -= LINE_HEIGHT;
        }
        y -= PARAGRAPH_GAP;
    }
    let count = pages.len();
    let pages: Vec<Content> = pages
        .iter()
        .enumerate()
        .map(|(index, lines)| {
            let mut content = Content::new();
            show(&mut content, 50.0, 805.0, 9.0, PDF_HEADER);
            for (y, line) in lines {
                show(&mut content, 50.0, *y, 10.5, line);
            }
            show(
                &mut content,
                280.0,
                35.0,
                9.0,
                &format!("Page {} / {count}", index + 1),
            );
            content
        })
        .collect();
    (write_pdf(pages, Some(&agreement.title), None), count)
}

/// A scanned page: an image and no text operators.
pub fn scanned_pdf() -> Vec<u8> {
    let mut content = Content::new();
    content
        .save_state()
        .transform([500.0, 0.0, 0.0, 700.0, 50.0, 70.0]);
    content.x_object(Name(b"Im1")).restore_state();
    write_pdf(vec![content, Content::new()], None, Some(ImageScan))
}

/// A PDF whose trailer points to an `/Encrypt` dictionary (standard handler, user password set).
pub fn encrypted_pdf(agreement: &Agreement) -> Vec<u8> {
    let (plain, _) = pdf(agreement);
    let encrypt = b"999 0 obj\n<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 \
/O <6d3e0f0c7a8b9a1d2c3b4a5968778695a4b3c2d1e0f1f2e3d4c5b6a798897a6b> \
/U <1f2e3d4c5b6a79887a6b5c4d3e2f1a0b00000000000000000000000000000000> >>\nendobj\n";
    // Insert the dictionary before the xref table and point the trailer to it; the xref
    // offsets then lie, which readers repair: they must still see the file as encrypted.
    let xref = find(&plain, b"\nxref\n").expect("xref") + 1;
    let mut out = plain[..xref].to_vec();
    out.extend_from_slice(encrypt);
    let rest = String::from_utf8_lossy(&plain[xref..])
        .replacen("trailer\n<<", "trailer\n<<\n  /Encrypt 999 0 R\n  /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]", 1);
    out.extend_from_slice(rest.as_bytes());
    out
}

struct ImageScan;

fn show(content: &mut Content, x: f32, y: f32, size: f32, text: &str) {
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    content
        .begin_text()
        .set_font(Name(b"F1"), size)
        .next_line(x, y)
        .show(Str(&bytes))
        .end_text();
}

fn write_pdf(pages: Vec<Content>, title: Option<&str>, image: Option<ImageScan>) -> Vec<u8> {
    let mut pdf = Pdf::new();
    let (catalog, tree, font, info, image_id) = (
        Ref::new(1),
        Ref::new(2),
        Ref::new(3),
        Ref::new(4),
        Ref::new(5),
    );
    let page_ids: Vec<Ref> = (0..pages.len())
        .map(|i| Ref::new(10 + 2 * i as i32))
        .collect();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(page_ids.iter().copied())
        .count(pages.len() as i32);
    pdf.type1_font(font)
        .base_font(Name(b"Helvetica"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    if let Some(title) = title {
        pdf.document_info(info).title(TextStr(title));
    }
    if image.is_some() {
        let pixels = [0x80u8; 64];
        let mut xobject = pdf.image_xobject(image_id, &pixels);
        xobject.width(8).height(8).bits_per_component(8);
        xobject.color_space().device_gray();
        xobject.finish();
    }
    for (index, (content, page_id)) in pages.into_iter().zip(&page_ids).enumerate() {
        let content_id = Ref::new(11 + 2 * index as i32);
        let mut page = pdf.page(*page_id);
        page.media_box(Rect::new(0.0, 0.0, 595.0, 842.0))
            .parent(tree)
            .contents(content_id);
        let mut resources = page.resources();
        resources.fonts().pair(Name(b"F1"), font);
        if image.is_some() {
            resources.x_objects().pair(Name(b"Im1"), image_id);
        }
        resources.finish();
        page.finish();
        pdf.stream(content_id, &content.finish());
    }
    pdf.finish()
}

/// Greedy wrapping; while `hyphenations_left` lasts, a long word that does not fit is split
/// with a hyphen, as typesetters do.
fn wrap(paragraph: &str, width: usize, hyphenations_left: &mut usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in paragraph.split_whitespace() {
        let used = line.chars().count();
        let fits = used == 0 || used + 1 + word.chars().count() <= width;
        if fits {
            if used > 0 {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        let letters = word.chars().count();
        if *hyphenations_left > 0
            && letters >= 10
            && word.chars().all(char::is_alphabetic)
            && word.chars().next().is_some_and(char::is_lowercase)
            && used + 2 + letters / 2 <= width
        {
            *hyphenations_left -= 1;
            let head: String = word.chars().take(letters / 2).collect();
            let tail: String = word.chars().skip(letters / 2).collect();
            lines.push(format!("{line} {head}-"));
            line = tail;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_owned()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

// ---------------------------------------------------------------------------------------------
// DOCX

pub const DOCX_FOOTNOTE: &str = "Published in the Treaty Series, volume 352.";
pub const DOCX_TABLE: [[&str; 2]; 2] =
    [["Country", "Quota"], ["Ireland", "one hundred stagiaires"]];

/// A Word file of the agreement: "Article N" headings are produced by auto-numbering on the
/// heading style (their text is empty), a table follows the first paragraph, and the last
/// paragraph carries a footnote.
pub fn docx(agreement: &Agreement) -> Vec<u8> {
    let mut body = String::new();
    let last = agreement.paragraphs.len() - 1;
    for (index, paragraph) in agreement.paragraphs.iter().enumerate() {
        if is_numbered_heading(paragraph) {
            body.push_str(r#"<w:p><w:pPr><w:pStyle w:val="ArticleHeading"/></w:pPr></w:p>"#);
            continue;
        }
        let footnote = if index == last {
            r#"<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="2"/></w:r>"#
        } else {
            ""
        };
        body.push_str(&format!(
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>{}{footnote}</w:p>"#,
            runs(paragraph)
        ));
        if index == 0 {
            body.push_str("<w:tbl>");
            for row in DOCX_TABLE {
                body.push_str("<w:tr>");
                for cell in row {
                    body.push_str(&format!("<w:tc><w:p>{}</w:p></w:tc>", runs(cell)));
                }
                body.push_str("</w:tr>");
            }
            body.push_str("</w:tbl>");
        }
    }
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let footnotes = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r>{}</w:p></w:footnote></w:footnotes>"#,
        runs(&format!(" {DOCX_FOOTNOTE}"))
    );
    let numbering = r#"<?xml version="1.0" encoding="UTF-8"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Article %1"/><w:suff w:val="nothing"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>"#;
    let styles = r#"<?xml version="1.0" encoding="UTF-8"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="ArticleHeading"><w:basedOn w:val="Heading1"/></w:style></w:styles>"#;
    let core = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title></cp:coreProperties>"#,
        escape(&agreement.title)
    );
    zip_parts(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("word/document.xml", document.as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
        ("word/footnotes.xml", footnotes.as_bytes()),
        ("docProps/core.xml", core.as_bytes()),
    ])
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

/// Lines like "Article 7" or "Article 1er", which the DOCX writes as auto-numbered headings.
pub fn is_numbered_heading(paragraph: &str) -> bool {
    paragraph
        .strip_prefix("Article ")
        .is_some_and(|n| n.parse::<u32>().is_ok() || n == "1er" || n == "premier")
}

/// A paragraph's text split over several runs, as Word does after editing.
fn runs(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while !rest.is_empty() {
        let cut = rest.char_indices().nth(40).map_or(rest.len(), |(i, _)| i);
        out.push_str(&format!(
            r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
            escape(&rest[..cut])
        ));
        rest = &rest[cut..];
    }
    out
}

pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A zip archive of the given parts, deflated.
pub fn zip_parts(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in parts {
        writer
            .start_file(*name, SimpleFileOptions::default())
            .unwrap();
        writer.write_all(data).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

// ---------------------------------------------------------------------------------------------
// HTML

pub const HTML_NOISE: [&str; 6] = [
    "Skip to content",
    "Ministry home",
    "trackPageView",
    "font-family",
    "Subscribe to our newsletter",
    "Copyright Ministry of Labour",
];

/// A saved web page: the agreement in `<main>`, surrounded by navigation, scripts, styles, a
/// hidden banner, a form and a footer.
pub fn html(agreement: &Agreement) -> Vec<u8> {
    let mut main = String::new();
    for paragraph in &agreement.paragraphs {
        let tag = if paragraph.len() < 40 && paragraph.starts_with("Art") {
            "h2"
        } else {
            "p"
        };
        // Source-like line wrapping inside elements, and entities for accents and quotes.
        let escaped = escape(paragraph)
            .replace('é', "&eacute;")
            .replace('ñ', "&#241;");
        let wrapped = escaped.replacen(' ', "\n      ", 2);
        main.push_str(&format!("    <{tag}>{wrapped}</{tag}>\n"));
    }
    format!(
        r##"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>body {{ font-family: serif }}</style>
<script>window.trackPageView && trackPageView("agreement");</script></head>
<body>
  <header><a href="/">Ministry home</a></header>
  <nav><ul><li><a href="#main">{n0}</a></li><li>Treaties</li></ul></nav>
  <div hidden>{n4}</div>
  <main id="main">
{main}  </main>
  <aside>Related: other agreements</aside>
  <form><input name="q"><button>Search</button></form>
  <footer>{n5}</footer>
  <noscript>Enable JavaScript</noscript>
</body></html>"##,
        title = escape(&agreement.title),
        n0 = HTML_NOISE[0],
        n4 = HTML_NOISE[4],
        n5 = HTML_NOISE[5],
    )
    .into_bytes()
}

/// Extracted PDF text with the running header and page numbers taken out, squashed.
pub fn without_page_furniture(extracted: &str, pages: usize) -> String {
    let mut text = squash(extracted);
    for page in 1..=pages {
        text = text.replace(&format!("Page {page} / {pages}"), " ");
    }
    squash(&text.replace(PDF_HEADER, " "))
}
