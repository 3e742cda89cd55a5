//! Tokens: Penn-Treebank-like words as spans of the original text.
//!
//! The text is cut at whitespace first, and a token never crosses
//! whitespace: text that is already tokenized (CoNLL, one space between
//! tokens) keeps its tokens. Each whitespace-free chunk is then split by a
//! small hand-written lexer, because the things that must stay whole
//! (`U.S.`, `1,200.50`, `$40`, `e-mail`, `3:30`, URLs, e-mail addresses,
//! `@handles`, `#tags`) and the things that must come apart (punctuation,
//! clitics `n't 's 're 'll 'd 've 'm`) are decided by one or two
//! characters of context, which a lexer reads directly and a regex engine
//! would backtrack over.
//!
//! Every byte of the text is in exactly one token or is whitespace. The
//! lexer only moves forward; look-ahead and look-behind are bounded, so the
//! time is linear in the text, whatever it holds.

use std::sync::OnceLock;

use byline_core::Span;

use crate::abbreviations::{AbbreviationKind, Abbreviations, is_dotted_abbreviation};
use crate::chars::{
    char_at, char_before, is_alnum, is_apostrophe, is_attaching, is_currency, is_dash, is_opening,
    is_regional_indicator, is_space, word_start_before,
};

/// Splits text into word tokens; build one with [`Tokenizer::new`] to add
/// abbreviations, or use [`tokens`] for the defaults.
#[derive(Clone, Debug, Default)]
pub struct Tokenizer {
    abbreviations: Abbreviations,
}

/// The tokens of `text` with the default [`Tokenizer`].
///
/// ```
/// let text = "Mr. O'Neill can't pay $1,200.50 (U.S.) by 3:30 p.m.—ever.";
/// let tokens: Vec<&str> = byline_segment::tokens(text).iter().map(|s| s.text(text)).collect();
/// assert_eq!(
///     tokens,
///     ["Mr.", "O'Neill", "ca", "n't", "pay", "$1,200.50", "(", "U.S.", ")", "by", "3:30", "p.m.", "—", "ever", "."]
/// );
/// ```
pub fn tokens(text: &str) -> Vec<Span> {
    static DEFAULT: OnceLock<Tokenizer> = OnceLock::new();
    DEFAULT.get_or_init(Tokenizer::default).tokenize(text)
}

impl Tokenizer {
    /// A tokenizer that also keeps `abbreviations` (written with or without
    /// their period, e.g. `"Gov."`) whole with their period.
    pub fn new(abbreviations: &[String]) -> Tokenizer {
        let mut known = Abbreviations::default();
        known.add(abbreviations, AbbreviationKind::Ambiguous);
        Tokenizer { abbreviations: known }
    }

    /// The tokens of `text`, in order.
    pub fn tokenize(&self, text: &str) -> Vec<Span> {
        let mut out = Vec::with_capacity(text.len() / 5 + 1);
        self.tokenize_into(text, &mut out);
        out
    }

    /// Appends the tokens of `text` to `out`.
    pub fn tokenize_into(&self, text: &str, out: &mut Vec<Span>) {
        let bytes = text.as_bytes();
        let mut chunk = Chunk { text, start: 0, abbreviations: &self.abbreviations };
        let mut i = 0;
        let mut after_space = true;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if SPACE[b as usize] {
                    i += 1;
                    after_space = true;
                    continue;
                }
            } else if let Some(c) = char_at(text, i)
                && is_space(c)
            {
                i += c.len_utf8();
                after_space = true;
                continue;
            }
            if after_space {
                chunk.start = i;
                after_space = false;
            }
            // One token; the chunk's end is found by the token scanners,
            // which stop at whitespace.
            let q = chunk.token_at(i).clamp(i + 1, bytes.len());
            let q = (q..=bytes.len()).find(|&k| text.is_char_boundary(k)).unwrap_or(bytes.len());
            // Whatever scanner ended the token, the marks after it are part
            // of its last character: a token never splits a grapheme cluster.
            let q = chunk.attach_marks(q);
            out.push(Span::new(i, q));
            i = q;
        }
    }
}

/// ASCII whitespace bytes (with vertical tab).
static SPACE: [bool; 128] = {
    let mut t = [false; 128];
    t[b' ' as usize] = true;
    t[b'\t' as usize] = true;
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t[0x0b] = true;
    t[0x0c] = true;
    t
};

/// The end of the whitespace-free run starting at `i`.
fn chunk_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if SPACE[b as usize] {
                break;
            }
            i += 1;
        } else {
            match char_at(text, i) {
                Some(c) if is_space(c) => break,
                Some(c) => i += c.len_utf8(),
                None => break,
            }
        }
    }
    i
}

/// A whitespace-free run of text being split into tokens: the scanners
/// see whitespace as the end of the text.
struct Chunk<'t> {
    text: &'t str,
    /// Where the run starts.
    start: usize,
    abbreviations: &'t Abbreviations,
}

impl Chunk<'_> {
    /// The character at `i`, or `None` at whitespace or the end.
    #[inline]
    fn at(&self, i: usize) -> Option<char> {
        let b = *self.text.as_bytes().get(i)?;
        if b < 0x80 {
            return (!SPACE[b as usize]).then_some(b as char);
        }
        char_at(self.text, i).filter(|&c| !is_space(c))
    }

    fn before(&self, i: usize) -> Option<char> {
        if i > self.start { char_before(self.text, i) } else { None }
    }

    fn starts_with_ci(&self, i: usize, prefix: &str) -> bool {
        self.text.as_bytes().get(i..i + prefix.len()).is_some_and(|s| s.eq_ignore_ascii_case(prefix.as_bytes()))
    }

    /// The end of the token that starts at `p`.
    fn token_at(&self, p: usize) -> usize {
        let Some(c) = self.at(p) else { return p + 1 };
        let next = self.at(p + c.len_utf8());
        let prev_alnum = self.before(p).is_some_and(is_alnum);

        if is_alnum(c) {
            if let Some(end) = self.url_at(p) {
                return end;
            }
            if let Some(end) = self.clitic_nt_at(p) {
                return end;
            }
            return self.word_from(p, p + c.len_utf8());
        }
        let next_is_digit = next.is_some_and(|n| n.is_ascii_digit());
        match c {
            // Currency before a number: `$40`, `€5.5bn`.
            _ if is_currency(c) && next_is_digit => return self.word_from(p, p + c.len_utf8()),
            // Hashtags and handles.
            '#' | '@' if next.is_some_and(|n| is_alnum(n) || n == '_') => return self.word_from(p, p + 1),
            // Decimals without a leading zero, signed numbers: `.45`, `-5`, `+44`.
            '.' | '-' | '+' | '−' if next_is_digit && !prev_alnum => return self.word_from(p, p + c.len_utf8()),
            // Clitics as their own chunk or after a word: `'s`, `’re`.
            _ if is_apostrophe(c) => {
                if let Some(end) = self.clitic_at(p) {
                    return end;
                }
                // Elided years and words: `'90s`, `’em`.
                if let Some(end) = self.elision_at(p) {
                    return end;
                }
                // PTB's closing quote `''`.
                if c == '\'' && next == Some('\'') {
                    return p + 2;
                }
                return p + c.len_utf8();
            }
            _ => {}
        }
        self.punctuation_at(p, c)
    }

    /// A punctuation token: runs of the same mark stay together (`...`,
    /// `--`, `?!`, `***`), anything else is one character with the marks
    /// that attach to it.
    fn punctuation_at(&self, p: usize, c: char) -> usize {
        let mut q = p + c.len_utf8();
        let same_run =
            matches!(c, '.' | '-' | '*' | '=' | '_' | '~' | '+' | '#' | '<' | '>' | '^' | '/' | '\\' | '|' | '`')
                || is_dash(c);
        if is_regional_indicator(c) {
            // Two regional indicators are one flag: `🇯🇵`.
            if let Some(n) = self.at(q).filter(|&n| is_regional_indicator(n)) {
                q += n.len_utf8();
            }
        } else if c == '?' || c == '!' {
            while let Some(n @ ('?' | '!')) = self.at(q) {
                q += n.len_utf8();
            }
        } else if same_run {
            while self.at(q) == Some(c) {
                q += c.len_utf8();
            }
        }
        self.attach_marks(q)
    }

    /// Extends `q` over combining marks, variation selectors and joined
    /// emoji.
    fn attach_marks(&self, mut q: usize) -> usize {
        while let Some(m) = self.at(q) {
            if !is_attaching(m) {
                break;
            }
            q += m.len_utf8();
            if m == '\u{200d}'
                && let Some(joined) = self.at(q)
                && !is_space(joined)
            {
                q += joined.len_utf8();
            }
        }
        q
    }

    /// `n't` (any case, either apostrophe) followed by a non-letter.
    fn clitic_nt_at(&self, p: usize) -> Option<usize> {
        if !matches!(self.at(p), Some('n' | 'N')) {
            return None;
        }
        let a = self.at(p + 1).filter(|&c| is_apostrophe(c))?;
        let t = p + 1 + a.len_utf8();
        if !matches!(self.at(t), Some('t' | 'T')) || self.at(t + 1).is_some_and(is_alnum) {
            return None;
        }
        Some(t + 1)
    }

    /// An apostrophe starting `'s 're 'll 'd 've 'm` followed by a
    /// non-letter: the end of that clitic.
    fn clitic_at(&self, p: usize) -> Option<usize> {
        let a = self.at(p)?;
        let s = p + a.len_utf8();
        let mut q = s;
        while q < self.text.len() && q - s < 3 && self.text.as_bytes()[q].is_ascii_alphabetic() {
            q += 1;
        }
        if self.at(q).is_some_and(is_alnum) {
            return None;
        }
        let clitic = self.text.get(s..q)?;
        ["s", "re", "ll", "d", "ve", "m"].iter().any(|c| clitic.eq_ignore_ascii_case(c)).then_some(q)
    }

    /// `'90s`, `'em`, `'n'`: an apostrophe that stands for missing letters.
    fn elision_at(&self, p: usize) -> Option<usize> {
        let s = p + self.at(p)?.len_utf8();
        let bytes = self.text.as_bytes();
        if s + 2 <= self.text.len() && bytes[s].is_ascii_digit() && bytes[s + 1].is_ascii_digit() {
            let mut q = s + 2;
            if q < self.text.len() && bytes[q] == b's' {
                q += 1;
            }
            return (!self.at(q).is_some_and(is_alnum)).then_some(q);
        }
        for word in ["em", "n", "tis", "twas", "cause"] {
            if self.starts_with_ci(s, word) && !self.at(s + word.len()).is_some_and(is_alnum) {
                let mut q = s + word.len();
                // `'n'` keeps its closing apostrophe.
                if word == "n"
                    && let Some(a) = self.at(q).filter(|&c| is_apostrophe(c))
                {
                    q += a.len_utf8();
                }
                return Some(q);
            }
        }
        None
    }

    /// A URL starting at `p` (`http://`, `https://`, `ftp://`, `www.`,
    /// `mailto:`): to the end of the chunk, minus trailing punctuation and
    /// unbalanced closing brackets.
    fn url_at(&self, p: usize) -> Option<usize> {
        let b = self.text.as_bytes().get(p)?;
        if !matches!(b.to_ascii_lowercase(), b'h' | b'f' | b'w' | b'm') {
            return None;
        }
        if !starts_url(self.text.get(p..)?) {
            return None;
        }
        let chunk_end = chunk_end(self.text, p);
        let body = self.text.get(p..chunk_end)?;
        let (mut opens, mut closes) = (0usize, 0usize);
        for b in body.bytes() {
            match b {
                b'(' => opens += 1,
                b')' => closes += 1,
                _ => {}
            }
        }
        let mut q = chunk_end;
        while let Some(c) = char_before(self.text, q).filter(|_| q > p) {
            let trim = match c {
                ')' => {
                    let unbalanced = closes > opens;
                    closes = closes.saturating_sub(1);
                    unbalanced
                }
                '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"' | '”' | '’' | ']' | '}' | '>' | '»' | '…' => true,
                _ => false,
            };
            if !trim {
                break;
            }
            q -= c.len_utf8();
        }
        (q > p).then_some(q)
    }

    /// Scans a word from `p` (its first character ends at `q`): letters and
    /// digits, joined by the characters that join them in English text.
    fn word_from(&self, p: usize, mut q: usize) -> usize {
        let bytes = self.text.as_bytes();
        loop {
            // The fast path: ASCII letters and digits.
            while q < self.text.len() && bytes[q].is_ascii_alphanumeric() {
                q += 1;
            }
            let Some(c) = self.at(q) else { return q };
            let len = c.len_utf8();
            if is_alnum(c) || is_attaching(c) {
                q += len;
                continue;
            }
            let prev = self.before(q);
            let next = self.at(q + len);
            let next_alnum = next.is_some_and(is_alnum);
            let prev_digit = prev.is_some_and(|c| c.is_ascii_digit());
            match c {
                '-' | '‐' | '‑' => {
                    if next_alnum {
                        q += len;
                    } else if next.is_none() && prev.is_some_and(is_alnum) {
                        // A hanging hyphen: `pre- and post-war`.
                        return q + len;
                    } else {
                        return q;
                    }
                }
                '.' => {
                    if next_alnum {
                        if glued_sentence_break(self.text, q) {
                            return q;
                        }
                        q += 1;
                        continue;
                    }
                    let word = self.text.get(p..q).unwrap_or("");
                    if !self.takes_period(word) && !self.is_line_marker(p, q) {
                        return q;
                    }
                    q += 1;
                    // `U.S.-based`
                    if matches!(next, Some('-')) && self.at(q + 1).is_some_and(is_alnum) {
                        q += 1;
                        continue;
                    }
                    return q;
                }
                // Thousands groups and clock times: `1,200`, `3:30`.
                ',' if prev_digit && three_digits_follow(bytes, q + 1, self.text.len()) => q += 1,
                ':' if prev_digit && next.is_some_and(|n| n.is_ascii_digit()) => q += 1,
                _ if is_apostrophe(c) => {
                    // `don't` → `do` + `n't`.
                    if matches!(prev, Some('n' | 'N'))
                        && q - 1 > p
                        && matches!(next, Some('t' | 'T'))
                        && !self.at(q + len + 1).is_some_and(is_alnum)
                    {
                        return q - 1;
                    }
                    if self.clitic_at(q).is_some() || !next.is_some_and(char::is_alphabetic) {
                        return q;
                    }
                    // `O'Neill`, `rock'n'roll`, `y'all`.
                    q += len;
                }
                // `AT&T`, `S&P`.
                '&' if prev.is_some_and(|c| c.is_ascii_uppercase()) && next.is_some_and(|c| c.is_ascii_uppercase()) => {
                    q += 1
                }
                // `and/or`, `02/13/2001`, `snake_case`.
                '/' | '_' if next_alnum || (c == '_' && next == Some('_')) => q += 1,
                '@' => return self.email_domain(p, q).unwrap_or(q),
                '%' | '‰' => return if prev_digit { q + len } else { q },
                '°' | 'º' => q += len,
                // `US$40`, `HK$5`, `C$`: a short capitalised prefix.
                _ if is_currency(c)
                    && !next.is_some_and(char::is_alphabetic)
                    && q - p <= 3
                    && self.text.as_bytes()[p..q].iter().all(u8::is_ascii_uppercase) =>
                {
                    q += len
                }
                _ => return q,
            }
        }
    }

    /// An e-mail address whose `@` is at `at`: the end of its domain, when
    /// the domain has a dot between letters.
    fn email_domain(&self, p: usize, at: usize) -> Option<usize> {
        if at == p {
            return None;
        }
        let bytes = self.text.as_bytes();
        let mut q = at + 1;
        let mut dots = 0;
        while q < self.text.len() {
            match bytes[q] {
                b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' => q += 1,
                b'.' if q + 1 < self.text.len() && bytes[q + 1].is_ascii_alphanumeric() => {
                    dots += 1;
                    q += 1;
                }
                _ => break,
            }
        }
        (dots > 0 && q > at + 1).then_some(q)
    }

    /// True when the number `text[p..q]` is a list marker at the start of a
    /// line (`1. Michelle Freeman`): it keeps its period, as in CoNLL text.
    fn is_line_marker(&self, p: usize, q: usize) -> bool {
        let before = self.text.get(..self.start).unwrap_or("").trim_end_matches([' ', '\t']);
        let line_start = before.is_empty() || before.ends_with('\n');
        p == self.start
            && line_start
            && (1..=3).contains(&(q - p))
            && self.text.as_bytes()[p..q].iter().all(u8::is_ascii_digit)
            && self.at(q + 1).is_none()
    }

    /// True when `word` keeps its following period: a known abbreviation, a
    /// single letter (an initial), or letters separated by periods (after a
    /// hyphen too: `aid-U.N.`).
    fn takes_period(&self, word: &str) -> bool {
        let word = match word.as_bytes().iter().rposition(|&b| b == b'-') {
            Some(k) => &word[k + 1..],
            None => word,
        };
        let mut chars = word.chars();
        match (chars.next(), chars.next()) {
            (None, _) => false,
            (Some(c), None) => c.is_alphabetic(),
            _ => is_dotted_abbreviation(word) || self.abbreviations.kind(word).is_some(),
        }
    }
}

/// True when the tokenizer puts a token boundary at `at`, a position
/// inside a whitespace-free run of `text`. The sentence splitter asks this
/// before it ends a sentence at punctuation glued to the next word, so that
/// a sentence never ends inside a token. Only the run's first and next 64
/// bytes are read; a longer run answers `false`.
pub(crate) fn is_token_boundary(text: &str, at: usize) -> bool {
    const REACH: usize = 64;
    let bytes = text.as_bytes();
    let start = word_start_before(text, 0, at, REACH);
    if at - start > REACH {
        return false;
    }
    let mut end = at;
    while end < bytes.len() && end - at < REACH && !char_at(text, end).is_some_and(is_space) {
        end += char_at(text, end).map_or(1, char::len_utf8);
    }
    let Some(run) = text.get(start..end) else { return false };
    static DEFAULT: OnceLock<Tokenizer> = OnceLock::new();
    DEFAULT.get_or_init(Tokenizer::default).tokenize(run).iter().any(|t| t.start + start == at)
}

/// True when `s` starts with a URL: `http://`, `https://`, `ftp://`,
/// `mailto:` or `www.` and a letter or digit (any case).
pub(crate) fn starts_url(s: &str) -> bool {
    let b = s.as_bytes();
    if !b.first().is_some_and(|c| matches!(c.to_ascii_lowercase(), b'h' | b'f' | b'm' | b'w')) {
        return false;
    }
    let prefix = |p: &str| b.len() >= p.len() && b[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    ["http://", "https://", "ftp://", "mailto:"].iter().any(|p| prefix(p))
        || (prefix("www.") && b.get(4).is_some_and(u8::is_ascii_alphanumeric))
}

/// True when digits stand at `i`, `i+1`, `i+2` and no digit at `i+3`: a
/// thousands group.
fn three_digits_follow(bytes: &[u8], i: usize, end: usize) -> bool {
    i + 3 <= end && bytes[i..i + 3].iter().all(u8::is_ascii_digit) && !(i + 3 < end && bytes[i + 3].is_ascii_digit())
}

/// True when the period at `dot`, glued between two words, ends a sentence
/// whose writer forgot the space: `the end.Then`, `1,000.That`. The left
/// word is lower-case (or a number) and stands alone; the right one is
/// capitalised and lower-case after that. Domains (`example.com`), initials
/// (`J.R.R.`), file names and `Jane.Doe@` do not qualify.
///
/// Shared by the tokenizer and the sentence splitter, so that a sentence
/// never ends inside a token.
pub(crate) fn glued_sentence_break(text: &str, dot: usize) -> bool {
    let bytes = text.as_bytes();
    // Right: [A-Z][a-z]+ then a word end that is not `.x`, `@` or `_`.
    let mut r = dot + 1;
    if !bytes.get(r).is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    r += 1;
    let lower_start = r;
    while r < bytes.len() && r - lower_start < 40 && bytes[r].is_ascii_lowercase() {
        r += 1;
    }
    if r == lower_start {
        return false;
    }
    match bytes.get(r) {
        None => {}
        Some(b'.') if bytes.get(r + 1).is_some_and(|b| b.is_ascii_alphanumeric()) => return false,
        Some(b) if b.is_ascii_alphanumeric() || matches!(b, b'@' | b'_' | b'/' | b'-' | b'&') => return false,
        Some(_) => {}
    }
    // Left: at least two lower-case letters, or a number, standing alone.
    let mut l = dot;
    let mut lower = 0;
    let mut digits = 0;
    while l > 0 && dot - l < 40 {
        let b = bytes[l - 1];
        if b.is_ascii_lowercase() && digits == 0 {
            lower += 1;
        } else if (b.is_ascii_digit() || b == b',') && lower == 0 {
            digits += usize::from(b.is_ascii_digit());
        } else {
            break;
        }
        l -= 1;
    }
    if lower < 2 && digits == 0 {
        return false;
    }
    if (digits > 0 && bytes[dot - 1] == b',') || bytes.get(l..dot) == Some(b"www") {
        return false;
    }
    match char_before(text, l) {
        None => true,
        Some(c) => is_space(c) || is_opening(c) || is_dash(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glued_breaks() {
        for (text, dot, yes) in [
            ("the end.Then", 7, true),
            ("bought 1,000.That is", 12, true),
            ("example.com", 7, false),
            ("Jane.Doe@example.com", 4, false),
            ("J.R.R.", 1, false),
            ("file.Doc", 4, true),
            ("x.Then", 1, false),
            ("www.google.Com/x", 10, false),
            ("(see.Then", 4, true),
        ] {
            assert_eq!(glued_sentence_break(text, dot), yes, "{text}");
        }
    }
}
