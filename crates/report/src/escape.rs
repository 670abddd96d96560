//! Escaping for untrusted text. Agreement text, titles and even item ids come from documents
//! and JSON nobody vetted; every renderer passes all of it through here.

/// Escapes text for HTML element content and quoted attribute values (also valid XML, which lets
/// tests parse the page strictly).
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in HTML or XML text; extraction may leave them.
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for inline Markdown (paragraphs, block quotes, table cells): every character
/// that could start markup, raw HTML, an entity or a cell boundary is backslash-escaped, and line
/// breaks become spaces so the text cannot open a new block.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c if c.is_control() && c != '\t' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// A fragment identifier built only from `[A-Za-z0-9._-]`, so an id from untrusted JSON cannot
/// break out of an attribute or a Markdown link.
pub fn anchor(prefix: &str, id: &str) -> String {
    let mut out = String::from(prefix);
    for c in id.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
            out.push(c);
        } else {
            out.push('-');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup_quotes_and_ampersands() {
        assert_eq!(
            html(r#"<script>alert("x" & 'y')</script>"#),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;"
        );
        assert_eq!(html("&amp;"), "&amp;amp;");
        assert_eq!(html("a\u{0}b"), "a\u{FFFD}b");
    }

    #[test]
    fn markdown_escapes_markup() {
        assert_eq!(
            markdown("<img src=x> *a* | [b](c) &amp;"),
            r"\<img src=x\> \*a\* \| \[b\](c) \&amp;"
        );
        assert_eq!(markdown("a\n# b"), r"a \# b");
    }

    #[test]
    fn anchors_keep_only_safe_characters() {
        assert_eq!(
            anchor("finding-", "no_worker_fees"),
            "finding-no_worker_fees"
        );
        assert_eq!(anchor("finding-", "x\"><script>"), "finding-x---script-");
    }
}
