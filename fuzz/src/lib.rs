//! What every per-stage fuzz target checks: the stage runs on any text
//! after the stages it needs, without error or panic, leaves the text
//! unchanged, and every span of every layer lies on character boundaries
//! inside the text, in order where the layer is ordered.

use std::sync::OnceLock;

use byline_core::{Document, Pipeline, Span};

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| byline_cli::default_pipeline().expect("the default pipeline builds"))
}

/// Builds the pipeline and runs it once, before the fuzzer starts: loading
/// the entity model takes seconds in an instrumented build, which the
/// per-input time limit must not count.
pub fn warm_up() {
    check_stage("quotes", "Warm-up text, said the fuzzer. \"It costs 5 km.\"");
}

/// Runs the default pipeline up to and including `stage` on `text`, and
/// checks the result.
pub fn check_stage(stage: &str, text: &str) {
    let stages = pipeline().stages();
    let at = stages.iter().position(|s| s.name() == stage).expect("a stage of the default pipeline");
    let mut doc = Document::new("fuzz", text);
    for s in &stages[..=at] {
        if let Err(e) = s.process(&mut doc) {
            panic!("{} failed: {e}", s.name());
        }
    }
    assert_eq!(doc.text(), text, "text unchanged");
    let layers = &doc.layers;
    for (name, spans, ordered) in [
        ("paragraphs", layers.paragraphs.clone(), true),
        ("sentences", layers.sentences.clone(), true),
        ("tokens", layers.tokens.clone(), true),
        ("entities", layers.entities.as_ref().map(|v| v.iter().map(|e| e.span).collect()), true),
        ("numbers", layers.numbers.as_ref().map(|v| v.iter().map(|n| n.span).collect()), true),
        (
            "quotes",
            layers.quotes.as_ref().map(|v| {
                v.iter().flat_map(|q| [Some(q.span), q.speaker, q.cue, q.resolved]).flatten().collect()
            }),
            false,
        ),
    ] {
        check_spans(text, name, &spans.unwrap_or_default(), ordered);
    }
}

fn check_spans(text: &str, layer: &str, spans: &[Span], ordered: bool) {
    let mut last = 0;
    for s in spans {
        assert!(s.start <= s.end && s.end <= text.len(), "{layer}: {s} outside the text");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "{layer}: {s} splits a char");
        if ordered {
            assert!(s.start >= last, "{layer}: {s} out of order");
            last = s.start;
        }
    }
}
