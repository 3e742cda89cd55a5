//! The JSON formats: input records (`{"id", "text", ...}`) and output
//! documents with their layers, as `../shared/eval/OUTPUT.md` specifies.
//!
//! Output offsets are characters by default (what Python and the scorer
//! index with) or bytes; every annotation repeats its covered `text` so a
//! reader can check them.
//!
//! Both directions work on bytes, not on a `serde_json::Value` tree: input
//! fields other than `id` and `text` are kept as their original JSON text
//! ([`RawValue`]) and written back byte for byte, and output records are
//! written straight into a byte buffer. [`write_document`] is the one
//! renderer of `byline run`'s JSON; [`stream_document`] renders the same
//! bytes through a bounded buffer for documents too large to hold twice.

use std::borrow::Cow;
use std::fmt;
use std::io;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Deserializer as _;
use serde::de::{self, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;
use serde_json::value::RawValue;

use crate::span::{OffsetMap, OffsetUnit};
use crate::{Annotation, Document, Entity, Layer, Number, Quote, Span};

/// Why an input record could not become a document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    /// The line is not JSON.
    #[error("invalid JSON: {0}")]
    Json(String),
    /// The JSON is not an object.
    #[error("a record must be a JSON object with a string field \"text\"")]
    NotAnObject,
    /// No string `text` field.
    #[error("the record has no string field \"text\"")]
    NoText,
    /// The bytes are not UTF-8.
    #[error("the input is not valid UTF-8 (at byte {0}); convert it to UTF-8 first")]
    NotUtf8(usize),
    /// The `id` is neither a string nor an integer.
    #[error("the \"id\" must be a string or an integer, not {0}")]
    BadId(&'static str),
    /// A field has the name of a key byline writes itself.
    #[error(
        "the record has a field \"{0}\", a key byline writes itself (id, text, error and the layer names); rename it"
    )]
    ReservedKey(String),
    /// `id` or `text` appears twice.
    #[error("the record has the key \"{0}\" twice")]
    DuplicateKey(String),
    /// The document is larger than the limit.
    #[error(
        "the document is {size} bytes, more than the limit of {limit} bytes (--max-doc-bytes); split it or raise the limit"
    )]
    TooLarge {
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
}

/// A record's id as the input wrote it: a string, or an integer kept as its
/// digits so it is written back exactly (`18446744073709551616` stays).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordId {
    /// A JSON string id.
    Text(String),
    /// A JSON integer id, as written (`-12`, `007` is not JSON).
    Integer(String),
}

impl RecordId {
    /// The id as text (the digits of an integer).
    pub fn as_str(&self) -> &str {
        match self {
            RecordId::Text(s) | RecordId::Integer(s) => s,
        }
    }

    /// Writes the id as JSON: a string, or the integer's digits.
    pub fn write(&self, out: &mut Vec<u8>) {
        match self {
            RecordId::Text(s) => write_str(out, s),
            RecordId::Integer(digits) => out.extend_from_slice(digits.as_bytes()),
        }
    }

    /// The id of a document, as read.
    pub fn of(doc: &Document) -> RecordId {
        if doc.integer_id && is_integer_literal(&doc.id) {
            RecordId::Integer(doc.id.clone())
        } else {
            RecordId::Text(doc.id.clone())
        }
    }
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An input record that could not become a document: its id (the fallback
/// when the record has none) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// The record's id, for its error record.
    pub id: RecordId,
    /// What is wrong with it.
    pub error: InputError,
}

/// Keys of an output record that input fields may not use: a record is then
/// always unambiguous (an `"entities"` key is byline's, an `"error"` key
/// marks an error record).
pub const RESERVED_KEYS: [&str; 7] = ["error", "paragraphs", "sentences", "tokens", "entities", "numbers", "quotes"];

impl Document {
    /// Reads one JSONL record. `fallback_id` names the document when the
    /// record has no `id`. See [`read_record`].
    pub fn from_json(line: &str, fallback_id: &str) -> Result<Document, RecordError> {
        read_record(line.as_bytes(), || fallback_id.to_owned(), &[])
    }

    /// The document as a JSON value (layers included), with offsets in `unit`.
    pub fn to_json(&self, unit: OffsetUnit) -> Value {
        let mut out = Vec::new();
        self.write_json(unit, &mut out);
        serde_json::from_slice(&out).unwrap_or(Value::Null)
    }

    /// Writes the document as one line of JSON (no newline).
    pub fn write_json(&self, unit: OffsetUnit, out: &mut Vec<u8>) {
        write_document(self, &OutputOptions { unit, layers: None }, out);
    }
}

/// Reads one JSONL record into a document.
///
/// - `id` must be a string or an integer (kept as written); without one the
///   document is called `fallback_id()`.
/// - `text` must be a string.
/// - Fields named `error` or like a standard layer ([`RESERVED_KEYS`]), or
///   like one of `custom_layers`, are refused: byline writes those keys.
/// - Every other field is kept as its exact JSON text, in order.
/// - Bytes that are not UTF-8 make an error record that says where they are.
pub fn read_record(
    line: &[u8],
    fallback_id: impl Fn() -> String,
    custom_layers: &[String],
) -> Result<Document, RecordError> {
    read(line, &fallback_id, custom_layers)
}

fn read(line: &[u8], fallback_id: &dyn Fn() -> String, custom_layers: &[String]) -> Result<Document, RecordError> {
    let line = line.trim_ascii_end();
    let mut fields = Fields { id: None, text: None, text_seen: false, extra: Vec::new(), problem: None, custom_layers };
    let fail = |fields: &mut Fields<'_>, error| RecordError {
        id: fields.id.take().unwrap_or_else(|| RecordId::Text(fallback_id())),
        error,
    };
    let syntax = |e: serde_json::Error| match std::str::from_utf8(line) {
        Ok(_) => InputError::Json(json_error_message(&e)),
        Err(bad) => InputError::NotUtf8(bad.valid_up_to()),
    };
    if line.trim_ascii_start().first() != Some(&b'{') {
        let error = match serde_json::from_slice::<IgnoredAny>(line) {
            Ok(_) => InputError::NotAnObject,
            Err(e) => syntax(e),
        };
        return Err(fail(&mut fields, error));
    }
    let mut de = serde_json::Deserializer::from_slice(line);
    let parsed = (&mut de).deserialize_any(RecordVisitor { fields: &mut fields }).and_then(|()| de.end());
    if let Err(e) = parsed {
        let error = syntax(e);
        if let InputError::NotUtf8(_) = error {
            // Name the record by its id when the rest of it is readable.
            if let Ok(doc) = read(String::from_utf8_lossy(line).as_bytes(), fallback_id, custom_layers) {
                fields.id = Some(RecordId::of(&doc));
            }
        }
        return Err(fail(&mut fields, error));
    }
    if let Some(problem) = fields.problem.take() {
        return Err(fail(&mut fields, problem));
    }
    let Some(text) = fields.text.take() else { return Err(fail(&mut fields, InputError::NoText)) };
    let (id, integer_id) = match fields.id.take() {
        Some(RecordId::Text(id)) => (id, false),
        Some(RecordId::Integer(digits)) => (digits, true),
        None => (fallback_id(), false),
    };
    let mut doc = Document::new(id, text);
    doc.integer_id = integer_id;
    doc.extra = fields.extra;
    Ok(doc)
}

/// serde_json's message with the column, without "line 1": a record is one line.
fn json_error_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let message = text.rfind(" at line ").map_or(text.as_str(), |i| &text[..i]);
    format!("{message} at column {}", e.column())
}

/// True for a JSON integer literal: `-?(0|[1-9][0-9]*)`.
fn is_integer_literal(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && (digits.len() == 1 || !digits.starts_with('0'))
}

/// What the record visitor has found so far (kept on a syntax error, so the
/// error record still carries the id when it came before the error).
struct Fields<'c> {
    id: Option<RecordId>,
    text: Option<String>,
    text_seen: bool,
    extra: Vec<(String, Box<RawValue>)>,
    problem: Option<InputError>,
    custom_layers: &'c [String],
}

impl Fields<'_> {
    fn report(&mut self, problem: InputError) {
        self.problem.get_or_insert(problem);
    }
}

struct RecordVisitor<'f, 'c> {
    fields: &'f mut Fields<'c>,
}

impl<'de> Visitor<'de> for RecordVisitor<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let fields = self.fields;
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            match key.as_ref() {
                "id" => {
                    let raw: Box<RawValue> = map.next_value()?;
                    if fields.id.is_some() {
                        fields.report(InputError::DuplicateKey(key.into_owned()));
                        continue;
                    }
                    match classify_id(raw.get()) {
                        Ok(id) => fields.id = Some(id),
                        Err(kind) => fields.report(InputError::BadId(kind)),
                    }
                }
                "text" => {
                    let text = map.next_value::<MaybeString>()?.0;
                    if fields.text_seen {
                        fields.report(InputError::DuplicateKey(key.into_owned()));
                        continue;
                    }
                    fields.text_seen = true;
                    fields.text = text;
                }
                name if RESERVED_KEYS.contains(&name) || fields.custom_layers.iter().any(|c| c == name) => {
                    map.next_value::<IgnoredAny>()?;
                    fields.report(InputError::ReservedKey(key.into_owned()));
                }
                _ => {
                    let raw: Box<RawValue> = map.next_value()?;
                    fields.extra.push((key.into_owned(), raw));
                }
            }
        }
        Ok(())
    }
}

/// A key, borrowed from the input unless it has escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(v.to_owned())))
    }
}

/// A string id, an integer id, or what else the id was.
fn classify_id(raw: &str) -> Result<RecordId, &'static str> {
    match raw.as_bytes().first() {
        Some(b'"') => serde_json::from_str(raw).map(RecordId::Text).map_err(|_| "a string"),
        Some(b'-' | b'0'..=b'9') if is_integer_literal(raw) => Ok(RecordId::Integer(raw.to_owned())),
        Some(b'-' | b'0'..=b'9') => Err("a fraction or exponent"),
        Some(b'n') => Err("null"),
        Some(b't' | b'f') => Err("a boolean"),
        Some(b'[') => Err("an array"),
        _ => Err("an object"),
    }
}

/// A value that is a string (`Some`) or anything else (`None`).
struct MaybeString(Option<String>);

impl<'de> de::Deserialize<'de> for MaybeString {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(MaybeStringVisitor)
    }
}

struct MaybeStringVisitor;

impl<'de> Visitor<'de> for MaybeStringVisitor {
    type Value = MaybeString;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_str<E>(self, v: &str) -> Result<MaybeString, E> {
        Ok(MaybeString(Some(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<MaybeString, E> {
        Ok(MaybeString(Some(v)))
    }
    fn visit_bool<E>(self, _: bool) -> Result<MaybeString, E> {
        Ok(MaybeString(None))
    }
    fn visit_i64<E>(self, _: i64) -> Result<MaybeString, E> {
        Ok(MaybeString(None))
    }
    fn visit_u64<E>(self, _: u64) -> Result<MaybeString, E> {
        Ok(MaybeString(None))
    }
    fn visit_f64<E>(self, _: f64) -> Result<MaybeString, E> {
        Ok(MaybeString(None))
    }
    fn visit_unit<E>(self) -> Result<MaybeString, E> {
        Ok(MaybeString(None))
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<MaybeString, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(MaybeString(None))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<MaybeString, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(MaybeString(None))
    }
}

/// What to write of a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutputOptions {
    /// Character or byte offsets.
    pub unit: OffsetUnit,
    /// The layers to write, by name; `None` writes every layer the document has.
    pub layers: Option<Vec<String>>,
}

impl OutputOptions {
    fn writes(&self, name: &str) -> bool {
        self.layers.as_ref().is_none_or(|names| names.iter().any(|n| n == name))
    }
}

/// Writes an annotated document as one line of JSON (no newline): `id`,
/// `text`, the input's other fields byte for byte, then each layer.
pub fn write_document(doc: &Document, options: &OutputOptions, out: &mut Vec<u8>) {
    let _ = render(doc, options, out, &mut |_| Ok(()));
}

/// [`write_document`] into `sink` through a buffer of about 1 MB, so that
/// memory stays bounded however large the document's output is.
pub fn stream_document(doc: &Document, options: &OutputOptions, sink: &mut dyn io::Write) -> io::Result<()> {
    let mut out = Vec::with_capacity(SPILL_AT + (SPILL_AT >> 2));
    render(doc, options, &mut out, &mut |buf: &mut Vec<u8>| {
        sink.write_all(buf)?;
        buf.clear();
        Ok(())
    })?;
    sink.write_all(&out)
}

/// An error record `{"id", "error"}` written in place of a document.
pub fn error_record(id: &RecordId, error: &str, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\"id\":");
    id.write(out);
    out.extend_from_slice(b",\"error\":");
    write_str(out, error);
    out.push(b'}');
}

/// Buffered output is handed to the sink once it holds this many bytes.
const SPILL_AT: usize = 1 << 20;

type Spill<'s> = dyn FnMut(&mut Vec<u8>) -> io::Result<()> + 's;

fn render(doc: &Document, options: &OutputOptions, out: &mut Vec<u8>, spill: &mut Spill<'_>) -> io::Result<()> {
    let map = OffsetMap::new(doc.text(), options.unit);
    let layers = &doc.layers;
    let written = |name: &str| {
        options.writes(name)
            && (Layer::STANDARD.iter().any(|l| l.name() == name && layers.has(l)) || layers.custom.contains_key(name))
    };
    out.extend_from_slice(b"{\"id\":");
    RecordId::of(doc).write(out);
    out.extend_from_slice(b",\"text\":");
    let plain = write_long_str(out, doc.text(), spill)?;
    for (key, value) in &doc.extra {
        // Keys byline writes win over a field of the same name (only a
        // document built in code can have one; `read_record` refuses them).
        if matches!(key.as_str(), "id" | "text" | "error") || written(key) {
            continue;
        }
        out.push(b',');
        write_str(out, key);
        out.push(b':');
        out.extend_from_slice(value.get().as_bytes());
    }
    let source = Source { map, plain };
    let mut w = Writer { out, source: &source, spill };
    for layer in Layer::STANDARD.iter().filter(|l| written(l.name())) {
        match layer.name() {
            "paragraphs" => w.layer("paragraphs", layers.paragraphs.as_deref())?,
            "sentences" => w.layer("sentences", layers.sentences.as_deref())?,
            "tokens" => w.layer("tokens", layers.tokens.as_deref())?,
            "entities" => w.layer("entities", layers.entities.as_deref())?,
            "numbers" => w.layer("numbers", layers.numbers.as_deref())?,
            _ => w.layer("quotes", layers.quotes.as_deref())?,
        }
    }
    for (name, items) in layers.custom.iter().filter(|(name, _)| options.writes(name)) {
        w.layer(name, Some(items))?;
    }
    w.out.push(b'}');
    Ok(())
}

/// Writes annotations into the buffer, spilling it between annotations.
struct Writer<'a, 's> {
    out: &'a mut Vec<u8>,
    source: &'a Source<'a>,
    spill: &'a mut Spill<'s>,
}

impl Writer<'_, '_> {
    fn layer<T: JsonAnnotation>(&mut self, name: &str, items: Option<&[T]>) -> io::Result<()> {
        let Some(items) = items else { return Ok(()) };
        self.out.push(b',');
        write_str(self.out, name);
        self.out.extend_from_slice(b":[");
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            self.out.push(b'{');
            item.write(self.out, self.source);
            self.out.push(b'}');
            if self.out.len() >= SPILL_AT {
                (self.spill)(self.out)?;
            }
        }
        self.out.push(b']');
        Ok(())
    }
}

/// Writes `"start":S,"end":E,"text":"..."` of a span.
fn span_fields(out: &mut Vec<u8>, source: &Source<'_>, span: Span) {
    let (start, end) = source.map.span(span);
    out.extend_from_slice(b"\"start\":");
    write_uint(out, start);
    out.extend_from_slice(b",\"end\":");
    write_uint(out, end);
    out.extend_from_slice(b",\"text\":");
    let text = span.text(source.map.text());
    if source.plain {
        out.push(b'"');
        out.extend_from_slice(text.as_bytes());
        out.push(b'"');
    } else {
        write_str(out, text);
    }
}

/// The text annotations point into.
struct Source<'t> {
    map: OffsetMap<'t>,
    /// No byte of the text needs escaping (most news): covered texts are copied.
    plain: bool,
}

/// One annotation's JSON fields (inside its braces).
trait JsonAnnotation {
    fn write(&self, out: &mut Vec<u8>, source: &Source<'_>);
}

impl JsonAnnotation for Span {
    fn write(&self, out: &mut Vec<u8>, source: &Source<'_>) {
        span_fields(out, source, *self);
    }
}

impl JsonAnnotation for Entity {
    fn write(&self, out: &mut Vec<u8>, source: &Source<'_>) {
        span_fields(out, source, self.span);
        out.extend_from_slice(b",\"label\":");
        write_str(out, &self.label);
    }
}

impl JsonAnnotation for Number {
    fn write(&self, out: &mut Vec<u8>, source: &Source<'_>) {
        span_fields(out, source, self.span);
        out.extend_from_slice(b",\"kind\":");
        write_str(out, self.kind.as_str());
        for (key, value) in [("value", self.value), ("min", self.min), ("max", self.max)] {
            if let Some(v) = value {
                write_key(out, key);
                out.extend_from_slice(decimal_to_json(v).to_string().as_bytes());
            }
        }
        if let Some(unit) = &self.unit {
            write_key(out, "unit");
            write_str(out, unit);
        }
        if let Some(q) = self.qualifier {
            write_key(out, "qualifier");
            write_str(out, q.as_str());
        }
    }
}

impl JsonAnnotation for Quote {
    fn write(&self, out: &mut Vec<u8>, source: &Source<'_>) {
        span_fields(out, source, self.span);
        out.extend_from_slice(if self.direct { b",\"direct\":true" } else { b",\"direct\":false" });
        for (key, span) in [("speaker", self.speaker), ("cue", self.cue), ("resolved", self.resolved)] {
            write_key(out, key);
            match span {
                Some(span) => {
                    out.push(b'{');
                    span_fields(out, source, span);
                    out.push(b'}');
                }
                None => out.extend_from_slice(b"null"),
            }
        }
    }
}

impl JsonAnnotation for Annotation {
    fn write(&self, out: &mut Vec<u8>, source: &Source<'_>) {
        span_fields(out, source, self.span);
        for (k, v) in &self.attrs {
            if !matches!(k.as_str(), "start" | "end" | "text") {
                write_key(out, k);
                // Writing a Value to a Vec cannot fail.
                let _ = serde_json::to_writer(&mut *out, v);
            }
        }
    }
}

/// `,"key":`
fn write_key(out: &mut Vec<u8>, key: &str) {
    out.push(b',');
    write_str(out, key);
    out.push(b':');
}

fn write_uint(out: &mut Vec<u8>, n: usize) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut n = n;
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

/// How serde_json escapes each ASCII byte: 0 = as is, `u` = `\u00XX`, else
/// the letter after the backslash.
const ESCAPE: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// Writes `s` as a JSON string, escaped exactly as serde_json escapes it.
pub fn write_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    escape_into(out, s.as_bytes());
    out.push(b'"');
}

/// A long string in pieces, spilling between them (escaping is per byte,
/// so any cut is safe); true when nothing needed escaping.
fn write_long_str(out: &mut Vec<u8>, s: &str, spill: &mut Spill<'_>) -> io::Result<bool> {
    out.push(b'"');
    let mut plain = true;
    for piece in s.as_bytes().chunks(SPILL_AT) {
        plain &= !escape_into(out, piece);
        if out.len() >= SPILL_AT {
            spill(out)?;
        }
    }
    out.push(b'"');
    Ok(plain)
}

/// Appends `bytes` escaped; true when some byte needed escaping.
fn escape_into(out: &mut Vec<u8>, bytes: &[u8]) -> bool {
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Eight bytes at a time while none needs escaping (most text).
        if let Some(word) = bytes.get(i..i + 8) {
            let word = u64::from_le_bytes([word[0], word[1], word[2], word[3], word[4], word[5], word[6], word[7]]);
            if !needs_escape(word) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        let escape = if b < 128 { ESCAPE[b as usize] } else { 0 };
        if escape != 0 {
            out.extend_from_slice(&bytes[start..i]);
            start = i + 1;
            if escape == b'u' {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[(b >> 4) as usize], HEX[(b & 0xf) as usize]]);
            } else {
                out.extend_from_slice(&[b'\\', escape]);
            }
        }
        i += 1;
    }
    out.extend_from_slice(&bytes[start..]);
    start > 0
}

/// True when one of the eight bytes of `word` is below 0x20, `"` or `\\`
/// (the classic "has a zero byte" test; it may also say true for a byte
/// after such a one, which is then checked alone).
#[inline]
fn needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x;
    let below_space = word.wrapping_sub(ONES * 0x20) & !word;
    let quote = has_zero(word ^ (ONES * u64::from(b'"')));
    let backslash = has_zero(word ^ (ONES * u64::from(b'\\')));
    (below_space | quote | backslash) & HIGH != 0
}

/// A JSON number for an exact decimal: an integer when it is one (and fits),
/// else the nearest `f64`, which prints as the shortest decimal that reads
/// back the same (`0.34`, never `0.34000000000000002`).
pub fn decimal_to_json(value: Decimal) -> serde_json::Number {
    let value = value.normalize();
    if value.fract().is_zero() {
        if let Some(i) = value.to_i64() {
            return i.into();
        }
        if let Some(u) = value.to_u64() {
            return u.into();
        }
    }
    let float: f64 = value.to_string().parse().unwrap_or(0.0);
    serde_json::Number::from_f64(float).unwrap_or_else(|| 0.into())
}

/// Helper for readers of the output format: the object `{"start","end","text"}`
/// of a span, with converted offsets.
pub fn span_json(span: Span, map: &OffsetMap<'_>) -> serde_json::Map<String, Value> {
    let (start, end) = map.span(span);
    let mut m = serde_json::Map::new();
    m.insert("start".into(), start.into());
    m.insert("end".into(), end.into());
    m.insert("text".into(), span.text(map.text()).into());
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{NumberKind, Qualifier};
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test decimal")
    }

    fn line(doc: &Document) -> String {
        let mut out = Vec::new();
        doc.write_json(OffsetUnit::Chars, &mut out);
        String::from_utf8(out).expect("JSON is UTF-8")
    }

    fn error_of(record: &str) -> (RecordId, String) {
        let e = Document::from_json(record, "f:1").expect_err("an error record");
        (e.id, e.error.to_string())
    }

    #[test]
    fn decimals_print_exactly() {
        for (value, json) in [
            ("1100000000", "1100000000"),
            ("1.1e9", "1100000000"),
            ("0.34", "0.34"),
            ("12.50", "12.5"),
            ("-4", "-4"),
            ("1e12", "1000000000000"),
        ] {
            let d = Decimal::from_scientific(value).unwrap_or_else(|_| dec(value));
            assert_eq!(decimal_to_json(d).to_string(), json, "{value}");
        }
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut all: String = (0u8..128).map(char::from).collect();
        all.push_str("é“東京”🎉\u{2028}\u{7f}");
        let long = "Plain text, with “curly quotes” and é, then a \"quote\" and a \\ and a\ttab.\u{1}".repeat(3);
        for s in [all.as_str(), "", "plain", "a\"b\\c\n", "\u{0}\u{1f}", long.as_str()] {
            let mut ours = Vec::new();
            write_str(&mut ours, s);
            assert_eq!(String::from_utf8(ours).ok(), serde_json::to_string(s).ok(), "{s:?}");
        }
        // Each ASCII character at each place of the eight-byte words, after
        // ASCII and after non-ASCII text.
        for prefix in ["", "é", "ab“"] {
            for c in (0u8..128).map(char::from) {
                for at in 0..17 {
                    let mut s: String = prefix.to_owned() + &"x".repeat(at);
                    s.push(c);
                    s.push_str("yyyyyyyyy");
                    let mut ours = Vec::new();
                    write_str(&mut ours, &s);
                    assert_eq!(String::from_utf8(ours).ok(), serde_json::to_string(&s).ok(), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn other_fields_pass_through_byte_for_byte() {
        let record = r#"{"big": 18446744073709551616, "id": "x", "e":1e2, "z" : -0, "s": "caf\u00e9\/", "o": {"a": [1.50, true]}, "text": "Hi."}"#;
        let doc = Document::from_json(record, "f:1").expect("valid");
        assert_eq!(
            line(&doc),
            r#"{"id":"x","text":"Hi.","big":18446744073709551616,"e":1e2,"z":-0,"s":"caf\u00e9\/","o":{"a": [1.50, true]}}"#
        );
    }

    #[test]
    fn ids_are_strings_or_integers_written_back_as_read() {
        for (record, id) in [
            (r#"{"id": "a\"b", "text": ""}"#, r#""a\"b""#),
            (r#"{"id": 7, "text": ""}"#, "7"),
            (r#"{"id": -18446744073709551617, "text": ""}"#, "-18446744073709551617"),
            (r#"{"text": ""}"#, r#""f:1""#),
        ] {
            let doc = Document::from_json(record, "f:1").expect("valid");
            assert!(line(&doc).starts_with(&format!("{{\"id\":{id},")), "{record}: {}", line(&doc));
        }
        for (record, kind) in [
            (r#"{"id": null, "text": ""}"#, "null"),
            (r#"{"id": 1.5, "text": ""}"#, "a fraction or exponent"),
            (r#"{"id": 1e3, "text": ""}"#, "a fraction or exponent"),
            (r#"{"id": true, "text": ""}"#, "a boolean"),
            (r#"{"id": ["a"], "text": ""}"#, "an array"),
            (r#"{"id": {"a": 1}, "text": ""}"#, "an object"),
        ] {
            let (id, error) = error_of(record);
            assert_eq!(id, RecordId::Text("f:1".into()), "{record}");
            assert_eq!(error, format!("the \"id\" must be a string or an integer, not {kind}"), "{record}");
        }
    }

    #[test]
    fn keys_byline_writes_are_refused_by_name() {
        for key in RESERVED_KEYS {
            let (id, error) = error_of(&format!(r#"{{"id": 3, "text": "Hi.", "{key}": "fake"}}"#));
            assert_eq!(id, RecordId::Integer("3".into()));
            assert!(error.contains(&format!("field \"{key}\"")), "{error}");
        }
        let custom = ["datelines".to_owned()];
        let e = read_record(br#"{"text": "", "datelines": []}"#, || "f:1".into(), &custom).expect_err("a custom layer");
        assert_eq!(e.error, InputError::ReservedKey("datelines".into()));
        let (_, twice) = error_of(r#"{"id": "a", "text": "x", "id": "b"}"#);
        assert_eq!(twice, "the record has the key \"id\" twice");
        let (_, twice) = error_of(r#"{"text": "x", "text": "y"}"#);
        assert_eq!(twice, "the record has the key \"text\" twice");
    }

    #[test]
    fn unreadable_records_say_why_and_keep_their_id() {
        assert_eq!(error_of(r#"{"id": "a"}"#), (RecordId::Text("a".into()), InputError::NoText.to_string()));
        assert_eq!(error_of(r#"{"id": "a", "text": 5}"#).1, InputError::NoText.to_string());
        assert_eq!(error_of("[1]").1, InputError::NotAnObject.to_string());
        assert_eq!(error_of("7").1, InputError::NotAnObject.to_string());
        // One line: a column, never "line 2 column 0", even with the newline.
        assert_eq!(
            error_of("{\"id\": \"a\", \"text\": \"x\"\n"),
            (RecordId::Text("a".into()), "invalid JSON: EOF while parsing an object at column 23".to_owned())
        );
        assert_eq!(error_of("{broken").1, "invalid JSON: key must be a string at column 2");
        assert_eq!(error_of("[1,").1, "invalid JSON: EOF while parsing a value at column 3");
    }

    #[test]
    fn streaming_writes_the_same_bytes() {
        let text = "Word “quoted” é. ".repeat(120_000);
        let mut doc = Document::new("big", text.as_str());
        doc.layers.tokens = Some((0..text.len() / 20).map(|i| Span::new(i * 20, i * 20 + 4)).collect());
        doc.layers.custom.insert("marks".into(), vec![Annotation::new(Span::new(0, 4)).with("n", 1)]);
        let options = OutputOptions::default();
        let mut whole = Vec::new();
        write_document(&doc, &options, &mut whole);
        let mut streamed = Vec::new();
        stream_document(&doc, &options, &mut streamed).expect("a Vec takes every write");
        assert!(whole == streamed, "stream_document differs from write_document");
        let parsed: Value = serde_json::from_slice(&whole).expect("valid JSON");
        assert_eq!(parsed["text"], text.as_str());
        assert_eq!(parsed["marks"][0]["n"], 1);
    }

    #[test]
    fn covered_texts_are_escaped_when_the_text_needs_it() {
        for (text, expected) in [
            ("Say \"hi\".", r#"{"start":4,"end":8,"text":"\"hi\""}"#),
            ("Say “hi”.", r#"{"start":4,"end":8,"text":"“hi”"}"#),
            ("Say \"hi\"\u{1}", r#"{"start":4,"end":8,"text":"\"hi\""}"#),
        ] {
            let mut doc = Document::new("d", text);
            let start = text.find(['"', '“']).expect("a quote");
            let end = text.rfind(['"', '”']).map(|i| i + text[i..].chars().next().map_or(1, char::len_utf8));
            doc.layers.tokens = Some(vec![Span::new(start, end.expect("a closing quote"))]);
            assert!(line(&doc).contains(expected), "{}", line(&doc));
        }
    }

    #[test]
    fn layers_can_be_chosen() {
        let mut doc = Document::new("d", "One. Two.");
        doc.layers.sentences = Some(vec![Span::new(0, 4), Span::new(5, 9)]);
        doc.layers.tokens = Some(vec![Span::new(0, 3)]);
        let mut out = Vec::new();
        let only = OutputOptions { unit: OffsetUnit::Chars, layers: Some(vec!["tokens".into()]) };
        write_document(&doc, &only, &mut out);
        assert_eq!(
            String::from_utf8_lossy(&out),
            r#"{"id":"d","text":"One. Two.","tokens":[{"start":0,"end":3,"text":"One"}]}"#
        );
    }

    #[test]
    fn writes_char_offsets_and_covered_text() {
        let mut doc = Document::new("d", "“Só” 東京 $5");
        let text = doc.text().to_owned();
        let at = |s: &str| {
            let i = text.find(s).expect("in text");
            Span::new(i, i + s.len())
        };
        doc.layers.entities = Some(vec![Entity { span: at("東京"), label: "LOC".into() }]);
        let mut n = Number::new(at("$5"), NumberKind::Money, dec("5"));
        n.unit = Some("USD".into());
        n.qualifier = Some(Qualifier::Approximately);
        doc.layers.numbers = Some(vec![n]);
        doc.layers.quotes =
            Some(vec![Quote {
                span: at("“Só”"), direct: true, speaker: None, cue: Some(at("東京")), resolved: None
            }]);
        let json = doc.to_json(OffsetUnit::Chars);
        assert_eq!(json["entities"][0], serde_json::json!({"start": 5, "end": 7, "text": "東京", "label": "LOC"}));
        assert_eq!(json["numbers"][0]["start"], 8);
        assert_eq!(json["numbers"][0]["value"], 5);
        assert_eq!(json["numbers"][0]["qualifier"], "approximately");
        assert_eq!(json["quotes"][0]["end"], 4);
        assert_eq!(json["quotes"][0]["speaker"], Value::Null);
        assert_eq!(json["quotes"][0]["cue"]["start"], 5);
        let bytes = doc.to_json(OffsetUnit::Bytes);
        assert_eq!(bytes["entities"][0]["start"], text.find("東京").expect("in text"));
        assert!(json.get("paragraphs").is_none(), "layers no stage added are absent");
        assert!(line(&doc).contains(r#""quotes":[{"start":0,"end":4,"text":"“Só”","direct":true,"speaker":null,"cue":{"start":5,"end":7,"text":"東京"},"resolved":null}]"#));
    }
}
