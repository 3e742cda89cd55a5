//! Throughput of the `entities` stage on the CoNLL-2003 dev text (one core):
//! tagging alone (gold tokens and sentences), and the paragraphs + tokens +
//! sentences + entities pipeline on the raw text score.py builds. Counts are
//! CoNLL tokens.
//! Skips (benchmarks nothing) when ../shared/data is absent.
//!
//! `cargo bench -p byline-entities`

use byline_core::{Pipeline, registry};
use byline_entities::Model;
use byline_entities::conll::{ConllDocument, read_conll};
use divan::counter::ItemsCount;

fn main() {
    // Link the segment crate so its stages register.
    std::hint::black_box(byline_segment::tokens as fn(&str) -> _);
    divan::main();
}

fn dev() -> Vec<ConllDocument> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/entities/conll2003/dev.txt");
    std::fs::read_to_string(path).ok().and_then(|t| read_conll(&t).ok()).unwrap_or_default()
}

fn tokens(docs: &[ConllDocument]) -> usize {
    docs.iter().flat_map(|d| &d.sentences).map(Vec::len).sum()
}

fn words(docs: &[ConllDocument]) -> Vec<Vec<Vec<&str>>> {
    docs.iter().map(|d| d.sentences.iter().map(|s| s.iter().map(|t| t.word.as_str()).collect()).collect()).collect()
}

/// Both passes; the form cache starts empty at each pass over the text.
#[divan::bench(sample_count = 10)]
fn tagging(bencher: divan::Bencher<'_, '_>) {
    let docs = dev();
    let words = words(&docs);
    let model = Model::builtin().expect("built-in model");
    bencher.counter(ItemsCount::new(tokens(&docs))).bench_local(|| {
        let mut scratch = byline_entities::tagger::Scratch::default();
        for doc in &words {
            divan::black_box(model.tag_with(doc, &mut scratch));
        }
    });
}

/// Both passes, the form cache kept from earlier passes (a worker thread's
/// steady state).
#[divan::bench(sample_count = 10)]
fn tagging_warm(bencher: divan::Bencher<'_, '_>) {
    let docs = dev();
    let words = words(&docs);
    let model = Model::builtin().expect("built-in model");
    let mut scratch = byline_entities::tagger::Scratch::default();
    bencher.counter(ItemsCount::new(tokens(&docs))).bench_local(|| {
        for doc in &words {
            divan::black_box(model.tag_with(doc, &mut scratch));
        }
    });
}

/// The first pass alone (`single_pass = true`), cold cache.
#[divan::bench(sample_count = 10)]
fn tagging_single_pass(bencher: divan::Bencher<'_, '_>) {
    let docs = dev();
    let words = words(&docs);
    let mut model = Model::builtin().expect("built-in model").clone();
    model.document = None;
    bencher.counter(ItemsCount::new(tokens(&docs))).bench_local(|| {
        let mut scratch = byline_entities::tagger::Scratch::default();
        for doc in &words {
            divan::black_box(model.tag_with(doc, &mut scratch));
        }
    });
}

/// The stages as a pipeline runs them (each thread keeps its form cache).
#[divan::bench(sample_count = 10)]
fn pipeline(bencher: divan::Bencher<'_, '_>) {
    let docs = dev();
    let texts: Vec<String> = docs.iter().map(ConllDocument::text).collect();
    let stages = ["paragraphs", "tokens", "sentences", "entities"]
        .iter()
        .map(|s| registry::build(s, "").expect("stage builds"))
        .collect();
    let pipeline = Pipeline::from_stages("bench", stages).expect("valid pipeline");
    bencher.counter(ItemsCount::new(tokens(&docs))).bench_local(|| {
        for text in &texts {
            divan::black_box(pipeline.annotate("d", text).ok());
        }
    });
}
