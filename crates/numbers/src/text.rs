//! Byte-level scanning primitives: spaces, hyphens, words and their
//! neighbours.
//!
//! The finder never tokenizes the whole text: it jumps between candidate
//! positions and reads a few bytes around each. These helpers keep that
//! reading allocation-free and on `char` boundaries: every position they
//! return is either the input position or just past a complete UTF-8
//! sequence they recognised.

/// A lower-cased ASCII word of at most [`Lower::CAP`] bytes, on the stack.
#[derive(Clone, Copy)]
pub(crate) struct Lower {
    buf: [u8; Lower::CAP],
    len: usize,
}

impl Lower {
    /// Longest word kept; longer words are in no lexicon.
    pub(crate) const CAP: usize = 24;

    /// The lower-cased form of `word`, skipping `.` (so `k.g.` reads `kg`);
    /// `None` when it is longer than the cap or not ASCII.
    pub(crate) fn of(word: &[u8]) -> Option<Lower> {
        let mut buf = [0u8; Lower::CAP];
        let mut len = 0;
        for &b in word {
            if b == b'.' {
                continue;
            }
            if !b.is_ascii() || len == Lower::CAP {
                return None;
            }
            buf[len] = b.to_ascii_lowercase();
            len += 1;
        }
        Some(Lower { buf, len })
    }

    /// The word as a string slice.
    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII bytes are ever stored.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

impl PartialEq for Lower {
    fn eq(&self, other: &Lower) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Lower {}

impl std::fmt::Debug for Lower {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// True for ASCII letters.
#[inline]
pub(crate) fn is_alpha(b: u8) -> bool {
    b.is_ascii_alphabetic()
}

/// True for ASCII letters and digits.
#[inline]
pub(crate) fn is_alnum(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// Length of the whitespace character at `i` (ASCII white space, no-break
/// space, the thin and other fixed-width spaces, ideographic space), or 0.
#[inline]
pub(crate) fn space_len(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) => 1,
        Some(0xC2) if b.get(i + 1) == Some(&0xA0) => 2,
        Some(0xE2) if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x80..=0x8A | 0xAF)) => 3,
        Some(0xE3) if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x80) => 3,
        _ => 0,
    }
}

/// Length of the grouping space at `i` that may separate digit groups
/// (`40 000`, `40\u{202f}000`): one ASCII space, a no-break space or a thin
/// space. The second value is true for the ASCII space, which needs more
/// care (`May 5 300 people`).
#[inline]
pub(crate) fn group_space_len(b: &[u8], i: usize) -> (usize, bool) {
    match b.get(i) {
        Some(b' ') => (1, true),
        Some(0xC2) if b.get(i + 1) == Some(&0xA0) => (2, false),
        Some(0xE2) if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x89 | 0xAF)) => (3, false),
        _ => (0, false),
    }
}

/// What separates two words or numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) struct Gap {
    /// At least one space.
    pub(crate) space: bool,
    /// Newlines crossed (a blank line stops every phrase).
    pub(crate) newlines: u8,
    /// A hyphen or dash: `twenty-one`, `5-10`, `fifty - two`.
    pub(crate) hyphen: bool,
    /// A comma and a space between the groups of a spelled number: `two
    /// thousand, four hundred` (only the grammar reads across it).
    pub(crate) comma: bool,
}

impl Gap {
    /// Only spaces (on at most one line break).
    pub(crate) fn is_space(&self) -> bool {
        self.space && !self.hyphen && !self.comma
    }

    /// A hyphen with no spaces: `twenty-one`.
    pub(crate) fn is_tight_hyphen(&self) -> bool {
        self.hyphen && !self.space && !self.comma
    }
}

/// Length of a hyphen or dash at `i`: `-`, U+2010..U+2015, U+2212 minus.
#[inline]
pub(crate) fn hyphen_len(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'-') => 1,
        Some(0xE2) if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x90..=0x95)) => 3,
        Some(0xE2) if b.get(i + 1) == Some(&0x88) && b.get(i + 2) == Some(&0x92) => 3,
        _ => 0,
    }
}

/// Skips spaces from `i`: the position after them and the newlines crossed.
#[inline]
pub(crate) fn skip_spaces(b: &[u8], mut i: usize) -> (usize, u8) {
    let mut newlines = 0u8;
    loop {
        let n = space_len(b, i);
        if n == 0 {
            return (i, newlines);
        }
        if b[i] == b'\n' {
            newlines = newlines.saturating_add(1);
        }
        i += n;
    }
}

/// Reads the gap from `i`: spaces, at most one hyphen or dash, spaces.
/// Returns the position after it; `None` when it crosses a blank line.
pub(crate) fn read_gap(b: &[u8], i: usize) -> Option<(usize, Gap)> {
    let (j, n1) = skip_spaces(b, i);
    let mut gap = Gap { space: j > i, newlines: n1, hyphen: false, comma: false };
    let h = hyphen_len(b, j);
    let mut end = j;
    if h > 0 {
        let (k, n2) = skip_spaces(b, j + h);
        gap.hyphen = true;
        gap.space |= k > j + h;
        gap.newlines = gap.newlines.saturating_add(n2);
        end = k;
    }
    (gap.newlines < 2).then_some((end, gap))
}

/// The end of the ASCII-letter run starting at `i`.
#[inline]
pub(crate) fn word_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && is_alpha(b[i]) {
        i += 1;
    }
    i
}

/// The end of the ASCII-digit run starting at `i`.
#[inline]
pub(crate) fn digits_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    i
}

/// The start of the ASCII-letter run ending at `end` (exclusive).
#[inline]
pub(crate) fn word_start(b: &[u8], mut end: usize) -> usize {
    while end > 0 && is_alpha(b[end - 1]) {
        end -= 1;
    }
    end
}

/// The character before byte `i` (which must be a char boundary).
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// True when the character before `i` is a letter (any script) or a digit:
/// a number glued to it is part of a code or a name (`R1`, `A320`).
pub(crate) fn glued_before(text: &str, i: usize) -> bool {
    char_before(text, i).is_some_and(|c| c.is_alphanumeric())
}

/// The word (ASCII letters) that ends just before `i`, skipping spaces:
/// `(start, end)`, or `None` when something else comes first.
pub(crate) fn word_before(b: &[u8], i: usize) -> Option<(usize, usize)> {
    let end = skip_spaces_back(b, i);
    let start = word_start(b, end);
    (start < end).then_some((start, end))
}

/// The word (ASCII letters) that starts at `i` after spaces.
pub(crate) fn word_after(b: &[u8], i: usize) -> Option<(usize, usize)> {
    let (start, _) = skip_spaces(b, i);
    let end = word_end(b, start);
    (start < end).then_some((start, end))
}

/// Skips spaces backwards from `i` (exclusive): the position where they start.
pub(crate) fn skip_spaces_back(b: &[u8], mut i: usize) -> usize {
    loop {
        if i >= 1 && matches!(b[i - 1], b' ' | b'\t' | b'\n' | b'\r') {
            i -= 1;
        } else if i >= 2 && b[i - 2] == 0xC2 && b[i - 1] == 0xA0 {
            i -= 2;
        } else if i >= 3 && b[i - 3] == 0xE2 && b[i - 2] == 0x80 && matches!(b[i - 1], 0x80..=0x8A | 0xAF) {
            i -= 3;
        } else {
            return i;
        }
    }
}

/// Lower-cased word at `start..end`, as an owned stack copy.
pub(crate) fn lower(b: &[u8], start: usize, end: usize) -> Option<Lower> {
    Lower::of(b.get(start..end)?)
}

/// True when the word at `start..end` equals `word` (ASCII, any case).
pub(crate) fn word_is(b: &[u8], start: usize, end: usize, word: &str) -> bool {
    b.get(start..end).is_some_and(|w| w.eq_ignore_ascii_case(word.as_bytes()))
}

/// True when the word starts with an upper-case letter.
pub(crate) fn is_capitalized(b: &[u8], start: usize) -> bool {
    b.get(start).is_some_and(u8::is_ascii_uppercase)
}

/// True when position `i` starts a sentence: only spaces, quotes and
/// brackets separate it from the start of the text or from `.`, `!`, `?`,
/// `:` or a line break.
pub(crate) fn sentence_start(b: &[u8], i: usize) -> bool {
    let mut j = i;
    while j > 0 {
        let c = b[j - 1];
        match c {
            b' ' | b'\t' | b'"' | b'\'' | b'(' | b'[' => j -= 1,
            b'\n' | b'\r' | b'.' | b'!' | b'?' | b':' | b';' => return true,
            // Curly quotes and dashes end in 0x80..0x9D after E2 80.
            0x80..=0xBF if j >= 3 && b[j - 3] == 0xE2 && b[j - 2] == 0x80 => {
                if matches!(c, 0x98 | 0x9C | 0x94 | 0x93) {
                    j -= 3;
                } else {
                    return false;
                }
            }
            _ => return false,
        }
    }
    true
}

/// The line around `i`, at most `reach` bytes either way, on char boundaries.
pub(crate) fn line_around(text: &str, i: usize, reach: usize) -> &str {
    let b = text.as_bytes();
    let lo = i.saturating_sub(reach);
    let hi = (i + reach).min(b.len());
    let start = memchr::memrchr(b'\n', &b[lo..i.min(b.len())]).map_or(lo, |p| lo + p + 1);
    let end = memchr::memchr(b'\n', &b[i.min(b.len())..hi]).map_or(hi, |p| i + p);
    inner_slice(text, start, end)
}

/// `text[lo..hi]` narrowed to char boundaries: `lo` moves forward and `hi`
/// back to the nearest boundary inside.
pub(crate) fn inner_slice(text: &str, lo: usize, hi: usize) -> &str {
    let mut s = lo;
    while s < hi && !text.is_char_boundary(s) {
        s += 1;
    }
    let mut e = hi;
    while e > s && !text.is_char_boundary(e) {
        e -= 1;
    }
    text.get(s..e).unwrap_or("")
}

/// True when the line reads like a title-case headline: every word of four
/// letters or more (at least three of them) starts with a capital.
pub(crate) fn title_case_line(line: &str) -> bool {
    let (mut caps, mut words) = (0, 0);
    for w in line.split(|c: char| !c.is_ascii_alphabetic()) {
        if w.len() >= 4 {
            words += 1;
            caps += usize::from(w.as_bytes()[0].is_ascii_uppercase());
        }
    }
    words >= 3 && caps == words
}

/// The end of the terminal escape sequence starting at `i` (an ESC byte or
/// the C1 CSI `\u{9b}`), or `i` when none starts there. Text inside one
/// (`\x1b[31m`, `\x1b]0;title\x07`) is terminal control, never a number.
/// CSI: parameters `0x30..=0x3F`, intermediates `0x20..=0x2F`, a final
/// `0x40..=0x7E`; OSC, DCS, SOS, PM and APC strings run to BEL or ST
/// (`ESC \`) and stop at a line end, so a stray ESC hides at most a line;
/// other escapes are ESC, intermediates and one final byte.
pub(crate) fn escape_end(b: &[u8], i: usize) -> usize {
    let csi_params = |mut k: usize| {
        while k < b.len() && (0x30..=0x3F).contains(&b[k]) {
            k += 1;
        }
        while k < b.len() && (0x20..=0x2F).contains(&b[k]) {
            k += 1;
        }
        if k < b.len() && (0x40..=0x7E).contains(&b[k]) { k + 1 } else { k }
    };
    match (b.get(i), b.get(i + 1)) {
        (Some(0xC2), Some(0x9B)) => csi_params(i + 2),
        (Some(0x1B), Some(b'[')) => csi_params(i + 2),
        (Some(0x1B), Some(b']' | b'P' | b'X' | b'^' | b'_')) => {
            let mut k = i + 2;
            while k < b.len() {
                match b[k] {
                    0x07 => return k + 1,
                    0x1B if b.get(k + 1) == Some(&b'\\') => return k + 2,
                    b'\n' | b'\r' | 0x1B => return k,
                    _ => k += 1,
                }
            }
            k
        }
        (Some(0x1B), _) => {
            let mut k = i + 1;
            while k < b.len() && (0x20..=0x2F).contains(&b[k]) {
                k += 1;
            }
            if k < b.len() && (0x30..=0x7E).contains(&b[k]) { k + 1 } else { k }
        }
        _ => i,
    }
}

/// `text` with every terminal escape sequence ([`escape_end`]) replaced by
/// spaces of the same length, or `None` when it has none (the common case:
/// one `memchr2` pass). Escapes are ASCII, or the two-byte C1 CSI, so the
/// result is valid UTF-8 with the same char boundaries.
pub(crate) fn blank_escapes(text: &str) -> Option<String> {
    let b = text.as_bytes();
    // One `memchr2` pass; a 0x9B is a CSI only after 0xC2 (else it is the
    // tail of another character).
    let first = memchr::memchr2_iter(0x1B, 0x9B, b).find(|&i| b[i] == 0x1B || (i > 0 && b[i - 1] == 0xC2))?;
    let first = if b[first] == 0x9B { first - 1 } else { first };
    let mut out = b.to_vec();
    let mut i = first;
    while i < b.len() {
        if b[i] == 0x1B || (b[i] == 0xC2 && b.get(i + 1) == Some(&0x9B)) {
            let end = escape_end(b, i).max(i + 1);
            out[i..end].fill(b' ');
            i = end;
        } else {
            i += 1;
        }
    }
    // Only whole escape sequences (ASCII, or C2 9B) became spaces.
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps() {
        let t = "twenty-one fifty - two a\n\nb";
        let b = t.as_bytes();
        assert_eq!(read_gap(b, 6), Some((7, Gap { space: false, newlines: 0, hyphen: true, comma: false })));
        assert_eq!(read_gap(b, 16), Some((19, Gap { space: true, newlines: 0, hyphen: true, comma: false })));
        assert_eq!(read_gap(b, 24), None);
        assert_eq!(hyphen_len("—".as_bytes(), 0), 3);
        assert_eq!(space_len("\u{202f}".as_bytes(), 0), 3);
    }

    #[test]
    fn words_and_sentences() {
        let t = "He said. One of them";
        let b = t.as_bytes();
        assert!(sentence_start(b, 9));
        assert!(!sentence_start(b, 3));
        assert_eq!(word_before(b, 16), Some((13, 15)));
        assert_eq!(Lower::of(b"K.G.").map(|l| l.as_str().to_owned()), Some("kg".to_owned()));
        assert!(title_case_line("Storm Kills Twelve People Across Texas"));
        assert!(!title_case_line("The storm killed twelve people across Texas"));
    }
}
