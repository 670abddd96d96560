//! A small page layout engine: styled spans wrapped into lines with the fonts' real widths, laid
//! out top to bottom on A4 pages that break where the text no longer fits, then written as a PDF
//! with a page number in every footer.

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use super::fonts::{Font, encode};

pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
pub const MARGIN: f32 = 56.0;
pub const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
const TOP: f32 = PAGE_HEIGHT - MARGIN;
/// Text stops above this; the footer sits below it.
const BOTTOM: f32 = 62.0;
const FOOTER_Y: f32 = 34.0;

pub type Rgb = (f32, f32, f32);

pub const TEXT: Rgb = rgb(0x1f2328);
pub const MUTED: Rgb = rgb(0x59636e);

/// `0xRRGGBB` as PDF colour components.
pub const fn rgb(hex: u32) -> Rgb {
    (
        ((hex >> 16) & 0xff) as f32 / 255.0,
        ((hex >> 8) & 0xff) as f32 / 255.0,
        (hex & 0xff) as f32 / 255.0,
    )
}

/// `#rrggbb` (the SVG colour constants) as PDF colour components; black if malformed.
pub fn hex(colour: &str) -> Rgb {
    u32::from_str_radix(colour.trim_start_matches('#'), 16).map_or((0.0, 0.0, 0.0), rgb)
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub font: Font,
    pub size: f32,
    pub colour: Rgb,
}

impl Style {
    pub const fn new(font: Font, size: f32) -> Style {
        Style {
            font,
            size,
            colour: TEXT,
        }
    }

    pub const fn colour(self, colour: Rgb) -> Style {
        Style { colour, ..self }
    }

    /// Baseline to baseline.
    pub fn leading(self) -> f32 {
        self.size * 1.3
    }
}

/// A run of text in one style.
#[derive(Debug, Clone)]
pub struct Span {
    pub style: Style,
    pub text: String,
}

pub fn span(style: Style, text: impl Into<String>) -> Span {
    Span {
        style,
        text: text.into(),
    }
}

/// A piece of a laid-out line: encoded text in one style.
#[derive(Debug, Clone)]
struct Fragment {
    style: Style,
    bytes: Vec<u8>,
}

/// Breaks `spans` into lines at most `width` points wide, at spaces; a word wider than a line is
/// cut between characters. Never returns an empty list.
fn wrap(spans: &[Span], width: f32) -> Vec<Vec<Fragment>> {
    let mut lines: Vec<Vec<Fragment>> = vec![Vec::new()];
    let mut used = 0.0;
    // Spans are separated by a space, except before closing and after opening punctuation:
    // "(annex2.2, Annex 2" from the spans "(", "annex2.2", ", Annex 2".
    let mut glue = false;
    for s in spans {
        let encoded = encode(&s.text);
        glue = glue || encoded.first().is_some_and(|c| b"),.;:".contains(c));
        for word in encoded.split(|&b| b == b' ').filter(|w| !w.is_empty()) {
            let space = if glue {
                0.0
            } else {
                s.style.font.measure(b" ", s.style.size)
            };
            let mut word = word;
            loop {
                let w = s.style.font.measure(word, s.style.size);
                let line_empty = lines.last().is_none_or(Vec::is_empty);
                let needed = if line_empty { w } else { used + space + w };
                if needed <= width {
                    let space_before = !line_empty && !glue;
                    push_word(
                        lines.last_mut().expect("lines"),
                        s.style,
                        word,
                        space_before,
                    );
                    used = needed;
                    glue = false;
                    break;
                }
                if !line_empty {
                    lines.push(Vec::new());
                    used = 0.0;
                    continue;
                }
                // A word longer than a whole line: cut it where it stops fitting.
                let cut = fitting(word, s.style, width).max(1);
                push_word(
                    lines.last_mut().expect("lines"),
                    s.style,
                    &word[..cut],
                    false,
                );
                lines.push(Vec::new());
                used = 0.0;
                word = &word[cut..];
                glue = false;
                if word.is_empty() {
                    break;
                }
            }
        }
        glue = encoded.last() == Some(&b'(');
    }
    if lines.len() > 1 && lines.last().is_some_and(Vec::is_empty) {
        lines.pop();
    }
    lines
}

/// How many bytes of `word` fit in `width`.
fn fitting(word: &[u8], style: Style, width: f32) -> usize {
    let mut used = 0.0;
    for (i, &c) in word.iter().enumerate() {
        used += style.font.measure(&[c], style.size);
        if used > width {
            return i;
        }
    }
    word.len()
}

fn push_word(line: &mut Vec<Fragment>, style: Style, word: &[u8], space_before: bool) {
    match line.last_mut() {
        Some(last) if last.style == style => {
            if space_before {
                last.bytes.push(b' ');
            }
            last.bytes.extend_from_slice(word);
        }
        Some(last) => {
            if space_before {
                last.bytes.push(b' ');
            }
            line.push(Fragment {
                style,
                bytes: word.to_vec(),
            });
        }
        None => line.push(Fragment {
            style,
            bytes: word.to_vec(),
        }),
    }
}

/// Pages being filled, top to bottom.
pub struct Layout {
    pages: Vec<Content>,
    /// Baseline of the next line, in PDF coordinates (from the bottom).
    y: f32,
}

impl Layout {
    pub fn new() -> Layout {
        Layout {
            pages: vec![Content::new()],
            y: TOP,
        }
    }

    fn page(&mut self) -> &mut Content {
        self.pages.last_mut().expect("a layout always has a page")
    }

    pub fn new_page(&mut self) {
        self.pages.push(Content::new());
        self.y = TOP;
    }

    /// Starts a new page unless `height` points still fit on this one.
    pub fn keep(&mut self, height: f32) {
        if self.y - height < BOTTOM && self.y < TOP {
            self.new_page();
        }
    }

    pub fn space(&mut self, points: f32) {
        self.y -= points;
    }

    /// A wrapped paragraph `indent` points from the left margin. `bar`: a vertical rule in this
    /// colour left of every line (quotes).
    pub fn paragraph(&mut self, spans: &[Span], indent: f32, bar: Option<Rgb>) {
        let width = (CONTENT_WIDTH - indent).max(40.0);
        for line in wrap(spans, width) {
            let leading = line
                .iter()
                .map(|f| f.style.leading())
                .fold(0.0, f32::max)
                .max(1.0);
            self.keep(leading);
            self.y -= leading;
            let (x, y) = (MARGIN + indent, self.y + leading * 0.25);
            if let Some(colour) = bar {
                self.rect(
                    MARGIN + indent - 10.0,
                    self.y,
                    3.0,
                    leading,
                    Some(colour),
                    None,
                );
            }
            let content = self.page();
            content.begin_text().next_line(x, y);
            for f in &line {
                let (r, g, b) = f.style.colour;
                content
                    .set_font(Name(f.style.font.resource()), f.style.size)
                    .set_fill_rgb(r, g, b)
                    .show(Str(&f.bytes));
            }
            content.end_text();
        }
    }

    /// A rectangle whose bottom-left corner is `x, y` (PDF coordinates), filled and/or stroked.
    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: Option<Rgb>, stroke: Option<Rgb>) {
        let content = self.page();
        content.save_state();
        if let Some((r, g, b)) = fill {
            content.set_fill_rgb(r, g, b);
        }
        if let Some((r, g, b)) = stroke {
            content.set_stroke_rgb(r, g, b).set_line_width(1.0);
        }
        content.rect(x, y, w, h);
        match (fill, stroke) {
            (Some(_), Some(_)) => content.fill_nonzero_and_stroke(),
            (Some(_), None) => content.fill_nonzero(),
            (None, Some(_)) => content.stroke(),
            (None, None) => content.end_path(),
        };
        content.restore_state();
    }

    /// The current baseline position, for drawing next to text.
    pub fn y(&self) -> f32 {
        self.y
    }

    /// Writes the pages as a PDF: fonts, a footer with `footer` and "page i of n" on every page,
    /// and the document information.
    pub fn finish(mut self, title: &str, footer: &str) -> Vec<u8> {
        let total = self.pages.len();
        let footer_style = Style::new(Font::Regular, 8.0).colour(MUTED);
        for (i, content) in self.pages.iter_mut().enumerate() {
            let number = encode(&format!("Page {} of {total}", i + 1));
            let text = encode(footer);
            let (r, g, b) = footer_style.colour;
            let right = PAGE_WIDTH - MARGIN - Font::Regular.measure(&number, 8.0);
            content
                .begin_text()
                .set_font(Name(Font::Regular.resource()), footer_style.size)
                .set_fill_rgb(r, g, b)
                .next_line(MARGIN, FOOTER_Y)
                .show(Str(&text))
                .end_text()
                .begin_text()
                .next_line(right, FOOTER_Y)
                .show(Str(&number))
                .end_text();
        }

        let mut pdf = Pdf::new();
        let catalog = Ref::new(1);
        let tree = Ref::new(2);
        let info = Ref::new(3);
        let font_ids = [Ref::new(4), Ref::new(5), Ref::new(6)];
        let page_ids: Vec<Ref> = (0..total)
            .map(|i| Ref::new(10 + 2 * ref_index(i)))
            .collect();
        let mut cat = pdf.catalog(catalog);
        cat.pages(tree).lang(TextStr("en"));
        cat.viewer_preferences().display_doc_title(true);
        cat.finish();
        pdf.pages(tree)
            .kids(page_ids.iter().copied())
            .count(ref_index(total));
        for (font, id) in Font::ALL.into_iter().zip(font_ids) {
            pdf.type1_font(id)
                .base_font(Name(font.base_font()))
                .encoding_predefined(Name(b"WinAnsiEncoding"));
        }
        pdf.document_info(info)
            .title(TextStr(title))
            .producer(TextStr("blma"))
            .creator(TextStr("blma-report"));
        for (i, (content, page_id)) in self.pages.into_iter().zip(&page_ids).enumerate() {
            let content_id = Ref::new(11 + 2 * ref_index(i));
            let mut page = pdf.page(*page_id);
            page.media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT))
                .parent(tree)
                .contents(content_id);
            let mut resources = page.resources();
            let mut fonts = resources.fonts();
            for (font, id) in Font::ALL.into_iter().zip(font_ids) {
                fonts.pair(Name(font.resource()), id);
            }
            fonts.finish();
            resources.finish();
            page.finish();
            pdf.stream(content_id, &content.finish());
        }
        pdf.finish()
    }
}

/// A page index as a PDF integer. Reports have tens of pages; saturate rather than wrap.
fn ref_index(i: usize) -> i32 {
    i32::try_from(i).unwrap_or(i32::MAX / 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widths(lines: &[Vec<Fragment>]) -> Vec<f32> {
        lines
            .iter()
            .map(|l| {
                l.iter()
                    .map(|f| f.style.font.measure(&f.bytes, f.style.size))
                    .sum()
            })
            .collect()
    }

    #[test]
    fn wraps_at_spaces_within_the_width_across_styles() {
        let regular = Style::new(Font::Regular, 10.0);
        let bold = Style::new(Font::Bold, 10.0);
        let text = "Le travailleur migrant bénéficie de l'égalité de traitement ".repeat(8);
        let lines = wrap(&[span(bold, "Article 5"), span(regular, &text)], 200.0);
        assert!(lines.len() > 5, "{}", lines.len());
        assert!(widths(&lines).iter().all(|w| *w <= 200.0 + 0.01));
        assert_eq!(lines[0][0].bytes, b"Article 5 ");
        assert_eq!(lines[0][0].style, bold);
        // No word is split: every line ends and starts at a word boundary.
        let joined: Vec<u8> = lines
            .iter()
            .map(|l| l.iter().flat_map(|f| f.bytes.clone()).collect::<Vec<u8>>())
            .collect::<Vec<_>>()
            .join(&b' ');
        assert_eq!(joined, encode(&format!("Article 5 {}", text.trim_end())));
    }

    #[test]
    fn no_space_inside_parentheses_or_before_punctuation_between_spans() {
        let body = Style::new(Font::Regular, 10.0);
        let code = Style::new(Font::Mono, 10.0);
        let lines = wrap(
            &[
                span(body, "Indicative provision ("),
                span(code, "annex2.2"),
                span(body, ", Annex 2)"),
                span(code, "id"),
            ],
            500.0,
        );
        let text: Vec<&[u8]> = lines[0].iter().map(|f| f.bytes.as_slice()).collect();
        assert_eq!(
            text,
            [
                &b"Indicative provision ("[..],
                b"annex2.2",
                b", Annex 2) ",
                b"id"
            ]
        );
    }

    #[test]
    fn cuts_words_longer_than_a_line_and_survives_empty_input() {
        let style = Style::new(Font::Mono, 10.0);
        let lines = wrap(&[span(style, "x".repeat(100))], 60.0);
        // Courier: 6 points per character at 10 points, so 10 per line.
        assert_eq!(lines.len(), 10);
        assert!(lines.iter().all(|l| l[0].bytes.len() == 10));
        assert_eq!(wrap(&[], 60.0).len(), 1);
        assert_eq!(wrap(&[span(style, "   ")], 0.5).len(), 1);
    }
}
