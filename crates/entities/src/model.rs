//! The model: feature weights, transition scores, and the word resources
//! features consult, in a compact binary file.
//!
//! Weights are pruned (features whose largest weight is tiny are dropped)
//! and quantised to 16-bit integers with one scale per table. Each row holds
//! a feature's weights for every tag but `O`, minus its weight for `O`:
//! adding the same number to all tags of a token changes no decision, so the
//! `O` column is folded away and a row of four labels is 16 lanes.
//!
//! File layout (little-endian): the magic `BYLNER01`, a `u32` length and a
//! JSON header (feature config, labels, transitions, lexicon, entity lists,
//! table sizes), then each weight table as its `u64` keys followed by its
//! `i16` rows.

use serde::{Deserialize, Serialize};

use crate::features::FeatureConfig;
use crate::lexicon::Lexicon;
use crate::lists::ListIndex;
use crate::tags::TagSet;
use crate::viterbi::Transitions;

const MAGIC: &[u8; 8] = b"BYLNER01";

/// Why a model could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// Not a byline entities model, or a damaged one.
    #[error("not a byline entities model ({0}); train one with `byline train entities`")]
    Format(String),
    /// The file could not be read.
    #[error("cannot read the model {path}: {source}")]
    Io {
        /// The model's path.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
}

fn format_error(what: impl Into<String>) -> ModelError {
    ModelError::Format(what.into())
}

/// A hash table from feature keys to quantised weight rows.
///
/// Lookups probe an array of 32-bit fingerprints (the key's high half; the
/// slot comes from its low bits), small enough to stay in cache: most
/// lookups are of features the model does not know, and they touch nothing
/// else. The full keys are kept only for writing the table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WeightTable {
    /// Row width: tags minus one.
    width: usize,
    /// Multiply an integer sum by this to get a score.
    scale: f32,
    /// Open-addressing slots (0 = empty); capacity is a power of two.
    fingerprints: Vec<u32>,
    /// The full key of each slot.
    keys: Vec<u64>,
    /// `width` weights per slot.
    rows: Vec<i16>,
    /// Number of features.
    len: usize,
}

/// The fingerprint of a key: its high half, never 0.
#[inline]
fn fingerprint(key: u64) -> u32 {
    ((key >> 32) as u32).max(1)
}

impl WeightTable {
    /// A table of `(key, row)` entries (rows already quantised).
    pub fn new(width: usize, scale: f32, entries: &[(u64, Vec<i16>)]) -> WeightTable {
        let mut table = WeightTable::with_capacity(width, scale, entries.len());
        for (key, row) in entries {
            table.insert(*key, row);
        }
        table
    }

    /// An empty table with room for `n` entries at a load factor of at most 0.8.
    fn with_capacity(width: usize, scale: f32, n: usize) -> WeightTable {
        let capacity = (n * 5 / 4 + 1).next_power_of_two().max(16);
        WeightTable {
            width,
            scale,
            fingerprints: vec![0; capacity],
            keys: vec![0; capacity],
            rows: vec![0; capacity * width],
            len: 0,
        }
    }

    /// The slot of `key`: where it is, or the empty slot where it goes.
    fn slot(&self, key: u64) -> usize {
        let mask = self.fingerprints.len() - 1;
        let mut slot = (key as usize) & mask;
        while self.fingerprints[slot] != 0 && self.keys[slot] != key {
            slot = (slot + 1) & mask;
        }
        slot
    }

    /// The slot of `key`, taken for it if it was empty.
    fn claim(&mut self, key: u64) -> usize {
        let slot = self.slot(key);
        if self.fingerprints[slot] == 0 {
            self.len += 1;
            self.fingerprints[slot] = fingerprint(key);
            self.keys[slot] = key;
        }
        slot
    }

    fn insert(&mut self, key: u64, row: &[i16]) {
        let slot = self.claim(key);
        self.rows[slot * self.width..(slot + 1) * self.width].copy_from_slice(&row[..self.width]);
    }

    /// The row of `key`, if the feature is known. (Two keys that share the
    /// slot region and the 32-bit fingerprint are one feature to the table:
    /// about one lookup in 10^9.)
    #[inline]
    pub fn get(&self, key: u64) -> Option<&[i16]> {
        let mask = self.fingerprints.len().wrapping_sub(1);
        let want = fingerprint(key);
        let mut slot = (key as usize) & mask;
        loop {
            let f = *self.fingerprints.get(slot)?;
            if f == want {
                return self.rows.get(slot * self.width..(slot + 1) * self.width);
            }
            if f == 0 {
                return None;
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Adds the row of `key` (if known) to `acc`.
    #[inline]
    pub fn add_to(&self, key: u64, acc: &mut [i32]) {
        if let Some(row) = self.get(key) {
            for (a, &w) in acc.iter_mut().zip(row) {
                *a += i32::from(w);
            }
        }
    }

    /// The score scale.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// Number of features.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when the table has no features.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Row width (tags minus one).
    pub fn width(&self) -> usize {
        self.width
    }

    /// Entries sorted by key, for writing.
    fn entries(&self) -> Vec<(u64, &[i16])> {
        let mut out: Vec<(u64, &[i16])> = self
            .keys
            .iter()
            .enumerate()
            .filter(|(slot, _)| self.fingerprints[*slot] != 0)
            .map(|(slot, &k)| (k, &self.rows[slot * self.width..(slot + 1) * self.width]))
            .collect();
        out.sort_unstable_by_key(|e| e.0);
        out
    }

    /// One table of several tables' rows side by side: a key's row is its
    /// row in each table in turn (zeros where a table lacks the key), so
    /// that one lookup serves every pass. Scales stay per table
    /// ([`scale`](Self::scale) is the first's).
    pub fn joint(tables: &[&WeightTable]) -> WeightTable {
        let width: usize = tables.iter().map(|t| t.width).sum();
        let most: usize = tables.iter().map(|t| t.len).sum();
        let mut joint = WeightTable::with_capacity(width, tables.first().map_or(1.0, |t| t.scale), most);
        let mut offset = 0;
        for t in tables {
            for (from, (&f, &key)) in t.fingerprints.iter().zip(&t.keys).enumerate() {
                if f == 0 {
                    continue;
                }
                let slot = joint.claim(key);
                let row = &t.rows[from * t.width..(from + 1) * t.width];
                joint.rows[slot * width + offset..slot * width + offset + t.width].copy_from_slice(row);
            }
            offset += t.width;
        }
        joint
    }

    /// Quantises float rows (`tags` wide, `O` first): folds `O` away, drops
    /// rows whose largest weight is below `prune` times the largest weight
    /// of all, and scales to `i16`.
    pub fn quantise(rows: &[(u64, &[f32])], prune: f32) -> WeightTable {
        let width = rows.first().map_or(0, |r| r.1.len().saturating_sub(1));
        let folded: Vec<(u64, Vec<f32>)> =
            rows.iter().map(|(k, r)| (*k, r[1..].iter().map(|w| w - r[0]).collect())).collect();
        let max = folded.iter().flat_map(|(_, r)| r.iter()).fold(0f32, |m, w| m.max(w.abs()));
        if max == 0.0 {
            return WeightTable::new(width, 1.0, &[]);
        }
        let scale = max / f32::from(i16::MAX);
        let keep = prune * max;
        let entries: Vec<(u64, Vec<i16>)> = folded
            .into_iter()
            .filter(|(_, r)| r.iter().any(|w| w.abs() >= keep))
            .map(|(k, r)| {
                (k, r.iter().map(|w| (w / scale).round().clamp(-32767.0, 32767.0) as i16).collect::<Vec<i16>>())
            })
            .filter(|(_, r)| r.iter().any(|&w| w != 0))
            .collect();
        WeightTable::new(width, scale, &entries)
    }
}

/// A pass's transitions, scale and feature count in the header.
#[derive(Debug, Serialize, Deserialize)]
struct PassHeader {
    transitions: Vec<f32>,
    start: Vec<f32>,
    end: Vec<f32>,
    scale: f32,
    features: usize,
}

/// The JSON header of a model file.
#[derive(Debug, Serialize, Deserialize)]
struct Header {
    config: FeatureConfig,
    labels: Vec<String>,
    transitions: Vec<f32>,
    start: Vec<f32>,
    end: Vec<f32>,
    scale: f32,
    features: usize,
    /// The document pass, when there is one.
    document: Option<PassHeader>,
    casings: Vec<String>,
    clusters: Vec<(String, String)>,
    /// Entity names of the training data: `(label index, tokens)`.
    names: Vec<(usize, String)>,
    /// What the model was trained on, for `byline stages` and docs.
    about: String,
}

/// One decoding pass: weights and transitions.
#[derive(Clone, Debug, PartialEq)]
pub struct Pass {
    /// Feature weights.
    pub weights: WeightTable,
    /// Transitions without constraints, as learned (for saving).
    pub learned: Transitions,
    /// Transitions with the BILOU constraints, for decoding.
    pub transitions: Transitions,
}

impl Pass {
    /// A pass from weights and learned transitions.
    pub fn new(weights: WeightTable, learned: Transitions) -> Pass {
        Pass { transitions: learned.clone().with_constraints(), weights, learned }
    }
}

/// A trained entity tagger.
///
/// Cloning gives a new identity ([`id`](Self::id)), so that a clone may be
/// changed without confusing the caches of [`Scratch`](crate::tagger::Scratch)
/// buffers that tagged with the original. Change a model's fields only
/// before tagging with it.
#[derive(Debug)]
pub struct Model {
    /// Feature groups.
    pub config: FeatureConfig,
    /// Labels and their BILOU tags.
    pub tagset: TagSet,
    /// The first pass.
    pub first: Pass,
    /// The document pass: all first-pass features plus document features.
    pub document: Option<Pass>,
    /// Casings and clusters.
    pub lexicon: Lexicon,
    /// Built-in lists plus the training data's names.
    pub lists: ListIndex,
    /// The training data's names, `(label index, tokens)`.
    pub names: Vec<(usize, String)>,
    /// A line about what the model was trained on.
    pub about: String,
    /// This instance's identity, unique in the process.
    id: u64,
    /// Both passes' weights in one table, built on first use.
    joint: std::sync::OnceLock<WeightTable>,
}

/// A fresh model identity.
pub(crate) fn new_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl Clone for Model {
    fn clone(&self) -> Model {
        Model {
            config: self.config.clone(),
            tagset: self.tagset.clone(),
            first: self.first.clone(),
            document: self.document.clone(),
            lexicon: self.lexicon.clone(),
            lists: self.lists.clone(),
            names: self.names.clone(),
            about: self.about.clone(),
            id: new_id(),
            joint: std::sync::OnceLock::new(),
        }
    }
}

/// The list index of the built-in lists plus `names`, one list per label.
pub fn lists_with_names(labels: &[String], names: &[(usize, String)]) -> ListIndex {
    let mut index = ListIndex::builtin();
    let ids: Vec<u32> = labels.iter().map(|l| index.add_labelled_list(&format!("train-{l}"), l)).collect();
    for (label, entry) in names {
        if let Some(&id) = ids.get(*label) {
            index.add(id, entry.split(' '));
        }
    }
    index
}

fn write_table(out: &mut Vec<u8>, table: &WeightTable) {
    let entries = table.entries();
    for (k, _) in &entries {
        out.extend_from_slice(&k.to_le_bytes());
    }
    for (_, row) in &entries {
        for w in row.iter() {
            out.extend_from_slice(&w.to_le_bytes());
        }
    }
}

/// Reads a table of `n` entries of `width` from the front of `bytes`.
fn read_table(bytes: &[u8], n: usize, width: usize, scale: f32) -> Result<(WeightTable, &[u8]), ModelError> {
    let key_bytes = n.checked_mul(8).ok_or_else(|| format_error("table too large"))?;
    let row_bytes = n.checked_mul(width * 2).ok_or_else(|| format_error("table too large"))?;
    if bytes.len() < key_bytes + row_bytes {
        return Err(format_error("the weight table is cut short"));
    }
    let (keys, rest) = bytes.split_at(key_bytes);
    let (rows, rest) = rest.split_at(row_bytes);
    let mut table = WeightTable::with_capacity(width, scale, n);
    let mut row = vec![0i16; width];
    for (key, bytes) in keys.chunks_exact(8).zip(rows.chunks_exact(width * 2)) {
        let mut k = [0u8; 8];
        k.copy_from_slice(key);
        for (w, b) in row.iter_mut().zip(bytes.chunks_exact(2)) {
            *w = i16::from_le_bytes([b[0], b[1]]);
        }
        table.insert(u64::from_le_bytes(k), &row);
    }
    Ok((table, rest))
}

fn transitions(tags: usize, score: Vec<f32>, start: Vec<f32>, end: Vec<f32>) -> Result<Transitions, ModelError> {
    if score.len() != tags * tags || start.len() != tags || end.len() != tags {
        return Err(format_error("transition scores do not fit the labels"));
    }
    Ok(Transitions { tags, score, start, end, plan: Vec::new() })
}

impl Model {
    /// A model from its parts.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        config: FeatureConfig,
        tagset: TagSet,
        first: Pass,
        document: Option<Pass>,
        lexicon: Lexicon,
        names: Vec<(usize, String)>,
        about: String,
    ) -> Model {
        let lists = lists_with_names(tagset.labels(), &names);
        Model {
            config,
            tagset,
            first,
            document,
            lexicon,
            lists,
            names,
            about,
            id: new_id(),
            joint: std::sync::OnceLock::new(),
        }
    }

    /// The first pass's weights and (when there is a document pass) the
    /// document pass's, side by side in one table: tagging looks each
    /// feature up once for both passes.
    pub(crate) fn joint(&self) -> &WeightTable {
        self.joint.get_or_init(|| {
            let mut tables = vec![&self.first.weights];
            tables.extend(self.document.as_ref().map(|d| &d.weights));
            WeightTable::joint(&tables)
        })
    }

    /// This instance's identity, unique in the process (a clone gets its own).
    pub fn id(&self) -> u64 {
        self.id
    }

    /// The model as file bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let t = &self.first.learned;
        let header = Header {
            config: self.config.clone(),
            labels: self.tagset.labels().to_vec(),
            transitions: t.score.clone(),
            start: t.start.clone(),
            end: t.end.clone(),
            scale: self.first.weights.scale(),
            features: self.first.weights.len(),
            document: self.document.as_ref().map(|d| PassHeader {
                transitions: d.learned.score.clone(),
                start: d.learned.start.clone(),
                end: d.learned.end.clone(),
                scale: d.weights.scale(),
                features: d.weights.len(),
            }),
            casings: self.lexicon.casings().into_iter().map(str::to_owned).collect(),
            clusters: self.lexicon.clusters().into_iter().map(|(w, p)| (w.to_owned(), p.to_owned())).collect(),
            names: self.names.clone(),
            about: self.about.clone(),
        };
        let json = serde_json::to_vec(&header).unwrap_or_default();
        let mut out = Vec::with_capacity(json.len() + 16 + self.first.weights.len() * 40);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(json.len() as u32).to_le_bytes());
        out.extend_from_slice(&json);
        write_table(&mut out, &self.first.weights);
        if let Some(d) = &self.document {
            write_table(&mut out, &d.weights);
        }
        out
    }

    /// Reads a model from file bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let rest = bytes.strip_prefix(MAGIC.as_slice()).ok_or_else(|| format_error("wrong magic bytes"))?;
        if rest.len() < 4 {
            return Err(format_error("no header"));
        }
        let len = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]) as usize;
        let rest = &rest[4..];
        let json = rest.get(..len).ok_or_else(|| format_error("the header is cut short"))?;
        let header: Header = serde_json::from_slice(json).map_err(|e| format_error(format!("bad header: {e}")))?;
        let tagset = TagSet::new(header.labels);
        let tags = tagset.len();
        if tags > 255 {
            return Err(format_error("too many labels"));
        }
        let (first_weights, rest) = read_table(&rest[len..], header.features, tags - 1, header.scale)?;
        let first = Pass::new(first_weights, transitions(tags, header.transitions, header.start, header.end)?);
        let document = match header.document {
            None => None,
            Some(d) => {
                let (weights, _) = read_table(rest, d.features, tags - 1, d.scale)?;
                Some(Pass::new(weights, transitions(tags, d.transitions, d.start, d.end)?))
            }
        };
        Ok(Model::new(
            header.config,
            tagset,
            first,
            document,
            Lexicon::new(header.casings, header.clusters),
            header.names,
            header.about,
        ))
    }

    /// The model shipped in the crate (`model/en-conll.bin`), read once.
    pub fn builtin() -> Result<&'static Model, &'static ModelError> {
        static BUILTIN: std::sync::OnceLock<Result<Model, ModelError>> = std::sync::OnceLock::new();
        BUILTIN.get_or_init(|| Model::from_bytes(include_bytes!("../model/en-conll.bin"))).as_ref()
    }

    /// Reads a model file.
    pub fn from_file(path: &std::path::Path) -> Result<Model, ModelError> {
        let bytes =
            std::fs::read(path).map_err(|source| ModelError::Io { path: path.display().to_string(), source })?;
        Model::from_bytes(&bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_lookup_and_quantisation() {
        let rows: Vec<(u64, Vec<f32>)> = vec![
            (11, vec![1.0, 3.0, 1.0]),
            (12, vec![0.0, -4.0, 0.0]),
            (13, vec![0.0, 0.001, 0.0]), // pruned
        ];
        let refs: Vec<(u64, &[f32])> = rows.iter().map(|(k, r)| (*k, r.as_slice())).collect();
        let table = WeightTable::quantise(&refs, 0.01);
        assert_eq!(table.len(), 2);
        let row = table.get(11).expect("kept");
        assert!((f32::from(row[0]) * table.scale() - 2.0).abs() < 1e-3);
        assert_eq!(row[1], 0, "O folded away: 1.0 - 1.0");
        assert!(table.get(13).is_none());
        assert!(table.get(99).is_none());
        let mut acc = vec![0i32; 2];
        table.add_to(12, &mut acc);
        assert_eq!(acc[0], -32767);
    }
}
