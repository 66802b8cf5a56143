//! `clu`: the command line over the `clu_minutes` library.

use clap::{Args, Parser, Subcommand, ValueEnum};
use clu_minutes::corpus::{self, Discovery, Input, Outcome, Shard};
use clu_minutes::pipeline::Options;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "clu",
    version,
    about = "Structured data from the minutes of French prefecture user committees (CLU/CLUAC)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract records from minutes: one JSON object for one file, JSON Lines for several.
    Extract(ExtractArgs),
    /// Print the OCR-repaired text of a file, or each change in context with --diff.
    Repair(RepairArgs),
    /// Write a self-contained HTML page showing each document's text beside its records.
    Report(ReportArgs),
    /// Write CSV tables (documents, participants, …) joined by a document id.
    Export(ExportArgs),
    /// Print a summary of a corpus: departments and years, committees, labels, organisations.
    Stats(StatsArgs),
    /// Print the JSON Schema of the `clu-minutes/1` output.
    Schema,
    /// Time each stage of the pipeline on one thread and report throughput.
    Bench(BenchArgs),
}

#[derive(Args)]
struct PipelineArgs {
    /// Skip the OCR repair stage.
    #[arg(long)]
    no_repair: bool,
    /// Decode inputs with this encoding (utf-8, windows-1252, iso-8859-1, utf-16le…) instead of detecting it.
    #[arg(long, value_name = "ENCODING")]
    encoding: Option<String>,
    /// Refuse files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 256 * 1024 * 1024)]
    max_file_size: u64,
}

impl PipelineArgs {
    fn options(&self) -> Options {
        Options {
            repair: !self.no_repair,
            encoding: self.encoding.clone(),
        }
    }
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum OutputFormat {
    /// One JSON object per line.
    Jsonl,
    /// One JSON array (or a single object for a single input).
    Json,
}

/// Which files to take from directories, and how many threads, for the commands that read minutes.
#[derive(Args)]
struct DiscoveryArgs {
    /// Extensions of files to take from directories (comma-separated).
    #[arg(
        long,
        value_name = "EXTS",
        value_delimiter = ',',
        default_value = "txt,md,markdown,html,htm,text"
    )]
    ext: Vec<String>,
    /// Include hidden files and directories.
    #[arg(long)]
    hidden: bool,
    /// Follow symbolic links in directories.
    #[arg(long)]
    follow_links: bool,
    /// Number of worker threads (default: all cores).
    #[arg(short = 'j', long, value_name = "N")]
    jobs: Option<usize>,
}

impl DiscoveryArgs {
    fn discovery(&self) -> Discovery {
        Discovery {
            hidden: self.hidden,
            follow_links: self.follow_links,
            extensions: self
                .ext
                .iter()
                .map(|e| e.trim().trim_start_matches('.').to_lowercase())
                .filter(|e| !e.is_empty())
                .collect(),
        }
    }

    /// Worker threads for `inputs` inputs. One input is read on the calling thread whatever
    /// the number, and the cores are not counted for it: counting them reads cgroup files.
    fn jobs(&self, inputs: usize) -> usize {
        if inputs <= 1 {
            return 1;
        }
        self.jobs
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
            .max(1)
    }
}

#[derive(Args)]
struct ExtractArgs {
    /// Files, directories or glob patterns; `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<String>,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<String>,
    /// Output format; default: a pretty object for one file, JSON Lines for several.
    #[arg(long, value_enum)]
    format: Option<OutputFormat>,
    #[command(flatten)]
    discovery: DiscoveryArgs,
    /// Stop at the first input that fails.
    #[arg(long)]
    fail_fast: bool,
    /// No progress bar and no summary on standard error.
    #[arg(short, long)]
    quiet: bool,
    /// Skip the inputs already in this JSON Lines file (by path). When it is also the
    /// --output file, new lines are appended to it as they are written, so that running
    /// the same command again continues an interrupted run.
    #[arg(long, value_name = "FILE")]
    skip_existing: Option<PathBuf>,
    /// Take only share I of N (1-based) of the inputs, chosen by a hash of their path.
    #[arg(long, value_name = "I/N")]
    shard: Option<Shard>,
    #[command(flatten)]
    pipeline: PipelineArgs,
}

#[derive(Args)]
struct ExportArgs {
    /// Minutes (files, directories, globs) to extract, or `.jsonl`/`.json` files written by
    /// `clu extract` (`-`: JSON Lines on standard input).
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<String>,
    /// Directory to write the tables into (created if missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    #[command(flatten)]
    discovery: DiscoveryArgs,
    /// No summary on standard error.
    #[arg(short, long)]
    quiet: bool,
    #[command(flatten)]
    pipeline: PipelineArgs,
}

#[derive(Args)]
struct StatsArgs {
    /// Minutes (files, directories, globs) to extract, or `.jsonl`/`.json` files written by
    /// `clu extract` (`-`: JSON Lines on standard input).
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<String>,
    /// How many organisations to list.
    #[arg(long, value_name = "N", default_value_t = 20)]
    top: usize,
    #[command(flatten)]
    discovery: DiscoveryArgs,
    #[command(flatten)]
    pipeline: PipelineArgs,
}

#[derive(Args)]
struct BenchArgs {
    /// Minutes (files, directories, globs) to time.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<String>,
    /// Time at most this many files (the first ones in path order).
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    #[command(flatten)]
    pipeline: PipelineArgs,
}

#[derive(Args)]
struct RepairArgs {
    /// The file to repair (`-` for standard input).
    path: String,
    /// Show each change in its context instead of the repaired text.
    #[arg(long)]
    diff: bool,
    /// Colour the diff: auto (on a terminal), always, never.
    #[arg(long, default_value = "auto", value_name = "WHEN")]
    color: String,
    #[command(flatten)]
    pipeline: PipelineArgs,
}

#[derive(Args)]
struct ReportArgs {
    /// Files, directories or glob patterns; `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<String>,
    /// Write the HTML page here (atomically).
    #[arg(short, long, value_name = "FILE")]
    output: String,
    #[command(flatten)]
    pipeline: PipelineArgs,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract(args),
        Command::Repair(args) => repair(args),
        Command::Report(args) => report(args),
        Command::Export(args) => export(args),
        Command::Stats(args) => stats(args),
        Command::Schema => {
            print!("{}", clu_minutes::schema::json_schema());
            Ok(ExitCode::SUCCESS)
        }
        Command::Bench(args) => bench(args),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("clu: {message}");
            ExitCode::from(2)
        }
    }
}

/// What a worker hands back for one input: the output bytes, ready to write, and the
/// numbers for the summary.
struct Done {
    text: Vec<u8>,
    error: Option<String>,
    bytes: usize,
    participants: usize,
}

fn extract(args: ExtractArgs) -> Result<ExitCode, String> {
    let mut inputs = corpus::discover(&args.paths, &args.discovery.discovery());
    let corpus_mode = args.skip_existing.is_some() || args.shard.is_some();
    let single = !corpus_mode
        && inputs.len() == 1
        && args.paths.len() == 1
        && !Path::new(&args.paths[0]).is_dir();
    let format = args.format.unwrap_or(if single {
        OutputFormat::Json
    } else {
        OutputFormat::Jsonl
    });
    if let Some(shard) = args.shard {
        inputs.retain(|input| shard.holds(input));
    }
    let appending = match (&args.skip_existing, &args.output) {
        (Some(done), Some(out)) => same_file(done, Path::new(out)),
        _ => false,
    };
    if appending && format == OutputFormat::Json {
        return Err(
            "--skip-existing appends JSON Lines to the output: --format json does not fit".into(),
        );
    }
    let mut skipped = 0;
    if let Some(done_file) = &args.skip_existing {
        let done = corpus::extracted_paths(done_file)?;
        let before = inputs.len();
        inputs.retain(|input| !done.contains(&input.label()));
        skipped = before - inputs.len();
    }
    let started = std::time::Instant::now();
    let mut out = if appending {
        Output::append(Path::new(args.output.as_deref().unwrap_or_default()))?
    } else {
        Output::open(args.output.as_deref())?
    };
    let bar = progress_bar(inputs.len(), args.quiet || single);

    let options = args.pipeline.options();
    let max_bytes = args.pipeline.max_file_size;
    let work = |input: &Input| -> Done {
        let outcome = corpus::process(input, &options, max_bytes);
        let (error, bytes, participants) = match &outcome {
            Outcome::Error(e) => (Some(e.error.message.clone()), 0, 0),
            Outcome::Record(r) => (None, r.source.bytes, r.participants.len()),
        };
        let text = if single && format == OutputFormat::Json {
            serde_json::to_vec_pretty(&outcome)
        } else {
            serde_json::to_vec(&outcome)
        };
        // Records hold only strings, numbers and finite floats: serialising cannot fail.
        Done {
            text: text.unwrap_or_default(),
            error,
            bytes,
            participants,
        }
    };
    let mut files = 0usize;
    let (mut written, mut documents, mut failures, mut participants, mut bytes) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    let mut sink_error: Option<String> = None;
    let jobs = args.discovery.jobs(inputs.len());
    corpus::run_ordered(&inputs, jobs, 4 * jobs, work, |input, done: Done| {
        bar.inc(1);
        files += 1;
        match &done.error {
            Some(message) => {
                bar.suspend(|| eprintln!("clu: {}: {message}", input.label()));
                failures += 1;
            }
            None => documents += 1,
        }
        participants += done.participants;
        bytes += done.bytes;
        let sep: &[u8] = match format {
            OutputFormat::Json if single => b"",
            OutputFormat::Json if written == 0 => b"[\n",
            OutputFormat::Json => b",\n",
            OutputFormat::Jsonl => b"",
        };
        let end: &[u8] = if format == OutputFormat::Jsonl || single {
            b"\n"
        } else {
            b""
        };
        written += 1;
        match out
            .write(sep)
            .and_then(|()| out.write(&done.text))
            .and_then(|()| out.write(end))
        {
            Ok(()) => !(args.fail_fast && done.error.is_some()),
            Err(e) => {
                sink_error = Some(e);
                false
            }
        }
    })?;
    bar.finish_and_clear();
    if let Some(e) = sink_error {
        return Err(e);
    }
    if format == OutputFormat::Json && !single {
        out.write(if written == 0 {
            b"[]\n" as &[u8]
        } else {
            b"\n]\n"
        })?;
    }
    out.commit()?;
    if !args.quiet && !single {
        let seconds = started.elapsed().as_secs_f64();
        let skipped = if skipped > 0 {
            format!(", {skipped} skipped")
        } else {
            String::new()
        };
        eprintln!(
            "clu: {files} file(s), {documents} document(s), {participants} participant(s), {failures} error(s){skipped} in {seconds:.2} s ({:.1} MB/s)",
            bytes as f64 / 1e6 / seconds.max(1e-9)
        );
    }
    Ok(if failures > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Files done out of the total, rate and ETA on a terminal; nothing otherwise.
fn progress_bar(total: usize, quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let style = ProgressStyle::with_template("{bar:40} {pos}/{len} files  {per_sec}  ETA {eta}")
        .expect("literal template")
        .progress_chars("=> ");
    ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr())
        .with_style(style)
}

fn same_file(a: &Path, b: &Path) -> bool {
    a == b
        || matches!((std::fs::canonicalize(a), std::fs::canonicalize(b)), (Ok(x), Ok(y)) if x == y)
}

/// Standard output; a temporary file renamed over the target when complete, so that an
/// interrupted run never leaves half a file; or, to resume, a file appended to line by line.
enum Output {
    Stdout(std::io::BufWriter<std::io::Stdout>),
    File {
        temp: std::io::BufWriter<tempfile::NamedTempFile>,
        target: std::path::PathBuf,
    },
    Append(std::io::BufWriter<std::fs::File>),
}

impl Output {
    fn open(path: Option<&str>) -> Result<Output, String> {
        match path {
            None | Some("-") => Ok(Output::Stdout(std::io::BufWriter::new(std::io::stdout()))),
            Some(p) => {
                let target = std::path::PathBuf::from(p);
                let dir = target
                    .parent()
                    .filter(|d| !d.as_os_str().is_empty())
                    .unwrap_or(Path::new("."));
                let temp = tempfile::NamedTempFile::new_in(dir)
                    .map_err(|e| format!("{p}: cannot write here: {e}"))?;
                Ok(Output::File {
                    temp: std::io::BufWriter::new(temp),
                    target,
                })
            }
        }
    }

    /// Opens `path` to append to, first cutting a last line left incomplete by an
    /// interrupted run (its input is not in the skip list, so it is done again).
    fn append(path: &Path) -> Result<Output, String> {
        let fail = |e: std::io::Error| format!("{}: {e}", path.display());
        let mut file = std::fs::OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(path)
            .map_err(fail)?;
        let mut end = file.metadata().map_err(fail)?.len();
        let mut chunk = vec![0u8; 64 * 1024];
        while end > 0 {
            let start = end.saturating_sub(chunk.len() as u64);
            let buf = &mut chunk[..(end - start) as usize];
            file.seek(std::io::SeekFrom::Start(start)).map_err(fail)?;
            file.read_exact(buf).map_err(fail)?;
            match buf.iter().rposition(|&b| b == b'\n') {
                Some(i) => {
                    end = start + i as u64 + 1;
                    break;
                }
                None => end = start,
            }
        }
        file.set_len(end).map_err(fail)?;
        Ok(Output::Append(std::io::BufWriter::new(file)))
    }

    fn write(&mut self, bytes: &[u8]) -> Result<(), String> {
        let result = match self {
            Output::Stdout(w) => w.write_all(bytes),
            Output::File { temp, .. } => temp.write_all(bytes),
            Output::Append(w) => w.write_all(bytes),
        };
        result.map_err(|e| format!("writing output: {e}"))
    }

    fn commit(self) -> Result<(), String> {
        match self {
            Output::Stdout(mut w) => w.flush().map_err(|e| e.to_string()),
            Output::Append(w) => {
                let file = w
                    .into_inner()
                    .map_err(|e| format!("writing output: {}", e.error()))?;
                file.sync_all().map_err(|e| e.to_string())
            }
            Output::File { temp, target } => {
                let temp = temp
                    .into_inner()
                    .map_err(|e| format!("writing output: {}", e.error()))?;
                temp.as_file().sync_all().map_err(|e| e.to_string())?;
                temp.persist(&target)
                    .map_err(|e| format!("{}: {}", target.display(), e.error))?;
                Ok(())
            }
        }
    }
}

fn report(args: ReportArgs) -> Result<ExitCode, String> {
    use clu_minutes::report::{self, Document};
    let inputs = corpus::discover(&args.paths, &Discovery::default());
    let documents = Document::collect(
        &inputs,
        &args.pipeline.options(),
        args.pipeline.max_file_size,
    );
    let mut failures = 0;
    for (document, error) in documents
        .iter()
        .filter_map(|d| d.result.as_ref().err().map(|e| (d, e)))
    {
        eprintln!("clu: {}: {}", document.path, error.message);
        failures += 1;
    }
    let mut out = Output::open(Some(&args.output))?;
    out.write(report::render(&documents).as_bytes())?;
    out.commit()?;
    Ok(if failures > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn repair(args: RepairArgs) -> Result<ExitCode, String> {
    let input = if args.path == "-" {
        Input::Stdin
    } else {
        Input::File(args.path.clone().into())
    };
    let bytes = match corpus::read_input(&input, args.pipeline.max_file_size) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("clu: {}: {}", args.path, e.message);
            return Ok(ExitCode::from(1));
        }
    };
    let mut options = args.pipeline.options();
    options.repair = true;
    let prepared = match clu_minutes::pipeline::prepare(&bytes, &options) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("clu: {}: {}", args.path, e.message);
            return Ok(ExitCode::from(1));
        }
    };
    let mut stdout = std::io::BufWriter::new(std::io::stdout());
    let write_err = |e: std::io::Error| e.to_string();
    if !args.diff {
        stdout
            .write_all(prepared.text.as_str().as_bytes())
            .map_err(write_err)?;
        stdout.flush().map_err(write_err)?;
        return Ok(ExitCode::SUCCESS);
    }
    let colour = match args.color.as_str() {
        "always" => true,
        "never" => false,
        _ => std::io::stdout().is_terminal(),
    };
    let text = prepared.text.as_str();
    for edit in &prepared.repairs {
        // Counted on the input bytes, which the original span indexes (a lossy UTF-8 copy of a
        // Windows-1252 file has other offsets).
        let line = bytes[..edit.original.start.min(bytes.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        let (before, after) = (
            edit.before.replace('\n', "⏎"),
            edit.after.replace('\n', "⏎"),
        );
        let context_start = floor(text, edit.output.start.saturating_sub(30));
        let context_end = floor(text, (edit.output.end + 30).min(text.len()));
        let left = text[context_start..edit.output.start].replace('\n', " ");
        let right = text[edit.output.end..context_end].replace('\n', " ");
        let body = if colour {
            format!("{left}\x1b[31;9m{before}\x1b[0m\x1b[32m{after}\x1b[0m{right}")
        } else {
            format!("{left}[-{before}-]{{+{after}+}}{right}")
        };
        writeln!(
            stdout,
            "{}:{line}: {} ({:.2}): {body}",
            args.path, edit.rule, edit.confidence
        )
        .map_err(write_err)?;
    }
    stdout.flush().map_err(write_err)?;
    Ok(ExitCode::SUCCESS)
}

fn floor(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Hands `each` every record of the inputs as JSON, in order: files written by `clu
/// extract` as they are, minutes extracted on all cores (in path order, after the JSON).
fn for_each_record(
    inputs: &[String],
    discovery: &DiscoveryArgs,
    pipeline: &PipelineArgs,
    mut each: impl FnMut(serde_json::Value) -> Result<(), String>,
) -> Result<(), String> {
    let (json, minutes): (Vec<String>, Vec<String>) = inputs
        .iter()
        .cloned()
        .partition(|p| corpus::is_extracted_json(p));
    for path in &json {
        corpus::read_extracted(path, &mut each)?;
    }
    if minutes.is_empty() {
        return Ok(());
    }
    let inputs = corpus::discover(&minutes, &discovery.discovery());
    let options = pipeline.options();
    // Through the JSON text, as from a file: `to_value` would widen f32 confidences
    // (0.98 → 0.9800000190734863) and the tables would differ.
    let work = |input: &Input| {
        let outcome = corpus::process(input, &options, pipeline.max_file_size);
        let text = serde_json::to_vec(&outcome).map_err(|e| e.to_string())?;
        serde_json::from_slice::<serde_json::Value>(&text).map_err(|e| e.to_string())
    };
    let mut result = Ok(());
    let jobs = discovery.jobs(inputs.len());
    corpus::run_ordered(
        &inputs,
        jobs,
        4 * jobs,
        work,
        |input, value: Result<_, String>| {
            result = match value {
                Ok(value) => each(value),
                // Reported, and the run goes on: the tables stay whole for the other documents.
                Err(message) => {
                    eprintln!("clu: {}: {message}", input.label());
                    Ok(())
                }
            };
            result.is_ok()
        },
    )?;
    result
}

fn export(args: ExportArgs) -> Result<ExitCode, String> {
    let mut tables = clu_minutes::export::Tables::create(&args.out)?;
    let mut failures = 0;
    for_each_record(&args.inputs, &args.discovery, &args.pipeline, |record| {
        match tables.add(&record)? {
            clu_minutes::export::Added::Document => {}
            clu_minutes::export::Added::Error(path, message) => {
                eprintln!("clu: {path}: {message}");
                failures += 1;
            }
            clu_minutes::export::Added::Duplicate(path) => {
                eprintln!("clu: {path}: same bytes as an earlier document, written once")
            }
        }
        Ok(())
    })?;
    let counts = tables.finish()?;
    if !args.quiet {
        let tables: Vec<String> = clu_minutes::export::TABLES
            .iter()
            .zip(counts.rows)
            .map(|((name, _), n)| format!("{name} {n}"))
            .collect();
        eprintln!(
            "clu: {} in {}; {} error(s), {} duplicate(s)",
            tables.join(", "),
            args.out.display(),
            counts.errors,
            counts.duplicates
        );
    }
    Ok(if failures > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn stats(args: StatsArgs) -> Result<ExitCode, String> {
    let mut stats = clu_minutes::stats::Stats::default();
    for_each_record(&args.inputs, &args.discovery, &args.pipeline, |record| {
        stats.add(&record);
        Ok(())
    })?;
    print!("{}", stats.render(args.top));
    Ok(ExitCode::SUCCESS)
}

fn bench(args: BenchArgs) -> Result<ExitCode, String> {
    let mut inputs = corpus::discover(&args.paths, &Discovery::default());
    inputs.truncate(args.limit.unwrap_or(usize::MAX));
    let options = args.pipeline.options();
    let mut total = clu_minutes::bench::Times::default();
    for input in &inputs {
        let bytes = match corpus::read_input(input, args.pipeline.max_file_size) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("clu: {}: {}", input.label(), e.message);
                continue;
            }
        };
        match clu_minutes::bench::measure(&input.label(), &bytes, &options) {
            Ok((times, _)) => total.add(&times),
            Err(e) => eprintln!("clu: {}: {}", input.label(), e.message),
        }
    }
    print!("{}", total.render());
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_input_takes_one_job_and_more_take_the_number_asked() {
        let args = |jobs: &[&str]| {
            let cli =
                Cli::try_parse_from([&["clu", "extract"], jobs, &["a", "b"]].concat()).unwrap();
            match cli.command {
                Command::Extract(extract) => extract.discovery,
                _ => unreachable!("an extract command"),
            }
        };
        assert_eq!(args(&["-j", "3"]).jobs(1), 1);
        assert_eq!(args(&["-j", "3"]).jobs(2), 3);
        assert_eq!(args(&["-j", "0"]).jobs(5), 1);
        assert!(args(&[]).jobs(2) >= 1);
    }
}
