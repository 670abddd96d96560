//! Any bytes through the html reader: it must return, never panic, abort or hang.
#![no_main]

use blma_documents::formats::{Extractor, Limits, html::HtmlReader};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    // Small limits so the fuzzer explores the limit paths as well.
    let limits = Limits {
        max_input_bytes: 1 << 20,
        max_expanded_bytes: 4 << 20,
        max_depth: 64,
    };
    let _ = HtmlReader.extract(bytes, &limits);
});
