//! Reads an agreement — PDF with a text layer, DOCX, HTML or plain text in English, French or
//! Spanish — into one normalized [`Document`]: clean text, its language, its metadata and a tree
//! of provisions whose offsets (Unicode scalar values into [`Document::text`]) every finding,
//! highlight and stored assessment points to.
//!
//! Pure: bytes in, document out. No file or process IO (the optional `pdftotext` backend is an
//! adapter outside this crate, behind the [`Extractor`] trait).

mod error;
pub mod formats;
pub mod language;
mod metadata;
mod model;
pub mod normalize;
mod numerals;
mod offsets;
mod pipeline;
pub mod segment;

pub use error::DocumentError;
pub use model::*;
pub use offsets::OffsetMap;
pub use pipeline::{from_raw, read, read_with_pdf_reader};
