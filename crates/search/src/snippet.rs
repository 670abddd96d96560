//! Snippets as plain-text fragments, from tantivy's highlight ranges.

use std::ops::Range;

use tantivy::snippet::{Snippet, SnippetGenerator};

use crate::Fragment;

/// Longest snippet, in bytes (tantivy counts bytes).
pub(crate) const SNIPPET_BYTES: usize = 240;

/// The best passage of `text` for the generator's query, cut into fragments; when no query term
/// occurs in the text (the hit matched by its title), its beginning, unhighlighted.
pub(crate) fn fragments(generator: &SnippetGenerator, text: &str) -> Vec<Fragment> {
    let snippet = generator.snippet(text);
    if snippet.is_empty() {
        return beginning(text);
    }
    split(&snippet)
}

fn split(snippet: &Snippet) -> Vec<Fragment> {
    let fragment = snippet.fragment();
    let mut out = Vec::new();
    let mut at = 0;
    for range in merged(snippet.highlighted()) {
        // Ranges come from the tokenizer, so they are char boundaries; `get` keeps a bad one
        // from panicking.
        let end = range.end;
        let (Some(before), Some(matched)) = (fragment.get(at..range.start), fragment.get(range))
        else {
            continue;
        };
        push(&mut out, before, false);
        push(&mut out, matched, true);
        at = end;
    }
    push(&mut out, fragment.get(at..).unwrap_or_default(), false);
    out
}

/// Sorted, non-overlapping ranges; adjacent ones stay apart (two matched words).
fn merged(ranges: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut sorted = ranges.to_vec();
    sorted.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(sorted.len());
    for range in sorted {
        match out.last_mut() {
            Some(last) if range.start < last.end => last.end = last.end.max(range.end),
            _ => out.push(range),
        }
    }
    out
}

fn push(out: &mut Vec<Fragment>, text: &str, highlighted: bool) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        // Two matched words separated by nothing, or two plain pieces: one fragment.
        Some(last) if last.highlighted == highlighted && !highlighted => last.text.push_str(text),
        _ => out.push(Fragment {
            text: text.to_owned(),
            highlighted,
        }),
    }
}

/// The text's first `SNIPPET_BYTES` bytes, cut after a word.
fn beginning(text: &str) -> Vec<Fragment> {
    let text = text.trim();
    if text.is_empty() {
        return Vec::new();
    }
    let mut end = text.len().min(SNIPPET_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if end < text.len()
        && let Some(space) = text[..end].rfind(char::is_whitespace)
    {
        end = space;
    }
    vec![Fragment {
        text: text[..end].trim_end().to_owned(),
        highlighted: false,
    }]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_overlaps_but_not_neighbours() {
        assert_eq!(merged(&[4..6, 0..2, 1..3, 3..4]), vec![0..3, 3..4, 4..6]);
    }

    #[test]
    fn beginning_cuts_after_a_word() {
        let text = "word ".repeat(100);
        let fragments = beginning(&text);
        assert_eq!(fragments.len(), 1);
        assert!(fragments[0].text.len() <= SNIPPET_BYTES);
        assert!(fragments[0].text.ends_with("word"));
        assert!(beginning("  ").is_empty());
    }
}
