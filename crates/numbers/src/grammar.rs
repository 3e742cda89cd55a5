//! The grammar of a number: digits and number words combined.
//!
//! [`lex_items`] reads the run of number-like items from a start position
//! (digit literals, number words, fraction glyphs and the connectors `and`,
//! `a`, `point`, `of`, `over`, `out`, `in`), each with the gap before it.
//! [`parse`] then finds the longest valid number at the start of the run:
//!
//! - cardinals: `one hundred and five`, `twenty-one trillion three hundred`,
//!   `4 thousand 3 hundred and 21`, `three lakh crore`, `a million`;
//! - decimals: `1.5 million`, `two point two million`, `point 77`;
//! - multiples: `a dozen`, `three hundred and two dozens`, `a couple`;
//! - fractions: `five eighths`, `two thirds of a million`, `one and a
//!   half`, `five and a half million`, `2 1/4`, `½`, `one over three`, `1 in
//!   5`, `two out of five hundred`;
//! - ordinals: `third`, `twenty-first`, `one hundred twenty fifth`, `21st`.
//!
//! All arithmetic is exact (`rust_decimal`); a number whose value would
//! overflow the decimal range ends before the word that overflows it
//! (`a million million million million million` reads as 10^24 followed by
//! a bare `million`), so values stay bounded (|v| < 7.9 × 10^28).

use rust_decimal::Decimal;

use crate::literal::{Lexed, Literal, lex, pow10};
use crate::text::{Gap, Lower, is_alpha, read_gap, skip_spaces, word_end};
use crate::words::{Ord, Word, number_word, split_compound};

/// Items read for one number at most; longer runs are cut (linear time).
const MAX_ITEMS: usize = 48;

/// One number-like item and the gap before it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Item {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) gap: Gap,
    pub(crate) kind: ItemKind,
}

/// What an item is.
#[derive(Clone, Copy, Debug)]
pub(crate) enum ItemKind {
    /// Digits.
    Lit(Literal),
    /// A number word or connector.
    Word(Word),
    /// A vulgar fraction character: `½`.
    Glyph(Decimal),
}

impl Item {
    pub(crate) fn word(&self) -> Option<Word> {
        match self.kind {
            ItemKind::Word(w) => Some(w),
            _ => None,
        }
    }
}

/// Reads the items from `start` into `out`. `Err(end)` when the first item
/// is a digit string that is no number (a date, a phone number): skip to
/// `end`.
pub(crate) fn lex_items(text: &str, start: usize, ascii_groups: bool, out: &mut Vec<Item>) -> Result<(), usize> {
    out.clear();
    let b = text.as_bytes();
    let mut pos = start;
    while out.len() < MAX_ITEMS {
        let (at, gap) = if out.is_empty() {
            (pos, Gap::default())
        } else if let Some(g) = group_comma(b, pos, out) {
            g
        } else {
            match read_gap(b, pos) {
                Some(g) => g,
                None => break,
            }
        };
        let Some(&c) = b.get(at) else { break };
        if c.is_ascii_digit() || (c == b'.' && b.get(at + 1).is_some_and(u8::is_ascii_digit)) {
            // A literal right after another one with only a hyphen between
            // is a range or a code, never part of the same number.
            match lex(text, at, ascii_groups) {
                Lexed::Num(lit) => {
                    out.push(Item { start: at, end: lit.end, gap, kind: ItemKind::Lit(lit) });
                    pos = lit.end;
                }
                Lexed::Reject(end) if out.is_empty() => return Err(end),
                Lexed::Reject(_) => break,
            }
        } else if let Some((value, len)) = glyph(b, at) {
            out.push(Item { start: at, end: at + len, gap, kind: ItemKind::Glyph(value) });
            pos = at + len;
        } else if is_alpha(c) {
            let end = word_end(b, at);
            if end < b.len() && b[end].is_ascii_digit() {
                break;
            }
            let Some(lower) = Lower::of(&b[at..end]) else { break };
            if let Some(word) = number_word(lower.as_str()) {
                out.push(Item { start: at, end, gap, kind: ItemKind::Word(word) });
            } else if let Some((tens, rest)) = split_compound(lower.as_str()) {
                let mid = at + tens_len(lower.as_str());
                out.push(Item { start: at, end: mid, gap, kind: ItemKind::Word(tens) });
                let tight = Gap { space: false, newlines: 0, hyphen: true, comma: false };
                out.push(Item { start: mid, end, gap: tight, kind: ItemKind::Word(rest) });
            } else {
                break;
            }
            pos = end;
        } else {
            break;
        }
    }
    Ok(())
}

/// `two thousand, four hundred`: a comma right after a scale word of a
/// thousand or more in a number spelled out, then a space and a word below
/// a hundred, may join the groups of one spelled number, as `2,400` joins
/// digits. Returns the next item's start and its gap; the grammar decides
/// (`word_gap_ok`, [`parse_int`]).
fn group_comma(b: &[u8], pos: usize, out: &[Item]) -> Option<(usize, Gap)> {
    if b.get(pos) != Some(&b',') || !matches!(out.last()?.word(), Some(Word::Scale(e)) if e >= 3) {
        return None;
    }
    // Only in a number spelled out: `5 million, two hundred ...` is a list.
    if out.iter().any(|it| !matches!(it.kind, ItemKind::Word(_))) {
        return None;
    }
    let (at, gap) = read_gap(b, pos + 1)?;
    if !gap.is_space() || gap.newlines > 0 || !b.get(at).copied().is_some_and(is_alpha) {
        return None;
    }
    let lower = Lower::of(&b[at..word_end(b, at)])?;
    let below_hundred = match number_word(lower.as_str()) {
        Some(w) => matches!(w, Word::Unit(_) | Word::Teen(_) | Word::Tens(_)),
        None => split_compound(lower.as_str()).is_some(),
    };
    below_hundred.then_some((at, Gap { comma: true, ..gap }))
}

fn tens_len(word: &str) -> usize {
    ["twenty", "thirty", "forty", "fourty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        .iter()
        .find(|t| word.starts_with(**t))
        .map_or(0, |t| t.len())
}

/// A vulgar fraction character at `i`: its value and byte length.
pub(crate) fn glyph(b: &[u8], i: usize) -> Option<(Decimal, usize)> {
    let (num, den, len) = match (b.get(i), b.get(i + 1), b.get(i + 2)) {
        (Some(0xC2), Some(0xBC), _) => (1, 4, 2),
        (Some(0xC2), Some(0xBD), _) => (1, 2, 2),
        (Some(0xC2), Some(0xBE), _) => (3, 4, 2),
        (Some(0xE2), Some(0x85), Some(&c)) if (0x90..=0x9E).contains(&c) => {
            let (n, d) = [
                (1, 7),
                (1, 9),
                (1, 10),
                (1, 3),
                (2, 3),
                (1, 5),
                (2, 5),
                (3, 5),
                (4, 5),
                (1, 6),
                (5, 6),
                (1, 8),
                (3, 8),
                (5, 8),
                (7, 8),
            ][usize::from(c - 0x90)];
            (n, d, 3)
        }
        _ => return None,
    };
    Some((Decimal::from(num) / Decimal::from(den), len))
}

/// How a parsed number reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Form {
    /// A count or value.
    Cardinal,
    /// A rank.
    Ordinal,
    /// A fraction (`two thirds`, `1/2`); a cardinal value, kept apart for
    /// context rules.
    Fraction,
    /// `a third`: a fraction (`a third of voters`) or an ordinal (`a third
    /// term`), decided by what follows.
    AOrdinal,
}

/// A parsed number.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Parsed {
    /// Items consumed.
    pub(crate) end: usize,
    /// The value (for [`Form::AOrdinal`], the fraction's).
    pub(crate) value: Decimal,
    /// The ordinal's value for [`Form::AOrdinal`].
    pub(crate) ordinal_value: Decimal,
    /// How it reads.
    pub(crate) form: Form,
    /// The power of ten of a scale applied to the whole number (`5 million`
    /// 6, `40k` 3): a range's other end may share it (`$5-10 million`).
    pub(crate) scale: Option<u8>,
    /// Spelled (at least partly) with words.
    pub(crate) words: bool,
    /// A fraction of quarters or halves without a scale (`three quarters`,
    /// `a quarter`): also a period of a year, so context decides.
    pub(crate) quarters: bool,
    /// Ends in a collective noun that may take `of` (`a couple of`).
    pub(crate) collective: bool,
    /// The single literal it is made of, if so.
    pub(crate) literal: Option<Literal>,
    /// The bare word `one`.
    pub(crate) bare_one: bool,
    /// The bare word `half`.
    pub(crate) bare_half: bool,
}

impl Parsed {
    fn new(end: usize, value: Decimal, form: Form) -> Parsed {
        Parsed {
            end,
            value,
            ordinal_value: Decimal::ZERO,
            form,
            scale: None,
            words: true,
            quarters: false,
            collective: false,
            literal: None,
            bare_one: false,
            bare_half: false,
        }
    }
}

/// The longest number at the start of `items`, if any.
pub(crate) fn parse(items: &[Item], text: &str) -> Option<Parsed> {
    if let Some(p) = special_start(items, text) {
        return Some(p);
    }
    let int = parse_int(items, 0)?;
    let mut p = Parsed::new(int.end, int.value, if int.ordinal { Form::Ordinal } else { Form::Cardinal });
    p.scale = int.scale;
    p.words = int.words;
    p.collective = int.collective;
    if int.end == 1 {
        p.literal = int.literal;
        p.bare_one = matches!(items[0].word(), Some(Word::Unit(1)));
    }
    // `a dozen and a half`, `two dozen and a quarter`: a fraction after
    // `and` is a fraction of the dozen, as in `one million and a half`.
    if let (Some(Word::Dozen), Some(Word::And)) = (items[int.end - 1].word(), items.get(int.end).and_then(Item::word)) {
        if items[int.end].gap.is_space() {
            if let Some((f, end)) = fraction_part(items, int.end + 1) {
                p.value = int.value.checked_add(f.checked_mul(Decimal::from(12))?)?;
                p.end = end;
                p.literal = None;
                return Some(p);
            }
        }
    }
    if int.ordinal || int.terminal {
        return Some(p);
    }
    if let Some(e) = elision(items, &int, text) {
        return Some(e);
    }

    // `two hundred point zero three`, `1 point 1`, `two thousand five
    // hundred point five` (not `two million point five`: a point right
    // after a scale word belongs to no number).
    let after_scale = matches!(items[p.end - 1].word(), Some(Word::Scale(_)));
    if (int.scale.is_none() || !after_scale) && int.whole && items.get(p.end).and_then(Item::word) == Some(Word::Point)
    {
        if let Some((frac, end)) = point_digits(items, p.end + 1, text) {
            p.value = int.value + frac;
            p.end = end;
            p.literal = None;
            p.bare_one = false;
            return Some(with_scale(items, p));
        }
    }

    // `one half`, `one third`: a unit fraction.
    if int.end == 1 && p.bare_one {
        if let Some((den, end, quarters)) = singular_denominator(items, 1) {
            p.value = Decimal::ONE / den;
            p.form = Form::Fraction;
            p.end = end;
            p.quarters = quarters;
            p.bare_one = false;
            return Some(with_fraction_scale(items, p));
        }
    }

    // `three quarter million`: quarters of a scale.
    if int.scale.is_none() && int.whole && int.value < Decimal::from(4) {
        let word = |i: usize| items.get(i).filter(|it| it.gap.is_space()).and_then(Item::word);
        if let (Some(Word::Quarter { plural: false }), Some(Word::Scale(e))) = (word(int.end), word(int.end + 1)) {
            if let Some(v) = (int.value * Decimal::new(25, 2)).checked_mul(pow10(e)) {
                let mut q = Parsed::new(int.end + 2, v, Form::Cardinal);
                q.scale = Some(e);
                return Some(q);
            }
        }
    }

    // Plural denominators: `five eighths`, `one hundred thirty fifths`.
    if let Some(f) = plural_fraction(items, &int) {
        return Some(with_fraction_scale(items, f));
    }

    // `two million and one half`: the `one` read as a count was a numerator.
    if let (Some((before, after)), Some(Word::Unit(1))) = (int.and_split, items[int.end - 1].word()) {
        if after == Decimal::ONE {
            if let Some((den, end, _)) = singular_denominator(items, int.end) {
                let mut q = Parsed::new(end, add_part(before, Decimal::ONE / den, int.scale)?, Form::Cardinal);
                q.words = true;
                return Some(q);
            }
        }
    }

    // `one hundred and three and two thirds`, `one million and a half`.
    if items.get(p.end).and_then(Item::word) == Some(Word::And) {
        if let Some((f, end)) = fraction_part(items, p.end + 1) {
            p.value = add_part(int.value, f, int.scale)?;
            p.end = end;
            p.literal = None;
            p.bare_one = false;
            return Some(if int.scale.is_none() { with_scale(items, p) } else { p });
        }
    }

    // `one over three`, `one out of three`, `1 in 5`.
    if let Some(f) = ratio(items, &int, text) {
        return Some(f);
    }
    Some(p)
}

/// Numbers that start with `half`, `quarter`, `point`, `a half` or a glyph.
fn special_start(items: &[Item], text: &str) -> Option<Parsed> {
    let first = items.first()?;
    let word = |i: usize| items.get(i).and_then(Item::word);
    let half = Decimal::new(5, 1);
    let quarter = Decimal::new(25, 2);
    match first.kind {
        ItemKind::Glyph(v) => Some(with_scale(items, Parsed { literal: None, ..Parsed::new(1, v, Form::Fraction) })),
        ItemKind::Word(Word::Half) => {
            // `half a million`, `half a dozen`, `half million`, `half`.
            let mut p = Parsed::new(1, half, Form::Cardinal);
            let of = with_fraction_scale(items, p);
            if of.end > 1 {
                return Some(of);
            }
            if word(1) == Some(Word::A) {
                if let Some(m) = word(2).and_then(multiplier) {
                    p.value = half * m;
                    p.end = 3;
                    return Some(p);
                }
            }
            // `half million`, `half-dozen`.
            if let Some(m) =
                word(1).filter(|_| items[1].gap.is_space() || items[1].gap.is_tight_hyphen()).and_then(multiplier)
            {
                p.value = half * m;
                p.end = 2;
                return Some(p);
            }
            p.bare_half = true;
            Some(p)
        }
        ItemKind::Word(Word::Quarter { plural: false }) => {
            let m = word(1).filter(|w| matches!(w, Word::Scale(_)) && items[1].gap.is_space()).and_then(multiplier)?;
            Some(Parsed::new(2, quarter * m, Form::Cardinal))
        }
        ItemKind::Word(Word::Point) => {
            let (frac, end) = point_digits(items, 1, text)?;
            Some(with_scale(items, Parsed::new(end, frac, Form::Cardinal)))
        }
        ItemKind::Word(Word::A) => {
            let second = items.get(1)?;
            if !second.gap.is_space() {
                return None;
            }
            match second.kind {
                ItemKind::Word(Word::Half) => {
                    let p = Parsed::new(2, half, Form::Cardinal);
                    Some(with_fraction_scale(items, p))
                }
                ItemKind::Word(Word::Quarter { plural: false }) => {
                    let mut p = Parsed::new(2, quarter, Form::Fraction);
                    p.quarters = true;
                    let scaled = with_fraction_scale(items, p);
                    Some(if scaled.end > 2 {
                        Parsed { quarters: false, form: Form::Cardinal, ..scaled }
                    } else {
                        scaled
                    })
                }
                ItemKind::Word(Word::Ordinal { ord, plural: false }) if ord.value() >= 3 => {
                    let den = Decimal::from(ord.value());
                    let mut p = Parsed::new(2, Decimal::ONE / den, Form::AOrdinal);
                    p.ordinal_value = den;
                    let scaled = with_fraction_scale(items, p);
                    Some(if scaled.end > 2 { Parsed { form: Form::Cardinal, ..scaled } } else { p })
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// The multiplier of `hundred`, a scale or `dozen`.
fn multiplier(w: Word) -> Option<Decimal> {
    match w {
        Word::Hundred => Some(Decimal::ONE_HUNDRED),
        Word::Scale(e) => Some(pow10(e)),
        Word::Dozen => Some(Decimal::from(12)),
        _ => None,
    }
}

/// A scale word after `p` multiplies it: `two point two million`, `five and
/// a half million`, `½ million`, `a half-million`; so does `dozen` (`two
/// and a half dozen`), which is no power of ten, so no range end shares it.
fn with_scale(items: &[Item], mut p: Parsed) -> Parsed {
    // Spaced or hyphened: `a half million`, `a half-million`, `a half-dozen`.
    let Some(it) = items.get(p.end).filter(|it| it.gap.is_space() || it.gap.is_tight_hyphen()) else { return p };
    let (m, scale) = match it.kind {
        ItemKind::Word(Word::Scale(e)) => (pow10(e), Some(e)),
        ItemKind::Word(Word::Dozen) => (Decimal::from(12), None),
        _ => return p,
    };
    if let Some(v) = p.value.checked_mul(m) {
        p.value = v;
        p.end += 1;
        p.scale = scale;
        p.collective = scale.is_none();
        p.form = Form::Cardinal;
        p.quarters = false;
    }
    p
}

/// A scale after a fraction: `two thirds of a million`, `a quarter million`.
fn with_fraction_scale(items: &[Item], p: Parsed) -> Parsed {
    let word = |i: usize| items.get(i).and_then(Item::word);
    if word(p.end) == Some(Word::Of) && word(p.end + 1) == Some(Word::A) {
        if let Some(Word::Scale(e)) = word(p.end + 2) {
            if let Some(v) = p.value.checked_mul(pow10(e)) {
                return Parsed { value: v, end: p.end + 3, scale: Some(e), quarters: false, form: Form::Cardinal, ..p };
            }
        }
    }
    with_scale(items, p)
}

/// The digits after `point`: single digit words (`zero three`), a
/// two-digit word number (`seventy-one`), or a literal (`point 77`).
fn point_digits(items: &[Item], i: usize, text: &str) -> Option<(Decimal, usize)> {
    let first = items.get(i)?;
    if !first.gap.is_space() {
        return None;
    }
    let mut buf = String::from("0.");
    let mut end = i;
    match first.kind {
        ItemKind::Lit(l) if l.is_bare_int() => {
            buf.push_str(text.get(l.start..l.end)?);
            end = i + 1;
        }
        ItemKind::Word(Word::Teen(_) | Word::Tens(_)) => {
            let int = parse_int(items, i)?;
            if int.value >= Decimal::ONE_HUNDRED || int.ordinal {
                return None;
            }
            buf.push_str(&int.value.to_string());
            end = int.end;
        }
        _ => {
            while let Some(it) = items.get(end) {
                let d = match it.kind {
                    ItemKind::Word(Word::Zero) => 0,
                    ItemKind::Word(Word::Unit(u)) => u,
                    _ => break,
                };
                if end > i && !it.gap.is_space() {
                    break;
                }
                buf.push(char::from(b'0' + d));
                end += 1;
            }
        }
    }
    if end == i || buf.len() > 30 {
        return None;
    }
    Some((buf.parse().ok()?, end))
}

/// `half`, `quarter` or a singular ordinal (third and beyond) at `i`: the
/// denominator, the end and whether it is a quarter or half.
fn singular_denominator(items: &[Item], i: usize) -> Option<(Decimal, usize, bool)> {
    let it = items.get(i)?;
    if !(it.gap.is_space() || it.gap.is_tight_hyphen()) {
        return None;
    }
    match it.word()? {
        Word::Half => Some((Decimal::TWO, i + 1, false)),
        Word::Quarter { plural: false } => Some((Decimal::from(4), i + 1, true)),
        Word::Ordinal { ord, plural: false } if ord.value() >= 3 => Some((Decimal::from(ord.value()), i + 1, false)),
        _ => None,
    }
}

/// A plural denominator at `i` (`fifths`, `quarters`, `twenty-firsts`):
/// the denominator, the end and whether it is quarters.
fn plural_denominator(items: &[Item], i: usize) -> Option<(Decimal, usize, bool)> {
    let it = items.get(i)?;
    if !(it.gap.is_space() || it.gap.hyphen) {
        return None;
    }
    match it.word()? {
        Word::Quarter { plural: true } => Some((Decimal::from(4), i + 1, true)),
        Word::Ordinal { ord, plural: true } if ord.value() >= 3 => Some((Decimal::from(ord.value()), i + 1, false)),
        Word::Tens(t) => {
            // `twenty fifths` = 1/25 each: the tens join the denominator.
            let next = items.get(i + 1)?;
            match next.word()? {
                Word::Ordinal { ord: Ord::Unit(u), plural: true } if next.gap.is_space() || next.gap.hyphen => {
                    Some((Decimal::from(u32::from(t) + u32::from(u)), i + 2, false))
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// `int` followed by a plural denominator.
fn plural_fraction(items: &[Item], int: &Int) -> Option<Parsed> {
    let fraction = |num: Decimal, den: Decimal, end: usize, quarters: bool| {
        let mut p = Parsed::new(end, num.checked_div(den)?, Form::Fraction);
        p.quarters = quarters;
        Some(p)
    };
    // `one hundred thirty fifths`: the final tens join the denominator.
    if let (Some((before, tens)), Some(next)) = (int.tens_split, items.get(int.end)) {
        if let Some(Word::Ordinal { ord: Ord::Unit(u), plural: true }) = next.word() {
            if next.gap.is_space() || next.gap.hyphen {
                let den = Decimal::from(u32::from(tens) + u32::from(u));
                return fraction(before, den, int.end + 1, false);
            }
        }
    }
    let (den, end, quarters) = plural_denominator(items, int.end)?;
    // `two hundred and fifty-four hundredths` = 200.54, but `one hundred
    // and thirty-two fifths` = 132/5: a proper fraction after `and` adds
    // (to the count of millions in `five billion and three quarters`).
    if let Some((before, after)) = int.and_split {
        let part = after.checked_div(den)?;
        if part < Decimal::ONE {
            let mut p = Parsed::new(end, add_part(before, part, int.scale)?, Form::Fraction);
            p.quarters = quarters && int.scale.is_none();
            if int.scale.is_some() {
                p.form = Form::Cardinal;
            }
            return Some(p);
        }
    }
    fraction(int.value, den, end, quarters)
}

/// `before` plus a fraction `part`: of a million when `before` is counted
/// in millions or more (`one million and a half`).
fn add_part(before: Decimal, part: Decimal, scale: Option<u8>) -> Option<Decimal> {
    match scale.filter(|&e| e >= 6) {
        Some(e) => part.checked_mul(pow10(e))?.checked_add(before),
        None => before.checked_add(part),
    }
}

/// A fraction below one at `i` (after `and`): `a half`, `one half`, `a
/// fifth`, `two thirds`, `three quarters`.
fn fraction_part(items: &[Item], i: usize) -> Option<(Decimal, usize)> {
    let first = items.get(i)?;
    // `seven-and-a-half`: hyphens all through, or spaces.
    let hyphened = items.get(i.wrapping_sub(1)).is_some_and(|and| and.gap.is_tight_hyphen());
    if !(first.gap.is_space() || hyphened && first.gap.is_tight_hyphen()) {
        return None;
    }
    // `3 and 1/2`: a slash fraction below one.
    if let ItemKind::Lit(l) = first.kind {
        return (l.fraction == Some(true) && l.scale.is_none()).then_some((l.value, i + 1));
    }
    let value_end = match first.word() {
        Some(Word::A) => {
            let (den, end, _) = singular_denominator(items, i + 1)?;
            (Decimal::ONE / den, end)
        }
        Some(Word::Unit(1)) if singular_denominator(items, i + 1).is_some() => {
            let (den, end, _) = singular_denominator(items, i + 1)?;
            (Decimal::ONE / den, end)
        }
        _ => {
            let int = parse_int(items, i)?;
            if int.ordinal || int.terminal {
                return None;
            }
            let (den, end, _) = plural_denominator(items, int.end)?;
            (int.value.checked_div(den)?, end)
        }
    };
    (value_end.0 < Decimal::ONE).then_some(value_end)
}

/// `X over Y` (at the end of a clause), `X out of Y` (X <= Y) and `X in Y`
/// or `X-in-Y` (X < Y, Y no year, no unit after): a fraction.
fn ratio(items: &[Item], int: &Int, text: &str) -> Option<Parsed> {
    let op = items.get(int.end)?;
    // `one-in-five`, `1-in-5`: hyphens all through, as a compound adjective.
    let hyphened = op.gap.is_tight_hyphen() && op.word() == Some(Word::In);
    if !(op.gap.is_space() || hyphened) || !int.whole {
        return None;
    }
    let (y_start, kind) = match op.word()? {
        Word::Over => (int.end + 1, 0),
        Word::In => (int.end + 1, 2),
        Word::Out if items.get(int.end + 1).and_then(Item::word) == Some(Word::Of) => (int.end + 2, 1),
        _ => return None,
    };
    let y_gap = items.get(y_start)?.gap;
    if !(if hyphened { y_gap.is_tight_hyphen() } else { y_gap.is_space() }) {
        return None;
    }
    let y = parse_int(items, y_start)?;
    if y.ordinal || y.terminal || !y.whole || y.value.is_zero() {
        return None;
    }
    let last = items.get(y.end - 1)?;
    let ok = match kind {
        0 => clause_ends(text, last.end),
        1 => int.value <= y.value,
        _ => {
            int.value < y.value
                && !y.literal.is_some_and(|l| l.is_yearish())
                && !crate::units::unit_follows(text, last.end)
        }
    };
    if !ok {
        return None;
    }
    let mut p = Parsed::new(y.end, int.value.checked_div(y.value)?, Form::Fraction);
    p.words = int.words || y.words;
    Some(p)
}

/// True when only closing punctuation or the end of the text follows `i`.
pub(crate) fn clause_ends(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    let (j, _) = skip_spaces(b, i);
    match text.get(j..).and_then(|s| s.chars().next()) {
        None => true,
        Some(c) => matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '"' | '\'' | '”' | '’'),
    }
}

/// `one twenty two` = 122: a digit word read before a tens word, as people
/// read flight numbers and prices.
fn elision(items: &[Item], int: &Int, text: &str) -> Option<Parsed> {
    if int.end != 1 {
        return None;
    }
    let Word::Unit(u) = items[0].word()? else { return None };
    let t = items.get(1)?;
    let Word::Tens(tens) = t.word()? else { return None };
    if !t.gap.is_space() {
        return None;
    }
    // `one twenty two`, but not the time `at six thirty`.
    let v = items.get(2)?;
    let (Some(Word::Unit(x)), true) = (v.word(), v.gap.is_space() || v.gap.is_tight_hyphen()) else { return None };
    let value = u32::from(u) * 100 + u32::from(tens) + u32::from(x);
    let end = 3;
    let b = text.as_bytes();
    if crate::context::word_before_is(
        b,
        0,
        items[0].start,
        &["at", "by", "until", "till", "before", "after", "around", "about", "from", "to", "since"],
    ) {
        return None;
    }
    // Nothing numeric may follow, and no hyphenated noun (`one twenty-year-old`).
    if let Some(next) = items.get(end) {
        if !matches!(next.word(), Some(Word::And | Word::A | Word::Of | Word::In | Word::Out | Word::Over)) {
            return None;
        }
    }
    let last = items[end - 1].end;
    if crate::text::hyphen_len(b, last) > 0 || crate::units::unit_follows(text, last) {
        return None;
    }
    Some(Parsed::new(end, Decimal::from(value), Form::Cardinal))
}

/// The state of the cardinal parser after an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Last {
    Start,
    A,
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale,
    Lit,
    And,
}

/// A whole cardinal or ordinal read by [`parse_int`].
#[derive(Clone, Copy, Debug)]
struct Int {
    end: usize,
    value: Decimal,
    ordinal: bool,
    /// Nothing may follow (a dozen, a literal with a fraction or suffix).
    terminal: bool,
    /// The power of ten of the last scale word.
    scale: Option<u8>,
    /// `(value before the last "and", value after it)`.
    and_split: Option<(Decimal, Decimal)>,
    /// `(value before the final tens word, the tens)` when something came before it.
    tens_split: Option<(Decimal, u8)>,
    words: bool,
    /// A whole number (no decimal part written).
    whole: bool,
    collective: bool,
    literal: Option<Literal>,
}

/// The cardinal parser's running state.
#[derive(Clone, Copy)]
struct State {
    total: Decimal,
    group: Decimal,
    last: Last,
    scale: Option<u8>,
    and_before: Option<Decimal>,
    tens_split: Option<(Decimal, u8)>,
    words: bool,
    whole: bool,
    literal: Option<Literal>,
}

impl State {
    fn value(&self) -> Option<Decimal> {
        self.total.checked_add(self.group)
    }

    fn snapshot(&self, end: usize, ordinal: bool, terminal: bool, collective: bool) -> Option<Int> {
        let value = self.value()?;
        Some(Int {
            end,
            value,
            ordinal,
            terminal,
            scale: self.scale,
            and_split: self.and_before.map(|b| (b, value - b)),
            tens_split: self.tens_split,
            words: self.words,
            whole: self.whole,
            collective,
            literal: self.literal,
        })
    }
}

/// Is `gap` allowed between an item of state `last` and the word `next`?
fn word_gap_ok(last: Last, next: Word, gap: Gap) -> bool {
    if gap.is_space() {
        return true;
    }
    if gap.is_tight_hyphen() {
        // `twenty-one`, `twenty-first`, `one-hundred`, `two-thousand`, `$400-million`.
        return last != Last::Lit || matches!(next, Word::Scale(_));
    }
    if gap.hyphen {
        // `fifty - two`.
        return last == Last::Tens && matches!(next, Word::Unit(_) | Word::Ordinal { ord: Ord::Unit(_), .. });
    }
    // `two thousand, four hundred`: a group after a scale word.
    gap.comma && last == Last::Scale && matches!(next, Word::Unit(_) | Word::Teen(_) | Word::Tens(_))
}

/// The longest cardinal (or ordinal) from item `i`.
fn parse_int(items: &[Item], i: usize) -> Option<Int> {
    let mut st = State {
        total: Decimal::ZERO,
        group: Decimal::ZERO,
        last: Last::Start,
        scale: None,
        and_before: None,
        tens_split: None,
        words: false,
        whole: true,
        literal: None,
    };
    let mut best: Option<Int> = None;
    let mut before_and: Option<Int> = None;
    // The number before a group comma, until the group after it shows a
    // `hundred` or a scale word: `two thousand, four hundred` is one
    // number, `two thousand, four` (a list) is not.
    let mut before_comma: Option<Option<Int>> = None;
    let mut j = i;
    while let Some(it) = items.get(j) {
        let first = j == i;
        match it.kind {
            ItemKind::Word(w) => {
                if !first && !word_gap_ok(st.last, w, it.gap) {
                    break;
                }
                if it.gap.comma {
                    before_comma = Some(best);
                }
                st.words = true;
                let tens_before = st.tens_split;
                let step = word_step(&mut st, w, items, j, i);
                if !matches!(w, Word::Tens(_)) && st.tens_split == tens_before && st.last != Last::Tens {
                    st.tens_split = None;
                }
                match step {
                    Step::Continue => {
                        if matches!(w, Word::Hundred | Word::Scale(_)) {
                            before_comma = None;
                        }
                    }
                    Step::Done { ordinal, collective, terminal } => {
                        best = st.snapshot(j + 1, ordinal, terminal, collective).or(best);
                        break;
                    }
                    Step::Stop { multiplies } => {
                        if multiplies && st.and_before.is_some() {
                            best = before_and;
                        }
                        break;
                    }
                    Step::Fail => return None,
                }
            }
            ItemKind::Lit(l) => {
                let gap_ok = first || it.gap.is_space();
                let fits = match st.last {
                    _ if !gap_ok => false,
                    Last::Start => true,
                    Last::Scale | Last::And => l.is_bare_int() && !l.value.is_zero(),
                    Last::Hundred => l.is_bare_int() && l.value < Decimal::ONE_HUNDRED,
                    Last::Lit => {
                        // `2 1/4`: a whole number and a proper fraction.
                        st.literal.is_some_and(|p| p.is_bare_int()) && l.fraction == Some(true) && !it.gap.hyphen
                    }
                    _ => false,
                };
                if !fits {
                    break;
                }
                let mixed = st.last == Last::Lit;
                st.group = match st.group.checked_add(l.value) {
                    Some(v) => v,
                    None => break,
                };
                st.literal = if first { Some(l) } else { None };
                st.whole &= l.int;
                st.last = Last::Lit;
                if l.ordinal {
                    best = st.snapshot(j + 1, true, true, false).or(best);
                    break;
                }
                if mixed || l.fraction.is_some() || l.exponent || l.scale.is_some() {
                    best = st.snapshot(j + 1, false, true, false).or(best);
                    break;
                }
                best = st.snapshot(j + 1, false, false, false).or(best);
            }
            ItemKind::Glyph(v) => {
                let fits = match st.last {
                    Last::Start => true,
                    Last::Lit => st.literal.is_some_and(|p| p.is_bare_int()) && !it.gap.hyphen,
                    _ => false,
                };
                if !fits {
                    break;
                }
                st.group = st.group.checked_add(v)?;
                st.literal = None;
                st.whole = false;
                best = st.snapshot(j + 1, false, true, false).or(best);
                break;
            }
        }
        if !matches!(st.last, Last::A | Last::And) {
            best = st.snapshot(j + 1, false, false, false).or(best);
            if st.and_before.is_none() {
                before_and = best;
            }
        }
        j += 1;
    }
    before_comma.unwrap_or(best)
}

/// What [`word_step`] did.
enum Step {
    /// The word was taken; go on.
    Continue,
    /// The word was taken and ends the number.
    Done { ordinal: bool, collective: bool, terminal: bool },
    /// The word does not fit; the number ends before it. `multiplies`: it
    /// would have multiplied the part after `and` (roll back that part).
    Stop { multiplies: bool },
    /// Not a number at all.
    Fail,
}

/// Applies the word `w` (item `j` of a number starting at item `start`) to
/// the cardinal state.
fn word_step(st: &mut State, w: Word, items: &[Item], j: usize, start: usize) -> Step {
    use Last::*;
    let first = j == start;
    let stop = Step::Stop { multiplies: false };
    match w {
        Word::A => {
            let next = items.get(j + 1).and_then(Item::word);
            if first
                && next.is_some_and(|n| {
                    matches!(n, Word::Hundred | Word::Scale(_) | Word::Dozen | Word::Couple | Word::Pair)
                })
            {
                st.group = Decimal::ONE;
                st.last = A;
                Step::Continue
            } else if first {
                Step::Fail
            } else {
                stop
            }
        }
        Word::Zero => {
            if first {
                Step::Done { ordinal: false, collective: false, terminal: false }
            } else {
                stop
            }
        }
        Word::Unit(u) => {
            if !matches!(st.last, Start | Hundred | Scale | And | Tens) {
                return stop;
            }
            st.group += Decimal::from(u);
            st.last = Unit;
            Step::Continue
        }
        Word::Couple | Word::Pair => {
            if st.last != A {
                return if first { Step::Fail } else { stop };
            }
            st.group = Decimal::TWO;
            st.last = Unit;
            // `a couple hundred` goes on; `a couple` ends here.
            let next = |k: usize| items.get(j + k).and_then(Item::word);
            match next(1) {
                Some(Word::Hundred | Word::Scale(_) | Word::Dozen) => Step::Continue,
                // `a couple of hundred`.
                Some(Word::Of) if matches!(next(2), Some(Word::Hundred | Word::Scale(_))) => Step::Continue,
                _ => Step::Done { ordinal: false, collective: true, terminal: true },
            }
        }
        Word::Teen(t) => {
            if !matches!(st.last, Start | Hundred | Scale | And) {
                return stop;
            }
            st.group += Decimal::from(t);
            st.last = Teen;
            Step::Continue
        }
        Word::Tens(t) => {
            if !matches!(st.last, Start | Hundred | Scale | And) {
                return stop;
            }
            st.tens_split = if first { None } else { st.value().map(|v| (v, t)) };
            st.group += Decimal::from(t);
            st.last = Tens;
            Step::Continue
        }
        Word::Hundred => {
            let ok = match st.last {
                Unit | Teen | Tens | A => st.group < Decimal::ONE_HUNDRED,
                // `322 hundred`, but `3 hundred and 2 hundred` is two numbers.
                Lit => match st.literal {
                    Some(l) => l.scale.is_none() && !l.ordinal && l.fraction.is_none() && !l.exponent,
                    None => st.whole && st.group < Decimal::ONE_HUNDRED,
                },
                _ => false,
            };
            if !ok {
                return Step::Stop { multiplies: true };
            }
            st.group = match st.group.checked_mul(Decimal::ONE_HUNDRED) {
                Some(v) => v,
                None => return stop,
            };
            st.literal = None;
            st.last = Hundred;
            Step::Continue
        }
        Word::Scale(e) => {
            let m = pow10(e);
            match st.last {
                Unit | Teen | Tens | Hundred | A | Lit => {
                    if st.last == Lit && st.literal.is_some_and(|l| l.scale.is_some() || l.ordinal) {
                        return stop;
                    }
                    // Scales fall within one number: `one million two thousand`.
                    if st.scale.is_some_and(|s| e >= s) {
                        return Step::Stop { multiplies: true };
                    }
                    let Some(add) = st.group.checked_mul(m) else { return stop };
                    let Some(total) = st.total.checked_add(add) else { return stop };
                    st.total = total;
                    st.group = Decimal::ZERO;
                }
                // Stacked scales: `three thousand millions`, `three lakh crore`.
                Scale if st.group.is_zero() => {
                    let Some(total) = st.total.checked_mul(m) else { return stop };
                    st.total = total;
                }
                _ => return if first { Step::Fail } else { stop },
            }
            st.scale = Some(e);
            st.literal = None;
            st.last = Scale;
            st.and_before = None;
            Step::Continue
        }
        Word::Dozen => {
            if !matches!(st.last, Unit | Teen | Tens | Hundred | A | Lit | Scale) {
                return if first { Step::Fail } else { stop };
            }
            let twelve = Decimal::from(12);
            let value = match (st.and_before, st.value()) {
                // `three hundred and two dozens` = 300 + 2 × 12.
                (Some(before), Some(v)) => (v - before).checked_mul(twelve).and_then(|x| x.checked_add(before)),
                (None, Some(v)) => v.checked_mul(twelve),
                _ => None,
            };
            let Some(value) = value else { return stop };
            st.total = Decimal::ZERO;
            st.group = value;
            st.literal = None;
            st.last = Scale;
            st.and_before = None;
            Step::Done { ordinal: false, collective: true, terminal: true }
        }
        Word::And => {
            let next = items.get(j + 1);
            let next_ok = next.is_some_and(|n| {
                n.gap.is_space()
                    && match n.kind {
                        ItemKind::Word(Word::Unit(_) | Word::Teen(_) | Word::Tens(_)) => true,
                        // `one hundred and first`, `two thousand and tenth`.
                        ItemKind::Word(Word::Ordinal {
                            ord: Ord::Unit(_) | Ord::Teen(_) | Ord::Tens(_),
                            plural: false,
                        }) => true,
                        ItemKind::Lit(l) => l.is_bare_int() && !l.value.is_zero(),
                        _ => false,
                    }
            });
            let after_tens_ok = st.last == Tens
                && st.and_before.is_none()
                && next.is_some_and(|n| matches!(n.word(), Some(Word::Unit(_))));
            if !next_ok || !(matches!(st.last, Hundred | Scale) || after_tens_ok) {
                return stop;
            }
            // `3 hundred and 21`: literals after `and` need a literal before.
            let lit_next = next.is_some_and(|n| matches!(n.kind, ItemKind::Lit(_)));
            if lit_next && !st.whole {
                return stop;
            }
            st.and_before = st.value();
            st.last = And;
            Step::Continue
        }
        Word::Ordinal { ord, plural: false } => {
            // `one hundredth`, `one millionth` are fractions: the caller reads them.
            let after_one = j == start + 1 && st.last == Unit && st.total.is_zero() && st.group == Decimal::ONE;
            if after_one {
                return stop;
            }
            let ok = match ord {
                Ord::Unit(u) => {
                    // `first` alone, `twenty-first`, `hundred and first`.
                    let ok = matches!(st.last, Start | Hundred | Scale | And | Tens);
                    if ok {
                        st.group += Decimal::from(u);
                    }
                    ok
                }
                Ord::Teen(v) | Ord::Tens(v) => {
                    let ok = matches!(st.last, Start | Hundred | Scale | And);
                    if ok {
                        st.group += Decimal::from(v);
                    }
                    ok
                }
                Ord::Hundred => {
                    let ok = matches!(st.last, Start | Unit | Teen | Tens) && st.group < Decimal::ONE_HUNDRED;
                    if ok {
                        st.group = st.group.max(Decimal::ONE) * Decimal::ONE_HUNDRED;
                    }
                    ok
                }
                Ord::Scale(e) => {
                    let ok = matches!(st.last, Start | Unit | Teen | Tens | Hundred | A);
                    if ok {
                        let base = if st.last == Start { Decimal::ONE } else { st.group };
                        match base.checked_mul(pow10(e)).and_then(|v| v.checked_add(st.total)) {
                            Some(v) => {
                                st.total = Decimal::ZERO;
                                st.group = v;
                            }
                            None => return stop,
                        }
                    }
                    ok
                }
            };
            if !ok {
                return if first { Step::Fail } else { stop };
            }
            st.literal = None;
            st.last = Unit;
            st.and_before = None;
            Step::Done { ordinal: true, collective: false, terminal: true }
        }
        Word::Of if st.last == Unit && j >= 1 && matches!(items[j - 1].word(), Some(Word::Couple | Word::Pair)) => {
            Step::Continue
        }
        _ => {
            if first {
                Step::Fail
            } else {
                stop
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<(String, String, Form)> {
        let mut items = Vec::new();
        lex_items(text, 0, true, &mut items).ok()?;
        let p = parse(&items, text)?;
        let end = items[p.end - 1].end;
        let value = if p.form == Form::Ordinal { p.value } else { p.value.normalize() };
        Some((text[..end].to_owned(), value.normalize().to_string(), p.form))
    }

    #[test]
    fn cardinals() {
        for (input, span, value) in [
            ("one hundred and sixty-one", "one hundred and sixty-one", "161"),
            ("twenty-one trillion three hundred", "twenty-one trillion three hundred", "21000000000300"),
            ("fifty - two", "fifty - two", "52"),
            ("Three hundred  and  thirty one", "Three hundred  and  thirty one", "331"),
            ("two hundred and two thousand", "two hundred and two thousand", "202000"),
            ("two  thousand  and  two hundred", "two  thousand  and  two hundred", "2200"),
            ("3 hundred and 21 yuan", "3 hundred and 21", "321"),
            ("4 thousand 3 hundred and 21", "4 thousand 3 hundred and 21", "4321"),
            ("4 thousand 3 hundred and 0", "4 thousand 3 hundred", "4300"),
            ("3 hundred and 2 hundred", "3 hundred", "300"),
            ("three lakh crore", "three lakh crore", "3000000000000"),
            ("three thousand millions", "three thousand millions", "3000000000"),
            ("half a  dozen", "half a  dozen", "6"),
            ("three hundred and two dozens", "three hundred and two dozens", "324"),
            ("a dozen", "a dozen", "12"),
            ("1.5 million", "1.5 million", "1500000"),
            ("two hundred point zero three", "two hundred point zero three", "200.03"),
            ("two hundred point seventy-one", "two hundred point seventy-one", "200.71"),
            ("nine point nought four", "nine point nought four", "9.04"),
            ("point 77", "point 77", "0.77"),
            ("two point two million", "two point two million", "2200000"),
            ("one twenty two", "one twenty two", "122"),
            ("322 hundred", "322 hundred", "32200"),
            ("a couple of", "a couple", "2"),
        ] {
            let got = read(input).map(|(s, v, _)| (s, v));
            assert_eq!(got, Some((span.to_owned(), value.to_owned())), "{input}");
        }
    }

    #[test]
    fn fractions_and_ordinals() {
        for (input, span, value, form) in [
            (
                "one hundred and three and two thirds",
                "one hundred and three and two thirds",
                "103.66666666666666666666666667",
                Form::Cardinal,
            ),
            ("twenty-three fifths", "twenty-three fifths", "4.6", Form::Fraction),
            ("twenty and three and three fifths", "twenty and three and three fifths", "23.6", Form::Cardinal),
            (
                "one hundred thirty fifths",
                "one hundred thirty fifths",
                "2.8571428571428571428571428571",
                Form::Fraction,
            ),
            ("one hundred and thirty-two fifths", "one hundred and thirty-two fifths", "26.4", Form::Fraction),
            (
                "two hundred and fifty-four hundredths",
                "two hundred and fifty-four hundredths",
                "200.54",
                Form::Fraction,
            ),
            ("twenty twenty fifths", "twenty twenty fifths", "0.8", Form::Fraction),
            ("three twenty-firsts", "three twenty-firsts", "0.1428571428571428571428571429", Form::Fraction),
            ("a hundred trillionths", "a hundred trillionths", "0.0000000001", Form::Fraction),
            ("a hundredth", "a hundredth", "0.01", Form::AOrdinal),
            ("one million and a half", "one million and a half", "1500000", Form::Cardinal),
            ("five and a half million", "five and a half million", "5500000", Form::Cardinal),
            ("two thirds of a million", "two thirds of a million", "666666.6666666666666666666667", Form::Cardinal),
            ("one over three", "one over three", "0.3333333333333333333333333333", Form::Fraction),
            ("two out of five hundred tvs", "two out of five hundred", "0.004", Form::Fraction),
            ("2  1/4", "2  1/4", "2.25", Form::Cardinal),
            ("one hundred twenty fifth", "one hundred twenty fifth", "125", Form::Ordinal),
            ("two hundredth", "two hundredth", "200", Form::Ordinal),
            ("a hundred trillionth", "a hundred trillionth", "100000000000000", Form::Ordinal),
            ("twenty—fifth", "twenty—fifth", "25", Form::Ordinal),
            ("twentyfifth", "twentyfifth", "25", Form::Ordinal),
            ("one third", "one third", "0.3333333333333333333333333333", Form::Fraction),
        ] {
            assert_eq!(read(input), Some((span.to_owned(), value.to_owned(), form)), "{input}");
        }
    }
}
