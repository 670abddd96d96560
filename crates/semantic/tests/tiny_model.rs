//! The public API on a tiny random BERT written at test time: shapes, normalisation,
//! determinism, ranking, and that candidates never change a verdict.

mod common;

use std::path::Path;

use blma_assessment::{Assessment, Verdict};
use blma_documents::Document;
use blma_documents::formats::Limits;
use blma_knowledge::KnowledgeBase;
use blma_semantic::passages::passages;
use blma_semantic::{Matcher, Model, Options, item_text};
use common::{HIDDEN, TinyModel, dot};

fn read(text: &str) -> Document {
    blma_documents::read(text.as_bytes(), None, &Limits::default()).unwrap()
}

fn dev_document(slug: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/eval-dev")
        .join(format!("{slug}.txt"));
    read(&std::fs::read_to_string(path).unwrap())
}

const TEXTS: [&str; 3] = [
    "Workers pay no recruitment fees.",
    "The employer bears the costs of travel and the social security of workers and families.",
    "a",
];

#[test]
fn embeddings_have_the_model_dimension_and_unit_length() {
    let tiny = TinyModel::new();
    let model = Model::load(&tiny.path()).unwrap();
    assert_eq!(model.dimension(), HIDDEN);
    let vectors = model.embed(&TEXTS).unwrap();
    assert_eq!(vectors.len(), TEXTS.len());
    for v in &vectors {
        assert_eq!(v.len(), HIDDEN);
        let norm = dot(v, v).sqrt();
        assert!((norm - 1.0).abs() < 1e-4, "norm {norm}");
    }
    assert!(
        dot(&vectors[0], &vectors[1]) < 0.9999,
        "different texts get different embeddings"
    );
    assert!(model.embed(&[]).unwrap().is_empty());
}

#[test]
fn embeddings_are_deterministic_and_do_not_depend_on_the_batch() {
    let tiny = TinyModel::new();
    let model = Model::load(&tiny.path()).unwrap();
    let alone = model.embed(&TEXTS[..1]).unwrap();
    // In a batch the short text is padded to the longest one: the padding must not count.
    let batched = model.embed(&TEXTS).unwrap();
    let again = Model::load(&tiny.path()).unwrap().embed(&TEXTS).unwrap();
    assert_eq!(batched, again, "a reloaded model gives the same vectors");
    for (a, b) in alone[0].iter().zip(&batched[0]) {
        assert!((a - b).abs() < 1e-5, "{a} vs {b}");
    }
}

#[test]
fn a_long_text_is_cut_to_the_models_positions_instead_of_failing() {
    let tiny = TinyModel::new();
    let model = Model::load(&tiny.path()).unwrap();
    assert_eq!(
        model.max_tokens(),
        128,
        "no sentence_bert_config.json: the positions"
    );
    let long = "workers ".repeat(1000);
    let vectors = model.embed(&[long.as_str()]).unwrap();
    assert_eq!(vectors[0].len(), HIDDEN);
}

#[test]
fn identical_text_ranks_its_own_passage_first() {
    let tiny = TinyModel::new();
    let model = Model::load(&tiny.path()).unwrap();
    let document = dev_document("ph-kr-eps-2004");
    let passages = passages(&document);
    assert!(passages.len() > 5, "{} passages", passages.len());
    let texts: Vec<&str> = passages.iter().map(|p| p.context.as_str()).collect();
    let vectors = model.embed(&texts).unwrap();
    for (i, passage) in passages.iter().enumerate() {
        let query = &model.embed(&[passage.context.as_str()]).unwrap()[0];
        let best = (0..vectors.len())
            .max_by(|&a, &b| dot(query, &vectors[a]).total_cmp(&dot(query, &vectors[b])))
            .unwrap();
        assert_eq!(
            passages[best].context, passage.context,
            "passage {i} is closest to itself"
        );
    }
}

/// An agreement whose articles each restate one rubric item in the rubric's own words.
fn restating(items: &[&str]) -> Document {
    let kb = KnowledgeBase::embedded();
    let index = KnowledgeBase::index();
    let mut text = String::from("AGREEMENT ON THE EMPLOYMENT OF WORKERS\n\n");
    for (n, id) in items.iter().enumerate() {
        let item = kb.rubric.items.iter().find(|i| i.id == *id).unwrap();
        text.push_str(&format!(
            "Article {}\n\n{}\n\n",
            n + 1,
            item_text(item, index)
        ));
    }
    read(&text)
}

#[test]
fn an_article_restating_an_item_is_that_items_first_candidate() {
    let tiny = TinyModel::new();
    let model = Model::load(&tiny.path()).unwrap();
    let items = ["no_worker_fees", "social_security", "dispute_settlement"];
    let document = restating(&items);
    let all = Options {
        top_k: 3,
        threshold: -1.0,
    };
    let matcher = Matcher::new(model, KnowledgeBase::embedded(), all).unwrap();
    let proposed = matcher.propose(&document).unwrap();
    assert_eq!(proposed.len(), KnowledgeBase::embedded().rubric.items.len());
    for (n, id) in items.iter().enumerate() {
        let (_, candidates) = proposed.iter().find(|(item, _)| item == id).unwrap();
        assert_eq!(candidates.len(), 3);
        assert_eq!(
            candidates[0].provision,
            format!("Article {}", n + 1),
            "{id}: {candidates:#?}"
        );
        assert!(candidates.windows(2).all(|w| w[0].score >= w[1].score));
    }
}

#[test]
fn the_threshold_and_top_k_bound_the_candidates() {
    let tiny = TinyModel::new();
    let document = restating(&["no_worker_fees", "social_security"]);
    let kb = KnowledgeBase::embedded();
    let none = Options {
        top_k: 3,
        threshold: 1.01,
    };
    let matcher = Matcher::new(Model::load(&tiny.path()).unwrap(), kb, none).unwrap();
    let proposed = matcher.propose(&document).unwrap();
    assert!(proposed.iter().all(|(_, c)| c.is_empty()));
    let one = Options {
        top_k: 1,
        threshold: -1.0,
    };
    let matcher = Matcher::new(Model::load(&tiny.path()).unwrap(), kb, one).unwrap();
    let proposed = matcher.propose(&document).unwrap();
    assert!(proposed.iter().all(|(_, c)| c.len() == 1));
}

fn verdicts(a: &Assessment) -> Vec<(String, Verdict, f32, usize)> {
    a.findings
        .iter()
        .map(|f| (f.item.clone(), f.verdict, f.confidence, f.evidence.len()))
        .collect()
}

#[test]
fn annotating_adds_candidates_and_the_mode_and_changes_no_verdict() {
    let tiny = TinyModel::new();
    let document = dev_document("ilo-r86-model-agreement-1949");
    let lexical = blma_assessment::assess(&document).unwrap();
    let json = serde_json::to_string(&lexical).unwrap();
    assert!(!json.contains("candidates"), "lexical JSON is unchanged");
    assert_eq!(lexical.engine.mode, "lexical");

    let options = Options {
        top_k: 2,
        threshold: -1.0,
    };
    let matcher = Matcher::new(
        Model::load(&tiny.path()).unwrap(),
        KnowledgeBase::embedded(),
        options,
    )
    .unwrap();
    let mut annotated = lexical.clone();
    matcher.annotate(&mut annotated, &document).unwrap();

    assert_eq!(verdicts(&annotated), verdicts(&lexical));
    for (a, l) in annotated.findings.iter().zip(&lexical.findings) {
        assert_eq!(a.evidence, l.evidence);
        assert_eq!(a.candidates.len(), 2, "{}", a.item);
        for c in &a.candidates {
            let cited: String = document
                .text
                .chars()
                .skip(c.start)
                .take(c.end - c.start)
                .collect();
            assert_eq!(cited, c.text, "a candidate's text is its span");
            assert!(document.provisions.iter().any(|p| p.id == c.provision_id));
        }
    }
    let tmp_name = tiny.dir.path().file_name().unwrap().to_string_lossy();
    assert_eq!(
        annotated.engine.mode,
        format!("lexical+semantic:{tmp_name}")
    );
    let json = serde_json::to_value(&annotated).unwrap();
    assert!(json["findings"][0]["candidates"][0]["score"].is_number());
}
