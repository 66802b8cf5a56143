//! Why a document could not be extracted. Every failure names its kind, so that corpus
//! users can count and filter error records.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The file could not be read (missing, permissions, vanished during the run).
    Io,
    /// Binary content: NUL bytes or the signature of a known binary format.
    NotText,
    /// Nothing but whitespace.
    Empty,
    /// Larger than the configured limit.
    TooLarge,
    /// The encoding named with `--encoding` is unknown.
    Encoding,
    /// A bug: the extraction panicked. The run goes on with the next input.
    Internal,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Error {
    pub kind: ErrorKind,
    pub message: String,
}

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
        }
    }
}
