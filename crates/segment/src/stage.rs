//! The `paragraphs` stage.

use byline_core::registry::{BuildStage, StageOptions, StageRegistration};
use byline_core::{Document, Layer, Stage, StageError};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::paragraphs::{ParagraphSplit, paragraphs_with};

/// Options of the `paragraphs` stage.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ParagraphOptions {
    /// How paragraphs are separated: "auto" (blank lines if the text has any,
    /// else one per line when lines look like paragraphs, else indented lines),
    /// "blank-lines" (only blank lines; a text without any is one paragraph)
    /// or "lines" (every line).
    pub split: ParagraphSplit,
}

/// Splits a document into paragraphs.
#[derive(Clone, Debug, Default)]
pub struct ParagraphStage {
    options: ParagraphOptions,
}

impl ParagraphStage {
    /// A stage with these options.
    pub fn new(options: ParagraphOptions) -> ParagraphStage {
        ParagraphStage { options }
    }
}

const NEEDS: &[Layer] = &[];
const ADDS: &[Layer] = &[Layer::PARAGRAPHS];

impl Stage for ParagraphStage {
    fn name(&self) -> &str {
        "paragraphs"
    }

    fn needs(&self) -> &[Layer] {
        NEEDS
    }

    fn adds(&self) -> &[Layer] {
        ADDS
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        doc.layers.paragraphs = Some(paragraphs_with(doc.text(), self.options.split));
        Ok(())
    }
}

impl BuildStage for ParagraphStage {
    type Options = ParagraphOptions;

    fn build(options: ParagraphOptions, _: &StageOptions<'_>) -> Result<Self, String> {
        Ok(ParagraphStage::new(options))
    }
}

inventory::submit! {
    StageRegistration::of::<ParagraphStage>(
        "paragraphs",
        "Paragraphs: blocks between blank lines, or one per line when the text has no blank lines.",
        NEEDS,
        ADDS,
    )
}
