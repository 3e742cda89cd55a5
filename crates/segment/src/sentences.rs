//! Sentences: one forward scan per paragraph, with a decision at each
//! place a sentence could end.
//!
//! The scan skips every byte that cannot end a sentence through a 256-entry
//! table, so most of the text costs one load and one compare per byte. It
//! stops at terminal punctuation (`.` `?` `!` `…`), newlines, bullets,
//! separator lines and date-time stamps ([`frames`](crate::frames)), and the
//! next expected list marker ([`lists`](crate::lists)). At terminal
//! punctuation, [`boundary`](crate::boundary) reads the whole run (`?!`,
//! `. . .`, closing quotes and brackets, a citation `[12]`), the word before
//! it and the word after it, and decides. Every look-around is bounded, so
//! the time is linear in the text.
//!
//! Sentence spans start at a non-space character and end after the last
//! non-space character; every non-space character of a paragraph is in a
//! sentence, and sentences never cross a paragraph.

use std::sync::OnceLock;

use byline_core::Span;

use crate::abbreviations::{AbbreviationKind, Abbreviations};
use crate::boundary::{Run, Verdict};
use crate::chars::{char_at, is_bullet, is_exclamation_or_question, is_space};
use crate::frames;
use crate::lines::{LineBreaks, LineWidths};
use crate::lists::{ListState, marker_at};
use crate::paragraphs::{ParagraphSplit, paragraphs_with};
use crate::stage::SentenceOptions;

/// Splits text into sentences; build one with [`SentenceSplitter::new`] to
/// configure it, or use [`sentences`] for the defaults.
#[derive(Clone, Debug)]
pub struct SentenceSplitter {
    pub(crate) abbreviations: Abbreviations,
    line_breaks: LineBreaks,
}

impl Default for SentenceSplitter {
    fn default() -> SentenceSplitter {
        SentenceSplitter::new(&SentenceOptions::default())
    }
}

/// The sentences of `text` with the default [`SentenceSplitter`]: the text
/// is split into paragraphs first (as the `paragraphs` stage does), and
/// sentences never cross a paragraph.
///
/// ```
/// let text = "Mr. Smith paid $1,200.50 for it. Was it worth it?! “No.” He left at 5 p.m. on Friday.";
/// let sentences: Vec<&str> = byline_segment::sentences(text).iter().map(|s| s.text(text)).collect();
/// assert_eq!(sentences, ["Mr. Smith paid $1,200.50 for it.", "Was it worth it?!", "“No.”", "He left at 5 p.m. on Friday."]);
/// ```
pub fn sentences(text: &str) -> Vec<Span> {
    static DEFAULT: OnceLock<SentenceSplitter> = OnceLock::new();
    DEFAULT.get_or_init(SentenceSplitter::default).split(text)
}

impl SentenceSplitter {
    /// A splitter with these options.
    pub fn new(options: &SentenceOptions) -> SentenceSplitter {
        let mut abbreviations = Abbreviations::default();
        abbreviations.add(&options.abbreviations, AbbreviationKind::Ambiguous);
        abbreviations.add(&options.non_breaking_prefixes, AbbreviationKind::Title);
        SentenceSplitter { abbreviations, line_breaks: options.line_breaks }
    }

    /// The sentences of `text`, split into paragraphs first (`auto`).
    pub fn split(&self, text: &str) -> Vec<Span> {
        self.split_paragraphs(text, &paragraphs_with(text, ParagraphSplit::Auto))
    }

    /// The sentences of the given paragraphs of `text` (sorted spans).
    pub fn split_paragraphs(&self, text: &str, paragraphs: &[Span]) -> Vec<Span> {
        let bytes: usize = paragraphs.iter().map(Span::len).sum();
        let mut out = Vec::with_capacity(bytes / 100 + paragraphs.len());
        let mut scanner = Scanner::new(self, text);
        for paragraph in paragraphs {
            scanner.paragraph(*paragraph, &mut out);
        }
        out
    }

    /// Appends the sentences of `text[span]` to `out`, treating the span as
    /// one paragraph.
    pub fn split_into(&self, text: &str, span: Span, out: &mut Vec<Span>) {
        Scanner::new(self, text).paragraph(span, out);
    }
}

/// Bytes where the scan stops: terminal punctuation, newlines, the marks of
/// separator lines, `/` (date-time stamps), and lead bytes of `…`, bullets
/// and full-width marks.
static STOP: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'?' as usize] = true;
    t[b'!' as usize] = true;
    t[b'\n' as usize] = true;
    // Separator lines.
    t[b'*' as usize] = true;
    t[b'=' as usize] = true;
    t[b'~' as usize] = true;
    t[b'#' as usize] = true;
    t[b'-' as usize] = true;
    // Date-time stamps.
    t[b'/' as usize] = true;
    t[0xe2] = true; // … ‼ ⁇ ⁈ ⁉ • ⁃ ‣ ∙ ● ■ ► and friends
    t[0xef] = true; // ？ ！
    t
};

/// The state of one scan.
pub(crate) struct Scanner<'a> {
    pub(crate) splitter: &'a SentenceSplitter,
    pub(crate) text: &'a str,
    /// The paragraph being split.
    pub(crate) para_start: usize,
    pub(crate) end: usize,
    /// First byte of the current sentence.
    pub(crate) start: usize,
    /// End of the current sentence's list marker (`start` when it has none).
    pub(crate) marker_end: usize,
    list: ListState,
    widths: LineWidths,
}

impl<'a> Scanner<'a> {
    fn new(splitter: &'a SentenceSplitter, text: &'a str) -> Scanner<'a> {
        Scanner {
            splitter,
            text,
            para_start: 0,
            end: 0,
            start: 0,
            marker_end: 0,
            list: ListState::default(),
            widths: LineWidths::default(),
        }
    }

    fn paragraph(&mut self, span: Span, out: &mut Vec<Span>) {
        let end = span.end.min(self.text.len());
        let mut start = span.start.min(end);
        while !self.text.is_char_boundary(start) {
            start += 1;
        }
        self.para_start = start;
        self.end = end;
        self.list.reset();
        self.widths.reset();
        self.begin(start, out);
        let bytes = self.text.as_bytes();
        let mut i = self.start;
        loop {
            let limit = match self.list.next_at {
                Some(next) if next > i => next.min(end),
                Some(_) => {
                    self.list.next_at = None;
                    end
                }
                None => end,
            };
            while i < limit && !STOP[bytes[i] as usize] {
                i += 1;
            }
            if i >= end {
                break;
            }
            if i == limit {
                // The next item of a list starts here.
                self.cut(i, i, out);
                i = self.start;
                continue;
            }
            i = match bytes[i] {
                b'.' | b'?' | b'!' => self.terminator(i, out),
                b'\n' => self.newline(i, out),
                b if b < 0x80 => self.symbol(i, out),
                _ => self.other(i, out),
            };
        }
        self.cut(end, end, out);
    }

    /// Starts a sentence at the first non-space character from `from`;
    /// a dateline, sign-off, separator line or caption label there is a
    /// sentence of its own.
    fn begin(&mut self, from: usize, out: &mut Vec<Span>) {
        self.start = skip_space(self.text, from, self.end);
        while let Some(unit_end) = frames::dateline_at(self.text, self.start, self.end)
            .or_else(|| frames::sign_off_at(self.text, self.start, self.end))
            .or_else(|| frames::separator_at(self.text, self.start, self.end))
            .or_else(|| frames::caption_at(self.text, self.start, self.end))
            .filter(|&e| e > self.start && e < self.end)
        {
            out.push(Span::new(self.start, unit_end));
            self.start = skip_space(self.text, unit_end, self.end);
        }
        let marker = marker_at(self.text, self.start, self.end, &self.list);
        self.marker_end = marker.map_or(self.start, |m| m.end);
        self.list.start(self.text, marker, self.end);
    }

    /// Ends the current sentence at `at` (trailing whitespace dropped) and
    /// starts the next one from `from`.
    fn cut(&mut self, at: usize, from: usize, out: &mut Vec<Span>) {
        let end = trim_end(self.text, self.start, at);
        if end > self.start {
            out.push(Span::new(self.start, end));
        }
        self.begin(from, out);
    }

    /// Terminal punctuation at `i`; returns where the scan goes on.
    fn terminator(&mut self, i: usize, out: &mut Vec<Span>) -> usize {
        if i < self.marker_end {
            return self.marker_end;
        }
        let bytes = self.text.as_bytes();
        // The common case inside words and numbers: `U.S`, `3.5`, `example.com`.
        if bytes[i] == b'.' && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric) && i + 1 < self.end {
            if crate::tokens::glued_sentence_break(self.text, i)
                && i > self.marker_end
                && crate::tokens::is_token_boundary(self.text, i + 1)
            {
                self.cut(i + 1, i + 1, out);
                return self.start;
            }
            return i + 1;
        }
        let run = Run::read(self.text, i, self.end);
        if i <= self.marker_end {
            // Punctuation that opens a sentence (`. . . The`) ends nothing.
            return run.end;
        }
        match self.decide(&run) {
            Verdict::Continue => run.end,
            Verdict::Cut(at) => {
                self.cut(at, at, out);
                // The rest of the run (`. . .` after `word.`) opens the next sentence.
                self.start.max(at)
            }
        }
    }

    /// A newline at `nl`.
    fn newline(&mut self, nl: usize, out: &mut Vec<Span>) -> usize {
        if nl <= self.marker_end {
            return nl + 1;
        }
        // A blank line always separates (when no paragraphs were given).
        let rest = self.text.get(nl + 1..self.end).unwrap_or("");
        let blank = rest.trim_start_matches([' ', '\t', '\r']).starts_with('\n');
        let cut = blank
            || match self.splitter.line_breaks {
                LineBreaks::Never => false,
                LineBreaks::Always => true,
                LineBreaks::Auto => self.widths.breaks_at(self.text, self.para_start, self.end, nl),
            };
        if cut {
            self.cut(nl, nl + 1, out);
            return self.start;
        }
        nl + 1
    }

    /// A separator line after whitespace, or a date-time stamp: a sentence
    /// of its own.
    fn symbol(&mut self, i: usize, out: &mut Vec<Span>) -> usize {
        let bytes = self.text.as_bytes();
        if bytes[i] == b'/' {
            if i > 0 && bytes[i - 1] == b':' && bytes.get(i + 1) == Some(&b'/') {
                return self.url(i - 1, out);
            }
            return self.timestamp(i, out);
        }
        // Most hyphens and colons are inside words: one comparison each.
        if i <= self.marker_end || !crate::chars::char_before(self.text, i).is_some_and(is_space) {
            return i + 1;
        }
        let repeated = bytes.get(i + 1) == Some(&bytes[i]) || bytes[i] == b'*';
        if repeated && frames::separator_at(self.text, i, self.end).is_some() {
            self.cut(i, i, out);
            return self.start;
        }
        i + 1
    }

    /// A `/` that may be inside the date of a stamp such as `04/26/2001
    /// 07:17 AM`: the stamp ends its sentence, and starts one unless a
    /// lower-case word leads into it (`on 04/26/2001 07:17 AM`).
    fn timestamp(&mut self, slash: usize, out: &mut Vec<Span>) -> usize {
        let Some(s) = self.word_start(slash, 2, u8::is_ascii_digit) else { return slash + 1 };
        let Some(e) = frames::timestamp_at(self.text, s, self.end) else { return slash + 1 };
        if s > self.start && !self.lower_case_word_before(s) {
            self.cut(s, s, out);
        }
        if skip_space(self.text, e, self.end) < self.end {
            self.cut(e, e, out);
            return self.start;
        }
        e
    }

    /// The `://` of a URL at `colon`: a URL right after another URL starts a
    /// sentence (lists of links are one link per sentence).
    fn url(&mut self, colon: usize, out: &mut Vec<Span>) -> usize {
        let Some(s) = self.word_start(colon, 6, u8::is_ascii_alphabetic) else { return colon + 3 };
        if s == self.marker_end || !crate::tokens::starts_url(self.text.get(s..).unwrap_or("")) {
            return colon + 3;
        }
        // The chunk before, read back at most 256 bytes.
        let prev_end = trim_end(self.text, self.start, s);
        let p = crate::chars::word_start_before(self.text, self.start, prev_end, 256);
        let previous = self.text.get(p..prev_end).unwrap_or("");
        let after_url = prev_end - p <= 256 && crate::tokens::starts_url(previous);
        if after_url {
            self.cut(s, s, out);
        }
        colon + 3
    }

    /// The start of the word whose first `at - start` bytes (one to `max`)
    /// all `accept`, ending at `at`: the word must begin after whitespace
    /// (or at the sentence start) and after any list marker.
    fn word_start(&self, at: usize, max: usize, accept: fn(&u8) -> bool) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let mut s = at;
        while s > self.start && at - s < max && accept(&bytes[s - 1]) {
            s -= 1;
        }
        let after_space = s == self.start || crate::chars::char_before(self.text, s).is_some_and(is_space);
        (s < at && after_space && s >= self.marker_end).then_some(s)
    }

    /// True when the word before `at` is a lower-case word (`on`, `at`).
    fn lower_case_word_before(&self, at: usize) -> bool {
        let before = self.text.get(self.start..at).unwrap_or("").trim_end();
        let word = before.rsplit(|c: char| is_space(c)).next().unwrap_or("");
        !word.is_empty() && word.len() <= 16 && word.bytes().all(|b| b.is_ascii_lowercase())
    }

    /// A non-ASCII character whose lead byte is in `STOP`.
    fn other(&mut self, i: usize, out: &mut Vec<Span>) -> usize {
        let Some(c) = char_at(self.text, i) else { return i + 1 };
        if c == '…' || is_exclamation_or_question(c) {
            return self.terminator(i, out);
        }
        // A bullet after whitespace starts an item: `• 9. The first item • 10. The second`.
        if is_bullet(c) && i > self.marker_end && crate::chars::char_before(self.text, i).is_some_and(is_space) {
            self.cut(i, i, out);
            return self.marker_end;
        }
        i + c.len_utf8()
    }
}

/// The first non-space byte at or after `i` (or `end`).
pub(crate) fn skip_space(text: &str, mut i: usize, end: usize) -> usize {
    while i < end {
        match char_at(text, i) {
            Some(c) if is_space(c) => i += c.len_utf8(),
            _ => break,
        }
    }
    i
}

/// `end` moved back over whitespace, not before `start`.
pub(crate) fn trim_end(text: &str, start: usize, mut end: usize) -> usize {
    while end > start {
        match crate::chars::char_before(text, end) {
            Some(c) if is_space(c) => end -= c.len_utf8(),
            _ => break,
        }
    }
    end
}
