//! Paragraphs on every shape news arrives in, and the span invariants.

use byline_segment::{ParagraphSplit, paragraphs, paragraphs_with};
use proptest::prelude::*;

fn check(text: &str, split: ParagraphSplit, expected: &[&str]) {
    let got: Vec<&str> = paragraphs_with(text, split).iter().map(|s| s.text(text)).collect();
    assert_eq!(got, expected, "{split:?} on {text:?}");
}

#[test]
fn auto_split_on_each_shape() {
    use ParagraphSplit::Auto;
    let cases: &[(&str, &[&str])] = &[
        ("", &[]),
        ("   \n\t\n", &[]),
        ("One line.", &["One line."]),
        ("A.\n\nB.", &["A.", "B."]),
        ("A.\r\n\r\nB.\r\n", &["A.", "B."]),
        ("\u{feff}Headline\n\nBody.", &["Headline", "Body."]),
        ("A.\n   \t\nB.", &["A.", "B."]),
        ("A.\n\n\n\nB.", &["A.", "B."]),
        ("  Indented.  \n\n  Also.  ", &["Indented.", "Also."]),
        // One paragraph per line, no blank lines: lines end like paragraphs.
        (
            "Headline Without a Period\nWASHINGTON (Reuters) - The Senate voted on Tuesday to pass the bill.\n\"It is a good day,\" she said.\nThe vote was 51-49.",
            &[
                "Headline Without a Period",
                "WASHINGTON (Reuters) - The Senate voted on Tuesday to pass the bill.",
                "\"It is a good day,\" she said.",
                "The vote was 51-49.",
            ],
        ),
        // Hard-wrapped, no blank lines, no indentation: one paragraph.
        (
            "The committee met on Tuesday to discuss the proposal, which would\nraise fees for the first time since 2010, and members said they\nexpected a vote next month.",
            &[
                "The committee met on Tuesday to discuss the proposal, which would\nraise fees for the first time since 2010, and members said they\nexpected a vote next month.",
            ],
        ),
        // Hard-wrapped with indented first lines: indentation starts paragraphs.
        (
            "    The committee met on Tuesday to discuss the proposal, which\nwould raise fees.\n    Members said they expected a vote\nnext month, after the recess.",
            &[
                "The committee met on Tuesday to discuss the proposal, which\nwould raise fees.",
                "Members said they expected a vote\nnext month, after the recess.",
            ],
        ),
        // Blank lines win: hard-wrapped paragraphs separated by blank lines.
        (
            "The committee met on Tuesday to discuss\nthe proposal.\n\nMembers said they expected a vote\nnext month.",
            &[
                "The committee met on Tuesday to discuss\nthe proposal.",
                "Members said they expected a vote\nnext month.",
            ],
        ),
    ];
    for (text, expected) in cases {
        check(text, Auto, expected);
    }
}

#[test]
fn explicit_splits() {
    let text = "First line\nsecond line.\n\nThird.";
    check(text, ParagraphSplit::BlankLines, &["First line\nsecond line.", "Third."]);
    check(text, ParagraphSplit::Lines, &["First line", "second line.", "Third."]);
    check("Only\none\nparagraph", ParagraphSplit::BlankLines, &["Only\none\nparagraph"]);
}

proptest! {
    #[test]
    fn spans_are_sorted_disjoint_trimmed_and_cover_all_text(
        text in "([ \t\r\n\u{feff}]|[a-zA-Z.,“”é東🎉]{1,8}){0,60}",
        split in prop_oneof![Just(ParagraphSplit::Auto), Just(ParagraphSplit::BlankLines), Just(ParagraphSplit::Lines)],
    ) {
        let spans = paragraphs_with(&text, split);
        let mut covered = vec![false; text.len()];
        let mut previous_end = 0;
        for span in &spans {
            prop_assert!(span.start < span.end && span.end <= text.len());
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            prop_assert!(span.start >= previous_end, "sorted and disjoint");
            let inner = span.text(&text);
            prop_assert_eq!(inner.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}'), inner);
            covered[span.range()].iter_mut().for_each(|c| *c = true);
            previous_end = span.end;
        }
        for (i, c) in text.char_indices() {
            if !(c.is_whitespace() || c == '\u{feff}') {
                prop_assert!(covered[i], "{:?} at {} is in no paragraph", c, i);
            }
        }
        prop_assert_eq!(paragraphs(&text), paragraphs_with(&text, ParagraphSplit::Auto));
    }
}
