//! Plain-text layout for terminals: wrapped paragraphs, underlined headings, tables as records.

use blma_knowledge::Kind;
use blma_knowledge::render::Sink;
use textwrap::Options;

/// The width to wrap at: `$COLUMNS` when set, else 100.
pub fn width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&w| w >= 40)
        .unwrap_or(100)
}

/// Two aligned columns, the second wrapped under itself.
pub fn two_columns(rows: &[[String; 2]], width: usize) -> String {
    let left = rows
        .iter()
        .map(|r| r[0].chars().count())
        .max()
        .unwrap_or(0)
        .min(28);
    let indent = " ".repeat(left + 2);
    let mut out = String::new();
    for [a, b] in rows {
        let first = format!("{a:<left$}  ");
        let options = Options::new(width.max(left + 20))
            .initial_indent(&first)
            .subsequent_indent(&indent);
        for line in textwrap::wrap(b, options) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// A [`Sink`] that lays elements out for a terminal of `width` columns.
pub struct Terminal {
    pub out: String,
    width: usize,
    indent: usize,
}

impl Terminal {
    pub fn new(width: usize) -> Terminal {
        Terminal {
            out: String::new(),
            width,
            indent: 0,
        }
    }

    fn wrapped(&mut self, text: &str, first: &str, rest: &str) {
        let first = format!("{}{first}", " ".repeat(self.indent));
        let rest = format!("{}{rest}", " ".repeat(self.indent));
        for line in textwrap::wrap(
            text,
            Options::new(self.width)
                .initial_indent(&first)
                .subsequent_indent(&rest),
        ) {
            self.out.push_str(&line);
            self.out.push('\n');
        }
    }

    fn label(&mut self, heading: Option<&str>) {
        if let Some(h) = heading {
            self.out
                .push_str(&format!("{}{h}:\n", " ".repeat(self.indent)));
        }
    }
}

impl Sink for Terminal {
    fn heading(&mut self, level: usize, id: &str, title: &str, kind: Kind) {
        self.indent = 0;
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        let line = format!("{id}  ·  {kind}");
        self.out.push_str(&line);
        self.out.push('\n');
        self.wrapped(title, "", "");
        let rule = if level <= 1 { '=' } else { '-' };
        self.out.push_str(
            &rule
                .to_string()
                .repeat(title.chars().count().clamp(line.len(), self.width)),
        );
        self.out.push('\n');
    }

    fn paragraphs(&mut self, heading: Option<&str>, text: &str) {
        self.out.push('\n');
        self.label(heading);
        for (i, paragraph) in text
            .split("\n\n")
            .filter(|p| !p.trim().is_empty())
            .enumerate()
        {
            if i > 0 {
                self.out.push('\n');
            }
            for line in paragraph.lines() {
                match line.strip_prefix("• ") {
                    Some(bullet) => self.wrapped(bullet, "  • ", "    "),
                    None => self.wrapped(line, "", ""),
                }
            }
        }
    }

    fn list(&mut self, heading: Option<&str>, items: &[String]) {
        self.out.push('\n');
        self.label(heading);
        for item in items {
            self.wrapped(item, "  • ", "    ");
        }
    }

    fn table(&mut self, columns: &[String], rows: &[Vec<String>]) {
        // Wide multi-column tables do not fit a terminal: print each row as a record.
        for row in rows {
            self.out.push('\n');
            self.indent = 0;
            self.wrapped(row.first().map_or("", String::as_str), "■ ", "  ");
            for (column, cell) in columns.iter().zip(row).skip(1) {
                if cell.trim().is_empty() {
                    continue;
                }
                self.out.push_str(&format!("  {column}:\n"));
                self.indent = 2;
                for line in cell.lines() {
                    self.wrapped(line, "  • ", "    ");
                }
            }
            self.indent = 0;
        }
    }

    fn links(&mut self, label: &str, targets: &[(String, String)]) {
        self.out.push('\n');
        self.out.push_str(&format!("{label}:\n"));
        for (id, title) in targets {
            let text = if title.is_empty() {
                id.clone()
            } else {
                format!("{id} — {title}")
            };
            self.wrapped(&text, "  → ", "    ");
        }
    }
}
