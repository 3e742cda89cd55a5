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

/// The character at byte `b` of `s`; `None` at the end.
fn char_at(s: &str, b: usize) -> Option<char> {
    s.get(b..).and_then(|rest| rest.chars().next())
}

/// The character that ends right before byte `b` of `s`; `None` at the start.
fn char_before(s: &str, b: usize) -> Option<char> {
    s.get(..b).and_then(|head| head.chars().next_back())
}

/// Appends the tokens of `text[span]` to `out`.
///
/// Positions are byte offsets into the paragraph, and a character's
/// neighbours are decoded where they are needed: the tokenizer keeps nothing
/// per character, so a paragraph of any length costs only its tokens.
pub(crate) fn tokenize(text: &str, span: Span, lexicon: &Lexicon, out: &mut Vec<Tok>) {
    let base = span.start;
    let s = span.text(text);
    let mut i = 0;
    while let Some(c) = char_at(s, i) {
        let len = c.len_utf8();
        if c.is_whitespace() || c == '\u{feff}' {
            i += len;
            continue;
        }
        let prev = char_before(s, i);
        let mut ahead = s[i + len..].chars();
        let (next, second, third) = (ahead.next(), ahead.next(), ahead.next());
        // A decade or clipped word: `’90s`, `'em` after a space.
        if is_apostrophe(c) || c == '‘' {
            let decade = next.is_some_and(|d| d.is_ascii_digit())
                && second.is_some_and(|d| d.is_ascii_digit())
                && !third.is_some_and(|d| d.is_ascii_digit());
            if decade && opens_after(prev) {
                let end = word_end(s, i + len);
                push_word(text, base + i, base + end, lexicon, out);
                i = end;
                continue;
            }
        }
        // Three apostrophes are a single and a double mark, the single one
        // inside: `''I said 'no.'''` closes both, `'''No' was ...` opens both.
        // (`'` is one byte, so characters and bytes count alike here.)
        if c == '\'' && next == Some(c) && second == Some(c) {
            let closing = prev.is_some_and(|p| !p.is_whitespace() && !opens_after(Some(p)));
            let (first, then) = if closing { (1, 2) } else { (2, 1) };
            for (k, len) in [(i, first), (i + first, then)] {
                let double = len == 2;
                let dir = if closing { Dir::Close } else { Dir::Open };
                out.push(Tok {
                    span: Span::new(base + k, base + k + len),
                    kind: Kind::Mark { double, dir },
                    bits: 0,
                    cap: false,
                });
            }
            i += 3;
            continue;
        }
        // Two apostrophes make a double mark (`''Yes,'' he said`).
        if (c == '\'' || c == '’' || c == '‘' || c == '`') && next == Some(c) {
            let dir = direction(if c == '`' { '“' } else { '"' }, prev, second);
            out.push(Tok {
                span: Span::new(base + i, base + i + 2 * len),
                kind: Kind::Mark { double: true, dir },
                bits: 0,
                cap: false,
            });
            i += 2 * len;
            continue;
        }
        if is_mark_char(c) {
            let dir = direction(c, prev, next);
            out.push(Tok {
                span: Span::new(base + i, base + i + len),
                kind: Kind::Mark { double: is_double_mark(c), dir },
                bits: 0,
                cap: false,
            });
            i += len;
            continue;
        }
        if is_word_char(c) {
            let mut end = word_end(s, i);
            let word = &s[i..end];
            // The period of an abbreviation (`Mr.`, `U.S.`, `J.`) is part of it.
            if char_at(s, end) == Some('.') && (is_abbreviation(word) || word.contains('.')) {
                end += 1;
            }
            push_word(text, base + i, base + end, lexicon, out);
            i = end;
            continue;
        }
        // Punctuation: `...` is one token, `--` is a dash.
        let run = |b: u8| i + s.as_bytes()[i..].iter().take_while(|&&x| x == b).count();
        let (end, kind) = if c == '.' && next == Some('.') {
            (run(b'.'), Kind::Punct('…'))
        } else if c == '-' && next == Some('-') {
            (run(b'-'), Kind::Punct('—'))
        } else {
            (i + len, Kind::Punct(c))
        };
        out.push(Tok { span: Span::new(base + i, base + end), kind, bits: 0, cap: false });
        i = end;
    }
}

/// At least as many tokens as [`tokenize`] makes of the paragraph `s`,
/// counted on bytes in one cheap pass, so that the caller can reserve room
/// for every token at once: a vector that doubles as it fills holds its old
/// and its new buffer while it moves, up to twice what it needs.
///
/// A token never starts on whitespace, and one that starts on a word
/// character follows no word character (a word takes every word character
/// after it); so a byte counts unless it is ASCII whitespace, an ASCII word
/// character after another, or inside a multi-byte character. Any
/// non-ASCII character counts once, whatever it is.
pub(crate) fn most_tokens(s: &str) -> usize {
    let mut after_word = false;
    let mut n = 0;
    for &b in s.as_bytes() {
        let word = b.is_ascii_alphanumeric() || matches!(b, b'_' | b'@' | b'#');
        let space = matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ');
        let inside_char = (0x80..0xc0).contains(&b);
        let continues_word = word && after_word;
        n += usize::from(!(space || inside_char || continues_word));
        after_word = word;
    }
    n
}

/// The end (byte offset) of the word starting at byte `i` of `s`: word
/// characters joined by internal apostrophes, hyphens and periods
/// (`doesn’t`, `ex-wife`, `U.S`).
fn word_end(s: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(s, i) {
        let len = c.len_utf8();
        if is_word_char(c) {
            i += len;
            continue;
        }
        if !(is_apostrophe(c) || matches!(c, '-' | '‐' | '.' | ',' | '&')) {
            break;
        }
        let (Some(prev), Some(next)) = (char_before(s, i), char_at(s, i + len)) else { break };
        if !is_word_char(prev) || !is_word_char(next) {
            break;
        }
        // `.` and `,` join digits (`19.9`, `1,000`).
        if matches!(c, '.' | ',') && prev.is_ascii_digit() && next.is_ascii_digit() {
            i += len;
            continue;
        }
        // `.` joins single letters (`U.S`, `a.m`), not sentences without a space.
        let single_letter_before =
            prev.is_alphabetic() && char_before(s, i - prev.len_utf8()).is_none_or(|p| !is_word_char(p) || p == '.');
        if c == ',' || c == '.' && !(single_letter_before && next.is_alphabetic()) {
            break;
        }
        i += len;
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

    #[test]
    fn most_tokens_is_room_for_every_token() {
        let lex = Lexicon::closed_classes();
        for (text, exact) in [
            ("plain words and nothing else", true),
            ("  spaced\tout\r\nwords  ", true),
            ("“It doesn’t,” he said. ‘No.’", false),
            ("''I said 'never.''' he", false),
            ("'''No' was it,'' the ’90s, Mr. J. Smith of the U.S. and a.m. 19.9 1,000", false),
            ("wait... no -- yes!?", false),
            ("end.Next ex-wife rock&roll @user #tag snake_case", false),
            ("🇯🇵 👍🏽 e\u{301}\u{302} café naïve \u{feff}\u{a0}x", false),
            ("\0\u{1b}[31m\u{7}\u{c}\u{7f}", false),
            ("\"“”'‘’«» \"»“ ’ `` ‚„", false),
            ("", true),
        ] {
            let most = most_tokens(text);
            let mut out = Vec::with_capacity(most);
            let room = out.capacity();
            tokenize(text, Span::new(0, text.len()), &lex, &mut out);
            assert!(out.len() <= most, "{text}: {} tokens, room for {most}", out.len());
            assert_eq!(out.capacity(), room, "{text}: the vector grew");
            if exact {
                assert_eq!(out.len(), most, "{text}");
            }
        }
    }
}
