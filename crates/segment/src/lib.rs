//! byline-segment: the paragraphs, sentences and word tokens of English
//! news text.
//!
//! | stage        | needs        | adds         |
//! |--------------|--------------|--------------|
//! | `paragraphs` | –            | `paragraphs` |
//! | `tokens`     | –            | `tokens`     |
//! | `sentences`  | `paragraphs` | `sentences`  |
//!
//! Every function returns byte spans into the text it was given; the text is
//! never changed. The plain functions work on raw text; the stages do the
//! same inside a pipeline (`sentences` splits each paragraph of the
//! `paragraphs` layer, so no sentence crosses a paragraph).
//!
//! ```
//! let text = "HEADLINE\r\n\r\nFirst paragraph.\n  \nSecond one.";
//! let spans = byline_segment::paragraphs(text);
//! let texts: Vec<&str> = spans.iter().map(|s| s.text(text)).collect();
//! assert_eq!(texts, ["HEADLINE", "First paragraph.", "Second one."]);
//! ```
//!
//! Sentences know abbreviations, initials, numbers, ellipses, quotes and
//! lists; [`SentenceSplitter`] takes extra abbreviations and the line-break
//! policy:
//!
//! ```
//! use byline_segment::{LineBreaks, SentenceOptions, SentenceSplitter};
//!
//! let text = "I live in the U.S. How about you? Gov. Lee met J. R. Smith Jr. at 5 p.m. today.";
//! let spans = byline_segment::sentences(text);
//! let texts: Vec<&str> = spans.iter().map(|s| s.text(text)).collect();
//! assert_eq!(texts, ["I live in the U.S.", "How about you?", "Gov. Lee met J. R. Smith Jr. at 5 p.m. today."]);
//!
//! let options = SentenceOptions {
//!     non_breaking_prefixes: vec!["Insp.".into()],
//!     line_breaks: LineBreaks::Always,
//!     ..SentenceOptions::default()
//! };
//! let splitter = SentenceSplitter::new(&options);
//! let text = "Insp. Morse arrived\nHe left";
//! let texts: Vec<&str> = splitter.split(text).iter().map(|s| s.text(text)).collect();
//! assert_eq!(texts, ["Insp. Morse arrived", "He left"]);
//! ```
//!
//! Tokens are Penn-Treebank-like, but keep numbers, money, URLs and
//! abbreviations whole, and never merge across whitespace:
//!
//! ```
//! let text = "“We’re up 12.5% since Jan. 3rd,” said @acme_co (see acme.com/q3).";
//! let tokens: Vec<&str> = byline_segment::tokens(text).iter().map(|s| s.text(text)).collect();
//! assert_eq!(
//!     tokens,
//!     ["“", "We", "’re", "up", "12.5%", "since", "Jan.", "3rd", ",", "”", "said", "@acme_co", "(", "see", "acme.com/q3", ")", "."]
//! );
//! ```
#![deny(missing_docs)]

mod abbreviations;
mod boundary;
mod chars;
mod eval;
mod frames;
mod lines;
mod lists;
mod paragraphs;
mod sentences;
mod stage;
mod tokens;
mod words;

pub use lines::LineBreaks;
pub use paragraphs::{ParagraphSplit, paragraphs, paragraphs_with};
pub use sentences::{SentenceSplitter, sentences};
pub use stage::{ParagraphOptions, ParagraphStage, SentenceOptions, SentenceStage, TokenOptions, TokenStage};
pub use tokens::{Tokenizer, tokens};
