//! The document and its layers of annotations.
//!
//! A [`Document`] owns its text and never changes it: the text is private and
//! only readable, so every annotation stays a valid span into the original.

use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use crate::{Layer, Span, StageError};

/// One input text with its id, the annotations stages add, and any other
/// fields of its input record (passed through to the output unchanged).
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// The document's id: the `id` field of a JSONL record or a file name.
    pub id: String,
    text: String,
    /// Annotations added so far.
    pub layers: Layers,
    /// Fields of the input record other than `id` and `text`, in input
    /// order, each as its exact JSON text (written back byte for byte).
    pub extra: Vec<(String, Box<RawValue>)>,
    /// The input wrote the id as a JSON integer (written back as one).
    pub(crate) integer_id: bool,
}

impl Document {
    /// A document with no annotations.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document { id: id.into(), text: text.into(), layers: Layers::default(), extra: Vec::new(), integer_id: false }
    }

    /// The original text, exactly as read.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// True when the layer has been added (possibly empty).
    pub fn has_layer(&self, layer: &Layer) -> bool {
        self.layers.has(layer)
    }
}

/// The annotations of a document, one optional list per layer. `None` means
/// no stage added the layer; `Some(vec![])` means it found nothing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layers {
    /// Paragraph spans, in order.
    pub paragraphs: Option<Vec<Span>>,
    /// Sentence spans, in order, never crossing a paragraph.
    pub sentences: Option<Vec<Span>>,
    /// Word tokens, in order.
    pub tokens: Option<Vec<Span>>,
    /// Named entities, in order.
    pub entities: Option<Vec<Entity>>,
    /// Numbers with their values, in order.
    pub numbers: Option<Vec<Number>>,
    /// Quotations, in order.
    pub quotes: Option<Vec<Quote>>,
    /// Layers added by stages outside this workspace, by name.
    pub custom: BTreeMap<String, Vec<Annotation>>,
}

impl Layers {
    /// True when `layer` has been added.
    pub fn has(&self, layer: &Layer) -> bool {
        match layer.name() {
            "paragraphs" => self.paragraphs.is_some(),
            "sentences" => self.sentences.is_some(),
            "tokens" => self.tokens.is_some(),
            "entities" => self.entities.is_some(),
            "numbers" => self.numbers.is_some(),
            "quotes" => self.quotes.is_some(),
            name => self.custom.contains_key(name),
        }
    }
}

/// Returns the layer's annotations, or the error a stage reports when a
/// layer it needs is missing (only possible when a stage is run outside a
/// validated [`Pipeline`](crate::Pipeline)).
///
/// ```
/// # use byline_core::{require, Document, Layer};
/// let doc = Document::new("d", "text");
/// assert!(require(&doc.layers.tokens, Layer::TOKENS, "entities").is_err());
/// ```
pub fn require<'a, T>(layer: &'a Option<Vec<T>>, name: Layer, stage: &str) -> Result<&'a [T], StageError> {
    layer.as_deref().ok_or_else(|| StageError::MissingLayer { stage: stage.to_owned(), layer: name })
}

/// A named entity mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// Where the mention is.
    pub span: Span,
    /// `PER`, `ORG`, `LOC`, `MISC`, or a label of the user's (gazetteer).
    pub label: String,
}

/// What a number measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NumberKind {
    /// A count or plain value: `40`, `forty-two`, `1.5 million`.
    Cardinal,
    /// A rank: `3rd`, `twenty-first`.
    Ordinal,
    /// A percentage; the value is the number before `%`.
    Percent,
    /// An amount of money; the unit is an ISO 4217 code.
    Money,
    /// A measurement with a unit: `5 km`, `four years`.
    Quantity,
}

impl NumberKind {
    /// The name written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            NumberKind::Cardinal => "cardinal",
            NumberKind::Ordinal => "ordinal",
            NumberKind::Percent => "percent",
            NumberKind::Money => "money",
            NumberKind::Quantity => "quantity",
        }
    }
}

impl fmt::Display for NumberKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a number's value is hedged or bounded in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// `about`, `nearly`, `roughly`, `some`.
    Approximately,
    /// `more than`, `over`, `above`.
    MoreThan,
    /// `less than`, `under`, `fewer than`, `below`.
    LessThan,
    /// `at least`, `no fewer than`.
    AtLeast,
    /// `at most`, `no more than`.
    AtMost,
    /// `up to`.
    UpTo,
}

impl Qualifier {
    /// The name written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Approximately => "approximately",
            Qualifier::MoreThan => "more_than",
            Qualifier::LessThan => "less_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
            Qualifier::UpTo => "up_to",
        }
    }
}

impl fmt::Display for Qualifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A number found in the text, with its exact value.
///
/// A single value sets `value`; a range sets `min` and/or `max` instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Number {
    /// Where the number (with its unit and qualifier words) is.
    pub span: Span,
    /// What it measures.
    pub kind: NumberKind,
    /// The exact value of a single number.
    pub value: Option<Decimal>,
    /// The lower bound of a range.
    pub min: Option<Decimal>,
    /// The upper bound of a range.
    pub max: Option<Decimal>,
    /// ISO 4217 code for money; a unit name (`kilometer`, `year`) for a quantity.
    pub unit: Option<String>,
    /// A hedge or bound on the value.
    pub qualifier: Option<Qualifier>,
}

impl Number {
    /// A single exact value of `kind`, with no unit or qualifier.
    pub fn new(span: Span, kind: NumberKind, value: Decimal) -> Number {
        Number { span, kind, value: Some(value), min: None, max: None, unit: None, qualifier: None }
    }
}

/// A quotation and, when found, who said it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words (with their quote marks for direct quotes).
    pub span: Span,
    /// True for text inside quote marks; false for reported speech.
    pub direct: bool,
    /// The mention the quote is attributed to: a name, description or pronoun.
    pub speaker: Option<Span>,
    /// The attributing word(s): `said`, `told`, `according to`, `:`.
    pub cue: Option<Span>,
    /// The named mention a pronoun or description speaker refers to.
    pub resolved: Option<Span>,
}

/// An annotation of a custom layer: a span and any JSON attributes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Annotation {
    /// Where the annotation is.
    pub span: Span,
    /// Attributes written beside `start`, `end` and `text` in the output.
    pub attrs: Map<String, Value>,
}

impl Annotation {
    /// An annotation with no attributes.
    pub fn new(span: Span) -> Annotation {
        Annotation { span, attrs: Map::new() }
    }

    /// Adds an attribute (builder style).
    pub fn with(mut self, key: impl Into<String>, value: impl Into<Value>) -> Annotation {
        self.attrs.insert(key.into(), value.into());
        self
    }
}
