//! The generative test: a seeded verbaliser writes random values as news
//! writes them (digits, words and mixed forms; integers to 10^15, decimals,
//! negatives, fractions, mixed numbers, ordinals, percentages, money in
//! every currency of the ISO 4217 table by code, sign and name, quantities
//! in every spelling of the unit table (`40 minutes and a half`) and one of
//! a unit after an article (`a mile and a half`, `3/4 of a mile`); dozens
//! with fractions; ratios (`1-in-4`); spelled numbers with commas between
//! groups; `a half-million`; vague amounts (`several hundred million
//! dollars`) and scores in digits and words; with and without qualifiers
//! (`about`, `1,200-odd`) and ranges) inside a sentence, and checks that the
//! finder reads back exactly that span with its value, kind, unit and
//! qualifier.
//!
//! 10,000 cases per run from a fixed seed; `BYLINE_SEED=N` runs another
//! seed, `BYLINE_CASES=N` another count. A failure prints the seed, the
//! case number and the text, so it can be replayed.

use byline_numbers::currencies::{ISO_4217, WORD_CODES, name_is_read};
use byline_numbers::{Decimal, NumberKind, Qualifier, find, unit_table};

mod verbalise;

use verbalise::{SCALES, SMALL, grouped, words};

/// SplitMix64: small, seedable and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }
    fn coin(&mut self) -> bool {
        self.next() & 1 == 1
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
    /// A magnitude spread over the orders of ten: as many 3-digit values as
    /// 12-digit ones.
    fn magnitude(&mut self, max_digits: u32) -> u64 {
        let digits = self.range(1, u64::from(max_digits)) as u32;
        self.range(if digits == 1 { 0 } else { 10u64.pow(digits - 1) }, 10u64.pow(digits) - 1)
    }
}

/// What the finder must report for the written phrase.
#[derive(Clone, Debug, PartialEq)]
struct Expect {
    kind: NumberKind,
    value: Option<Decimal>,
    min: Option<Decimal>,
    max: Option<Decimal>,
    unit: Option<String>,
    qualifier: Option<Qualifier>,
}

impl Expect {
    fn of(kind: NumberKind, value: Decimal) -> Expect {
        Expect { kind, value: Some(value), min: None, max: None, unit: None, qualifier: None }
    }
    fn unit(mut self, unit: &str) -> Expect {
        self.unit = Some(unit.to_owned());
        self
    }
}

/// A phrase and its reading, before the sentence around it.
struct Phrase {
    text: String,
    expect: Expect,
    /// Words the phrase needs next to it, outside its span: after a bare
    /// fraction (`three quarters of the vote`; `three quarters` alone are
    /// periods), before a score (its contest verb).
    tail: &'static str,
}

// ---------------------------------------------------------------- words

/// Ordinal words: `twenty-first`, `one hundred and third`, `millionth`.
fn ordinal_words(n: u64, and: bool) -> String {
    let cardinal = words(n, and);
    let (head, last) = match cardinal.rfind([' ', '-']) {
        Some(i) => cardinal.split_at(i + 1),
        None => ("", cardinal.as_str()),
    };
    let last = match last {
        "one" => "first".to_owned(),
        "two" => "second".to_owned(),
        "three" => "third".to_owned(),
        "five" => "fifth".to_owned(),
        "eight" => "eighth".to_owned(),
        "nine" => "ninth".to_owned(),
        "twelve" => "twelfth".to_owned(),
        w if w.ends_with('y') => format!("{}ieth", &w[..w.len() - 1]),
        w => format!("{w}th"),
    };
    format!("{head}{last}")
}

fn ordinal_suffix(n: u64) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// Digits that no reader takes for a year: grouped from four digits on.
fn digits(r: &mut Rng, n: u64) -> String {
    if n >= 1000 && (n <= 2100 || r.coin()) { grouped(n) } else { n.to_string() }
}

// ---------------------------------------------------------------- amounts

/// A positive amount written in one of the forms news uses, with its value:
/// digits, grouped digits, decimals, words, and mixed (`3.2 million`,
/// `twenty-five hundred`, `one and a half billion`, `a quarter of a
/// million`, `1.5bn`). A bare glued `m` is a million only before a
/// currency (`144.5m in total` may be metres), so `money` allows it.
fn amount(r: &mut Rng, money: bool) -> (String, Decimal) {
    match r.below(10) {
        0..=2 => {
            let n = r.magnitude(15).max(2);
            (digits(r, n), Decimal::from(n))
        }
        3 => {
            let n = r.magnitude(9).max(2);
            let and = r.coin();
            (if r.below(3) == 0 { comma_words(n, and) } else { words(n, and) }, Decimal::from(n))
        }
        4 => {
            // Decimals: `3.25`, `1,204.5`.
            let whole = r.magnitude(7);
            let places = r.range(1, 3) as u32;
            let frac = r.range(1, 10u64.pow(places) - 1);
            let value = Decimal::from(whole) + Decimal::new(frac as i64, places);
            let frac_text = format!("{frac:0width$}", width = places as usize);
            (format!("{}.{frac_text}", digits(r, whole)), value)
        }
        5 => {
            // `3.2 million`, `45 billion`, `1.5bn`.
            let (scale, name) = *r.pick(&SCALES[..3]);
            let whole = r.range(1, 999);
            let tenth = r.below(10);
            let number = if tenth > 0 { format!("{whole}.{tenth}") } else { whole.to_string() };
            let value = (Decimal::from(whole) + Decimal::new(tenth as i64, 1)) * Decimal::from(scale);
            let short = match name {
                "billion" => "bn",
                "million" if money => "m",
                "million" => "mn",
                _ => "tn",
            };
            if r.below(4) == 0 { (format!("{number}{short}"), value) } else { (format!("{number} {name}"), value) }
        }
        6 => {
            // `twenty-five hundred`: hundreds past a thousand.
            let hundreds = r.range(11, 99);
            if hundreds % 10 == 0 {
                return (format!("{} hundred", words(hundreds, false)), Decimal::from(hundreds * 100));
            }
            (format!("{} hundred", words(hundreds, false)), Decimal::from(hundreds * 100))
        }
        7 => {
            // `one and a half billion`, `two and a half million`.
            let (scale, name) = *r.pick(&SCALES[..3]);
            let whole = r.range(1, 9);
            (
                format!("{} and a half {name}", words(whole, false)),
                (Decimal::from(whole) + Decimal::new(5, 1)) * Decimal::from(scale),
            )
        }
        8 => {
            // `a quarter of a million`, `half a billion`, `a half-million`,
            // `three quarters of a million`.
            let (scale, name) = *r.pick(&SCALES[1..3]);
            let scale = Decimal::from(scale);
            match r.below(5) {
                0 => (format!("a quarter of a {name}"), scale / Decimal::from(4)),
                1 => (format!("half a {name}"), scale / Decimal::from(2)),
                // `a half-million`, `a quarter-billion`.
                2 => (format!("a half-{name}"), scale / Decimal::from(2)),
                3 => (format!("a quarter-{name}"), scale / Decimal::from(4)),
                _ => (format!("three quarters of a {name}"), scale * Decimal::new(75, 2)),
            }
        }
        _ => {
            // `4 million`, `12 thousand`: digits before a scale word.
            let (scale, name) = *r.pick(&SCALES);
            let n = r.range(2, 999);
            (format!("{n} {name}"), Decimal::from(n) * Decimal::from(scale))
        }
    }
}

/// `two million, forty thousand, three hundred and six`: words with a
/// comma after each scale word before a group that has its own `hundred`
/// or scale word (docs/numbers.md; `two thousand, six` is a list).
fn comma_words(n: u64, and: bool) -> String {
    let mut chunks: Vec<(String, bool)> = Vec::new();
    for (scale, name) in SCALES {
        let part = n / scale % 1000;
        if part > 0 {
            chunks.push((format!("{} {name}", words(part, and)), true));
        }
    }
    let rest = n % 1000;
    if rest > 0 {
        chunks.push((words(rest, and), rest >= 100));
    }
    let mut out = String::new();
    for (i, (chunk, grouped)) in chunks.iter().enumerate() {
        if i > 0 {
            out.push_str(if *grouped { ", " } else { " " });
        }
        out.push_str(chunk);
    }
    out
}

// ---------------------------------------------------------------- phrases

fn cardinal(r: &mut Rng) -> Phrase {
    let (text, value) = match r.below(7) {
        0 => {
            // Negative numbers: `-45`, `−45`, `minus 45`, `negative forty-five`.
            let n = r.magnitude(9).max(1);
            match r.below(4) {
                0 => (format!("minus {}", digits(r, n)), -Decimal::from(n)),
                1 => {
                    let n = n % 1000 + 1;
                    (format!("negative {}", words(n, false)), -Decimal::from(n))
                }
                _ => {
                    let sign = *r.pick(&["-", "\u{2212}"]);
                    (format!("{sign}{}", digits(r, n)), -Decimal::from(n))
                }
            }
        }
        1 => {
            // Fractions: `3/4`, `three quarters`, `two thirds`, `1 in 4`,
            // `one-in-four`.
            let den = r.range(2, 9);
            let num = r.range(1, den - 1);
            let value = Decimal::from(num) / Decimal::from(den);
            if r.below(4) == 0 {
                let sep = *r.pick(&[" in ", "-in-"]);
                if r.coin() {
                    (format!("{num}{sep}{den}"), value)
                } else {
                    (format!("{}{sep}{}", SMALL[num as usize], SMALL[den as usize]), value)
                }
            } else if r.coin() {
                (format!("{num}/{den}"), value)
            } else {
                let name = match den {
                    2 => "half".to_owned(),
                    4 => "quarter".to_owned(),
                    _ => ordinal_words(den, false),
                };
                let name = if num > 1 { if den == 2 { "halves".to_owned() } else { format!("{name}s") } } else { name };
                (format!("{} {name}", words(num, false)), value)
            }
        }
        2 => {
            // Mixed numbers: `2 1/2`, `two and a half`, `3 and 3/4`.
            let whole = r.range(1, 99);
            let (frac_words, frac_digits, frac) = *r.pick(&[
                ("a half", "1/2", Decimal::new(5, 1)),
                ("a quarter", "1/4", Decimal::new(25, 2)),
                ("three quarters", "3/4", Decimal::new(75, 2)),
            ]);
            let value = Decimal::from(whole) + frac;
            match r.below(3) {
                0 => (format!("{whole} {frac_digits}"), value),
                1 => (format!("{} and {frac_words}", words(whole, false)), value),
                _ => (format!("{whole} and {frac_digits}"), value),
            }
        }
        3 => {
            // Decimals in words: `three point two five`, `two thousand five
            // hundred and six point one` (a point right after a scale word,
            // `fifteen thousand point six`, is not read: docs/numbers.md).
            let whole = r.magnitude(6);
            let whole = if whole >= 1000 && whole % 1000 == 0 { whole + 1 } else { whole };
            let d1 = r.range(1, 9);
            let d2 = r.below(10);
            let value = Decimal::from(whole) + Decimal::new((d1 * 10 + d2) as i64, 2);
            let tail = if d2 == 0 {
                SMALL[d1 as usize].to_owned()
            } else {
                format!("{} {}", SMALL[d1 as usize], SMALL[d2 as usize])
            };
            let value = if d2 == 0 { Decimal::from(whole) + Decimal::new(d1 as i64, 1) } else { value };
            (format!("{} point {tail}", words(whole, r.coin())), value)
        }
        4 => {
            // Dozens with a fraction: `a dozen and a half`, `two dozens and
            // a quarter`, `three and a half dozen`.
            let n = r.range(1, 9);
            let (frac_words, frac) = *r.pick(&[
                ("a half", Decimal::new(5, 1)),
                ("a quarter", Decimal::new(25, 2)),
                ("three quarters", Decimal::new(75, 2)),
            ]);
            let head = if n == 1 && r.coin() { "a".to_owned() } else { words(n, false) };
            let dozen = if n > 1 && r.coin() { "dozens" } else { "dozen" };
            if r.coin() {
                (format!("{head} {dozen} and {frac_words}"), (Decimal::from(n) + frac) * Decimal::from(12))
            } else {
                (
                    format!("{} and a half dozen", words(n, false)),
                    (Decimal::from(n) + Decimal::new(5, 1)) * Decimal::from(12),
                )
            }
        }
        _ => amount(r, false),
    };
    let tail = if text.ends_with(['f', 'h', 's', 'r']) && !text.contains("and") { " of the vote" } else { "" };
    Phrase { text, expect: Expect::of(NumberKind::Cardinal, value), tail }
}

fn ordinal(r: &mut Rng) -> Phrase {
    let n = r.magnitude(6).max(1);
    let text = if r.coin() { format!("{n}{}", ordinal_suffix(n)) } else { ordinal_words(n, r.coin()) };
    Phrase { text, expect: Expect::of(NumberKind::Ordinal, Decimal::from(n)), tail: "" }
}

fn percent(r: &mut Rng) -> Phrase {
    let (number, value) = if r.coin() {
        let n = r.range(0, 999);
        let tenth = r.below(10);
        let value = Decimal::from(n) + Decimal::new(tenth as i64, 1);
        (if tenth > 0 { format!("{n}.{tenth}") } else { n.to_string() }, value)
    } else {
        let n = r.range(1, 100);
        (words(n, false), Decimal::from(n))
    };
    let sign = *r.pick(&["%", " %", " percent", " per cent", " pct"]);
    let text = if sign.ends_with('%') && number.contains(char::is_alphabetic) {
        format!("{number} percent")
    } else {
        format!("{number}{sign}")
    };
    Phrase { text, expect: Expect::of(NumberKind::Percent, value), tail: "" }
}

fn money(r: &mut Rng) -> Phrase {
    let currency = r.pick(ISO_4217);
    let (number, value) = amount(r, true);
    let code_reads = !WORD_CODES.contains(&currency.code);
    let mut forms: Vec<String> = Vec::new();
    if code_reads {
        forms.push(format!("{} {number}", currency.code));
        forms.push(format!("{number} {}", currency.code));
    }
    if name_is_read(currency) && currency.name.contains(' ') {
        forms.push(format!("{number} {}", currency.plural));
    }
    for symbol in currency.symbols {
        if !number.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        forms.push(format!("{symbol}{number}"));
    }
    if forms.is_empty() {
        return cardinal(r);
    }
    let text = r.pick(&forms).clone();
    Phrase { text, expect: Expect::of(NumberKind::Money, value).unit(currency.code), tail: "" }
}

fn quantity(r: &mut Rng) -> Phrase {
    if r.below(8) == 0 {
        return one_unit(r);
    }
    let units = unit_table();
    let unit = r.pick(&units);
    let spelling = r.pick(&unit.spellings);
    let (number, value) = if r.coin() {
        let n = r.range(2, 999);
        (digits(r, n), Decimal::from(n))
    } else {
        let n = r.range(2, 99);
        let whole = r.range(0, 999);
        (format!("{whole}.{n:02}"), Decimal::from(whole) + Decimal::new(n as i64, 2))
    };
    let gap = if spelling.glued_only { "" } else { " " };
    let mut text = format!("{number}{gap}{}", spelling.text);
    // `120-odd miles`, `40-plus hours`: a suffix between count and unit.
    if value.fract().is_zero() && !spelling.glued_only && r.below(8) == 0 {
        let (suffix, q) = *r.pick(&[("-odd", Qualifier::Approximately), ("-plus", Qualifier::AtLeast)]);
        let mut expect = Expect::of(NumberKind::Quantity, value).unit(unit.name);
        expect.qualifier = Some(q);
        return Phrase { text: format!("{number}{suffix} {}", spelling.text), expect, tail: "" };
    }
    let mut value = value;
    // `40 minutes and a half`: half of a unit written as a word after a
    // whole count.
    if value.fract().is_zero() && spelling.text.ends_with(|c: char| c.is_ascii_alphabetic()) && r.below(6) == 0 {
        text.push_str(" and a half");
        value += Decimal::new(5, 1);
    }
    Phrase { text, expect: Expect::of(NumberKind::Quantity, value).unit(unit.name), tail: "" }
}

/// `a mile`, `an acre and a half`, `an hour and a half`, `3/4 of a mile`:
/// one (and a half, or a fraction) of a unit after an article (a duration
/// only with its half).
fn one_unit(r: &mut Rng) -> Phrase {
    let (word, name, alone) = *r.pick(&[
        ("mile", "mile", true),
        ("kilometre", "kilometer", true),
        ("kilometer", "kilometer", true),
        ("metre", "meter", true),
        ("inch", "inch", true),
        ("litre", "liter", true),
        ("liter", "liter", true),
        ("gallon", "gallon", true),
        ("pint", "pint", true),
        ("acre", "acre", true),
        ("hectare", "hectare", true),
        ("kilogram", "kilogram", true),
        ("ounce", "ounce", true),
        ("year", "year", false),
        ("month", "month", false),
        ("week", "week", false),
        ("day", "day", false),
        ("hour", "hour", false),
        ("minute", "minute", false),
    ]);
    let article =
        if matches!(word.as_bytes()[0], b'a' | b'e' | b'i' | b'o' | b'u') || word == "hour" { "an" } else { "a" };
    let (text, value) = if alone && r.below(4) == 0 {
        // `3/4 of a mile`: a slash fraction of one unit.
        let den = *r.pick(&[2u64, 4, 5, 8, 10]);
        let num = r.range(1, den - 1);
        (format!("{num}/{den} of {article} {word}"), Decimal::from(num) / Decimal::from(den))
    } else if alone && r.coin() {
        (format!("{article} {word}"), Decimal::ONE)
    } else {
        (format!("{article} {word} and a half"), Decimal::new(15, 1))
    };
    Phrase { text, expect: Expect::of(NumberKind::Quantity, value).unit(name), tail: "" }
}

/// A qualifier before or a range around a phrase of digits, sometimes.
fn qualify(r: &mut Rng, p: Phrase) -> Phrase {
    // One qualifier a phrase: not before `120-odd miles`.
    if p.expect.value.is_none()
        || p.expect.qualifier.is_some()
        || p.expect.kind == NumberKind::Ordinal
        || r.below(3) != 0
    {
        return p;
    }
    // `1,200-odd`: a count in digits with `-odd` after it.
    let digits = !p.text.is_empty() && p.text.bytes().all(|c| c.is_ascii_digit() || c == b',');
    if digits && p.expect.kind == NumberKind::Cardinal && r.below(4) == 0 {
        let mut expect = p.expect;
        expect.qualifier = Some(Qualifier::Approximately);
        return Phrase { text: format!("{}-odd", p.text), expect, tail: p.tail };
    }
    let (word, q) = *r.pick(&[
        ("about", Qualifier::Approximately),
        ("around", Qualifier::Approximately),
        ("roughly", Qualifier::Approximately),
        ("more than", Qualifier::MoreThan),
        ("over", Qualifier::MoreThan),
        ("less than", Qualifier::LessThan),
        ("at least", Qualifier::AtLeast),
        ("at most", Qualifier::AtMost),
        ("up to", Qualifier::UpTo),
    ]);
    let mut expect = p.expect;
    expect.qualifier = Some(q);
    Phrase { text: format!("{word} {}", p.text), expect, tail: p.tail }
}

/// `between 20 and 30 <unit>`, `from $5 to $10`, `20 to 30 percent`.
fn range(r: &mut Rng) -> Phrase {
    let lo = r.range(2, 499);
    let hi = lo + r.range(1, 500);
    let (unit_text, kind, unit) = match r.below(4) {
        0 => ("", NumberKind::Cardinal, None),
        1 => (" percent", NumberKind::Percent, None),
        2 => (" kilometers", NumberKind::Quantity, Some("kilometer")),
        _ => (" euros", NumberKind::Money, Some("EUR")),
    };
    let text = match r.below(3) {
        0 => format!("between {lo} and {hi}{unit_text}"),
        1 => format!("from {lo} to {hi}{unit_text}"),
        _ => format!("{lo}-{hi}{unit_text}"),
    };
    let expect = Expect {
        kind,
        value: None,
        min: Some(Decimal::from(lo)),
        max: Some(Decimal::from(hi)),
        unit: unit.map(str::to_owned),
        qualifier: None,
    };
    Phrase { text, expect, tail: "" }
}

/// The sentence around a phrase: one a reporter could write, with nothing
/// else in it that reads as a number.
fn sentence(r: &mut Rng, p: &Phrase) -> (String, usize) {
    let before = match p.expect.kind {
        NumberKind::Ordinal => *r.pick(&["It was the ", "Officials called it the "]),
        _ => *r.pick(&["The report put it at ", "Officials said it came to ", "It reached "]),
    };
    let after = match p.expect.kind {
        NumberKind::Ordinal => *r.pick(&[" attempt this season.", " such case."]),
        _ => *r.pick(&[" on Monday.", ", officials said.", " in total."]),
    };
    // A score's contest verb comes before it: `The board voted 7-2 ...`.
    if p.expect.unit.as_deref() == Some("score") {
        let before = format!("The board {}", p.tail);
        return (format!("{before}{}{after}", p.text), before.len());
    }
    (format!("{before}{}{}{after}", p.text, p.tail), before.len())
}

/// `hundreds`, `tens of thousands of dollars`, `a handful`: approximate
/// ranges (docs/numbers.md, "Vague amounts").
fn vague(r: &mut Rng) -> Phrase {
    // Plurals take a unit after `of`; `a few` and `several` with a
    // singular multiple take it right after (`several thousand dollars`).
    let (head, multiple, of) = *r.pick(&[
        ("dozens", 12u64, " of"),
        ("hundreds", 100, " of"),
        ("thousands", 1_000, " of"),
        ("millions", 1_000_000, " of"),
        ("billions", 1_000_000_000, " of"),
        ("tens of thousands", 10_000, " of"),
        ("hundreds of thousands", 100_000, " of"),
        ("tens of millions", 10_000_000, " of"),
        ("hundreds of millions", 100_000_000, " of"),
        ("a few dozen", 12, ""),
        ("a few hundred", 100, ""),
        ("several thousand", 1_000, ""),
        ("several hundred thousand", 100_000, ""),
        ("a few million", 1_000_000, ""),
        ("several hundred million", 100_000_000, ""),
    ]);
    let (unit_word, kind, unit) = *r.pick(&[
        ("", NumberKind::Cardinal, None),
        (" dollars", NumberKind::Money, Some("USD")),
        (" euros", NumberKind::Money, Some("EUR")),
        (" miles", NumberKind::Quantity, Some("mile")),
    ]);
    let unit_text = if unit_word.is_empty() { String::new() } else { format!("{of}{unit_word}") };
    let m = Decimal::from(multiple);
    let (text, min, max) = if r.below(8) == 0 {
        let of_unit = if unit_word.is_empty() { String::new() } else { format!(" of{unit_word}") };
        (format!("a handful{of_unit}"), Decimal::from(2), Decimal::from(5))
    } else {
        (format!("{head}{unit_text}"), m * Decimal::from(2), m * Decimal::from(10) - Decimal::ONE)
    };
    let expect = Expect {
        kind,
        value: None,
        min: Some(min),
        max: Some(max),
        unit: unit.map(str::to_owned),
        qualifier: Some(Qualifier::Approximately),
    };
    Phrase { text, expect, tail: "" }
}

/// `7-2`, `50-50`: a tally after a contest verb (docs/numbers.md, "Scores
/// and votes").
fn score(r: &mut Rng) -> Phrase {
    let spelled = r.below(4) == 0;
    let hi = r.range(0, if spelled { 19 } else { 999 });
    let lo = r.range(0, hi);
    let dash = *r.pick(&["-", "\u{2013}"]);
    let verb = *r.pick(&["voted ", "won ", "ruled ", "finished "]);
    let expect = Expect::of(NumberKind::Cardinal, Decimal::from(hi)).unit("score");
    // `voted seven-two`: a side of one spelled word each.
    if spelled {
        let text = format!("{}-{}", SMALL[hi as usize], SMALL[lo as usize]);
        return Phrase { text, expect, tail: verb };
    }
    Phrase { text: format!("{hi}{dash}{lo}"), expect, tail: verb }
}

fn case(r: &mut Rng) -> Phrase {
    let p = match r.below(12) {
        0..=2 => cardinal(r),
        3 => ordinal(r),
        4 => percent(r),
        5..=6 => money(r),
        7..=8 => quantity(r),
        9 => return range(r),
        10 => return vague(r),
        _ => return score(r),
    };
    qualify(r, p)
}

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

#[test]
fn generated_numbers_read_back() {
    let seed = env_u64("BYLINE_SEED", 20_261_206);
    let cases = env_u64("BYLINE_CASES", 10_000);
    let mut r = Rng(seed);
    let mut failures = Vec::new();
    for n in 0..cases {
        let p = case(&mut r);
        let (text, at) = sentence(&mut r, &p);
        let found = find(&text);
        let got: Vec<(String, Expect)> = found
            .iter()
            .map(|x| {
                let e = Expect {
                    kind: x.kind,
                    value: x.value.map(|v| v.normalize()),
                    min: x.min.map(|v| v.normalize()),
                    max: x.max.map(|v| v.normalize()),
                    unit: x.unit.clone(),
                    qualifier: x.qualifier,
                };
                (x.span.text(&text).to_owned(), e)
            })
            .collect();
        let mut want = p.expect.clone();
        want.value = want.value.map(|v| v.normalize());
        want.min = want.min.map(|v| v.normalize());
        want.max = want.max.map(|v| v.normalize());
        let ok = got.len() == 1 && got[0].0 == p.text && got[0].1 == want && found[0].span.start == at;
        if !ok {
            failures.push(format!("seed {seed} case {n}: {text:?}\n   want {:?} {want:?}\n   got  {got:?}", p.text));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {cases} generated cases failed (replay with BYLINE_SEED={seed}):\n{}",
        failures.len(),
        failures.iter().take(60).cloned().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn every_currency_and_unit_reads_back() {
    // Each entry of both tables at least once, whatever the seed draws.
    let mut failures = Vec::new();
    for c in ISO_4217 {
        let mut texts = Vec::new();
        if !WORD_CODES.contains(&c.code) {
            texts.push(format!("It cost {} 250 in total.", c.code));
            texts.push(format!("It cost 250 {} in total.", c.code));
        }
        if name_is_read(c) && c.name.contains(' ') {
            texts.push(format!("It cost 250 {} in total.", c.plural));
        }
        for s in c.symbols {
            texts.push(format!("It cost {s}250 in total."));
        }
        for text in texts {
            let got = find(&text);
            let ok = got.len() == 1
                && got[0].kind == NumberKind::Money
                && got[0].unit.as_deref() == Some(c.code)
                && got[0].value == Some(Decimal::from(250));
            if !ok {
                failures.push(format!("{text:?}: {got:?}"));
            }
        }
    }
    for u in unit_table() {
        for s in &u.spellings {
            let gap = if s.glued_only { "" } else { " " };
            let text = format!("It measured 250{gap}{} in total.", s.text);
            let got = find(&text);
            let ok = got.len() == 1
                && got[0].kind == NumberKind::Quantity
                && got[0].unit.as_deref() == Some(u.name)
                && got[0].value == Some(Decimal::from(250));
            if !ok {
                failures.push(format!(
                    "{text:?}: {:?}",
                    got.iter().map(|n| (n.span.text(&text), n.kind, n.unit.clone())).collect::<Vec<_>>()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{} table entries failed:\n{}", failures.len(), failures.join("\n"));
}
