//! The `byline` command's library side: the default pipeline and the links
//! that keep every stage crate's registrations in a binary, both from the
//! `byline` facade crate.
//!
//! The binary (`src/main.rs`) and the workspace tests (`../tests`) both use
//! it, so they run exactly the same pipeline as library users.
#![deny(missing_docs)]

use byline_core::{Pipeline, PipelineError};

pub use byline::{DEFAULT_PIPELINE, link_stage_crates};

/// The built-in default pipeline, used when no `--pipeline` is given.
pub fn default_pipeline() -> Result<Pipeline, PipelineError> {
    byline::Pipeline::try_default().map(Pipeline::from)
}
