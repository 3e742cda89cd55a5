//! Every stage of the default pipeline on every pathological input of the
//! catalogue, at 1 MB and 4 MB: the second time should be about four times
//! the first (`scripts/scaling.sh` checks it and memory too; this group
//! shows the times). One bench per stage, so one can be picked:
//! `cargo bench -p byline-scaling -- tokens`.

use std::sync::OnceLock;

use byline_core::{Document, Pipeline};
use byline_scaling::{CASES, default_pipeline};
use divan::Bencher;
use divan::counter::BytesCount;

fn main() {
    divan::main();
}

const SIZES: [usize; 2] = [1_000_000, 4_000_000];

/// `case/size` names, the argument of each bench.
fn inputs() -> Vec<&'static str> {
    let names = CASES.iter().flat_map(|c| SIZES.map(|s| format!("{}/{}MB", c.name, s / 1_000_000)));
    names.map(|n| &*n.leak()).collect()
}

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(default_pipeline)
}

/// Times `stage` on the input named `input`, after the stages before it.
fn run(bencher: Bencher<'_, '_>, stage: &str, input: &str) {
    let (name, size) = input.split_once('/').unwrap_or((input, "1MB"));
    let bytes = size.trim_end_matches("MB").parse::<usize>().unwrap_or(1) * 1_000_000;
    let text = CASES.iter().find(|c| c.name == name).map(|c| c.text(bytes)).unwrap_or_default();
    let stages = pipeline().stages();
    let at = stages.iter().position(|s| s.name() == stage).unwrap_or(0);
    let mut doc = Document::new("bench", text.as_str());
    for earlier in &stages[..at] {
        let _ = earlier.process(&mut doc);
    }
    bencher.counter(BytesCount::new(text.len())).with_inputs(|| doc.clone()).bench_local_values(|mut doc| {
        let _ = stages[at].process(&mut doc);
        doc
    });
}

/// One bench per stage, named after it.
macro_rules! stage_benches {
    ($($stage:ident),*) => {$(
        #[divan::bench(args = inputs(), sample_count = 2, sample_size = 1)]
        fn $stage(bencher: Bencher<'_, '_>, input: &str) {
            run(bencher, stringify!($stage), input);
        }
    )*};
}

stage_benches!(paragraphs, tokens, sentences, entities, numbers, quotes);
