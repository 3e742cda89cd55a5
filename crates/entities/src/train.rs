//! The trainer: an averaged structured perceptron over BILOU tags.
//!
//! Each epoch visits the training sentences in a seeded random order,
//! decodes each with Viterbi under the current weights, and where the best
//! path differs from the gold one adds the gold path's features and
//! subtracts the predicted path's (Collins 2002). The model keeps the
//! average of the weights over all steps, which generalises far better than
//! the last weights. After every epoch the averaged model is scored on the
//! dev set, and training keeps the best epoch and stops when the dev F1 has
//! not improved for `patience` epochs.
//!
//! The document pass is trained on first-pass output that is honest about
//! mistakes: the training documents are split into folds, and each fold is
//! tagged by a first-pass model trained on the other folds. Likewise the
//! training data's name lists are built, for each fold, from the other
//! folds only, so that a training sentence never finds its own names in the
//! list. Everything is deterministic for a seed: feature ids follow the data
//! order, folds follow document order, the shuffle is our own generator.

use std::collections::HashMap;

use byline_core::eval::{Counts, Prf};

use crate::conll::{ConllDocument, iob_chunks};
use crate::document::document_features;
use crate::features::{FeatureConfig, Prepared, lower_hash, normalize};
use crate::hash::HashedMap;
use crate::lexicon::Lexicon;
use crate::lists::ListIndex;
use crate::model::{Model, Pass, WeightTable, lists_with_names};
use crate::tags::TagSet;
use crate::viterbi::{Decoder, Transitions};

/// How to train.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// Most epochs per pass.
    pub epochs: usize,
    /// Stop a pass after this many epochs without a better dev F1.
    pub patience: usize,
    /// Seed of the sentence order.
    pub seed: u64,
    /// Feature groups.
    pub config: FeatureConfig,
    /// Folds for the document pass's training data and the name lists.
    pub folds: usize,
    /// Drop features whose largest weight is below this share of the
    /// largest weight of the model.
    pub prune: f32,
    /// Train this many copies of each pass with different seeds and average
    /// their weights.
    pub bag: usize,
    /// Word clusters `(word, path)` for the cluster features.
    pub clusters: Vec<(String, String)>,
    /// Unlabelled sentences of tokens to learn usual casings from, besides
    /// the training data.
    pub text: Vec<Vec<String>>,
    /// A line saying what the model is trained on.
    pub about: String,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            epochs: 30,
            patience: 8,
            seed: 1,
            config: FeatureConfig::default(),
            folds: 5,
            prune: 0.002,
            bag: 1,
            clusters: Vec::new(),
            text: Vec::new(),
            about: String::new(),
        }
    }
}

/// Progress of training, for printing.
#[derive(Clone, Debug)]
pub enum TrainEvent {
    /// An epoch of a pass ended.
    Epoch {
        /// `first`, `fold N` or `document`.
        pass: String,
        /// 1-based epoch.
        epoch: usize,
        /// Training tokens tagged wrongly during the epoch (the perceptron's loss).
        mistakes: usize,
        /// Training tokens.
        tokens: usize,
        /// The averaged model's dev figures, when there is a dev set.
        dev: Option<Prf>,
    },
    /// Anything else worth saying.
    Note(String),
}

/// Why training failed.
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    /// No entity in the training data.
    #[error("the training data has no entities; check that its last column holds IOB tags")]
    NoEntities,
    /// Too many labels for the model format.
    #[error("the training data has {0} labels; at most 60 are supported")]
    TooManyLabels(usize),
}

/// A small, fast, seeded generator (splitmix64).
#[derive(Clone, Debug)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// The labels of the data: PER, ORG, LOC, MISC first when present, then
/// any others sorted.
pub fn labels_of(docs: &[ConllDocument]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for doc in docs {
        for sentence in &doc.sentences {
            let tags: Vec<&str> = sentence.iter().map(|t| t.tag.as_str()).collect();
            for (_, _, label) in iob_chunks(&tags) {
                if !seen.contains(&label) {
                    seen.push(label);
                }
            }
        }
    }
    let mut out: Vec<String> = ["PER", "ORG", "LOC", "MISC"]
        .iter()
        .filter(|l| seen.iter().any(|s| s == *l))
        .map(|l| (*l).to_owned())
        .collect();
    let mut rest: Vec<String> = seen.into_iter().filter(|l| !out.contains(l)).collect();
    rest.sort();
    out.extend(rest);
    out
}

/// Gold spans `(first, end, label)` of a sentence for a tag set.
fn gold_spans(sentence: &[crate::conll::ConllToken], tagset: &TagSet) -> Vec<(usize, usize, usize)> {
    let tags: Vec<&str> = sentence.iter().map(|t| t.tag.as_str()).collect();
    iob_chunks(&tags).into_iter().filter_map(|(a, b, l)| tagset.label_index(&l).map(|l| (a, b, l))).collect()
}

fn words(doc: &ConllDocument) -> Vec<Vec<&str>> {
    doc.sentences.iter().map(|s| s.iter().map(|t| t.word.as_str()).collect()).collect()
}

/// The training data's names, `(label, tokens)`, sorted and unique.
fn names_of<'a>(docs: impl Iterator<Item = &'a ConllDocument>, tagset: &TagSet) -> Vec<(usize, String)> {
    let mut names = Vec::new();
    for doc in docs {
        for sentence in &doc.sentences {
            for (a, b, l) in gold_spans(sentence, tagset) {
                let tokens: Vec<&str> = sentence[a..b].iter().map(|t| t.word.as_str()).collect();
                names.push((l, tokens.join(" ")));
            }
        }
    }
    names.sort();
    names.dedup();
    names
}

/// Feature ids of tokens, flat, with sentence and document structure.
#[derive(Debug, Default)]
struct Instances {
    feats: Vec<u32>,
    /// Start of each token's features in `feats`; one more entry at the end.
    offsets: Vec<usize>,
    /// Token range of each sentence.
    sentences: Vec<(usize, usize)>,
    /// Gold tag of each token.
    gold: Vec<usize>,
}

impl Instances {
    fn new() -> Instances {
        Instances { offsets: vec![0], ..Instances::default() }
    }

    fn token_feats(&self, i: usize) -> &[u32] {
        &self.feats[self.offsets[i]..self.offsets[i + 1]]
    }
}

/// Feature keys to dense ids.
#[derive(Debug, Default)]
struct FeatureIds {
    ids: HashMap<u64, u32>,
    keys: Vec<u64>,
}

impl FeatureIds {
    fn id(&mut self, key: u64, grow: bool) -> Option<u32> {
        if let Some(&id) = self.ids.get(&key) {
            return Some(id);
        }
        if !grow {
            return None;
        }
        let id = self.keys.len() as u32;
        self.ids.insert(key, id);
        self.keys.push(key);
        Some(id)
    }
}

/// Weights of a pass: per feature a row of `tags` floats, and transitions.
#[derive(Clone, Debug)]
struct Weights {
    tags: usize,
    w: Vec<f32>,
    trans: Transitions,
}

impl Weights {
    fn zero(features: usize, tags: usize) -> Weights {
        Weights { tags, w: vec![0.0; features * tags], trans: Transitions::zero(tags) }
    }

    /// Emission scores of tokens `start..end`.
    fn emissions(&self, inst: &Instances, start: usize, end: usize, out: &mut Vec<f32>) {
        let t = self.tags;
        out.clear();
        out.resize((end - start) * t, 0.0);
        for i in start..end {
            let row = &mut out[(i - start) * t..(i - start + 1) * t];
            for &f in inst.token_feats(i) {
                let w = &self.w[f as usize * t..(f as usize + 1) * t];
                for (r, x) in row.iter_mut().zip(w) {
                    *r += x;
                }
            }
        }
    }
}

/// The averaged perceptron's state.
struct Perceptron {
    cur: Weights,
    /// Sums of `step * update`, for averaging.
    sum: Weights,
    step: f32,
}

impl Perceptron {
    fn new(features: usize, tags: usize) -> Perceptron {
        Perceptron { cur: Weights::zero(features, tags), sum: Weights::zero(features, tags), step: 1.0 }
    }

    fn add_feats(&mut self, feats: &[u32], tag: usize, delta: f32) {
        let t = self.cur.tags;
        for &f in feats {
            self.cur.w[f as usize * t + tag] += delta;
            self.sum.w[f as usize * t + tag] += self.step * delta;
        }
    }

    fn add_trans(&mut self, prev: Option<usize>, next: Option<usize>, delta: f32) {
        let t = self.cur.tags;
        let step = self.step;
        let (cur, sum) = match (prev, next) {
            (Some(p), Some(n)) => (&mut self.cur.trans.score[p * t + n], &mut self.sum.trans.score[p * t + n]),
            (None, Some(n)) => (&mut self.cur.trans.start[n], &mut self.sum.trans.start[n]),
            (Some(p), None) => (&mut self.cur.trans.end[p], &mut self.sum.trans.end[p]),
            (None, None) => return,
        };
        *cur += delta;
        *sum += step * delta;
    }

    fn update(&mut self, inst: &Instances, start: usize, gold: &[usize], pred: &[usize]) {
        for (k, (&g, &p)) in gold.iter().zip(pred).enumerate() {
            if g != p {
                let feats = inst.token_feats(start + k).to_vec();
                self.add_feats(&feats, g, 1.0);
                self.add_feats(&feats, p, -1.0);
            }
        }
        let n = gold.len();
        for k in 0..=n {
            let g = (k.checked_sub(1).map(|j| gold[j]), gold.get(k).copied());
            let p = (k.checked_sub(1).map(|j| pred[j]), pred.get(k).copied());
            if g != p {
                self.add_trans(g.0, g.1, 1.0);
                self.add_trans(p.0, p.1, -1.0);
            }
        }
    }

    fn averaged(&self) -> Weights {
        let avg = |cur: &[f32], sum: &[f32]| cur.iter().zip(sum).map(|(c, s)| c - s / self.step).collect();
        Weights {
            tags: self.cur.tags,
            w: avg(&self.cur.w, &self.sum.w),
            trans: Transitions {
                tags: self.cur.tags,
                score: avg(&self.cur.trans.score, &self.sum.trans.score),
                start: avg(&self.cur.trans.start, &self.sum.trans.start),
                end: avg(&self.cur.trans.end, &self.sum.trans.end),
                plan: Vec::new(),
            },
        }
    }
}

/// Decodes sentence `k` of `inst` with `weights` and constrained `trans`.
fn decode_sentence(
    weights: &Weights,
    trans: &Transitions,
    inst: &Instances,
    k: usize,
    buffers: &mut (Vec<f32>, Decoder),
    out: &mut Vec<usize>,
) {
    let (start, end) = inst.sentences[k];
    weights.emissions(inst, start, end, &mut buffers.0);
    buffers.1.decode(&buffers.0, trans, out);
}

/// Exact-span counts of predicted against gold tags, per sentence.
fn span_counts(inst: &Instances, predicted: &[usize]) -> Counts {
    let mut counts = Counts::default();
    for &(start, end) in &inst.sentences {
        let gold: std::collections::HashSet<_> = TagSet::decode(&inst.gold[start..end]).into_iter().collect();
        let pred: std::collections::HashSet<_> = TagSet::decode(&predicted[start..end]).into_iter().collect();
        counts.add(Counts::of_sets(&gold, &pred));
    }
    counts
}

/// Tags every sentence of `inst`.
fn tag_all(weights: &Weights, inst: &Instances) -> Vec<usize> {
    let mut buffers = (Vec::new(), Decoder::default());
    let mut out = Vec::with_capacity(inst.gold.len());
    let mut tags = Vec::new();
    let trans = weights.trans.clone().with_constraints();
    for k in 0..inst.sentences.len() {
        decode_sentence(weights, &trans, inst, k, &mut buffers, &mut tags);
        out.extend_from_slice(&tags);
    }
    out
}

/// One pass of perceptron training over the sentences `train` of `inst`.
struct PassSetup<'a> {
    name: String,
    inst: &'a Instances,
    train: Vec<usize>,
    features: usize,
    tags: usize,
    epochs: usize,
    patience: usize,
    seed: u64,
}

/// Trains `bag` copies of a pass with different seeds (two at a time) and
/// averages their weights: a linear model like each of them, with less of
/// the variance that the sentence order puts into a perceptron.
fn run_bagged(
    setup: PassSetup<'_>,
    bag: usize,
    dev: Option<&(dyn Fn(&Weights) -> Prf + Sync)>,
    report: &mut dyn FnMut(&TrainEvent),
) -> (Weights, usize) {
    let bag = bag.max(1);
    let mut results: Vec<(Weights, usize, Vec<TrainEvent>)> = Vec::new();
    for chunk in (0..bag).collect::<Vec<_>>().chunks(2) {
        let done: Vec<(Weights, usize, Vec<TrainEvent>)> = std::thread::scope(|s| {
            let handles: Vec<_> = chunk
                .iter()
                .map(|&j| {
                    let copy = PassSetup {
                        name: if bag > 1 { format!("{} {}", setup.name, j + 1) } else { setup.name.clone() },
                        inst: setup.inst,
                        train: setup.train.clone(),
                        features: setup.features,
                        tags: setup.tags,
                        epochs: setup.epochs,
                        patience: setup.patience,
                        seed: setup.seed.wrapping_add(7919 * j as u64),
                    };
                    s.spawn(move || {
                        let mut events = Vec::new();
                        let dev = dev.map(|d| d as &dyn Fn(&Weights) -> Prf);
                        let (w, e) = run_pass(copy, dev, &mut |ev| events.push(ev.clone()));
                        (w, e, events)
                    })
                })
                .collect();
            handles.into_iter().filter_map(|h| h.join().ok()).collect()
        });
        results.extend(done);
    }
    for (_, _, events) in &results {
        for e in events {
            report(e);
        }
    }
    let epoch = results.iter().map(|r| r.1).max().unwrap_or(0);
    let mut iter = results.into_iter().map(|r| r.0);
    let Some(mut sum) = iter.next() else { return (Weights::zero(setup.features, setup.tags), 0) };
    let mut k = 1.0;
    for w in iter {
        k += 1.0;
        for (a, b) in sum.w.iter_mut().zip(&w.w) {
            *a += b;
        }
        for (a, b) in sum
            .trans
            .score
            .iter_mut()
            .chain(&mut sum.trans.start)
            .chain(&mut sum.trans.end)
            .zip(w.trans.score.iter().chain(&w.trans.start).chain(&w.trans.end))
        {
            *a += b;
        }
    }
    for a in sum.w.iter_mut().chain(&mut sum.trans.score).chain(&mut sum.trans.start).chain(&mut sum.trans.end) {
        *a /= k;
    }
    (sum, epoch)
}

/// Trains a pass; returns the best averaged weights and their epoch.
/// `dev` scores averaged weights.
fn run_pass(
    setup: PassSetup<'_>,
    dev: Option<&dyn Fn(&Weights) -> Prf>,
    report: &mut dyn FnMut(&TrainEvent),
) -> (Weights, usize) {
    let mut p = Perceptron::new(setup.features, setup.tags);
    let mut rng = Rng(setup.seed ^ 0x5eed);
    let mut order = setup.train.clone();
    let mut buffers = (Vec::new(), Decoder::default());
    let mut pred = Vec::new();
    let tokens: usize = order.iter().map(|&k| setup.inst.sentences[k].1 - setup.inst.sentences[k].0).sum();
    let mut best: Option<(f64, Weights, usize)> = None;
    let mut last = None;
    for epoch in 1..=setup.epochs {
        rng.shuffle(&mut order);
        let mut mistakes = 0;
        for &k in &order {
            let (start, end) = setup.inst.sentences[k];
            // Transitions are few; constraining them per sentence is cheap.
            let trans = p.cur.trans.clone().with_constraints();
            decode_sentence(&p.cur, &trans, setup.inst, k, &mut buffers, &mut pred);
            let gold = &setup.inst.gold[start..end];
            let wrong = gold.iter().zip(&pred).filter(|(g, p)| g != p).count();
            if wrong > 0 {
                mistakes += wrong;
                p.update(setup.inst, start, gold, &pred);
            }
            p.step += 1.0;
        }
        let avg = p.averaged();
        let score = dev.map(|f| f(&avg));
        report(&TrainEvent::Epoch { pass: setup.name.clone(), epoch, mistakes, tokens, dev: score });
        match score {
            Some(s) => {
                if best.as_ref().is_none_or(|b| s.f1 > b.0) {
                    best = Some((s.f1, avg, epoch));
                } else if best.as_ref().is_some_and(|b| epoch - b.2 >= setup.patience) {
                    break;
                }
            }
            None => last = Some((avg, epoch)),
        }
        if mistakes == 0 {
            break;
        }
    }
    match (best, last) {
        (Some((_, w, e)), _) => (w, e),
        (None, Some((w, e))) => (w, e),
        (None, None) => (p.averaged(), 0),
    }
}

/// A corpus extracted for one pass: instances plus each document's
/// prepared form and token range.
struct Corpus {
    inst: Instances,
    prepared: Vec<Prepared>,
    /// First token and first sentence of each document.
    doc_start: Vec<(usize, usize)>,
}

/// Extracts features of `docs`; `lists_of(d)` gives the lists for document `d`,
/// and `unseen(d, word)` says whether document `d` is to read `word` (its
/// identity hash) as a word the model never saw.
#[allow(clippy::too_many_arguments)]
fn extract<'l>(
    docs: &[ConllDocument],
    tagset: &TagSet,
    config: &FeatureConfig,
    lexicon: &Lexicon,
    lists_of: impl Fn(usize) -> &'l ListIndex,
    unseen: impl Fn(usize, u64) -> bool,
    ids: &mut FeatureIds,
    grow: bool,
) -> Corpus {
    let mut corpus = Corpus { inst: Instances::new(), prepared: Vec::new(), doc_start: Vec::new() };
    let mut keys = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let ex = crate::features::Extractor { config, lexicon, gazetteer: lists_of(d) };
        let mut p = ex.prepare(&words(doc));
        for i in 0..p.len() {
            if unseen(d, p.identity[i]) {
                crate::features::Extractor::set_unknown(&mut p, i);
            }
        }
        let inst = &mut corpus.inst;
        corpus.doc_start.push((inst.gold.len(), inst.sentences.len()));
        for (sentence, &(start, end)) in doc.sentences.iter().zip(p.sentences()) {
            let base = inst.gold.len();
            inst.sentences.push((base, base + (end - start)));
            inst.gold.extend(TagSet::encode(sentence.len(), &gold_spans(sentence, tagset)));
            for i in start..end {
                keys.clear();
                ex.features(&p, i, |k| keys.push(k));
                inst.feats.extend(keys.iter().filter_map(|&k| ids.id(k, grow)));
                inst.offsets.push(inst.feats.len());
            }
        }
        corpus.prepared.push(p);
    }
    corpus
}

/// Document-pass instances of a corpus: each token's first-pass features
/// plus its document features, given first-pass tags of all tokens.
fn document_instances(corpus: &Corpus, first_tags: &[usize], ids: &mut FeatureIds, grow: bool) -> Instances {
    let mut inst = Instances::new();
    inst.sentences = corpus.inst.sentences.clone();
    inst.gold = corpus.inst.gold.clone();
    for (p, &(token0, _)) in corpus.prepared.iter().zip(&corpus.doc_start) {
        let mut per_token: Vec<Vec<u32>> = vec![Vec::new(); p.len()];
        document_features(p, &first_tags[token0..token0 + p.len()], |i, k| {
            if let Some(id) = ids.id(k, grow) {
                per_token[i].push(id);
            }
        });
        for (i, feats) in per_token.into_iter().enumerate() {
            inst.feats.extend_from_slice(corpus.inst.token_feats(token0 + i));
            inst.feats.extend(feats);
            inst.offsets.push(inst.feats.len());
        }
    }
    inst
}

/// Quantised table of averaged weights.
fn table_of(weights: &Weights, keys: &[u64], prune: f32) -> WeightTable {
    let t = weights.tags;
    let rows: Vec<(u64, &[f32])> =
        keys.iter().enumerate().map(|(id, &k)| (k, &weights.w[id * t..(id + 1) * t])).collect();
    WeightTable::quantise(&rows, prune)
}

/// Trains a model on `train`, early-stopping on `dev` when it is not empty.
pub fn train(
    train: &[ConllDocument],
    dev: &[ConllDocument],
    options: &TrainOptions,
    report: &mut dyn FnMut(&TrainEvent),
) -> Result<Model, TrainError> {
    let labels = labels_of(train);
    if labels.is_empty() {
        return Err(TrainError::NoEntities);
    }
    if labels.len() > 60 {
        return Err(TrainError::TooManyLabels(labels.len()));
    }
    let tagset = TagSet::new(labels);
    let tags = tagset.len();
    let config = &options.config;
    let mut all_sentences: Vec<Vec<&str>> = train.iter().flat_map(words).collect();
    all_sentences.extend(options.text.iter().map(|s| s.iter().map(String::as_str).collect::<Vec<_>>()));
    let lexicon = Lexicon::new(Lexicon::casings_of(&all_sentences), options.clusters.clone());
    let folds = options.folds.max(2).min(train.len().max(2));
    let fold_of = |d: usize| d % folds;

    // Name lists: for each fold from the other folds; for dev and the model from all.
    let names = names_of(train.iter(), &tagset);
    let fold_lists: Vec<ListIndex> = (0..folds)
        .map(|k| {
            let others = train.iter().enumerate().filter(|(d, _)| fold_of(*d) != k).map(|(_, doc)| doc);
            lists_with_names(tagset.labels(), &names_of(others, &tagset))
        })
        .collect();
    let full_lists = lists_with_names(tagset.labels(), &names);

    let mut ids = FeatureIds::default();
    // A word found in one fold only (and not in the unlabelled text) trains
    // as a word the model never saw, as the names of new text will be: the
    // other folds stand for the training data, this fold for new text.
    let mut folds_of_word: HashedMap<u64> = HashedMap::default();
    if config.unknown {
        let (mut norm, mut buf) = (String::new(), String::new());
        let mut hash = |word: &str| {
            normalize(word, &mut norm);
            lower_hash(&norm, &mut buf)
        };
        for (d, doc) in train.iter().enumerate() {
            for t in doc.sentences.iter().flatten() {
                *folds_of_word.entry(hash(&t.word)).or_default() |= 1 << (fold_of(d) % 64);
            }
        }
        for t in options.text.iter().flatten() {
            folds_of_word.insert(hash(t), u64::MAX);
        }
    }
    let unseen = |d: usize, word: u64| folds_of_word.get(&word).is_some_and(|&f| f == 1 << (fold_of(d) % 64));
    let corpus = extract(train, &tagset, config, &lexicon, |d| &fold_lists[fold_of(d)], unseen, &mut ids, true);
    let dev_corpus = extract(dev, &tagset, config, &lexicon, |_| &full_lists, |_, _| false, &mut ids, false);
    report(&TrainEvent::Note(format!(
        "{} training documents, {} sentences, {} tokens, {} features; {} dev tokens; labels {}",
        train.len(),
        corpus.inst.sentences.len(),
        corpus.inst.gold.len(),
        ids.keys.len(),
        dev_corpus.inst.gold.len(),
        tagset.labels().join(" ")
    )));

    let has_dev = !dev_corpus.inst.sentences.is_empty();
    let dev_first = |w: &Weights| span_counts(&dev_corpus.inst, &tag_all(w, &dev_corpus.inst)).prf();
    let all: Vec<usize> = (0..corpus.inst.sentences.len()).collect();
    let setup = PassSetup {
        name: "first".into(),
        inst: &corpus.inst,
        train: all.clone(),
        features: ids.keys.len(),
        tags,
        epochs: options.epochs,
        patience: options.patience,
        seed: options.seed,
    };
    let (first, first_epoch) =
        run_bagged(setup, options.bag, has_dev.then_some(&dev_first as &(dyn Fn(&Weights) -> Prf + Sync)), report);
    if has_dev && options.bag > 1 {
        let m = dev_first(&first);
        report(&TrainEvent::Note(format!(
            "first pass: {} bagged, dev P {:.2} R {:.2} F1 {:.2}",
            options.bag, m.p, m.r, m.f1
        )));
    }
    report(&TrainEvent::Note(format!("first pass: kept epoch {first_epoch}")));

    drop(full_lists);
    let first_pass = Pass::new(table_of(&first, &ids.keys, options.prune), first.trans.clone());
    let mut model = Model::new(config.clone(), tagset, first_pass, None, lexicon, names, options.about.clone());

    if config.document {
        model.document = Some(train_document_pass(
            &corpus,
            &dev_corpus,
            &first,
            first_epoch.max(1),
            folds,
            &fold_of,
            &ids.keys,
            options,
            report,
        ));
    }
    Ok(model)
}

/// Trains the document pass on cross-validated first-pass output.
#[allow(clippy::too_many_arguments)]
fn train_document_pass(
    corpus: &Corpus,
    dev_corpus: &Corpus,
    first: &Weights,
    epochs: usize,
    folds: usize,
    fold_of: &(dyn Fn(usize) -> usize + Sync),
    keys: &[u64],
    options: &TrainOptions,
    report: &mut dyn FnMut(&TrainEvent),
) -> Pass {
    let tags = first.tags;
    let sentence_fold: Vec<usize> = {
        let mut v = vec![0; corpus.inst.sentences.len()];
        for (d, &(_, s0)) in corpus.doc_start.iter().enumerate() {
            let s1 = corpus.doc_start.get(d + 1).map_or(v.len(), |x| x.1);
            for f in &mut v[s0..s1] {
                *f = fold_of(d);
            }
        }
        v
    };
    // Fold models, two at a time (the machine has two cores).
    let fold_weights: Vec<Weights> = {
        let mut out: Vec<Option<Weights>> = vec![None; folds];
        for chunk in (0..folds).collect::<Vec<_>>().chunks(2) {
            let results: Vec<(usize, Weights)> = std::thread::scope(|s| {
                let handles: Vec<_> = chunk
                    .iter()
                    .map(|&k| {
                        let sentence_fold = &sentence_fold;
                        s.spawn(move || {
                            let train: Vec<usize> =
                                (0..corpus.inst.sentences.len()).filter(|&i| sentence_fold[i] != k).collect();
                            let setup = PassSetup {
                                name: format!("fold {k}"),
                                inst: &corpus.inst,
                                train,
                                features: keys.len(),
                                tags,
                                epochs,
                                patience: usize::MAX,
                                seed: options.seed.wrapping_add(k as u64 + 1),
                            };
                            (k, run_pass(setup, None, &mut |_| {}).0)
                        })
                    })
                    .collect();
                handles.into_iter().filter_map(|h| h.join().ok()).collect()
            });
            for (k, w) in results {
                out[k] = Some(w);
            }
        }
        out.into_iter().map(|w| w.unwrap_or_else(|| first.clone())).collect()
    };
    report(&TrainEvent::Note(format!("document pass: {folds} fold models trained ({epochs} epochs each)")));

    // Held-out first-pass tags for every training token.
    let mut first_tags = vec![0usize; corpus.inst.gold.len()];
    for (k, w) in fold_weights.iter().enumerate() {
        let trans = w.trans.clone().with_constraints();
        let (mut buf, mut decoder, mut out) = (Vec::new(), Decoder::default(), Vec::new());
        for (s, &(start, end)) in corpus.inst.sentences.iter().enumerate() {
            if sentence_fold[s] == k {
                w.emissions(&corpus.inst, start, end, &mut buf);
                decoder.decode(&buf, &trans, &mut out);
                first_tags[start..end].copy_from_slice(&out);
            }
        }
    }
    let held_out = span_counts(&corpus.inst, &first_tags).prf();
    report(&TrainEvent::Note(format!("document pass: held-out first-pass F1 on training data {:.2}", held_out.f1)));

    // The document pass has every first-pass feature (ids as they are) and
    // the document features (ids after them).
    let mut doc_ids = FeatureIds { ids: HashMap::new(), keys: keys.to_vec() };
    let doc_inst = document_instances(corpus, &first_tags, &mut doc_ids, true);
    let dev_tags = tag_all(first, &dev_corpus.inst);
    let dev_inst = document_instances(dev_corpus, &dev_tags, &mut doc_ids, false);
    let has_dev = !dev_inst.sentences.is_empty();
    let dev_score = |w: &Weights| span_counts(&dev_inst, &tag_all(w, &dev_inst)).prf();
    let setup = PassSetup {
        name: "document".into(),
        inst: &doc_inst,
        train: (0..doc_inst.sentences.len()).collect(),
        features: doc_ids.keys.len(),
        tags,
        epochs: options.epochs,
        patience: options.patience,
        seed: options.seed.wrapping_add(1000),
    };
    let (doc, epoch) =
        run_bagged(setup, options.bag, has_dev.then_some(&dev_score as &(dyn Fn(&Weights) -> Prf + Sync)), report);
    if has_dev && options.bag > 1 {
        let m = dev_score(&doc);
        report(&TrainEvent::Note(format!(
            "document pass: {} bagged, dev P {:.2} R {:.2} F1 {:.2}",
            options.bag, m.p, m.r, m.f1
        )));
    }
    report(&TrainEvent::Note(format!(
        "document pass: kept epoch {epoch}, {} document features",
        doc_ids.keys.len() - keys.len()
    )));
    Pass::new(table_of(&doc, &doc_ids.keys, options.prune), doc.trans.clone())
}

/// Entity-level figures of a model on CoNLL documents (gold tokenisation):
/// overall and per label, as conlleval counts them.
pub fn evaluate(model: &Model, docs: &[ConllDocument]) -> (Prf, Vec<(String, Prf)>) {
    let labels = model.tagset.labels();
    let mut per_label = vec![Counts::default(); labels.len()];
    let mut overall = Counts::default();
    let mut scratch = crate::tagger::Scratch::default();
    for doc in docs {
        let predicted = model.tag_with(&words(doc), &mut scratch);
        for (k, sentence) in doc.sentences.iter().enumerate() {
            let gold: std::collections::HashSet<(usize, usize, usize)> =
                gold_spans(sentence, &model.tagset).into_iter().collect();
            let pred: std::collections::HashSet<(usize, usize, usize)> =
                predicted.iter().filter(|s| s.sentence == k).map(|s| (s.first, s.end, s.label)).collect();
            overall.add(Counts::of_sets(&gold, &pred));
            for (l, counts) in per_label.iter_mut().enumerate() {
                let g: std::collections::HashSet<_> = gold.iter().filter(|s| s.2 == l).collect();
                let p: std::collections::HashSet<_> = pred.iter().filter(|s| s.2 == l).collect();
                counts.add(Counts::of_sets(&g, &p));
            }
        }
    }
    (overall.prf(), labels.iter().cloned().zip(per_label.iter().map(Counts::prf)).collect())
}
