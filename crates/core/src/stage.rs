//! The `Stage` trait every annotator implements.

use crate::{Document, Layer};

/// One step of a pipeline: reads some layers of a document and adds others.
///
/// Stages are pure per document: the same document gives the same output in
/// any order and on any thread, so a pipeline may run documents in parallel.
/// Configuration happens once, when the stage is built; `process` must not
/// panic on any input text.
pub trait Stage: Send + Sync {
    /// The name pipelines use for this stage (`use = "..."`).
    fn name(&self) -> &str;

    /// Layers that must exist before this stage runs.
    fn needs(&self) -> &[Layer];

    /// Layers this stage adds (or, for a refining stage, rewrites).
    fn adds(&self) -> &[Layer];

    /// Annotates `doc`. Errors are per document: the pipeline reports them
    /// and goes on with the next document.
    fn process(&self, doc: &mut Document) -> Result<(), StageError>;
}

/// Why a stage could not annotate a document.
#[derive(Debug, thiserror::Error)]
pub enum StageError {
    /// A needed layer is absent: the stage was run outside a validated
    /// pipeline.
    #[error("stage `{stage}` needs layer `{layer}`, which is missing; run a stage that adds it first")]
    MissingLayer {
        /// The stage that needed it.
        stage: String,
        /// The missing layer.
        layer: Layer,
    },
    /// The stage failed on this document.
    #[error("stage `{stage}` failed: {message}")]
    Failed {
        /// The stage that failed.
        stage: String,
        /// What went wrong, as one sentence.
        message: String,
    },
}

impl StageError {
    /// A failure of `stage` on one document.
    pub fn failed(stage: &str, message: impl Into<String>) -> StageError {
        StageError::Failed { stage: stage.to_owned(), message: message.into() }
    }
}
