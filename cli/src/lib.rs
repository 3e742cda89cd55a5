//! The `byline` command's library side: the built-in default pipeline and
//! the links that keep every stage crate's registrations in a binary.
//!
//! The binary (`src/main.rs`) and the workspace tests (`../tests`) both use
//! it, so they run exactly the same pipeline.
#![deny(missing_docs)]

use byline_core::{Pipeline, PipelineError};

/// The default pipeline's TOML: every built-in stage, in order.
pub const DEFAULT_PIPELINE: &str = include_str!("../pipelines/default.toml");

/// The built-in default pipeline, used when no `--pipeline` is given.
pub fn default_pipeline() -> Result<Pipeline, PipelineError> {
    link_stage_crates();
    Pipeline::from_toml(DEFAULT_PIPELINE, "<default pipeline>")
}

/// Referencing each stage crate keeps its `inventory` registrations in the
/// binary: the linker drops library code that nothing refers to. Call it
/// before looking anything up in the registry.
pub fn link_stage_crates() {
    std::hint::black_box(byline_segment::paragraphs as fn(&str) -> _);
    std::hint::black_box((byline_segment::tokens as fn(&str) -> _, byline_segment::sentences as fn(&str) -> _));
    std::hint::black_box(byline_entities::Model::builtin as fn() -> _);
    std::hint::black_box(byline_numbers::find as fn(&str) -> _);
    std::hint::black_box(byline_quotes::find as fn(&str) -> _);
}
