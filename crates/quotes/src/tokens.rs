//! A small word tokenizer that knows quote marks from apostrophes.
//!
//! Attribution needs words, punctuation and quote marks with a direction;
//! general tokens do not carry the last. One pass over each paragraph makes
//! all three, and looks every word up in the [`Lexicon`] once.
//!
//! A mark's direction comes from its neighbours, as Markdown's "flanking"
//! rules do: a mark after a space and before a letter opens, one after a
//! letter and before a space closes. Curly marks keep their written
//! direction unless the context clearly contradicts it (`”Mr. Trump ...` is
//! a mistyped opener). An apostrophe inside a word (`doesn’t`, `Trump’s`) or
//! before a decade (`’90s`) is part of the word and never a mark.

use byline_core::Span;

use crate::lexicon::Lexicon;

/// Which way a quote mark faces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dir {
    /// Opens a quotation.
    Open,
    /// Closes one.
    Close,
    /// Could be either (a straight mark between two words).
    Either,
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A word or number.
    Word,
    /// One punctuation character.
    Punct(char),
    /// A quote mark: double (`"`, `“`, `''`, `«`) or single (`‘`, `'`).
    Mark { double: bool, dir: Dir },
}

/// One token of a paragraph.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub span: Span,
    pub kind: Kind,
    /// Lexicon bits of a word.
    pub bits: u32,
    /// A word that starts with an upper-case letter.
    pub cap: bool,
}

impl Tok {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    pub fn is(&self, bits: u32) -> bool {
        self.bits & bits != 0
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    pub fn is_double_mark(&self) -> bool {
        matches!(self.kind, Kind::Mark { double: true, .. })
    }

    pub fn is_mark(&self) -> bool {
        matches!(self.kind, Kind::Mark { .. })
    }

    /// `.`, `!`, `?` or `…`.
    pub fn is_terminal(&self) -> bool {
        matches!(self.kind, Kind::Punct('.' | '!' | '?' | '…'))
    }
}

/// Abbreviations whose final period belongs to the word.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "prof", "rev", "st", "jr", "sr",
    "inc", "corp", "co", "ltd", "atty", "supt", "pres", "cmdr", "adm", "maj", "reps", "sens", "no", "vol", "vs", "jan",
    "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "ft", "mt", "messrs", "mss", "rev", "gens", "govs",
    "calif", "fla", "mich", "mass", "wash", "ariz", "colo", "conn", "ill", "ind", "minn", "nev", "penn", "tenn", "tex",
    "va", "wis", "okla", "ore", "pa", "ga", "la", "md", "mo", "n.y", "n.j", "d.c", "u.s", "u.k", "u.n", "e.g", "i.e",
    "a.m", "p.m", "etc", "al", "ala", "ark", "del", "ky", "kan", "neb", "vt", "wyo",
    // Canadian police ranks, `Hon.` and pounds (`16 lbs.`).
    "const", "cst", "cpl", "insp", "det", "hon", "lbs",
];

fn is_abbreviation(word: &str) -> bool {
    let w = word.as_bytes();
    // Initials: one capital letter (`J. Smith`).
    if w.len() == 1 && w[0].is_ascii_uppercase() {
        return true;
    }
    if w.len() > 5 {
        return false;
    }
    let mut buf = [0u8; 5];
    for (b, c) in buf.iter_mut().zip(w) {
        *b = c.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&buf[..w.len()]).unwrap_or("");
    ABBREVIATIONS.contains(&lower)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_double_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '″')
}

fn is_single_mark(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’' | '‚' | '‛' | '‹' | '›' | '`')
}

fn is_mark_char(c: char) -> bool {
    is_double_mark(c) || is_single_mark(c)
}

/// Characters a word may contain.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '@' || c == '#'
}

/// Before an opening mark: start, space, opening bracket, dash, another mark.
fn opens_after(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => {
            c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | '\u{feff}') || is_mark_char(c)
        }
    }
}

/// After a closing mark: end, space, punctuation, closing bracket, another mark.
fn closes_before(next: Option<char>) -> bool {
    match next {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '…' | '/')
                || is_mark_char(c)
        }
    }
}

/// The direction of a mark from its written form and its neighbours.
fn direction(c: char, prev: Option<char>, next: Option<char>) -> Dir {
    let left = opens_after(prev) && next.is_some_and(|n| !n.is_whitespace());
    let right = closes_before(next) && prev.is_some_and(|p| !p.is_whitespace());
    // `,"Hello` or `:“Hello`: punctuation then a letter is an opening.
    let glued_open = prev.is_some_and(|p| matches!(p, ',' | ':' | ';')) && next.is_some_and(char::is_alphanumeric);
    match c {
        '“' | '„' | '‘' | '‚' | '`' => {
            if right && !left && !glued_open {
                Dir::Close
            } else {
                Dir::Open
            }
        }
        '”' | '’' | '‟' | '‛' => {
            if (left || glued_open) && !right {
                Dir::Open
            } else {
                Dir::Close
            }
        }
        '«' | '‹' => {
            if right && !left {
                Dir::Close
            } else {
                Dir::Open
            }
        }
        '»' | '›' => {
            if left && !right {
                Dir::Open
            } else {
                Dir::Close
            }
        }
        _ => match (left || glued_open, right) {
            (true, false) => Dir::Open,
            (false, true) => Dir::Close,
            _ => Dir::Either,
        },
    }
}

thread_local! {
    /// The characters of the paragraph being tokenized, kept per thread so a
    /// document does not allocate them once per paragraph.
    static CHARS: std::cell::RefCell<Vec<(usize, char)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Appends the tokens of `text[span]` to `out`.
pub(crate) fn tokenize(text: &str, span: Span, lexicon: &Lexicon, out: &mut Vec<Tok>) {
    CHARS.with(|cell| {
        let mut chars = cell.take();
        chars.clear();
        chars.extend(span.text(text).char_indices());
        tokenize_chars(text, span, &chars, lexicon, out);
        cell.replace(chars);
    });
}

fn tokenize_chars(text: &str, span: Span, chars: &[(usize, char)], lexicon: &Lexicon, out: &mut Vec<Tok>) {
    let base = span.start;
    let s = span.text(text);
    let n = chars.len();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let byte = |i: usize| chars.get(i).map_or(s.len(), |&(b, _)| b);
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() || c == '\u{feff}' {
            i += 1;
            continue;
        }
        let prev = if i > 0 { at(i - 1) } else { None };
        // A decade or clipped word: `’90s`, `'em` after a space.
        if is_apostrophe(c) || c == '‘' {
            let decade = at(i + 1).is_some_and(|d| d.is_ascii_digit())
                && at(i + 2).is_some_and(|d| d.is_ascii_digit())
                && !at(i + 3).is_some_and(|d| d.is_ascii_digit());
            if decade && opens_after(prev) {
                let end = word_end(chars, i + 1);
                push_word(text, base + byte(i), base + byte(end), lexicon, out);
                i = end;
                continue;
            }
        }
        // Three apostrophes are a single and a double mark, the single one
        // inside: `''I said 'no.'''` closes both, `'''No' was ...` opens both.
        if c == '\'' && at(i + 1) == Some(c) && at(i + 2) == Some(c) {
            let closing = prev.is_some_and(|p| !p.is_whitespace() && !opens_after(Some(p)));
            let (first, second) = if closing { (1, 2) } else { (2, 1) };
            for (k, len) in [(i, first), (i + first, second)] {
                let double = len == 2;
                let dir = if closing { Dir::Close } else { Dir::Open };
                out.push(Tok {
                    span: Span::new(base + byte(k), base + byte(k + len)),
                    kind: Kind::Mark { double, dir },
                    bits: 0,
                    cap: false,
                });
            }
            i += 3;
            continue;
        }
        // Two apostrophes make a double mark (`''Yes,'' he said`).
        if (c == '\'' || c == '’' || c == '‘' || c == '`') && at(i + 1) == Some(c) {
            let dir = direction(if c == '`' { '“' } else { '"' }, prev, at(i + 2));
            out.push(Tok {
                span: Span::new(base + byte(i), base + byte(i + 2)),
                kind: Kind::Mark { double: true, dir },
                bits: 0,
                cap: false,
            });
            i += 2;
            continue;
        }
        if is_mark_char(c) {
            let dir = direction(c, prev, at(i + 1));
            out.push(Tok {
                span: Span::new(base + byte(i), base + byte(i + 1)),
                kind: Kind::Mark { double: is_double_mark(c), dir },
                bits: 0,
                cap: false,
            });
            i += 1;
            continue;
        }
        if is_word_char(c) {
            let mut end = word_end(chars, i);
            let word = &s[byte(i)..byte(end)];
            // The period of an abbreviation (`Mr.`, `U.S.`, `J.`) is part of it.
            if at(end) == Some('.') && (is_abbreviation(word) || word.contains('.')) {
                end += 1;
            }
            push_word(text, base + byte(i), base + byte(end), lexicon, out);
            i = end;
            continue;
        }
        // Punctuation: `...` is one token, `--` is a dash.
        let mut end = i + 1;
        let kind = if c == '.' && at(i + 1) == Some('.') {
            while at(end) == Some('.') {
                end += 1;
            }
            Kind::Punct('…')
        } else if c == '-' && at(i + 1) == Some('-') {
            while at(end) == Some('-') {
                end += 1;
            }
            Kind::Punct('—')
        } else {
            Kind::Punct(c)
        };
        out.push(Tok { span: Span::new(base + byte(i), base + byte(end)), kind, bits: 0, cap: false });
        i = end;
    }
}

/// The end (char index) of the word starting at `i`: word characters joined
/// by internal apostrophes, hyphens and periods (`doesn’t`, `ex-wife`, `U.S`).
fn word_end(chars: &[(usize, char)], mut i: usize) -> usize {
    let n = chars.len();
    while i < n {
        let c = chars[i].1;
        if is_word_char(c) {
            i += 1;
        } else if (is_apostrophe(c) || matches!(c, '-' | '‐' | '.' | ',' | '&'))
            && i + 1 < n
            && is_word_char(chars[i + 1].1)
            && i > 0
            && is_word_char(chars[i - 1].1)
        {
            // `.` and `,` join digits (`19.9`, `1,000`).
            if matches!(c, '.' | ',') && chars[i - 1].1.is_ascii_digit() && chars[i + 1].1.is_ascii_digit() {
                i += 1;
                continue;
            }
            // `.` joins single letters (`U.S`, `a.m`), not sentences without a space.
            let single_letter_before =
                chars[i - 1].1.is_alphabetic() && (i < 2 || !is_word_char(chars[i - 2].1) || chars[i - 2].1 == '.');
            if c == ',' || c == '.' && !(single_letter_before && chars[i + 1].1.is_alphabetic()) {
                break;
            }
            i += 1;
        } else {
            break;
        }
    }
    i
}

fn push_word(text: &str, start: usize, end: usize, lexicon: &Lexicon, out: &mut Vec<Tok>) {
    let word = &text[start..end];
    let cap = word.chars().next().is_some_and(char::is_uppercase);
    let bits = lexicon.bits(word);
    out.push(Tok { span: Span::new(start, end), kind: Kind::Word, bits, cap });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str) -> Vec<String> {
        let lex = Lexicon::closed_classes();
        let mut out = Vec::new();
        tokenize(text, Span::new(0, text.len()), &lex, &mut out);
        out.iter()
            .map(|t| {
                let s = t.span.text(text);
                match t.kind {
                    Kind::Mark { dir: Dir::Open, .. } => format!("<{s}"),
                    Kind::Mark { dir: Dir::Close, .. } => format!("{s}>"),
                    Kind::Mark { dir: Dir::Either, .. } => format!("?{s}"),
                    _ => s.to_owned(),
                }
            })
            .collect()
    }

    #[test]
    fn words_marks_and_apostrophes() {
        for (text, expect) in [
            ("“It doesn’t,” he said.", vec!["<“", "It", "doesn’t", ",", "”>", "he", "said", "."]),
            ("the ’90s and the Joneses’ car", vec!["the", "’90s", "and", "the", "Joneses", "’>", "car"]),
            ("\"Yes,\" Mr. Smith said", vec!["<\"", "Yes", ",", "\">", "Mr.", "Smith", "said"]),
            ("''No,'' the U.S. envoy said.", vec!["<''", "No", ",", "''>", "the", "U.S.", "envoy", "said", "."]),
            ("''I said 'never.''' he", vec!["<''", "I", "said", "<'", "never", ".", "'>", "''>", "he"]),
            ("'''No' was it,''", vec!["<''", "<'", "No", "'>", "was", "it", ",", "''>"]),
            ("”Mr. Trump is", vec!["<”", "Mr.", "Trump", "is"]),
            ("said,\"Hello", vec!["said", ",", "<\"", "Hello"]),
            ("a\"b", vec!["a", "?\"", "b"]),
            ("«Oui» dit-il", vec!["<«", "Oui", "»>", "dit-il"]),
            ("wait... no -- yes", vec!["wait", "...", "no", "--", "yes"]),
            ("19.9 percent, 1,000 people.", vec!["19.9", "percent", ",", "1,000", "people", "."]),
            ("J. Smith", vec!["J.", "Smith"]),
            ("end.Next", vec!["end", ".", "Next"]),
        ] {
            assert_eq!(show(text), expect, "{text}");
        }
    }
}
