//! The full text of an agreement as HTML, with every cited passage marked and every provision
//! anchored, so that a finding can link straight to its words.
//!
//! Spans may overlap (two items citing the same sentence): the text is cut at every span
//! boundary and each piece is wrapped in one `<mark>` per span covering it, so the markup stays
//! well nested. Offsets are in Unicode scalar values, as the documents crate gives them.

use blma_report::escape::html as esc;

/// A passage to mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    /// The element id of the first piece of the span (`ev-3`): the target of links.
    pub id: String,
    /// `provides` or `contradicts`: the colour.
    pub class: &'static str,
    /// Tooltip: which item and cue.
    pub title: String,
}

/// A position to anchor (a provision's start).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub at: usize,
    pub id: String,
}

/// Renders `text` with `spans` marked and `anchors` placed. Out-of-range or empty spans are
/// ignored; the output escapes all text.
pub fn render(text: &str, spans: &[Span], anchors: &[Anchor]) -> String {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let len = chars.len();
    let byte_at = |i: usize| if i >= len { text.len() } else { chars[i].0 };
    let spans: Vec<&Span> = spans
        .iter()
        .filter(|s| s.start < s.end && s.end <= len)
        .collect();
    let mut cuts: Vec<usize> = vec![0, len];
    cuts.extend(spans.iter().flat_map(|s| [s.start, s.end]));
    cuts.extend(anchors.iter().map(|a| a.at.min(len)));
    cuts.sort_unstable();
    cuts.dedup();

    let mut out = String::with_capacity(text.len() + spans.len() * 80);
    let mut anchors: Vec<&Anchor> = anchors.iter().collect();
    anchors.sort_by_key(|a| a.at);
    let mut next_anchor = 0;
    for window in cuts.windows(2) {
        let (from, to) = (window[0], window[1]);
        while next_anchor < anchors.len() && anchors[next_anchor].at <= from {
            out.push_str(&format!(
                "<span class=\"anchor\" id=\"{}\"></span>",
                esc(&anchors[next_anchor].id)
            ));
            next_anchor += 1;
        }
        let covering: Vec<&&Span> = spans
            .iter()
            .filter(|s| s.start <= from && to <= s.end)
            .collect();
        for s in &covering {
            let id = if s.start == from {
                format!(" id=\"{}\"", esc(&s.id))
            } else {
                String::new()
            };
            out.push_str(&format!(
                "<mark class=\"{}\"{id} title=\"{}\">",
                s.class,
                esc(&s.title)
            ));
        }
        out.push_str(&esc(&text[byte_at(from)..byte_at(to)]));
        for _ in &covering {
            out.push_str("</mark>");
        }
    }
    for a in &anchors[next_anchor..] {
        out.push_str(&format!(
            "<span class=\"anchor\" id=\"{}\"></span>",
            esc(&a.id)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, id: &str) -> Span {
        Span {
            start,
            end,
            id: id.into(),
            class: "provides",
            title: "t".into(),
        }
    }

    #[test]
    fn marks_spans_by_character_and_escapes_text() {
        let html = render("Frais <b>é</b> à payer", &[span(6, 14, "ev-1")], &[]);
        assert_eq!(
            html,
            "Frais <mark class=\"provides\" id=\"ev-1\" title=\"t\">&lt;b&gt;é&lt;/b&gt;</mark> à payer"
        );
    }

    #[test]
    fn overlapping_spans_nest_and_only_the_first_piece_has_the_id() {
        let html = render("abcdef", &[span(0, 4, "a"), span(2, 6, "b")], &[]);
        assert_eq!(
            html.matches("<mark").count(),
            html.matches("</mark>").count()
        );
        assert_eq!(html.matches("id=\"a\"").count(), 1);
        assert_eq!(html.matches("id=\"b\"").count(), 1);
        let text: String = scraper::Html::parse_fragment(&html)
            .root_element()
            .text()
            .collect();
        assert_eq!(text, "abcdef");
    }

    #[test]
    fn anchors_and_bad_spans() {
        let html = render(
            "ab",
            &[span(1, 9, "out"), span(1, 1, "empty")],
            &[
                Anchor {
                    at: 1,
                    id: "art_1".into(),
                },
                Anchor {
                    at: 7,
                    id: "end".into(),
                },
            ],
        );
        assert_eq!(
            html,
            "a<span class=\"anchor\" id=\"art_1\"></span>b<span class=\"anchor\" id=\"end\"></span>"
        );
    }
}
