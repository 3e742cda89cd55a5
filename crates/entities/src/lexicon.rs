//! What a model knows about words beyond its weights: their usual casing
//! (to truecase all-caps headlines) and their word clusters.
//!
//! Both come from text, not from labels. The casing of a word is the form it
//! takes most often inside sentences (not at their start, not in
//! headlines) of the training text. Clusters are induced from unlabelled
//! text by [`crate::clusters`]; a word's cluster is a path in a binary tree,
//! and its prefixes are features at several granularities (Ratinov & Roth).

use std::collections::HashMap;

use crate::features::{CaseClass, Headline, case_class, headline_kind, normalize};
use crate::hash::{HashedMap, hash_str};

/// Cluster path prefix lengths used as features (the last is the whole path).
pub const CLUSTER_PREFIXES: [usize; 4] = [4, 8, 12, 64];

/// Usual casings and word clusters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lexicon {
    /// Lowercase word → its usual form, when that is not all lowercase or
    /// the word is frequent enough to matter.
    casing: HashMap<Box<str>, Box<str>>,
    /// Word → cluster path (a string of `0` and `1`).
    clusters: HashMap<Box<str>, Box<str>>,
    /// Hash of a word → hashes of its path prefixes.
    prefixes: HashedMap<[u64; 4]>,
    /// Hashes of the lowercase words with a usual casing: the words the
    /// model has seen in running text.
    known: HashedMap<()>,
}

impl Lexicon {
    /// A lexicon from `(form)` casings and `(word, path)` clusters.
    pub fn new(
        casings: impl IntoIterator<Item = String>,
        clusters: impl IntoIterator<Item = (String, String)>,
    ) -> Self {
        let clusters: HashMap<Box<str>, Box<str>> =
            clusters.into_iter().map(|(w, p)| (w.into_boxed_str(), p.into_boxed_str())).collect();
        let prefixes = clusters
            .iter()
            .map(|(w, path)| {
                let mut out = [0; 4];
                for (slot, &len) in out.iter_mut().zip(&CLUSTER_PREFIXES) {
                    *slot = hash_str(&path[..len.min(path.len())]) | 1;
                }
                (hash_str(w), out)
            })
            .collect();
        let casing: HashMap<Box<str>, Box<str>> =
            casings.into_iter().map(|f| (f.to_lowercase().into_boxed_str(), f.into_boxed_str())).collect();
        let mut buf = String::new();
        let known = casing.keys().map(|w| (crate::features::lower_hash(w, &mut buf), ())).collect();
        Lexicon { casing, clusters, prefixes, known }
    }

    /// Learns usual casings from sentences of raw words.
    pub fn casings_of<S: AsRef<str>>(sentences: &[Vec<S>]) -> Vec<String> {
        let mut counts: HashMap<String, HashMap<String, usize>> = HashMap::new();
        let mut norm = String::new();
        for sentence in sentences {
            let words: Vec<&str> = sentence.iter().map(AsRef::as_ref).collect();
            if headline_kind(words.iter().copied()) != Headline::No {
                continue; // a headline: its casing says nothing
            }
            for w in words.iter().skip(1) {
                normalize(w, &mut norm);
                if !norm.chars().any(char::is_alphabetic) {
                    continue;
                }
                *counts.entry(norm.to_lowercase()).or_default().entry(norm.clone()).or_default() += 1;
            }
        }
        let mut out: Vec<String> = counts
            .into_values()
            .filter_map(|forms| {
                forms.into_iter().max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0))).map(|(form, _)| form)
            })
            .collect();
        out.sort();
        out
    }

    /// True when the lexicon knows the word whose lowercase form has this
    /// hash (it has a usual casing).
    pub fn knows(&self, lower_hash: u64) -> bool {
        self.known.contains_key(&lower_hash)
    }

    /// The usual form of a lowercase word.
    pub fn truecase(&self, lower: &str) -> Option<&str> {
        self.casing.get(lower).map(|f| &**f)
    }

    /// True when `word` (in any casing) is usually written in lowercase
    /// inside sentences: a common word, not a name. `buf` is scratch space
    /// for its lowercase form.
    pub fn is_common_word(&self, word: &str, buf: &mut String) -> bool {
        buf.clear();
        buf.extend(word.chars().flat_map(char::to_lowercase));
        self.truecase(buf).is_some_and(|f| f.starts_with(|c: char| c.is_lowercase()))
    }

    /// The usual casings, sorted (for saving).
    pub fn casings(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.casing.values().map(|f| &**f).collect();
        v.sort_unstable();
        v
    }

    /// The clusters, sorted by word (for saving).
    pub fn clusters(&self) -> Vec<(&str, &str)> {
        let mut v: Vec<(&str, &str)> = self.clusters.iter().map(|(w, p)| (&**w, &**p)).collect();
        v.sort_unstable();
        v
    }

    /// True when the lexicon has clusters.
    pub fn has_clusters(&self) -> bool {
        !self.clusters.is_empty()
    }

    /// Hashes of the cluster path prefixes of a word (0 where it has none),
    /// given the hashes of the word and of its lowercase form: the word as
    /// written, else lowercase, else (for an all-caps word) in its usual
    /// casing.
    pub fn cluster_prefixes(&self, word: &str, word_hash: u64, lower_hash: u64) -> [u64; 4] {
        if self.prefixes.is_empty() {
            return [0; 4];
        }
        if let Some(p) = self.prefixes.get(&word_hash).or_else(|| self.prefixes.get(&lower_hash)) {
            return *p;
        }
        if case_class(word) == CaseClass::AllCaps {
            if let Some(p) = self.truecase(&word.to_lowercase()).and_then(|u| self.prefixes.get(&hash_str(u))) {
                return *p;
            }
        }
        [0; 4]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_usual_casing_inside_sentences() {
        let sentences = vec![
            vec!["The", "talks", "in", "Geneva", "ended"],
            vec!["Talks", "resume", "in", "Geneva"],
            vec!["TALKS", "IN", "GENEVA"],
        ];
        let lex = Lexicon::new(Lexicon::casings_of(&sentences), []);
        assert_eq!(lex.truecase("geneva"), Some("Geneva"));
        assert_eq!(lex.truecase("talks"), Some("talks"), "sentence-initial Talks does not count");
        assert_eq!(lex.truecase("the"), None, "only seen sentence-initially");
    }

    #[test]
    fn cluster_prefixes_fall_back_to_lowercase() {
        let lex = Lexicon::new([], [("paris".to_owned(), "0110101".to_owned())]);
        let prefixes = |w: &str| lex.cluster_prefixes(w, hash_str(w), hash_str(&w.to_lowercase()));
        let p = prefixes("Paris");
        assert!(p.iter().all(|&h| h != 0));
        assert_eq!(p[2], p[3], "a short path's longer prefixes are the whole path");
        assert_eq!(prefixes("Rome"), [0; 4]);
    }
}
