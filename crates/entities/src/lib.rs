//! byline-entities: the people, organisations, places and other names
//! (PER, ORG, LOC, MISC) in English news.
//!
//! | stage       | needs                 | adds                  |
//! |-------------|-----------------------|-----------------------|
//! | `entities`  | `tokens`, `sentences` | `entities`            |
//! | `gazetteer` | `tokens`              | `entities` (merges)   |
//!
//! `entities` is a sequence tagger of our own: an averaged structured
//! perceptron over BILOU tags with Viterbi decoding ([`train`], [`viterbi`]),
//! on features of the word, its shape, affixes, neighbours, phrase lists,
//! whether the model has ever seen it, and the story's headlines and
//! datelines ([`features`], [`lists`]), with a second
//! pass for label consistency across the document ([`Model`]). The model
//! trained on CoNLL-2003 ships inside the crate (a few MB, quantised and
//! pruned); `byline train entities` trains others. `gazetteer` adds exact
//! phrases a newsroom lists, under an overlap policy ([`gazetteer`]).
//!
//! The plain-function API tags sentences of tokens:
//!
//! ```
//! let model = byline_entities::Model::builtin().expect("the built-in model loads");
//! let sentence = vec!["Angela", "Merkel", "met", "Emmanuel", "Macron", "in", "Berlin", "."];
//! let found: Vec<(String, &str)> = model
//!     .tag(&[sentence.clone()])
//!     .iter()
//!     .map(|s| (sentence[s.first..s.end].join(" "), model.tagset.labels()[s.label].as_str()))
//!     .collect();
//! assert_eq!(found, [
//!     ("Angela Merkel".to_owned(), "PER"),
//!     ("Emmanuel Macron".to_owned(), "PER"),
//!     ("Berlin".to_owned(), "LOC"),
//! ]);
//! ```
#![deny(missing_docs)]

pub mod appositions;
pub mod clusters;
pub mod conll;
pub mod dateline;
mod document;
pub mod eval;
pub mod features;
pub mod furniture;
pub mod gazetteer;
pub mod hash;
pub mod honorifics;
pub mod lexicon;
pub mod lists;
pub mod model;
pub mod modifiers;
pub mod outlets;
pub mod products;
mod stage;
pub mod tagger;
pub mod tags;
pub mod teams;
pub mod train;
pub mod viterbi;

pub use model::{Model, ModelError};
pub use stage::{EntityOptions, EntityStage, GazetteerOptions, GazetteerStage, PatternList, group_tokens};
pub use tagger::TaggedSpan;
