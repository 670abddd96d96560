//! Index build time and query latency (`cargo bench -p blma-search`).
//!
//! `guidance_index`: a fresh index of the whole embedded guidance, committed — what the web
//! server does at start-up before adding the stored agreements. `agreements_index`: the seven
//! development agreements replicated 100 times (700 agreements, as many ids). `query`: one search
//! (first page of 10 hits with snippets) over the guidance and those 700 agreements.

#[path = "../tests/support/mod.rs"]
mod support;

use std::sync::OnceLock;

use blma_knowledge::KnowledgeBase;
use blma_search::{AgreementText, Query, Scope, SearchIndex};
use divan::counter::ItemsCount;
use divan::{Bencher, black_box};

/// Copies of each development agreement in the large index.
const COPIES: i64 = 100;

fn main() {
    divan::main();
}

fn add_agreements(index: &SearchIndex) -> usize {
    let mut provisions = 0;
    for copy in 0..COPIES {
        for a in support::agreements() {
            provisions += index
                .add_agreement(&AgreementText {
                    id: copy * 1_000 + a.id,
                    title: a.slug,
                    document: &a.document,
                })
                .unwrap();
        }
    }
    provisions
}

fn large_index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let index = SearchIndex::new().unwrap();
        index.add_guidance(KnowledgeBase::embedded()).unwrap();
        add_agreements(&index);
        index.commit().unwrap();
        index
    })
}

#[divan::bench(sample_count = 20)]
fn guidance_index(bencher: Bencher) {
    let elements = KnowledgeBase::index().elements().len();
    bencher.counter(ItemsCount::new(elements)).bench(|| {
        let index = SearchIndex::new().unwrap();
        index
            .add_guidance(black_box(KnowledgeBase::embedded()))
            .unwrap();
        index.commit().unwrap();
        index
    });
}

#[divan::bench(sample_count = 5)]
fn agreements_index(bencher: Bencher) {
    support::agreements();
    bencher.bench(|| {
        let index = SearchIndex::new().unwrap();
        let provisions = add_agreements(&index);
        index.commit().unwrap();
        (index, provisions)
    });
}

const QUERIES: [&str; 6] = [
    "recruitment fees",
    "\"not be employed\"",
    "frais de recrutement",
    "trabajadores temporada",
    "social security migrant workers equal treatment",
    "\"unbalanced AND OR",
];

#[divan::bench(args = QUERIES)]
fn query(bencher: Bencher, text: &str) {
    let index = large_index();
    let query = Query::new(text);
    bencher.bench(|| index.search(black_box(&query)).unwrap());
}

#[divan::bench(args = QUERIES)]
fn query_guidance_only(bencher: Bencher, text: &str) {
    let index = large_index();
    let query = Query::new(text).scope(Scope::Guidance);
    bencher.bench(|| index.search(black_box(&query)).unwrap());
}
