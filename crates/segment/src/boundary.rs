//! The decision at terminal punctuation: does the sentence end here?
//!
//! The splitter reads the whole run of punctuation (`?!`, `...`, `. . . .`),
//! what closes it (quotes and brackets, a citation `[12]`, an elision
//! `[...]`, a footnote number before a capital, an emoticon or emoji), the
//! word before it and the word after it, then applies the rules below in
//! order. Each rule is one line of English a user can check against their
//! complaint:
//!
//! 1. Punctuation at the very start of a sentence ends nothing.
//! 2. Nothing but whitespace after it in the paragraph: the paragraph's end
//!    closes the sentence anyway.
//! 3. Glued to the next word: `it?I` and `end.Then` end a sentence;
//!    `U.S`, `3.5`, `example.com`, `...see`, anything in a URL do not (and
//!    the cut must be a token boundary too).
//! 4. Ellipses: `[...]` is an elision; `word. . . . Next` ends after
//!    `word.`; four dots end before a capital; three dots end before a
//!    capital, except formal spaced dots before `I` (`the thing is . . . I`).
//! 5. A comma, colon, semicolon, closing bracket or more punctuation next,
//!    or a colon just before (`Dial:?`): no end.
//! 6. `?` and `!`: end, unless a quote or bracket closes first and a
//!    lower-case word follows (`"Why?" he asked`), or `!` ends a name
//!    mid-sentence (`Yahoo! in`).
//! 7. `.` inside closing quotes or brackets: end unless lower case follows.
//! 8. `.` after a word, by the word:
//!    titles (`Mr.`) and `e.g.` never end; `No.`, `p.`, `Vol.` do not before
//!    a number; `a.m.`/`p.m.` end before a capital unless a time zone, day
//!    or month follows or the sentence so far is a time phrase (`At 5 a.m.
//!    Mr. Smith left.`); other abbreviations (`Inc.`, `U.S.`, `etc.`,
//!    `Calif.`, vowel-less `hr.`) end only before a word that opens
//!    sentences (`The`, `He`, `However`, `Mr.`) or a quotation; an initial
//!    (`J.`) ends only as the pronoun `I.` or before such a word, after a
//!    lower-case word; a list number (`: 1.`) ends nothing; any other word
//!    ends the sentence before a capital, a digit, an opening quote or
//!    symbol, and before a lower-case word when it is a plain word with a
//!    lower-case letter (web text starts sentences in lower case;
//!    abbreviations are in the list).

use crate::abbreviations::{AbbreviationKind, is_dotted_abbreviation};
use crate::chars::{
    char_at, char_before, is_alnum, is_bullet, is_closing, is_dash, is_exclamation_or_question, is_opening, is_space,
    word_start_before,
};
use crate::sentences::{Scanner, skip_space, trim_end};
use crate::words::{continues_clock_time, is_sentence_starter, is_time_preposition, is_title_word};

/// What to do at a run of terminal punctuation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// The sentence goes on.
    Continue,
    /// The sentence ends at this byte.
    Cut(usize),
}

/// A run of terminal punctuation with what closes it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Run {
    /// First byte of the run.
    pub(crate) start: usize,
    /// After closing quotes, brackets and a citation.
    pub(crate) end: usize,
    /// Periods in the run.
    dots: usize,
    /// `…` or two or more periods.
    ellipsis: bool,
    /// A `?` or `!` (or their variants) in the run.
    question_or_exclamation: bool,
    /// A `!` in the run.
    exclamation: bool,
    /// Periods separated by spaces: `. . .`.
    spaced: bool,
    /// `word. . . .`: a period glued to the word, then a spaced ellipsis;
    /// the end of that first period.
    period_then_ellipsis: Option<usize>,
    /// A closing quote or bracket after the marks.
    closed: bool,
    /// The first non-space byte after the run (`end` when glued).
    next: usize,
}

impl Run {
    /// Reads the run that starts at `i` (a terminal mark) in `text[..end]`.
    pub(crate) fn read(text: &str, i: usize, end: usize) -> Run {
        let bytes = text.as_bytes();
        let mut j = i;
        let (mut dots, mut ellipsis, mut qe, mut exclamation, mut spaced) = (0, false, false, false, false);
        let mut first_gap = None;
        while j < end {
            let Some(c) = char_at(text, j) else { break };
            match c {
                '.' => {
                    dots += 1;
                    j += 1;
                }
                '…' => {
                    ellipsis = true;
                    j += c.len_utf8();
                }
                _ if is_exclamation_or_question(c) => {
                    qe = true;
                    exclamation |= matches!(c, '!' | '！' | '‼');
                    j += c.len_utf8();
                }
                ' ' if dots > 0 && bytes.get(j + 1) == Some(&b'.') && spaced_dot_ends(text, j + 2, end) => {
                    first_gap.get_or_insert(j);
                    spaced = true;
                    j += 1;
                }
                _ => break,
            }
        }
        ellipsis |= dots >= 2;
        // `word. . . .`: one glued period, then spaced dots.
        let glued_to_word = char_before(text, i).is_some_and(|c| !is_space(c));
        let period_then_ellipsis = first_gap.filter(|&gap| gap == i + 1 && glued_to_word && dots >= 4);

        let mut closed = false;
        while j < end {
            let Some(c) = char_at(text, j) else { break };
            let take = match c {
                // A straight quote closes when space or more punctuation follows.
                '"' | '\'' => char_at(text, j + 1)
                    .filter(|_| j + 1 < end)
                    .is_none_or(|a| is_space(a) || is_closing(a) || matches!(a, '.' | '?' | '!' | ',' | ';' | ':')),
                _ => is_closing(c),
            };
            if !take {
                break;
            }
            closed = true;
            j += c.len_utf8();
        }
        if qe || dots > 0 {
            j = citation_end(text, j, end).unwrap_or(j);
            // An emoticon or emoji after the punctuation closes the same
            // sentence: `great. =)`, `Béranger. 🎂`.
            let k = skip_space(text, j, end);
            if k > j
                && let Some(e) =
                    crate::frames::emoticon_at(text, k, end).or_else(|| crate::frames::emoji_at(text, k, end))
            {
                j = e;
            }
        }
        let next = skip_space(text, j, end);
        Run {
            start: i,
            end: j,
            dots,
            ellipsis,
            question_or_exclamation: qe,
            exclamation,
            spaced,
            period_then_ellipsis,
            closed,
            next,
        }
    }
}

/// True when the period at `k - 1` of a spaced ellipsis is a dot of it:
/// followed by a space, another period, a closing mark or the end.
fn spaced_dot_ends(text: &str, k: usize, end: usize) -> bool {
    k >= end || char_at(text, k).is_none_or(|c| is_space(c) || c == '.' || is_closing(c))
}

/// What closes a sentence after its terminal punctuation: a citation
/// (`. [12]`, `.[3, 4]`), an elision mark (`. [...]`, `! […]`) or a bare
/// footnote number before a capital (`rights. 4 Even`).
fn citation_end(text: &str, j: usize, end: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut k = j;
    while k < end && bytes[k] == b' ' {
        k += 1;
    }
    match bytes.get(k) {
        Some(b'[') => {
            let mut m = k + 1;
            let mut digits = 0;
            let mut dots = 0;
            while m < end && m - k < 16 {
                match bytes[m] {
                    b'0'..=b'9' => digits += 1,
                    b',' | b'-' | b' ' => {}
                    b'.' => dots += 1,
                    _ if text.get(m..).is_some_and(|r| r.starts_with('…')) => {
                        dots += 3;
                        m += 2;
                    }
                    _ => break,
                }
                m += 1;
            }
            let citation = digits > 0 && dots == 0;
            let elision = digits == 0 && dots >= 3;
            ((citation || elision) && m < end && bytes[m] == b']').then_some(m + 1)
        }
        Some(b'1'..=b'9') if k > j => {
            let mut m = k;
            while m < end && m - k < 2 && bytes[m].is_ascii_digit() {
                m += 1;
            }
            let capital_follows = bytes.get(m) == Some(&b' ') && bytes.get(m + 1).is_some_and(u8::is_ascii_uppercase);
            capital_follows.then_some(m)
        }
        _ => None,
    }
}

/// The word after a run: past opening quotes and brackets, its first
/// character and its ASCII letters.
#[derive(Debug)]
struct NextWord<'t> {
    first: Option<char>,
    opener: bool,
    /// The first opening quote or bracket.
    opening: Option<char>,
    word: &'t str,
    /// The word is letters only (no digit or `_` right after them).
    alphabetic: bool,
}

impl<'t> NextWord<'t> {
    fn read(text: &'t str, at: usize, end: usize) -> NextWord<'t> {
        let mut p = at;
        let mut opening = None;
        while p < end && p - at < 8 {
            match char_at(text, p) {
                Some(c) if is_opening(c) => {
                    opening.get_or_insert(c);
                    p += c.len_utf8();
                }
                _ => break,
            }
        }
        let opener = opening.is_some();
        let first = char_at(text, p).filter(|_| p < end);
        let bytes = text.as_bytes();
        let mut q = p;
        while q < end && q - p < 16 && bytes[q].is_ascii_alphabetic() {
            q += 1;
        }
        let alphabetic = q > p && !bytes.get(q).is_some_and(|b| b.is_ascii_digit() || *b == b'_');
        NextWord { first, opener, opening, word: text.get(p..q).unwrap_or(""), alphabetic }
    }

    fn upper(&self) -> bool {
        self.first.is_some_and(char::is_uppercase)
    }

    fn lower(&self) -> bool {
        self.first.is_some_and(char::is_lowercase)
    }

    fn digit(&self) -> bool {
        self.first.is_some_and(|c| c.is_ascii_digit())
    }

    /// A capitalised word that opens sentences (`The`, `However`, `I`) or
    /// a title.
    fn opens_sentence(&self) -> bool {
        // In all-capital text a capital proves nothing: `P.M. TO 2 A.M.`.
        let title_case = self.word.bytes().skip(1).all(|b| b.is_ascii_lowercase());
        self.upper() && title_case && (is_sentence_starter(self.word) || is_title_word(self.word))
    }

    /// A lower-case word of letters (not `x54667`).
    fn lower_word(&self) -> bool {
        self.lower() && self.alphabetic
    }

    /// A quotation opening with a capital: `"The`, `“We`.
    fn quoted_capital(&self) -> bool {
        self.upper() && matches!(self.opening, Some('"' | '“' | '\'' | '‘' | '«'))
    }
}

/// The word before terminal punctuation, within the current sentence.
#[derive(Debug)]
struct WordBefore<'t> {
    text: &'t str,
    start: usize,
    /// The word is longer than we look (a URL, a run of symbols).
    long: bool,
    /// A closing quote or bracket stands between the word and the period.
    after_closer: bool,
}

/// How far back the word before a period is read.
const LOOK_BACK: usize = 64;

/// What the word before a period is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Before {
    Abbreviation(AbbreviationKind),
    /// A single capital: `J.`, `I.`.
    Initial(char),
    /// A single lower-case letter not in the list: `x.`.
    Letter,
    /// Anything else: a word, a number, a URL.
    Ordinary,
}

impl Scanner<'_> {
    /// The verdict at `run`.
    pub(crate) fn decide(&self, run: &Run) -> Verdict {
        // 2. The paragraph ends here anyway.
        if run.next >= self.end {
            return Verdict::Continue;
        }
        let next = NextWord::read(self.text, run.next, self.end);
        let cut = Verdict::Cut(run.end);
        // 3. Glued to what follows: the cut must also be a token boundary.
        if run.next == run.end {
            return match self.decide_glued(run, &next) {
                Verdict::Cut(at) if !crate::tokens::is_token_boundary(self.text, at) => Verdict::Continue,
                verdict => verdict,
            };
        }
        // 4. Ellipses.
        if run.ellipsis && !run.question_or_exclamation {
            return decide_ellipsis(self.text, run, &next);
        }
        // 5. The sentence goes on before a comma, colon, bracket or more
        // punctuation (`? ..`), and after a colon (`Dial:? 203`).
        let continues = |c: char| {
            matches!(c, ',' | ';' | ':' | '%' | '.' | '…')
                || is_exclamation_or_question(c)
                || (is_closing(c) && !next.opener)
        };
        if next.first.is_some_and(continues) || char_before(self.text, run.start) == Some(':') {
            return Verdict::Continue;
        }
        // 6. Question and exclamation marks.
        if run.question_or_exclamation {
            if next.lower() {
                if run.closed {
                    return Verdict::Continue;
                }
                let before = self.word_before(run.start);
                let capitalised = before.text.starts_with(|c: char| c.is_uppercase());
                if run.exclamation && capitalised && before.start > self.marker_end {
                    return Verdict::Continue;
                }
            }
            return cut;
        }
        // 7. A period inside closing quotes or brackets.
        if run.closed {
            return if next.lower() { Verdict::Continue } else { cut };
        }
        // 8. A period after a word.
        let before = self.word_before(run.start);
        match self.classify(&before) {
            Before::Abbreviation(AbbreviationKind::Title | AbbreviationKind::Inner) => Verdict::Continue,
            Before::Abbreviation(AbbreviationKind::BeforeNumber) if next.digit() || next.first == Some('#') => {
                Verdict::Continue
            }
            Before::Abbreviation(AbbreviationKind::Time) => {
                let ends = (next.upper() && !next.opener && !continues_clock_time(next.word))
                    || next.quoted_capital()
                    || next.opens_sentence();
                if ends && !self.time_phrase_opens_sentence(before.start) { cut } else { Verdict::Continue }
            }
            Before::Abbreviation(AbbreviationKind::Ambiguous) | Before::Letter => {
                if next.quoted_capital() || next.opens_sentence() { cut } else { Verdict::Continue }
            }
            Before::Initial(letter) => {
                let after_lower_word = self.previous_word_is_lower(before.start);
                let ends = next.upper() && after_lower_word && (letter == 'I' || next.opens_sentence());
                if ends { cut } else { Verdict::Continue }
            }
            Before::Abbreviation(AbbreviationKind::BeforeNumber) | Before::Ordinary => {
                if next.lower() && !(next.lower_word() && self.lower_case_may_start(&before)) {
                    return Verdict::Continue;
                }
                cut
            }
        }
    }

    /// Rule 3: punctuation glued to the next word.
    fn decide_glued(&self, run: &Run, next: &NextWord<'_>) -> Verdict {
        // Never inside a URL or an address: `page?Id=5`, `x.co/a...B`.
        let before = self.word_before(run.start);
        if before.long || before.text.contains(['/', '=', '&', '@']) || crate::tokens::starts_url(before.text) {
            return Verdict::Continue;
        }
        if run.ellipsis && !run.question_or_exclamation {
            return decide_ellipsis(self.text, run, next);
        }
        if run.question_or_exclamation && !run.closed {
            // `it?I`.
            let after = char_at(self.text, run.next + next.first.map_or(0, char::len_utf8));
            let word_like = after.is_none_or(|c| c.is_lowercase() || is_space(c) || c == '\'');
            if next.upper() && !next.opener && word_like {
                return Verdict::Cut(run.end);
            }
        }
        Verdict::Continue
    }

    /// The word that ends at `i`, read back to whitespace or the sentence
    /// start, without the quotes, brackets and bullets in front of it.
    fn word_before(&self, i: usize) -> WordBefore<'_> {
        let mut k = word_start_before(self.text, self.marker_end.max(self.start), i, LOOK_BACK);
        let long = i - k > LOOK_BACK;
        let mut word = self.text.get(k..i).unwrap_or("");
        // After a dash: `said—Mr.` is about `Mr`.
        if let Some((pos, dash)) = word.char_indices().rfind(|&(_, c)| is_dash(c)) {
            k += pos + dash.len_utf8();
            word = &word[pos + dash.len_utf8()..];
        }
        let trimmed = word.trim_start_matches(|c: char| is_opening(c) || is_bullet(c) || c == '*');
        k += word.len() - trimmed.len();
        let without_closers = trimmed.trim_end_matches(is_closing);
        WordBefore { text: without_closers, start: k, long, after_closer: without_closers.len() < trimmed.len() }
    }

    fn classify(&self, before: &WordBefore<'_>) -> Before {
        if before.long || before.after_closer || before.text.is_empty() {
            return Before::Ordinary;
        }
        let mut chars = before.text.chars();
        let single = match (chars.next(), chars.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        };
        // A single capital is an initial even where a lower-case letter is
        // an abbreviation (`P. Wilson`, `p. 55`).
        if let Some(c) = single
            && c.is_uppercase()
        {
            return Before::Initial(c);
        }
        if let Some(kind) = self.splitter.abbreviations.kind(before.text) {
            return Before::Abbreviation(kind);
        }
        // `Brig.Gen.`, `Lt.Col.`: the last part decides.
        if let Some((_, last)) = before.text.rsplit_once('.')
            && last.len() >= 2
            && let Some(kind) = self.splitter.abbreviations.kind(last)
        {
            return Before::Abbreviation(kind);
        }
        match single {
            Some(c) if c.is_lowercase() => Before::Letter,
            _ if is_dotted_abbreviation(before.text) || is_consonant_cluster(before.text) => {
                Before::Abbreviation(AbbreviationKind::Ambiguous)
            }
            // `1.` after a colon, a bullet or at the start: a list marker.
            _ if self.is_list_number(before) => Before::Abbreviation(AbbreviationKind::Inner),
            _ => Before::Ordinary,
        }
    }

    /// True when `before` is a one- or two-digit number that follows a
    /// colon or a bullet (`my comments: 1. In Section 2`, `*1. The`).
    fn is_list_number(&self, before: &WordBefore<'_>) -> bool {
        let digits = before.text.len();
        if !(1..=2).contains(&digits) || !before.text.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        let bytes = self.text.as_bytes();
        let mut k = before.start;
        if k > 0 && matches!(bytes[k - 1], b'*' | b'-' | b'#') {
            return true;
        }
        while k > self.start && bytes[k - 1] == b' ' {
            k -= 1;
        }
        k > self.start && bytes[k - 1] == b':'
    }

    /// True when the word before `start` (in this sentence) is written in
    /// lower case: `you and I.` rather than `Albert I.`.
    fn previous_word_is_lower(&self, start: usize) -> bool {
        let floor = self.marker_end.max(self.start);
        let k = trim_end(self.text, floor, start);
        if k <= floor || k == start {
            return false;
        }
        let w = word_start_before(self.text, floor, k, LOOK_BACK - 1);
        let word = self.text.get(w..k).unwrap_or("");
        word.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_lowercase)
    }

    /// True when the sentence so far is a short time phrase led by a
    /// preposition (`At 5`), so a clock time ends nothing: `At 5 a.m. Mr.
    /// Smith went to the bank.`
    fn time_phrase_opens_sentence(&self, word_start: usize) -> bool {
        let head = self.text.get(self.start..word_start).unwrap_or("");
        if head.len() > 32 {
            return false;
        }
        let mut words = head.split_whitespace();
        let first = words.next().is_some_and(is_time_preposition);
        first && words.count() <= 2
    }

    /// True when a lower-case word after `before.` may start a sentence:
    /// after a plain word or a closing bracket, not after a symbol.
    fn lower_case_may_start(&self, before: &WordBefore<'_>) -> bool {
        if before.after_closer {
            return true;
        }
        // A plain word with a lower-case letter: not `II.`, `USA.`, `3.`.
        let letters = before.text.chars().filter(|&c| is_alnum(c)).count();
        letters >= 2
            && before.text.chars().any(char::is_lowercase)
            && before.text.chars().all(|c| c.is_alphabetic() || c == '\'' || c == '’' || c == '-')
    }
}

/// True for short lower-case words without vowels (`lv`, `pls`, `hr`):
/// abbreviations by their shape.
fn is_consonant_cluster(word: &str) -> bool {
    (2..=4).contains(&word.len())
        && word.bytes().all(|b| b.is_ascii_lowercase() && !matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y'))
}

/// Rule 4: an ellipsis.
fn decide_ellipsis(text: &str, run: &Run, next: &NextWord<'_>) -> Verdict {
    // `[...]`, `(...)`: an elision inside a quotation.
    if char_before(text, run.start).is_some_and(|c| matches!(c, '[' | '(')) {
        return Verdict::Continue;
    }
    if !next.upper() {
        return Verdict::Continue;
    }
    if let Some(period_end) = run.period_then_ellipsis {
        return Verdict::Cut(period_end);
    }
    if run.dots >= 4 || !(run.spaced && next.word == "I") {
        return Verdict::Cut(run.end);
    }
    Verdict::Continue
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs() {
        for (text, at, end, spaced, closed) in [
            ("Hi?! Yes", 2, 4, false, false),
            ("so . . . I", 3, 8, true, false),
            ("great.\" she", 5, 7, false, true),
            ("Jr.'s", 2, 3, false, false),
            ("1805. [6] An", 4, 9, false, false),
            ("it.)", 2, 4, false, true),
        ] {
            let run = Run::read(text, at, text.len());
            assert_eq!((run.end, run.spaced, run.closed), (end, spaced, closed), "{text}");
        }
        let run = Run::read("compounds. . . . The", 9, 20);
        assert_eq!(run.period_then_ellipsis, Some(10));
        assert_eq!(run.dots, 4);
    }
}
