//! `byline run`: stream documents through the pipeline in parallel batches
//! and write one record per input document, in input order.

use std::io::{self, IsTerminal, Write};

use byline_core::Pipeline;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::input::{Reader, Record};
use crate::output::Renderer;
use crate::{Failure, RunArgs, SOME_DOCUMENTS_FAILED, load_pipeline};
use byline_core::io_reason;

/// Documents per batch: enough to keep every core busy, few enough to keep
/// memory flat on a million-document file.
const BATCH_DOCS: usize = 2048;
/// Text bytes per batch.
const BATCH_BYTES: usize = 16 << 20;

/// Why the write loop stopped early.
enum Stop {
    /// An input could not be read.
    Input(Failure),
    /// The output could not be written.
    Output(io::Error),
}

impl From<io::Error> for Stop {
    fn from(e: io::Error) -> Stop {
        Stop::Output(e)
    }
}

/// What the write loop did.
#[derive(Default)]
struct Tally {
    written: usize,
    failed: usize,
}

pub(crate) fn run(args: &RunArgs) -> Result<u8, Failure> {
    let pipeline = load_pipeline(&args.pipeline)?;
    let mut reader = Reader::open(&args.inputs)?;
    let renderer = Renderer { format: args.format, unit: args.offsets.into() };
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let progress = progress_bar();

    let mut tally = Tally::default();
    let outcome = write_all(&pipeline, &mut reader, &renderer, args.fail_fast, &mut out, &progress, &mut tally)
        .and_then(|()| {
            out.write_all(renderer.end(tally.written > 0))?;
            out.flush().map_err(Stop::Output)
        });
    progress.finish_and_clear();
    match outcome {
        Ok(()) => {}
        Err(Stop::Input(failure)) => return Err(failure),
        // The reader of our output went away (`byline run | head`): stop quietly.
        Err(Stop::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => {}
        Err(Stop::Output(e)) => return Err(Failure::io(format!("cannot write the output: {}", io_reason(&e)))),
    }
    if tally.failed > 0 {
        let stopped = if args.fail_fast { "; stopped there (--fail-fast)" } else { "" };
        eprintln!(
            "byline: {} of {} documents failed; see their \"error\" records{stopped}",
            tally.failed, tally.written
        );
        return Ok(SOME_DOCUMENTS_FAILED);
    }
    Ok(0)
}

fn write_all(
    pipeline: &Pipeline,
    reader: &mut Reader,
    renderer: &Renderer,
    fail_fast: bool,
    out: &mut impl Write,
    progress: &ProgressBar,
    tally: &mut Tally,
) -> Result<(), Stop> {
    out.write_all(renderer.begin())?;
    loop {
        let batch = reader.next_batch(BATCH_DOCS, BATCH_BYTES).map_err(Stop::Input)?;
        if batch.is_empty() {
            return Ok(());
        }
        let rendered: Vec<(Vec<u8>, bool)> =
            batch.into_par_iter().map(|record| annotate(pipeline, renderer, record)).collect();
        for (bytes, ok) in rendered {
            if tally.written > 0 {
                out.write_all(renderer.separator())?;
            }
            out.write_all(&bytes)?;
            tally.written += 1;
            progress.inc(1);
            if !ok {
                tally.failed += 1;
                if fail_fast {
                    return Ok(());
                }
            }
        }
    }
}

/// Annotates one record and renders it; `false` marks an error record.
pub(crate) fn annotate(pipeline: &Pipeline, renderer: &Renderer, record: Record) -> (Vec<u8>, bool) {
    match record {
        Record::Doc(mut doc) => match pipeline.run(&mut doc) {
            Ok(()) => (renderer.document(&doc), true),
            Err(e) => (renderer.error(&doc.id, &e.to_string()), false),
        },
        Record::Bad { id, error } => (renderer.error(&id, &error), false),
    }
}

/// A progress counter on stderr, only when a person is watching stderr and
/// the output goes elsewhere.
fn progress_bar() -> ProgressBar {
    if !io::stderr().is_terminal() || io::stdout().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    if let Ok(style) = ProgressStyle::with_template("{spinner} {human_pos} documents, {per_sec}, {elapsed}") {
        bar.set_style(style);
    }
    bar
}
