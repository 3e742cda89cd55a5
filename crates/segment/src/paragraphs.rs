//! Paragraphs: blocks of text between blank lines.
//!
//! News arrives as blank-line paragraphs, as one paragraph per line with no
//! blank lines, as hard-wrapped lines, with CRLF line ends and a BOM. The
//! `auto` split tells these apart from the text itself, so a pipeline needs
//! no per-source configuration:
//!
//! - any blank line (empty or whitespace only) → blank lines separate
//!   paragraphs;
//! - no blank line, but lines that end like paragraphs (terminal punctuation,
//!   short headline lines) and start like them (capital, digit, quote mark)
//!   → one paragraph per line;
//! - no blank line, lines that break mid-sentence (hard-wrapped) → paragraphs
//!   start only at indented lines; without indentation the text is one
//!   paragraph.
//!
//! One pass over the lines; linear in the text.

use byline_core::Span;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How `paragraphs` splits a text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ParagraphSplit {
    /// Decide from the text: blank lines when it has any, else one paragraph
    /// per line when its lines look like paragraphs, else indentation.
    #[default]
    Auto,
    /// Only blank lines (and whitespace-only lines) separate paragraphs.
    BlankLines,
    /// Every non-blank line is a paragraph.
    Lines,
}

/// The paragraphs of `text` with the `auto` split.
pub fn paragraphs(text: &str) -> Vec<Span> {
    paragraphs_with(text, ParagraphSplit::Auto)
}

/// The paragraphs of `text`: spans from the first to the last non-whitespace
/// character of each block, in order.
pub fn paragraphs_with(text: &str, split: ParagraphSplit) -> Vec<Span> {
    let lines = lines(text);
    let split = match split {
        ParagraphSplit::Auto => decide(text, &lines),
        chosen => chosen,
    };
    let mut out = Vec::new();
    let mut current: Option<Span> = None;
    let mut previous_indent: Option<usize> = None;
    for line in &lines {
        let Some(content) = line.content else {
            // A blank line closes the open paragraph.
            out.extend(current.take());
            previous_indent = None;
            continue;
        };
        let starts_new = match split {
            ParagraphSplit::Lines => true,
            ParagraphSplit::BlankLines => false,
            // Indentation deeper than the previous line's starts a paragraph.
            ParagraphSplit::Auto => previous_indent.is_some_and(|p| line.indent > p),
        };
        previous_indent = Some(line.indent);
        current = match current {
            Some(open) if !starts_new => Some(open.cover(content)),
            open => {
                out.extend(open);
                Some(content)
            }
        };
    }
    out.extend(current);
    out
}

/// A line of the text: its non-whitespace content (none for a blank line)
/// and the width of its indentation.
struct Line {
    content: Option<Span>,
    indent: usize,
}

/// Whitespace for paragraph purposes: Unicode white space plus the BOM.
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let end = start + piece.len();
        let trimmed_start = piece.len() - piece.trim_start_matches(is_space).len();
        let body = piece.trim_matches(is_space);
        let content = (!body.is_empty()).then(|| Span::new(start + trimmed_start, start + trimmed_start + body.len()));
        let indent = piece[..trimmed_start].chars().map(|c| if c == '\t' { 4 } else { 1 }).sum();
        out.push(Line { content, indent });
        start = end;
    }
    out
}

/// Chooses the split for `auto`.
fn decide(text: &str, lines: &[Line]) -> ParagraphSplit {
    let content: Vec<Span> = lines.iter().filter_map(|l| l.content).collect();
    if content.len() < 2 {
        return ParagraphSplit::BlankLines;
    }
    // A blank line between two content lines: the text uses blank lines.
    let first = lines.iter().position(|l| l.content.is_some()).unwrap_or(0);
    let last = lines.iter().rposition(|l| l.content.is_some()).unwrap_or(0);
    if lines[first..=last].iter().any(|l| l.content.is_none()) {
        return ParagraphSplit::BlankLines;
    }
    let longest = content.iter().map(|s| s.len()).max().unwrap_or(0);
    let mut paragraph_like = 0;
    for pair in content.windows(2) {
        let (before, after) = (pair[0].text(text), pair[1].text(text));
        let ends_like_paragraph = before.ends_with(['.', '!', '?', ':', '"', '”', '’', '\'', ')'])
            || before.len() * 2 < longest
            || before.len() < 60;
        let starts_like_paragraph = after.chars().next().is_some_and(|c| {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '-' | '—' | '–' | '*' | '•')
        });
        paragraph_like += usize::from(ends_like_paragraph && starts_like_paragraph);
    }
    // Hard-wrapped text breaks mid-sentence on most lines; one paragraph per
    // line breaks after a sentence on (nearly) all of them.
    if paragraph_like * 10 >= (content.len() - 1) * 9 { ParagraphSplit::Lines } else { ParagraphSplit::Auto }
}
