//! Line breaks inside a paragraph: when does a single newline end a
//! sentence?
//!
//! News text without terminal punctuation on a line is either a headline
//! block (`HEADLINE\nBy Jane Doe\nWASHINGTON —`), a list, or hard-wrapped
//! prose (`It was a cold\nnight.`). The paragraphs stage already puts each
//! line of one-paragraph-per-line text in a paragraph of its own, so the
//! newlines a sentence splitter still sees are mostly wraps; only a line
//! that stops well short of the wrap width, or a list item, ends there.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::chars::{char_at, char_before, is_bullet, is_opening, is_space};

/// Whether a single line break ends a sentence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum LineBreaks {
    /// Decide from the text: a line break ends a sentence after a short line
    /// (one that stops well before the paragraph's wrap width) followed by a
    /// line that starts like a sentence, and before a list item; a wrapped
    /// line goes on.
    #[default]
    Auto,
    /// Every line break ends a sentence (one sentence per line).
    Always,
    /// Only punctuation ends sentences; line breaks are spaces.
    Never,
}

/// Shortest line that can be a wrap width: below this every line is short.
const MIN_WRAP: usize = 40;

/// The longest line of a paragraph, measured lazily at its first newline.
#[derive(Debug, Default)]
pub(crate) struct LineWidths {
    longest: Option<usize>,
}

impl LineWidths {
    /// Forgets the paragraph.
    pub(crate) fn reset(&mut self) {
        self.longest = None;
    }

    fn longest(&mut self, text: &str, start: usize, end: usize) -> usize {
        *self.longest.get_or_insert_with(|| {
            text.get(start..end).map_or(0, |p| p.split('\n').map(|l| l.trim().chars().count()).max().unwrap_or(0))
        })
    }

    /// With `Auto`: true when the newline at `nl`, inside the paragraph
    /// `start..end`, ends the sentence before it.
    pub(crate) fn breaks_at(&mut self, text: &str, start: usize, end: usize, nl: usize) -> bool {
        let line_start = text.get(start..nl).and_then(|s| s.rfind('\n')).map_or(start, |k| start + k + 1);
        let line = text.get(line_start..nl).unwrap_or("").trim();
        let next_line = text.get(nl + 1..end).unwrap_or("");
        let next = next_line.trim_start();
        let Some(first) = next.chars().next() else { return false };
        // Lines ending in terminal punctuation were decided by the punctuation rules.
        if line.is_empty() || line.ends_with(['.', '?', '!', '…']) {
            return false;
        }
        if starts_list_item(next) {
            return true;
        }
        let starts_sentence = first.is_uppercase() || first.is_ascii_digit() || is_opening(first);
        if !starts_sentence || line.ends_with([',', ';', '-', '–', '—', '&', '/', '(']) {
            return false;
        }
        let longest = self.longest(text, start, end);
        let width = line.chars().count();
        longest < MIN_WRAP || width * 4 < longest * 3
    }
}

/// True when a line starts with a bullet or a `1.`, `1)`, `a)` marker.
fn starts_list_item(line: &str) -> bool {
    let Some(first) = line.chars().next() else { return false };
    if is_bullet(first) {
        return true;
    }
    let bytes = line.as_bytes();
    if matches!(first, '-' | '*' | '+') {
        return char_at(line, 1).is_some_and(is_space);
    }
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let k = if (1..=3).contains(&digits) {
        digits
    } else if bytes.len() > 1 && first.is_ascii_lowercase() {
        1
    } else {
        return false;
    };
    matches!(bytes.get(k), Some(b'.' | b')')) && {
        let after = if bytes.get(k + 1) == Some(&b')') { k + 2 } else { k + 1 };
        char_at(line, after).is_some_and(is_space) && char_before(line, after).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn breaks(text: &str) -> Vec<bool> {
        let mut widths = LineWidths::default();
        text.match_indices('\n').map(|(nl, _)| widths.breaks_at(text, 0, text.len(), nl)).collect()
    }

    #[test]
    fn auto_line_breaks() {
        for (text, expect) in [
            ("It was a cold \nnight in the city.", vec![false]),
            ("BREAKING NEWS\nThe president resigned today.", vec![true]),
            ("Shopping list\n- eggs\n- milk", vec![true, true]),
            ("Shopping list\n1. eggs\n2. milk", vec![true, true]),
            (
                "The committee met on Tuesday to discuss the budget and\nThe Times reported that the proposal was\nrejected by a wide margin after long debate.",
                vec![false, false],
            ),
            ("Dear Sir,\nThank you for your letter.", vec![false]),
        ] {
            assert_eq!(breaks(text), expect, "{text:?}");
        }
    }
}
