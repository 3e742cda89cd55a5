//! Document-level consistency: the second pass.
//!
//! A name is usually labelled the same way each time a story uses it, and
//! a later, clearer mention ("Leicestershire beat Somerset") disambiguates
//! an earlier, harder one (the headline "LEICESTERSHIRE TAKE OVER"). Like
//! Ratinov & Roth's two-stage prediction aggregation, the second pass looks
//! at what the first pass said about the other mentions of the same word in
//! the document and adds those observations as features to the first pass's
//! scores, then decodes again.
//!
//! Only capitalised words vote and receive these features: `May` the month
//! and `may` the verb share nothing. Training takes first-pass labels from
//! models that did not see the document (cross-validation), so the second
//! pass learns how far to trust real first-pass mistakes.

use crate::features::{CaseClass, Prepared, T_DOCUMENT};
use crate::hash::{HashedMap, feature_key};
use crate::tags::TagSet;

const T_SELF: u32 = T_DOCUMENT;
const T_OTHER: u32 = T_DOCUMENT + 1;
const T_SELF_MAJORITY: u32 = T_DOCUMENT + 2;
const T_UNANIMOUS: u32 = T_DOCUMENT + 3;

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
    // Label votes (0 = O, 1 + label) of the capitalised mentions of each word.
    let mut votes_of: HashedMap<Vec<u32>> = HashedMap::default();
    let label_of = |tag: usize| TagSet::split(tag).map_or(0, |(l, _)| l + 1);
    for (i, &tag) in tags.iter().enumerate() {
        if votes(p.class(i)) {
            let v = votes_of.entry(p.identity[i]).or_default();
            let l = label_of(tag);
            if v.len() <= l {
                v.resize(l + 1, 0);
            }
            v[l] += 1;
        }
    }
    for (i, &tag) in tags.iter().enumerate() {
        if !votes(p.class(i)) {
            continue;
        }
        emit(i, feature_key(T_SELF, tag as u64));
        let Some(all) = votes_of.get(&p.identity[i]) else { continue };
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
