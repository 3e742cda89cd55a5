//! Tagging a document with a model: features, scores, Viterbi, and the
//! document pass.
//!
//! Scores are integer sums of quantised weights, turned into floats once
//! per token; decoding is per sentence. Most features of a position are
//! the type features of the words in its window, which depend on a word's
//! form alone: their weights are summed once per distinct form of the
//! document and offset, and each position adds five such sums to the
//! weights of its own context features. The context keys are kept, so the
//! document pass only looks them up again in its own table and adds its few
//! document features before decoding a second time.

use crate::document::document_features;
use crate::features::{Extractor, Prepared};
use crate::hash::HashedMap;
use crate::model::{Model, WeightTable};
use crate::tags::TagSet;
use crate::viterbi::{Decoder, Transitions};

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
    /// Context feature keys of all tokens.
    keys: Vec<u64>,
    /// Start of each token's keys in `keys`, plus the end.
    offsets: Vec<usize>,
    /// Distinct form number of each token.
    form_of: Vec<u32>,
    /// Form hash → distinct form number.
    forms: HashedMap<u32>,
    /// A token of each distinct form.
    example: Vec<usize>,
    /// Per distinct form and window offset, the summed type-feature weights.
    sums: Vec<i32>,
    /// Per window offset, the summed boundary-feature weights.
    boundary: Vec<i32>,
    acc: Vec<i32>,
    emissions: Vec<f32>,
    decoder: Decoder,
    tags: Vec<usize>,
    sentence_tags: Vec<usize>,
}

/// Adds `scale * acc` to the emission row of a token (column 0, `O`, stays 0).
#[inline]
fn set_row(row: &mut [f32], acc: &[i32], scale: f32) {
    row[0] = 0.0;
    for (e, &a) in row[1..].iter_mut().zip(acc) {
        *e = a as f32 * scale;
    }
}

impl Model {
    /// The feature extractor of this model.
    pub fn extractor(&self) -> crate::features::Extractor<'_> {
        crate::features::Extractor { config: &self.config, lexicon: &self.lexicon, gazetteer: &self.lists }
    }

    /// Scores of every token with `table`: the kept context keys, the
    /// per-form sums of the window, and per token `extra` keys.
    fn scores(&self, p: &Prepared, table: &WeightTable, extra: Option<&[Vec<u64>]>, scratch: &mut Scratch) {
        let tags = self.tagset.len();
        let width = tags - 1;
        let ex: Extractor<'_> = self.extractor();
        let window = ex.window();
        let span = (2 * window + 1) as usize;
        // Window sums per distinct form and offset, and at the boundaries.
        scratch.sums.clear();
        scratch.sums.resize(scratch.example.len() * span * width, 0);
        for (f, &i) in scratch.example.iter().enumerate() {
            for o in -window..=window {
                let at = (f * span + (o + window) as usize) * width;
                let acc = &mut scratch.sums[at..at + width];
                ex.type_features(p.token(i), o, &mut |key| table.add_to(key, acc));
            }
        }
        scratch.boundary.clear();
        scratch.boundary.resize(span * width, 0);
        for o in -window..=window {
            let at = (o + window) as usize * width;
            let acc = &mut scratch.boundary[at..at + width];
            ex.boundary_features(o, &mut |key| table.add_to(key, acc));
        }
        let n = p.len();
        scratch.emissions.clear();
        scratch.emissions.resize(n * tags, 0.0);
        scratch.acc.resize(width, 0);
        for i in 0..n {
            let acc = &mut scratch.acc;
            acc.fill(0);
            for &key in &scratch.keys[scratch.offsets[i]..scratch.offsets[i + 1]] {
                table.add_to(key, acc);
            }
            if let Some(extra) = extra {
                for &key in &extra[i] {
                    table.add_to(key, acc);
                }
            }
            let (start, end) = p.sentence_range(i);
            for o in -window..=window {
                let j = i as isize + o;
                let sums = if j >= start as isize && j < end as isize {
                    let at = (scratch.form_of[j as usize] as usize * span + (o + window) as usize) * width;
                    &scratch.sums[at..at + width]
                } else {
                    let at = (o + window) as usize * width;
                    &scratch.boundary[at..at + width]
                };
                for (a, &s) in acc.iter_mut().zip(sums) {
                    *a += s;
                }
            }
            set_row(&mut scratch.emissions[i * tags..(i + 1) * tags], acc, table.scale());
        }
    }

    /// Decodes every sentence with `transitions` into `scratch.tags`.
    fn decode_all(p: &Prepared, tags: usize, transitions: &Transitions, scratch: &mut Scratch) {
        scratch.tags.clear();
        for &(start, end) in p.sentences() {
            let emissions = &scratch.emissions[start * tags..end * tags];
            scratch.decoder.decode(emissions, transitions, &mut scratch.sentence_tags);
            scratch.tags.extend_from_slice(&scratch.sentence_tags);
        }
    }

    /// The BILOU tags of every token of a prepared document.
    pub fn tag_prepared(&self, p: &Prepared, scratch: &mut Scratch) -> Vec<usize> {
        let tags = self.tagset.len();
        let ex = self.extractor();
        scratch.keys.clear();
        scratch.offsets.clear();
        scratch.offsets.push(0);
        scratch.forms.clear();
        scratch.example.clear();
        scratch.form_of.clear();
        for i in 0..p.len() {
            let keys = &mut scratch.keys;
            ex.context_features(p, i, &mut |key| keys.push(key));
            scratch.offsets.push(scratch.keys.len());
            let next = scratch.example.len() as u32;
            let form = *scratch.forms.entry(p.form(i)).or_insert(next);
            if form == next {
                scratch.example.push(i);
            }
            scratch.form_of.push(form);
        }
        self.scores(p, &self.first.weights, None, scratch);
        Model::decode_all(p, tags, &self.first.transitions, scratch);
        if let Some(doc) = &self.document {
            let mut extra: Vec<Vec<u64>> = vec![Vec::new(); p.len()];
            document_features(p, &scratch.tags, |i, key| extra[i].push(key));
            self.scores(p, &doc.weights, Some(&extra), scratch);
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
