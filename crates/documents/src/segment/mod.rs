//! Structure: the tree of provisions of a normalized text.
//!
//! The text is cut into units ([`units`]: paragraphs, split where a heading or signature clause
//! starts inside one), headings and paragraph markers are recognised ([`headings`]), and the
//! units are nested into provisions ([`tree`]).
//!
//! Invariants, checked by [`check_tiling`]: top-level provisions tile the whole text, each
//! starting where the previous one ends; a provision's children lie inside it, in order, each
//! starting where the previous one ends, the last one ending with the parent. What precedes the
//! first child is the parent's heading and introductory words. Ids are unique.

mod headings;
mod tree;
mod units;

use std::collections::{HashMap, HashSet};

use crate::Provision;

/// The provisions of a normalized text, in document order, offsets in chars.
pub fn segment(text: &str) -> Vec<Provision> {
    let units = units::cut(text);
    let drafts = tree::build(text, &units);
    let mut byte_offsets: Vec<usize> = drafts.iter().flat_map(|d| [d.start, d.end]).collect();
    byte_offsets.sort_unstable();
    byte_offsets.dedup();
    let chars = char_offsets(text, &byte_offsets);
    drafts
        .into_iter()
        .map(|d| Provision {
            id: d.id,
            kind: d.kind,
            heading: d.heading,
            start: chars[&d.start],
            end: chars[&d.end],
            parent: d.parent,
            language: None,
        })
        .collect()
}

/// Whether a line reads as a structural heading ("Article 5", "CHAPITRE II", "Anexo").
pub(crate) fn looks_like_heading(line: &str) -> bool {
    headings::heading(line).is_some()
}

/// The char offset of each of the (sorted) byte offsets, in one pass over the text.
fn char_offsets(text: &str, sorted_bytes: &[usize]) -> HashMap<usize, usize> {
    let mut result = HashMap::with_capacity(sorted_bytes.len());
    let mut wanted = sorted_bytes.iter().peekable();
    for (chars, (byte, _)) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
        .enumerate()
    {
        while wanted.next_if(|&&b| b <= byte).is_some() {
            result.insert(byte, chars);
        }
    }
    // Byte offsets are char boundaries by construction; map any other to the next char.
    for &b in sorted_bytes {
        result
            .entry(b)
            .or_insert_with(|| text[..b.min(text.len())].chars().count());
    }
    result
}

/// Checks the structural invariants of `provisions` over a text of `text_len` chars.
pub fn check_tiling(text_len: usize, provisions: &[Provision]) -> Result<(), String> {
    let mut ids = HashSet::new();
    for p in provisions {
        if !ids.insert(p.id.as_str()) {
            return Err(format!("duplicate id {}", p.id));
        }
        if p.start >= p.end || p.end > text_len {
            return Err(format!("{} has bad range {}..{}", p.id, p.start, p.end));
        }
    }
    let by_id: HashMap<&str, &Provision> = provisions.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut children: HashMap<Option<&str>, Vec<&Provision>> = HashMap::new();
    for p in provisions {
        if let Some(parent) = &p.parent
            && !by_id.contains_key(parent.as_str())
        {
            return Err(format!("{} has unknown parent {parent}", p.id));
        }
        children.entry(p.parent.as_deref()).or_default().push(p);
    }
    for (parent, kids) in &children {
        let (start, end) = match parent {
            None => (0, text_len),
            Some(id) => (by_id[id].start, by_id[id].end),
        };
        let first = kids[0];
        if parent.is_none() && first.start != 0 {
            return Err(format!(
                "the first top-level provision {} starts at {}",
                first.id, first.start
            ));
        }
        if first.start < start {
            return Err(format!("{} starts before its parent", first.id));
        }
        for pair in kids.windows(2) {
            if pair[0].end != pair[1].start {
                return Err(format!(
                    "{} ends at {} but {} starts at {}",
                    pair[0].id, pair[0].end, pair[1].id, pair[1].start
                ));
            }
        }
        let last = kids[kids.len() - 1];
        if last.end != end {
            return Err(format!(
                "the last child {} ends at {} but its parent at {end}",
                last.id, last.end
            ));
        }
    }
    if text_len > 0 && provisions.is_empty() {
        return Err("no provision covers the text".to_owned());
    }
    Ok(())
}
