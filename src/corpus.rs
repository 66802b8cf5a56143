//! Inputs to documents: expands paths (files, directories, globs, `-` for stdin) into a
//! sorted list, reads each within the size limit, and runs the pipeline over them in
//! parallel while keeping the output in input order.

use crate::error::{Error, ErrorKind};
use crate::pipeline::{self, Options};
use crate::record::{ErrorRecord, Record};
use rayon::prelude::*;
use std::io::Read;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct Discovery {
    pub hidden: bool,
    pub follow_links: bool,
    /// Lowercase extensions without the dot; empty means all files.
    pub extensions: Vec<String>,
}

impl Default for Discovery {
    fn default() -> Self {
        Discovery {
            hidden: false,
            follow_links: false,
            extensions: ["txt", "md", "markdown", "html", "htm", "text"].iter().map(|s| s.to_string()).collect(),
        }
    }
}

/// One input: a file path, standard input, or a path discovery could not reach (a missing
/// file, an unreadable directory, a link loop), kept so that it yields an error record
/// in its place instead of vanishing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
    Unreachable(PathBuf, Error),
}

impl Input {
    pub fn label(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(p) | Input::Unreachable(p, _) => p.to_string_lossy().into_owned(),
        }
    }

    fn sort_key(&self) -> Option<&Path> {
        match self {
            Input::Stdin => None,
            Input::File(p) | Input::Unreachable(p, _) => Some(p),
        }
    }
}

fn unreachable(path: impl Into<PathBuf>, message: impl Into<String>) -> Input {
    Input::Unreachable(path.into(), Error::new(ErrorKind::Io, message))
}

/// Expands the command-line paths. Files named explicitly are kept whatever their
/// extension; files found in directories are filtered.
pub fn discover(paths: &[String], options: &Discovery) -> Vec<Input> {
    let mut inputs = Vec::new();
    for given in paths {
        if given == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let path = Path::new(given);
        if path.is_dir() {
            walk(path, options, &mut inputs);
        } else if path.exists() {
            inputs.push(Input::File(path.to_path_buf()));
        } else if given.contains(['*', '?', '[']) {
            match glob::glob(given) {
                Ok(matches) => {
                    let before = inputs.len();
                    for entry in matches {
                        match entry {
                            Ok(p) if p.is_dir() => walk(&p, options, &mut inputs),
                            Ok(p) => inputs.push(Input::File(p)),
                            Err(e) => inputs.push(unreachable(e.path(), e.error().to_string())),
                        }
                    }
                    if inputs.len() == before {
                        inputs.push(unreachable(given, "no file matches this pattern"));
                    }
                }
                Err(e) => inputs.push(unreachable(given, format!("bad pattern: {e}"))),
            }
        } else {
            inputs.push(unreachable(given, "no such file or directory"));
        }
    }
    inputs.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    inputs.dedup_by(|a, b| a.sort_key().is_some() && a.sort_key() == b.sort_key());
    inputs
}

fn walk(dir: &Path, options: &Discovery, inputs: &mut Vec<Input>) {
    let walker = walkdir::WalkDir::new(dir).follow_links(options.follow_links).sort_by_file_name();
    let iter = walker.into_iter().filter_entry(|e| options.hidden || e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in iter {
        match entry {
            Ok(e) if e.file_type().is_file() || (options.follow_links && e.path().is_file()) => {
                if wanted(e.path(), options) {
                    inputs.push(Input::File(e.into_path()));
                }
            }
            Ok(_) => {}
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_path_buf();
                let message = if e.loop_ancestor().is_some() { "symbolic link loop".to_string() } else { e.to_string() };
                inputs.push(unreachable(path, message));
            }
        }
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

fn wanted(path: &Path, options: &Discovery) -> bool {
    if options.extensions.is_empty() {
        return true;
    }
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    options.extensions.iter().any(|x| *x == ext)
}

/// Reads an input, refusing files over `max_bytes` before reading them.
pub fn read_input(input: &Input, max_bytes: u64) -> Result<Vec<u8>, Error> {
    let io = |e: std::io::Error| Error::new(ErrorKind::Io, e.to_string());
    match input {
        Input::Unreachable(_, error) => Err(error.clone()),
        Input::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin().lock().take(max_bytes.saturating_add(1)).read_to_end(&mut bytes).map_err(io)?;
            if bytes.len() as u64 > max_bytes {
                return Err(Error::new(ErrorKind::TooLarge, format!("larger than the limit of {max_bytes} bytes")));
            }
            Ok(bytes)
        }
        Input::File(path) => {
            let file = std::fs::File::open(path).map_err(io)?;
            let size = file.metadata().map_err(io)?.len();
            if size > max_bytes {
                return Err(Error::new(ErrorKind::TooLarge, format!("{size} bytes, over the limit of {max_bytes} bytes (--max-file-size)")));
            }
            let mut bytes = Vec::with_capacity(size as usize);
            file.take(max_bytes.saturating_add(1)).read_to_end(&mut bytes).map_err(io)?;
            if bytes.len() as u64 > max_bytes {
                return Err(Error::new(ErrorKind::TooLarge, format!("grew over the limit of {max_bytes} bytes while read")));
            }
            Ok(bytes)
        }
    }
}

/// The result for one input, in the shape written to the output.
#[derive(Debug, serde::Serialize)]
#[serde(untagged)]
pub enum Outcome {
    Record(Box<Record>),
    Error(ErrorRecord),
}

impl Outcome {
    pub fn is_error(&self) -> bool {
        matches!(self, Outcome::Error(_))
    }
}

pub fn process(input: &Input, options: &Options, max_bytes: u64) -> Outcome {
    let label = input.label();
    let result = read_input(input, max_bytes).and_then(|bytes| extract_guarded(&label, &bytes, options));
    match result {
        Ok(record) => Outcome::Record(Box::new(record)),
        Err(error) => Outcome::Error(ErrorRecord::new(&label, &error)),
    }
}

/// Extracts one document, turning a panic into an `internal` error so that one bad input
/// cannot end a corpus run. Unwind safety: nothing shared is mutated during extraction,
/// and the record under construction is dropped with the panic.
fn extract_guarded(label: &str, bytes: &[u8], options: &Options) -> Result<Record, Error> {
    std::panic::catch_unwind(|| pipeline::extract(label, bytes, options)).unwrap_or_else(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".to_string());
        Err(Error::new(ErrorKind::Internal, format!("internal error (panic: {what}); please report it with this file")))
    })
}

/// Runs the inputs in parallel, handing outcomes to `sink` in input order. Work goes in
/// batches so that memory holds a batch, not the corpus. `sink` returns false to stop.
pub fn run(inputs: &[Input], options: &Options, max_bytes: u64, mut sink: impl FnMut(&Input, Outcome) -> bool) {
    const BATCH: usize = 64;
    for batch in inputs.chunks(BATCH) {
        let outcomes: Vec<Outcome> = batch.par_iter().map(|input| process(input, options, max_bytes)).collect();
        for (input, outcome) in batch.iter().zip(outcomes) {
            if !sink(input, outcome) {
                return;
            }
        }
    }
}
