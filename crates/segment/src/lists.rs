//! Numbered, lettered and bulleted lists run together on one line.
//!
//! `1) The first item 2) The second item` has no terminal punctuation, yet
//! holds two sentences; `1. The first item.` must not end at `1.`. So at
//! each sentence start the splitter reads a list marker (bullets, `1.`,
//! `1.)`, `1)`, `a.`, `a)`); the marker's own period ends nothing, and the
//! marker that would come next (`2)` after `1)`, `b.` after `a.`) starts a
//! new sentence where it appears after whitespace.
//!
//! Looking for the next marker is a forward search from the current one, so
//! consecutive searches cover disjoint text; a search that fails is
//! remembered, so restarting the same list cannot rescan the same text.

use crate::chars::{char_at, char_before, is_bullet, is_space};

/// How a numbered or lettered marker is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    /// `1.`
    Period,
    /// `1.)`
    PeriodParen,
    /// `1)`
    Paren,
}

impl Style {
    fn suffix(self) -> &'static str {
        match self {
            Style::Period => ".",
            Style::PeriodParen => ".)",
            Style::Paren => ")",
        }
    }
}

/// A numbered or lettered marker value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ordinal {
    Number(u32),
    Letter(u8),
}

impl Ordinal {
    fn next(self) -> Option<Ordinal> {
        match self {
            Ordinal::Number(n) if n < 999 => Some(Ordinal::Number(n + 1)),
            Ordinal::Letter(b) if b != b'z' && b != b'Z' => Some(Ordinal::Letter(b + 1)),
            _ => None,
        }
    }

    fn write(self, style: Style) -> String {
        match self {
            Ordinal::Number(n) => format!("{n}{}", style.suffix()),
            Ordinal::Letter(b) => format!("{}{}", b as char, style.suffix()),
        }
    }
}

/// The list marker found at a sentence start.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Marker {
    /// End of the marker text (bullets and number), before the whitespace.
    pub(crate) end: usize,
    value: Option<(Ordinal, Style)>,
}

/// Reads a marker at `i`: bullets, then optionally a number or letter with
/// its punctuation, followed by whitespace. `expected` is the value the
/// current list continues with; a letter list can only start at `a`.
pub(crate) fn marker_at(text: &str, i: usize, end: usize, list: &ListState) -> Option<Marker> {
    let mut p = i;
    let mut bullet = false;
    while let Some(c) = char_at(text, p).filter(|_| p < end) {
        let dash_bullet = matches!(c, '-' | '*') && p == i && char_at(text, p + 1).is_some_and(is_space);
        if !(is_bullet(c) || dash_bullet) {
            break;
        }
        bullet = true;
        p += c.len_utf8();
        // `• 9.`: spaces between the bullet and a number.
        while p < end && text.as_bytes()[p] == b' ' {
            p += 1;
        }
    }
    let bullet_end = text.get(i..p).map_or(i, |s| i + s.trim_end().len());
    match numbered_at(text, p, end, list) {
        Some((q, value)) => Some(Marker { end: q, value: Some(value) }),
        None if bullet => Some(Marker { end: bullet_end, value: None }),
        None => None,
    }
}

/// `12.`, `3.)`, `4)`, `a.`, `b)` at `p`, followed by whitespace.
fn numbered_at(text: &str, p: usize, end: usize, list: &ListState) -> Option<(usize, (Ordinal, Style))> {
    let bytes = text.get(..end)?.as_bytes();
    let mut q = p;
    while q < bytes.len() && q - p < 4 && bytes[q].is_ascii_digit() {
        q += 1;
    }
    let ordinal = if q > p && q - p <= 3 {
        Ordinal::Number(text.get(p..q)?.parse().ok()?)
    } else if q == p && bytes.get(p).is_some_and(u8::is_ascii_alphabetic) {
        let letter = bytes[p];
        let continues = list.expected.is_some_and(|(o, _)| o == Ordinal::Letter(letter));
        if !(matches!(letter, b'a' | b'A') || continues) {
            return None;
        }
        q += 1;
        Ordinal::Letter(letter)
    } else {
        return None;
    };
    let style = match (bytes.get(q), bytes.get(q + 1)) {
        (Some(b'.'), Some(b')')) => Style::PeriodParen,
        (Some(b'.'), _) => Style::Period,
        (Some(b')'), _) => Style::Paren,
        _ => return None,
    };
    let q = q + style.suffix().len();
    // A marker stands before whitespace, and a lettered one before a capital.
    let after = char_at(text, q).filter(|_| q < end)?;
    if !is_space(after) {
        return None;
    }
    if let Ordinal::Letter(_) = ordinal {
        let first = text.get(q..end)?.trim_start().chars().next()?;
        if !(first.is_uppercase() || first.is_ascii_digit()) {
            return None;
        }
    }
    Some((q, (ordinal, style)))
}

/// The list the splitter is in, and where its next marker is.
#[derive(Debug, Default)]
pub(crate) struct ListState {
    expected: Option<(Ordinal, Style)>,
    /// Where the next marker starts, if it was found.
    pub(crate) next_at: Option<usize>,
    /// Recent searches: the marker text, where the search started and what
    /// it found. A later search for the same text from inside the searched
    /// stretch has the same answer, so no text is searched twice.
    searches: Vec<(String, usize, Option<usize>)>,
}

/// Searches remembered per paragraph.
const REMEMBERED: usize = 16;

impl ListState {
    /// Forgets the current list (a new paragraph).
    pub(crate) fn reset(&mut self) {
        self.expected = None;
        self.next_at = None;
        self.searches.clear();
    }

    /// A sentence starts with `marker` (or with no marker): expect the next
    /// one and find where it is, searching `text[..end]` after the marker.
    pub(crate) fn start(&mut self, text: &str, marker: Option<Marker>, end: usize) {
        self.next_at = None;
        self.expected = None;
        let Some(Marker { end: from, value: Some((ordinal, style)) }) = marker else { return };
        let Some(next) = ordinal.next() else { return };
        self.expected = Some((next, style));
        let pattern = next.write(style);
        let known = self
            .searches
            .iter()
            .find(|(p, start, found)| *p == pattern && *start <= from && found.is_none_or(|at| from < at));
        if let Some((_, _, found)) = known {
            self.next_at = *found;
            return;
        }
        self.next_at = find_marker(text, from, end, &pattern);
        if self.searches.len() == REMEMBERED {
            self.searches.remove(0);
        }
        self.searches.push((pattern, from, self.next_at));
    }
}

/// The first `pattern` in `text[from..end]` that stands after whitespace
/// (or a bullet) and before whitespace.
fn find_marker(text: &str, from: usize, end: usize, pattern: &str) -> Option<usize> {
    let hay = text.get(from..end)?;
    for (k, _) in hay.match_indices(pattern) {
        let at = from + k;
        let after = at + pattern.len();
        let before_ok = char_before(text, at).is_some_and(|c| is_space(c) || is_bullet(c)) && at > from;
        let after_ok = after < end && char_at(text, after).is_some_and(is_space);
        if before_ok && after_ok {
            return Some(at);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(text: &str) -> Option<&str> {
        marker_at(text, 0, text.len(), &ListState::default()).map(|m| &text[..m.end])
    }

    #[test]
    fn markers() {
        for (text, expect) in [
            ("1. The", Some("1.")),
            ("1.) The", Some("1.)")),
            ("12) The", Some("12)")),
            ("• 9. The", Some("• 9.")),
            ("⁃10. The", Some("⁃10.")),
            ("• The", Some("•")),
            ("- The", Some("-")),
            ("a. The", Some("a.")),
            ("b. The", None),
            ("a. the", None),
            ("1999. The", None),
            ("1.5 The", None),
            ("The", None),
        ] {
            assert_eq!(marker(text), expect, "{text}");
        }
    }

    #[test]
    fn finds_the_next_marker_once() {
        let text = "1) The first item 2) The second item";
        let mut list = ListState::default();
        let m = marker_at(text, 0, text.len(), &list);
        list.start(text, m, text.len());
        assert_eq!(list.next_at, Some(18));
        let text = "1) No second item here, not even 12) or x2)";
        let mut list = ListState::default();
        let m = marker_at(text, 0, text.len(), &list);
        list.start(text, m, text.len());
        assert_eq!(list.next_at, None);
        assert_eq!(list.searches.len(), 1);
    }
}
