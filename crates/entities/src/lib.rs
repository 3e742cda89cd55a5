//! byline-entities: the people, organisations, places and other names
//! (PER, ORG, LOC, MISC) in English news.
//!
//! | stage       | needs               | adds       |
//! |-------------|---------------------|------------|
//! | `entities`  | `tokens`, `sentences` | `entities` |
//! | `gazetteer` | `tokens`            | `entities` (refines) |
#![deny(missing_docs)]

pub mod conll;
mod document;
pub mod eval;
pub mod features;
pub mod hash;
pub mod lexicon;
pub mod lists;
pub mod model;
pub mod tagger;
pub mod tags;
pub mod train;
pub mod viterbi;

pub use model::{Model, ModelError};
pub use tagger::TaggedSpan;
