//! Rendering output records in the formats of `byline run`.
//!
//! Each record renders to its own bytes on a worker thread; the writer only
//! adds the framing (`[`, `,`, `]` for `json`) in input order.

use byline_core::Document;
use byline_core::json::{OutputOptions, RecordId, error_record, write_document};
use serde_json::{Map, Value};

use crate::{Format, html};

/// Renders records of one format.
#[derive(Debug, Clone)]
pub(crate) struct Renderer {
    pub(crate) format: Format,
    /// Offsets and the layers to write (`--offsets`, `--layers`).
    pub(crate) options: OutputOptions,
}

impl Renderer {
    /// Bytes written before the first record.
    pub(crate) fn begin(&self) -> &'static [u8] {
        match self.format {
            Format::Json => b"[\n",
            Format::Html => html::RUN_HEAD.as_bytes(),
            _ => b"",
        }
    }

    /// Bytes written between two records.
    pub(crate) fn separator(&self) -> &'static [u8] {
        match self.format {
            Format::Json => b",\n",
            _ => b"",
        }
    }

    /// Bytes written after the last record (`had_records`: any were written).
    pub(crate) fn end(&self, had_records: bool) -> &'static [u8] {
        match (self.format, had_records) {
            (Format::Json, true) => b"\n]\n",
            (Format::Json, false) => b"]\n",
            (Format::Html, _) => html::TAIL.as_bytes(),
            _ => b"",
        }
    }

    /// An annotated document.
    pub(crate) fn document(&self, doc: &Document, out: &mut Vec<u8>) {
        match self.format {
            Format::Jsonl => {
                write_document(doc, &self.options, out);
                out.push(b'\n');
            }
            Format::Json => indented(&self.value(doc), out),
            Format::Pretty => pretty(&self.value(doc), out),
            Format::Yaml => {
                let mut snap = Map::new();
                snap.insert("id".into(), doc.id.clone().into());
                if let Value::Object(layers) = byline_core::testing::snapshot_document(doc) {
                    let writes = |name: &String| self.options.layers.as_ref().is_none_or(|l| l.contains(name));
                    snap.extend(layers.into_iter().filter(|(name, _)| writes(name)));
                }
                yaml(&Value::Object(snap), out);
            }
            Format::Html => html::document(doc, &self.options, out),
        }
    }

    /// The document's JSONL record as a value, for the other formats.
    fn value(&self, doc: &Document) -> Value {
        let mut line = Vec::new();
        write_document(doc, &self.options, &mut line);
        serde_json::from_slice(&line).unwrap_or(Value::Null)
    }

    /// The error record written in place of a document.
    pub(crate) fn error(&self, id: &RecordId, error: &str, out: &mut Vec<u8>) {
        match self.format {
            Format::Jsonl => {
                error_record(id, error, out);
                out.push(b'\n');
            }
            Format::Json | Format::Yaml => {
                let mut line = Vec::new();
                error_record(id, error, &mut line);
                let value = serde_json::from_slice(&line).unwrap_or(Value::Null);
                if self.format == Format::Json { indented(&value, out) } else { yaml(&value, out) }
            }
            Format::Pretty => out.extend(format!("━━ {id} ━━\nerror: {error}\n\n").into_bytes()),
            Format::Html => html::error(id, error, out),
        }
    }
}

fn indented(value: &Value, out: &mut Vec<u8>) {
    let _ = serde_json::to_writer_pretty(&mut *out, value);
}

fn yaml(value: &Value, out: &mut Vec<u8>) {
    out.extend_from_slice(b"---\n");
    match serde_yaml_ng::to_string(value) {
        Ok(text) => out.extend(text.into_bytes()),
        Err(e) => out.extend(format!("error: cannot render YAML: {e}\n").into_bytes()),
    }
}

/// A readable terminal view: each layer with its count, then one line per
/// annotation (tokens wrapped on shared lines).
fn pretty(doc: &Value, out: &mut Vec<u8>) {
    let mut s = String::new();
    let id = doc.get("id").and_then(Value::as_str).unwrap_or("");
    let chars = doc.get("text").and_then(Value::as_str).map_or(0, |t| t.chars().count());
    s.push_str(&format!("━━ {id} ━━ ({chars} characters)\n"));
    if let Value::Object(fields) = doc {
        for (name, value) in fields {
            let Value::Array(items) = value else { continue };
            if matches!(name.as_str(), "id" | "text") {
                continue;
            }
            s.push_str(&format!("{name} ({})\n", items.len()));
            if name == "tokens" {
                wrap_tokens(items, &mut s);
                continue;
            }
            for item in items {
                s.push_str(&format!("  {}\n", pretty_item(item)));
            }
        }
    }
    s.push('\n');
    out.extend(s.into_bytes());
}

fn wrap_tokens(items: &[Value], s: &mut String) {
    let mut line = String::from(" ");
    for item in items {
        let text = item.get("text").and_then(Value::as_str).unwrap_or("");
        if line.chars().count() + text.chars().count() > 78 {
            s.push_str(&line);
            s.push('\n');
            line = String::from(" ");
        }
        line.push(' ');
        line.push_str(&preview(text, 40));
    }
    if !line.trim().is_empty() {
        s.push_str(&line);
        s.push('\n');
    }
}

fn pretty_item(item: &Value) -> String {
    let Value::Object(fields) = item else { return item.to_string() };
    let at = match (fields.get("start"), fields.get("end")) {
        (Some(a), Some(b)) => format!("{a}..{b}"),
        _ => String::new(),
    };
    let text = fields.get("text").and_then(Value::as_str).unwrap_or("");
    let mut line = format!("{at:<12} {}", preview(text, 72));
    for (key, value) in fields {
        if matches!(key.as_str(), "start" | "end" | "text") || value.is_null() {
            continue;
        }
        let shown = match value {
            Value::String(v) => v.clone(),
            Value::Object(span) => format!("“{}”", preview(span.get("text").and_then(Value::as_str).unwrap_or(""), 40)),
            other => other.to_string(),
        };
        line.push_str(&format!("  {key}={shown}"));
    }
    line
}

/// One line, at most `limit` characters: newlines shown as ⏎.
fn preview(text: &str, limit: usize) -> String {
    let flat: String = text
        .chars()
        .map(|c| {
            if c == '\n' {
                '⏎'
            } else if c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    if flat.chars().count() <= limit {
        return flat;
    }
    let mut cut: String = flat.chars().take(limit - 1).collect();
    cut.push('…');
    cut
}
