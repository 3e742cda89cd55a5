//! Properties of `find` on generated inputs: it never panics, its spans are
//! in bounds, on char boundaries, sorted and disjoint, and a value written
//! out (digits, words, money, percent, ordinal) reads back as itself.

use byline_numbers::{Decimal, NumberKind, find};
use proptest::prelude::*;

mod verbalise;

use verbalise::{grouped, words};

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
            // Round 3's constructs: vague amounts, scores, names, periods,
            // scientific and European forms, terminal escapes.
            "hundreds",
            "thousands",
            "tens",
            "handful",
            "voted",
            "won",
            "quarter",
            "Street",
            "Minutes",
            "Eleven",
            "x10^",
            "×10^",
            ",5",
            ".111,",
            "\u{1b}[31m",
            "\u{1b}]0;",
            "\u{9b}",
            "\u{7}",
            // Round 3's second pass: group commas, units after an article,
            // feet and inches marks, decades with an apostrophe, `-odd`.
            "thousand,",
            "few",
            "several",
            "mile",
            "an",
            "ft",
            "'",
            "\"",
            "′",
            "″",
            "'s",
            "odd",
            "fifty",
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
        let written = grouped(n);
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
