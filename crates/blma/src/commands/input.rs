//! Reading agreement files for the commands that take them (`extract`, `assess`, `eval`): one
//! place for the file checks, the size limit and the choice of PDF backend.

use std::path::Path;

use anyhow::{Context as _, bail};
use blma_documents::formats::{Extractor, Limits, extractor_for};
use blma_documents::{Document, DocumentError, Format};
use blma_pdftotext::Pdftotext;
use clap::ValueEnum;

/// Which reader turns PDFs into text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum PdfBackend {
    /// The built-in pure-Rust reader.
    #[default]
    Builtin,
    /// poppler's `pdftotext` (Debian package poppler-utils), when installed.
    Pdftotext,
}

/// Options every command that reads agreements shares.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct InputArgs {
    /// The PDF reader to use.
    #[arg(long, value_enum, default_value_t = PdfBackend::Builtin)]
    pub pdf_backend: PdfBackend,
}

/// Reads and parses one agreement file, with messages that say what to do.
pub fn read_agreement(path: &Path, input: &InputArgs) -> anyhow::Result<Document> {
    let limits = Limits::default();
    let shown = path.display();
    let metadata = std::fs::metadata(path)
        .with_context(|| format!("cannot open {shown}; check the path and that you may read it"))?;
    if metadata.is_dir() {
        bail!("{shown} is a folder; give one agreement file");
    }
    let size = usize::try_from(metadata.len()).unwrap_or(usize::MAX);
    if size > limits.max_input_bytes {
        return Err(DocumentError::TooLarge {
            size,
            limit: limits.max_input_bytes,
        })
        .with_context(|| format!("cannot read {shown}"));
    }
    let bytes = std::fs::read(path)
        .with_context(|| format!("cannot read {shown}; check that you may read it"))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let pdftotext;
    let pdf_reader: &dyn Extractor = match input.pdf_backend {
        PdfBackend::Builtin => extractor_for(Format::Pdf),
        PdfBackend::Pdftotext => {
            pdftotext = Pdftotext::default();
            if !pdftotext.is_available() {
                bail!(
                    "`pdftotext` is not installed; install poppler-utils (apt-get install poppler-utils) or use --pdf-backend builtin"
                );
            }
            &pdftotext
        }
    };
    blma_documents::read_with_pdf_reader(&bytes, name.as_deref(), &limits, pdf_reader)
        .with_context(|| format!("cannot read {shown}"))
}
