//! byline-core: what every byline stage stands on.
//!
//! - [`Document`]: an id, the original text (never changed) and its
//!   [`Layers`] of annotations. Every annotation is a byte [`Span`] into the
//!   text; output converts to character offsets ([`span::OffsetMap`]).
//! - [`Stage`]: one annotator. It declares the layers it [needs](Stage::needs)
//!   and [adds](Stage::adds), and is `Send + Sync` and pure per document.
//! - [`registry`]: stage crates register factories with `inventory::submit!`;
//!   pipelines find stages by name there.
//! - [`Pipeline`]: stages loaded from TOML and validated (syntax, names,
//!   options, layer dependencies) before any document runs.
//! - [`json`]: the JSONL input and output formats; [`eval`]: scoring against
//!   gold data as `score.py` does; `testing` (feature): insta snapshots.
//!
//! ```
//! use byline_core::{Document, Layer, Span, Stage, StageError};
//!
//! /// Marks the whole text as one paragraph.
//! struct Whole;
//!
//! impl Stage for Whole {
//!     fn name(&self) -> &str { "whole" }
//!     fn needs(&self) -> &[Layer] { &[] }
//!     fn adds(&self) -> &[Layer] { &[Layer::PARAGRAPHS] }
//!     fn process(&self, doc: &mut Document) -> Result<(), StageError> {
//!         doc.layers.paragraphs = Some(vec![Span::new(0, doc.text().len())]);
//!         Ok(())
//!     }
//! }
//!
//! let pipeline = byline_core::Pipeline::from_stages("demo", vec![Box::new(Whole)]).unwrap();
//! let doc = pipeline.annotate("d1", "Hello.").unwrap();
//! assert_eq!(doc.layers.paragraphs, Some(vec![Span::new(0, 6)]));
//! ```
#![deny(missing_docs)]

mod document;
pub mod eval;
pub mod json;
mod layer;
mod pipeline;
pub mod registry;
pub mod span;
mod stage;
#[cfg(feature = "testing")]
pub mod testing;

pub use document::{Annotation, Document, Entity, Layers, Number, NumberKind, Qualifier, Quote, require};
pub use layer::Layer;
pub use pipeline::{Diagnostic, Pipeline, PipelineError, StageFlow};
pub use rust_decimal::Decimal;
pub use span::Span;
pub use stage::{Stage, StageError};

/// An I/O error's reason for a user-facing sentence: the OS message without
/// Rust's " (os error N)" suffix.
pub fn io_reason(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

/// Why a text file (a pipeline, a phrase list, a lexicon) could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    /// The file could not be opened or read: the OS's reason.
    #[error("{0}")]
    Io(String),
    /// A byte that is not UTF-8, at a 1-based line and column (characters).
    #[error("the file is not UTF-8: byte 0x{byte:02X} at line {line}, column {column}; save it as UTF-8")]
    NotUtf8 {
        /// Line of the bad byte.
        line: usize,
        /// Column of the bad byte, in characters.
        column: usize,
        /// The bad byte.
        byte: u8,
    },
}

/// Reads a UTF-8 text file; a byte that is not UTF-8 is reported with its
/// line and column.
pub fn read_utf8_file(path: &std::path::Path) -> Result<String, FileError> {
    let bytes = std::fs::read(path).map_err(|e| FileError::Io(io_reason(&e)))?;
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let valid = e.utf8_error().valid_up_to();
        // Everything before `valid` is UTF-8, so counting is exact.
        let before = std::str::from_utf8(&bytes[..valid]).unwrap_or("");
        let (line, column) = line_column(before, before.len());
        FileError::NotUtf8 { line, column, byte: bytes[valid] }
    })
}

/// 1-based line and column (in characters) of byte `offset` in `text`, for
/// messages that point into a file.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

// Re-exported so stage crates register with the same versions core collects.
pub use inventory;
pub use schemars;
