//! Throughput of the segmentation functions on one core.
//!
//! The corpus is the shared dev text (`../shared/data/sentences/*.jsonl`,
//! one paragraph per record, joined by blank lines) repeated to at least
//! 10 MB; without `../shared`, a fixture of our own is repeated instead.
//! The pathological inputs check linear time: 50 MB without punctuation and
//! one 10 MB word (plus other degenerate shapes), whose MB/s must stay close
//! to the corpus figure rather than collapse.
//!
//! Run: `cargo bench -p byline-segment`.

use std::path::Path;
use std::sync::OnceLock;

use divan::Bencher;
use divan::counter::BytesCount;

fn main() {
    divan::main();
}

const MB: usize = 1_000_000;

/// The dev text, at least 10 MB.
fn corpus() -> &'static str {
    static CORPUS: OnceLock<String> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/sentences");
        let mut paragraphs = Vec::new();
        for name in ["ud_en_ewt_dev.jsonl", "ud_en_gum_dev.jsonl", "ud_en_ewt_train.jsonl"] {
            let Ok(data) = std::fs::read_to_string(dir.join(name)) else { continue };
            for line in data.lines() {
                if let Some(text) = serde_json::from_str::<serde_json::Value>(line)
                    .ok()
                    .and_then(|v| v.get("text").and_then(serde_json::Value::as_str).map(str::to_owned))
                {
                    paragraphs.push(text);
                }
            }
        }
        if paragraphs.is_empty() {
            paragraphs.push(include_str!("../tests/fixtures/news.txt").to_owned());
        }
        let one = paragraphs.join("\n\n");
        let mut text = String::with_capacity(10 * MB + one.len());
        while text.len() < 10 * MB {
            text.push_str(&one);
            text.push_str("\n\n");
        }
        text
    })
}

fn pathological(shape: &str) -> &'static str {
    static TEXTS: OnceLock<Vec<(&'static str, String)>> = OnceLock::new();
    let texts = TEXTS.get_or_init(|| {
        let words = ["lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed", "do"];
        let mut no_punctuation = String::with_capacity(50 * MB + 16);
        let mut k = 0;
        while no_punctuation.len() < 50 * MB {
            no_punctuation.push_str(words[k % words.len()]);
            no_punctuation.push(' ');
            k += 7;
        }
        vec![
            ("50 MB without punctuation", no_punctuation),
            ("one 10 MB word", "a".repeat(10 * MB)),
            ("10 MB of a.a.a.", "a.".repeat(5 * MB)),
            ("10 MB of spaced dots", ". ".repeat(5 * MB)),
            ("10 MB of 1. lists", "1. a ".repeat(2 * MB)),
            ("10 MB of U.S. Inc. No.", "U.S. Inc. No. ".repeat(10 * MB / 14)),
            ("10 MB of one line per word", "Word\n".repeat(2 * MB)),
        ]
    });
    texts.iter().find(|(name, _)| *name == shape).map_or("", |(_, t)| t.as_str())
}

const SHAPES: [&str; 7] = [
    "50 MB without punctuation",
    "one 10 MB word",
    "10 MB of a.a.a.",
    "10 MB of spaced dots",
    "10 MB of 1. lists",
    "10 MB of U.S. Inc. No.",
    "10 MB of one line per word",
];

#[divan::bench(sample_count = 10)]
fn sentences(bencher: Bencher<'_, '_>) {
    let text = corpus();
    bencher.counter(BytesCount::of_str(text)).bench(|| byline_segment::sentences(divan::black_box(text)));
}

#[divan::bench(sample_count = 10)]
fn sentences_in_paragraphs(bencher: Bencher<'_, '_>) {
    let text = corpus();
    let paragraphs = byline_segment::paragraphs(text);
    let splitter = byline_segment::SentenceSplitter::default();
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| splitter.split_paragraphs(divan::black_box(text), divan::black_box(&paragraphs)));
}

#[divan::bench(sample_count = 10)]
fn tokens(bencher: Bencher<'_, '_>) {
    let text = corpus();
    bencher.counter(BytesCount::of_str(text)).bench(|| byline_segment::tokens(divan::black_box(text)));
}

#[divan::bench(sample_count = 10)]
fn paragraphs(bencher: Bencher<'_, '_>) {
    let text = corpus();
    bencher.counter(BytesCount::of_str(text)).bench(|| byline_segment::paragraphs(divan::black_box(text)));
}

#[divan::bench(args = SHAPES, sample_count = 3)]
fn sentences_pathological(bencher: Bencher<'_, '_>, shape: &str) {
    let text = pathological(shape);
    bencher.counter(BytesCount::of_str(text)).bench(|| byline_segment::sentences(divan::black_box(text)));
}

#[divan::bench(args = SHAPES, sample_count = 3)]
fn tokens_pathological(bencher: Bencher<'_, '_>, shape: &str) {
    let text = pathological(shape);
    bencher.counter(BytesCount::of_str(text)).bench(|| byline_segment::tokens(divan::black_box(text)));
}
