//! Word clusters induced from unlabelled text, so that the tagger knows
//! that an unseen name behaves like names it has seen (Ratinov & Roth's
//! Brown-cluster features).
//!
//! Two steps, both deterministic:
//!
//! 1. **Exchange clustering** (Uszkoreit & Brants 2008): words are put into
//!    `C` classes to maximise the likelihood of the predictive class bigram
//!    model `P(w | v) = P(w | c(w)) · P(c(w) | v)`, i.e. maximise
//!    `Σ_{v,c} N(v,c) log N(v,c) − Σ_c N(c) log N(c)`, where `N(v,c)`
//!    counts word `v` followed by a word of class `c`. Each iteration moves
//!    every word, most frequent first, to its best class. The cost of a move
//!    is linear in the word's distinct predecessors times `C`.
//! 2. **A binary tree over the classes**: classes are merged bottom-up, each
//!    time the pair whose merge loses the least likelihood, and a word's
//!    cluster is its class's path from the root (`0` left, `1` right), like
//!    a Brown cluster bit string. Path prefixes give coarser clusters.
//!
//! The file format is Liang's `PATH<TAB>WORD<TAB>COUNT`.

use std::collections::HashMap;

use crate::features::normalize;

/// How to induce clusters.
#[derive(Clone, Debug)]
pub struct ClusterOptions {
    /// Number of classes (leaves of the tree).
    pub classes: usize,
    /// Words seen fewer times are not clustered.
    pub min_count: usize,
    /// Exchange iterations.
    pub iterations: usize,
}

impl Default for ClusterOptions {
    fn default() -> ClusterOptions {
        ClusterOptions { classes: 1000, min_count: 2, iterations: 8 }
    }
}

/// `x ln x`, with a table for small counts.
struct XLogX {
    table: Vec<f64>,
}

impl XLogX {
    fn new(size: usize) -> XLogX {
        XLogX { table: (0..size).map(|x| if x == 0 { 0.0 } else { x as f64 * (x as f64).ln() }).collect() }
    }

    #[inline]
    fn f(&self, x: u64) -> f64 {
        match self.table.get(x as usize) {
            Some(&v) => v,
            None => x as f64 * (x as f64).ln(),
        }
    }
}

/// One cluster: a word, its path and its count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cluster {
    /// The word (normalised as the tagger normalises tokens).
    pub word: String,
    /// Its path in the class tree, a string of `0` and `1`.
    pub path: String,
    /// How often it occurred.
    pub count: usize,
}

/// Induces clusters from sentences of tokens; `progress` hears about each
/// iteration.
pub fn induce<S: AsRef<str>>(
    sentences: &[Vec<S>],
    options: &ClusterOptions,
    progress: &mut dyn FnMut(String),
) -> Vec<Cluster> {
    // Vocabulary, most frequent first; id 0 is the sentence boundary and
    // id 1 stands for every rare word.
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut norm = String::new();
    for sentence in sentences {
        for w in sentence {
            normalize(w.as_ref(), &mut norm);
            *counts.entry(norm.clone()).or_default() += 1;
        }
    }
    let mut vocab: Vec<(String, usize)> = counts.into_iter().filter(|(_, c)| *c >= options.min_count).collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let index: HashMap<&str, usize> = vocab.iter().enumerate().map(|(i, (w, _))| (w.as_str(), i + 2)).collect();
    let n = vocab.len() + 2;
    let classes = options.classes.clamp(2, vocab.len().max(2));

    // Bigram counts: predecessors of each word, with counts.
    let mut pairs: HashMap<(u32, u32), u32> = HashMap::new();
    let mut total = vec![0u64; n];
    for sentence in sentences {
        let mut prev = 0u32;
        for w in sentence.iter().map(|w| w.as_ref()).chain(std::iter::once("")) {
            let id = if w.is_empty() {
                0
            } else {
                normalize(w, &mut norm);
                index.get(norm.as_str()).copied().unwrap_or(1) as u32
            };
            *pairs.entry((prev, id)).or_default() += 1;
            total[id as usize] += 1;
            prev = id;
        }
    }
    let mut pred: Vec<Vec<(u32, u32)>> = vec![Vec::new(); n];
    let mut sorted: Vec<((u32, u32), u32)> = pairs.into_iter().collect();
    sorted.sort_unstable();
    for ((v, w), c) in sorted {
        pred[w as usize].push((v, c));
    }

    // Initial classes by frequency rank; the boundary and rare words stay in
    // class 0 and 1 and never move.
    let mut class_of: Vec<usize> = (0..n).map(|i| i % classes).collect();
    let mut row = vec![0u64; n * classes]; // N(v, c)
    let mut size = vec![0u64; classes]; // N(c)
    for w in 0..n {
        let c = class_of[w];
        size[c] += total[w];
        for &(v, k) in &pred[w] {
            row[v as usize * classes + c] += u64::from(k);
        }
    }
    let xlogx = XLogX::new(1 << 20);
    let mut gain = vec![0f64; classes];
    for iteration in 1..=options.iterations {
        let mut moved = 0;
        for w in 2..n {
            let from = class_of[w];
            // Take w out of its class.
            size[from] -= total[w];
            for &(v, k) in &pred[w] {
                row[v as usize * classes + from] -= u64::from(k);
            }
            // Gain of putting it into each class.
            for (c, g) in gain.iter_mut().enumerate() {
                *g = -(xlogx.f(size[c] + total[w]) - xlogx.f(size[c]));
            }
            for &(v, k) in &pred[w] {
                let k = u64::from(k);
                let fk = xlogx.f(k);
                let r = &row[v as usize * classes..(v as usize + 1) * classes];
                for (g, &x) in gain.iter_mut().zip(r) {
                    if x > 0 {
                        *g += xlogx.f(x + k) - xlogx.f(x) - fk;
                    }
                }
            }
            let mut best = from;
            for (c, &g) in gain.iter().enumerate() {
                if g > gain[best] + 1e-9 {
                    best = c;
                }
            }
            moved += usize::from(best != from);
            class_of[w] = best;
            size[best] += total[w];
            for &(v, k) in &pred[w] {
                row[v as usize * classes + best] += u64::from(k);
            }
        }
        progress(format!("clusters: iteration {iteration}, {moved} words moved"));
        if moved == 0 {
            break;
        }
    }

    // The tree: merge classes bottom-up. Class-level counts M(c1, c2).
    let mut m = vec![0u64; classes * classes];
    for (w, preds) in pred.iter().enumerate() {
        for &(v, k) in preds {
            m[class_of[v as usize] * classes + class_of[w]] += u64::from(k);
        }
    }
    let paths = merge_tree(&m, &size, classes, &xlogx);
    vocab
        .into_iter()
        .enumerate()
        .map(|(i, (word, count))| Cluster { word, path: paths[class_of[i + 2]].clone(), count })
        .collect()
}

/// Paths of `classes` leaves merged bottom-up: each step merges the two
/// columns of `m` (predecessor class × class counts) whose merge loses the
/// least of `Σ f(M) − Σ f(N)`.
fn merge_tree(m: &[u64], size: &[u64], classes: usize, xlogx: &XLogX) -> Vec<String> {
    let mut col: Vec<Vec<u64>> = (0..classes).map(|c| (0..classes).map(|r| m[r * classes + c]).collect()).collect();
    let mut size = size.to_vec();
    let mut active: Vec<usize> = (0..classes).collect();
    // Node ids: leaves 0..classes, merges after; children of each merge.
    let mut children: Vec<(usize, usize)> = Vec::new();
    let mut node_of: Vec<usize> = (0..classes).collect();
    let loss = |a: &[u64], b: &[u64], sa: u64, sb: u64| -> f64 {
        let mut g = 0.0;
        for (&x, &y) in a.iter().zip(b) {
            if x > 0 && y > 0 {
                g += xlogx.f(x + y) - xlogx.f(x) - xlogx.f(y);
            }
        }
        g - (xlogx.f(sa + sb) - xlogx.f(sa) - xlogx.f(sb))
    };
    let mut score: HashMap<(usize, usize), f64> = HashMap::new();
    for (i, &a) in active.iter().enumerate() {
        for &b in &active[i + 1..] {
            score.insert((a, b), loss(&col[a], &col[b], size[a], size[b]));
        }
    }
    while active.len() > 1 {
        let mut best: Option<((usize, usize), f64)> = None;
        for (i, &a) in active.iter().enumerate() {
            for &b in &active[i + 1..] {
                let s = score.get(&(a, b)).copied().unwrap_or(f64::NEG_INFINITY);
                if best.is_none_or(|(_, bs)| s > bs) {
                    best = Some(((a, b), s));
                }
            }
        }
        let Some(((a, b), _)) = best else { break };
        let merged: Vec<u64> = col[a].iter().zip(&col[b]).map(|(x, y)| x + y).collect();
        col[a] = merged;
        size[a] += size[b];
        children.push((node_of[a], node_of[b]));
        node_of[a] = classes + children.len() - 1;
        active.retain(|&c| c != b);
        for &c in &active {
            if c != a {
                let key = if c < a { (c, a) } else { (a, c) };
                score.insert(key, loss(&col[key.0], &col[key.1], size[key.0], size[key.1]));
            }
        }
    }
    // Paths from the root down.
    let root = classes + children.len().saturating_sub(1);
    let mut paths = vec![String::new(); classes + children.len()];
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        if node >= classes {
            let (left, right) = children[node - classes];
            paths[left] = format!("{}0", paths[node]);
            paths[right] = format!("{}1", paths[node]);
            stack.push(left);
            stack.push(right);
        }
    }
    paths.truncate(classes);
    paths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_the_same_contexts_share_clusters() {
        // Cities follow "in", people precede "said"; each pattern repeated.
        let mut sentences = Vec::new();
        for (city, person) in [("Paris", "Anna"), ("Rome", "Boris"), ("Oslo", "Carla"), ("Lima", "Dmitri")] {
            for _ in 0..5 {
                sentences.push(vec!["he", "lives", "in", city, "now"]);
                sentences.push(vec![person, "said", "it", "was", "good"]);
            }
        }
        let options = ClusterOptions { classes: 4, min_count: 2, iterations: 10 };
        let clusters = induce(&sentences, &options, &mut |_| {});
        let path = |w: &str| clusters.iter().find(|c| c.word == w).map(|c| c.path.clone()).expect("clustered");
        assert_eq!(path("Paris"), path("Oslo"));
        assert_eq!(path("Anna"), path("Dmitri"));
        assert_ne!(path("Paris"), path("Anna"));
        assert!(clusters.iter().all(|c| !c.path.is_empty() && c.path.chars().all(|b| b == '0' || b == '1')));
        // Deterministic.
        assert_eq!(clusters, induce(&sentences, &options, &mut |_| {}));
    }
}
