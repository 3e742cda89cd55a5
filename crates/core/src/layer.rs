//! Layer names: what a stage needs and adds.
//!
//! The standard layers have typed fields on [`Layers`](crate::Layers); any
//! other name is a custom layer of generic annotations that third-party
//! stages add and the JSON output writes under that name.

use std::borrow::Cow;
use std::fmt;

/// The name of a layer of annotations.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Layer(Cow<'static, str>);

impl Layer {
    /// Paragraph spans.
    pub const PARAGRAPHS: Layer = Layer(Cow::Borrowed("paragraphs"));
    /// Sentence spans.
    pub const SENTENCES: Layer = Layer(Cow::Borrowed("sentences"));
    /// Word tokens.
    pub const TOKENS: Layer = Layer(Cow::Borrowed("tokens"));
    /// Named entities (PER, ORG, LOC, MISC).
    pub const ENTITIES: Layer = Layer(Cow::Borrowed("entities"));
    /// Numbers, money, percentages and quantities with their values.
    pub const NUMBERS: Layer = Layer(Cow::Borrowed("numbers"));
    /// Quotations with speaker and cue.
    pub const QUOTES: Layer = Layer(Cow::Borrowed("quotes"));

    /// The standard layers, in the order the JSON output writes them.
    pub const STANDARD: [Layer; 6] =
        [Layer::PARAGRAPHS, Layer::SENTENCES, Layer::TOKENS, Layer::ENTITIES, Layer::NUMBERS, Layer::QUOTES];

    /// A custom layer with a name known at compile time.
    pub const fn custom(name: &'static str) -> Layer {
        Layer(Cow::Borrowed(name))
    }

    /// A custom layer whose name is chosen at run time (from options).
    pub fn named(name: impl Into<String>) -> Layer {
        Layer(Cow::Owned(name.into()))
    }

    /// The layer's name, as written in JSON and in pipeline files.
    pub fn name(&self) -> &str {
        &self.0
    }

    /// True for the six layers with typed fields.
    pub fn is_standard(&self) -> bool {
        Layer::STANDARD.contains(self)
    }
}

impl fmt::Display for Layer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
