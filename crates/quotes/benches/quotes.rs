//! Throughput of the `quotes` stage alone, on PolNeAR dev texts when
//! `../shared` is present (else on a built-in text). The whole default
//! pipeline is measured by `cargo bench -p byline-cli`.
//!
//! `cargo bench -p byline-quotes`; divan prints time per iteration over the
//! whole corpus, so documents/s = documents / time and MB/s = bytes / time
//! (both printed as counters).

use std::sync::OnceLock;

use byline_core::{Document, Pipeline};
use divan::counter::{BytesCount, ItemsCount};

fn main() {
    // Keep the stage crates' registrations linked.
    std::hint::black_box(byline_quotes::find as fn(&str) -> _);
    std::hint::black_box(byline_segment::paragraphs as fn(&str) -> _);
    std::hint::black_box((byline_segment::tokens as fn(&str) -> _, byline_segment::sentences as fn(&str) -> _));
    std::hint::black_box(byline_entities::Model::builtin as fn() -> _);
    divan::main();
}

/// The benchmark corpus: PolNeAR dev texts, or a fixture written for this bench.
fn corpus() -> &'static Vec<String> {
    static CORPUS: OnceLock<Vec<String>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/quotes/polnear/dev.jsonl");
        let texts: Vec<String> = std::fs::read_to_string(path)
            .map(|data| {
                data.lines()
                    .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                    .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        if texts.is_empty() {
            let one = "“We will win,” the senator said. “No doubt.”\n\nShe added that the vote was close, according to aides.\n\n";
            vec![one.repeat(40); 80]
        } else {
            texts
        }
    })
}

fn bytes() -> usize {
    corpus().iter().map(String::len).sum()
}

fn pipeline(toml: &str) -> Pipeline {
    Pipeline::from_toml(toml, "<bench>").expect("bench pipeline")
}

/// The `quotes` stage alone (the layers it needs computed beforehand).
#[divan::bench]
fn quotes_stage(bencher: divan::Bencher<'_, '_>) {
    let paragraphs = pipeline(
        "[[stage]]\nuse = \"paragraphs\"\n[[stage]]\nuse = \"tokens\"\n[[stage]]\nuse = \"sentences\"\n[[stage]]\nuse = \"entities\"\n",
    );
    let stage = byline_core::registry::build("quotes", "").expect("quotes stage");
    let docs: Vec<Document> =
        corpus().iter().enumerate().map(|(i, t)| paragraphs.annotate(&i.to_string(), t).expect("paragraphs")).collect();
    bencher.counter(ItemsCount::new(docs.len())).counter(BytesCount::new(bytes())).bench_local(|| {
        for doc in &docs {
            let mut doc = doc.clone();
            stage.process(&mut doc).expect("quotes");
            divan::black_box(&doc.layers.quotes);
        }
    });
}
