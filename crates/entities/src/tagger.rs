//! Tagging a document with a model: features, scores, Viterbi, and the
//! document pass.
//!
//! Scores are integer sums of quantised weights, turned into floats once
//! per token; decoding is per sentence. The document pass reuses the first
//! pass's scores and only adds its own few features per capitalised token,
//! so it costs a second Viterbi, not a second feature extraction.

use crate::document::document_features;
use crate::features::{Extractor, Prepared};
use crate::model::{Model, WeightTable};
use crate::tags::TagSet;
use crate::viterbi::Decoder;

/// An entity found by the tagger, in token indices of its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TaggedSpan {
    /// Index of the sentence.
    pub sentence: usize,
    /// First token (index in the sentence).
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// Label index in the model's tag set.
    pub label: usize,
}

/// Reusable buffers, so that tagging many documents allocates little.
#[derive(Debug, Default)]
pub struct Scratch {
    acc: Vec<i32>,
    emissions: Vec<f32>,
    decoder: Decoder,
    tags: Vec<usize>,
    sentence_tags: Vec<usize>,
}

/// Adds `scale * acc` to the emission row of a token (column 0, `O`, stays).
#[inline]
fn add_row(row: &mut [f32], acc: &[i32], scale: f32) {
    for (e, &a) in row[1..].iter_mut().zip(acc) {
        *e += a as f32 * scale;
    }
}

impl Model {
    /// The feature extractor of this model.
    pub fn extractor(&self) -> Extractor<'_> {
        Extractor { config: &self.config, lexicon: &self.lexicon, gazetteer: &self.lists }
    }

    /// First-pass scores of every token of `p` into `scratch.emissions`.
    fn first_scores(&self, p: &Prepared, scratch: &mut Scratch) {
        let tags = self.tagset.len();
        let table: &WeightTable = &self.first.weights;
        let ex = self.extractor();
        scratch.emissions.clear();
        scratch.emissions.resize(p.len() * tags, 0.0);
        scratch.acc.resize(tags - 1, 0);
        for i in 0..p.len() {
            scratch.acc.fill(0);
            let acc = &mut scratch.acc;
            ex.features(p, i, |key| table.add_to(key, acc));
            add_row(&mut scratch.emissions[i * tags..(i + 1) * tags], &scratch.acc, table.scale());
        }
    }

    /// Decodes every sentence with `transitions` into `scratch.tags`.
    fn decode_all(p: &Prepared, tags: usize, pass: &crate::viterbi::Transitions, scratch: &mut Scratch) {
        scratch.tags.clear();
        for &(start, end) in p.sentences() {
            scratch.decoder.decode(&scratch.emissions[start * tags..end * tags], pass, &mut scratch.sentence_tags);
            scratch.tags.extend_from_slice(&scratch.sentence_tags);
        }
    }

    /// The BILOU tags of every token of a prepared document.
    pub fn tag_prepared(&self, p: &Prepared, scratch: &mut Scratch) -> Vec<usize> {
        let tags = self.tagset.len();
        self.first_scores(p, scratch);
        Model::decode_all(p, tags, &self.first.transitions, scratch);
        if let Some(doc) = &self.document {
            let mut extra = vec![0i32; p.len() * (tags - 1)];
            let table = &doc.weights;
            document_features(p, &scratch.tags, |i, key| {
                table.add_to(key, &mut extra[i * (tags - 1)..(i + 1) * (tags - 1)]);
            });
            for (i, acc) in extra.chunks_exact(tags - 1).enumerate() {
                add_row(&mut scratch.emissions[i * tags..(i + 1) * tags], acc, table.scale());
            }
            Model::decode_all(p, tags, &doc.transitions, scratch);
        }
        std::mem::take(&mut scratch.tags)
    }

    /// The entities of a document given as sentences of token texts.
    pub fn tag<S: AsRef<str>>(&self, sentences: &[Vec<S>]) -> Vec<TaggedSpan> {
        self.tag_with(sentences, &mut Scratch::default())
    }

    /// [`tag`](Self::tag) with reusable buffers.
    pub fn tag_with<S: AsRef<str>>(&self, sentences: &[Vec<S>], scratch: &mut Scratch) -> Vec<TaggedSpan> {
        let p = self.extractor().prepare(sentences);
        let tags = self.tag_prepared(&p, scratch);
        let mut out = Vec::new();
        for (k, &(start, end)) in p.sentences().iter().enumerate() {
            for (first, last, label) in TagSet::decode(&tags[start..end]) {
                out.push(TaggedSpan { sentence: k, first, end: last, label });
            }
        }
        out
    }
}
