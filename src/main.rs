//! `clu`: the command line over the `clu_minutes` library.

use clap::{Args, Parser, Subcommand, ValueEnum};
use clu_minutes::corpus::{self, Discovery, Input, Outcome};
use clu_minutes::pipeline::Options;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "clu", version, about = "Structured data from the minutes of French prefecture user committees (CLU/CLUAC)")]
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
        Options { repair: !self.no_repair, encoding: self.encoding.clone() }
    }
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum OutputFormat {
    /// One JSON object per line.
    Jsonl,
    /// One JSON array (or a single object for a single input).
    Json,
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
    /// Extensions of files to take from directories (comma-separated).
    #[arg(long, value_name = "EXTS", value_delimiter = ',', default_value = "txt,md,markdown,html,htm,text")]
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
    /// Stop at the first input that fails.
    #[arg(long)]
    fail_fast: bool,
    /// No summary on standard error.
    #[arg(short, long)]
    quiet: bool,
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract(args),
        Command::Repair(args) => repair(args),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("clu: {message}");
            ExitCode::from(2)
        }
    }
}

fn extract(args: ExtractArgs) -> Result<ExitCode, String> {
    if let Some(jobs) = args.jobs {
        rayon::ThreadPoolBuilder::new().num_threads(jobs.max(1)).build_global().map_err(|e| e.to_string())?;
    }
    let discovery = Discovery {
        hidden: args.hidden,
        follow_links: args.follow_links,
        extensions: args.ext.iter().map(|e| e.trim().trim_start_matches('.').to_lowercase()).filter(|e| !e.is_empty()).collect(),
    };
    let inputs = corpus::discover(&args.paths, &discovery);
    let single = inputs.len() == 1 && args.paths.len() == 1 && !Path::new(&args.paths[0]).is_dir();
    let format = args.format.unwrap_or(if single { OutputFormat::Json } else { OutputFormat::Jsonl });
    let started = std::time::Instant::now();

    let mut out = Output::open(args.output.as_deref())?;
    let mut failures = 0usize;
    let mut documents = 0usize;
    let mut written = 0usize;
    let mut write_item = |out: &mut Output, value: &Outcome| -> Result<(), String> {
        let text = if format == OutputFormat::Json && single {
            serde_json::to_string_pretty(value)
        } else {
            serde_json::to_string(value)
        }
        .map_err(|e| e.to_string())?;
        let sep = match (format, written) {
            (OutputFormat::Json, 0) if !single => "[\n",
            (OutputFormat::Json, _) if !single => ",\n",
            _ => "",
        };
        out.write(sep.as_bytes())?;
        out.write(text.as_bytes())?;
        if format == OutputFormat::Jsonl || single {
            out.write(b"\n")?;
        }
        written += 1;
        Ok(())
    };
    let options = args.pipeline.options();
    let mut sink_error: Option<String> = None;
    corpus::run(&inputs, &options, args.pipeline.max_file_size, |input: &Input, outcome: Outcome| {
        if let Outcome::Error(e) = &outcome {
            eprintln!("clu: {}: {}", input.label(), e.error.message);
            failures += 1;
        } else {
            documents += 1;
        }
        match write_item(&mut out, &outcome) {
            Ok(()) => !(args.fail_fast && outcome.is_error()),
            Err(e) => {
                sink_error = Some(e);
                false
            }
        }
    });
    if let Some(e) = sink_error {
        return Err(e);
    }
    if format == OutputFormat::Json && !single {
        out.write(if written == 0 { b"[]\n" as &[u8] } else { b"\n]\n" })?;
    }
    out.commit()?;
    if !args.quiet && !single {
        eprintln!(
            "clu: {} input(s), {} document(s), {} error(s) in {:.2} s",
            inputs.len(),
            documents,
            failures,
            started.elapsed().as_secs_f64()
        );
    }
    Ok(if failures > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Standard output, or a temporary file renamed over the target when complete, so that an
/// interrupted run never leaves half a file.
enum Output {
    Stdout(std::io::BufWriter<std::io::Stdout>),
    File { temp: std::io::BufWriter<tempfile::NamedTempFile>, target: std::path::PathBuf },
}

impl Output {
    fn open(path: Option<&str>) -> Result<Output, String> {
        match path {
            None | Some("-") => Ok(Output::Stdout(std::io::BufWriter::new(std::io::stdout()))),
            Some(p) => {
                let target = std::path::PathBuf::from(p);
                let dir = target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
                let temp = tempfile::NamedTempFile::new_in(dir).map_err(|e| format!("{p}: cannot write here: {e}"))?;
                Ok(Output::File { temp: std::io::BufWriter::new(temp), target })
            }
        }
    }

    fn write(&mut self, bytes: &[u8]) -> Result<(), String> {
        let result = match self {
            Output::Stdout(w) => w.write_all(bytes),
            Output::File { temp, .. } => temp.write_all(bytes),
        };
        result.map_err(|e| format!("writing output: {e}"))
    }

    fn commit(self) -> Result<(), String> {
        match self {
            Output::Stdout(mut w) => w.flush().map_err(|e| e.to_string()),
            Output::File { temp, target } => {
                let temp = temp.into_inner().map_err(|e| format!("writing output: {}", e.error()))?;
                temp.as_file().sync_all().map_err(|e| e.to_string())?;
                temp.persist(&target).map_err(|e| format!("{}: {}", target.display(), e.error))?;
                Ok(())
            }
        }
    }
}

fn repair(args: RepairArgs) -> Result<ExitCode, String> {
    let input = if args.path == "-" { Input::Stdin } else { Input::File(args.path.clone().into()) };
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
        stdout.write_all(prepared.text.as_str().as_bytes()).map_err(write_err)?;
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
        let line = bytes[..edit.original.start.min(bytes.len())].iter().filter(|&&b| b == b'\n').count() + 1;
        let (before, after) = (edit.before.replace('\n', "⏎"), edit.after.replace('\n', "⏎"));
        let context_start = floor(text, edit.output.start.saturating_sub(30));
        let context_end = floor(text, (edit.output.end + 30).min(text.len()));
        let left = text[context_start..edit.output.start].replace('\n', " ");
        let right = text[edit.output.end..context_end].replace('\n', " ");
        let body = if colour {
            format!("{left}\x1b[31;9m{before}\x1b[0m\x1b[32m{after}\x1b[0m{right}")
        } else {
            format!("{left}[-{before}-]{{+{after}+}}{right}")
        };
        writeln!(stdout, "{}:{line}: {} ({:.2}): {body}", args.path, edit.rule, edit.confidence).map_err(write_err)?;
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
