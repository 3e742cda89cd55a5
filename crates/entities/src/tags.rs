//! BILOU tags: how entity spans become one tag per token and back.
//!
//! The tagger predicts `O`, or `B-X` / `I-X` / `L-X` / `U-X` (begin, inside,
//! last, unit) for each label `X`. BILOU beats IOB for linear models (Ratinov
//! & Roth 2009): a one-token name and the last token of a longer one get
//! weights of their own. Tag 0 is `O`; label `l` owns tags `1 + 4l ..= 4 + 4l`
//! in the order B, I, L, U. Which tag may follow which is fixed by the scheme,
//! so decoding never produces a broken span.

/// The position of a token in an entity span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// First token of a span of two or more.
    Begin,
    /// Inner token of a span of three or more.
    Inside,
    /// Last token of a span of two or more.
    Last,
    /// The only token of a one-token span.
    Unit,
}

const PARTS: [Part; 4] = [Part::Begin, Part::Inside, Part::Last, Part::Unit];

/// A tag set: `O` plus BILOU tags for each label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TagSet {
    labels: Vec<String>,
}

impl TagSet {
    /// Tags for these labels (in this order).
    pub fn new(labels: Vec<String>) -> TagSet {
        TagSet { labels }
    }

    /// The labels, in tag order.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Number of tags: `1 + 4 * labels`.
    pub fn len(&self) -> usize {
        1 + 4 * self.labels.len()
    }

    /// True when there are no labels (only `O`).
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// The index of `label`, if it is one of ours.
    pub fn label_index(&self, label: &str) -> Option<usize> {
        self.labels.iter().position(|l| l == label)
    }

    /// The tag of `part` of label number `label`.
    pub fn tag(label: usize, part: Part) -> usize {
        1 + 4 * label + PARTS.iter().position(|p| *p == part).unwrap_or(0)
    }

    /// `(label, part)` of a tag; `None` for `O`.
    pub fn split(tag: usize) -> Option<(usize, Part)> {
        (tag > 0).then(|| ((tag - 1) / 4, PARTS[(tag - 1) % 4]))
    }

    /// The tag's name, e.g. `U-PER`.
    pub fn name(&self, tag: usize) -> String {
        match TagSet::split(tag) {
            None => "O".to_owned(),
            Some((label, part)) => {
                let p = match part {
                    Part::Begin => 'B',
                    Part::Inside => 'I',
                    Part::Last => 'L',
                    Part::Unit => 'U',
                };
                format!("{p}-{}", self.labels.get(label).map_or("?", String::as_str))
            }
        }
    }

    /// True when `next` may follow `prev` (`None` = sentence start).
    pub fn allowed(prev: Option<usize>, next: usize) -> bool {
        let open = prev.and_then(TagSet::split).filter(|(_, p)| matches!(p, Part::Begin | Part::Inside));
        match (open, TagSet::split(next)) {
            // Inside a span only I or L of the same label may come.
            (Some((l, _)), Some((m, Part::Inside | Part::Last))) => l == m,
            (Some(_), _) => false,
            // Outside a span, only O, B or U.
            (None, None) => true,
            (None, Some((_, part))) => matches!(part, Part::Begin | Part::Unit),
        }
    }

    /// True when a sentence may end after `tag`.
    pub fn may_end(tag: usize) -> bool {
        !matches!(TagSet::split(tag), Some((_, Part::Begin | Part::Inside)))
    }

    /// The BILOU tags of `n` tokens holding `spans` (`(first, last + 1,
    /// label)`, token indices, not overlapping).
    pub fn encode(n: usize, spans: &[(usize, usize, usize)]) -> Vec<usize> {
        let mut tags = vec![0; n];
        for &(first, end, label) in spans {
            if first >= end || end > n {
                continue;
            }
            if end - first == 1 {
                tags[first] = TagSet::tag(label, Part::Unit);
                continue;
            }
            tags[first] = TagSet::tag(label, Part::Begin);
            for t in &mut tags[first + 1..end - 1] {
                *t = TagSet::tag(label, Part::Inside);
            }
            tags[end - 1] = TagSet::tag(label, Part::Last);
        }
        tags
    }

    /// The spans `(first, last + 1, label)` of a tag sequence. Tolerant of
    /// broken sequences (a stray `I` or `L` starts a span, a `B` without its
    /// `L` ends at the next tag that cannot continue it).
    pub fn decode(tags: &[usize]) -> Vec<(usize, usize, usize)> {
        let mut spans = Vec::new();
        let mut open: Option<(usize, usize)> = None;
        for (i, &tag) in tags.iter().enumerate() {
            let split = TagSet::split(tag);
            if let Some((start, label)) = open {
                let continues = matches!(split, Some((l, Part::Inside | Part::Last)) if l == label);
                if !continues {
                    spans.push((start, i, label));
                    open = None;
                }
            }
            match split {
                None => {}
                Some((label, part)) => {
                    if open.is_none() {
                        open = Some((i, label));
                    }
                    if matches!(part, Part::Last | Part::Unit) {
                        if let Some((start, label)) = open.take() {
                            spans.push((start, i + 1, label));
                        }
                    }
                }
            }
        }
        if let Some((start, label)) = open {
            spans.push((start, tags.len(), label));
        }
        spans
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_decode_round_trip() {
        type Case<'a> = (usize, &'a [(usize, usize, usize)], &'a [usize]);
        let cases: &[Case<'_>] = &[
            (3, &[], &[0, 0, 0]),
            (3, &[(1, 2, 0)], &[0, 4, 0]),
            (4, &[(0, 3, 1)], &[5, 6, 7, 0]),
            (4, &[(0, 2, 0), (2, 3, 3)], &[1, 3, 16, 0]),
        ];
        for &(n, spans, tags) in cases {
            assert_eq!(TagSet::encode(n, spans), tags, "{spans:?}");
            assert_eq!(TagSet::decode(tags), spans, "{tags:?}");
        }
    }

    #[test]
    fn decode_tolerates_broken_sequences() {
        // A stray I, a B followed by O, a B followed by another label.
        assert_eq!(TagSet::decode(&[2, 0]), vec![(0, 1, 0)]);
        assert_eq!(TagSet::decode(&[1, 0, 1]), vec![(0, 1, 0), (2, 3, 0)]);
        assert_eq!(TagSet::decode(&[1, 7]), vec![(0, 1, 0), (1, 2, 1)]);
    }

    #[test]
    fn transitions_follow_bilou() {
        assert!(TagSet::allowed(None, 0));
        assert!(TagSet::allowed(None, 1));
        assert!(!TagSet::allowed(None, 2));
        assert!(TagSet::allowed(Some(1), 2));
        assert!(TagSet::allowed(Some(1), 3));
        assert!(!TagSet::allowed(Some(1), 0));
        assert!(!TagSet::allowed(Some(1), 7), "an open PER span cannot close as ORG");
        assert!(TagSet::allowed(Some(3), 0));
        assert!(TagSet::allowed(Some(4), 5));
        assert!(TagSet::may_end(4) && !TagSet::may_end(2));
        let set = TagSet::new(vec!["PER".into(), "ORG".into()]);
        assert_eq!((set.len(), set.name(0), set.name(4), set.name(5)), (9, "O".into(), "U-PER".into(), "B-ORG".into()));
    }
}
