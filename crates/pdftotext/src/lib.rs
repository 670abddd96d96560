//! A PDF [`Extractor`] that runs poppler's `pdftotext -enc UTF-8 - -` (Debian: `poppler-utils`).
//!
//! Outside `blma-documents` because it does process IO. Its page texts go through the same
//! [`assemble_pages`] as the built-in reader, so both give the same shape of text and errors.

use std::io::{Read, Write};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use blma_documents::formats::pdf::assemble_pages;
use blma_documents::formats::{Extractor, Limits, RawText};
use blma_documents::{DocumentError, Format};

const TOOL: &str = "pdftotext";

/// Runs `pdftotext`, killing it after `timeout`.
#[derive(Debug, Clone)]
pub struct Pdftotext {
    pub program: String,
    pub timeout: Duration,
}

impl Default for Pdftotext {
    fn default() -> Pdftotext {
        Pdftotext {
            program: TOOL.to_owned(),
            timeout: Duration::from_secs(60),
        }
    }
}

impl Pdftotext {
    /// Whether the program can be run here.
    pub fn is_available(&self) -> bool {
        Command::new(&self.program)
            .arg("-v")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok()
    }

    fn run(&self, bytes: &[u8]) -> Result<Vec<u8>, DocumentError> {
        let failed = |detail: String| DocumentError::BackendFailed { tool: TOOL, detail };
        let mut child = Command::new(&self.program)
            .args(["-enc", "UTF-8", "-q", "-", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| failed(format!("cannot run `{}`: {e}", self.program)))?;
        // Write and read on threads so a large file cannot deadlock on full pipes.
        let mut stdin = child.stdin.take().expect("piped stdin");
        let input = bytes.to_vec();
        let writer = thread::spawn(move || {
            // pdftotext may exit before reading everything (a broken file): not our error.
            let _ = stdin.write_all(&input);
        });
        let mut stdout = child.stdout.take().expect("piped stdout");
        let reader = thread::spawn(move || {
            let mut out = Vec::new();
            stdout.read_to_end(&mut out).map(|_| out)
        });
        let mut stderr = child.stderr.take().expect("piped stderr");
        let errors = thread::spawn(move || {
            let mut out = String::new();
            let _ = stderr.read_to_string(&mut out);
            out
        });
        let status = wait_with_timeout(&mut child, self.timeout)
            .map_err(|e| failed(format!("waiting for it failed: {e}")))?;
        let _ = writer.join();
        let stderr = errors.join().unwrap_or_default();
        let Some(status) = status else {
            return Err(failed(format!(
                "it took longer than {:?} and was stopped",
                self.timeout
            )));
        };
        let output = reader
            .join()
            .map_err(|_| failed("reading its output failed".into()))?
            .map_err(|e| failed(format!("reading its output failed: {e}")))?;
        match status.code() {
            Some(0) => Ok(output),
            // Exit 1 is "error opening a PDF file" (damaged, or locked by a password), 3 a
            // permissions error and 99 any other error reading it: the file's fault, not the tool's.
            _ if stderr.to_ascii_lowercase().contains("password") => {
                Err(DocumentError::EncryptedPdf)
            }
            Some(code @ (1 | 3 | 99)) => Err(DocumentError::Corrupt {
                format: "PDF",
                detail: match stderr.trim() {
                    "" => format!("pdftotext exit status {code}"),
                    message => message.to_owned(),
                },
            }),
            _ => Err(failed(format!(
                "it exited with {status}: {}",
                stderr.trim()
            ))),
        }
    }
}

fn wait_with_timeout(
    child: &mut Child,
    timeout: Duration,
) -> std::io::Result<Option<std::process::ExitStatus>> {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        if started.elapsed() > timeout {
            child.kill()?;
            child.wait()?;
            return Ok(None);
        }
        thread::sleep(Duration::from_millis(5));
    }
}

impl Extractor for Pdftotext {
    fn format(&self) -> Format {
        Format::Pdf
    }

    fn extract(&self, bytes: &[u8], limits: &Limits) -> Result<RawText, DocumentError> {
        if bytes.is_empty() {
            return Err(DocumentError::Empty);
        }
        if bytes.len() > limits.max_input_bytes {
            return Err(DocumentError::TooLarge {
                size: bytes.len(),
                limit: limits.max_input_bytes,
            });
        }
        let output = self.run(bytes)?;
        let text = String::from_utf8_lossy(&output);
        // pdftotext ends every page, the last included, with a form feed.
        let text = text.strip_suffix('\x0c').unwrap_or(&text);
        let pages = text.split('\x0c').map(str::to_owned).collect();
        assemble_pages(pages, None, Vec::new())
    }
}
