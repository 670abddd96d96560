//! Properties of the document core on generated input: no panics, monotone offset maps that
//! round-trip, provisions that tile, and headings found as generated.

use blma_documents::formats::RawText;
use blma_documents::normalize::normalize;
use blma_documents::segment::{check_tiling, segment};
use blma_documents::{Format, ProvisionKind, from_raw};
use proptest::prelude::*;

/// Text with the characters normalization cares about: line and page breaks, spaces, hyphens,
/// ligatures, combining marks, direction controls, soft hyphens, digits, and heading words.
fn messy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("\u{0C}".to_owned()),
        Just("-\n".to_owned()),
        Just(" ".to_owned()),
        Just("\u{FB01}".to_owned()),
        Just("e\u{301}".to_owned()),
        Just("\u{200F}".to_owned()),
        Just("\u{AD}".to_owned()),
        Just("\r\n".to_owned()),
        Just("Article 5".to_owned()),
        Just("ARTÍCULO QUINTO".to_owned()),
        Just("(a) ".to_owned()),
        Just("1. ".to_owned()),
        Just("Done at Paris, ".to_owned()),
        Just("TITULO I".to_owned()),
        "[a-zA-Z ]{1,12}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

/// A document built from a title, a preamble, headings and paragraphs, with the number of
/// articles it holds.
fn structured_text() -> impl Strategy<Value = (String, usize)> {
    let paragraph = prop_oneof![
        "[A-Z][a-z]{2,8}( [a-z]{2,8}){3,12}\\.",
        "\\([a-h]\\) [a-z]{2,8}( [a-z]{2,8}){2,6};",
        "[1-9]\\. [A-Z][a-z]{2,8}( [a-z]{2,8}){2,8}\\.",
    ];
    let article = (1usize..40, prop::collection::vec(paragraph, 1..5));
    let block = prop_oneof![
        4 => article.prop_map(|(n, paragraphs)| (format!("Article {n}\n\n{}", paragraphs.join("\n\n")), 1)),
        1 => (1u32..5).prop_map(|n| (format!("CHAPTER {}", ["I", "II", "III", "IV"][n as usize - 1]), 0)),
        1 => Just(("ANNEX".to_owned(), 0)),
    ];
    prop::collection::vec(block, 1..12).prop_map(|blocks| {
        let mut text =
            "AGREEMENT BETWEEN A AND B\n\nThe Parties, considering, have agreed as follows:"
                .to_owned();
        let mut articles = 0;
        for (block, n) in blocks {
            text.push_str("\n\n");
            text.push_str(&block);
            articles += n;
        }
        (text, articles)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn from_raw_never_panics_and_tiles(text in messy_text()) {
        let document = from_raw(RawText { text, ..RawText::default() }, Format::Text);
        let len = document.text.chars().count();
        prop_assert_eq!(check_tiling(len, &document.provisions), Ok(()));
        prop_assert_eq!(document.raw_offsets.normalized_len(), len);
    }

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        let document = from_raw(RawText { text, ..RawText::default() }, Format::Text);
        let len = document.text.chars().count();
        prop_assert_eq!(check_tiling(len, &document.provisions), Ok(()));
    }

    #[test]
    fn offset_maps_are_monotone_and_round_trip(raw in messy_text()) {
        let normalized = normalize(&raw);
        let map = &normalized.offsets;
        let raw_chars: Vec<char> = raw.chars().collect();
        prop_assert_eq!(map.raw_len(), raw_chars.len());
        let mut previous = 0;
        for n in 0..normalized.text.chars().count() {
            let r = map.to_raw(n);
            prop_assert!(r >= previous, "not monotone at {}", n);
            prop_assert!(r < raw_chars.len());
            previous = r;
            // Back and forth lands on the first normalized char from the same raw char.
            let back = map.to_normalized(r);
            prop_assert!(back <= n);
            prop_assert_eq!(map.to_raw(back), r);
        }
        prop_assert_eq!(map.to_raw(normalized.text.chars().count()), raw_chars.len());
    }

    #[test]
    fn generated_structures_tile_and_keep_their_articles((text, articles) in structured_text()) {
        let provisions = segment(&text);
        prop_assert_eq!(check_tiling(text.chars().count(), &provisions), Ok(()));
        let found = provisions.iter().filter(|p| matches!(p.kind, ProvisionKind::Article | ProvisionKind::Definitions)).count();
        prop_assert_eq!(found, articles);
        prop_assert_eq!(provisions[0].kind, ProvisionKind::Title);
        prop_assert_eq!(provisions[1].kind, ProvisionKind::Preamble);
    }
}

#[test]
fn ascii_chars_that_survive_map_to_themselves() {
    let raw = "Article 1\r\n\r\nThe employ-\nment of   workers\u{200E} is\u{AD} free.";
    let normalized = normalize(raw);
    assert_eq!(
        normalized.text,
        "Article 1\n\nThe employment of workers is free."
    );
    let raw_chars: Vec<char> = raw.chars().collect();
    for (n, c) in normalized.text.chars().enumerate() {
        if !c.is_whitespace() {
            assert_eq!(raw_chars[normalized.offsets.to_raw(n)], c, "char {n}");
        }
    }
}
