//! Throughput of the whole default pipeline (every built-in stage), one
//! thread, on PolNeAR dev articles when `../shared` is present (else on the
//! test fixtures): documents/s and MB/s of text.
//!
//! `cargo bench -p byline-cli`

use std::sync::OnceLock;

use byline_core::Pipeline;
use divan::counter::{BytesCount, ItemsCount};

fn main() {
    divan::main();
}

/// PolNeAR dev texts (read by the `quotes` eval task's gold reader), or the
/// fixtures when `../shared` is absent.
fn corpus() -> &'static Vec<String> {
    static CORPUS: OnceLock<Vec<String>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        byline_cli::link_stage_crates();
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
        let shared = format!("{root}/../shared/data/quotes/polnear/dev.jsonl");
        let gold = std::fs::read(&shared).ok().and_then(|data| {
            let task = byline_core::eval::find_task("quotes")?;
            (task.load)(&shared, &data).ok()
        });
        if let Some(gold) = gold {
            return gold.inputs().iter().map(|d| d.text().to_owned()).collect();
        }
        let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/tests/fixtures"))
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        paths.sort();
        paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect()
    })
}

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| byline_cli::default_pipeline().expect("the default pipeline is valid"))
}

/// Every built-in stage, from raw text to all layers.
#[divan::bench]
fn default_pipeline(bencher: divan::Bencher<'_, '_>) {
    let bytes: usize = corpus().iter().map(String::len).sum();
    bencher.counter(ItemsCount::new(corpus().len())).counter(BytesCount::new(bytes)).bench_local(|| {
        for (i, text) in corpus().iter().enumerate() {
            divan::black_box(pipeline().annotate(&i.to_string(), text).expect("annotates"));
        }
    });
}

/// The default pipeline plus the JSON Lines writer (what `byline run` does per document).
#[divan::bench]
fn default_pipeline_to_jsonl(bencher: divan::Bencher<'_, '_>) {
    let bytes: usize = corpus().iter().map(String::len).sum();
    bencher.counter(ItemsCount::new(corpus().len())).counter(BytesCount::new(bytes)).bench_local(|| {
        let mut out = Vec::new();
        for (i, text) in corpus().iter().enumerate() {
            let doc = pipeline().annotate(&i.to_string(), text).expect("annotates");
            doc.write_json(byline_core::span::OffsetUnit::Chars, &mut out);
            out.clear();
        }
    });
}
