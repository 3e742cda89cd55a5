//! Document-level consistency: the second pass.
//!
//! A name is usually labelled the same way each time a story uses it, and
//! a later, clearer mention ("Leicestershire beat Somerset") disambiguates
//! an earlier, harder one (the headline "LEICESTERSHIRE TAKE OVER"). Like
//! Ratinov & Roth's two-stage prediction aggregation, the second pass looks
//! at what the first pass said about the other mentions of the same word in
//! the document (their labels, and their tags inside names of two or more
//! tokens: `Dr. Jack Kevorkian` tells a lone `Kevorkian` that it is a
//! surname) and, like their context aggregation, at the words next to the
//! other mentions; it adds those observations as features to the first
//! pass's scores, then decodes again.
//!
//! Only capitalised words vote and receive these features: `May` the month
//! and `may` the verb share nothing. Training takes first-pass labels from
//! models that did not see the document (cross-validation), so the second
//! pass learns how far to trust real first-pass mistakes.

use crate::features::{CaseClass, Prepared, T_DOCUMENT};
use crate::hash::{HashedMap, feature_key};
use crate::tags::{Part, TagSet};

const T_SELF: u32 = T_DOCUMENT;
const T_OTHER: u32 = T_DOCUMENT + 1;
const T_SELF_MAJORITY: u32 = T_DOCUMENT + 2;
const T_UNANIMOUS: u32 = T_DOCUMENT + 3;
const T_IN_LONGER: u32 = T_DOCUMENT + 4;
const T_CONTEXT_LEFT: u32 = T_DOCUMENT + 5;
const T_CONTEXT_RIGHT: u32 = T_DOCUMENT + 6;

/// Other mentions whose neighbours a token sees (the first ones in the story).
const CONTEXT_MENTIONS: usize = 6;
/// The neighbour of a mention at a sentence edge.
const OUTSIDE: u64 = 0x5eed_0000_0000_0003;

/// What the first pass said about the capitalised mentions of one word.
#[derive(Debug, Default)]
struct Word {
    /// Label votes: 0 = O, 1 + label.
    votes: Vec<u32>,
    /// Bit set of the tags of its mentions inside names of two or more
    /// tokens (`Jack Kevorkian` tells about a lone `Kevorkian`).
    longer: u64,
    /// Its first mentions, whose neighbours the others see (a context
    /// word of one mention, `Dr.`, `coach`, `shares of`, is evidence for
    /// all).
    mentions: Vec<u32>,
}

/// True when a token may carry a name: it has a capital letter.
fn votes(class: u8) -> bool {
    class == CaseClass::Initial as u8
        || class == CaseClass::AllCaps as u8
        || class == CaseClass::Single as u8
        || class == CaseClass::Mixed as u8
}

/// Calls `emit(token, key)` with the document feature keys of every token,
/// given the first pass's tags for the whole document.
pub(crate) fn document_features(p: &Prepared, tags: &[usize], mut emit: impl FnMut(usize, u64)) {
    let label_of = |tag: usize| TagSet::split(tag).map_or(0, |(l, _)| l + 1);
    let bit = |tag: usize| if tag < 64 { 1u64 << tag } else { 0 };
    let mut words: HashedMap<Word> = HashedMap::default();
    for (i, &tag) in tags.iter().enumerate() {
        if !votes(p.class(i)) {
            continue;
        }
        let w = words.entry(p.identity[i]).or_default();
        let l = label_of(tag);
        if w.votes.len() <= l {
            w.votes.resize(l + 1, 0);
        }
        w.votes[l] += 1;
        if matches!(TagSet::split(tag), Some((_, Part::Begin | Part::Inside | Part::Last))) {
            w.longer |= bit(tag);
        }
        if w.mentions.len() <= CONTEXT_MENTIONS {
            w.mentions.push(i as u32);
        }
    }
    let neighbour = |j: usize, o: isize| -> u64 {
        let (start, end) = p.sentence_range(j);
        let k = j as isize + o;
        if k < start as isize || k >= end as isize { OUTSIDE } else { p.identity[k as usize] }
    };
    for (i, &tag) in tags.iter().enumerate() {
        if !votes(p.class(i)) {
            continue;
        }
        emit(i, feature_key(T_SELF, tag as u64));
        let Some(w) = words.get(&p.identity[i]) else { continue };
        let mut rest = w.longer & !bit(tag);
        while rest != 0 {
            emit(i, feature_key(T_IN_LONGER, u64::from(rest.trailing_zeros())));
            rest &= rest - 1;
        }
        for &j in w.mentions.iter().filter(|&&j| j as usize != i).take(CONTEXT_MENTIONS) {
            emit(i, feature_key(T_CONTEXT_LEFT, neighbour(j as usize, -1)));
            emit(i, feature_key(T_CONTEXT_RIGHT, neighbour(j as usize, 1)));
        }
        let all = &w.votes;
        let own = label_of(tag);
        let others = |l: usize| all.get(l).copied().unwrap_or(0) - u32::from(l == own);
        let total: u32 = (0..all.len()).map(others).sum();
        if total == 0 {
            continue;
        }
        let mut majority = (0, 0usize);
        for l in 0..all.len() {
            let n = others(l);
            if n == 0 {
                continue;
            }
            if n > majority.0 {
                majority = (n, l);
            }
            let bin = if n == total {
                2
            } else if 2 * n >= total {
                1
            } else {
                0
            };
            emit(i, feature_key(T_OTHER, (l as u64) << 4 | bin));
        }
        emit(i, feature_key(T_SELF_MAJORITY, (tag as u64) << 8 | majority.1 as u64));
        if majority.0 == total {
            emit(i, feature_key(T_UNANIMOUS, (own as u64) << 8 | majority.1 as u64));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::{Extractor, FeatureConfig};
    use crate::lexicon::Lexicon;
    use crate::lists::ListIndex;

    #[test]
    fn other_mentions_vote() {
        let config = FeatureConfig::default();
        let (lexicon, lists) = (Lexicon::default(), ListIndex::default());
        let ex = Extractor { config: &config, lexicon: &lexicon, gazetteer: &lists };
        let doc = vec![vec!["Zorblax", "won"], vec!["Zorblax", "and", "ZORBLAX", "lost"]];
        let p = ex.prepare(&doc);
        let u_org = TagSet::tag(1, crate::tags::Part::Unit);
        let tags = vec![u_org, 0, 0, 0, u_org, 0];
        let mut got: Vec<Vec<u64>> = vec![Vec::new(); tags.len()];
        document_features(&p, &tags, |i, k| got[i].push(k));
        assert!(got[1].is_empty() && got[3].is_empty() && got[5].is_empty(), "lowercase words get none");
        // Token 2 (tagged O) sees two ORG votes among its others: unanimous ORG.
        assert!(got[2].contains(&feature_key(T_OTHER, 2 << 4 | 2)));
        assert!(got[2].contains(&feature_key(T_UNANIMOUS, 2)));
        // Token 0 sees one O and one ORG: each half.
        assert!(got[0].contains(&feature_key(T_OTHER, 1)));
        assert!(got[0].contains(&feature_key(T_OTHER, 2 << 4 | 1)));
    }
}
