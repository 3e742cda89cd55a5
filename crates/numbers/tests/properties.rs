//! Properties of `find` on generated inputs: it never panics, its spans are
//! in bounds, on char boundaries, sorted and disjoint, and a value written
//! out (digits, words, money, percent, ordinal) reads back as itself.

use byline_numbers::{Decimal, NumberKind, find};
use proptest::prelude::*;

/// Number-like fragments, glued with random separators: the inputs most
/// likely to reach odd corners of the grammar.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "one",
            "twenty",
            "-",
            "hundred",
            "and",
            "a",
            "half",
            "million",
            "$",
            "€",
            "£",
            "US$",
            "%",
            "percent",
            "per",
            "cent",
            "between",
            "more than",
            "up to",
            "about",
            "or more",
            "km",
            "kg",
            "°",
            "C",
            "years",
            "old",
            "of",
            "point",
            "thirds",
            "fifth",
            "first",
            "dozen",
            "couple",
            "/",
            ".",
            ",",
            ":",
            "(",
            ")",
            "[",
            "]",
            "½",
            "May",
            "in",
            "over",
            "out",
            "e",
            "^",
            "k",
            "M",
            "bn",
            "x",
            "\u{2009}",
            "\u{a0}",
            "–",
            "—",
            "−",
            "~",
            "<",
            ">=",
            "lakh",
            "crore",
            "cents",
            "pounds",
            "Boeing",
            "One",
            "the",
            "\n",
            "\n\n",
            "é",
            "東京",
            "🎉",
        ])
        .prop_map(str::to_owned),
        "[0-9]{1,6}",
        "[0-9]{1,3}(,[0-9]{3}){0,3}(\\.[0-9]{1,3})?",
        "\\PC{0,3}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec((fragment(), prop::sample::select(vec!["", " ", "  ", "-", "\n"])), 0..24)
        .prop_map(|parts| parts.into_iter().map(|(f, sep)| format!("{f}{sep}")).collect())
}

fn check_spans(text: &str) {
    let numbers = find(text);
    let mut prev_end = 0;
    for n in &numbers {
        let s = n.span;
        assert!(s.start < s.end && s.end <= text.len(), "span {s} out of bounds in {text:?}");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "span {s} splits a char in {text:?}");
        assert!(s.start >= prev_end, "span {s} overlaps or is out of order in {text:?}");
        prev_end = s.end;
        match (n.value, n.min, n.max) {
            (Some(_), None, None) => {}
            (None, Some(lo), Some(hi)) => assert!(lo < hi, "empty range {lo}..{hi} in {text:?}"),
            other => panic!("bad value fields {other:?} in {text:?}"),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn spans_are_well_formed_on_number_soup(text in text()) {
        check_spans(&text);
    }

    #[test]
    fn spans_are_well_formed_on_any_text(text in "\\PC{0,80}") {
        check_spans(&text);
    }

    #[test]
    fn grouped_integers_read_back(n in 0u64..1_000_000_000_000_000) {
        let written = group(n);
        let text = format!("They counted {written} items.");
        let numbers = find(&text);
        prop_assert_eq!(numbers.len(), 1, "{}", text);
        prop_assert_eq!(numbers[0].span.text(&text), written.as_str());
        prop_assert_eq!(numbers[0].value, Some(Decimal::from(n)));
    }

    #[test]
    fn decimals_read_back(mantissa in 1i64..10_000_000_000, scale in 0u32..8) {
        let value = Decimal::new(mantissa, scale);
        let written = value.to_string();
        let text = format!("The index stood at {written} on Friday.");
        let numbers = find(&text);
        prop_assert_eq!(numbers.len(), 1, "{}", text);
        prop_assert_eq!(numbers[0].value, Some(value));
    }

    #[test]
    fn spelled_numbers_read_back(n in 0u64..1_000_000_000_000, and in any::<bool>()) {
        let written = words(n, and);
        let text = format!("They counted {written} items.");
        let numbers = find(&text);
        prop_assert_eq!(numbers.len(), 1, "{}", text);
        prop_assert_eq!(numbers[0].span.text(&text), written.as_str());
        prop_assert_eq!(numbers[0].value, Some(Decimal::from(n)));
    }

    #[test]
    fn money_reads_back(cents in 1u64..100_000_000_000) {
        let value = Decimal::new(cents as i64, 2);
        let written = format!("${}", value);
        let text = format!("The company paid {written} in fees.");
        let numbers = find(&text);
        prop_assert_eq!(numbers.len(), 1, "{}", text);
        prop_assert_eq!(numbers[0].kind, NumberKind::Money);
        prop_assert_eq!(numbers[0].unit.as_deref(), Some("USD"));
        prop_assert_eq!(numbers[0].value, Some(value));
    }

    #[test]
    fn percentages_read_back(tenths in 0u64..100_000) {
        let value = Decimal::new(tenths as i64, 1);
        let text = format!("Support rose to {value}% this week.");
        let numbers = find(&text);
        prop_assert_eq!(numbers.len(), 1, "{}", text);
        prop_assert_eq!(numbers[0].kind, NumberKind::Percent);
        prop_assert_eq!(numbers[0].value, Some(value));
    }

    #[test]
    fn ordinals_read_back(n in 1u64..100_000) {
        let suffix = match (n % 10, n % 100) {
            (_, 11..=13) => "th",
            (1, _) => "st",
            (2, _) => "nd",
            (3, _) => "rd",
            _ => "th",
        };
        let text = format!("It was the {n}{suffix} attempt.");
        let numbers = find(&text);
        prop_assert_eq!(numbers.len(), 1, "{}", text);
        prop_assert_eq!(numbers[0].kind, NumberKind::Ordinal);
        prop_assert_eq!(numbers[0].value, Some(Decimal::from(n)));
    }
}

/// `1234567` → `1,234,567` (four digits and more, so no year is written).
fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// English words for `n`, with or without `and` after hundreds.
fn words(n: u64, and: bool) -> String {
    const SMALL: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    fn below_thousand(n: u64, and: bool, out: &mut Vec<String>) {
        let (h, rest) = (n / 100, n % 100);
        if h > 0 {
            out.push(format!("{} hundred", SMALL[h as usize]));
            if rest > 0 && and {
                out.push("and".into());
            }
        }
        if rest >= 20 {
            let t = TENS[(rest / 10) as usize];
            out.push(if rest % 10 > 0 { format!("{t}-{}", SMALL[(rest % 10) as usize]) } else { t.to_owned() });
        } else if rest > 0 {
            out.push(SMALL[rest as usize].to_owned());
        }
    }
    if n == 0 {
        return "zero".into();
    }
    let mut out = Vec::new();
    for (scale, name) in [(1_000_000_000, "billion"), (1_000_000, "million"), (1_000, "thousand")] {
        let part = n / scale % 1000;
        if part > 0 {
            below_thousand(part, and, &mut out);
            out.push(name.into());
        }
    }
    below_thousand(n % 1000, and, &mut out);
    out.join(" ")
}
