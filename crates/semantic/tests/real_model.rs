//! With the real all-MiniLM-L6-v2 (set `BLMA_SEMANTIC_MODEL` to its folder; skipped otherwise):
//! the embeddings are sentence-transformers', and candidates follow meaning.

use blma_documents::formats::Limits;
use blma_knowledge::KnowledgeBase;
use blma_semantic::{Matcher, Model, Options};

fn model() -> Option<Model> {
    match std::env::var_os("BLMA_SEMANTIC_MODEL") {
        Some(folder) => Some(Model::load(folder.as_ref()).unwrap()),
        None => {
            println!("skipped: set BLMA_SEMANTIC_MODEL to an all-MiniLM-L6-v2 folder to run it");
            None
        }
    }
}

fn cosine(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

#[test]
fn similarities_are_those_sentence_transformers_prints() {
    let Some(model) = model() else { return };
    // The similarity matrix of sentence-transformers' quickstart for all-MiniLM-L6-v2.
    let v = model
        .embed(&[
            "The weather is lovely today.",
            "It's so sunny outside!",
            "He drove to the stadium.",
        ])
        .unwrap();
    assert_eq!(v[0].len(), 384);
    for (a, b, expected) in [(0, 1, 0.6660), (0, 2, 0.1046), (1, 2, 0.1411)] {
        let got = cosine(&v[a], &v[b]);
        assert!(
            (got - expected).abs() < 0.005,
            "{a}-{b}: {got} vs {expected}"
        );
    }
}

#[test]
fn a_provision_on_recruitment_fees_ranks_above_one_on_social_security() {
    let Some(model) = model() else { return };
    let text = "AGREEMENT ON THE EMPLOYMENT OF WORKERS\n\n\
        Article 1\n\nThe workers shall be insured under the social security scheme of the \
        receiving country and shall receive old-age and invalidity pensions under the same \
        conditions as its nationals.\n\n\
        Article 2\n\nThe recruitment agencies shall not charge the workers any fee for their \
        placement; the employer shall pay the cost of recruitment.\n";
    let document = blma_documents::read(text.as_bytes(), None, &Limits::default()).unwrap();
    let all = Options {
        top_k: 2,
        threshold: -1.0,
    };
    let matcher = Matcher::new(model, KnowledgeBase::embedded(), all).unwrap();
    let proposed = matcher.propose(&document).unwrap();
    let first = |id: &str| {
        let (_, candidates) = proposed.iter().find(|(item, _)| item == id).unwrap();
        println!("{id}: {candidates:#?}");
        candidates[0].provision.clone()
    };
    assert_eq!(first("no_worker_fees"), "Article 2");
    assert_eq!(first("social_security"), "Article 1");
}
