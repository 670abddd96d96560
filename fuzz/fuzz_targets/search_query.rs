//! Any query string through the search index (the guidance and two agreements): it must return
//! `Ok`, never an error, a panic, an abort or a hang, and never more hits than asked.

#![no_main]

use std::sync::OnceLock;

use blma_documents::formats::RawText;
use blma_documents::{Format, from_raw};
use blma_knowledge::KnowledgeBase;
use blma_search::{AgreementText, Query, Scope, SearchIndex};
use libfuzzer_sys::fuzz_target;

const AGREEMENTS: [(&str, &str); 2] = [
    (
        "fr-nl-labour-treaty-1948",
        include_str!("../../fixtures/eval-dev/fr-nl-labour-treaty-1948.txt"),
    ),
    (
        "ar-cl-labour-convention-1971",
        include_str!("../../fixtures/eval-dev/ar-cl-labour-convention-1971.txt"),
    ),
];

fn index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let index = SearchIndex::new().expect("index");
        index
            .add_guidance(KnowledgeBase::embedded())
            .expect("guidance");
        for (id, (title, text)) in (1..).zip(AGREEMENTS) {
            let raw = RawText {
                text: text.to_owned(),
                ..RawText::default()
            };
            let document = from_raw(raw, Format::Text);
            index
                .add_agreement(&AgreementText {
                    id,
                    title,
                    document: &document,
                })
                .expect("agreement");
        }
        index.commit().expect("commit");
        index
    })
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks the scope, filters and page; the rest is the query text.
    let (options, text) = data.split_first().unwrap_or((&0, &[]));
    let mut query = Query::new(String::from_utf8_lossy(text));
    query.scope = [Scope::All, Scope::Guidance, Scope::Agreements][usize::from(options % 3)];
    if options & 0x04 != 0 {
        query.language = Some(["en", "fr", "es", "und"][usize::from(options >> 6)].to_owned());
    }
    if options & 0x08 != 0 {
        query.agreement = Some(i64::from((options >> 4) & 0x03));
    }
    query.offset = usize::from(options >> 5);
    query.limit = usize::from(options & 0x13);
    match index().search(&query) {
        Ok(results) => assert!(results.hits.len() <= query.limit),
        Err(error) => panic!("search failed: {error}"),
    }
});
