//! The three standard Type 1 fonts the PDF uses, their WinAnsi encoding and their widths, so
//! lines wrap where the viewer will actually draw them. Standard fonts need no embedding: every
//! PDF reader has them, which keeps the file small and the crate free of font files.

use unicode_normalization::UnicodeNormalization;

/// Drawn for characters WinAnsi cannot encode (Greek, Arabic, CJK, symbols): visible, so a reader
/// knows something was there.
pub const FALLBACK: u8 = b'?';

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Font {
    Regular,
    Bold,
    Mono,
}

impl Font {
    pub const ALL: [Font; 3] = [Font::Regular, Font::Bold, Font::Mono];

    /// The resource name content streams use.
    pub fn resource(self) -> &'static [u8] {
        match self {
            Font::Regular => b"F1",
            Font::Bold => b"F2",
            Font::Mono => b"F3",
        }
    }

    pub fn base_font(self) -> &'static [u8] {
        match self {
            Font::Regular => b"Helvetica",
            Font::Bold => b"Helvetica-Bold",
            Font::Mono => b"Courier",
        }
    }

    /// Width of WinAnsi code `code` in thousandths of the font size.
    pub fn width(self, code: u8) -> u16 {
        let table = match self {
            Font::Regular => &HELVETICA,
            Font::Bold => &HELVETICA_BOLD,
            Font::Mono => return 600,
        };
        match code {
            32.. => table[usize::from(code - 32)],
            _ => 0,
        }
    }

    /// Width in points of `text` (already encoded) at `size`.
    pub fn measure(self, text: &[u8], size: f32) -> f32 {
        let units: u32 = text.iter().map(|&c| u32::from(self.width(c))).sum();
        units as f32 * size / 1000.0
    }
}

/// Encodes `text` in WinAnsi (Windows-1252): composed first, so a decomposed "é" is one
/// character; white space and control characters become spaces, dashes and spaces WinAnsi lacks
/// their nearest equivalent, anything else it lacks [`FALLBACK`].
pub fn encode(text: &str) -> Vec<u8> {
    text.nfc().map(encode_char).collect()
}

fn encode_char(c: char) -> u8 {
    match c {
        ' '..='~' => c as u8,
        '\u{A0}'..='\u{FF}' => c as u8,
        c if c.is_whitespace() || c.is_control() => b' ',
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        '\u{2010}' | '\u{2011}' | '\u{2212}' => b'-',
        '\u{2032}' => b'\'',
        _ => FALLBACK,
    }
}

/// Widths of `Helvetica` (Adobe AFM) for WinAnsi codes 32 to 255 in
/// thousandths of the font size; 0 where WinAnsi has no character.
pub(super) const HELVETICA: [u16; 224] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    0, 556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, 0, 222, 222,
    333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667, 278, 333, 556, 556, 556, 556,
    260, 556, 333, 737, 370, 556, 584, 333, 737, 333, 400, 584, 333, 333, 333, 578, 537, 278, 333,
    333, 365, 556, 834, 834, 834, 611, 667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667,
    278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667,
    611, 556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, 556, 556,
    556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500,
];

/// Widths of `Helvetica-Bold` (Adobe AFM) for WinAnsi codes 32 to 255 in
/// thousandths of the font size; 0 where WinAnsi has no character.
pub(super) const HELVETICA_BOLD: [u16; 224] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667,
    611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556,
    278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
    0, 556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, 0, 278, 278,
    500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667, 278, 333, 556, 556, 556, 556,
    280, 556, 333, 737, 370, 556, 584, 333, 737, 333, 400, 584, 333, 333, 333, 611, 556, 278, 333,
    333, 365, 556, 834, 834, 834, 611, 722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667,
    278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667,
    611, 556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, 611, 611,
    611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_typography_are_winansi_others_fall_back() {
        assert_eq!(
            encode("é è ç ñ á ¿ « »"),
            b"\xE9 \xE8 \xE7 \xF1 \xE1 \xBF \xAB \xBB"
        );
        assert_eq!(encode("“a” – b…€"), b"\x93a\x94 \x96 b\x85\x80");
        // Decomposed accents are composed first.
        assert_eq!(encode("e\u{301}"), b"\xE9");
        assert_eq!(encode("Ω中\u{0}\n\t"), b"??   ");
    }

    #[test]
    fn widths_are_the_afm_metrics() {
        assert_eq!(Font::Regular.width(b' '), 278);
        assert_eq!(Font::Regular.width(b'W'), 944);
        assert_eq!(Font::Bold.width(b'W'), 944);
        assert_eq!(Font::Bold.width(b'a'), 556);
        assert_eq!(Font::Regular.width(0xE9), 556);
        assert_eq!(Font::Mono.width(b'i'), 600);
        assert!((Font::Regular.measure(b"Hello", 10.0) - 22.78).abs() < 0.01);
        // Every code WinAnsi defines has a width.
        for c in (32u8..=255).filter(|c| ![0x7F, 0x81, 0x8D, 0x8F, 0x90, 0x9D].contains(c)) {
            assert!(
                Font::Regular.width(c) > 0 && Font::Bold.width(c) > 0,
                "{c:#x}"
            );
        }
    }
}
