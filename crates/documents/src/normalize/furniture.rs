//! Page furniture: running headers and footers repeated across pages, and bare page numbers.
//!
//! Only the first and last two lines of each page are candidates. A candidate is furniture when
//! it is a bare page number ("12", "- 12 -", "Page 3 of 9") or when the same line, digits
//! ignored, is a candidate on at least half the pages (and on two at least). Lines that look
//! like structural headings ("Article 5") are never removed, even when every page starts with
//! one. A text without page breaks is left alone.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::Line;
use crate::Warning;

/// How many lines at each end of a page may be a header or footer.
const EDGE_LINES: usize = 2;

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:page|p\.|página|pagina)?\s*[-–—]?\s*\d{1,4}\s*[-–—]?\s*(?:(?:/|of|de|sur)\s*\d{1,4})?$",
    )
    .expect("valid regex")
});

/// Removes furniture from the pages and flattens them into lines. A page break is not a
/// paragraph break: a sentence (or a hyphenated word) that runs onto the next page is joined
/// like any wrapped line, and the readers' blank lines still end paragraphs.
pub(super) fn remove_page_furniture(pages: Vec<Vec<Line>>) -> (Vec<Line>, Vec<Warning>) {
    if pages.len() < 2 {
        return single_page(pages);
    }
    let texts: Vec<Vec<String>> = pages
        .iter()
        .map(|page| {
            page.iter()
                .map(|line| line.iter().map(|&(c, _)| c).collect())
                .collect()
        })
        .collect();

    // On how many pages each digit-free key appears as a candidate.
    let mut pages_per_key: HashMap<String, usize> = HashMap::new();
    for page in &texts {
        let mut keys: Vec<String> = edge_lines(page)
            .into_iter()
            .map(|i| repetition_key(&page[i]))
            .collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            *pages_per_key.entry(key).or_default() += 1;
        }
    }
    let pages_with_text = texts
        .iter()
        .filter(|page| page.iter().any(|l| !l.is_empty()))
        .count();
    let threshold = pages_with_text.div_ceil(2).max(2);

    let (mut repeated, mut numbers) = (0, 0);
    let mut lines = Vec::new();
    for (page, page_texts) in pages.into_iter().zip(&texts) {
        let edges = edge_lines(page_texts);
        for (i, line) in page.into_iter().enumerate() {
            let text = &page_texts[i];
            if edges.contains(&i) && !crate::segment::looks_like_heading(text) {
                if PAGE_NUMBER.is_match(text) {
                    numbers += 1;
                    continue;
                }
                if pages_per_key[&repetition_key(text)] >= threshold {
                    repeated += 1;
                    continue;
                }
            }
            lines.push(line);
        }
    }
    (lines, removed_warning(repeated, numbers))
}

/// The warning that says how much furniture went, if any.
fn removed_warning(repeated: usize, numbers: usize) -> Vec<Warning> {
    let message = format!(
        "removed {repeated} repeated header/footer line(s) and {numbers} page number(s); \
         check the text if a heading seems missing"
    );
    (repeated + numbers > 0)
        .then(|| Warning {
            code: "page-furniture-removed".to_owned(),
            message,
        })
        .into_iter()
        .collect()
}

/// Indices of the non-empty lines at the top and bottom of a page.
/// A single page has no repetition to go by: only an edge line that says it is a page number in
/// so many words ("Page 1 / 1", "Página 2 de 3") is removed; a bare "12" might be text.
fn single_page(pages: Vec<Vec<Line>>) -> (Vec<Line>, Vec<Warning>) {
    let lines: Vec<Line> = pages.into_iter().flatten().collect();
    let texts: Vec<String> = lines
        .iter()
        .map(|l| l.iter().map(|&(c, _)| c).collect())
        .collect();
    let edges = edge_lines(&texts);
    let labelled = |text: &str| {
        PAGE_NUMBER.is_match(text) && text.chars().any(|c| c.is_alphabetic() || c == '/')
    };
    let mut removed = 0;
    let kept = lines
        .into_iter()
        .enumerate()
        .filter(|(i, _)| {
            let drop = edges.contains(i) && labelled(&texts[*i]);
            removed += usize::from(drop);
            !drop
        })
        .map(|(_, line)| line)
        .collect();
    (kept, removed_warning(0, removed))
}

fn edge_lines(page: &[String]) -> Vec<usize> {
    let filled: Vec<usize> = (0..page.len()).filter(|&i| !page[i].is_empty()).collect();
    let mut edges: Vec<usize> = filled
        .iter()
        .take(EDGE_LINES)
        .chain(filled.iter().rev().take(EDGE_LINES))
        .copied()
        .collect();
    edges.sort_unstable();
    edges.dedup();
    edges
}

/// A line with digits masked, so "Page 3" and "Page 4" repeat.
fn repetition_key(line: &str) -> String {
    line.chars()
        .map(|c| {
            if c.is_ascii_digit() {
                '#'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::normalize;

    #[test]
    fn repeated_headers_and_page_numbers_go() {
        let page = |n: usize, body: &str| format!("Agreement between A and B\n{body}\n- {n} -\n");
        let raw = [
            page(1, "Article 1\nFirst text."),
            page(2, "Article 2\nSecond text."),
            page(3, "Third text."),
        ]
        .join("\u{0C}");
        let out = normalize(&raw);
        assert_eq!(
            out.text,
            "Article 1\n\nFirst text.\n\nArticle 2\n\nSecond text.\n\nThird text."
        );
        assert_eq!(out.warnings.len(), 1);
        assert_eq!(out.warnings[0].code, "page-furniture-removed");
    }

    #[test]
    fn headings_at_page_tops_stay() {
        let raw = "Article 1\nOne.\u{0C}Article 2\nTwo.\u{0C}Article 3\nThree.";
        let out = normalize(raw);
        assert_eq!(
            out.text,
            "Article 1\n\nOne.\n\nArticle 2\n\nTwo.\n\nArticle 3\n\nThree."
        );
        assert!(out.warnings.is_empty());
    }

    #[test]
    fn a_text_without_pages_keeps_its_numbers() {
        let out = normalize("Article 1\n12\nText.");
        assert_eq!(out.text, "Article 1\n\n12\n\nText.");
    }
}
