//! Snapshot helpers for testing pipelines and stages with `insta`.
//!
//! [`snapshot`] runs a pipeline on a text and renders every layer as a
//! stable, readable structure: each annotation shows the text it covers
//! first, then its character offsets (`at: 4..11`) and attributes. Feed it to
//! `insta::assert_yaml_snapshot!`; `byline run --format yaml` prints the same.
//!
//! ```
//! # use byline_core::{Document, Span};
//! let mut doc = Document::new("d", "Hi there.");
//! doc.layers.sentences = Some(vec![Span::new(0, 9)]);
//! let snap = byline_core::testing::snapshot_document(&doc);
//! assert_eq!(snap["sentences"][0]["text"], "Hi there.");
//! assert_eq!(snap["sentences"][0]["at"], "0..9");
//! ```

use serde_json::{Map, Value};

use crate::span::OffsetUnit;
use crate::{Document, Pipeline};

/// Runs `pipeline` on `text` and renders its layers. Panics with the stage's
/// message when a stage fails, which is what a test wants.
pub fn snapshot(pipeline: &Pipeline, text: &str) -> Value {
    match pipeline.annotate("snapshot", text) {
        Ok(doc) => snapshot_document(&doc),
        Err(e) => panic!("pipeline `{}` failed: {e}", pipeline.name()),
    }
}

/// Renders the layers of an annotated document (character offsets).
pub fn snapshot_document(doc: &Document) -> Value {
    let Value::Object(json) = doc.to_json(OffsetUnit::Chars) else { return Value::Null };
    let mut out = Map::new();
    for (name, value) in json {
        if let Value::Array(items) = value {
            if doc.extra.iter().any(|(key, _)| *key == name) && !doc.layers_contain(&name) {
                continue;
            }
            out.insert(name, Value::Array(items.into_iter().map(readable).collect()));
        }
    }
    Value::Object(out)
}

impl Document {
    fn layers_contain(&self, name: &str) -> bool {
        crate::Layer::STANDARD.iter().any(|l| l.name() == name && self.layers.has(l))
            || self.layers.custom.contains_key(name)
    }
}

/// `{"start","end","text",...}` → `{"text", "at": "s..e", ...}`; nested spans
/// (a quote's speaker) → `"text @ s..e"`.
fn readable(item: Value) -> Value {
    let Value::Object(mut fields) = item else { return item };
    let mut out = Map::new();
    if let (Some(text), Some(at)) = (fields.shift_remove("text"), at(&mut fields)) {
        out.insert("text".into(), text);
        out.insert("at".into(), at.into());
    }
    for (key, value) in fields {
        let value = match value {
            Value::Object(mut span) => match (span.shift_remove("text"), at(&mut span)) {
                (Some(Value::String(text)), Some(at)) => format!("{text} @ {at}").into(),
                (text, _) => text.unwrap_or(Value::Null),
            },
            other => other,
        };
        out.insert(key, value);
    }
    Value::Object(out)
}

fn at(fields: &mut Map<String, Value>) -> Option<String> {
    let start = fields.shift_remove("start")?;
    let end = fields.shift_remove("end")?;
    Some(format!("{start}..{end}"))
}
