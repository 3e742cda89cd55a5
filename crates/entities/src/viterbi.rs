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
    /// For each tag, the tags that may precede it (finite scores); filled
    /// by [`with_constraints`](Self::with_constraints), empty = all.
    pub prevs: Vec<Vec<u8>>,
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
        Transitions { tags, score, start, end, prevs: Vec::new() }
    }

    /// Zero scores for `tags` tags.
    pub fn zero(tags: usize) -> Transitions {
        Transitions {
            tags,
            score: vec![0.0; tags * tags],
            start: vec![0.0; tags],
            end: vec![0.0; tags],
            prevs: Vec::new(),
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
        self.prevs = (0..t)
            .map(|next| (0..t).filter(|&prev| self.score[prev * t + next].is_finite()).map(|p| p as u8).collect())
            .collect();
        self
    }
}

/// Reusable buffers for [`decode`].
#[derive(Debug, Default)]
pub struct Decoder {
    delta: Vec<f32>,
    back: Vec<u8>,
}

impl Decoder {
    /// The best tags for `n = emissions.len() / tags` tokens; `emissions` is
    /// row-major `[token][tag]`. Writes into `out`.
    pub fn decode(&mut self, emissions: &[f32], trans: &Transitions, out: &mut Vec<usize>) {
        let t = trans.tags;
        let n = emissions.len().checked_div(t).unwrap_or(0);
        out.clear();
        if n == 0 {
            return;
        }
        self.delta.clear();
        self.delta.resize(n * t, f32::NEG_INFINITY);
        self.back.clear();
        self.back.resize(n * t, 0);
        for ((d, s), e) in self.delta.iter_mut().zip(&trans.start).zip(emissions) {
            *d = s + e;
        }
        for i in 1..n {
            let (done, rest) = self.delta.split_at_mut(i * t);
            let prev = &done[(i - 1) * t..];
            let cur = &mut rest[..t];
            let back = &mut self.back[i * t..(i + 1) * t];
            for j in 0..t {
                let (mut best, mut arg) = (f32::NEG_INFINITY, 0usize);
                match trans.prevs.get(j) {
                    // Only the tags allowed before `j` (2 or 9 of 17 for BILOU).
                    Some(prevs) => {
                        for &k in prevs {
                            let k = usize::from(k);
                            let s = prev[k] + trans.score[k * t + j];
                            if s > best {
                                best = s;
                                arg = k;
                            }
                        }
                    }
                    None => {
                        for (k, &p) in prev.iter().enumerate() {
                            let s = p + trans.score[k * t + j];
                            if s > best {
                                best = s;
                                arg = k;
                            }
                        }
                    }
                }
                cur[j] = best + emissions[i * t + j];
                back[j] = arg as u8;
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
            arg = usize::from(self.back[i * t + arg]);
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
        let tags = 9; // two labels
        let trans = Transitions::constrained(tags);
        let mut seed = 7u64;
        let mut next = || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((seed >> 33) % 1000) as f32 / 100.0 - 5.0
        };
        let mut decoder = Decoder::default();
        let mut out = Vec::new();
        for n in 1..=4 {
            for _ in 0..20 {
                let emissions: Vec<f32> = (0..n * tags).map(|_| next()).collect();
                decoder.decode(&emissions, &trans, &mut out);
                assert_eq!(out, brute(&emissions, &trans));
                let spans = TagSet::decode(&out);
                assert_eq!(TagSet::encode(n, &spans), out, "well-formed BILOU");
            }
        }
        decoder.decode(&[], &trans, &mut out);
        assert!(out.is_empty());
    }
}
