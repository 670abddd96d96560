//! Word documents (DOCX): the body's paragraphs and table cells in order, with Word's
//! auto-numbering written out ("Article 1"), footnotes appended with their numbers, and the
//! title from the core properties. The zip container is read defensively: the number of parts
//! and every part's decompressed size are bounded, so a zip bomb fails fast.

mod numbering;
mod xml;

use std::collections::HashMap;
use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use self::numbering::{Numbering, ParagraphNumbering};
use self::xml::{Node, corrupt, decode_part, walk};
use super::{Extractor, Limits, ParagraphWriter, RawText, check_input, without_panics};
use crate::{DocumentError, Format};

/// More parts than any real document has; a hostile archive may hold millions.
const MAX_PARTS: usize = 10_000;

pub struct DocxReader;

impl Extractor for DocxReader {
    fn format(&self) -> Format {
        Format::Docx
    }

    fn extract(&self, bytes: &[u8], limits: &Limits) -> Result<RawText, DocumentError> {
        check_input(bytes, limits)?;
        without_panics("DOCX", || read_docx(bytes, limits))
    }
}

fn read_docx(bytes: &[u8], limits: &Limits) -> Result<RawText, DocumentError> {
    let mut package = Package::open(bytes, limits)?;
    let document = package
        .read("word/document.xml")?
        .ok_or_else(|| corrupt("it has no word/document.xml, so it is not a Word document"))?;
    let numbering = Numbering::parse(
        package.read("word/numbering.xml")?.as_deref(),
        package.read("word/styles.xml")?.as_deref(),
        limits,
    )?;
    let mut body = WordText::new(numbering);
    walk(&document, limits, |node| body.visit(node))?;
    if !body.footnote_order.is_empty()
        && let Some(footnotes) = package.read("word/footnotes.xml")?
    {
        walk(&footnotes, limits, |node| body.visit(node))?;
    }
    let title = match package.read("docProps/core.xml")? {
        Some(core) => core_title(&core, limits)?,
        None => None,
    };
    let text = body.finish();
    if text.trim().is_empty() {
        return Err(DocumentError::Empty);
    }
    Ok(RawText {
        text,
        title,
        warnings: Vec::new(),
    })
}

/// The zip container, with a budget of decompressed bytes shared by all parts read.
struct Package<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    budget: usize,
    limit: usize,
}

impl<'a> Package<'a> {
    fn open(bytes: &'a [u8], limits: &Limits) -> Result<Package<'a>, DocumentError> {
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(corrupt)?;
        if archive.len() > MAX_PARTS {
            return Err(DocumentError::LimitExceeded {
                what: "number of parts in the DOCX",
                limit: MAX_PARTS,
            });
        }
        Ok(Package {
            archive,
            budget: limits.max_expanded_bytes,
            limit: limits.max_expanded_bytes,
        })
    }

    /// A part's text, `None` if absent. Reads through `take` so that a size declared smaller
    /// than the real data cannot fool the check.
    fn read(&mut self, name: &str) -> Result<Option<String>, DocumentError> {
        let too_big = DocumentError::LimitExceeded {
            what: "decompressed size of the DOCX",
            limit: self.limit,
        };
        let mut part = match self.archive.by_name(name) {
            Ok(part) => part,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(error) => return Err(corrupt(error)),
        };
        if part.size() > self.budget as u64 {
            return Err(too_big);
        }
        let mut data = Vec::with_capacity(part.size() as usize);
        (&mut part)
            .take(self.budget as u64 + 1)
            .read_to_end(&mut data)
            .map_err(corrupt)?;
        if data.len() > self.budget {
            return Err(too_big);
        }
        self.budget -= data.len();
        Ok(Some(decode_part(data)))
    }
}

/// One paragraph being read; paragraphs nest when a text box sits inside one.
#[derive(Default)]
struct Paragraph {
    text: String,
    numbering: ParagraphNumbering,
}

/// Turns the XML of the body (and of footnotes) into text.
struct WordText {
    numbering: Numbering,
    out: ParagraphWriter,
    open: Vec<Paragraph>,
    in_text: bool,
    in_properties: bool,
    /// Footnote ids in the order the body refers to them; their number is the position + 1.
    footnote_order: Vec<String>,
    /// While reading footnotes.xml: the footnote being read, with the body's writer aside.
    current_footnote: Option<(String, ParagraphWriter)>,
    footnotes: HashMap<String, String>,
}

impl WordText {
    fn new(numbering: Numbering) -> WordText {
        WordText {
            numbering,
            out: ParagraphWriter::default(),
            open: Vec::new(),
            in_text: false,
            in_properties: false,
            footnote_order: Vec::new(),
            current_footnote: None,
            footnotes: HashMap::new(),
        }
    }

    fn visit(&mut self, node: Node) {
        match node {
            Node::Open(tag) => {
                let paragraph = self.open.last_mut();
                match (tag.name.as_str(), paragraph) {
                    ("p", _) => self.open.push(Paragraph::default()),
                    ("pPr", _) => self.in_properties = true,
                    ("t", _) => self.in_text = true,
                    ("pStyle", Some(p)) => p.numbering.style = tag.attr("val").map(str::to_owned),
                    ("numId", Some(p)) => p.numbering.num_id = tag.attr("val").map(str::to_owned),
                    ("ilvl", Some(p)) => {
                        p.numbering.level = tag.attr("val").and_then(|v| v.parse().ok())
                    }
                    // Tab stops in paragraph properties are also `w:tab`.
                    ("tab", Some(p)) if !self.in_properties => p.text.push('\t'),
                    ("br" | "cr", Some(p)) => p.text.push('\n'),
                    ("noBreakHyphen", Some(p)) => p.text.push('-'),
                    ("footnoteReference", Some(_)) => {
                        if let Some(id) = tag.attr("id") {
                            let mark = format!("[{}]", self.footnote_number(id));
                            self.open
                                .last_mut()
                                .into_iter()
                                .for_each(|p| p.text.push_str(&mark));
                        }
                    }
                    ("footnote", _) => {
                        if let Some(id) = tag.attr("id") {
                            let body = std::mem::take(&mut self.out);
                            self.current_footnote = Some((id.to_owned(), body));
                        }
                    }
                    _ => {}
                }
            }
            Node::Close(name) => match name {
                "p" => self.end_paragraph(),
                "pPr" => self.in_properties = false,
                "t" => self.in_text = false,
                "footnote" => {
                    if let Some((id, body)) = self.current_footnote.take() {
                        let note = std::mem::replace(&mut self.out, body).finish();
                        self.footnotes.insert(id, note);
                    }
                }
                _ => {}
            },
            Node::Text(text) if self.in_text => {
                if let Some(paragraph) = self.open.last_mut() {
                    paragraph.text.push_str(text);
                }
            }
            Node::Text(_) => {}
        }
    }

    fn footnote_number(&mut self, id: &str) -> usize {
        match self.footnote_order.iter().position(|known| known == id) {
            Some(index) => index + 1,
            None => {
                self.footnote_order.push(id.to_owned());
                self.footnote_order.len()
            }
        }
    }

    fn end_paragraph(&mut self) {
        let Some(paragraph) = self.open.pop() else {
            return;
        };
        // Footnotes carry no list numbering of the body's lists.
        let label = match self.current_footnote {
            None => self.numbering.next_label(&paragraph.numbering),
            Some(_) => None,
        };
        if let Some(label) = label {
            self.out.push_verbatim(&label);
        }
        self.out.push_verbatim(&paragraph.text);
        self.out.line_break();
    }

    /// The body, then each referenced footnote as "[n] text".
    fn finish(self) -> String {
        let mut text = self.out.finish();
        for (index, id) in self.footnote_order.iter().enumerate() {
            if let Some(note) = self.footnotes.get(id).filter(|n| !n.trim().is_empty()) {
                text.push_str(&format!("[{}] {}", index + 1, note.trim_start()));
            }
        }
        text
    }
}

/// `dc:title` of `docProps/core.xml`.
fn core_title(core: &str, limits: &Limits) -> Result<Option<String>, DocumentError> {
    let mut title: Option<String> = None;
    let mut in_title = false;
    walk(core, limits, |node| match node {
        Node::Open(tag) if tag.name == "title" => in_title = true,
        Node::Close("title") => in_title = false,
        Node::Text(text) if in_title => title.get_or_insert_default().push_str(text),
        _ => {}
    })?;
    Ok(title.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()))
}
