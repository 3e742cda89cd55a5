//! byline-segment: the paragraphs of English news text.
//!
//! | stage        | needs | adds         |
//! |--------------|-------|--------------|
//! | `paragraphs` | –     | `paragraphs` |
//!
//! Every function returns byte spans into the text it was given; the text is
//! never changed.
//!
//! ```
//! let text = "HEADLINE\r\n\r\nFirst paragraph.\n  \nSecond one.";
//! let spans = byline_segment::paragraphs(text);
//! let texts: Vec<&str> = spans.iter().map(|s| s.text(text)).collect();
//! assert_eq!(texts, ["HEADLINE", "First paragraph.", "Second one."]);
//! ```
#![deny(missing_docs)]

mod paragraphs;
mod stage;

pub use paragraphs::{ParagraphSplit, paragraphs, paragraphs_with};
pub use stage::{ParagraphOptions, ParagraphStage};
