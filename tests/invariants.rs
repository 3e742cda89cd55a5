//! Invariants of the whole default pipeline, whatever stages it holds:
//! text is never changed, spans are valid, output is the same on any thread
//! in any order, and no input makes a stage fail or panic.

use byline_core::span::OffsetUnit;
use byline_core::{Document, Pipeline};
use proptest::prelude::*;
use rayon::prelude::*;

fn pipeline() -> Pipeline {
    byline_cli::default_pipeline().expect("the default pipeline is valid")
}

fn fixtures() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(dir).expect("fixtures").map(|e| e.expect("entry").path()).collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read_to_string(p).expect("UTF-8 fixture")).collect()
}

/// Every span of every standard layer, as (layer, start, end).
fn spans(doc: &Document) -> Vec<(&'static str, usize, usize)> {
    let l = &doc.layers;
    let mut out = Vec::new();
    let mut add = |name, spans: &mut dyn Iterator<Item = byline_core::Span>| {
        out.extend(spans.map(|s| (name, s.start, s.end)));
    };
    add("paragraphs", &mut l.paragraphs.iter().flatten().copied());
    add("sentences", &mut l.sentences.iter().flatten().copied());
    add("tokens", &mut l.tokens.iter().flatten().copied());
    add("entities", &mut l.entities.iter().flatten().map(|e| e.span));
    add("numbers", &mut l.numbers.iter().flatten().map(|n| n.span));
    add("quotes", &mut l.quotes.iter().flatten().flat_map(|q| [Some(q.span), q.speaker, q.cue, q.resolved]).flatten());
    out
}

#[test]
fn output_is_the_same_on_any_thread_in_any_order() {
    let pipeline = pipeline();
    let texts = fixtures();
    let sequential: Vec<String> = texts
        .iter()
        .map(|t| pipeline.annotate("d", t).expect("annotates").to_json(OffsetUnit::Chars).to_string())
        .collect();
    // Reversed and repeated, on a pool of four threads.
    let pool = rayon::ThreadPoolBuilder::new().num_threads(4).build().expect("pool");
    let jobs: Vec<usize> = (0..texts.len()).rev().chain(0..texts.len()).collect();
    let parallel: Vec<(usize, String)> = pool.install(|| {
        jobs.par_iter()
            .map(|&i| (i, pipeline.annotate("d", &texts[i]).expect("annotates").to_json(OffsetUnit::Chars).to_string()))
            .collect()
    });
    for (i, json) in parallel {
        assert_eq!(json, sequential[i], "fixture {i}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]
    #[test]
    fn any_text_annotates_with_valid_spans(text in "(\\PC|[\n\r\t \"'“”‘’«».,;:!?$€£%()\\-—0-9A-Z])*") {
        let doc = pipeline().annotate("p", &text).expect("no stage fails on any text");
        prop_assert_eq!(doc.text(), text.as_str());
        for (layer, start, end) in spans(&doc) {
            prop_assert!(start <= end && end <= text.len(), "{} span {}..{} out of bounds", layer, start, end);
            prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end), "{} span {}..{} splits a char", layer, start, end);
        }
    }
}
