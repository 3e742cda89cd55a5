//! Reading input: .txt files, .jsonl files, directories and stdin, cut into
//! batches of raw records by one thread at a time.
//!
//! The reader only cuts the input: a regular JSONL file into byte ranges
//! that the parsing threads read themselves, a stream up to its last whole
//! line. Lines are split and parsed in parallel afterwards
//! ([`Batch::parse`]), so reading never serialises a run. A
//! record larger than `--max-doc-bytes` is never held in memory: it is
//! skipped to its end and becomes an error record in its place, as does
//! every unreadable record, so the output keeps one line per input record.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, PoisonError};

use byline_core::json::{InputError, RecordError, RecordId, read_record};
use byline_core::{Document, io_reason};

use crate::{Failure, lock};

/// Bytes of an oversized record kept to find its id.
const ID_PREFIX: usize = 64 << 10;

/// A batch of raw records and the bytes they point into.
#[derive(Debug, Default)]
pub(crate) struct Batch {
    /// The records' bytes, one after another.
    pub(crate) data: Vec<u8>,
    /// The records, in input order.
    pub(crate) items: Vec<Item>,
    /// Input bytes this batch stands for (skipped records included), for progress.
    pub(crate) input_bytes: u64,
}

/// One raw input record, or a run of JSONL lines to split into records.
#[derive(Debug)]
pub(crate) enum Item {
    /// Whole JSONL lines at `range` of the batch data, the first of them
    /// line `first_line` of `source`: split into records by the thread that
    /// parses them ([`Batch::parse`]), so the reader only finds where the
    /// last line of a read ends.
    Lines { range: Range<usize>, source: Arc<str>, first_line: usize, limit: u64 },
    /// A range of a JSONL file, not read yet: the thread that parses it
    /// reads it ([`FileRange::load`]).
    Range(FileRange),
    /// One record.
    Record(Record),
}

/// One raw input record.
#[derive(Debug)]
pub(crate) enum Record {
    /// A JSONL line at `range` of the batch data (its line end is trimmed when parsed).
    Line { range: Range<usize>, line: usize },
    /// A whole text document: a file's or stdin's bytes.
    Text { id: String, bytes: Vec<u8> },
    /// A record that is unusable before parsing (too large), and why.
    Bad { id: RecordId, error: InputError },
}

/// A batch's records, parsed, and its data back for reuse.
pub(crate) type Parsed = (Vec<Result<Document, RecordError>>, Vec<u8>);

impl Batch {
    /// Every record of the batch, parsed, in order, and the batch's data
    /// back for reuse; an error when a range of a file cannot be read.
    pub(crate) fn parse(self, custom_layers: &[String]) -> Result<Parsed, Failure> {
        let Batch { mut data, items, .. } = self;
        let mut records = Vec::with_capacity(items.len());
        for item in items {
            match item {
                Item::Lines { range, source, first_line, limit } => {
                    for line in split_lines(&data, range, &source, first_line, limit) {
                        records.push(line.parse(&data, &source, custom_layers));
                    }
                }
                Item::Range(range) => {
                    let source = Arc::clone(&range.name);
                    for line in range.load(&mut data)? {
                        records.push(line.parse(&data, &source, custom_layers));
                    }
                }
                Item::Record(record) => records.push(record.parse(&data, "", custom_layers)),
            }
        }
        Ok((records, data))
    }
}

/// The records of whole JSONL lines: blank lines are none, a BOM before the
/// first line of a source is no part of it, and a line over `limit` bytes
/// is an error record.
fn split_lines(data: &[u8], range: Range<usize>, source: &str, first_line: usize, limit: u64) -> Vec<Record> {
    let mut out = Vec::new();
    let (mut start, end) = (range.start, range.end);
    let mut line = first_line;
    while start < end {
        let stop = memchr::memchr(b'\n', &data[start..end]).map_or(end, |i| start + i + 1);
        let mut range = start..stop;
        // A BOM on the first line is not part of the record.
        if line == 1 && data[range.clone()].starts_with("\u{feff}".as_bytes()) {
            range.start += 3;
        }
        let record = &data[range.clone()];
        // The limit is on the record, not its line end.
        let record_size = record.strip_suffix(b"\n").map_or(record, |r| r.strip_suffix(b"\r").unwrap_or(r)).len();
        if record_size as u64 > limit {
            let id = id_in(record.get(..ID_PREFIX).unwrap_or(record), source, line);
            out.push(Record::Bad { id, error: InputError::TooLarge { size: record_size as u64, limit } });
        } else if !record.iter().all(u8::is_ascii_whitespace) {
            // Blank lines separate nothing in JSONL; they are not documents.
            out.push(Record::Line { range, line });
        }
        start = stop;
        line += 1;
    }
    out
}

/// The lines in `bytes`: its line ends, and a last line without one.
fn count_lines(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count() + usize::from(!bytes.is_empty() && !bytes.ends_with(b"\n"))
}

/// The id of a record too large to read, when it is in `prefix`.
fn id_in(prefix: &[u8], source: &str, line: usize) -> RecordId {
    match read_record(prefix, || format!("{source}:{line}"), &[]) {
        Ok(doc) => RecordId::of(&doc),
        Err(bad) => bad.id,
    }
}

impl Record {
    /// The document, or the id and reason of its error record.
    /// `source` names the input of a JSONL line, for its fallback id.
    fn parse(self, data: &[u8], source: &str, custom_layers: &[String]) -> Result<Document, RecordError> {
        match self {
            Record::Line { range, line } => read_record(&data[range], || format!("{source}:{line}"), custom_layers),
            // The file's bytes become the document's text as they are.
            Record::Text { id, bytes } => match String::from_utf8(bytes) {
                Ok(text) => Ok(Document::new(id, text)),
                Err(e) => Err(RecordError {
                    id: RecordId::Text(id),
                    error: InputError::NotUtf8(e.utf8_error().valid_up_to()),
                }),
            },
            Record::Bad { id, error } => Err(RecordError { id, error }),
        }
    }
}

/// A regular JSONL file, cut into ranges of bytes under the reader's lock
/// (no reading there) and read by the threads that parse them, so reading
/// is no serial part of a run. A line belongs to the range it starts in;
/// each range learns the number of its first line from the range before it
/// ([`LineBases`]) once that range has counted its lines, before parsing.
#[derive(Debug)]
struct RangedFile {
    name: Arc<str>,
    file: Arc<File>,
    len: u64,
    /// Where the next range starts.
    pos: u64,
    /// The number of the next range.
    index: usize,
    bases: Arc<LineBases>,
}

impl RangedFile {
    fn new(name: String, file: File, len: u64) -> RangedFile {
        RangedFile { name: name.into(), file: Arc::new(file), len, pos: 0, index: 0, bases: Arc::new(LineBases::new()) }
    }

    /// The next range of about `size` bytes; `None` at the end.
    fn claim(&mut self, size: u64, limit: u64) -> Option<FileRange> {
        (self.pos < self.len).then(|| {
            let start = self.pos;
            self.pos = (start + size.max(1)).min(self.len);
            self.index += 1;
            FileRange {
                name: self.name.clone(),
                file: Arc::clone(&self.file),
                len: self.len,
                start,
                end: self.pos,
                index: self.index - 1,
                limit,
                bases: Arc::clone(&self.bases),
            }
        })
    }
}

/// One range of a [`RangedFile`].
#[derive(Debug)]
pub(crate) struct FileRange {
    name: Arc<str>,
    file: Arc<File>,
    len: u64,
    start: u64,
    end: u64,
    index: usize,
    limit: u64,
    bases: Arc<LineBases>,
}

/// Bytes read at a time past a range's end, to finish its last line.
const TAIL_CHUNK: usize = 64 << 10;

/// The page size that [`align_to_file`] aligns to.
const PAGE: usize = 4096;

/// Pads `data` (with room for `size` more bytes after the padding) so that
/// the next byte's address and file offset `at` have the same place in a
/// page. The kernel's copy of a file's pages into a buffer slows down
/// several times when the destination runs a few bytes ahead of the source
/// within a page (4K aliasing between its loads and stores): reading each
/// range from the byte before it, into a page-aligned buffer, did exactly
/// that, and the copy took 18% of a light pipeline's time
/// (docs/benchmarks.md). The padding belongs to no record.
fn align_to_file(data: &mut Vec<u8>, at: u64, size: usize) {
    data.reserve(PAGE + size);
    let next = data.as_ptr() as usize + data.len();
    let pad = (at as usize).wrapping_sub(next) % PAGE;
    data.resize(data.len() + pad, 0);
}

impl FileRange {
    /// Reads the lines that start in the range (the last one to its end,
    /// past the range) onto `data`, and returns their records.
    fn load(self, data: &mut Vec<u8>) -> Result<Vec<Record>, Failure> {
        // Its number, with 0 lines, if anything below fails: the ranges
        // after it must not wait for ever.
        let mut publish = Publish { bases: &self.bases, index: self.index, lines: 0, done: false };
        // One byte before the range says whether a line starts at its start.
        let from = self.start.saturating_sub(1);
        let size = (self.end - from) as usize;
        align_to_file(data, from, size);
        let base = data.len();
        self.read_at(data, from, size)?;
        let mut own = base;
        if self.start > 0 {
            own = match memchr::memchr(b'\n', &data[base..]) {
                Some(i) => base + i + 1,
                None => data.len(),
            };
        }
        let own_start = own;
        // The last line that starts in the range runs on to its line end.
        let mut big = None;
        if own_start < data.len() && !data.ends_with(b"\n") && self.end < self.len {
            let last = memchr::memrchr(b'\n', &data[own_start..]).map_or(own_start, |i| own_start + i + 1);
            let mut at = self.end;
            while at < self.len {
                if (data.len() - last) as u64 > self.limit {
                    // Too large to keep: keep its start for the id, find its end.
                    let size = self.skip_line(at, (data.len() - last) as u64)?;
                    data.truncate(last + (data.len() - last).min(ID_PREFIX));
                    big = Some((last, size));
                    break;
                }
                let n = self.read_at(data, at, TAIL_CHUNK)?;
                if n == 0 {
                    break;
                }
                at += n as u64;
                if let Some(i) = memchr::memchr(b'\n', &data[data.len() - n..]) {
                    data.truncate(data.len() - n + i + 1);
                    break;
                }
            }
        }
        let lines_end = big.map_or(data.len(), |(last, _)| last);
        let count = count_lines(&data[own_start..lines_end]) + usize::from(big.is_some());
        publish.lines = count;
        let first_line = self.bases.wait(self.index) + 1;
        publish.send();
        let mut records = split_lines(data, own_start..lines_end, &self.name, first_line, self.limit);
        if let Some((last, size)) = big {
            let id = id_in(&data[last..], &self.name, first_line + count - 1);
            records.push(Record::Bad { id, error: InputError::TooLarge { size, limit: self.limit } });
        }
        Ok(records)
    }

    /// Appends up to `n` bytes of the file from `at` to `data`; how many
    /// (fewer only at the end of the file).
    fn read_at(&self, data: &mut Vec<u8>, at: u64, n: usize) -> Result<usize, Failure> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileExt;
            let old = data.len();
            data.resize(old + n, 0);
            let mut got = 0;
            while got < n {
                match self.file.read_at(&mut data[old + got..], at + got as u64) {
                    Ok(0) => break,
                    Ok(k) => got += k,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => {
                        data.truncate(old);
                        return Err(cannot_read(&self.name, &e));
                    }
                }
            }
            data.truncate(old + got);
            Ok(got)
        }
        #[cfg(not(unix))]
        {
            let _ = (data, at, n);
            Err(Failure::internal("ranged reading is only used on Unix"))
        }
    }

    /// The size of a line too large to keep, `so_far` bytes of it read
    /// before `at`: reads on to its line end without keeping it.
    fn skip_line(&self, mut at: u64, mut so_far: u64) -> Result<u64, Failure> {
        let mut chunk = Vec::with_capacity(TAIL_CHUNK);
        while at < self.len {
            chunk.clear();
            let n = self.read_at(&mut chunk, at, TAIL_CHUNK)?;
            if n == 0 {
                break;
            }
            if let Some(i) = memchr::memchr(b'\n', &chunk) {
                let line = &chunk[..i];
                return Ok(so_far + line.strip_suffix(b"\r").unwrap_or(line).len() as u64);
            }
            so_far += n as u64;
            at += n as u64;
        }
        Ok(so_far)
    }
}

/// The first line number of each range of a file not yet taken, handed on
/// in order: a range waits for the one before it to have counted its lines.
#[derive(Debug)]
pub(crate) struct LineBases {
    /// Range number to the number of lines before it.
    known: Mutex<std::collections::BTreeMap<usize, usize>>,
    changed: Condvar,
}

impl LineBases {
    fn new() -> LineBases {
        LineBases { known: Mutex::new(std::collections::BTreeMap::from([(0, 0)])), changed: Condvar::new() }
    }

    /// The number of lines before range `index`, once known.
    fn wait(&self, index: usize) -> usize {
        let mut known = lock(&self.known);
        loop {
            if let Some(&lines) = known.get(&index) {
                return lines;
            }
            known = self.changed.wait(known).unwrap_or_else(PoisonError::into_inner);
        }
    }
}

/// Hands range `index`'s line count on to the next range, when sent or
/// dropped (so an error or a panic cannot leave the next range waiting).
struct Publish<'b> {
    bases: &'b LineBases,
    index: usize,
    lines: usize,
    done: bool,
}

impl Publish<'_> {
    fn send(&mut self) {
        if std::mem::replace(&mut self.done, true) {
            return;
        }
        let mut known = lock(&self.bases.known);
        // Known by now, or 0 when this range failed before its turn.
        let before = known.remove(&self.index).unwrap_or(0);
        known.insert(self.index + 1, before + self.lines);
        drop(known);
        self.bases.changed.notify_all();
    }
}

impl Drop for Publish<'_> {
    fn drop(&mut self) {
        self.send();
    }
}

/// Where documents come from.
#[derive(Debug)]
enum Source {
    Text(PathBuf),
    Jsonl(PathBuf),
    Stdin,
}

/// Expands the INPUT arguments into sources, checking that each exists.
fn resolve(inputs: &[PathBuf]) -> Result<VecDeque<Source>, Failure> {
    if inputs.is_empty() {
        return Ok(VecDeque::from([Source::Stdin]));
    }
    let mut out = VecDeque::new();
    for path in inputs {
        if path.as_os_str() == "-" {
            out.push_back(Source::Stdin);
            continue;
        }
        let meta = std::fs::metadata(path)
            .map_err(|e| Failure::io(format!("cannot read input `{}`: {}", path.display(), io_reason(&e))))?;
        if meta.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|e| Failure::io(format!("cannot list folder `{}`: {}", path.display(), io_reason(&e))))?
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && matches!(extension(p), "txt" | "jsonl"))
                .collect();
            files.sort();
            out.extend(files.into_iter().map(source_for));
        } else {
            out.push_back(source_for(path.clone()));
        }
    }
    Ok(out)
}

fn extension(path: &Path) -> &str {
    path.extension().and_then(|e| e.to_str()).unwrap_or("")
}

fn source_for(path: PathBuf) -> Source {
    if extension(&path) == "jsonl" { Source::Jsonl(path) } else { Source::Text(path) }
}

/// Streams raw records from all inputs, in order.
pub(crate) struct Reader {
    sources: VecDeque<Source>,
    current: Option<JsonlStream>,
    /// A JSONL file read in ranges by the threads that parse them.
    ranged: Option<RangedFile>,
    max_doc_bytes: u64,
    /// Total input size when every input is a file (for the progress ETA).
    pub(crate) total_bytes: Option<u64>,
}

/// An open JSONL stream. It reads straight into the batch's data and
/// carries what it read past the batch's last record over to the next batch.
struct JsonlStream {
    name: Arc<str>,
    reader: Box<dyn Read + Send>,
    /// Lines read so far, for fallback ids.
    line: usize,
    /// Where the next line starts in the batch's data.
    line_start: usize,
    /// How far the batch's data has been searched for a line end.
    scanned: usize,
    /// Bytes read after the last record of the previous batch.
    pending: Vec<u8>,
    eof: bool,
}

impl Reader {
    pub(crate) fn open(inputs: &[PathBuf], max_doc_bytes: u64) -> Result<Reader, Failure> {
        let sources = resolve(inputs)?;
        let total_bytes = sources
            .iter()
            .map(|s| match s {
                Source::Text(p) | Source::Jsonl(p) => std::fs::metadata(p).ok().map(|m| m.len()),
                Source::Stdin => None,
            })
            .sum();
        Ok(Reader { sources, current: None, ranged: None, max_doc_bytes, total_bytes })
    }

    /// A reader of one JSONL stream already open (`byline serve`'s batch
    /// request bodies), read exactly as `byline run` reads a .jsonl file.
    pub(crate) fn jsonl(name: &str, input: Box<dyn Read + Send>, max_doc_bytes: u64) -> Reader {
        let current = Some(JsonlStream::new(name.to_owned(), input, 0));
        Reader { sources: VecDeque::new(), current, ranged: None, max_doc_bytes, total_bytes: None }
    }

    /// Up to `max_docs` records or about `max_bytes` of data, in `buffer`
    /// (emptied first); empty at the end.
    pub(crate) fn next_batch(&mut self, max_docs: usize, max_bytes: usize, buffer: Vec<u8>) -> Result<Batch, Failure> {
        let mut batch = Batch { data: buffer, ..Batch::default() };
        batch.data.clear();
        if let Some(stream) = &mut self.current {
            batch.data.append(&mut stream.pending);
            (stream.line_start, stream.scanned) = (0, 0);
        }
        let max_input = max_bytes as u64;
        while batch.items.len() < max_docs && batch.data.len() < max_bytes && batch.input_bytes < max_input {
            if !self.next_record(&mut batch, max_bytes)? {
                break;
            }
        }
        if let Some(stream) = &mut self.current {
            stream.pending.extend_from_slice(&batch.data[stream.line_start..]);
            batch.data.truncate(stream.line_start);
        }
        Ok(batch)
    }

    /// Adds the next record to `batch`; false at the end of the input.
    fn next_record(&mut self, batch: &mut Batch, max_bytes: usize) -> Result<bool, Failure> {
        loop {
            if let Some(file) = &mut self.ranged {
                if let Some(range) = file.claim(max_bytes as u64, self.max_doc_bytes) {
                    batch.input_bytes += range.end - range.start;
                    batch.items.push(Item::Range(range));
                    return Ok(true);
                }
                self.ranged = None;
            }
            if let Some(stream) = &mut self.current {
                if stream.next_lines(batch, self.max_doc_bytes)? {
                    return Ok(true);
                }
                self.current = None;
            }
            let Some(source) = self.sources.pop_front() else { return Ok(false) };
            match source {
                Source::Text(path) => {
                    let id = path
                        .file_name()
                        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
                    let name = path.display().to_string();
                    let file = File::open(&path).map_err(|e| cannot_read(&name, &e))?;
                    let size = file.metadata().map_or(0, |m| m.len());
                    read_text(id, file, &name, batch, self.max_doc_bytes, Some(size))?;
                    return Ok(true);
                }
                Source::Jsonl(path) => {
                    let name = path.display().to_string();
                    let file = File::open(&path).map_err(|e| cannot_read(&name, &e))?;
                    let meta = file.metadata().map_err(|e| cannot_read(&name, &e))?;
                    // A regular file is read in ranges, in parallel; a pipe
                    // or a device (`/dev/stdin`) as a stream.
                    if meta.is_file() && cfg!(unix) {
                        self.ranged = Some(RangedFile::new(name, file, meta.len()));
                    } else {
                        self.current = Some(JsonlStream::new(name, Box::new(file), batch.data.len()));
                    }
                }
                Source::Stdin => {
                    let mut stdin = BufReader::with_capacity(1 << 16, io::stdin());
                    let (blank, jsonl) = peek_stdin(&mut stdin)?;
                    let rest = io::Cursor::new(blank).chain(stdin);
                    if jsonl {
                        self.current = Some(JsonlStream::new("stdin".to_owned(), Box::new(rest), batch.data.len()));
                    } else if !read_text("stdin".to_owned(), rest, "stdin", batch, self.max_doc_bytes, None)? {
                        // Empty stdin holds no document (`byline run < /dev/null`).
                        continue;
                    } else {
                        return Ok(true);
                    }
                }
            }
        }
    }
}

fn cannot_read(name: &str, e: &io::Error) -> Failure {
    Failure::io(format!("cannot read input `{name}`: {}", io_reason(e)))
}

/// Reads stdin's leading whitespace: it is JSONL when the first other
/// character is `{` (after a BOM). The whitespace read is returned, so a
/// whitespace-only stdin is a text document like the same bytes in a file.
fn peek_stdin(stdin: &mut impl BufRead) -> Result<(Vec<u8>, bool), Failure> {
    let mut blank = Vec::new();
    loop {
        let buf = stdin.fill_buf().map_err(|e| cannot_read("stdin", &e))?;
        if buf.is_empty() {
            return Ok((blank, false));
        }
        let skip = buf.iter().take_while(|b| b.is_ascii_whitespace()).count();
        if skip < buf.len() {
            let rest = &buf[skip..];
            let jsonl = rest[0] == b'{' || rest.starts_with("\u{feff}{".as_bytes());
            return Ok((blank, jsonl));
        }
        blank.extend_from_slice(buf);
        let n = buf.len();
        stdin.consume(n);
    }
}

/// Adds a whole text document (a file of `size_hint` bytes, or stdin); false
/// for empty stdin.
fn read_text(
    id: String,
    input: impl Read,
    name: &str,
    batch: &mut Batch,
    limit: u64,
    size_hint: Option<u64>,
) -> Result<bool, Failure> {
    // An empty file is a document; empty stdin (no size known) is none.
    let keep_empty = size_hint.is_some();
    let mut input = input;
    let mut bytes = Vec::with_capacity(size_hint.map_or(0, |n| n.min(limit) as usize + 1));
    let read = (&mut input).take(limit + 1).read_to_end(&mut bytes).map_err(|e| cannot_read(name, &e))?;
    let mut size = read as u64;
    if size > limit {
        drop(bytes);
        size += io::copy(&mut input, &mut io::sink()).map_err(|e| cannot_read(name, &e))?;
        batch
            .items
            .push(Item::Record(Record::Bad { id: RecordId::Text(id), error: InputError::TooLarge { size, limit } }));
    } else if size == 0 && !keep_empty {
        return Ok(false);
    } else {
        batch.items.push(Item::Record(Record::Text { id, bytes }));
    }
    batch.input_bytes += size;
    Ok(true)
}

/// Bytes read from a JSONL input at a time.
pub(crate) const READ_CHUNK: usize = 256 << 10;

impl JsonlStream {
    fn new(name: String, reader: Box<dyn Read + Send>, at: usize) -> JsonlStream {
        JsonlStream { name: name.into(), reader, line: 0, line_start: at, scanned: at, pending: Vec::new(), eof: false }
    }

    /// Adds the whole lines read so far to `batch` as one run (reading
    /// more first when no line is whole yet); false at the end.
    fn next_lines(&mut self, batch: &mut Batch, limit: u64) -> Result<bool, Failure> {
        loop {
            let start = self.line_start;
            let end = match memchr::memrchr(b'\n', &batch.data[self.scanned..]) {
                Some(i) => self.scanned + i + 1,
                None if self.eof && start < batch.data.len() => batch.data.len(),
                None if self.eof => return Ok(false),
                None if (batch.data.len() - start) as u64 > limit => return self.skip_long_line(batch, limit),
                None => {
                    self.scanned = batch.data.len();
                    self.read_more(&mut batch.data)?;
                    continue;
                }
            };
            (self.line_start, self.scanned) = (end, end);
            let count = count_lines(&batch.data[start..end]);
            batch.input_bytes += (end - start) as u64;
            batch.items.push(Item::Lines {
                range: start..end,
                source: self.name.clone(),
                first_line: self.line + 1,
                limit,
            });
            self.line += count;
            return Ok(true);
        }
    }

    /// Reads up to [`READ_CHUNK`] more bytes onto `data`.
    fn read_more(&mut self, data: &mut Vec<u8>) -> Result<(), Failure> {
        let len = data.len();
        data.resize(len + READ_CHUNK, 0);
        let n = loop {
            match self.reader.read(&mut data[len..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    data.truncate(len);
                    return Err(cannot_read(&self.name, &e));
                }
            }
        };
        data.truncate(len + n);
        self.eof = n == 0;
        Ok(())
    }

    /// A line over `limit` bytes: keeps its start to find the id in, reads
    /// the rest without keeping it, and adds an error record.
    fn skip_long_line(&mut self, batch: &mut Batch, limit: u64) -> Result<bool, Failure> {
        self.line += 1;
        let start = self.line_start;
        let prefix_end = batch.data.len().min(start + ID_PREFIX);
        let id = id_in(&batch.data[start..prefix_end], &self.name, self.line);
        let mut size = (batch.data.len() - start) as u64;
        batch.data.truncate(start);
        loop {
            self.read_more(&mut batch.data)?;
            if self.eof {
                break;
            }
            match memchr::memchr(b'\n', &batch.data[start..]) {
                Some(i) => {
                    size += i as u64;
                    batch.input_bytes += 1;
                    batch.data.drain(start..start + i + 1);
                    break;
                }
                None => {
                    size += (batch.data.len() - start) as u64;
                    batch.data.truncate(start);
                }
            }
        }
        self.scanned = start;
        batch.input_bytes += size;
        batch.items.push(Item::Record(Record::Bad { id, error: InputError::TooLarge { size, limit } }));
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_lands_at_its_place_in_a_page() {
        for at in [0, 1, 4095, 4096, 131_071, 3 * 131_072 - 1] {
            for kept in [0, 1, 100, 5000] {
                let mut data = vec![b'x'; kept];
                align_to_file(&mut data, at, 1 << 17);
                assert!(data[..kept].iter().all(|&b| b == b'x'), "bytes before the padding are kept");
                assert_eq!((data.as_ptr() as usize + data.len()) % PAGE, at as usize % PAGE);
                assert!(data.capacity() - data.len() >= 1 << 17, "the read needs no reallocation");
            }
        }
    }
}
