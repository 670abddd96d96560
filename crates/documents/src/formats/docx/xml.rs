//! A thin streaming view of an OOXML part: elements by local name (prefixes vary between
//! producers), attributes, and text with entities resolved. Depth is bounded by `Limits`.

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use crate::DocumentError;
use crate::formats::Limits;

pub(super) enum Node<'a> {
    /// An element opens; a self-closing element is reported as `Open` then `Close`.
    Open(&'a Tag),
    Close(&'a str),
    Text(&'a str),
}

pub(super) struct Tag {
    pub(super) name: String,
    attrs: Vec<(String, String)>,
}

impl Tag {
    /// An attribute by local name (`w:val` → `val`).
    pub(super) fn attr(&self, local: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == local)
            .map(|(_, v)| v.as_str())
    }

    fn from_event(start: &BytesStart) -> Result<Tag, DocumentError> {
        let name = start.local_name().as_ref().to_owned();
        let mut attrs = Vec::new();
        for attr in start.attributes().with_checks(false) {
            let attr = attr.map_err(corrupt)?;
            let key = attr.key.local_name().as_ref().to_owned();
            let value = attr
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(corrupt)?;
            attrs.push((key, value.into_owned()));
        }
        Ok(Tag { name, attrs })
    }
}

pub(super) fn corrupt(error: impl std::fmt::Display) -> DocumentError {
    DocumentError::Corrupt {
        format: "DOCX",
        detail: error.to_string(),
    }
}

/// Calls `visit` for each element and text of `xml`, in document order. The content of
/// `mc:Fallback` is skipped: it repeats `mc:Choice` for old readers.
pub(super) fn walk(
    xml: &str,
    limits: &Limits,
    mut visit: impl FnMut(Node),
) -> Result<(), DocumentError> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = false;
    let mut depth = 0usize;
    // Depth at which a skipped subtree started, while inside one.
    let mut skipping: Option<usize> = None;
    loop {
        let event = reader.read_event().map_err(corrupt)?;
        match event {
            Event::Start(start) => {
                depth += 1;
                if depth > limits.max_depth {
                    return Err(DocumentError::LimitExceeded {
                        what: "nesting depth of the DOCX XML",
                        limit: limits.max_depth,
                    });
                }
                if skipping.is_none() {
                    let tag = Tag::from_event(&start)?;
                    if tag.name == "Fallback" {
                        skipping = Some(depth);
                    } else {
                        visit(Node::Open(&tag));
                    }
                }
            }
            Event::Empty(start) if skipping.is_none() => {
                let tag = Tag::from_event(&start)?;
                visit(Node::Open(&tag));
                visit(Node::Close(&tag.name));
            }
            Event::End(end) => {
                if skipping == Some(depth) {
                    skipping = None;
                } else if skipping.is_none() {
                    visit(Node::Close(end.local_name().as_ref()));
                }
                depth = depth.saturating_sub(1);
            }
            Event::Text(text) if skipping.is_none() => visit(Node::Text(&text.xml10_content())),
            Event::CData(data) if skipping.is_none() => visit(Node::Text(&data)),
            Event::GeneralRef(reference) if skipping.is_none() => {
                let resolved = match reference.resolve_char_ref().map_err(corrupt)? {
                    Some(c) => c,
                    None => match reference.as_ref() {
                        "lt" => '<',
                        "gt" => '>',
                        "amp" => '&',
                        "apos" => '\'',
                        "quot" => '"',
                        other => return Err(corrupt(format!("unknown entity &{other};"))),
                    },
                };
                visit(Node::Text(resolved.encode_utf8(&mut [0; 4])));
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// The text of an XML part, which OOXML allows in UTF-8 or UTF-16.
pub(super) fn decode_part(bytes: Vec<u8>) -> String {
    match encoding_rs::Encoding::for_bom(&bytes) {
        Some((encoding, _)) => encoding.decode(&bytes).0.into_owned(),
        None => String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
    }
}
