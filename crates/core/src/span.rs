//! Byte spans into a document's text, and their conversion to the character
//! offsets that JSON readers (Python, JavaScript) index with.
//!
//! Inside Rust every annotation is a byte range: slicing is free and exact.
//! Output converts once per document with an [`OffsetMap`], which costs
//! nothing for ASCII text and a small checkpoint table otherwise.

use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a document's text.
///
/// Both ends lie on `char` boundaries of the text the span was made for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes). Panics in debug builds when
    /// `start > end`, which is always a bug in the caller.
    #[inline]
    pub const fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Length in bytes.
    #[inline]
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The covered text. Returns `""` rather than panicking when the span does
    /// not fit `text` (a span from another document).
    #[inline]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when `other` lies entirely inside `self`.
    #[inline]
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    #[inline]
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    #[inline]
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The span with leading and trailing whitespace of `text` removed.
    pub fn trim(&self, text: &str) -> Span {
        let s = self.text(text);
        let start = self.start + (s.len() - s.trim_start().len());
        let end = self.end - (s.len() - s.trim_end().len());
        if start >= end { Span::new(start, start) } else { Span::new(start, end) }
    }

    /// The span as a `Range`.
    #[inline]
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// Which offsets the JSON output writes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OffsetUnit {
    /// Indices of Unicode scalar values (Python `str` indices). The default,
    /// and what `score.py` reads.
    #[default]
    Chars,
    /// UTF-8 byte offsets, as used inside Rust.
    Bytes,
}

/// Converts byte offsets of one text into character offsets.
///
/// ASCII text converts for free. Otherwise the map keeps the character count
/// at every 64th byte, so a lookup counts at most 63 bytes: linear memory
/// (one `u32`-sized entry per 64 bytes) and constant time per offset.
#[derive(Debug)]
pub struct OffsetMap<'t> {
    text: &'t str,
    /// `checkpoints[i]` = characters in `text[..i * BLOCK]`; empty for ASCII.
    checkpoints: Vec<usize>,
}

const BLOCK: usize = 64;

impl<'t> OffsetMap<'t> {
    /// A map for `text` that writes offsets in `unit`.
    pub fn new(text: &'t str, unit: OffsetUnit) -> OffsetMap<'t> {
        let mut checkpoints = Vec::new();
        if unit == OffsetUnit::Chars && !text.is_ascii() {
            checkpoints.reserve(text.len() / BLOCK + 1);
            let mut chars = 0;
            for block in text.as_bytes().chunks(BLOCK) {
                checkpoints.push(chars);
                chars += count_chars(block);
            }
            checkpoints.push(chars);
        }
        OffsetMap { text, checkpoints }
    }

    /// The text this map converts offsets of.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The offset written for byte offset `byte` (clamped to the text).
    #[inline]
    pub fn offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if self.checkpoints.is_empty() {
            return byte;
        }
        let block = byte / BLOCK;
        let from = block * BLOCK;
        self.checkpoints[block] + count_chars(&self.text.as_bytes()[from..byte])
    }

    /// Both ends of `span`, converted.
    #[inline]
    pub fn span(&self, span: Span) -> (usize, usize) {
        (self.offset(span.start), self.offset(span.end))
    }
}

/// Characters in a UTF-8 byte slice: the bytes that are not continuation bytes.
#[inline]
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// Converts character offsets back to byte offsets; used by readers of gold
/// data and JSON input, whose offsets are characters.
#[derive(Debug)]
pub struct CharIndex {
    /// `bytes[i]` = byte offset of character `i`; one extra entry for the end.
    bytes: Vec<usize>,
}

impl CharIndex {
    /// An index of every character boundary of `text`.
    pub fn new(text: &str) -> CharIndex {
        let mut bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        bytes.push(text.len());
        CharIndex { bytes }
    }

    /// Byte offset of character offset `chars`, clamped to the end of the text.
    pub fn byte(&self, chars: usize) -> usize {
        self.bytes[chars.min(self.bytes.len() - 1)]
    }

    /// Number of characters in the text.
    pub fn len(&self) -> usize {
        self.bytes.len() - 1
    }

    /// True when the text is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars_of(text: &str, byte: usize) -> usize {
        text[..byte].chars().count()
    }

    #[test]
    fn ascii_is_identity() {
        let map = OffsetMap::new("plain text", OffsetUnit::Chars);
        assert_eq!(map.offset(5), 5);
        assert_eq!(map.span(Span::new(0, 10)), (0, 10));
    }

    #[test]
    fn multibyte_text_converts_at_every_boundary() {
        // Curly quotes (3 bytes), accents (2), CJK (3), emoji (4).
        let text = "“Café” said 東京’s mayor 🎉 — naïve.".repeat(9);
        let map = OffsetMap::new(&text, OffsetUnit::Chars);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(map.offset(byte), chars_of(&text, byte), "at byte {byte}");
        }
        let back = CharIndex::new(&text);
        for (i, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(back.byte(i), byte);
        }
        assert_eq!(back.len(), text.chars().count());
    }

    #[test]
    fn bytes_unit_is_identity() {
        let text = "東京";
        let map = OffsetMap::new(text, OffsetUnit::Bytes);
        assert_eq!(map.span(Span::new(3, 6)), (3, 6));
    }

    #[test]
    fn trim_and_text() {
        let text = "  “hi”  ";
        let span = Span::new(0, text.len()).trim(text);
        assert_eq!(span.text(text), "“hi”");
        assert_eq!(Span::new(0, 2).trim(text), Span::new(2, 2));
        assert_eq!(Span::new(0, 99).text(text), "");
    }
}
