//! Inputs to documents: expands paths (files, directories, globs, `-` for stdin) into a
//! sorted list, reads each within the size limit, and runs the pipeline over them in
//! parallel while keeping the output in input order.

use crate::error::{Error, ErrorKind};
use crate::pipeline::{self, Options};
use crate::record::{ErrorRecord, Record};
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
            extensions: ["txt", "md", "markdown", "html", "htm", "text"]
                .iter()
                .map(|s| s.to_string())
                .collect(),
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
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(options.follow_links)
        .sort_by_file_name();
    let iter = walker
        .into_iter()
        .filter_entry(|e| options.hidden || e.depth() == 0 || !is_hidden(e.file_name()));
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
                let message = if e.loop_ancestor().is_some() {
                    "symbolic link loop".to_string()
                } else {
                    e.to_string()
                };
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
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    options.extensions.contains(&ext)
}

/// Reads an input, refusing files over `max_bytes` before reading them.
pub fn read_input(input: &Input, max_bytes: u64) -> Result<Vec<u8>, Error> {
    let io = |e: std::io::Error| Error::new(ErrorKind::Io, e.to_string());
    match input {
        Input::Unreachable(_, error) => Err(error.clone()),
        Input::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .take(max_bytes.saturating_add(1))
                .read_to_end(&mut bytes)
                .map_err(io)?;
            if bytes.len() as u64 > max_bytes {
                return Err(Error::new(
                    ErrorKind::TooLarge,
                    format!("larger than the limit of {max_bytes} bytes"),
                ));
            }
            Ok(bytes)
        }
        Input::File(path) => {
            let file = std::fs::File::open(path).map_err(io)?;
            let size = file.metadata().map_err(io)?.len();
            if size > max_bytes {
                return Err(Error::new(
                    ErrorKind::TooLarge,
                    format!("{size} bytes, over the limit of {max_bytes} bytes (--max-file-size)"),
                ));
            }
            let mut bytes = Vec::with_capacity(size as usize);
            file.take(max_bytes.saturating_add(1))
                .read_to_end(&mut bytes)
                .map_err(io)?;
            if bytes.len() as u64 > max_bytes {
                return Err(Error::new(
                    ErrorKind::TooLarge,
                    format!("grew over the limit of {max_bytes} bytes while read"),
                ));
            }
            Ok(bytes)
        }
    }
}

/// The result for one input, in the shape written to the output.
#[derive(Debug, serde::Serialize, schemars::JsonSchema)]
#[serde(untagged)]
#[schemars(
    title = "clu-minutes/1",
    description = "One output object of `clu extract`: the record of a document, or why it yielded none."
)]
pub enum Outcome {
    Record(Box<Record>),
    Error(ErrorRecord),
}

impl Outcome {
    pub fn is_error(&self) -> bool {
        matches!(self, Outcome::Error(_))
    }
}

/// Reads and extracts one input. A panic anywhere in it (a bug) becomes an `internal` error
/// record, so that every input yields a line and one document cannot end a corpus run.
/// Unwind safety: nothing shared is mutated while an input is processed, and the record
/// under construction is dropped with the panic.
pub fn process(input: &Input, options: &Options, max_bytes: u64) -> Outcome {
    let label = input.label();
    let result = std::panic::catch_unwind(|| {
        read_input(input, max_bytes).and_then(|bytes| pipeline::extract(&label, &bytes, options))
    })
    .unwrap_or_else(|payload| {
        Err(Error::new(
            ErrorKind::Internal,
            format!(
                "internal error (panic: {}); please report it with this file",
                panic_message(&*payload)
            ),
        ))
    });
    match result {
        Ok(record) => Outcome::Record(Box::new(record)),
        Err(error) => Outcome::Error(ErrorRecord::new(&label, &error)),
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown cause".to_string())
}

/// Runs `work` over the inputs on `jobs` threads of a rayon pool (on the calling thread
/// alone for one job or one input) and hands each result to `sink` on the calling thread in
/// input order, as soon as it and all before it are done.
/// Workers stay at most `window` inputs ahead of the sink, so memory holds about `window`
/// results whatever the number of inputs. `sink` returns false to stop: no new input is
/// started, and work under way is discarded. A panic in `work` stops the run and is
/// raised again here.
pub fn run_ordered<T: Send>(
    inputs: &[Input],
    jobs: usize,
    window: usize,
    work: impl Fn(&Input) -> T + Sync,
    mut sink: impl FnMut(&Input, T) -> bool,
) -> Result<(), String> {
    use std::collections::BTreeMap;
    use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{mpsc, Condvar, Mutex};

    /// What workers wait on: how many results the sink has taken, and whether to stop.
    /// Both change under the lock, so that no worker misses the wake-up.
    struct Progress {
        emitted: usize,
        stop: bool,
    }

    let jobs = jobs.max(1);
    if jobs == 1 || inputs.len() <= 1 {
        // Spawning a pool and its threads' allocator heaps was a tenth of the start-up on
        // one small file.
        for input in inputs {
            if !sink(input, work(input)) {
                break;
            }
        }
        return Ok(());
    }
    let window = window.max(jobs);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| e.to_string())?;
    let next = AtomicUsize::new(0);
    let progress = (
        Mutex::new(Progress {
            emitted: 0,
            stop: false,
        }),
        Condvar::new(),
    );
    let panicked = Mutex::new(None);
    let lock = || progress.0.lock().unwrap_or_else(|e| e.into_inner());
    let stop = || {
        lock().stop = true;
        progress.1.notify_all();
    };
    let (tx, rx) = mpsc::channel::<(usize, T)>();
    pool.in_place_scope(|scope| {
        for _ in 0..jobs {
            let tx = tx.clone();
            let (next, progress, panicked, work, lock, stop) =
                (&next, &progress, &panicked, &work, &lock, &stop);
            scope.spawn(move |_| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= inputs.len() {
                    return;
                }
                let mut state = lock();
                while i >= state.emitted + window && !state.stop {
                    state = progress.1.wait(state).unwrap_or_else(|e| e.into_inner());
                }
                if state.stop {
                    return;
                }
                drop(state);
                match catch_unwind(AssertUnwindSafe(|| work(&inputs[i]))) {
                    Ok(result) => {
                        if tx.send((i, result)).is_err() {
                            return;
                        }
                    }
                    Err(payload) => {
                        panicked
                            .lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .get_or_insert(payload);
                        stop();
                        return;
                    }
                }
            });
        }
        drop(tx);
        let mut pending = BTreeMap::new();
        let mut expected = 0usize;
        'receive: for (i, result) in rx.iter() {
            pending.insert(i, result);
            while let Some(result) = pending.remove(&expected) {
                let more = sink(&inputs[expected], result);
                expected += 1;
                lock().emitted = expected;
                progress.1.notify_all();
                if !more {
                    stop();
                    break 'receive;
                }
            }
        }
    });
    if let Some(payload) = panicked.into_inner().unwrap_or_else(|e| e.into_inner()) {
        resume_unwind(payload);
    }
    Ok(())
}

/// Runs the pipeline over the inputs on all cores, handing outcomes to `sink` in input
/// order (see [`run_ordered`]). `sink` returns false to stop.
pub fn run(
    inputs: &[Input],
    options: &Options,
    max_bytes: u64,
    sink: impl FnMut(&Input, Outcome) -> bool,
) {
    let jobs = std::thread::available_parallelism().map_or(1, |n| n.get());
    // Building a pool fails only when threads cannot be spawned at all; nothing is run then.
    let _ = run_ordered(
        inputs,
        jobs,
        4 * jobs,
        |input| process(input, options, max_bytes),
        sink,
    );
}

/// Whether a path names output of `clu extract` (JSON Lines, or a JSON array) rather than
/// minutes: by its extension, or `-` for standard input.
pub fn is_extracted_json(path: &str) -> bool {
    let ext = Path::new(path)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase());
    path == "-" || matches!(ext.as_deref(), Some("jsonl" | "ndjson" | "json"))
}

/// Reads records written by `clu extract`, one JSON value at a time: JSON Lines, or one
/// array (or object) when the whole input is a single JSON document.
pub fn read_extracted(
    path: &str,
    mut each: impl FnMut(serde_json::Value) -> Result<(), String>,
) -> Result<(), String> {
    use std::io::BufRead;
    let reader: Box<dyn BufRead> = if path == "-" {
        Box::new(std::io::BufReader::new(std::io::stdin()))
    } else {
        Box::new(std::io::BufReader::new(
            std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?,
        ))
    };
    let mut lines = reader.lines().enumerate().peekable();
    // A JSON array (`--format json`) or a pretty object spans lines: read it whole.
    let whole = matches!(lines.peek(), Some((_, Ok(l))) if l.trim_start().starts_with('[') || l.trim_end() == "{");
    if whole {
        let mut text = String::new();
        for (_, line) in lines {
            text.push_str(&line.map_err(|e| format!("{path}: {e}"))?);
            text.push('\n');
        }
        return match serde_json::from_str(&text).map_err(|e| format!("{path}: not JSON: {e}"))? {
            serde_json::Value::Array(items) => items.into_iter().try_for_each(each),
            value => each(value),
        };
    }
    for (n, line) in lines {
        let line = line.map_err(|e| format!("{path}: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        each(
            serde_json::from_str(&line)
                .map_err(|e| format!("{path}:{}: not a JSON line: {e}", n + 1))?,
        )?;
    }
    Ok(())
}

/// The paths of every complete line of a JSON Lines file written by `clu extract`
/// (records and error records alike), for `--skip-existing`. A missing file holds none.
pub fn extracted_paths(path: &Path) -> Result<std::collections::HashSet<String>, String> {
    use std::io::BufRead;
    #[derive(serde::Deserialize)]
    struct Line {
        source: LineSource,
    }
    #[derive(serde::Deserialize)]
    struct LineSource {
        path: String,
    }
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Default::default()),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let mut done = std::collections::HashSet::new();
    for line in std::io::BufReader::new(file).lines() {
        let line = line.map_err(|e| format!("{}: {e}", path.display()))?;
        // The last line of an interrupted run may be cut short: it does not count.
        if let Ok(parsed) = serde_json::from_str::<Line>(&line) {
            done.insert(parsed.source.path);
        }
    }
    Ok(done)
}

/// A deterministic share of a corpus: shard `index` of `count` (1-based) holds the inputs
/// whose path hashes to it, so that shards stay the same when other files come and go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

impl std::str::FromStr for Shard {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let (i, n) = s.split_once('/').ok_or("expected I/N, e.g. 1/4")?;
        let (index, count): (u64, u64) = (
            i.trim().parse().map_err(|_| "I is not a number")?,
            n.trim().parse().map_err(|_| "N is not a number")?,
        );
        if count == 0 || index == 0 || index > count {
            return Err(format!("shard {index}/{count}: expected 1 ≤ I ≤ N"));
        }
        Ok(Shard { index, count })
    }
}

impl Shard {
    pub fn holds(&self, input: &Input) -> bool {
        // FNV-1a: stable across platforms and releases, unlike std's hasher.
        let hash = input
            .label()
            .bytes()
            .fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
            });
        hash % self.count == self.index - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs(n: usize) -> Vec<Input> {
        (0..n)
            .map(|i| Input::File(PathBuf::from(format!("{i:04}"))))
            .collect()
    }

    #[test]
    fn results_come_in_input_order_whatever_the_finishing_order() {
        let inputs = inputs(200);
        let mut seen = Vec::new();
        let work = |input: &Input| {
            // Later inputs finish first, often.
            let n: u64 = input.label().parse().unwrap();
            std::thread::sleep(std::time::Duration::from_micros((200 - n) % 7 * 50));
            n
        };
        run_ordered(&inputs, 4, 8, work, |_, n| {
            seen.push(n);
            true
        })
        .unwrap();
        assert_eq!(seen, (0..200).collect::<Vec<u64>>());
    }

    #[test]
    fn one_job_or_one_input_runs_on_the_calling_thread_in_order() {
        let caller = std::thread::current().id();
        for (count, jobs) in [(1, 4), (5, 1)] {
            let mut seen = Vec::new();
            run_ordered(
                &inputs(count),
                jobs,
                8,
                |input| (std::thread::current().id(), input.label()),
                |_, result| {
                    seen.push(result);
                    true
                },
            )
            .unwrap();
            let expected: Vec<_> = (0..count).map(|i| (caller, format!("{i:04}"))).collect();
            assert_eq!(seen, expected);
        }
        let mut taken = 0;
        run_ordered(
            &inputs(5),
            1,
            8,
            |_| (),
            |_, ()| {
                taken += 1;
                taken < 2
            },
        )
        .unwrap();
        assert_eq!(taken, 2, "the sink stops the run");
    }

    #[test]
    fn the_sink_stops_the_run() {
        let inputs = inputs(500);
        let started = std::sync::atomic::AtomicUsize::new(0);
        let mut taken = 0;
        run_ordered(
            &inputs,
            3,
            6,
            |_| started.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            |_, _| {
                taken += 1;
                taken < 10
            },
        )
        .unwrap();
        assert_eq!(taken, 10);
        assert!(
            started.into_inner() <= 10 + 6 + 3,
            "workers stay within the window"
        );
    }

    #[test]
    fn a_panic_in_work_ends_the_run_and_is_raised() {
        let inputs = inputs(100);
        let result = std::panic::catch_unwind(|| {
            run_ordered(
                &inputs,
                2,
                4,
                |input| assert!(input.label() != "0005", "boom"),
                |_, ()| true,
            )
        });
        assert!(result.is_err());
    }

    #[test]
    fn shards_are_stable_and_cover_everything_once() {
        let inputs = inputs(1000);
        let shards: Vec<Shard> = (1..=4).map(|i| format!("{i}/4").parse().unwrap()).collect();
        for input in &inputs {
            assert_eq!(shards.iter().filter(|s| s.holds(input)).count(), 1);
        }
        let sizes: Vec<usize> = shards
            .iter()
            .map(|s| inputs.iter().filter(|i| s.holds(i)).count())
            .collect();
        assert!(sizes.iter().all(|&n| (200..300).contains(&n)), "{sizes:?}");
        assert!(
            "0/4".parse::<Shard>().is_err()
                && "5/4".parse::<Shard>().is_err()
                && "1/0".parse::<Shard>().is_err()
        );
    }
}
