//! Invariants of every segmentation, on generated text: spans are in
//! bounds, on character boundaries, sorted and disjoint; tokens and
//! sentences cover all non-whitespace text; sentences stay inside
//! paragraphs and never cut a token; nothing panics.

use byline_core::Span;
use byline_segment::{LineBreaks, SentenceOptions, SentenceSplitter, paragraphs, tokens};
use proptest::prelude::*;

/// Whitespace as the segmenters see it.
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}')
}

/// Text made of fragments that exercise the rules, single characters of
/// every class, and whitespace.
fn text() -> impl Strategy<Value = String> {
    let fragment = prop::sample::select(vec![
        "U.S.",
        "Mr.",
        "a.m.",
        "etc.",
        "Inc.",
        "No.",
        "e.g.",
        "J.",
        "I.",
        "1.",
        "2)",
        "a.",
        "b)",
        "...",
        "…",
        ". . .",
        "?!",
        "!!",
        "http://x.co/a?b=C",
        "www.",
        "a@b.com",
        "$4.50",
        "1,200",
        "3:30",
        "'s",
        "n't",
        "’",
        "“",
        "”",
        "\"",
        "'",
        "(",
        ")",
        "[1]",
        "[...]",
        "•",
        "⁃",
        "—",
        "--",
        "-----",
        "***",
        ":-)",
        "WASHINGTON (AP) -",
        "Regards, ",
        "The",
        "he",
        "It",
        "word",
        "Word",
        "東京",
        "🎉",
        "e\u{301}",
        "\u{200d}",
        "\u{301}",
        "\u{1f3fd}",
        "\u{1f1ef}",
        "\u{1f1f5}",
        "\u{feff}",
        "\r\n",
        "\n",
        "\n\n",
        " ",
        "  ",
        "\t",
        ".",
        "?",
        "!",
        ",",
        ";",
        ":",
        "-",
        "*",
        "=",
        "_",
        "#",
        "@",
        "&",
        "/",
        "%",
    ]);
    let single = any::<char>().prop_map(|c| c.to_string());
    prop::collection::vec(prop_oneof![4 => fragment.prop_map(str::to_owned), 1 => single], 0..80)
        .prop_map(|parts| parts.concat())
}

/// Spans are non-empty, in bounds, on char boundaries, sorted and disjoint.
fn well_formed(text: &str, spans: &[Span], what: &str) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    for span in spans {
        prop_assert!(span.start < span.end, "{what}: empty span {span} in {text:?}");
        prop_assert!(span.end <= text.len(), "{what}: {span} out of bounds in {text:?}");
        prop_assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "{what}: {span} splits a char"
        );
        prop_assert!(span.start >= last_end, "{what}: {span} overlaps or is out of order in {text:?}");
        last_end = span.end;
    }
    Ok(())
}

/// Every non-whitespace character lies inside some span.
fn covers_non_space(text: &str, spans: &[Span], what: &str) -> Result<(), TestCaseError> {
    let mut k = 0;
    for (i, c) in text.char_indices() {
        while k < spans.len() && spans[k].end <= i {
            k += 1;
        }
        let inside = k < spans.len() && spans[k].start <= i;
        prop_assert!(inside || is_space(c), "{what}: {c:?} at {i} is in no span: {text:?}");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn tokens_are_well_formed_and_cover_the_text(text in text()) {
        let spans = tokens(&text);
        well_formed(&text, &spans, "tokens")?;
        covers_non_space(&text, &spans, "tokens")?;
        for span in &spans {
            let token = span.text(&text);
            prop_assert!(!token.chars().any(is_space), "token {token:?} holds whitespace");
            // A token never splits a grapheme cluster: one that starts with
            // a combining mark or a skin tone starts after whitespace.
            let first = token.chars().next().unwrap_or(' ');
            if matches!(first, '\u{300}'..='\u{36f}' | '\u{1f3fb}'..='\u{1f3ff}') {
                let before = text[..span.start].chars().next_back();
                prop_assert!(before.is_none_or(is_space), "token {token:?} splits a cluster at {}", span.start);
            }
        }
    }

    #[test]
    fn sentences_are_well_formed_inside_paragraphs_and_between_tokens(text in text()) {
        let paras = paragraphs(&text);
        well_formed(&text, &paras, "paragraphs")?;
        let toks = tokens(&text);
        for line_breaks in [LineBreaks::Auto, LineBreaks::Always, LineBreaks::Never] {
            let splitter = SentenceSplitter::new(&SentenceOptions { line_breaks, ..SentenceOptions::default() });
            let sents = splitter.split(&text);
            well_formed(&text, &sents, "sentences")?;
            covers_non_space(&text, &sents, "sentences")?;
            prop_assert_eq!(&sents, &splitter.split_paragraphs(&text, &paras));
            for s in &sents {
                let body = s.text(&text);
                prop_assert!(!body.starts_with(is_space) && !body.ends_with(is_space), "untrimmed {body:?}");
                prop_assert!(paras.iter().any(|p| p.contains(*s)), "sentence {s} crosses a paragraph in {text:?}");
                for t in &toks {
                    prop_assert!(!(t.start < s.end && s.end < t.end), "sentence end {} cuts token {t} in {text:?}", s.end);
                    prop_assert!(!(t.start < s.start && s.start < t.end), "sentence start {} cuts token {t} in {text:?}", s.start);
                }
            }
        }
    }

    #[test]
    fn any_spans_given_as_paragraphs_are_safe(text in text(), cuts in prop::collection::vec(0usize..400, 0..6)) {
        // Spans that are not on char boundaries or out of bounds must not panic.
        let mut cuts = cuts;
        cuts.sort_unstable();
        let spans: Vec<Span> = cuts.windows(2).map(|w| Span::new(w[0], w[1])).collect();
        let _ = SentenceSplitter::default().split_paragraphs(&text, &spans);
    }
}
