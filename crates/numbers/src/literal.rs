//! Numbers written with digits: `40`, `1,200`, `12,34,567.89` (Indian
//! grouping), `1 200` and `40\u{202f}000` (space groups), `.5`, `1e6`,
//! `1.1^23`, `3/4`, `21st`, `40k`, `$3bn`'s `3bn`.
//!
//! The lexer also recognises digit strings that are *not* numbers, so the
//! finder can skip them whole: dates (`5/17/2018`, `2018-05-17`,
//! `1995-01`), times and ratios (`10:30`), phone numbers (`+1-222-2222`,
//! `(555) 123-4567`), IP addresses and versions (`192.168.1.2`, `1.2.3`),
//! ISBNs, decades (`1990s`) and seasons (`2019/20`).
//!
//! Values are exact decimals. A literal with more than 28 integer digits, or
//! an exponent that leaves the decimal range, is rejected rather than
//! rounded: the finder reports nothing for it.

use rust_decimal::Decimal;

use crate::text::{digits_end, group_space_len, is_alnum, is_alpha};

/// A number written with digits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Literal {
    /// First byte (a digit, or `.` of `.5`).
    pub(crate) start: usize,
    /// One past the last byte (suffixes like `k` and `st` included).
    pub(crate) end: usize,
    /// The value, attached scale (`40k`) included.
    pub(crate) value: Decimal,
    /// Written as a whole number: digits and grouping only.
    pub(crate) int: bool,
    /// Digits before the decimal point (grouping not counted).
    pub(crate) int_digits: u8,
    /// Digits after the decimal point.
    pub(crate) decimals: u8,
    /// Had `,` or space grouping.
    pub(crate) grouped: bool,
    /// Starts with a zero followed by another digit (`0033`, `01.10`).
    pub(crate) leading_zero: bool,
    /// A slash fraction `a/b`; true when it is below one.
    pub(crate) fraction: Option<bool>,
    /// An ordinal: `21st`.
    pub(crate) ordinal: bool,
    /// The power of ten of an attached scale: `k` 3, `M` 6, `bn` 9.
    pub(crate) scale: Option<u8>,
    /// Written with an exponent or a power (`1e6`, `1.1^23`).
    pub(crate) exponent: bool,
}

impl Literal {
    /// A plain whole number with no suffix, sign or grouping: the shape of
    /// years, model numbers and list items.
    pub(crate) fn is_bare_int(&self) -> bool {
        self.int && !self.grouped && self.scale.is_none() && !self.ordinal && self.fraction.is_none()
    }

    /// A four-digit whole number from 1000 to 2100: read as a year unless
    /// context says otherwise.
    pub(crate) fn is_yearish(&self) -> bool {
        self.is_bare_int()
            && self.int_digits == 4
            && !self.leading_zero
            && self.value >= Decimal::from(1000)
            && self.value <= Decimal::from(2100)
    }
}

/// The outcome of lexing at a digit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Lexed {
    /// A number.
    Num(Literal),
    /// A digit string that is not a number; skip to this end.
    Reject(usize),
}

/// Longest exponent accepted (`1e28`), and longest power (`2^96`).
const MAX_EXPONENT: u32 = 28;
const MAX_POWER: u32 = 96;

/// Lexes the literal at `i` (a digit, or `.` before a digit). `ascii_groups`
/// allows an ASCII space between digit groups (`1 234 567`).
pub(crate) fn lex(text: &str, i: usize, ascii_groups: bool) -> Lexed {
    let b = text.as_bytes();
    let start = i;
    let mut digits = DigitBuf::default();
    let mut j = i;
    let mut int_digits = 0usize;
    while j < b.len() && b[j].is_ascii_digit() {
        digits.push(b[j]);
        j += 1;
        int_digits += 1;
    }
    let leading_zero = int_digits > 1 && b[start] == b'0';

    if let Some(lit) = european(text, start, j) {
        return Lexed::Num(lit);
    }
    if int_digits > 0 {
        if let Some(end) = not_a_number(b, start, j) {
            return Lexed::Reject(end);
        }
    }

    // Grouping: `1,234,567`, `12,34,567`, `1 234 567`.
    let mut grouped = false;
    if (1..=3).contains(&int_digits) {
        let groups_end = if b.get(j) == Some(&b',') {
            comma_groups(b, j, int_digits)
        } else {
            match space_groups(b, j, ascii_groups) {
                Some((end, true)) => return Lexed::Reject(end),
                Some((end, false)) => Some(end),
                None => None,
            }
        };
        if let Some(end) = groups_end {
            for &d in b[j..end].iter().filter(|d| d.is_ascii_digit()) {
                digits.push(d);
                int_digits += 1;
            }
            j = end;
            grouped = true;
        }
    }

    // Decimals; a second point makes it a version, an address or a date.
    let mut decimals = 0usize;
    if b.get(j) == Some(&b'.') && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
        let mut k = j + 1;
        digits.push(b'.');
        while k < b.len() && b[k].is_ascii_digit() {
            digits.push(b[k]);
            k += 1;
            decimals += 1;
        }
        if b.get(k) == Some(&b'.') && b.get(k + 1).is_some_and(u8::is_ascii_digit) {
            return Lexed::Reject(code_end(b, k));
        }
        j = k;
    }
    if int_digits == 0 && decimals == 0 {
        return Lexed::Reject(j.max(i + 1));
    }
    if int_digits > 28 || digits.overflowed {
        return Lexed::Reject(code_end(b, j));
    }
    let Some(mut value) = digits.value() else { return Lexed::Reject(code_end(b, j)) };
    let mut lit = Literal {
        start,
        end: j,
        value,
        int: decimals == 0,
        int_digits: int_digits.min(255) as u8,
        decimals: decimals.min(255) as u8,
        grouped,
        leading_zero,
        fraction: None,
        ordinal: false,
        scale: None,
        exponent: false,
    };

    // Scientific notation `1.3x10^6`, `2.5 × 10^-3`.
    if let Some(k) = times_ten_caret(b, j) {
        if b.get(k).is_some_and(|&c| {
            c.is_ascii_digit() || (matches!(c, b'+' | b'-') && b.get(k + 1).is_some_and(u8::is_ascii_digit))
        }) {
            return exponent(b, lit, k, false);
        }
    }
    // Exponent `1.3e6`, power `1.1^23`.
    match (b.get(j), b.get(j + 1), b.get(j + 2)) {
        (Some(b'e' | b'E'), Some(d), _) if d.is_ascii_digit() => return exponent(b, lit, j + 1, false),
        (Some(b'e' | b'E'), Some(b'+' | b'-'), Some(d)) if d.is_ascii_digit() => {
            return exponent(b, lit, j + 1, false);
        }
        (Some(b'^'), Some(d), _) if d.is_ascii_digit() => return exponent(b, lit, j + 1, true),
        (Some(b'^'), Some(b'+' | b'-'), Some(d)) if d.is_ascii_digit() => return exponent(b, lit, j + 1, true),
        _ => {}
    }

    // Slash fraction `3/4`; a second slash or a hyphen makes it a date.
    if lit.int && !grouped && b.get(j) == Some(&b'/') && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
        let k = digits_end(b, j + 1);
        if matches!(b.get(k), Some(b'/' | b'-')) && b.get(k + 1).is_some_and(u8::is_ascii_digit) {
            return Lexed::Reject(code_end(b, k));
        }
        let num = &text[start..j];
        let den = &text[j + 1..k];
        if k - (j + 1) > 9 || is_alnum_at(b, k) || idiom_fraction(num, den) {
            return Lexed::Reject(code_end(b, k));
        }
        let den_value = den.parse::<u64>().map(Decimal::from).unwrap_or(Decimal::ZERO);
        if den_value.is_zero() {
            return Lexed::Reject(k);
        }
        let Some(v) = value.checked_div(den_value) else { return Lexed::Reject(k) };
        lit.value = v;
        lit.int = false;
        lit.fraction = Some(value < den_value);
        lit.end = k;
        return Lexed::Num(lit);
    }

    // `the 1990's`, `in their 40's`: decades, as `1990s` (below).
    if lit.int && value.fract().is_zero() && (value % Decimal::TEN).is_zero() && !value.is_zero() {
        let apostrophe = match (b.get(j), b.get(j + 1), b.get(j + 2)) {
            (Some(b'\''), _, _) => 1,
            (Some(0xE2), Some(0x80), Some(0x99)) => 3,
            _ => 0,
        };
        let s = j + apostrophe;
        if apostrophe > 0 && matches!(b.get(s), Some(b's' | b'S')) && !is_alnum_at(b, s + 1) {
            return Lexed::Reject(s + 1);
        }
    }
    // Letters right after the digits: an ordinal suffix, a decade, a scale.
    if b.get(j).copied().is_some_and(is_alpha) {
        let mut w = j;
        while w < b.len() && is_alpha(b[w]) {
            w += 1;
        }
        let suffix = &text[j..w];
        let after_ok = !is_alnum_at(b, w);
        if lit.int && after_ok && is_ordinal_suffix(suffix) {
            lit.ordinal = true;
            lit.end = w;
            return Lexed::Num(lit);
        }
        if lit.int && after_ok && (suffix == "s" || suffix == "S") {
            // Decades and plural numerals: `1990s`, `80s`.
            return Lexed::Reject(w);
        }
        if after_ok && !lit.ordinal {
            if let Some(exp) = attached_scale(suffix, decimals > 0 || grouped) {
                value = match value.checked_mul(pow10(exp)) {
                    Some(v) => v,
                    None => return Lexed::Reject(w),
                };
                lit.value = value;
                lit.scale = Some(exp);
                lit.end = w;
            }
        }
    }
    Lexed::Num(lit)
}

/// After a mantissa ending at `j`: the end of `x10^`, `X10^`, `×10^` (with
/// optional spaces around the sign), where the exponent starts.
fn times_ten_caret(b: &[u8], j: usize) -> Option<usize> {
    let mut k = j + usize::from(b.get(j) == Some(&b' '));
    k += match (b.get(k), b.get(k + 1)) {
        (Some(b'x' | b'X'), _) => 1,
        (Some(0xC3), Some(0x97)) => 2,
        _ => return None,
    };
    k += usize::from(b.get(k) == Some(&b' '));
    (b.get(k..k + 3) == Some(b"10^")).then_some(k + 3)
}

/// European style where it is unambiguous: `1.111,11` (points group the
/// thousands, a comma before one or two decimals) anywhere; `5,00` and
/// `1,5` (a decimal comma and one or two digits, no point groups) only
/// before a currency, a unit or a scale word (`5,00 euros`, `1,5
/// million`), since `22,24` alone may be a list.
fn european(text: &str, start: usize, j: usize) -> Option<Literal> {
    let b = text.as_bytes();
    let int_len = j - start;
    if !(1..=4).contains(&int_len) {
        return None;
    }
    let mut k = j;
    let mut groups = 0;
    while int_len <= 3
        && b.get(k) == Some(&b'.')
        && digits_end(b, k + 1) == k + 4
        && matches!(b.get(k + 4), Some(b'.' | b','))
    {
        k += 4;
        groups += 1;
    }
    if b.get(k) != Some(&b',') {
        return None;
    }
    let frac_end = digits_end(b, k + 1);
    let decimals = frac_end - (k + 1);
    let after_digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    if !(1..=2).contains(&decimals)
        || is_alnum_at(b, frac_end)
        || (matches!(b.get(frac_end), Some(b',' | b'.')) && after_digit(frac_end + 1))
    {
        return None;
    }
    if groups == 0 {
        let scale = crate::context::next_word(b, frac_end).is_some_and(|(s, _, w)| {
            s > frac_end
                && matches!(w.as_str(), "thousand" | "million" | "billion" | "trillion" | "mln" | "mio" | "mrd" | "bn")
        });
        if !(scale || crate::units::unit_follows(text, frac_end)) {
            return None;
        }
    }
    let whole: String = text[start..k].chars().filter(char::is_ascii_digit).collect();
    let value: Decimal = format!("{whole}.{}", &text[k + 1..frac_end]).parse().ok()?;
    Some(Literal {
        start,
        end: frac_end,
        value,
        int: false,
        int_digits: whole.len().min(255) as u8,
        decimals: decimals as u8,
        grouped: groups > 0,
        leading_zero: whole.len() > 1 && whole.starts_with('0'),
        fraction: None,
        ordinal: false,
        scale: None,
        exponent: false,
    })
}

/// Digits collected into a stack buffer, then parsed exactly.
struct DigitBuf {
    buf: [u8; 64],
    len: usize,
    overflowed: bool,
}

impl Default for DigitBuf {
    fn default() -> DigitBuf {
        DigitBuf { buf: [0; 64], len: 0, overflowed: false }
    }
}

impl DigitBuf {
    fn push(&mut self, d: u8) {
        if self.len < self.buf.len() {
            self.buf[self.len] = d;
            self.len += 1;
        } else {
            self.overflowed = true;
        }
    }

    fn value(&self) -> Option<Decimal> {
        let s = std::str::from_utf8(&self.buf[..self.len]).ok()?;
        let s = if s.starts_with('.') { return format!("0{s}").parse().ok() } else { s };
        s.parse().ok()
    }
}

/// `10^exp` as a decimal (`exp` <= 28).
pub(crate) fn pow10(exp: u8) -> Decimal {
    Decimal::from_i128_with_scale(10i128.pow(u32::from(exp.min(28))), 0)
}

fn is_alnum_at(b: &[u8], i: usize) -> bool {
    b.get(i).copied().is_some_and(is_alnum)
}

/// Applies an exponent or a power written at `i` (after `e`/`^`).
fn exponent(b: &[u8], mut lit: Literal, i: usize, power: bool) -> Lexed {
    let mut k = i;
    let negative = b[k] == b'-';
    if matches!(b[k], b'+' | b'-') {
        k += 1;
    }
    let digits_start = k;
    k = digits_end(b, k);
    if is_alnum_at(b, k) || k - digits_start > 3 {
        return Lexed::Reject(code_end(b, k));
    }
    let e: u32 = std::str::from_utf8(&b[digits_start..k]).ok().and_then(|s| s.parse().ok()).unwrap_or(u32::MAX);
    let value = if power {
        if e > MAX_POWER {
            None
        } else {
            let mut v = Decimal::ONE;
            let mut ok = true;
            for _ in 0..e {
                match v.checked_mul(lit.value) {
                    Some(x) => v = x,
                    None => ok = false,
                }
            }
            if !ok {
                None
            } else if negative {
                Decimal::ONE.checked_div(v)
            } else {
                Some(v)
            }
        }
    } else if e > MAX_EXPONENT {
        None
    } else if negative {
        lit.value.checked_div(pow10(e as u8))
    } else {
        lit.value.checked_mul(pow10(e as u8))
    };
    match value {
        // A result too small to show (1e-30) is as unbounded as a huge one.
        Some(v) if !v.is_zero() || lit.value.is_zero() => {
            lit.value = v;
            lit.int = false;
            lit.exponent = true;
            lit.end = k;
            Lexed::Num(lit)
        }
        _ => Lexed::Reject(k),
    }
}

/// Valid `,` groups from `i` (a comma after `first` leading digits): the end
/// of the last group. Standard groups are three digits; Indian grouping has
/// two-digit groups before a final three (`12,34,567`).
fn comma_groups(b: &[u8], i: usize, first: usize) -> Option<usize> {
    let mut k = i;
    let mut lens = [0usize; 16];
    let mut n = 0;
    while b.get(k) == Some(&b',') && b.get(k + 1).is_some_and(u8::is_ascii_digit) {
        let e = digits_end(b, k + 1);
        if n == lens.len() {
            return None;
        }
        lens[n] = e - k - 1;
        n += 1;
        k = e;
    }
    let lens = &lens[..n];
    let standard = !lens.is_empty() && lens.iter().all(|&l| l == 3);
    let indian =
        first <= 2 && lens.len() >= 2 && lens.last() == Some(&3) && lens[..lens.len() - 1].iter().all(|&l| l == 2);
    (standard || indian).then_some(k)
}

/// Space groups from `i`: three-digit groups after a grouping space. The
/// flag is true for digit soup (`555 123 4567`) that is no number at all.
fn space_groups(b: &[u8], i: usize, ascii_ok: bool) -> Option<(usize, bool)> {
    let mut k = i;
    let mut any_ascii = false;
    loop {
        let (n, ascii) = group_space_len(b, k);
        if n == 0 || (ascii && !ascii_ok) {
            break;
        }
        let d = k + n;
        let e = digits_end(b, d);
        if e - d != 3 {
            if ascii && any_ascii && e > d {
                return Some((e, true));
            }
            break;
        }
        // `3 100-metre races`, `5 300/400`: the second group is its own number.
        if ascii && (matches!(b.get(e), Some(b'-' | b'/' | b':')) || is_alnum_at(b, e)) {
            break;
        }
        any_ascii |= ascii;
        k = e;
    }
    (k > i).then_some((k, false))
}

/// Digit strings glued to `-`, `.`, `/` or `:` with more digits that are
/// dates, times, phone numbers or codes: the end to skip to.
fn not_a_number(b: &[u8], start: usize, end: usize) -> Option<usize> {
    let run = end - start;
    match b.get(end) {
        // `10:30`, `3:1`, `John 3:16`.
        Some(b':') if b.get(end + 1).is_some_and(u8::is_ascii_digit) => return Some(code_end(b, end)),
        // `2018-05-17`, `1-800-555-1234`, `978-3-16-148410-0`, `1995-01`, `2019-20`.
        Some(b'-') if b.get(end + 1).is_some_and(u8::is_ascii_digit) => {
            let mut k = end;
            let mut groups = 1;
            let mut second = 0;
            while b.get(k) == Some(&b'-') && b.get(k + 1).is_some_and(u8::is_ascii_digit) {
                let e = digits_end(b, k + 1);
                if groups == 1 {
                    second = e - k - 1;
                }
                groups += 1;
                k = e;
            }
            let yearish = run == 4 && matches!(b[start], b'1' | b'2');
            if groups >= 3 || (groups == 2 && yearish && second == 2) {
                return Some(code_end(b, k));
            }
        }
        _ => {}
    }
    // `+44 20 7946 0958`, `+1-222-2222`: a leading plus with many digits.
    if start > 0 && b[start - 1] == b'+' && !(start > 1 && is_alnum(b[start - 2])) {
        let (e, count) = digit_run_with_separators(b, start);
        if count >= 7 {
            return Some(e);
        }
    }
    // `(555) 123-4567`.
    if run == 3 && start > 0 && b[start - 1] == b'(' && b.get(end) == Some(&b')') {
        let mut rest = b.get(end + 1..).unwrap_or(&[]);
        let mut skip = 1;
        if rest.first() == Some(&b' ') {
            rest = &rest[1..];
            skip = 2;
        }
        let shape = rest.len() >= 8
            && rest[0..3].iter().all(u8::is_ascii_digit)
            && matches!(rest[3], b'-' | b'.')
            && rest[4..8].iter().all(u8::is_ascii_digit);
        if shape {
            return Some(end + skip + 8);
        }
    }
    None
}

/// Digits with single separators (`-`, `.`, space, `/`, parentheses) from
/// `i`: the end and the digit count.
fn digit_run_with_separators(b: &[u8], i: usize) -> (usize, usize) {
    let mut k = i;
    let mut count = 0;
    let mut end = i;
    while k < b.len() {
        if b[k].is_ascii_digit() {
            count += 1;
            k += 1;
            end = k;
        } else if matches!(b[k], b'-' | b'.' | b' ' | b'/' | b'(' | b')')
            && b.get(k + 1).is_some_and(|c| c.is_ascii_digit() || *c == b'(')
        {
            k += 1;
        } else {
            break;
        }
    }
    (end, count)
}

/// The end of a code: digits, letters and the separators between them.
fn code_end(b: &[u8], mut k: usize) -> usize {
    while k < b.len() {
        if is_alnum(b[k]) {
            k += 1;
        } else if matches!(b[k], b'.' | b'-' | b'/' | b':') && b.get(k + 1).copied().is_some_and(is_alnum) {
            k += 2;
        } else {
            break;
        }
    }
    k
}

fn is_ordinal_suffix(s: &str) -> bool {
    matches!(s.to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th")
}

/// Fractions that are names, not values: `24/7`, `9/11`, `7/7`, and
/// seasons like `2019/20`.
fn idiom_fraction(num: &str, den: &str) -> bool {
    matches!((num, den), ("24", "7") | ("9", "11") | ("7", "7") | ("4", "20"))
        || (num.len() == 4 && (num.starts_with("19") || num.starts_with("20")) && matches!(den.len(), 2 | 4))
}

/// The power of ten of a scale written right after the digits.
fn attached_scale(s: &str, decimal_or_grouped: bool) -> Option<u8> {
    match s {
        "k" | "K" | "thousand" => Some(3),
        "M" | "mn" | "Mn" | "MN" | "mln" | "Mln" | "mil" | "Mil" | "mill" | "million" => Some(6),
        "b" | "B" | "bn" | "Bn" | "BN" | "bln" | "Bln" | "bil" | "billion" => Some(9),
        "tn" | "Tn" | "TN" | "trn" | "trillion" => Some(12),
        "G" if decimal_or_grouped => Some(9),
        "T" if decimal_or_grouped => Some(12),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(text: &str) -> Option<(String, String)> {
        match lex(text, usize::from(text.starts_with(['+', '('])), true) {
            Lexed::Num(l) => Some((text[l.start..l.end].to_owned(), l.value.normalize().to_string())),
            Lexed::Reject(_) => None,
        }
    }

    #[test]
    fn literals() {
        for (input, span, value) in [
            ("192.", "192", "192"),
            (".23456000", ".23456000", "0.23456"),
            ("1,234,567 x", "1,234,567", "1234567"),
            ("12,34,567.89", "12,34,567.89", "1234567.89"),
            ("22,24,26", "22", "22"),
            ("1,3", "1", "1"),
            ("1 234 567", "1 234 567", "1234567"),
            ("40\u{202f}000", "40\u{202f}000", "40000"),
            ("2006 95%", "2006", "2006"),
            ("100k", "100k", "100000"),
            ("1.2b", "1.2b", "1200000000"),
            ("3bn", "3bn", "3000000000"),
            ("1.3e6", "1.3e6", "1300000"),
            ("1.1^23", "1.1^23", "8.95430243255237372246531"),
            ("2.5^-1", "2.5^-1", "0.4"),
            ("3/4", "3/4", "0.75"),
            ("21st", "21st", "21"),
            ("1,674.5G", "1,674.5G", "1674500000000"),
            ("0033", "0033", "33"),
        ] {
            assert_eq!(num(input), Some((span.to_owned(), value.to_owned())), "{input}");
        }
    }

    #[test]
    fn not_numbers() {
        for input in [
            "5/17/2018",
            "2018-05-17",
            "1995-01",
            "10:30",
            "192.168.1.2",
            "1.2.3",
            "1990s",
            "978-3-16-148410-0",
            "+44 20 7946 0958",
            "(555) 123-4567",
            "24/7",
            "2019/20",
            "1e99",
        ] {
            assert_eq!(num(input), None, "{input}");
        }
    }
}
