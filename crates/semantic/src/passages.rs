//! The passages of a document that are embedded: the text of each provision that its
//! sub-provisions do not cover (so a passage is never counted twice), cut at sentence ends into
//! pieces short enough for the model to read whole.

use blma_documents::{Document, ProvisionKind};

/// A passage longer than this (in characters) is cut at sentence ends: about 200 word pieces,
/// under the 256 tokens all-MiniLM-L6-v2 reads.
pub const MAX_PASSAGE: usize = 900;
/// A passage shorter than this (a bare heading or number) is not embedded.
pub const MIN_PASSAGE: usize = 25;

/// A stretch of a document's text, in one provision.
#[derive(Debug, Clone, PartialEq)]
pub struct Passage {
    /// Index into [`Document::provisions`]; `None` for text outside every provision.
    pub provision: Option<usize>,
    /// Char offsets into [`Document::text`].
    pub start: usize,
    pub end: usize,
    /// What is embedded: the enclosing headings, then the passage.
    pub context: String,
}

/// The passages of `document`, in document order.
pub fn passages(document: &Document) -> Vec<Passage> {
    let chars: Vec<char> = document.text.chars().collect();
    let mut out = Vec::new();
    for (start, end, provision) in own_spans(document, chars.len()) {
        let kind = provision.map(|p| document.provisions[p].kind);
        if matches!(kind, Some(ProvisionKind::Title | ProvisionKind::Signatures)) {
            continue;
        }
        let headings = provision.map(|p| headings(document, p)).unwrap_or_default();
        for (start, end) in pieces(&chars, start, end) {
            let text: String = chars[start..end].iter().collect();
            if text.chars().filter(|c| c.is_alphanumeric()).count() < MIN_PASSAGE {
                continue;
            }
            let context = if headings.is_empty() || text.starts_with(&headings) {
                text
            } else {
                format!("{headings}. {text}")
            };
            out.push(Passage {
                provision,
                start,
                end,
                context,
            });
        }
    }
    out
}

/// Cuts the text at every provision boundary; each piece goes to the innermost provision that
/// covers it (`None` outside all of them).
fn own_spans(document: &Document, len: usize) -> Vec<(usize, usize, Option<usize>)> {
    let mut bounds: Vec<usize> = vec![0, len];
    for p in &document.provisions {
        bounds.push(p.start.min(len));
        bounds.push(p.end.min(len));
    }
    bounds.sort_unstable();
    bounds.dedup();
    let mut out: Vec<(usize, usize, Option<usize>)> = Vec::new();
    for pair in bounds.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        let owner = document
            .provisions
            .iter()
            .enumerate()
            .filter(|(_, p)| p.start <= start && end <= p.end)
            .min_by_key(|(_, p)| p.end - p.start)
            .map(|(i, _)| i);
        match out.last_mut() {
            Some(last) if last.2 == owner && last.1 == start => last.1 = end,
            _ => out.push((start, end, owner)),
        }
    }
    out
}

/// The headings of a provision and of the provisions that enclose it, outermost first.
fn headings(document: &Document, index: usize) -> String {
    let mut chain = Vec::new();
    let mut current = Some(&document.provisions[index]);
    while let Some(p) = current {
        if let Some(h) = &p.heading {
            chain.push(h.split_whitespace().collect::<Vec<_>>().join(" "));
        }
        current = p
            .parent
            .as_ref()
            .and_then(|id| document.provisions.iter().find(|q| &q.id == id));
    }
    chain.reverse();
    chain.join(". ")
}

/// `start..end` without surrounding white space, cut at sentence ends into pieces of at most
/// [`MAX_PASSAGE`] characters where it can be (a longer sentence stays whole, and the model reads
/// its beginning).
fn pieces(chars: &[char], start: usize, end: usize) -> Vec<(usize, usize)> {
    let (start, end) = trim(chars, start, end);
    if start >= end {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut piece_start = start;
    let mut last_break = None;
    let mut at = start;
    while at < end {
        let is_break = matches!(chars[at], '.' | ';' | ':' | '\n')
            && chars.get(at + 1).is_none_or(|c| c.is_whitespace());
        if is_break {
            last_break = Some(at + 1);
        }
        if at + 1 - piece_start > MAX_PASSAGE
            && let Some(cut) = last_break.filter(|&b| b > piece_start)
        {
            out.push(trim(chars, piece_start, cut));
            piece_start = cut;
            last_break = None;
        }
        at += 1;
    }
    out.push(trim(chars, piece_start, end));
    out.retain(|(s, e)| s < e);
    out
}

fn trim(chars: &[char], mut start: usize, mut end: usize) -> (usize, usize) {
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn short_text_is_one_trimmed_piece() {
        let c = chars("  One sentence. Another one.  ");
        assert_eq!(pieces(&c, 0, c.len()), vec![(2, 28)]);
    }

    #[test]
    fn long_text_is_cut_at_sentence_ends_and_covers_everything() {
        let sentence = "The employer shall pay the cost of travel to the place of work. ";
        let text = sentence.repeat(40);
        let c = chars(&text);
        let cut = pieces(&c, 0, c.len());
        assert!(cut.len() > 1, "{cut:?}");
        for (s, e) in &cut {
            assert!(e - s <= MAX_PASSAGE, "piece of {} chars", e - s);
            assert_eq!(c[e - 1], '.', "a piece ends at a sentence end");
        }
        let words = |s: &str| s.split_whitespace().count();
        let covered: usize = cut
            .iter()
            .map(|&(s, e)| words(&c[s..e].iter().collect::<String>()))
            .sum();
        assert_eq!(covered, words(&text));
    }

    #[test]
    fn one_overlong_sentence_stays_whole() {
        let text = "word ".repeat(400);
        let c = chars(&text);
        assert_eq!(pieces(&c, 0, c.len()), vec![(0, c.len() - 1)]);
    }
}
