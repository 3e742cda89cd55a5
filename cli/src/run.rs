//! `byline run`: a reader thread, parallel workers and an ordered writer.
//!
//! The reader thread only splits the input into batches of raw records; each
//! batch goes to one worker of the pool (rayon), which parses, annotates and
//! renders it into bytes; the writer (this thread) puts the batches back in
//! input order and writes them. So the serial part of a run is splitting
//! lines and writing bytes. At most [`in_flight`] batches exist at once,
//! which bounds memory; a document whose text exceeds [`STREAM_TEXT`] is
//! rendered by the writer straight into the output through a small buffer,
//! so its output (often ten times its text) is never held in memory.

use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::{self, Receiver, Sender, SyncSender};
use std::sync::{Arc, Mutex};

use byline_core::json::{OutputOptions, RecordError, RecordId, stream_document};
use byline_core::{Document, Layer, Pipeline, io_reason};
use indicatif::{ProgressBar, ProgressStyle};

use crate::input::{Batch, Reader};
use crate::output::Renderer;
use crate::{Failure, Format, RunArgs, SOME_DOCUMENTS_FAILED, load_pipeline};

/// Records per batch: a batch is one worker's unit of work.
const BATCH_DOCS: usize = 1024;
/// Bytes of input per batch (a larger record makes a batch of its own):
/// small enough that the last batches of a run, when some workers have
/// nothing left to do, are short even for the heaviest pipeline.
const BATCH_BYTES: usize = 256 << 10;
/// Documents with more text than this are rendered by the writer, streaming.
const STREAM_TEXT: usize = 1 << 20;

/// Batches read, annotated or waiting to be written at once: enough to keep
/// every worker busy while the writer catches up.
fn in_flight() -> usize {
    4 * rayon::current_num_threads() + 4
}

/// What a worker made of a batch.
struct Rendered {
    /// The rendered records, one after another.
    bytes: Vec<u8>,
    /// Each record in order.
    records: Vec<Out>,
    input_bytes: u64,
}

/// One record of a rendered batch.
enum Out {
    /// Rendered: ends at this offset of `bytes`; `false` for an error record.
    Done { end: usize, ok: bool },
    /// A large annotated document, for the writer to stream.
    Stream(Box<Document>),
}

/// A message to the writer, tagged with its batch number.
enum Msg {
    Batch(Rendered),
    /// The input could not be read: stop after the batches before it.
    Failed(Failure),
    End,
}

/// Why the write loop stopped early.
enum Stop {
    Input(Failure),
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

/// Everything a worker needs, shared by all of them.
struct Work {
    pipeline: Pipeline,
    renderer: Renderer,
    custom_layers: Vec<String>,
    /// Byte buffers of finished batches, reused: fresh megabyte buffers
    /// would cost a page fault per 4 kB.
    buffers: Mutex<Vec<Vec<u8>>>,
}

impl Work {
    fn buffer(&self) -> Vec<u8> {
        self.buffers.lock().ok().and_then(|mut b| b.pop()).unwrap_or_default()
    }

    fn recycle(&self, mut buffer: Vec<u8>) {
        // Keep a few ordinary buffers; let the one of a huge record go.
        if buffer.capacity() <= 64 * BATCH_BYTES {
            buffer.clear();
            if let Ok(mut buffers) = self.buffers.lock() {
                if buffers.len() < 64 {
                    buffers.push(buffer);
                }
            }
        }
    }
}

pub(crate) fn run(args: &RunArgs) -> Result<u8, Failure> {
    let pipeline = load_pipeline(&args.pipeline)?;
    let (pipeline, layers) = choose_layers(pipeline, args.layers.as_deref())?;
    let custom_layers = custom_layers(&pipeline);
    let renderer = Renderer { format: args.format, options: OutputOptions { unit: args.offsets.into(), layers } };
    let mut out = open_stdout()?;
    let reader = Reader::open(&args.inputs, args.max_doc_bytes)?;
    let progress = progress_bar(reader.total_bytes);
    let work = Arc::new(Work { pipeline, renderer, custom_layers, buffers: Mutex::default() });

    let (results_tx, results) = mpsc::channel();
    let (slots_tx, slots) = mpsc::sync_channel(in_flight());
    {
        let work = Arc::clone(&work);
        std::thread::Builder::new()
            .name("byline-reader".into())
            .spawn(move || read_batches(reader, &work, &results_tx, &slots_tx))
            .map_err(|e| Failure::io(format!("cannot start the reader thread: {e}")))?;
    }

    let mut tally = Tally::default();
    let renderer = &work.renderer;
    let outcome =
        write_in_order(&results, &slots, &work, args.fail_fast, &mut out, &progress, &mut tally).and_then(|()| {
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

/// `--layers`: checks each name against the layers the pipeline adds and
/// drops the stages no chosen layer depends on.
fn choose_layers(pipeline: Pipeline, chosen: Option<&[String]>) -> Result<(Pipeline, Option<Vec<String>>), Failure> {
    let Some(chosen) = chosen else { return Ok((pipeline, None)) };
    let added = pipeline.layers();
    let mut keep = Vec::new();
    for name in chosen.iter().filter(|n| !n.is_empty()) {
        let Some(layer) = added.iter().find(|l| l.name() == name) else {
            let names: Vec<&str> = added.iter().map(Layer::name).collect();
            return Err(Failure::usage(format!(
                "--layers: the pipeline adds no layer `{name}`; it adds {}",
                names.join(", ")
            )));
        };
        keep.push(layer.clone());
    }
    let names = keep.iter().map(|l| l.name().to_owned()).collect();
    Ok((pipeline.keep_layers(&keep), Some(names)))
}

/// Stdout as a file of our own. Rust reopens a closed stdout on /dev/null
/// (read-write) before `main`, where every write would succeed and every
/// record be lost; that is reported like an unwritable output.
fn open_stdout() -> Result<io::BufWriter<Box<dyn Write>>, Failure> {
    if stdout_was_closed() {
        return Err(Failure::io("cannot write the output: stdout is closed; redirect it to a file or a pipe"));
    }
    let sink: Box<dyn Write> = match stdout_file() {
        Some(file) => Box::new(file),
        None => Box::new(io::stdout()),
    };
    Ok(io::BufWriter::with_capacity(1 << 18, sink))
}

/// Stdout without the line buffering of `io::stdout()` (a duplicate of fd 1).
#[cfg(unix)]
fn stdout_file() -> Option<std::fs::File> {
    use std::os::fd::AsFd;
    io::stdout().as_fd().try_clone_to_owned().ok().map(std::fs::File::from)
}

#[cfg(not(unix))]
fn stdout_file() -> Option<std::fs::File> {
    None
}

/// True when fd 1 is the /dev/null Rust's runtime opened read-write in place
/// of a closed stdout (a shell's `>/dev/null` opens it write-only).
#[cfg(target_os = "linux")]
fn stdout_was_closed() -> bool {
    let is_null = std::fs::read_link("/proc/self/fd/1").is_ok_and(|p| p == std::path::Path::new("/dev/null"));
    is_null
        && std::fs::read_to_string("/proc/self/fdinfo/1").is_ok_and(|info| {
            info.lines()
                .find_map(|l| l.strip_prefix("flags:"))
                .and_then(|flags| u32::from_str_radix(flags.trim(), 8).ok())
                .is_some_and(|flags| flags & 0o3 == 0o2)
        })
}

#[cfg(not(target_os = "linux"))]
fn stdout_was_closed() -> bool {
    false
}

/// The reader thread: cuts the input into batches and hands each to a worker.
fn read_batches(mut reader: Reader, work: &Arc<Work>, results: &Sender<(u64, Msg)>, slots: &SyncSender<()>) {
    let mut seq = 0;
    loop {
        // Wait for room: the writer frees a slot per batch written, and
        // drops the channel when it stops early.
        if slots.send(()).is_err() {
            return;
        }
        match reader.next_batch(BATCH_DOCS, BATCH_BYTES, work.buffer()) {
            Ok(batch) if batch.items.is_empty() && batch.input_bytes == 0 => {
                let _ = results.send((seq, Msg::End));
                return;
            }
            Ok(batch) => {
                let (work, results) = (Arc::clone(work), results.clone());
                rayon::spawn(move || {
                    let msg = catch_unwind(AssertUnwindSafe(|| Msg::Batch(annotate(&work, batch))))
                        .unwrap_or_else(|_| Msg::Failed(Failure::internal("a worker stopped unexpectedly")));
                    let _ = results.send((seq, msg));
                });
            }
            Err(failure) => {
                let _ = results.send((seq, Msg::Failed(failure)));
                return;
            }
        }
        seq += 1;
    }
}

/// A worker: parses, annotates and renders one batch.
fn annotate(work: &Work, batch: Batch) -> Rendered {
    let Batch { data, items, input_bytes } = batch;
    // Parse the whole batch first and let the raw bytes go before any
    // stage runs: a large document is then held once, not twice.
    let parsed: Vec<_> = items.into_iter().map(|item| item.parse(&data, &work.custom_layers)).collect();
    work.recycle(data);
    let mut bytes = work.buffer();
    let mut records = Vec::with_capacity(parsed.len());
    for record in parsed {
        let ok = match annotate_record(&work.pipeline, record) {
            Ok(doc) if doc.text().len() > STREAM_TEXT && work.renderer.format == Format::Jsonl => {
                records.push(Out::Stream(Box::new(doc)));
                continue;
            }
            annotated => render(&work.renderer, &annotated, &mut bytes),
        };
        records.push(Out::Done { end: bytes.len(), ok });
    }
    Rendered { bytes, records, input_bytes }
}

/// The names of the pipeline's custom layers: input fields may not use them.
pub(crate) fn custom_layers(pipeline: &Pipeline) -> Vec<String> {
    pipeline.layers().iter().filter(|l| !l.is_standard()).map(|l| l.name().to_owned()).collect()
}

/// Runs the pipeline on one parsed record: the annotated document, or the
/// id and reason of the error record written in its place.
pub(crate) fn annotate_record(
    pipeline: &Pipeline,
    record: Result<Document, RecordError>,
) -> Result<Document, (RecordId, String)> {
    let mut doc = record.map_err(|bad| (bad.id, bad.error.to_string()))?;
    match pipeline.run(&mut doc) {
        Ok(()) => Ok(doc),
        Err(e) => Err((RecordId::of(&doc), e.to_string())),
    }
}

/// Renders what [`annotate_record`] gave into `out`; `false` for an error record.
pub(crate) fn render(renderer: &Renderer, annotated: &Result<Document, (RecordId, String)>, out: &mut Vec<u8>) -> bool {
    match annotated {
        Ok(doc) => {
            renderer.document(doc, out);
            true
        }
        Err((id, error)) => {
            renderer.error(id, error, out);
            false
        }
    }
}

/// The writer: takes batches in input order and writes their records.
fn write_in_order(
    results: &Receiver<(u64, Msg)>,
    slots: &Receiver<()>,
    work: &Work,
    fail_fast: bool,
    out: &mut impl Write,
    progress: &ProgressBar,
    tally: &mut Tally,
) -> Result<(), Stop> {
    let renderer = &work.renderer;
    out.write_all(renderer.begin())?;
    let mut waiting = BTreeMap::new();
    let mut next = 0;
    loop {
        let msg = match waiting.remove(&next) {
            Some(msg) => msg,
            None => {
                // Every sender gone without an End: the reader thread died.
                let Ok((seq, msg)) = results.recv() else {
                    return Err(Stop::Input(Failure::internal("the reader stopped unexpectedly")));
                };
                if seq != next {
                    waiting.insert(seq, msg);
                    continue;
                }
                msg
            }
        };
        next += 1;
        let rendered = match msg {
            Msg::Batch(rendered) => rendered,
            Msg::Failed(failure) => return Err(Stop::Input(failure)),
            Msg::End => return Ok(()),
        };
        // Rendered records go out in runs, one write per run: a separator,
        // a streamed document or a stop at a failure ends a run.
        let separator = renderer.separator();
        let (mut start, mut end) = (0, 0);
        let mut stop = false;
        for record in &rendered.records {
            if tally.written > 0 && !separator.is_empty() {
                out.write_all(&rendered.bytes[start..end])?;
                out.write_all(separator)?;
                start = end;
            }
            tally.written += 1;
            match record {
                Out::Done { end: e, ok } => {
                    end = *e;
                    if !ok {
                        tally.failed += 1;
                        stop = fail_fast;
                    }
                }
                Out::Stream(doc) => {
                    out.write_all(&rendered.bytes[start..end])?;
                    start = end;
                    stream_document(doc, &renderer.options, out)?;
                    out.write_all(b"\n")?;
                }
            }
            if stop {
                break;
            }
        }
        out.write_all(&rendered.bytes[start..end])?;
        if stop {
            return Ok(());
        }
        progress.inc(rendered.input_bytes);
        work.recycle(rendered.bytes);
        progress.set_message(format!("{} documents", tally.written));
        // Free the batch's slot for the reader.
        let _ = slots.recv();
    }
}

/// A progress line on stderr, only when a person is watching stderr and the
/// output goes elsewhere: bytes read, rate and documents, with a bar and an
/// ETA when the input size is known (files, not stdin).
fn progress_bar(total: Option<u64>) -> ProgressBar {
    if !io::stderr().is_terminal() || io::stdout().is_terminal() {
        return ProgressBar::hidden();
    }
    let (bar, template) = match total {
        Some(total) => (
            ProgressBar::new(total),
            "{bar:24} {decimal_bytes}/{decimal_total_bytes} {decimal_bytes_per_sec}, ETA {eta}, {msg}",
        ),
        None => {
            (ProgressBar::new_spinner(), "{spinner} {decimal_bytes} read, {decimal_bytes_per_sec}, {msg}, {elapsed}")
        }
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar.set_message("0 documents");
    bar
}
