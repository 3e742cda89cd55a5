//! byline in one crate: every built-in stage, linked and registered, and the
//! default pipeline.
//!
//! byline's stages live in their own crates (`byline-segment`,
//! `byline-entities`, `byline-numbers`, `byline-quotes`) and register
//! themselves with `inventory`; a binary keeps a registration only when it
//! refers to the crate. This facade refers to every stage crate for you
//! ([`link_stage_crates`], called by every constructor here), re-exports
//! byline-core at its root and each stage crate as a module, and owns the
//! default pipeline ([`DEFAULT_PIPELINE`]).
//!
//! ```
//! # #[cfg(feature = "quotes")] {
//! // The whole default pipeline, on one text.
//! let doc = byline::annotate("“We will build it,” Mayor Ana Ruiz said on Monday. It costs $2.4 billion.")?;
//! let quotes = doc.layers.quotes.as_deref().unwrap_or_default();
//! assert!(quotes[0].speaker.is_some_and(|s| s.text(doc.text()).ends_with("Ana Ruiz")));
//! let numbers = doc.layers.numbers.as_deref().unwrap_or_default();
//! assert!(numbers.iter().any(|n| n.span.text(doc.text()) == "$2.4 billion"));
//! # }
//!
//! // A pipeline of your own, from TOML (validated before any document runs).
//! let pipeline = byline::Pipeline::from_toml("[[stage]]\nuse = \"paragraphs\"\n", "inline")?;
//! let doc = pipeline.annotate("d1", "One.\n\nTwo.")?;
//! assert_eq!(doc.layers.paragraphs.map(|p| p.len()), Some(2));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Features
//!
//! One per stage family, all on by default: `segment` (paragraphs, tokens,
//! sentences), `entities` (the tagger and the gazetteer), `numbers`,
//! `quotes`. A family brings the families its stages need (`quotes` needs
//! entities, which need segment). [`Pipeline::default`] runs the default
//! pipeline's stages whose family is on, so with
//! `default-features = false, features = ["segment"]` it splits sentences and
//! builds nothing else. `testing` turns on byline-core's snapshot helpers.
#![deny(missing_docs)]

use std::ops::Deref;
use std::path::Path;
use std::sync::OnceLock;

/// byline-core itself, for its [`Pipeline`](byline_core::Pipeline), which
/// this crate's [`Pipeline`] wraps.
pub use byline_core;
pub use byline_core::*;
#[cfg(feature = "entities")]
pub use byline_entities as entities;
#[cfg(feature = "numbers")]
pub use byline_numbers as numbers;
#[cfg(feature = "quotes")]
pub use byline_quotes as quotes;
#[cfg(feature = "segment")]
pub use byline_segment as segment;

/// The default pipeline's TOML: every built-in stage but `gazetteer`, in
/// order. [`Pipeline::default`] runs the stages of the enabled features.
pub const DEFAULT_PIPELINE: &str = include_str!("../pipelines/default.toml");

/// The name errors in the default pipeline are reported under.
const DEFAULT_ORIGIN: &str = "<default pipeline>";

/// Each built-in stage of the default pipeline and whether its crate is
/// compiled in. A stage missing here is always kept, so a new stage in the
/// TOML fails loudly rather than vanishing.
const BUILT_IN: &[(&str, bool)] = &[
    ("paragraphs", cfg!(feature = "segment")),
    ("tokens", cfg!(feature = "segment")),
    ("sentences", cfg!(feature = "segment")),
    ("entities", cfg!(feature = "entities")),
    ("numbers", cfg!(feature = "numbers")),
    ("quotes", cfg!(feature = "quotes")),
];

/// Refers to each enabled stage crate so the linker keeps its `inventory`
/// registrations: it drops library code nothing refers to. Every
/// constructor here calls it; call it yourself before using
/// [`registry`] or `byline_core::Pipeline` directly.
pub fn link_stage_crates() {
    #[cfg(feature = "segment")]
    std::hint::black_box((
        byline_segment::paragraphs as fn(&str) -> _,
        byline_segment::tokens as fn(&str) -> _,
        byline_segment::sentences as fn(&str) -> _,
    ));
    #[cfg(feature = "entities")]
    std::hint::black_box(byline_entities::Model::builtin as fn() -> _);
    #[cfg(feature = "numbers")]
    std::hint::black_box(byline_numbers::find as fn(&str) -> _);
    #[cfg(feature = "quotes")]
    std::hint::black_box(byline_quotes::find as fn(&str) -> _);
}

/// The default pipeline's TOML cut down to the stages whose feature is on
/// (the whole of [`DEFAULT_PIPELINE`] with default features).
pub fn default_pipeline_toml() -> String {
    if BUILT_IN.iter().all(|(_, on)| *on) {
        return DEFAULT_PIPELINE.to_owned();
    }
    let Ok(mut table) = DEFAULT_PIPELINE.parse::<toml::Table>() else { return DEFAULT_PIPELINE.to_owned() };
    if let Some(toml::Value::Array(stages)) = table.get_mut("stage") {
        stages.retain(|stage| {
            let name = stage.get("use").and_then(toml::Value::as_str).unwrap_or_default();
            BUILT_IN.iter().find(|(n, _)| *n == name).is_none_or(|(_, on)| *on)
        });
    }
    toml::to_string(&table).unwrap_or_else(|_| DEFAULT_PIPELINE.to_owned())
}

/// A validated pipeline of stages, with the built-in stages linked.
///
/// Derefs to [`byline_core::Pipeline`], so `run`, `annotate`, `stages` and
/// `layer_flow` work as there; [`Pipeline::into_inner`] gives the core type.
#[derive(Debug)]
pub struct Pipeline(byline_core::Pipeline);

impl Pipeline {
    /// The default pipeline ([`DEFAULT_PIPELINE`], cut to the enabled
    /// features), or why it could not be built.
    pub fn try_default() -> Result<Pipeline, PipelineError> {
        Pipeline::from_toml(&default_pipeline_toml(), DEFAULT_ORIGIN)
    }

    /// Loads and validates a pipeline from TOML text; `origin` names it in
    /// errors (`origin:line:column: message`).
    pub fn from_toml(text: &str, origin: &str) -> Result<Pipeline, PipelineError> {
        link_stage_crates();
        byline_core::Pipeline::from_toml(text, origin).map(Pipeline)
    }

    /// Loads and validates a pipeline file; relative paths in its options
    /// resolve against the file's folder.
    pub fn from_file(path: &Path) -> Result<Pipeline, PipelineError> {
        link_stage_crates();
        byline_core::Pipeline::from_file(path).map(Pipeline)
    }

    /// A pipeline of stages built in code, checked for layer dependencies
    /// as a file would be.
    pub fn from_stages(name: impl Into<String>, stages: Vec<Box<dyn Stage>>) -> Result<Pipeline, PipelineError> {
        link_stage_crates();
        byline_core::Pipeline::from_stages(name, stages).map(Pipeline)
    }

    /// The core pipeline inside.
    pub fn into_inner(self) -> byline_core::Pipeline {
        self.0
    }
}

impl Default for Pipeline {
    /// The default pipeline. Its TOML ships inside this crate and a test
    /// builds it under every feature set CI runs, so this cannot fail on
    /// any input.
    fn default() -> Pipeline {
        Pipeline::try_default().expect("the built-in default pipeline is valid")
    }
}

impl Deref for Pipeline {
    type Target = byline_core::Pipeline;

    fn deref(&self) -> &byline_core::Pipeline {
        &self.0
    }
}

impl From<byline_core::Pipeline> for Pipeline {
    fn from(pipeline: byline_core::Pipeline) -> Pipeline {
        link_stage_crates();
        Pipeline(pipeline)
    }
}

impl From<Pipeline> for byline_core::Pipeline {
    fn from(pipeline: Pipeline) -> byline_core::Pipeline {
        pipeline.0
    }
}

/// The id [`annotate`] gives its document.
pub const ANNOTATE_ID: &str = "doc";

/// Annotates `text` with the default pipeline (built once, then shared).
/// The document's id is [`ANNOTATE_ID`]. A stage fails only on a bug of its
/// own (a caught panic), reported as the error.
pub fn annotate(text: &str) -> Result<Document, StageError> {
    static DEFAULT: OnceLock<Pipeline> = OnceLock::new();
    DEFAULT.get_or_init(Pipeline::default).annotate(ANNOTATE_ID, text)
}
