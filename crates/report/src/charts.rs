//! Charts for the web platform's catalogue and comparison pages, as inline SVG strings: a
//! coverage heatmap (agreements × rubric items, [`heatmap`]) and horizontal bar charts of shares
//! ([`bar_chart`], [`grouped_bar_chart`]). The caller computes the numbers (e.g. from
//! `blma_catalogue::Catalogue::stats`); these functions only draw.
//!
//! Every chart is accessible the same way as the report's coverage chart (`svg.rs`, whose colours
//! it reuses): `role="img"` labelled by a `<title>` and a `<desc>` that says the data in words, a
//! `<title>` on every mark, and a shape or pattern besides colour for every category. Every label
//! is untrusted and escaped; `id` (which prefixes element ids, so several charts can share a page)
//! is reduced to `[A-Za-z0-9._-]`.

mod bars;
mod heatmap;

pub use bars::{Bar, BarGroup, bar_chart, grouped_bar_chart};
pub use heatmap::{HeatmapCell, HeatmapColumn, HeatmapRow, heatmap};

use crate::escape::{anchor, html as esc};

/// Text colour of every chart (15:1 on white).
pub const TEXT_FILL: &str = "#1f2328";

/// Opens an `<svg>` labelled by its title and description. Returns the markup and the safe id.
fn open(id: &str, width: f64, height: f64, title: &str, desc: &str) -> (String, String) {
    let id = anchor("", id);
    let id = if id.is_empty() {
        "chart".to_owned()
    } else {
        id
    };
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 {width:.0} {height:.0}\" \
         width=\"100%\" style=\"max-width:{width:.0}px\" aria-labelledby=\"{id}-title {id}-desc\" \
         font-family=\"system-ui, sans-serif\" font-size=\"12\">\n\
         <title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n",
        esc(title),
        esc(desc)
    );
    (svg, id)
}

/// A link target safe to put in an `href`: site-relative paths, fragments, queries and http(s)
/// URLs only (no `javascript:` or `data:`), escaped. `None` if the href is not one of those.
fn safe_href(href: &str) -> Option<String> {
    let h = href.trim();
    let lower = h.to_ascii_lowercase();
    let ok = (h.starts_with('/') && !h.starts_with("//"))
        || h.starts_with('#')
        || h.starts_with('?')
        || lower.starts_with("https://")
        || lower.starts_with("http://");
    (ok && !h.chars().any(char::is_control)).then(|| esc(h))
}

/// A percentage as readers say it: "42%", "<1%" for a small non-zero share.
fn percent(share: f64) -> String {
    let share = clamp_share(share);
    let p = (share * 100.0).round();
    if p == 0.0 && share > 0.0 {
        "<1%".to_owned()
    } else {
        format!("{p:.0}%")
    }
}

/// A share in 0..=1 whatever the caller passed (NaN, negative, above one).
fn clamp_share(value: f64) -> f64 {
    if value.is_nan() {
        0.0
    } else {
        value.clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_safe_hrefs_are_linked() {
        assert_eq!(
            safe_href("/agreements/42?x=1&y=2").as_deref(),
            Some("/agreements/42?x=1&amp;y=2")
        );
        assert!(safe_href("https://example.org/a\"b").is_some_and(|h| !h.contains('"')));
        for bad in [
            "javascript:alert(1)",
            " JavaScript:x",
            "data:text/html,x",
            "//evil.example",
        ] {
            assert_eq!(safe_href(bad), None, "{bad}");
        }
    }

    #[test]
    fn percentages_round_and_clamp() {
        assert_eq!(percent(0.424), "42%");
        assert_eq!(percent(0.001), "<1%");
        assert_eq!(percent(0.0), "0%");
        assert_eq!(percent(1.7), "100%");
        assert_eq!(percent(f64::NAN), "0%");
        assert_eq!(clamp_share(f64::NAN), 0.0);
        assert_eq!(clamp_share(-2.0), 0.0);
    }
}
