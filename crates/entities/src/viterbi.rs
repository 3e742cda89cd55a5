//! Viterbi decoding: the best tag sequence of a sentence under a first-order
//! model (per-token emission scores plus tag-to-tag transition scores).
//!
//! Transitions that BILOU forbids carry `-inf`, so the best path is always
//! a well-formed sequence of spans. Time is `O(n · T²)` for `n` tokens and
//! `T` tags; the work buffers are reused across sentences.

/// Transition scores with the BILOU constraints folded in.
#[derive(Clone, Debug, PartialEq)]
pub struct Transitions {
    /// Number of tags.
    pub tags: usize,
    /// `score[prev * tags + next]`.
    pub score: Vec<f32>,
    /// Score of starting a sentence with each tag.
    pub start: Vec<f32>,
    /// Score of ending a sentence with each tag.
    pub end: Vec<f32>,
    /// How to decode: the tags grouped by the tags that may precede them;
    /// filled by [`with_constraints`](Self::with_constraints), empty = every
    /// tag may follow every tag.
    pub plan: Vec<Group>,
}

/// Lanes of a [`Group`]'s blocks of next tags: one SIMD register of `f32`
/// on most machines, two with SSE2.
const LANES: usize = 8;

/// Tags that the same tags may precede: in BILOU, `O`, every `B` and every
/// `U` follow `O`, any `L` or any `U`; each label's `I` and `L` follow its
/// `B` and `I`. A decoding step computes a group's best predecessors block
/// by block of eight next tags, which vectorises.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// The tags that may precede, ascending (ties go to the first).
    prevs: Vec<u8>,
    /// The next tags, in blocks of `LANES` (padded with tag 0).
    nexts: Vec<[u8; LANES]>,
    /// Per block and previous tag, the transition scores to the block's
    /// tags (`-inf` in padding).
    scores: Vec<[f32; LANES]>,
}

impl Transitions {
    /// Zero scores where BILOU allows a transition, `-inf` where not.
    pub fn constrained(tags: usize) -> Transitions {
        use crate::tags::TagSet;
        let forbid = |ok: bool| if ok { 0.0 } else { f32::NEG_INFINITY };
        let mut score = vec![0.0; tags * tags];
        for prev in 0..tags {
            for next in 0..tags {
                score[prev * tags + next] = forbid(TagSet::allowed(Some(prev), next));
            }
        }
        let start = (0..tags).map(|t| forbid(TagSet::allowed(None, t))).collect();
        let end = (0..tags).map(|t| forbid(TagSet::may_end(t))).collect();
        Transitions { tags, score, start, end, plan: Vec::new() }
    }

    /// Zero scores for `tags` tags.
    pub fn zero(tags: usize) -> Transitions {
        Transitions {
            tags,
            score: vec![0.0; tags * tags],
            start: vec![0.0; tags],
            end: vec![0.0; tags],
            plan: Vec::new(),
        }
    }

    /// These learned scores plus the constraints of `constrained`.
    pub fn with_constraints(mut self) -> Transitions {
        let base = Transitions::constrained(self.tags);
        for (s, b) in self.score.iter_mut().zip(&base.score).chain(self.start.iter_mut().zip(&base.start)) {
            *s += b;
        }
        for (s, b) in self.end.iter_mut().zip(&base.end) {
            *s += b;
        }
        let t = self.tags;
        if t > 256 {
            return self; // tag numbers are bytes in the plan
        }
        // Group the next tags by the set of tags that may precede them.
        let mut groups: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
        for next in 0..t {
            let prevs: Vec<u8> =
                (0..t).filter(|&prev| self.score[prev * t + next].is_finite()).map(|p| p as u8).collect();
            match groups.iter_mut().find(|g| g.0 == prevs) {
                Some(g) => g.1.push(next as u8),
                None => groups.push((prevs, vec![next as u8])),
            }
        }
        self.plan = groups
            .into_iter()
            .filter(|(prevs, _)| !prevs.is_empty())
            .map(|(prevs, nexts)| {
                let blocks: Vec<[u8; LANES]> = nexts
                    .chunks(LANES)
                    .map(|c| {
                        let mut b = [0u8; LANES];
                        b[..c.len()].copy_from_slice(c);
                        b
                    })
                    .collect();
                let mut scores = Vec::with_capacity(blocks.len() * prevs.len());
                for (b, chunk) in blocks.iter().zip(nexts.chunks(LANES)) {
                    for &k in &prevs {
                        let mut row = [f32::NEG_INFINITY; LANES];
                        for (lane, &j) in b.iter().enumerate().take(chunk.len()) {
                            row[lane] = self.score[usize::from(k) * t + usize::from(j)];
                        }
                        scores.push(row);
                    }
                }
                Group { prevs, nexts: blocks, scores }
            })
            .collect();
        self
    }
}

/// Reusable buffers for [`decode`](Decoder::decode).
#[derive(Debug, Default)]
pub struct Decoder {
    delta: Vec<f32>,
}

impl Decoder {
    /// The best tags for `n = emissions.len() / tags` tokens; `emissions` is
    /// row-major `[token][tag]`. Writes into `out`.
    ///
    /// The forward pass keeps only the best scores; the back pointers of
    /// the one path taken are recomputed from them at the end (the same
    /// sums, the first best predecessor as before), so the forward pass is
    /// pure additions and maxima, which vectorise.
    pub fn decode(&mut self, emissions: &[f32], trans: &Transitions, out: &mut Vec<usize>) {
        let t = trans.tags;
        let n = emissions.len().checked_div(t).unwrap_or(0);
        out.clear();
        if n == 0 || trans.score.len() < t * t {
            return;
        }
        self.delta.clear();
        self.delta.resize(n * t, f32::NEG_INFINITY);
        for ((d, s), e) in self.delta.iter_mut().zip(&trans.start).zip(emissions) {
            *d = s + e;
        }
        for i in 1..n {
            let (done, rest) = self.delta.split_at_mut(i * t);
            let prev = &done[(i - 1) * t..];
            let cur = &mut rest[..t];
            let row = &emissions[i * t..(i + 1) * t];
            if trans.plan.is_empty() {
                for j in 0..t {
                    let mut best = f32::NEG_INFINITY;
                    for (k, &p) in prev.iter().enumerate() {
                        let s = p + trans.score[k * t + j];
                        best = if s > best { s } else { best };
                    }
                    cur[j] = best + row[j];
                }
                continue;
            }
            for group in &trans.plan {
                let np = group.prevs.len();
                for (b, block) in group.nexts.iter().enumerate() {
                    let mut best = [f32::NEG_INFINITY; LANES];
                    for (&k, scores) in group.prevs.iter().zip(&group.scores[b * np..(b + 1) * np]) {
                        let p = prev.get(usize::from(k)).copied().unwrap_or(f32::NEG_INFINITY);
                        for (best, &score) in best.iter_mut().zip(scores) {
                            let s = p + score;
                            *best = if s > *best { s } else { *best };
                        }
                    }
                    for (&best, &j) in best.iter().zip(block) {
                        if best == f32::NEG_INFINITY {
                            continue; // padding, or no way here
                        }
                        let j = usize::from(j);
                        if let (Some(c), Some(&e)) = (cur.get_mut(j), row.get(j)) {
                            *c = best + e;
                        }
                    }
                }
            }
        }
        let last = &self.delta[(n - 1) * t..];
        let (mut best, mut arg) = (f32::NEG_INFINITY, 0usize);
        for (j, (&d, &e)) in last.iter().zip(&trans.end).enumerate() {
            if d + e > best {
                best = d + e;
                arg = j;
            }
        }
        out.resize(n, 0);
        out[n - 1] = arg;
        for i in (1..n).rev() {
            let prev = &self.delta[(i - 1) * t..i * t];
            let (mut best, mut from) = (f32::NEG_INFINITY, 0usize);
            for (k, &p) in prev.iter().enumerate() {
                let s = p + trans.score[k * t + arg];
                if s > best {
                    best = s;
                    from = k;
                }
            }
            arg = from;
            out[i - 1] = arg;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tags::TagSet;

    /// Exhaustive search over all sequences, for checking.
    fn brute(emissions: &[f32], trans: &Transitions) -> Vec<usize> {
        let t = trans.tags;
        let n = emissions.len() / t;
        let mut best = (f32::NEG_INFINITY, vec![]);
        let total = t.pow(n as u32);
        for code in 0..total {
            let seq: Vec<usize> = (0..n).map(|i| code / t.pow(i as u32) % t).collect();
            let mut s = trans.start[seq[0]] + trans.end[seq[n - 1]];
            for i in 0..n {
                s += emissions[i * t + seq[i]];
                if i > 0 {
                    s += trans.score[seq[i - 1] * t + seq[i]];
                }
            }
            if s > best.0 {
                best = (s, seq);
            }
        }
        best.1
    }

    #[test]
    fn matches_exhaustive_search_and_respects_bilou() {
        let mut seed = 7u64;
        let mut next = || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((seed >> 33) % 1000) as f32 / 100.0 - 5.0
        };
        let mut decoder = Decoder::default();
        let mut out = Vec::new();
        // Two labels (9 tags) and four (17, more next tags than a block holds).
        for tags in [9, 17] {
            // Constraints alone (every pair scored), and learned scores
            // with the constraints (the grouped plan).
            let mut learned = Transitions::zero(tags);
            for s in learned.score.iter_mut().chain(&mut learned.start).chain(&mut learned.end) {
                *s = next();
            }
            for trans in [Transitions::constrained(tags), learned.with_constraints()] {
                for n in 1..=4 {
                    for _ in 0..20 {
                        let emissions: Vec<f32> = (0..n * tags).map(|_| next()).collect();
                        decoder.decode(&emissions, &trans, &mut out);
                        if tags == 9 {
                            assert_eq!(out, brute(&emissions, &trans));
                        }
                        // The plan decodes as trying every pair does.
                        let mut every = Vec::new();
                        decoder.decode(&emissions, &Transitions { plan: Vec::new(), ..trans.clone() }, &mut every);
                        assert_eq!(out, every);
                        let spans = TagSet::decode(&out);
                        assert_eq!(TagSet::encode(n, &spans), out, "well-formed BILOU");
                    }
                }
            }
        }
        let trans = Transitions::zero(9).with_constraints();
        assert!(!trans.plan.is_empty());
        decoder.decode(&[], &trans, &mut out);
        assert!(out.is_empty());
    }
}
