//! The JSON formats: input records (`{"id", "text", ...}`) and output
//! documents with their layers, as `../shared/eval/OUTPUT.md` specifies.
//!
//! Output offsets are characters by default (what Python and the scorer
//! index with) or bytes; every annotation repeats its covered `text` so a
//! reader can check them.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde_json::{Map, Value};

use crate::span::{OffsetMap, OffsetUnit};
use crate::{Annotation, Document, Entity, Number, Quote, Span};

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
}

impl Document {
    /// Reads one JSONL record. `fallback_id` names the document when the
    /// record has no usable `id` (a string or number).
    pub fn from_json(line: &str, fallback_id: &str) -> Result<Document, InputError> {
        let value: Value = serde_json::from_str(line).map_err(|e| InputError::Json(e.to_string()))?;
        let Value::Object(mut fields) = value else { return Err(InputError::NotAnObject) };
        let id = match fields.shift_remove("id") {
            Some(Value::String(s)) => s,
            Some(Value::Number(n)) => n.to_string(),
            Some(other) => {
                // Keep an unusable id visible rather than dropping it.
                fields.insert("id".to_owned(), other);
                fallback_id.to_owned()
            }
            None => fallback_id.to_owned(),
        };
        let text = match fields.shift_remove("text") {
            Some(Value::String(s)) => s,
            _ => return Err(InputError::NoText),
        };
        let mut doc = Document::new(id, text);
        doc.extra = fields;
        Ok(doc)
    }

    /// The document as a JSON value (layers included), with offsets in `unit`.
    pub fn to_json(&self, unit: OffsetUnit) -> Value {
        serde_json::to_value(JsonDocument::new(self, unit)).unwrap_or(Value::Null)
    }

    /// Writes the document as one line of JSON (no newline).
    pub fn write_json(&self, unit: OffsetUnit, out: &mut Vec<u8>) {
        // Writing to a Vec cannot fail and our Serialize impls never error.
        let _ = serde_json::to_writer(out, &JsonDocument::new(self, unit));
    }
}

/// An error record `{"id", "error"}` written in place of a document.
pub fn error_record(id: &str, error: &str, out: &mut Vec<u8>) {
    let record = serde_json::json!({ "id": id, "error": error });
    let _ = serde_json::to_writer(out, &record);
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

/// Serializes a document with converted offsets.
struct JsonDocument<'a> {
    doc: &'a Document,
    map: OffsetMap<'a>,
}

impl<'a> JsonDocument<'a> {
    fn new(doc: &'a Document, unit: OffsetUnit) -> JsonDocument<'a> {
        JsonDocument { doc, map: OffsetMap::new(doc.text(), unit) }
    }
}

/// Writes `"start"`, `"end"` and `"text"` of a span into an open map.
fn span_fields<M: SerializeMap>(m: &mut M, map: &OffsetMap<'_>, span: Span) -> Result<(), M::Error> {
    let (start, end) = map.span(span);
    m.serialize_entry("start", &start)?;
    m.serialize_entry("end", &end)?;
    m.serialize_entry("text", span.text(map.text()))
}

/// One annotation's JSON form.
trait JsonAnnotation {
    fn write<M: SerializeMap>(&self, m: &mut M, map: &OffsetMap<'_>) -> Result<(), M::Error>;
}

impl JsonAnnotation for Span {
    fn write<M: SerializeMap>(&self, m: &mut M, map: &OffsetMap<'_>) -> Result<(), M::Error> {
        span_fields(m, map, *self)
    }
}

impl JsonAnnotation for Entity {
    fn write<M: SerializeMap>(&self, m: &mut M, map: &OffsetMap<'_>) -> Result<(), M::Error> {
        span_fields(m, map, self.span)?;
        m.serialize_entry("label", &self.label)
    }
}

impl JsonAnnotation for Number {
    fn write<M: SerializeMap>(&self, m: &mut M, map: &OffsetMap<'_>) -> Result<(), M::Error> {
        span_fields(m, map, self.span)?;
        m.serialize_entry("kind", self.kind.as_str())?;
        for (key, value) in [("value", self.value), ("min", self.min), ("max", self.max)] {
            if let Some(v) = value {
                m.serialize_entry(key, &decimal_to_json(v))?;
            }
        }
        if let Some(unit) = &self.unit {
            m.serialize_entry("unit", unit)?;
        }
        if let Some(q) = self.qualifier {
            m.serialize_entry("qualifier", q.as_str())?;
        }
        Ok(())
    }
}

impl JsonAnnotation for Quote {
    fn write<M: SerializeMap>(&self, m: &mut M, map: &OffsetMap<'_>) -> Result<(), M::Error> {
        span_fields(m, map, self.span)?;
        m.serialize_entry("direct", &self.direct)?;
        for (key, span) in [("speaker", self.speaker), ("cue", self.cue), ("resolved", self.resolved)] {
            m.serialize_entry(key, &span.as_ref().map(|item| Annotated { item, map }))?;
        }
        Ok(())
    }
}

impl JsonAnnotation for Annotation {
    fn write<M: SerializeMap>(&self, m: &mut M, map: &OffsetMap<'_>) -> Result<(), M::Error> {
        span_fields(m, map, self.span)?;
        for (k, v) in &self.attrs {
            if !matches!(k.as_str(), "start" | "end" | "text") {
                m.serialize_entry(k, v)?;
            }
        }
        Ok(())
    }
}

/// An annotation paired with the offset map, serializable as a JSON object.
struct Annotated<'a, T> {
    item: &'a T,
    map: &'a OffsetMap<'a>,
}

impl<T: JsonAnnotation> Serialize for Annotated<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        self.item.write(&mut m, self.map)?;
        m.end()
    }
}

/// A list of annotations, serializable as a JSON array.
struct AnnotatedList<'a, T> {
    items: &'a [T],
    map: &'a OffsetMap<'a>,
}

impl<T: JsonAnnotation> Serialize for AnnotatedList<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.items.len()))?;
        for item in self.items {
            seq.serialize_element(&Annotated { item, map: self.map })?;
        }
        seq.end()
    }
}

impl Serialize for JsonDocument<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        fn layer<M: SerializeMap, T: JsonAnnotation>(
            m: &mut M,
            name: &str,
            items: &Option<Vec<T>>,
            map: &OffsetMap<'_>,
        ) -> Result<(), M::Error> {
            match items {
                Some(items) => m.serialize_entry(name, &AnnotatedList { items, map }),
                None => Ok(()),
            }
        }

        let doc = self.doc;
        let layers = &doc.layers;
        let map = &self.map;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("id", &doc.id)?;
        m.serialize_entry("text", doc.text())?;
        for (k, v) in &doc.extra {
            // A layer the pipeline produced replaces an input field of that name.
            let produced =
                crate::Layer::STANDARD.iter().any(|l| l.name() == k && layers.has(l)) || layers.custom.contains_key(k);
            if !produced {
                m.serialize_entry(k, v)?;
            }
        }
        layer(&mut m, "paragraphs", &layers.paragraphs, map)?;
        layer(&mut m, "sentences", &layers.sentences, map)?;
        layer(&mut m, "tokens", &layers.tokens, map)?;
        layer(&mut m, "entities", &layers.entities, map)?;
        layer(&mut m, "numbers", &layers.numbers, map)?;
        layer(&mut m, "quotes", &layers.quotes, map)?;
        for (name, items) in &layers.custom {
            m.serialize_entry(name, &AnnotatedList { items, map })?;
        }
        m.end()
    }
}

/// Helper for readers of the output format: the object `{"start","end","text"}`
/// of a span, with converted offsets.
pub fn span_json(span: Span, map: &OffsetMap<'_>) -> Map<String, Value> {
    let (start, end) = map.span(span);
    let mut m = Map::new();
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
    fn reads_records_and_keeps_other_fields() {
        let doc = Document::from_json(r#"{"id": 7, "text": "Hi", "lang": "en"}"#, "x").expect("valid");
        assert_eq!((doc.id.as_str(), doc.text()), ("7", "Hi"));
        assert_eq!(doc.extra.get("lang"), Some(&Value::from("en")));
        assert_eq!(Document::from_json(r#"{"text": "Hi"}"#, "f:1").map(|d| d.id), Ok("f:1".to_owned()));
        assert_eq!(Document::from_json(r#"{"id": "a"}"#, "x").err(), Some(InputError::NoText));
        assert_eq!(Document::from_json("[1]", "x").err(), Some(InputError::NotAnObject));
        assert!(matches!(Document::from_json("{", "x"), Err(InputError::Json(_))));
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
            Some(vec![Quote { span: at("“Só”"), direct: true, speaker: None, cue: None, resolved: None }]);
        let json = doc.to_json(OffsetUnit::Chars);
        assert_eq!(json["entities"][0], serde_json::json!({"start": 5, "end": 7, "text": "東京", "label": "LOC"}));
        assert_eq!(json["numbers"][0]["start"], 8);
        assert_eq!(json["numbers"][0]["value"], 5);
        assert_eq!(json["numbers"][0]["qualifier"], "approximately");
        assert_eq!(json["quotes"][0]["end"], 4);
        assert_eq!(json["quotes"][0]["speaker"], Value::Null);
        let bytes = doc.to_json(OffsetUnit::Bytes);
        assert_eq!(bytes["entities"][0]["start"], text.find("東京").expect("in text"));
        assert!(json.get("paragraphs").is_none(), "layers no stage added are absent");
    }
}
