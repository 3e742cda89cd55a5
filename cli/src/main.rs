//! The `byline` command line.
//!
//! Subcommands live one per module; this file holds the argument structs,
//! the exit-code contract and the error funnel, so that every failure
//! reaches the user as one sentence on stderr and never as a Rust panic.

mod check;
mod cpus;
mod eval;
mod html;
mod input;
mod output;
mod run;
mod serve;
mod stages;
mod train;

use std::path::PathBuf;
use std::process::ExitCode;

use byline_core::Pipeline;
use byline_core::span::OffsetUnit;
use clap::{Parser, Subcommand, ValueEnum};

const EXIT_CODES: &str = "\
Exit codes:
  0  success
  1  some documents failed; each has an error record {\"id\", \"error\"} in the output
  2  usage error, or an invalid pipeline file (every problem is listed with file:line:column)
  3  an input or output file could not be read or written
  101  internal error (a bug in byline; please report it)";

/// byline reads English news text and says what is in it: paragraphs,
/// sentences, tokens, entities, numbers and quotations.
#[derive(Debug, Parser)]
#[command(name = "byline", version, about, after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Annotate documents and write one output record per input document.
    Run(RunArgs),
    /// List every registered stage with its summary, layers and options.
    Stages(StagesArgs),
    /// Validate a pipeline file and print how layers flow through it.
    Check(CheckArgs),
    /// Run a pipeline on a gold file and score it as ../shared/eval/score.py does.
    Eval(EvalArgs),
    /// Train a model from gold data.
    Train(TrainArgs),
    /// Serve the pipeline over HTTP: POST /annotate, POST /annotate/batch,
    /// GET /stages, GET /health, and the HTML view on GET /.
    Serve(serve::ServeArgs),
}

/// Arguments shared by commands that run a pipeline.
#[derive(Debug, clap::Args)]
struct PipelineArgs {
    /// Pipeline file (TOML); without it, the built-in default pipeline runs.
    #[arg(long, short = 'p', value_name = "FILE")]
    pipeline: Option<PathBuf>,
    /// Threads, 1 to 256 (default: one per core); each reads, annotates and writes in turn.
    #[arg(long, short = 'j', value_name = "N")]
    threads: Option<usize>,
}

/// `byline run --help`'s note on the progress line (see `run::progress_bar`).
const RUN_PROGRESS: &str = "Progress: when stderr is a terminal and stdout is not (`byline run big.jsonl > out.jsonl`),
a progress line on stderr shows bytes read, the rate and documents written, with a bar
and an ETA when the input size is known (files; not stdin).";

#[derive(Debug, clap::Args)]
#[command(after_help = RUN_PROGRESS)]
struct RunArgs {
    #[command(flatten)]
    pipeline: PipelineArgs,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Offsets in the output: characters (Python string indices) or UTF-8 bytes.
    #[arg(long, value_enum, default_value_t = Offsets::Chars)]
    offsets: Offsets,
    /// Stop at the first document that fails instead of writing an error record and going on.
    #[arg(long)]
    fail_fast: bool,
    /// Write only these layers (comma-separated, e.g. `sentences,entities`);
    /// stages that no chosen layer depends on do not run.
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    layers: Option<Vec<String>>,
    /// A record (JSONL line) or text file larger than this many bytes
    /// becomes an error record instead of being read.
    #[arg(long, value_name = "BYTES", default_value_t = 64 << 20)]
    max_doc_bytes: u64,
    /// Inputs: .txt files (one document each, id = file name), .jsonl files
    /// (one {"id", "text", ...} per line), directories (their .txt and .jsonl
    /// files, sorted), or - for stdin (JSONL if it starts with '{', else one text).
    #[arg(value_name = "INPUT")]
    inputs: Vec<PathBuf>,
}

/// Output formats of `byline run`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One JSON object per line, per document (the format score.py reads).
    Jsonl,
    /// One indented JSON array of all documents.
    Json,
    /// A readable view for the terminal.
    Pretty,
    /// The snapshot structure of byline_core::testing, as YAML documents.
    Yaml,
    /// One self-contained HTML page showing every layer (offsets always characters).
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Offsets {
    /// Unicode scalar values, as Python indexes strings.
    Chars,
    /// UTF-8 bytes, as Rust slices strings.
    Bytes,
}

impl From<Offsets> for OffsetUnit {
    fn from(o: Offsets) -> OffsetUnit {
        match o {
            Offsets::Chars => OffsetUnit::Chars,
            Offsets::Bytes => OffsetUnit::Bytes,
        }
    }
}

#[derive(Debug, clap::Args)]
struct StagesArgs {
    /// Print the registry as JSON instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// The pipeline file to validate.
    #[arg(value_name = "FILE")]
    file: PathBuf,
}

#[derive(Debug, clap::Args)]
struct EvalArgs {
    /// The task to score: sentences, entities, quotes or numbers.
    #[arg(value_name = "TASK")]
    task: String,
    /// Gold file of that task (see ../shared/data/README.md for the formats).
    #[arg(long, value_name = "FILE")]
    gold: PathBuf,
    #[command(flatten)]
    pipeline: PipelineArgs,
    /// Print one JSON object (score.py --json) instead of tables.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
struct TrainArgs {
    #[command(subcommand)]
    task: TrainTask,
}

#[derive(Debug, Subcommand)]
enum TrainTask {
    /// Train the `entities` tagger from CoNLL files (IOB1 or IOB2); prints
    /// dev P/R/F1 per epoch and writes the model for `model = "FILE"`.
    Entities(TrainEntitiesArgs),
    /// Induce word clusters from unlabelled text for the entity tagger's
    /// cluster features (`byline train entities --clusters FILE`).
    Clusters(TrainClustersArgs),
}

#[derive(Debug, clap::Args)]
struct TrainClustersArgs {
    /// Text to learn from: JSONL files (their "text" fields), CoNLL files
    /// (their words) or plain text files.
    #[arg(long, value_name = "FILE", required = true, num_args = 1..)]
    text: Vec<PathBuf>,
    /// Where to write the clusters (`PATH<TAB>WORD<TAB>COUNT` lines).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Number of clusters (leaves of the cluster tree).
    #[arg(long, value_name = "N", default_value_t = 1000)]
    classes: usize,
    /// Cluster only words seen at least this often.
    #[arg(long, value_name = "N", default_value_t = 2)]
    min_count: usize,
    /// Exchange iterations.
    #[arg(long, value_name = "N", default_value_t = 8)]
    iterations: usize,
}

#[derive(Debug, clap::Args)]
struct TrainEntitiesArgs {
    /// Training data: CoNLL columns, word first, IOB tag last (several
    /// files are read as one, in order).
    #[arg(long, value_name = "FILE", num_args = 1.., required = true)]
    train: Vec<PathBuf>,
    /// Development data for early stopping and the per-epoch figures.
    #[arg(long, value_name = "FILE")]
    dev: Option<PathBuf>,
    /// Where to write the model.
    #[arg(long, value_name = "MODEL")]
    out: PathBuf,
    /// Most epochs per pass.
    #[arg(long, value_name = "N", default_value_t = 30)]
    epochs: usize,
    /// Seed of the sentence order; the same seed gives the same model.
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,
    /// Stop a pass after this many epochs without a better dev F1.
    #[arg(long, value_name = "N", default_value_t = 8)]
    patience: usize,
    /// Train this many copies of each pass with different seeds and average
    /// their weights (steadier models; training takes that much longer).
    #[arg(long, value_name = "N", default_value_t = 4)]
    bag: usize,
    /// Cross-validation folds for the document pass and the name lists.
    #[arg(long, value_name = "N", default_value_t = 5)]
    folds: usize,
    /// Drop features whose largest weight is below this share of the
    /// model's largest weight (a smaller model file; 0 keeps all).
    #[arg(long, value_name = "SHARE", default_value_t = 0.002)]
    prune: f32,
    /// Switch a feature group off (repeatable): word, affixes, shape,
    /// position, window, window1, bigrams, gazetteers, truecase, clusters, document,
    /// unknown.
    #[arg(long, value_name = "GROUP")]
    without: Vec<String>,
    /// Word clusters for the cluster features: lines of `PATH<TAB>WORD`
    /// (Brown clusters), as written by `byline train clusters`.
    #[arg(long, value_name = "FILE")]
    clusters: Option<PathBuf>,
    /// Unlabelled text (JSONL "text" fields, CoNLL words or plain text) to
    /// learn the usual casing of words from, besides the training data.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    text: Vec<PathBuf>,
}

/// A failure that ends the command: its message and exit code.
#[derive(Debug)]
pub(crate) struct Failure {
    code: u8,
    message: String,
}

impl Failure {
    pub(crate) fn usage(message: impl Into<String>) -> Failure {
        Failure { code: 2, message: message.into() }
    }

    pub(crate) fn io(message: impl Into<String>) -> Failure {
        Failure { code: 3, message: message.into() }
    }

    pub(crate) fn internal(message: impl Into<String>) -> Failure {
        Failure { code: 101, message: format!("internal error: {}; please report this", message.into()) }
    }
}

/// Writes a command's whole output to stdout. A reader that went away
/// (`byline eval ... | head`) is not an error.
pub(crate) fn emit(text: &str) -> Result<(), Failure> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::io(format!("cannot write the output: {}", byline_core::io_reason(&e))))
        }
        _ => Ok(()),
    }
}

/// Exit code 1: documents failed, their error records were written.
pub(crate) const SOME_DOCUMENTS_FAILED: u8 = 1;

/// A lock whose holder panicked is still usable: the critical sections of
/// `byline run` leave their data consistent, and a thread's panic is caught
/// and reported as an error of its batch.
pub(crate) fn lock<T>(mutex: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The pipeline file, or the built-in default.
pub(crate) fn load_pipeline(args: &PipelineArgs) -> Result<Pipeline, Failure> {
    let built = match &args.pipeline {
        Some(path) => Pipeline::from_file(path),
        None => byline_cli::default_pipeline(),
    };
    built.map_err(|e| Failure::usage(e.to_string()))
}

/// Most worker threads: more only adds memory and switching on any machine
/// byline runs on, and a typo (`-j 20000`) must not start thousands.
const MAX_THREADS: usize = 256;

/// The `--threads` asked for, checked; 0 for one per core.
fn threads(args: &PipelineArgs) -> Result<usize, Failure> {
    match args.threads {
        Some(n) if !(1..=MAX_THREADS).contains(&n) => {
            Err(Failure::usage(format!("--threads must be between 1 and {MAX_THREADS}, not {n}")))
        }
        Some(n) => Ok(n),
        None => Ok(0),
    }
}

/// Threads for `byline run`: as asked, or one per core.
fn run_threads(args: &PipelineArgs) -> Result<usize, Failure> {
    let n = threads(args)?;
    Ok(if n > 0 { n } else { std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_THREADS)) })
}

/// Sizes the worker pool of `byline eval` once, before any work.
fn configure_threads(args: &PipelineArgs) -> Result<(), Failure> {
    // Rayon's default for 0: one per core.
    let n = threads(args)?;
    rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("byline-worker-{i}"))
        .build_global()
        .map_err(|e| Failure::usage(format!("cannot start {n} threads: {e}")))
}

fn dispatch(cli: Cli) -> Result<u8, Failure> {
    match cli.command {
        Command::Run(args) => {
            let threads = run_threads(&args.pipeline)?;
            run::run(&args, threads)
        }
        Command::Stages(args) => stages::stages(&args),
        Command::Check(args) => check::check(&args),
        Command::Eval(args) => {
            configure_threads(&args.pipeline)?;
            eval::eval(&args)
        }
        Command::Serve(args) => serve::serve(&args),
        Command::Train(args) => match args.task {
            TrainTask::Entities(args) => train::entities(&args),
            TrainTask::Clusters(args) => train::clusters(&args),
        },
    }
}

/// mimalloc, not the system allocator: a batch's documents are parsed,
/// annotated and freed on one thread while its buffers pass between
/// threads, and glibc's per-arena locks made two threads wait on each
/// other's frees (docs/benchmarks.md). Built without transparent huge
/// pages: each thread's first allocations would clear 2 MB pages.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    byline_cli::link_stage_crates();
    // Stage panics are caught per document and reported as error records;
    // the default hook would also print a Rust backtrace message.
    std::panic::set_hook(Box::new(|_| {}));
    let cli = Cli::parse();
    let outcome = std::panic::catch_unwind(|| dispatch(cli));
    match outcome {
        Ok(Ok(code)) => ExitCode::from(code),
        Ok(Err(failure)) => {
            // One line per problem (a pipeline file can have several).
            for line in failure.message.lines() {
                eprintln!("byline: error: {line}");
            }
            ExitCode::from(failure.code)
        }
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            eprintln!("byline: internal error: {what}; please report this to the byline developers");
            ExitCode::from(101)
        }
    }
}
