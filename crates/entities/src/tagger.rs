//! Tagging a document with a model: features, scores, Viterbi, and the
//! document pass.
//!
//! Scores are integer sums of quantised weights, turned into floats once
//! per token; decoding is per sentence. Most features of a position are
//! the type features of the words in its window, which depend on a word's
//! form alone: their weights are summed once per form and window offset and
//! kept in a cache that lives as long as the [`Scratch`] (the `entities`
//! stage keeps one per thread), so a frequent word costs one hash lookup,
//! and each position adds five such sums to the weights of its own context
//! features. The context keys are kept too, so the document pass only looks
//! them up again in its own table and adds its few document features before
//! decoding a second time.

use crate::dateline::dateline_places;
use crate::document::document_features;
use crate::features::{Prepared, TokenCache};
use crate::hash::HashedMap;
use crate::honorifics::leading_honorifics;
use crate::model::Model;
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

/// Most forms the cache keeps; it starts afresh when full (a few MB).
const CACHE_FORMS: usize = 16_384;

/// Summed type-feature weights per form, for one model.
#[derive(Debug, Default)]
struct FormCache {
    /// The model the sums belong to ([`Model::id`]).
    model: u64,
    /// Form hash → cache slot.
    slots: HashedMap<u32>,
    /// The hashes of each form seen, for [`Extractor::prepare_with`](crate::features::Extractor).
    tokens: TokenCache,
    /// Per slot and window offset, the joint table's `width` sums.
    sums: Vec<i32>,
}

impl FormCache {
    /// Empties the cache if it holds another model's sums.
    fn serve(&mut self, model: u64) {
        if self.model != model {
            self.model = model;
            self.slots.clear();
            self.sums.clear();
            self.tokens.clear();
        }
    }
}

/// Reusable buffers and the form cache, so that tagging many documents
/// allocates little and looks up each frequent word's weights once.
#[derive(Debug, Default)]
pub struct Scratch {
    /// Context feature keys of all tokens.
    keys: Vec<u64>,
    /// Start of each token's keys in `keys`, plus the end.
    offsets: Vec<usize>,
    /// Cache slot of each token's form.
    form_of: Vec<u32>,
    cache: FormCache,
    /// Per window offset, the summed boundary-feature weights.
    boundary: Vec<i32>,
    /// Document-pass keys `(token, key)`, in token order.
    extra: Vec<(usize, u64)>,
    /// The document pass's sums of every token before its document
    /// features, kept from the first sweep.
    second: Vec<i32>,
    acc: Vec<i32>,
    emissions: Vec<f32>,
    decoder: Decoder,
    tags: Vec<usize>,
    sentence_tags: Vec<usize>,
}

/// Sets the emission row of a token to `scale * acc` (column 0, `O`, is 0).
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

    /// Fills `scratch.form_of`, adding the window sums of forms the cache
    /// does not have yet.
    fn cache_forms(&self, p: &Prepared, scratch: &mut Scratch) {
        let ex = self.extractor();
        let window = ex.window();
        let span = (2 * window + 1) as usize;
        let table = self.joint();
        let width = table.width();
        let cache = &mut scratch.cache;
        cache.serve(self.id());
        if cache.slots.len() + p.len() > CACHE_FORMS.max(p.len()) {
            cache.slots.clear();
            cache.sums.clear();
        }
        scratch.form_of.clear();
        for i in 0..p.len() {
            let next = cache.slots.len() as u32;
            let slot = *cache.slots.entry(p.form(i)).or_insert(next);
            if slot == next {
                let sums = &mut cache.sums;
                let at = sums.len();
                sums.resize(at + span * width, 0);
                for o in -window..=window {
                    let from = at + (o + window) as usize * width;
                    let acc = &mut sums[from..from + width];
                    ex.type_features(p.token(i), o, &mut |key| table.add_to(key, acc));
                }
            }
            scratch.form_of.push(slot);
        }
    }

    /// The first pass's scores of every token (into `scratch.emissions`)
    /// from the kept context keys and the cached window sums; the document
    /// pass's sums go to `scratch.second`.
    fn first_scores(&self, p: &Prepared, scratch: &mut Scratch) {
        let table = self.joint();
        let tags = self.tagset.len();
        let lanes = tags - 1;
        let width = table.width();
        let ex = self.extractor();
        let window = ex.window();
        let span = (2 * window + 1) as usize;
        scratch.boundary.clear();
        scratch.boundary.resize(span * width, 0);
        for o in -window..=window {
            let at = (o + window) as usize * width;
            let acc = &mut scratch.boundary[at..at + width];
            ex.boundary_features(o, &mut |key| table.add_to(key, acc));
        }
        let sums = &scratch.cache.sums;
        let n = p.len();
        scratch.emissions.clear();
        scratch.emissions.resize(n * tags, 0.0);
        scratch.second.clear();
        scratch.second.reserve(n * (width - lanes));
        scratch.acc.resize(width, 0);
        let scale = table.scale();
        for i in 0..n {
            let acc = &mut scratch.acc;
            acc.fill(0);
            for &key in &scratch.keys[scratch.offsets[i]..scratch.offsets[i + 1]] {
                table.add_to(key, acc);
            }
            let (start, end) = p.sentence_range(i);
            for o in -window..=window {
                let j = i as isize + o;
                let add = if j >= start as isize && j < end as isize {
                    let at = (scratch.form_of[j as usize] as usize * span + (o + window) as usize) * width;
                    &sums[at..at + width]
                } else {
                    let at = (o + window) as usize * width;
                    &scratch.boundary[at..at + width]
                };
                for (a, &s) in acc.iter_mut().zip(add) {
                    *a += s;
                }
            }
            set_row(&mut scratch.emissions[i * tags..(i + 1) * tags], &acc[..lanes], scale);
            scratch.second.extend_from_slice(&acc[lanes..]);
        }
    }

    /// The document pass's scores: the kept sums plus the document features.
    fn document_scores(&self, doc: &crate::model::Pass, p: &Prepared, scratch: &mut Scratch) {
        let table = self.joint();
        let tags = self.tagset.len();
        let lanes = tags - 1;
        let n = p.len();
        if table.width() < 2 * lanes || scratch.second.len() < n * lanes {
            return; // a table built before the document pass was set
        }
        let mut next_extra = 0;
        let scale = doc.weights.scale();
        for i in 0..n {
            let acc = &mut scratch.second[i * lanes..(i + 1) * lanes];
            // Document keys come in token order.
            while next_extra < scratch.extra.len() && scratch.extra[next_extra].0 == i {
                if let Some(row) = table.get(scratch.extra[next_extra].1) {
                    for (a, &w) in acc.iter_mut().zip(&row[lanes..]) {
                        *a += i32::from(w);
                    }
                }
                next_extra += 1;
            }
            set_row(&mut scratch.emissions[i * tags..(i + 1) * tags], acc, scale);
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
        for i in 0..p.len() {
            let keys = &mut scratch.keys;
            ex.context_features(p, i, &mut |key| keys.push(key));
            scratch.offsets.push(scratch.keys.len());
        }
        self.cache_forms(p, scratch);
        self.first_scores(p, scratch);
        Model::decode_all(p, tags, &self.first.transitions, scratch);
        if let Some(doc) = &self.document {
            let mut extra = std::mem::take(&mut scratch.extra);
            extra.clear();
            document_features(p, &scratch.tags, |i, key| extra.push((i, key)));
            scratch.extra = extra;
            self.document_scores(doc, p, scratch);
            Model::decode_all(p, tags, &doc.transitions, scratch);
        }
        scratch.tags.clone()
    }

    /// The entities of a document given as sentences of token texts.
    pub fn tag<S: AsRef<str>>(&self, sentences: &[Vec<S>]) -> Vec<TaggedSpan> {
        self.tag_with(sentences, &mut Scratch::default())
    }

    /// [`tag`](Self::tag) with reusable buffers.
    pub fn tag_with<S: AsRef<str>>(&self, sentences: &[Vec<S>], scratch: &mut Scratch) -> Vec<TaggedSpan> {
        scratch.cache.serve(self.id());
        let p = self.extractor().prepare_with(sentences, &mut scratch.cache.tokens);
        let tags = self.tag_prepared(&p, scratch);
        let label = |name: &str| self.tagset.labels().iter().position(|l| l == name);
        let (loc, per) = (label("LOC"), label("PER"));
        let mut out = Vec::new();
        let mut buf = String::new();
        for (k, &(start, end)) in p.sentences().iter().enumerate() {
            let places = match (loc, sentences.get(k)) {
                (Some(_), Some(words)) => {
                    let next = sentences.get(k + 1).map_or(&[][..], Vec::as_slice);
                    dateline_places(words, next, |w| self.lexicon.is_common_word(w, &mut buf))
                }
                _ => Vec::new(),
            };
            let first_out = out.len();
            for (mut first, last, label) in TagSet::decode(&tags[start..end]) {
                if Some(label) == per {
                    first += sentences.get(k).and_then(|w| w.get(first..last)).map_or(0, leading_honorifics);
                }
                if !places.iter().any(|&(a, b)| first < b && a < last) {
                    out.push(TaggedSpan { sentence: k, first, end: last, label });
                }
            }
            if let (Some(label), false) = (loc, places.is_empty()) {
                // The dateline's places come first in the sentence.
                let spans = places.iter().map(|&(first, end)| TaggedSpan { sentence: k, first, end, label });
                out.splice(first_out..first_out, spans);
            }
        }
        out
    }
}
