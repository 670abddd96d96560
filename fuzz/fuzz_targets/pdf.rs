//! Any bytes through the PDF reader: it must return, never panic, abort or hang.
#![no_main]

use std::sync::Once;

use blma_documents::formats::{Extractor, Limits, pdf::PdfReader};
use libfuzzer_sys::fuzz_target;

static HOOK: Once = Once::new();

fuzz_target!(|bytes: &[u8]| {
    // pdf_oxide has known panics (string slicing on malformed fonts) that the reader catches
    // and reports as `ReaderFailed`; libFuzzer's hook would abort on them and stop the run.
    // Panics anywhere else still abort, so bugs in blma's own code are found.
    HOOK.call_once(|| {
        let fuzzer_hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !info
                .location()
                .is_some_and(|l| l.file().contains("/pdf_oxide-"))
            {
                fuzzer_hook(info);
            }
        }));
    });
    let limits = Limits {
        max_input_bytes: 1 << 20,
        max_expanded_bytes: 4 << 20,
        max_depth: 64,
    };
    let _ = PdfReader.extract(bytes, &limits);
});
