//! `byline run`: N threads that each read, annotate and write in turn.
//!
//! Every thread runs the same loop: take the next batch of raw records from
//! the input (one thread at a time, under a lock: it only splits lines),
//! parse, annotate and render it into bytes (in parallel), and hand it to the
//! output, where whichever thread holds the writer writes every batch that is
//! next in input order. No thread is set aside for reading or writing, so
//! `--threads 1` is one thread doing everything and `--threads 2` is two
//! threads sharing all of it: the serial part of a run is only splitting
//! lines and writing bytes, and it never waits for a dedicated thread to be
//! scheduled. At most [`in_flight`] batches are taken and not yet written,
//! which bounds memory; a document whose text exceeds [`STREAM_TEXT`] is
//! rendered by the writing thread straight into the output through a small
//! buffer, so its output (often ten times its text) is never held in memory.

use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, PoisonError, TryLockError};

use byline_core::json::{OutputOptions, RecordId, stream_document};
use byline_core::{Document, Layer, Pipeline, io_reason};
use indicatif::{ProgressBar, ProgressStyle};

use crate::cpus::Placement;
use crate::input::{Batch, READ_CHUNK, Reader};
use crate::output::Renderer;
use crate::{Failure, Format, RunArgs, SOME_DOCUMENTS_FAILED, load_pipeline, lock};

/// Records per batch: a batch is one thread's unit of work.
const BATCH_DOCS: usize = 1024;
/// Bytes of input per batch (a larger record makes a batch of its own):
/// small enough that the last batches of a run, when some threads have
/// nothing left to do, are short even for the heaviest pipeline.
const BATCH_BYTES: usize = 128 << 10;
/// Room in an input buffer: a batch, the reads that may overshoot it and
/// the bytes carried over from the batch before.
const INPUT_ROOM: usize = BATCH_BYTES + 3 * READ_CHUNK;
/// Documents with more text than this are rendered by the writer, streaming.
const STREAM_TEXT: usize = 1 << 20;

/// Batches taken from the input and not yet written, at most: enough to
/// keep every thread busy while one of them writes.
fn in_flight(threads: usize) -> usize {
    4 * threads + 4
}

/// What a thread made of a batch.
struct Rendered {
    /// The rendered records, one after another.
    bytes: Vec<u8>,
    /// Each record in order.
    records: Vec<Out>,
    input_bytes: u64,
    /// The thread whose pool `bytes` goes back to.
    owner: usize,
}

/// One record of a rendered batch.
enum Out {
    /// Rendered: ends at this offset of `bytes`; `false` for an error record.
    Done { end: usize, ok: bool },
    /// A large annotated document, for the writer to stream.
    Stream(Box<Document>),
}

/// What the output receives, by batch number.
enum Msg {
    Batch(Rendered),
    /// The input could not be read: stop after the batches before it.
    Failed(Failure),
    End,
}

/// Why writing stopped early.
enum Stop {
    Input(Failure),
    Output(io::Error),
}

impl From<io::Error> for Stop {
    fn from(e: io::Error) -> Stop {
        Stop::Output(e)
    }
}

/// What the writer did.
#[derive(Default)]
struct Tally {
    written: usize,
    failed: usize,
}

/// Everything a thread needs to annotate, shared by all of them.
struct Work {
    pipeline: Pipeline,
    renderer: Renderer,
    custom_layers: Vec<String>,
    /// Input and output buffers of finished batches, reused, each kind in
    /// a pool of its own: a fresh or grown buffer costs page faults on
    /// every 4 kB and a reallocation, under the input lock for input.
    /// Each thread has pools of its own, so that a buffer stays in the
    /// cache of the core that last filled it.
    inputs: Vec<BufferPool>,
    outputs: Vec<BufferPool>,
}

/// Byte buffers to reuse, made with room for one batch.
struct BufferPool {
    buffers: Mutex<Vec<Vec<u8>>>,
    /// The capacity of a new buffer.
    room: usize,
}

impl BufferPool {
    fn new(room: usize) -> BufferPool {
        BufferPool { buffers: Mutex::default(), room }
    }

    fn take(&self) -> Vec<u8> {
        lock(&self.buffers).pop().unwrap_or_else(|| Vec::with_capacity(self.room))
    }

    fn give_back(&self, mut buffer: Vec<u8>) {
        // Keep a few ordinary buffers; let the one of a huge record go.
        if buffer.capacity() <= 64 * BATCH_BYTES {
            buffer.clear();
            let mut buffers = lock(&self.buffers);
            if buffers.len() < 64 {
                buffers.push(buffer);
            }
        }
    }
}

/// The input side: one thread at a time cuts the next batch.
struct Input {
    reader: Reader,
    /// The number of the next batch.
    seq: u64,
    /// The input ended or failed: no more batches.
    done: bool,
}

/// The output side: the thread holding it writes batches in input order.
struct Output {
    out: io::BufWriter<Box<dyn Write + Send>>,
    /// The number of the next batch to write.
    next: u64,
    tally: Tally,
    /// Set once, when writing ends: normally at the input's end, or why not.
    finished: Option<Result<(), Stop>>,
}

/// One run, shared by its threads.
struct Run<'w> {
    work: &'w Work,
    fail_fast: bool,
    progress: ProgressBar,
    input: Mutex<Input>,
    /// Batches done and waiting for every batch before them to be written.
    ready: Mutex<BTreeMap<u64, Msg>>,
    output: Mutex<Output>,
    /// Batches taken and not yet written, with its limit and the condition
    /// a thread waits on for room.
    taken: Mutex<usize>,
    max_taken: usize,
    room: Condvar,
    /// Writing ended: threads stop taking batches.
    stopped: AtomicBool,
}

pub(crate) fn run(args: &RunArgs, threads: usize) -> Result<u8, Failure> {
    let pipeline = load_pipeline(&args.pipeline)?;
    let (pipeline, layers) = choose_layers(pipeline, args.layers.as_deref())?;
    let custom_layers = custom_layers(&pipeline);
    let renderer = Renderer { format: args.format, options: OutputOptions { unit: args.offsets.into(), layers } };
    let mut out = open_stdout()?;
    let reader = Reader::open(&args.inputs, args.max_doc_bytes)?;
    let progress = progress_bar(reader.total_bytes);
    let work = Work {
        pipeline,
        renderer,
        custom_layers,
        inputs: (0..threads).map(|_| BufferPool::new(INPUT_ROOM)).collect(),
        outputs: (0..threads).map(|_| BufferPool::new(4 * BATCH_BYTES)).collect(),
    };
    let begun = out.write_all(work.renderer.begin());

    let run = Run {
        work: &work,
        fail_fast: args.fail_fast,
        progress,
        input: Mutex::new(Input { reader, seq: 0, done: false }),
        ready: Mutex::default(),
        output: Mutex::new(Output { out, next: 0, tally: Tally::default(), finished: None }),
        taken: Mutex::new(0),
        max_taken: in_flight(threads),
        room: Condvar::new(),
        stopped: AtomicBool::new(false),
    };
    if let Err(e) = begun {
        run.finish(&mut lock(&run.output), Err(Stop::Output(e)));
    }
    let placement = Placement::one_cpu_each(threads);
    if let Some(placement) = &placement {
        placement.pin(0);
    }
    std::thread::scope(|scope| {
        for i in 1..threads {
            let (run, placement) = (&run, &placement);
            // A thread that cannot start leaves its share to the others.
            let worker =
                std::thread::Builder::new().name(format!("byline-worker-{i}")).spawn_scoped(scope, move || {
                    if let Some(placement) = placement {
                        placement.pin(i);
                    }
                    run.work(i)
                });
            // The new thread is queued on this thread's CPU: let it run
            // now, long enough to move itself to its own.
            if worker.is_ok() && placement.is_some() {
                std::thread::yield_now();
            }
        }
        run.work(0);
    });
    if let Some(placement) = &placement {
        placement.unpin();
    }
    run.progress.finish_and_clear();

    let Output { mut out, tally, finished, .. } = run.output.into_inner().unwrap_or_else(PoisonError::into_inner);
    let outcome = match finished {
        Some(Ok(())) => {
            out.write_all(work.renderer.end(tally.written > 0)).and_then(|()| out.flush()).map_err(Stop::Output)
        }
        Some(Err(stop)) => Err(stop),
        // Every thread ended without the input's end being written: a bug.
        None => Err(Stop::Input(Failure::internal("the run ended before its input did"))),
    };
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

impl Run<'_> {
    /// One thread's loop: take a batch, annotate it, hand it to the output.
    fn work(&self, me: usize) {
        while let Some((seq, batch)) = self.take(me) {
            let msg =
                catch_unwind(AssertUnwindSafe(|| annotate(self.work, me, batch).map_or_else(Msg::Failed, Msg::Batch)))
                    .unwrap_or_else(|_| Msg::Failed(Failure::internal("a worker stopped unexpectedly")));
            self.deliver(seq, msg);
        }
    }

    /// The next batch and its number, once there is room for it; `None` at
    /// the end of the input or when writing has stopped.
    fn take(&self, me: usize) -> Option<(u64, Batch)> {
        {
            let mut taken = lock(&self.taken);
            while *taken >= self.max_taken && !self.stopped.load(Ordering::Acquire) {
                taken = self.room.wait(taken).unwrap_or_else(PoisonError::into_inner);
            }
            if self.stopped.load(Ordering::Acquire) {
                return None;
            }
            *taken += 1;
        }
        let mut input = lock(&self.input);
        if input.done {
            drop(input);
            self.written_one();
            return None;
        }
        let seq = input.seq;
        input.seq += 1;
        let last = match input.reader.next_batch(BATCH_DOCS, BATCH_BYTES, self.work.inputs[me].take()) {
            Ok(batch) if batch.items.is_empty() && batch.input_bytes == 0 => Msg::End,
            Ok(batch) => return Some((seq, batch)),
            Err(failure) => Msg::Failed(failure),
        };
        input.done = true;
        drop(input);
        self.deliver(seq, last);
        None
    }

    /// Hands batch `seq` to the output, and writes it with every batch
    /// after it that is ready, unless another thread is writing: that thread
    /// looks for it before it lets go of the writer.
    fn deliver(&self, seq: u64, msg: Msg) {
        lock(&self.ready).insert(seq, msg);
        loop {
            let mut output = match self.output.try_lock() {
                Ok(output) => output,
                Err(TryLockError::WouldBlock) => return,
                Err(TryLockError::Poisoned(poisoned)) => poisoned.into_inner(),
            };
            self.write_ready(&mut output);
            let next = output.next;
            let done = output.finished.is_some();
            drop(output);
            // A batch that arrived while this thread held the writer found
            // it taken: write it now.
            if done || !lock(&self.ready).contains_key(&next) {
                return;
            }
        }
    }

    /// Writes every ready batch that is next in input order.
    fn write_ready(&self, output: &mut Output) {
        while output.finished.is_none() {
            let Some(msg) = lock(&self.ready).remove(&output.next) else { return };
            output.next += 1;
            match msg {
                Msg::Batch(rendered) => match self.write_batch(output, rendered) {
                    Ok(true) => self.written_one(),
                    Ok(false) => self.finish(output, Ok(())),
                    Err(stop) => self.finish(output, Err(stop)),
                },
                Msg::Failed(failure) => self.finish(output, Err(Stop::Input(failure))),
                Msg::End => self.finish(output, Ok(())),
            }
        }
    }

    /// Ends writing: every thread stops taking batches.
    fn finish(&self, output: &mut Output, how: Result<(), Stop>) {
        output.finished = Some(how);
        self.stopped.store(true, Ordering::Release);
        // Taken under the lock, so no thread misses the wake-up between its
        // check of `stopped` and its wait.
        let _taken = lock(&self.taken);
        self.room.notify_all();
    }

    /// A batch is written (or was never taken): room for another.
    fn written_one(&self) {
        let mut taken = lock(&self.taken);
        *taken = taken.saturating_sub(1);
        self.room.notify_one();
    }

    /// Writes one batch's records; `false` when `--fail-fast` stops the run.
    fn write_batch(&self, output: &mut Output, rendered: Rendered) -> Result<bool, Stop> {
        let Output { out, tally, .. } = output;
        let renderer = &self.work.renderer;
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
                        stop = self.fail_fast;
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
            return Ok(false);
        }
        self.progress.inc(rendered.input_bytes);
        self.progress.set_message(format!("{} documents", tally.written));
        self.work.outputs[rendered.owner].give_back(rendered.bytes);
        Ok(true)
    }
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
fn open_stdout() -> Result<io::BufWriter<Box<dyn Write + Send>>, Failure> {
    if stdout_was_closed() {
        return Err(Failure::io(
            "cannot write the output: stdout is closed (or is /dev/null opened for reading and writing, \
             which is what a closed stdout becomes); redirect it to a file or a pipe, or write-only to /dev/null",
        ));
    }
    let sink: Box<dyn Write + Send> = match stdout_file() {
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

/// A worker: parses, annotates and renders one batch.
fn annotate(work: &Work, me: usize, batch: Batch) -> Result<Rendered, Failure> {
    let input_bytes = batch.input_bytes;
    // Parse the whole batch first and let the raw bytes go before any
    // stage runs: a large document is then held once, not twice.
    let (parsed, data) = batch.parse(&work.custom_layers)?;
    work.inputs[me].give_back(data);
    let mut bytes = work.outputs[me].take();
    let mut records = Vec::with_capacity(parsed.len());
    for record in parsed {
        let ok = match work.pipeline.annotate_record(record) {
            Ok(doc) if doc.text().len() > STREAM_TEXT && work.renderer.format == Format::Jsonl => {
                records.push(Out::Stream(Box::new(doc)));
                continue;
            }
            annotated => render(&work.renderer, &annotated, &mut bytes),
        };
        records.push(Out::Done { end: bytes.len(), ok });
    }
    Ok(Rendered { bytes, records, input_bytes, owner: me })
}

/// The names of the pipeline's custom layers: input fields may not use them.
pub(crate) fn custom_layers(pipeline: &Pipeline) -> Vec<String> {
    pipeline.layers().iter().filter(|l| !l.is_standard()).map(|l| l.name().to_owned()).collect()
}

/// Renders what [`Pipeline::annotate_record`] gave into `out`; `false` for an error record.
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
