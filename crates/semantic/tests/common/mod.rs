//! A tiny BERT sentence model made at test time: a WordPiece tokenizer over the words of the
//! rubric, and deterministic pseudo-random weights, written as the three files a real model
//! folder holds.

#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use blma_knowledge::KnowledgeBase;
use candle_core::{DType, Device, Tensor};
use candle_nn::{VarBuilder, VarMap};
use candle_transformers::models::bert::{BertModel, Config};
use tokenizers::Tokenizer;
use tokenizers::models::wordpiece::WordPiece;
use tokenizers::normalizers::bert::BertNormalizer;
use tokenizers::pre_tokenizers::bert::BertPreTokenizer;
use tokenizers::processors::bert::BertProcessing;

pub const HIDDEN: usize = 32;
pub const VOCAB: usize = 200;
pub const SPECIAL: [&str; 5] = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"];

pub fn config_json(hidden: usize, heads: usize) -> String {
    format!(
        r#"{{
  "architectures": ["BertModel"],
  "attention_probs_dropout_prob": 0.1,
  "hidden_act": "gelu",
  "hidden_dropout_prob": 0.1,
  "hidden_size": {hidden},
  "initializer_range": 0.02,
  "intermediate_size": {intermediate},
  "layer_norm_eps": 1e-12,
  "max_position_embeddings": 128,
  "model_type": "bert",
  "num_attention_heads": {heads},
  "num_hidden_layers": 2,
  "pad_token_id": 0,
  "position_embedding_type": "absolute",
  "type_vocab_size": 2,
  "vocab_size": {VOCAB}
}}"#,
        intermediate = hidden * 2
    )
}

/// The first words of the rubric's item texts, lower-cased: a vocabulary in which rubric and
/// agreement text are mostly known words.
pub fn vocabulary() -> Vec<String> {
    let mut words = BTreeSet::new();
    for item in &KnowledgeBase::embedded().rubric.items {
        for text in [&item.title, &item.provides] {
            for word in text.split(|c: char| !c.is_alphanumeric()) {
                if word.len() > 1 {
                    words.insert(word.to_lowercase());
                }
            }
        }
    }
    let mut vocab: Vec<String> = SPECIAL.iter().map(|s| (*s).to_owned()).collect();
    vocab.extend(words.into_iter().take(VOCAB - SPECIAL.len()));
    vocab
}

/// A BERT WordPiece tokenizer over [`vocabulary`], its vocabulary written to `vocab.txt` in `dir`
/// (as real model folders have it).
fn tokenizer(dir: &Path) -> Tokenizer {
    let vocab_file = dir.join("vocab.txt");
    std::fs::write(&vocab_file, vocabulary().join("\n") + "\n").unwrap();
    let model = WordPiece::from_file(&vocab_file.display().to_string())
        .unk_token("[UNK]".into())
        .build()
        .unwrap();
    let mut tokenizer = Tokenizer::new(model);
    tokenizer.with_normalizer(Some(BertNormalizer::default()));
    tokenizer.with_pre_tokenizer(Some(BertPreTokenizer));
    tokenizer.with_post_processor(Some(BertProcessing::new(
        ("[SEP]".into(), 3),
        ("[CLS]".into(), 2),
    )));
    tokenizer
}

/// Deterministic values in [-scale, scale) (a linear congruential generator seeded by `seed`).
fn pseudo_random(len: usize, seed: u64, scale: f32) -> Vec<f32> {
    let mut state = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    (0..len)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let unit = (state >> 40) as f32 / (1u64 << 24) as f32;
            (unit * 2.0 - 1.0) * scale
        })
        .collect()
}

/// Writes weights for `config` into `path`: every tensor BERT needs, with layer norms left at
/// their identity and everything else pseudo-random.
pub fn write_weights(config: &Config, path: &Path) {
    let varmap = VarMap::new();
    let vb = VarBuilder::from_varmap(&varmap, DType::F32, &Device::Cpu);
    BertModel::load(vb, config).unwrap();
    let data = varmap.data().lock().unwrap();
    let mut names: Vec<&String> = data.keys().collect();
    names.sort();
    for (seed, name) in names.into_iter().enumerate() {
        if name.contains("LayerNorm") {
            continue;
        }
        let var = &data[name];
        let shape = var.shape().clone();
        // Strong word embeddings and a weak encoder: the model stays close to a bag of words,
        // so texts that share words are close, as with a trained model.
        let scale = if name.contains("word_embeddings") {
            1.0
        } else {
            0.05
        };
        let values = pseudo_random(shape.elem_count(), seed as u64 + 1, scale);
        var.set(&Tensor::from_vec(values, shape, &Device::Cpu).unwrap())
            .unwrap();
    }
    drop(data);
    varmap.save(path).unwrap();
}

/// A complete tiny model folder in a fresh temporary directory.
pub struct TinyModel {
    pub dir: tempfile::TempDir,
}

impl TinyModel {
    pub fn new() -> TinyModel {
        let dir = tempfile::tempdir().unwrap();
        let config_text = config_json(HIDDEN, 2);
        std::fs::write(dir.path().join("config.json"), &config_text).unwrap();
        tokenizer(dir.path())
            .save(dir.path().join("tokenizer.json"), false)
            .unwrap();
        let config: Config = serde_json::from_str(&config_text).unwrap();
        write_weights(&config, &dir.path().join("model.safetensors"));
        TinyModel { dir }
    }

    pub fn path(&self) -> PathBuf {
        self.dir.path().to_owned()
    }
}

/// The dot product of two vectors: their cosine when both have length 1.
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}
