//! HTML pages, e.g. an agreement saved from a ministry website: the main text only, without
//! navigation, scripts, forms or hidden elements. Parsed by html5ever (the browser algorithm,
//! so broken markup reads as a browser shows it) into an `RcDom` walked with an explicit stack,
//! so that absurdly deep nesting costs heap, not call stack.

mod bounded_dom;

use encoding_rs::Encoding;
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{ParseOpts, parse_document};
use markup5ever_rcdom::{Handle, NodeData, RcDom};

use self::bounded_dom::BoundedDom;

use super::{
    Extractor, Limits, NumberStyle, ParagraphWriter, RawText, check_input, text, without_panics,
};
use crate::{DocumentError, Format};

pub struct HtmlReader;

impl Extractor for HtmlReader {
    fn format(&self) -> Format {
        Format::Html
    }

    fn extract(&self, bytes: &[u8], limits: &Limits) -> Result<RawText, DocumentError> {
        check_input(bytes, limits)?;
        without_panics("HTML", || {
            let (source, warnings) = decode_html(bytes)?;
            let dom = parse(&source, limits)?;
            let landmarks = Landmarks::find(&dom.document);
            let root = landmarks
                .main_content()
                .unwrap_or_else(|| dom.document.clone());
            let text = render(&root);
            if text.trim().is_empty() {
                return Err(DocumentError::Empty);
            }
            let title = landmarks
                .title
                .as_ref()
                .map(render)
                .map(|t| t.trim().to_owned());
            Ok(RawText {
                text,
                title: title.filter(|t| !t.is_empty()),
                warnings,
            })
        })
    }
}

/// Input is fed in pieces this large, checking the depth limit between them.
const CHUNK_BYTES: usize = 16 << 10;

fn parse(source: &str, limits: &Limits) -> Result<RcDom, DocumentError> {
    let sink = BoundedDom::new(limits.max_depth);
    let mut parser = parse_document(&sink, ParseOpts::default());
    let mut rest = source;
    while !rest.is_empty() {
        let mut cut = rest.len().min(CHUNK_BYTES);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        parser.process(StrTendril::from_slice(&rest[..cut]));
        rest = &rest[cut..];
        if sink.too_deep.get() {
            return Err(DocumentError::LimitExceeded {
                what: "nesting depth of the HTML elements",
                limit: limits.max_depth,
            });
        }
    }
    parser.finish();
    Ok(sink.dom)
}

/// Whether the first bytes of a file look like an HTML page rather than text that mentions tags.
pub(crate) fn looks_like_html(head: &[u8]) -> bool {
    let lower = head.to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<body"]
        .iter()
        .any(|tag| super::find(&lower, tag.as_bytes()).is_some())
}

/// Decodes by BOM, else by the `<meta charset>` a browser would honour, else as plain text is.
fn decode_html(bytes: &[u8]) -> Result<(String, Vec<crate::Warning>), DocumentError> {
    if Encoding::for_bom(bytes).is_none()
        && let Some(encoding) = declared_charset(&bytes[..bytes.len().min(4096)])
    {
        let (text, _, _) = encoding.decode(bytes);
        return Ok((text.into_owned(), Vec::new()));
    }
    text::decode(bytes)
}

/// The charset of `<meta charset="…">` or `<meta http-equiv content="…; charset=…">`.
fn declared_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let at = super::find(&lower, b"charset=")? + b"charset=".len();
    let label: Vec<u8> = lower[at..]
        .iter()
        .copied()
        .skip_while(|b| matches!(b, b'"' | b'\'' | b' '))
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .collect();
    // A page saved as UTF-16 cannot declare so in ASCII; browsers treat that label as UTF-8.
    Encoding::for_label(&label).map(|e| e.output_encoding())
}

/// Elements whose content is never the agreement's text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "head",
    "iframe", "object", "svg", "button", "select", "datalist", "dialog", "menu",
];

/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// What one pass over the whole tree finds: the title and the candidates for the main content.
#[derive(Default)]
struct Landmarks {
    title: Option<Handle>,
    main: Option<Handle>,
    articles: Vec<Handle>,
    body: Option<Handle>,
}

impl Landmarks {
    fn find(document: &Handle) -> Landmarks {
        let mut found = Landmarks::default();
        let mut stack = vec![document.clone()];
        while let Some(node) = stack.pop() {
            let Some(name) = element_name(&node) else {
                stack.extend(node.children.borrow().iter().rev().cloned());
                continue;
            };
            match name {
                "title" if found.title.is_none() => found.title = Some(node.clone()),
                "main" if found.main.is_none() && !is_hidden(&node) => {
                    found.main = Some(node.clone())
                }
                "article" if !is_hidden(&node) => found.articles.push(node.clone()),
                "body" if found.body.is_none() => found.body = Some(node.clone()),
                _ => {}
            }
            // Landmarks inside skipped parts (an <article> teaser inside <aside>) do not count.
            if name == "head" || !SKIPPED.contains(&name) {
                stack.extend(node.children.borrow().iter().rev().cloned());
            }
        }
        found
    }

    /// `<main>`, else the one `<article>` (several are a listing, not a document), else `<body>`.
    fn main_content(&self) -> Option<Handle> {
        match (&self.main, self.articles.as_slice()) {
            (Some(main), _) => Some(main.clone()),
            (None, [article]) => Some(article.clone()),
            _ => self.body.clone(),
        }
    }
}

fn element_name(node: &Handle) -> Option<&str> {
    match &node.data {
        NodeData::Element { name, .. } => Some(&name.local),
        _ => None,
    }
}

fn attribute(node: &Handle, wanted: &str) -> Option<String> {
    let NodeData::Element { attrs, .. } = &node.data else {
        return None;
    };
    let attrs = attrs.borrow();
    attrs
        .iter()
        .find(|a| &*a.name.local == wanted)
        .map(|a| a.value.to_string())
}

fn is_hidden(node: &Handle) -> bool {
    if attribute(node, "hidden").is_some() {
        return true;
    }
    if attribute(node, "aria-hidden").is_some_and(|v| v.trim().eq_ignore_ascii_case("true")) {
        return true;
    }
    attribute(node, "style").is_some_and(|style| {
        let style: String = style
            .to_ascii_lowercase()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

/// An open list: how its items are numbered, and the next number.
struct List {
    style: Option<NumberStyle>,
    next: i64,
}

impl List {
    fn open(node: &Handle, name: &str) -> List {
        let style = (name == "ol").then(|| match attribute(node, "type").as_deref() {
            Some("a") => NumberStyle::LowerLetter,
            Some("A") => NumberStyle::UpperLetter,
            Some("i") => NumberStyle::LowerRoman,
            Some("I") => NumberStyle::UpperRoman,
            _ => NumberStyle::Decimal,
        });
        let start = attribute(node, "start")
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(1);
        List { style, next: start }
    }

    /// The label of the next item (`<li value>` resets the count, as in browsers).
    fn label(&mut self, item: &Handle) -> Option<String> {
        let style = self.style?;
        if let Some(value) = attribute(item, "value").and_then(|v| v.trim().parse().ok()) {
            self.next = value;
        }
        let label = format!("{}. ", style.render(self.next));
        self.next = self.next.saturating_add(1);
        Some(label)
    }
}

enum Step {
    Enter(Handle),
    Leave(Handle),
}

/// The visible text under `root`, one line per block.
fn render(root: &Handle) -> String {
    let mut out = ParagraphWriter::default();
    let mut lists: Vec<List> = Vec::new();
    let mut inside_pre = 0usize;
    let mut stack = vec![Step::Enter(root.clone())];
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(node) => {
                match &node.data {
                    NodeData::Text { contents } if inside_pre > 0 => {
                        out.push_verbatim(&contents.borrow())
                    }
                    NodeData::Text { contents } => out.push_collapsed(&contents.borrow()),
                    NodeData::Element { name, .. } => {
                        let name: &str = &name.local;
                        if (SKIPPED.contains(&name) && !std::ptr::eq(&*node, &**root))
                            || is_hidden(&node)
                        {
                            continue;
                        }
                        enter_element(&node, name, &mut out, &mut lists, &mut inside_pre);
                        stack.push(Step::Leave(node.clone()));
                    }
                    _ => {}
                }
                stack.extend(
                    node.children
                        .borrow()
                        .iter()
                        .rev()
                        .cloned()
                        .map(Step::Enter),
                );
            }
            Step::Leave(node) => {
                let name = element_name(&node).unwrap_or_default();
                if BLOCKS.contains(&name) {
                    out.line_break();
                }
                match name {
                    "ol" | "ul" => drop(lists.pop()),
                    "pre" => inside_pre = inside_pre.saturating_sub(1),
                    _ => {}
                }
            }
        }
    }
    out.finish()
}

fn enter_element(
    node: &Handle,
    name: &str,
    out: &mut ParagraphWriter,
    lists: &mut Vec<List>,
    inside_pre: &mut usize,
) {
    if BLOCKS.contains(&name) || name == "br" {
        out.line_break();
    }
    match name {
        "ol" | "ul" => lists.push(List::open(node, name)),
        "li" => {
            if let Some(label) = lists.last_mut().and_then(|list| list.label(node)) {
                out.push_collapsed(&label);
            }
        }
        "pre" => *inside_pre += 1,
        // Cells of a row stay on the row's line, apart.
        "td" | "th" => out.push_collapsed(" "),
        "img" => {
            if let Some(alt) = attribute(node, "alt") {
                out.push_collapsed(&alt);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(html: &str) -> String {
        HtmlReader
            .extract(html.as_bytes(), &Limits::default())
            .unwrap()
            .text
    }

    #[test]
    fn ordered_lists_keep_their_numbers() {
        let html = r#"<ol start="3"><li>three</li><li>four</li></ol><ol type="a"><li>x<li value="5">y</ol>"#;
        assert_eq!(read(html), "3. three\n4. four\na. x\ne. y\n");
    }

    #[test]
    fn whitespace_collapses_except_in_pre() {
        assert_eq!(read("<p>a \n  b</p><pre>x  y\nz</pre>"), "a b\nx  y\nz\n");
    }

    #[test]
    fn declared_charset_is_honoured() {
        let page =
            b"<html><head><meta charset=\"windows-1252\"></head><body>Trait\xe9</body></html>";
        assert_eq!(
            HtmlReader.extract(page, &Limits::default()).unwrap().text,
            "Trait\u{e9}\n"
        );
    }
}
