//! Reading input documents: .txt files, .jsonl files, directories and stdin,
//! streamed in batches so memory stays bounded on large inputs.
//!
//! A bad record (invalid JSON, no `text`, invalid UTF-8) becomes a
//! [`Record::Bad`] in its place: the output keeps one line per input record.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use byline_core::json::InputError;
use byline_core::{Document, io_reason};

use crate::Failure;

/// One input record.
#[derive(Debug)]
#[allow(clippy::large_enum_variant)] // Records are moved once, into a batch; boxing would only add an allocation.
pub(crate) enum Record {
    /// A document to annotate.
    Doc(Document),
    /// A record that could not be read, and why.
    Bad { id: String, error: String },
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

/// Streams records from all inputs, in order.
pub(crate) struct Reader {
    sources: VecDeque<Source>,
    current: Option<JsonlStream>,
}

/// An open JSONL stream and its position, for fallback ids (`byline serve`
/// reads batch request bodies with it too).
pub(crate) struct JsonlStream {
    name: String,
    reader: Box<dyn BufRead>,
    line: usize,
}

impl Reader {
    pub(crate) fn open(inputs: &[PathBuf]) -> Result<Reader, Failure> {
        Ok(Reader { sources: resolve(inputs)?, current: None })
    }

    /// Up to `max_docs` records or about `max_bytes` of text; empty at the end.
    pub(crate) fn next_batch(&mut self, max_docs: usize, max_bytes: usize) -> Result<Vec<Record>, Failure> {
        let mut batch = Vec::new();
        let mut bytes = 0;
        while batch.len() < max_docs && bytes < max_bytes {
            match self.next_record()? {
                Some(record) => {
                    bytes += match &record {
                        Record::Doc(d) => d.text().len(),
                        Record::Bad { .. } => 0,
                    };
                    batch.push(record);
                }
                None => break,
            }
        }
        Ok(batch)
    }

    fn next_record(&mut self) -> Result<Option<Record>, Failure> {
        loop {
            if let Some(stream) = &mut self.current {
                match stream.next_record()? {
                    Some(record) => return Ok(Some(record)),
                    None => self.current = None,
                }
            }
            let Some(source) = self.sources.pop_front() else { return Ok(None) };
            match source {
                Source::Text(path) => return Ok(Some(read_text_file(&path)?)),
                Source::Jsonl(path) => {
                    let file = File::open(&path).map_err(|e| {
                        Failure::io(format!("cannot read input `{}`: {}", path.display(), io_reason(&e)))
                    })?;
                    self.current = Some(JsonlStream::new(path.display().to_string(), Box::new(BufReader::new(file))));
                }
                Source::Stdin => {
                    let mut stdin = BufReader::with_capacity(1 << 16, io::stdin());
                    if starts_with_brace(&mut stdin)? {
                        self.current = Some(JsonlStream::new("stdin".to_owned(), Box::new(stdin)));
                    } else {
                        let mut raw = Vec::new();
                        stdin
                            .read_to_end(&mut raw)
                            .map_err(|e| Failure::io(format!("cannot read stdin: {}", io_reason(&e))))?;
                        // Empty stdin holds no document (`byline run < /dev/null`).
                        if !raw.is_empty() {
                            return Ok(Some(text_record("stdin".to_owned(), raw)));
                        }
                    }
                }
            }
        }
    }
}

/// Peeks past leading whitespace (and a BOM) for a `{`.
fn starts_with_brace(reader: &mut BufReader<io::Stdin>) -> Result<bool, Failure> {
    loop {
        let buf = reader.fill_buf().map_err(|e| Failure::io(format!("cannot read stdin: {}", io_reason(&e))))?;
        if buf.is_empty() {
            return Ok(false);
        }
        let skip = buf.iter().take_while(|b| b.is_ascii_whitespace()).count();
        if skip < buf.len() {
            let rest = &buf[skip..];
            return Ok(rest[0] == b'{' || rest.starts_with("\u{feff}{".as_bytes()));
        }
        let n = buf.len();
        reader.consume(n);
    }
}

fn read_text_file(path: &Path) -> Result<Record, Failure> {
    let raw = std::fs::read(path)
        .map_err(|e| Failure::io(format!("cannot read input `{}`: {}", path.display(), io_reason(&e))))?;
    let id = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    Ok(text_record(id, raw))
}

fn text_record(id: String, raw: Vec<u8>) -> Record {
    match String::from_utf8(raw) {
        Ok(text) => Record::Doc(Document::new(id, text)),
        Err(e) => Record::Bad { id, error: InputError::NotUtf8(e.utf8_error().valid_up_to()).to_string() },
    }
}

impl JsonlStream {
    pub(crate) fn new(name: String, reader: Box<dyn BufRead>) -> JsonlStream {
        JsonlStream { name, reader, line: 0 }
    }

    pub(crate) fn next_record(&mut self) -> Result<Option<Record>, Failure> {
        let mut raw = Vec::new();
        loop {
            raw.clear();
            let n = self
                .reader
                .read_until(b'\n', &mut raw)
                .map_err(|e| Failure::io(format!("cannot read `{}`: {}", self.name, io_reason(&e))))?;
            if n == 0 {
                return Ok(None);
            }
            self.line += 1;
            let mut line: &[u8] = &raw;
            if self.line == 1 {
                line = line.strip_prefix("\u{feff}".as_bytes()).unwrap_or(line);
            }
            // Blank lines separate nothing in JSONL; they are not documents.
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let fallback_id = format!("{}:{}", self.name, self.line);
            let record = match std::str::from_utf8(line) {
                Ok(text) => match Document::from_json(text, &fallback_id) {
                    Ok(doc) => Record::Doc(doc),
                    Err(e) => Record::Bad { id: salvage_id(text).unwrap_or(fallback_id), error: e.to_string() },
                },
                Err(e) => Record::Bad {
                    id: salvage_id(&String::from_utf8_lossy(line)).unwrap_or(fallback_id),
                    error: InputError::NotUtf8(e.valid_up_to()).to_string(),
                },
            };
            return Ok(Some(record));
        }
    }
}

/// The `id` of a record that is unusable (no `text`, bad UTF-8 elsewhere in
/// the line), so its error record can still be matched to the input.
fn salvage_id(line: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(line).ok()?;
    match value.get("id")? {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}
