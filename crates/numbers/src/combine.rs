//! Joining atoms into what the text says about them: ranges (`$5-10
//! million`, `between 20 and 30`, `from 10 to 20 dollars`), qualifiers
//! before and after (`more than`, `about`, `up to`, `or more`, `or equal
//! to`), bounds on both sides (`more than 30 and less than 40`), a number
//! restated in brackets (`forty-five (45)`), and the final call on
//! four-digit numbers (a year unless context counts with it).

use std::collections::HashMap;
use std::sync::OnceLock;

use byline_core::{Number, NumberKind, Qualifier, Span};
use rust_decimal::Decimal;

use crate::atom::{Atom, Fate, UnitName, year_cue_before};
use crate::context::{change_verb, count_noun, next_word, prev_word};
use crate::literal::pow10;
use crate::text::{Lower, is_alpha, skip_spaces, skip_spaces_back};
use crate::units::{Factor, Meaning, unit_after};

/// A number being assembled: an atom, or two joined.
#[derive(Clone, Copy, Debug)]
struct Phrase {
    start: usize,
    end: usize,
    kind: NumberKind,
    value: Decimal,
    range: Option<(Decimal, Decimal)>,
    unit: UnitName,
    qualifier: Option<Qualifier>,
    fate: Fate,
}

impl Phrase {
    fn of(a: &Atom) -> Phrase {
        Phrase {
            start: a.start,
            end: a.end,
            kind: a.kind,
            value: a.value,
            range: None,
            unit: a.unit,
            qualifier: None,
            fate: a.fate,
        }
    }

    fn comparative(&self) -> bool {
        self.qualifier.is_some_and(|q| q != Qualifier::Approximately)
    }
}

/// Turns the atoms of `text` into numbers; `dollar` names the currency of
/// `$` and `dollars`.
pub(crate) fn combine(text: &str, atoms: &[Atom], dollar: &str) -> Vec<Number> {
    let b = text.as_bytes();
    // `Boeing 737-800`, `Case 22-506`: digits hyphenated to a dropped code.
    let mut atoms = atoms.to_vec();
    for i in 1..atoms.len() {
        let (prev, cur) = (atoms[i - 1], atoms[i]);
        if prev.fate == Fate::Drop
            && cur.start == prev.end + 1
            && b.get(prev.end) == Some(&b'-')
            && b[cur.start].is_ascii_digit()
        {
            atoms[i].fate = Fate::Drop;
        }
        // `7-Eleven`, `4-Ever`: digits hyphenated to a capitalised number
        // word make a name, unless the line is a title-case headline.
        if cur.start == prev.end + 1
            && b.get(prev.end) == Some(&b'-')
            && prev.end > 0
            && b[prev.end - 1].is_ascii_digit()
            && b[cur.start].is_ascii_uppercase()
            && !crate::text::title_case_line(crate::text::line_around(text, cur.start, 160))
        {
            atoms[i - 1].fate = Fate::Drop;
            atoms[i].fate = Fate::Drop;
        }
    }
    let phrases = ranges(text, &atoms);
    let phrases = qualify(text, phrases);
    let phrases = bounds(text, phrases);
    let phrases = restatements(text, phrases);
    let mut out = Vec::with_capacity(phrases.len());
    let mut floor = 0;
    for p in &phrases {
        let keep = match p.fate {
            Fate::Keep => true,
            Fate::Drop => false,
            Fate::Year => {
                let next = next_word(b, p.end).filter(|&(s, _, _)| s > p.end);
                let counted = next.as_ref().is_some_and(|(_, _, w)| count_noun(w.as_str()));
                // `below 2005 levels` qualifies a year; `more than 1500` counts.
                let year_noun = next
                    .as_ref()
                    .is_some_and(|(s, _, w)| b[*s].is_ascii_lowercase() && crate::context::year_noun(w.as_str()));
                let cue = year_cue_before(b, floor, p.start);
                (p.comparative() && !year_noun) || (counted && !cue)
            }
        };
        floor = p.end;
        if !keep || marker(b, p) {
            continue;
        }
        let unit = match p.unit {
            UnitName::None => None,
            UnitName::Named(n) => Some(n.to_owned()),
            UnitName::Dollar => Some(dollar.to_owned()),
        };
        let (value, min, max) = match p.range {
            Some((lo, hi)) => (None, Some(lo), Some(hi)),
            None => (Some(p.value), None, None),
        };
        out.push(Number {
            span: Span::new(p.start, p.end),
            kind: p.kind,
            value,
            min,
            max,
            unit,
            qualifier: p.qualifier,
        });
    }
    out
}

/// A bare small number that marks a citation or a list item: `[17]`,
/// `(3)`, `2)`.
fn marker(b: &[u8], p: &Phrase) -> bool {
    if p.kind != NumberKind::Cardinal || p.unit != UnitName::None || p.qualifier.is_some() || p.range.is_some() {
        return false;
    }
    if !b[p.start..p.end].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let before = p.start.checked_sub(1).map(|i| b[i]);
    let after = b.get(p.end).copied();
    // `5. TALIBAN CLOSING RANKS`: a numbered item at the start of a line.
    let line_start = p.start == 0 || matches!(before, Some(b'\n'));
    if line_start
        && after == Some(b'.')
        && b.get(p.end + 1) == Some(&b' ')
        && b.get(p.end + 2).is_some_and(u8::is_ascii_uppercase)
    {
        return true;
    }
    match (before, after) {
        (Some(b'['), Some(b']')) => true,
        (Some(b'('), Some(b')')) => p.value <= Decimal::from(30),
        (_, Some(b')')) => p.value <= Decimal::from(30) && before.is_none_or(|c| c.is_ascii_whitespace()),
        _ => false,
    }
}

/// A word or symbol of the text between two numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Tok {
    start: usize,
    end: usize,
    kind: TokKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TokKind {
    Word(Lower),
    /// `-`, `–`, `—`.
    Dash,
    /// A run of `<`, `>`, `=`, `~`, `≈`, `≥`, `≤`.
    Sym([u8; 4], usize),
    Comma,
    Open,
    Other,
}

impl Tok {
    /// The token as the phrase tables spell it: lower-case words, ASCII symbols.
    fn key(&self) -> &str {
        match &self.kind {
            TokKind::Word(w) => w.as_str(),
            TokKind::Sym(s, n) => match sym_alias(&s[..*n]) {
                "" => std::str::from_utf8(&s[..*n]).unwrap_or(""),
                alias => alias,
            },
            TokKind::Dash => "-",
            TokKind::Comma => ",",
            TokKind::Open => "(",
            TokKind::Other => "",
        }
    }

    fn is(&self, word: &str) -> bool {
        match &self.kind {
            TokKind::Word(w) => w.as_str() == word,
            TokKind::Sym(s, n) => &s[..*n] == word.as_bytes() || sym_alias(&s[..*n]) == word,
            TokKind::Dash => word == "-",
            TokKind::Comma => word == ",",
            TokKind::Open => word == "(",
            TokKind::Other => false,
        }
    }
}

/// Multi-byte comparison symbols, named by their ASCII spelling.
fn sym_alias(s: &[u8]) -> &'static str {
    match s {
        [0xE2, 0x89, 0xA5] => ">=",
        [0xE2, 0x89, 0xA4] => "<=",
        [0xE2, 0x89, 0x88] => "~",
        _ => "",
    }
}

fn is_sym_byte(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'<' | b'>' | b'=' | b'~') => 1,
        Some(0xE2) if b.get(i + 1) == Some(&0x89) && matches!(b.get(i + 2), Some(0xA4 | 0xA5 | 0x88)) => 3,
        _ => 0,
    }
}

/// The tokens of `text[from..to]`, at most `max`, left to right.
fn tokens_forward(text: &str, from: usize, to: usize, max: usize) -> Vec<Tok> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = from;
    let mut newlines = 0;
    while out.len() < max {
        let (j, nl) = skip_spaces(b, i);
        newlines += nl;
        if j >= to || newlines > 1 {
            break;
        }
        let c = b[j];
        let (end, kind) = if is_alpha(c) {
            let e = crate::text::word_end(b, j);
            match crate::text::lower(b, j, e) {
                Some(w) => (e, TokKind::Word(w)),
                None => (e, TokKind::Other),
            }
        } else if let h @ 1.. = crate::text::hyphen_len(b, j) {
            (j + h, TokKind::Dash)
        } else if is_sym_byte(b, j) > 0 {
            let mut e = j;
            let mut buf = [0u8; 4];
            let mut n = 0;
            loop {
                let l = is_sym_byte(b, e);
                if l == 0 || n + l > 4 {
                    break;
                }
                buf[n..n + l].copy_from_slice(&b[e..e + l]);
                n += l;
                e += l;
            }
            (e, TokKind::Sym(buf, n))
        } else if c == b',' {
            (j + 1, TokKind::Comma)
        } else if c == b'(' {
            (j + 1, TokKind::Open)
        } else {
            (j + 1, TokKind::Other)
        };
        out.push(Tok { start: j, end: end.min(to), kind });
        i = end;
    }
    out
}

/// The tokens before `to` back to `from`, nearest first, at most `max`.
/// A `.` after a word (`ca.`, `approx.`) belongs to it.
fn tokens_backward(text: &str, from: usize, to: usize, max: usize) -> Vec<Tok> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut k = to;
    while out.len() < max {
        let j = skip_spaces_back(b, k);
        if j <= from {
            break;
        }
        let c = b[j - 1];
        let (start, end, kind) = if is_alpha(c) || (c == b'.' && j >= 2 && is_alpha(b[j - 2])) {
            let e = if c == b'.' { j - 1 } else { j };
            let s = crate::text::word_start(b, e);
            if s < from {
                break;
            }
            match crate::text::lower(b, s, e) {
                Some(w) => (s, j, TokKind::Word(w)),
                None => break,
            }
        } else if matches!(c, b'<' | b'>' | b'=' | b'~') || (j >= 3 && is_sym_byte(b, j - 3) == 3) {
            let mut s = j;
            loop {
                if s > from && matches!(b[s - 1], b'<' | b'>' | b'=' | b'~') {
                    s -= 1;
                } else if s >= from + 3 && is_sym_byte(b, s - 3) == 3 {
                    s -= 3;
                } else {
                    break;
                }
            }
            let mut buf = [0u8; 4];
            let n = (j - s).min(4);
            buf[..n].copy_from_slice(&b[s..s + n]);
            (s, j, TokKind::Sym(buf, n))
        } else {
            break;
        };
        out.push(Tok { start, end, kind });
        k = start;
    }
    out
}

/// What a prefix phrase does to the number after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Prefix {
    /// A bound or hedge.
    Q(Qualifier),
    /// `exactly`: part of the number, no qualifier.
    Exactly,
    /// `equal to`: part of a plain count ([x, x]), no qualifier.
    Equal,
}

use Qualifier::{Approximately as APPROX, AtLeast, AtMost, LessThan, MoreThan, UpTo};

const PREFIXES: &[(&str, Prefix)] = &[
    ("more than", Prefix::Q(MoreThan)),
    ("over", Prefix::Q(MoreThan)),
    ("above", Prefix::Q(MoreThan)),
    ("exceed", Prefix::Q(MoreThan)),
    ("exceeds", Prefix::Q(MoreThan)),
    ("exceeded", Prefix::Q(MoreThan)),
    ("exceeding", Prefix::Q(MoreThan)),
    ("surpass", Prefix::Q(MoreThan)),
    ("surpasses", Prefix::Q(MoreThan)),
    ("surpassed", Prefix::Q(MoreThan)),
    ("surpassing", Prefix::Q(MoreThan)),
    ("in excess of", Prefix::Q(MoreThan)),
    ("greater than", Prefix::Q(MoreThan)),
    ("higher than", Prefix::Q(MoreThan)),
    ("bigger than", Prefix::Q(MoreThan)),
    ("larger than", Prefix::Q(MoreThan)),
    ("upwards of", Prefix::Q(MoreThan)),
    ("upward of", Prefix::Q(MoreThan)),
    ("well over", Prefix::Q(MoreThan)),
    ("just over", Prefix::Q(MoreThan)),
    ("well above", Prefix::Q(MoreThan)),
    ("just above", Prefix::Q(MoreThan)),
    (">", Prefix::Q(MoreThan)),
    ("at least", Prefix::Q(AtLeast)),
    ("no smaller than", Prefix::Q(AtLeast)),
    ("not smaller than", Prefix::Q(AtLeast)),
    ("no lower than", Prefix::Q(AtLeast)),
    ("not lower than", Prefix::Q(AtLeast)),
    ("bigger than or equal to", Prefix::Q(AtLeast)),
    ("larger than or equal to", Prefix::Q(AtLeast)),
    ("more than or equal", Prefix::Q(AtLeast)),
    ("higher than or equal", Prefix::Q(AtLeast)),
    ("bigger than or equal", Prefix::Q(AtLeast)),
    ("larger than or equal", Prefix::Q(AtLeast)),
    ("greater than or equals", Prefix::Q(AtLeast)),
    ("no less than", Prefix::Q(AtLeast)),
    ("not less than", Prefix::Q(AtLeast)),
    ("no fewer than", Prefix::Q(AtLeast)),
    ("not fewer than", Prefix::Q(AtLeast)),
    ("a minimum of", Prefix::Q(AtLeast)),
    ("minimum of", Prefix::Q(AtLeast)),
    (">=", Prefix::Q(AtLeast)),
    ("greater than or equal to", Prefix::Q(AtLeast)),
    ("greater than or equal", Prefix::Q(AtLeast)),
    ("more than or equal to", Prefix::Q(AtLeast)),
    ("higher than or equal to", Prefix::Q(AtLeast)),
    ("bigger or equal than", Prefix::Q(AtLeast)),
    ("greater or equal than", Prefix::Q(AtLeast)),
    ("higher or equal than", Prefix::Q(AtLeast)),
    ("larger or equal than", Prefix::Q(AtLeast)),
    ("more or equal than", Prefix::Q(AtLeast)),
    ("bigger or equal to", Prefix::Q(AtLeast)),
    ("greater or equal to", Prefix::Q(AtLeast)),
    ("at least or equal to", Prefix::Q(AtLeast)),
    ("equal to or more than", Prefix::Q(AtLeast)),
    ("equal to or greater than", Prefix::Q(AtLeast)),
    ("equal to or higher than", Prefix::Q(AtLeast)),
    ("equal to or bigger than", Prefix::Q(AtLeast)),
    ("equal or more than", Prefix::Q(AtLeast)),
    ("equal or greater than", Prefix::Q(AtLeast)),
    ("less than", Prefix::Q(LessThan)),
    ("fewer than", Prefix::Q(LessThan)),
    ("under", Prefix::Q(LessThan)),
    ("below", Prefix::Q(LessThan)),
    ("lower than", Prefix::Q(LessThan)),
    ("smaller than", Prefix::Q(LessThan)),
    ("just under", Prefix::Q(LessThan)),
    ("well under", Prefix::Q(LessThan)),
    ("just below", Prefix::Q(LessThan)),
    ("well below", Prefix::Q(LessThan)),
    ("<", Prefix::Q(LessThan)),
    ("at most", Prefix::Q(AtMost)),
    ("no bigger than", Prefix::Q(AtMost)),
    ("not bigger than", Prefix::Q(AtMost)),
    ("no larger than", Prefix::Q(AtMost)),
    ("not larger than", Prefix::Q(AtMost)),
    ("no higher than", Prefix::Q(AtMost)),
    ("not higher than", Prefix::Q(AtMost)),
    ("smaller than or equal to", Prefix::Q(AtMost)),
    ("lower than or equal to", Prefix::Q(AtMost)),
    ("smaller than or equal", Prefix::Q(AtMost)),
    ("lower than or equal", Prefix::Q(AtMost)),
    ("fewer than or equal", Prefix::Q(AtMost)),
    ("less than or equals", Prefix::Q(AtMost)),
    ("no more than", Prefix::Q(AtMost)),
    ("not more than", Prefix::Q(AtMost)),
    ("no greater than", Prefix::Q(AtMost)),
    ("not greater than", Prefix::Q(AtMost)),
    ("a maximum of", Prefix::Q(AtMost)),
    ("maximum of", Prefix::Q(AtMost)),
    ("<=", Prefix::Q(AtMost)),
    ("less than or equal to", Prefix::Q(AtMost)),
    ("less than or equal", Prefix::Q(AtMost)),
    ("fewer than or equal to", Prefix::Q(AtMost)),
    ("smaller or equal than", Prefix::Q(AtMost)),
    ("lower or equal than", Prefix::Q(AtMost)),
    ("less or equal than", Prefix::Q(AtMost)),
    ("smaller or equal to", Prefix::Q(AtMost)),
    ("less or equal to", Prefix::Q(AtMost)),
    ("equal to or less than", Prefix::Q(AtMost)),
    ("equal to or fewer than", Prefix::Q(AtMost)),
    ("equal to or lower than", Prefix::Q(AtMost)),
    ("equal to or smaller than", Prefix::Q(AtMost)),
    ("equal or less than", Prefix::Q(AtMost)),
    ("at most or equal to", Prefix::Q(AtMost)),
    ("up to", Prefix::Q(UpTo)),
    ("as many as", Prefix::Q(UpTo)),
    ("as much as", Prefix::Q(UpTo)),
    ("as high as", Prefix::Q(UpTo)),
    ("up to and including", Prefix::Q(UpTo)),
    ("as few as", Prefix::Q(AtLeast)),
    ("as little as", Prefix::Q(AtLeast)),
    ("as low as", Prefix::Q(AtLeast)),
    ("north of", Prefix::Q(MoreThan)),
    ("about", Prefix::Q(APPROX)),
    ("around", Prefix::Q(APPROX)),
    ("approximately", Prefix::Q(APPROX)),
    ("approx", Prefix::Q(APPROX)),
    ("roughly", Prefix::Q(APPROX)),
    ("nearly", Prefix::Q(APPROX)),
    ("almost", Prefix::Q(APPROX)),
    ("some", Prefix::Q(APPROX)),
    ("circa", Prefix::Q(APPROX)),
    ("ca", Prefix::Q(APPROX)),
    ("~", Prefix::Q(APPROX)),
    ("close to", Prefix::Q(APPROX)),
    ("just about", Prefix::Q(APPROX)),
    ("around about", Prefix::Q(APPROX)),
    ("something like", Prefix::Q(APPROX)),
    ("in the region of", Prefix::Q(APPROX)),
    ("on the order of", Prefix::Q(APPROX)),
    ("exactly", Prefix::Exactly),
    ("precisely", Prefix::Exactly),
    ("equal to", Prefix::Equal),
    ("equals to", Prefix::Equal),
    ("equaling to", Prefix::Equal),
    ("equalling to", Prefix::Equal),
];

/// The prefix phrase ending at `to` (not before `from`): its start and what
/// it does. Ordinals may have `the` between (`higher than the tenth`).
fn prefix_before(text: &str, from: usize, to: usize, ordinal: bool) -> Option<(usize, Prefix)> {
    let mut toks = tokens_backward(text, from, to, 6);
    if ordinal && toks.first().is_some_and(|t| t.is("the")) {
        toks.remove(0);
    }
    let nearest = toks.first()?;
    let candidates = prefix_index().get(nearest.key())?;
    // Longest first: the first phrase that matches wins.
    candidates.iter().find_map(|(words, what)| {
        let matched = words.len() <= toks.len() && words.iter().rev().zip(&toks).all(|(w, t)| t.is(w));
        matched.then(|| (toks[words.len() - 1].start, *what))
    })
}

/// Phrases by the word next to the number (last word of a prefix, first of
/// a postfix), each split into words once, longest first.
type PhraseIndex<T> = HashMap<&'static str, Vec<(Vec<&'static str>, T)>>;

fn build_index<T: Copy>(phrases: &'static [(&'static str, T)], by_last: bool) -> PhraseIndex<T> {
    let mut index: PhraseIndex<T> = HashMap::new();
    for &(phrase, what) in phrases {
        let words: Vec<&'static str> = phrase.split(' ').collect();
        let key = if by_last { words[words.len() - 1] } else { words[0] };
        index.entry(key).or_default().push((words, what));
    }
    for list in index.values_mut() {
        list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }
    index
}

fn prefix_index() -> &'static PhraseIndex<Prefix> {
    static INDEX: OnceLock<PhraseIndex<Prefix>> = OnceLock::new();
    INDEX.get_or_init(|| build_index(PREFIXES, true))
}

fn postfix_index() -> &'static PhraseIndex<Postfix> {
    static INDEX: OnceLock<PhraseIndex<Postfix>> = OnceLock::new();
    INDEX.get_or_init(|| build_index(POSTFIXES, false))
}

/// A qualifier after the number: `or more`, `or less`, `and above`, `or
/// equal to`, `+`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Postfix {
    Bound(Qualifier),
    OrEqual,
}

const POSTFIXES: &[(&str, Postfix)] = &[
    ("or more", Postfix::Bound(AtLeast)),
    ("or greater", Postfix::Bound(AtLeast)),
    ("or above", Postfix::Bound(AtLeast)),
    ("or higher", Postfix::Bound(AtLeast)),
    ("or over", Postfix::Bound(AtLeast)),
    ("or larger", Postfix::Bound(AtLeast)),
    ("or bigger", Postfix::Bound(AtLeast)),
    ("and above", Postfix::Bound(AtLeast)),
    ("and over", Postfix::Bound(AtLeast)),
    ("and up", Postfix::Bound(AtLeast)),
    ("and upward", Postfix::Bound(AtLeast)),
    ("and upwards", Postfix::Bound(AtLeast)),
    ("and higher", Postfix::Bound(AtLeast)),
    ("and more", Postfix::Bound(AtLeast)),
    ("and greater", Postfix::Bound(AtLeast)),
    ("and bigger", Postfix::Bound(AtLeast)),
    ("and larger", Postfix::Bound(AtLeast)),
    ("at least", Postfix::Bound(AtLeast)),
    ("at the least", Postfix::Bound(AtLeast)),
    ("or so", Postfix::Bound(APPROX)),
    ("or thereabouts", Postfix::Bound(APPROX)),
    ("or less", Postfix::Bound(AtMost)),
    ("or fewer", Postfix::Bound(AtMost)),
    ("or below", Postfix::Bound(AtMost)),
    ("or lower", Postfix::Bound(AtMost)),
    ("or under", Postfix::Bound(AtMost)),
    ("or smaller", Postfix::Bound(AtMost)),
    ("and below", Postfix::Bound(AtMost)),
    ("and under", Postfix::Bound(AtMost)),
    ("and lower", Postfix::Bound(AtMost)),
    ("and less", Postfix::Bound(AtMost)),
    ("and fewer", Postfix::Bound(AtMost)),
    ("and smaller", Postfix::Bound(AtMost)),
    ("at most", Postfix::Bound(AtMost)),
    ("at the most", Postfix::Bound(AtMost)),
    ("or equal", Postfix::OrEqual),
    ("or equal to", Postfix::OrEqual),
];

/// The postfix after `from` (before `to`, the next number): its end.
fn postfix_after(text: &str, from: usize, to: usize) -> Option<(usize, Postfix)> {
    let b = text.as_bytes();
    // `50+`, `18-plus`.
    if b.get(from) == Some(&b'+') && !b.get(from + 1).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return Some((from + 1, Postfix::Bound(AtLeast)));
    }
    // `18-plus`; `sixty-odd`, `100-odd` (some more than it: about).
    for (suffix, q) in [(&b"-plus"[..], AtLeast), (&b"-odd"[..], APPROX)] {
        if b.get(from..from + suffix.len()).is_some_and(|w| w.eq_ignore_ascii_case(suffix))
            && !b.get(from + suffix.len()).copied().is_some_and(|c| c.is_ascii_alphanumeric())
        {
            return Some((from + suffix.len(), Postfix::Bound(q)));
        }
    }
    let toks = tokens_forward(text, from, to, 4);
    let first = toks.first()?;
    let candidates = postfix_index().get(first.key())?;
    let (n, mut end, what) = candidates.iter().find_map(|(words, what)| {
        let matched = words.len() <= toks.len() && words.iter().zip(&toks).all(|(w, t)| t.is(w));
        matched.then(|| (words.len(), toks[words.len() - 1].end, *what))
    })?;
    // `or less than 6000` is another number's qualifier; a bare `or more
    // than` at the end belongs to this one. `or equal to 6000` likewise.
    let number_next = |k: usize| skip_spaces(b, k).0 >= to && to < text.len();
    match toks.get(n) {
        Some(t) if t.is("than") => {
            if number_next(t.end) {
                return None;
            }
            end = t.end;
        }
        None if number_next(end) && (what == Postfix::OrEqual || toks[n - 1].is("than")) => return None,
        _ => {}
    }
    // `300 at most.`: only at the end of a clause (`scored 3 at least
    // twice`); `20 and more` not before an adverb (`and more importantly`).
    if toks[0].is("at") && !crate::grammar::clause_ends(text, end) {
        return None;
    }
    if toks[0].is("and") {
        let adverb = crate::context::next_word(b, end).is_some_and(|(s, _, w)| s > end && w.as_str().ends_with("ly"));
        if adverb || number_next(end) {
            return None;
        }
    }
    Some((end, what))
}

/// Do two numbers measure the same thing? The kind and unit of a range of
/// them: a bare count takes the other's (`10-20 dollars`, `$10-20`).
fn common(a: &Phrase, b: &Phrase) -> Option<(NumberKind, UnitName)> {
    if a.kind == NumberKind::Ordinal || b.kind == NumberKind::Ordinal {
        return (a.kind == b.kind).then_some((NumberKind::Ordinal, UnitName::None));
    }
    let bare = |p: &Phrase| p.kind == NumberKind::Cardinal && p.unit == UnitName::None;
    if bare(a) {
        return Some((b.kind, b.unit));
    }
    if bare(b) {
        return Some((a.kind, a.unit));
    }
    (a.kind == b.kind && a.unit == b.unit).then_some((a.kind, a.unit))
}

/// The range connector between two atoms: dash, `to`, `through`, `~`, or
/// `and` (after `between`). Hedges inside are allowed (`2 - ~7 grams`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Connector {
    Dash,
    To,
    And,
}

fn connector(text: &str, from: usize, to: usize, ordinals: bool) -> Option<Connector> {
    let mut toks = tokens_forward(text, from, to, 4);
    // `between the tenth and the fifteenth`.
    if ordinals && toks.len() > 1 && toks.last().is_some_and(|t| t.is("the")) {
        toks.pop();
    }
    while toks.len() > 1
        && toks.last().is_some_and(|t| {
            ["about", "around", "approximately", "roughly", "nearly", "almost", "some", "~"].iter().any(|w| t.is(w))
        })
    {
        toks.pop();
    }
    if toks.len() != 1 {
        return None;
    }
    let t = toks[0];
    if t.kind == TokKind::Dash || t.is("~") {
        Some(Connector::Dash)
    } else if t.is("to") || t.is("through") || t.is("thru") {
        Some(Connector::To)
    } else if t.is("and") {
        Some(Connector::And)
    } else {
        None
    }
}

/// Joins atoms into ranges.
fn ranges(text: &str, atoms: &[Atom]) -> Vec<Phrase> {
    let mut out: Vec<Phrase> = Vec::with_capacity(atoms.len());
    let mut i = 0;
    let mut floor = 0;
    while i < atoms.len() {
        let a = &atoms[i];
        if let Some(next) = atoms.get(i + 1) {
            if let Some(r) = score(text, floor, a, next).or_else(|| range(text, floor, a, next)) {
                floor = r.end;
                out.push(r);
                i += 2;
                continue;
            }
        }
        let p = Phrase::of(a);
        floor = p.end;
        out.push(p);
        i += 1;
    }
    out
}

/// `twenty-odd years`, `40-plus miles`, `100-odd dollars`: the unit after
/// a count's `-odd` or `-plus` is the count's, as it is right after a
/// number.
fn unit_after_suffix(text: &str, p: &mut Phrase) {
    let Some(u) = unit_after(text, p.end).filter(|u| u.end > p.end + 1) else { return };
    let (kind, unit) = match u.meaning {
        Meaning::Quantity(name, _) => (NumberKind::Quantity, UnitName::Named(name)),
        Meaning::Money(code, Factor::One) if u.scale.is_none() => (NumberKind::Money, crate::atom::unit_of(code)),
        Meaning::Percent => (NumberKind::Percent, UnitName::None),
        _ => return,
    };
    p.kind = kind;
    p.unit = unit;
    p.end = u.end;
}

/// A score or a vote, `voted 4-1`, `won 3-2`, `a 50-50 split`, `a 5-4
/// decision`, `a fifty-fifty chance`: two counts joined by a dash, both in
/// digits or both in words, one annotation. It is a
/// cardinal whose value is the first count (the side named first), with
/// unit `score`; the span holds the whole tally. A dash between counts is
/// a score when the first is at least the second (no range runs down)
/// and a contest word stands before or after, or the two are equal; when
/// the first is smaller only a verb of losing before or a singular
/// contest noun after makes it one (`lost 2-3`, `a 2-3 loss`; `drew 5-10
/// votes` stays a range).
fn score(text: &str, floor: usize, a: &Atom, b: &Atom) -> Option<Phrase> {
    let bytes = text.as_bytes();
    // Both counts in digits (`5-4`) or both spelled as one word each
    // (`fifty-fifty`, `ruled five-four`).
    let bare = |x: &Atom, written: fn(&u8) -> bool| {
        x.fate == Fate::Keep
            && x.kind == NumberKind::Cardinal
            && x.unit == UnitName::None
            && x.scale.is_none()
            && x.value <= Decimal::from(999)
            && x.value.fract().is_zero()
            && bytes[x.start..x.end].iter().all(written)
    };
    let tally = |written: fn(&u8) -> bool| bare(a, written) && bare(b, written);
    if !tally(u8::is_ascii_digit) && !tally(u8::is_ascii_alphabetic) {
        return None;
    }
    let dash = &text[a.end..b.start];
    if !matches!(dash, "-" | "\u{2013}" | "\u{2014}") {
        return None;
    }
    // Not `4-1-2` (a formation or a code): nothing but the tally.
    if bytes.get(b.end).is_some_and(|&c| c == b'-' || c.is_ascii_alphanumeric()) {
        return None;
    }
    let before = prev_word(bytes, floor, a.start).map(|(s, w)| {
        // `won by a 5-4 vote`: skip an article.
        if matches!(w.as_str(), "a" | "an" | "the") { prev_word(bytes, floor, s).map(|(_, w)| w) } else { Some(w) }
    });
    let verb = before.flatten().is_some_and(|w| contest_verb(w.as_str()));
    let noun = next_word(bytes, b.end).filter(|&(s, _, _)| s > b.end).map(|(_, _, w)| w);
    let singular_noun = noun.as_ref().is_some_and(|w| contest_noun(w.as_str()));
    let plural_noun = noun.as_ref().is_some_and(|w| {
        w.as_str().strip_suffix('s').is_some_and(|stem| contest_noun(stem) || stem == "vote" || stem == "point")
    });
    let ok = if a.value > b.value {
        verb || singular_noun || plural_noun
    } else if a.value == b.value {
        true
    } else {
        // Rising, only a loss says score (`lost 1-3`); `drew 5-10 votes` is a range.
        let loss = before.flatten().is_some_and(|w| {
            matches!(w.as_str(), "lost" | "lose" | "loses" | "trailed" | "trail" | "trails" | "trailing" | "fell")
        });
        loss || singular_noun
    };
    if !ok {
        return None;
    }
    let mut p = Phrase::of(a);
    p.end = b.end;
    p.unit = UnitName::Named("score");
    Some(p)
}

/// Verbs and nouns of contests and votes, before or after a score.
fn contest_verb(w: &str) -> bool {
    matches!(
        w,
        "voted"
            | "vote"
            | "votes"
            | "won"
            | "win"
            | "wins"
            | "lost"
            | "lose"
            | "loses"
            | "beat"
            | "beats"
            | "defeated"
            | "defeats"
            | "trailed"
            | "trail"
            | "trails"
            | "trailing"
            | "led"
            | "lead"
            | "leads"
            | "leading"
            | "drew"
            | "tied"
            | "edged"
            | "routed"
            | "downed"
            | "scored"
            | "finished"
            | "approved"
            | "rejected"
            | "ruled"
            | "passed"
            | "split"
            | "ended"
            | "score"
            | "record"
            | "went"
    )
}

fn contest_noun(w: &str) -> bool {
    matches!(
        w,
        "vote"
            | "decision"
            | "ruling"
            | "win"
            | "victory"
            | "defeat"
            | "loss"
            | "split"
            | "tie"
            | "draw"
            | "margin"
            | "majority"
            | "verdict"
            | "scoreline"
            | "lead"
            | "score"
            | "record"
            | "tally"
            | "count"
            | "chance"
            | "shot"
            | "partnership"
            | "venture"
            | "deal"
            | "result"
            | "triumph"
            | "thrashing"
            | "rout"
            | "drubbing"
    )
}

/// The range `a` to `b`, if the text between and around makes one.
fn range(text: &str, floor: usize, a: &Atom, b: &Atom) -> Option<Phrase> {
    let bytes = text.as_bytes();
    if a.fate == Fate::Drop || b.fate == Fate::Drop {
        return None;
    }
    let mut b = *b;
    // `around 2 -7 g`: the minus is the dash.
    let conn =
        if b.glued_minus && bytes[a.end..b.start].iter().all(|c| c.is_ascii_whitespace()) && a.value >= Decimal::ZERO {
            b.value = -b.value;
            b.start += 1;
            Connector::Dash
        } else {
            connector(text, a.end, b.start, a.kind == NumberKind::Ordinal && b.kind == NumberKind::Ordinal)?
        };
    let pa = Phrase::of(a);
    let pb = Phrase::of(&b);
    let (kind, unit) = common(&pa, &pb)?;
    // `between X and Y`, `from X to Y` (`between the tenth and ...`).
    let mut lead = prev_word(bytes, floor, a.start);
    if a.kind == NumberKind::Ordinal {
        if let Some((s, w)) = lead {
            if w.as_str() == "the" {
                lead = prev_word(bytes, floor, s);
            }
        }
    }
    // Only `between the tenth and the fifteenth` and `from the first to the
    // tenth` make ordinals a range.
    if a.kind == NumberKind::Ordinal {
        let lead_is = |w: &str| lead.is_some_and(|(_, l)| l.as_str() == w);
        let ok = match conn {
            Connector::And => lead_is("between"),
            Connector::To => lead_is("from"),
            Connector::Dash => false,
        };
        if !ok {
            return None;
        }
    }
    // `grew by 1 to 2 percent`: a bare lower end sharing the upper end's
    // unit is a range even after a verb of change (`rose 5% to 10%` is not).
    let shared_unit = pa.kind == NumberKind::Cardinal
        && pa.unit == UnitName::None
        && !(pb.kind == NumberKind::Cardinal && pb.unit == UnitName::None);
    let mut start = a.start;
    match conn {
        Connector::And => {
            let (s, w) = lead?;
            if w.as_str() != "between" {
                return None;
            }
            start = s;
        }
        Connector::To => {
            if let Some((s, w)) = lead {
                let w = w.as_str();
                if w == "from" {
                    if prev_word(bytes, floor, s).is_some_and(|(_, v)| change_verb(v.as_str())) {
                        return None;
                    }
                    start = s;
                } else if change_verb(w) && !shared_unit {
                    return None;
                }
            }
        }
        Connector::Dash => {
            if let Some((s, w)) = lead {
                if matches!(w.as_str(), "between" | "from") {
                    start = s;
                }
            }
        }
    }
    // Two years are a span of years, not a count (unless things are counted).
    let years = a.fate == Fate::Year && b.fate == Fate::Year;
    if years {
        let counted = next_word(bytes, b.end).is_some_and(|(s, _, w)| s > b.end && count_noun(w.as_str()));
        if !counted || year_cue_before(bytes, floor, start) {
            return None;
        }
    }
    // `$5-10 million`: the scale of the upper end applies to the lower.
    let mut lo = a.value;
    let hi = b.value;
    if let (None, Some(e)) = (a.scale, b.scale) {
        let m = pow10(e);
        if let Some(base) = hi.checked_div(m) {
            if lo < base && a.kind != NumberKind::Percent {
                lo = lo.checked_mul(m)?;
            }
        }
    }
    if lo >= hi {
        return None;
    }
    // `(3-5213)`: a phone extension, not a range from 3 to 5213.
    let tight = conn == Connector::Dash && b.start == a.end + 1;
    if tight && a.kind == NumberKind::Cardinal && lo > Decimal::ZERO && hi >= lo * Decimal::ONE_THOUSAND {
        return None;
    }
    Some(Phrase { start, end: b.end, kind, value: lo, range: Some((lo, hi)), unit, qualifier: None, fate: Fate::Keep })
}

/// Attaches prefix and postfix qualifiers.
fn qualify(text: &str, mut phrases: Vec<Phrase>) -> Vec<Phrase> {
    let n = phrases.len();
    let mut floor = 0;
    for i in 0..n {
        let next_start = phrases.get(i + 1).map_or(text.len(), |p| p.start);
        if phrases[i].fate == Fate::Drop {
            floor = phrases[i].end;
            continue;
        }
        let p = &phrases[i];
        let mut prefix = prefix_before(text, floor, p.start, p.kind == NumberKind::Ordinal);
        // `adds up to 185,000`, `sums up to`: a total, not a bound.
        if let Some((s, Prefix::Q(UpTo))) = prefix {
            let verb = prev_word(text.as_bytes(), 0, s).is_some_and(|(_, w)| {
                matches!(
                    w.as_str(),
                    "add" | "adds" | "added" | "adding" | "sum" | "sums" | "summed" | "totals" | "totaled" | "totalled"
                )
            });
            if verb && crate::text::word_is(text.as_bytes(), s, crate::text::word_end(text.as_bytes(), s), "up") {
                prefix = None;
            }
        }
        // `can't exceed 3000`, `must not surpass 5%`: a denied excess is a maximum.
        if let Some((s, Prefix::Q(MoreThan))) = prefix {
            let b = text.as_bytes();
            let verb = crate::text::lower(b, s, crate::text::word_end(b, s))
                .is_some_and(|w| w.as_str().starts_with("exceed") || w.as_str().starts_with("surpass"));
            if verb && denied_before(text, floor.min(s), s) {
                prefix = Some((s, Prefix::Q(AtMost)));
            }
        }
        // `$374 billion over 10 years`: `over` after an amount means during.
        if let Some((s, Prefix::Q(MoreThan))) = prefix {
            let during = i > 0
                && crate::text::word_is(text.as_bytes(), s, crate::text::word_end(text.as_bytes(), s), "over")
                && skip_spaces_back(text.as_bytes(), s) == floor
                && phrases[i - 1].fate != Fate::Drop;
            if during {
                prefix = None;
            }
        }
        let p = &mut phrases[i];
        if p.range.is_some() {
            if let Some((s, Prefix::Q(APPROX) | Prefix::Exactly)) = prefix {
                if let Some((_, Prefix::Q(q))) = prefix {
                    p.qualifier = Some(q);
                }
                p.start = s;
            }
            floor = p.end;
            continue;
        }
        let postfix = postfix_after(text, p.end, next_start);
        let plain_count = p.kind == NumberKind::Cardinal && p.unit == UnitName::None;
        match (prefix, postfix) {
            (Some((s, Prefix::Q(q))), post) if q != APPROX => {
                p.start = s;
                p.qualifier = Some(q);
                if let Some((e, Postfix::OrEqual)) = post {
                    p.qualifier = Some(match q {
                        MoreThan => AtLeast,
                        LessThan => AtMost,
                        other => other,
                    });
                    p.end = e;
                }
            }
            // `some 30 or so`: one hedge on both sides.
            (Some((s, Prefix::Q(APPROX))), Some((e, Postfix::Bound(APPROX)))) => {
                p.start = s;
                p.end = e;
                p.qualifier = Some(APPROX);
            }
            (Some((s, Prefix::Equal)), Some((e, Postfix::Bound(q)))) => {
                p.start = s;
                p.end = e;
                p.qualifier = Some(q);
            }
            (Some((s, Prefix::Equal)), _) if plain_count => p.start = s,
            (Some((s, Prefix::Exactly)), post) => {
                p.start = s;
                if let Some((e, Postfix::Bound(q))) = post {
                    p.end = e;
                    p.qualifier = Some(q);
                }
            }
            (_, Some((e, Postfix::Bound(q)))) => {
                // A hedge before a bound after stays outside: `about five
                // hundred or less`.
                let suffix = text.as_bytes().get(p.end) == Some(&b'-');
                p.end = e;
                p.qualifier = Some(q);
                if suffix && plain_count {
                    unit_after_suffix(text, p);
                }
            }
            (Some((s, Prefix::Q(q))), _) => {
                p.start = s;
                p.qualifier = Some(q);
            }
            _ => {}
        }
        floor = p.end;
        // A unit read after `-odd` covers the numbers inside it (`per
        // second`, `cm2`): they are part of this one.
        for q in phrases[i + 1..].iter_mut().take_while(|q| q.start < floor) {
            q.fate = Fate::Drop;
        }
    }
    phrases
}

/// True when the word before `i` (not before `floor`) denies: `not`,
/// `never`, or a contraction in `n't` (`can't`, `won’t`).
fn denied_before(text: &str, floor: usize, i: usize) -> bool {
    let head = text[floor..i].trim_end();
    let word_start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_ascii_alphabetic() || c == '\'' || c == '’')
        .last()
        .map_or(head.len(), |(k, _)| k);
    let word = head[word_start..].to_ascii_lowercase();
    word == "not" || word == "never" || word.ends_with("n't") || word.ends_with("n’t")
}

/// `more than 30 and less than 40`, `at most 100 and at least 20`: a range
/// from two bounds.
fn bounds(text: &str, phrases: Vec<Phrase>) -> Vec<Phrase> {
    let mut out: Vec<Phrase> = Vec::with_capacity(phrases.len());
    let mut i = 0;
    while i < phrases.len() {
        let p = phrases[i];
        if let Some(q) = phrases.get(i + 1) {
            if let Some(r) = bound_pair(text, &p, q) {
                out.push(r);
                i += 2;
                continue;
            }
        }
        out.push(p);
        i += 1;
    }
    out
}

fn bound_pair(text: &str, p: &Phrase, q: &Phrase) -> Option<Phrase> {
    if p.fate == Fate::Drop || q.fate == Fate::Drop || p.range.is_some() || q.range.is_some() {
        return None;
    }
    let lower = |x: &Phrase| matches!(x.qualifier, Some(MoreThan | AtLeast));
    let upper = |x: &Phrase| matches!(x.qualifier, Some(LessThan | AtMost | UpTo));
    let (lo, hi) = if lower(p) && upper(q) {
        (p.value, q.value)
    } else if upper(p) && lower(q) {
        (q.value, p.value)
    } else {
        return None;
    };
    let toks = tokens_forward(text, p.end, q.start, 3);
    let joined = match toks.as_slice() {
        [t] => t.is("and") || t.is("but") || t.is(","),
        [c, t] => c.is(",") && (t.is("and") || t.is("but")),
        _ => false,
    };
    if !joined || lo >= hi {
        return None;
    }
    let (kind, unit) = if p.kind == NumberKind::Ordinal && q.kind == NumberKind::Ordinal {
        (NumberKind::Ordinal, UnitName::None)
    } else {
        common(p, q)?
    };
    Some(Phrase {
        start: p.start,
        end: q.end,
        kind,
        value: lo,
        range: Some((lo, hi)),
        unit,
        qualifier: None,
        fate: Fate::Keep,
    })
}

/// `forty-five (45)`, `45 (forty five)`: one number, restated.
fn restatements(text: &str, phrases: Vec<Phrase>) -> Vec<Phrase> {
    let b = text.as_bytes();
    let mut out: Vec<Phrase> = Vec::with_capacity(phrases.len());
    let mut i = 0;
    while i < phrases.len() {
        let p = phrases[i];
        if let Some(q) = phrases.get(i + 1) {
            let open = skip_spaces(b, p.end).0;
            let close = skip_spaces(b, q.end).0;
            let shape =
                b.get(open) == Some(&b'(') && skip_spaces(b, open + 1).0 == q.start && b.get(close) == Some(&b')');
            if shape && p.fate != Fate::Drop && q.fate != Fate::Drop && p.range.is_none() && q.range.is_none() {
                if let (Some((kind, unit)), true) = (common(&p, q), p.value == q.value) {
                    out.push(Phrase { end: close + 1, kind, unit, fate: Fate::Keep, ..p });
                    i += 2;
                    continue;
                }
            }
        }
        out.push(p);
        i += 1;
    }
    out
}
