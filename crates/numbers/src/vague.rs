//! Vague amounts: `hundreds of workers`, `thousands`, `tens of thousands`,
//! `hundreds of millions of dollars`, `dozens`, `a handful`.
//!
//! Each is a cardinal (or money, or a quantity, when `of` and a unit
//! follow: `millions of dollars`) with qualifier `approximately` and a
//! documented range. A plural multiple `Xs` is "more than one X and fewer
//! than ten": `min` = 2·X, `max` = 10·X − 1 (`hundreds` 200..999, `dozens`
//! 24..119, `tens` 20..99); nested plurals multiply (`tens of thousands`
//! 20,000..99,999, `hundreds of millions` 200,000,000..999,999,999).
//! `a handful` is 2..5. `tens` counts only before `of` (`the tens` is a
//! column); the others also alone (`Thousands gathered`). A number word
//! before (`three hundreds`) is read by the grammar, never here.
//! `a few` or `several` before a singular multiple is the same amount as
//! its plural (`a few hundred` and `several hundred` 200..999, `several
//! hundred million` 200,000,000..999,999,999), and takes a unit right
//! after it (`a few thousand dollars`); `a few` and `several` alone count
//! nothing.

use rust_decimal::Decimal;

use crate::context::{next_word, prev_word};
use crate::text::{lower, word_end};
use crate::units::{Code, Factor, Meaning, UnitMatch, unit_after};
use byline_core::{Number, NumberKind, Qualifier, Span};

/// A vague amount found at a word.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Vague {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) min: Decimal,
    pub(crate) max: Decimal,
    /// `of dollars`, `of miles`: the unit after `of`, read into the span.
    pub(crate) unit: Option<UnitMatch>,
}

/// The multiple a plural stands for: `hundreds` 100.
fn plural_multiple(w: &str) -> Option<u64> {
    Some(match w {
        "tens" => 10,
        "dozens" => 12,
        "hundreds" => 100,
        "thousands" => 1_000,
        "millions" => 1_000_000,
        "billions" => 1_000_000_000,
        "trillions" => 1_000_000_000_000,
        _ => return None,
    })
}

/// The multiple a singular word stands for after `a few`/`several`.
fn singular_multiple(w: &str) -> Option<u64> {
    Some(match w {
        "dozen" => 12,
        "hundred" => 100,
        "thousand" => 1_000,
        "million" => 1_000_000,
        "billion" => 1_000_000_000,
        "trillion" => 1_000_000_000_000,
        _ => return None,
    })
}

/// True for a word that may start a vague amount: the scan's cheap test,
/// run on every word, so it compares bytes before anything else.
pub(crate) fn may_start(b: &[u8], start: usize, end: usize) -> bool {
    let w = &b[start..end];
    let is = |word: &str| w.eq_ignore_ascii_case(word.as_bytes());
    match w.len() {
        // `a handful`, `a few`: only when one of those words follows the space.
        1 => {
            let next = |word: &[u8]| b.get(end + 1..end + 1 + word.len()).is_some_and(|n| n.eq_ignore_ascii_case(word));
            (w[0] | 0x20) == b'a' && b.get(end) == Some(&b' ') && (next(b"handful") || next(b"few"))
        }
        4 => is("tens"),
        6 => is("dozens"),
        7 => is("several"),
        8 => is("hundreds") || is("millions") || is("billions"),
        9 => is("thousands") || is("trillions"),
        _ => false,
    }
}

/// The vague amount starting at the word `start..end`, not reaching back
/// before `floor`.
pub(crate) fn vague_at(text: &str, floor: usize, start: usize, end: usize) -> Option<Vague> {
    let b = text.as_bytes();
    let w = lower(b, start, end)?;
    // `a handful (of)`, `a few hundred`.
    if w.as_str() == "a" {
        let (s, e, next) = next_word(b, end)?;
        if s == end {
            return None;
        }
        if next.as_str() == "few" {
            return few_multiple(text, start, e);
        }
        if next.as_str() != "handful" {
            return None;
        }
        let mut v = Vague { start, end: e, min: Decimal::from(2), max: Decimal::from(5), unit: None };
        of_unit(text, &mut v);
        return Some(v);
    }
    if w.as_str() == "several" {
        return few_multiple(text, start, end);
    }
    let mut multiple = Decimal::from(plural_multiple(w.as_str())?);
    // `three hundreds`, `the 1990s`: a count before makes it no vague amount.
    if prev_word(b, floor, start).is_some_and(|(_, p)| crate::words::number_word(p.as_str()).is_some()) {
        return None;
    }
    let mut v_end = end;
    // `tens of thousands`, `hundreds of millions`.
    while let Some((s, e, of)) = next_word(b, v_end) {
        if s == v_end || of.as_str() != "of" {
            break;
        }
        let Some((s2, e2, next)) = next_word(b, e) else { break };
        if s2 == e {
            break;
        }
        match plural_multiple(next.as_str()) {
            Some(m) if m > 12 && Decimal::from(m) > multiple => {
                multiple = multiple.checked_mul(Decimal::from(m))?;
                v_end = e2;
            }
            _ => break,
        }
    }
    let tens_alone = w.as_str() == "tens" && v_end == end;
    if tens_alone && next_word(b, end).is_none_or(|(_, _, n)| n.as_str() != "of") {
        return None;
    }
    let min = multiple.checked_mul(Decimal::from(2))?;
    let max = multiple.checked_mul(Decimal::from(10))? - Decimal::ONE;
    let mut v = Vague { start, end: v_end, min, max, unit: None };
    of_unit(text, &mut v);
    Some(v)
}

/// `a few hundred`, `several thousand dollars`, `several hundred million`:
/// the amount after `a few`/`several` (ending at `i`) that starts at `start`.
fn few_multiple(text: &str, start: usize, i: usize) -> Option<Vague> {
    let b = text.as_bytes();
    let mut multiple = Decimal::ZERO;
    let mut end = i;
    // `hundred`, then larger scales that multiply it (`hundred thousand`).
    while let Some((s, e, w)) = next_word(b, end) {
        let Some(m) = singular_multiple(w.as_str()).map(Decimal::from) else { break };
        if s == end
            || crate::text::hyphen_len(b, e) > 0
            || (!multiple.is_zero() && (m <= multiple || m < Decimal::from(1000)))
        {
            break;
        }
        multiple = if multiple.is_zero() { m } else { multiple.checked_mul(m)? };
        end = e;
    }
    if multiple.is_zero() {
        return None;
    }
    let min = multiple.checked_mul(Decimal::from(2))?;
    let max = multiple.checked_mul(Decimal::from(10))? - Decimal::ONE;
    let mut v = Vague { start, end, min, max, unit: None };
    // `a few thousand dollars`: a unit right after, as after a number.
    match unit_after(text, end) {
        Some(u) if u.end > end + 1 && matches!(u.meaning, Meaning::Money(_, Factor::One) | Meaning::Quantity(..)) => {
            v.unit = Some(u);
            v.end = u.end;
        }
        _ => of_unit(text, &mut v),
    }
    Some(v)
}

/// `of dollars`, `of miles`, `of euros`: a unit after `of` joins the span.
fn of_unit(text: &str, v: &mut Vague) {
    let b = text.as_bytes();
    let Some((s, e, of)) = next_word(b, v.end) else { return };
    if s == v.end || of.as_str() != "of" || word_end(b, s) != e {
        return;
    }
    // A unit word (`of dollars`), not a sign that starts an amount (`of $12`).
    if crate::context::next_word(b, e).is_none_or(|(s2, _, _)| s2 <= e) {
        return;
    }
    let Some(u) = unit_after(text, e) else { return };
    if u.end > e + 1 && matches!(u.meaning, Meaning::Money(_, Factor::One) | Meaning::Quantity(..)) {
        v.unit = Some(u);
        v.end = u.end;
    }
}

/// Adds the vague amounts to the numbers found, in text order.
pub(crate) fn merge(out: &mut Vec<Number>, vague: &[Vague], dollar: &str) {
    for v in vague {
        let (kind, unit) = match v.unit.map(|u| u.meaning) {
            Some(Meaning::Money(Code::Dollar, _)) => (NumberKind::Money, Some(dollar.to_owned())),
            Some(Meaning::Money(Code::Iso(code), _)) => (NumberKind::Money, Some(code.to_owned())),
            Some(Meaning::Quantity(name, _)) => (NumberKind::Quantity, Some(name.to_owned())),
            _ => (NumberKind::Cardinal, None),
        };
        let at = out.partition_point(|n| n.span.start < v.start);
        out.insert(
            at,
            Number {
                span: Span::new(v.start, v.end),
                kind,
                value: None,
                min: Some(v.min),
                max: Some(v.max),
                unit,
                qualifier: Some(Qualifier::Approximately),
            },
        );
    }
}
