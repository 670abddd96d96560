//! The normalizer, segmenter and metadata reader on arbitrary text: no panic, and the
//! provisions always tile the text.

#![no_main]

use blma_documents::formats::RawText;
use blma_documents::segment::{check_tiling, segment};
use blma_documents::{Format, from_raw};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let provisions = segment(&text);
    if let Err(problem) = check_tiling(text.chars().count(), &provisions) {
        panic!("segment: {problem}");
    }
    let document = from_raw(
        RawText {
            text,
            ..RawText::default()
        },
        Format::Text,
    );
    if let Err(problem) = check_tiling(document.text.chars().count(), &document.provisions) {
        panic!("from_raw: {problem}");
    }
});
