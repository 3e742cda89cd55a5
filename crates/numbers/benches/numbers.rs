//! Throughput of `find` on news text: the shared sentence dev texts
//! (`../shared/data/sentences/*_dev.jsonl`) concatenated, one document per
//! paragraph as the pipeline sees them. Without the shared data, a small
//! built-in sample runs instead so the benchmark always builds and runs.
//!
//! Run: `cargo bench -p byline-numbers` (one thread; divan prints MB/s).

use std::path::Path;
use std::sync::OnceLock;

use divan::Bencher;
use divan::counter::BytesCount;

fn main() {
    divan::main();
}

/// The dev texts, one per record.
fn texts() -> &'static [String] {
    static TEXTS: OnceLock<Vec<String>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/sentences");
        let mut texts = Vec::new();
        for name in ["ud_en_ewt_dev.jsonl", "ud_en_gum_dev.jsonl"] {
            let Ok(data) = std::fs::read_to_string(dir.join(name)) else { continue };
            for line in data.lines() {
                if let Ok(serde_json::Value::Object(obj)) = serde_json::from_str::<serde_json::Value>(line) {
                    if let Some(text) = obj.get("text").and_then(|t| t.as_str()) {
                        texts.push(text.to_owned());
                    }
                }
            }
        }
        if texts.is_empty() {
            let sample = "Shares of the company fell 4.5% to $12.30 on Tuesday, wiping out about $1.2 billion \
                in market value, after it said revenue for the third quarter would be between $5 billion and $5.5 \
                billion. The 42-year-old chief executive, who joined in 2019, said about two thirds of the 1,200 \
                job cuts would fall in Europe over the next 18 months.";
            texts.extend(std::iter::repeat_n(sample.to_owned(), 200));
        }
        texts
    })
}

#[divan::bench]
fn find_news(bencher: Bencher<'_, '_>) {
    let texts = texts();
    let bytes: usize = texts.iter().map(String::len).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        let mut n = 0;
        for t in texts {
            n += byline_numbers::find(divan::black_box(t)).len();
        }
        n
    });
}

/// The same texts as one document: long inputs stay linear.
#[divan::bench]
fn find_news_one_document(bencher: Bencher<'_, '_>) {
    let text = texts().join("\n\n");
    bencher.counter(BytesCount::of_str(&text)).bench(|| byline_numbers::find(divan::black_box(&text)).len());
}
